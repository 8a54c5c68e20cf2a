"""The annotation list model: Qt's model checks, single-row updates, filters."""

from __future__ import annotations

import pytest
from annotator_ui.annotation_model import (
    ID_ROLE,
    AnnotationFilterModel,
    AnnotationTableModel,
    one_line,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt

from annotator import edits
from annotator.errors import AnnotatorError
from annotator.model import Document
from annotator.session import UndoHistory
from annotator.tagset import default_tagset

TEXT = "قال وزير الخارجية 😀 لـ«البيان» إن الاتفاق\nقريب جدا."


def make_document() -> Document:
    doc = Document("m1", TEXT)
    for word, label, who, note in (("وزير الخارجية", "PER", "x", ""),
                                   ("البيان", "ORG", "y", ""),
                                   ("الاتفاق\nقريب", "QUOTE", "x", "long one")):
        start = TEXT.index(word)
        doc.annotate(start, start + len(word), label, annotator=who, note=note)
    return doc


def row_ids(model: AnnotationTableModel) -> list[str]:
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


@pytest.mark.parametrize("checked", ["model", "proxy"])
def test_model_passes_qtmodeltester_through_edits(qtmodeltester, checked) -> None:  # type: ignore[no-untyped-def]
    doc = make_document()
    model = AnnotationTableModel()
    model.set_document(doc, default_tagset())
    proxy = AnnotationFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(model if checked == "model" else proxy, force_py=True)
    history = UndoHistory(doc)

    def do(change: edits.Change) -> None:
        history.do(change)
        model.annotations_changed(change.after, change.removed)

    do(edits.add_annotation(doc, start=0, end=3, label="PER"))
    do(edits.resize(doc, annotation_id="a3", start=1, end=2))
    do(edits.relabel(doc, annotation_id="a2", label="GPE"))
    do(edits.delete_annotation(doc, annotation_id="a1"))
    assert row_ids(model) == [a.id for a in doc.annotations.sorted()]
    proxy.set_label("PER")
    assert proxy.rowCount() == 1
    proxy.set_text("long")
    assert proxy.rowCount() == 0
    proxy.set_label("")
    assert proxy.rowCount() == 1  # the quote, by its note
    assert proxy.index(0, 0).data(ID_ROLE) == "a3"
    proxy.set_text("")
    assert proxy.rowCount() == 3


def test_single_edits_signal_single_rows(qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = make_document()
    model = AnnotationTableModel()
    model.set_document(doc, default_tagset())
    change = edits.add_annotation(doc, start=19, end=20, label="MISC")
    change.apply(doc)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.annotations_changed(change.after, change.removed)
    assert inserted.args[1:] == [1, 1]  # between PER and ORG
    note = edits.set_note(doc, annotation_id="a2", note="n")
    note.apply(doc)
    with qtbot.waitSignal(model.dataChanged) as changed, \
            qtbot.assertNotEmitted(model.modelReset):
        model.annotations_changed(note.after, note.removed)
    assert changed.args[0].row() == model.row_of("a2")
    gone = edits.delete_annotation(doc, annotation_id="a1")
    gone.apply(doc)
    with qtbot.waitSignal(model.rowsRemoved) as removed:
        model.annotations_changed(gone.after, gone.removed)
    assert removed.args[1:] == [0, 0]
    assert row_ids(model) == [a.id for a in doc.annotations.sorted()]


def test_cells() -> None:
    doc = make_document()
    model = AnnotationTableModel()
    model.set_document(doc, default_tagset())
    row = model.row_of("a3")
    assert model.index(row, 0).data() == "الاتفاق ⏎ قريب"
    assert model.index(row, 1).data() == "Quote"
    assert model.index(row, 2).data() == "x"
    start = TEXT.index("الاتفاق")
    assert model.index(row, 3).data() == f"{start}–{start + 12}"
    assert model.index(row, 1).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.index(99, 0) == QModelIndex()
    assert one_line("x" * 100, 10) == "x" * 9 + "…"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["link", "unlink", "delete", "undo"]),
                          st.integers(1, 4), st.integers(1, 4)), max_size=20))
def test_back_links_follow_every_change(steps: list[tuple[str, int, int]]) -> None:
    doc = make_document()
    doc.annotate(0, 3, "PER")
    back = doc.annotations
    back.pointing_to("a1")  # the index is built now, then kept up to date
    history = UndoHistory(doc)
    for kind, source, target in steps:
        source_id, target_id = f"a{source}", f"a{target}"
        try:
            if kind == "link":
                change = edits.link(doc, source_id=source_id, role="speaker",
                                    target_id=target_id)
            elif kind == "unlink":
                change = edits.unlink(doc, source_id=source_id, role="speaker",
                                      target_id=target_id)
            elif kind == "delete":
                change = edits.delete_annotation(doc, annotation_id=source_id)
            else:
                history.undo()
                continue
        except AnnotatorError:
            continue
        history.do(change)
    for annotation_id in ["a1", "a2", "a3", "a4"]:
        expected = sorted((a for a in doc.annotations
                           if any(x.target == annotation_id for x in a.links)),
                          key=lambda a: a.id)  # a scan of every annotation
        assert back.pointing_to(annotation_id) == expected
