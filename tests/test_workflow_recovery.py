"""Recovery copies: the autosave timer writes them, a later start restores them exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotator_ui.autosave import (
    Autosaver,
    RecoveryDialog,
    RecoveryEntry,
    RecoveryStore,
    offer_recovery,
)

from annotator.model import Document
from annotator.tei import save_tei

TEXT = "قال 👍 الرئيسُ محمود عبّاس لـ«البيان» إنّ الاتفاق قريب.\nسطر ثانٍ."


def make_document() -> Document:
    document = Document("doc-1", TEXT, title="خبر")
    document.annotate(4, 5, "MISC", annotator="layla")
    return document


class Holder:
    """Stands in for a window: the document it shows and the file it came from."""

    def __init__(self, document: Document | None, path: str | None) -> None:
        self.document = document
        self.path = path

    def __call__(self):  # the autosaver's DocumentSource
        return self.document, self.path, None


def test_timer_writes_a_copy_after_edits(qtbot, tmp_path: Path) -> None:
    original = tmp_path / "article.tei.xml"
    document = make_document()
    save_tei(document, original)
    store = RecoveryStore(tmp_path / "recovery")
    holder = Holder(document, str(original))
    autosaver = Autosaver(store, holder, interval_ms=200)

    document.annotate(6, 13, "PER", annotator="layla")
    autosaver.document_changed()
    assert store.entries() == []
    with qtbot.wait_signal(autosaver.saved, timeout=5000):
        pass
    entries = store.entries()
    assert [e.original_path for e in entries] == [str(original)]
    assert store.restore(entries[0]) == document
    assert not autosaver.pending


def test_burst_of_edits_is_written_once(qtbot, tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    document = make_document()
    autosaver = Autosaver(store, Holder(document, None), interval_ms=300)
    writes: list[str] = []
    autosaver.saved.connect(writes.append)
    with qtbot.assert_not_emitted(autosaver.saved):  # each edit restarts the timer
        for _ in range(5):
            autosaver.document_changed()
            qtbot.wait(50)  # the next edit of the burst, 50 ms later
    qtbot.waitUntil(lambda: len(writes) == 1, timeout=5000)
    with qtbot.assert_not_emitted(autosaver.saved, wait=400):
        pass  # the burst is written once, not again


def test_crash_then_restore_gives_the_same_document(qtbot, tmp_path: Path) -> None:
    original = tmp_path / "article.tei.xml"
    saved = make_document()
    save_tei(saved, original)
    store_folder = tmp_path / "recovery"

    # First session: edits, the timer fires, then the process "dies" without saving.
    edited = make_document()
    edited.annotate(21, 27, "ORG", annotator="layla")
    edited.status["layla"] = "in progress"
    first = Autosaver(RecoveryStore(store_folder), Holder(edited, str(original)),
                      interval_ms=100)
    first.document_changed()
    qtbot.waitUntil(lambda: not first.pending, timeout=5000)
    first.deleteLater()

    # Next start: a fresh store offers the copy; the user restores it.
    offered: list[list[RecoveryEntry]] = []

    def choose(parent, entries):
        offered.append(entries)
        return entries[0], []

    result = offer_recovery(None, RecoveryStore(store_folder), choose=choose,
                            skip_running=False)
    assert result is not None
    entry, restored = result
    assert len(offered[0]) == 1
    assert entry.original_path == str(original)
    assert restored == edited
    assert restored != saved
    # The original file is untouched until the user saves.
    from annotator.tei import load_tei
    assert load_tei(original) == saved


def test_clean_save_removes_the_copy(qtbot, tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    holder = Holder(make_document(), str(tmp_path / "a.tei.xml"))
    autosaver = Autosaver(store, holder, interval_ms=100)
    autosaver.document_changed()
    assert autosaver.flush() is not None
    assert len(store.entries()) == 1
    autosaver.clear()
    assert store.entries() == []
    assert list(store.folder.iterdir()) == []


def test_save_as_moves_the_copy(qtbot, tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    holder = Holder(make_document(), None)
    autosaver = Autosaver(store, holder)
    autosaver.document_changed()
    autosaver.flush()
    holder.path = str(tmp_path / "named.tei.xml")
    autosaver.document_changed()
    autosaver.flush()
    assert [e.original_path for e in store.entries()] == [holder.path]


def test_copies_are_complete_files(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    document = make_document()
    entry = store.claim().write(document, tmp_path / "x.tei.xml")
    assert entry.tei_path.name == entry.key + ".tei.xml"
    [found] = RecoveryStore(store.folder).entries()  # the note is read back from the copy
    assert (found.original_path, found.title) == (str(tmp_path / "x.tei.xml"), "خبر")
    assert not [p for p in store.folder.iterdir() if p.name.endswith(".tmp")]
    # A file that is not XML up to its root is ignored rather than offered.
    (store.folder / "deadbeef.tei.xml").write_bytes(b"<TEI")
    assert [e.key for e in store.entries()] == [entry.key]


def test_unreadable_copy_raises_and_is_kept(tmp_path: Path) -> None:
    from annotator.errors import AnnotatorError

    store = RecoveryStore(tmp_path / "recovery")
    entry = store.claim().write(make_document(), None)
    data = entry.tei_path.read_bytes()
    entry.tei_path.write_bytes(data[: len(data) // 2])  # cut in the middle
    with pytest.raises(AnnotatorError):
        offer_recovery(None, store, choose=lambda p, e: (e[0], []), skip_running=False)
    assert entry.tei_path.exists()


def test_copies_of_a_running_process_are_not_offered(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    slot = store.claim()  # held by this (running) process
    slot.write(make_document(), None)
    asked: list[object] = []
    assert offer_recovery(None, store, choose=lambda p, e: asked.append(e) or (None, [])) is None
    assert asked == []


def test_dialog_discard_and_restore(qtbot, tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    first = store.claim().write(make_document(), tmp_path / "one.tei.xml")
    second = store.claim().write(make_document(), tmp_path / "two.tei.xml")
    dialog = RecoveryDialog(store.entries())
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    dialog.list.setCurrentRow(0)
    doomed = dialog.entries[0]
    dialog.discard_button.click()
    assert dialog.discarded == [doomed]
    assert dialog.list.count() == 1
    dialog.restore_button.click()
    assert dialog.restore_entry in (first, second)
    assert dialog.restore_entry != doomed
