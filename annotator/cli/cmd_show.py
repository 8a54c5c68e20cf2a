"""``annotator show``: a document's text with its spans marked, for any terminal.

Terminals without bidi support get each line shaped (arabic-reshaper) and put in visual order
(python-bidi), right-aligned when right-to-left.  This is the only place in the project where
text is reshaped or reordered, and only for printing: nothing here is ever stored.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import shutil
import sys
import unicodedata
from collections.abc import Iterable, Iterator

from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError
from annotator.layers import select_layer
from annotator.model import Annotation, Document

from .termtext import cut, inline, table
from .termtext import display_width as display_width  # where it has always been imported from

HELP = ("Print a TEI document with its spans marked as [LABEL ...], in visual order, and its "
        "links (quote → speaker, claim → claimant).")

EPILOG = """\
By default the output is meant for terminals that do not do bidi: Arabic letters are shaped
and each line is put in visual order and right-aligned.  Use --logical on terminals that do
bidi themselves (most graphical ones): the text is printed as stored, unshaped.
"""

_LINE_END = re.compile(r"\r\n|\r|\n")
_PIECES = re.compile(r"\s+|\S+")


class UsageError(AnnotatorError):
    """A command-line value that makes no sense (exit status 2)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``annotator show``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("file", metavar="TEI", help="a TEI file of this tool")
    parser.add_argument("--width", type=int, metavar="N",
                        help="wrap lines to N columns (default: the terminal's width)")
    parser.add_argument("--label", action="append", metavar="L",
                        help="mark only spans with this label (repeat, or L1,L2)")
    parser.add_argument("--layer", metavar="gold|NAME",
                        help="which annotations (default: gold when present, else all)")
    parser.add_argument("--logical", action="store_true",
                        help="logical order, unshaped (for terminals that do bidi)")


def marked_text(document: Document, annotations: Iterable[Annotation]) -> str:
    """The text with ``[LABEL `` before and ``]`` after every span, properly nested where the
    spans nest (at one position: closings first, inner ones first; then openings, outer
    ones first)."""
    events: list[tuple[int, int, int, str, str]] = []
    for a in annotations:
        events.append((a.end, 0, -a.start, a.id, "]"))
        events.append((a.start, 1, -a.end, a.id, f"[{a.label} "))
    events.sort()
    pieces, position = [], 0
    for offset, _, _, _, marker in events:
        pieces.append(document.text[position:offset])
        pieces.append(marker)
        position = offset
    pieces.append(document.text[position:])
    return "".join(pieces)


def wrap(line: str, width: int) -> list[str]:
    """``line`` cut into pieces of at most ``width`` columns, at spaces where possible."""
    rows: list[str] = []
    current, used = "", 0
    for piece in _PIECES.findall(line):
        size = display_width(piece)
        if used + size <= width:
            current, used = current + piece, used + size
            continue
        if piece.isspace():
            rows.append(current)
            current, used = "", 0
            continue
        if current:
            rows.append(current.rstrip())
            current, used = "", 0
        while display_width(piece) > width:
            cut = _fit(piece, width)
            rows.append(piece[:cut])
            piece = piece[cut:]
        current, used = piece, display_width(piece)
    rows.append(current)
    return rows


def _fit(piece: str, width: int) -> int:
    """How many characters of ``piece`` fit in ``width`` columns (at least one)."""
    used = 0
    for index, ch in enumerate(piece):
        used += display_width(ch)
        if used > width:
            return max(1, index)
    return len(piece)


def _direction(line: str, default: str) -> str:
    for ch in line:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return default


def visual_lines(text: str, width: int, base_direction: str = "rtl",
                 plain: str | None = None) -> list[str]:
    """Shaped, visually ordered rows for a terminal without bidi.

    Each line's direction comes from the first strong character of the same line of
    ``plain`` (the text before span markers went in; ``text`` itself if None), else
    ``base_direction``; right-to-left rows are right-aligned to ``width``.
    """
    import arabic_reshaper
    from bidi.algorithm import get_display  # mirrors brackets, unlike bidi.get_display

    lines = _LINE_END.split(text)
    plain_lines = _LINE_END.split(plain) if plain is not None else lines
    rows: list[str] = []
    for line, plain_line in zip(lines, plain_lines, strict=False):
        direction = _direction(plain_line, base_direction)
        for row in wrap(line.replace("\t", "    "), width):
            shaped = get_display(arabic_reshaper.reshape(row),
                                 base_dir="R" if direction == "rtl" else "L")
            shaped = "".join(ch for ch in shaped if unicodedata.category(ch) != "Cf").rstrip()
            if direction == "rtl" and shaped:
                shaped = " " * max(0, width - display_width(shaped)) + shaped
            rows.append(shaped)
    return rows


def logical_lines(text: str, width: int) -> list[str]:
    """Rows in logical order, unshaped, wrapped to ``width``."""
    return [row for line in _LINE_END.split(text)
            for row in wrap(line.replace("\t", "    "), width)]


def link_lines(document: Document, visual: bool, width: int = 40) -> list[str]:
    """One aligned line per link (``source`` links of gold excepted): the annotation, its
    text, the role and the target with its text, e.g. ``QUOTE a3 «…» → speaker PER a1 «…»``."""
    annotations = document.annotations
    rows = []
    for annotation in annotations.sorted():
        for link in annotation.links:
            if link.role == "source":
                continue
            target = annotations.get(link.target)
            target_text = (inline("«" + cut(document.span_text(target), width) + "»", visual)
                           if target is not None else "(not in this layer)")
            rows.append([annotation.label, annotation.id,
                         inline("«" + cut(document.span_text(annotation), width) + "»", visual),
                         f"→ {link.role}", target.label if target is not None else "?",
                         link.target, target_text])
    return table(rows)


def _labels(values: list[str] | None) -> frozenset[str] | None:
    if not values:
        return None
    return frozenset(label.strip() for value in values for label in value.split(",")
                     if label.strip())


def run(args: argparse.Namespace) -> int:
    """Print the document; exit 0, or 2 when it cannot be read."""
    from annotator.tei import load_tei

    width = args.width if args.width is not None else shutil.get_terminal_size((80, 24)).columns
    if width < 10:
        raise UsageError(Errors.E630, width=width)
    document = select_layer(load_tei(args.file), args.layer, _labels(args.label))
    body = marked_text(document, document.annotations)
    with _safe_stdout():
        header = f"{document.id}: {len(document.annotations)} spans, {document.direction}"
        title_rows = wrap(_LINE_END.split(document.title)[0], width - 1)
        title = title_rows[0].rstrip() + ("…" if len(title_rows) > 1 else "")
        print(header)
        if args.logical:
            print(title)
            rows = logical_lines(body, width)
        else:
            print("\n".join(visual_lines(title, width, document.direction)))
            rows = visual_lines(body, width, document.direction, plain=document.text)
        print("-" * min(width, 40))
        for row in rows:
            print(row)
        links = [row for line in link_lines(document, not args.logical,
                                            max(6, min(40, (width - 24) // 2)))
                 for row in wrap(line, width)]
        if links:
            print("-" * min(width, 40))
            count = sum("→" in line for line in links)
            print(f"{count} link" + ("s" if count != 1 else ""))
            for line in links:
                print(line)
    return 0


@contextlib.contextmanager
def _safe_stdout() -> Iterator[None]:
    """Characters the terminal's encoding lacks become '?' instead of an exception."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    errors = getattr(sys.stdout, "errors", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
    try:
        yield
    finally:
        if reconfigure is not None and errors:
            reconfigure(errors=errors)
