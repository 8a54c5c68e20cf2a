"""The workflow parts inside the real main window: recovery after a crash, files changed on
disk, recent files, projects, find, annotate all, and the Arabic interface."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from annotator_ui.autosave import RecoveryStore
from annotator_ui.filewatch import CANCEL, OVERWRITE
from annotator_ui.i18n import install_translator
from annotator_ui.mainwindow import MainWindow
from annotator_ui.project import DONE, IN_PROGRESS
from annotator_ui.settings import Settings
from annotator_ui.workflow import Workflow
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator import edits
from annotator.model import Document
from annotator.tei import load_tei, save_tei

TEXT = ("😀 عاجل\n"
        "قال وزير خارجية لبنان إن لبنان لن يقبل، وأكّد أن جنوب لبنان آمن.\n"
        "وقال الرَّئِيسُ إنّ الرئيس سيزور القاهرة.")



def make_window(qtbot, settings: Settings, recovery: Path, *,
                register: bool = True) -> tuple[MainWindow, Workflow]:
    window = MainWindow()
    window.annotator_name = lambda: "layla"
    window.ask_unsaved = lambda: "discard"
    if register:
        qtbot.addWidget(window)
    workflow = window.workflow
    assert workflow.settings is settings
    workflow.store = workflow.autosaver.store = RecoveryStore(recovery)
    workflow.autosaver.set_interval(150)
    workflow.skip_running = False  # the "crashed" window below lives in this same process
    return window, workflow


def workflow_store_entries(folder: Path) -> list:
    return RecoveryStore(folder).entries()


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.tei.xml"
    save_tei(Document("article", TEXT, title="خبر"), path)
    return path


def add(window: MainWindow, needle: str, label: str, nth: int = 0) -> None:
    text = window.document.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    window.session.apply(edits.add_annotation(window.document, start=start, end=start + len(needle),
                                     label=label, annotator="layla"))


def test_recovery_after_a_crash_restores_the_same_document(qtbot, settings, tmp_path,
                                                           article) -> None:
    recovery = tmp_path / "recovery"
    first, workflow = make_window(qtbot, settings, recovery, register=False)
    first.open_path(article)
    add(first, "لبنان", "GPE")
    add(first, "القاهرة", "GPE")
    first.document.status["layla"] = IN_PROGRESS
    qtbot.waitUntil(lambda: len(workflow.store.entries()) == 1, timeout=5000)
    add(first, "الرَّئِيسُ", "PER")  # a later edit, written by the timer too
    qtbot.waitUntil(lambda: not workflow.autosaver.pending, timeout=5000)
    edited = first.document
    assert workflow.store.entries()[0].original_path == str(article)

    # The crash: the window is destroyed without closing, saving or any clean-up code.
    shiboken6.delete(first)
    assert len(workflow_store_entries(recovery)) == 1

    second, workflow2 = make_window(qtbot, settings, recovery)
    offered = []

    def choose(parent, entries):
        offered.append([e.original_path for e in entries])
        return entries[0], []

    workflow2.choose_recovery = choose
    assert workflow2.offer_recovery()
    assert offered == [[str(article)]]
    assert second.document == edited
    assert len(second.document.annotations) == 3
    assert second.current_path == str(article)
    assert second.isWindowModified() and second.is_modified()
    assert load_tei(article) == Document("article", TEXT, title="خبر")  # untouched so far

    assert second.save()
    assert load_tei(article) == edited
    assert workflow2.store.entries() == []
    assert not second.is_modified()


def test_undo_back_to_saved_state_drops_the_copy(qtbot, settings, tmp_path, article) -> None:
    window, workflow = make_window(qtbot, settings, tmp_path / "recovery")
    window.open_path(article)
    add(window, "لبنان", "GPE")
    qtbot.waitUntil(lambda: len(workflow.store.entries()) == 1, timeout=5000)
    window.undo()
    assert workflow.store.entries() == []


def test_outside_change_is_caught_before_save(qtbot, settings, tmp_path, article) -> None:
    window, workflow = make_window(qtbot, settings, tmp_path / "recovery")
    workflow.guard.ask_reload = lambda parent, path, modified: "keep"
    questions: list[str] = []
    answers = iter([CANCEL, OVERWRITE])

    def ask(parent, path):
        questions.append(path)
        return next(answers)

    workflow.guard.ask_overwrite = ask
    window.open_path(article)
    add(window, "لبنان", "GPE")
    theirs = Document("article", TEXT, title="edited elsewhere")
    save_tei(theirs, article)

    assert not window.save()  # cancelled
    assert questions == [str(article)]
    assert load_tei(article).title == "edited elsewhere"
    assert window.is_modified()

    assert window.save()  # overwrite
    assert len(questions) == 2
    saved = load_tei(article)
    assert saved.title == "خبر" and len(saved.annotations) == 1
    assert saved.status == {"layla": IN_PROGRESS}  # recorded at save
    assert window.save() or True  # a third save of our own file asks nothing
    assert len(questions) == 2


def test_live_change_offers_reload(qtbot, settings, tmp_path, article) -> None:
    window, workflow = make_window(qtbot, settings, tmp_path / "recovery")
    asked: list[bool] = []
    workflow.guard.ask_reload = lambda parent, path, modified: asked.append(modified) or "reload"
    window.open_path(article)
    save_tei(Document("article", TEXT, title="new title"), article)
    qtbot.waitUntil(lambda: asked == [False], timeout=5000)
    qtbot.waitUntil(lambda: window.document.title == "new title", timeout=5000)


def test_recent_files_and_jsonl_picker(qtbot, settings, tmp_path, article) -> None:
    window, workflow = make_window(qtbot, settings, tmp_path / "recovery")
    many = tmp_path / "many.jsonl"
    many.write_text('{"id": "one", "text": "الأول"}\n{"id": "two", "text": "الثاني"}\n',
                    encoding="utf-8")
    picked: list[int] = []
    workflow.pick_document = lambda parent, path, documents: picked.append(len(documents)) or 1
    assert window.open_or_report(str(many))
    assert picked == [2] and window.document.id == "two"
    window.open_path(article)  # programmatic: no question
    assert workflow.recent.paths() == [str(article), str(many)]
    workflow.pick_document = lambda parent, path, documents: None  # cancelled
    assert not window.open_or_report(str(many))
    assert window.document.id == "article"
    file_actions = window.menus["file"].actions()
    assert file_actions.index(workflow.recent_menu.menuAction()) == \
        file_actions.index(window.action_by_name["open"]) + 1
    workflow.recent_menu.aboutToShow.emit()
    workflow.pick_document = lambda parent, path, documents: 0
    workflow.recent_menu.actions()[1].trigger()
    assert window.document.id == "one"


def test_project_folder_open_and_mark_done(qtbot, settings, tmp_path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    for name in ("a", "b", "c"):
        save_tei(Document(name, TEXT), folder / f"{name}.tei.xml")
    window, workflow = make_window(qtbot, settings, tmp_path / "recovery")
    workflow.open_folder(str(folder))
    dock = workflow.project_dock
    assert dock.progress_label.text() == "0 of 3 done, 0 in progress"
    dock.table.doubleClicked.emit(dock.model.index(1, 0))
    assert window.current_path == str(folder / "b.tei.xml")
    add(window, "لبنان", "GPE")
    assert window.save()
    assert dock.progress_label.text() == "0 of 3 done, 1 in progress"
    window.action_by_name["mark_done"].trigger()
    assert load_tei(folder / "b.tei.xml").status == {"layla": DONE}
    assert dock.progress_label.text() == "1 of 3 done, 0 in progress"
    dock.table.selectRow(2)
    dock.done_button.click()  # a document that is not open: its file is updated
    assert load_tei(folder / "c.tei.xml").status == {"layla": DONE}
    assert dock.progress_label.text() == "2 of 3 done, 0 in progress"


def test_find_bar_from_the_menu(qtbot, settings, tmp_path, article) -> None:
    window, workflow = make_window(qtbot, settings, tmp_path / "recovery")
    window.show()
    qtbot.waitExposed(window)
    window.open_path(article)
    start = TEXT.index("القاهرة")
    window.view.select_span(start, start + len("القاهرة"))
    window.action_by_name["find"].trigger()
    assert workflow.search_toolbar.isVisible()
    assert workflow.search_bar.query.text() == "القاهرة"
    workflow.search_bar.query.setText("الرئيس")
    window.action_by_name["find_next"].trigger()
    first = TEXT.index("الرَّئِيسُ")
    assert window.view.selected_span() == (first, first + len("الرَّئِيسُ"))
    window.action_by_name["find_next"].trigger()
    assert workflow.search_bar.count_label.text() == "2 of 2"


def test_annotate_all_occurrences_is_one_undo_step(qtbot, settings, tmp_path, article) -> None:
    window, workflow = make_window(qtbot, settings, tmp_path / "recovery")
    window.open_path(article)
    add(window, "لبنان", "GPE", nth=1)  # the second one is already done
    steps = window.session.history.steps
    start = TEXT.index("لبنان")
    window.view.select_span(start, start + len("لبنان"))
    seen = []

    def run(dialog) -> bool:
        seen.append(dialog.checked_spans())
        dialog.label_box.setCurrentIndex(dialog.label_box.findData("GPE"))
        return True

    workflow.run_dialog = run
    assert workflow.annotate_all() == 2
    assert len(seen[0]) == 3  # GPE was not chosen yet: all three checked
    labels = sorted((a.start, a.label) for a in window.document.annotations)
    assert len(labels) == 3 and {label for _, label in labels} == {"GPE"}
    assert window.session.history.steps == steps + 1
    window.undo()
    assert len(window.document.annotations) == 1


def test_settings_reach_the_window(qtbot, settings, tmp_path) -> None:
    settings.snapping = False
    settings.proclitic_mode = "all"
    window, _workflow = make_window(qtbot, settings, tmp_path / "recovery")
    assert window.snapping is False and window.proclitics == "all"
    assert not window.action_by_name["snapping"].isChecked()
    window.action_by_name["snapping"].trigger()
    assert Settings().snapping is True
    settings.font_size = 23
    assert window.view.font().pointSize() == 23


def test_arabic_interface_is_mirrored(qtbot, settings, tmp_path) -> None:
    app = QApplication.instance()
    try:
        assert install_translator(app, "ar") == "ar"
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        window, workflow = make_window(qtbot, settings, tmp_path / "recovery")
        assert window.isRightToLeft()
        titles = {key: menu.title() for key, menu in window.menus.items()}
        assert titles["file"] == "&ملف"
        assert titles["edit"] == "&تحرير"
        assert window.action_by_name["find"].text() == "&بحث…"
        assert workflow.project_dock.windowTitle() == "المشروع"
        assert workflow.search_bar.find_label.text() == "بحث:"
    finally:
        install_translator(app, "en")
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    window, _ = make_window(qtbot, settings, tmp_path / "recovery2")
    assert window.menus["file"].title() == "&File"


def test_first_start_asks_the_name_once_then_offers_recovery(qtbot, settings, tmp_path,
                                                             article) -> None:
    settings.annotator = ""
    recovery = tmp_path / "recovery"
    slot = RecoveryStore(recovery).claim()  # a window that crashed: copy kept, slot let go
    slot.write(Document("article", TEXT, title="crashed"), article)
    slot.close(keep_copy=True)
    window, workflow = make_window(qtbot, settings, recovery)
    asked: list[object] = []
    workflow.ask_name = lambda parent: asked.append(parent) or "Omar"
    offered: list[int] = []
    workflow.choose_recovery = lambda parent, entries: offered.append(len(entries)) or (None, [])
    workflow.startup()
    assert asked == [window] and offered == [1]
    assert Settings().annotator == "Omar"
    workflow.startup()  # the next start: no question, the copy is offered again
    assert asked == [window] and offered == [1, 1]
