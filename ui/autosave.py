"""Autosave and crash recovery in the app: the timer that writes recovery copies, and the
dialog that offers them at the next start.

The copies themselves (where, how, which to offer) are the core's :mod:`annotator.recovery`;
here the store lives in the user's data folder, ``<AppDataLocation>/recovery``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from annotator_ui.i18n import error_message, isolated, left_to_right
from annotator_ui.settings import APPLICATION, ORGANISATION
from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator import recovery
from annotator.errors import AnnotatorError
from annotator.model import Document
from annotator.recovery import RecoveryEntry, RecoverySlot, local_time
from annotator.tagset import TagSet

__all__ = ["DEFAULT_INTERVAL_MS", "Autosaver", "ChooseRecovery", "DocumentSource",
           "RecoveryDialog", "RecoveryEntry", "RecoveryStore", "choose_with_dialog",
           "default_recovery_folder", "local_time", "offer_recovery"]

DEFAULT_INTERVAL_MS = 5000


def default_recovery_folder() -> Path:
    """``<AppDataLocation>/recovery`` (organisation and app names filled in when unset)."""
    app = QCoreApplication.instance()
    if app is not None and app.organizationName() and app.applicationName():
        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    else:
        generic = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.GenericDataLocation)
        base = os.path.join(generic, ORGANISATION, APPLICATION)
    return Path(base) / "recovery"


class RecoveryStore(recovery.RecoveryStore):
    """The core store, in :func:`default_recovery_folder` unless given a folder."""

    def __init__(self, folder: str | Path | None = None) -> None:
        super().__init__(folder if folder is not None else default_recovery_folder())


# What the autosaver asks the window for: (document, original path, tag set).
DocumentSource = Callable[[], tuple[Document | None, str | None, TagSet | None]]


class Autosaver(QObject):
    """Writes the window's recovery copy a few seconds after the last change.

    Call :meth:`document_changed` on every edit: it (re)starts a single-shot timer, so a
    burst of edits is written once, ``interval_ms`` after the last.  Call :meth:`clear` after
    a clean save or close.  ``saved(path)`` / ``failed(message)`` report each write.

    When the timer fires, the document is copied on the GUI thread (:meth:`Document.copy
    <annotator.model.Document.copy>`, a dictionary copy) and the copy is written on one
    worker thread: serialising a big document to TEI takes seconds, which typing must not
    wait for.  Edits made meanwhile are written at the next timer.  :meth:`flush` writes
    at once, after waiting for a write in progress; :meth:`clear` waits for it too before
    deleting the copy, so none is left behind.

    The copy lives in a slot of the store that only this autosaver uses (claimed at its first
    write, given up by :meth:`clear`), so other windows on the same file keep theirs.

    :meth:`set_held` holds the timer's copies back while the window stores a suggestions run
    (see there); :meth:`flush` still writes.
    """

    saved = Signal(str)
    failed = Signal(str)
    _written = Signal(object)  # the worker's Future, handled on the GUI thread

    def __init__(self, store: recovery.RecoveryStore, source: DocumentSource, *,
                 interval_ms: int = DEFAULT_INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._source = source
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._write_in_background)
        self._pending = False  # changed since the last copy was taken
        self._held = False  # the timer writes nothing until released (set_held)
        self._slot: RecoverySlot | None = None
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="annotator-autosave")
        self._writing: Future[RecoveryEntry] | None = None
        self._written.connect(self._write_finished)

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_interval(self, interval_ms: int) -> None:
        """Change the delay after the last edit."""
        self._timer.setInterval(max(100, interval_ms))

    @property
    def pending(self) -> bool:
        """True when a change has not been written yet (or is being written)."""
        return self._pending or self._writing is not None

    @property
    def writing(self) -> bool:
        """True while the worker thread writes a copy."""
        return self._writing is not None

    def document_changed(self) -> None:
        """Note an edit: write the copy ``interval_ms`` after the last one."""
        self._pending = True
        self._timer.start()

    def set_held(self, held: bool) -> None:
        """Hold the timer's copies back (``True``) or let them go again (``False``: a change
        pending is then written ``interval_ms`` later).

        The window holds them while a suggestions run stores its batches: writing a big
        document takes seconds of CPU, which the recommenders, still running in the child
        processes, need on a machine of two cores (a recovery copy of the 5 MB article,
        written 5 s after its first batch, used to land in the middle of the run).  A
        crash during the run loses only its suggestions, which running again brings back,
        and the edits made meanwhile, which are otherwise written when it ends.
        """
        self._held = held
        if not held and self._pending and not self._timer.isActive():
            self._timer.start()

    def flush(self) -> Path | None:
        """Write the recovery copy now, on this thread, if a change is pending (after the
        write in progress, if any, is done); returns its path."""
        self._timer.stop()
        self._wait_for_write()
        if not self._pending:
            return None
        taken = self._take()
        if taken is None:
            return None
        slot, document, path, tagset = taken
        try:
            entry = slot.write(document, path, tagset=tagset)
        except (AnnotatorError, OSError) as error:
            self._report_failure(error)
            return None
        self.saved.emit(str(entry.tei_path))
        return entry.tei_path

    def take_over(self, entry: RecoveryEntry) -> Path | None:
        """Keep restored work (from ``entry``, left by a crash) in this window's own copy:
        write it now, then delete ``entry``'s copy, which stays when the write fails."""
        self._pending = True
        written = self.flush()
        if written is not None and written != entry.tei_path:
            self.store.discard(entry)
        return written

    def forget_previous(self) -> None:
        """Stop the timer and delete the copy last written (another document was opened)."""
        self.clear()

    def clear(self) -> None:
        """Forget pending changes and delete this window's copy (after a clean save or
        close), once a write in progress is done; copies of other windows stay."""
        self._timer.stop()
        self._wait_for_write(report=False)
        self._pending = False
        self._give_up_slot()

    def _write_in_background(self) -> None:
        """The timer's slot: copy the document here, write the copy on the worker."""
        if self._writing is not None:  # the last write is still running: try again later
            self._timer.start()
            return
        if not self._pending or self._held:  # held: set_held(False) starts the timer again
            return
        taken = self._take()
        if taken is None:
            return
        slot, document, path, tagset = taken
        snapshot = document.copy()
        self._writing = self._worker.submit(slot.write, snapshot, path, tagset=tagset)
        self._writing.add_done_callback(self._emit_written)

    def _emit_written(self, future: Future[RecoveryEntry]) -> None:
        # Runs on the worker thread: the signal is queued to the GUI thread.
        with contextlib.suppress(RuntimeError):  # this object was deleted meanwhile
            self._written.emit(future)

    def _write_finished(self, future: Future[RecoveryEntry]) -> None:
        if future is not self._writing:
            return  # already handled by flush() or clear(), which waited for it
        self._writing = None
        self._report(future)

    def _wait_for_write(self, *, report: bool = True) -> None:
        """Wait for the worker's write in progress, if any, and report it (unless the copy
        is about to be deleted)."""
        future, self._writing = self._writing, None
        if future is not None:
            future.exception()  # waits
            if report:
                self._report(future)

    def _report(self, future: Future[RecoveryEntry]) -> None:
        error = future.exception()
        if error is None:
            self.saved.emit(str(future.result().tei_path))
        elif isinstance(error, (AnnotatorError, OSError)):
            self._report_failure(error)
        else:
            self._pending = True
            raise error

    def _take(self) -> tuple[RecoverySlot, Document, str | None, TagSet | None] | None:
        """What to write now, and the slot to write it in (claimed if needed); None when
        there is nothing to write or the slot cannot be claimed (reported)."""
        document, path, tagset = self._source()
        self._pending = False
        if document is None:
            return None
        try:
            if self._slot is None or self._slot.store is not self.store:
                self._give_up_slot()
                self._slot = self.store.claim()
        except (AnnotatorError, OSError) as error:
            self._report_failure(error)
            return None
        return self._slot, document, path, tagset

    def _report_failure(self, error: AnnotatorError | OSError) -> None:
        self._pending = True  # not written: tried again at the next flush or change
        self.failed.emit(error_message(error) if isinstance(error, AnnotatorError)
                         else str(error))

    def _give_up_slot(self) -> None:
        if self._slot is not None:
            self._slot.close()
            self._slot = None


def recovery_caption(entry: RecoveryEntry) -> str:
    """A recovery copy's row: the file's name and the document's title, each isolated (an
    Arabic title such as «قسد» تتأهب keeps its quotes in an English row), then the time."""
    untitled = QCoreApplication.translate("Recovery", "(never saved)")
    name = isolated(Path(entry.original_path).name) if entry.original_path else untitled
    title = f" — {isolated(entry.title)}" if entry.title else ""
    return f"{name}{title}\n{left_to_right(local_time(entry.saved_at))}"


class RecoveryDialog(QDialog):
    """Lists recovery copies; the user restores one, discards some, or decides later."""

    def __init__(self, entries: list[RecoveryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Recovery", "Recover unsaved work"))
        self.entries = list(entries)
        self.restore_entry: RecoveryEntry | None = None
        self.discarded: list[RecoveryEntry] = []
        layout = QVBoxLayout(self)
        label = QLabel(QCoreApplication.translate(
            "Recovery", "The annotator did not close properly. These documents had changes "
            "that were not saved:"))
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget()
        for entry in self.entries:
            self.list.addItem(self._item(entry))
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self._restore())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(QCoreApplication.translate("Recovery", "Restore"))
        self.discard_button = QPushButton(QCoreApplication.translate("Recovery", "Discard"))
        self.later_button = QPushButton(QCoreApplication.translate("Recovery", "Later"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._discard)
        self.later_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 300)

    @staticmethod
    def _item(entry: RecoveryEntry) -> QListWidgetItem:
        untitled = QCoreApplication.translate("Recovery", "(never saved)")
        item = QListWidgetItem(recovery_caption(entry))
        item.setToolTip(isolated(entry.original_path) if entry.original_path else untitled)
        item.setData(Qt.ItemDataRole.UserRole, entry.key)
        return item

    def _selected(self) -> RecoveryEntry | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _restore(self) -> None:
        self.restore_entry = self._selected()
        if self.restore_entry is not None:
            self.accept()

    def _discard(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        self.discarded.append(entry)
        row = self.entries.index(entry)
        del self.entries[row]
        self.list.takeItem(row)
        if not self.entries:
            self.reject()


# Asks the user about recovery copies: returns (entry to restore or None, entries to discard).
ChooseRecovery = Callable[[QWidget | None, list[RecoveryEntry]],
                          tuple[RecoveryEntry | None, list[RecoveryEntry]]]


def choose_with_dialog(parent: QWidget | None,
                       entries: list[RecoveryEntry]) -> tuple[RecoveryEntry | None,
                                                              list[RecoveryEntry]]:
    """Show a :class:`RecoveryDialog` and return what the user picked."""
    dialog = RecoveryDialog(entries, parent)
    dialog.exec()
    return dialog.restore_entry, dialog.discarded


def offer_recovery(parent: QWidget | None, store: recovery.RecoveryStore, *,
                   choose: ChooseRecovery | None = None,
                   skip_running: bool = True) -> tuple[RecoveryEntry, Document] | None:
    """Ask about leftover recovery copies; return the one to restore and its document.

    Copies kept up to date by another running annotator process are left alone
    (``skip_running``).  Discarded copies are deleted; the others stay for next time.  A copy
    that cannot be read is reported by raising :class:`AnnotatorError` (its files are kept).
    """
    entries = store.leftovers(skip_running=skip_running)
    if not entries:
        return None
    chosen, discarded = (choose or choose_with_dialog)(parent, entries)
    for entry in discarded:
        store.discard(entry)
    if chosen is None:
        return None
    return chosen, store.restore(chosen)

