"""AtomicBatch: many files replaced with one flush to disk, all or nothing; the JSONL line
writer agrees with json.dumps of the same fields."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from strategies import documents

from annotator.atomic import AtomicBatch, is_temporary_name
from annotator.errors import SaveError
from annotator.formats.jsonl import document_to_line
from annotator.model import Document


def test_a_batch_replaces_every_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("old a")
    os.chmod(tmp_path / "a.txt", 0o600)
    with AtomicBatch() as batch:
        for name in ("a.txt", "b.txt", "c.txt"):
            batch.write(tmp_path / name, name.encode())
        assert (tmp_path / "a.txt").read_text() == "old a"  # nothing replaced before the end
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "c.txt"]
    assert (tmp_path / "b.txt").read_text() == "b.txt"
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o600  # the file's mode is kept


def test_a_failed_batch_replaces_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("old a")
    with pytest.raises(SaveError), AtomicBatch() as batch:
        batch.write(tmp_path / "a.txt", b"new a")
        batch.write(tmp_path / "missing" / "b.txt", b"b")  # no such folder
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    assert (tmp_path / "a.txt").read_text() == "old a"


def test_an_error_in_the_block_replaces_nothing(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), AtomicBatch() as batch:
        batch.write(tmp_path / "a.txt", b"a")
        raise RuntimeError("stop")
    assert not [p for p in tmp_path.iterdir() if not is_temporary_name(p.name)]
    assert not list(tmp_path.iterdir())


def expected_line(document: Document) -> str:
    """The line as json.dumps writes the document's fields (the format's definition)."""
    obj = {"id": document.id, "title": document.title, "source": document.source,
           "language": document.language, "direction": document.direction,
           "text": document.text,
           "spans": [{"id": a.id, "start": a.start, "end": a.end, "label": a.label,
                      "annotator": a.annotator, "layer": a.layer,
                      "attributes": dict(a.attributes),
                      "links": [{"role": link.role, "target": link.target}
                                for link in a.links],
                      "note": a.note, "created": a.created, "modified": a.modified}
                     for a in document.annotations.sorted()]}
    if document.status:
        obj["status"] = dict(document.status)
    line = json.dumps(obj, ensure_ascii=False)
    for raw, escaped in {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}.items():
        line = line.replace(raw, escaped)
    return line


@settings(max_examples=60, deadline=None)
@given(document=documents())
def test_the_jsonl_line_is_json_dumps_of_the_fields(document: Document) -> None:
    assert document_to_line(document) == expected_line(document)
