"""Benchmark: corpus exports (issue 14 §4), as ratios to baselines measured in the same run.

1. The 5 MB article with 100,000 spans (bench_tei's document) exported to JSONL by a whole
   ``annotator export`` process, beside a process that only parses the same TEI file with
   lxml.  Target: the export at most half of what it took before (3.5x the lxml parse in
   CPU time on the machine of the issue's figures; so at most 1.75x).
2. The 1,285 SaudiNewsNet articles of one day exported to brat (2,571 files): the writer,
   which flushes its files to disk once (atomic.AtomicBatch), beside the same files written
   one by one with atomic_write_bytes (an fsync of each file and of its folder: what the
   export did before).

    python bench/bench_export.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_tei import build_document, build_text
from benchlib import NEWS

from annotator.atomic import atomic_write_bytes
from annotator.formats import ExportOptions
from annotator.formats.brat import CONF, AnnotationConf, document_to_ann, write_brat
from annotator.model import Document
from annotator.tei import save_tei


def process_times(command: list[str], repeat: int) -> tuple[float, float]:
    """The best wall-clock and the best CPU (user + system) seconds of ``repeat`` runs of
    ``command`` as a whole process, start-up included."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


def articles() -> list[Document]:
    """One document per article of the day, each with its title labelled."""
    documents = []
    for number, article in enumerate(json.loads(NEWS.read_text(encoding="utf-8"))):
        text = (article["content"] or article["title"] or "-").replace("\x1a", "")
        document = Document(f"article-{number}", text)
        words = text.split()
        if words:
            start = text.index(words[0])
            document.annotate(start, start + len(words[0]), "MISC")
        documents.append(document)
    return documents


def old_brat(documents: list[Document], out: Path) -> None:
    """The same files written one atomic file at a time (fsync of the file and its folder)."""
    conf = AnnotationConf()
    for document in documents:
        ann = document_to_ann(document)
        atomic_write_bytes(out / f"{document.id}.txt", document.text.encode("utf-8"))
        atomic_write_bytes(out / f"{document.id}.ann", ann.encode("utf-8"))
        conf.add(document)
    atomic_write_bytes(out / CONF, conf.text().encode("utf-8"))


def best(repeat: int, step: object) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        step()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not NEWS.exists():
        sys.exit(f"needs {NEWS}")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "bench.tei.xml"
        save_tei(build_document(build_text(5.0), 100_000), path)
        export = [sys.executable, "-m", "annotator", "export", str(path), "-o",
                  str(folder / "out.jsonl"), "--format", "jsonl", "--overwrite"]
        parse = [sys.executable, "-c",
                 f"from lxml import etree; etree.parse({str(path)!r})"]
        lxml_wall, lxml_cpu = process_times(parse, args.repeat)
        wall, cpu = process_times(export, args.repeat)
        print(f"JSONL export of the 5 MB / 100,000-span article, whole process: "
              f"{wall:.2f} s wall, {cpu:.2f} s CPU; lxml's parse of the file: "
              f"{lxml_wall:.2f} s wall, {lxml_cpu:.2f} s CPU")
        print(f"  export / lxml parse: {wall / lxml_wall:.2f}x wall, {cpu / lxml_cpu:.2f}x CPU "
              f"(target: at most 1.75x CPU, half the 3.5x before)")

        documents = articles()
        new_out, old_out = folder / "brat-new", folder / "brat-old"
        new_out.mkdir()
        old_out.mkdir()
        new = best(args.repeat, lambda: write_brat(documents, new_out, ExportOptions()))
        old = best(args.repeat, lambda: old_brat(documents, old_out))
        files = len(list(new_out.iterdir()))
        assert files == len(list(old_out.iterdir())) == 2 * len(documents) + 1
        print(f"brat export of {len(documents):,} documents ({files:,} files): "
              f"{new:.2f} s with one flush, {old:.2f} s with an fsync per file and folder: "
              f"{new / old:.2f}x")


if __name__ == "__main__":
    main()
