"""A change adding or removing more than edits.BULK annotations rebuilds the index instead of
updating it one span at a time: the document and every query must be as with small changes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator import edits
from annotator.edits import Change
from annotator.errors import AnnotatorError
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


@settings(max_examples=60, deadline=None)
@given(first=st.lists(st.tuples(st.integers(0, 9000), st.integers(1, 3000)), max_size=40),
       more=st.lists(st.tuples(st.integers(0, 9000), st.integers(1, 3000)), max_size=40))
def test_extend_merges_into_a_built_index_what_building_it_again_gives(
        first: list[tuple[int, int]], more: list[tuple[int, int]]) -> None:
    """Differential: an index kept up to date by extend (one merge) answers every query as
    one built from scratch, long spans (over LONG_SPAN) included."""
    text = "ب" * 12000
    kept, rebuilt = Document("d", text), Document("d", text)
    spans = [Annotation(f"a{i}", s, s + n, "PER") for i, (s, n) in enumerate(first)]
    extra = [Annotation(f"b{i}", s, s + n, "LOC") for i, (s, n) in enumerate(more)]
    kept.annotations.extend(spans)
    kept.annotations.overlapping(0, 1)  # built before the second extend, which merges
    kept.annotations.extend(extra)
    rebuilt.annotations.extend(spans + extra)
    for start in range(0, 12000, 700):
        for length in (1, 50, 2500):
            assert kept.annotations.overlapping(start, start + length) == \
                rebuilt.annotations.overlapping(start, start + length)


def test_extend_refuses_what_add_refuses_and_names_the_first_one() -> None:
    """The column-at-a-time checks of a bulk add refuse what one add at a time refuses."""
    cases = [
        [Annotation("b1", 0, 4, "PER"), Annotation("a1", 5, 9, "PER")],  # a1 is taken
        [Annotation("b1", 0, 4, "PER"), Annotation("b1", 5, 9, "PER")],  # twice in the batch
        [Annotation("b1", 0, 4, "PER"), Annotation("p3", 5, 9, "PER")],  # a reserved id
        [Annotation("b1", 0, 4, "PER"), Annotation("b2", 5, 99999, "PER")],  # past the text
    ]
    for batch in cases:
        bulk, single = _document(), _document()
        with pytest.raises(AnnotatorError) as bulk_error:
            bulk.annotations.extend(batch)
        with pytest.raises(AnnotatorError) as single_error:
            for annotation in batch:
                single.annotations.add(annotation)
        assert bulk_error.value.code == single_error.value.code
        assert bulk.annotations == single.annotations  # the ones before it were added
