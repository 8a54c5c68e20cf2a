"""The one place that converts between code-point offsets and Qt text positions.

The core counts Unicode code points into ``Document.text``; Qt counts UTF-16 code units in
the text it was given.  The view never hands Qt the document text unchanged: each line-break
sequence (``\\r\\n``, ``\\r``, ``\\n``) becomes exactly one ``\\n`` (one Qt block separator),
and the two noncharacters Qt would take for frame markers (U+FDD0, U+FDD1) are shown as
U+FFFD.  So a position moves by +1 after every character above U+FFFF (a surrogate pair in
Qt) and by -1 after every ``\\r\\n`` (two code points, one Qt separator).

Both directions are O(log n) with ``bisect`` over the offsets where the difference changes;
a text without astral characters or ``\\r\\n`` maps to itself at no cost.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Characters that change the code-point/UTF-16 difference.
_SHIFTS = re.compile("[\U00010000-\U0010ffff]|\r\n")
_LINE_BREAK = re.compile("\r\n|\r")
_FRAME_MARKS = re.compile("[\ufdd0\ufdd1]")
QT_BLOCK_SEPARATOR = "\u2029"  # what QTextCursor.selectedText() shows between blocks


def text_to_qt(text: str) -> str:
    """The text Qt is given for ``text``: one ``\\n`` per line break, frame marks as U+FFFD."""
    if "\r" in text:
        text = _LINE_BREAK.sub("\n", text)
    if "\ufdd0" in text or "\ufdd1" in text:
        text = _FRAME_MARKS.sub("\ufffd", text)
    return text


def normalise_line_breaks(text: str) -> str:
    """``text`` as Qt's ``QTextCursor.selectedText()`` returns it (separators as U+2029)."""
    return text_to_qt(text).replace("\n", QT_BLOCK_SEPARATOR)


def has_astral(text: str) -> bool:
    """True when ``text`` holds a character above U+FFFF (a surrogate pair in UTF-16).

    Encoding is a few times faster than a regular-expression scan on megabytes of text.
    """
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


class PositionMap:
    """Converts code-point offsets in ``text`` to Qt positions in ``text_to_qt(text)`` and back.

    A code point strictly inside ``\\r\\n`` (the ``\\n``) maps to the Qt separator's position,
    like the ``\\r`` before it; a Qt position inside a surrogate pair (the low surrogate) maps
    to the astral character's own offset.  Every other offset round-trips exactly.
    """

    __slots__ = ("_cp_deltas", "_cp_marks", "_length", "_qt_deltas", "_qt_length", "_qt_marks")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        # _cp_marks[i]: from this code-point offset on, add _cp_deltas[i] to get Qt positions.
        self._cp_marks: list[int] = []
        self._cp_deltas: list[int] = []
        # _qt_marks[i]: from this Qt position on, subtract _qt_deltas[i] to get code points.
        self._qt_marks: list[int] = []
        self._qt_deltas: list[int] = []
        delta = 0
        if "\r\n" in text or has_astral(text):
            for match in _SHIFTS.finditer(text):
                offset = match.start()
                if match.end() - offset == 2:  # \r\n: the \n and after lose one position
                    delta -= 1
                    self._cp_marks.append(offset + 1)
                    self._qt_marks.append(offset + delta + 2)  # just after the separator
                else:  # astral character: everything after it gains one position
                    delta += 1
                    self._cp_marks.append(offset + 1)
                    self._qt_marks.append(offset + delta)  # the low surrogate
                self._cp_deltas.append(delta)
                self._qt_deltas.append(delta)
        self._qt_length = self._length + delta

    def __len__(self) -> int:
        return self._length

    @property
    def qt_length(self) -> int:
        """Length of the Qt text in UTF-16 code units."""
        return self._qt_length

    @property
    def is_identity(self) -> bool:
        """True when code points and Qt positions are equal everywhere."""
        return not self._cp_marks

    def to_qt(self, cp: int) -> int:
        """The Qt position of code-point offset ``cp`` (0 <= cp <= len(text))."""
        marks = self._cp_marks
        if not marks or cp < marks[0]:
            return cp
        return cp + self._cp_deltas[bisect_right(marks, cp) - 1]

    def from_qt(self, pos: int) -> int:
        """The code-point offset of Qt position ``pos`` (0 <= pos <= qt_length)."""
        marks = self._qt_marks
        if not marks or pos < marks[0]:
            return pos
        return pos - self._qt_deltas[bisect_right(marks, pos) - 1]

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        """A half-open code-point range as a half-open Qt range."""
        return self.to_qt(start), self.to_qt(end)

    def range_from_qt(self, start: int, end: int) -> tuple[int, int]:
        """A half-open Qt range as a half-open code-point range."""
        return self.from_qt(start), self.from_qt(end)
