"""Atomic file writing: a temporary file in the same folder, fsync, then ``os.replace``.

A failed write leaves the previous file untouched and removes the temporary file.  The
temporary file of ``NAME`` is ``.NAME.XXXXXXXX.tmp`` (eight random characters), locked by
its writer until written (:mod:`annotator.filelock`).  A write killed midway leaves it
behind: :func:`remove_stale_temporary_files` removes such leftovers.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import string
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from annotator import filelock
from annotator.error_catalogue import Errors
from annotator.errors import SaveError

TEMP_SUFFIX = ".tmp"
# What tempfile.mkstemp puts between our prefix and suffix (a test checks real leftovers).
_RANDOM_LENGTH = 8
_RANDOM_CHARACTERS = frozenset(string.ascii_lowercase + string.digits + "_")
STALE_AFTER = 10 * 60  # seconds without a change before a temporary file counts as left over


def _temporary_beside(target: Path) -> tuple[int, str]:
    """A new temporary file in ``target``'s folder, named after it: ``(fd, name)``."""
    try:
        return tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX,
                                dir=target.parent)
    except OSError as error:
        raise SaveError(Errors.E605, reason=error.strerror, path=str(target)) from None


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[BinaryIO]:
    """Open a binary stream that replaces ``path`` only when the block ends without error."""
    target = Path(path)
    fd, temp_name = _temporary_beside(target)
    filelock.lock(fd)  # "being written": a clean-up leaves it alone until closed
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(temp_name, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(error, OSError) and not isinstance(error, SaveError):
            raise SaveError(Errors.E606, reason=error.strerror or str(error),
                            path=str(target)) from None
        raise
    fsync_folder(target.parent)  # "." for a bare file name


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename into it) to disk, where the system allows."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class AtomicBatch:
    """Many files replaced together, with one flush to disk instead of two per file.

    :meth:`write` puts each file's bytes in its own temporary file beside it (unsynced);
    :meth:`commit` flushes them all at once (``syncfs`` of their file system where the system
    has it, else an ``fsync`` each), then renames each over its target and syncs each folder
    once.  Nothing is replaced before every file is written and flushed: a failure on the way
    (or :meth:`discard`, or leaving the ``with`` block by an exception) removes the temporary
    files and leaves every target as it was.  A corpus export of 1,285 brat documents makes
    one flush, not 5,140 (bench/bench_export.py)."""

    def __init__(self) -> None:
        self._pending: list[tuple[str, Path]] = []  # (temporary file, target)

    def __enter__(self) -> AtomicBatch:
        return self

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()

    def write(self, path: str | Path, data: bytes) -> None:
        """Write ``data`` to a temporary file that :meth:`commit` renames to ``path``."""
        target = Path(path)
        try:
            fd, temp_name = _temporary_beside(target)
        except SaveError:
            self.discard()
            raise
        self._pending.append((temp_name, target))
        try:
            filelock.lock(fd)
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
        except OSError as error:
            self.discard()
            raise SaveError(Errors.E606, reason=error.strerror or str(error),
                            path=str(target)) from None

    def commit(self) -> None:
        """Flush every file written, then put each in place (see the class docstring)."""
        pending, self._pending = self._pending, []
        try:
            _flush([temp for temp, _ in pending])
            umask = os.umask(0)
            os.umask(umask)
            for temp, target in pending:
                try:
                    mode = target.stat().st_mode & 0o7777
                except OSError:
                    mode = 0o666 & ~umask
                with contextlib.suppress(OSError):
                    os.chmod(temp, mode)
        except OSError as error:
            self._pending = pending
            self.discard()
            raise SaveError(Errors.E606, reason=error.strerror or str(error),
                            path=str(pending[0][1])) from None
        for temp, target in pending:
            try:
                os.replace(temp, target)
            except OSError as error:
                self._pending = [(t, g) for t, g in pending if os.path.exists(t)]
                self.discard()
                raise SaveError(Errors.E606, reason=error.strerror or str(error),
                                path=str(target)) from None
        for folder in dict.fromkeys(target.parent for _, target in pending):
            fsync_folder(folder)

    def discard(self) -> None:
        """Remove the temporary files written so far; no target is touched."""
        pending, self._pending = self._pending, []
        for temp, _ in pending:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _flush(names: list[str]) -> None:
    """Bring the files ``names`` to disk: one ``syncfs`` per file system holding them where
    the C library has it (Linux), else an ``fsync`` of each."""
    if not names:
        return
    syncfs = _syncfs()
    if syncfs is None:
        for name in names:
            fd = os.open(name, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        return
    done: set[int] = set()
    for name in names:
        device = os.stat(name).st_dev
        if device in done:
            continue
        fd = os.open(name, os.O_RDONLY)
        try:
            if syncfs(fd) != 0:
                code = ctypes.get_errno()
                raise OSError(code, os.strerror(code))
        finally:
            os.close(fd)
        done.add(device)


def _syncfs() -> Callable[[int], int] | None:
    """The C library's ``syncfs`` (Linux), or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int
    return cast("Callable[[int], int]", function)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically."""
    with atomic_writer(path) as stream:
        stream.write(data)


def atomic_write_text(path: str | Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def is_temporary_name(name: str) -> bool:
    """True for a name :func:`atomic_writer` gives its temporary files: ``.NAME.XXXXXXXX.tmp``."""
    if not (name.startswith(".") and name.endswith(TEMP_SUFFIX)):
        return False
    target, dot, random_part = name[1:-len(TEMP_SUFFIX)].rpartition(".")
    return (bool(target and dot) and len(random_part) == _RANDOM_LENGTH
            and set(random_part) <= _RANDOM_CHARACTERS)


def remove_stale_temporary_files(folder: str | Path, *,
                                 older_than: float = STALE_AFTER) -> list[Path]:
    """Delete what killed saves left in ``folder``: regular files named as our temporary
    files, unchanged for ``older_than`` seconds and not locked by a live writer.  Returns
    the files removed; what cannot be listed or removed is left alone."""
    cutoff = time.time() - older_than
    try:
        with os.scandir(folder) as listing:
            candidates = [entry for entry in listing if is_temporary_name(entry.name)]
    except OSError:
        return []
    removed = []
    for entry in candidates:
        with contextlib.suppress(OSError):
            if (entry.is_file(follow_symlinks=False)
                    and entry.stat(follow_symlinks=False).st_mtime <= cutoff
                    and not filelock.is_held(entry.path)):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed
