"""Benchmark: suggestions for a 5 MB article from all recommenders, in the window, and how
responsive the window stays meanwhile (issue 12 §1 and §4: within 10 s on this 2-core machine;
typing and labelling never wait).

The article is bench_tei.py's: 5 MB of SaudiNewsNet text with 100,000 word-aligned annotations
from three annotators, saved as TEI in a project folder; the project-names recommender learns
the names of that folder's files (this article: 35,000 "names", since its spans are random
words, so it proposes far more than a real project would).  The CRF, when ANERcorp is at
hand, is trained beforehand on its first ``--crf-lines`` lines into the project's
``models/crf`` (training is not timed here: bench_crf_anercorp.py times it).

Printed, each measured in this run:
  * the baseline: lxml's parse of the article's TEI file (best of 3);
  * each recommender's time on the article, in this process, as a ratio to the baseline;
  * in the window (offscreen): from Suggest to the suggestions stored and painted, and the
    largest gap between two ticks of a 5 ms QTimer on the GUI thread while the child process
    ran the recommenders, and while the window stored what came back.

    QT_QPA_PLATFORM=offscreen python bench/bench_suggest.py [--megabytes 5]
        [--annotations 100000] [--crf-lines 20000] [--no-crf]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_tei import build_document, build_text
from benchlib import SHARED, best_of, offscreen_qt
from lxml import etree

from annotator.tei import save_tei

ANERCORP = SHARED / "corpora" / "anercorp" / "ANERCorp"


def train_small_crf(lines: int, target: Path) -> bool:
    """A CRF trained on the first ``lines`` lines of ANERcorp, saved in ``target``."""
    if not ANERCORP.exists():
        return False
    from annotator.formats import ImportOptions, Problems
    from annotator.formats.conll import read_conll
    from annotator.suggest.crf_model import train_crf

    part = target.parent.parent.parent / "anercorp-part.txt"  # beside the project folder
    with ANERCORP.open(encoding="utf-8") as source:
        part.write_text("".join(line for _, line in zip(range(lines), source, strict=False)),
                        encoding="utf-8")
    documents = list(read_conll(part, ImportOptions(repair=True), Problems()))
    train_crf(documents).save(target)
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5)
    parser.add_argument("--annotations", type=int, default=100_000)
    parser.add_argument("--crf-lines", type=int, default=20_000)
    parser.add_argument("--no-crf", action="store_true")
    args = parser.parse_args()
    offscreen_qt()

    temp = Path(tempfile.mkdtemp(prefix="annotator-bench-suggest-"))
    project = temp / "project"
    project.mkdir()
    text = build_text(args.megabytes)
    article = build_document(text, args.annotations)
    path = project / "article.tei.xml"
    save_tei(article, path)
    size = path.stat().st_size
    crf = not args.no_crf and train_small_crf(args.crf_lines, project / "models" / "crf")
    names = ["cues", "claims", "project"] + (["crf"] if crf else [])

    gc.disable()
    baseline = best_of(3, lambda: etree.parse(str(path)))
    print(f"article: {len(text):,} characters, {len(article.annotations):,} annotations, "
          f"TEI file {size / 1e6:.1f} MB; baseline (lxml parse of it): {baseline:.2f} s")

    from annotator_ui.suggest_runner import crf_model_in, make_job, run_job

    total, proposals = 0.0, 0
    for name in names:  # each as the app builds it (project names read the folder's files)
        job = make_job(article, [name], project=project, crf_model=crf_model_in(project))
        started = time.perf_counter()
        count = len(run_job(job))
        elapsed = time.perf_counter() - started
        total += elapsed
        proposals += count
        print(f"  {name:8s} {elapsed:6.2f} s  {count:>9,} proposals  "
              f"({elapsed / baseline:.1f}x baseline)")
    print(f"all recommenders, one after the other: {total:.2f} s = {total / baseline:.1f}x "
          f"baseline, {proposals:,} proposals (target <= 10 s)")
    gc.enable()

    from annotator_ui.mainwindow import MainWindow
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow()
    window.annotator_name = lambda: "bench"
    window.workflow.settings.annotator = "bench"
    window.ask_unsaved = lambda: "discard"
    window.resize(1280, 800)
    window.show()
    window.open_path(path)
    for _ in range(50):
        app.processEvents()
        time.sleep(0.01)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(5)
    part = window.suggestions
    view = window.view
    arrivals: list[float] = []
    part.runner.finished.connect(lambda *_: arrivals.append(time.perf_counter()))
    started = time.perf_counter()
    part.suggest(names)
    launched = time.perf_counter()
    while part.busy:  # the proposals arrive, are stored on a thread, then applied
        app.processEvents()
        time.sleep(0.001)
    arrived = arrivals[0]
    painted_before = view.paint_stats["paints"]
    while view.paint_stats["paints"] == painted_before:
        app.processEvents()
    done = time.perf_counter()
    timer.stop()

    def largest_gap(low: float, high: float) -> float:
        inside = [t for t in ticks if low <= t <= high]
        edges = [low, *inside, high]
        return max(b - a for a, b in pairwise(edges)) * 1000

    stored = len(part.dock.model.rows)
    print(f"in the window: {done - started:.2f} s from Suggest to {stored:,} open suggestions "
          f"stored and painted (starting the child process {1000 * (launched - started):.0f} "
          f"ms of it)")
    print(f"  largest gap between GUI events while the recommenders ran (the job handed to "
          f"the child included): {largest_gap(started, arrived):.0f} ms "
          f"({len(ticks)} ticks of 5 ms)")
    print(f"  largest gap while the window stored and drew them "
          f"({done - arrived:.2f} s): "
          f"{largest_gap(arrived, done):.0f} ms")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
