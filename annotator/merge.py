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
  digits, ``_`` and ``-`` become ``_``); :mod:`annotator.gold` holds these rules, which
  annotator.adjudicate follows too.

Matching
--------
Exact (default): same start, end and label.  ``overlap=True``: same label and at least one
shared character, one annotation per annotator per group, grouped greedily by overlap size
(:mod:`annotator.overlap`, near-linear where many spans overlap); the gold span is the span
most members chose (ties: the annotator named first).

Conflicts
---------
Groups are related when their spans overlap and either have the same label (a boundary
disagreement) or different labels over mostly the same characters (Jaccard >= 0.5: a label
disagreement; a PER nested in a QUOTE is not one).  Every connected set of related groups
that is not one group marked identically by every annotator is a :class:`Conflict`, with
kinds among ``label``, ``span``, ``missing`` (some annotators did not mark it), ``attribute``
(annotations taken as one differ in their attributes) and ``link`` (a link not drawn by
every annotator who marked its source); ``detail`` names each differing attribute with its
values, and each such link with its target and whether it was kept.  These are the places
:func:`annotator.adjudicate.decision_points` finds in the merged document, with the same
kinds (exact matching).

Corpus merges (:func:`merge_corpus`) pair files by the document id in their headers
(:mod:`annotator.corpus`), then read, check and merge each document (in worker processes, as
the caller chooses: :mod:`annotator.workers`) into a hidden staging file in the output
folder.  Only when every document succeeded are the staged files renamed into place, each
atomically; a bad input (damaged file, text mismatch, different tag sets, one id twice in a
folder) removes the staged files and writes nothing.  Documents missing from some
annotators are merged from the others (n counts the annotators present) and reported.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.atomic import fsync_folder
from annotator.corpus import (
    AnnotatorSet,
    MergeError,
    Slot,
    SourceFile,
    check_same_tagset,
    check_same_text,
    collect_sets,
    group_by_document,
    read_group,
    read_source,
    tei_files,
)
from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, SaveError
from annotator.gold import (
    SOURCE,
    Partition,
    annotator_slug,
    bookkeeping,
    gold_id,
    majority_attributes,
    related_components,
)
from annotator.layers import GOLD
from annotator.model import Annotation, Document, Link, now_iso
from annotator.overlap import overlap_joins
from annotator.tagset import TagSet
from annotator.tei import tei_bytes
from annotator.workers import default_workers, pool_map

STRATEGIES = ("union", "majority", "unanimity")


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
            raise MergeError(Errors.E500, strategy=self.strategy, choices=", ".join(STRATEGIES))
        if self.strategy == "union":
            return 1
        if self.strategy == "unanimity":
            return annotators
        k = self.min_agree if self.min_agree is not None else annotators // 2 + 1
        if not 1 <= k <= max(annotators, 1):
            raise MergeError(Errors.E501, k=k, annotators=annotators)
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
    partition = Partition(len(items))
    for first, second in overlap_joins([a.start for _, a in items], [a.end for _, a in items],
                                       [a.label for _, a in items],
                                       [index for index, _ in items], first_by_start=True):
        partition.join(first, second)
    return [_Group(members) for members in partition.sets(items)]  # in annotator order


def _link_support(group: _Group, group_of: dict[str, _Group]
                  ) -> dict[tuple[str, int], tuple[_Group, set[int]]]:
    """Per (role, target group): that group and the annotators whose member links to it."""
    support: dict[tuple[str, int], tuple[_Group, set[int]]] = {}
    for index, a in group.members:
        for link in a.links:
            target = group_of.get(link.target)
            if link.role != SOURCE and target is not None:
                support.setdefault((link.role, id(target)), (target, set()))[1].add(index)
    return support


def _attribute_details(group: _Group) -> list[str]:
    """``QUOTE [41,54) type: direct 2/3, indirect 1/3`` for each attribute members differ on
    (``-``: members without it)."""
    members = [a.attributes for _, a in group.members]
    out = []
    for key in dict.fromkeys(k for attributes in members for k in attributes):
        counted = Counter(attributes.get(key, "-") for attributes in members)
        if len(counted) > 1:
            out.append(f"{group.gold_id or group.label} {key}: " + ", ".join(
                f"{value} {count}/{len(members)}" for value, count in counted.most_common()))
    return out


def merge_sets(base: Document, sets: Sequence[AnnotatorSet], options: MergeOptions,
               status: dict[str, str] | None = None) -> MergeResult:
    """Merge annotator sets of ``base``'s text into a new document with a gold layer."""
    if not sets:
        raise MergeError(Errors.E502, id=base.id)
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
            group.gold_id = gold_id(made)
    link_conflicts: dict[int, list[str]] = {}
    attribute_details: dict[int, list[str]] = {}
    for group in groups:
        if len(group.members) > 1 and majority_attributes(
                [a.attributes for _, a in group.members])[1]:
            attribute_differs.add(id(group))
            attribute_details[id(group)] = _attribute_details(group)
        support = _link_support(group, group_of)
        if not group.gold_id:
            for (role, _), (target, who) in support.items():
                if len(who) < len(group.members):
                    link_conflicts.setdefault(id(group), []).append(
                        f"{group.label} [{group.start},{group.end}) {role} → "
                        f"{target.label} [{target.start},{target.end}) drawn by "
                        f"{len(who)}/{len(group.members)}")
            continue
        attributes, _ = majority_attributes([a.attributes for _, a in group.members])
        links = [Link(SOURCE, a.id) for _, a in group.members]
        for (role, _), (target, who) in support.items():
            kept = len(who) >= k and bool(target.gold_id)
            if kept:
                links.append(Link(role, target.gold_id))
            if len(who) < len(group.members) or not kept:
                why = ("kept" if kept else "left out" if target.gold_id
                       else "left out: its target is not gold")
                link_conflicts.setdefault(id(group), []).append(
                    f"{group.gold_id} {role} → {target.gold_id or 'no gold'} {target.label} "
                    f"[{target.start},{target.end}) drawn by {len(who)}/{len(group.members)} "
                    f"({why})")
        attributes.update(bookkeeping([names[i] for i, _ in group.members], n))
        gold.append(Annotation(group.gold_id, group.start, group.end, group.label,
                               options.lead, attributes, tuple(links), stamp, stamp, "", GOLD))
    document.annotations.extend(gold)

    conflicts = []
    for component in related_components(groups):
        kinds = []
        if len({g.label for g in component}) > 1:
            kinds.append("label")
        same_label_spans = {(g.label, a.start, a.end) for g in component for _, a in g.members}
        if len(same_label_spans) > len({g.label for g in component}):
            kinds.append("span")
        if len({i for g in component for i, _ in g.members}) < n:
            kinds.append("missing")
        if any(id(g) in attribute_differs for g in component):
            kinds.append("attribute")
        link_details = list(dict.fromkeys(text for g in component
                                          for text in link_conflicts.get(id(g), [])))
        if link_details:
            kinds.append("link")
        details = [text for g in component
                   for text in attribute_details.get(id(g), [])] + link_details
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
        raise MergeError(Errors.E503)
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
        raise MergeError(Errors.E504)
    return merge_sources([read_source(p) for p in paths], options)


# -- corpora -------------------------------------------------------------------------------

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
    error: AnnotatorError | None = None  # why this document could not be merged


def _merge_job(job: tuple[str, list[Slot | None]], options: MergeOptions, out_dir: str,
               mode: int) -> DocumentMerge:
    """Read, check and merge one document, and stage its file in ``out_dir`` (a worker)."""
    doc_id, slots = job
    try:
        result = merge_sources(read_group(doc_id, slots), options)
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
        return DocumentMerge(doc_id, [], 0, 0, [], "", error=error)
    except OSError as error:
        return DocumentMerge(doc_id, [], 0, 0, [], "", error=SaveError(
            Errors.E607, reason=error.strerror or str(error), path=out_dir))
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
                 workers: int | None = None, start_method: str = "spawn") -> CorpusMerge:
    """Merge folders of annotators' files (paired by document id) into ``out_dir``.

    Every document is read, checked and merged (in ``workers`` processes, default
    :func:`annotator.workers.default_workers`, started by ``start_method``) into a hidden
    staging file in ``out_dir``; only when every document succeeded are the staged files
    renamed to ``DOCID.tei.xml``, each atomically.  Any bad input raises :class:`MergeError`
    (listing up to five problems), removes the staged files and leaves ``out_dir`` as it was.
    ``progress(stage, done, total)`` is called with stages ``merge`` and ``write``.
    """
    if len(folders) < 2:
        raise MergeError(Errors.E505)
    out = Path(out_dir)
    for folder in folders:
        if out.resolve() == Path(folder).resolve():
            raise MergeError(Errors.E506, path=str(out))
    by_doc, errors = group_by_document([tei_files(folder) for folder in folders])
    if errors:
        raise _problems(errors)
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise MergeError(Errors.E507, reason=error.strerror, path=str(out)) from None
    umask = os.umask(0)
    os.umask(umask)
    names = [Path(folder).name for folder in folders]
    jobs: list[tuple[str, list[Slot | None]]] = [
        (doc_id, [None if path is None else (str(path), names[column])
                  for column, path in enumerate(by_doc[doc_id])])
        for doc_id in sorted(by_doc)]
    job = functools.partial(_merge_job, options=options, out_dir=str(out), mode=0o666 & ~umask)
    results: list[DocumentMerge] = []
    failures: list[AnnotatorError] = []
    try:
        for number, result in enumerate(pool_map(job, jobs, workers=workers or default_workers(),
                                                 start_method=start_method), 1):
            results.append(result)
            if result.error is not None:
                failures.append(result.error)
            if progress:
                progress("merge", number, len(jobs))
        tagsets = dict.fromkeys(r.tagset_name for r in results if r.error is None)
        if len(tagsets) > 1:
            failures.append(MergeError(Errors.E508, names=", ".join(repr(t) for t in tagsets)))
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
            raise MergeError(Errors.E509, reason=error.strerror, written=number - 1,
                             total=len(results), path=str(target)) from None
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
    if len(distinct) > 5:
        return MergeError(Errors.E511, count=len(errors), shown=shown, more=len(distinct) - 5)
    return MergeError(Errors.E510, count=len(errors), shown=shown)


def conflicts_to_jsonl(conflicts: Iterable[Conflict]) -> str:
    """One JSON object per line, for ``--conflicts FILE.jsonl``."""
    import json

    return "".join(json.dumps(c.to_json(), ensure_ascii=False) + "\n" for c in conflicts)
