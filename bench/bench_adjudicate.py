"""Benchmark: adjudicating a big merged document (core and, with --window, the desktop app).

Three annotators' sets are derived from one random set of spans over a synthetic Arabic text
(dropped, widened and relabelled spans), merged by majority.  Printed: the full count of
decision points, one accept, and the recount near that accept (``PointList.update``; also
given the annotators and the change, as the window passes them), each with its ratio to one
pass over the annotations (sorting them by position) measured in the same run; with
``--window``, opening in the real window (to the end of the deferred count) and one Alt+2
(accept, recount, rows) too.  The core leaves the cycle collector alone; the full count is
also timed with the collector paused, as a caller (the app) may pause it.

    python bench/bench_adjudicate.py [--spans 20000] [--repeat 3] [--window]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from benchlib import run_times

from annotator.adjudicate import PointList, accept, decision_points
from annotator.corpus import AnnotatorSet
from annotator.gcpause import CollectorPaused
from annotator.merge import MergeOptions, merge_sets
from annotator.model import Annotation, Document

WORDS = ["قال", "الوزير", "محمد", "شركة", "أرامكو", "في", "الرياض", "النتائج", "مؤتمر", "صحفي"]


def merged_document(spans: int, seed: int = 1) -> Document:
    """A merged document of three annotators who each drew about ``spans`` spans."""
    rnd = random.Random(seed)
    text = " ".join(rnd.choice(WORDS) for _ in range(spans * 3))
    base = [(rnd.randrange(0, len(text) - 20), rnd.randrange(3, 15),
             rnd.choice(["PER", "ORG", "LOC"])) for _ in range(spans)]
    sets = []
    for who in ("alice", "bob", "carol"):
        found = []
        for number, (start, width, label) in enumerate(base):
            roll = rnd.random()
            if roll < 0.05:
                continue
            if roll < 0.10:
                width += 2
            if roll < 0.13:
                label = "GPE"
            found.append(Annotation(f"a{number}", start, start + width, label, who))
        sets.append(AnnotatorSet(who, tuple(found), who))
    return merge_sets(Document("bench", text), sets, MergeOptions(lead="lead")).document


def timed(function: Callable[[], object], repeat: int) -> float:
    """Median seconds of ``repeat`` runs."""
    return statistics.median(run_times(repeat, function))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spans", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--window", action="store_true", help="also time a key in the app")
    args = parser.parse_args()
    document = merged_document(args.spans)
    annotations = document.annotations
    baseline = timed(lambda: sorted(annotations, key=lambda a: (a.start, -a.end, a.id)),
                     args.repeat)
    full = timed(lambda: decision_points(document), args.repeat)
    with CollectorPaused():
        full_paused = timed(lambda: decision_points(document), args.repeat)
    points = PointList(document)
    target = points.points[len(points.points) // 2]
    version = target.versions[-1]
    change = accept(document, version.id, lead="lead")
    one = timed(lambda: accept(document, version.id, lead="lead"), args.repeat)
    told = timed(lambda: accept(document, version.id, lead="lead", people=points.people),
                 args.repeat)
    change.apply(document)
    spans = [*change.before, *change.after]
    lo, hi = min(a.start for a in spans), max(a.end for a in spans)

    def recount() -> None:
        PointList.update(points, document, lo, hi)

    def recount_told() -> None:  # as the window does: the change says annotators stay
        PointList.update(points, document, lo, hi, change)

    near = timed(recount, args.repeat)
    near_told = timed(recount_told, args.repeat)
    print(f"{len(annotations)} annotations, {len(points.points)} decision points")
    print(f"baseline (sort the annotations once): {baseline * 1000:.1f} ms")
    for name, seconds in (("all decision points", full), ("  collector paused", full_paused),
                          ("accept one version", one),
                          ("  given the annotators", told),
                          ("recount near the edit", near), ("  given the change", near_told)):
        print(f"{name:28} {seconds * 1000:8.2f} ms  {seconds / baseline:6.3f}x baseline")
    print(f"recount near an edit / full count: {near / full:.3f} "
          f"({near_told / full:.3f} given the change)")
    if args.window:
        window_figures(document, baseline, args.repeat)


def window_figures(document: Document, baseline: float, repeat: int) -> None:
    """One Alt+2 (accept version 2 of the current conflict) in the real window."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from annotator_ui.mainwindow import MainWindow
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.annotator_name = lambda: "lead"  # type: ignore[method-assign]
    window.show()
    start = time.perf_counter()
    window.set_document(document)
    app.processEvents()
    opened = time.perf_counter() - start
    adjudication = window.adjudication  # type: ignore[attr-defined]
    while adjudication.counting:  # a big file's conflicts are counted after its first paint
        app.processEvents()
    counted = time.perf_counter() - start
    adjudication.show_point(next(n for n, p in enumerate(adjudication.points)
                                 if len(p.versions) > 1))
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        QTest.keyClick(window.view, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
        app.processEvents()
        times.append(time.perf_counter() - start)
        window.undo()
        app.processEvents()
    key = statistics.median(times)
    print(f"{'open in adjudication mode':28} {opened * 1000:8.1f} ms  "
          f"{opened / baseline:6.2f}x baseline")
    print(f"{'  and every conflict counted':28} {counted * 1000:8.1f} ms  "
          f"{counted / baseline:6.2f}x baseline")
    print(f"{'Alt+2 in the window':28} {key * 1000:8.1f} ms  {key / baseline:6.2f}x baseline")
    window.close()


if __name__ == "__main__":
    main()
