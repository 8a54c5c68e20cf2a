"""Locks that the system drops when their process ends, however it ends.

A live process holds the lock of a file it is using (a window its recovery slot, a save its
temporary file), so another process can tell that use from a leftover of a process that was
killed.  A process id cannot tell them apart: a restarted process may get the same id.

These are ``flock`` locks on Linux and macOS (held per open file, so two windows of one
process exclude each other too) and ``msvcrt.locking`` of the first byte on Windows.  Where
the system cannot lock (some network folders), nothing is ever held: a file is then taken
for a leftover, so recovery copies are offered rather than hidden.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

if sys.platform == "win32":
    import msvcrt

    _BUSY = {errno.EACCES, errno.EDEADLK}

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    _BUSY = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES}

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def lock(fd: int) -> bool:
    """Take the lock of the open file ``fd`` without waiting; closing ``fd`` releases it.
    True when taken; False when someone holds it or the system cannot lock this file."""
    try:
        _lock(fd)
    except OSError:
        return False
    return True


def is_held(path: str | Path) -> bool:
    """True when a live process holds the lock of ``path``, or when that cannot be told
    because the file cannot be opened (another user's, say); False when the file is gone,
    free, or the system cannot lock it."""
    fd = None
    for mode in (os.O_RDWR, os.O_RDONLY):  # some network folders lock writable files only
        try:
            fd = os.open(path, mode | getattr(os, "O_NOFOLLOW", 0))
            break
        except FileNotFoundError:
            return False
        except OSError:
            continue
    if fd is None:
        return True
    try:
        _lock(fd)
    except OSError as error:
        return error.errno in _BUSY
    finally:
        os.close(fd)
    return False
