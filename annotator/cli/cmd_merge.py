"""``annotator merge``: several annotators' TEI files into one file with layers and a gold layer."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from annotator.atomic import atomic_write_text
from annotator.corpus import MergeError
from annotator.error_catalogue import Errors
from annotator.merge import (
    STRATEGIES,
    Conflict,
    DocumentMerge,
    MergeOptions,
    MergeResult,
    conflicts_to_jsonl,
    merge_corpus,
    merge_files,
)
from annotator.teamproject import TeamProject, is_project
from annotator.tei import save_tei

from . import worker_start_method
from .inputs import refuse_output_over_inputs, refuse_replacing
from .termtext import cut, inline, table

HELP = "Merge annotators' TEI files of the same documents: their layers plus a gold layer."

EPILOG = """\
PROJECT mode: the one input is a team project's folder (docs/PROJECT.md); its annotators'
folders are merged as in FOLDER mode, and the gold layer's author is the project's lead.
FILE mode: the inputs are files of one document (same text, checked by SHA-256); OUT is the
merged TEI file.  FOLDER mode: each input folder holds one annotator's files; files are paired
by document id and OUT is a folder receiving DOCID.tei.xml per document.  A document missing
from some folders is merged from the others and reported.  Every input is read and checked
before anything is written; a damaged file, different texts or tag sets write nothing.

Gold: union (1 of n), majority (at least --min-agree K of n; default more than half) or
unanimity (n of n).  Annotations agree when they have the same span and label (--overlap:
overlapping spans with the same label).  Each gold annotation points back to the annotations
it came from and records agreement="2/3" and their annotators.
Exit status: 0 merged, 2 bad input or usage.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("inputs", nargs="+", metavar="FILE|FOLDER",
                        help="annotators' TEI files of one document, one folder per annotator, "
                             "or a team project's folder")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="merged TEI file (FILE mode) or output folder (FOLDER mode)")
    parser.add_argument("--strategy", choices=STRATEGIES, default="majority",
                        help="how the gold layer is built (default: majority)")
    parser.add_argument("--min-agree", type=int, metavar="K",
                        help="majority: at least K annotators must agree (default: more than half)")
    parser.add_argument("--overlap", action="store_true",
                        help="overlapping spans with the same label agree (default: exact spans)")
    parser.add_argument("--lead",
                        help="name recorded as the gold layer's author (default: a project's "
                             "lead, else $USER)")
    parser.add_argument("--conflicts", metavar="FILE.jsonl",
                        help="also write every conflict as one JSON object per line")
    parser.add_argument("--list-conflicts", action="store_true",
                        help="folders: list every conflict (default: a summary)")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace an existing merged file (or the merged files already in "
                             "OUTDIR); without it they are kept, since a lead may have "
                             "adjudicated them")
    order = parser.add_mutually_exclusive_group()
    order.add_argument("--visual", action="store_true", default=None,
                       help="Arabic in the conflict table shaped in visual order, for "
                            "terminals without bidi, as annotator show does (default when "
                            "the output is a terminal)")
    order.add_argument("--logical", action="store_false", dest="visual",
                       help="Arabic as stored, isolated (default when the output is a file "
                            "or a pipe)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no conflict table, no progress bar")


class _Bar:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled and stream.isatty()
        self.last = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or total == 0:
            return
        width = 30
        filled = width * done // total
        line = f"\r{stage:<5} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        if line != self.last:
            self.stream.write(line)
            self.stream.flush()
            self.last = line

    def close(self) -> None:
        if self.enabled and self.last:
            self.stream.write("\r" + " " * len(self.last) + "\r")
            self.stream.flush()


def conflict_rows(conflicts: list[Conflict], with_document: bool, visual: bool = False
                  ) -> list[str]:
    """One aligned line per conflict (and a heading): where, kinds, gold, who said what, the
    text, and the attribute values and links in question.  Arabic is shaped in visual order when
    ``visual``, else isolated (FSI…PDI) as stored (:mod:`annotator.cli.termtext`)."""
    rows = [[*(["document"] if with_document else []), "span", "kinds", "gold",
             "annotations", "text", "details"]]
    for c in conflicts:
        who = ", ".join(f"{m.annotator}:{m.label}"
                        + ("" if (m.start, m.end) == (c.start, c.end) else f"[{m.start},{m.end})")
                        for m in c.members)
        text = inline("«" + cut(c.text, 40) + "»", visual)
        rows.append([*([c.doc_id] if with_document else []), f"[{c.start},{c.end})",
                     "+".join(c.kinds), " ".join(c.gold) or "-", who, text, c.detail])
    return table(rows)


def print_conflicts(conflicts: list[Conflict], out: TextIO, with_document: bool,
                    visual: bool = False) -> None:
    """The conflict table: one aligned row per conflict (see :func:`conflict_rows`)."""
    for line in conflict_rows(conflicts, with_document, visual):
        print(line, file=out)


def print_conflict_summary(conflicts: list[Conflict], out: TextIO, saved: str | None) -> None:
    """Counts by kind and the documents with the most conflicts."""
    kinds = Counter(kind for c in conflicts for kind in c.kinds)
    per_document = Counter(c.doc_id for c in conflicts)
    documents = f"{len(per_document)} document" + ("s" if len(per_document) != 1 else "")
    print(f"{len(conflicts)} conflicts in {documents}: "
          + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()), file=out)
    print("most conflicts: " + ", ".join(f"{doc} ({count})"
                                        for doc, count in per_document.most_common(10)),
          file=out)
    print("every conflict: " + (f"see {saved}" if saved else
                                "use --list-conflicts or --conflicts FILE.jsonl"), file=out)


def _refuse_existing(existing: list[Path]) -> None:
    """Keep merged files already there: a lead may have adjudicated them since."""
    if existing:
        raise MergeError(Errors.E530, count=len(existing), path=str(existing[0]))


def _project_inputs(folder: Path) -> tuple[TeamProject, list[Path]]:
    """A team project's annotator folders that hold files (docs/PROJECT.md)."""
    project = TeamProject.open(folder)
    return project, [project.layer_dir(name) for name in project.layer_names()
                     if project.layer_ids(name)]


def _report_unstarted(project: TeamProject, merged_ids: set[str]) -> None:
    """Say which assigned work is not in the merge (not started), in two lines at most."""
    missing = [f"{doc_id} ({name})" for doc_id, names in project.config.assignment.items()
               for name in names if not project.layer_path(name, doc_id).is_file()]
    if missing:
        print(f"annotator merge: note: {len(missing)} assignment(s) not started, so not in "
              f"the merge: {', '.join(missing[:3])}" + (" …" if len(missing) > 3 else ""),
              file=sys.stderr)
    untouched = [doc_id for doc_id in project.document_ids() if doc_id not in merged_ids]
    if untouched:
        print(f"annotator merge: note: {len(untouched)} document(s) nobody started were not "
              f"merged: {', '.join(untouched[:3])}" + (" …" if len(untouched) > 3 else ""),
              file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    inputs = [Path(p) for p in args.inputs]
    project = None
    if len(inputs) == 1 and is_project(inputs[0]):
        project, inputs = _project_inputs(inputs[0])
        if len(inputs) < 2:
            raise MergeError(Errors.E505, path=str(project.root))
    lead = args.lead or (project.config.lead if project else None) or os.environ.get("USER") \
        or "lead"
    for path in inputs:
        if not path.exists():
            raise MergeError(Errors.E603, path=str(path))
    folders = [p.is_dir() for p in inputs]
    if any(folders) and not all(folders):
        raise MergeError(Errors.E531)
    options = MergeOptions(args.strategy, args.min_agree, args.overlap, lead)
    out = Path(args.output)
    if args.conflicts:
        refuse_output_over_inputs(args.conflicts, inputs, "--conflicts")
        if Path(args.conflicts).resolve() == out.resolve():
            raise MergeError(Errors.E532, path=args.conflicts)
        if not args.overwrite:  # a conflict list may hold a lead's notes by now
            refuse_replacing([Path(args.conflicts)])
    bar = _Bar(sys.stderr, not args.quiet)
    if all(folders):
        if out.is_dir() and not args.overwrite:
            _refuse_existing(sorted(out.glob("*.tei.xml")))
        try:
            merged = merge_corpus(inputs, out, options, bar,
                                  start_method=worker_start_method())
        finally:
            bar.close()
        results: list[MergeResult | DocumentMerge] = list(merged.results)
        if project is not None:
            _report_unstarted(project, {r.doc_id for r in merged.results})
        for doc_id, absent in ({} if project else merged.missing).items():
            print(f"annotator merge: warning: {doc_id} missing from {', '.join(absent)}; "
                  "merged from the others", file=sys.stderr)
    else:
        if any(out.resolve() == p.resolve() for p in inputs):
            raise MergeError(Errors.E533, path=str(out))
        result = merge_files(inputs, options)
        if out.is_file() and not args.overwrite:
            _refuse_existing([out])
        save_tei(result.document, out, tagset=result.tagset)
        results = [result]
    conflicts = [c for r in results for c in r.conflicts]
    if args.conflicts:
        atomic_write_text(args.conflicts, conflicts_to_jsonl(conflicts))
    if not args.quiet and conflicts:
        if all(folders) and not args.list_conflicts:
            print_conflict_summary(conflicts, sys.stdout, args.conflicts)
        else:
            print_conflicts(conflicts, sys.stdout, with_document=len(results) > 1,
                            visual=sys.stdout.isatty() if args.visual is None
                            else args.visual)
    names = list(dict.fromkeys(n for r in results for n in r.annotators))
    gold = sum(r.gold_count for r in results)
    k = results[0].threshold if results else 0
    rule = (f"{args.strategy}, at least {k} of {len(names)}" if args.strategy == "majority"
            else args.strategy)
    print(f"merged {len(results)} document(s) from {len(names)} annotators "
          f"({', '.join(names)}): {gold} gold annotations ({rule}"
          f"{', overlapping spans' if args.overlap else ''}), {len(conflicts)} conflicts "
          f"-> {out}", file=sys.stderr)
    return 0
