"""Speed of CoNLL import into TEI files and of export back to CoNLL, on the full ANERcorp.

Target (issue 5): importing the full ANERcorp file (150,000 tokens) into TEI files, and
exporting those TEI files back to CoNLL, each take at most 3× the time lxml alone needs to
parse and serialise the same TEI files, measured in the same run; and the time grows
linearly with the corpus (1/4, 1/2 and all of the file).

- import: read the CoNLL file (``--repair``, for the file's quirks) → Documents → ``save_tei``
  each into a temporary folder;
- export: ``load_tei`` each TEI file → ``write_conll`` to one file;
- baseline: ``lxml.etree.parse`` + ``etree.tostring`` of the same TEI files;
- for the record, the TEI writer's and reader's own shares: ``save_tei`` of the documents
  already read, ``load_tei`` of the files (as ratios to the baseline).

Files go to /dev/shm when it exists (``--disk``: the system temp folder, fsync included).
Each figure is the best of ``--repeat`` runs, the measures interleaved (the machine is
shared).  Import and export run as ``annotator import`` and ``annotator export`` run them:
with the cycle collector paused where the command line pauses it (``--collector on`` keeps it
on, to see what the pause is worth).

    python bench/bench_conll.py [--repeat 3] [--file ../shared/corpora/anercorp/ANERCorp]
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

from benchlib import SHARED, best_of
from lxml import etree

from annotator.cli import COLLECTOR_PAUSED
from annotator.formats import ExportOptions, ImportOptions, Problems
from annotator.formats.conll import read_conll, write_conll
from annotator.gcpause import CollectorPaused
from annotator.tei import load_tei, save_tei

ANERCORP = SHARED / "corpora" / "anercorp" / "ANERCorp"


def as_command(command: str, pause: bool) -> contextlib.AbstractContextManager[object]:
    """The collector as the command line leaves it for ``command`` (on, unless ``pause``)."""
    return CollectorPaused() if pause and command in COLLECTOR_PAUSED else contextlib.nullcontext()


def measure(source: Path, folder: Path, repeat: int, pause: bool = True) -> dict[str, float]:
    tei_folder = folder / "tei"
    tei_folder.mkdir()

    def import_to_tei() -> None:
        with as_command("import", pause):
            problems = Problems()
            for document in read_conll(source, ImportOptions(repair=True), problems):
                save_tei(document, tei_folder / f"{document.id}.tei.xml")

    def export_to_conll() -> None:
        with as_command("export", pause):
            documents = (load_tei(path) for path in sorted(tei_folder.glob("*.tei.xml")))
            write_conll(documents, folder / "back.conll", ExportOptions())

    def save_alone() -> None:  # the TEI writer's share of the import
        with as_command("import", pause):
            for document in documents:
                save_tei(document, tei_folder / f"{document.id}.tei.xml")

    def load_alone() -> None:  # the TEI reader's share of the export
        with as_command("export", pause):
            for path in sorted(tei_folder.glob("*.tei.xml")):
                load_tei(path)

    def lxml_alone() -> None:
        for path in sorted(tei_folder.glob("*.tei.xml")):
            etree.tostring(etree.parse(str(path)), encoding="UTF-8")

    documents = list(read_conll(source, ImportOptions(repair=True), Problems()))
    # Interleaved, so that a burst of load elsewhere hits all alike.
    runs = (("import", import_to_tei), ("export", export_to_conll), ("lxml", lxml_alone),
            ("save", save_alone), ("load", load_alone))
    figures = {name: float("inf") for name, _ in runs}
    for _ in range(repeat):
        for name, run in runs:
            figures[name] = min(figures[name], best_of(1, run))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--file", type=Path, default=ANERCORP)
    parser.add_argument("--disk", action="store_true",
                        help="write the files in the system temp folder, not in /dev/shm")
    parser.add_argument("--collector", choices=("cli", "on"), default="cli",
                        help="cli: paused as the command line pauses it (default); on: never")
    args = parser.parse_args()
    if not args.file.is_file():
        print(f"needs {args.file}", file=sys.stderr)
        return 2
    lines = args.file.read_text(encoding="utf-8").split("\n")
    results = {}
    print(f"{'part':>5} {'tokens':>8} {'import s':>9} {'export s':>9} {'lxml s':>8} "
          f"{'import/lxml':>12} {'export/lxml':>12} | {'save_tei':>9} {'load_tei':>9}")
    # On tmpfs when there is one: fsync of the atomic writes then costs nothing, and the
    # figures measure the work rather than the disk (pass --disk to include the disk).
    memory = Path("/dev/shm")
    where = None if args.disk or not memory.is_dir() else str(memory)
    with tempfile.TemporaryDirectory(dir=where) as temp:
        for name, fraction in (("1/4", 4), ("1/2", 2), ("all", 1)):
            folder = Path(temp) / name.replace("/", "_")
            folder.mkdir()
            part = folder / "ANERCorp"
            chosen = lines[:len(lines) // fraction]
            part.write_text("\n".join(chosen) + "\n", encoding="utf-8")
            figures = measure(part, folder, args.repeat, args.collector == "cli")
            results[name] = figures
            tokens = sum(1 for line in chosen if line.strip())
            lxml_time = figures["lxml"]
            print(f"{name:>5} {tokens:>8} {figures['import']:>9.3f} {figures['export']:>9.3f} "
                  f"{lxml_time:>8.3f} {figures['import'] / lxml_time:>12.2f} "
                  f"{figures['export'] / lxml_time:>12.2f} | "
                  f"{figures['save'] / lxml_time:>8.2f}x {figures['load'] / lxml_time:>8.2f}x")
    quarter = results["1/4"]
    print("growth against 1/4 (linear: 2 and 4):")
    for name in ("1/2", "all"):
        print(f"  {name}: import {results[name]['import'] / quarter['import']:.2f}, "
              f"export {results[name]['export'] / quarter['export']:.2f}, "
              f"lxml {results[name]['lxml'] / quarter['lxml']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
