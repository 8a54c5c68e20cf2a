"""Recovery copies: the open document written aside a few seconds after each change, so that
a crash loses at most those seconds.

A :class:`RecoveryStore` is one folder (the app uses ``<user data>/recovery``).  Each copy is
``<key>.tei.xml`` (written by the TEI writer) plus ``<key>.json`` naming the original file,
the time and the process that wrote it; both are written atomically
(:mod:`annotator.atomic`).  The key is a hash of the original path, or of the document id for
a document never saved.  A clean save or close removes the copy; copies still there at the
next start are offered for restoring, except those a still-running process keeps up to date.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from annotator.atomic import atomic_write_text
from annotator.error_catalogue import Errors
from annotator.errors import SaveError
from annotator.model import Document, now_iso
from annotator.tagset import TagSet
from annotator.tei import load_tei, save_tei

TEI_SUFFIX = ".tei.xml"
INFO_SUFFIX = ".json"


def recovery_key(original_path: str | Path | None, document: Document) -> str:
    """The file stem of a document's recovery copy: a hash of its path, or of its id."""
    if original_path:
        seed = "path:" + os.path.abspath(os.fspath(original_path))
    else:
        seed = "untitled:" + document.id
    return hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()[:24]


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

    key: str
    tei_path: Path
    info_path: Path
    original_path: str  # "" for a document never saved
    saved_at: str  # ISO 8601 UTC
    title: str
    document_id: str
    pid: int | None = None  # the process that wrote it, when known


class RecoveryStore:
    """The recovery folder: write, list, restore and discard copies."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def paths(self, key: str) -> tuple[Path, Path]:
        """The TEI copy and the JSON note of the copy called ``key``."""
        return self.folder / (key + TEI_SUFFIX), self.folder / (key + INFO_SUFFIX)

    def write(self, document: Document, original_path: str | Path | None, *,
              tagset: TagSet | None = None) -> RecoveryEntry:
        """Write (replace) the recovery copy of ``document``; both files atomically.

        Raises :class:`~annotator.errors.AnnotatorError` (a :class:`SaveError` when the disk
        refuses); an earlier copy is then left as it was.
        """
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SaveError(Errors.E640, reason=error.strerror or str(error),
                            path=str(self.folder)) from None
        key = recovery_key(original_path, document)
        tei_path, info_path = self.paths(key)
        original = os.path.abspath(os.fspath(original_path)) if original_path else ""
        saved_at = now_iso()
        pid = os.getpid()
        save_tei(document, tei_path, tagset=tagset)
        info = {"original_path": original, "saved_at": saved_at, "title": document.title,
                "document_id": document.id, "pid": pid}
        atomic_write_text(info_path, json.dumps(info, ensure_ascii=False, indent=1) + "\n")
        return RecoveryEntry(key, tei_path, info_path, original, saved_at, document.title,
                             document.id, pid)

    def remove(self, document: Document, original_path: str | Path | None) -> None:
        """Delete the recovery copy of ``document`` at ``original_path``, if any."""
        for path in self.paths(recovery_key(original_path, document)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def entries(self) -> list[RecoveryEntry]:
        """Every complete recovery copy, newest first (broken leftovers are skipped)."""
        if not self.folder.is_dir():
            return []
        found = []
        for info_path in self.folder.glob("*" + INFO_SUFFIX):
            key = info_path.name[: -len(INFO_SUFFIX)]
            tei_path = self.folder / (key + TEI_SUFFIX)
            if not tei_path.is_file():
                continue
            try:
                info = json.loads(info_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not isinstance(info, dict):
                continue
            pid = info.get("pid")
            found.append(RecoveryEntry(
                key, tei_path, info_path, str(info.get("original_path") or ""),
                str(info.get("saved_at") or ""), str(info.get("title") or ""),
                str(info.get("document_id") or ""),
                pid if isinstance(pid, int) and not isinstance(pid, bool) and pid > 0 else None))
        found.sort(key=lambda entry: entry.saved_at, reverse=True)
        return found

    def leftovers(self, *, skip_running: bool = True) -> list[RecoveryEntry]:
        """The copies to offer at start: :meth:`entries`, without those a running process
        keeps up to date (``skip_running``)."""
        entries = self.entries()
        if skip_running:
            entries = [e for e in entries if not written_by_running_process(e)]
        return entries

    def restore(self, entry: RecoveryEntry) -> Document:
        """The document held by a recovery copy (raises AnnotatorError when unreadable)."""
        return load_tei(entry.tei_path)

    def discard(self, entry: RecoveryEntry) -> None:
        """Delete a recovery copy."""
        for path in (entry.tei_path, entry.info_path):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def written_by_running_process(entry: RecoveryEntry) -> bool:
    """True when the process that wrote the copy is still running (POSIX only)."""
    if entry.pid is None or os.name != "posix":
        return False
    try:
        os.kill(entry.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    except OverflowError:  # not a process id this system can have
        return False
    return True
