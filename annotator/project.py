"""A folder as a project: its documents, each one's status per annotator, progress counts.

The documents of a project folder are its TEI files (``*.tei.xml``) and its text and JSONL
files (``*.txt``, ``*.jsonl``) not yet saved as TEI: when ``x.txt`` and ``x.tei.xml`` both
exist only the TEI file is listed (it is the annotated copy).  Hidden files are left out.

A document's status for an annotator is ``Document.status[annotator]`` in its TEI file:
:data:`NOT_STARTED`, :data:`IN_PROGRESS` or :data:`DONE`; a text or JSONL file is not started
by anyone.  The folder's ``tagset.toml``, when present, is the project's tag set
(:func:`annotator.tagset.tagset_for`).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, FormatError, IntegrityError
from annotator.tagset import TagSet
from annotator.tei import read_tei, save_tei

NOT_STARTED = "not started"
IN_PROGRESS = "in progress"
DONE = "done"
STATUSES = (NOT_STARTED, IN_PROGRESS, DONE)
TEI_SUFFIX = ".tei.xml"
SOURCE_SUFFIXES = (".txt", ".jsonl")


def is_tei_name(path: str | Path) -> bool:
    """True when the file name ends in ``.tei.xml`` (any case)."""
    return Path(path).name.lower().endswith(TEI_SUFFIX)


def document_stem(path: str | Path) -> str:
    """The name without its document suffix: ``x`` for ``x.tei.xml``, ``x.txt``, ``x.jsonl``."""
    name = Path(path).name
    lower = name.lower()
    for suffix in (TEI_SUFFIX, *SOURCE_SUFFIXES):
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return Path(path).stem


def project_files(folder: str | Path) -> list[Path]:
    """The documents of ``folder`` (see the module docstring), sorted by name, case folded."""
    folder = Path(folder)
    files = [p for p in folder.iterdir()
             if not p.name.startswith(".") and p.name.lower().endswith((TEI_SUFFIX,
                                                                         *SOURCE_SUFFIXES))
             and p.is_file()]
    annotated = {document_stem(p) for p in files if is_tei_name(p)}
    kept = [p for p in files if is_tei_name(p) or document_stem(p) not in annotated]
    return sorted(kept, key=lambda p: p.name.casefold())


@dataclass(frozen=True)
class ProjectEntry:
    """One document of a project as listed, seen by one annotator.

    For a text or JSONL file, or a file that cannot be read, only ``path`` (and ``error``)
    say something: it has no id, title, annotations or statuses yet.
    """

    path: Path
    status: str = NOT_STARTED
    """The listing annotator's status, one of :data:`STATUSES` (an unknown value counts as
    in progress)."""
    title: str = ""
    error: AnnotatorError | None = None
    """Why the file could not be read, or None (the app shows it in its language)."""
    document_id: str = ""
    annotations: int = 0
    """How many annotations the document holds, every annotator's and gold together."""
    annotations_by: Mapping[str, int] = field(default_factory=dict)
    """Annotations per annotator name (``""`` for unnamed), in order of first appearance."""
    statuses: Mapping[str, str] = field(default_factory=dict)
    """Every annotator's status as stored in the file."""

    @property
    def name(self) -> str:
        """The file name."""
        return self.path.name

    @property
    def is_tei(self) -> bool:
        """True for a TEI file (a document that can hold annotations and statuses)."""
        return is_tei_name(self.path)


def status_for(statuses: Mapping[str, str], annotator: str) -> str:
    """``annotator``'s status in ``statuses``, as one of :data:`STATUSES`."""
    status = statuses.get(annotator, NOT_STARTED)
    return status if status in STATUSES else IN_PROGRESS


def read_entry(path: str | Path, annotator: str) -> ProjectEntry:
    """The entry for the file at ``path`` as ``annotator`` sees it; never raises for a file
    that cannot be read (the entry's ``error`` says why)."""
    path = Path(path)
    if not is_tei_name(path):
        return ProjectEntry(path)
    try:
        document = read_tei(path).document
    except AnnotatorError as error:
        return ProjectEntry(path, error=error)
    except OSError as error:
        reason = error.strerror or str(error)
        return ProjectEntry(path, error=FormatError(Errors.E600, reason=reason, path=str(path)))
    statuses = dict(document.status)
    counts = Counter(a.annotator for a in document.annotations)
    return ProjectEntry(path, status_for(statuses, annotator), document.title,
                        document_id=document.id, annotations=len(document.annotations),
                        annotations_by=dict(counts), statuses=statuses)


def list_project(folder: str | Path, annotator: str) -> list[ProjectEntry]:
    """Every document of ``folder`` with its status for ``annotator``, in listing order."""
    return [read_entry(path, annotator) for path in project_files(folder)]


class EntryCache:
    """Entries of one annotator, each re-read only when its file's size or time changed.

    An explicit object a listing keeps (the app's project panel re-lists after every save).
    """

    def __init__(self, annotator: str) -> None:
        self.annotator = annotator
        self._known: dict[Path, tuple[tuple[int, int], ProjectEntry]] = {}

    def entry(self, path: str | Path) -> ProjectEntry:
        """The entry for ``path``, read again if the file changed since last asked."""
        path = Path(path)
        try:
            stat = os.stat(path)
        except OSError:
            self._known.pop(path, None)
            return ProjectEntry(path)
        key = (stat.st_size, stat.st_mtime_ns)
        known = self._known.get(path)
        if known is not None and known[0] == key:
            return known[1]
        entry = read_entry(path, self.annotator)
        self._known[path] = (key, entry)
        return entry

    def forget(self, path: str | Path) -> None:
        """Read ``path`` again next time, whatever its size and time."""
        self._known.pop(Path(path), None)

    def list(self, folder: str | Path) -> list[ProjectEntry]:
        """:func:`list_project` through this cache."""
        return [self.entry(path) for path in project_files(folder)]


def set_status_in_file(path: str | Path, annotator: str, status: str, *,
                       tagset: TagSet | None = None) -> None:
    """Record ``status`` for ``annotator`` in the TEI file at ``path`` (rewritten atomically).

    The file keeps its own tag-set declarations unless ``tagset`` is given.  Raises
    :class:`ValueError` for a status not in :data:`STATUSES`, and a one-line
    :class:`AnnotatorError` for a file that cannot be read, or whose checksum or pointers are
    wrong (it is then left alone).
    """
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    found = read_tei(path)
    if found.problems:
        raise IntegrityError(found.problems[0], path=str(path))
    found.document.status[annotator] = status
    save_tei(found.document, path, tagset=tagset if tagset is not None else found.taxonomy)


@dataclass(frozen=True)
class ProjectProgress:
    """How far one annotator is through a project."""

    total: int
    done: int
    in_progress: int

    @property
    def not_started(self) -> int:
        return self.total - self.done - self.in_progress


def progress_of(entries: Iterable[ProjectEntry]) -> ProjectProgress:
    """Counts of the entries, done and in progress (statuses of the listing annotator)."""
    statuses = [entry.status for entry in entries]
    return ProjectProgress(len(statuses), statuses.count(DONE), statuses.count(IN_PROGRESS))
