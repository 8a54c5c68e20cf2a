"""Links, label names, nesting lanes and search hits as the text view paints them: real
widgets offscreen, checked on the pixels of the grabbed viewport."""

from __future__ import annotations

from dataclasses import replace

import pytest
from annotator_ui.nesting_lanes import lane_offset, nesting_heights
from annotator_ui.search_marks import CURRENT_HIT_COLOUR, HIT_COLOUR
from annotator_ui.textview import AnnotatedTextView
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from annotator.model import Annotation, Document, Link
from annotator.tagset import default_tagset

TAGSET = default_tagset()
# One right-to-left line: the speaker (said first, on the right) and the quote (on the left).
RTL = "قال فيصل بن فرحان إن «المملكة تدعم الحل السياسي»."


def find(text: str, sub: str, context: str | None = None) -> tuple[int, int]:
    start = text.index(sub, text.index(context) if context else 0)
    return start, start + len(sub)


def linked(document: Document, source: Annotation, role: str, target: Annotation) -> None:
    document.annotations.replace(replace(source, links=(Link(role, target.id),)))


@pytest.fixture()
def view(qtbot) -> AnnotatedTextView:  # type: ignore[no-untyped-def]
    widget = AnnotatedTextView()
    widget.resize(760, 360)
    qtbot.addWidget(widget)
    return widget


def show(qtbot, view: AnnotatedTextView, document: Document) -> QImage:  # type: ignore[no-untyped-def]
    view.set_document(document, TAGSET)
    view.show()
    qtbot.waitExposed(view)
    return grab(view)


def grab(view: AnnotatedTextView) -> QImage:
    return view.viewport().grab().toImage()


def rect_of(view: AnnotatedTextView, annotation_id: str) -> QRectF:
    rects = view.annotation_rects(annotation_id)
    assert rects, f"{annotation_id} is not on screen"
    united = QRectF()
    for rect in rects:
        united = united.united(rect)
    return united


def changed_pixels(before: QImage, after: QImage) -> list[tuple[int, int]]:
    return [(x, y) for y in range(before.height()) for x in range(before.width())
            if before.pixel(x, y) != after.pixel(x, y)]


def close_to(pixel: int, colour: QColor, tolerance: int = 40) -> bool:
    found = QColor(pixel)
    return (abs(found.red() - colour.red()) + abs(found.green() - colour.green())
            + abs(found.blue() - colour.blue())) <= tolerance


# -- arcs -------------------------------------------------------------------------------------
def test_the_arc_of_a_quote_to_its_speaker_lies_between_them_on_a_right_to_left_line(
        qtbot, view) -> None:  # type: ignore[no-untyped-def]
    document = Document("d", RTL)
    speaker = document.annotate(*find(RTL, "فيصل بن فرحان"), "PER")
    quote = document.annotate(*find(RTL, "«المملكة تدعم الحل السياسي»"), "QUOTE")
    linked(document, quote, "speaker", speaker)
    before = show(qtbot, view, document)
    speaker_rect, quote_rect = rect_of(view, speaker.id), rect_of(view, quote.id)
    assert speaker_rect.left() > quote_rect.right()  # right to left: the speaker is right
    view.set_current_annotation(quote.id)
    after = grab(view)
    (arc,) = view.last_arcs
    assert (arc.link.source.id, arc.link.role, arc.link.target.id) == \
        (quote.id, "speaker", speaker.id)
    # The arc's own pixels: changed, and outside both spans' rectangles (not the outline).
    outline = quote_rect.adjusted(-3, -3, 3, 3)
    drawn = [(x, y) for x, y in changed_pixels(before, after)
             if not outline.contains(x, y) and not speaker_rect.contains(x, y)]
    assert len(drawn) > 50
    xs = [x for x, _y in drawn]
    assert min(xs) >= quote_rect.center().x() - 3
    assert max(xs) <= speaker_rect.center().x() + 6
    assert max(y for _x, y in drawn) <= speaker_rect.top() + 2  # it rises above the line
    # The speaker made current shows the same link, made to it.
    view.set_current_annotation(speaker.id)
    grab(view)
    assert [a.link.source.id for a in view.last_arcs] == [quote.id]
    view.set_current_annotation(None)
    assert grab(view) == before and view.last_arcs == []


def test_a_link_to_a_span_broken_over_two_lines_joins_the_pieces_on_one_line(
        qtbot, view) -> None:  # type: ignore[no-untyped-def]
    text = ("أعلن المتحدث باسم التحالف تركي المالكي في بيان " +
            "«أن العمليات العسكرية مستمرة في اليمن حتى تحقيق أهدافها كاملة وعودة الشرعية "
            "إلى صنعاء» وفق ما نقلته الوكالة.")
    document = Document("d", text)
    speaker = document.annotate(*find(text, "تركي المالكي"), "PER")
    quote = document.annotate(text.index("«أن"), text.index("» وفق") + 1, "QUOTE")
    linked(document, quote, "speaker", speaker)
    view.resize(520, 300)
    show(qtbot, view, document)
    quote_tops = {round(r.top()) for r in view.annotation_rects(quote.id)}
    assert len(quote_tops) >= 2  # the quote runs over a line break
    view.set_current_annotation(quote.id)
    grab(view)
    (arc,) = view.last_arcs
    speaker_rect = rect_of(view, speaker.id)
    start, end = arc.path.pointAtPercent(0), arc.path.pointAtPercent(1)
    assert abs(end.y() - speaker_rect.top()) < 1 and abs(start.y() - speaker_rect.top()) < 1


def test_a_link_whose_end_is_scrolled_away_runs_to_the_edge_with_its_words(
        qtbot, view) -> None:  # type: ignore[no-untyped-def]
    filler = "\n".join(f"سطر رقم {n} من نص الخبر الطويل." for n in range(60))
    text = "قال الرئيس محمود عباس أمس.\n" + filler + "\n«سنواصل العمل من أجل السلام» قال."
    document = Document("d", text)
    speaker = document.annotate(*find(text, "محمود عباس"), "PER")
    quote = document.annotate(*find(text, "«سنواصل العمل من أجل السلام»"), "QUOTE")
    linked(document, quote, "speaker", speaker)
    show(qtbot, view, document)
    view.set_current_annotation(quote.id)
    view.select_span(quote.start, quote.end)  # scrolls to the quote, the speaker goes away
    grab(view)
    assert view.verticalScrollBar().value() > 0 and not view.annotation_rects(speaker.id)
    (arc,) = view.last_arcs
    assert arc.caption == "«محمود عباس»"
    assert arc.path.pointAtPercent(1).y() < 5  # to the top edge, where the speaker is
    # Scrolling back brings the speaker on screen: the arc joins the two spans again.
    view.verticalScrollBar().setValue(0)
    view.set_current_annotation(speaker.id)
    grab(view)
    (arc,) = view.last_arcs
    assert arc.caption == "«سنواصل العمل من أجل السلام»"
    assert arc.path.pointAtPercent(1).y() > view.viewport().height() - 5  # the quote: below


def test_all_links_draws_links_of_annotations_that_are_not_current(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    document = Document("d", RTL)
    speaker = document.annotate(*find(RTL, "فيصل بن فرحان"), "PER")
    quote = document.annotate(*find(RTL, "«المملكة تدعم الحل السياسي»"), "QUOTE")
    linked(document, quote, "speaker", speaker)
    before = show(qtbot, view, document)
    assert view.last_arcs == []
    view.set_show_all_links(True)
    assert grab(view) != before and len(view.last_arcs) == 1


# -- label names --------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "ar"])
def test_label_names_are_written_above_spans_in_the_interface_language(
        qtbot, view, language: str) -> None:  # type: ignore[no-untyped-def]
    document = Document("d", RTL)
    speaker = document.annotate(*find(RTL, "فيصل بن فرحان"), "PER")
    view.set_display_language(language)
    show(qtbot, view, document)
    view.set_show_labels(True)
    image = grab(view)
    rect = rect_of(view, speaker.id)
    person = QColor(TAGSET.get("PER").color)
    tag_row = [image.pixel(x, y) for y in range(int(rect.top()) - 14, int(rect.top()))
               for x in range(int(rect.left()), int(rect.right()))]
    assert sum(close_to(p, person) for p in tag_row) > 40  # the tag's ground
    assert sum(QColor(p).lightness() > 200 for p in tag_row) > 10  # its white letters
    # The tag starts where the span starts: at its right edge on a right-to-left line.
    columns = [x for y in range(int(rect.top()) - 14, int(rect.top()))
               for x in range(int(rect.left()) - 40, int(rect.right()) + 40)
               if close_to(image.pixel(x, y), person)]
    assert abs(max(columns) - rect.right()) < 3
    other = "ar" if language == "en" else "en"
    view.set_display_language(other)
    assert grab(view) != image  # the name is the other language's
    view.set_show_labels(False)
    assert view.show_labels() is False


# -- nesting ------------------------------------------------------------------------------------
def test_nested_spans_take_distinct_lanes_under_the_innermost_box(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    text = "وأكد أن «الوفد وصل إلى الرياض أمس» في بيان رسمي."
    document = Document("d", text)
    claim = document.annotate(*find(text, "«الوفد وصل إلى الرياض أمس» في بيان"), "CLAIM")
    quote = document.annotate(*find(text, "«الوفد وصل إلى الرياض أمس»"), "QUOTE")
    place = document.annotate(*find(text, "الرياض"), "LOC")
    assert nesting_heights(list(document.annotations)) == {claim.id: 2, quote.id: 1,
                                                           place.id: 0}
    image = show(qtbot, view, document)
    rect = rect_of(view, place.id)
    x = int(rect.center().x())
    inside = QColor(image.pixel(x, int(rect.top()) + 3))
    assert inside != QColor("white")  # the location is a filled box
    block = view.document().findBlock(0)
    line = block.layout().lineAt(0)
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
    bottom = origin + line.y() + line.ascent() + line.descent()

    def colour_at_lane(height: int) -> QColor:
        return QColor(image.pixel(x, int(bottom + lane_offset(height) + 1)))

    assert close_to(colour_at_lane(1).rgb(), QColor(TAGSET.get("QUOTE").color))
    assert close_to(colour_at_lane(2).rgb(), QColor(TAGSET.get("CLAIM").color))


# -- search hits --------------------------------------------------------------------------------
def test_every_search_hit_is_painted_and_the_current_one_stronger(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(["في الرياض وفي جدة"] + ["سطر بلا شيء"] * 40 + ["في الدمام"])
    document = Document("d", text)
    show(qtbot, view, document)
    hits = [(m, m + 2) for m in (0, text.index("وفي") + 1, text.rindex("في"))]
    view.set_search_hits(hits, current=1)
    image = grab(view)
    first = view._range_area(*hits[0])  # the block of the first line
    assert not first.isNull()
    shown = [QColor(image.pixel(x, y)) for y in range(int(first.top()), int(first.bottom()))
             for x in range(view.viewport().width())]
    light = HIT_COLOUR
    strong = CURRENT_HIT_COLOUR
    assert any(c.red() > 240 and c.green() > 230 and c.blue() < 200 for c in shown)  # light
    assert any(c.red() > 240 and 130 < c.green() < 190 and c.blue() < 80 for c in shown)
    assert light.alpha() < strong.alpha()
    # The scroll bar marks each hit: two near the top, one at the bottom, the current red.
    bar = view.hit_marks
    ticks = bar.ticks()
    assert len(ticks) >= 3 and sum(current for _y, current in ticks) == 1
    groove = bar.groove()
    assert max(y for y, _c in ticks) > groove.bottom() - 10
    assert min(y for y, _c in ticks) < groove.top() + 5
    view.set_search_hits([])
    assert view.hit_marks.ticks() == [] and grab(view) != image
