"""A team project in the app: the annotator's queue (or the lead's overview) and sync.

What a team project holds and where each file is comes from the core
(:mod:`annotator.teamproject`, :mod:`annotator.teamstatus`, :mod:`annotator.teamsync`);
this module shows it: a table of documents with a filter (:class:`TeamDock`), and
:class:`SyncRunner`, which runs a sync on a worker thread and reports back on the UI thread.
"""

from __future__ import annotations

import contextlib
import os
import threading
import unicodedata
from collections.abc import Callable
from pathlib import Path

from annotator_ui.i18n import error_message, isolated
from annotator_ui.project import status_text as project_status_text
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.project import DONE, IN_PROGRESS, NOT_STARTED
from annotator.teamproject import (
    ANNOTATIONS,
    GOLD_FOLDER,
    PROJECT_FILE,
    TEI_SUFFIX,
    TEXTS,
    TeamProject,
)
from annotator.teamstatus import UNREADABLE, DocumentState, ProjectState, project_status
from annotator.teamsync import SyncResult, sync

_ROOT = QModelIndex()
UNDONE = "undone"  # the filter's "not done" choice
COLOURS = {NOT_STARTED: "#9e9e9e", IN_PROGRESS: "#e69500", DONE: "#2e7d32",
           UNREADABLE: "#c62828"}

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def status_text(status: str) -> str:
    """A status in the interface language (the project list's words, and "unreadable")."""
    if status == UNREADABLE:
        return translate("TeamQueue", "unreadable")
    return project_status_text(status)


def is_right_to_left(text: str) -> bool:
    """True when the first letter with a strong direction in ``text`` is right-to-left."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


STATUS_MARKS = {NOT_STARTED: "○", IN_PROGRESS: "◐", DONE: "✓", UNREADABLE: "⚠"}


def project_root_of(path: str | Path | None) -> Path | None:
    """The team project ``path`` belongs to (a text, an annotator's file or a gold file of a
    folder with ``project.toml``), else None."""
    if not path:
        return None
    folder = Path(path).parent
    for root in (folder.parent, folder.parent.parent):
        if (root / PROJECT_FILE).is_file() and (
                folder.name in (TEXTS, GOLD_FOLDER) or folder.parent.name == ANNOTATIONS):
            return root
    return None


def tagset_folder(path: str | Path | None) -> Path | None:
    """Where the tag set of the file ``path`` is looked for: its team project's root, else
    its own folder (None without a path)."""
    if not path:
        return None
    return project_root_of(path) or Path(path).parent


def doc_id_of(path: str | Path | None) -> str | None:
    """The document id a project file is named after (``<id>.tei.xml``)."""
    name = Path(path).name if path else ""
    return name[: -len(TEI_SUFFIX)] if name.endswith(TEI_SUFFIX) else None


def overall_status(document: DocumentState) -> str:
    """Done when every assigned annotator is done, not started when nobody started."""
    states = [document.layers[n].status for n in document.assigned if n in document.layers]
    states = states or [s.status for s in document.layers.values()] or [NOT_STARTED]
    if all(s == DONE for s in states):
        return DONE
    if all(s == NOT_STARTED for s in states):
        return NOT_STARTED
    return IN_PROGRESS


class QueueModel(QAbstractTableModel):
    """The documents of a team project for one person: their own queue (their assigned
    documents, their status and count), or for the lead every document with everybody's."""

    TITLE, STATUS, COUNT, MERGED = 0, 1, 2, 3
    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: TeamProject | None = None
        self.name = ""
        self.documents: list[DocumentState] = []
        self.merged: set[str] = set()
        self.warning = ""

    @property
    def is_lead(self) -> bool:
        return self.project is not None and self.name == self.project.config.lead

    def load(self, root: str | Path, name: str) -> None:
        """Read the project in ``root`` (through its status index) for ``name``."""
        state: ProjectState = project_status(root, workers=1)
        self.beginResetModel()
        self.project = TeamProject(Path(root), state.config)
        self.name = name
        self.warning = error_message(state.warnings[0]) if state.warnings else ""
        if self.is_lead:
            self.documents = list(state.documents)
        else:
            self.documents = [d for d in state.documents
                              if name in d.assigned or name in d.layers]
        try:
            self.merged = {n[: -len(TEI_SUFFIX)] for n in os.listdir(self.project.gold_dir)
                           if n.endswith(TEI_SUFFIX)}
        except OSError:
            self.merged = set()
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.project, self.documents, self.merged = None, [], set()
        self.endResetModel()

    def refresh(self) -> None:
        if self.project is not None:
            self.load(self.project.root, self.name)

    def status_of(self, document: DocumentState) -> str:
        """This person's status of ``document`` (the lead: everybody's together)."""
        if self.is_lead:
            return overall_status(document)
        layer = document.layers.get(self.name)
        return layer.status if layer is not None else NOT_STARTED

    def count_of(self, document: DocumentState) -> int:
        if self.is_lead:
            return sum(layer.annotations for layer in document.layers.values())
        layer = document.layers.get(self.name)
        return layer.annotations if layer is not None else 0

    def row_of(self, doc_id: str | None) -> int:
        return next((r for r, d in enumerate(self.documents) if d.id == doc_id), -1)

    def done_count(self) -> int:
        return sum(self.status_of(d) == DONE for d in self.documents)

    # -- Qt model -----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.documents)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else (4 if self.is_lead else 3)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {self.TITLE: translate("TeamQueue", "Document"),
                self.STATUS: translate("TeamQueue", "Status"),
                self.COUNT: translate("TeamQueue", "Annotations"),
                self.MERGED: translate("TeamQueue", "Merged")}.get(section)

    def _status_cell(self, document: DocumentState) -> str:
        if not self.is_lead:
            return status_text(self.status_of(document))
        # The lead's compact cell: each annotator with a mark (the tooltip has the words).
        return "  ".join(f"{isolated(n)} {STATUS_MARKS.get(s.status, '?')}"
                         for n, s in document.layers.items())

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.documents):
            return None
        document = self.documents[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return document.title or document.id
            if column == self.STATUS:
                return self._status_cell(document)
            if column == self.COUNT:
                return self.count_of(document)
            return "✓" if document.id in self.merged else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            errors = [s.error for s in document.layers.values() if s.error]
            lines = [isolated(document.id), *errors]
            if self.is_lead:
                lines += [f"{isolated(n)}: {status_text(s.status)} ({s.annotations})"
                          for n, s in document.layers.items()]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(QColor(COLOURS.get(self.status_of(document), "#000000")))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.COUNT, self.MERGED):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.TITLE:
            # A title starts on its own side, whatever the interface's direction.
            side = (Qt.AlignmentFlag.AlignRight if is_right_to_left(document.title)
                    else Qt.AlignmentFlag.AlignLeft)
            return int(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        if role == self.ID_ROLE:
            return document.id
        if role == self.STATUS_ROLE:
            return self.status_of(document)
        return None


class QueueFilter(QSortFilterProxyModel):
    """The rows whose title or id contains :attr:`text` and whose status is :attr:`status`
    ("" for any, :data:`UNDONE` for anything but done)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.status = ""

    def set_filter(self, text: str, status: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and newer
            self.beginFilterChange()
            self.text, self.status = text.casefold().strip(), status
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.text, self.status = text.casefold().strip(), status
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, QueueModel)
        document = model.documents[source_row]
        status = model.status_of(document)
        if self.status == UNDONE and status == DONE:
            return False
        if self.status not in ("", UNDONE) and status != self.status:
            return False
        return not self.text or self.text in document.title.casefold() \
            or self.text in document.id.casefold()


class TeamDock(QDockWidget):
    """The team project panel: who you are, your queue with a filter, progress.

    ``open_requested(id)`` on double-click or Enter (your own file of the document);
    ``merged_requested(id)`` from the lead's Open Merged button.
    """

    open_requested = Signal(str)
    merged_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("team-dock")
        self.model = QueueModel(self)
        self.proxy = QueueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.current_id: str | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.who_label = QLabel(body)
        self.who_label.setWordWrap(True)
        layout.addWidget(self.who_label)
        filters = QHBoxLayout()
        self.filter_edit = QLineEdit(body)
        self.filter_edit.setObjectName("team-filter")
        self.filter_edit.setClearButtonEnabled(True)
        self.status_combo = QComboBox(body)
        self.status_combo.setObjectName("team-status-filter")
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.status_combo)
        layout.addLayout(filters)
        self.table = QTableView(body)
        self.table.setObjectName("team-queue")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        layout.addWidget(self.table, 1)
        self.progress_label = QLabel(body)
        self.progress_label.setWordWrap(True)
        layout.addWidget(self.progress_label)
        buttons = QHBoxLayout()
        self.merged_button = QPushButton(body)
        self.merged_button.setObjectName("open-merged")
        self.merged_button.clicked.connect(self._open_merged)
        self.refresh_button = QPushButton(body)
        self.refresh_button.clicked.connect(self.refresh)
        buttons.addWidget(self.merged_button)
        buttons.addWidget(self.refresh_button)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.status_combo.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_summary)
        self.model.modelReset.connect(self._model_reset)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible string in the current language."""
        self.setWindowTitle(translate("TeamQueue", "Team Project"))
        self.filter_edit.setPlaceholderText(translate("TeamQueue", "Filter by title or id"))
        chosen = self.status_combo.currentIndex()
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        for text, key in ((translate("TeamQueue", "Any status"), ""),
                          (translate("TeamQueue", "Not done"), UNDONE),
                          (status_text(NOT_STARTED), NOT_STARTED),
                          (status_text(IN_PROGRESS), IN_PROGRESS),
                          (status_text(DONE), DONE)):
            self.status_combo.addItem(text, key)
        self.status_combo.setCurrentIndex(max(chosen, 0))
        self.status_combo.blockSignals(False)
        self.merged_button.setText(translate("TeamQueue", "Open Merged"))
        self.merged_button.setToolTip(translate(
            "TeamQueue", "Open the merged document to adjudicate it (Ctrl+Shift+J)"))
        self.refresh_button.setText(translate("TeamQueue", "Refresh"))
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def project(self) -> TeamProject | None:
        return self.model.project

    def open_project(self, root: str | Path, name: str) -> None:
        """Show the project in ``root`` for ``name``."""
        self.model.load(root, name)
        self.show()

    def close_project(self) -> None:
        """Show no project (another folder was opened)."""
        self.model.clear()
        self.hide()

    def refresh(self) -> None:
        """Read the project again (after a save or a sync)."""
        self.model.refresh()

    def set_filter(self, text: str, status: str = "") -> None:
        self.filter_edit.setText(text)
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(status), 0))

    def set_current(self, doc_id: str | None) -> None:
        """Select the open document's row."""
        self.current_id = doc_id
        row = self.model.row_of(doc_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
        if index is not None and index.isValid():
            self.table.selectRow(index.row())
        else:
            self.table.clearSelection()
        self._update_summary()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return str(rows[0].data(QueueModel.ID_ROLE)) if rows else None

    def next_undone(self, step: int) -> str | None:
        """The next (``+1``) or previous (``-1``) document of the queue after the current one
        that is not done, wrapping around; None when every other one is done."""
        documents = self.model.documents
        start = self.model.row_of(self.current_id)
        if start < 0:
            start = -1 if step > 0 else len(documents)
        for offset in range(1, len(documents) + 1):
            row = (start + step * offset) % len(documents)
            document = documents[row]
            if document.id != self.current_id and self.model.status_of(document) != DONE:
                return document.id
        return None

    def _filter_changed(self, *_args: object) -> None:
        self.proxy.set_filter(self.filter_edit.text(), self.status_combo.currentData() or "")
        self._update_summary()

    def _model_reset(self) -> None:
        lead = self.model.is_lead
        self.merged_button.setVisible(lead)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QueueModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.set_current(self.current_id)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(index.data(QueueModel.ID_ROLE))

    def _open_merged(self) -> None:
        doc_id = self.selected_id()
        if doc_id and doc_id in self.model.merged:
            self.merged_requested.emit(doc_id)

    def _update_summary(self, *_args: object) -> None:
        model = self.model
        project = model.project
        if project is None:
            self.who_label.setText("")
            self.progress_label.setText("")
            self.merged_button.setEnabled(False)
            return
        name = project.config.name or project.root.name
        text = (translate("TeamQueue", "%1 — you are %2 (lead): every document")
                if model.is_lead else translate("TeamQueue", "%1 — you are %2: your queue"))
        self.who_label.setText(text.replace("%1", isolated(name))
                               .replace("%2", isolated(model.name)))
        self.who_label.setToolTip(str(project.root))
        if not model.documents and not model.is_lead:
            summary = translate("TeamQueue", "No documents are assigned to you.")
        else:
            summary = (translate("TeamQueue", "%1 of %2 done; %3 shown")
                       .replace("%1", str(model.done_count()))
                       .replace("%2", str(len(model.documents)))
                       .replace("%3", str(self.proxy.rowCount())))
        if model.is_lead:
            summary += "\n" + "  ".join(f"{STATUS_MARKS[s]} {status_text(s)}"
                                         for s in (DONE, IN_PROGRESS, NOT_STARTED))
        self.progress_label.setText(summary + (f"\n{model.warning}" if model.warning else ""))
        selected = self.selected_id()
        self.merged_button.setEnabled(bool(selected and selected in model.merged))


class SyncRunner(QObject):
    """Runs :func:`annotator.teamsync.sync` on a worker thread; ``finished(ok, message)``
    arrives on the UI thread.  :attr:`run_sync` is the function run (tests wrap it)."""

    finished = Signal(bool, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.run_sync: Callable[[TeamProject, str], SyncResult] = \
            lambda project, name: sync(project, name)
        self.worker: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.is_alive()

    def start(self, project: TeamProject, name: str) -> bool:
        """Start a sync of ``name``'s files; False when one is still running."""
        if self.running:
            return False
        self.worker = threading.Thread(target=self._work, args=(project, name),
                                       name="annotator-sync", daemon=True)
        self.worker.start()
        return True

    def _work(self, project: TeamProject, name: str) -> None:
        try:
            result = self.run_sync(project, name)
        except AnnotatorError as error:
            self._report(False, error_message(error))
            return
        except OSError as error:
            self._report(False, f"{project.root}: {error.strerror or error}")
            return
        self._report(True, result_text(result))

    def _report(self, ok: bool, message: str) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed while the sync ran
            self.finished.emit(ok, message)


def result_text(result: SyncResult) -> str:
    """One line saying what a sync did, in the interface language."""
    if result.remote is None:
        text = translate("TeamQueue", "Synced: %1 file(s) committed; no remote to share with.")
    elif result.pushed or result.integrated or result.committed:
        text = translate("TeamQueue",
                         "Synced: %1 file(s) sent, %2 change(s) from others brought in.")
    else:
        text = translate("TeamQueue", "Synced: already up to date.")
    return text.replace("%1", str(len(result.committed))).replace("%2", str(result.integrated))
