"""Opening files: File > Open Recent, drag and drop onto the window, and the document picker
for files that hold several documents (JSONL).

Reading a file is the core's (``annotator.opening.read_documents_from``).  The recent list is
kept in the settings; a file that no longer exists is shown disabled.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator_ui.i18n import isolated
from annotator_ui.settings import Settings
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from annotator.model import Document
from annotator.opening import OPENABLE_SUFFIXES, is_openable, read_documents_from

__all__ = ["OPENABLE_SUFFIXES", "FileDropFilter", "PickDocument", "RecentFilesMenu",
           "document_choice_label", "is_openable", "pick_document_dialog", "read_all_documents"]

# The name ui/workflow.py imports; the reader itself is the core's.
read_all_documents = read_documents_from


def document_choice_label(number: int, document: Document) -> str:
    """How a document is listed in the picker: number, id, title or first words."""
    words = " ".join(document.text.split()[:8])
    return f"{number}. {isolated(document.id)} — {isolated(document.title or words)}"


def pick_document_dialog(parent: QWidget | None, path: str,
                         documents: list[Document]) -> int | None:
    """Ask which of several documents in ``path`` to open; its index, or None (cancel)."""
    choices = [document_choice_label(i, d) for i, d in enumerate(documents, 1)]
    choice, ok = QInputDialog.getItem(
        parent, QCoreApplication.translate("OpenFile", "Choose a document"),
        QCoreApplication.translate("OpenFile", "“%1” holds %2 documents. Open which one?")
        .replace("%1", isolated(Path(path).name)).replace("%2", str(len(documents))),
        choices, 0, False)
    if not ok:
        return None
    return choices.index(choice)


PickDocument = Callable[[QWidget | None, str, list[Document]], int | None]


class RecentFilesMenu(QObject):
    """Keeps File > Open Recent in step with the settings; ``open_requested(path)`` on a click."""

    open_requested = Signal(str)

    def __init__(self, menu: QMenu, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = menu
        self.settings = settings
        self.menu.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def add(self, path: str | Path) -> None:
        """Put ``path`` first in the list."""
        self.settings.add_recent_file(path)
        self.rebuild()

    def remove(self, path: str | Path) -> None:
        """Take ``path`` out of the list (it could not be opened)."""
        self.settings.remove_recent_file(path)
        self.rebuild()

    def rebuild(self) -> None:
        """Refill the menu from the settings."""
        self.menu.clear()
        paths = self.settings.recent_files
        for number, path in enumerate(paths, 1):
            shortcut = f"&{number % 10} " if number <= 10 else ""
            action = QAction(f"{shortcut}{isolated(Path(path).name)}", self.menu)
            action.setToolTip(isolated(path))
            action.setStatusTip(isolated(path))
            action.setData(path)
            action.setEnabled(Path(path).is_file())
            action.triggered.connect(lambda _=False, p=path: self.open_requested.emit(p))
            self.menu.addAction(action)
        if paths:
            self.menu.addSeparator()
        clear = QAction(QCoreApplication.translate("OpenFile", "Clear Recent Files"), self.menu)
        clear.setObjectName("clear_recent")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self._clear)
        self.menu.addAction(clear)
        self.menu.setEnabled(True)

    def _clear(self) -> None:
        self.settings.recent_files = []
        self.rebuild()

    def paths(self) -> list[str]:
        """The paths listed, in menu order."""
        return [str(a.data()) for a in self.menu.actions() if a.data()]


def _local_paths(urls: list[QUrl]) -> list[str]:
    return [url.toLocalFile() for url in urls if url.isLocalFile()]


class FileDropFilter(QObject):
    """Event filter that accepts files dropped on a widget and emits ``files_dropped(paths)``.

    Install it on the window and on any child that would take the drop itself (the text
    view's viewport).  Only files the app can open are accepted; folders are passed on as
    ``folder_dropped(path)``.
    """

    files_dropped = Signal(list)
    folder_dropped = Signal(str)

    def watch(self, widget: QWidget) -> None:
        """Accept drops on ``widget``."""
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragMoveEvent)  # QDragEnterEvent is one too
            paths = _local_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
            if any(is_openable(p) or Path(p).is_dir() for p in paths):
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = _local_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
            folders = [p for p in paths if Path(p).is_dir()]
            files = [p for p in paths if is_openable(p) and Path(p).is_file()]
            if not files and not folders:
                return False
            event.acceptProposedAction()
            if files:
                self.files_dropped.emit(files)
            elif folders:
                self.folder_dropped.emit(folders[0])
            return True
        return False
