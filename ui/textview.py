"""The read-only, right-to-left aware text view that paints annotation highlights itself.

Design (see ../shared/notes/qt-text-view.md for the measurements behind it):

* Qt gets the document text once (line breaks normalised, see :mod:`annotator_ui.positions`)
  and its formats never change: highlights are overlays computed from the glyph runs of the
  visible blocks, so shaping, joining and line breaks are exactly those of the plain text.
* Spans stay in the core's :class:`~annotator.model.Annotations` (interval index); a paint asks
  it for the spans overlapping the visible blocks only.  An edit repaints only the rectangles it
  touched.
* Each paragraph takes its base direction from its text (``Qt.LayoutDirectionAuto``), and
  :class:`ParagraphLayout` right-aligns right-to-left paragraphs and adds line spacing after Qt
  lays a block out (``QPlainTextEdit`` itself applies one alignment to the whole document).
"""

from __future__ import annotations

import html
import math
from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import NamedTuple

import regex
from annotator_ui.highlight_painter import (
    ANNOTATOR_COLOURS,
    LinePiece,
    PaintedSpan,
    nesting_levels,
    paint_outline,
    range_pieces,
    visible_lines,
)
from annotator_ui.i18n import isolated
from annotator_ui.link_arcs import Arc, arc_between, links_to_draw, paint_arcs
from annotator_ui.nesting_lanes import nesting_heights, paint_boxes, paint_lanes
from annotator_ui.positions import PositionMap, text_to_qt
from annotator_ui.search_marks import (
    MarkedScrollBar,
    SearchHits,
    paint_current_hit_outline,
    paint_hits,
)
from annotator_ui.span_labels import paint_tags, place_tags, tag_font, tag_room
from annotator_ui.suggestion_paint import is_suggestion, paint_suggestions, shown_suggestions
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QKeySequence,
    QPainter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QToolTip,
    QWidget,
)

from annotator.align import ProcliticMode
from annotator.model import Annotation, Document
from annotator.tagset import TagSet, default_tagset
from annotator.word_selection import step_by_word, word_selection

# Families tried in order; the first one the machine has wins.
ARABIC_FONT_FAMILIES = (
    "Noto Naskh Arabic", "Noto Naskh Arabic UI", "Amiri", "Scheherazade New", "Scheherazade",
    "Noto Sans Arabic", "Noto Sans Arabic UI", "Geeza Pro", "Al Nile", "Segoe UI",
    "Arabic Typesetting", "Traditional Arabic", "Tahoma", "Arial", "DejaVu Sans",
)
DEFAULT_POINT_SIZE = 15
MIN_POINT_SIZE = 6
MAX_POINT_SIZE = 60
DEFAULT_LINE_SPACING = 1.5
DOCUMENT_MARGIN = 12  # pixels between the text and the view's edges
TOOLTIP_WORDS = 40  # characters of a link target's text shown in tooltips
UNDERLINE_ROOM = 16  # pixels below a line that stacked underlines may take
LABELLED_LINE_SPACING = 2.0  # at least, while label names are shown above the lines
LANE_LOOKAROUND = 20_000  # code points around the painted lines searched for nested spans
MANY_CHANGED = 500  # annotations changed at once above which the whole view repaints
CAPTION_ROOM = 260  # pixels either side of an off-screen link's marker its caption may take
_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
_ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
_RIGHT_TO_LEFT = Qt.LayoutDirection.RightToLeft
GOLD_LAYER = "gold"  # annotation.layer of adjudicated annotations
GOLD_COLOUR = QColor("#1a1a1a")  # the gold layer in the "annotator" colour mode


def _arc_area(arc: Arc) -> QRectF:
    """The viewport rectangle an arc may paint: its line, arrow and caption."""
    bounds = arc.bounds()
    if arc.caption_at is not None:
        at = arc.caption_at
        bounds = bounds.united(QRectF(at.x() - CAPTION_ROOM, at.y() - 30, 2 * CAPTION_ROOM, 60))
    return bounds.adjusted(-4, -4, 4, 4)


class VisibleBlock(NamedTuple):
    """A block being painted: its Qt position, the Qt range of its lines in the paint area,
    its layout and its top-left corner in the viewport."""

    position: int
    shown_start: int
    shown_end: int
    layout: QTextLayout
    origin: QPointF


def preferred_arabic_font(point_size: float = DEFAULT_POINT_SIZE) -> QFont:
    """A good font for Arabic text: Noto Naskh Arabic, Amiri, ... or the system's default.

    Falls back to the application font (Qt then picks an Arabic-capable fallback per glyph)
    when none of :data:`ARABIC_FONT_FAMILIES` is installed.
    """
    installed = set(QFontDatabase.families())
    arabic = set(QFontDatabase.families(QFontDatabase.WritingSystem.Arabic))
    font = QFont()
    for family in ARABIC_FONT_FAMILIES:
        if family in installed and (family in arabic or not arabic):
            font = QFont(family)
            break
    else:
        if arabic:
            font = QFont(sorted(arabic)[0])
    font.setPointSizeF(point_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


def _interface_language() -> str:
    """The interface language for label names (``"en"`` when it cannot be told)."""
    try:
        from annotator_ui.i18n import current_language
    except ImportError:  # pragma: no cover - the module belongs to the workflow part
        return "en"
    return current_language()


_RIGHT_TO_LEFT_LETTER = regex.compile(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]")
_LEFT_TO_RIGHT_LETTER = regex.compile(r"\p{Bidi_Class=L}")


def mostly_right_to_left(text: str) -> bool:
    """True when most of the strong letters of ``text`` are right-to-left (Arabic, Hebrew).

    A paragraph opening with a Latin word ("CNN: قال ...", "@user كلام ...") is still an
    Arabic paragraph; Qt's first-strong-character rule would lay it out left to right.
    """
    rtl = len(_RIGHT_TO_LEFT_LETTER.findall(text))
    return rtl > 0 and rtl > len(_LEFT_TO_RIGHT_LETTER.findall(text))


class ParagraphLayout(QPlainTextDocumentLayout):
    """QPlainTextEdit's lazy block layout, plus per-paragraph alignment and line spacing.

    Qt lays each block out on demand with the document's text option (direction
    ``LayoutDirectionAuto``, so the base direction already follows the paragraph's first
    strong character).  Whenever a freshly laid-out block is asked for its rectangle, its
    alignment is set from that direction (right for right-to-left paragraphs) and its lines are
    moved apart by the line spacing.  ``Qt.AlignAbsolute`` marks a block as done: Qt resets
    the option each time it lays the block out again.  A block Qt made left-to-right whose
    letters are mostly Arabic (it opens with a Latin name or a handle) is broken into lines
    again right to left (:func:`mostly_right_to_left`).
    """

    def __init__(self, document: QTextDocument, line_spacing: float = DEFAULT_LINE_SPACING):
        super().__init__(document)
        self.line_spacing = line_spacing
        self.blocks_finished = 0  # blocks given alignment and spacing (for tests and benches)

    def blockBoundingRect(self, block):
        rect = super().blockBoundingRect(block)
        if not block.isValid():
            return rect
        layout = block.layout()
        option = layout.textOption()
        alignment = option.alignment()
        if alignment in (_ALIGN_RIGHT, _ALIGN_LEFT) or not layout.lineCount():
            return rect
        right_to_left = block.textDirection() == _RIGHT_TO_LEFT
        if not right_to_left and mostly_right_to_left(block.text()):
            option.setTextDirection(_RIGHT_TO_LEFT)
            right_to_left = True
            option.setAlignment(_ALIGN_RIGHT)
            self._lay_out_again(block, layout, option)
        option.setAlignment(_ALIGN_RIGHT if right_to_left else _ALIGN_LEFT)
        layout.setTextOption(option)
        extra = self.line_spacing - 1.0
        if extra > 0 and block.length() > 1:  # blank lines between paragraphs stay one line
            shift = 0.0
            for number in range(layout.lineCount()):
                line = layout.lineAt(number)
                height = line.height()
                position = line.position()
                line.setPosition(QPointF(position.x(), position.y() + shift + height * extra / 2))
                shift += height * extra
        self.blocks_finished += 1
        return super().blockBoundingRect(block)

    def _lay_out_again(self, block: QTextBlock, layout: QTextLayout,
                       option: QTextOption) -> None:
        """Break ``block`` into lines again with ``option`` (its direction), as Qt did."""
        first = layout.lineAt(0)
        width, margin = first.width(), first.position().x()
        layout.setTextOption(option)
        layout.beginLayout()
        height = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLeadingIncluded(True)
            line.setLineWidth(width)
            line.setPosition(QPointF(margin, height))
            height += line.height()
            if line.leading() < 0:
                height += math.ceil(line.leading())
        layout.endLayout()
        if block.lineCount() != layout.lineCount():
            block.setLineCount(layout.lineCount())
            self.documentSizeChanged.emit(self.documentSize())


class AnnotatedTextView(QPlainTextEdit):
    """A read-only, right-to-left aware view of one document that paints its annotations.

    Offsets in the API are code points into ``Document.text``; conversion to Qt positions goes
    through :meth:`position_map`.  The view never edits the document: callers change
    ``document.annotations`` and then call :meth:`annotations_changed`.
    """

    span_selection_changed = Signal(int, int)  # code points; (-1, -1) when nothing selected
    annotation_clicked = Signal(str)  # id; repeated clicks at one spot cycle through overlaps
    suggestion_clicked = Signal(str)  # id of an open suggestion clicked where no annotation is

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self._tagset: TagSet = default_tagset()
        self._positions = PositionMap("")
        self._label_filter: set[str] | None = None
        self._colour_mode = "label"
        self._annotator_colours: dict[str, QColor] = {}
        self._label_colours: dict[str, QColor] = {}
        self._current_id: str | None = None
        self._current_suggestion: str | None = None
        self._index_ready = False
        self._index_scheduled = False
        self._painted: dict[str, list[QRectF]] = {}  # id -> rectangles of the last paint
        self._press_pos: QPoint | None = None
        self._after_double_click = False
        self._cycle_key: tuple[str, ...] = ()
        self._cycle_index = -1
        # Which attached proclitics word selection leaves out; the window says (preferences).
        self.word_proclitics: Callable[[], ProcliticMode] = lambda: "particles"
        self.display_language = _interface_language()
        self._show_labels = False
        self._show_all_links = False
        self._hits = SearchHits()
        self._arcs_key: tuple[object, ...] = ()  # what the arcs of the last paint joined, and where
        self._arcs_area = QRectF()
        # What the last paint looked at and drew (tests and benches read these).
        self.paint_stats = {"blocks": 0, "spans": 0, "paints": 0}
        self.last_arcs: list[Arc] = []

        text_document = QTextDocument(self)
        self._layout = ParagraphLayout(text_document)
        text_document.setDocumentLayout(self._layout)
        self.setDocument(text_document)
        self._apply_text_option()
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFont(preferred_arabic_font())
        self.selectionChanged.connect(self._emit_selection)
        self.hit_marks = MarkedScrollBar(self)
        self.hit_marks.line_of = self._line_of
        self.setVerticalScrollBar(self.hit_marks)

    # -- document ------------------------------------------------------------------------
    def set_document(self, document: Document, tagset: TagSet | None = None) -> None:
        """Show ``document`` with its annotations coloured from ``tagset``."""
        self._document = document
        if tagset is not None:
            self._tagset = tagset
        self._label_colours.clear()
        self._annotator_colours.clear()
        self._current_id = None
        self._painted.clear()
        self._cycle_key, self._cycle_index = (), -1
        self._index_ready = False
        self._index_scheduled = False
        self._positions = PositionMap(document.text)
        self._arcs_key, self._arcs_area = (), QRectF()
        self.set_search_hits([])
        self._apply_text_option()
        self.setPlainText(text_to_qt(document.text))
        # A viewport not yet laid out (a window being built) can be shorter than the first
        # paragraph; setPlainText then scrolls past it.  A new document starts at its top.
        self.verticalScrollBar().setValue(0)

    def clear_document(self) -> None:
        """Show nothing."""
        self._document = None
        self._positions = PositionMap("")
        self._painted.clear()
        self._current_id = None
        self.setPlainText("")

    def current_document(self) -> Document | None:
        """The document shown, or None."""
        return self._document

    def tagset(self) -> TagSet:
        """The tag set colours and names come from."""
        return self._tagset

    def set_tagset(self, tagset: TagSet) -> None:
        """Take colours and display names from ``tagset``."""
        self._tagset = tagset
        self._label_colours.clear()
        self.viewport().update()

    def position_map(self) -> PositionMap:
        """Converts code points of the document text to Qt positions and back."""
        return self._positions

    def _apply_text_option(self) -> None:
        """Direction from each paragraph, visual cursor moves, margins (when not yet so).

        Changing the text option relays the whole document out, so only do it when needed.
        """
        document = self.document()
        option = document.defaultTextOption()
        wanted = (Qt.LayoutDirection.LayoutDirectionAuto, Qt.AlignmentFlag.AlignLeft,
                  QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        if (option.textDirection(), option.alignment(), option.wrapMode()) != wanted:
            option.setTextDirection(wanted[0])
            option.setAlignment(wanted[1])  # not absolute: ParagraphLayout mirrors it
            option.setWrapMode(wanted[2])
            document.setDefaultTextOption(option)
        document.setDefaultCursorMoveStyle(Qt.CursorMoveStyle.VisualMoveStyle)
        if document.documentMargin() != DOCUMENT_MARGIN:
            document.setDocumentMargin(DOCUMENT_MARGIN)

    # -- annotations -----------------------------------------------------------------------
    def annotations_changed(self, changed: Iterable[Annotation] = (),
                            removed: Iterable[Annotation] = ()) -> None:
        """Repaint where ``changed`` (added or edited) and ``removed`` annotations lie."""
        changed, removed = list(changed), list(removed)
        if len(changed) + len(removed) > MANY_CHANGED:  # a recommender run: repaint it all
            self._painted.clear()
            self.viewport().update()
            return
        area = QRectF()
        for annotation in (*changed, *removed):
            for rect in self._painted.pop(annotation.id, ()):
                area = area.united(rect)
            area = area.united(self._range_area(annotation.start, annotation.end))
        for annotation in removed:
            if annotation.id == self._current_id:
                self._current_id = None
        if not area.isNull():
            # Nesting levels of neighbours may change too: repaint whole lines.
            self.viewport().update(QRect(0, int(area.top()) - 1, self.viewport().width(),
                                         int(area.height()) + 3))

    def set_current_annotation(self, annotation_id: str | None) -> None:
        """Draw ``annotation_id`` emphasised (None: no current annotation)."""
        if annotation_id == self._current_id:
            return
        old = self._current_id
        self._current_id = annotation_id
        for changed in (old, annotation_id):
            annotation = self._annotation(changed)
            if annotation is not None:
                self.annotations_changed([annotation])

    def current_annotation(self) -> str | None:
        """The id drawn emphasised, or None."""
        return self._current_id

    def set_current_suggestion(self, suggestion_id: str | None) -> None:
        """Draw the suggestion ``suggestion_id`` with a thicker outline (None: none)."""
        if suggestion_id == self._current_suggestion:
            return
        old, self._current_suggestion = self._current_suggestion, suggestion_id
        self.annotations_changed([a for a in map(self._annotation, (old, suggestion_id))
                                  if a is not None])

    def current_suggestion(self) -> str | None:
        """The suggestion drawn with a thicker outline, or None."""
        return self._current_suggestion

    def set_label_filter(self, labels: set[str] | None) -> None:
        """Show only annotations with these labels (None: all)."""
        self._label_filter = None if labels is None else set(labels)
        self.viewport().update()

    def set_colour_mode(self, mode: str) -> None:
        """Colour highlights by ``"label"`` (default) or by ``"annotator"``."""
        if mode not in ("label", "annotator"):
            raise ValueError(f"unknown colour mode {mode!r}: use 'label' or 'annotator'")
        self._colour_mode = mode
        if mode == "annotator" and self._document is not None:
            names = dict.fromkeys(a.annotator for a in self._document.annotations
                                  if a.layer != GOLD_LAYER)
            for name in names:  # in order of first appearance: stable colours
                self._annotator_colour(name)
        self.viewport().update()

    def colour_mode(self) -> str:
        """``"label"`` or ``"annotator"``."""
        return self._colour_mode

    def set_display_language(self, language: str) -> None:
        """Label names in tooltips and on spans in ``"en"`` or ``"ar"``."""
        self.display_language = language
        self.viewport().update()

    # -- what is drawn besides the highlights ------------------------------------------------
    def set_show_labels(self, on: bool) -> None:
        """Show each span's label name above its start (lines move apart to make room)."""
        if on == self._show_labels:
            return
        self._show_labels = on
        self._update_line_spacing()

    def show_labels(self) -> bool:
        """True while label names are shown on spans."""
        return self._show_labels

    def set_show_all_links(self, on: bool) -> None:
        """Draw every link with an end on screen (off: only the current annotation's)."""
        self._show_all_links = on
        self.viewport().update()

    def show_all_links(self) -> bool:
        """True while every link on screen is drawn."""
        return self._show_all_links

    def set_search_hits(self, spans: list[tuple[int, int]], current: int = -1) -> None:
        """Paint these matches (code points, in text order) and mark them on the scroll bar;
        ``current`` is the index of the match shown (-1: none)."""
        if not spans and not len(self._hits):
            return
        self._hits.set(spans, current)
        self.hit_marks.set_hits(self._hits, len(self._positions))
        self.viewport().update()

    def set_current_hit(self, current: int) -> None:
        """Make match number ``current`` the one drawn strongest."""
        old = self._hits.current_span()
        self._hits.current = current
        self._hits.version += 1
        self.hit_marks.update()
        for span in (old, self._hits.current_span()):
            if span is not None:
                area = self._range_area(*span)
                if not area.isNull():
                    self.viewport().update(area.toAlignedRect().adjusted(0, -2, 0, 2))

    def search_hits(self) -> SearchHits:
        """The matches painted (for the find bar and tests)."""
        return self._hits

    def _line_of(self, cp: int) -> int:
        """The scroll-bar line the text at code point ``cp`` is on."""
        block = self.document().findBlock(self._positions.to_qt(cp))
        return block.firstLineNumber() if block.isValid() else 0

    def _update_line_spacing(self) -> None:
        """Room above the lines for label names while they are shown; lays the text out
        again (block by block, as a zoom does) when the spacing changes."""
        spacing = DEFAULT_LINE_SPACING
        if self._show_labels:
            height = QFontMetricsF(self.font()).height()
            room = tag_room(tag_font(height))
            spacing = max(LABELLED_LINE_SPACING, 1 + 2 * room / max(1.0, height))
        if spacing != self._layout.line_spacing:
            self._layout.line_spacing = spacing
            document = self.document()
            document.markContentsDirty(0, document.characterCount())
        self._painted.clear()
        self.viewport().update()

    def _annotation(self, annotation_id: str | None) -> Annotation | None:
        if annotation_id is None or self._document is None:
            return None
        return self._document.annotations.get(annotation_id)

    def _colour(self, annotation: Annotation) -> QColor:
        if self._colour_mode == "annotator":
            if annotation.layer == GOLD_LAYER:
                return GOLD_COLOUR
            return self._annotator_colour(annotation.annotator)
        colour = self._label_colours.get(annotation.label)
        if colour is None:
            colour = QColor(self._tagset.get(annotation.label).color)
            self._label_colours[annotation.label] = colour
        return colour

    def annotator_colour(self, name: str) -> QColor:
        """The colour of ``name``'s own annotations in the "annotator" mode (gold layer:
        ``GOLD_COLOUR``)."""
        return QColor(self._annotator_colour(name))

    def _annotator_colour(self, name: str) -> QColor:
        colour = self._annotator_colours.get(name)
        if colour is None:
            colour = QColor(ANNOTATOR_COLOURS[len(self._annotator_colours)
                                              % len(ANNOTATOR_COLOURS)])
            self._annotator_colours[name] = colour
        return colour

    def _shown(self, annotations: list[Annotation]) -> list[Annotation]:
        """The annotations drawn as such: not suggestions, and of the labels filtered."""
        if self._label_filter is None:
            return [a for a in annotations if not is_suggestion(a)]
        return [a for a in annotations if a.label in self._label_filter
                and not is_suggestion(a)]

    def _overlapping(self, start: int, end: int) -> list[Annotation]:
        """Annotations sharing a character with ``[start, end)`` (code points)."""
        if self._document is None or end <= start:
            return []
        annotations = self._document.annotations
        if not self._index_ready:
            # The core builds its interval index on first use (a sort of every span); until
            # that has run after the first paint, one pass over the spans is cheaper.
            found = [a for a in annotations if a.start < end and a.end > start]
            found.sort(key=lambda a: (a.start, a.end, a.id))
            return found
        return annotations.overlapping(start, end)

    @property
    def index_ready(self) -> bool:
        """True once the core's interval index has been built (deferred after a first paint)."""
        return self._index_ready

    def _build_index(self) -> None:
        if self._document is not None:
            annotations = self._document.annotations
            annotations.index  # noqa: B018 (builds the core's interval index)
            annotations.pointing_to("")  # and its back links, which drawing links asks
            self._index_ready = True
            # Lanes of spans reaching beyond the first paint's lines were guessed from
            # those lines alone.
            self.viewport().update()

    # -- selection -------------------------------------------------------------------------
    def selected_span(self) -> tuple[int, int] | None:
        """The selection in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self._positions.range_from_qt(cursor.selectionStart(), cursor.selectionEnd())
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) and scroll it into view."""
        length = len(self._positions)
        start = max(0, min(start, length))
        end = max(start, min(end, length))
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def _emit_selection(self) -> None:
        span = self.selected_span()
        self.span_selection_changed.emit(*(span if span is not None else (-1, -1)))

    # -- geometry ----------------------------------------------------------------------------
    def _visible_blocks(self, area: QRect) -> list[VisibleBlock]:
        """The blocks intersecting ``area``, each with the Qt range of its lines in it."""
        blocks = []
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        # Underlines of nested spans hang below a block's last line into the next block.
        top, bottom = area.top() - UNDERLINE_ROOM, area.bottom()
        while block.isValid():
            rect = self.blockBoundingGeometry(block).translated(offset)
            if rect.top() > bottom:
                break
            if block.isVisible() and rect.bottom() >= top:
                position = block.position()
                layout = block.layout()
                if rect.top() >= top and rect.bottom() <= bottom:
                    shown = (0, block.length() - 1)
                else:  # a paragraph taller than the area: only its lines in the area
                    shown = visible_lines(layout, top - rect.top(), bottom - rect.top())
                blocks.append(VisibleBlock(position, position + shown[0], position + shown[1],
                                           layout, rect.topLeft()))
            block = block.next()
        return blocks

    def _spans_in(self, blocks: list[VisibleBlock]) -> list[PaintedSpan]:
        """Annotations over the shown lines of ``blocks``, with nesting levels and rectangles."""
        if not blocks or self._document is None:
            return []
        positions = self._positions
        first_cp = positions.from_qt(blocks[0].shown_start)
        last_cp = positions.from_qt(blocks[-1].shown_end) + 1
        annotations = self._shown(self._overlapping(first_cp, last_cp))
        levels = nesting_levels(annotations)
        starts = [b.shown_start for b in blocks]
        painted = []
        for annotation in annotations:
            span = PaintedSpan(annotation, levels[annotation.id], self._colour(annotation))
            span.pieces = self._pieces_in(blocks, starts, annotation.start, annotation.end)
            painted.append(span)
        return painted

    def _suggestions_in(self, blocks: list[VisibleBlock]) -> list[PaintedSpan]:
        """Open suggestions over the shown lines of ``blocks``, with their rectangles."""
        if not blocks or self._document is None:
            return []
        found = shown_suggestions(self._overlapping(*self._shown_range(blocks)))
        if self._label_filter is not None:
            found = [a for a in found if a.label in self._label_filter]
        starts = [b.shown_start for b in blocks]
        return [PaintedSpan(a, 0, self._colour(a),
                            self._pieces_in(blocks, starts, a.start, a.end)) for a in found]

    def suggestion_rects(self, suggestion_id: str) -> list[QRectF]:
        """Viewport rectangles where the open suggestion ``suggestion_id`` is drawn."""
        blocks = self._visible_blocks(self.viewport().rect())
        return next(([piece.rect for piece in span.pieces]
                     for span in self._suggestions_in(blocks)
                     if span.annotation.id == suggestion_id), [])

    def suggestions_at(self, point: QPoint | QPointF) -> list[Annotation]:
        """Open suggestions drawn under ``point`` (viewport coordinates), shortest first."""
        point = QPointF(point)
        blocks = self._visible_blocks(QRect(int(point.x()), int(point.y()), 1, 1))
        hits = [span.annotation for span in self._suggestions_in(blocks)
                if any(piece.rect.contains(point) for piece in span.pieces)]
        hits.sort(key=lambda a: (a.end - a.start, a.id))
        return hits

    def _pieces_in(self, blocks: list[VisibleBlock], starts: list[int], start: int,
                   end: int) -> list[LinePiece]:
        """Rectangles of code points ``[start, end)`` on the shown lines of ``blocks``
        (``starts``: their ``shown_start``)."""
        qt_start, qt_end = self._positions.range_to_qt(start, end)
        pieces: list[LinePiece] = []
        number = max(0, bisect_right(starts, qt_start) - 1)
        while number < len(blocks):
            block = blocks[number]
            if block.shown_start >= qt_end:
                break
            lo = max(qt_start, block.shown_start) - block.position
            hi = min(qt_end, block.shown_end) - block.position
            if hi > lo:
                pieces.extend(range_pieces(block.layout, block.origin, lo, hi))
            number += 1
        return pieces

    def _shown_range(self, blocks: list[VisibleBlock]) -> tuple[int, int]:
        """Code points ``[first, last)`` of the shown lines of ``blocks`` (not empty)."""
        positions = self._positions
        return (positions.from_qt(blocks[0].shown_start),
                positions.from_qt(blocks[-1].shown_end) + 1)

    def _lane_heights(self, spans: list[PaintedSpan],
                      blocks: list[VisibleBlock]) -> dict[str, int]:
        """Nesting heights of ``spans`` counting what they hold beyond the painted lines too,
        so that a span is a box or a lane the same way in every paint."""
        annotations = [span.annotation for span in spans]
        if not annotations or not self._index_ready:
            return nesting_heights(annotations)
        first, last = self._shown_range(blocks)
        low = max(min(a.start for a in annotations), first - LANE_LOOKAROUND)
        high = min(max(a.end for a in annotations), last + LANE_LOOKAROUND)
        if low < first or high > last:
            annotations = self._shown(self._overlapping(low, high))
        return nesting_heights(annotations)

    def _hit_pieces(self, blocks: list[VisibleBlock]) -> list[tuple[bool, list[LinePiece]]]:
        """The search matches on the shown lines of ``blocks``: (current?, rectangles)."""
        hits = self._hits
        if not len(hits) or not blocks:
            return []
        starts = [b.shown_start for b in blocks]
        found = []
        for index in hits.between(*self._shown_range(blocks)):
            start, end = hits.spans[index]
            found.append((index == hits.current, self._pieces_in(blocks, starts, start, end)))
        return found

    def _link_arcs(self) -> list[Arc]:
        """Arcs of the links to draw (the current annotation's, or all with an end on
        screen), laid out over the whole viewport."""
        document = self._document
        if document is None or (self._current_id is None and not self._show_all_links):
            return []
        viewport = self.viewport().rect()
        blocks = self._visible_blocks(viewport)
        if not blocks:
            return []
        first, last = self._shown_range(blocks)
        if self._show_all_links:
            around = self._shown(self._overlapping(first, last))
        else:
            current = self._annotation(self._current_id)
            around = [current] if current is not None else []
        links = links_to_draw(document.annotations, around, self._tagset)
        if self._label_filter is not None:
            links = [link for link in links if link.source.label in self._label_filter
                     and link.target.label in self._label_filter]
        starts = [b.shown_start for b in blocks]
        arcs = []
        for link in links:
            ends = []
            for end in (link.source, link.target):
                pieces = [] if end.end <= first or end.start >= last else \
                    self._pieces_in(blocks, starts, end.start, end.end)
                ends.append((pieces, 0 if pieces else (-1 if end.start < first else 1)))
            (source, source_off), (target, target_off) = ends
            far = link.target if target_off else link.source
            words = document.text[far.start:far.end]
            if len(words) > TOOLTIP_WORDS:
                words = words[:TOOLTIP_WORDS] + "…"
            caption = words if words.startswith("«") else f"«{words}»"
            arc = arc_between(link, self._colour(link.source), source, target, source_off,
                              target_off, QRectF(viewport), caption)
            if arc is not None:
                arcs.append(arc)
        return arcs

    def _arcs_painted(self, arcs: list[Arc], area: QRect) -> None:
        """Remember where ``arcs`` are; when they differ from the last paint's, repaint
        where the old and new ones lie beyond ``area`` (an arc crosses lines that an edit
        does not repaint)."""
        bounds = QRectF()
        for arc in arcs:
            bounds = bounds.united(_arc_area(arc))
        key = tuple((arc.link.source.id, arc.link.role, arc.link.target.id,
                     arc.bounds().getCoords()) for arc in arcs)
        if key != self._arcs_key:
            needed = self._arcs_area.united(bounds)
            if not needed.isNull() and not QRectF(area).contains(needed):
                self.viewport().update(needed.toAlignedRect())
        self._arcs_key, self._arcs_area = key, bounds

    def _range_area(self, start: int, end: int) -> QRectF:
        """Viewport rectangle of the visible blocks covering code points ``[start, end)``."""
        qt_start, qt_end = self._positions.range_to_qt(start, end)
        area = QRectF()
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        height = self.viewport().height()
        while block.isValid():
            rect = self.blockBoundingGeometry(block).translated(offset)
            if rect.top() > height:
                break
            if block.position() <= qt_end and block.position() + block.length() > qt_start:
                area = area.united(rect)
            block = block.next()
        return area

    def annotation_rects(self, annotation_id: str) -> list[QRectF]:
        """Viewport rectangles where ``annotation_id`` is painted (empty when not visible)."""
        annotation = self._annotation(annotation_id)
        if annotation is None:
            return []
        blocks = self._visible_blocks(self.viewport().rect())
        for span in self._spans_in(blocks):
            if span.annotation.id == annotation_id:
                return [piece.rect for piece in span.pieces]
        return []

    def annotations_at(self, point: QPoint | QPointF) -> list[Annotation]:
        """Annotations painted under ``point`` (viewport coordinates), innermost first."""
        point = QPointF(point)
        probe = QRect(int(point.x()), int(point.y()), 1, 1)
        blocks = self._visible_blocks(probe)
        hits = [span for span in self._spans_in(blocks)
                if any(piece.rect.contains(point) for piece in span.pieces)]
        hits.sort(key=lambda s: (-s.level, s.annotation.end - s.annotation.start,
                                 s.annotation.id))
        return [span.annotation for span in hits]

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        area = event.rect()
        labels_font = tag_font(QFontMetricsF(self.font()).height()) if self._show_labels \
            else None
        # Names above a line are painted with it: reach down to the lines below the area.
        reach = int(tag_room(labels_font)) + 1 if labels_font is not None else 0
        blocks = self._visible_blocks(area.adjusted(0, 0, 0, reach))
        spans = self._spans_in(blocks)
        self.paint_stats["blocks"] = len(blocks)
        self.paint_stats["spans"] = len(spans)
        self.paint_stats["paints"] += 1
        for span in spans:
            self._painted[span.annotation.id] = [piece.rect for piece in span.pieces]
        heights = self._lane_heights(spans, blocks)
        hits = self._hit_pieces(blocks)
        suggestions = self._suggestions_in(blocks)
        if spans or hits:
            painter = QPainter(self.viewport())
            painter.setClipRect(area)
            paint_hits(painter, hits)
            paint_boxes(painter, spans, heights)
            painter.end()
        super().paintEvent(event)
        arcs = self._link_arcs()
        painted = QRectF(area)
        if spans or hits or arcs or suggestions:
            painter = QPainter(self.viewport())
            painter.setClipRect(area)
            paint_lanes(painter, spans, heights)
            paint_suggestions(painter, suggestions, self._current_suggestion)
            current = next((s for s in spans if s.annotation.id == self._current_id), None)
            if current is not None:
                paint_outline(painter, current)
            for is_current, pieces in hits:
                if is_current:
                    paint_current_hit_outline(painter, pieces)
            if labels_font is not None:
                tags = place_tags(spans, self._short_name, self._starts_right_to_left,
                                  labels_font, self._current_id)
                # Placed among all their neighbours, painted only where the area is.
                paint_tags(painter, [tag for tag in tags if tag.rect.intersects(painted)],
                           labels_font)
            shown = [arc for arc in arcs if _arc_area(arc).intersects(painted)]
            if shown:  # an antialiased curve costs even where the clip hides it
                paint_arcs(painter, shown, self._caption_font(),
                           self.layoutDirection() == _RIGHT_TO_LEFT)
            painter.end()
        self.last_arcs = arcs
        self._arcs_painted(arcs, area)
        if not self._index_ready and not self._index_scheduled and self._document is not None:
            self._index_scheduled = True
            QTimer.singleShot(0, self._build_index)

    def resizeEvent(self, event) -> None:
        self._painted.clear()
        super().resizeEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self._painted.clear()
        super().scrollContentsBy(dx, dy)
        if self._arcs_key:  # arcs to the view's edges do not move with the text
            self.viewport().update()

    def _short_name(self, span: PaintedSpan) -> str:
        """A span's label as named on it, in the display language."""
        return self._tagset.get(span.annotation.label).display_name(self.display_language)

    def _starts_right_to_left(self, span: PaintedSpan) -> bool:
        """True when the paragraph a span starts in runs right to left."""
        block = self.document().findBlock(self._positions.to_qt(span.annotation.start))
        alignment = block.layout().textOption().alignment() if block.isValid() else 0
        return bool(alignment & Qt.AlignmentFlag.AlignRight)

    def _caption_font(self) -> QFont:
        return tag_font(QFontMetricsF(self.font()).height())

    # -- tooltips and clicks -------------------------------------------------------------------
    def tooltip_text(self, annotations: Iterable[Annotation]) -> str:
        """Rich text naming each annotation's label, annotator, attributes, links and note."""
        language = self.display_language
        parts = []
        for annotation in annotations:
            spec = self._tagset.get(annotation.label)
            name = spec.display_name(language)
            lines = [f"<b>{html.escape(name)}</b> ({html.escape(isolated(annotation.label))})"]
            if annotation.annotator:
                lines.append(self.tr("Annotator: %s") % html.escape(isolated(annotation.annotator)))
            for key, value in annotation.attributes.items():
                attribute = spec.attribute(key)
                shown = (attribute.ar if language == "ar" else attribute.en) if attribute else ""
                value_shown = attribute.display_value(value, language) if attribute else value
                lines.append(f"{html.escape(shown or key)}: {html.escape(value_shown)}")
            for link in annotation.links:
                link_spec = spec.link(link.role)
                role = (link_spec.ar if language == "ar" else link_spec.en) if link_spec else ""
                lines.append(f"{html.escape(role or link.role)}: {self._link_target(link.target)}")
            if annotation.note:
                lines.append(self.tr("Note: %s") % html.escape(annotation.note))
            parts.append("<br>".join(lines))
        return "<hr>".join(parts)

    def _link_target(self, annotation_id: str) -> str:
        """A link target as rich text: its words (shortened) and its id."""
        target = self._annotation(annotation_id)
        if target is None or self._document is None:
            return html.escape(isolated(annotation_id)) + " " + self.tr("(missing)")
        words = self._document.text[target.start:target.end]
        if len(words) > TOOLTIP_WORDS:
            words = words[:TOOLTIP_WORDS] + "…"
        return f"{html.escape(isolated(f'«{words}»'))} ({html.escape(isolated(annotation_id))})"

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            found = self.annotations_at(event.pos())
            if found:
                QToolTip.showText(event.globalPos(), self.tooltip_text(found), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_pos = event.position().toPoint()
            if self.textCursor().hasSelection() and not (
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
                # A press inside the selection would start dragging the selected text, which
                # a read-only view cannot drop anywhere: start a new selection instead.
                cursor = self.cursorForPosition(self._press_pos)
                self.setTextCursor(cursor)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        self._after_double_click = True
        super().mouseDoubleClickEvent(event)
        if self._document is None or event.button() != Qt.MouseButton.LeftButton:
            return
        position = self.cursorForPosition(event.position().toPoint()).position()
        word = word_selection(self._document.text, self._positions.from_qt(position),
                              self.word_proclitics())
        if word is not None:  # the core's words: clitics, tatweel and marks as everywhere else
            self.select_span(*word)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        press, self._press_pos = self._press_pos, None
        if self._after_double_click:
            self._after_double_click = False
            return
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        point = event.position().toPoint()
        if (point - press).manhattanLength() > 4 or self.textCursor().hasSelection():
            return
        self.click_at(point)

    def click_at(self, point: QPoint | QPointF) -> str | None:
        """Choose the annotation under ``point``; repeated calls at one spot cycle overlaps.

        Emits :attr:`annotation_clicked` and returns the id.  The view does not make it current
        by itself: the window decides (a click may also pick a link target).
        """
        found = self.annotations_at(point)
        if not found:
            self._cycle_key, self._cycle_index = (), -1
            suggested = self.suggestions_at(point)
            if suggested:
                self.suggestion_clicked.emit(suggested[0].id)
            return None
        key = tuple(a.id for a in found)
        self._cycle_index = (self._cycle_index + 1) % len(found) if key == self._cycle_key else 0
        self._cycle_key = key
        chosen = found[self._cycle_index].id
        self.annotation_clicked.emit(chosen)
        return chosen

    # -- fonts and zoom ------------------------------------------------------------------------
    def set_text_font(self, font: QFont) -> None:
        """Show the text in ``font`` (layout is redone lazily, block by block).

        A font with no family of its own (the application's default) takes the family of
        :func:`preferred_arabic_font`, keeping its size.
        """
        font = QFont(font)
        if not font.family() or font.family() == QApplication.font().family():
            font.setFamily(preferred_arabic_font().family())
        self.setFont(font)
        self._painted.clear()

    def zoom_in(self) -> None:
        """One point larger."""
        self._zoom(+1)

    def zoom_out(self) -> None:
        """One point smaller."""
        self._zoom(-1)

    def _zoom(self, step: int) -> None:
        font = QFont(self.font())
        size = font.pointSizeF() if font.pointSizeF() > 0 else DEFAULT_POINT_SIZE
        font.setPointSizeF(max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size + step)))
        self.set_text_font(font)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and event.key() in (Qt.Key.Key_Equal, Qt.Key.Key_Plus)):
            self.zoom_in()
            return
        if event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
            return
        if self._document is not None and (
                event.matches(QKeySequence.StandardKey.SelectNextWord)
                or event.matches(QKeySequence.StandardKey.SelectPreviousWord)):
            self._select_by_word(event.matches(QKeySequence.StandardKey.SelectNextWord))
            return
        super().keyPressEvent(event)

    def _select_by_word(self, rightwards: bool) -> None:
        """Extend the selection by a word with the core's words and proclitic rule; the arrow
        keys move visually, so right is backward in a right-to-left paragraph."""
        assert self._document is not None
        cursor = self.textCursor()
        rtl = cursor.block().textDirection() == Qt.LayoutDirection.RightToLeft
        forward = rightwards != rtl
        positions = self._positions
        anchor, position = step_by_word(
            self._document.text, positions.from_qt(cursor.anchor()),
            positions.from_qt(cursor.position()), forward, self.word_proclitics())
        moved = QTextCursor(self.document())
        moved.setPosition(positions.to_qt(anchor))
        moved.setPosition(positions.to_qt(position), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(moved)
        self.ensureCursorVisible()

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_in() if delta > 0 else self.zoom_out()
            return
        super().wheelEvent(event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._apply_text_option()  # Qt resets the document's direction to the widget's
