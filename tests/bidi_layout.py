"""Where each character of a line lands on screen, from Qt's own text layout: the rendering
checks of text direction (tests/test_app_bidi.py) use it to tell whether a string inserted
into a caption of the other direction stays in one piece and in its own order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption

ISOLATES = frozenset("\u2066\u2067\u2068\u2069")


def character_boxes(text: str, font: QFont,
                    direction: Qt.LayoutDirection) -> list[tuple[float, float] | None]:
    """Each character's horizontal extent (left, right) when ``text`` is laid out as one line
    in a paragraph of ``direction``; None for characters drawn with no width (isolates,
    spaces).  ``text`` must hold no characters outside the BMP (positions are UTF-16)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(direction)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    boxes: list[tuple[float, float] | None] = []
    for index, char in enumerate(text):
        if char in ISOLATES or char.isspace():
            boxes.append(None)
            continue
        rects = [run.boundingRect() for run in layout.glyphRuns(index, 1) if run.glyphIndexes()]
        rects = [r for r in rects if r.width() > 0]
        if not rects:
            boxes.append(None)
            continue
        boxes.append((min(r.left() for r in rects), max(r.right() for r in rects)))
    return boxes


def _centre(box: tuple[float, float]) -> float:
    return (box[0] + box[1]) / 2


def visual_order(text: str, font: QFont, direction: Qt.LayoutDirection,
                 start: int = 0, end: int | None = None) -> list[int]:
    """The visible characters of ``text[start:end]``, by logical index, from left to right."""
    boxes = character_boxes(text, font, direction)
    end = len(text) if end is None else end
    shown = [(i, box) for i, box in enumerate(boxes[start:end], start) if box is not None]
    return [i for i, _box in sorted(shown, key=lambda item: _centre(item[1]))]


def run_is_whole(text: str, start: int, end: int, font: QFont,
                 direction: Qt.LayoutDirection) -> bool:
    """True when ``text[start:end]``, laid out inside ``text`` in a ``direction`` paragraph,
    is drawn as on its own: one stretch of the line that no other character enters, with its
    characters in the order they have when the run is laid out alone (in the direction of
    its first strong character)."""
    boxes = character_boxes(text, font, direction)
    inside = [box for box in boxes[start:end] if box is not None]
    if not inside:
        return True
    low, high = min(b[0] for b in inside), max(b[1] for b in inside)
    for index, box in enumerate(boxes):
        if box is not None and not start <= index < end and low < _centre(box) < high:
            return False  # another character drawn inside the run
    run = text[start:end]
    alone = [start + i for i in visual_order(run, font, Qt.LayoutDirection.LayoutDirectionAuto)]
    return visual_order(text, font, direction, start, end) == alone


def span_of(text: str, part: str) -> tuple[int, int]:
    """Where ``part`` first occurs in ``text`` (start, end); AssertionError when absent."""
    at = text.find(part)
    assert at >= 0, f"{part!r} not in {text!r}"
    return at, at + len(part)
