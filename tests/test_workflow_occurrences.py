"""Annotate all occurrences: preview with context and checkboxes, then one undo step."""

from __future__ import annotations

from annotator_ui.occurrences import (
    OccurrencesDialog,
    annotation_changes,
    context_of,
    exact_matches,
    push_as_one_step,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox

from annotator.edits import Change
from annotator.model import Document
from annotator.tagset import default_tagset

TEXT = ("👍 قال وزير خارجية لبنان إن لبنان لن يقبل.\n"
        "وفي بيروت، أكّد مسؤول أن لبنان ملتزم بالاتفاق وأن جنوب لبنان آمن.")


def make_document() -> Document:
    document = Document("d1", TEXT)
    return document


def test_exact_matches_are_code_point_spans() -> None:
    spans = exact_matches(TEXT, "لبنان")
    assert len(spans) == 4
    assert all(TEXT[s:e] == "لبنان" for s, e in spans)
    assert exact_matches(TEXT, "") == []
    assert exact_matches("aaaa", "aa") == [(0, 2), (2, 4)]


def test_context_stays_on_the_line_and_is_short() -> None:
    start = TEXT.index("لبنان")
    before, after = context_of(TEXT, start, start + 5, words=2)
    assert before == "… وزير خارجية "
    assert after == " إن لبنان …"
    second_line = TEXT.index("بيروت")
    before, _ = context_of(TEXT, second_line, second_line + 5, words=4)
    assert "\n" not in before and before == "وفي "


def test_preview_unchecks_matches_already_labelled(qtbot) -> None:
    document = make_document()
    spans = exact_matches(TEXT, "لبنان")
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


def test_ok_creates_all_checked_as_one_undo_step(qtbot) -> None:
    document = make_document()
    tagset = default_tagset()
    stack = QUndoStack()
    notified: list[Change] = []
    dialog = OccurrencesDialog(document, tagset, "لبنان", label="GPE")
    qtbot.addWidget(dialog)
    dialog.set_checked(3, False)
    spans = dialog.checked_spans()
    assert len(spans) == 3
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == dialog.DialogCode.Accepted

    changes = annotation_changes(document, spans, dialog.label(), annotator="layla",
                                 tagset=tagset)
    count = push_as_one_step(stack, document, changes, notified.append, "Annotate all")
    assert count == 3
    assert stack.count() == 1
    made = document.annotations.sorted()
    assert [(a.start, a.end, a.label, a.annotator) for a in made] == [
        (s, e, "GPE", "layla") for s, e in spans]
    assert len({a.id for a in made}) == 3
    assert len(notified) == 3

    stack.undo()
    assert len(document.annotations) == 0
    stack.redo()
    assert len(document.annotations) == 3


def test_nothing_checked_disables_ok(qtbot) -> None:
    dialog = OccurrencesDialog(make_document(), default_tagset(), "لبنان", label="GPE")
    qtbot.addWidget(dialog)
    dialog.check_none.click()
    assert dialog.checked_spans() == []
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.check_all.click()
    assert len(dialog.checked_spans()) == 4
