"""The interface language switches while the window runs (issue 13 §4): Preferences installs
the new translation and the whole window is named anew, mirrored for Arabic, with the
document, its unsaved edit, the undo history, the selection and the current annotation kept."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from annotator_ui.i18n import current_language, install_translator, left_to_right
from annotator_ui.mainwindow import MainWindow
from annotator_ui.preferences import PreferencesDialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

TEXT = "قال المتحدث باسم قوات سوريا الديمقراطية إن المعركة بدأت في الرقة."
LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea

pytestmark = pytest.mark.usefixtures("app_settings")


@pytest.fixture()
def window(qtbot, qapp: QApplication) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    install_translator(qapp, "en")
    win = MainWindow()
    win.annotator_name = lambda: "tester"
    win.ask_unsaved = lambda: "discard"
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    install_translator(qapp, "en")
    win.workflow.settings.language = ""


def choose_language(window: MainWindow, language: str) -> None:
    """Edit > Preferences, pick ``language``, OK."""
    def answer(dialog: QDialog) -> bool:
        assert isinstance(dialog, PreferencesDialog)
        dialog.language_box.setCurrentIndex(dialog.language_box.findData(language))
        dialog.accept()
        return True

    window.workflow.run_dialog = answer
    window.action_by_name["preferences"].trigger()


def test_switch_en_ar_en_keeps_the_session(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                           tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    document = window.open_path(path)
    start = TEXT.index("قوات")
    window.view.select_span(start, TEXT.index(" إن"))
    org = window.annotate_selection("ORG")
    assert org is not None
    session = window.session
    assert session is not None and session.is_modified and session.history.can_undo
    assert window.menus["file"].title() == "&File"
    assert window.list_dock.windowTitle() == "Annotations"
    selected = window.view.selected_span()

    choose_language(window, "ar")
    qtbot.waitUntil(lambda: window.isRightToLeft())
    assert current_language() == "ar"
    # everything named in Arabic, without a restart
    assert window.menus["file"].title() == "&ملف"
    assert window.menus["edit"].title() == "&تحرير"
    assert window.action_by_name["save"].text() != "&Save"
    assert window.action_by_name["preferences"].text() != "&Preferences…"
    assert window.menus["adjudicate"].title() != "A&djudicate"
    assert window.list_dock.windowTitle() != "Annotations"
    assert window.list_model.headerData(0, Qt.Orientation.Horizontal) != "Text"
    assert window.workflow.search_bar.find_label.text() != "Find:"
    assert window.workflow.project_dock.windowTitle() != "Project"
    person = window.tagset.get("ORG").display_name("ar")
    assert window.label_palette.button("ORG").text().startswith("\u2068" + person)
    assert person in window.action_by_name["label_ORG"].text()
    assert left_to_right("Alt+[ Alt+]") in window.inspector.span_help.text()
    assert "Undo" not in window.action_by_name["undo"].text()
    # mirrored: the application, the window and the docks
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.dockWidgetArea(window.list_dock) == RIGHT
    assert window.dockWidgetArea(window.inspector_dock) == LEFT
    # the session as it was
    assert window.session is session and window.document is document
    assert session.is_modified and session.history.can_undo
    assert org.id in document.annotations and window.current_id == org.id
    assert window.view.selected_span() == selected
    shot = os.environ.get("BIDI_SHOTS")
    if shot:
        qtbot.wait(100)
        window.grab().save(str(Path(shot) / "switched_ar.png"))

    choose_language(window, "en")
    qtbot.waitUntil(lambda: not window.isRightToLeft())
    assert window.menus["file"].title() == "&File"
    assert window.action_by_name["save"].text() == "&Save"
    assert window.list_dock.windowTitle() == "Annotations"
    assert window.dockWidgetArea(window.list_dock) == LEFT
    assert window.dockWidgetArea(window.inspector_dock) == RIGHT
    assert window.action_by_name["undo"].text().startswith("&Undo")
    # the undo history still works after two switches
    assert window.current_id == org.id
    window.undo()
    assert org.id not in document.annotations
    window.redo()
    assert org.id in document.annotations


def test_a_translator_installed_elsewhere_retranslates_the_window(
        qtbot, window: MainWindow, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    install_translator(qapp, "ar")  # as another window's Preferences would
    qtbot.waitUntil(lambda: window.menus["file"].title() == "&ملف")
    assert window.language == "ar"
    install_translator(qapp, "en")
    qtbot.waitUntil(lambda: window.menus["file"].title() == "&File")


def test_preferences_no_longer_speak_of_a_restart(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert not hasattr(dialog, "language_note")
    assert "next start" not in dialog.language_box.toolTip()
