"""The suggestion runner's child processes: a run whose process cannot start fails with one
line, no traceback from the thread reading the pipes."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from annotator_ui.suggest_runner import SuggestRunner
from pytestqt.qtbot import QtBot

from annotator.model import Document
from annotator.suggest.jobs import make_job, split


@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_process_that_cannot_start_fails_the_run_in_one_line(qtbot: QtBot) -> None:
    """The cues' part of the job cannot be handed to its process (a lock among its rows cannot
    be pickled), so that process never starts; the CRF's part does and is ended.  The run
    says why once, through ``failed``, and the reader joins only the process that started
    (joining the other raised in the reader thread: "can only join a started process")."""
    job = make_job(Document("d", "قال محمد إن الوضع مستقر."), ["cues", "crf"],
                   crf_model="no-model")
    runner = SuggestRunner()
    failures: list[tuple[int, str]] = []
    runner.failed.connect(lambda run, message: failures.append((run, message)))
    runner.finished.connect(lambda run: failures.append((run, "finished")))
    unpicklable = dataclasses.replace(job, rows=(threading.Lock(),))  # type: ignore[arg-type]
    assert [part.rows for part in split(unpicklable)][1:] == [()]  # the CRF's part carries none
    run = runner.start(unpicklable)
    qtbot.waitUntil(lambda: bool(failures), timeout=30_000)
    runner.wait(30)
    assert not runner.running
    crf = runner._processes  # the processes that started: the CRF's, ended
    assert len(crf) == 1 and crf[0].exitcode is not None
    assert len(failures) == 1
    number, message = failures[0]
    assert number == run
    assert message.startswith("the suggestion process could not start: ")
    assert "\n" not in message and "lock" in message
