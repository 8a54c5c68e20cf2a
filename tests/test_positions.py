"""PositionMap: code points <-> Qt UTF-16 positions, checked against a real QTextDocument."""

from __future__ import annotations

import pytest
from annotator_ui.positions import PositionMap, normalise_line_breaks, text_to_qt
from hypothesis import given, settings
from hypothesis import strategies as st

PIECES = ["a", "ب", "ك", "ُ", "ّ", " ", "1", "«", "»", "(", "\r\n", "\r", "\n", "\u2028",
          "\u2029", "🙂", "🇸🇦", "👨\u200d👩\u200d👧", "\ufdd0", "\u200f", "𝑥", "\x00"]
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.text(max_size=60),
)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def reference_to_qt(text: str, cp: int) -> int:
    """Slow but obvious: the Qt length of the normalised text before ``cp``."""
    head = text[:cp]
    if head.endswith("\r") and text[cp:cp + 1] == "\n":
        head = head[:-1]  # inside \r\n: the separator's own position
    return utf16_len(text_to_qt(head))


@settings(max_examples=100, deadline=None)
@given(texts)
def test_round_trip_and_reference(text: str) -> None:
    positions = PositionMap(text)
    assert positions.qt_length == utf16_len(text_to_qt(text))
    for cp in range(len(text) + 1):
        qt = positions.to_qt(cp)
        assert qt == reference_to_qt(text, cp)
        inside_crlf = 0 < cp < len(text) and text[cp - 1] == "\r" and text[cp] == "\n"
        if not inside_crlf:
            assert positions.from_qt(qt) == cp


@settings(max_examples=60, deadline=None)
@given(texts, st.data())
def test_qt_selection_covers_the_same_characters(qapp, text: str, data) -> None:
    from PySide6.QtGui import QTextCursor, QTextDocument

    document = QTextDocument()
    document.setPlainText(text_to_qt(text))
    positions = PositionMap(text)
    assert document.characterCount() - 1 == positions.qt_length
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    if 0 < end < len(text) and text[end - 1] == "\r" and text[end] == "\n":
        end += 1
    if 0 < start < len(text) and text[start - 1] == "\r" and text[start] == "\n":
        start -= 1
    cursor = QTextCursor(document)
    cursor.setPosition(positions.to_qt(start))
    cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == normalise_line_breaks(text[start:end])


@pytest.mark.parametrize("text", [
    "🙂أ🇸🇦ب",
    "سطر\r\nسطر\rسطر\nسطر\u2028سطر",
    "👨\u200d👩\u200d👧 مرحبا 🙂",
])
def test_examples_with_emoji_and_crlf(text: str) -> None:
    positions = PositionMap(text)
    assert not positions.is_identity
    assert positions.to_qt(len(text)) == positions.qt_length


def test_plain_bmp_text_is_identity() -> None:
    positions = PositionMap("مرحبا\nبالعالم")
    assert positions.is_identity
    assert positions.to_qt(7) == 7 and positions.from_qt(7) == 7


def test_inside_surrogate_pair_maps_to_the_character() -> None:
    positions = PositionMap("a🙂b")
    assert [positions.to_qt(cp) for cp in range(4)] == [0, 1, 3, 4]
    assert [positions.from_qt(q) for q in range(5)] == [0, 1, 1, 2, 3]


def test_crlf_is_one_qt_position() -> None:
    positions = PositionMap("ab\r\ncd")
    assert [positions.to_qt(cp) for cp in range(7)] == [0, 1, 2, 2, 3, 4, 5]
    assert [positions.from_qt(q) for q in range(6)] == [0, 1, 2, 4, 5, 6]
