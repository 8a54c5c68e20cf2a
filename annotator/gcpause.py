"""Pausing Python's cyclic garbage collector during bulk builds.

Reading a big file allocates hundreds of thousands of objects and frees none of them; each
few hundred allocations the collector would walk them all again, for nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType


class CollectorPaused:
    """``with CollectorPaused() as pause:`` keeps the collector off for the block (if it was on
    at all); ``with pause.resumed():`` turns it back on meanwhile, for instance around a
    generator's ``yield``, while its consumer runs."""

    def __init__(self) -> None:
        self._was_enabled = False

    def __enter__(self) -> CollectorPaused:
        self._was_enabled = gc.isenabled()
        gc.disable()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._was_enabled:
            gc.enable()

    @contextmanager
    def resumed(self) -> Iterator[None]:
        """The collector as it was before the pause, for the length of the block."""
        if self._was_enabled:
            gc.enable()
        try:
            yield
        finally:
            gc.disable()
