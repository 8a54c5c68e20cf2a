"""A folder opened as a project: its documents, each one's status for this annotator, progress.

The status of a document is ``Document.status[annotator]`` in its TEI file (``not started``,
``in progress``, ``done``); a text or JSONL file not yet saved as TEI is ``not started``.  When
``x.txt`` and ``x.tei.xml`` both exist only the TEI file is listed (it is the annotated copy).
The folder's ``tagset.toml``, when present, is the project's tag set.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

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

from annotator.errors import AnnotatorError
from annotator.tagset import PROJECT_TAGSET_NAME, TagSet, tagset_for
from annotator.tei import read_tei, save_tei

NOT_STARTED = "not started"
IN_PROGRESS = "in progress"
DONE = "done"
STATUSES = (NOT_STARTED, IN_PROGRESS, DONE)
TEI_SUFFIX = ".tei.xml"
SOURCE_SUFFIXES = (".txt", ".jsonl")
_ROOT = QModelIndex()
STATUS_COLOURS = {NOT_STARTED: "#9e9e9e", IN_PROGRESS: "#e69500", DONE: "#2e7d32"}

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def isolate(text: str) -> str:
    """``text`` as a bidi isolate (FSI…PDI): a file name keeps its own direction in a
    mirrored interface (``000_x.tei.xml`` stays that way round in Arabic)."""
    return "\u2068" + text + "\u2069"


def status_text(status: str) -> str:
    """A status in the interface language."""
    return {NOT_STARTED: translate("Project", "not started"),
            IN_PROGRESS: translate("Project", "in progress"),
            DONE: translate("Project", "done")}.get(status, status)


def _stem(path: Path) -> str:
    name = path.name
    lower = name.lower()
    for suffix in (TEI_SUFFIX, *SOURCE_SUFFIXES):
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def project_files(folder: str | Path) -> list[Path]:
    """The documents of a folder: TEI files, and text/JSONL files without a TEI copy, by name."""
    folder = Path(folder)
    files = [p for p in folder.iterdir()
             if p.is_file() and not p.name.startswith(".")
             and p.name.lower().endswith((TEI_SUFFIX, *SOURCE_SUFFIXES))]
    annotated = {_stem(p) for p in files if p.name.lower().endswith(TEI_SUFFIX)}
    kept = [p for p in files
            if p.name.lower().endswith(TEI_SUFFIX) or _stem(p) not in annotated]
    return sorted(kept, key=lambda p: p.name.casefold())


@dataclass(frozen=True)
class ProjectEntry:
    """One document of the project as listed."""

    path: Path
    status: str = NOT_STARTED
    title: str = ""
    error: str = ""  # why the file could not be read, if it could not

    @property
    def name(self) -> str:
        return self.path.name


def read_status(path: Path, annotator: str) -> ProjectEntry:
    """The entry for one file: its status for ``annotator`` (from the TEI header)."""
    if not path.name.lower().endswith(TEI_SUFFIX):
        return ProjectEntry(path)
    try:
        document = read_tei(path).document
    except (AnnotatorError, OSError) as error:
        return ProjectEntry(path, NOT_STARTED, "", str(error))
    status = document.status.get(annotator, NOT_STARTED)
    if status not in STATUSES:
        status = IN_PROGRESS
    return ProjectEntry(path, status, document.title)


def set_status_in_file(path: str | Path, annotator: str, status: str, *,
                       tagset: TagSet | None = None) -> None:
    """Record ``status`` for ``annotator`` in the TEI file at ``path`` (rewritten atomically)."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    result = read_tei(path)
    if result.problems:
        raise AnnotatorError(result.problems[0], path=str(path))
    result.document.status[annotator] = status
    save_tei(result.document, path, tagset=tagset)


@dataclass(frozen=True)
class Progress:
    """How far the annotator is through the project."""

    total: int
    done: int
    in_progress: int

    @property
    def not_started(self) -> int:
        return self.total - self.done - self.in_progress

    def summary(self) -> str:
        """``12 of 40 done, 5 in progress`` in the interface language."""
        return (QCoreApplication.translate("Project", "%1 of %2 done, %3 in progress")
                .replace("%1", str(self.done)).replace("%2", str(self.total))
                .replace("%3", str(self.in_progress)))


def progress_of(entries: list[ProjectEntry]) -> Progress:
    """Counts of done and in-progress documents."""
    return Progress(len(entries), sum(e.status == DONE for e in entries),
                    sum(e.status == IN_PROGRESS for e in entries))


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
        self._cache: dict[Path, tuple[tuple[int, int], ProjectEntry]] = {}

    def load(self, folder: str | Path, annotator: str) -> None:
        """List ``folder``'s documents with their status for ``annotator``."""
        self.beginResetModel()
        if self.folder != Path(folder) or self.annotator != annotator:
            self._cache.clear()
        self.folder = Path(folder)
        self.annotator = annotator
        self.entries = [self._entry(p) for p in project_files(folder)]
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
                self._cache.pop(path, None)
                self.entries[row] = self._entry(path)
                self.dataChanged.emit(self.index(row, 0), self.index(row, 1))
                return
        if self.folder is not None and path.parent == self.folder:
            self.refresh()

    def _entry(self, path: Path) -> ProjectEntry:
        try:
            stat = os.stat(path)
        except OSError:
            return ProjectEntry(path)
        key = (stat.st_size, stat.st_mtime_ns)
        cached = self._cache.get(path)
        if cached is not None and cached[0] == key:
            return cached[1]
        entry = read_status(path, self.annotator)
        self._cache[path] = (key, entry)
        return entry

    def progress(self) -> Progress:
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
                return isolate(entry.name)
            return status_text(entry.status) if not entry.error else \
                QCoreApplication.translate("Project", "unreadable")
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.error or (f"{entry.title}\n{entry.path}" if entry.title
                                   else str(entry.path))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(QColor("#c62828" if entry.error else STATUS_COLOURS[entry.status]))
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
        """List ``folder`` for ``annotator``; returns the project's tag set."""
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
        return rows[0].data(ProjectModel.PATH_ROLE) if rows else None

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
                                  .replace("%1", isolate(folder.name)))
        self.folder_label.setToolTip(str(folder))
        if self.tagset is not None and (folder / PROJECT_TAGSET_NAME).is_file():
            self.tagset_label.setText(translate("Project", "Tag set: %1 (from the folder)")
                                      .replace("%1", isolate(self.tagset.name)))
        elif self.tagset is not None:
            self.tagset_label.setText(translate("Project", "Tag set: %1 (default)")
                                      .replace("%1", isolate(self.tagset.name)))
        progress = self.model.progress()
        self.progress_label.setText(progress.summary())
        self.progress_bar.setRange(0, max(progress.total, 1))
        self.progress_bar.setValue(progress.done)
        selected = self.selected_path()
        self.done_button.setEnabled(bool(selected) and (selected.lower().endswith(TEI_SUFFIX)
                                                        or selected == self.current_path))

