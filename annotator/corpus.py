"""Annotators' TEI files of many documents: found in folders, paired by document id, read.

Merging (:mod:`annotator.merge`) and agreement (:mod:`annotator.agreement`) take the same
inputs: TEI files, each holding one or several annotators' work on one document.  Files are
paired by the document id their header declares (:func:`peek_document_id` reads only the
start of a file; the full read checks it); files of one document must hold the same text and
name the same tag set, and an annotator may have work in only one of them.  Reading many
documents can go through worker processes; the caller chooses how many and how they start
(:mod:`annotator.workers`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.agreement import DocumentSets
from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError
from annotator.layers import is_work
from annotator.model import Annotation, Document, text_sha256
from annotator.tagset import TagSet
from annotator.tei import read_tei
from annotator.tei_read import integrity_error
from annotator.workers import default_workers, pool_map

TEI_SUFFIXES = (".tei.xml", ".xml")
_IDNO = re.compile(rb'<idno type="document">([^<]*)</idno>')

Slot = tuple[str, str | None]  # a file's path, and the annotator name for its unnamed work


class MergeError(AnnotatorError):
    """Inputs that cannot be taken together (different texts or tag sets, clashing
    annotators...), for merging or agreement alike."""


@dataclass(frozen=True)
class AnnotatorSet:
    """One annotator's own annotations of one document, and the file they came from."""

    annotator: str
    annotations: tuple[Annotation, ...]
    source: str


@dataclass
class SourceFile:
    """A TEI file read for merging or agreement."""

    path: str
    document: Document
    taxonomy: TagSet
    fallback_name: str  # annotator name for unnamed work (the file's stem or its folder)

    def annotator_sets(self) -> list[AnnotatorSet]:
        """Each annotator's own work (not gold, not suggestions) in this file; a file with none
        is one empty set.

        The empty set's annotator is the one person named in the file's status, else the
        fallback name, so that "found nothing" still counts as an answer.
        """
        groups: dict[str, list[Annotation]] = {}
        for annotation in self.document.annotations:
            if is_work(annotation):
                groups.setdefault(annotation.annotator or self.fallback_name, []).append(
                    annotation)
        if not groups:
            people = [name for name in self.document.status if name]
            groups[people[0] if len(people) == 1 else self.fallback_name] = []
        return [AnnotatorSet(name, tuple(found), self.path) for name, found in groups.items()]


def read_source(path: str | Path, fallback_name: str | None = None) -> SourceFile:
    """Read a TEI file; a damaged one (bad XML, checksum, pointers) raises with its path."""
    result = read_tei(path)
    if result.problems:
        raise integrity_error(result.problems, str(path))
    name = fallback_name or Path(path).name.split(".")[0]
    return SourceFile(str(path), result.document, result.taxonomy, name)


def tei_files(folder: str | Path) -> list[Path]:
    """The TEI files directly inside ``folder``, sorted by name."""
    root = Path(folder)
    if not root.is_dir():
        raise MergeError(Errors.E520, path=str(root))
    return sorted(p for p in root.iterdir()
                  if p.is_file() and p.name.endswith(TEI_SUFFIXES) and not p.name.startswith("."))


def check_same_tagset(sources: Sequence[SourceFile]) -> None:
    """Raise :class:`MergeError` when the files name different tag sets."""
    first = sources[0]
    for other in sources[1:]:
        if other.taxonomy.name != first.taxonomy.name:
            raise MergeError(Errors.E521, first=first.path, first_name=first.taxonomy.name,
                             other=other.path, other_name=other.taxonomy.name)


def check_same_text(sources: Sequence[SourceFile]) -> None:
    """Raise :class:`MergeError` unless every file holds the same text (the message names
    each text by its SHA-256)."""
    first = sources[0]
    for other in sources[1:]:
        if other.document.text != first.document.text:
            raise MergeError(Errors.E522, first=first.path, first_id=first.document.id,
                             first_text=text_sha256(first.document.text)[:12], other=other.path,
                             other_id=other.document.id,
                             other_text=text_sha256(other.document.text)[:12])


def collect_sets(sources: Sequence[SourceFile]) -> list[AnnotatorSet]:
    """Every annotator set of ``sources``; the same annotator twice is an error."""
    sets: list[AnnotatorSet] = []
    seen: dict[str, str] = {}
    for source in sources:
        for found in source.annotator_sets():
            if found.annotator in seen:
                raise MergeError(Errors.E523, annotator=found.annotator,
                                 first=seen[found.annotator], other=source.path)
            seen[found.annotator] = source.path
            sets.append(found)
    return sets


def peek_document_id(path: Path) -> str:
    """The document id a TEI file's header declares (or its name's stem, as ``read_tei``).

    Only the start of the file is read; :func:`read_group` later checks that the id matches.
    """
    try:
        with open(path, "rb") as stream:
            head = stream.read(65536)
    except OSError as error:
        raise MergeError(Errors.E600, reason=error.strerror, path=str(path)) from None
    found = _IDNO.search(head)
    if found:
        return html.unescape(found.group(1).decode("utf-8", "replace"))
    return path.name.split(".")[0] or "document"


def group_by_document(columns: Sequence[Sequence[Path]]
                      ) -> tuple[dict[str, list[Path | None]], list[AnnotatorError]]:
    """Files of each column (one per annotator folder) paired by document id; a column
    holding one id twice is an error."""
    by_doc: dict[str, list[Path | None]] = {}
    errors: list[AnnotatorError] = []
    for column, files in enumerate(columns):
        for path in files:
            try:
                doc_id = peek_document_id(path)
            except AnnotatorError as error:
                errors.append(error)
                continue
            slots = by_doc.setdefault(doc_id, [None] * len(columns))
            if slots[column] is not None:
                errors.append(MergeError(Errors.E524, id=doc_id, other=str(slots[column]),
                                         path=str(path)))
            else:
                slots[column] = path
    return by_doc, errors


def read_group(doc_id: str, slots: Sequence[Slot | None]) -> list[SourceFile]:
    """Read the files of document ``doc_id`` (None: a folder without it); each must declare
    that id."""
    sources = []
    for slot in slots:
        if slot is None:
            continue
        source = read_source(*slot)
        if source.document.id != doc_id:
            raise MergeError(Errors.E525, declared=source.document.id, id=doc_id,
                             path=slot[0])
        sources.append(source)
    return sources


def _document_sets_job(job: tuple[str, list[Slot]]) -> tuple[DocumentSets, TagSet]:
    """One document's annotator spans, and its tag set (a worker)."""
    doc_id, slots = job
    sources = read_group(doc_id, slots)
    check_same_text(sources)
    sets = collect_sets(sources)
    return DocumentSets(doc_id, sources[0].document.text, {
        s.annotator: [(a.start, a.end, a.label) for a in s.annotations] for s in sets},
        {s.annotator: set_links(s.annotations) for s in sets},
        {s.annotator: [((a.start, a.end, a.label), key, value) for a in s.annotations
                       for key, value in sorted(a.attributes.items())] for s in sets},
    ), sources[0].taxonomy


def set_links(annotations: Sequence[Annotation]
              ) -> list[tuple[str, tuple[int, int, str], tuple[int, int, str]]]:
    """An annotator's links (``source`` links aside) as ``(role, source span, target span)``,
    spans as ``(start, end, label)``."""
    by_id = {a.id: a for a in annotations}
    return [(link.role, (a.start, a.end, a.label), (t.start, t.end, t.label))
            for a in annotations for link in a.links
            if link.role != "source" and (t := by_id.get(link.target)) is not None]


def read_document_sets(inputs: Sequence[str | Path], workers: int | None = None,
                       start_method: str = "spawn"
                       ) -> tuple[list[DocumentSets], TagSet | None]:
    """Annotators' spans per document from files and folders, and the first file's tag set.

    Files are grouped by document id (a folder's files take the folder's name as fallback
    annotator name); a merged file contributes each of its annotator layers; gold is ignored.
    Files of one id must hold the same text; an annotator may appear once per document.
    The files are read in ``workers`` processes (default :func:`default_workers`) started by
    ``start_method`` (see :mod:`annotator.workers`).
    """
    groups: dict[str, list[Slot]] = {}
    for item in map(Path, inputs):
        if item.is_dir():
            files: list[tuple[Path, str | None]] = [(p, item.name) for p in tei_files(item)]
        elif item.is_file():
            files = [(item, None)]
        else:
            raise MergeError(Errors.E603, path=str(item))
        for path, fallback in files:
            groups.setdefault(peek_document_id(path), []).append((str(path), fallback))
    found = list(pool_map(_document_sets_job, list(groups.items()),
                          workers=workers or default_workers(), start_method=start_method))
    return [sets for sets, _ in found], found[0][1] if found else None
