"""Benchmark: the main window opening a big merged document in adjudication mode.

The document of bench/bench_textview.py (~5 MB of Arabic news, 100,000 spans spread over three
annotators: ~83,000 decision points).  Measured in one run, offscreen:

  * a bare QPlainTextEdit showing the text (the baseline) against ``MainWindow.set_document``
    up to the first paint of the text with its highlights, adjudication mode switched on
    (target: at most 3x), and against the same spans all by one annotator (no adjudication:
    the difference is adjudication's own part of opening);
  * the time from ``set_document`` until every conflict is counted (done after the first
    paint, in slices, while the dock says "counting conflicts");
  * each edit in adjudication mode with the dock's recount and the repaint: a label key on a
    selection (gold), accepting a version (Alt+1), deleting it, an undo, the next conflict
    (target: about 20 ms each, 50 ms at most);
  * the core's count alone (``decision_points``), as a ratio to sorting the annotations once.

    QT_QPA_PLATFORM=offscreen python bench/bench_window_adjudication.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from annotator_ui.mainwindow import MainWindow
from bench_textview import (  # the same document as the view benchmark
    CORPUS,
    build_annotations,
    build_text,
    fresh_document,
    open_bare,
    wait_for_paint,
)
from benchlib import offscreen_qt
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from annotator.adjudicate import decision_points


def counting(window: MainWindow) -> bool:
    return bool(getattr(window.adjudication, "counting", False))  # type: ignore[attr-defined]


class PaintClock(QObject):
    """Notes when the text view's first paint with highlights has finished: at the next
    event of any kind after it (work queued behind the paint, such as the first slice of the
    count, must not be charged to opening)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.view = window.view
        self.after_paint = False
        self.finished: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.finished is None:
            if self.after_paint:
                self.finished = time.perf_counter()
            elif watched is self.view.viewport() and event.type() == QEvent.Type.Paint:
                self.after_paint = True
        return False


def open_window(app: QApplication, window: MainWindow, document) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Seconds to the first paint with highlights, and to the end of the conflict count."""
    view = window.view
    clock = PaintClock(window)
    gc.collect()
    app.installEventFilter(clock)
    started = time.perf_counter()
    window.set_document(document, None)
    window.adjudication.set_active(True)  # the lead's choice: opening never switches modes
    deadline = time.perf_counter() + 30
    while clock.finished is None and time.perf_counter() < deadline:
        app.processEvents()
    app.removeEventFilter(clock)
    assert clock.finished is not None and view.paint_stats["spans"] > 0
    painted = clock.finished - started
    deadline = time.perf_counter() + 120
    while counting(window) and time.perf_counter() < deadline:
        app.processEvents()
    done = time.perf_counter() - started
    settle(app)
    return painted, done


def settle(app: QApplication, seconds: float = 0.5) -> None:
    """Let work deferred past a paint (the annotation list's fill, freeing the last file) run
    out, so the next measurement does not pay for it."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents()


def timed(app: QApplication, window: MainWindow, action) -> float:  # type: ignore[no-untyped-def]
    """Seconds for ``action`` and the repaint it asks for."""
    view = window.view
    before = view.paint_stats["paints"]
    started = time.perf_counter()
    action()
    view.viewport().update()
    wait_for_paint(app, lambda: view.paint_stats["paints"] > before)
    return time.perf_counter() - started


def report(name: str, times: list[float]) -> None:
    print(f"  {name:34} median {statistics.median(times) * 1000:6.1f} ms, "
          f"max {max(times) * 1000:6.1f} ms  ({len(times)} runs)")


def main() -> int:
    offscreen_qt()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--spans", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=10)
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([])
    text = build_text()
    annotations = build_annotations(text, args.spans)
    window = MainWindow()
    window.annotator_name = lambda *a: "lead"  # type: ignore[method-assign]
    window.ask_unsaved = lambda: "discard"  # type: ignore[method-assign]
    window.resize(1400, 900)
    window.show()
    wait_for_paint(app, lambda: window.isVisible())
    open_bare(app, text[:20000])  # warm up fonts and glyph caches

    alone = [dataclasses.replace(a, annotator="ali") for a in annotations]
    bare, single, painted, counted = [], [], [], []
    for _ in range(args.rounds):
        gc.collect()
        bare.append(open_bare(app, text))
        single.append(open_window(app, window, fresh_document(text, alone))[0])
        first, done = open_window(app, window, fresh_document(text, annotations))
        painted.append(first)
        counted.append(done)
    adjudication = window.adjudication  # type: ignore[attr-defined]
    assert adjudication.active, "a document of three annotators opens in adjudication mode"
    bare_ms = statistics.median(bare) * 1000
    painted_ms = statistics.median(painted) * 1000
    single_ms = statistics.median(single) * 1000
    counted_ms = statistics.median(counted) * 1000
    print(f"document: {len(text):,} characters, {len(annotations):,} annotations, "
          f"{len(adjudication.points):,} decision points")
    print(f"open, bare QPlainTextEdit:                {bare_ms:7.0f} ms  (median of {args.rounds})")
    print(f"open, main window, one annotator's work:  {single_ms:7.0f} ms  "
          f"= {single_ms / bare_ms:.2f}x bare (no adjudication: the window's other parts)")
    print(f"open, main window in adjudication mode:   {painted_ms:7.0f} ms  "
          f"= {painted_ms / bare_ms:.2f}x bare (target <= 3x), to the first paint; "
          f"adjudication's part {painted_ms - single_ms:+.0f} ms")
    print(f"  every conflict counted:                 {counted_ms:7.0f} ms  "
          f"= {counted_ms / bare_ms:.2f}x bare, from set_document")

    document = window.document
    view = window.view
    adds, accepts, deletes, undos, nexts = [], [], [], [], []
    step = max(1, len(adjudication.points) // (args.edits + 1))
    for number in range(args.edits):
        index = (number + 1) * step
        point = adjudication.points[index]
        adjudication.show_point(index)
        app.processEvents()
        # a label key on a selection: into gold while adjudicating
        start = point.start
        view.select_span(start, start + 3)
        adds.append(timed(app, window, lambda: window.annotate_selection("PER", exact=True)))
        deletes.append(timed(app, window, window.delete_current))
        adjudication.show_point(adjudication.index)
        accepts.append(timed(app, window, lambda: adjudication.accept_version(1)))
        undos.append(timed(app, window, window.undo))
        nexts.append(timed(app, window, lambda: adjudication.go(+1)))
    assert document is window.document
    print("edits in adjudication mode (with the dock's recount and the repaint):")
    report("label key on a selection (gold)", adds)
    report("delete it", deletes)
    report("accept version 1 (Alt+1)", accepts)
    report("undo the accept", undos)
    report("next conflict (Alt+PgDown)", nexts)

    annotations_now = document.annotations
    started = time.perf_counter()
    sorted(annotations_now, key=lambda a: (a.start, -a.end, a.id))
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    decision_points(document)
    core = time.perf_counter() - started
    print(f"core: decision_points {core * 1000:.0f} ms = {core / baseline:.1f}x one sort of the "
          f"annotations ({baseline * 1000:.0f} ms)")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
