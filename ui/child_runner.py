"""One piece of work at a time in a ``spawn``-ed child process, reported through Qt signals.

:class:`ChildRunner` runs a module-level function ``target(job, connection)`` in a child
process: a thread would share the interpreter lock with the GUI thread, which then waits up to
the switch interval each time a Qt call hands the lock back (measured: a 10 ms timer ticked
every 60 ms while a thread read 200 files).  The child sends ``("progress", done, total,
text)`` now and then, then ``("done", result)`` or ``("failed", error)``.  A reader thread
turns what it sends into signals on the GUI thread; Cancel ends the child; starting a new run
ends the one under way, and each signal carries the number of its run so that nothing of an
ended run is shown.  The corpus dock's searches (:mod:`annotator_ui.corpus_runner`) and
training the project's CRF (:mod:`annotator_ui.train_runner`) run this way.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

from annotator.errors import AnnotatorError

Target = Callable[[Any, Any], None]
Step = Callable[[int, int, str], None]


def serve(connection: Any, work: Callable[[Step], object], where: str, *, every: float,
          send_end: bool = False) -> None:
    """The child's side of a run: ``work(step)``, sending ``step``'s progress at most once
    every ``every`` seconds (and its last one, ``done == total`` with no name, when
    ``send_end``), then ``("done", result)``, or ``("failed", error)`` with an unexpected
    error as one line naming ``where``; the connection is closed either way."""
    last = 0.0

    def step(done: int, total: int, name: str) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= every or (send_end and done == total and not name):
            last = now
            connection.send(("progress", done, total, name))

    try:
        connection.send(("done", work(step)))
    except AnnotatorError as error:
        connection.send(("failed", error))
    except Exception as error:  # one line back to the window, never a hang
        connection.send(("failed", f"{where}: {type(error).__name__}: {error}"))
    finally:
        connection.close()


class ChildRunner(QObject):
    """Runs one job at a time in a child process running ``target(job, connection)``.

    ``progress(run, done, total, name)``, ``finished(run, result)`` and ``failed(run,
    error)`` (an :class:`AnnotatorError`, or a message) arrive on the GUI thread;
    ``cancelled(run)`` is emitted by :meth:`cancel`.  ``run`` is the number :meth:`start`
    returned.
    """

    progress = Signal(int, int, int, str)
    finished = Signal(int, object)  # what the target sent with "done"
    failed = Signal(int, object)  # AnnotatorError | str
    cancelled = Signal(int)

    def __init__(self, target: Target, name: str, parent: QObject | None = None) -> None:
        """``target``: a module-level function (the child imports it); ``name``: what it
        does, in the names of the process and thread and in the message when it dies."""
        super().__init__(parent)
        self._target = target
        self._name = name  # what runs: "annotator-NAME" is its process
        self.run = 0  # the number of the last run started
        self._current = 0  # the run under way (0: none)
        self._process: Any = None
        self._reader: threading.Thread | None = None
        self._lock = threading.Lock()  # _current and _process, between the two threads

    @property
    def running(self) -> bool:
        """True while a run is under way."""
        return self._current != 0 and self._reader is not None and self._reader.is_alive()

    def start(self, job: object) -> int:
        """End the run under way, if any, and start ``job``; returns its number."""
        self.end()
        with self._lock:
            self.run += 1
            self._current = run = self.run
        self._reader = threading.Thread(target=self._work, args=(run, job),
                                        name=f"annotator-{self._name}-reader", daemon=True)
        self._reader.start()
        return run

    def cancel(self) -> None:
        """End the run under way and say so (``cancelled``)."""
        run = self._current
        if run:
            self.end()
            self.cancelled.emit(run)

    def end(self) -> None:
        """End the run under way without a word (a new run, or the window closing)."""
        with self._lock:
            self._current = 0
            process, self._process = self._process, None
        if process is not None and process.is_alive():
            process.terminate()

    def wait(self, seconds: float | None = None) -> bool:
        """Wait for the reader thread to end; True when it has."""
        reader = self._reader
        if reader is not None:
            reader.join(seconds)
        return reader is None or not reader.is_alive()

    def _work(self, run: int, job: object) -> None:
        context = multiprocessing.get_context("spawn")  # safe in a process with threads
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(target=self._target, args=(job, sending), daemon=True,
                                  name=f"annotator-{self._name}")
        try:
            process.start()
        except (OSError, RuntimeError) as error:  # no process: say so, never hang
            sending.close()
            receiving.close()
            with self._lock:
                started = run == self._current
                if started:
                    self._current = 0
            if started:
                self._emit(self.failed, run, f"the {self._name} process did not start: {error}")
            return
        sending.close()
        with self._lock:
            ended = run != self._current
            if not ended:
                self._process = process
        try:
            if ended:
                process.terminate()
            else:
                self._read(run, receiving)
        finally:
            receiving.close()
            process.join(5)

    def _read(self, run: int, connection: Any) -> None:
        while True:
            try:
                message = connection.recv()
            except (EOFError, OSError):
                if run == self._current:
                    self._current = 0
                    self._emit(self.failed, run, f"the {self._name} process ended early")
                return
            if run != self._current:
                return  # ended: the child is being terminated
            kind = message[0]
            if kind == "progress":
                self._emit(self.progress, run, *message[1:])
                continue
            with self._lock:
                if run != self._current:
                    return
                self._current, self._process = 0, None
            self._emit(self.finished if kind == "done" else self.failed, run, message[1])
            return

    @staticmethod
    def _emit(signal: SignalInstance, *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed while the run went on
            signal.emit(*args)
