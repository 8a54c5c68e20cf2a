"""The recovery store without Qt: copies written, listed, restored exactly, and removed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import documents

from annotator.errors import AnnotatorError, SaveError
from annotator.model import Document
from annotator.recovery import (
    RecoveryStore,
    local_time,
    recovery_key,
    written_by_running_process,
)
from annotator.tei import load_tei, save_tei

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TEI = ROOT / "seeds" / "000_2ce8f3876ecb932f.tei.xml"


def make_document() -> Document:
    document = Document("doc-1", "قال 👍 الرئيسُ لـ«البيان» إنّ الاتفاق قريب.", title="خبر")
    document.annotate(4, 5, "MISC", annotator="layla")
    return document


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents())
def test_a_copy_restores_the_same_document(tmp_path: Path, document: Document) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    entry = store.write(document, tmp_path / "article.tei.xml")
    assert store.restore(entry) == document
    assert store.entries() == [entry]
    store.remove(document, tmp_path / "article.tei.xml")
    assert store.entries() == []


def test_the_sample_article_round_trips(tmp_path: Path) -> None:
    original = tmp_path / SAMPLE_TEI.name
    shutil.copyfile(SAMPLE_TEI, original)
    document = load_tei(original)
    document.annotate(0, 3, "PER", annotator="layla")
    document.status["layla"] = "in progress"
    store = RecoveryStore(tmp_path / "recovery")
    entry = store.write(document, original)
    assert store.restore(entry) == document
    assert load_tei(original) != document  # the original is not touched
    assert entry.original_path == str(original)
    assert (entry.title, entry.document_id, entry.pid) == (document.title, document.id,
                                                          os.getpid())


def test_the_key_follows_the_path_or_the_id(tmp_path: Path) -> None:
    document = make_document()
    named = recovery_key(tmp_path / "x.tei.xml", document)
    assert named == recovery_key(str(tmp_path / "x.tei.xml"), Document("other", "نص"))
    assert named != recovery_key(tmp_path / "y.tei.xml", document)
    assert recovery_key(None, document) != recovery_key(None, Document("doc-2", "نص"))
    assert recovery_key(None, document) == recovery_key("", document)


def test_rewriting_replaces_the_copy_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    document = make_document()
    store.write(document, None)
    document.annotate(6, 13, "PER", annotator="layla")
    entry = store.write(document, None)
    assert [e.key for e in store.entries()] == [entry.key]
    assert store.restore(entry) == document
    assert sorted(p.name for p in store.folder.iterdir()) == sorted(
        [entry.key + ".json", entry.key + ".tei.xml"])
    info = json.loads(entry.info_path.read_text(encoding="utf-8"))
    assert info == {"original_path": "", "saved_at": entry.saved_at, "title": "خبر",
                    "document_id": "doc-1", "pid": os.getpid()}


def test_broken_leftovers_are_skipped(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    assert store.entries() == []  # no folder yet
    entry = store.write(make_document(), tmp_path / "a.tei.xml")
    (store.folder / "deadbeef.tei.xml").write_bytes(b"<TEI")  # no JSON note
    (store.folder / "cafe.json").write_text("{}", encoding="utf-8")  # no copy
    (store.folder / "bad.json").write_text("[1", encoding="utf-8")
    (store.folder / "bad.tei.xml").write_bytes(b"<TEI")
    (store.folder / "list.json").write_text("[1]", encoding="utf-8")
    (store.folder / "list.tei.xml").write_bytes(b"<TEI")
    assert [e.key for e in store.entries()] == [entry.key]


def test_newest_first_and_discard(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    older = store.write(make_document(), tmp_path / "one.tei.xml")
    newer = store.write(make_document(), tmp_path / "two.tei.xml")
    _set_saved_at(older, "2020-01-01T00:00:00Z")
    assert [e.key for e in store.entries()] == [newer.key, older.key]
    store.discard(newer)
    assert [e.key for e in store.entries()] == [older.key]
    store.discard(newer)  # twice is harmless


def test_an_unreadable_copy_raises_and_is_kept(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    entry = store.write(make_document(), None)
    entry.tei_path.write_text("not xml", encoding="utf-8")
    with pytest.raises(AnnotatorError):
        store.restore(entry)
    assert entry.tei_path.exists()


def test_a_failed_write_keeps_the_previous_copy(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    document = make_document()
    entry = store.write(document, None)
    before = entry.tei_path.read_bytes()
    broken = Document("doc-1", "نص فيه\x00")  # same key; XML cannot carry U+0000
    with pytest.raises(AnnotatorError, match="U\\+0000"):
        store.write(broken, None)
    assert entry.tei_path.read_bytes() == before
    assert store.restore(entry) == document
    assert [e.key for e in store.entries()] == [entry.key]


def test_a_folder_that_cannot_be_made_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(SaveError) as raised:
        RecoveryStore(tmp_path / "taken").write(make_document(), None)
    assert raised.value.code == "E640" and raised.value.path == str(tmp_path / "taken")


def test_copies_of_running_processes_are_not_leftovers(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    mine = store.write(make_document(), tmp_path / "mine.tei.xml")
    dead = store.write(make_document(), tmp_path / "dead.tei.xml")
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    _set_info(dead, pid=int(finished.stdout))
    assert written_by_running_process(mine)
    assert [e.key for e in store.leftovers()] == [dead.key]
    assert {e.key for e in store.leftovers(skip_running=False)} == {mine.key, dead.key}
    _set_info(dead, pid="not a number")
    assert [e.pid for e in store.entries() if e.key == dead.key] == [None]


def test_local_time_keeps_an_unparsable_stamp() -> None:
    assert local_time("yesterday") == "yesterday"
    assert len(local_time("2026-12-01T10:00:00Z")) == len("2026-12-01 10:00")


def _set_saved_at(entry, stamp: str) -> None:
    _set_info(entry, saved_at=stamp)


def _set_info(entry, **changes: object) -> None:
    info = json.loads(entry.info_path.read_text(encoding="utf-8"))
    info.update(changes)
    entry.info_path.write_text(json.dumps(info), encoding="utf-8")


def test_save_tei_and_the_store_agree_on_bytes(tmp_path: Path) -> None:
    """The copy is exactly what a save of the document writes (one writer)."""
    document = make_document()
    entry = RecoveryStore(tmp_path / "recovery").write(document, None)
    save_tei(document, tmp_path / "saved.tei.xml")
    assert entry.tei_path.read_bytes() == (tmp_path / "saved.tei.xml").read_bytes()
