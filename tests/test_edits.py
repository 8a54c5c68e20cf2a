"""Core edit operations and the edit history: every change undoes exactly."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator import edits
from annotator.errors import AnnotatorError
from annotator.model import Document, Link
from annotator.session import UndoHistory
from annotator.tagset import default_tagset

TEXT = "قال 😀 وزير الخارجية لـ«البيان» إن الاتفاق قريب. Then English too."
TAGSET = default_tagset()


def make_document() -> Document:
    doc = Document("d1", TEXT)
    doc.annotate(4, 5, "MISC", annotator="x")
    doc.annotate(6, 10, "PER", annotator="x")
    doc.annotate(23, 29, "ORG", annotator="y")
    quote = doc.annotate(33, 47, "QUOTE", annotator="x", attributes={"type": "direct"})
    doc.annotations.replace(quote.with_changes(links=(Link("speaker", "a2"),)))
    return doc


def copy_of(doc: Document) -> Document:
    copy = Document(doc.id, doc.text, doc.title, doc.source, doc.language, doc.direction,
                    dict(doc.status))
    copy.annotations.extend(list(doc.annotations))
    return copy


def test_add_then_revert_restores_document() -> None:
    doc = make_document()
    original = copy_of(doc)
    change = edits.add_annotation(doc, start=0, end=3, label="PER", annotator="amira")
    assert len(doc.annotations) == 4  # nothing applied yet
    change.apply(doc)
    added = change.added[0]
    assert doc.span_text(added) == "قال"
    assert doc.annotations[added.id].annotator == "amira"
    change.revert(doc)
    assert doc == original


def test_add_fills_tagset_defaults() -> None:
    doc = make_document()
    change = edits.add_annotation(doc, start=11, end=20, label="CLAIM", tagset=TAGSET)
    assert change.after[0].attributes == {"checkworthy": "yes"}


def test_add_rejects_bad_spans() -> None:
    doc = make_document()
    with pytest.raises(AnnotatorError):
        edits.add_annotation(doc, start=5, end=5, label="PER")
    with pytest.raises(AnnotatorError):
        edits.add_annotation(doc, start=0, end=len(TEXT) + 1, label="PER")


def test_delete_removes_links_pointing_to_it_and_undo_restores_them() -> None:
    doc = make_document()
    original = copy_of(doc)
    change = edits.delete_annotation(doc, annotation_id="a2")
    change.apply(doc)
    assert "a2" not in doc.annotations
    assert doc.annotations["a4"].links == ()
    assert [a.id for a in change.removed] == ["a2"]
    assert [a.id for a in change.updated] == ["a4"]
    change.revert(doc)
    assert doc == original
    assert doc.annotations["a4"].link_targets("speaker") == ["a2"]


def test_relabel_with_tagset_drops_what_the_new_label_lacks() -> None:
    doc = make_document()
    change = edits.relabel(doc, annotation_id="a4", label="CLAIM", tagset=TAGSET)
    new = change.after[0]
    assert new.label == "CLAIM"
    assert new.attributes == {"checkworthy": "yes"}
    assert new.links == ()
    plain = edits.relabel(doc, annotation_id="a4", label="CLAIM")
    assert plain.after[0].attributes == {"type": "direct"}


def test_link_checks_tagset_targets() -> None:
    doc = make_document()
    edits.link(doc, source_id="a4", role="speaker", target_id="a3", tagset=TAGSET).apply(doc)
    assert doc.annotations["a4"].link_targets("speaker") == ["a2", "a3"]
    with pytest.raises(AnnotatorError) as caught:
        edits.link(doc, source_id="a4", role="speaker", target_id="a1", tagset=TAGSET)
    assert caught.value.code == "E054" and caught.value.params["targets"] == "PER/ORG"
    with pytest.raises(AnnotatorError) as caught:
        edits.link(doc, source_id="a2", role="speaker", target_id="a3", tagset=TAGSET)
    assert caught.value.code == "E053"  # the label has no such link
    with pytest.raises(AnnotatorError):
        edits.link(doc, source_id="a4", role="speaker", target_id="a4")
    assert edits.link(doc, source_id="a4", role="speaker", target_id="a2").is_empty


def test_unlink_and_missing_link() -> None:
    doc = make_document()
    edits.unlink(doc, source_id="a4", role="speaker", target_id="a2").apply(doc)
    assert doc.annotations["a4"].links == ()
    with pytest.raises(AnnotatorError):
        edits.unlink(doc, source_id="a4", role="speaker", target_id="a2")


def test_set_attributes_note_and_resize() -> None:
    doc = make_document()
    edits.set_attribute(doc, annotation_id="a4", name="type", value="indirect").apply(doc)
    assert doc.annotations["a4"].attributes == {"type": "indirect"}
    edits.set_attributes(doc, annotation_id="a4", attributes={"type": None}).apply(doc)
    assert doc.annotations["a4"].attributes == {}
    edits.set_note(doc, annotation_id="a2", note="check the title").apply(doc)
    assert doc.annotations["a2"].note == "check the title"
    edits.resize(doc, annotation_id="a2", start=6, end=20).apply(doc)
    assert doc.span_text(doc.annotations["a2"]) == TEXT[6:20]
    assert [a.id for a in doc.annotations.at(15)] == ["a2"]  # the index follows
    with pytest.raises(AnnotatorError):
        edits.resize(doc, annotation_id="a2", start=7, end=7)
    with pytest.raises(AnnotatorError):
        edits.set_note(doc, annotation_id="nope", note="")


def test_history_groups_clean_marker_and_redo() -> None:
    doc = make_document()
    original = copy_of(doc)
    history = UndoHistory(doc)
    assert history.is_clean and not history.can_undo
    with history.group("Annotate all"):
        history.do(edits.add_annotation(doc, start=0, end=3, label="PER"))
        history.do(edits.add_annotation(doc, start=11, end=15, label="ORG"))
    assert len(doc.annotations) == 6
    assert history.undo_text == "Annotate all" and not history.is_clean
    history.mark_clean()
    history.undo()
    assert doc == original and not history.is_clean
    history.redo()
    assert history.is_clean and len(doc.annotations) == 6
    history.undo()
    history.do(edits.set_note(doc, annotation_id="a1", note="n"))
    assert not history.can_redo
    history.undo()
    assert not history.is_clean  # the saved state was dropped from the redo stack


def test_group_that_raises_reverts_its_changes() -> None:
    doc = make_document()
    original = copy_of(doc)
    history = UndoHistory(doc)
    with pytest.raises(AnnotatorError), history.group("broken"):
        history.do(edits.add_annotation(doc, start=0, end=3, label="PER"))
        history.do(edits.delete_annotation(doc, annotation_id="nope"))
    assert doc == original and not history.can_undo


# -- property: any sequence of edits undoes to the original and redoes to the result ----

ids = st.sampled_from(["a1", "a2", "a3", "a4", "a5", "a6", "a7"])
labels = st.sampled_from(["PER", "ORG", "LOC", "QUOTE", "CLAIM", "OTHER"])
offsets = st.integers(min_value=0, max_value=len(TEXT) + 2)
operations = st.one_of(
    st.tuples(st.just("add"), offsets, offsets, labels),
    st.tuples(st.just("delete"), ids),
    st.tuples(st.just("relabel"), ids, labels, st.booleans()),
    st.tuples(st.just("attr"), ids, st.sampled_from(["type", "x"]),
              st.sampled_from([None, "direct", "indirect"])),
    st.tuples(st.just("note"), ids, st.text(max_size=5)),
    st.tuples(st.just("resize"), ids, offsets, offsets),
    st.tuples(st.just("link"), ids, st.sampled_from(["speaker", "claimant"]), ids),
    st.tuples(st.just("unlink"), ids, st.sampled_from(["speaker", "claimant"]), ids),
)


def run(doc: Document, op: tuple) -> edits.Change:
    kind, *args = op
    if kind == "add":
        return edits.add_annotation(doc, start=args[0], end=args[1], label=args[2],
                                    tagset=TAGSET)
    if kind == "delete":
        return edits.delete_annotation(doc, annotation_id=args[0])
    if kind == "relabel":
        return edits.relabel(doc, annotation_id=args[0], label=args[1],
                             tagset=TAGSET if args[2] else None)
    if kind == "attr":
        return edits.set_attribute(doc, annotation_id=args[0], name=args[1], value=args[2])
    if kind == "note":
        return edits.set_note(doc, annotation_id=args[0], note=args[1])
    if kind == "resize":
        return edits.resize(doc, annotation_id=args[0], start=args[1], end=args[2])
    if kind == "link":
        return edits.link(doc, source_id=args[0], role=args[1], target_id=args[2])
    return edits.unlink(doc, source_id=args[0], role=args[1], target_id=args[2])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operations, max_size=25), st.integers(min_value=1, max_value=4))
def test_random_edits_undo_to_original_and_redo_to_result(ops: list, group_size: int) -> None:
    doc = make_document()
    original = copy_of(doc)
    history = UndoHistory(doc)
    steps = 0
    for start in range(0, len(ops), group_size):
        with history.group("g"):
            for op in ops[start:start + group_size]:
                try:
                    change = run(doc, op)
                except AnnotatorError:
                    continue
                history.do(change)
        steps = len(history._done)
    edited = copy_of(doc)
    assert not doc.annotations.dangling_links()
    for _ in range(steps):
        assert history.undo() is not None
    assert history.undo() is None
    assert doc == original
    assert history.is_clean
    for _ in range(steps):
        history.redo()
    assert doc == edited
    # the interval index agrees with the annotations after all that
    for ann in doc.annotations:
        assert ann in doc.annotations.overlapping(ann.start, ann.end)
