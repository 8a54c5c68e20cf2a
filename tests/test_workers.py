"""Worker pools for corpus work: the caller's count and start method, results in order."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from annotator.workers import SMALL, START_METHODS, default_workers, pool_map, process_map

JOBS = list(range(-3 * SMALL, 3 * SMALL))


@pytest.mark.parametrize("start_method", [m for m in START_METHODS
                                          if m in multiprocessing.get_all_start_methods()])
def test_a_pool_gives_what_map_gives_in_order(start_method: str) -> None:
    assert list(pool_map(abs, JOBS, workers=2, start_method=start_method)) == list(map(abs, JOBS))


def test_work_runs_in_other_processes_only_when_asked_and_worth_it() -> None:
    here = os.getpid()
    jobs = [here] * (2 * SMALL)
    assert set(pool_map(_pid_of_worker, jobs, workers=1)) == {here}
    assert set(pool_map(_pid_of_worker, jobs[:SMALL - 1], workers=2)) == {here}
    assert here not in set(pool_map(_pid_of_worker, jobs, workers=2, start_method="fork"))


def test_process_map_is_a_map_for_the_agreement_report() -> None:
    mapped = process_map(2, "spawn")
    assert list(mapped(abs, iter(JOBS))) == list(map(abs, JOBS))
    assert 1 <= default_workers() <= 2


def test_an_unknown_start_method_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown start method 'threads'"):
        list(pool_map(abs, JOBS, workers=2, start_method="threads"))


def _pid_of_worker(_: int) -> int:  # a forked worker has this module; a spawned one not
    return os.getpid()
