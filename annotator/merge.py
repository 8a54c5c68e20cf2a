"""Merging several annotators' sets of one document into layers plus a gold layer.

What a merged document holds
----------------------------
* Every annotator's own annotations, unchanged but re-identified: each id gets the annotator's
  slug as prefix (``a1`` of "Ali Hassan" becomes ``Ali_Hassan.a1``; an id already carrying the
  prefix keeps it), and links are rewritten to match, so ids stay unique and valid NCNames.
* A gold layer (``layer="gold"``, ``annotator`` = the lead) built by a strategy: ``union``
  (at least 1 of n), ``majority`` (at least k of n; default k = more than half) or
  ``unanimity`` (n of n).  Gold ids are ``gold.1``, ``gold.2``… in text order.

Each gold annotation records where it came from:

* ``links``: ``Link("source", id)`` for every agreeing annotator annotation, then the merged
  links (``speaker``, ``claimant``…) — a link is kept when both of its ends reached gold and at
  least k annotators drew it;
* ``attributes``: the members' own attributes (per key the most common value; ties go to the
  annotator named first) plus ``agreement`` = ``"2/3"`` (how many of the n annotators marked
  it) and ``annotators`` = their names, space-separated (characters other than letters,
  digits, ``_`` and ``-`` become ``_``; annotator.adjudicate writes the same).

Matching
--------
Exact (default): same start, end and label.  ``overlap=True``: same label and at least one
shared character, one annotation per annotator per group, grouped greedily by overlap size;
the gold span is the span most members chose (ties: the annotator named first).

Conflicts
---------
Groups are related when their spans overlap and either have the same label (a boundary
disagreement) or different labels over mostly the same characters (Jaccard >= 0.5: a label
disagreement; a PER nested in a QUOTE is not one).  Every connected set of related groups
that is not one group marked identically by every annotator is a :class:`Conflict`, with
kinds among ``label``, ``span``, ``missing`` (some annotators did not mark it), ``attribute``
and ``link`` (a link not drawn by every annotator; ``detail`` says whether it was kept).

Corpus merges (:func:`merge_corpus`) pair files by the document id in their headers, then read,
check and merge each document (in two worker processes) into a hidden staging file in the
output folder.  Only when every document succeeded are the staged files renamed into place,
each atomically; a bad input (damaged file, text mismatch, different tag sets, one id twice in
a folder) removes the staged files and writes nothing.  Documents missing from some
annotators are merged from the others (n counts the annotators present) and reported.
"""

from __future__ import annotations

import contextlib
import functools
import html
import multiprocessing
import os
import re
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.atomic import fsync_folder
from annotator.errors import AnnotatorError, IntegrityError
from annotator.layers import GOLD, related
from annotator.model import Annotation, Document, Link, is_valid_id, now_iso
from annotator.tagset import TagSet
from annotator.tei import read_tei, tei_bytes

if TYPE_CHECKING:
    from annotator.agreement import DocumentSets

STRATEGIES = ("union", "majority", "unanimity")
SOURCE_ROLE = "source"
TEI_SUFFIXES = (".tei.xml", ".xml")
_SLUG_CHAR = re.compile(r"[^\w\-]", re.UNICODE)
_RESERVED_SLUGS = {"tag", "kind", "resp", "rend", "layer", GOLD}


class MergeError(AnnotatorError):
    """Inputs that cannot be merged (different texts or tag sets, clashing annotators...)."""


# -- inputs --------------------------------------------------------------------------------

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
        """Each annotator's own (non-gold) work in this file; a file with none is one empty set.

        The empty set's annotator is the one person named in the file's status, else the
        fallback name, so that "found nothing" still counts as an answer.
        """
        groups: dict[str, list[Annotation]] = {}
        for annotation in self.document.annotations:
            if annotation.layer != GOLD:
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
        more = f" (and {len(result.problems) - 1} more)" if len(result.problems) > 1 else ""
        raise IntegrityError(result.problems[0] + more, path=str(path))
    name = fallback_name or Path(path).name.split(".")[0]
    return SourceFile(str(path), result.document, result.taxonomy, name)


def tei_files(folder: str | Path) -> list[Path]:
    """The TEI files directly inside ``folder``, sorted by name."""
    root = Path(folder)
    if not root.is_dir():
        raise MergeError("not a folder", path=str(root))
    return sorted(p for p in root.iterdir()
                  if p.is_file() and p.name.endswith(TEI_SUFFIXES) and not p.name.startswith("."))


def check_same_tagset(sources: Sequence[SourceFile]) -> None:
    """Raise :class:`MergeError` when the files name different tag sets."""
    first = sources[0]
    for other in sources[1:]:
        if other.taxonomy.name != first.taxonomy.name:
            raise MergeError(f"different tag sets: {first.path} uses {first.taxonomy.name!r}, "
                             f"{other.path} uses {other.taxonomy.name!r}")


def check_same_text(sources: Sequence[SourceFile]) -> None:
    """Raise :class:`MergeError` unless every file holds the same text (by SHA-256)."""
    first = sources[0]
    for other in sources[1:]:
        if other.document.sha256 != first.document.sha256:
            raise MergeError(
                f"not the same document: {first.path} (id {first.document.id}, text "
                f"{first.document.sha256[:12]}…) and {other.path} (id {other.document.id}, "
                f"text {other.document.sha256[:12]}…) hold different texts")


def collect_sets(sources: Sequence[SourceFile]) -> list[AnnotatorSet]:
    """Every annotator set of ``sources``; the same annotator twice is an error."""
    sets: list[AnnotatorSet] = []
    seen: dict[str, str] = {}
    for source in sources:
        for found in source.annotator_sets():
            if found.annotator in seen:
                raise MergeError(f"annotator {found.annotator!r} has work in both "
                                 f"{seen[found.annotator]} and {source.path}")
            seen[found.annotator] = source.path
            sets.append(found)
    return sets


# -- options and results -------------------------------------------------------------------

@dataclass(frozen=True)
class MergeOptions:
    """How to build the gold layer."""

    strategy: str = "majority"
    min_agree: int | None = None  # majority: at least this many; default more than half
    overlap: bool = False
    lead: str = "lead"

    def threshold(self, annotators: int) -> int:
        """How many annotators must agree for a gold annotation."""
        if self.strategy not in STRATEGIES:
            raise MergeError(f"unknown strategy {self.strategy!r}; use "
                             + ", ".join(STRATEGIES))
        if self.strategy == "union":
            return 1
        if self.strategy == "unanimity":
            return annotators
        k = self.min_agree if self.min_agree is not None else annotators // 2 + 1
        if not 1 <= k <= max(annotators, 1):
            raise MergeError(f"--min-agree {k} is impossible with {annotators} annotators")
        return k


@dataclass(frozen=True)
class Member:
    """One annotator's annotation in a group of agreeing annotations."""

    annotator: str
    id: str
    start: int
    end: int
    label: str


@dataclass
class Conflict:
    """Annotators' annotations around one place of the text that do not all agree."""

    doc_id: str
    start: int
    end: int
    kinds: list[str]
    members: list[Member]
    gold: list[str]  # ids of gold annotations made here
    detail: str = ""
    text: str = ""  # the characters [start, end), cut to 200


    def to_json(self) -> dict[str, object]:
        """A JSON-ready record (one line of ``--conflicts FILE.jsonl``)."""
        return {"document": self.doc_id, "start": self.start, "end": self.end,
                "text": self.text, "kinds": self.kinds, "gold": self.gold,
                "detail": self.detail,
                "annotations": [m.__dict__ for m in self.members]}


@dataclass
class MergeResult:
    """A merged document, its tag set and what did not agree."""

    document: Document
    annotators: list[str]
    threshold: int
    conflicts: list[Conflict]
    gold_count: int
    tagset: TagSet | None = None
    sources: list[str] = field(default_factory=list)


# -- merging -------------------------------------------------------------------------------

def annotator_slug(name: str, taken: set[str]) -> str:
    """An id prefix for ``name`` that is an NCName start, not reserved and not in ``taken``."""
    slug = _SLUG_CHAR.sub("_", name) or "annotator"
    if not (slug[0].isalpha() or slug[0] == "_"):
        slug = "_" + slug
    if slug in _RESERVED_SLUGS:
        slug += "_"
    base, n = slug, 1
    while slug in taken or not is_valid_id(slug + ".a"):
        n += 1
        slug = f"{base}_{n}"
    taken.add(slug)
    return slug


def _reidentify(found: AnnotatorSet, slug: str) -> list[Annotation]:
    prefix = slug + "."
    new_ids = {a.id: a.id if a.id.startswith(prefix) else prefix + a.id
               for a in found.annotations}
    out = []
    for a in found.annotations:
        links = tuple(Link(link.role, new_ids[link.target])
                      for link in a.links if link.target in new_ids)
        out.append(Annotation(new_ids[a.id], a.start, a.end, a.label, found.annotator,
                              dict(a.attributes), links, a.created, a.modified, a.note, ""))
    return out


class _Group:
    """Annotations of different annotators taken as the same annotation."""

    __slots__ = ("gold_id", "label", "members", "span")

    def __init__(self, members: list[tuple[int, Annotation]]) -> None:
        self.members = members  # (annotator index, annotation), sorted by annotator index
        first = members[0][1]
        self.label = first.label
        self.span = (first.start, first.end)
        if any((a.start, a.end) != self.span for _, a in members):
            spans = Counter((a.start, a.end) for _, a in members)
            best = max(spans.values())
            self.span = next((a.start, a.end) for _, a in members
                             if spans[(a.start, a.end)] == best)
        self.gold_id = ""

    @property
    def start(self) -> int:
        return self.span[0]

    @property
    def end(self) -> int:
        return self.span[1]


def _exact_groups(layers: Sequence[Sequence[Annotation]]) -> list[_Group]:
    keyed: dict[tuple[int, int, str, int], list[tuple[int, Annotation]]] = {}
    for index, layer in enumerate(layers):
        seen: Counter[tuple[int, int, str]] = Counter()
        for a in layer:
            key = (a.start, a.end, a.label)
            keyed.setdefault((*key, seen[key]), []).append((index, a))
            seen[key] += 1
    return [_Group(members) for members in keyed.values()]


def _overlap_groups(layers: Sequence[Sequence[Annotation]]) -> list[_Group]:
    items = [(index, a) for index, layer in enumerate(layers) for a in layer]
    by_label: dict[str, list[int]] = {}
    for number, (_, a) in enumerate(items):
        by_label.setdefault(a.label, []).append(number)
    options = []
    for numbers in by_label.values():
        numbers.sort(key=lambda n: items[n][1].start)
        for x, first in enumerate(numbers):
            fa = items[first][1]
            for second in numbers[x + 1:]:
                sa = items[second][1]
                if sa.start >= fa.end:
                    break
                if items[first][0] == items[second][0]:
                    continue
                shared = min(fa.end, sa.end) - max(fa.start, sa.start)
                options.append((-shared, abs(fa.start - sa.start) + abs(fa.end - sa.end),
                                first, second))
    options.sort()
    parent = list(range(len(items)))
    annotators = [{index} for index, _ in items]

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for _, _, first, second in options:
        a, b = root(first), root(second)
        if a != b and not annotators[a] & annotators[b]:
            parent[b] = a
            annotators[a] |= annotators[b]
    grouped: dict[int, list[tuple[int, Annotation]]] = {}
    for number, item in enumerate(items):
        grouped.setdefault(root(number), []).append(item)
    return [_Group(sorted(members, key=lambda m: m[0])) for members in grouped.values()]


def _merge_attributes(members: Sequence[tuple[int, Annotation]]) -> tuple[dict[str, str], bool]:
    first = members[0][1].attributes
    if all(a.attributes == first for _, a in members):
        return dict(first), False
    keys = list(dict.fromkeys(k for _, a in members for k in a.attributes))
    merged: dict[str, str] = {}
    differ = False
    for key in keys:
        values = [a.attributes.get(key) for _, a in members]
        counted = Counter(v for v in values if v is not None)
        if len(counted) > 1 or None in values:
            differ = True
        best = max(counted.values())
        merged[key] = next(v for v in values if v is not None and counted[v] == best)
    return merged, differ


def _components(groups: Sequence[_Group]) -> list[list[_Group]]:
    """Connected sets of related groups (``groups`` sorted by start)."""
    parent = list(range(len(groups)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for x, first in enumerate(groups):
        for y in range(x + 1, len(groups)):
            second = groups[y]
            if second.start >= first.end:
                break
            if related(first, second):  # type: ignore[arg-type]  (start, end, label)
                parent[root(y)] = root(x)
    found: dict[int, list[_Group]] = {}
    for number, group in enumerate(groups):
        found.setdefault(root(number), []).append(group)
    return list(found.values())


def merge_sets(base: Document, sets: Sequence[AnnotatorSet], options: MergeOptions,
               status: dict[str, str] | None = None) -> MergeResult:
    """Merge annotator sets of ``base``'s text into a new document with a gold layer."""
    if not sets:
        raise MergeError(f"document {base.id}: nothing to merge")
    names = [s.annotator for s in sets]
    n = len(sets)
    k = options.threshold(n)
    document = Document(base.id, base.text, base.title, base.source, base.language,
                        base.direction, dict(status if status is not None else base.status))
    taken: set[str] = set()
    slugs = [annotator_slug(found.annotator, taken) for found in sets]
    layers = [_reidentify(found, slug) for found, slug in zip(sets, slugs, strict=True)]
    for layer in layers:
        document.annotations.extend(layer)

    groups = _overlap_groups(layers) if options.overlap else _exact_groups(layers)
    groups.sort(key=lambda g: (g.start, -g.end, g.label, g.members[0][0]))
    group_of = {a.id: g for g in groups for _, a in g.members}
    stamp = now_iso()
    gold: list[Annotation] = []
    attribute_differs: set[int] = set()
    made = 0
    for group in groups:  # ids first: links may point forwards
        if len(group.members) >= k:
            made += 1
            group.gold_id = f"gold.{made}"
    link_conflicts: dict[int, list[str]] = {}
    for group in groups:
        if not group.gold_id:
            continue
        attributes, differ = _merge_attributes(group.members)
        if differ:
            attribute_differs.add(id(group))
        support: dict[tuple[str, int], tuple[_Group, set[int]]] = {}
        for index, a in group.members:
            for link in a.links:
                target = group_of.get(link.target)
                if link.role != SOURCE_ROLE and target is not None:
                    support.setdefault((link.role, id(target)), (target, set()))[1].add(index)
        links = [Link(SOURCE_ROLE, a.id) for _, a in group.members]
        for (role, _), (target, who) in support.items():
            kept = len(who) >= k and bool(target.gold_id)
            if kept:
                links.append(Link(role, target.gold_id))
            if len(who) < n or not kept:
                why = ("kept" if kept else "left out" if target.gold_id
                       else "left out: its target is not gold")
                link_conflicts.setdefault(id(group), []).append(
                    f"{group.gold_id} {role} link drawn by {len(who)}/{n} ({why})")
        attributes["agreement"] = f"{len(group.members)}/{n}"
        attributes["annotators"] = " ".join(_SLUG_CHAR.sub("_", names[i])
                                            for i, _ in group.members)
        gold.append(Annotation(group.gold_id, group.start, group.end, group.label,
                               options.lead, attributes, tuple(links), stamp, stamp, "", GOLD))
    document.annotations.extend(gold)

    conflicts = []
    for component in _components(groups):
        kinds = []
        if len({g.label for g in component}) > 1:
            kinds.append("label")
        same_label_spans = {(g.label, a.start, a.end) for g in component for _, a in g.members}
        if len(same_label_spans) > len({g.label for g in component}):
            kinds.append("span")
        if any(len(g.members) < n for g in component):
            kinds.append("missing")
        if any(id(g) in attribute_differs for g in component):
            kinds.append("attribute")
        details = [text for g in component for text in link_conflicts.get(id(g), [])]
        if details:
            kinds.append("link")
        if not kinds:
            continue
        members = [Member(names[i], a.id, a.start, a.end, a.label) for i, a in sorted(
            ((i, a) for g in component for i, a in g.members),
            key=lambda item: (item[0], item[1].start, -item[1].end))]
        start, end = min(g.start for g in component), max(g.end for g in component)
        text = base.text[start:end] if end - start <= 200 else base.text[start:start + 199] + "…"
        conflicts.append(Conflict(base.id, start, end, kinds, members,
                                  [g.gold_id for g in component if g.gold_id],
                                  "; ".join(details), text))
    return MergeResult(document, names, k, conflicts, len(gold))


def merge_sources(sources: Sequence[SourceFile], options: MergeOptions) -> MergeResult:
    """Merge files of one document (checked: same text, same tag set, distinct annotators)."""
    if not sources:
        raise MergeError("nothing to merge")
    check_same_text(sources)
    check_same_tagset(sources)
    sets = collect_sets(sources)
    status: dict[str, str] = {}
    for source in sources:
        status.update(source.document.status)
    result = merge_sets(sources[0].document, sets, options, status)
    result.tagset = sources[0].taxonomy
    result.sources = [s.path for s in sources]
    return result


def merge_files(paths: Sequence[str | Path], options: MergeOptions) -> MergeResult:
    """Read and merge several annotators' TEI files of one document."""
    if len(paths) < 2:
        raise MergeError("merge needs at least two files")
    return merge_sources([read_source(p) for p in paths], options)


# -- corpora -------------------------------------------------------------------------------

_IDNO = re.compile(rb'<idno type="document">([^<]*)</idno>')


def peek_document_id(path: Path) -> str:
    """The document id a TEI file's header declares (or its name's stem, as ``read_tei``).

    Only the start of the file is read; the full read later checks that the id matches.
    """
    try:
        with open(path, "rb") as stream:
            head = stream.read(65536)
    except OSError as error:
        raise MergeError(f"cannot read: {error.strerror}", path=str(path)) from None
    found = _IDNO.search(head)
    if found:
        return html.unescape(found.group(1).decode("utf-8", "replace"))
    return path.name.split(".")[0] or "document"


def group_by_document(columns: Sequence[Sequence[Path]]
                      ) -> tuple[dict[str, list[Path | None]], list[AnnotatorError]]:
    """Files of each column (one per annotator folder) paired by document id."""
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
                errors.append(MergeError(f"document {doc_id} is also in {slots[column]}",
                                         path=str(path)))
            else:
                slots[column] = path
    return by_doc, errors


def _read_group(doc_id: str, slots: Sequence[tuple[str, str] | None]) -> list[SourceFile]:
    sources = []
    for slot in slots:
        if slot is None:
            continue
        source = read_source(*slot)
        if source.document.id != doc_id:
            raise MergeError(f"declares document {source.document.id}, not {doc_id}",
                             path=slot[0])
        sources.append(source)
    return sources


def _pool_map(function: Callable[..., Any], jobs: Sequence[Any], workers: int
              ) -> Iterator[Any]:
    """``map`` in ``workers`` processes (in order), or in this one for small jobs."""
    if workers <= 1 or len(jobs) < 8:
        yield from map(function, jobs)
        return
    # fork is fast, but unsafe in a process running threads (a GUI): spawn there.
    fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if fork else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(function, jobs, chunksize=max(1, min(32, len(jobs) // (4 * workers))))


def process_map(workers: int | None = None
                ) -> Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]:
    """A ``map`` over worker processes, e.g. for ``agreement_report(map_function=...)``."""
    count = workers or default_workers()
    return lambda function, items: _pool_map(function, list(items), count)


def default_workers() -> int:
    """Processes for corpus work: at most 2, and 1 on a single core."""
    return max(1, min(2, os.cpu_count() or 1))


@dataclass
class DocumentMerge:
    """What merging one document of a corpus gave (the merged file is staged, then written)."""

    doc_id: str
    annotators: list[str]
    threshold: int
    gold_count: int
    conflicts: list[Conflict]
    tagset_name: str
    staged: str = ""
    error: str = ""


def _merge_job(job: tuple[str, list[tuple[str, str] | None]], options: MergeOptions,
               out_dir: str, mode: int) -> DocumentMerge:
    """Read, check and merge one document, and stage its file in ``out_dir`` (a worker)."""
    doc_id, slots = job
    try:
        result = merge_sources(_read_group(doc_id, slots), options)
        data = tei_bytes(result.document, tagset=result.tagset)
        fd, staged = tempfile.mkstemp(prefix=f".{doc_id}.tei.xml.", suffix=".partial",
                                      dir=out_dir)
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(staged, mode)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(staged)
            raise
    except AnnotatorError as error:
        return DocumentMerge(doc_id, [], 0, 0, [], "", error=error.one_line())
    except OSError as error:
        return DocumentMerge(doc_id, [], 0, 0, [], "",
                             error=f"{out_dir}: cannot write: {error.strerror or error}")
    return DocumentMerge(doc_id, result.annotators, result.threshold, result.gold_count,
                         result.conflicts, result.tagset.name if result.tagset else "", staged)


@dataclass
class CorpusMerge:
    """The outcome of merging folders of annotators' files."""

    results: list[DocumentMerge]
    missing: dict[str, list[str]]  # document id -> folders without it
    written: list[Path] = field(default_factory=list)

    @property
    def conflicts(self) -> list[Conflict]:
        return [c for r in self.results for c in r.conflicts]


def merge_corpus(folders: Sequence[str | Path], out_dir: str | Path, options: MergeOptions,
                 progress: Callable[[str, int, int], None] | None = None,
                 workers: int | None = None) -> CorpusMerge:
    """Merge folders of annotators' files (paired by document id) into ``out_dir``.

    Every document is read, checked and merged (in ``workers`` processes) into a hidden
    staging file in ``out_dir``; only when every document succeeded are the staged files
    renamed to ``DOCID.tei.xml``, each atomically.  Any bad input raises :class:`MergeError`
    (listing up to five problems), removes the staged files and leaves ``out_dir`` as it was.
    ``progress(stage, done, total)`` is called with stages ``merge`` and ``write``.
    """
    if len(folders) < 2:
        raise MergeError("merge needs at least two folders")
    out = Path(out_dir)
    for folder in folders:
        if out.resolve() == Path(folder).resolve():
            raise MergeError("the output folder is one of the inputs; choose another",
                             path=str(out))
    by_doc, errors = group_by_document([tei_files(folder) for folder in folders])
    if errors:
        raise _problems(errors)
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise MergeError(f"cannot create folder: {error.strerror}", path=str(out)) from None
    umask = os.umask(0)
    os.umask(umask)
    names = [Path(folder).name for folder in folders]
    jobs = [(doc_id, [None if path is None else (str(path), names[column])
                      for column, path in enumerate(by_doc[doc_id])])
            for doc_id in sorted(by_doc)]
    job = functools.partial(_merge_job, options=options, out_dir=str(out), mode=0o666 & ~umask)
    results: list[DocumentMerge] = []
    failures: list[AnnotatorError] = []
    try:
        for number, result in enumerate(_pool_map(job, jobs, workers or default_workers()), 1):
            results.append(result)
            if result.error:
                failures.append(MergeError(result.error))
            if progress:
                progress("merge", number, len(jobs))
        tagsets = dict.fromkeys(r.tagset_name for r in results if not r.error)
        if len(tagsets) > 1:
            failures.append(MergeError("different tag sets in the inputs: "
                                       + ", ".join(repr(t) for t in tagsets)))
        if failures:
            raise _problems(failures)
    except BaseException:
        for result in results:
            if result.staged:
                with contextlib.suppress(OSError):
                    os.unlink(result.staged)
        if created:
            with contextlib.suppress(OSError):
                out.rmdir()
        raise
    missing = {doc_id: [str(folders[c]) for c, path in enumerate(slots) if path is None]
               for doc_id, slots in by_doc.items() if None in slots}
    merged = CorpusMerge(results, dict(sorted(missing.items())))
    for number, result in enumerate(results, 1):
        target = out / f"{result.doc_id}.tei.xml"
        try:
            os.replace(result.staged, target)
        except OSError as error:
            raise MergeError(f"cannot write: {error.strerror}; {number - 1} of {len(results)} "
                             "documents written", path=str(target)) from None
        merged.written.append(target)
        if progress:
            progress("write", number, len(results))
    fsync_folder(out)
    return merged


def _problems(errors: Sequence[AnnotatorError]) -> MergeError:
    # The same message for many documents (an impossible --min-agree) is shown once, counted.
    counts = Counter(e.one_line() for e in errors)
    distinct = [m if n == 1 else f"{m} ({n} times)" for m, n in counts.items()]
    shown = "; ".join(distinct[:5])
    more = f" (and {len(distinct) - 5} more)" if len(distinct) > 5 else ""
    return MergeError(f"{len(errors)} problem(s), nothing written: {shown}{more}")


def _document_sets_job(job: tuple[str, list[tuple[str, str | None]]]
                       ) -> tuple[DocumentSets, TagSet]:
    from annotator.agreement import DocumentSets

    doc_id, slots = job
    sources = [read_source(path, fallback) for path, fallback in slots]
    for source in sources:
        if source.document.id != doc_id:
            raise MergeError(f"declares document {source.document.id}, not {doc_id}",
                             path=source.path)
    check_same_text(sources)
    sets = collect_sets(sources)
    return DocumentSets(doc_id, sources[0].document.text, {
        s.annotator: [(a.start, a.end, a.label) for a in s.annotations] for s in sets}
    ), sources[0].taxonomy


def read_document_sets(inputs: Sequence[str | Path], workers: int | None = None
                       ) -> tuple[list[DocumentSets], TagSet | None]:
    """Annotators' spans per document from files and folders, and the first file's tag set.

    Files are grouped by document id (a folder's files take the folder's name as fallback
    annotator name); a merged file contributes each of its annotator layers; gold is ignored.
    Files of one id must hold the same text; an annotator may appear once per document.
    """
    groups: dict[str, list[tuple[str, str | None]]] = {}
    for item in map(Path, inputs):
        if item.is_dir():
            files = [(p, item.name) for p in tei_files(item)]
        elif item.is_file():
            files = [(item, None)]
        else:
            raise MergeError("no such file or folder", path=str(item))
        for path, fallback in files:
            groups.setdefault(peek_document_id(path), []).append((str(path), fallback))
    found = list(_pool_map(_document_sets_job, list(groups.items()),
                           workers or default_workers()))
    return [sets for sets, _ in found], found[0][1] if found else None


def conflicts_to_jsonl(conflicts: Iterable[Conflict]) -> str:
    """One JSON object per line, for ``--conflicts FILE.jsonl``."""
    import json

    return "".join(json.dumps(c.to_json(), ensure_ascii=False) + "\n" for c in conflicts)
