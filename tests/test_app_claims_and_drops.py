"""The window as an annotator uses it: a claim linked to its claimant and back, its
check-worthy flag, unlinking with undo, and a file dropped on the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotator_ui import settings
from annotator_ui.mainwindow import MainWindow
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton

from annotator.model import Document
from annotator.tei import save_tei

TEXT = ("وأكدت وزارة الخارجية أن الاتفاق سيوقّع غداً.\n"
        "وقال الناطق أحمد علي إن «المفاوضات مستمرة».")


@pytest.fixture(autouse=True)
def _private_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    settings.use_settings_folder(tmp_path_factory.mktemp("settings"))
    settings.reset_app_settings()
    settings.Settings().annotator = "layla"  # the window asks nothing: the name is known


@pytest.fixture()
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow()
    win.ask_unsaved = lambda: "discard"
    qtbot.addWidget(win)
    win.resize(1000, 600)
    win.show()
    qtbot.waitExposed(win)
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    win.open_path(path)
    return win


def label(qtbot, window: MainWindow, words: str, key: Qt.Key) -> str:  # type: ignore[no-untyped-def]
    start = TEXT.index(words)
    window.view.select_span(start, start + len(words))
    window.view.setFocus()
    qtbot.keyClick(window.view, key)
    return window.current_id


def click(qtbot, window: MainWindow, annotation_id: str) -> None:  # type: ignore[no-untyped-def]
    annotation = window.document.annotations[annotation_id]
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.position_map().to_qt((annotation.start + annotation.end) // 2))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.view.cursorRect(cursor).center())


def button(window: MainWindow, name: str) -> QPushButton:
    found = window.inspector.findChild(QPushButton, name)
    assert found is not None, name
    return found


def test_claim_to_claimant_and_back_with_check_worthy_and_unlink(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    document = window.document
    ministry = label(qtbot, window, "وزارة الخارجية", Qt.Key.Key_O)
    claim = label(qtbot, window, "الاتفاق سيوقّع غداً", Qt.Key.Key_C)
    assert document.annotations[claim].annotator == "layla"  # the name from the settings
    assert document.annotations[claim].attributes == {"checkworthy": "yes"}

    qtbot.mouseClick(button(window, "pick-claimant"), Qt.MouseButton.LeftButton)
    assert window.is_picking_link()
    click(qtbot, window, ministry)  # the selection of the claim is still there: no matter
    assert document.annotations[claim].link_targets("claimant") == [ministry]
    assert window.current_id == claim

    combo = window.inspector.findChild(QComboBox, "attribute-checkworthy")
    combo.setCurrentIndex(combo.findData("no"))
    combo.activated.emit(combo.currentIndex())
    assert document.annotations[claim].attributes == {"checkworthy": "no"}

    # one click to the claimant, one click back to the claim
    qtbot.mouseClick(button(window, f"jump-{ministry}"), Qt.MouseButton.LeftButton)
    assert window.current_id == ministry
    assert window.view.selected_span() == (TEXT.index("وزارة"), TEXT.index("وزارة") + 14)
    qtbot.mouseClick(button(window, f"jump-{claim}"), Qt.MouseButton.LeftButton)
    assert window.current_id == claim
    start = TEXT.index("الاتفاق")
    assert window.view.selected_span() == (start, start + len("الاتفاق سيوقّع غداً"))

    qtbot.mouseClick(button(window, f"unlink-claimant-{ministry}"), Qt.MouseButton.LeftButton)
    assert document.annotations[claim].links == ()
    window.undo()
    assert document.annotations[claim].link_targets("claimant") == [ministry]
    window.undo()
    assert document.annotations[claim].attributes == {"checkworthy": "yes"}
    window.undo()
    assert document.annotations[claim].links == ()
    assert window.is_modified()


def drop_on(widget, paths: list[Path]) -> QDropEvent:  # type: ignore[no-untyped-def]
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    centre = widget.rect().center()
    enter = QDragEnterEvent(centre, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop


def test_a_file_dropped_on_the_text_opens(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = Document("other", "نص آخر للتجربة")
    other.annotate(0, 2, "MISC", annotator="sara")
    save_tei(other, tmp_path / "other.tei.xml")
    second = tmp_path / "second.txt"
    second.write_text("نص ثالث", encoding="utf-8")
    drop_on(window.view.viewport(), [tmp_path / "other.tei.xml", second])
    assert window.current_path == str(tmp_path / "other.tei.xml")
    assert window.document == other and window.saves_in_place
    assert window.list_model.rowCount() == 1
    assert window.file_queue == [str(tmp_path / "other.tei.xml"), str(second)]
    window.action_by_name["next_file"].trigger()
    assert window.document.text == "نص ثالث"
