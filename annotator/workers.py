"""Worker processes for corpus work: ``map`` over a process pool, results in order.

The caller chooses how many processes and how they start.  ``fork`` starts fast but is unsafe
in a process running threads (a GUI): there, pass ``spawn``, which is safe anywhere and the
default.  Nothing here looks at the state of the process to choose for the caller.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

START_METHODS = ("fork", "forkserver", "spawn")
SMALL = 8  # fewer jobs than this run in the calling process: a pool would cost more

_J = TypeVar("_J")
_R = TypeVar("_R")


def default_workers() -> int:
    """Processes for corpus work: at most 2, and 1 on a single core."""
    return max(1, min(2, os.cpu_count() or 1))


def pool_map(function: Callable[[_J], _R], jobs: Sequence[_J], *, workers: int,
             start_method: str = "spawn") -> Iterator[_R]:
    """``map(function, jobs)`` in ``workers`` processes started by ``start_method``, in
    order; in this process when ``workers`` is 1 or the jobs are few.

    ``function`` and the jobs must pickle (a module-level function, or a
    :func:`functools.partial` of one).
    """
    if start_method not in START_METHODS:
        raise ValueError(f"unknown start method {start_method!r}; use "
                         + ", ".join(START_METHODS))
    if workers <= 1 or len(jobs) < SMALL:
        yield from map(function, jobs)
        return
    context = multiprocessing.get_context(start_method)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(function, jobs, chunksize=max(1, min(32, len(jobs) // (4 * workers))))


def process_map(workers: int | None = None, start_method: str = "spawn"
                ) -> Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]:
    """A ``map`` over worker processes (default :func:`default_workers`), e.g. for
    ``agreement_report(map_function=...)``."""
    count = workers or default_workers()

    def mapped(function: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        return pool_map(function, list(items), workers=count, start_method=start_method)

    return mapped
