"""Corpus work for the corpus dock off the GUI thread: reading every file, then a concordance
search, an annotation listing or the inconsistency check.

:func:`run_query` is the work itself, plain Python calling the core; ``step(done, total,
name)`` is called before each file read and each document searched, and is where a
cancelled run stops (it raises :class:`Cancelled`).  The open document takes part as it is
in the window: the GUI thread hands over a :func:`snapshot` of it (annotations are
immutable, so a copy of the list is a copy of the state), never the live document the
window goes on editing.

:class:`CorpusRunner` runs one query at a time on a worker thread, as
:class:`annotator_ui.teamqueue.SyncRunner` does for syncs; its signals arrive on the GUI
thread.  Starting a new query cancels the one running; each signal carries the number of
its run, so that what a superseded run still reports is told apart and dropped.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal, SignalInstance

from annotator.concordance import (
    Corpus,
    Hit,
    corpus_files,
    list_annotations,
    load_corpus,
    search_text,
)
from annotator.errors import AnnotatorError
from annotator.inconsistency import Finding, find_inconsistencies
from annotator.model import Document

TEXT, ANNOTATIONS, CHECK = "text", "annotations", "check"

Step = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The run was cancelled (raised by a step, caught by the runner)."""


@dataclass(frozen=True)
class CorpusQuery:
    """What to do over the TEI files under ``folder``: ``kind`` is :data:`TEXT` (find
    ``query`` in the text), :data:`ANNOTATIONS` (list annotations of ``labels`` holding
    ``query``) or :data:`CHECK` (find inconsistencies in ``layer``).  ``open_path`` and
    ``open_document`` are the window's document and the snapshot to use for that file."""

    kind: str
    folder: Path
    query: str = ""
    labels: frozenset[str] | None = None
    layer: str | None = None
    open_path: str | None = None
    open_document: Document | None = None


@dataclass
class CorpusResult:
    """What a run found, and the files it could not read."""

    query: CorpusQuery
    hits: list[Hit] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[AnnotatorError] = field(default_factory=list)


def snapshot(document: Document) -> Document:
    """A copy of ``document`` that later edits of it leave alone."""
    copy = Document(document.id, document.text, document.title, document.source,
                    document.language, document.direction, dict(document.status))
    copy.annotations.load(list(document.annotations), [])
    return copy


def run_query(query: CorpusQuery, step: Step) -> CorpusResult:
    """Read the corpus under ``query.folder`` (the open document as snapshotted) and do
    what ``query`` asks, calling ``step`` before each file and each document searched."""
    files, _missing = corpus_files([query.folder])
    total = len(files) + (0 if query.kind == CHECK else len(files)) + 1
    done = 0

    def read(name: str) -> None:
        nonlocal done
        step(done, total, name)
        done += 1

    corpus = load_corpus([query.folder], progress=read)
    if query.open_document is not None and query.open_path:
        here = Path(query.open_path).resolve()
        for item in corpus.documents:
            if Path(item.path).resolve() == here:
                item.document = query.open_document
    result = CorpusResult(query, errors=list(corpus.errors))
    if query.kind == CHECK:
        step(done, total, "")
        result.findings = find_inconsistencies(corpus, layer=query.layer)
        return result
    items = corpus.annotated() if query.kind == ANNOTATIONS else corpus.distinct_texts()
    for item in items:
        step(done, total, Path(item.path).name)
        done += 1
        one = Corpus([item], [])
        if query.kind == ANNOTATIONS:
            result.hits += list_annotations(one, labels=query.labels, query=query.query)
        else:
            result.hits += search_text(one, query.query)
    return result


class CorpusRunner(QObject):
    """Runs :func:`run_query` on a worker thread.

    ``progress(run, done, total, name)``, ``finished(run, result)``, ``failed(run,
    error)`` (an :class:`AnnotatorError` or :class:`OSError`) and ``cancelled(run)`` arrive
    on the GUI thread; ``run`` is the number :meth:`start` returned.
    """

    progress = Signal(int, int, int, str)
    finished = Signal(int, object)  # CorpusResult
    failed = Signal(int, object)  # AnnotatorError | OSError
    cancelled = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.run = 0
        self._stop = threading.Event()
        self._worker: threading.Thread | None = None

    @property
    def running(self) -> bool:
        """True while a run is under way and not cancelled."""
        return (self._worker is not None and self._worker.is_alive()
                and not self._stop.is_set())

    def start(self, query: CorpusQuery) -> int:
        """Cancel the run under way, if any, and start ``query``; returns its number."""
        self.cancel()
        self.run += 1
        self._stop = threading.Event()
        self._worker = threading.Thread(target=self._work, args=(self.run, query, self._stop),
                                        name="annotator-corpus", daemon=True)
        self._worker.start()
        return self.run

    def cancel(self) -> None:
        """Stop the run under way at its next file (nothing is reported for it but
        ``cancelled``)."""
        self._stop.set()

    def wait(self, seconds: float | None = None) -> bool:
        """Block until the worker has ended (for closing the window); True when it has."""
        worker = self._worker
        if worker is None:
            return True
        worker.join(seconds)
        return not worker.is_alive()

    def _work(self, run: int, query: CorpusQuery, stop: threading.Event) -> None:
        def step(done: int, total: int, name: str) -> None:
            if stop.is_set():
                raise Cancelled
            self._emit(self.progress, run, done, total, name)

        try:
            result = run_query(query, step)
        except Cancelled:
            self._emit(self.cancelled, run)
        except (AnnotatorError, OSError) as error:
            self._emit(self.failed, run, error)
        else:
            if stop.is_set():
                self._emit(self.cancelled, run)
            else:
                self._emit(self.finished, run, result)

    @staticmethod
    def _emit(signal: SignalInstance, *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed while the run went on
            signal.emit(*args)
