"""Recovery copies: the open document written aside a few seconds after each change, so that
a crash loses at most those seconds.

A :class:`RecoveryStore` is one folder (the app uses ``<user data>/recovery``).  Each window
with unsaved work claims a :class:`RecoverySlot` of its own, a random ``KEY``:

* ``KEY.tei.xml``, the copy: a TEI file written by the TEI writer, whose prolog holds a note
  ``<?annotator-recovery {...}?>`` naming the original file, the time, the title, the
  document id and the process.  Copy and note are one file, replaced atomically
  (:mod:`annotator.atomic`), so a kill leaves the previous copy or the next, each with its
  own note.
* ``KEY.lock``, locked by the window while it lives (:mod:`annotator.filelock`); the system
  releases the lock when the process ends, however it ends, and even when a restarted
  process gets the same process id.

Two windows on one file therefore keep two copies, and a clean save or close removes only
the window's own.  At the next start, copies whose lock nobody holds are offered.  Copies of
earlier versions (a ``KEY.json`` note beside the copy, no lock) are offered too.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import weakref
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from xml.parsers import expat

from annotator import filelock
from annotator.atomic import atomic_writer, remove_stale_temporary_files
from annotator.error_catalogue import Errors
from annotator.errors import SaveError
from annotator.model import Document, now_iso
from annotator.tagset import TagSet
from annotator.tei import load_tei, tei_bytes

TEI_SUFFIX = ".tei.xml"
LOCK_SUFFIX = ".lock"
OLD_NOTE_SUFFIX = ".json"  # the note of a copy written by an earlier version
NOTE_TARGET = "annotator-recovery"
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'  # how the TEI writer starts


def local_time(stamp: str) -> str:
    """An ISO 8601 UTC stamp as local ``YYYY-MM-DD HH:MM`` (the stamp itself if unparsable)."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class RecoveryEntry:
    """One recovery copy found on disk (or just written)."""

    key: str  # the slot's: the copy is KEY.tei.xml
    tei_path: Path
    original_path: str  # "" for a document never saved
    saved_at: str  # ISO 8601 UTC
    title: str
    document_id: str
    pid: int | None = None  # the process that wrote it, when known (shown, never trusted)


class RecoverySlot:
    """One window's place in a store (from :meth:`RecoveryStore.claim`): its copy, replaced
    at each :meth:`write`, and the lock that says the window is alive, held until
    :meth:`close` (or until the slot is garbage, or the process ends)."""

    def __init__(self, store: RecoveryStore, key: str, lock_fd: int) -> None:
        self.store = store
        self.key = key
        self.tei_path = store.folder / (key + TEI_SUFFIX)
        self.lock_path = store.folder / (key + LOCK_SUFFIX)
        self._release = weakref.finalize(self, os.close, lock_fd)

    @property
    def closed(self) -> bool:
        return not self._release.alive

    def write(self, document: Document, original_path: str | Path | None, *,
              tagset: TagSet | None = None) -> RecoveryEntry:
        """Replace this slot's copy with ``document`` (from ``original_path``) and its note.

        Raises :class:`~annotator.errors.AnnotatorError` (a :class:`SaveError` when the disk
        refuses); the previous copy is then left as it was.
        """
        if self.closed:
            raise ValueError("this recovery slot is closed")
        original = os.path.abspath(os.fspath(original_path)) if original_path else ""
        note: dict[str, object] = {
            "original_path": original, "saved_at": now_iso(), "title": document.title,
            "document_id": document.id, "pid": os.getpid()}
        tei = tei_bytes(document, tagset=tagset)  # built (and checked) before the disk
        if not tei.startswith(_DECLARATION):
            raise AssertionError("the TEI writer no longer starts with its XML declaration")
        self.store.make_folder()
        with atomic_writer(self.tei_path) as stream:
            stream.write(_DECLARATION)
            stream.write(_note_instruction(note))
            stream.write(memoryview(tei)[len(_DECLARATION):])
        return _entry(self.key, self.tei_path, note)

    def close(self, *, keep_copy: bool = False) -> None:
        """Give the slot up: its copy is deleted (kept with ``keep_copy``, to be offered at
        the next start as a crash would leave it), then its lock."""
        if self.closed:
            return
        if not keep_copy:
            with contextlib.suppress(FileNotFoundError):
                self.tei_path.unlink()
        self._release()
        with contextlib.suppress(OSError):
            self.lock_path.unlink()


class RecoveryStore:
    """The recovery folder: claim slots, list, restore and discard copies."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def make_folder(self) -> None:
        """Create the folder if needed (a :class:`SaveError` when that fails)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SaveError(Errors.E640, reason=error.strerror or str(error),
                            path=str(self.folder)) from None

    def claim(self) -> RecoverySlot:
        """A new slot for one window, its lock held (a :class:`SaveError` when the folder
        cannot be made or written)."""
        self.make_folder()
        key = secrets.token_hex(12)
        lock_path = self.folder / (key + LOCK_SUFFIX)
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as error:
            raise SaveError(Errors.E605, reason=error.strerror or str(error),
                            path=str(lock_path)) from None
        filelock.lock(fd)  # where the system cannot lock, the copy will look left over
        return RecoverySlot(self, key, fd)

    def entries(self) -> list[RecoveryEntry]:
        """Every recovery copy, newest first (files that are not copies are skipped)."""
        if not self.folder.is_dir():
            return []
        found = []
        for tei_path in self.folder.glob("*" + TEI_SUFFIX):
            note = _note_in(tei_path)
            if note is None:
                continue
            key = tei_path.name[: -len(TEI_SUFFIX)]
            if not note:  # an earlier version's copy: the note is beside it
                note = _old_note(tei_path.with_name(key + OLD_NOTE_SUFFIX))
            if not note.get("saved_at"):
                note["saved_at"] = _modified_at(tei_path)
            found.append(_entry(key, tei_path, note))
        found.sort(key=lambda entry: entry.saved_at, reverse=True)
        return found

    def leftovers(self, *, skip_running: bool = True) -> list[RecoveryEntry]:
        """The copies to offer at start: :meth:`entries`, without those whose window is still
        running (``skip_running``).  Removes what killed writers left here besides copies:
        stale temporary files, and locks of slots without a copy."""
        remove_stale_temporary_files(self.folder)
        with contextlib.suppress(OSError):
            for lock_path in self.folder.glob("*" + LOCK_SUFFIX):
                key = lock_path.name[: -len(LOCK_SUFFIX)]
                if (not lock_path.with_name(key + TEI_SUFFIX).exists()
                        and not filelock.is_held(lock_path)):
                    lock_path.unlink()
        entries = self.entries()
        if skip_running:
            entries = [e for e in entries if not written_by_running_process(e)]
        return entries

    def restore(self, entry: RecoveryEntry) -> Document:
        """The document held by a recovery copy (raises AnnotatorError when unreadable)."""
        return load_tei(entry.tei_path)

    def discard(self, entry: RecoveryEntry) -> None:
        """Delete a recovery copy (and its lock and note)."""
        for suffix in (TEI_SUFFIX, LOCK_SUFFIX, OLD_NOTE_SUFFIX):
            with contextlib.suppress(FileNotFoundError):
                entry.tei_path.with_name(entry.key + suffix).unlink()


def written_by_running_process(entry: RecoveryEntry) -> bool:
    """True while the window that wrote the copy holds its slot's lock, that is while its
    process runs (a process id alone could be a restarted process's)."""
    return filelock.is_held(entry.tei_path.with_name(entry.key + LOCK_SUFFIX))


def _note_instruction(note: dict[str, object]) -> bytes:
    # ASCII JSON; ">" only occurs inside its strings, where \u003e means the same and
    # cannot end the processing instruction.
    text = json.dumps(note, ensure_ascii=True, separators=(",", ":")).replace(">", "\\u003e")
    return f"<?{NOTE_TARGET} {text}?>\n".encode("ascii")


class _RootReached(Exception):
    pass


def _note_in(tei_path: Path) -> dict[str, object] | None:
    """The note in a copy's prolog; ``{}`` when the file reaches its root element without
    one; None when it is not XML up to its root element (or cannot be read)."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    notes: list[str] = []

    def instruction(target: str, data: str) -> None:
        if target == NOTE_TARGET:
            notes.append(data)

    def start(name: str, attributes: object) -> None:
        raise _RootReached

    parser.ProcessingInstructionHandler = instruction
    parser.StartElementHandler = start
    try:
        with open(tei_path, "rb") as stream:
            while chunk := stream.read(1 << 16):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _RootReached:
        pass
    except (OSError, expat.ExpatError):
        return None
    else:
        return None  # no root element at all
    if not notes:
        return {}
    try:
        note = json.loads(notes[0])
    except ValueError:
        return {}
    return note if isinstance(note, dict) else {}


def _old_note(path: Path) -> dict[str, object]:
    try:
        note = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return note if isinstance(note, dict) else {}


def _modified_at(path: Path) -> str:
    try:
        moment = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    except OSError:
        return ""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _entry(key: str, tei_path: Path, note: dict[str, object]) -> RecoveryEntry:
    pid = note.get("pid")
    return RecoveryEntry(
        key, tei_path, str(note.get("original_path") or ""), str(note.get("saved_at") or ""),
        str(note.get("title") or ""), str(note.get("document_id") or ""),
        pid if isinstance(pid, int) and not isinstance(pid, bool) and pid > 0 else None)
