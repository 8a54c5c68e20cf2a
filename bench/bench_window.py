"""Benchmark of the whole main window on ~5 MB of Arabic news with 100,000 annotations.

Issue 3's targets, measured in one run, offscreen:
  * the window's own part of opening a document (from the loaded document to the first paint
    of the text with its highlights: text view, annotation list, inspector, status) against a
    bare QPlainTextEdit showing the same text (target: at most 3x);
  * adding an annotation through the label shortcut path (selection, snapping, undo stack,
    list, view repaint) and deleting it again (target: at most 20 ms each).

    QT_QPA_PLATFORM=offscreen python bench/bench_window.py [--rounds 3] [--spans 100000]
        [--drawing]

``--drawing`` measures with issue 13's drawing on: a tenth of the spans quotes linked to a
speaker (bench_textview_drawing.build_linked), View > Show Label Names and Show All Links.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from dataclasses import replace

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
from bench_textview_drawing import build_linked
from benchlib import offscreen_qt
from PySide6.QtWidgets import QApplication


def open_window(app: QApplication, window: MainWindow, document) -> float:  # type: ignore[no-untyped-def]
    view = window.view
    before = view.paint_stats["paints"]
    gc.collect()
    started = time.perf_counter()
    window.set_document(document, None)
    wait_for_paint(app, lambda: view.paint_stats["paints"] > before
                   and view.paint_stats["spans"] > 0)
    return time.perf_counter() - started


def settle(app: QApplication, seconds: float = 0.1) -> None:
    """Let the window finish what follows an action (the list catching up) before the next:
    an annotator does not press the next key within a millisecond."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents()


def timed(app: QApplication, window: MainWindow, action,  # type: ignore[no-untyped-def]
          cpu: list[float] | None = None) -> float:
    """Wall seconds of ``action`` and the repaint it causes; its CPU seconds on this (the
    GUI) thread are added to ``cpu`` (a loaded machine inflates them far less)."""
    settle(app)
    view = window.view
    before = view.paint_stats["paints"]
    started, started_cpu = time.perf_counter(), time.thread_time()
    action()
    view.viewport().update()
    wait_for_paint(app, lambda: view.paint_stats["paints"] > before)
    if cpu is not None:
        cpu.append(time.thread_time() - started_cpu)
    return time.perf_counter() - started


def main() -> int:
    offscreen_qt()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--spans", type=int, default=100_000)
    parser.add_argument("--drawing", action="store_true",
                        help="linked quotes, label names and all links shown")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([])
    text = build_text()
    # An annotator's own file: every annotation by one person.  (A merged file with several
    # annotators' layers opens in adjudication mode, measured by bench_adjudicate.py.)
    spans = build_linked(text, args.spans) if args.drawing else \
        build_annotations(text, args.spans)
    annotations = [replace(a, annotator="ali") for a in spans]
    window = MainWindow()
    window.annotator_name = lambda *a: "bench"
    window.ask_unsaved = lambda: "discard"
    window.resize(1400, 900)
    window.view.set_show_labels(args.drawing)
    window.view.set_show_all_links(args.drawing)
    window.show()
    wait_for_paint(app, lambda: window.isVisible())
    bare, ours, lists = [], [], []
    for _ in range(args.rounds):
        gc.collect()
        bare.append(open_bare(app, text))
        ours.append(open_window(app, window, fresh_document(text, annotations)))
        started = time.perf_counter()  # the list fills after the paint: let it finish here,
        wait_for_paint(app, lambda: window.list_model.rowCount() == len(annotations))
        lists.append(time.perf_counter() - started)  # not in the next round's figures
        time.sleep(0.3)
    bare_ms, ours_ms = statistics.median(bare) * 1000, statistics.median(ours) * 1000
    print(f"document: {len(text):,} characters, {len(annotations):,} annotations"
          + (f", {sum(1 for a in annotations if a.links):,} quotes linked; label names and "
             "all links shown" if args.drawing else ""))
    print(f"open: bare QPlainTextEdit {bare_ms:.0f} ms, main window to the first paint with "
          f"highlights {ours_ms:.0f} ms = {ours_ms / bare_ms:.2f}x (target <= 3x; median of "
          f"{args.rounds})")
    print(f"  the annotation list filled {statistics.median(lists) * 1000:.0f} ms after "
          "that first paint")

    view = window.view
    words = [(m, m + 5) for m in range(1000, 200_000, 9_973)]
    adds, deletes, add_cpu, delete_cpu = [], [], [], []  # type: ignore[var-annotated]
    for start, end in words[:20]:
        view.select_span(start, end)  # the annotator selects (the view scrolls and paints),
        before = view.paint_stats["paints"]
        wait_for_paint(app, lambda b=before: view.paint_stats["paints"] > b)
        adds.append(timed(app, window, lambda: window.annotate_selection("PER", exact=True),
                          add_cpu))
        deletes.append(timed(app, window, window.delete_current, delete_cpu))
    print(f"add through the window: median {statistics.median(adds) * 1000:.1f} ms, "
          f"max {max(adds) * 1000:.1f} ms (target <= 20 ms); GUI-thread CPU median "
          f"{statistics.median(add_cpu) * 1000:.1f} ms")
    print(f"delete through the window: median {statistics.median(deletes) * 1000:.1f} ms, "
          f"max {max(deletes) * 1000:.1f} ms (target <= 20 ms); GUI-thread CPU median "
          f"{statistics.median(delete_cpu) * 1000:.1f} ms")
    undo = timed(app, window, window.undo)
    print(f"undo of the last delete: {undo * 1000:.1f} ms")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
