"""A folder as a project: the document list, each status for this annotator, progress counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotator_ui.project import (
    DONE,
    IN_PROGRESS,
    NOT_STARTED,
    ProjectDock,
    ProjectModel,
    progress_of,
    progress_summary,
    project_files,
    set_status_in_file,
)

from annotator.model import Document
from annotator.tei import load_tei, save_tei

TEXT = "قال الرئيس إن الاتفاق قريب."


def make_tei(path: Path, statuses: dict[str, str]) -> None:
    document = Document(path.name.split(".")[0], TEXT, title=path.name)
    document.status.update(statuses)
    save_tei(document, path)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    make_tei(folder / "a.tei.xml", {"layla": DONE, "omar": IN_PROGRESS})
    make_tei(folder / "b.tei.xml", {"layla": IN_PROGRESS})
    make_tei(folder / "c.tei.xml", {"omar": DONE})
    make_tei(folder / "d.tei.xml", {"layla": DONE})
    (folder / "e.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT, encoding="utf-8")  # has its TEI copy: not listed
    (folder / "f.jsonl").write_text('{"id": "f", "text": "نص"}\n', encoding="utf-8")
    (folder / "notes.md").write_text("not a document", encoding="utf-8")
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    return folder


def test_listing_prefers_the_tei_copy(project: Path) -> None:
    assert [p.name for p in project_files(project)] == [
        "a.tei.xml", "b.tei.xml", "c.tei.xml", "d.tei.xml", "e.txt", "f.jsonl"]


def test_status_counts_for_each_annotator(qtmodeltester, project: Path) -> None:
    model = ProjectModel()
    model.load(project, "layla")
    qtmodeltester.check(model)
    statuses = [e.status for e in model.entries]
    assert statuses == [DONE, IN_PROGRESS, NOT_STARTED, DONE, NOT_STARTED, NOT_STARTED]
    progress = model.progress()
    assert (progress.total, progress.done, progress.in_progress, progress.not_started) == \
        (6, 2, 1, 3)
    assert progress_summary(progress) == "2 of 6 done, 1 in progress"
    model.load(project, "omar")
    assert progress_summary(progress_of(model.entries)) == "1 of 6 done, 1 in progress"


def test_mark_done_is_stored_in_the_tei_file(qtbot, project: Path) -> None:
    set_status_in_file(project / "b.tei.xml", "layla", DONE)
    assert load_tei(project / "b.tei.xml").status == {"layla": DONE}
    model = ProjectModel()
    model.load(project, "layla")
    assert progress_summary(model.progress()) == "3 of 6 done, 0 in progress"


def test_dock_shows_progress_and_opens_on_double_click(qtbot, project: Path) -> None:
    (project / "tagset.toml").write_text(
        'name = "elections"\n[[labels]]\nname = "CAND"\nen = "Candidate"\n',
        encoding="utf-8")
    dock = ProjectDock()
    qtbot.addWidget(dock)
    tagset = dock.open_folder(project, "layla")
    assert tagset.name == "elections"
    assert "elections" in dock.tagset_label.text()
    assert dock.progress_label.text() == "2 of 6 done, 1 in progress"
    assert dock.progress_bar.maximum() == 6 and dock.progress_bar.value() == 2
    index = dock.model.index(1, 0)
    with qtbot.wait_signal(dock.open_requested) as blocker:
        dock.table.doubleClicked.emit(index)
    assert blocker.args == [str(project / "b.tei.xml")]

    dock.table.selectRow(1)
    assert dock.done_button.isEnabled()
    with qtbot.wait_signal(dock.mark_done_requested) as blocker:
        dock.done_button.click()
    assert blocker.args == [str(project / "b.tei.xml")]
    dock.table.selectRow(4)  # a text file that is not open: nothing to mark
    assert not dock.done_button.isEnabled()


def test_refresh_file_updates_one_row(qtbot, project: Path) -> None:
    dock = ProjectDock()
    qtbot.addWidget(dock)
    dock.open_folder(project, "layla")
    set_status_in_file(project / "b.tei.xml", "layla", DONE)
    with qtbot.wait_signal(dock.model.dataChanged):
        dock.model.refresh_file(project / "b.tei.xml")
    assert dock.progress_label.text() == "3 of 6 done, 0 in progress"


def test_unreadable_file_is_listed_as_such(qtbot, project: Path) -> None:
    (project / "broken.tei.xml").write_text("<TEI", encoding="utf-8")
    model = ProjectModel()
    model.load(project, "layla")
    row = model.row_of(project / "broken.tei.xml")
    assert model.entries[row].error
    assert model.index(row, 1).data() == "unreadable"
