"""The recovery store without Qt: slots, copies with their note, restored exactly, removed,
and offered by whether their window's lock is held, never by a process id."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree
from strategies import documents

from annotator.errors import AnnotatorError, SaveError
from annotator.model import Document
from annotator.recovery import (
    NOTE_TARGET,
    RecoveryEntry,
    RecoveryStore,
    local_time,
    written_by_running_process,
)
from annotator.tei import load_tei, save_tei, tei_bytes

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TEI = ROOT / "seeds" / "000_2ce8f3876ecb932f.tei.xml"

HOLDER = r'''
import sys
from annotator.model import Document
from annotator.recovery import RecoveryStore
slot = RecoveryStore(sys.argv[1]).claim()
slot.write(Document("held", "نص محفوظ في نسخة."), sys.argv[2])
print("ready", flush=True)
sys.stdin.read()  # holds the slot until killed
'''


def make_document() -> Document:
    document = Document("doc-1", "قال 👍 الرئيسُ لـ«البيان» إنّ الاتفاق قريب.", title="خبر")
    document.annotate(4, 5, "MISC", annotator="layla")
    return document


def leftover(store: RecoveryStore, document: Document, path: str | Path | None) -> RecoveryEntry:
    """A copy as a window that crashed leaves it: written, its slot no longer held."""
    slot = store.claim()
    entry = slot.write(document, path)
    slot.close(keep_copy=True)
    return entry


def note_of(path: Path) -> dict:
    instruction = etree.parse(str(path)).getroot().getprevious()
    assert instruction.target == NOTE_TARGET
    return json.loads(instruction.text)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents())
def test_a_copy_restores_the_same_document(tmp_path: Path, document: Document) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    slot = store.claim()
    entry = slot.write(document, tmp_path / "article.tei.xml")
    assert store.restore(entry) == document
    assert store.entries() == [entry]
    slot.close()
    assert store.entries() == []
    assert list(store.folder.iterdir()) == []


def test_the_sample_article_round_trips(tmp_path: Path) -> None:
    original = tmp_path / SAMPLE_TEI.name
    shutil.copyfile(SAMPLE_TEI, original)
    document = load_tei(original)
    document.annotate(0, 3, "PER", annotator="layla")
    document.status["layla"] = "in progress"
    store = RecoveryStore(tmp_path / "recovery")
    entry = store.claim().write(document, original)
    assert store.restore(entry) == document
    assert load_tei(original) != document  # the original is not touched
    assert entry.original_path == str(original)
    assert (entry.title, entry.document_id, entry.pid) == (document.title, document.id,
                                                          os.getpid())


def test_two_slots_on_one_file_keep_two_copies(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    path = tmp_path / "article.tei.xml"
    mine, theirs = make_document(), make_document()
    mine.annotate(6, 13, "PER", annotator="layla")
    theirs.annotate(15, 22, "ORG", annotator="omar")
    first, second = store.claim(), store.claim()
    assert first.key != second.key
    first.write(mine, path)
    kept = second.write(theirs, path)
    assert len(store.entries()) == 2
    first.close()  # the first window's clean save
    assert store.entries() == [kept]
    assert store.restore(kept) == theirs
    second.close()
    assert store.entries() == []


def test_rewriting_replaces_the_copy_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    document = make_document()
    slot = store.claim()
    slot.write(document, None)
    document.annotate(6, 13, "PER", annotator="layla")
    entry = slot.write(document, None)
    assert [e.key for e in store.entries()] == [entry.key] == [slot.key]
    assert store.restore(entry) == document
    assert sorted(p.name for p in store.folder.iterdir()) == sorted(
        [entry.key + ".lock", entry.key + ".tei.xml"])


def test_the_note_is_inside_the_copy_which_is_the_writers_tei(tmp_path: Path,
                                                              tei_schema) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    document = make_document()
    entry = store.claim().write(document, None)
    assert note_of(entry.tei_path) == {"original_path": "", "saved_at": entry.saved_at,
                                       "title": "خبر", "document_id": "doc-1",
                                       "pid": os.getpid()}
    data = entry.tei_path.read_bytes()
    declaration, note, rest = data.split(b"\n", 2)
    assert declaration + b"\n" + rest == tei_bytes(document)  # one writer
    assert note.startswith(b"<?annotator-recovery {") and note.isascii()
    tei_schema.assertValid(etree.parse(str(entry.tei_path)))


def test_any_path_survives_the_note(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    odd = tmp_path / "مجلد?>--" / "a\udcff?>b.tei.xml"  # "?>" ends an instruction
    entry = store.claim().write(make_document(), odd)
    assert entry.original_path == str(odd)
    assert store.entries() == [entry]


def test_what_is_not_a_copy_is_skipped_and_earlier_copies_are_offered(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    assert store.entries() == []  # no folder yet
    entry = store.claim().write(make_document(), tmp_path / "a.tei.xml")
    (store.folder / "short.tei.xml").write_bytes(b"<TEI")
    (store.folder / "text.tei.xml").write_text("not xml", encoding="utf-8")
    (store.folder / "folder.tei.xml").mkdir()
    # An earlier version's copy: TEI without a note, the note beside it ...
    save_tei(Document("old", "نص قديم", title="قديم"), store.folder / "0ld.tei.xml")
    (store.folder / "0ld.json").write_text(json.dumps(
        {"original_path": "/corpus/old.tei.xml", "saved_at": "2024-01-01T00:00:00Z",
         "title": "قديم", "document_id": "old", "pid": 1}), encoding="utf-8")
    # ... and one whose note was never written (killed in between): offered all the same.
    save_tei(Document("orphan", "نص يتيم"), store.folder / "0rphan.tei.xml")
    found = {e.key: e for e in store.entries()}
    assert sorted(found) == sorted(["0ld", "0rphan", entry.key])
    assert (found["0ld"].original_path, found["0ld"].title) == ("/corpus/old.tei.xml", "قديم")
    assert found["0rphan"].original_path == "" and found["0rphan"].saved_at  # file's time
    assert store.restore(found["0rphan"]).id == "orphan"
    store.discard(found["0ld"])
    assert not (store.folder / "0ld.json").exists()


def test_newest_first_and_discard(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    older = leftover(store, make_document(), tmp_path / "one.tei.xml")
    newer = leftover(store, make_document(), tmp_path / "two.tei.xml")
    data = older.tei_path.read_bytes().replace(older.saved_at.encode(), b"2020-01-01T00:00:00Z")
    older.tei_path.write_bytes(data)
    assert [e.key for e in store.entries()] == [newer.key, older.key]
    store.discard(newer)
    assert [e.key for e in store.entries()] == [older.key]
    store.discard(newer)  # twice is harmless


def test_an_unreadable_copy_raises_and_is_kept(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    entry = leftover(store, make_document(), None)
    data = entry.tei_path.read_bytes()
    entry.tei_path.write_bytes(data[: len(data) // 2])  # cut in the middle
    assert store.leftovers() == [entry]
    with pytest.raises(AnnotatorError):
        store.restore(entry)
    assert entry.tei_path.exists()


def test_a_failed_write_keeps_the_previous_copy(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    document = make_document()
    slot = store.claim()
    entry = slot.write(document, None)
    before = entry.tei_path.read_bytes()
    broken = Document("doc-1", "نص فيه\x00")  # XML cannot carry U+0000
    with pytest.raises(AnnotatorError, match="U\\+0000"):
        slot.write(broken, None)
    assert entry.tei_path.read_bytes() == before
    assert store.restore(entry) == document
    assert [e.key for e in store.entries()] == [entry.key]
    slot.close()
    with pytest.raises(ValueError, match="closed"):
        slot.write(document, None)
    assert store.entries() == []


def test_a_folder_that_cannot_be_made_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(SaveError) as raised:
        RecoveryStore(tmp_path / "taken").claim()
    assert raised.value.code == "E640" and raised.value.path == str(tmp_path / "taken")


def test_copies_are_offered_by_their_lock_not_their_process_id(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    live = store.claim()
    mine = live.write(make_document(), tmp_path / "mine.tei.xml")
    # Closed by a crash: the note still names this very (running) process.
    gone = leftover(store, make_document(), tmp_path / "gone.tei.xml")
    assert gone.pid == os.getpid()
    assert written_by_running_process(mine) and not written_by_running_process(gone)
    assert [e.key for e in store.leftovers()] == [gone.key]
    assert {e.key for e in store.leftovers(skip_running=False)} == {mine.key, gone.key}


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_copy_is_offered_once_its_process_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "holder.py"
    script.write_text(HOLDER, encoding="utf-8")
    folder = tmp_path / "recovery"
    holder = subprocess.Popen([sys.executable, str(script), str(folder),
                               str(tmp_path / "held.tei.xml")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        store = RecoveryStore(folder)
        [entry] = store.entries()
        assert entry.pid == holder.pid and written_by_running_process(entry)
        assert store.leftovers() == []
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.communicate(timeout=60)
    assert store.leftovers() == [entry]
    assert store.restore(entry).id == "held"


def test_leftovers_clear_what_killed_writers_left_beside_the_copies(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    live = store.claim()  # claimed, nothing written yet: its lock stays
    copy = leftover(store, make_document(), None)
    (store.folder / "dead.lock").touch()  # a slot killed before its first copy
    stale = store.folder / f".{copy.key}.tei.xml.ab12cd34.tmp"  # a write killed midway
    fresh = store.folder / f".{copy.key}.tei.xml.ef56gh78.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"<?xml")
    os.utime(stale, (time.time() - 3600,) * 2)
    assert store.leftovers() == [copy]
    assert sorted(p.name for p in store.folder.iterdir()) == sorted(
        [live.lock_path.name, copy.tei_path.name, fresh.name])
    live.close()
    assert not live.lock_path.exists()


def test_local_time_keeps_an_unparsable_stamp() -> None:
    assert local_time("yesterday") == "yesterday"
    assert len(local_time("2026-12-01T10:00:00Z")) == len("2026-12-01 10:00")
