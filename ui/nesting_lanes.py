"""Nested spans drawn readable: innermost spans as boxes, the spans around them as lanes.

A span that contains no other shown span is a *box*: a translucent fill under its characters.
A span that contains others (a quote around a name) is drawn as a *lane*: a bar under its
characters, lower the more levels of spans it holds, joined to the text by a tick at both
ends of each line it covers.  A location inside a quote inside a claim thus shows three
colours one under the other instead of fills mixed into one, and nothing is drawn across
the glyphs themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from annotator_ui.highlight_painter import BACKGROUND_ALPHA, PaintedSpan
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from annotator.model import Annotation

LANE_THICKNESS = 2.5
LANE_GAP = 1.5
LANE_STEP = LANE_THICKNESS + LANE_GAP
TICK_WIDTH = 1.5


def nesting_heights(annotations: Sequence[Annotation]) -> dict[str, int]:
    """Each annotation's height: 0 when it contains no other of ``annotations``, else one
    more than the highest span it contains.

    Containment is as in :func:`~annotator_ui.highlight_painter.nesting_levels`: identical
    spans nest in id order and crossing spans do not contain each other.
    """
    ordered = sorted(annotations, key=lambda a: (a.start, -a.end, a.id))
    containers: list[list[str]] = []
    open_spans: list[Annotation] = []
    for annotation in ordered:
        open_spans = [a for a in open_spans if a.end > annotation.start]
        containers.append([a.id for a in open_spans if a.end >= annotation.end])
        open_spans.append(annotation)
    heights = dict.fromkeys((a.id for a in ordered), 0)
    # A span comes after everything that contains it: backwards, its height is final
    # before it lifts its containers.
    for annotation, around in zip(reversed(ordered), reversed(containers), strict=True):
        lifted = heights[annotation.id] + 1
        for container in around:
            if heights[container] < lifted:
                heights[container] = lifted
    return heights


def lane_offset(height: int) -> float:
    """Pixels below a line's descent where the lane of a span of ``height`` (>= 1) starts."""
    return LANE_GAP + (height - 1) * LANE_STEP


def lanes_room(deepest: int) -> float:
    """Pixels below a line that lanes up to height ``deepest`` take."""
    return lane_offset(deepest) + LANE_THICKNESS if deepest > 0 else 0.0


def paint_boxes(painter: QPainter, spans: Iterable[PaintedSpan],
                heights: Mapping[str, int]) -> None:
    """Translucent fills of the spans that hold no other (drawn under the text)."""
    for span in spans:
        if heights.get(span.annotation.id, 0):
            continue
        fill = QColor(span.colour)
        fill.setAlpha(BACKGROUND_ALPHA)
        for piece in span.pieces:
            painter.fillRect(piece.rect, fill)


def paint_lanes(painter: QPainter, spans: Iterable[PaintedSpan],
                heights: Mapping[str, int]) -> None:
    """Bars under the spans that hold others, one lane per height, bracketed by short
    ticks at both ends of each line's piece (drawn over the text)."""
    painter.setPen(Qt.PenStyle.NoPen)
    for span in spans:
        height = heights.get(span.annotation.id, 0)
        if not height or not span.pieces:
            continue
        colour = span.colour
        for piece in span.pieces:
            rect = piece.rect
            y = piece.baseline_bottom + lane_offset(height)
            painter.fillRect(QRectF(rect.left(), y, rect.width(), LANE_THICKNESS), colour)
            tick = y + LANE_THICKNESS - piece.baseline_bottom
            for x in (rect.left(), rect.right() - TICK_WIDTH):
                painter.fillRect(QRectF(x, piece.baseline_bottom, TICK_WIDTH, tick), colour)
