"""Recent files, dropped files and files holding several documents; and the preferences."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotator_ui import settings as settings_module
from annotator_ui.preferences import PreferencesDialog, font_families
from annotator_ui.recent import FileDropFilter, RecentFilesMenu, read_all_documents
from annotator_ui.settings import Settings, use_settings_folder
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFont
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QWidget

from annotator.errors import AnnotatorError


@pytest.fixture()
def settings(qapp, tmp_path: Path) -> Settings:
    use_settings_folder(tmp_path / "settings")
    settings_module.reset_app_settings()
    yield Settings()
    settings_module.reset_app_settings()


def test_recent_menu_follows_the_settings(qtbot, settings: Settings, tmp_path: Path) -> None:
    existing = tmp_path / "a.tei.xml"
    existing.write_text("x", encoding="utf-8")
    menu = QMenu()
    recent = RecentFilesMenu(menu, settings)
    recent.add(tmp_path / "gone.txt")
    recent.add(existing)
    assert recent.paths() == [str(existing), str(tmp_path / "gone.txt")]
    actions = [a for a in menu.actions() if a.data()]
    assert actions[0].isEnabled() and not actions[1].isEnabled()
    with qtbot.wait_signal(recent.open_requested) as blocker:
        actions[0].trigger()
    assert blocker.args == [str(existing)]
    # A new menu (next start) shows the same list.
    assert RecentFilesMenu(QMenu(), Settings()).paths() == recent.paths()
    clear = next(a for a in menu.actions() if a.objectName() == "clear_recent")
    clear.trigger()
    assert recent.paths() == [] and Settings().recent_files == []


def test_jsonl_with_several_documents(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text('{"id": "one", "text": "الأول"}\n{"id": "two", "text": "الثاني"}\n',
                    encoding="utf-8")
    documents, problems = read_all_documents(path, annotator="layla")
    assert problems.errors == []
    assert [d.id for d in documents] == ["one", "two"]
    assert documents[1].text == "الثاني"
    with pytest.raises(AnnotatorError) as raised:
        read_all_documents(tmp_path / "missing.jsonl")
    assert raised.value.code == "E641"


_KEEP: list[QMimeData] = []


def _drop(drops: FileDropFilter, widget: QWidget, paths: list[Path]) -> QDropEvent:
    # Offscreen Qt delivers no synthetic drop (it needs a drag in progress), so the event
    # goes straight to the filter, as QApplication would hand it over.
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    _KEEP.append(data)  # the event does not own its mime data
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    event.setAccepted(False)
    drops.eventFilter(widget, event)
    return event


def test_dropped_files_are_reported(qtbot, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("نص", encoding="utf-8")
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG")
    widget = QWidget()
    qtbot.addWidget(widget)
    drops = FileDropFilter(widget)
    drops.watch(widget)
    got: list[list[str]] = []
    folders: list[str] = []
    drops.files_dropped.connect(got.append)
    drops.folder_dropped.connect(folders.append)
    assert _drop(drops, widget, [picture, article]).isAccepted()
    assert got == [[str(article)]]
    assert not _drop(drops, widget, [picture]).isAccepted()
    assert got == [[str(article)]]
    _drop(drops, widget, [tmp_path])
    assert folders == [str(tmp_path)]


def test_fonts_list_arabic_first() -> None:
    arabic, others = font_families()
    assert not set(arabic) & set(others)
    if "Noto Naskh Arabic" in arabic and "Amiri" in arabic:
        assert arabic.index("Noto Naskh Arabic") < arabic.index("Amiri") < len(arabic)
        assert arabic[0] == "Noto Naskh Arabic"


def test_preferences_write_back(qtbot, settings: Settings) -> None:
    settings.annotator = "Layla"
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "Layla"
    assert dialog.snapping_box.isChecked()
    dialog.name_edit.setText("  Layla  Haddad ")
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ar"))
    family = dialog.font_box.itemData(min(1, dialog.font_box.count() - 1))
    dialog.font_box.setCurrentIndex(dialog.font_box.findData(family))
    dialog.size_spin.setValue(22)
    dialog.snapping_box.setChecked(False)
    assert not dialog.proclitic_box.isEnabled()
    dialog.autosave_spin.setValue(30)
    assert dialog.preview.font().pointSize() == 22
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    again = Settings()
    assert again.annotator == "Layla Haddad"
    assert again.language == "ar"
    assert again.font_family == family
    assert again.font_size == 22
    assert again.snapping is False
    assert again.autosave_seconds == 30
    assert {"annotator/name", "ui/language", "text/font_size", "annotate/snapping",
            "files/autosave_seconds"} <= dialog.changed_keys


def test_preferences_cancel_changes_nothing(qtbot, settings: Settings) -> None:
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.size_spin.setValue(40)
    dialog.name_edit.setText("Someone")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert Settings().font_size == settings_module.DEFAULT_FONT_SIZE
    assert Settings().annotator == ""
    assert isinstance(dialog.chosen_font(), QFont)
