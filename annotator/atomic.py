"""Atomic file writing: a temporary file in the same folder, fsync, then ``os.replace``.

A failed write leaves the previous file untouched and removes the temporary file.  The
temporary file of ``NAME`` is ``.NAME.XXXXXXXX.tmp`` (eight random characters), locked by
its writer until written (:mod:`annotator.filelock`).  A write killed midway leaves it
behind: :func:`remove_stale_temporary_files` removes such leftovers.
"""

from __future__ import annotations

import contextlib
import os
import string
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from annotator import filelock
from annotator.error_catalogue import Errors
from annotator.errors import SaveError

TEMP_SUFFIX = ".tmp"
# What tempfile.mkstemp puts between our prefix and suffix (a test checks real leftovers).
_RANDOM_LENGTH = 8
_RANDOM_CHARACTERS = frozenset(string.ascii_lowercase + string.digits + "_")
STALE_AFTER = 10 * 60  # seconds without a change before a temporary file counts as left over


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[BinaryIO]:
    """Open a binary stream that replaces ``path`` only when the block ends without error."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX,
                                         dir=folder)
    except OSError as error:
        raise SaveError(Errors.E605, reason=error.strerror, path=str(target)) from None
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
    fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename into it) to disk, where the system allows."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


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
