"""Open suggestions drawn apart from annotations: a dashed outline in the label's colour, no
fill, so that what a recommender proposes never looks like what an annotator decided.  The
current suggestion (the one Enter accepts) has a thicker outline.  Closed suggestions
(accepted or rejected) are not drawn at all.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator_ui.highlight_painter import PaintedSpan
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPen

from annotator.layers import SUGGESTION, is_open_suggestion
from annotator.model import Annotation

DASH_WIDTH = 1.5
CURRENT_DASH_WIDTH = 3.0
DASHES = [4.0, 3.0]  # dash and gap, in pen widths


def is_suggestion(annotation: Annotation) -> bool:
    """True for anything of the suggestion layer (open or closed)."""
    return annotation.layer == SUGGESTION


def shown_suggestions(annotations: Iterable[Annotation]) -> list[Annotation]:
    """The open suggestions among ``annotations`` (what the view draws dashed)."""
    return [a for a in annotations if is_open_suggestion(a)]


def paint_suggestions(painter: QPainter, spans: Iterable[PaintedSpan],
                      current: str | None = None) -> None:
    """Dashed outlines around every rectangle of each suggestion, the current one thicker
    (drawn over the text, never filling it)."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for span in spans:
        width = CURRENT_DASH_WIDTH if span.annotation.id == current else DASH_WIDTH
        pen = QPen(span.colour, width)
        pen.setDashPattern(DASHES)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = width / 2
        for piece in span.pieces:
            painter.drawRect(piece.rect.adjusted(half, half, -half, -half))
