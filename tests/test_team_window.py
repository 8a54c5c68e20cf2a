"""A team project in the real window (offscreen): the annotator's queue, the lead's overview,
Next/Previous undone document, and Sync on a worker thread.  Real projects on real git
repositories in tmp_path (a bare remote and clones), made with the command line."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from annotator_ui.mainwindow import MainWindow
from annotator_ui.settings import Settings
from annotator_ui.teamqueue import QueueModel
from cli_runner import run
from pytestqt.qtbot import QtBot

from annotator.gitrepo import clone, run_git
from annotator.project import DONE, IN_PROGRESS, NOT_STARTED
from annotator.tei import load_tei

TEXTS = {
    "d1": "قال وزير الخارجية إن المملكة «تدعم الحل السلمي» في اليمن.",
    "d2": "أعلنت وزارة الصحة تسجيل حالات جديدة في الرياض وجدة.",
    "d3": "وأكد المتحدث باسم التحالف أن العمليات مستمرة.",
}


@pytest.fixture(autouse=True)
def own_git_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git without the user's or the system's configuration (no identity, no signing)."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


@pytest.fixture()
def team(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Path]:
    """A project (lead huda) pushed to a bare remote, every document assigned to layla and
    omar; the lead's folder and layla's clone."""
    remote = tmp_path / "remote.git"
    assert run_git(["init", "-q", "--bare", str(remote)], tmp_path).ok
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": d, "text": t, "title": f"عنوان {d}"},
                                         ensure_ascii=False) + "\n" for d, t in TEXTS.items()),
                      encoding="utf-8")
    lead = tmp_path / "lead"
    status, _, err = run(capsys, "project", "init", lead, "--import", corpus,
                         "--remote", remote, "--lead", "huda", "--name", "أخبار")
    assert status == 0, err
    assert run(capsys, "project", "assign", lead, "--annotators", "layla,omar",
               "--per-document", "2", "--seed", "3")[0] == 0
    assert run(capsys, "sync", lead, "--annotator", "huda")[0] == 0
    clone(str(remote), tmp_path / "layla")
    return {"remote": remote, "lead": lead, "layla": tmp_path / "layla"}


def make_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    window.annotator_name = lambda: "layla"
    window.ask_unsaved = lambda: "save"
    qtbot.addWidget(window)
    return window


def column(window: MainWindow, col: int) -> list[str]:
    proxy = window.workflow.team_dock.proxy
    return [str(proxy.index(row, col).data()) for row in range(proxy.rowCount())]


def open_row(window: MainWindow, doc_id: str) -> None:
    dock = window.workflow.team_dock
    row = dock.model.row_of(doc_id)
    dock.table.activated.emit(dock.proxy.mapFromSource(dock.model.index(row, 0)))


def test_the_queue_opens_documents_and_saves_into_the_annotators_own_folder(
        qtbot: QtBot, settings: Settings, team: dict[str, Path]) -> None:
    window = make_window(qtbot)
    root = team["layla"]
    text_before = (root / "texts" / "d1.tei.xml").read_bytes()
    window.workflow.open_folder(str(root))
    dock = window.workflow.team_dock
    assert dock.isVisibleTo(window) and dock.project is not None
    assert column(window, QueueModel.TITLE) == ["عنوان d1", "عنوان d2", "عنوان d3"]
    assert column(window, QueueModel.STATUS) == ["not started"] * 3
    assert dock.model.columnCount() == 3  # no lead's "Merged" column

    open_row(window, "d1")
    layer = root / "annotations" / "layla" / "d1.tei.xml"
    assert window.document is not None and window.document.text == TEXTS["d1"]
    assert window.current_path == str(layer) and not layer.parent.exists()
    window.view.select_span(0, 3)
    window.annotate_selection("PER")
    assert window.save()
    assert (root / "texts" / "d1.tei.xml").read_bytes() == text_before  # shared text untouched
    saved = load_tei(layer)
    assert [a.label for a in saved.annotations] == ["PER"]
    assert saved.status == {"layla": IN_PROGRESS}
    assert column(window, QueueModel.STATUS)[0] == "in progress"
    assert column(window, QueueModel.COUNT) == ["1", "0", "0"]

    dock.set_filter("d2")
    assert column(window, QueueModel.TITLE) == ["عنوان d2"]
    dock.set_filter("", IN_PROGRESS)
    assert column(window, QueueModel.TITLE) == ["عنوان d1"]
    dock.set_filter("", NOT_STARTED)
    assert column(window, QueueModel.TITLE) == ["عنوان d2", "عنوان d3"]
    dock.set_filter("", DONE)
    assert column(window, QueueModel.TITLE) == []
    dock.set_filter("")

    window.close()  # reopening the project opens the layer file itself now
    again = make_window(qtbot)
    again.workflow.open_folder(str(root))
    open_row(again, "d1")
    assert again.current_path == str(layer)
    assert len(again.document.annotations) == 1


def test_the_lead_sees_everybody_and_opens_merged_files_without_adjudicating(
        qtbot: QtBot, settings: Settings, team: dict[str, Path]) -> None:
    root = team["lead"]
    layer = root / "annotations" / "layla" / "d2.tei.xml"
    layer.parent.mkdir(parents=True)
    layer.write_bytes((root / "texts" / "d2.tei.xml").read_bytes())
    gold = root / "gold" / "d2.tei.xml"
    gold.parent.mkdir(exist_ok=True)
    gold.write_bytes((root / "texts" / "d2.tei.xml").read_bytes())
    settings.annotator = "huda"
    window = make_window(qtbot)
    window.workflow.open_folder(str(root))
    dock = window.workflow.team_dock
    assert dock.model.is_lead and dock.model.columnCount() == 4
    statuses = column(window, QueueModel.STATUS)
    assert all("layla" in cell and "omar" in cell for cell in statuses)
    assert column(window, QueueModel.MERGED) == ["", "✓", ""]
    assert dock.merged_button.isVisibleTo(window)
    dock.set_current("d1")
    assert not dock.merged_button.isEnabled()
    dock.set_current("d2")
    assert dock.merged_button.isEnabled()
    dock.merged_button.click()
    assert window.current_path == str(gold)
    assert not window.adjudication.active  # opening never switches modes by itself
    assert "Ctrl+Shift+J" in window.statusBar().currentMessage()


def test_next_and_previous_file_walk_the_documents_not_done(
        qtbot: QtBot, settings: Settings, team: dict[str, Path]) -> None:
    window = make_window(qtbot)
    root = team["layla"]
    window.workflow.open_folder(str(root))
    next_file = window.action_by_name["next_file"]
    previous_file = window.action_by_name["previous_file"]
    assert next_file.isEnabled() and previous_file.isEnabled()
    next_file.trigger()  # nothing open: the first document not done
    assert window.current_path == str(root / "annotations" / "layla" / "d1.tei.xml")
    window.view.select_span(0, 3)
    window.annotate_selection("PER")
    window.workflow.mark_current_done()  # saves d1 as done
    assert load_tei(root / "annotations" / "layla" / "d1.tei.xml").status == {"layla": DONE}
    next_file.trigger()
    assert window.current_path.endswith("d2.tei.xml")
    next_file.trigger()
    assert window.current_path.endswith("d3.tei.xml")
    next_file.trigger()  # wraps round, skipping d1 (done)
    assert window.current_path.endswith("d2.tei.xml")
    previous_file.trigger()
    assert window.current_path.endswith("d3.tei.xml")
    window.view.select_span(0, 3)
    window.annotate_selection("PER")
    next_file.trigger()  # asks to save first (answered "save")
    assert window.current_path.endswith("d2.tei.xml")
    assert (root / "annotations" / "layla" / "d3.tei.xml").is_file()


def test_sync_runs_on_a_worker_thread_while_editing_goes_on(
        qtbot: QtBot, settings: Settings, team: dict[str, Path]) -> None:
    window = make_window(qtbot)
    root = team["layla"]
    window.workflow.open_folder(str(root))
    syncer = window.workflow.syncer
    real_sync = syncer.run_sync
    release = threading.Event()
    threads: list[threading.Thread] = []

    def slow_sync(project, name):  # the real sync, held back until the test says go
        threads.append(threading.current_thread())
        assert release.wait(20)
        return real_sync(project, name)

    syncer.run_sync = slow_sync
    open_row(window, "d1")
    window.view.select_span(0, 3)
    window.annotate_selection("PER")
    assert window.action_by_name["sync_project"].isEnabled()
    window.action_by_name["sync_project"].trigger()  # saves first (answered "save")
    assert window.statusBar().currentMessage() == "Syncing…"
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    assert not window.action_by_name["sync_project"].isEnabled()
    window.view.select_span(4, 9)  # while the sync runs, labelling goes on
    assert window.annotate_selection("ORG") is not None
    assert len(window.document.annotations) == 2
    with qtbot.waitSignal(syncer.finished, timeout=20000) as finished:
        release.set()
    assert finished.args[0] is True
    assert window.statusBar().currentMessage().startswith("Synced: 1 file(s) sent")
    log = run_git(["log", "--name-only", "--format=%an", "-1"], team["remote"])
    assert "annotations/layla/d1.tei.xml" in log.stdout and "layla" in log.stdout
    assert window.action_by_name["sync_project"].isEnabled()
    model = window.workflow.team_dock.model
    assert model.count_of(model.documents[0]) == 1  # the saved file (ORG is not saved yet)


def test_a_failed_sync_is_one_line_in_the_status_bar(
        qtbot: QtBot, settings: Settings, team: dict[str, Path]) -> None:
    window = make_window(qtbot)
    root = team["layla"]
    window.workflow.open_folder(str(root))
    assert run_git(["remote", "set-url", "origin", str(root.parent / "gone.git")], root).ok
    syncer = window.workflow.syncer
    with qtbot.waitSignal(syncer.finished, timeout=20000) as finished:
        assert window.workflow.sync_project()
    assert finished.args[0] is False
    message = window.statusBar().currentMessage()
    assert message and "\n" not in message and "Traceback" not in message


def test_the_team_dock_in_arabic(qtbot: QtBot, qapp, settings: Settings,
                                 team: dict[str, Path]) -> None:
    from annotator_ui.i18n import install_translator

    try:
        install_translator(qapp, "ar")
        window = make_window(qtbot)
        window.workflow.open_folder(str(team["layla"]))
        dock = window.workflow.team_dock
        assert dock.windowTitle() == "مشروع الفريق"
        assert column(window, QueueModel.STATUS) == ["لم تبدأ"] * 3
        assert window.action_by_name["sync_project"].text() == "&زامن المشروع"
        # the mirrored window keeps the dock tabbed with the annotation list
        assert dock in window.tabifiedDockWidgets(window.list_dock)
    finally:
        install_translator(qapp, "en")


def test_a_name_that_cannot_be_a_folder_is_refused_in_one_line(
        qtbot: QtBot, settings: Settings, team: dict[str, Path], monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    settings.annotator = "layla/../omar"
    window = make_window(qtbot)
    window.workflow.open_folder(str(team["layla"]))
    assert window.workflow.team_dock.project is None
    assert len(shown) == 1 and "layla/../omar" in shown[0] and "\n" not in shown[0]


def test_a_layer_file_uses_the_projects_tag_set(
        qtbot: QtBot, settings: Settings, team: dict[str, Path]) -> None:
    root = team["layla"]
    (root / "tagset.toml").write_text(
        'name = "tiny"\n\n[[labels]]\nname = "DRUG"\nkind = "entity"\ncolor = "#123456"\n'
        'shortcut = "D"\n', encoding="utf-8")
    window = make_window(qtbot)
    window.workflow.open_folder(str(root))
    open_row(window, "d2")
    assert "DRUG" in window.tagset and window.tagset.name == "tiny"
