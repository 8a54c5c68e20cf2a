"""The open suggestions after a store, built from those listed before it and the change
(annotator_ui.suggest_store.open_after), are open_suggestions of the changed document."""

from __future__ import annotations

from annotator_ui.suggest_store import open_after
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.edits import Change
from annotator.layers import STATUS, SUGGESTION
from annotator.model import Annotation, Document
from annotator.suggest.suggestions import Suggestion, open_suggestions

TEXT = "x" * 40
IDS = ["a1", "a10", "a2", "b1", "b", "c3", "z"]  # few ids and spans: ties on start and end


@st.composite
def annotations(draw: st.DrawFn, annotation_id: str) -> Annotation:
    start = draw(st.integers(0, 8))
    layer = draw(st.sampled_from([SUGGESTION, SUGGESTION, SUGGESTION, "", "gold"]))
    attributes = {"score": draw(st.sampled_from(["0.5", "0.25", "1", "nan", "x", "-1"]))}
    if draw(st.integers(0, 3)) == 0:
        attributes[STATUS] = draw(st.sampled_from(["rejected", "accepted"]))
    return Annotation(annotation_id, start, start + draw(st.integers(1, 3)),
                      draw(st.sampled_from(["PER", "ORG"])), annotator="cues",
                      attributes=attributes, layer=layer)


@st.composite
def documents_and_changes(draw: st.DrawFn) -> tuple[Document, Change]:
    """A document, and a change of it: some annotations removed, some replaced (moved,
    decided, into or out of the suggestion layer), some added."""
    document = Document("d", TEXT)
    present = draw(st.lists(st.sampled_from(IDS), unique=True))
    for annotation_id in present:
        document.annotations.add(draw(annotations(annotation_id)))
    before = [document.annotations[i] for i in present if draw(st.booleans())]
    after = [draw(annotations(a.id)) for a in before if draw(st.booleans())]
    after += [draw(annotations(i)) for i in IDS if i not in present and draw(st.booleans())]
    return document, Change("store", tuple(before), tuple(after))


def rows(listed: list[Suggestion]) -> list[tuple[Annotation, str]]:
    return [(s.annotation, repr(s.score)) for s in listed]  # a NaN score equal to itself


@settings(max_examples=400, deadline=None)
@given(documents_and_changes())
def test_open_after_is_open_suggestions_of_the_changed_document(case) -> None:
    document, change = case
    listed = open_suggestions(document)
    from_listed = open_after(document, change, listed)
    from_document = open_after(document, change)
    assert rows(listed) == rows(open_suggestions(document))  # the listing was left as it is
    change.apply(document)
    expected = rows(open_suggestions(document))
    assert rows(from_listed) == expected
    assert rows(from_document) == expected
