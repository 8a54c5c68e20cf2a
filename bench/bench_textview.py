"""Benchmark of the annotated text view on ~5 MB of real Arabic news with 100,000 spans.

Run offscreen from the project root (needs ../shared/corpora/saudinewsnet):

    QT_QPA_PLATFORM=offscreen python bench/bench_textview.py [--rounds 5] [--spans 100000]

Prints, all measured in this run (figures are noisy; the ratios are what matter):
  * opening: a bare QPlainTextEdit's setPlainText + show + first paint, against
    AnnotatedTextView.set_document + show + first paint with its highlights (the document
    is already loaded and the garbage collector settled before each; building the document
    is not the view's part);
  * the deferred build of the core's interval index that follows the first paint;
  * adding and deleting one annotation, each with its repaint (median of 20);
  * scrolling one page: how many blocks and spans the paint considered;
  * a hit test under the mouse (tooltips, clicks) and zooming in.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

from annotator_ui.textview import AnnotatedTextView, preferred_arabic_font
from benchlib import NEWS, offscreen_qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.model import Annotation, Document
from annotator.tagset import default_tagset

ROOT = Path(__file__).resolve().parent.parent
CORPUS = NEWS
TARGET_BYTES = 5_000_000
ENTITY_LABELS = ("PER", "ORG", "LOC")
ANNOTATORS = ("ali", "sara", "omar")
WIDTH, HEIGHT = 1000, 800


def build_text(target_bytes: int = TARGET_BYTES) -> str:
    """Article contents joined by blank lines, repeated and cut to ``target_bytes`` of UTF-8."""
    articles = json.loads(CORPUS.read_text(encoding="utf-8"))
    base = "\n\n".join(a["content"] for a in articles if a["content"])
    text = base
    while len(text.encode("utf-8")) < target_bytes:
        text += "\n\n" + base
    return text.encode("utf-8")[:target_bytes].decode("utf-8", "ignore")


def build_annotations(text: str, count: int, seed: int = 7) -> list[Annotation]:
    """``count`` word-aligned spans: entities of 1-3 words, quotes and claims of 4-25 words.

    Quotes and claims are long enough that many entities fall inside them (nesting), and the
    three annotators label some of the same words.
    """
    rng = random.Random(seed)
    words = [m.span() for m in re.finditer(r"\S+", text)]
    found: list[Annotation] = []
    for number in range(count):
        first = rng.randrange(len(words))
        if rng.random() < 0.15:
            label = rng.choice(("QUOTE", "CLAIM"))
            length = rng.randint(4, 25)
        else:
            label = rng.choice(ENTITY_LABELS)
            length = rng.randint(1, 3)
        last = min(len(words) - 1, first + length - 1)
        found.append(Annotation(f"a{number + 1}", words[first][0], words[last][1], label,
                                rng.choice(ANNOTATORS)))
    return found


class BarePlainTextEdit(QPlainTextEdit):
    """A plain QPlainTextEdit that counts its paints (the baseline)."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.paints += 1


def wait_for_paint(app: QApplication, painted) -> None:
    deadline = time.perf_counter() + 30
    while not painted() and time.perf_counter() < deadline:
        app.processEvents()


def open_bare(app: QApplication, text: str) -> float:
    edit = BarePlainTextEdit()
    edit.setFont(preferred_arabic_font())
    edit.setReadOnly(True)
    edit.resize(WIDTH, HEIGHT)
    started = time.perf_counter()
    edit.setPlainText(text)
    edit.show()
    wait_for_paint(app, lambda: edit.paints > 0)
    elapsed = time.perf_counter() - started
    edit.close()
    edit.deleteLater()
    app.processEvents()
    return elapsed


def open_view(app: QApplication, document: Document) -> tuple[float, float, AnnotatedTextView]:
    view = AnnotatedTextView()
    view.resize(WIDTH, HEIGHT)
    started = time.perf_counter()
    view.set_document(document, default_tagset())
    view.show()
    wait_for_paint(app, lambda: view.paint_stats["paints"] > 0)
    first_paint = time.perf_counter() - started
    spans_painted = view.paint_stats["spans"]
    index_started = time.perf_counter()
    wait_for_paint(app, lambda: view.index_ready)  # the deferred index build
    index_time = time.perf_counter() - index_started
    assert spans_painted > 0, "the first paint showed no highlights"
    return first_paint, index_time, view


def fresh_document(text: str, annotations: list[Annotation]) -> Document:
    document = Document("bench", text)
    document.annotations.extend(annotations)
    return document


def timed_edit(app: QApplication, view: AnnotatedTextView, edit) -> float:
    painted = view.paint_stats["paints"]
    started = time.perf_counter()
    edit()
    wait_for_paint(app, lambda: view.paint_stats["paints"] > painted)
    return time.perf_counter() - started


def visible_range(view: AnnotatedTextView) -> tuple[int, int]:
    """Code points from the first visible block to the bottom of the viewport."""
    positions = view.position_map()
    low = positions.from_qt(view.firstVisibleBlock().position())
    bottom = view.cursorForPosition(view.viewport().rect().bottomLeft()).position()
    return low, positions.from_qt(bottom)


def main(argv: list[str] | None = None) -> int:
    offscreen_qt()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--spans", type=int, default=100_000)
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([])
    text = build_text()
    annotations = build_annotations(text, args.spans)
    paragraphs = text.count("\n") + 1
    print(f"text: {len(text.encode('utf-8')):,} bytes UTF-8, {len(text):,} characters, "
          f"{paragraphs:,} blocks; {len(annotations):,} annotations")

    open_bare(app, text[:20000])  # warm up fonts and glyph caches for both
    bare_times, view_times, index_times = [], [], []
    view = None
    for _ in range(args.rounds):
        document = fresh_document(text, annotations)
        gc.collect()  # settle the loader's garbage: part of loading, not of opening
        bare_times.append(open_bare(app, text))
        gc.collect()
        first_paint, index_time, view = open_view(app, document)
        view_times.append(first_paint)
        index_times.append(index_time)
        if _ < args.rounds - 1:
            view.close()
            view.deleteLater()
            app.processEvents()
    bare, mine, index = (statistics.median(x) for x in (bare_times, view_times, index_times))
    print(f"open, bare QPlainTextEdit:         {bare * 1000:8.1f} ms  (median of {args.rounds})")
    print(f"open, AnnotatedTextView to paint:  {mine * 1000:8.1f} ms  = {mine / bare:.2f}x bare"
          "  (limit 3x)")
    print(f"  then deferred index build:       {index * 1000:8.1f} ms  = {index / bare:.2f}x bare"
          "  (after the first paint, the core's interval index)")

    assert view is not None
    document = view.current_document()
    assert document is not None
    # Edits on words on screen, so that each one repaints.
    low, high = visible_range(view)
    words = [m.span() for m in re.finditer(r"\S+", document.text[low:high])]
    rng = random.Random(3)
    add_times, delete_times = [], []
    for _ in range(20):
        start, end = rng.choice(words)
        added: list[Annotation] = []

        def add(start: int = start + low, end: int = end + low, added: list = added) -> None:
            added.append(document.annotate(start, end, "PER", annotator="bench"))
            view.annotations_changed([added[-1]])

        def delete(added: list = added) -> None:
            removed = document.annotations.remove(added[-1].id)
            view.annotations_changed(removed=[removed])

        add_times.append(timed_edit(app, view, add))
        delete_times.append(timed_edit(app, view, delete))
    add_ms = statistics.median(add_times) * 1000
    delete_ms = statistics.median(delete_times) * 1000
    print(f"add one annotation + repaint:      {add_ms:8.1f} ms  (median of 20; limit 20 ms)"
          f"  = {add_ms / 1000 / bare:.2f}x bare open")
    print(f"delete one annotation + repaint:   {delete_ms:8.1f} ms  (median of 20; limit 20 ms)"
          f"  = {delete_ms / 1000 / bare:.2f}x bare open")

    scrollbar = view.verticalScrollBar()
    painted = view.paint_stats["paints"]
    started = time.perf_counter()
    scrollbar.setValue(scrollbar.value() + scrollbar.pageStep())
    wait_for_paint(app, lambda: view.paint_stats["paints"] > painted)
    scroll_ms = (time.perf_counter() - started) * 1000
    stats = view.paint_stats
    print(f"scroll one page + repaint:         {scroll_ms:8.1f} ms; the paint considered "
          f"{stats['blocks']} of {view.document().blockCount():,} blocks and "
          f"{stats['spans']} of {len(document.annotations):,} annotations")
    middle = scrollbar.maximum() // 2
    painted = view.paint_stats["paints"]
    started = time.perf_counter()
    scrollbar.setValue(middle)
    wait_for_paint(app, lambda: view.paint_stats["paints"] > painted)
    jump_ms = (time.perf_counter() - started) * 1000
    print(f"jump to the middle + repaint:      {jump_ms:8.1f} ms; {stats['blocks']} blocks, "
          f"{stats['spans']} spans considered")

    rects = []
    low, high = visible_range(view)
    for annotation in document.annotations.overlapping(low, high):
        rects = view.annotation_rects(annotation.id)
        if rects:
            break
    point = rects[0].center().toPoint()
    hit_times = []
    for _ in range(20):
        started = time.perf_counter()
        view.annotations_at(point)
        hit_times.append(time.perf_counter() - started)
    print(f"hit test under the mouse (tooltip/click): {statistics.median(hit_times) * 1000:.2f} ms"
          " (median of 20)")

    painted = view.paint_stats["paints"]
    started = time.perf_counter()
    view.zoom_in()
    wait_for_paint(app, lambda: view.paint_stats["paints"] > painted)
    zoom_ms = (time.perf_counter() - started) * 1000
    print(f"zoom in + repaint:                 {zoom_ms:8.1f} ms  = {zoom_ms / 1000 / bare:.2f}x"
          " bare open")
    return 0


if __name__ == "__main__":
    sys.exit(main())
