"""Label names shown on spans: a small tag above the start of each span (View > Show Label
Names).

The tag sits in the room the view leaves above each line when names are shown, at the span's
start: its right edge on a right-to-left line, its left edge on a left-to-right one.  Tags
that would cover one another on the same line are moved along in the reading direction, the
current annotation's tag placed first.  Names are the tag set's display names in the
interface language, elided to :data:`MAX_TAG_WIDTH` (the tooltip has the whole name).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from annotator_ui.highlight_painter import PaintedSpan
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

MAX_TAG_WIDTH = 110.0  # pixels of name before it is elided
TAG_PADDING = 3.0
TAG_GAP = 2.0  # between neighbouring tags, and between a tag and its line
TAG_FONT_RATIO = 0.3  # of a text line's height
MIN_TAG_PIXELS = 9
MAX_SHIFTS = 6  # tags moved along at most this many times before they are left out


def tag_font(line_height: float) -> QFont:
    """The font of the tags for text lines ``line_height`` pixels high."""
    font = QFont()
    font.setPixelSize(max(MIN_TAG_PIXELS, round(line_height * TAG_FONT_RATIO)))
    return font


def tag_room(font: QFont) -> float:
    """Pixels above a line that its tags take (the view's extra line spacing must be at
    least this)."""
    return QFontMetricsF(font).height() + 2 * TAG_GAP


def text_colour_on(colour: QColor) -> QColor:
    """Black or white, whichever reads better on ``colour``."""
    luminance = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return QColor("#111111") if luminance > 150 else QColor("#ffffff")


@dataclass(slots=True)
class PlacedTag:
    """A tag as painted: its rectangle (viewport coordinates), name and colour."""

    rect: QRectF
    text: str
    colour: QColor
    annotation_id: str


def place_tags(spans: Iterable[PaintedSpan], name_of: Callable[[PaintedSpan], str],
               right_to_left: Callable[[PaintedSpan], bool], font: QFont,
               current_id: str | None = None) -> list[PlacedTag]:
    """Where each span's tag goes: above the start of its first piece, moved along the line
    past tags already placed (the current annotation's first), left out when it cannot fit
    after :data:`MAX_SHIFTS` moves."""
    metrics = QFontMetricsF(font)
    height = metrics.height()
    candidates = [s for s in spans if s.pieces]
    candidates.sort(key=lambda s: s.annotation.id != current_id)  # stable: current first
    placed: list[PlacedTag] = []
    rows: dict[int, list[QRectF]] = {}
    for span in candidates:
        rtl = right_to_left(span)
        top = span.pieces[0].rect.top()
        line = [p.rect for p in span.pieces if abs(p.rect.top() - top) < 0.5]
        anchor = max(r.right() for r in line) if rtl else min(r.left() for r in line)
        text = metrics.elidedText(name_of(span), Qt.TextElideMode.ElideRight, MAX_TAG_WIDTH)
        width = metrics.horizontalAdvance(text) + 2 * TAG_PADDING
        rect = QRectF(anchor - width if rtl else anchor, top - height - TAG_GAP, width, height)
        row = rows.setdefault(round(top), [])
        for _ in range(MAX_SHIFTS):
            blocker = next((r for r in row if r.intersects(rect)), None)
            if blocker is None:
                break
            x = blocker.left() - TAG_GAP - width if rtl else blocker.right() + TAG_GAP
            rect.moveLeft(x)
        else:
            if any(r.intersects(rect) for r in row):
                continue
        row.append(rect)
        placed.append(PlacedTag(rect, text, span.colour, span.annotation.id))
    return placed


def paint_tags(painter: QPainter, tags: Iterable[PlacedTag], font: QFont) -> None:
    """Rounded tags filled with their label's colour, the name in black or white."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    for tag in tags:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tag.colour)
        painter.drawRoundedRect(tag.rect, 3, 3)
        painter.setPen(text_colour_on(tag.colour))
        painter.drawText(tag.rect.adjusted(TAG_PADDING, 0, -TAG_PADDING, 0),
                         Qt.AlignmentFlag.AlignCenter, tag.text)
    painter.restore()


def tag_anchor(tag: PlacedTag) -> QPointF:
    """The middle of a tag's bottom edge (for tests)."""
    return QPointF(tag.rect.center().x(), tag.rect.bottom())
