"""Starting the app: the bundled sample is a read-only example, and the app takes up where it
left off (the last project folder and file)."""

from __future__ import annotations

import shutil
from pathlib import Path

from annotator_ui.app import sample_path
from annotator_ui.mainwindow import MainWindow, documents_folder
from annotator_ui.settings import Settings
from pytestqt.qtbot import QtBot

from annotator.model import Document
from annotator.tei import save_tei


def make_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    window.annotator_name = lambda: "layla"
    window.ask_unsaved = lambda: "discard"
    qtbot.addWidget(window)
    return window


def test_the_sample_is_an_example_saved_elsewhere(qtbot: QtBot, settings: Settings,
                                                  tmp_path: Path) -> None:
    window = make_window(qtbot)
    sample = sample_path()
    before = sample.read_bytes()
    window.open_example(sample)
    assert window.example and not window.saves_in_place
    assert "example" in window.windowTitle()
    assert Path(window.proposed_save_path()).parent == Path(documents_folder())
    window.view.select_span(0, 4)
    window.annotate_selection("ORG")
    asked: list[str] = []
    window.ask_save_path = lambda proposal: asked.append(proposal) or None
    assert not window.save()  # Save asks where; cancelled here
    assert asked and Path(asked[0]).parent == Path(documents_folder())
    errors: list[str] = []
    window.show_error = lambda title, message: errors.append(message)
    assert not window.write_to(str(sample))  # never inside the installed package
    assert errors and sample.read_bytes() == before
    saved = tmp_path / "mine.tei.xml"
    assert window.write_to(str(saved))
    assert saved.exists() and not window.example and window.saves_in_place
    assert "example" not in window.windowTitle()


def test_the_app_reopens_the_last_project_and_file(qtbot: QtBot, settings: Settings,
                                                   tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    article = project / "article.tei.xml"
    save_tei(Document("article", "قال الرئيس إن لبنان آمن."), article)
    first = make_window(qtbot)
    assert first.workflow.last_session() == (None, None)
    assert not first.workflow.reopen_last_session()
    first.workflow.open_folder(str(project))
    assert first.open_or_report(str(article))

    again = make_window(qtbot)  # the next start
    assert again.workflow.last_session() == (str(project), str(article.absolute()))
    assert again.workflow.reopen_last_session()
    assert again.current_path == str(article.absolute()) and again.document is not None
    assert again.workflow.project_dock.isVisibleTo(again)

    shutil.rmtree(project)  # gone since: nothing to reopen
    assert make_window(qtbot).workflow.last_session() == (None, None)
