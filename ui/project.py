"""The project panel: a folder's documents, each one's status for this annotator, progress.

What a project is (its documents, statuses, progress) is the core's :mod:`annotator.project`;
this module shows it: a table model, and the dock with the progress bar and Mark as Done.
"""

from __future__ import annotations

from pathlib import Path

from annotator_ui.i18n import error_message, isolated
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.atomic import remove_stale_temporary_files
from annotator.project import (
    DONE,
    IN_PROGRESS,
    NOT_STARTED,
    STATUSES,
    TEI_SUFFIX,
    EntryCache,
    ProjectEntry,
    ProjectProgress,
    progress_of,
    project_files,
    set_status_in_file,
)
from annotator.tagset import PROJECT_TAGSET_NAME, TagSet, tagset_for

# Names other modules and tests import from here; the logic is the core's.
__all__ = ["DONE", "IN_PROGRESS", "NOT_STARTED", "STATUSES", "ProjectDock", "ProjectEntry",
           "ProjectModel", "progress_of", "progress_summary", "project_files",
           "set_status_in_file", "status_text"]

_ROOT = QModelIndex()
STATUS_COLOURS = {NOT_STARTED: "#9e9e9e", IN_PROGRESS: "#e69500", DONE: "#2e7d32"}

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def status_text(status: str) -> str:
    """A status in the interface language."""
    return {NOT_STARTED: translate("Project", "not started"),
            IN_PROGRESS: translate("Project", "in progress"),
            DONE: translate("Project", "done")}.get(status, status)


def progress_summary(progress: ProjectProgress) -> str:
    """``12 of 40 done, 5 in progress`` in the interface language."""
    return (translate("Project", "%1 of %2 done, %3 in progress")
            .replace("%1", str(progress.done)).replace("%2", str(progress.total))
            .replace("%3", str(progress.in_progress)))


class ProjectModel(QAbstractTableModel):
    """The project's documents: name and status, one row each."""

    NAME, STATUS = 0, 1
    PATH_ROLE = Qt.ItemDataRole.UserRole + 1
    STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self.annotator = ""
        self.entries: list[ProjectEntry] = []
        self._cache = EntryCache("")

    def load(self, folder: str | Path, annotator: str) -> None:
        """List ``folder``'s documents with their status for ``annotator``."""
        self.beginResetModel()
        if self.folder != Path(folder) or self.annotator != annotator:
            self._cache = EntryCache(annotator)
        self.folder = Path(folder)
        self.annotator = annotator
        self.entries = self._cache.list(folder)
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read the folder (files added or removed, statuses changed)."""
        if self.folder is not None:
            self.load(self.folder, self.annotator)

    def refresh_file(self, path: str | Path) -> None:
        """Re-read one file's status (after it was saved)."""
        path = Path(path)
        for row, entry in enumerate(self.entries):
            if entry.path == path:
                self._cache.forget(path)
                self.entries[row] = self._cache.entry(path)
                self.dataChanged.emit(self.index(row, 0), self.index(row, 1))
                return
        if self.folder is not None and path.parent == self.folder:
            self.refresh()

    def progress(self) -> ProjectProgress:
        return progress_of(self.entries)

    def row_of(self, path: str | Path) -> int:
        """The row of ``path``, -1 when not listed."""
        path = Path(path)
        return next((row for row, e in enumerate(self.entries) if e.path == path), -1)

    # -- Qt model -----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (QCoreApplication.translate("Project", "Document") if section == self.NAME
                    else QCoreApplication.translate("Project", "Status"))
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return isolated(entry.name)
            return status_text(entry.status) if entry.error is None else \
                QCoreApplication.translate("Project", "unreadable")
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.error is not None:
                return error_message(entry.error)
            return f"{entry.title}\n{entry.path}" if entry.title else str(entry.path)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(QColor("#c62828" if entry.error is not None
                                 else STATUS_COLOURS[entry.status]))
        if role == self.PATH_ROLE:
            return str(entry.path)
        if role == self.STATUS_ROLE:
            return entry.status
        return None


class ProjectDock(QDockWidget):
    """The project panel: documents with status, progress, the tag set, and Mark as Done.

    ``open_requested(path)`` on double-click or Enter; ``mark_done_requested(path)`` from the
    button (the window decides how: the open document is saved through its own save).
    """

    open_requested = Signal(str)
    mark_done_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("project-dock")
        self.model = ProjectModel(self)
        self.tagset: TagSet | None = None
        self.current_path: str | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.folder_label = QLabel(body)
        self.folder_label.setWordWrap(True)
        self.tagset_label = QLabel(body)
        self.tagset_label.setWordWrap(True)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.tagset_label)
        self.table = QTableView(body)
        self.table.setObjectName("project-list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            ProjectModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            ProjectModel.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._update_summary)
        self.table.doubleClicked.connect(self._activated)
        layout.addWidget(self.table, 1)
        self.progress_bar = QProgressBar(body)
        self.progress_bar.setTextVisible(False)
        self.progress_label = QLabel(body)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        buttons = QHBoxLayout()
        self.done_button = QPushButton(body)
        self.done_button.setObjectName("mark-done")
        self.done_button.clicked.connect(self._mark_done)
        self.refresh_button = QPushButton(body)
        self.refresh_button.clicked.connect(self.refresh)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.refresh_button)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.model.modelReset.connect(self._update_summary)
        self.model.dataChanged.connect(self._update_summary)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible string in the current language."""
        self.setWindowTitle(translate("Project", "Project"))
        self.done_button.setText(translate("Project", "Mark as Done"))
        self.done_button.setToolTip(translate("Project", "Record that you finished this document"))
        self.refresh_button.setText(translate("Project", "Refresh"))
        self._update_summary()

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def folder(self) -> Path | None:
        return self.model.folder

    def open_folder(self, folder: str | Path, annotator: str) -> TagSet:
        """List ``folder`` for ``annotator``; returns the project's tag set.  Temporary files
        that killed saves left in the folder are removed."""
        remove_stale_temporary_files(folder)
        self.tagset = tagset_for(folder)
        self.model.load(folder, annotator)
        self.show()
        self._update_summary()
        return self.tagset

    def refresh(self) -> None:
        """Re-read the folder."""
        self.model.refresh()
        self.set_current_path(self.current_path)

    def set_current_path(self, path: str | None) -> None:
        """Select the open document's row (if it is one of the project's)."""
        self.current_path = path
        row = self.model.row_of(path) if path else -1
        selection = self.table.selectionModel()
        if row >= 0:
            selection.setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        else:
            selection.clearSelection()
        self._update_summary()

    def selected_path(self) -> str | None:
        """The path of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return str(rows[0].data(ProjectModel.PATH_ROLE)) if rows else None

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(index.data(ProjectModel.PATH_ROLE))

    def _mark_done(self) -> None:
        path = self.selected_path()
        if path:
            self.mark_done_requested.emit(path)

    def _update_summary(self, *_args: object) -> None:
        folder = self.model.folder
        if folder is None:
            self.folder_label.setText(translate("Project", "No folder open (File > Open Folder…)"))
            self.tagset_label.setText("")
            self.progress_label.setText("")
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(0)
            self.done_button.setEnabled(False)
            return
        self.folder_label.setText(translate("Project", "Folder: %1")
                                  .replace("%1", isolated(folder.name)))
        self.folder_label.setToolTip(str(folder))
        if self.tagset is not None and (folder / PROJECT_TAGSET_NAME).is_file():
            self.tagset_label.setText(translate("Project", "Tag set: %1 (from the folder)")
                                      .replace("%1", isolated(self.tagset.name)))
        elif self.tagset is not None:
            self.tagset_label.setText(translate("Project", "Tag set: %1 (default)")
                                      .replace("%1", isolated(self.tagset.name)))
        progress = self.model.progress()
        self.progress_label.setText(progress_summary(progress))
        self.progress_bar.setRange(0, max(progress.total, 1))
        self.progress_bar.setValue(progress.done)
        selected = self.selected_path()
        self.done_button.setEnabled(bool(selected and (selected.lower().endswith(TEI_SUFFIX)
                                                       or selected == self.current_path)))

