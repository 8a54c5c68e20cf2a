"""``annotator agree``: inter-annotator agreement per label, pair and document."""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from annotator.agreement import AgreementReport, Figures, agreement_report, macro_f1, micro
from annotator.atomic import atomic_write_text
from annotator.corpus import read_document_sets
from annotator.report_html import report_to_html
from annotator.tagset import TagSet, default_tagset
from annotator.workers import process_map

from . import worker_start_method
from .inputs import refuse_output_over_inputs, refuse_replacing

HELP = "Measure inter-annotator agreement (kappas, alpha, span F1) of TEI files or folders."

EPILOG = """\
Inputs: annotators' TEI files (grouped by document id), folders of them (one folder per
annotator; a file's unnamed work takes the folder's name), or merged files holding several
annotators' layers.  Gold layers are ignored.

Units are tokens: overall, each token takes the innermost covering span's label (or O); per
label, each token is a yes/no question.  Cohen's kappa per annotator pair (and their mean),
Fleiss' kappa over documents every annotator worked on, Krippendorff's alpha (nominal;
absent annotators are missing values), and Krippendorff's unitizing alpha (alphaU) over the
characters of the documents laid end to end.  Span precision/recall/F1 compare each pair,
the first named as reference, with exact (same start, end, label) and overlap matching;
micro pools spans, macro averages labels.  Links (a quote's speaker, a claim's claimant):
precision/recall/F1 per role of links whose two ends are the same spans, per pair, pooled
and averaged.  Attributes (a quote's type, a claim's checkworthy): Cohen's kappa (mean over
pairs) and Fleiss' kappa on the values of spans drawn alike.  n/a: undefined (no variation
at all).
--json adds per pair and label figures, per document figures and the confusion matrix.
Exit status: 0 done, 2 bad input or usage.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("inputs", nargs="+", metavar="FILE|FOLDER",
                        help="annotators' TEI files or folders (one folder per annotator)")
    parser.add_argument("--json", action="store_true",
                        help="print the whole report as JSON instead of tables")
    parser.add_argument("--html", metavar="REPORT.html",
                        help="also write a self-contained HTML report with charts")
    parser.add_argument("--per-document", action="store_true",
                        help="also print a line per document")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace an --html report that is already there (without it, it "
                             "is kept and nothing is computed)")


def _num(value: float) -> str:
    return "   n/a" if math.isnan(value) else f"{value:6.3f}"


HEAD = " ".join(f"{name:>6}" for name in (
    "alpha", "fleiss", "cohen", "alphaU", "P.ex", "R.ex", "F1.ex", "F1.exM", "F1.ov", "F1.ovM"))


def _line(name: str, f: Figures, width: int) -> str:
    exact, overlap = micro(f.exact), micro(f.overlap)
    numbers = (f.alpha, f.fleiss, f.cohen, f.unitizing, exact.precision, exact.recall, exact.f1,
               macro_f1(f.exact), overlap.f1, macro_f1(f.overlap))
    return f"{name:<{width}} " + " ".join(_num(v) for v in numbers)


def print_report(report: AgreementReport, out: TextIO, per_document: bool) -> None:
    """Plain tables: overall, per label, per annotator pair (and per document)."""
    sections: list[tuple[str, list[tuple[str, Figures]]]] = [
        ("overall", [("all", report.overall)]),
        ("per label", [(label, report.per_label[label]) for label in report.labels]),
        ("per annotator pair", [(f"{a} - {b}", f) for (a, b), f in report.per_pair.items()]),
    ]
    if per_document:
        sections.append(("per document", list(report.per_document.items())))
    width = max(12, *(len(name) for _, rows in sections for name, _ in rows))
    print(f"{len(report.per_document)} documents, {report.overall.tokens} tokens, annotators: "
          + ", ".join(report.annotators), file=out)
    for title, rows in sections:
        print(f"\n{title}\n{'':<{width}} {HEAD}", file=out)
        for name, figures in rows:
            print(_line(name, figures, width), file=out)
    print_links_and_attributes(report, out)
    print("\nalphaU = Krippendorff's unitizing alpha over characters; ex = exact spans, "
          "ov = overlapping spans, M = macro (mean over labels)", file=out)
    if report.missing:
        print(f"\n{len(report.missing)} document(s) lack some annotators: "
              + "; ".join(f"{d} (no {', '.join(who)})" for d, who in report.missing.items()),
              file=out)


def print_links_and_attributes(report: AgreementReport, out: TextIO) -> None:
    """Link agreement per role (pooled over pairs, mean F1, and per pair) and attribute
    agreement per ``LABEL.attribute`` (kappas on the spans drawn alike)."""
    if report.links:
        rows = []
        for role, figures in report.links.items():
            pooled = figures.pooled
            rows.append((role, "all pairs", pooled.tp, pooled.fp, pooled.fn, pooled.precision,
                         pooled.recall, pooled.f1, figures.mean_f1))
            for (a, b), counts in figures.per_pair.items():
                rows.append(("", f"{a} - {b}", counts.tp, counts.fp, counts.fn,
                             counts.precision, counts.recall, counts.f1, math.nan))
        width = max(10, *(len(r[1]) for r in rows))
        print("\nlinks (both ends the same span; the first of a pair as reference)", file=out)
        print(f"{'role':<10} {'':<{width}} {'tp':>5} {'fp':>5} {'fn':>5} " + " ".join(
            f"{name:>6}" for name in ("P", "R", "F1", "F1.mean")), file=out)
        for role, pair, tp, fp, fn, *numbers in rows:
            mean = numbers.pop()
            print(f"{role:<10} {pair:<{width}} {tp:>5} {fp:>5} {fn:>5} "
                  + " ".join(_num(v) for v in numbers)
                  + (" " + _num(mean) if not math.isnan(mean) or role else ""), file=out)
    if report.attributes:
        width = max(16, *(len(name) for name in report.attributes))
        print("\nattributes (on spans drawn alike; - = no value)", file=out)
        print(f"{'':<{width}} {'units':>6} {'agreed':>6} {'cohen':>6} {'fleiss':>6}  values",
              file=out)
        for name, found in report.attributes.items():
            values = ", ".join(f"{value} {count}" for value, count in found.values.most_common())
            print(f"{name:<{width}} {found.units:>6} {_num(found.agreement)} "
                  f"{_num(found.cohen_mean)} {_num(found.fleiss)}  {values}", file=out)


def _display_tagset(taxonomy: TagSet | None) -> TagSet:
    """The files' tag set (names in both languages) with the default set's colours."""
    defaults = default_tagset()
    if taxonomy is None:
        return defaults
    labels = {label: replace(spec, color=defaults.labels[label].color)
              if label in defaults.labels else spec for label, spec in taxonomy.labels.items()}
    return TagSet(taxonomy.name, labels, taxonomy.version, taxonomy.path)


def run(args: argparse.Namespace) -> int:
    if args.html:
        refuse_output_over_inputs(args.html, args.inputs, "--html")
        if not args.overwrite:
            refuse_replacing([Path(args.html)])
    start_method = worker_start_method()
    documents, taxonomy = read_document_sets(args.inputs, start_method=start_method)
    report = agreement_report(documents, map_function=process_map(start_method=start_method))
    if args.html:
        tagset = _display_tagset(taxonomy)
        atomic_write_text(args.html, report_to_html(report, tagset=tagset))
    if args.json:
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_report(report, sys.stdout, args.per_document)
    if args.html:
        print(f"annotator agree: report written to {args.html}", file=sys.stderr)
    return 0
