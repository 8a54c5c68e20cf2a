"""Benchmark: the cue and project-name recommenders on a 5 MB article (issue 12: all
suggestions for a 5 MB article within 10 s on this 2-core machine).

The project is the benchmark document of bench_tei.py (5 MB of SaudiNewsNet text with
100,000 word-aligned annotations); the article suggested on is the same 5 MB text without
annotations, so every name of the project occurs in it.  Printed: each recommender's time
and proposals, the total, and the baseline of folding the text once (search's own cost).

    python bench/bench_suggest_cues.py [--megabytes 5] [--annotations 100000]
"""

from __future__ import annotations

import argparse
import gc
import time

from bench_tei import build_document, build_text

from annotator.model import Document
from annotator.search import FoldedText
from annotator.suggest.claim_cues import ClaimCues
from annotator.suggest.project_names import ProjectNames
from annotator.suggest.quote_cues import QuoteCues


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5)
    parser.add_argument("--annotations", type=int, default=100_000)
    args = parser.parse_args()
    text = build_text(args.megabytes)
    project = build_document(text, args.annotations)
    gc.disable()
    started = time.perf_counter()
    FoldedText(text)
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    names = ProjectNames([project])
    learned = time.perf_counter() - started
    print(f"{len(text):,} characters; project: {len(project.annotations):,} annotations, "
          f"{len(names.names):,} names learned in {learned:.2f} s; folding the text "
          f"once: {baseline:.2f} s")
    total = 0.0
    for recommender in (QuoteCues(), ClaimCues(), names):
        article = Document("article", text)  # a fresh document: nothing cached on it
        started = time.perf_counter()
        proposals = recommender.propose(article)
        elapsed = time.perf_counter() - started
        total += elapsed
        print(f"{recommender.name:8s} {elapsed:6.2f} s  {len(proposals):>9,} proposals  "
              f"({elapsed / baseline:.0f}x folding)")
    print(f"all three: {total:.2f} s (target <= 10 s)")


if __name__ == "__main__":
    main()
