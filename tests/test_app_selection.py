"""Selection in the window that knows Arabic: double-click, keyboard by word, the proclitic
key, the selection after labelling and a new drag inside a selection (issue 13 §3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotator_ui.mainwindow import MainWindow
from PySide6.QtCore import QPoint, Qt

from annotator.model import Document

TEXT = "قال المتحدث إن لقوات الأمن دوراً كبيراً، وإن قوات الجيش انسحبت من بغداد.\n"

pytestmark = pytest.mark.usefixtures("app_settings")


@pytest.fixture()
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow()
    win.annotator_name = lambda: "tester"
    win.ask_unsaved = lambda: "discard"
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    win.open_path(path)
    return win


def point_inside(window: MainWindow, position: int) -> QPoint:
    """A viewport point over the character at ``position`` (code points)."""
    view = window.view
    view.select_span(position, position)
    rect = view.cursorRect(view.textCursor())
    view.select_span(position + 1, position + 1)
    other = view.cursorRect(view.textCursor())
    view.select_span(0, 0)
    return QPoint((rect.center().x() + other.center().x()) // 2, rect.center().y())


def selected(window: MainWindow) -> str:
    span = window.view.selected_span()
    assert span is not None
    return TEXT[span[0]:span[1]]


def document(window: MainWindow) -> Document:
    assert window.document is not None
    return window.document


def test_double_click_leaves_out_the_proclitic_the_preference_names(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    at = TEXT.index("لقوات") + 2
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=point_inside(window, at))
    assert selected(window) == "قوات"
    # بغداد keeps its ب: غداد is no word of the text.
    at = TEXT.index("بغداد") + 2
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=point_inside(window, at))
    assert selected(window) == "بغداد"


def test_without_snapping_double_click_keeps_the_whole_word(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.action_by_name["snapping"].trigger()
    assert not window.snapping
    at = TEXT.index("لقوات") + 2
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=point_inside(window, at))
    assert selected(window) == "لقوات"


def test_keyboard_selection_by_word_follows_the_rule_right_to_left(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    at = TEXT.index("لقوات")
    window.view.select_span(at, at)
    window.view.setFocus()
    # In a right-to-left paragraph Ctrl+Shift+Left selects the next word.
    qtbot.keyClick(window.view, Qt.Key.Key_Left,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert selected(window) == "قوات"
    qtbot.keyClick(window.view, Qt.Key.Key_Left,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert selected(window) == "قوات الأمن"
    qtbot.keyClick(window.view, Qt.Key.Key_Right,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert selected(window) == "قوات"


def test_after_labelling_the_selection_is_the_snapped_span(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start = TEXT.index("المتحدث")
    window.view.select_span(start + 2, start + 5)  # a sloppy piece of the word
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    (annotation,) = document(window).annotations
    assert (annotation.start, annotation.end) == (start, start + len("المتحدث"))
    assert window.view.selected_span() == (annotation.start, annotation.end)


def test_the_proclitic_key_resizes_the_annotation_and_undoes(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start = TEXT.index("بغداد")
    window.view.select_span(start, start + len("بغداد"))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_L)
    (annotation,) = document(window).annotations
    qtbot.keyClick(window.view, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    changed = document(window).annotations[annotation.id]
    assert TEXT[changed.start:changed.end] == "غداد"
    assert selected(window) == "غداد"
    qtbot.keyClick(window.view, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert TEXT[slice(*_span(window, annotation.id))] == "بغداد"
    qtbot.keyClick(window.view, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    window.undo()  # the toggles are one resize of the annotation, undone at once
    assert _span(window, annotation.id) == (start, start + len("بغداد"))


def _span(window: MainWindow, annotation_id: str) -> tuple[int, int]:
    found = document(window).annotations[annotation_id]
    return found.start, found.end


def test_a_drag_that_starts_inside_the_selection_starts_a_new_one(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    first = TEXT.index("المتحدث")
    window.view.select_span(first, first + len("المتحدث"))
    press = point_inside(window, first + 3)
    window.view.select_span(first, first + len("المتحدث"))
    target = TEXT.index("الأمن") + 2
    release = point_inside(window, target)
    window.view.select_span(first, first + len("المتحدث"))
    viewport = window.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(viewport, pos=release)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=release)
    span = window.view.selected_span()
    assert span is not None
    assert span[0] > first and span[1] > TEXT.index("الأمن")  # the new range, not the old one
