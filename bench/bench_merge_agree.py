"""Benchmark: merge and agreement over SaudiNewsNet's 1,285 articles, 3 annotators each.

Target (issue 4): merging and measuring agreement over the whole corpus each finish within
10 seconds on a 2-core machine, and time grows linearly with the number of documents.  The
annotators' sets are derived from one synthetic set by perturbing it (dropped, shifted,
relabelled and added spans); the files are real TEI files in a temporary folder.  Figures for
1/4, 1/2 and all documents, with ratios to the quarter measured in the same run.  Each run is
made as ``annotator merge`` and ``annotator agree`` make it: the cycle collector paused and
worker processes started as the command line chooses.

    python bench/bench_merge_agree.py [--repeat 1] [--html REPORT.html] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchlib import NEWS

from annotator.agreement import agreement_report
from annotator.cli import COLLECTOR_PAUSED, worker_start_method
from annotator.corpus import read_document_sets
from annotator.gcpause import CollectorPaused
from annotator.merge import MergeOptions, merge_corpus
from annotator.model import Annotation, Document, Link
from annotator.tei import save_tei
from annotator.workers import default_workers, process_map

ENTITIES = ["PER", "ORG", "LOC"]
ANNOTATORS = ["alice", "bilal", "salma"]
_WORD = re.compile(r"\w+")


def base_spans(text: str, rng: random.Random) -> list[tuple[int, int, str]]:
    """Word-aligned spans: entities of 1-3 words, and quotes and claims of 5-15 words."""
    words = [m.span() for m in _WORD.finditer(text)]
    spans: list[tuple[int, int, str]] = []
    index = 0
    while index < len(words) - 16:
        roll = rng.random()
        if roll < 0.08:
            length = rng.choice((1, 1, 2, 3))
            spans.append((words[index][0], words[index + length - 1][1], rng.choice(ENTITIES)))
            index += length
        elif roll < 0.095:
            length = rng.randint(5, 15)
            label = rng.choice(("QUOTE", "CLAIM"))
            spans.append((words[index][0], words[index + length - 1][1], label))
            index += 2  # entities may nest inside
        index += 1
    return spans


def perturb(spans: list[tuple[int, int, str]], text: str, rng: random.Random
            ) -> list[tuple[int, int, str]]:
    """One annotator's version: ~10% dropped, ~10% shifted, ~8% relabelled, ~4% added."""
    words = [m.span() for m in _WORD.finditer(text)]
    out = []
    for start, end, label in spans:
        roll = rng.random()
        if roll < 0.10:
            continue
        if roll < 0.20:  # move one boundary by a word or by a clitic-sized step
            if rng.random() < 0.5:
                start = max(0, start + rng.choice((-2, -1, 1, 2)))
            else:
                after = next((w for w in words if w[0] > end), None)
                end = after[1] if after and rng.random() < 0.5 else max(start + 1, end - 1)
            start = min(start, end - 1)
        elif roll < 0.28:
            label = rng.choice([x for x in ENTITIES if x != label]) if label in ENTITIES \
                else ("CLAIM" if label == "QUOTE" else "QUOTE")
        out.append((start, end, label))
    for _ in range(len(spans) // 25):
        s, e = rng.choice(words)
        out.append((s, e, rng.choice(ENTITIES)))
    return out


def to_document(doc_id: str, text: str, spans: list[tuple[int, int, str]], who: str,
                title: str) -> Document:
    """A document with ``spans`` by ``who``; each QUOTE's speaker is the last PER before it."""
    document = Document(doc_id, text, title=title, source=NEWS.name)
    annotations = []
    last_person = None
    for number, (start, end, label) in enumerate(sorted(spans), 1):
        links = ()
        if label == "QUOTE" and last_person:
            links = (Link("speaker", last_person),)
        attributes = {"type": "direct"} if label == "QUOTE" else {}
        annotations.append(Annotation(f"a{number}", start, end, label, who, attributes, links))
        if label == "PER":
            last_person = f"a{number}"
    document.annotations.extend(annotations)
    document.status[who] = "done"
    return document


def build_corpus(folder: Path, seed: int = 7) -> list[str]:
    """Write every annotator's files into ``folder/all/<annotator>/``; return the ids."""
    articles = json.loads(NEWS.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    ids = []
    for number, article in enumerate(articles):
        text = article["content"].replace("\x1a", "\ufffd")  # 4 articles hold U+001A
        doc_id = f"snn{number:04d}"
        ids.append(doc_id)
        spans = base_spans(text, rng)
        for who in ANNOTATORS:
            target = folder / "all" / who
            target.mkdir(parents=True, exist_ok=True)
            document = to_document(doc_id, text, perturb(spans, text, rng), who,
                                   article.get("title", ""))
            save_tei(document, target / f"{doc_id}.tei.xml")
    return ids


def subset(folder: Path, name: str, ids: list[str]) -> list[Path]:
    """Folders ``folder/name/<annotator>`` holding hard links to the first ``ids``' files."""
    folders = []
    for who in ANNOTATORS:
        target = folder / name / who
        folders.append(target)
        if target.is_dir():
            continue
        target.mkdir(parents=True)
        for doc_id in ids:
            os.link(folder / "all" / who / f"{doc_id}.tei.xml", target / f"{doc_id}.tei.xml")
    return folders


def _cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def timed(command: str, fn) -> tuple[float, float, object]:  # type: ignore[no-untyped-def]
    """Wall-clock seconds, CPU seconds (this process and its finished workers), result of
    ``fn`` run as the command line runs ``command`` (the collector paused or not)."""
    started, cpu = time.perf_counter(), _cpu()
    if command in COLLECTOR_PAUSED:
        with CollectorPaused():
            result = fn()
    else:
        result = fn()
    return time.perf_counter() - started, _cpu() - cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs per figure")
    parser.add_argument("--html", help="also write the agreement report of the whole corpus")
    parser.add_argument("--keep", help="build the corpus in this folder and keep it")
    args = parser.parse_args()
    if not NEWS.exists():
        sys.exit(f"needs {NEWS}")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(args.keep or temp)
        started = time.perf_counter()
        if (folder / "all").is_dir():  # --keep of an earlier run
            ids = sorted(p.name.split(".")[0] for p in (folder / "all" / ANNOTATORS[0]).iterdir())
            print(f"reusing {len(ids)} documents x {len(ANNOTATORS)} annotators in {folder}")
        else:
            ids = build_corpus(folder)
            print(f"built {len(ids)} documents x {len(ANNOTATORS)} annotators in "
                  f"{time.perf_counter() - started:.1f} s ({folder})")
        articles = json.loads(NEWS.read_text(encoding="utf-8"))
        lengths = {f"snn{n:04d}": len(a["content"]) for n, a in enumerate(articles)}
        # Every 4th and every 2nd document: subsets with the corpus's mix of article lengths.
        sizes = [("quarter", ids[::4]), ("half", ids[::2]), ("all", ids)]
        start_method = worker_start_method()
        print(f"{default_workers()} worker processes ({start_method}); best of {args.repeat} "
              "run(s), sizes interleaved; CPU = seconds of CPU in this process and its workers")
        inputs = {name: subset(folder, name, chosen) if name != "all" else [
            folder / "all" / who for who in ANNOTATORS] for name, chosen in sizes}
        best: dict[str, list[float]] = {name: [math.inf] * 4 for name, _ in sizes}
        summary: dict[str, str] = {}
        for _ in range(args.repeat):
            for name, _chosen in sizes:
                out = folder / f"out-{name}"
                shutil.rmtree(out, ignore_errors=True)
                merge_s, merge_cpu, merged = timed("merge", lambda i=inputs[name], o=out: (
                    merge_corpus(i, o, MergeOptions(), start_method=start_method)))
                agree_s, agree_cpu, report = timed("agree", lambda i=inputs[name]: (
                    agreement_report(read_document_sets(i, start_method=start_method)[0],
                                     map_function=process_map(start_method=start_method))))
                best[name] = [min(x, y) for x, y in zip(
                    best[name], (merge_s, merge_cpu, agree_s, agree_cpu), strict=True)]
                gold = sum(r.gold_count for r in merged.results)  # type: ignore[attr-defined]
                summary[name] = (f"{gold} gold, {len(merged.conflicts)} conflicts, "  # type: ignore[attr-defined]
                                 f"alpha {report.overall.alpha:.3f}")  # type: ignore[attr-defined]
                del merged, report
        rows, cpus = [], []
        for name, chosen in sizes:
            merge_s, merge_cpu, agree_s, agree_cpu = best[name]
            rows.append((name, len(chosen), merge_s, agree_s))
            cpus.append((merge_cpu, agree_cpu))
            print(f"{name:>7}: {len(chosen):5d} docs, "
                  f"{sum(lengths[d] for d in chosen) / 1e6:.2f} M chars  merge {merge_s:5.2f} s "
                  f"({merge_s / len(chosen) * 1000:4.2f} ms/doc, CPU {merge_cpu:5.2f} s)  "
                  f"agree {agree_s:5.2f} s ({agree_s / len(chosen) * 1000:4.2f} ms/doc, "
                  f"CPU {agree_cpu:5.2f} s)  [{summary[name]}]")
        quarter = rows[0]
        quarter_chars = sum(lengths[d] for d in sizes[0][1])
        for (name, count, merge_s, agree_s), (merge_cpu, agree_cpu) in zip(
                rows[1:], cpus[1:], strict=True):
            print(f"ratio {name}/quarter: documents {count / quarter[1]:.2f}x, characters "
                  f"{sum(lengths[d] for d in dict(sizes)[name]) / quarter_chars:.2f}x, "
                  f"merge {merge_s / quarter[2]:.2f}x (CPU {merge_cpu / cpus[0][0]:.2f}x), "
                  f"agree {agree_s / quarter[3]:.2f}x (CPU {agree_cpu / cpus[0][1]:.2f}x); "
                  "linear growth: close to the document ratio")
        total = rows[-1][2] + rows[-1][3]
        print(f"whole corpus: merge {rows[-1][2]:.2f} s + agreement {rows[-1][3]:.2f} s = "
              f"{total:.2f} s (target: within 10 s)")
        if args.html:
            from annotator.cli import main as cli

            cli(["agree", "--html", args.html, *(str(folder / "all" / w) for w in ANNOTATORS)])


if __name__ == "__main__":
    main()
