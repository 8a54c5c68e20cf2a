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
features, ``--naive-gazetteer`` with one built from the same sentences (the issue's anchors),
``--no-name-lists`` without the bundled name lists (``resources/gazetteer``: places,
organisations, person names, 1,683 in all, written from general knowledge as Arabic news
spells them; neither the test split's text nor its errors were looked at to write them).

The word clusters are learnt from the training text plus "the project's unannotated
documents": by default the 1,285 SaudiNewsNet articles of ``../shared/corpora/saudinewsnet``
(2015 Saudi newspapers, about 355,000 words, no overlap with ANERcorp); ``--unlabelled none``
uses the training text alone, ``--no-clusters`` leaves the cluster features out.  NewsFANE is
not used: it re-annotates ANERcorp's own text, test split included.

Measured 2026-12-07 (micro F1, exact spans; training CPU): 0.724 (55 s, commit b36670b: the
bundled name lists; LOC 0.860, ORG 0.562, PERS 0.723, MISC 0.557; on the dev split below
0.7007 -> 0.7321, ORG 0.593 -> 0.675; the lists' marks of the neighbours too 0.7323, left
out); 0.711 without them (54 s, commit 9f8a150: one-word names not spread where training
saw the word mostly outside names; before it 0.710, 55-64 s); before it too: without the
clusters 0.706 (33 s); clusters from the training text alone 0.701 (49 s).  Tried on a dev
split of the training part (its last 20 %) and left out,
none beyond +-0.005 there: cluster features of two neighbours each side, finer sizes
(64/256/1024), words seen twice, 600 context words, clusters of folded words instead of stems,
trigger-word lists, how often a stem takes the article, character trigrams, document-level
neighbour clusters, stems cut only before known words, c1/c2 in {0..0.2}x{0.001..0.05}, 250
iterations, 10 gazetteer folds, marginal thresholds for O, label votes per name, training names
recurring untagged, first names alone; clusters that also learn from the test text
(transductive) 0.705.  Also tried on that dev split (0.701 there) and left out: a second CRF
stage (Krishnan & Manning 2006) fed the first stage's labels, cross-folded on the training part
(2 or 3 folds of 60 iterations): the label most other occurrences of the stem got, that of the
same run elsewhere, that of the runs holding the stem, the first stage's own tag, its
neighbours' tags; at best +0.002 for twice the training time; crfsuite's
feature.possible_states -0.004, feature.minfreq 2 -0.018, averaged perceptron -0.014 and
passive-aggressive -0.016 (30 iterations); repeated-name thresholds 0.3-0.9, minimum name
lengths 2-5 and family-name thresholds, none beyond +-0.003; pairs of neighbour clusters
-0.002; the stems' first 20 principal directions of their contexts (the clusters' vectors) as
weighted features, scaled 1 or 5, -0.005; dropping unsure runs of words mostly outside names
+0.002; and on that dev split (0.701) on 2026-12-07, left out too: BIOES tags (Ratinov & Roth
2009; runs decoded back to spans, an I- or E- that does not continue its run starting one)
-0.006, with 200 iterations -0.004, BIO with S- for one-word names -0.004; conjunction
features: a neighbour's cluster of size 32 with the stem +0.003, of size 128 -0.003, stems
three places away 0.000, the neighbours' two-letter prefixes and suffixes -0.003, the stem
trigram +0.002, the stems either side as a pair -0.001, size-32 cluster pairs and the trigram
together +0.001 (the pairs of a stem with its neighbour's are features already); self-training
on the SaudiNewsNet sentences the first model tagged with every marginal 0.95 or more and a
name (1,865) -0.001 for twice the training time; SaudiNewsNet is the only sizeable news text at
hand for the clusters (WikiNews has 18,000 words).

    python bench/bench_crf_anercorp.py [--c1 0.05] [--c2 0.01] [--iterations 120]
"""

from __future__ import annotations

import argparse
import json
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
SAUDINEWSNET = SHARED / "corpora" / "saudinewsnet" / "2015-08-01.json"
TRAIN_LINES = 125_305
ANCHORS = {"plain CRF (issue)": 0.63, "naive gazetteer (issue)": 0.57,
           "before clusters and family names (d9300ad)": 0.686,
           "Arabic BERT (published)": 0.83, "target": 0.72}


def read(path: Path, repair: bool) -> list[Document]:
    problems = Problems()
    documents = list(read_conll(path, ImportOptions(repair=repair), problems))
    if problems.errors:
        sys.exit(f"{path}: {problems.errors[0]}")
    return documents


def unannotated(which: str) -> list[Document]:
    """The bench's stand-in for a project's unannotated documents."""
    if which == "none" or not SAUDINEWSNET.is_file():
        return []
    articles = json.loads(SAUDINEWSNET.read_text(encoding="utf-8"))
    return [Document(f"saudinewsnet-{i}", f"{a['title']}\n{a['content']}")
            for i, a in enumerate(articles)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    defaults = CrfSettings()
    parser.add_argument("--c1", type=float, default=defaults.c1)
    parser.add_argument("--c2", type=float, default=defaults.c2)
    parser.add_argument("--iterations", type=int, default=defaults.max_iterations)
    parser.add_argument("--gazetteer-folds", type=int, default=defaults.gazetteer_folds)
    parser.add_argument("--no-gazetteer", action="store_true")
    parser.add_argument("--naive-gazetteer", action="store_true")
    parser.add_argument("--unlabelled", choices=["saudinewsnet", "none"], default="saudinewsnet")
    parser.add_argument("--no-clusters", action="store_true")
    parser.add_argument("--no-name-lists", action="store_true")
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
                               gazetteer_folds=args.gazetteer_folds, gazetteer=gazetteer,
                               cluster_sizes=() if args.no_clusters else defaults.cluster_sizes,
                               name_lists=not args.no_name_lists)
        unlabelled = unannotated(args.unlabelled)
        model = train_crf(train, settings=settings, unlabelled=unlabelled)
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
    print("word clusters: " + ("none" if args.no_clusters else
          f"sizes {settings.cluster_sizes}, {info['clustered_words']:,} words learnt from the "
          f"training text and {len(unlabelled):,} unannotated documents "
          f"({args.unlabelled if unlabelled else 'none'})"))
    print("name lists: " + (", ".join(info["name_lists"]) + f" ({info['listed_names']:,} names)"
                            if info["name_lists"] else "none"))
    for match in ("exact", "overlap"):
        evaluation = evaluate_spans(gold, proposed, match)
        print(f"\n{match} match     precision  recall     F1   gold")
        for label, score in [*evaluation.per_label.items(), ("micro", evaluation.micro)]:
            print(f"  {label:<8} {score.precision:10.3f} {score.recall:7.3f} {score.f1:6.3f} "
                  f"{score.gold:6d}")
    print(f"\ntraining: {info['training_seconds']:.1f} s wall, "
          f"{info['training_cpu_seconds']:.1f} s CPU (target: 180 s); "
          f"proposing on the test split: {propose_seconds:.1f} s")
    print("anchors (micro F1): " + ", ".join(f"{k} {v:g}" for k, v in ANCHORS.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
