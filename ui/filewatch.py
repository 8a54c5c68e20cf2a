"""Noticing that someone else changed the open file on disk.

At load and save the file's size, ``mtime_ns`` and SHA-256 are remembered
(:class:`FileStamp`).  Before the next save :meth:`DiskGuard.confirm_save` compares them and,
when the file changed, asks: overwrite, save as, or cancel.  With live watching on, a
:class:`QFileSystemWatcher` reports the change as it happens (``changed_on_disk``) so the
window can offer to reload.  The questions are plain callables, replaceable in tests.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator_ui.i18n import isolated
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

OVERWRITE = "overwrite"
SAVE_AS = "save_as"
CANCEL = "cancel"
RELOAD = "reload"
KEEP = "keep"


@dataclass(frozen=True)
class FileStamp:
    """What a file looked like at one moment."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: str | Path) -> FileStamp | None:
        """The stamp of the file at ``path`` now, or None when it does not exist."""
        try:
            stat = os.stat(path)
            digest = hashlib.sha256()
            with open(path, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        except (FileNotFoundError, NotADirectoryError):
            return None
        return cls(stat.st_size, stat.st_mtime_ns, digest.hexdigest())

    def same_content(self, other: FileStamp | None) -> bool:
        """True when ``other`` holds the same bytes (a touched file is not a changed one)."""
        return other is not None and self.size == other.size and self.sha256 == other.sha256


def _quick_unchanged(path: str, stamp: FileStamp) -> bool:
    try:
        stat = os.stat(path)
    except OSError:
        return False
    return stat.st_size == stamp.size and stat.st_mtime_ns == stamp.mtime_ns


def ask_overwrite_dialog(parent: QWidget | None, path: str) -> str:
    """Ask what to do with a file changed on disk: OVERWRITE, SAVE_AS or CANCEL."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("FileWatch", "File changed on disk"))
    box.setText(QCoreApplication.translate(
        "FileWatch", "“%1” was changed by another program since you opened it.")
        .replace("%1", isolated(Path(path).name)))
    box.setInformativeText(QCoreApplication.translate(
        "FileWatch", "Overwrite it with your version, save yours under another name, "
        "or cancel?"))
    overwrite = box.addButton(QCoreApplication.translate("FileWatch", "Overwrite"),
                              QMessageBox.ButtonRole.DestructiveRole)
    save_as = box.addButton(QCoreApplication.translate("FileWatch", "Save As…"),
                            QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.exec()
    clicked = box.clickedButton()
    if clicked is overwrite:
        return OVERWRITE
    if clicked is save_as:
        return SAVE_AS
    return CANCEL


def ask_reload_dialog(parent: QWidget | None, path: str, modified: bool) -> str:
    """Ask whether to reload a file changed on disk: RELOAD or KEEP."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("FileWatch", "File changed on disk"))
    box.setText(QCoreApplication.translate(
        "FileWatch", "“%1” was changed by another program.")
        .replace("%1", isolated(Path(path).name)))
    if modified:
        info = QCoreApplication.translate(
            "FileWatch", "Reload it and lose your unsaved changes, or keep your version?")
    else:
        info = QCoreApplication.translate("FileWatch", "Reload it?")
    box.setInformativeText(info)
    reload = box.addButton(QCoreApplication.translate("FileWatch", "Reload"),
                           QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("FileWatch", "Keep Mine"),
                  QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return RELOAD if box.clickedButton() is reload else KEEP


AskOverwrite = Callable[[QWidget | None, str], str]
AskReload = Callable[[QWidget | None, str, bool], str]


class DiskGuard(QObject):
    """Remembers the open file's stamp and guards saves against changes made elsewhere.

    ``changed_on_disk(path)`` is emitted (live watching only) once per outside change.
    """

    changed_on_disk = Signal(str)

    def __init__(self, parent: QObject | None = None, *, watch: bool = True,
                 ask_overwrite: AskOverwrite | None = None,
                 ask_reload: AskReload | None = None) -> None:
        super().__init__(parent)
        self.ask_overwrite: AskOverwrite = ask_overwrite or ask_overwrite_dialog
        self.ask_reload: AskReload = ask_reload or ask_reload_dialog
        self._path: str | None = None
        self._stamp: FileStamp | None = None
        self._watcher = None
        self._reported: FileStamp | None = None
        if watch:
            from PySide6.QtCore import QFileSystemWatcher

            self._watcher = QFileSystemWatcher(self)
            self._watcher.fileChanged.connect(self._on_file_changed)
            self._watcher.directoryChanged.connect(self._on_directory_changed)

    @property
    def path(self) -> str | None:
        return self._path

    @property
    def stamp(self) -> FileStamp | None:
        return self._stamp

    def remember(self, path: str | Path | None) -> None:
        """Record the file as it is now (call right after loading or saving it)."""
        self._unwatch()
        self._path = os.path.abspath(os.fspath(path)) if path else None
        self._stamp = FileStamp.of(self._path) if self._path else None
        self._reported = None
        self._watch()

    def forget(self) -> None:
        """Stop guarding (document closed)."""
        self.remember(None)

    def changed_since(self) -> bool:
        """True when the remembered file's bytes differ from what was loaded or saved."""
        if self._path is None or self._stamp is None:
            return False
        if _quick_unchanged(self._path, self._stamp):
            return False
        return not self._stamp.same_content(FileStamp.of(self._path))

    def confirm_save(self, parent: QWidget | None, path: str | Path) -> str:
        """Before writing ``path``: OVERWRITE when safe or confirmed, else SAVE_AS or CANCEL."""
        target = os.path.abspath(os.fspath(path))
        if target != self._path:
            return OVERWRITE  # a new target chosen by Save As: the file dialog confirmed it
        if not self.changed_since():
            return OVERWRITE
        return self.ask_overwrite(parent, target)

    # -- live watching ----------------------------------------------------------
    def _watch(self) -> None:
        if self._watcher is None or self._path is None:
            return
        if os.path.exists(self._path):
            self._watcher.addPath(self._path)
        folder = os.path.dirname(self._path)
        if os.path.isdir(folder):
            self._watcher.addPath(folder)  # atomic replaces swap the file's inode

    def _unwatch(self) -> None:
        if self._watcher is None:
            return
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)

    def _on_directory_changed(self, _folder: str) -> None:
        if self._path and self._watcher is not None and os.path.exists(self._path) \
                and self._path not in self._watcher.files():
            self._watcher.addPath(self._path)
        self._on_file_changed(self._path or "")

    def _on_file_changed(self, path: str) -> None:
        if not self._path or os.path.abspath(path) != self._path or self._stamp is None:
            return
        # Writers often truncate then write: look again once the burst is over.
        QTimer.singleShot(150, self._check_live)

    def _check_live(self) -> None:
        if not self._path or self._stamp is None:
            return
        now = FileStamp.of(self._path)
        if now is None or self._stamp.same_content(now):
            return
        if self._reported is not None and self._reported.same_content(now):
            return
        self._reported = now
        if self._watcher is not None and self._path not in self._watcher.files():
            self._watcher.addPath(self._path)
        self.changed_on_disk.emit(self._path)

    def check_now(self) -> bool:
        """Look at the file now; emit ``changed_on_disk`` if it changed (e.g. on window focus)."""
        before = self._reported
        self._check_live()
        return self._reported is not before
