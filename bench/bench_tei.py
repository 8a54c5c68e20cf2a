"""Benchmark: loading and saving a 5 MB Arabic document with 100,000 annotations.

Targets (issues 2 and 9): loading takes at most 2x lxml's own parse of the same file, saving
(with the snapshot of the last save) at most 2x lxml's serialisation of its tree plus the
write, peak memory under 10x the file's size.  Each figure is measured in this run, in fresh
subprocesses for the memory figures.  The core leaves the cycle collector alone; the command
line and the app pause it around bulk loads and saves, so every timed step here, ours and
lxml's alike, runs with the collector paused.

    python bench/bench_tei.py [--annotations 100000] [--megabytes 5] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchlib import NEWS, run_times
from lxml import etree

from annotator.model import Annotation, Document, Link
from annotator.tei import load_tei, read_tei, save_tei, tei_bytes

LABELS = ["PER", "ORG", "LOC", "GPE", "MISC", "QUOTE", "CLAIM"]
ANNOTATORS = ["alice", "bilal", "salma"]


def build_text(megabytes: float) -> str:
    """Real SaudiNewsNet articles joined by blank lines, repeated up to ``megabytes`` of UTF-8."""
    articles = [a["content"] for a in json.loads(NEWS.read_text(encoding="utf-8"))]
    articles = [a.replace("\x1a", "") for a in articles]  # 4 articles hold U+001A
    pieces, size, target = [], 0, int(megabytes * 1_000_000)
    while size < target:
        for article in articles:
            pieces.append(article.strip() + "\n\n")
            size += len(pieces[-1].encode("utf-8"))
            if size >= target:
                break
    return "".join(pieces)


def build_document(text: str, count: int, seed: int = 1) -> Document:
    """``count`` word-aligned annotations from three annotators, with nesting and links."""
    rng = random.Random(seed)
    words = [m.span() for m in re.finditer(r"\w+", text)]
    document = Document("bench", text, title="benchmark", source=str(NEWS.name))
    annotations = []
    for number in range(count):
        first = rng.randrange(len(words) - 12)
        length = rng.choice((1, 1, 1, 2, 2, 3, 8, 12))
        start, end = words[first][0], words[first + length - 1][1]
        label = rng.choice(LABELS)
        attributes = {"type": rng.choice(("direct", "indirect"))} if label == "QUOTE" else {}
        links = (Link("speaker", f"a{number - 1}"),) if label == "QUOTE" and number else ()
        annotations.append(Annotation(
            f"a{number}", start, end, label, ANNOTATORS[number % 3], attributes, links,
            f"2026-11-{1 + number % 28:02d}T10:{number % 60:02d}:00Z",
            f"2026-11-{1 + number % 28:02d}T11:{number % 60:02d}:00Z"))
    document.annotations.extend(annotations)
    return document


def best_of(runs: int, step: Callable[[], object]) -> float:
    """The fastest of ``runs`` calls of ``step``, in seconds, with the collector paused."""
    was = gc.isenabled()
    gc.disable()
    try:
        return min(run_times(runs, step))
    finally:
        if was:
            gc.enable()


def peak_rss_mb(code: str) -> float:
    """Peak resident memory (MB) of a fresh interpreter running ``code`` (VmHWM, which a new
    program starts afresh, unlike getrusage's maximum, which survives exec)."""
    script = (code + "\nprint([l.split()[1] for l in open('/proc/self/status') "
              "if l.startswith('VmHWM')][0])")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout.split()[-1]
    return int(out) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=int, default=100_000)
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not NEWS.exists():
        sys.exit(f"needs {NEWS}")
    text = build_text(args.megabytes)
    document = build_document(text, args.annotations)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.tei.xml"
        save_tei(document, path)
        size = path.stat().st_size
        print(f"document: {len(text.encode('utf-8')) / 1e6:.1f} MB of text, {len(text):,} "
              f"characters, {len(document.annotations):,} annotations; "
              f"TEI file {size / 1e6:.1f} MB")

        lxml_parse = best_of(args.repeat, lambda: etree.parse(str(path)))
        our_load = best_of(args.repeat, lambda: load_tei(path))
        tree = etree.parse(str(path))
        lxml_write = best_of(args.repeat, lambda: Path(folder, "lxml.xml").write_bytes(
            etree.tostring(tree, encoding="UTF-8", xml_declaration=True)))

        def first_save() -> float:  # of a document just loaded: renders every annotation
            read = read_tei(path)
            return best_of(1, lambda: save_tei(read.document, Path(folder, "cold.tei.xml"),
                                               snapshot=read.snapshot))

        cold_save = min(first_save() for _ in range(args.repeat))

        def first_render() -> float:  # a document never saved nor loaded: no snapshot
            fresh = build_document(text, args.annotations)
            return best_of(1, lambda: tei_bytes(fresh))

        built_save = min(first_render() for _ in range(args.repeat))
        read = read_tei(path)
        loaded = read.document
        snapshot = save_tei(loaded, Path(folder, "ours.tei.xml"), snapshot=read.snapshot)

        def edit_and_save() -> None:
            nonlocal snapshot
            annotation = loaded.annotations.get("a0") or next(iter(loaded.annotations))
            loaded.annotations.replace(annotation.with_changes(note="edited"))
            snapshot = save_tei(loaded, Path(folder, "ours.tei.xml"), snapshot=snapshot)

        our_save = best_of(args.repeat, edit_and_save)
        our_bytes = best_of(args.repeat, lambda: tei_bytes(loaded, snapshot=snapshot))
        assert Path(folder, "ours.tei.xml").read_bytes() == tei_bytes(loaded)
        tree = None
        assert load_tei(path) == document

        imports = "import annotator.tei, lxml.etree"
        base = peak_rss_mb(imports)
        lxml_peak = peak_rss_mb(f"{imports}; t = lxml.etree.parse({str(path)!r})") - base
        our_peak = peak_rss_mb(f"{imports}; d = annotator.tei.load_tei({str(path)!r})") - base
        mb = size / 1e6

        print(f"load:  ours {our_load * 1000:7.0f} ms   lxml parse {lxml_parse * 1000:7.0f} ms"
              f"   ratio {our_load / lxml_parse:.2f}x (target <= 2x)")
        print(f"save after an edit: ours {our_save * 1000:5.0f} ms   lxml tostring+write "
              f"{lxml_write * 1000:5.0f} ms   ratio {our_save / lxml_write:.2f}x (target <= 2x)"
              f"   [bytes alone {our_bytes * 1000:.0f} ms; with fsync and rename otherwise]")
        print(f"first save of a just-loaded document (renders every annotation): "
              f"{cold_save * 1000:.0f} ms = {cold_save / lxml_write:.2f}x lxml")
        print(f"first save of a document built in memory (renders every annotation; bytes "
              f"only): {built_save * 1000:.0f} ms = {built_save / lxml_write:.2f}x lxml")
        print(f"peak memory above the interpreter ({base:.0f} MB): ours {our_peak:.0f} MB = "
              f"{our_peak / mb:.1f}x the file (target < 10x); bare lxml tree {lxml_peak:.0f} MB = "
              f"{lxml_peak / mb:.1f}x")
        print(f"(times are the best of {args.repeat} runs, wall clock, collector paused)")


if __name__ == "__main__":
    main()
