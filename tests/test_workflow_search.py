"""The find bar: Arabic folding, next/previous with wrap-around, counts, the view's selection."""

from __future__ import annotations

import pytest
from annotator_ui.search_bar import SearchBar
from annotator_ui.textview import AnnotatedTextView
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from annotator.model import Document
from annotator.tagset import default_tagset

# An emoji (two UTF-16 units in Qt) and a CRLF before the matches: Qt positions differ from
# code points, so a wrong conversion would select the wrong characters.
TEXT = ("😀 خبر عاجل\r\n"
        "قالَ الرَّئِيسُ إنّ الرئيس سيزور القاهرة، وقال الرئيـــس لاحقًا إن رئيسة الوزراء وافقت.")


@pytest.fixture()
def bar_and_view(qtbot):
    view = AnnotatedTextView()
    qtbot.addWidget(view)
    view.set_document(Document("d", TEXT), default_tagset())
    bar = SearchBar()
    qtbot.addWidget(bar)
    bar.set_view(view)
    bar.set_text(TEXT)
    return bar, view


def type_text(widget, text: str) -> None:
    """Type ``text`` key by key (QTest.keyClicks only knows ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, char))


def occurrences_of_president() -> list[tuple[int, int]]:
    first = TEXT.index("الرَّئِيسُ")
    second = TEXT.index("الرئيس سيزور")
    third = TEXT.index("الرئيـــس")
    return [(first, first + len("الرَّئِيسُ")), (second, second + len("الرئيس")),
            (third, third + len("الرئيـــس"))]


def test_tashkeel_and_tatweel_folding_selects_code_point_spans(qtbot, bar_and_view) -> None:
    bar, view = bar_and_view
    type_text(bar.query, "الرئيس")
    assert bar.query.text() == "الرئيس"
    # The search runs once typing pauses.
    qtbot.waitUntil(lambda: bar.count_label.text() == "Matches: 3", timeout=3000)
    expected = occurrences_of_president()
    assert bar.matches == expected
    with qtbot.wait_signal(bar.match_selected) as blocker:
        qtbot.keyClick(bar.query, Qt.Key.Key_Return)
    assert blocker.args == list(expected[0])
    assert view.selected_span() == expected[0]
    assert TEXT[slice(*view.selected_span())] == "الرَّئِيسُ"
    assert view.textCursor().selectedText() == "الرَّئِيسُ"
    assert bar.count_label.text() == "1 of 3"


def test_next_previous_wrap_around(qtbot, bar_and_view) -> None:
    bar, view = bar_and_view
    bar.query.setText("الرئيس")
    expected = occurrences_of_president()
    assert [bar.find_next() for _ in range(4)] == [*expected, expected[0]]
    assert view.selected_span() == expected[0]
    assert bar.find_previous() == expected[2]
    assert bar.count_label.text() == "3 of 3"
    qtbot.keyClick(bar.query, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_span() == expected[1]
    assert bar.count_label.text() == "2 of 3"


def test_options_change_the_matches(qtbot, bar_and_view) -> None:
    bar, _view = bar_and_view
    bar.query.setText("الرئيس")
    bar.set_flags({"ignore_tashkeel": False})
    assert len(bar.matches) == 2  # the voweled one no longer matches
    bar.set_flags({"ignore_tashkeel": True, "ignore_tatweel": False})
    assert len(bar.matches) == 2  # the stretched one no longer matches
    bar.set_flags({"ignore_tatweel": True})
    bar.query.setText("رئيسه")
    assert len(bar.matches) == 1  # ة folded to ه
    bar.set_flags({"fold_ta_marbuta": False})
    assert bar.matches == []
    assert bar.count_label.text() == "No matches"
    assert not bar.next_button.isEnabled()
    assert bar.find_next() is None


def test_search_starts_after_the_selection(qtbot, bar_and_view) -> None:
    bar, view = bar_and_view
    expected = occurrences_of_president()
    view.select_span(expected[1][0], expected[1][1] + 3)
    bar.query.setText("الرئيس")
    assert bar.find_next() == expected[2]


def test_escape_closes_and_ctrl_f_style_open_prefills(qtbot, bar_and_view) -> None:
    bar, _view = bar_and_view
    bar.show()
    with qtbot.wait_signal(bar.closed):
        qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    assert bar.isHidden()
    bar.open_bar("القاهرة")
    assert bar.isVisible()
    assert bar.query.text() == "القاهرة"
    assert len(bar.matches) == 1
