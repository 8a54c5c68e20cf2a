"""``annotator evaluate``: precision, recall and F1 per label of one layer of TEI files (the
suggestions, by default) against another (gold), matched exactly and by overlap
(:mod:`annotator.suggest.evaluation`)."""

from __future__ import annotations

import argparse
import json
import sys

from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, FormatError
from annotator.layers import GOLD, SUGGESTION, layer_names, select_layer
from annotator.model import Document
from annotator.suggest.evaluation import Evaluation, Match, Span, evaluate_spans

from .cmd_show import _safe_stdout
from .inputs import load_tei_sources
from .termtext import display_width

MATCHES: tuple[Match, ...] = ("exact", "overlap")

HELP = "Precision, recall and F1 per label of one layer against another (exact and overlap)."

EPILOG = """\
Each document of the sources is scored where it has the --gold layer (gold, or an annotator's
name); those without it are named on stderr and left out.  --layer is what is scored:
suggestion (the open suggestions, the default), gold, or an annotator's name.  A span is right
'exact' when gold has the same start, end and label, 'overlap' when it shares a character with
a gold span of its label (each gold span matched once).  micro sums all labels.

Exit status: 0 when scored, 2 when a file could not be read (the others are still scored),
when no document has the --gold layer, or on usage errors.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``annotator evaluate``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("sources", nargs="+", metavar="SRC",
                        help="TEI files, or folders searched recursively for *.xml")
    parser.add_argument("--layer", default=SUGGESTION, metavar="suggestion|gold|NAME",
                        help="the layer scored (default: suggestion)")
    parser.add_argument("--gold", default=GOLD, metavar="gold|NAME",
                        help="the layer it is scored against (default: gold)")
    parser.add_argument("--labels", metavar="L1,L2", help="only these labels")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def spans(document: Document, layer: str, labels: frozenset[str] | None) -> list[Span]:
    """The ``(start, end, label)`` of the annotations of ``layer`` in ``document``."""
    return [(a.start, a.end, a.label) for a in select_layer(document, layer, labels).annotations]


def _ratio(value: float) -> str:
    return f"{value:.3f}"


def table_lines(scores: dict[Match, Evaluation]) -> list[str]:
    """The per-label table: counts, then precision, recall and F1 of each way to match; label
    names left-aligned, figures right-aligned."""
    exact = scores["exact"]
    header = ["label", "gold", "proposed"]
    for match in MATCHES:
        header += [f"{match} P", "R", "F1"]
    rows = [header]
    for name in [*exact.per_label, "micro"]:
        counts = exact.micro if name == "micro" else exact.per_label[name]
        row = [name, str(counts.gold), str(counts.proposed)]
        for match in MATCHES:
            score = (scores[match].micro if name == "micro"
                     else scores[match].per_label[name])
            row += [_ratio(score.precision), _ratio(score.recall), _ratio(score.f1)]
        rows.append(row)
    widths = [max(display_width(row[c]) for row in rows) for c in range(len(header))]
    lines = []
    for row in rows:
        cells = [row[0] + " " * (widths[0] - display_width(row[0]))]
        cells += [cell.rjust(widths[c]) for c, cell in enumerate(row) if c]
        lines.append("  ".join(cells))
    return lines


def run(args: argparse.Namespace) -> int:
    """Read, score, print; exit status as the epilog says."""
    labels = None
    if args.labels is not None:
        labels = frozenset(x.strip() for x in args.labels.split(",") if x.strip()) or None
    failures = 0

    def report(error: AnnotatorError) -> None:
        nonlocal failures
        failures += 1
        print(f"annotator evaluate: {error.diagnostic()}", file=sys.stderr)

    gold: list[list[Span]] = []
    proposed: list[list[Span]] = []
    scored: list[str] = []
    for path, document in load_tei_sources(args.sources, report):
        if args.gold not in layer_names(document):
            print(f"{path}: no {args.gold} layer; left out", file=sys.stderr)
            continue
        gold.append(spans(document, args.gold, labels))
        proposed.append(spans(document, args.layer, labels))
        scored.append(str(path))
    if not scored:
        if not failures:
            report(FormatError(Errors.E079, layer=args.gold))
        return 2
    scores = {match: evaluate_spans(gold, proposed, match) for match in MATCHES}
    with _safe_stdout():
        if args.json:
            json.dump({"layer": args.layer, "gold": args.gold, "documents": len(scored),
                       **{match: scores[match].as_dict() for match in MATCHES}},
                      sys.stdout, ensure_ascii=False, indent=1)
            print()
        else:
            print(f"{args.layer} against {args.gold} in {len(scored)} document"
                  f"{'s' if len(scored) != 1 else ''}")
            print("\n".join(table_lines(scores)))
    return 2 if failures else 0

