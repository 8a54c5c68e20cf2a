"""Geometry and painting of annotation highlights as overlays on laid-out text.

Nothing here changes the text or its formats: highlights are rectangles computed from the
glyph runs Qt already shaped for a block, so Arabic letters keep joining across span edges and
line breaks stay where they were.  A logical range over mixed Arabic, Latin and digits gives one
rectangle per visual run, exactly over its characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import cast

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextLayout

from annotator.model import Annotation

BACKGROUND_ALPHA = 80
UNDERLINE_THICKNESS = 2.0
UNDERLINE_GAP = 1.5
OUTLINE_WIDTH = 2.0
# Distinct colours for the "annotator" colour mode (Tol's bright + muted schemes).
ANNOTATOR_COLOURS = ("#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377",
                     "#bbbbbb", "#332288", "#882255", "#117733")


@dataclass(slots=True)
class LinePiece:
    """One rectangle of a highlight on one visual line, in viewport coordinates.

    ``baseline_bottom`` is the y just below the line's descent, where underlines start.
    """

    rect: QRectF
    baseline_bottom: float


@dataclass(slots=True)
class PaintedSpan:
    """An annotation as painted: its nesting level and its rectangles."""

    annotation: Annotation
    level: int
    colour: QColor
    pieces: list[LinePiece] = field(default_factory=list)


def range_pieces(layout: QTextLayout, origin: QPointF, start: int, end: int) -> list[LinePiece]:
    """Rectangles covering the block-local Qt range ``[start, end)`` of a laid-out block.

    One rectangle per visual run per line (adjacent runs merged), from the glyph runs Qt
    shaped for exactly those characters; ``origin`` is the block's top-left in the viewport.
    """
    pieces: list[LinePiece] = []
    first = layout.lineForTextPosition(start)
    for number in range(first.lineNumber() if first.isValid() else 0, layout.lineCount()):
        line = layout.lineAt(number)
        line_start = line.textStart()
        line_end = line_start + line.textLength()
        if line_end <= start:
            continue
        if line_start >= end:
            break
        lo = max(start, line_start)
        hi = min(end, line_end)
        if hi <= lo:
            continue
        top = origin.y() + line.y()
        height = line.height()
        bottom = top + line.ascent() + line.descent()
        spans: list[list[float]] = []
        for run in line.glyphRuns(lo, hi - lo):
            box = run.boundingRect()
            if box.width() > 0:
                spans.append([box.left(), box.right()])
        if not spans:  # only a separator or invisible characters: a thin caret-wide mark
            # PySide6 returns (x, position) here; its stub says only "object".
            x = cast("tuple[float, int]", line.cursorToX(lo))[0]
            spans.append([x, x + 2.0])
        spans.sort()
        merged = [spans[0]]
        for left, right in spans[1:]:
            if left <= merged[-1][1] + 0.5:
                merged[-1][1] = max(merged[-1][1], right)
            else:
                merged.append([left, right])
        for left, right in merged:
            rect = QRectF(origin.x() + left, top, right - left, height)
            pieces.append(LinePiece(rect, bottom))
    return pieces


def visible_lines(layout: QTextLayout, top: float, bottom: float) -> tuple[int, int]:
    """Block-local Qt range ``[start, end)`` of the lines of ``layout`` between ``top`` and
    ``bottom`` (layout coordinates); found by bisection, so a paragraph of thousands of lines
    costs a few look-ups."""
    count = layout.lineCount()
    if count == 0:
        return 0, 0
    lo, hi = 0, count - 1
    while lo < hi:  # first line whose bottom reaches top
        mid = (lo + hi) // 2
        line = layout.lineAt(mid)
        if line.y() + line.height() < top:
            lo = mid + 1
        else:
            hi = mid
    first = lo
    lo, hi = first, count - 1
    while lo < hi:  # last line whose top is above bottom
        mid = (lo + hi + 1) // 2
        if layout.lineAt(mid).y() > bottom:
            hi = mid - 1
        else:
            lo = mid
    last = layout.lineAt(lo)
    return layout.lineAt(first).textStart(), last.textStart() + last.textLength()


def nesting_levels(annotations: Sequence[Annotation]) -> dict[str, int]:
    """Each annotation's depth: 0 for spans no other span contains, +1 per enclosing span.

    Identical spans nest in id order; crossing spans that neither contains stay side by side.
    """
    levels: dict[str, int] = {}
    open_spans: list[Annotation] = []
    for annotation in sorted(annotations, key=lambda a: (a.start, -a.end, a.id)):
        open_spans = [a for a in open_spans if a.end > annotation.start]
        levels[annotation.id] = sum(1 for a in open_spans if a.end >= annotation.end)
        open_spans.append(annotation)
    return levels


def paint_backgrounds(painter: QPainter, spans: Iterable[PaintedSpan]) -> None:
    """Translucent fills for the outermost spans (drawn under the text)."""
    painter.setPen(Qt.PenStyle.NoPen)
    for span in spans:
        if span.level != 0:
            continue
        fill = QColor(span.colour)
        fill.setAlpha(BACKGROUND_ALPHA)
        for piece in span.pieces:
            painter.fillRect(piece.rect, fill)


def paint_underlines(painter: QPainter, spans: Iterable[PaintedSpan]) -> None:
    """Stacked underlines for nested spans, one row per nesting level (drawn over the text)."""
    painter.setPen(Qt.PenStyle.NoPen)
    step = UNDERLINE_THICKNESS + UNDERLINE_GAP
    for span in spans:
        if span.level == 0:
            continue
        for piece in span.pieces:
            y = piece.baseline_bottom + UNDERLINE_GAP + (span.level - 1) * step
            painter.fillRect(QRectF(piece.rect.left(), y, piece.rect.width(),
                                    UNDERLINE_THICKNESS), span.colour)


def paint_outline(painter: QPainter, span: PaintedSpan) -> None:
    """An emphasised outline around every rectangle of the current annotation."""
    pen = QPen(span.colour.darker(150), OUTLINE_WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = OUTLINE_WIDTH / 2
    for piece in span.pieces:
        painter.drawRect(piece.rect.adjusted(-half, -half, half, half))
