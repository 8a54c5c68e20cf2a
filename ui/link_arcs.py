"""Links drawn in the text: an arc from a quote or claim to its speaker or claimant.

Which links are drawn (:func:`links_to_draw`): those of the current annotation, both the
ones it makes and the ones made to it, or every link with an end on screen (View > Show All
Links).  Only roles the tag set declares for the source's label count (a gold annotation's
``source`` links are bookkeeping, not drawn).

The geometry (:func:`arc_between`) works in viewport coordinates on the rectangles the view
already computed for the two spans, so it is right for right-to-left lines, for spans broken
over several lines (the two closest pieces are joined) and after scrolling.  An end that is
off screen is drawn as a line to the top or bottom edge of the view, with a marker and the
first words of the span it leads to.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator_ui.highlight_painter import LinePiece
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from annotator.model import Annotation, Annotations
from annotator.tagset import TagSet

ARC_WIDTH = 2.0
ARC_ALPHA = 210
LIFT_MIN, LIFT_MAX = 14.0, 48.0  # how high an arc rises above the higher of its ends
ARROW_LENGTH, ARROW_HALF_WIDTH = 8.0, 4.5
EDGE_MARGIN = 3.0  # an off-screen end stops this far inside the view's edge
CAPTION_WIDTH = 220.0  # pixels of an off-screen end's caption before it is elided

Off = int  # 0 on screen, -1 above the view, +1 below it


@dataclass(frozen=True, slots=True)
class DrawnLink:
    """A link to draw: ``source`` points to ``target`` with ``role``."""

    source: Annotation
    role: str
    target: Annotation


@dataclass(slots=True)
class Arc:
    """One link's geometry: a path from the source to the target, the arrow at the target
    (or at the view's edge) and, when an end is off screen, a caption there."""

    link: DrawnLink
    path: QPainterPath
    arrow: QPolygonF
    colour: QColor
    caption: str = ""
    caption_at: QPointF | None = None

    def bounds(self) -> QRectF:
        """The rectangle the arc paints (path, arrow, not the caption)."""
        return self.path.boundingRect().united(self.arrow.boundingRect())


def on_white(colour: QColor, alpha: int) -> QColor:
    """``colour`` as it looks at ``alpha`` over white, as an opaque colour: Qt draws an
    antialiased 2 px curve about three times faster in an opaque colour than in a
    translucent one (1 ms against 0.3 ms for one arc across the view)."""
    keep = alpha / 255
    return QColor(*(round(part * keep + 255 * (1 - keep))
                    for part in (colour.red(), colour.green(), colour.blue())))


def declared(tagset: TagSet, annotation: Annotation, role: str) -> bool:
    """True when the tag set lets ``annotation``'s label have a ``role`` link."""
    return tagset.get(annotation.label).link(role) is not None


def links_to_draw(annotations: Annotations, around: Iterable[Annotation],
                  tagset: TagSet) -> list[DrawnLink]:
    """The declared links made by or made to any of ``around``, each once, in a stable
    order."""
    found: dict[tuple[str, str, str], DrawnLink] = {}
    for annotation in around:
        for link in annotation.links:
            target = annotations.get(link.target)
            if target is not None and declared(tagset, annotation, link.role):
                found[(annotation.id, link.role, target.id)] = DrawnLink(annotation, link.role,
                                                                         target)
        for source in annotations.pointing_to(annotation.id):
            for link in source.links:
                if link.target == annotation.id and declared(tagset, source, link.role):
                    found[(source.id, link.role, annotation.id)] = DrawnLink(source, link.role,
                                                                             annotation)
    return [found[key] for key in sorted(found)]


def _closest(sources: Sequence[LinePiece],
             targets: Sequence[LinePiece]) -> tuple[LinePiece, LinePiece]:
    """The pair of pieces, one of each span, to join: on one line if the spans share one
    (the arc then rises over that line only), else the pair whose centres are closest."""
    return min(((s, t) for s in sources for t in targets),
               key=lambda pair: (abs(pair[0].rect.top() - pair[1].rect.top()) > 0.5,
                                 _distance(pair[0].rect.center(), pair[1].rect.center())))


def _distance(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())


def _top_middle(rect: QRectF) -> QPointF:
    return QPointF(rect.center().x(), rect.top())


def _arrow(tip: QPointF, towards: QPointF) -> QPolygonF:
    """A filled arrowhead at ``tip`` pointing away from ``towards``."""
    dx, dy = tip.x() - towards.x(), tip.y() - towards.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    base = QPointF(tip.x() - ux * ARROW_LENGTH, tip.y() - uy * ARROW_LENGTH)
    side = QPointF(-uy * ARROW_HALF_WIDTH, ux * ARROW_HALF_WIDTH)
    return QPolygonF([tip, base + side, base - side])


def arc_between(link: DrawnLink, colour: QColor, source: Sequence[LinePiece],
                target: Sequence[LinePiece], source_off: Off, target_off: Off,
                viewport: QRectF, caption: str = "") -> Arc | None:
    """The arc of ``link`` from the pieces of its two spans on screen.

    An end with no pieces is off screen (``*_off`` says on which side): the arc then runs
    from the end on screen to that edge of ``viewport``, ``caption`` (the words of the end
    off screen) written beside the marker.  None when neither end is on screen.
    """
    if not source and not target:
        return None
    pen_colour = on_white(colour, ARC_ALPHA)
    path = QPainterPath()
    if source and target:
        s_piece, t_piece = _closest(source, target)
        start, end = _top_middle(s_piece.rect), _top_middle(t_piece.rect)
        lift = min(LIFT_MAX, LIFT_MIN + abs(end.x() - start.x()) / 8)
        top = min(start.y(), end.y()) - lift
        top = max(top, viewport.top() + EDGE_MARGIN)
        path.moveTo(start)
        path.cubicTo(QPointF(start.x(), top), QPointF(end.x(), top), end)
        arrow = _arrow(end, QPointF(end.x(), end.y() - 1))
        return Arc(link, path, arrow, pen_colour)
    shown, off = (source, target_off) if source else (target, source_off)
    # The piece nearest the edge the other end lies beyond.
    piece = min(shown, key=lambda p: p.rect.top()) if off < 0 else \
        max(shown, key=lambda p: p.rect.bottom())
    x = piece.rect.center().x()
    if off < 0:
        near, edge = _top_middle(piece.rect), QPointF(x, viewport.top() + EDGE_MARGIN)
    else:
        near = QPointF(x, piece.rect.bottom())
        edge = QPointF(x, viewport.bottom() - EDGE_MARGIN)
    path.moveTo(near)
    path.lineTo(edge)
    # Towards the target: out of the view when it is beyond the edge, else at it.
    arrow = _arrow(edge, near) if source else _arrow(near, edge)
    caption_at = QPointF(x + ARROW_HALF_WIDTH + 3, edge.y())
    return Arc(link, path, arrow, pen_colour, caption, caption_at)


def paint_arcs(painter: QPainter, arcs: Iterable[Arc], font: QFont,
               right_to_left: bool = False) -> None:
    """Draw ``arcs``: antialiased lines with arrowheads, dashed towards an end off screen,
    captions on a white ground (placed towards the start of the line in an Arabic view)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    for arc in arcs:
        pen = QPen(arc.colour, ARC_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if arc.caption_at is not None:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(arc.path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(arc.colour)
        painter.drawPolygon(arc.arrow)
        if arc.caption_at is not None and arc.caption:
            text = metrics.elidedText(arc.caption, Qt.TextElideMode.ElideRight, CAPTION_WIDTH)
            width, height = metrics.horizontalAdvance(text) + 6, metrics.height() + 2
            x = arc.caption_at.x()
            if right_to_left:
                x -= width + 2 * (ARROW_HALF_WIDTH + 3)
            y = arc.caption_at.y() - (0 if arc.caption_at.y() < height * 2 else height)
            box = QRectF(x, y, width, height)
            painter.setBrush(QColor(255, 255, 255, 230))
            painter.setPen(QPen(arc.colour, 1))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QColor("#111111"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
