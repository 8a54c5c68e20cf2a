"""Settings: typed round trips in a temporary INI location, and the once-only name question."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotator_ui import settings as settings_module
from annotator_ui.settings import Settings, annotator_name, use_settings_folder
from PySide6.QtCore import QSettings


@pytest.fixture()
def temp_settings(qapp, tmp_path: Path) -> Path:
    folder = tmp_path / "settings"
    use_settings_folder(folder)
    settings_module.reset_app_settings()
    yield folder
    settings_module.reset_app_settings()


def test_defaults_in_an_empty_location(temp_settings: Path) -> None:
    settings = Settings()
    assert settings.file_name().startswith(str(temp_settings))
    assert settings.annotator == ""
    assert settings.language == ""
    assert settings.snapping is True
    assert settings.proclitic_mode == "particles"
    assert settings.font_size == settings_module.DEFAULT_FONT_SIZE
    assert settings.recent_files == []
    assert settings.autosave_seconds == 5


def test_round_trip_through_a_new_instance(temp_settings: Path) -> None:
    first = Settings()
    first.annotator = "  Layla  "
    first.language = "ar"
    first.font_family = "Amiri"
    first.font_size = 20
    first.snapping = False
    first.proclitic_mode = "all"
    first.autosave_seconds = 12
    first.add_recent_file(temp_settings / "a.tei.xml")
    first.add_recent_file(temp_settings / "b.txt")
    first.add_recent_file(temp_settings / "a.tei.xml")

    second = Settings()
    assert second.annotator == "Layla"
    assert second.language == "ar"
    assert second.font_family == "Amiri"
    assert second.font_size == 20
    assert second.text_font().family() == "Amiri"
    assert second.text_font().pointSize() == 20
    assert second.snapping is False
    assert second.proclitic_mode == "all"
    assert second.autosave_seconds == 12
    assert second.recent_files == [str(temp_settings / "a.tei.xml"),
                                   str(temp_settings / "b.txt")]
    assert (temp_settings / settings_module.ORGANISATION / "annotator.ini").is_file()


def test_bad_values_fall_back_to_defaults(temp_settings: Path) -> None:
    raw = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                    settings_module.ORGANISATION, settings_module.APPLICATION)
    raw.setValue("text/font_size", "huge")
    raw.setValue("ui/language", "klingon")
    raw.setValue("files/autosave_seconds", 99999)
    raw.setValue("annotate/snapping", "no")
    raw.sync()
    settings = Settings()
    assert settings.font_size == settings_module.DEFAULT_FONT_SIZE
    assert settings.language == ""
    assert settings.autosave_seconds == 600
    assert settings.snapping is False
    with pytest.raises(ValueError):
        settings.language = "fr"


def test_recent_list_is_bounded_and_newest_first(temp_settings: Path) -> None:
    settings = Settings()
    for number in range(15):
        settings.add_recent_file(temp_settings / f"{number}.txt")
    recent = settings.recent_files
    assert len(recent) == settings_module.MAX_RECENT
    assert recent[0].endswith("14.txt")
    settings.remove_recent_file(temp_settings / "14.txt")
    assert Settings().recent_files[0].endswith("13.txt")


def test_changed_signal_names_the_key(qtbot, temp_settings: Path) -> None:
    settings = Settings()
    with qtbot.wait_signal(settings.changed) as blocker:
        settings.snapping = False
    assert blocker.args == ["annotate/snapping"]


def test_annotator_name_is_asked_once(temp_settings: Path) -> None:
    questions: list[object] = []

    def ask(parent: object) -> str:
        questions.append(parent)
        return "  Omar   Haddad "

    assert annotator_name(None, ask=ask) == "Omar Haddad"
    assert annotator_name(None, ask=ask) == "Omar Haddad"
    assert len(questions) == 1
    assert Settings().annotator == "Omar Haddad"


def test_cancelled_name_is_asked_again(temp_settings: Path) -> None:
    answers = iter([None, "", "Sara"])
    assert annotator_name(None, ask=lambda parent: next(answers)) == ""
    assert annotator_name(None, ask=lambda parent: next(answers)) == ""
    assert annotator_name(None, ask=lambda parent: next(answers)) == "Sara"
