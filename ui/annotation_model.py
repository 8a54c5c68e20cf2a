"""The annotation list: a table model over a document's annotations, and its filter.

Rows are kept in text order (start, longest first, id) as a list of ids only; every cell is
computed when Qt asks for it, so a document with 100,000 annotations costs one sort at
open.  Single edits insert, remove or refresh single rows (no model reset).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

from annotator_ui.palette import swatch_icon
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QIcon

from annotator.layers import SUGGESTION
from annotator.model import Annotation, Document
from annotator.tagset import TagSet

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the annotation id of a row
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2  # the stored label name
MAX_CELL_TEXT = 80

AnyIndex = QModelIndex | QPersistentModelIndex


def _sort_key(annotation: Annotation) -> tuple[int, int, str]:
    return (annotation.start, -annotation.end, annotation.id)


def one_line(text: str, limit: int = MAX_CELL_TEXT) -> str:
    """``text`` for one table cell: line breaks shown as ⏎, cut at ``limit`` characters."""
    text = text.replace("\r\n", " ⏎ ").replace("\n", " ⏎ ").replace("\u2029", " ⏎ ")
    return text if len(text) <= limit else text[:limit - 1] + "…"


class AnnotationTableModel(QAbstractTableModel):
    """Annotations of one document: text, label, annotator, span."""

    COLUMNS = ("text", "label", "annotator", "span")
    TEXT, LABEL, ANNOTATOR, SPAN = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self._tagset: TagSet | None = None
        self._ids: list[str] = []
        self._shown: set[str] = set()  # the ids in _ids, for a quick "not listed" answer
        self._icons: dict[str, QIcon] = {}
        self.language = "en"
        self._headers: tuple[str, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        """Headers and label names in the interface language now installed (``language``):
        the rows stay, so the table keeps its selection and scroll position."""
        self._headers = (self.tr("Text"), self.tr("Label"), self.tr("Annotator"),
                         self.tr("Span"))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, self.LABEL),
                                  self.index(len(self._ids) - 1, self.LABEL))

    # -- contents -----------------------------------------------------------------
    def set_document(self, document: Document | None, tagset: TagSet | None) -> None:
        """Show ``document``'s annotations (a full reset: only when a document is opened)."""
        self.beginResetModel()
        self._document = document
        self._tagset = tagset
        self._icons.clear()
        if document is None:
            self._ids = []
            self._shown = set()
        else:
            self._ids = [a.id for a in document.annotations.sorted()
                         if a.layer != SUGGESTION]  # suggestions have their own panel
            self._shown = set(self._ids)
        self.endResetModel()

    def document(self) -> Document | None:
        return self._document

    def row_of(self, annotation_id: str, where: Annotation | None = None) -> int:
        """The row showing ``annotation_id``, or -1.

        Rows are in (start, -end, id) order, so a binary search on the annotation's key
        (``where``, else the document's current value) finds the row of a big document at
        once; a row whose key changed since (a resized span) is found by a scan.
        """
        if annotation_id not in self._shown:
            return -1
        if where is None and self._document is not None:
            where = self._document.annotations.get(annotation_id)
        if where is not None and self._document is not None:
            by_id = self._document.annotations
            key = _sort_key(where)
            row = bisect.bisect_left(
                self._ids, key,
                key=lambda i: key if i == annotation_id else (
                    _sort_key(by_id[i]) if i in by_id else (-1, 0, i)))
            if row < len(self._ids) and self._ids[row] == annotation_id:
                return row
        try:
            return self._ids.index(annotation_id)
        except ValueError:
            return -1

    def id_at(self, row: int) -> str:
        return self._ids[row]

    def annotations_changed(self, changed: Iterable[Annotation] = (),
                            removed: Iterable[Annotation] = ()) -> None:
        """Follow an edit already made to the document: rows in, out or refreshed."""
        if self._document is None:
            return
        for annotation in removed:
            self._remove_row(annotation.id, annotation)
        changed = [a for a in changed if a.layer != SUGGESTION]  # listed in their own panel
        for annotation in changed:
            row = self.row_of(annotation.id)
            if row < 0:
                self._insert(annotation)
                continue
            if self._fits(row, annotation):
                self.dataChanged.emit(self.index(row, 0),
                                      self.index(row, len(self.COLUMNS) - 1))
            else:
                self._remove_row(annotation.id)
                self._insert(annotation)

    def _fits(self, row: int, annotation: Annotation) -> bool:
        """True when ``annotation`` may stay at ``row`` without breaking the order."""
        key = _sort_key(annotation)
        assert self._document is not None  # rows are only ever placed for a document
        by_id = self._document.annotations
        if row > 0 and _sort_key(by_id[self._ids[row - 1]]) > key:
            return False
        return not (row + 1 < len(self._ids) and _sort_key(by_id[self._ids[row + 1]]) < key)

    def _remove_row(self, annotation_id: str, where: Annotation | None = None) -> None:
        row = self.row_of(annotation_id, where)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        self._shown.discard(annotation_id)
        self.endRemoveRows()

    def _insert(self, annotation: Annotation) -> None:
        assert self._document is not None  # rows are only ever placed for a document
        by_id = self._document.annotations
        row = bisect.bisect_left(self._ids, _sort_key(annotation),
                                 key=lambda i: _sort_key(by_id[i]))
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, annotation.id)
        self._shown.add(annotation.id)
        self.endInsertRows()

    # -- Qt model interface -------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def _label_icon(self, label: str) -> QIcon:
        icon = self._icons.get(label)
        if icon is None:
            colour = self._tagset.get(label).color if self._tagset else "#9e9e9e"
            icon = self._icons[label] = swatch_icon(colour, 12)
        return icon

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._document is None:
            return None
        row, column = index.row(), index.column()
        if row >= len(self._ids) or column >= len(self.COLUMNS):
            return None
        annotation = self._document.annotations.get(self._ids[row])
        if annotation is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TEXT:
                return one_line(self._document.span_text(annotation))
            if column == self.LABEL:
                if self._tagset is None:
                    return annotation.label
                return self._tagset.get(annotation.label).display_name(self.language)
            if column == self.ANNOTATOR:
                return annotation.annotator
            return f"{annotation.start}–{annotation.end}"
        if role == ID_ROLE:
            return annotation.id
        if role == LABEL_ROLE:
            return annotation.label
        if role == Qt.ItemDataRole.DecorationRole and column == self.LABEL:
            return self._label_icon(annotation.label)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{annotation.id}: {annotation.label} [{annotation.start}, {annotation.end})"
            if annotation.note:
                tip += "\n" + annotation.note
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole and (
                column == self.SPAN
                or (column == self.TEXT and self._document.direction == "rtl")):
            # numbers, and right-to-left text, line up on the right (absolute: the same
            # whether the interface is mirrored or not)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                       | Qt.AlignmentFlag.AlignVCenter)
        return None


class AnnotationFilterModel(QSortFilterProxyModel):
    """Shows the rows of one label (or all) whose text, note or id holds a filter string."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._label = ""
        self._needle = ""
        self._source: AnnotationTableModel | None = None

    def set_label(self, label: str) -> None:
        """Only ``label`` ("" for every label)."""
        if label != self._label:
            self._change_filter(lambda: setattr(self, "_label", label))

    def set_text(self, text: str) -> None:
        """Only annotations whose text, note or id contains ``text`` (case-insensitive)."""
        text = text.casefold()
        if text != self._needle:
            self._change_filter(lambda: setattr(self, "_needle", text))

    def setSourceModel(self, model: QAbstractItemModel | None, /) -> None:
        # None detaches the proxy from its source, as in Qt; PySide6's stub leaves None out.
        super().setSourceModel(model)  # type: ignore[arg-type]
        self._source = model if isinstance(model, AnnotationTableModel) else None

    def _change_filter(self, change: Callable[[], object]) -> None:
        # invalidate(): one layout change instead of a signal per hidden row (row-by-row
        # filtering of 100,000 rows, every fifth kept, costs seconds in the views).
        change()
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._label and not self._needle:
            return True
        model = self._source
        document = model._document if model is not None else None
        if model is None or document is None:
            return True
        annotation = document.annotations.get(model._ids[source_row])
        if annotation is None:
            return False
        if self._label and annotation.label != self._label:
            return False
        if self._needle:
            haystack = document.text[annotation.start:annotation.end] + "\n" + annotation.note
            return (self._needle in haystack.casefold()
                    or self._needle == annotation.id.casefold())
        return True
