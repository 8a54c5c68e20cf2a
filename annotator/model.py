"""The document model: exact text, code-point spans, annotators, links.

Offsets are Unicode code points into ``Document.text`` exactly as imported, half-open
``[start, end)``.  The text is never changed after import.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from itertools import chain
from operator import attrgetter
from typing import Any, NamedTuple

from annotator.error_catalogue import Errors
from annotator.errors import AnnotationError, AnnotatorError, SpanError
from annotator.spanindex import SpanIndex
from annotator.xmlchars import (
    ILLEGAL_XML_CHARS,
    NAME_CHARS,
    NAME_START_CHARS,
    first_illegal_field,
)

# xml:id values must be NCNames that expat and libxml2 both accept (xmlchars.NAME_CHARS).
_NCNAME = re.compile(f"^[{NAME_START_CHARS}][{NAME_CHARS}]*$")
# Ids the TEI writer uses for the file's own structure; annotation ids may not take them.
_RESERVED_ID = re.compile(r"^(p\d+|text|tagset|(tag|kind|resp|rend|layer|when)\..*)$")


# Both rules in one pattern, for bulk loads: for one id, and for many ids one a line.
_ONE_VALID_ID = (r"(?!(?:p\d+|text|tagset|(?:tag|kind|resp|rend|layer|when)\.[\w.\-]*)(?:\n|\Z))"
                 f"[{NAME_START_CHARS}][{NAME_CHARS}]*")
_VALID_ID = re.compile(f"^{_ONE_VALID_ID}$")
_VALID_IDS = re.compile(f"(?:{_ONE_VALID_ID}\n)*{_ONE_VALID_ID}")


def now_iso() -> str:
    """The current UTC time as ``YYYY-MM-DDTHH:MM:SSZ`` (the format stored in files)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def is_valid_id(value: str) -> bool:
    """True when ``value`` can serve as an annotation id (an XML NCName not reserved)."""
    return bool(_NCNAME.match(value)) and not _RESERVED_ID.match(value)


def text_sha256(text: str) -> str:
    """SHA-256 of the text's UTF-8 bytes, as stored in TEI headers."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Link(NamedTuple):
    """A typed pointer from one annotation to another (``speaker``, ``claimant``, ``source``)."""

    role: str
    target: str


@dataclass(frozen=True, slots=True)
class Annotation:
    """One labelled span.  Immutable: edits make a new value with :func:`dataclasses.replace`.

    ``layer`` is ``""`` for an annotator's own work and ``"gold"`` for an adjudicated layer
    (whose ``annotator`` is the lead, and whose ``source`` links name the annotations it
    came from).  ``created``/``modified`` are ISO 8601 UTC strings.
    """

    id: str
    start: int
    end: int
    label: str
    annotator: str = ""
    attributes: Mapping[str, str] = field(default_factory=dict)
    links: tuple[Link, ...] = ()
    created: str = ""
    modified: str = ""
    note: str = ""
    layer: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.start, int) or not isinstance(self.end, int):
            raise SpanError(Errors.E001, id=self.id)
        if self.start >= self.end:
            raise SpanError(Errors.E002 if self.start == self.end else Errors.E003, id=self.id,
                            start=self.start, end=self.end)
        if self.start < 0:
            raise SpanError(Errors.E004, id=self.id, start=self.start)
        if not self.label:
            raise AnnotationError(Errors.E005, id=self.id)
        strings: tuple[str, ...] = (self.label, self.annotator, self.layer, self.note,
                                    self.created, self.modified)
        if self.attributes or self.links:
            strings += (*self.attributes, *self.attributes.values(), *chain(*self.links))
        if ILLEGAL_XML_CHARS.search("".join(strings)):
            found = first_illegal_field(self._strings())
            if found:
                raise AnnotationError(Errors.E017, id=self.id, field=found[0], char=found[1])

    def _strings(self) -> Iterator[tuple[str, str]]:
        """``(field, value)`` of every string a file stores for this annotation."""
        yield from (("label", self.label), ("annotator", self.annotator), ("layer", self.layer),
                    ("note", self.note), ("created", self.created), ("modified", self.modified))
        for name, value in self.attributes.items():
            yield from (("attribute name", name), ("attribute value", value))
        for link in self.links:
            yield from (("link role", link.role), ("link target", link.target))

    def link_targets(self, role: str) -> list[str]:
        """Ids this annotation points to with ``role``."""
        return [link.target for link in self.links if link.role == role]

    def with_changes(self, **changes: Any) -> Annotation:
        """A copy with ``changes`` applied and ``modified`` set to now (unless given)."""
        changes.setdefault("modified", now_iso())
        return replace(self, **changes)


# Each field's slot (Annotation has __slots__), to fill a new Annotation in checked_annotation.
_ID_SLOT, _START_SLOT, _END_SLOT, _LABEL_SLOT, _ANNOTATOR_SLOT = (
    Annotation.__dict__[name].__set__ for name in ("id", "start", "end", "label", "annotator"))
_ATTRIBUTES_SLOT, _LINKS_SLOT, _CREATED_SLOT, _MODIFIED_SLOT, _NOTE_SLOT, _LAYER_SLOT = (
    Annotation.__dict__[name].__set__
    for name in ("attributes", "links", "created", "modified", "note", "layer"))


def checked_annotation(id: str, start: int, end: int, label: str, annotator: str,
                       created: str, modified: str, layer: str, *,
                       attributes: Mapping[str, str] | None = None) -> Annotation:
    """An annotation with no links or note (and no attributes unless given), for makers of
    many annotations that have already checked what the constructor checks: integers
    ``0 <= start < end``, a non-empty label, and strings that XML can carry.

    It skips the constructor's checks and stores each field in its slot directly, where the
    frozen dataclass's ``__init__`` goes through ``object.__setattr__`` for every field: a
    third of the constructor's cost, which a load of 100,000 annotations notices
    (bench/bench_tei.py), as do 170,000 suggestions stored at once (bench/bench_suggest.py).
    """
    annotation: Annotation = object.__new__(Annotation)
    _ID_SLOT(annotation, id)
    _START_SLOT(annotation, start)
    _END_SLOT(annotation, end)
    _LABEL_SLOT(annotation, label)
    _ANNOTATOR_SLOT(annotation, annotator)
    _ATTRIBUTES_SLOT(annotation, {} if attributes is None else attributes)
    _LINKS_SLOT(annotation, ())
    _CREATED_SLOT(annotation, created)
    _MODIFIED_SLOT(annotation, modified)
    _NOTE_SLOT(annotation, "")
    _LAYER_SLOT(annotation, layer)
    return annotation


_ID, _END = attrgetter("id"), attrgetter("end")


def in_text_order(values: list[Annotation]) -> list[Annotation]:
    """``values`` ordered by (start, -end, id): outer spans before the spans they nest."""
    # One integer per (start, -end) sorts several times faster than tuples on big
    # documents; equal spans (several annotators' copies) are then put in id order.
    keys = [a.start << 32 | (0xFFFFFFFF - a.end) for a in values]
    order = sorted(range(len(values)), key=keys.__getitem__)
    result = [values[i] for i in order]
    if len(set(keys)) < len(keys):
        ordered_keys = [keys[i] for i in order]
        run_start = 0
        for i in range(1, len(result) + 1):
            if i == len(result) or ordered_keys[i] != ordered_keys[run_start]:
                if i - run_start > 1:
                    result[run_start:i] = sorted(result[run_start:i], key=lambda a: a.id)
                run_start = i
    return result


class Annotations:
    """The annotations of one document, by id, with an interval index for position queries."""

    __slots__ = ("_back_links", "_by_id", "_index", "_next_number", "_text_length")

    def __init__(self, text_length: int) -> None:
        self._by_id: dict[str, Annotation] = {}
        self._index: SpanIndex | None = None
        self._back_links: dict[str, set[str]] | None = None  # target id -> ids linking to it
        self._text_length = text_length
        self._next_number = 1

    # -- reading -----------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Annotation]:
        return iter(self._by_id.values())

    def __contains__(self, annotation_id: object) -> bool:
        return annotation_id in self._by_id

    def __getitem__(self, annotation_id: str) -> Annotation:
        return self._by_id[annotation_id]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Annotations):
            return NotImplemented
        return self._by_id == other._by_id

    def __repr__(self) -> str:
        return f"Annotations({list(self._by_id.values())!r})"

    def get(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id, or None."""
        return self._by_id.get(annotation_id)

    def ids(self) -> list[str]:
        """All ids, in insertion order."""
        return list(self._by_id)

    def sorted(self) -> list[Annotation]:
        """All annotations ordered by (start, -end, id): outer spans before the spans they nest."""
        return in_text_order(list(self._by_id.values()))

    def annotators(self) -> list[str]:
        """Annotator names in order of first appearance."""
        return list(dict.fromkeys(a.annotator for a in self._by_id.values()))

    def overlapping(self, start: int, end: int) -> list[Annotation]:
        """Annotations that share at least one character with ``[start, end)``, by start."""
        by_id = self._by_id
        return [by_id[i] for i in self.index.overlapping(start, end)]

    def at(self, position: int) -> list[Annotation]:
        """Annotations covering the character at ``position``, outermost first."""
        found = self.overlapping(position, position + 1)
        found.sort(key=lambda a: (a.start, -a.end, a.id))
        return found

    @property
    def index(self) -> SpanIndex:
        """The interval index, built on first use and kept up to date by every edit."""
        if self._index is None:
            index = SpanIndex()
            index.bulk_load_spans(list(self._by_id.values()))
            self._index = index
        return self._index

    def copy(self) -> Annotations:
        """The same annotations in a new collection that edits of this one leave as it is
        (annotations are immutable values: both hold the same ones); a dictionary copy, its
        index built again when first asked for."""
        copy = Annotations(self._text_length)
        copy._by_id = dict(self._by_id)
        copy._next_number = self._next_number
        return copy

    # -- editing -------------------------------------------------------------------
    def check_all(self, annotations: Mapping[str, Annotation]) -> None:
        """:meth:`check` for many annotations (by id) at once: a whole column at a time, then
        one at a time only to raise for the first refused."""
        if annotations and not self._fit(annotations):
            for annotation in annotations.values():
                self.check(annotation)

    def _fit(self, annotations: Mapping[str, Annotation]) -> bool:
        """True when every one of ``annotations`` (by id, not empty) ends within the text and
        has a valid id: the checks of :meth:`check`, a whole column at a time."""
        lines = "\n".join(annotations)
        return (max(map(_END, annotations.values())) <= self._text_length
                and lines.count("\n") == len(annotations) - 1
                and _VALID_IDS.fullmatch(lines) is not None)

    def new_id(self) -> str:
        """A fresh id of the form ``a<N>`` that no annotation here uses."""
        if self._next_number == 1 and len(self._by_id) > 100:
            self._next_number = len(self._by_id) + 1  # usually free: skip the ids in use
        while True:
            candidate = f"a{self._next_number}"
            self._next_number += 1
            if candidate not in self._by_id:
                return candidate

    def check(self, annotation: Annotation) -> None:
        """Raise :class:`SpanError` or :class:`AnnotationError` if it cannot join this text."""
        if annotation.end > self._text_length:
            raise SpanError(Errors.E006, id=annotation.id, start=annotation.start,
                            end=annotation.end, length=self._text_length)
        if not is_valid_id(annotation.id):
            raise AnnotationError(Errors.E007, id=annotation.id)

    def add(self, annotation: Annotation) -> Annotation:
        """Add an annotation; its id must be new."""
        self.check(annotation)
        if annotation.id in self._by_id:
            raise AnnotationError(Errors.E008, id=annotation.id)
        self._by_id[annotation.id] = annotation
        if self._index is not None:
            self._index.add(annotation.id, annotation.start, annotation.end)
        if self._back_links is not None and annotation.links:
            self._link(self._back_links, annotation)
        return annotation

    def extend(self, annotations: Iterable[Annotation]) -> None:
        """Add many annotations (faster than repeated :meth:`add` on a big document: an index
        already built takes them in one sorted merge, half the time of building it again for
        the window's next paint after 170,000 suggestions; else it is built when needed)."""
        index, self._index = self._index, None  # if an add fails, rebuilt when next needed
        self._back_links = None
        added = list(annotations)
        fresh = dict(zip(map(_ID, added), added, strict=True))
        if added and len(fresh) == len(added) and self._fit(fresh) \
                and self._by_id.keys().isdisjoint(fresh):
            self._by_id.update(fresh)  # checked a whole column at a time, as load does
        else:
            for annotation in added:  # one at a time, so that the error names the first
                self.add(annotation)
        if index is not None:
            index.bulk_load_spans(added)
            self._index = index

    def load(self, annotations: list[Annotation], problems: list[AnnotatorError]) -> None:
        """Bulk-add annotations read from a file; each one refused is reported in ``problems``."""
        self._index = None
        self._back_links = None
        by_id = self._by_id
        length = self._text_length
        if not by_id and annotations:  # the usual case, checked a whole column at a time
            loaded = dict(zip(map(_ID, annotations), annotations, strict=True))
            if len(loaded) == len(annotations) and self._fit(loaded):
                self._by_id = loaded
                return
        valid = _VALID_ID.match
        for annotation in annotations:
            if annotation.id in by_id:
                problems.append(AnnotationError(Errors.E008, id=annotation.id))
            elif annotation.end > length or not valid(annotation.id):
                try:
                    self.check(annotation)
                except AnnotatorError as error:
                    problems.append(error)
            else:
                by_id[annotation.id] = annotation

    def remove_many(self, annotation_ids: Iterable[str]) -> list[Annotation]:
        """Remove many annotations (faster than repeated :meth:`remove` on a big document:
        the index is rebuilt lazily, once)."""
        self._index = None
        self._back_links = None
        return [self.remove(annotation_id) for annotation_id in annotation_ids]

    def remove(self, annotation_id: str) -> Annotation:
        """Remove and return an annotation.  Links pointing to it are left to the caller."""
        try:
            annotation = self._by_id.pop(annotation_id)
        except KeyError:
            raise AnnotationError(Errors.E009, id=annotation_id) from None
        if self._index is not None:
            self._index.remove(annotation.id, annotation.start, annotation.end)
        if self._back_links is not None and annotation.links:
            self._unlink(self._back_links, annotation)
        return annotation

    def replace(self, annotation: Annotation) -> Annotation:
        """Swap in a changed annotation with the same id; returns the old one."""
        old = self._by_id.get(annotation.id)
        if old is None:
            raise AnnotationError(Errors.E009, id=annotation.id)
        self.check(annotation)
        self._by_id[annotation.id] = annotation
        if self._index is not None and (old.start, old.end) != (annotation.start, annotation.end):
            self._index.remove(old.id, old.start, old.end)
            self._index.add(annotation.id, annotation.start, annotation.end)
        if self._back_links is not None and old.links != annotation.links:
            self._unlink(self._back_links, old)
            self._link(self._back_links, annotation)
        return old

    @staticmethod
    def _link(back_links: dict[str, set[str]], annotation: Annotation) -> None:
        for link in annotation.links:
            back_links.setdefault(link.target, set()).add(annotation.id)

    @staticmethod
    def _unlink(back_links: dict[str, set[str]], annotation: Annotation) -> None:
        for link in annotation.links:
            sources = back_links.get(link.target)
            if sources is not None:
                sources.discard(annotation.id)

    def pointing_to(self, annotation_id: str) -> list[Annotation]:
        """Annotations with a link to ``annotation_id``, by id (an index kept up to date
        after its first use, so deleting from a big document does not scan it)."""
        if self._back_links is None:
            self._back_links = {}
            for annotation in self._by_id.values():
                if annotation.links:
                    self._link(self._back_links, annotation)
        by_id = self._by_id
        return [by_id[i] for i in sorted(self._back_links.get(annotation_id, ()))
                if i in by_id and any(link.target == annotation_id for link in by_id[i].links)]

    def dangling_links(self) -> list[tuple[Annotation, Link]]:
        """Links whose target is not an annotation of this document."""
        return [(a, link) for a in self._by_id.values() for link in a.links
                if link.target not in self._by_id]


@dataclass(eq=False)
class Document:
    """A text exactly as imported, its metadata and its annotations.

    ``direction`` is the base direction of the whole text (``rtl`` or ``ltr``); each paragraph's
    own direction comes from its first strong character when shown.  ``status`` maps an
    annotator's name to their progress on this document (``not started``, ``in progress``,
    ``done``).
    """

    id: str
    text: str
    title: str = ""
    source: str = ""
    language: str = "ar"
    direction: str = "rtl"
    status: dict[str, str] = field(default_factory=dict)
    annotations: Annotations = field(init=False)

    def __post_init__(self) -> None:
        if not is_valid_id(self.id) and not re.match(r"^[\w.\-]+$", self.id):
            raise AnnotationError(Errors.E010, id=self.id)
        found = first_illegal_field((
            ("title", self.title), ("source", self.source), ("language", self.language),
            ("direction", self.direction),
            *(("annotator's name in the status", name) for name in self.status),
            *(("status", value) for value in self.status.values())))
        if found:
            raise AnnotationError(Errors.E018, id=self.id, field=found[0], char=found[1])
        self.annotations = Annotations(len(self.text))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        mine = (self.id, self.text, self.title, self.source, self.language, self.direction,
                self.status)
        theirs = (other.id, other.text, other.title, other.source, other.language,
                  other.direction, other.status)
        return mine == theirs and self.annotations == other.annotations

    # Unhashable: mutable, and equal by content.  (typeshed declares object.__hash__ a method.)
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"Document(id={self.id!r}, {len(self.text)} characters, "
                f"{len(self.annotations)} annotations)")

    def copy(self) -> Document:
        """A document with the same text, fields and annotations that edits of this one leave
        as it is: a consistent snapshot, cheap enough to take on the GUI thread and write on
        another (see :meth:`Annotations.copy`)."""
        copy = Document(self.id, self.text, self.title, self.source, self.language,
                        self.direction, dict(self.status))
        copy.annotations = self.annotations.copy()
        return copy

    def span_text(self, annotation: Annotation) -> str:
        """The characters an annotation covers."""
        return self.text[annotation.start:annotation.end]

    def annotate(self, start: int, end: int, label: str, *, annotator: str = "",
                 attributes: Mapping[str, str] | None = None, links: Iterable[Link] = (),
                 note: str = "", id: str | None = None) -> Annotation:
        """Create and add an annotation with a fresh id and the current time."""
        stamp = now_iso()
        annotation = Annotation(
            id=id or self.annotations.new_id(), start=start, end=end, label=label,
            annotator=annotator, attributes=dict(attributes or {}), links=tuple(links),
            created=stamp, modified=stamp, note=note)
        return self.annotations.add(annotation)
