"""The CRF recommender on ANERcorp: entity F1 per label and micro, and training time.

Issue 12, section 4: train on ``../shared/corpora/anercorp/ANERCorp`` before the CAMeL Lab
test split (its lines 1-125,305), propose on ``ANERCorp_CamelLab_test.txt`` and score the
proposals against the test file's gold, entity by entity (exact spans: the CoNLL tokens'
runs, as seqeval and conlleval score them).  Target: micro F1 >= 0.72, trained within 3
minutes on the project's 2-core machine.  Anchors from the issue: a plain CRF with word,
affix and window features 0.63; the same with a gazetteer built from the same training
sentences without cross-folding 0.57; fine-tuned Arabic BERT models about 0.83.

Everything goes through the tool's own path: both files are read by the CoNLL reader
(``--repair`` for the training part's 191 empty tokens), trained with
:func:`annotator.suggest.crf_model.train_crf` and proposed with ``CrfRecommender``, the model
saved and loaded from disk on the way.  ``--no-gazetteer`` trains without the gazetteer
features, ``--naive-gazetteer`` with one built from the same sentences (the issue's anchors).

    python bench/bench_crf_anercorp.py [--c1 0.05] [--c2 0.01] [--iterations 120]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from benchlib import SHARED

from annotator.formats import ImportOptions, Problems
from annotator.formats.conll import read_conll
from annotator.model import Document
from annotator.suggest.crf_model import (
    CrfRecommender,
    CrfSettings,
    entity_spans,
    load_crf_model,
    train_crf,
)
from annotator.suggest.evaluation import evaluate_spans

ANERCORP = SHARED / "corpora" / "anercorp"
TRAIN_LINES = 125_305
ANCHORS = {"plain CRF (issue)": 0.63, "naive gazetteer (issue)": 0.57,
           "Arabic BERT (published)": 0.83, "target": 0.72}


def read(path: Path, repair: bool) -> list[Document]:
    problems = Problems()
    documents = list(read_conll(path, ImportOptions(repair=repair), problems))
    if problems.errors:
        sys.exit(f"{path}: {problems.errors[0]}")
    return documents


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    defaults = CrfSettings()
    parser.add_argument("--c1", type=float, default=defaults.c1)
    parser.add_argument("--c2", type=float, default=defaults.c2)
    parser.add_argument("--iterations", type=int, default=defaults.max_iterations)
    parser.add_argument("--gazetteer-folds", type=int, default=defaults.gazetteer_folds)
    parser.add_argument("--no-gazetteer", action="store_true")
    parser.add_argument("--naive-gazetteer", action="store_true")
    args = parser.parse_args()
    if not (ANERCORP / "ANERCorp").is_file():
        print(f"skipped: {ANERCORP} is not there")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-crf-") as folder:
        head = Path(folder) / "anercorp-train.conll"
        with open(ANERCORP / "ANERCorp", encoding="utf-8") as source:
            lines = [line for _, line in zip(range(TRAIN_LINES), source, strict=False)]
        head.write_text("".join(lines), encoding="utf-8")
        train = read(head, repair=True)
        test = read(ANERCORP / "ANERCorp_CamelLab_test.txt", repair=False)
        gazetteer = "none" if args.no_gazetteer else "naive" if args.naive_gazetteer \
            else "cross-folded"
        settings = CrfSettings(c1=args.c1, c2=args.c2, max_iterations=args.iterations,
                               gazetteer_folds=args.gazetteer_folds, gazetteer=gazetteer)
        model = train_crf(train, settings=settings)
        model.save(Path(folder) / "model")
        recommender = CrfRecommender(load_crf_model(Path(folder) / "model"))
        began = time.perf_counter()
        proposed = [[(p.start, p.end, p.label) for p in recommender.propose(d)] for d in test]
        propose_seconds = time.perf_counter() - began
    gold = [entity_spans(d) for d in test]
    info = model.info
    print(f"ANERcorp: trained on {info['tokens']:,} tokens ({info['sentences']:,} sentences, "
          f"{sum(info['entities'].values()):,} entities), tested on "
          f"{sum(len(d.text.split()) for d in test):,} tokens")
    print(f"settings: c1={args.c1} c2={args.c2} iterations={args.iterations} "
          f"gazetteer={gazetteer} (folds {args.gazetteer_folds})")
    for match in ("exact", "overlap"):
        evaluation = evaluate_spans(gold, proposed, match)
        print(f"\n{match} match     precision  recall     F1   gold")
        for label, score in [*evaluation.per_label.items(), ("micro", evaluation.micro)]:
            print(f"  {label:<8} {score.precision:10.3f} {score.recall:7.3f} {score.f1:6.3f} "
                  f"{score.gold:6d}")
    print(f"\ntraining: {info['training_seconds']:.1f} s wall, "
          f"{info['training_cpu_seconds']:.1f} s CPU (target: 180 s); "
          f"proposing on the test split: {propose_seconds:.1f} s")
    print("anchors (micro F1): " + ", ".join(f"{k} {v:.2f}" for k, v in ANCHORS.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
