"""The annotated text view, as a real widget (offscreen) with pytest-qt."""

from __future__ import annotations

import pytest
from annotator_ui.positions import normalise_line_breaks
from annotator_ui.textview import AnnotatedTextView, preferred_arabic_font
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QTextLayout, QTextOption
from PySide6.QtWidgets import QToolTip

from annotator.model import Document, Link
from annotator.tagset import default_tagset

MIXED = ("قال John Smith إن 24 شخصا 🙂 وصلوا إلى «البيان» 🇸🇦 أمس.\r\n"
         "A Latin paragraph, with 2015 and (brackets).\n"
         "ذهب 👨\u200d👩\u200d👧 إلى والبوكمال صباحاً.\u2028سطر ثانٍ في الفقرة نفسها.")


def find(text: str, sub: str, context: str | None = None) -> tuple[int, int]:
    start = text.index(sub, text.index(context) if context else 0)
    return start, start + len(sub)


@pytest.fixture()
def view(qtbot):
    widget = AnnotatedTextView()
    widget.resize(700, 400)
    qtbot.addWidget(widget)
    return widget


def show(qtbot, view: AnnotatedTextView, document: Document) -> None:
    view.set_document(document, default_tagset())
    view.show()
    qtbot.waitExposed(view)
    paint(view)


def paint(view: AnnotatedTextView) -> QImage:
    """Paint the viewport now (``repaint`` may be deferred offscreen) and return the image."""
    return view.viewport().grab().toImage()


def block_of(view: AnnotatedTextView, cp: int):
    return view.document().findBlock(view.position_map().to_qt(cp))


def block_geometry(view: AnnotatedTextView) -> list[tuple]:
    """Line breaks, widths and positions of every laid-out block."""
    found = []
    block = view.document().firstBlock()
    while block.isValid():
        layout = block.layout()
        lines = [layout.lineAt(i) for i in range(layout.lineCount())]
        found.append(tuple((line.textStart(), line.textLength(), line.naturalTextWidth(),
                            line.x(), line.y()) for line in lines))
        block = block.next()
    return found


def glyph_indexes(block) -> list[list[int]]:
    """Glyphs of a block as shaped (a block layout needs an explicit range)."""
    runs = block.layout().glyphRuns(0, block.length())
    assert runs
    return [list(run.glyphIndexes()) for run in runs]


# -- positions and selection -----------------------------------------------------------------
def test_select_span_round_trips_code_points(qtbot, view) -> None:
    document = Document("d", MIXED)
    show(qtbot, view, document)
    for sub in ("John Smith", "شخصا 🙂 وصلوا", "«البيان» 🇸🇦", "والبوكمال", "with 2015",
                "أمس.\r\nA Latin", "👨\u200d👩\u200d👧 إلى", "صباحاً.\u2028سطر"):
        start, end = find(MIXED, sub)
        with qtbot.waitSignal(view.span_selection_changed) as signal:
            view.select_span(start, end)
        assert signal.args == [start, end]
        assert view.selected_span() == (start, end)
        assert view.textCursor().selectedText() == normalise_line_breaks(sub)


PIECES = ["ب", "ك", "ُ", "ّ", " ", "1", "«", "»", "(", "a", "\r\n", "\r", "\n", "\u2028",
          "🙂", "🇸🇦", "👨\u200d👩\u200d👧", "\u200f"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join), st.data())
def test_any_span_selects_exactly_its_characters(qapp, text: str, data) -> None:
    view = AnnotatedTextView()
    view.set_document(Document("d", text), default_tagset())
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    if 0 < start < len(text) and text[start - 1:start + 1] == "\r\n":
        start -= 1  # not inside a line break
    if 0 < end < len(text) and text[end - 1:end + 1] == "\r\n":
        end += 1
    view.select_span(start, end)
    assert view.selected_span() == (None if end == start else (start, end))
    assert view.textCursor().selectedText() == normalise_line_breaks(text[start:end])
    view.deleteLater()


def test_no_selection_reports_none(qtbot, view) -> None:
    show(qtbot, view, Document("d", MIXED))
    view.select_span(3, 3)
    assert view.selected_span() is None


def test_shift_arrows_follow_the_visual_direction(qtbot, view) -> None:
    document = Document("d", MIXED)
    show(qtbot, view, document)
    view.setFocus()
    view.select_span(0, 0)  # logical start of an Arabic line: its right edge
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_span() == (0, 3)
    assert MIXED[0:3] == "قال"
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_span() == (0, 2)
    # In the Latin paragraph Shift+Right grows the selection forwards.
    start, _ = find(MIXED, "A Latin")
    view.select_span(start, start)
    for _ in range(7):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_span() == (start, start + 7)
    assert view.textCursor().selectedText() == "A Latin"


def test_double_click_selects_the_core_word(qtbot, view) -> None:
    document = Document("d", MIXED)
    show(qtbot, view, document)
    start, end = find(MIXED, "والبوكمال")
    view.select_span(start + 3, start + 4)
    rect = view.cursorRect(view.textCursor())
    view.select_span(0, 0)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected_span() == (start, end)


def test_text_cannot_be_changed(qtbot, view) -> None:
    document = Document("d", MIXED)
    show(qtbot, view, document)
    view.setFocus()
    qtbot.keyClicks(view, "xyz")
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert view.isReadOnly()
    assert view.document().characterCount() - 1 == view.position_map().qt_length
    assert document.text == MIXED


# -- highlights ------------------------------------------------------------------------------
def test_click_emits_and_cycles_innermost_first(qtbot, view) -> None:
    document = Document("d", MIXED)
    claim = document.annotate(*find(MIXED, "John Smith إن 24"), "CLAIM", annotator="a")
    person = document.annotate(*find(MIXED, "John Smith"), "PER", annotator="a")
    show(qtbot, view, document)
    view.annotation_clicked.connect(view.set_current_annotation)  # as the window does
    point = view.annotation_rects(person.id)[0].center().toPoint()
    assert [a.id for a in view.annotations_at(point)] == [person.id, claim.id]
    with qtbot.waitSignal(view.annotation_clicked) as first:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert first.args == [person.id]
    with qtbot.waitSignal(view.annotation_clicked) as second:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert second.args == [claim.id]
    assert view.current_annotation() == claim.id
    with qtbot.waitSignal(view.annotation_clicked) as third:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert third.args == [person.id]


def test_click_outside_highlights_emits_nothing(qtbot, view) -> None:
    document = Document("d", MIXED)
    document.annotate(*find(MIXED, "John Smith"), "PER")
    show(qtbot, view, document)
    with qtbot.assertNotEmitted(view.annotation_clicked):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(5, view.viewport().height() - 5))


@pytest.mark.parametrize(("sub", "pieces"), [
    ("قال John", 2),  # "قال " on the right, "John" left of it, "Smith" between them
    ("John Smith إن 24", 1),  # the Latin run, "إن " and the digits: adjacent on screen
    ("وصلوا", 1),  # after an emoji (a surrogate pair in Qt)
    ("«البيان» 🇸🇦", 1),  # brackets and a flag (two astral characters)
    ("إلى والبوكمال", 1),  # after a ZWJ family in the third paragraph
    ("نفسها", 1),  # on the second line of a paragraph (after U+2028)
    ("Latin paragraph, with 2015", 1),
])
def test_rectangles_cover_exactly_the_span_characters(qtbot, view, sub, pieces) -> None:
    """A span over Arabic, Latin, digits and emoji covers its characters and no others."""
    document = Document("d", MIXED)
    start, end = find(MIXED, sub)
    span = document.annotate(start, end, "QUOTE")
    show(qtbot, view, document)
    rects = view.annotation_rects(span.id)
    assert len(rects) == pieces
    positions = view.position_map()
    block = block_of(view, start)
    layout = block.layout()
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    first = positions.from_qt(block.position())
    last = positions.from_qt(block.position() + block.length() - 1)
    checked = 0
    for cp in range(first, last):
        if MIXED[cp] in "\u200d\u2028":
            continue  # no glyph of its own
        local = positions.to_qt(cp) - block.position()
        line = layout.lineForTextPosition(local)
        runs = line.glyphRuns(local, positions.to_qt(cp + 1) - positions.to_qt(cp))
        if not runs:
            continue
        centre = runs[0].boundingRect().center() + origin
        centre.setY(origin.y() + line.y() + line.height() / 2)
        covered = any(rect.contains(centre) for rect in rects)
        assert covered == (start <= cp < end), (cp, MIXED[cp])
        checked += 1
    assert checked > 20


@pytest.mark.parametrize("sub", ["Latin paragraph", "والبوكمال", "شخصا"])
def test_rectangles_meet_qt_cursor_positions(qtbot, view, sub) -> None:
    """The edges of a one-word highlight are where Qt itself puts the cursor."""
    document = Document("d", MIXED)
    start, end = find(MIXED, sub)
    span = document.annotate(start, end, "LOC")
    show(qtbot, view, document)
    [rect] = view.annotation_rects(span.id)
    view.select_span(start, start)
    start_x = view.cursorRect().left()
    view.select_span(end, end)
    end_x = view.cursorRect().left()
    if start_x > end_x:  # right to left
        assert rect.right() == pytest.approx(start_x, abs=1.5)
        assert rect.left() == pytest.approx(end_x, abs=1.5)
    else:
        assert rect.left() == pytest.approx(start_x, abs=1.5)
        assert rect.right() == pytest.approx(end_x, abs=1.5)


def test_highlights_do_not_change_layout_or_shaping(qtbot, view) -> None:
    text = "مصادر لـ«البيان»: قيادات «داعش» غادرت ريف والبوكمال قبل 5 أشهر\n" * 6
    document = Document("d", text)
    show(qtbot, view, document)
    before = block_geometry(view)
    glyphs_before = glyph_indexes(block_of(view, 0))
    document.annotate(*find(text, "البيان"), "ORG")
    document.annotate(*find(text, "البوكمال"), "LOC")
    document.annotate(*find(text, "لبوك"), "MISC")  # starts and ends inside a word
    document.annotate(*find(text, "مصادر لـ«البيان»: قيادات"), "QUOTE")
    view.annotations_changed(list(document.annotations))
    paint(view)
    assert view.paint_stats["spans"] == 4
    assert block_geometry(view) == before
    assert glyph_indexes(block_of(view, 0)) == glyphs_before


def test_highlighted_word_is_shaped_as_one_joined_word(qtbot, view) -> None:
    """Glyphs equal those of the whole line shaped at once, not of separately shaped pieces."""
    text = "ذهب إلى والبوكمال صباحاً"
    document = Document("d", text)
    document.annotate(*find(text, "البوكمال"), "LOC")
    document.annotate(*find(text, "لبوك"), "MISC")
    show(qtbot, view, document)
    block = block_of(view, 0)

    def shaped(pieces: list[str]) -> list[int]:
        found = []
        for piece in pieces:
            layout = QTextLayout(piece, view.font())
            option = QTextOption()
            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            layout.setTextOption(option)
            layout.beginLayout()
            layout.createLine()
            layout.endLayout()
            found.extend(sorted(g for run in layout.glyphRuns() for g in run.glyphIndexes()))
        return sorted(found)

    whole = shaped([text])
    start, end = find(text, "لبوك")
    split = shaped([text[:start], text[start:end], text[end:]])
    assert whole != split  # separately shaped pieces take other letter forms
    in_view = sorted(g for run in glyph_indexes(block) for g in run)
    assert in_view == whole


def ink_coverage(image: QImage, area: QRect) -> list[float]:
    """How much of each pixel of ``area`` text covers, whatever the background under it.

    Coverage is how much darker a pixel is than the background of its column (the lightest
    pixel of that column in ``area``), so a translucent highlight behind the text does not
    change it; glyphs of other shapes do.
    """
    rows = range(area.top(), area.bottom() + 1)
    coverage = []
    for x in range(area.left(), area.right() + 1):
        column = [QColor(image.pixel(x, y)).lightness() for y in rows]
        background = max(max(column), 1)
        coverage.extend(1 - value / background for value in column)
    return coverage


def ink_changes(first: list[float], second: list[float]) -> int:
    """Pixels whose text coverage differs clearly (anti-aliasing aside)."""
    return sum(abs(a - b) > 0.4 for a, b in zip(first, second, strict=True))


def test_rendered_word_keeps_its_ink_under_a_highlight(qtbot, view) -> None:
    text = "وعلمت «البيان» من مصادر في والبوكمال أمس"
    plain = Document("d", text)
    show(qtbot, view, plain)
    block = block_of(view, 0)
    line = block.layout().lineAt(0)
    top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top() + line.y()
    # The text's own rows: underlines of nested spans are drawn below them.
    area = QRect(0, int(top), view.viewport().width(), int(line.ascent() + line.descent()))
    without = paint(view)
    reference = ink_coverage(without, area)
    ink = sum(value > 0.5 for value in reference)
    marked = Document("d", text)
    marked.annotate(*find(text, "البوكمال"), "LOC")
    marked.annotate(*find(text, "لبوك"), "MISC")  # edges inside the word
    marked.annotate(*find(text, "البيان"), "ORG")
    show(qtbot, view, marked)
    with_spans = paint(view)
    assert with_spans != without  # the highlights are painted
    assert ink_changes(ink_coverage(with_spans, area), reference) <= ink // 100
    # Control: the same word with its joining broken inside changes the ink a lot.
    broken = Document("d", text.replace("لبوك", "ل\u200cبوك"))
    show(qtbot, view, broken)
    assert ink_changes(ink_coverage(paint(view), area), reference) > ink // 10


def test_paints_only_visible_blocks(qtbot, view) -> None:
    paragraph = "قال الرئيس إن «الاتفاق» مع شركة Acme يشمل 3 مدن.\n"
    text = paragraph * 3000
    document = Document("d", text)
    for number in range(3000):
        base = number * len(paragraph)
        document.annotate(base + 4, base + 10, "PER", annotator="a")
        document.annotate(base, base + 30, "QUOTE", annotator="b")
    show(qtbot, view, document)
    line_height = view.fontMetrics().height()
    bound = view.viewport().height() // line_height + 2
    assert view._layout.blocks_finished < 3000 // 20  # per-block work stays lazy
    assert 0 < view.paint_stats["blocks"] <= bound
    assert 0 < view.paint_stats["spans"] <= 2 * bound
    scrollbar = view.verticalScrollBar()
    scrollbar.setValue(scrollbar.maximum() // 2)
    paint(view)
    assert 0 < view.paint_stats["blocks"] <= bound
    assert 0 < view.paint_stats["spans"] <= 2 * bound


def test_one_huge_paragraph_paints_only_its_visible_lines(qtbot, view) -> None:
    sentence = "قال الرئيس إن «الاتفاق» مع شركة Acme يشمل 3 مدن. "
    text = sentence * 3000  # one block of about a thousand lines
    document = Document("d", text)
    for number in range(3000):
        document.annotate(number * len(sentence) + 4, number * len(sentence) + 10, "PER")
    show(qtbot, view, document)
    assert view.document().blockCount() == 1
    lines = view.viewport().height() // view.fontMetrics().height() + 2
    assert 0 < view.paint_stats["spans"] <= 2 * lines
    scrollbar = view.verticalScrollBar()
    scrollbar.setValue(scrollbar.maximum() // 2)
    paint(view)
    assert 0 < view.paint_stats["spans"] <= 2 * lines
    centre = view.viewport().rect().center()
    number = view.position_map().from_qt(view.cursorForPosition(centre).position()) // len(
        sentence)
    assert number > 3000 // 4
    [rect] = view.annotation_rects(f"a{number + 1}")
    assert [a.id for a in view.annotations_at(rect.center())] == [f"a{number + 1}"]


def test_adding_and_removing_updates_what_is_shown(qtbot, view) -> None:
    document = Document("d", MIXED)
    document.annotate(*find(MIXED, "John"), "PER")
    show(qtbot, view, document)
    qtbot.waitUntil(lambda: view.index_ready)  # built after the first paint
    added = document.annotate(*find(MIXED, "والبوكمال"), "LOC", annotator="sara")
    view.annotations_changed([added])
    paint(view)
    rects = view.annotation_rects(added.id)
    assert rects
    point = rects[0].center().toPoint()
    assert [a.id for a in view.annotations_at(point)] == [added.id]
    view.set_current_annotation(added.id)
    removed = document.annotations.remove(added.id)
    view.annotations_changed(removed=[removed])
    paint(view)
    assert view.annotations_at(point) == []
    assert view.current_annotation() is None


def test_tooltip_names_every_span_at_the_point(qtbot, view) -> None:
    document = Document("d", MIXED)
    person = document.annotate(*find(MIXED, "Smith"), "PER", annotator="ali")
    quote = document.annotate(*find(MIXED, "John Smith إن 24"), "QUOTE", annotator="sara",
                              attributes={"type": "direct"}, note="check the source",
                              links=[Link("speaker", person.id)])
    show(qtbot, view, document)
    point = view.annotation_rects(person.id)[0].center().toPoint()
    text = view.tooltip_text(view.annotations_at(point))
    for expected in ("Person", "PER", "ali", "Quote", "sara", "Quotation: direct",
                     "check the source",
                     f"Speaker: \u2068«Smith»\u2069 (\u2068{person.id}\u2069)"):
        assert expected in text
    assert text.index("Person") < text.index("Quote")  # innermost first
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    assert view.viewportEvent(event)
    assert "check the source" in QToolTip.text()
    assert quote.id in [a.id for a in view.annotations_at(point)]
    view.set_display_language("ar")
    assert "اقتباس" in view.tooltip_text([quote]) and "المتحدث" in view.tooltip_text([quote])


def test_label_filter_and_colour_mode(qtbot, view) -> None:
    document = Document("d", MIXED)
    person = document.annotate(*find(MIXED, "John Smith"), "PER", annotator="ali")
    document.annotate(*find(MIXED, "البيان"), "ORG", annotator="sara")
    show(qtbot, view, document)
    assert view.paint_stats["spans"] == 2
    view.set_label_filter({"ORG"})
    paint(view)
    assert view.paint_stats["spans"] == 1
    assert view.annotation_rects(person.id) == []
    view.set_label_filter(None)
    view.set_colour_mode("annotator")
    assert view.colour_mode() == "annotator"
    assert view._colour(person) != QColor(default_tagset().get("PER").color)
    with pytest.raises(ValueError):
        view.set_colour_mode("rainbow")


def test_current_annotation_is_outlined(qtbot, view) -> None:
    document = Document("d", MIXED)
    person = document.annotate(*find(MIXED, "John Smith"), "PER")
    show(qtbot, view, document)
    rect = view.annotation_rects(person.id)[0]
    before = paint(view)
    view.set_current_annotation(person.id)
    paint(view)
    after = paint(view)
    edge = QPoint(int(rect.center().x()), int(rect.top()) - 1)
    assert before.pixel(edge) != after.pixel(edge)


# -- direction, fonts, zoom, spacing ---------------------------------------------------------
def test_each_paragraph_takes_its_own_direction_and_alignment(qtbot, view) -> None:
    document = Document("d", MIXED)
    show(qtbot, view, document)
    arabic = block_of(view, 0)
    latin = block_of(view, find(MIXED, "A Latin")[0])
    assert arabic.textDirection() == Qt.LayoutDirection.RightToLeft
    assert latin.textDirection() == Qt.LayoutDirection.LeftToRight
    assert arabic.layout().textOption().alignment() & Qt.AlignmentFlag.AlignRight
    assert latin.layout().textOption().alignment() & Qt.AlignmentFlag.AlignLeft
    width = view.viewport().width()
    arabic_line = arabic.layout().lineAt(0).naturalTextRect()
    latin_line = latin.layout().lineAt(0).naturalTextRect()
    assert arabic_line.right() > width - 20 and arabic_line.left() > 20
    assert latin_line.left() < 20 and latin_line.right() < width - 20


def test_directions_survive_a_resize(qtbot, view) -> None:
    document = Document("d", MIXED)
    show(qtbot, view, document)
    view.resize(500, 400)
    paint(view)
    line = block_of(view, 0).layout().lineAt(0).naturalTextRect()
    assert line.right() > view.viewport().width() - 20


def test_preferred_font_is_arabic_capable(qapp) -> None:
    from PySide6.QtGui import QFontDatabase

    font = preferred_arabic_font(18)
    assert font.pointSizeF() == 18
    arabic = QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)
    if arabic:
        assert font.family() in arabic


def test_zoom_keys_and_slots(qtbot, view) -> None:
    show(qtbot, view, Document("d", MIXED))
    size = view.font().pointSizeF()
    view.zoom_in()
    assert view.font().pointSizeF() == size + 1
    view.zoom_out()
    view.zoom_out()
    assert view.font().pointSizeF() == size - 1
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.font().pointSizeF() == size
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.font().pointSizeF() == size - 1


def test_lines_are_spaced_apart(qtbot, view) -> None:
    document = Document("d", "كلام " * 400)
    show(qtbot, view, document)
    layout = view.document().firstBlock().layout()
    assert layout.lineCount() > 2
    first, second = layout.lineAt(0), layout.lineAt(1)
    assert second.y() - first.y() == pytest.approx(first.height() * 1.5, abs=1)
    assert QPointF(first.position()).y() > 0  # half the extra space above the first line


@pytest.mark.parametrize("how", ["widget", "application"])
def test_paragraph_directions_ignore_the_interface_direction(qtbot, qapp, how) -> None:
    """An Arabic interface (right-to-left widgets) keeps a Latin paragraph left-to-right."""
    previous = qapp.layoutDirection()
    try:
        if how == "application":
            qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        view = AnnotatedTextView()
        view.resize(700, 400)
        qtbot.addWidget(view)
        if how == "widget":
            view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        show(qtbot, view, Document("d", MIXED))
        latin = block_of(view, find(MIXED, "A Latin")[0])
        assert latin.layout().lineAt(0).naturalTextRect().left() < 20
        arabic = block_of(view, 0)
        line = arabic.layout().lineAt(0).naturalTextRect()
        assert line.right() > view.viewport().width() - 20
    finally:
        qapp.setLayoutDirection(previous)


def test_keyboard_paging_moves_through_the_text(qtbot, view) -> None:
    paragraph = "قال الرئيس إن «الاتفاق» مع شركة Acme يشمل 3 مدن وسيوقع غدا في الرياض.\n"
    document = Document("d", paragraph * 300)
    show(qtbot, view, document)
    view.setFocus()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.verticalScrollBar().value() > 0
    assert view.viewport().rect().contains(view.cursorRect())
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    span = view.selected_span()
    assert span is not None and span[1] - span[0] > len(paragraph) * 3
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.textCursor().position() == view.position_map().qt_length
