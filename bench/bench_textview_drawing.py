"""Benchmark of the text view's drawing of issue 13 §1 (label names, nesting lanes, link arcs)
on ~5 MB of real Arabic news with 100,000 spans.

Run offscreen from the project root (needs ../shared/corpora/saudinewsnet):

    QT_QPA_PLATFORM=offscreen python bench/bench_textview_drawing.py [--spans 100000]

Cases, each on a fresh view of its own document:
  * plain: bench_textview's spans (entities, quotes and claims around them), nothing extra shown;
  * labels: the same with View > Show Label Names;
  * linked: 10% of the spans are quotes linked to a speaker just before them, half of those
    inside a claim (three levels of nesting), a quote current (its arc drawn);
  * linked, all links: the same with View > Show All Links;
  * linked, all: label names and all links together.

For each: a full repaint of the viewport, scrolling one page (median of 10 pages), and edits
of spans on screen, each with the repaint it causes (median and worst of 20): add, delete,
relabel, resize by a word, link a quote to a speaker.  Figures are in ms and as ratios to a
bare QPlainTextEdit repainting the same page in this run (the machine's speed cancels out);
the target is 20 ms per edit.  Each figure is wall-clock time and, in brackets, the CPU time
of the GUI thread (which a machine busy with other work inflates far less).
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace

from annotator_ui.textview import AnnotatedTextView, preferred_arabic_font
from bench_textview import (
    CORPUS,
    HEIGHT,
    WIDTH,
    BarePlainTextEdit,
    build_annotations,
    build_text,
    fresh_document,
    visible_range,
    wait_for_paint,
)
from benchlib import offscreen_qt
from PySide6.QtWidgets import QApplication

from annotator.model import Annotation, Document, Link
from annotator.tagset import default_tagset

EDITS = 20
PAGES = 10
LIMIT_MS = 20.0
LOOK_FOR_LINKS = 40  # pages looked through for one with several linked quotes


def build_linked(text: str, count: int, seed: int = 11) -> list[Annotation]:
    """``count`` spans of which a tenth are quotes of 4-25 words, each linked to a speaker
    (PER or ORG, 1-2 words) one to three words before it; every other such pair sits in a
    claim that holds both.  The rest are :func:`build_annotations`' spans."""
    rng = random.Random(seed)
    words = [m.span() for m in re.finditer(r"\S+", text)]
    quotes = count // 10
    claims = quotes // 2
    found = build_annotations(text, count - 2 * quotes - claims, seed)
    number = len(found)
    for pair in range(quotes):
        first = rng.randrange(len(words) - 40)
        speaker_end = first + rng.randint(0, 1)
        quote_start = speaker_end + rng.randint(1, 3)
        quote_end = quote_start + rng.randint(3, 24)
        speaker = Annotation(f"a{number + 1}", words[first][0], words[speaker_end][1],
                             rng.choice(("PER", "ORG")), "ali")
        quote = Annotation(f"a{number + 2}", words[quote_start][0], words[quote_end][1],
                           "QUOTE", "ali", links=(Link("speaker", speaker.id),))
        found += [speaker, quote]
        number += 2
        if pair < claims:
            claim_end = min(len(words) - 1, quote_end + rng.randint(0, 3))
            found.append(Annotation(f"a{number + 1}", words[first][0], words[claim_end][1],
                                    "CLAIM", "ali"))
            number += 1
    return found


Times = tuple[float, float]  # ms: wall clock, CPU of this thread


def clock() -> Times:
    return time.perf_counter() * 1000, time.thread_time() * 1000


def since(started: Times) -> Times:
    now = clock()
    return now[0] - started[0], now[1] - started[1]


def medians(found: list[Times]) -> Times:
    return statistics.median(t[0] for t in found), statistics.median(t[1] for t in found)


def repaint_ms(app: QApplication, widget, runs: int = 10) -> Times:  # type: ignore[no-untyped-def]
    """Median ms of a synchronous repaint of ``widget``'s whole viewport."""
    app.processEvents()
    times = []
    for _ in range(runs):
        started = clock()
        widget.viewport().repaint()
        times.append(since(started))
    return medians(times)


def bare_paint_ms(app: QApplication, text: str) -> Times:
    """The baseline: a bare QPlainTextEdit repainting one page of the same text."""
    edit = BarePlainTextEdit()
    edit.setFont(preferred_arabic_font())
    edit.setReadOnly(True)
    edit.resize(WIDTH, HEIGHT)
    edit.setPlainText(text)
    edit.show()
    wait_for_paint(app, lambda: edit.paints > 0)
    scrollbar = edit.verticalScrollBar()
    scrollbar.setValue(scrollbar.maximum() // 3)
    app.processEvents()
    elapsed = repaint_ms(app, edit, 20)
    edit.close()
    edit.deleteLater()
    app.processEvents()
    return elapsed


def open_case(app: QApplication, document: Document, labels: bool,
              all_links: bool) -> AnnotatedTextView:
    view = AnnotatedTextView()
    view.resize(WIDTH, HEIGHT)
    view.set_document(document, default_tagset())
    view.set_show_labels(labels)
    view.set_show_all_links(all_links)
    view.show()
    wait_for_paint(app, lambda: view.paint_stats["paints"] > 0)
    wait_for_paint(app, lambda: view.index_ready)
    scrollbar = view.verticalScrollBar()
    scrollbar.setValue(scrollbar.maximum() // 3)  # the middle of the text, not its first lines
    app.processEvents()
    if any(a.links for a in document.annotations):
        for _ in range(LOOK_FOR_LINKS):  # a page with several links to draw
            low, high = visible_range(view)
            if sum(1 for a in document.annotations.overlapping(low, high) if a.links) >= 4:
                break
            scrollbar.setValue(scrollbar.value() + scrollbar.pageStep())
            app.processEvents()
    return view


def timed(app: QApplication, view: AnnotatedTextView, edit: Callable[[], object]) -> Times:
    painted = view.paint_stats["paints"]
    started = clock()
    edit()
    wait_for_paint(app, lambda: view.paint_stats["paints"] > painted)
    app.processEvents()  # and the repaints the first one asked for (an arc that moved)
    return since(started)


def on_screen(view: AnnotatedTextView, document: Document, label: str) -> list[Annotation]:
    low, high = visible_range(view)
    return [a for a in document.annotations.overlapping(low, high)
            if a.label == label and a.start >= low and a.end <= high]


def edit_times(app: QApplication, view: AnnotatedTextView,
               document: Document) -> dict[str, list[Times]]:
    """ms of each kind of edit of a span on screen, with its repaint."""
    rng = random.Random(5)
    low, high = visible_range(view)
    words = [(m.start() + low, m.end() + low)
             for m in re.finditer(r"\S+", document.text[low:high])]
    annotations = document.annotations
    times: dict[str, list[Times]] = {k: [] for k in ("add", "delete", "relabel", "resize",
                                                     "link")}
    for _ in range(EDITS):
        start, end = rng.choice(words)
        added: list[Annotation] = []

        def add(start: int = start, end: int = end, added: list[Annotation] = added) -> None:
            added.append(document.annotate(start, end, "PER", annotator="bench"))
            view.annotations_changed([added[-1]])

        def delete(added: list[Annotation] = added) -> None:
            view.annotations_changed(removed=[annotations.remove(added[-1].id)])

        times["add"].append(timed(app, view, add))
        times["delete"].append(timed(app, view, delete))

        entities = [a for label in ("PER", "ORG", "LOC") for a in on_screen(view, document, label)]
        if not entities:
            continue
        entity = rng.choice(entities)

        def relabel(entity: Annotation = entity) -> None:
            label = "LOC" if entity.label != "LOC" else "ORG"
            annotations.replace(replace(entity, label=label))
            view.annotations_changed([annotations[entity.id]])

        def resize(entity: Annotation = entity) -> None:
            later = [w for w in words if w[0] >= annotations[entity.id].end]
            if later:
                annotations.replace(replace(annotations[entity.id], end=later[0][1]))
            view.annotations_changed([annotations[entity.id]])

        times["relabel"].append(timed(app, view, relabel))
        times["resize"].append(timed(app, view, resize))
        annotations.replace(entity)  # as it was, so that the page stays the same
        view.annotations_changed([entity])
        app.processEvents()

        quotes = on_screen(view, document, "QUOTE")
        speakers = on_screen(view, document, "PER")
        if quotes and speakers:
            quote, speaker = rng.choice(quotes), rng.choice(speakers)
            view.set_current_annotation(quote.id)  # as the window does in link mode
            app.processEvents()

            def link(quote: Annotation = quote, speaker: Annotation = speaker) -> None:
                annotations.replace(replace(quote, links=(Link("speaker", speaker.id),)))
                view.annotations_changed([annotations[quote.id]])

            times["link"].append(timed(app, view, link))
            annotations.replace(quote)
            view.annotations_changed([quote])
            app.processEvents()
    return times


def scroll_times(app: QApplication, view: AnnotatedTextView, arcs: list[int]) -> list[Times]:
    """Times of scrolling one page down, :data:`PAGES` times; ``arcs`` gets the arcs drawn
    on each page."""
    scrollbar = view.verticalScrollBar()
    found = []
    for _ in range(PAGES):
        painted = view.paint_stats["paints"]
        started = clock()
        scrollbar.setValue(scrollbar.value() + scrollbar.pageStep())
        wait_for_paint(app, lambda p=painted: view.paint_stats["paints"] > p)
        app.processEvents()
        found.append(since(started))
        arcs.append(len(view.last_arcs))
    return found


def figure(times: Times, bare: Times) -> str:
    """``wall ms = ratio x bare (cpu ms = ratio x bare)``."""
    return (f"{times[0]:6.1f} ms = {times[0] / bare[0]:5.1f}x bare "
            f"(CPU {times[1]:5.1f} ms = {times[1] / bare[1]:5.1f}x)")


def main(argv: list[str] | None = None) -> int:
    offscreen_qt()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spans", type=int, default=100_000)
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([])
    text = build_text()
    plain = build_annotations(text, args.spans)
    linked = build_linked(text, args.spans)
    print(f"text: {len(text):,} characters; {len(plain):,} spans (plain), {len(linked):,} "
          f"spans with {sum(1 for a in linked if a.links):,} quotes linked (linked)")
    bare_paint_ms(app, text[:20000])  # warm up fonts
    bare = bare_paint_ms(app, text)
    print(f"baseline, bare QPlainTextEdit repainting one page: {bare[0]:.2f} ms "
          f"(CPU {bare[1]:.2f} ms; median of 20)")
    cases = (("plain", plain, False, False), ("labels", plain, True, False),
             ("linked", linked, False, False), ("linked, all links", linked, False, True),
             ("linked, all", linked, True, True))
    worst = worst_cpu = 0.0
    for name, spans, labels, all_links in cases:
        gc.collect()
        document = fresh_document(text, spans)
        view = open_case(app, document, labels, all_links)
        quotes = on_screen(view, document, "QUOTE")
        if quotes:
            view.set_current_annotation(quotes[0].id)
            app.processEvents()
        paint = repaint_ms(app, view)
        print(f"\n[{name}] {view.paint_stats['spans']} spans and {len(view.last_arcs)} arcs "
              "on the page")
        print(f"  page repaint    {figure(paint, bare)}")
        arcs: list[int] = []
        scrolls = scroll_times(app, view, arcs)
        print(f"  scroll a page   {figure(medians(scrolls), bare)}  (median of {PAGES}, "
              f"worst {max(t[0] for t in scrolls):.1f} ms; {sum(arcs)} arcs on those pages)")
        for kind, found in edit_times(app, view, document).items():
            if not found:
                print(f"  {kind:<14} (no span of its kind on screen)")
                continue
            median = medians(found)
            worst = max(worst, median[0])
            worst_cpu = max(worst_cpu, median[1])
            flag = "" if median[0] <= LIMIT_MS else "  OVER 20 ms"
            print(f"  {kind:<14}{figure(median, bare)}  (median of {len(found)}, "
                  f"worst {max(t[0] for t in found):.1f} ms){flag}")
        view.close()
        view.deleteLater()
        app.processEvents()
    print(f"\nslowest edit (median) over all cases: {worst:.1f} ms, CPU {worst_cpu:.1f} ms "
          f"(limit {LIMIT_MS:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
