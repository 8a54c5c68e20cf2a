"""The annotated text view, as a real widget (offscreen) with pytest-qt."""

from __future__ import annotations

import pytest
from annotator_ui.textview import AnnotatedTextView
from PySide6.QtCore import Qt

from annotator.model import Document
from annotator.tagset import default_tagset

MIXED = ("قال John Smith إن 24 شخصا 🙂 وصلوا إلى «البيان» 🇸🇦 أمس.\r\n"
         "A Latin paragraph, with 2015 and (brackets).\n"
         "ذهب 👨\u200d👩\u200d👧 إلى والبوكمال صباحاً.")


def find(text: str, sub: str, context: str | None = None) -> tuple[int, int]:
    start = text.index(sub, text.index(context) if context else 0)
    return start, start + len(sub)


@pytest.fixture()
def view(qtbot):
    widget = AnnotatedTextView()
    widget.resize(700, 400)
    qtbot.addWidget(widget)
    return widget


def show(qtbot, view, document: Document) -> None:
    view.set_document(document, default_tagset())
    view.show()
    qtbot.waitExposed(view)
    view.viewport().repaint()


def test_select_span_round_trips_code_points(qtbot, view) -> None:
    document = Document("d", MIXED)
    show(qtbot, view, document)
    for sub in ("John Smith", "شخصا 🙂 وصلوا", "«البيان» 🇸🇦", "والبوكمال", "with 2015"):
        start, end = find(MIXED, sub)
        with qtbot.waitSignal(view.span_selection_changed) as signal:
            view.select_span(start, end)
        assert signal.args == [start, end]
        assert view.selected_span() == (start, end)
        assert view.textCursor().selectedText() == sub


def test_click_emits_and_cycles_innermost_first(qtbot, view) -> None:
    document = Document("d", MIXED)
    claim = document.annotate(*find(MIXED, "John Smith إن 24"), "CLAIM", annotator="a")
    person = document.annotate(*find(MIXED, "John Smith"), "PER", annotator="a")
    show(qtbot, view, document)
    point = view.annotation_rects(person.id)[0].center().toPoint()
    found = [a.id for a in view.annotations_at(point)]
    assert found == [person.id, claim.id]
    with qtbot.waitSignal(view.annotation_clicked) as first:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert first.args == [person.id]
    with qtbot.waitSignal(view.annotation_clicked) as second:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert second.args == [claim.id]
    assert view.current_annotation() == claim.id
