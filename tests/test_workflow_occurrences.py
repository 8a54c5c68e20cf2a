"""Annotate all occurrences: the preview with context and checkboxes."""

from __future__ import annotations

from annotator_ui.occurrences import (
    OccurrencesDialog,
    annotation_changes,
    exact_matches,
    find_occurrences,
)
from PySide6.QtWidgets import QDialogButtonBox

from annotator.model import Document
from annotator.tagset import default_tagset

TEXT = ("👍 قال وزير خارجية لبنان إن لبنان لن يقبل.\n"
        "وفي بيروت، أكّد مسؤول أن لبنان ملتزم بالاتفاق وأن جنوب لبنان آمن.")


def make_document() -> Document:
    document = Document("d1", TEXT)
    return document


def test_the_window_finds_occurrences_with_the_core() -> None:
    # Matching and context are tested in tests/test_occurrences.py; workflow.py's name for
    # the finder is the core's folded, proclitic-aware search.
    assert exact_matches is find_occurrences
    text = TEXT + " ولبنان واللبنانيون"
    assert len(find_occurrences(text, "لبنان")) == 5


def test_preview_unchecks_matches_already_labelled(qtbot) -> None:
    document = make_document()
    spans = find_occurrences(TEXT, "لبنان")
    document.annotate(spans[1][0], spans[1][1], "GPE", annotator="layla")
    # An overlapping longer GPE ("جنوب لبنان") also counts.
    south = TEXT.index("جنوب لبنان")
    document.annotate(south, south + len("جنوب لبنان"), "GPE", annotator="layla")
    dialog = OccurrencesDialog(document, default_tagset(), "لبنان", label="GPE")
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 4
    assert dialog.checked_spans() == [spans[0], spans[2]]
    assert dialog.summary.text() == "2 of 4 selected"
    # Another label: nothing clashes, everything is checked again.
    dialog.label_box.setCurrentIndex(dialog.label_box.findData("LOC"))
    assert dialog.checked_spans() == spans
    assert "【لبنان】" in dialog.list.item(0).text()


def test_ok_gives_the_checked_occurrences(qtbot) -> None:
    # Applying them as one undo step is the session's (tests/test_session.py).
    document = make_document()
    tagset = default_tagset()
    dialog = OccurrencesDialog(document, tagset, "لبنان", label="GPE")
    qtbot.addWidget(dialog)
    dialog.set_checked(3, False)
    spans = dialog.checked_spans()
    assert spans == find_occurrences(TEXT, "لبنان")[:3]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == dialog.DialogCode.Accepted

    for change in annotation_changes(document, spans, dialog.label(), annotator="layla",
                                     tagset=tagset):
        change.apply(document)
    made = document.annotations.sorted()
    assert [(a.start, a.end, a.label, a.annotator) for a in made] == [
        (s, e, "GPE", "layla") for s, e in spans]
    assert len({a.id for a in made}) == 3


def test_nothing_checked_disables_ok(qtbot) -> None:
    dialog = OccurrencesDialog(make_document(), default_tagset(), "لبنان", label="GPE")
    qtbot.addWidget(dialog)
    dialog.check_none.click()
    assert dialog.checked_spans() == []
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.check_all.click()
    assert len(dialog.checked_spans()) == 4
