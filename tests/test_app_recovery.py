"""Recovery and leftovers in the real app: two windows (or two app instances) on one file each
keep their own recovery copy, a killed instance's copy is offered at the next start, and the
temporary files of killed saves are cleaned up when a folder is opened or saved into."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from annotator_ui.autosave import RecoveryStore
from annotator_ui.mainwindow import MainWindow
from annotator_ui.workflow import Workflow

from annotator import edits
from annotator.model import Document
from annotator.tei import load_tei, save_tei

TEXT = ("قال وزير خارجية لبنان إن لبنان لن يقبل.\n"
        "وقال الرئيس إنه سيزور القاهرة.")

SECOND_INSTANCE = r'''
import sys
from PySide6.QtWidgets import QApplication
from annotator_ui import settings as settings_module
from annotator_ui.autosave import RecoveryStore
from annotator_ui.mainwindow import MainWindow
from annotator import edits

settings_folder, recovery, article, needle = sys.argv[1:5]
app = QApplication([])
settings_module.use_settings_folder(settings_folder)
settings_module.reset_app_settings()
settings_module.app_settings().annotator = "omar"
window = MainWindow()
window.workflow.store = window.workflow.autosaver.store = RecoveryStore(recovery)
window.open_path(article)
start = window.document.text.index(needle)
window.session.apply(edits.add_annotation(window.document, start=start, end=start + len(needle),
                                          label="GPE", annotator="omar"))
assert window.workflow.autosaver.flush() is not None
print("ready", flush=True)
app.exec()  # until killed
'''



@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.tei.xml"
    save_tei(Document("article", TEXT, title="خبر"), path)
    return path


def make_window(qtbot, recovery: Path) -> tuple[MainWindow, Workflow]:
    window = MainWindow()
    window.annotator_name = lambda: "layla"
    window.ask_unsaved = lambda: "discard"
    qtbot.addWidget(window)
    workflow = window.workflow
    workflow.store = workflow.autosaver.store = RecoveryStore(recovery)
    workflow.guard.ask_reload = lambda parent, path, modified: "keep"  # the other's save
    assert workflow.skip_running  # copies of live windows are not offered
    return window, workflow


def add(window: MainWindow, needle: str, label: str = "GPE") -> None:
    start = window.document.text.index(needle)
    window.session.apply(edits.add_annotation(window.document, start=start,
                                              end=start + len(needle), label=label,
                                              annotator="layla"))


def labelled(document: Document) -> set[str]:
    return {document.text[a.start:a.end] for a in document.annotations}


def test_two_windows_on_one_file_keep_their_own_copies(qtbot, settings, tmp_path,
                                                       article) -> None:
    recovery = tmp_path / "recovery"
    first, first_flow = make_window(qtbot, recovery)
    second, second_flow = make_window(qtbot, recovery)
    first.open_path(article)
    second.open_path(article)
    add(first, "القاهرة")
    add(second, "لبنان")
    assert first_flow.autosaver.flush() is not None
    assert second_flow.autosaver.flush() is not None
    store = RecoveryStore(recovery)
    assert sorted(labelled(store.restore(e)).pop() for e in store.entries()) == [
        "القاهرة", "لبنان"]

    assert first.save()  # a clean save removes the first window's copy only
    [left] = store.entries()
    assert labelled(store.restore(left)) == {"لبنان"}
    assert load_tei(article).annotations.__len__() == 1

    assert second.maybe_save()  # discarded: now its copy goes too
    assert store.entries() == []


def test_a_killed_second_instance_keeps_its_copy_for_the_next_start(qtbot, settings,
                                                                    tmp_path, article) -> None:
    recovery = tmp_path / "recovery"
    script = tmp_path / "second.py"
    script.write_text(SECOND_INSTANCE, encoding="utf-8")
    other = subprocess.Popen([sys.executable, str(script), str(tmp_path / "settings-2"),
                              str(recovery), str(article), "لبنان"],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None
        assert other.stdout.readline().strip() == "ready"
        window, workflow = make_window(qtbot, recovery)
        window.open_path(article)
        add(window, "القاهرة")
        assert workflow.autosaver.flush() is not None
        assert window.save()
        store = RecoveryStore(recovery)
        [theirs] = store.entries()  # the other instance's copy survives this clean save
        assert store.leftovers() == []  # ... and is not offered while it runs
    finally:
        other.send_signal(signal.SIGKILL)
        other.communicate(timeout=60)

    restarted, flow = make_window(qtbot, recovery)
    offered = []
    flow.choose_recovery = lambda parent, entries: offered.append(entries) or (entries[0], [])
    assert flow.offer_recovery()
    assert [[e.tei_path for e in entries] for entries in offered] == [[theirs.tei_path]]
    assert labelled(restarted.document) == {"لبنان"}
    assert restarted.is_modified()
    # The restored work now lives in this window's copy; the old one is gone.
    [kept] = store.entries()
    assert kept.tei_path != theirs.tei_path and not theirs.tei_path.exists()
    assert labelled(store.restore(kept)) == {"لبنان"}
    assert restarted.maybe_save()
    assert store.entries() == []


def stale(path: Path, *, age: float = 3600) -> Path:
    path.write_bytes(b"<TEI half written")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_opening_or_saving_into_a_folder_removes_stale_temporary_files(qtbot, settings,
                                                                       tmp_path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    article = folder / "a.tei.xml"
    save_tei(Document("a", TEXT), article)
    old = stale(folder / ".a.tei.xml.k3j9x0q2.tmp")
    kept = [folder / ".a.tei.xml.abcdefgh.tmp",  # fresh: a save may be writing it
            stale(folder / ".a.tei.xml.swp"), stale(folder / "notes.tmp"),
            stale(folder / "a.tei.xml.k3j9x0q2.tmp"), stale(folder / ".a.tei.xml.k3j9.tmp")]
    kept[0].write_bytes(b"<TEI")
    window, workflow = make_window(qtbot, tmp_path / "recovery")
    workflow.open_folder(str(folder))
    assert not old.exists()
    assert all(path.exists() for path in kept)

    again = stale(folder / ".a.tei.xml.zz_09abc.tmp")
    window.open_path(article)
    add(window, "لبنان")
    assert window.save()
    assert not again.exists()
    assert all(path.exists() for path in kept)
    assert load_tei(article).annotations.__len__() == 1
