"""The model holds what it says and nothing more: no caches on documents, and the readers'
fast builder makes ordinary annotations."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from annotator.model import Annotation, Document, checked_annotation, text_sha256
from annotator.tei import read_tei, save_tei, tei_bytes


def test_checked_annotation_is_an_ordinary_annotation() -> None:
    made = checked_annotation("a1", 3, 9, "PER", "alice", "2026-12-01T10:00:00Z",
                              "2026-12-02T10:00:00Z", "gold")
    assert type(made) is Annotation
    assert made == Annotation("a1", 3, 9, "PER", "alice", {}, (), "2026-12-01T10:00:00Z",
                              "2026-12-02T10:00:00Z", "", "gold")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.label = "ORG"  # type: ignore[misc]
    assert made.with_changes(label="ORG").label == "ORG"
    other = checked_annotation("a2", 0, 1, "PER", "", "", "", "")
    assert other.attributes is not made.attributes  # each its own


def test_a_document_keeps_nothing_but_its_fields(tmp_path: Path) -> None:
    """The checksum is worked out where it is written or checked, not kept on the document."""
    document = Document("d", "قال الوزير إن المشروع بدأ.\n")
    document.annotate(4, 10, "PER", annotator="alice")
    path = tmp_path / "d.tei.xml"
    save_tei(document, path)
    loaded = read_tei(path).document
    tei_bytes(loaded)
    fields = {f.name for f in dataclasses.fields(Document)}
    assert set(vars(document)) == fields and set(vars(loaded)) == fields
    assert read_tei(path).stored_sha256 == text_sha256(document.text)
