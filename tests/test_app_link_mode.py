"""Link mode says what it waits for over the text, and Escape leaves it; the View menu's
label names and all-links toggles are kept in the settings.  English and Arabic interface."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotator_ui.i18n import install_translator
from annotator_ui.mainwindow import MainWindow
from annotator_ui.settings import Settings
from PySide6.QtCore import Qt

from annotator.model import Document

pytestmark = pytest.mark.usefixtures("app_settings")

TEXT = "قال فيصل بن فرحان إن «المملكة تدعم الحل السياسي» في اليمن."


@pytest.fixture(params=["en", "ar"])
def language(request, qapp):  # type: ignore[no-untyped-def]
    assert install_translator(qapp, request.param) == request.param
    yield request.param
    install_translator(qapp, "en")


def open_window(qtbot, tmp_path: Path) -> tuple[MainWindow, Document]:  # type: ignore[no-untyped-def]
    window = MainWindow()
    window.annotator_name = lambda: "tester"
    window.ask_unsaved = lambda: "discard"
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    return window, window.open_path(path)


def label(window: MainWindow, text: str, name: str) -> str:
    start = TEXT.index(text)
    window.view.select_span(start, start + len(text))
    window.annotate_selection(name, exact=True)
    assert window.current_id is not None
    return window.current_id


def test_link_mode_shows_its_instruction_over_the_text_and_escape_leaves_it(
        qtbot, tmp_path, language) -> None:  # type: ignore[no-untyped-def]
    window, document = open_window(qtbot, tmp_path)
    speaker = label(window, "فيصل بن فرحان", "PER")
    quote = label(window, "«المملكة تدعم الحل السياسي»", "QUOTE")
    banner = window.link_banner
    assert not banner.isVisible()
    window.start_link_pick("speaker")
    assert banner.isVisible()
    text = banner.message.text()
    if language == "en":
        assert text.startswith("Click the speaker of this quote (")
        assert "Person" in text and "Organisation" in text and "Esc" in text
    else:
        assert text.startswith("انقر على المتحدث صاحب هذا الاقتباس")
        assert "شخص" in text and "منظمة" in text and "\u2068Esc\u2069" in text
    # Over the text, at its top, inside the view's width.
    view = window.view
    assert banner.parent() is view
    assert banner.geometry().top() <= view.viewport().geometry().top() + 10
    assert view.rect().contains(banner.geometry())
    shot = banner.grab().toImage()
    assert shot.width() > 100 and shot.height() > 10
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not window.is_picking_link() and not banner.isVisible()
    # Picked, the link is made and the banner goes too; the arc is drawn for the current quote.
    window.set_current(quote)
    window.start_link_pick("speaker")
    view.annotation_clicked.emit(speaker)
    assert not window.is_picking_link() and not banner.isVisible()
    assert document.annotations[quote].link_targets("speaker") == [speaker]
    view.viewport().grab()
    assert [arc.link.target.id for arc in view.last_arcs] == [speaker]


def test_the_banner_cross_cancels_link_mode(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window, _document = open_window(qtbot, tmp_path)
    label(window, "«المملكة تدعم الحل السياسي»", "QUOTE")
    window.start_link_pick("speaker")
    window.link_banner.close_button.click()
    assert not window.is_picking_link() and not window.link_banner.isVisible()


def test_view_toggles_are_kept_in_the_settings(qtbot, tmp_path, language) -> None:  # type: ignore[no-untyped-def]
    window, _document = open_window(qtbot, tmp_path)
    names = window.action_by_name["show_labels"]
    links = window.action_by_name["show_all_links"]
    assert names in window.menus["view"].actions() and links in window.menus["view"].actions()
    if language == "ar":
        assert names.text() == "أظهر أسماء ال&وسوم"
    assert not names.isChecked() and not window.view.show_labels()
    names.trigger()
    links.trigger()
    assert window.view.show_labels() and window.view.show_all_links()
    settings = Settings()
    assert settings.show_labels and settings.show_all_links
    second, _ = open_window(qtbot, tmp_path)  # the next window starts with them on
    assert second.view.show_labels() and second.action_by_name["show_labels"].isChecked()
    names.trigger()
    assert not Settings().show_labels and not second.view.show_labels()
