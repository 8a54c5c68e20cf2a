"""A paragraph opening with a Latin word but written in Arabic is still laid out right to left.

Arabic news and tweets often start a paragraph with an agency or a handle ("CNN: قال ...",
"@user كلام ..."); Qt's first-strong-character rule alone would make such a paragraph
left-to-right and left-aligned, the Arabic reading out of order across its lines.
"""

from __future__ import annotations

import pytest
from annotator_ui.textview import AnnotatedTextView, mostly_right_to_left
from PySide6.QtCore import QPoint, Qt

from annotator.model import Document
from annotator.tagset import default_tagset

TEXT = ("CNN: قال الرئيس الأمريكي إن المحادثات مع الجانب الإيراني مستمرة منذ أسابيع وإنها "
        "ستنتهي قريباً بعد جولة جديدة من اللقاءات في العاصمة العمانية مسقط.\n"
        "@user كلامك غير صحيح\n"
        "An English paragraph mentioning القاهرة in passing.")


def find(text: str, sub: str) -> tuple[int, int]:
    start = text.index(sub)
    return start, start + len(sub)


def test_mostly_right_to_left() -> None:
    assert mostly_right_to_left("CNN: قال الرئيس")
    assert mostly_right_to_left("@user كلامك غير صحيح")
    assert not mostly_right_to_left("An English paragraph mentioning القاهرة in passing.")
    assert not mostly_right_to_left("2024 - 15")


@pytest.fixture()
def view(qtbot):  # type: ignore[no-untyped-def]
    widget = AnnotatedTextView()
    qtbot.addWidget(widget)
    widget.resize(620, 400)
    return widget


def show(qtbot, view: AnnotatedTextView, document: Document) -> None:  # type: ignore[no-untyped-def]
    view.set_document(document, default_tagset())
    view.show()
    qtbot.waitExposed(view)


def check_layout(view: AnnotatedTextView, ids: dict[str, str]) -> None:
    right = view.viewport().width()
    cnn = view.annotation_rects(ids["cnn"])
    said = view.annotation_rects(ids["said"])
    soon = view.annotation_rects(ids["soon"])
    handle = view.annotation_rects(ids["handle"])
    english = view.annotation_rects(ids["english"])
    # "CNN" opens the first line at its right edge, the Arabic follows to its left
    assert len(cnn) == 1 and cnn[0].right() > right - 30
    assert said[0].right() < cnn[0].left()
    # the paragraph wraps, and each of its lines is right-aligned, its last one too
    assert soon[0].top() > cnn[0].bottom()
    layout = view.document().firstBlock().layout()
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        assert line.naturalTextRect().right() == pytest.approx(
            line.position().x() + line.width(), abs=2)
    assert handle[0].right() > right - 30
    # a Latin paragraph with one Arabic word stays left to right
    assert english[0].left() < 30


def test_latin_opening_arabic_paragraphs_are_right_to_left(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    document = Document("d", TEXT)
    ids = {
        "cnn": document.annotate(*find(TEXT, "CNN"), "ORG").id,
        "said": document.annotate(*find(TEXT, "قال"), "MISC").id,
        "soon": document.annotate(*find(TEXT, "العمانية مسقط"), "LOC").id,
        "handle": document.annotate(*find(TEXT, "@user"), "PER").id,
        "english": document.annotate(*find(TEXT, "An English"), "MISC").id,
    }
    show(qtbot, view, document)
    check_layout(view, ids)
    # clicks find the spans where they are drawn
    point = view.annotation_rects(ids["cnn"])[0].center().toPoint()
    assert [a.id for a in view.annotations_at(point)] == [ids["cnn"]]
    # Shift+Left from the paragraph's start selects forwards (visual order, right to left)
    view.setFocus()
    start = TEXT.index("قال")
    view.select_span(start, start)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_span() == (start, start + 3)
    # Qt lays blocks out again on a resize: the direction holds
    view.resize(560, 400)
    qtbot.waitUntil(lambda: view.viewport().width() < 600)
    view.viewport().repaint()
    check_layout(view, ids)
    corner = QPoint(view.viewport().width() - 14, 20)
    assert view.cursorForPosition(corner).block().blockNumber() == 0
