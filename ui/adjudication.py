"""Adjudication in the main window: go through a merged document's conflicts and decide gold.

:class:`Adjudication` (created by the main window) adds an "Adjudicate" dock (tabbed with
the annotation list) and an A&djudicate menu.  It switches itself on when a merged document
is opened (one with a gold layer or several annotators' work): highlights are coloured by
annotator, the gold layer in its own dark colour, and the dock lists the decision points of
:func:`annotator.adjudicate.decision_points` with each point's versions side by side.

Everything works from the keyboard (and is listed in the help dialog):

* Ctrl+Shift+J: adjudication mode on or off;
* Alt+PgDown / Alt+PgUp (or F8 / Shift+F8): next / previous conflict;
* Alt+1 … Alt+9: accept that version of the current conflict into gold;
* Alt+Delete: reject gold here (the current gold annotation, else all gold of the conflict);
* F2 / Alt+Return: edit into gold (the current version is accepted if need be, then the
  inspector edits the gold annotation);
* Alt+Insert: make the selected text a gold annotation (label of the current annotation);
* while adjudicating, the label keys (and the palette) label the selection into gold too, so
  the lead never adds a layer of their own by accident (the window asks
  :attr:`Adjudication.active` and calls :meth:`Adjudication.label_into_gold`).

Each decision is one operation of the window's core session (``window.session``:
:meth:`~annotator.session.EditSession.accept`, ``add_gold``, ``reject_gold``), with the lead
named in the settings (``window.annotator_name()``) as its author.

A big merged file opens at once: its conflicts are counted just after the first paint of the
text, a slice at a time between events (the dock says how far it got; the next/previous keys
say "still counting" until then), and the list of conflicts is a model whose rows are made
only when shown.  After an edit only the conflicts near it are recounted.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from annotator_ui.annotation_model import one_line
from annotator_ui.i18n import error_message, isolated, joined
from annotator_ui.textview import GOLD_COLOUR
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator import adjudicate
from annotator.adjudicate import DecisionPoint, PointCount, PointList, Version
from annotator.edits import Change
from annotator.errors import AnnotatorError
from annotator.layers import GOLD
from annotator.model import Annotation, Document
from annotator.session import EditSession

if TYPE_CHECKING:
    from annotator_ui.mainwindow import MainWindow

MAX_VERSIONS = 9  # Alt+1 ... Alt+9
GOLD_ROW_BACKGROUND = QColor("#fff3c4")
ID_ROLE = Qt.ItemDataRole.UserRole
COUNT_AT_ONCE = 5_000  # annotations up to which conflicts are counted while opening
COUNT_SLICE = 0.015  # seconds of counting between events (a big file's count)


class ConflictModel(QAbstractTableModel):
    """The conflicts as rows (#, text, kinds, gold), each made only when a view asks for it."""

    NUMBER, TEXT, KIND, GOLD = range(4)
    ROW_ROLE = ID_ROLE  # column 0: the point's index

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._points: list[DecisionPoint] = []
        self._text = ""
        self._kinds_texts: dict[tuple[str, ...], str] = {}
        self.retranslate()

    def retranslate(self) -> None:
        """Headers and kinds of disagreement in the interface language now installed."""
        # Translated once here, not per row; in the contexts the catalogue has them under.
        panel = "AdjudicationPanel"
        self._headers = (QCoreApplication.translate(panel, "#"),
                         QCoreApplication.translate(panel, "Text"),
                         QCoreApplication.translate(panel, "Kind"),
                         QCoreApplication.translate(panel, "Gold"))
        owner = "Adjudication"
        self._kind_names = {"label": QCoreApplication.translate(owner, "label"),
                            "span": QCoreApplication.translate(owner, "span"),
                            "missing": QCoreApplication.translate(owner, "missing"),
                            "attribute": QCoreApplication.translate(owner, "attribute"),
                            "link": QCoreApplication.translate(owner, "link"),
                            "gold": QCoreApplication.translate(owner, "gold differs")}
        self._kinds_texts.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)
        if self._points:
            self.dataChanged.emit(self.index(0, self.KIND),
                                  self.index(len(self._points) - 1, self.KIND))

    def kinds_text(self, kinds: tuple[str, ...]) -> str:
        """Kinds of disagreement in the interface language (translated once, not per row)."""
        text = self._kinds_texts.get(kinds)
        if text is None:
            text = joined(self._kind_names.get(kind, kind) for kind in kinds)
            self._kinds_texts[kinds] = text
        return text

    def set_points(self, points: Sequence[DecisionPoint], text: str) -> list[DecisionPoint]:
        """Show ``points`` of a document whose text is ``text``; returns the points shown
        until now (the caller decides when they are freed)."""
        self.beginResetModel()
        old, self._points = self._points, list(points)
        self._text = text
        self.endResetModel()
        return old

    def splice(self, first: int, old_end: int, fresh: Sequence[DecisionPoint]) -> None:
        """Rows ``first:old_end`` become ``fresh`` (rows after them only move)."""
        new_end = first + len(fresh)
        same = min(old_end, new_end) - first
        self._points[first:first + same] = fresh[:same]
        if same > 0:
            self.dataChanged.emit(self.index(first, 0),
                                  self.index(first + same - 1, self.GOLD))
        if new_end > old_end:
            self.beginInsertRows(QModelIndex(), old_end, new_end - 1)
            self._points[old_end:old_end] = fresh[same:]
            self.endInsertRows()
        elif old_end > new_end:
            self.beginRemoveRows(QModelIndex(), new_end, old_end - 1)
            del self._points[new_end:old_end]
            self.endRemoveRows()
        if new_end != old_end and new_end < len(self._points):  # their numbers changed
            self.dataChanged.emit(self.index(new_end, self.NUMBER),
                                  self.index(len(self._points) - 1, self.NUMBER))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._points)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < 4):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self._points):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            point = self._points[row]
            if column == self.NUMBER:
                return str(row + 1)
            if column == self.TEXT:
                return isolated(one_line(self._text[point.start:point.end], 60))
            if column == self.KIND:
                return self.kinds_text(point.kinds)
            if column == self.GOLD:
                return "✓" if point.decided else str(len(point.gold)) if point.gold else "—"
        elif role == self.ROW_ROLE and column == self.NUMBER:
            return row
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == self.NUMBER:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class AdjudicationPanel(QWidget):
    """The dock's contents: a legend, the conflicts, and the current conflict's versions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.header = QLabel(self)
        self.header.setObjectName("adjudication-header")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.legend = QLabel(self)
        self.legend.setObjectName("adjudication-legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.legend)

        self.conflict_model = ConflictModel(self)
        # A table of rows of one height: only the rows in view are ever made (a QTreeView
        # lays out every row: ~150 ms to fill and ~200 ms per inserted row at 83,000).
        self.conflicts = QTableView(self)
        self.conflicts.setObjectName("conflict-list")
        self.conflicts.setShowGrid(False)
        self.conflicts.setWordWrap(False)
        self.conflicts.setTabKeyNavigation(False)
        self.conflicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        rows = self.conflicts.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.conflicts.setModel(self.conflict_model)
        header = self.conflicts.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)  # sized to the rows in view, not 1000 of them
        layout.addWidget(self.conflicts, 2)

        self.versions = QTreeWidget(self)
        self.versions.setObjectName("version-list")
        self.versions.setRootIsDecorated(False)
        self.versions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.versions.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.versions, 1)

        buttons = QHBoxLayout()
        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.accept_button = QPushButton(self)
        self.reject_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        for button in (self.previous_button, self.next_button, self.accept_button,
                       self.reject_button, self.edit_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the text
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Headers and buttons in the interface language now installed."""
        self.versions.setHeaderLabels([self.tr("Key"), self.tr("Label"), self.tr("Text"),
                                       self.tr("By")])
        self.previous_button.setText(self.tr("◀ Previous"))
        self.next_button.setText(self.tr("Next ▶"))
        self.accept_button.setText(self.tr("Accept"))
        self.reject_button.setText(self.tr("Reject Gold"))
        self.edit_button.setText(self.tr("Edit Gold"))
        self.conflict_model.retranslate()


class Adjudication(QObject):
    """Adjudication of the window's document (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self._list: PointList | None = None  # the decision points while active
        self._count: PointCount | None = None  # a big file's count, under way
        self._count_waits_for_paint = False  # True until the text's first paint
        self._count_keeps: DecisionPoint | None = None  # current when the count started
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.timeout.connect(self._count_slice)
        self._retired: list[list[DecisionPoint]] = []  # freed after the next paint
        self.count_at_once = COUNT_AT_ONCE  # annotations up to which opening counts at once
        self.index = -1  # the current point, or -1
        self._filling = False  # True while rows are refilled (their signals are not choices)
        self.actions: dict[str, QAction] = {}
        self.panel = AdjudicationPanel(window)
        self.dock = QDockWidget(self.tr("Adjudicate"), window)
        self.dock.setObjectName("adjudication-dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.list_dock, self.dock)
        self.dock.hide()
        self._build_actions()
        self._build_menu()
        panel = self.panel
        panel.previous_button.clicked.connect(lambda: self.go(-1))
        panel.next_button.clicked.connect(lambda: self.go(+1))
        panel.accept_button.clicked.connect(self.accept_selected)
        panel.reject_button.clicked.connect(self.reject_gold)
        panel.edit_button.clicked.connect(self.edit_gold)
        panel.conflicts.selectionModel().currentRowChanged.connect(self._conflict_row_changed)
        panel.versions.itemClicked.connect(self._version_row_clicked)
        panel.versions.itemActivated.connect(lambda _item, _column: self.accept_selected())
        window.document_opened.connect(self._document_opened)
        window.annotations_edited.connect(self._edited)
        window.view.annotation_clicked.connect(self._annotation_clicked)
        self._update_actions()

    # -- building -------------------------------------------------------------------------
    def _action(self, name: str, text: str, slot: Callable[..., object],
                shortcuts: tuple[str, ...] = (), tip: str = "") -> QAction:
        action = self.actions.get(name)
        if action is not None:  # retranslating: the same action, named anew
            action.setText(text)
            action.setStatusTip(tip)
            action.setToolTip(tip)  # none: the text, as Qt shows by default
            return action
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.window.addAction(action)
        self.window.action_by_name[name] = action
        self.actions[name] = action
        return action

    def _build_actions(self) -> None:
        a = self._action
        mode = a("adjudication_mode", self.tr("&Adjudication Mode"), self.set_active,
                 ("Ctrl+Shift+J",),
                 tip=self.tr("Colour by annotator and go through the conflicts of a merged file"))
        mode.setCheckable(True)
        a("next_conflict", self.tr("&Next Conflict"), lambda: self.go(+1),
          ("Alt+PgDown", "F8"))
        a("previous_conflict", self.tr("&Previous Conflict"), lambda: self.go(-1),
          ("Alt+PgUp", "Shift+F8"))
        for number in range(1, MAX_VERSIONS + 1):
            a(f"accept_version_{number}", self.tr("Accept Version %d") % number,
              lambda _=False, n=number: self.accept_version(n), (f"Alt+{number}",))
        a("reject_gold", self.tr("&Reject Gold Here"), self.reject_gold, ("Alt+Del",),
          tip=self.tr("Remove the current gold annotation (or every gold one of the conflict)"))
        a("edit_gold", self.tr("&Edit into Gold"), self.edit_gold, ("F2", "Alt+Return"),
          tip=self.tr("Accept the current version if need be and edit the gold annotation"))
        a("selection_to_gold", self.tr("Selection to &Gold"), self.selection_to_gold,
          ("Alt+Ins",), tip=self.tr("Make the selected text a gold annotation"))

    def _build_menu(self) -> None:
        window = self.window
        menu = window.menuBar().addMenu(self.tr("A&djudicate"))
        menu.setObjectName("menu-adjudicate")
        help_menu = window.menus.get("help")
        if help_menu is not None:  # before Help, where menus usually are
            window.menuBar().insertMenu(help_menu.menuAction(), menu)
        window.menus["adjudicate"] = menu
        names = ["adjudication_mode", None, "next_conflict", "previous_conflict", None]
        names += [f"accept_version_{n}" for n in range(1, MAX_VERSIONS + 1)]
        names += [None, "reject_gold", "edit_gold", "selection_to_gold"]
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions[name])
        menu.addSeparator()
        menu.addAction(self.dock.toggleViewAction())

    def retranslate(self) -> None:
        """Name the actions, the menu, the dock and the panel in the interface language now
        installed (the conflicts, the current one and the decisions stay)."""
        self._build_actions()
        self.window.menus["adjudicate"].setTitle(self.tr("A&djudicate"))
        self.dock.setWindowTitle(self.tr("Adjudicate"))
        self.panel.retranslate()
        self._fill_versions()  # the header too
        self._fill_legend()

    # -- state ----------------------------------------------------------------------------
    @property
    def document(self) -> Document | None:
        return self.window.document

    @property
    def points(self) -> list[DecisionPoint]:
        """The decision points of the document, in text order (empty when not active, or
        while they are being counted)."""
        return self._list.points if self._list is not None else []

    @property
    def counting(self) -> bool:
        """True while a big file's conflicts are being counted (after its first paint)."""
        return self._count is not None

    def current_point(self) -> DecisionPoint | None:
        return self.points[self.index] if 0 <= self.index < len(self.points) else None

    def lead(self) -> str:
        """The lead's name: the annotator name of the settings."""
        return self.window.annotator_name()

    def set_active(self, on: bool) -> None:
        """Switch adjudication mode on (colours by annotator, the dock shown) or off."""
        on = bool(on) and self.document is not None
        was = self.active
        self.active = on
        self.actions["adjudication_mode"].setChecked(on)
        view = self.window.view
        if on or was:  # leave a colour mode the user chose for other files alone
            view.set_colour_mode("annotator" if on else "label")
            colour_action = self.window.action_by_name.get("colour_by_annotator")
            if colour_action is not None:
                colour_action.setChecked(on)
        if on:
            self.dock.show()
            self.dock.raise_()
            self.refresh()
        else:
            self.dock.hide()
            self._stop_count()
            self._list, self.index = None, -1
            self._fill_conflicts()
            self._fill_versions()
            self._fill_legend()
        self._update_actions()

    def _document_opened(self, document: Document) -> None:
        """A new document: adjudication goes off (it is entered only by the user's choice);
        a file holding several annotators' work says how to adjudicate it."""
        self._stop_count()
        self._list, self.index = None, -1
        self.set_active(False)
        if adjudicate.is_merged(document):
            count = adjudicate.annotator_count(document)
            self._say(self.tr("This file holds the work of %d annotators: Adjudicate › "
                              "Adjudication Mode (Ctrl+Shift+J) to adjudicate it.") % count, 15000)

    def _edited(self, change: Change) -> None:
        """Follow an edit (or its undo): recount the points near it, redo their rows."""
        document = self.document
        spans = [*change.before, *change.after]
        if self._count is not None and document is not None and spans:
            self._start_count(document, after_paint=False)  # it read the document as it was
            return
        if not self.active or self._list is None or document is None or not spans:
            return
        old = self.current_point()
        annotators = self._list.annotators
        first, old_end, new_end = self._list.update(
            document, min(a.start for a in spans), max(a.end for a in spans), change)
        if self.index >= old_end:
            self.index += new_end - old_end
        elif self.index >= first:
            self.index = self._relocate(old, first, new_end)
        self._splice_rows(first, old_end, new_end)
        self._fill_versions()
        if self._list.annotators != annotators:
            self._fill_legend()
        self._update_actions()

    def _relocate(self, old: DecisionPoint | None, first: int, end: int) -> int:
        """The point among ``points[first:end]`` that ``old`` became (sharing annotations,
        else the next one by position)."""
        points = self.points
        if old is None or not points:
            return -1
        ids = old.annotation_ids
        found = next((n for n in range(first, end) if points[n].annotation_ids & ids), None)
        if found is None:
            after = adjudicate.point_after(points, old.start - 1, +1)
            found = after if after is not None else len(points) - 1
        return found

    def refresh(self) -> None:
        """Recount every decision point, keeping the current one (by its annotations).

        A document of more than ``count_at_once`` annotations is counted after the first
        paint of its text, a slice at a time between events (see :attr:`counting`).
        """
        document = self.document
        old = self.current_point()
        self._stop_count()
        self._list = None
        if document is not None and self.active and len(document.annotations) \
                > self.count_at_once:
            self.index = -1
            self._count_keeps = old
            self._fill_conflicts()
            self._fill_versions()
            self._fill_legend()
            self._update_actions()
            self._start_count(document)
            return
        self._list = PointList(document) if document is not None and self.active else None
        self._show_count(old)

    def _show_count(self, old: DecisionPoint | None) -> None:
        """Show the points just counted, ``old`` (the point current before) current again."""
        self.index = self._relocate(old, 0, len(self.points))
        self._fill_conflicts()
        self._fill_versions()
        self._fill_legend()
        self._update_actions()

    # -- counting a big file ------------------------------------------------------------
    def _start_count(self, document: Document, after_paint: bool = True) -> None:
        """Count ``document``'s points in slices, starting after the text's next paint (the
        text shows first; at once when ``after_paint`` is False or the view is hidden)."""
        self._count = PointCount(document)
        if after_paint:
            self._after_paint()
        else:
            self._stop_waiting_for_paint()
            self._count_timer.start(0)
        self._fill_header()

    def _after_paint(self) -> None:
        """Run :meth:`_count_slice` once the text view has painted next (at the next turn of
        the event loop when it is hidden)."""
        self._count_timer.stop()
        viewport = self.window.view.viewport()
        if viewport.isVisible():
            if not self._count_waits_for_paint:
                self._count_waits_for_paint = True
                viewport.installEventFilter(self)
            self._count_timer.start(500)  # no paint comes (hidden under another window)
        else:
            self._count_timer.start(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._count_waits_for_paint:
            self._stop_waiting_for_paint()
            self._count_timer.start(0)  # runs once this paint is on screen
        return False

    def _stop_waiting_for_paint(self) -> None:
        if self._count_waits_for_paint:
            self._count_waits_for_paint = False
            self.window.view.viewport().removeEventFilter(self)

    def _stop_count(self) -> None:
        self._count_timer.stop()
        self._stop_waiting_for_paint()
        self._count = None

    def _count_slice(self) -> None:
        """Count for a few milliseconds; show the points once all are counted."""
        self._stop_waiting_for_paint()
        self._retired.clear()  # the last file's points go now that the new text is shown
        count = self._count
        if count is None or count.document is not self.document:
            self._stop_count()
            return
        deadline = time.perf_counter() + COUNT_SLICE
        while not count.step():
            if time.perf_counter() >= deadline:
                self._fill_header()
                self._count_timer.start(0)
                return
        self._count = None
        self._list = count.point_list()
        self._show_count(self._count_keeps)
        self._count_keeps = None

    # -- navigation -------------------------------------------------------------------------
    def go(self, step: int) -> None:
        """Make the next (``+1``) or previous (``-1``) conflict current and show it."""
        if not self.active:
            self.set_active(True)
        if self.counting:
            self._say(self.tr("Still counting the conflicts: a moment."))
            return
        if not self.points:
            self._say(self.tr("No conflicts in this document."))
            return
        if self.index < 0:  # from where the text cursor is
            view = self.window.view
            position = view.position_map().from_qt(view.textCursor().selectionStart())
            found = adjudicate.point_after(self.points, position - (1 if step > 0 else 0), step)
            target = found if found is not None else (0 if step > 0 else len(self.points) - 1)
        else:
            target = self.index + step
            if not 0 <= target < len(self.points):
                self._say(self.tr("That was the last conflict.") if step > 0
                          else self.tr("That was the first conflict."))
                return
        self.show_point(target)

    def show_point(self, index: int) -> None:
        """Make point ``index`` current: listed, its versions shown, the text scrolled to it."""
        self.index = index
        point = self.points[index]
        self._select_conflict_row(index)
        self._fill_versions()
        focus = point.gold[0].id if point.gold else point.versions[0].id
        self.window.set_current(focus)
        view = self.window.view
        view.select_span(point.start, point.start)
        view.centerCursor()
        self._update_actions()

    def _conflict_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._filling:
            return
        index = current.row()
        if index != self.index and 0 <= index < len(self.points):
            self.show_point(index)

    def _annotation_clicked(self, annotation_id: str) -> None:
        document = self.document
        if not self.active or self._list is None or document is None:
            return
        annotation = document.annotations.get(annotation_id)
        found = self._list.point_of(annotation) if annotation is not None else None
        if found is not None and found != self.index:
            self.index = found
            self._select_conflict_row(found)
            self._fill_versions()
            self._update_actions()

    def _version_row_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        annotation_id = item.data(0, ID_ROLE)
        if annotation_id:
            self.window.set_current(annotation_id, jump=True)

    # -- decisions ------------------------------------------------------------------------
    def _decide(self, decide: Callable[[EditSession], Change | None]) -> Change | None:
        """Run one decision on the window's session (the lead named as its author); a
        refused one is said in the status bar."""
        session = self.window.editing_session(authoring=True)
        if session is None:
            return None
        try:
            change = decide(session)
        except AnnotatorError as error:
            self._say(error_message(error))
            return None
        if change is not None and change.is_empty:
            self._say(self.tr("Gold already holds that."))
        return change

    def accept_version(self, number: int) -> Annotation | None:
        """Accept version ``number`` (1-based) of the current conflict; returns the gold one."""
        point = self.current_point()
        if point is None:
            self._say(self.tr("Go to a conflict first (Alt+PgDown)."))
            return None
        if not 1 <= number <= len(point.versions):
            self._say(self.tr("This conflict has %d version(s).") % len(point.versions))
            return None
        return self.accept(point.versions[number - 1])

    def accept(self, version: Version) -> Annotation | None:
        people = self._list.people if self._list is not None else None
        change = self._decide(lambda session: session.accept(version.id, people))
        if change is None:
            return None
        gold = self._gold_for(version.start, version.end, version.label)
        if gold is not None:
            self.window.set_current(gold.id)
            message = self.tr("Accepted %s into gold (%s)") % (
                joined(version.annotators), gold.id)
            waiting = self._waiting_text(gold)
            self._say(message + (" — ⚠ " + waiting if waiting else ""))
        return gold

    def accept_selected(self) -> None:
        item = self.panel.versions.currentItem()
        point = self.current_point()
        if item is None or point is None:
            return
        number = item.data(1, ID_ROLE)
        if isinstance(number, int):
            self.accept_version(number)

    def _gold_for(self, start: int, end: int, label: str) -> Annotation | None:
        session = self.window.session
        return session.gold_at(start, end, label) if session is not None else None

    def reject_gold(self) -> None:
        """Remove the current gold annotation, else every gold annotation of the conflict."""
        document = self.document
        point = self.current_point()
        if document is None:
            return
        current = self.window.current_annotation()
        if current is not None and current.layer == GOLD:
            targets = [current.id]
        elif point is not None and point.gold:
            targets = [g.id for g in point.gold]
        else:
            self._say(self.tr("No gold annotation here to reject."))
            return
        self._decide(lambda session: session.reject_gold(targets))
        point = self.current_point()
        remaining = point.versions[0].id if point is not None else None
        self.window.set_current(remaining)

    def edit_gold(self) -> None:
        """Open the inspector on the gold annotation here (accepting a version first)."""
        point = self.current_point()
        current = self.window.current_annotation()
        gold: Annotation | None = None
        if current is not None and current.layer == GOLD:
            gold = current
        elif current is not None and point is not None and current.id in point.annotation_ids:
            version = next(v for v in point.versions
                           if current.id in {a.id for a in v.annotations})
            gold = self._gold_for(version.start, version.end, version.label) \
                or self.accept(version)
        elif point is not None:
            gold = point.gold[0] if point.gold else self.accept(point.versions[0])
        if gold is None:
            self._say(self.tr("Go to a conflict first (Alt+PgDown)."))
            return
        self.window.set_current(gold.id, jump=True)
        focus = self.window.action_by_name.get("focus_inspector")
        if focus is not None:
            focus.trigger()

    def label_into_gold(self, label: str, exact: bool = False) -> Annotation | None:
        """Give the selection ``label`` in gold (relabelling the current gold annotation when
        the selection is exactly its span); snapped to words unless ``exact``."""
        document = self.document
        span = self.window.view.selected_span()
        if document is None or not span:
            self._say(self.tr("Select some text first."))
            return None
        current = self.window.current_annotation()
        attributes: dict[str, str] = {}
        if current is not None and current.layer == GOLD and span == (current.start,
                                                                      current.end):
            start, end = span  # relabel it: same id, its sources found afresh
            attributes = dict(current.attributes)
        else:
            start, end = span if exact else self.window.snap(*span)
        people = self._list.people if self._list is not None else None
        change = self._decide(lambda session: session.add_gold(
            start, end, label, attributes=attributes, people=people))
        gold = self._gold_for(start, end, label) if change is not None else None
        if gold is not None:
            self.window.set_current(gold.id)
        return gold

    def selection_to_gold(self) -> None:
        """Make the selected text a gold annotation, labelled like the current annotation."""
        document = self.document
        span = self.window.view.selected_span()
        if document is None or not span:
            self._say(self.tr("Select some text first."))
            return
        current = self.window.current_annotation()
        point = self.current_point()
        label = current.label if current is not None else (
            point.versions[0].label if point is not None else "")
        if not label:
            self._say(self.tr("Make an annotation current to take its label."))
            return
        self.label_into_gold(label)

    # -- showing --------------------------------------------------------------------------

    def _label_name(self, label: str) -> str:
        language = getattr(self.window, "language", "en")
        return self.window.tagset.get(label).display_name(language)

    def _fill_conflicts(self) -> None:
        document = self.document
        self._filling = True
        try:
            old = self.panel.conflict_model.set_points(self.points,
                                                       document.text if document else "")
            self._set_current_row()
        finally:
            self._filling = False
        if len(old) > self.count_at_once:  # freeing 80,000 points takes ~50 ms: not before
            self._retired.append(old)     # the new text is on screen
            if self._count is None:
                self._after_paint()
        self._fill_header()

    def _kinds_text(self, point: DecisionPoint) -> str:
        """The point's kinds of disagreement in the interface language."""
        return self.panel.conflict_model.kinds_text(point.kinds)

    def _set_current_row(self) -> None:
        view = self.panel.conflicts
        model = self.panel.conflict_model
        if 0 <= self.index < model.rowCount():
            view.setCurrentIndex(model.index(self.index, 0))
        else:
            view.selectionModel().clear()

    def _splice_rows(self, first: int, old_end: int, new_end: int) -> None:
        """Rows ``first:old_end`` of the conflict list become the points ``first:new_end``."""
        self._filling = True
        try:
            self.panel.conflict_model.splice(first, old_end, self.points[first:new_end])
            self._set_current_row()
        finally:
            self._filling = False
        self._fill_header()

    def _select_conflict_row(self, index: int) -> None:
        view = self.panel.conflicts
        model = self.panel.conflict_model
        if 0 <= index < model.rowCount():
            self._filling = True
            try:
                view.setCurrentIndex(model.index(index, 0))
                view.scrollTo(model.index(index, 0))
            finally:
                self._filling = False
        self._fill_header()

    def _fill_header(self) -> None:
        if not self.active:
            self.panel.header.setText(self.tr("Adjudication is off (Ctrl+Shift+J)."))
        elif self._count is not None:
            self.panel.header.setText(self.tr("Counting conflicts… %d%%")
                                      % round(100 * self._count.progress))
        elif not self.points:
            self.panel.header.setText(self.tr("No conflicts: every annotator agrees and gold "
                                              "holds what they drew."))
        elif self.index < 0:
            self.panel.header.setText(self.tr("%d conflicts. Alt+PgDown: the first one.")
                                      % len(self.points))
        else:
            point = self.points[self.index]
            text = self.tr("Conflict %d of %d: %s") % (self.index + 1, len(self.points),
                                                       self._kinds_text(point))
            if point.missing:
                text += " — " + self.tr("nothing from %s") % joined(
                    isolated(name) for name in point.missing)
            waiting = "; ".join(filter(None, (self._waiting_text(g) for g in point.gold)))
            if waiting:
                text += " — ⚠ " + waiting
            self.panel.header.setText(text)

    def _fill_versions(self) -> None:
        tree = self.panel.versions
        tree.clear()
        point = self.points[self.index] if 0 <= self.index < len(self.points) else None
        self._fill_header()
        if point is None or self.document is None:
            return
        document = self.document
        bold = QFont(tree.font())
        bold.setBold(True)
        view = self.window.view
        split = len({(v.start, v.end, v.label) for v in point.versions}) < len(point.versions)
        for number, version in enumerate(point.versions, 1):
            key = f"Alt+{number}" if number <= MAX_VERSIONS else ""
            if version.in_gold:
                key += " ✓"
            text = isolated(one_line(document.text[version.start:version.end], 80))
            said = self._reading_text(version.label, version.attributes, version.links)
            if said and (split or "attribute" in point.kinds or "link" in point.kinds):
                text += "\n" + said  # what this version says that the others do not
            item = QTreeWidgetItem([key, self._label_name(version.label), text,
                                    joined(version.annotators)])
            if said:
                item.setToolTip(1, said)
            item.setData(0, ID_ROLE, version.id)
            item.setData(1, ID_ROLE, number)
            item.setToolTip(2, f"[{version.start}, {version.end})\n{text}")
            colour = view.annotator_colour(version.annotators[0])
            item.setForeground(3, QBrush(colour.darker(130)))
            if version.in_gold:
                item.setFont(0, bold)
            tree.addTopLevelItem(item)
        if not point.gold:
            item = QTreeWidgetItem([self.tr("Gold"), "—", self.tr("nothing here in gold"), ""])
            for column in range(4):
                item.setBackground(column, QBrush(GOLD_ROW_BACKGROUND))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            tree.addTopLevelItem(item)
        for gold in point.gold:
            said = self._reading_text(gold.label, *adjudicate.reading(document, gold))
            text = isolated(one_line(document.span_text(gold), 80))
            waiting = self._waiting_text(gold)
            item = QTreeWidgetItem([self.tr("Gold"), self._label_name(gold.label),
                                    text + ("\n" + said if said else "")
                                    + ("\n⚠ " + waiting if waiting else ""),
                                    gold.annotator])
            item.setData(0, ID_ROLE, gold.id)
            item.setToolTip(2, f"{gold.id} [{gold.start}, {gold.end}) ← "
                            + joined(gold.link_targets(adjudicate.SOURCE)))
            for column in range(4):
                item.setFont(column, bold)
                item.setBackground(column, QBrush(GOLD_ROW_BACKGROUND))
            tree.addTopLevelItem(item)

    def _reading_text(self, label: str, attributes: Sequence[tuple[str, str]],
                      links: Sequence[tuple[str, int, int, str]]) -> str:
        """A version's attributes and links in the interface language: ``نوع الاقتباس: مباشر
        · المتحدث → «محمد»``."""
        document = self.document
        if document is None:
            return ""
        language = getattr(self.window, "language", "en")
        spec = self.window.tagset.get(label)
        parts = []
        for name, value in attributes:
            found = spec.attribute(name)
            shown = (found.ar if language == "ar" else found.en) or name if found else name
            parts.append(f"{isolated(shown)}: "
                         + isolated(found.display_value(value, language) if found else value))
        for role, start, end, _target in links:
            link = spec.link(role)
            shown = ((link.ar if language == "ar" else link.en) or role) if link else role
            parts.append(f"{isolated(shown)} → "
                         + isolated("«" + one_line(document.text[start:end], 30) + "»"))
        return " · ".join(parts)

    def _waiting_text(self, gold: Annotation) -> str:
        """The links ``gold`` waits for (their targets not in gold yet), said in a phrase."""
        document = self.document
        if document is None:
            return ""
        waiting = adjudicate.waiting_links(document, gold)
        spec = self.window.tagset.get(gold.label)
        language = getattr(self.window, "language", "en")
        parts = []
        for role, target in waiting:
            link = spec.link(role)
            shown = ((link.ar if language == "ar" else link.en) or role) if link else role
            parts.append(self.tr("%s waits for %s to be accepted") % (
                isolated(shown), isolated("«" + one_line(document.span_text(target), 30) + "»")))
        return "; ".join(parts)

    def _fill_legend(self) -> None:
        document = self.document
        if document is None or not self.active or self._list is None:
            self.panel.legend.setText("")  # (filled once the conflicts are counted)
            return
        view = self.window.view
        parts = []
        for name in self._list.annotators:
            colour = view.annotator_colour(name).name()
            parts.append(f'<span style="color:{colour}">■</span>&nbsp;{html.escape(name)}')
        parts.append(f'<span style="color:{GOLD_COLOUR.name()}">■</span>&nbsp;<b>'
                     + html.escape(self.tr("gold")) + "</b>")
        self.panel.legend.setText(" &nbsp; ".join(parts))

    def _update_actions(self) -> None:
        point = self.points[self.index] if 0 <= self.index < len(self.points) else None
        has_doc = self.document is not None
        self.actions["adjudication_mode"].setEnabled(has_doc)
        for name in ("next_conflict", "previous_conflict"):
            self.actions[name].setEnabled(has_doc)
        for number in range(1, MAX_VERSIONS + 1):
            self.actions[f"accept_version_{number}"].setEnabled(point is not None)
        for name in ("reject_gold", "edit_gold", "selection_to_gold"):
            self.actions[name].setEnabled(self.active)

    def _say(self, message: str, timeout_ms: int = 6000) -> None:
        self.window.statusBar().showMessage(message, timeout_ms)
