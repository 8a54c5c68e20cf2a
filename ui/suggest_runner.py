"""Running a suggestion job off the GUI thread: :class:`SuggestRunner` runs a
:class:`~annotator.suggest.jobs.SuggestJob` in ``spawn``-ed processes, one per group of
:data:`~annotator.suggest.jobs.GROUPS` (the GUI thread never runs recommender code, a process
is not slowed by the GUI's hold on the interpreter, and the cues and the CRF use a core each),
reports progress and each recommender's proposals as soon as it finishes through Qt signals
on the GUI thread (the quote cues need not wait for the CRF), and cancels by ending the
processes.  The children run :func:`~annotator.suggest.jobs.child_main`, whose module imports
no Qt.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from annotator.gcpause import CollectorPaused
from annotator.suggest.jobs import SuggestJob, child_main, proposals_from, split
from annotator.suggest.proposal import Proposal


class SuggestRunner(QObject):
    """Runs one :class:`SuggestJob` at a time, in a child process per part of it
    (:func:`split`), the parts at the same time.

    ``progress(name, done, total)``, ``batch(run, name, proposals)`` (one recommender's,
    as soon as it finished, from whichever process), ``finished(run)`` (after the last batch
    of all) and ``failed(run, message)`` (the other processes are ended, no batch follows)
    arrive on the GUI thread; ``run`` is the number
    :meth:`start` returned, so that a result of a run cancelled or replaced since is
    recognised.
    """

    progress = Signal(str, int, int)
    batch = Signal(int, str, object)  # run number, recommender, list[Proposal]
    finished = Signal(int)  # run number
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.run_number = 0
        self._processes: list[Any] = []
        self._reader: threading.Thread | None = None
        self._lock = threading.Lock()  # run_number and _processes, between the two threads

    @property
    def running(self) -> bool:
        return self._reader is not None and self._reader.is_alive()

    def start(self, job: SuggestJob) -> int:
        """Start ``job`` (cancelling a run still going); returns its run number.  The child
        processes are started from the reader thread: handing one its job waits for it to
        import the program, which the window need not wait for."""
        self.cancel()
        with self._lock:
            self.run_number += 1
            run = self.run_number
        self._reader = threading.Thread(target=self._run, args=(run, job),
                                        name="annotator-suggest-reader", daemon=True)
        self._reader.start()
        return run

    def cancel(self) -> None:
        """End the run going on, if any (all its processes); nothing of it arrives
        afterwards."""
        with self._lock:
            self.run_number += 1
            processes, self._processes = self._processes, []
        for process in processes:
            if process.is_alive():
                process.terminate()

    def _run(self, run: int, job: SuggestJob) -> None:
        context = multiprocessing.get_context("spawn")  # safe in a process with threads
        parts = split(job)
        pipes = [context.Pipe(duplex=False) for _ in parts]
        processes = [context.Process(target=child_main, args=(part, sending), daemon=True,
                                     name="annotator-suggest")
                     for part, (_, sending) in zip(parts, pipes, strict=True)]
        started: list[Any] = []  # a process whose start raised cannot be joined or ended
        errors: list[str] = []

        def start(process: Any) -> None:
            try:
                process.start()
            except Exception as error:  # no process made, or the job not handed over
                errors.append(f"{type(error).__name__}: {error}")
            else:
                started.append(process)

        # Each start waits for its child to take the job: started side by side.
        starters = [threading.Thread(target=start, args=(process,), daemon=True)
                    for process in processes]
        for starter in starters:
            starter.start()
        for starter in starters:
            starter.join()
        for _, sending in pipes:
            sending.close()
        with self._lock:
            cancelled = run != self.run_number
            if not cancelled:
                self._processes = list(started)
        receivers = [receiving for receiving, _ in pipes]
        if cancelled or errors:
            if not cancelled:
                self._emit(self.failed, run,
                           f"the suggestion process could not start: {errors[0]}")
            self._end(receivers, started, stop=True)
            return
        self._read(run, receivers, processes)

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the reader to finish (tests, and closing the window)."""
        if self._reader is not None:
            self._reader.join(timeout)

    def _read(self, run: int, connections: list[Any], processes: list[Any]) -> None:
        """Messages from every child as they come, until each sent ``done`` (or one failed:
        the others are ended)."""
        waiting = list(connections)
        proposals: dict[Any, list[Proposal]] = {c: [] for c in connections}  # chunks so far
        try:
            while waiting:
                ready: list[Any] = multiprocessing.connection.wait(waiting)
                for connection in ready:
                    try:
                        message = connection.recv()
                    except (EOFError, OSError):
                        self._emit(self.failed, run, "the suggestion process ended early")
                        return
                    if run != self.run_number:
                        return  # cancelled: the processes are being ended
                    kind = message[0]
                    if kind == "progress":
                        self._emit(self.progress, *message[1:])
                    elif kind == "chunk":
                        with CollectorPaused():  # 2,000 proposals made, none freed
                            proposals[connection].extend(proposals_from(message[1]))
                    elif kind == "batch":
                        self._emit(self.batch, run, message[1], proposals[connection])
                        proposals[connection] = []
                    elif kind == "done":
                        waiting.remove(connection)
                    else:
                        self._emit(self.failed, run, message[1])
                        return
            self._emit(self.finished, run)
        finally:
            self._end(connections, processes, stop=bool(waiting))

    @staticmethod
    def _end(connections: list[Any], processes: list[Any], *, stop: bool) -> None:
        """Close the pipes and wait for the (started) processes, ending them first when
        ``stop`` (before the pipes close: a child sending into a closed pipe would print a
        traceback)."""
        for process in processes:
            if stop and process.is_alive():
                process.terminate()
        for connection in connections:
            connection.close()
        for process in processes:
            process.join(5)

    def _emit(self, signal: Any, *values: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed while the run went on
            signal.emit(*values)
