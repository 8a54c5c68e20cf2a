"""``annotator inconsistencies``: names labelled differently, or labelled in some places and
left bare in others, across TEI files (:mod:`annotator.inconsistency`); ``--fix`` makes each
consistent with its majority label and saves the files in place, atomically."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotator.concordance import load_corpus
from annotator.errors import AnnotatorError
from annotator.inconsistency import Finding, find_inconsistencies, fix_file

from .cmd_concord import labels_of, report_errors, visual
from .cmd_show import _safe_stdout

HELP = "Names labelled inconsistently across TEI files, with counts; --fix relabels/annotates."

EPILOG = """\
A name is an entity annotation's text, folded as the search folds it.  It is reported when it
carries different labels in different places, or when some of its occurrences (as words,
proclitics allowed) carry no name label.  --fix relabels every instance to the majority label
and annotates the bare occurrences with it, file by file (each saved atomically; a file that
cannot be read is left alone).  Exit status: 0 nothing (left) to fix, 1 findings, 2 a file
could not be read or written.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``annotator inconsistencies``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("sources", nargs="+", metavar="SRC",
                        help="TEI files, folders (searched recursively) or a team project")
    parser.add_argument("--layer", metavar="gold|NAME",
                        help="which annotations (default: gold where a file has it, else all)")
    parser.add_argument("--label", action="append", metavar="L",
                        help="only these labels (repeat, or L1,L2; default: entity labels)")
    parser.add_argument("--fix", action="store_true",
                        help="apply the majority fix of every finding to the files")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--logical", action="store_true",
                        help="names in logical order, unshaped (terminals that do bidi)")


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{label} {count}" for label, count in counts.items())


def finding_lines(finding: Finding, logical: bool = False) -> list[str]:
    """A finding as a few lines: the name, its labels and bare occurrences, then each place."""
    name = finding.name if logical else visual(finding.name)
    head = f"{name}  [{' + '.join(finding.kinds)}]  {_counts(finding.labels) or '-'}"
    if finding.missing:
        head += f", unlabelled {finding.missing}"
    fixes = "; ".join(f.describe() for f in finding.recommended)
    lines = [head, f"  fix: {fixes}"]
    for place in finding.places:
        where = f"  {place.document_id} ({Path(place.path).name}): "
        parts = [_counts(place.labels)] if place.labels else []
        if place.missing:
            parts.append(f"unlabelled {len(place.missing)}")
        lines.append(where + ", ".join(parts))
    return lines


def apply_fixes(findings: list[Finding], layer: str | None,
                labels: frozenset[str] | None) -> tuple[int, int, list[AnnotatorError]]:
    """Apply each finding's recommended fixes file by file: (files written, changes, errors)."""
    written: set[str] = set()
    changes = 0
    errors: list[AnnotatorError] = []
    failed: set[str] = set()
    for finding in findings:
        for place in finding.places:
            if place.path in failed:
                continue
            for fix in finding.recommended:
                try:
                    done = fix_file(place.path, finding, fix, layer=layer, labels=labels)
                except AnnotatorError as error:
                    errors.append(error if error.path else error.at(place.path))
                    failed.add(place.path)
                    break
                if done:
                    changes += done
                    written.add(place.path)
    return len(written), changes, errors


def run(args: argparse.Namespace) -> int:
    """Report (and with ``--fix``, fix); exit 0, 1 or 2 as the epilog says."""
    corpus = load_corpus(args.sources)
    report_errors(corpus, "inconsistencies")
    labels = labels_of(args.label)
    findings = find_inconsistencies(corpus, layer=args.layer, labels=labels)
    failed = bool(corpus.errors or not corpus.documents)
    with _safe_stdout():
        if args.json and not args.fix:
            json.dump([f.to_json() for f in findings], sys.stdout, ensure_ascii=False,
                      indent=1)
            print()
        elif not args.fix:
            for finding in findings:
                print("\n".join(finding_lines(finding, args.logical)))
            print(f"{len(findings)} inconsistent name(s) in {len(corpus.annotated())} file(s)")
        else:
            files, changes, errors = apply_fixes(findings, args.layer, labels)
            for error in errors:
                print(f"annotator inconsistencies: {error.diagnostic()}", file=sys.stderr)
            failed = failed or bool(errors)
            left = find_inconsistencies(load_corpus(args.sources), layer=args.layer,
                                        labels=labels)
            if args.json:
                json.dump({"fixed_files": files, "changes": changes,
                           "left": [f.to_json() for f in left]}, sys.stdout,
                          ensure_ascii=False, indent=1)
                print()
            else:
                print(f"{changes} change(s) in {files} file(s); "
                      f"{len(left)} inconsistent name(s) left")
            findings = left
    if failed:
        return 2
    return 1 if findings else 0
