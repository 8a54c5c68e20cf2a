"""Search hits shown everywhere at once: every match painted in the text (the current one
stronger) and marked on the vertical scroll bar.

:class:`SearchHits` holds the matches of the find bar in text order and answers, by
bisection, which of them lie in a range of the text, so a paint looks only at the hits on
screen whatever their number.  :class:`MarkedScrollBar` draws a tick per pixel row of its
groove that holds a hit; a tick's place comes from the line its block starts on, like the
scroll bar's own value, found for one hit per row (a few hundred look-ups, not one per hit).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence

from annotator_ui.highlight_painter import LinePiece
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QScrollBar, QStyle, QStyleOptionSlider, QWidget

HIT_COLOUR = QColor(255, 235, 59, 150)  # every match: light yellow under the text
CURRENT_HIT_COLOUR = QColor(255, 140, 0, 200)  # the match shown: orange, outlined
TICK_COLOUR = QColor(230, 160, 0)
CURRENT_TICK_COLOUR = QColor(220, 60, 0)
TICK_HEIGHT = 2


class SearchHits:
    """Matches as sorted code-point spans, with the index of the current one (-1: none)."""

    def __init__(self, spans: Sequence[tuple[int, int]] = (), current: int = -1) -> None:
        self.spans = list(spans)
        self.starts = [start for start, _end in self.spans]
        self.current = current
        self.version = 0

    def __len__(self) -> int:
        return len(self.spans)

    def set(self, spans: Sequence[tuple[int, int]], current: int = -1) -> None:
        """Replace the matches (in text order, not overlapping)."""
        self.spans = list(spans)
        self.starts = [start for start, _end in self.spans]
        self.current = current
        self.version += 1

    def between(self, start: int, end: int) -> range:
        """Indexes of the matches sharing a character with ``[start, end)``."""
        # Matches do not overlap, so their ends are in order too.
        first = bisect_right(self.starts, start) - 1
        if first < 0 or self.spans[first][1] <= start:
            first += 1
        return range(first, bisect_left(self.starts, end))

    def current_span(self) -> tuple[int, int] | None:
        """The current match, if any."""
        return self.spans[self.current] if 0 <= self.current < len(self.spans) else None


def paint_hits(painter: QPainter, pieces: Iterable[tuple[bool, list[LinePiece]]]) -> None:
    """Fill each hit's pieces; ``(True, pieces)`` is the current hit (drawn under the text)."""
    for current, hit_pieces in pieces:
        colour = CURRENT_HIT_COLOUR if current else HIT_COLOUR
        for piece in hit_pieces:
            painter.fillRect(piece.rect, colour)


def paint_current_hit_outline(painter: QPainter, pieces: Iterable[LinePiece]) -> None:
    """An orange frame round the current hit (over the text and the selection)."""
    painter.setPen(QPen(CURRENT_HIT_COLOUR.darker(120), 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for piece in pieces:
        painter.drawRect(piece.rect.adjusted(-1, -1, 1, 1))


class MarkedScrollBar(QScrollBar):
    """A vertical scroll bar with ticks where the search hits are.

    ``line_of(cp)`` gives the line (in scroll-bar units) the text at code point ``cp`` is on;
    the view provides it.  Ticks are recomputed when the hits, the range or the height change.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.hits = SearchHits()
        self.text_length = 1
        self.line_of: Callable[[int], int] = lambda cp: 0
        self._ticks: list[tuple[float, bool]] = []
        self._ticks_key: tuple[int, ...] = ()

    def set_hits(self, hits: SearchHits, text_length: int) -> None:
        """Mark ``hits`` (of a text of ``text_length`` code points)."""
        self.hits = hits
        self.text_length = max(1, text_length)
        self._ticks_key = ()
        self.update()

    def groove(self) -> QRectF:
        """The rectangle the handle moves in."""
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        rect = self.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                           QStyle.SubControl.SC_ScrollBarGroove, self)
        return QRectF(rect)

    def ticks(self) -> list[tuple[float, bool]]:
        """``(y, current)`` of each tick, in this widget's coordinates."""
        groove = self.groove()
        hits = self.hits
        key = (hits.version, hits.current, self.maximum(), self.pageStep(),
               int(groove.top()), int(groove.height()))
        if key == self._ticks_key:
            return self._ticks
        self._ticks_key = key
        self._ticks = []
        if not len(hits) or groove.height() <= 0:
            return self._ticks
        lines = max(1, self.maximum() + self.pageStep())
        rows = max(1, int(groove.height()))
        seen: set[int] = set()
        # One hit per row of the text's length: its exact line decides where its tick goes.
        step = self.text_length / rows
        cp_row = 0
        while cp_row < rows:
            index = bisect_left(hits.starts, int(cp_row * step))
            if index >= len(hits):
                break
            start = hits.starts[index]
            y = int(groove.top() + min(1.0, self.line_of(start) / lines) * (rows - 1))
            if y not in seen:
                seen.add(y)
                self._ticks.append((float(y), False))
            cp_row = max(cp_row + 1, int(start / step) + 1)
        current = hits.current_span()
        if current is not None:
            at = groove.top() + min(1.0, self.line_of(current[0]) / lines) * (rows - 1)
            self._ticks.append((float(int(at)), True))
        return self._ticks

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not len(self.hits):
            return
        painter = QPainter(self)
        groove = self.groove()
        for y, current in self.ticks():
            painter.fillRect(QRectF(groove.left() + 1, y, groove.width() - 2,
                                    TICK_HEIGHT + (1 if current else 0)),
                             CURRENT_TICK_COLOUR if current else TICK_COLOUR)
        painter.end()
