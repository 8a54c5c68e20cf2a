"""Key word in context over a corpus: text search and annotation listing across many files.

A corpus is the TEI files of folders (searched recursively, hidden ones skipped), of a team
project (its texts, every annotator's layer and gold: :mod:`annotator.teamproject`) or named
one by one.  :func:`load_corpus` reads them and keeps each file that cannot be read as one
error naming it.

Text is searched as the app's "annotate all occurrences" finds it (:func:`annotator.
occurrences.find_occurrences`: folded alef, ya, ta marbuta and case, harakat and tatweel
skipped, Arabic proclitics allowed before a word, so ``لبنان`` is found in ``ولبنان``), or as a
plain folded substring (:func:`annotator.search.find_all`).  A document held by several
files (a team project's text and its layers) is searched once.  Annotations are listed by
label and/or by a text they contain (the same word rule).  Each :class:`Hit` carries its
place, its span, the words around it (:func:`annotator.occurrences.context_of`) and, for an
annotation, its label, annotator and layer.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, FormatError
from annotator.model import Annotation, Document
from annotator.occurrences import CONTEXT_WORDS, context_of, find_occurrences
from annotator.search import SearchOptions, find_all, fold
from annotator.tagset import TagSet
from annotator.teamproject import TEXTS, is_project
from annotator.tei import read_tei_checked

TEI_ENDINGS = (".tei.xml", ".xml")
TEXT_ROLE = "text"  # a team project's shared text (no annotations)
SORT_KEYS = ("document", "left", "right", "match", "label")


@dataclass
class CorpusDocument:
    """One file of a corpus: where it is, the document it holds and its tag set.

    ``role`` is :data:`TEXT_ROLE` for a team project's shared text, else ``""``.
    """

    path: str
    document: Document
    taxonomy: TagSet
    role: str = ""


@dataclass
class Corpus:
    """The documents read, and one error per file that could not be read."""

    documents: list[CorpusDocument]
    errors: list[AnnotatorError]

    def annotated(self) -> list[CorpusDocument]:
        """The files that can hold annotations (a team project's texts left out)."""
        return [d for d in self.documents if d.role != TEXT_ROLE]

    def distinct_texts(self) -> list[CorpusDocument]:
        """One file per document (same id, same text), the first listed."""
        seen: set[tuple[str, str]] = set()
        found = []
        for item in self.documents:
            key = (item.document.id, item.document.text)
            if key not in seen:
                seen.add(key)
                found.append(item)
        return found


def _is_tei(name: str) -> bool:
    return name.lower().endswith(TEI_ENDINGS) and not name.startswith(".")


def corpus_files(sources: Iterable[str | Path]
                 ) -> tuple[list[tuple[Path, str]], list[AnnotatorError]]:
    """``(path, role)`` of every TEI file under ``sources`` in order (each file once), and
    an error for each source that is not there.  In a team project, the texts come first."""
    found: dict[Path, str] = {}
    errors: list[AnnotatorError] = []
    for source in map(Path, sources):
        if source.is_dir():
            texts = (source / TEXTS).resolve() if is_project(source) else None
            for root, dirs, names in os.walk(source):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                role = TEXT_ROLE if texts is not None and Path(root).resolve() == texts else ""
                for name in sorted(names):
                    if _is_tei(name):
                        found.setdefault(Path(root) / name, role)
        elif source.is_file():
            found.setdefault(source, "")
        else:
            errors.append(FormatError(Errors.E603, path=str(source)))
    ordered = sorted(found.items(), key=lambda item: item[1] != TEXT_ROLE)  # stable
    return ordered, errors


def load_corpus(sources: Iterable[str | Path],
                progress: Callable[[str], None] | None = None) -> Corpus:
    """Read every TEI file under ``sources``; a file that cannot be read is one error."""
    files, errors = corpus_files(sources)
    documents = []
    for path, role in files:
        if progress is not None:
            progress(path.name)
        try:
            read = read_tei_checked(path)
        except AnnotatorError as error:
            errors.append(error if error.path else error.at(str(path)))
            continue
        except OSError as error:
            errors.append(FormatError(Errors.E600, reason=error.strerror or str(error),
                                      path=str(path)))
            continue
        documents.append(CorpusDocument(str(path), read.document, read.taxonomy, role))
    return Corpus(documents, errors)


@dataclass(frozen=True)
class Hit:
    """One line of a concordance: a span of a document with the words around it."""

    path: str
    document_id: str
    start: int
    end: int
    before: str
    match: str
    after: str
    label: str = ""
    annotator: str = ""
    layer: str = ""
    annotation_id: str = ""

    def to_json(self) -> dict[str, Any]:
        """The hit as plain JSON-ready values."""
        return asdict(self)


def _hit(item: CorpusDocument, start: int, end: int, annotation: Annotation | None,
         words: int) -> Hit:
    text = item.document.text
    before, after = context_of(text, start, end, words)
    if annotation is None:
        return Hit(item.path, item.document.id, start, end, before, text[start:end], after)
    return Hit(item.path, item.document.id, start, end, before, text[start:end], after,
               annotation.label, annotation.annotator, annotation.layer, annotation.id)


def search_text(corpus: Corpus, query: str, *, words: bool = True,
                options: SearchOptions | None = None,
                context_words: int = CONTEXT_WORDS) -> list[Hit]:
    """Every occurrence of ``query`` in the corpus's documents (each searched once), in
    corpus order: as words with proclitics allowed (``words``), else as folded substrings."""
    hits: list[Hit] = []
    for item in corpus.distinct_texts():
        text = item.document.text
        spans = (find_occurrences(text, query, options) if words
                 else find_all(text, query, options))
        hits.extend(_hit(item, start, end, None, context_words) for start, end in spans)
    return hits


def contains_words(text: str, query: str, options: SearchOptions | None = None) -> bool:
    """True when ``query`` occurs in ``text`` as the concordance finds words."""
    return bool(find_occurrences(text, query, options))


def list_annotations(corpus: Corpus, *, labels: Collection[str] | None = None,
                     query: str = "", options: SearchOptions | None = None,
                     context_words: int = CONTEXT_WORDS) -> list[Hit]:
    """The annotations of the corpus with one of ``labels`` (all when None) whose text holds
    ``query`` (any text when empty), in corpus order, each document by position."""
    needle = fold(query, options) if query else ""
    hits = []
    for item in corpus.annotated():
        document = item.document
        for annotation in document.annotations.sorted():
            if labels is not None and annotation.label not in labels:
                continue
            if needle and not contains_words(document.span_text(annotation), query, options):
                continue
            hits.append(_hit(item, annotation.start, annotation.end, annotation,
                             context_words))
    return hits


def _words_key(text: str, reverse: bool) -> tuple[str, ...]:
    words = [w for w in fold(text).split() if w != "…"]
    return tuple(reversed(words) if reverse else words)


def sort_key(by: str) -> Callable[[Hit], tuple[Any, ...]]:
    """The sort key for ``by`` (one of :data:`SORT_KEYS`): ``left`` sorts on the words before
    the match, nearest first; ``right`` on the words after it; both folded."""
    def place(h: Hit) -> tuple[str, int, int]:
        return h.path, h.start, h.end

    keys: dict[str, Callable[[Hit], tuple[Any, ...]]] = {
        "document": lambda h: (h.document_id, *place(h)),
        "left": lambda h: (_words_key(h.before, True), *place(h)),
        "right": lambda h: (_words_key(h.after, False), *place(h)),
        "match": lambda h: (fold(h.match), *place(h)),
        "label": lambda h: (h.label, fold(h.match), *place(h)),
    }
    if by not in keys:
        raise ValueError(f"sort by one of {SORT_KEYS}")
    return keys[by]


def sort_hits(hits: Iterable[Hit], by: str = "document", *, descending: bool = False
              ) -> list[Hit]:
    """``hits`` sorted by ``by`` (see :func:`sort_key`)."""
    return sorted(hits, key=sort_key(by), reverse=descending)


def filter_hits(hits: Iterable[Hit], *, labels: Collection[str] | None = None,
                documents: Collection[str] | None = None,
                annotators: Collection[str] | None = None) -> list[Hit]:
    """The hits with one of ``labels``, in one of ``documents`` (ids) and by one of
    ``annotators`` (each None: any)."""
    return [h for h in hits
            if (labels is None or h.label in labels)
            and (documents is None or h.document_id in documents)
            and (annotators is None or h.annotator in annotators)]


def label_counts(hits: Sequence[Hit]) -> dict[str, int]:
    """How many hits carry each label, most first."""
    counts: dict[str, int] = {}
    for hit in hits:
        counts[hit.label] = counts.get(hit.label, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
