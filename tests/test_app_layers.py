"""A second annotator in someone else's file: asked once how to treat their layer, never
switched into adjudication, and their work left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotator_ui import settings
from annotator_ui.mainwindow import MainWindow
from pytestqt.qtbot import QtBot

from annotator.model import Document, Link
from annotator.tei import load_tei, save_tei

TEXT = "قال الرئيس محمد علي إن «الوضع مستقر» في المدينة."


@pytest.fixture(autouse=True)
def _private_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    settings.use_settings_folder(tmp_path_factory.mktemp("settings"))
    settings.reset_app_settings()
    settings.Settings().annotator = "bob"


def colleagues_file(folder: Path) -> tuple[Path, str, str]:
    """A file "sample" annotated: a quote with its speaker."""
    document = Document("article", TEXT)
    start = TEXT.index("«")
    quote = document.annotate(start, TEXT.index("»") + 1, "QUOTE", annotator="sample")
    name = TEXT.index("محمد علي")
    speaker = document.annotate(name, name + len("محمد علي"), "PER", annotator="sample")
    document.annotations.replace(quote.with_changes(links=(Link("speaker", speaker.id),)))
    path = folder / "article.tei.xml"
    save_tei(document, path)
    return path, quote.id, speaker.id


def make_window(qtbot: QtBot, answers: list[str]) -> tuple[MainWindow, list[str]]:
    window = MainWindow()
    asked: list[str] = []

    def answer(owner: str) -> str:
        asked.append(owner)
        return answers.pop(0)

    window.ask_layer_choice = answer  # type: ignore[assignment]  # the test's answers
    window.ask_unsaved = lambda: "discard"
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, asked


def test_correcting_a_colleagues_file_asks_once_and_keeps_their_layer(
        qtbot: QtBot, tmp_path: Path) -> None:
    path, quote, speaker = colleagues_file(tmp_path)
    window, asked = make_window(qtbot, ["correct"])
    document = window.open_path(path)
    theirs = {a.id: a for a in document.annotations}
    assert not window.adjudication.active and window.view.colour_mode() == "label"

    window.set_current(speaker, jump=True)
    window.label_actions["ORG"].trigger()  # O: relabel the selected speaker as ORG
    assert asked == ["sample"]
    copy = window.current_id
    assert copy is not None and copy not in theirs
    assert document.annotations[copy].label == "ORG"
    assert document.annotations[copy].annotator == "bob"
    assert all(document.annotations[i] == a for i, a in theirs.items())
    window.action_by_name["nudge_start_later_char"].trigger()  # ]: not asked again
    assert asked == ["sample"] and window.current_id == copy

    assert window.write_to(str(path))
    reopened, _ = make_window(qtbot, [])
    again = reopened.open_path(path)
    assert not reopened.adjudication.active  # two layers now: still the user's choice
    mine = [a for a in again.annotations if a.annotator == "bob"]
    assert sorted(t for a in mine for t in a.link_targets("source")) == sorted([quote, speaker])
    assert {a.id: a for a in again.annotations if a.annotator == "sample"} == {
        i: a for i, a in theirs.items()}
    assert load_tei(path).status == {"bob": "in progress"}


def test_a_layer_of_ones_own_leaves_theirs_untouched(qtbot: QtBot, tmp_path: Path) -> None:
    path, _quote, speaker = colleagues_file(tmp_path)
    window, asked = make_window(qtbot, ["own"])
    document = window.open_path(path)
    window.set_current(speaker)
    window.delete_current()
    assert asked == ["sample"] and speaker in document.annotations
    assert "label the text afresh" in window.statusBar().currentMessage()
    start = TEXT.index("المدينة")
    window.view.select_span(start, start + len("المدينة"))
    window.set_current(None)
    window.label_actions["LOC"].trigger()
    added = document.annotations[window.current_id or ""]
    assert added.annotator == "bob" and added.label == "LOC"
    window.set_current(speaker)
    window.delete_current()  # asked once only
    assert asked == ["sample"]


def test_cancelling_the_question_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    path, _quote, speaker = colleagues_file(tmp_path)
    window, asked = make_window(qtbot, [None, "correct"])  # type: ignore[list-item]
    document = window.open_path(path)
    window.set_current(speaker)
    window.relabel_current("ORG")
    assert asked == ["sample"] and document.annotations[speaker].label == "PER"
    assert not window.is_modified()
    window.relabel_current("ORG")  # asked again, since nothing was chosen
    assert asked == ["sample", "sample"] and window.is_modified()
