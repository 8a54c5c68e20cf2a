"""A change adding or removing more than edits.BULK annotations rebuilds the index instead of
updating it one span at a time: the document and every query must be as with small changes."""

from __future__ import annotations

from annotator import edits
from annotator.edits import Change
from annotator.model import Annotation, Document


def _document() -> Document:
    document = Document("d", "كلمة " * 3000)
    document.annotations.extend(Annotation(f"a{i}", 5 * i, 5 * i + 4, "PER") for i in range(10))
    document.annotations.overlapping(0, 1)  # the index is built and kept up to date
    return document


def test_bulk_add_and_remove_match_one_by_one() -> None:
    many = tuple(Annotation(f"s{i}", 5 * i, 5 * i + 4, "LOC", layer="suggestion")
                 for i in range(edits.BULK + 500))
    change = Change("store", (), many)
    bulk, single = _document(), _document()
    change.apply(bulk)
    for annotation in many:
        single.annotations.add(annotation)
    assert bulk.annotations == single.annotations
    for start, end in ((0, 3), (400, 900), (7000, 7600), (14990, 15000)):
        found = bulk.annotations.overlapping(start, end)
        assert found == single.annotations.overlapping(start, end)
    change.revert(bulk)
    assert bulk.annotations == _document().annotations
    assert [a.id for a in bulk.annotations.overlapping(0, 15000)] == [f"a{i}" for i in range(10)]
