"""Adjudication of a merged document: where annotators disagree, and the lead's decisions.

A merged document (see :mod:`annotator.merge`) holds every annotator's annotations plus a
gold layer.  :func:`decision_points` recomputes, from the document alone, the places the lead
has to look at: connected sets of *related* annotator annotations (overlapping with the same
label, or with different labels over mostly the same characters: Jaccard >= 0.5, the rule
merging uses) that are not one span drawn identically by every annotator and carried into gold
unchanged.  Each point lists its distinct *versions* (span + label, with the annotators who
drew exactly that) and the gold annotations there.

The decisions are edits returning :class:`annotator.edits.Change` values, so they undo and
redo like every other edit:

* :func:`accept` copies an annotator's version into gold (``layer="gold"``, ``annotator`` =
  the lead, ``Link("source", id)`` to every annotator annotation with exactly that span and
  label, ``agreement``/``annotators`` attributes as merging writes them).  A gold annotation
  related to it is replaced in place (same id, so links to it stay valid); further related
  gold annotations are removed and links to them moved to the one kept.
* :func:`add_gold` does the same for any span and label (the lead's own reading).
* :func:`reject` removes a gold annotation (and links to it).

    points = decision_points(doc)
    change = accept(doc, points[0].versions[1].id, lead="Layla")
    change.apply(doc)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from annotator.edits import Change, delete_annotation
from annotator.errors import AnnotationError
from annotator.layers import GOLD
from annotator.model import Annotation, Document, Link, now_iso
from annotator.tagset import GOLD_BOOKKEEPING

SOURCE = "source"
BOOKKEEPING = tuple(sorted(GOLD_BOOKKEEPING))  # attributes merging adds to gold annotations
_SLUG_CHAR = re.compile(r"[^\w\-]", re.UNICODE)  # as annotator.merge writes names
_GOLD_ID = re.compile(r"^gold\.(\d+)$")
_AGREEMENT = re.compile(r"^\d+/(\d+)$")


# -- reading a merged document --------------------------------------------------------------

def annotator_names(document: Document) -> list[str]:
    """Names of the annotators with work of their own (not gold), in order of appearance."""
    return list(dict.fromkeys(a.annotator for a in document.annotations if a.layer != GOLD))


def annotator_count(document: Document) -> int:
    """How many annotators took part: those with work here, or more when a gold annotation's
    ``agreement`` (``"2/3"``) says so (an annotator who marked nothing leaves no layer)."""
    return _people(document)[1]


def _people(document: Document) -> tuple[list[str], int]:
    """:func:`annotator_names` and :func:`annotator_count` in one pass."""
    names: dict[str, None] = {}
    count = 0
    for annotation in document.annotations:
        if annotation.layer != GOLD:
            names[annotation.annotator] = None
        elif "agreement" in annotation.attributes:
            found = _AGREEMENT.match(annotation.attributes["agreement"])
            if found:
                count = max(count, int(found.group(1)))
    return list(names), max(count, len(names))


def is_merged(document: Document) -> bool:
    """True for a document to adjudicate: it has a gold layer or several annotators' work."""
    names: set[str] = set()
    for annotation in document.annotations:
        if annotation.layer == GOLD:
            return True
        names.add(annotation.annotator)
    return len(names) > 1


def related(first: Annotation, second: Annotation) -> bool:
    """True when two spans are readings of the same thing: they overlap and have the same
    label, or they have different labels over mostly the same characters (Jaccard >= 0.5)."""
    shared = min(first.end, second.end) - max(first.start, second.start)
    if shared <= 0:
        return False
    if first.label == second.label:
        return True
    union = max(first.end, second.end) - min(first.start, second.start)
    return 2 * shared >= union


@dataclass(frozen=True)
class Version:
    """One reading at a decision point: a span and label, and whose annotations drew it."""

    start: int
    end: int
    label: str
    annotations: tuple[Annotation, ...]  # in annotator order
    in_gold: bool  # a gold annotation here has exactly this span and label

    @property
    def id(self) -> str:
        """The id to pass to :func:`accept` (the first annotator's annotation)."""
        return self.annotations[0].id

    @property
    def annotators(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.annotator for a in self.annotations))


@dataclass(frozen=True)
class DecisionPoint:
    """A place where annotators disagree (or gold departs from what they all drew).

    ``kinds`` among ``label`` (different labels), ``span`` (one label, different spans),
    ``missing`` (some annotators marked nothing here; ``missing`` names those with work
    elsewhere in the document), ``attribute``
    (identical spans with different attributes) and ``gold`` (every annotator agrees but the
    gold layer does not hold exactly that).
    """

    start: int
    end: int
    kinds: tuple[str, ...]
    versions: tuple[Version, ...]
    gold: tuple[Annotation, ...]
    missing: tuple[str, ...]

    @property
    def annotation_ids(self) -> set[str]:
        """Ids of every annotation of the point, gold included."""
        return {a.id for v in self.versions for a in v.annotations} | {g.id for g in self.gold}

    @property
    def decided(self) -> bool:
        """True when gold holds one of the versions (and nothing else) here."""
        return len(self.gold) == 1 and any(v.in_gold for v in self.versions)


def _key(annotation: Annotation) -> tuple[int, int, str]:
    return annotation.start, annotation.end, annotation.label


def _components(annotations: Sequence[Annotation]) -> list[list[Annotation]]:
    """Connected sets of related annotations (``annotations`` sorted by start)."""
    parent = list(range(len(annotations)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for x, first in enumerate(annotations):
        for y in range(x + 1, len(annotations)):
            second = annotations[y]
            if second.start >= first.end:
                break
            if related(first, second):
                parent[root(y)] = root(x)
    found: dict[int, list[Annotation]] = {}
    for number, annotation in enumerate(annotations):
        found.setdefault(root(number), []).append(annotation)
    return list(found.values())


def decision_points(document: Document) -> list[DecisionPoint]:
    """Every place the lead has to decide, in text order (see the module docstring)."""
    own = [a for a in document.annotations if a.layer != GOLD]
    gold = [a for a in document.annotations if a.layer == GOLD]
    return _points(document, own, gold)


class PointList:
    """A document's decision points, kept up to date edit by edit.

    ``update(document, start, end)`` after an edit of the spans within ``[start, end)``
    recomputes only the points near it (the whole list when the set of annotators changed),
    and says which slice of ``points`` changed so a view can redo just those rows.
    """

    def __init__(self, document: Document) -> None:
        self.points: list[DecisionPoint] = decision_points(document)
        self._people = _people(document)

    def update(self, document: Document, start: int, end: int) -> tuple[int, int, int]:
        """Bring ``points`` up to date; returns ``(first, old_end, new_end)``: the old
        ``points[first:old_end]`` are now ``points[first:new_end]``."""
        people = _people(document)
        if people != self._people:  # "missing" and version order change everywhere
            old = len(self.points)
            self.points = decision_points(document)
            self._people = people
            return 0, old, len(self.points)
        first, last, fresh = refresh_points(document, self.points, start, end)
        self.points[first:last] = fresh
        return first, last, first + len(fresh)


def refresh_points(document: Document, points: Sequence[DecisionPoint], start: int, end: int
                   ) -> tuple[int, int, list[DecisionPoint]]:
    """After an edit of the spans within ``[start, end)``: ``(i, j, new)`` such that
    ``points[i:j] = new`` turns ``points`` (the document's points before the edit, in order)
    into :func:`decision_points` of the document now, computing only the points near the edit.
    The annotators (names, order and count) must be those ``points`` were made with; else
    use :class:`PointList`, which recomputes everything then.
    """
    annotations = document.annotations
    lo, hi = start, end
    found: list[Annotation] = []
    while True:  # widen until no old point and no annotation sticks out of [lo, hi)
        new_lo, new_hi = lo, hi
        for point in points:  # old points there: the edit may have split or moved them
            if point.start < new_hi and point.end > new_lo:
                new_lo, new_hi = min(new_lo, point.start), max(new_hi, point.end)
        found = annotations.overlapping(new_lo, new_hi) if new_hi > new_lo else []
        new_lo = min([new_lo, *(a.start for a in found)])
        new_hi = max([new_hi, *(a.end for a in found)])
        if (new_lo, new_hi) == (lo, hi):
            break
        lo, hi = new_lo, new_hi
    fresh = _points(document, [a for a in found if a.layer != GOLD],
                    [a for a in found if a.layer == GOLD])
    # Every old point meeting [lo, hi) lies inside it, so they are the ones starting there.
    starts = [p.start for p in points]
    return bisect_left(starts, lo), bisect_left(starts, hi), fresh


def _points(document: Document, own: list[Annotation], golds: list[Annotation]
            ) -> list[DecisionPoint]:
    names, total = _people(document)
    rank = {name: number for number, name in enumerate(names)}
    own.sort(key=lambda a: (a.start, -a.end, a.id))
    components = _components(own)
    component_of = {a.id: number for number, members in enumerate(components) for a in members}
    gold_of: dict[int, list[Annotation]] = {}
    for gold in golds:
        number = next((component_of[t] for t in gold.link_targets(SOURCE)
                       if t in component_of), None)
        if number is None:
            number = next((component_of[a.id] for a in document.annotations.overlapping(
                gold.start, gold.end) if a.id in component_of and related(a, gold)), None)
        if number is not None:
            gold_of.setdefault(number, []).append(gold)

    points = []
    for number, members in enumerate(components):
        gold = sorted(gold_of.get(number, []), key=lambda a: (a.start, -a.end, a.id))
        point = _point(members, gold, names, total, rank)
        if point is not None:
            points.append(point)
    points.sort(key=lambda p: (p.start, -p.end))
    return points


def _point(members: list[Annotation], gold: list[Annotation], names: list[str], total: int,
           rank: Mapping[str, int]) -> DecisionPoint | None:
    gold_keys = {_key(g) for g in gold}
    by_key: dict[tuple[int, int, str], list[Annotation]] = {}
    for annotation in members:
        by_key.setdefault(_key(annotation), []).append(annotation)
    versions = []
    for key, found in by_key.items():
        found.sort(key=lambda a: (rank[a.annotator], a.id))
        versions.append(Version(*key, tuple(found), key in gold_keys))
    versions.sort(key=lambda v: (rank[v.annotations[0].annotator], v.start, -v.end, v.label))

    present = {a.annotator for a in members}
    missing = tuple(name for name in names if name not in present)
    kinds = []
    labels = {v.label for v in versions}
    if len(labels) > 1:
        kinds.append("label")
    if len(versions) > len(labels):
        kinds.append("span")
    if len(present) < total:
        kinds.append("missing")
    if any(any(a.attributes != v.annotations[0].attributes for a in v.annotations[1:])
           for v in versions):
        kinds.append("attribute")
    unanimous = (len(versions) == 1 and len(present) == total
                 and len(versions[0].annotations) == total)
    if unanimous and not kinds:
        if len(gold) == 1 and versions[0].in_gold:
            return None
        kinds.append("gold")
    elif len(versions) == 1 and len(versions[0].annotations) > len(present) and "span" not in kinds:
        kinds.append("span")  # one annotator drew the same span twice
    start = min(a.start for a in (*members, *gold))
    end = max(a.end for a in (*members, *gold))
    return DecisionPoint(start, end, tuple(kinds), tuple(versions), tuple(gold), missing)


def point_after(points: Sequence[DecisionPoint], position: int, step: int) -> int | None:
    """Index of the first point starting after ``position`` (``step`` > 0) or the last one
    starting before it (``step`` < 0); None when there is none that way."""
    starts = [p.start for p in points]
    if step > 0:
        index = bisect_right(starts, position)
        return index if index < len(points) else None
    index = bisect_right(starts, position - 1) - 1
    return index if index >= 0 else None


def point_of(points: Sequence[DecisionPoint], annotation_id: str) -> int | None:
    """Index of the point holding ``annotation_id``, or None."""
    for number, point in enumerate(points):
        if annotation_id in point.annotation_ids:
            return number
    return None


# -- decisions --------------------------------------------------------------------------------

def _get(document: Document, annotation_id: str) -> Annotation:
    annotation = document.annotations.get(annotation_id)
    if annotation is None:
        raise AnnotationError(f"no annotation with id {annotation_id!r}")
    return annotation


def _new_gold_id(document: Document) -> str:
    numbers = [int(m.group(1)) for m in map(_GOLD_ID.match, document.annotations.ids()) if m]
    number = max(numbers, default=0) + 1
    while f"gold.{number}" in document.annotations:
        number += 1
    return f"gold.{number}"


def _put_gold(document: Document, start: int, end: int, label: str, lead: str,
              attributes: Mapping[str, str], role_links: Iterable[Link], text: str) -> Change:
    """Make gold hold ``label`` over ``[start, end)``, replacing the related gold there."""
    if not label:
        raise AnnotationError("a gold annotation needs a label")
    names, total = _people(document)
    rank = {name: number for number, name in enumerate(names)}
    probe = Annotation("probe", start, end, label)
    nearby = document.annotations.overlapping(start, end)
    agreeing = sorted((a for a in nearby if a.layer != GOLD and _key(a) == (start, end, label)),
                      key=lambda a: (rank[a.annotator], a.id))
    replaced = sorted((g for g in nearby if g.layer == GOLD and related(g, probe)),
                      key=lambda g: (g.start, g.id))
    values = {k: v for k, v in attributes.items() if k not in BOOKKEEPING}
    if agreeing:
        values["agreement"] = (f"{len({a.annotator for a in agreeing})}/"
                               f"{max(total, 1)}")
        values["annotators"] = " ".join(_SLUG_CHAR.sub("_", name)
                                        for name in dict.fromkeys(a.annotator for a in agreeing))
    links = [Link(SOURCE, a.id) for a in agreeing]
    roles = set()
    for found in role_links:
        if found not in links:
            links.append(found)
            roles.add(found.role)

    before: dict[str, Annotation] = {}
    after: dict[str, Annotation] = {}
    if replaced:
        keep, gone = replaced[0], replaced[1:]
        gone_ids = {g.id for g in gone}
        links += [x for x in keep.links if x.role != SOURCE and x.role not in roles
                  and x.target not in gone_ids and x not in links]
        candidate = keep.with_changes(start=start, end=end, label=label, annotator=lead,
                                      attributes=values, links=tuple(links), layer=GOLD)
        same = all(getattr(candidate, k) == getattr(keep, k) for k in (
            "start", "end", "label", "annotator", "attributes", "links", "layer"))
        if same and not gone:
            return Change(text, (keep,), (keep,))
        before[keep.id] = keep
        after[keep.id] = keep if same else candidate
        for old in gone:
            before[old.id] = old
        pointing = [a for a in document.annotations  # one pass, only when folding
                    if a.id not in gone_ids and any(x.target in gone_ids for x in a.links)
                    ] if gone else []
        for source in pointing:  # links to the others now point to the one kept
            current = after.get(source.id, source)
            before.setdefault(source.id, source)
            moved: list[Link] = []
            for x in current.links:
                if x.target in gone_ids:
                    x = Link(x.role, keep.id)
                if x not in moved and x.target != source.id:
                    moved.append(x)
            after[source.id] = current.with_changes(links=tuple(moved))
    else:
        stamp = now_iso()
        gold = Annotation(_new_gold_id(document), start, end, label, lead, values,
                          tuple(links), stamp, stamp, "", GOLD)
        document.annotations.check(gold)
        after[gold.id] = gold
    return Change(text, tuple(before.values()), tuple(after.values()))


def _gold_counterparts(document: Document, annotation_ids: Iterable[str]) -> dict[str, str]:
    """For annotator annotation ids: the gold annotation whose sources include each."""
    wanted = set(annotation_ids)
    found: dict[str, str] = {}
    if not wanted:
        return found
    for gold in document.annotations:
        if gold.layer == GOLD:
            for target in gold.link_targets(SOURCE):
                if target in wanted:
                    found.setdefault(target, gold.id)
    return found


def accept(document: Document, annotation_id: str, *, lead: str) -> Change:
    """Put an annotator's annotation into gold as the lead's decision (see module docstring).

    Its other links (``speaker``...) come along where their targets have a gold counterpart.
    """
    chosen = _get(document, annotation_id)
    if chosen.layer == GOLD:
        raise AnnotationError(f"{annotation_id} is already a gold annotation")
    role_links = [x for x in chosen.links if x.role != SOURCE]
    counterparts = _gold_counterparts(document, (x.target for x in role_links))
    mapped = [Link(x.role, counterparts[x.target]) for x in role_links if x.target in counterparts]
    who = chosen.annotator or "unnamed"
    return _put_gold(document, chosen.start, chosen.end, chosen.label, lead,
                     chosen.attributes, mapped, f"Accept {who}'s {chosen.label}")


def add_gold(document: Document, *, start: int, end: int, label: str, lead: str,
             attributes: Mapping[str, str] | None = None) -> Change:
    """Put the lead's own reading ``label`` over ``[start, end)`` into gold."""
    if not 0 <= start < end <= len(document.text):
        raise AnnotationError(f"gold span [{start}, {end}) is not inside the text")
    return _put_gold(document, start, end, label, lead, attributes or {}, (),
                     f"Gold {label}")


def reject(document: Document, gold_id: str) -> Change:
    """Remove a gold annotation and the links pointing to it."""
    gold = _get(document, gold_id)
    if gold.layer != GOLD:
        raise AnnotationError(f"{gold_id} is {gold.annotator or 'an annotator'}'s annotation, "
                              "not a gold one")
    change = delete_annotation(document, annotation_id=gold_id)
    return Change(f"Reject gold {gold.label}", change.before, change.after)
