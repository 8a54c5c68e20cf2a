"""Benchmark: overlap matching on densely overlapping spans (issue 10, item 15).

Three annotators mark one article of about 4,000 characters with 500, 1,000, 2,000 and 4,000
spans each: long CLAIM and QUOTE spans that all share the middle of the text, and short
PER/ORG/LOC spans anywhere.  Each annotator's set is one base set perturbed as
in ``bench_merge_agree.py`` (dropped, shifted, relabelled and added spans), so the number of
overlapping same-label pairs grows fourfold per doubling.  For each size the script times
``merge --overlap`` (:func:`annotator.merge.merge_sets` with ``overlap=True``) and ``agree``
(:func:`annotator.agreement.agreement_report`, exact and overlap span matching included) on
the sets in memory, best of ``--repeat`` runs with the cycle collector paused as the command
line runs them, then measures the peak of memory allocated during one more run of each
(tracemalloc, a pass of its own so that it does not slow the timed runs).  The growth ratio
per doubling is each figure over the same figure at half the size, measured in the same run:
near 2 is linear, 4 quadratic.  Figures of one run (2-core machine, best of 3):

    size   pairs        merge --overlap            agree
                        before          after      before          after
     500     227,349    1.3 s   34 MB   0.05 s  1 MB    1.2 s   12 MB   0.05 s  0.7 MB
    4000  14,495,790  192 s  2143 MB   0.64 s 10 MB   62 s   716 MB   0.48 s  3.7 MB
    growth per doubling (after): merge 2.2-2.4x, agree 2.1-2.4x (before: 3.7-9.8x)

    python bench/bench_overlap.py [--sizes 500 1000 2000 4000] [--repeat 1] [--no-memory]
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import re
import time
import tracemalloc
from collections.abc import Callable
from typing import TypeVar

from bench_merge_agree import perturb
from benchlib import NEWS

from annotator.agreement import AgreementReport, DocumentSets, agreement_report, micro
from annotator.corpus import AnnotatorSet
from annotator.gcpause import CollectorPaused
from annotator.merge import MergeOptions, MergeResult, merge_sets
from annotator.model import Annotation, Document

ANNOTATORS = ["alice", "bilal", "salma"]
_WORD = re.compile(r"\w+")
Spans = list[tuple[int, int, str]]
T = TypeVar("T")


def article() -> str:
    """The SaudiNewsNet article closest to 4,000 characters (a synthetic text without it)."""
    if NEWS.exists():
        texts = [str(a["content"]) for a in json.loads(NEWS.read_text(encoding="utf-8"))]
        return min(texts, key=lambda t: abs(len(t) - 4000)).replace("\x1a", "\ufffd")
    return " ".join(f"كلمة{n % 97}" for n in range(600))


def dense_spans(text: str, count: int, rng: random.Random) -> Spans:
    """``count`` word-aligned spans: 80% CLAIM or QUOTE (3 to 1) from a word in the first
    45% of the text to one in the last 45%, so that all of them share the middle; 20%
    entities of 1-3 words anywhere."""
    words = [m.span() for m in _WORD.finditer(text)]
    edge = len(words) * 45 // 100
    spans = []
    for _ in range(count):
        if rng.random() < 0.8:
            first, last = rng.randrange(edge), rng.randrange(len(words) - edge, len(words))
            label = rng.choice(("CLAIM", "CLAIM", "CLAIM", "QUOTE"))
        else:
            length = rng.choice((1, 1, 2, 3))
            first = rng.randrange(len(words) - length + 1)
            last = first + length - 1
            label = rng.choice(("PER", "ORG", "LOC"))
        spans.append((words[first][0], words[last][1], label))
    return spans


def annotator_sets(text: str, count: int, seed: int = 15) -> list[Spans]:
    """Each annotator's version of one base set of ``count`` spans."""
    rng = random.Random(seed)
    base = dense_spans(text, count, rng)
    return [perturb(base, text, rng) for _ in ANNOTATORS]


def overlapping_pairs(sets: list[Spans]) -> int:
    """Pairs of same-label spans of different annotators that share a character."""
    def pairs(spans: Spans) -> int:
        count = 0
        ends: dict[str, list[int]] = {}  # per label, of the spans so far, sorted
        for start, end, label in sorted(spans):
            before = ends.setdefault(label, [])
            count += len(before) - bisect.bisect_right(before, start)
            bisect.insort(before, end)
        return count

    return pairs([span for spans in sets for span in spans]) - sum(map(pairs, sets))


def merge_step(text: str, sets: list[Spans]) -> Callable[[], MergeResult]:
    base = Document("dense", text)
    found = [AnnotatorSet(who, tuple(Annotation(f"a{n}", s, e, label, who)
                                     for n, (s, e, label) in enumerate(spans, 1)), who)
             for who, spans in zip(ANNOTATORS, sets, strict=True)]
    return lambda: merge_sets(base, found, MergeOptions(overlap=True))


def agree_step(text: str, sets: list[Spans]) -> Callable[[], AgreementReport]:
    doc = DocumentSets("dense", text, dict(zip(ANNOTATORS, sets, strict=True)))
    return lambda: agreement_report([doc], ANNOTATORS)


def timed(repeat: int, step: Callable[[], T]) -> tuple[float, T]:
    """The best of ``repeat`` runs (collector paused, as the command line runs merge and
    agree), and what the first run gave."""
    times = []
    for _ in range(repeat):
        with CollectorPaused():
            started = time.perf_counter()
            result = step()
            times.append(time.perf_counter() - started)
            if len(times) == 1:
                first = result
            del result
    return min(times), first


def peak_mb(step: Callable[[], object]) -> float:
    """Megabytes allocated at the peak of one run of ``step`` (beyond what was there)."""
    tracemalloc.start()
    try:
        with CollectorPaused():
            step()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 4000],
                        help="spans per annotator, each double the one before")
    parser.add_argument("--repeat", type=int, default=1, help="best of N timed runs")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass")
    args = parser.parse_args()
    text = article()
    print(f"one text of {len(text):,} characters, {len(ANNOTATORS)} annotators; "
          f"best of {args.repeat} run(s); memory = tracemalloc peak of one more run")
    rows = []
    for size in args.sizes:
        sets = annotator_sets(text, size)
        merge, agree = merge_step(text, sets), agree_step(text, sets)
        merge_s, merged = timed(args.repeat, merge)
        agree_s, report = timed(args.repeat, agree)
        merge_mb = agree_mb = float("nan")
        if not args.no_memory:
            merge_mb, agree_mb = peak_mb(merge), peak_mb(agree)
        pairs = overlapping_pairs(sets)
        rows.append((size, pairs, merge_s, merge_mb, agree_s, agree_mb))
        print(f"{size:5d} spans x {len(sets)} ({sum(map(len, sets)):6d} in all, "
              f"{pairs:10,d} overlapping pairs): "
              f"merge --overlap {merge_s:7.3f} s {merge_mb:8.1f} MB "
              f"[{merged.gold_count} gold, {len(merged.conflicts)} conflicts]  "
              f"agree {agree_s:7.3f} s {agree_mb:8.1f} MB "
              f"[overlap F1 {micro(report.overall.overlap).f1:.3f}]", flush=True)
        del merged, report
    for (size, pairs, m_s, m_mb, a_s, a_mb), (half, h_pairs, hm_s, hm_mb, ha_s, ha_mb) in zip(
            rows[1:], rows, strict=False):
        print(f"growth {half} -> {size}: spans {size / half:.2f}x, overlapping pairs "
              f"{pairs / h_pairs:.2f}x, merge --overlap time {m_s / hm_s:.2f}x memory "
              f"{m_mb / hm_mb:.2f}x, agree time {a_s / ha_s:.2f}x memory {a_mb / ha_mb:.2f}x")
    if len(rows) > 2:
        (first, f_pairs, fm_s, fm_mb, fa_s, fa_mb), (last, l_pairs, lm_s, lm_mb, la_s, la_mb) = (
            rows[0], rows[-1])
        print(f"overall {first} -> {last}: spans {last / first:.2f}x, overlapping pairs "
              f"{l_pairs / f_pairs:.2f}x, merge --overlap time {lm_s / fm_s:.2f}x memory "
              f"{lm_mb / fm_mb:.2f}x, agree time {la_s / fa_s:.2f}x memory {la_mb / fa_mb:.2f}x")
    print("near-linear: time and memory ratios close to the spans ratio, far below the pairs "
          "ratio")


if __name__ == "__main__":
    main()
