"""A folder as a project, without Qt: its documents, statuses per annotator, progress."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError
from annotator.model import Document
from annotator.project import (
    DONE,
    IN_PROGRESS,
    NOT_STARTED,
    EntryCache,
    ProjectEntry,
    document_stem,
    list_project,
    progress_of,
    project_files,
    read_entry,
    set_status_in_file,
    status_for,
)
from annotator.tagset import tagset_for
from annotator.tei import load_tei, read_tei, save_tei

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TEI = ROOT / "seeds" / "000_2ce8f3876ecb932f.tei.xml"
TEXT = "قال الرئيس إن الاتفاق قريب."


def make_tei(path: Path, statuses: dict[str, str], annotators: tuple[str, ...] = ()) -> None:
    document = Document(path.name.split(".")[0], TEXT, title=path.name)
    document.status.update(statuses)
    for name in annotators:
        document.annotate(4, 10, "PER", annotator=name)
    save_tei(document, path)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    make_tei(folder / "a.tei.xml", {"layla": DONE, "omar": IN_PROGRESS}, ("layla", "omar"))
    make_tei(folder / "b.tei.xml", {"layla": IN_PROGRESS}, ("layla", "layla"))
    make_tei(folder / "C.tei.xml", {"omar": DONE, "layla": "reviewing"})
    (folder / "d.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT, encoding="utf-8")  # has its TEI copy: not listed
    (folder / "e.jsonl").write_text('{"id": "e", "text": "نص"}\n', encoding="utf-8")
    (folder / "notes.md").write_text("not a document", encoding="utf-8")
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    (folder / "sub.txt").mkdir()  # a folder with a document's name
    return folder


def test_listing_prefers_the_tei_copy_and_sorts_by_name(project: Path) -> None:
    assert [p.name for p in project_files(project)] == [
        "a.tei.xml", "b.tei.xml", "C.tei.xml", "d.txt", "e.jsonl"]
    assert [document_stem(name) for name in ("x.tei.xml", "x.TXT", "x.jsonl", "x.md")] == \
        ["x", "x", "x", "x"]


def test_entries_carry_id_title_counts_and_every_status(project: Path) -> None:
    entries = list_project(project, "layla")
    a, b, c, d, e = entries
    assert a == ProjectEntry(project / "a.tei.xml", DONE, "a.tei.xml", None, "a", 2,
                             {"layla": 1, "omar": 1}, {"layla": DONE, "omar": IN_PROGRESS})
    assert (b.status, b.annotations, dict(b.annotations_by)) == (IN_PROGRESS, 2, {"layla": 2})
    # An unknown status counts as in progress for the listing, and is kept as stored.
    assert (c.status, c.statuses["layla"]) == (IN_PROGRESS, "reviewing")
    assert d == ProjectEntry(project / "d.txt") and not d.is_tei and a.is_tei
    assert (e.status, e.document_id, e.annotations) == (NOT_STARTED, "", 0)
    assert [entry.status for entry in list_project(project, "omar")] == [
        IN_PROGRESS, NOT_STARTED, DONE, NOT_STARTED, NOT_STARTED]


def test_progress_counts(project: Path) -> None:
    progress = progress_of(list_project(project, "layla"))
    assert (progress.total, progress.done, progress.in_progress, progress.not_started) == \
        (5, 1, 2, 2)
    assert progress_of([]).not_started == 0


def test_status_for() -> None:
    assert status_for({}, "layla") == NOT_STARTED
    assert status_for({"layla": DONE}, "layla") == DONE
    assert status_for({"layla": "?"}, "layla") == IN_PROGRESS


def test_the_sample_article_as_an_entry(tmp_path: Path) -> None:
    path = tmp_path / SAMPLE_TEI.name
    shutil.copyfile(SAMPLE_TEI, path)
    document = load_tei(path)
    entry = read_entry(path, "sample")
    assert (entry.document_id, entry.title, entry.annotations) == (
        document.id, document.title, len(document.annotations))
    assert entry.statuses == document.status
    assert sum(entry.annotations_by.values()) == entry.annotations


def test_an_unreadable_file_is_listed_with_one_line(project: Path) -> None:
    (project / "broken.tei.xml").write_text("<TEI", encoding="utf-8")
    entry = read_entry(project / "broken.tei.xml", "layla")
    assert entry.status == NOT_STARTED and entry.annotations == 0
    assert entry.error is not None and entry.error.code == "E200"  # not well-formed XML
    assert entry.error.path == str(project / "broken.tei.xml") and "\n" not in str(entry.error)


def test_set_status_keeps_the_rest_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / SAMPLE_TEI.name
    shutil.copyfile(SAMPLE_TEI, path)
    before = read_tei(path)
    set_status_in_file(path, "layla", DONE)
    after = read_tei(path)
    assert after.problems == []
    assert after.document.status == {**before.document.status, "layla": DONE}
    after.document.status = dict(before.document.status)
    assert after.document == before.document
    # The file's own tag set stays declared (not replaced by the bundled one).
    assert after.taxonomy.labels == before.taxonomy.labels
    set_status_in_file(path, "layla", IN_PROGRESS)
    assert read_entry(path, "layla").status == IN_PROGRESS


def test_set_status_with_a_project_tag_set(tmp_path: Path) -> None:
    path = tmp_path / "a.tei.xml"
    make_tei(path, {})
    (tmp_path / "tagset.toml").write_text('name = "elections"\n[[labels]]\nname = "CAND"\n',
                                          encoding="utf-8")
    tagset = tagset_for(tmp_path)
    set_status_in_file(path, "layla", DONE, tagset=tagset)
    assert "CAND" in read_tei(path).taxonomy.labels


def test_set_status_refuses_and_leaves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.tei.xml"
    make_tei(path, {"layla": IN_PROGRESS})
    data = path.read_bytes()
    with pytest.raises(ValueError, match="status must be one of"):
        set_status_in_file(path, "layla", "finished")
    tampered = data.replace("الرئيس".encode(), "الزعيم".encode())  # checksum no longer holds
    path.write_bytes(tampered)
    with pytest.raises(AnnotatorError) as raised:
        set_status_in_file(path, "layla", DONE)
    assert str(raised.value).startswith(str(path))
    assert path.read_bytes() == tampered
    with pytest.raises(AnnotatorError):
        set_status_in_file(tmp_path / "missing.tei.xml", "layla", DONE)


def test_the_cache_reads_a_file_again_only_when_it_changed(project: Path) -> None:
    cache = EntryCache("layla")
    first = cache.list(project)
    assert cache.list(project) == first
    assert cache.entry(project / "a.tei.xml") is first[0]  # not read again
    set_status_in_file(project / "b.tei.xml", "layla", DONE)
    stamp = os.stat(project / "b.tei.xml").st_mtime_ns
    os.utime(project / "b.tei.xml", ns=(stamp, stamp + 1_000_000))
    assert cache.entry(project / "b.tei.xml").status == DONE
    cache.forget(project / "a.tei.xml")
    assert cache.entry(project / "a.tei.xml") is not first[0]
    (project / "C.tei.xml").unlink()
    assert cache.entry(project / "C.tei.xml") == ProjectEntry(project / "C.tei.xml")
    assert [e.name for e in cache.list(project)] == ["a.tei.xml", "b.tei.xml", "d.txt",
                                                     "e.jsonl"]
