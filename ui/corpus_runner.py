"""Corpus work for the corpus dock off the GUI thread: reading every file, then a concordance
search, an annotation listing or the inconsistency check.

:func:`run_query` is the work itself, plain Python calling the core; ``step(done, total,
name)`` is called before each file read and each document searched.  The open document takes
part as it is in the window: the GUI thread hands over an :class:`OpenDocument`, its
annotations as plain tuples taken at the start (a snapshot the window's later edits do not
reach, and quick to send).

:class:`CorpusRunner` runs one query at a time in a ``spawn``-ed child process
(:class:`annotator_ui.child_runner.ChildRunner`, which says why not a thread): Cancel ends the
child; starting a new query ends the one under way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator_ui.child_runner import ChildRunner, serve
from PySide6.QtCore import QObject

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
from annotator.model import Annotation, Document, Link

TEXT, ANNOTATIONS, CHECK = "text", "annotations", "check"
PROGRESS_EVERY = 0.05  # seconds between progress messages from the child

Step = Callable[[int, int, str], None]
Row = tuple[str, int, int, str, str, tuple[tuple[str, str], ...], tuple[tuple[str, str], ...],
            str]


@dataclass(frozen=True)
class OpenDocument:
    """The window's document as plain values: id, text, and each annotation as a row."""

    id: str
    text: str
    rows: tuple[Row, ...]

    @classmethod
    def of(cls, document: Document) -> OpenDocument:
        """``document`` as it is now."""
        return cls(document.id, document.text, tuple(
            (a.id, a.start, a.end, a.label, a.annotator, tuple(a.attributes.items()),
             tuple((x.role, x.target) for x in a.links), a.layer)
            for a in document.annotations))

    def document(self) -> Document:
        """The document rebuilt (what searching and checking read of it)."""
        document = Document(self.id, self.text)
        document.annotations.load(
            [Annotation(i, s, e, label, who, dict(attributes),
                        tuple(Link(r, t) for r, t in links), layer=layer)
             for i, s, e, label, who, attributes, links, layer in self.rows], [])
        return document


@dataclass(frozen=True)
class CorpusQuery:
    """What to do over the TEI files under ``folder``: ``kind`` is :data:`TEXT` (find
    ``query`` in the text), :data:`ANNOTATIONS` (list annotations of ``labels`` holding
    ``query``) or :data:`CHECK` (find inconsistencies in ``layer``).  The file at
    ``open_path`` is read as ``open_document`` (the window's, unsaved edits included)."""

    kind: str
    folder: Path
    query: str = ""
    labels: frozenset[str] | None = None
    layer: str | None = None
    open_path: str | None = None
    open_document: OpenDocument | None = None


@dataclass
class CorpusResult:
    """What a run found, and the files it could not read."""

    query: CorpusQuery
    hits: list[Hit] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[AnnotatorError] = field(default_factory=list)


def run_query(query: CorpusQuery, step: Step) -> CorpusResult:
    """Read the corpus under ``query.folder`` (the open document as the query carries it)
    and do what ``query`` asks, calling ``step`` before each file and each document
    searched."""
    files, _missing = corpus_files([query.folder])
    total = len(files) + (1 if query.kind == CHECK else len(files))
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
                item.document = query.open_document.document()
    result = CorpusResult(query, errors=list(corpus.errors))
    if query.kind == CHECK:
        step(done, total, "")
        result.findings = find_inconsistencies(corpus, layer=query.layer)
        step(total, total, "")  # the end, always sent (serve's send_end)
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
    step(total, total, "")  # the end, always sent (serve's send_end)
    return result


def _child(query: CorpusQuery, connection: Any) -> None:
    """The child process: run the query, sending progress now and then, then the result."""
    serve(connection, lambda step: run_query(query, step), str(query.folder),
          every=PROGRESS_EVERY, send_end=True)


class CorpusRunner(ChildRunner):
    """Runs one :class:`CorpusQuery` at a time in a child process (:class:`ChildRunner`):
    ``finished(run, result)`` carries a :class:`CorpusResult`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_child, "corpus", parent)
