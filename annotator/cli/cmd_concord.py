"""``annotator concord``: key word in context over TEI files, folders or a team project.

The text is searched with the app's rules (:mod:`annotator.concordance`); each hit is one
line.  Like ``annotator show``, the default output is for terminals without bidi: each
context is shaped and put in visual order, the words before the match on its right and those
after it on its left, the match in a middle column.  ``--logical`` prints the line as stored
for terminals that do bidi; ``--json`` one object per hit.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import unicodedata

from annotator.concordance import (
    SORT_KEYS,
    Corpus,
    Hit,
    list_annotations,
    load_corpus,
    search_text,
    sort_hits,
)
from annotator.error_catalogue import Errors

from .cmd_show import UsageError, _safe_stdout, display_width

HELP = "Key word in context: where QUERY occurs in TEI files (or which annotations hold it)."

EPILOG = """\
QUERY is found as a word, with Arabic proclitics allowed before it (و ف ب ل ك ال: لبنان finds
ولبنان), alef forms, ya and ta marbuta folded, harakat and tatweel ignored; --substring finds
it inside words too.  --annotations lists annotations instead (those whose text holds QUERY;
QUERY "" lists them all), --label L keeps those labelled L (and implies --annotations).
Exit status: 0 when something was found, 1 when nothing, 2 when a file could not be read.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``annotator concord``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("query", metavar="QUERY", help="the text to look for")
    parser.add_argument("sources", nargs="+", metavar="SRC",
                        help="TEI files, folders (searched recursively) or a team project")
    parser.add_argument("--annotations", action="store_true",
                        help="list annotations (whose text holds QUERY) instead of text")
    parser.add_argument("--label", action="append", metavar="L",
                        help="only annotations with this label (repeat, or L1,L2)")
    parser.add_argument("--substring", action="store_true",
                        help="find QUERY inside words too")
    parser.add_argument("--sort", choices=SORT_KEYS, default="document",
                        help="order of the lines (left/right: by the context's words, "
                             "nearest first; default: document)")
    parser.add_argument("--reverse", action="store_true", help="the sort order reversed")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--logical", action="store_true",
                        help="logical order, unshaped (for terminals that do bidi)")
    parser.add_argument("--width", type=int, metavar="N",
                        help="line width (default: the terminal's)")


def labels_of(values: list[str] | None) -> frozenset[str] | None:
    """``--label`` values (repeated, or comma-separated) as a set; None when not given."""
    if not values:
        return None
    return frozenset(x.strip() for value in values for x in value.split(",") if x.strip())


def visual(text: str) -> str:
    """``text`` shaped and in visual order, right to left, for a terminal without bidi."""
    import arabic_reshaper
    from bidi.algorithm import get_display

    shown = get_display(arabic_reshaper.reshape(text.replace("\t", " ")), base_dir="R")
    return "".join(ch for ch in shown if unicodedata.category(ch) != "Cf")


def _cut_left(text: str, width: int) -> str:
    """The last ``width`` columns of ``text`` (``…`` where cut), padded on the left."""
    while display_width(text) > width and text:
        text = text[1:]
        if display_width(text) <= width - 1:
            text = "…" + text
            break
    return " " * max(0, width - display_width(text)) + text


def _cut_right(text: str, width: int) -> str:
    """The first ``width`` columns of ``text`` (``…`` where cut), padded on the right."""
    while display_width(text) > width and text:
        text = text[:-1]
        if display_width(text) <= width - 1:
            text = text + "…"
            break
    return text + " " * max(0, width - display_width(text))


def kwic_lines(hits: list[Hit], width: int, logical: bool = False) -> list[str]:
    """One line per hit: where, then the context with the match in a middle column.

    Visual (default): the words after the match on the left, right-aligned; the match; the
    words before it on the right, as a right-to-left reader sees the line."""
    places = [f"{hit.document_id}:{hit.start}-{hit.end}" + (f" {hit.label}" if hit.label
                                                              else "") for hit in hits]
    place_width = max((display_width(p) for p in places), default=0)
    lines = []
    for place, hit in zip(places, hits, strict=True):
        place = place + " " * (place_width - display_width(place))
        if logical:
            lines.append(f"{place}  {hit.before.strip()} [{hit.match}] {hit.after.strip()}")
            continue
        match = visual(hit.match)
        side = max(8, (width - place_width - display_width(match) - 6) // 2)
        after = _cut_left(visual(hit.after.strip()), side)
        before = _cut_right(visual(hit.before.strip()), side)
        lines.append(f"{place}  {after} [{match}] {before}".rstrip())
    return lines


def find_hits(corpus: Corpus, args: argparse.Namespace) -> list[Hit]:
    """The hits the options ask for, sorted."""
    labels = labels_of(args.label)
    if args.annotations or labels is not None:
        hits = list_annotations(corpus, labels=labels, query=args.query)
    else:
        hits = search_text(corpus, args.query, words=not args.substring)
    return sort_hits(hits, args.sort, descending=args.reverse)


def report_errors(corpus: Corpus, command: str) -> None:
    """Each file that could not be read, one line on stderr."""
    for error in corpus.errors:
        print(f"annotator {command}: {error.diagnostic()}", file=sys.stderr)
    if not corpus.documents and not corpus.errors:
        print(f"annotator {command}: no TEI files found (*.xml)", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Print the concordance; exit 0 (found), 1 (nothing found) or 2 (unreadable files)."""
    width = args.width if args.width is not None else shutil.get_terminal_size((100, 24)).columns
    if width < 10:
        raise UsageError(Errors.E630, width=width)
    corpus = load_corpus(args.sources)
    report_errors(corpus, "concord")
    hits = find_hits(corpus, args)
    with _safe_stdout():
        if args.json:
            json.dump([hit.to_json() for hit in hits], sys.stdout, ensure_ascii=False, indent=1)
            print()
        else:
            for line in kwic_lines(hits, width, args.logical):
                print(line)
    if corpus.errors or not corpus.documents:
        return 2
    return 0 if hits else 1
