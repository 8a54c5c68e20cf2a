"""Adjudication of a merged document: where annotators disagree, and the lead's decisions.

A merged document (see :mod:`annotator.merge`) holds every annotator's annotations plus a
gold layer.  :func:`decision_points` recomputes, from the document alone, the places the lead
has to look at: connected sets of *related* annotator annotations (overlapping with the same
label, or with different labels over mostly the same characters: Jaccard >= 0.5, the rule
merging uses) that are not one span drawn identically by every annotator and carried into gold
unchanged.  Each point lists its distinct *versions* (span + label, with the annotators who
drew exactly that) and the gold annotations there.  :class:`PointCount` does the same count a
slice at a time (a window runs it between events), and :class:`PointList` keeps the points
up to date by recounting only those near each edit.

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

from bisect import bisect_left, bisect_right
from collections.abc import Generator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter

from annotator.edits import Change, delete_annotation
from annotator.error_catalogue import Errors
from annotator.errors import AnnotationError
from annotator.gold import BOOKKEEPING as BOOKKEEPING  # the names adjudication has always had
from annotator.gold import SOURCE as SOURCE
from annotator.gold import (
    agreement_total,
    bookkeeping,
    gold_id,
    last_gold_number,
    related_component_steps,
    run_steps,
)
from annotator.layers import GOLD, SUGGESTION, is_work, related
from annotator.model import Annotation, Document, Link, now_iso

# -- reading a merged document --------------------------------------------------------------

def annotator_names(document: Document) -> list[str]:
    """Names of the annotators with work of their own (not gold, not suggestions), in order
    of appearance."""
    return list(dict.fromkeys(a.annotator for a in document.annotations if is_work(a)))


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
            if annotation.layer != SUGGESTION:
                names[annotation.annotator] = None
        elif "agreement" in annotation.attributes:
            said = agreement_total(annotation.attributes["agreement"])
            if said is not None and said > count:
                count = said
    return list(names), max(count, len(names))


def is_merged(document: Document) -> bool:
    """True for a document to adjudicate: it has a gold layer or several annotators' work."""
    first: str | None = None
    for annotation in document.annotations:
        if annotation.layer == GOLD:
            return True
        if annotation.layer == SUGGESTION:
            continue
        if first is None:
            first = annotation.annotator
        elif annotation.annotator != first:
            return True
    return False


Reading = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, int, int, str], ...]]
NO_READING: Reading = ((), ())  # no attributes, no links


def reading(document: Document, annotation: Annotation) -> Reading:
    """What an annotation says beyond its span and label: its attributes (sorted, without
    the gold bookkeeping) and its links other than ``source``, each as ``(role, start, end,
    label)`` of its target, so an annotator's link and its gold copy read alike."""
    if not annotation.attributes and not annotation.links:
        return NO_READING
    attributes = tuple(sorted((k, v) for k, v in annotation.attributes.items()
                              if k not in BOOKKEEPING))
    links = []
    for link in annotation.links:
        if link.role != SOURCE:
            target = document.annotations.get(link.target)
            if target is not None:
                links.append((link.role, target.start, target.end, target.label))
    return attributes, tuple(sorted(links))


@dataclass(frozen=True, slots=True)
class Version:
    """One reading at a decision point: a span and label, attributes and links, and whose
    annotations drew exactly that."""

    start: int
    end: int
    label: str
    annotations: tuple[Annotation, ...]  # in annotator order
    in_gold: bool  # a gold annotation here has exactly this span, label, attributes, links
    attributes: tuple[tuple[str, str], ...] = ()
    links: tuple[tuple[str, int, int, str], ...] = ()  # (role, target start, end, label)

    @property
    def id(self) -> str:
        """The id to pass to :func:`accept` (the first annotator's annotation)."""
        return self.annotations[0].id

    @property
    def annotators(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.annotator for a in self.annotations))


@dataclass(frozen=True, slots=True)
class DecisionPoint:
    """A place where annotators disagree (or gold departs from what they all drew).

    ``kinds`` among ``label`` (different labels), ``span`` (one label, different spans),
    ``missing`` (some annotators marked nothing here; ``missing`` names those with work
    elsewhere in the document), ``attribute`` (identical spans with different attributes),
    ``link`` (identical spans whose links, a quote's speaker or a claim's claimant, point to
    different spans) and ``gold`` (every annotator agrees but the gold layer does not hold
    exactly that: span, label, attributes and links).  Versions differ in any of these, so
    accepting one decides its attributes and links too.
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


def _order(annotation: Annotation) -> tuple[int, int, str]:
    """Text order of annotations: by start, the longer first, then by id."""
    return annotation.start, -annotation.end, annotation.id


def _span_order(item: Annotation | DecisionPoint) -> int:
    """(start, -end) as one integer: sorts several times faster than a tuple."""
    return item.start << 32 | (0xFFFFFFFF - item.end)


_START = attrgetter("start")
_ID = attrgetter("id")
_NO_STEPS = -1  # a chunk size: count in one go, never pausing


def decision_points(document: Document) -> list[DecisionPoint]:
    """Every place the lead has to decide, in text order (see the module docstring)."""
    return run_steps(_count_steps(document, _NO_STEPS))[0]


def _count_steps(document: Document, chunk: int
                 ) -> Generator[float, None, tuple[list[DecisionPoint], tuple[list[str], int]]]:
    """The whole document's points and annotators, pausing every ``chunk`` items of work."""
    people = _people(document)
    own = [a for a in document.annotations if is_work(a)]
    gold = [a for a in document.annotations if a.layer == GOLD]
    if chunk > 0:
        yield 0.02
    points = yield from _point_steps(document, own, gold, people, chunk)
    return points, people


class PointCount:
    """The full count of a document's decision points, a slice at a time.

    A window calls :meth:`step` between events until it returns True, then takes
    :meth:`point_list`; ``progress`` (0 to 1) says how far it got.  The document must not
    change meanwhile (start a new count if it does).
    """

    def __init__(self, document: Document, chunk: int = 1000) -> None:
        self.document = document
        self.progress = 0.0
        self._steps = _count_steps(document, max(1, chunk))
        self._result: tuple[list[DecisionPoint], tuple[list[str], int]] | None = None

    @property
    def done(self) -> bool:
        return self._result is not None

    def step(self) -> bool:
        """Do one slice of the count; True once it is complete."""
        if self._result is None:
            try:
                self.progress = next(self._steps)
            except StopIteration as stop:
                self._result = stop.value
                self.progress = 1.0
        return self._result is not None

    def point_list(self) -> PointList:
        """The finished count as a :class:`PointList` (counting the rest now if need be)."""
        while not self.step():
            pass
        assert self._result is not None
        points, people = self._result
        return PointList(self.document, points, people)


class PointList:
    """A document's decision points, kept up to date edit by edit.

    ``update(document, start, end)`` after an edit of the spans within ``[start, end)``
    recomputes only the points near it (the whole list when the set of annotators changed),
    and says which slice of ``points`` changed so a view can redo just those rows.
    """

    def __init__(self, document: Document, points: list[DecisionPoint] | None = None,
                 people: tuple[list[str], int] | None = None) -> None:
        """``points`` and ``people`` (from a :class:`PointCount`) are those of ``document``
        now; left out, they are counted here."""
        if points is None:
            points, people = run_steps(_count_steps(document, _NO_STEPS))
        self.points: list[DecisionPoint] = points
        self._people = people if people is not None else _people(document)
        self._extent = _extent(points)  # no point is longer: bounds the search near an edit

    @property
    def annotators(self) -> list[str]:
        """The names of :func:`annotator_names`, as of the last update."""
        return list(self._people[0])

    @property
    def people(self) -> tuple[tuple[str, ...], int]:
        """The annotators' names and count (:func:`annotator_count`), as of the last update."""
        return tuple(self._people[0]), self._people[1]

    def update(self, document: Document, start: int, end: int, change: Change | None = None
               ) -> tuple[int, int, int]:
        """Bring ``points`` up to date; returns ``(first, old_end, new_end)``: the old
        ``points[first:old_end]`` are now ``points[first:new_end]``.

        Given the ``change`` just applied (or reverted: its inverse), a change that cannot
        alter the annotators (a gold edit, mostly) skips reading every annotation for them.
        """
        if change is not None and not _may_change_people(self._people, change):
            people = self._people
        else:
            people = _people(document)
        if people != self._people:  # "missing" and version order change everywhere
            old = len(self.points)
            self.points, self._people = run_steps(_count_steps(document, _NO_STEPS))
            self._extent = _extent(self.points)
            return 0, old, len(self.points)
        first, last, fresh = refresh_points(document, self.points, start, end,
                                            people=people, extent=self._extent)
        self.points[first:last] = fresh
        self._extent = max(self._extent, _extent(fresh))
        return first, last, first + len(fresh)

    def point_of(self, annotation: Annotation) -> int | None:
        """Index of the point holding ``annotation`` (of the document), or None."""
        points = self.points
        first = bisect_left(points, annotation.start - self._extent, key=_START)
        last = bisect_right(points, annotation.start, key=_START)
        for number in range(first, last):
            point = points[number]
            if point.end >= annotation.end and annotation.id in point.annotation_ids:
                return number
        return None


def _extent(points: Iterable[DecisionPoint]) -> int:
    return max((p.end - p.start for p in points), default=0)


def _may_change_people(people: tuple[list[str], int], change: Change) -> bool:
    """False when ``change`` cannot alter the annotators' names, order or count: it touches
    gold annotations whose agreement counts no more annotators than there are, and annotator
    annotations that keep their annotator (or are added by one already known)."""
    names = people[0]
    before = {a.id: a for a in change.before}
    after = {a.id: a for a in change.after}
    for annotation in (*change.before, *change.after):
        if annotation.layer == GOLD:
            said = agreement_total(annotation.attributes.get("agreement", ""))
            if said is not None and said > len(names):
                return True
        elif annotation.layer != SUGGESTION and annotation.annotator not in names:
            return True
    for annotation in change.before:  # removed, or moved to another annotator or to gold
        if is_work(annotation):
            new = after.get(annotation.id)
            if new is None or not is_work(new) or new.annotator != annotation.annotator:
                return True
    for annotation in change.after:  # out of gold (an added one comes after the others)
        if is_work(annotation):
            old = before.get(annotation.id)
            if old is not None and old.layer == GOLD:
                return True
    return False


def refresh_points(document: Document, points: Sequence[DecisionPoint], start: int, end: int,
                   *, people: tuple[list[str], int] | None = None, extent: int | None = None
                   ) -> tuple[int, int, list[DecisionPoint]]:
    """After an edit of the spans within ``[start, end)``: ``(i, j, new)`` such that
    ``points[i:j] = new`` turns ``points`` (the document's points before the edit, in order)
    into :func:`decision_points` of the document now, computing only the points near the edit.
    The annotators (names, order and count) must be those ``points`` were made with; else
    use :class:`PointList`, which recomputes everything then.  ``people`` (the annotators)
    and ``extent`` (no point is longer) save reading every annotation and every point.
    """
    annotations = document.annotations
    if extent is None:
        extent = _extent(points)
    lo, hi = start, end
    # A quote's versions read its speaker's span: the points of what links to the edited
    # spans are recounted too (an edit that drops such a link has the quote in its spans).
    for annotation in annotations.overlapping(start, end) if end > start else ():
        for pointer in annotations.pointing_to(annotation.id):
            if any(x.target == annotation.id and x.role != SOURCE for x in pointer.links):
                lo, hi = min(lo, pointer.start), max(hi, pointer.end)
    found: list[Annotation] = []
    while True:  # widen until no old point and no annotation sticks out of [lo, hi)
        new_lo, new_hi = lo, hi
        # old points there (the edit may have split or moved them) start after lo - extent
        for number in range(bisect_right(points, lo - extent, key=_START),
                            bisect_left(points, hi, key=_START)):
            point = points[number]
            if point.end > lo:
                new_lo, new_hi = min(new_lo, point.start), max(new_hi, point.end)
        found = annotations.overlapping(new_lo, new_hi) if new_hi > new_lo else []
        for annotation in found:
            if annotation.start < new_lo:
                new_lo = annotation.start
            if annotation.end > new_hi:
                new_hi = annotation.end
        if (new_lo, new_hi) == (lo, hi):
            break
        lo, hi = new_lo, new_hi
    fresh = run_steps(_point_steps(document, [a for a in found if is_work(a)],
                              [a for a in found if a.layer == GOLD],
                              people if people is not None else _people(document), _NO_STEPS))
    # Every old point meeting [lo, hi) lies inside it, so they are the ones starting there.
    return bisect_left(points, lo, key=_START), bisect_left(points, hi, key=_START), fresh


def _points(document: Document, own: list[Annotation], golds: list[Annotation]
            ) -> list[DecisionPoint]:
    return run_steps(_point_steps(document, own, golds, _people(document), _NO_STEPS))


def _point_steps(document: Document, own: list[Annotation], golds: list[Annotation],
                 people: tuple[list[str], int], chunk: int
                 ) -> Generator[float, None, list[DecisionPoint]]:
    """The points of ``own`` (annotator annotations) and ``golds``, pausing every ``chunk``
    items of work to yield the progress (0 to 1)."""
    names, total = people
    rank = {name: number for number, name in enumerate(names)}
    own.sort(key=_ID)  # then by span, stable: the order of _order(), in a third of the time
    if chunk > 0:
        yield 0.05
    own.sort(key=_span_order)
    if chunk > 0:
        yield 0.1
    components = yield from related_component_steps(own, chunk, 0.1, 0.4)
    gold_of: dict[int, list[Annotation]] = {}
    if golds:
        component_of = {a.id: number for number, members in enumerate(components)
                        for a in members}
        for gold in golds:
            number = next((component_of[t] for t in gold.link_targets(SOURCE)
                           if t in component_of), None)
            if number is None:
                number = next((component_of[a.id] for a in document.annotations.overlapping(
                    gold.start, gold.end) if a.id in component_of and related(a, gold)), None)
            if number is not None:
                gold_of.setdefault(number, []).append(gold)
        if chunk > 0:
            yield 0.45

    # What a lone annotation is missing, by annotator: most points are one annotation.
    alone: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for name in names:
        missing = tuple(other for other in names if other != name)
        alone[name] = missing, ("missing",) if total > 1 else ("gold",)
    points = []
    count = len(components)
    pause = chunk if chunk > 0 else count
    for number, members in enumerate(components):
        if number == pause:
            pause += chunk
            yield 0.45 + 0.5 * number / count
        here = gold_of.get(number)
        if here is None and len(members) == 1 and members[0].annotator in alone:
            annotation = members[0]
            missing, kinds = alone[annotation.annotator]
            said = reading(document, annotation)
            points.append(DecisionPoint(
                annotation.start, annotation.end, kinds,
                (Version(annotation.start, annotation.end, annotation.label, (annotation,),
                         False, said[0], said[1]),),
                (), missing))
            continue
        if here is not None and len(here) > 1:
            here.sort(key=_order)
        point = _point(document, members, here or [], names, total, rank)
        if point is not None:
            points.append(point)
    points.sort(key=_span_order)
    return points


def _point(document: Document, members: list[Annotation], gold: list[Annotation],
           names: list[str], total: int, rank: Mapping[str, int]) -> DecisionPoint | None:
    """The point of one component (``members`` in text order, ``gold`` too), or None when
    every annotator drew it alike and gold holds exactly that."""
    if len(gold) == 1 and len(members) == total:  # the usual settled case, checked at once
        settled = gold[0]
        attributes = members[0].attributes
        plain = not any(x.role != SOURCE for x in settled.links) and all(
            settled.attributes.get(k) == v for k, v in attributes.items()) and all(
            k in BOOKKEEPING or k in attributes for k in settled.attributes)
        for annotation in members:
            if (not plain or annotation.links or annotation.start != settled.start
                    or annotation.end != settled.end or annotation.label != settled.label
                    or annotation.attributes != attributes):
                break
        else:
            if len({a.annotator for a in members}) == total:
                return None
    gold_keys = {(g.start, g.end, g.label, reading(document, g)) for g in gold}
    by_key: dict[tuple[int, int, str, Reading], list[Annotation]] = {}
    readings: dict[tuple[int, int, str], set[Reading]] = {}
    present: set[str] = set()
    end = members[0].end
    for annotation in members:
        span_key = (annotation.start, annotation.end, annotation.label)
        said = reading(document, annotation)
        key = (*span_key, said)
        found = by_key.get(key)
        if found is None:
            by_key[key] = [annotation]
            readings.setdefault(span_key, set()).add(said)
        else:
            found.append(annotation)
        present.add(annotation.annotator)
        if annotation.end > end:
            end = annotation.end
    versions = []
    for key, found in by_key.items():
        if len(found) > 1:
            found.sort(key=lambda a: (rank[a.annotator], a.id))
        versions.append(Version(key[0], key[1], key[2], tuple(found), key in gold_keys,
                                key[3][0], key[3][1]))
    if len(versions) > 1:
        versions.sort(key=lambda v: (rank[v.annotations[0].annotator], v.start, -v.end, v.label))

    missing = tuple(name for name in names if name not in present) \
        if len(present) < len(names) else ()
    kinds = []
    labels = {v.label for v in versions}
    if len(labels) > 1:
        kinds.append("label")
    if len(readings) > len(labels):
        kinds.append("span")
    if len(present) < total:
        kinds.append("missing")
    if any(len({r[0] for r in said}) > 1 for said in readings.values()):
        kinds.append("attribute")
    if any(len({r[1] for r in said}) > 1 for said in readings.values()):
        kinds.append("link")
    drawn = sum(len(v.annotations) for v in versions)
    unanimous = len(versions) == 1 and len(present) == total and drawn == total
    if unanimous and not kinds:
        if len(gold) == 1 and versions[0].in_gold:
            return None
        kinds.append("gold")
    elif len(readings) == 1 and drawn > len(present) and "span" not in kinds:
        kinds.append("span")  # one annotator drew the same span twice
    start = members[0].start
    for annotation in gold:
        if annotation.start < start:
            start = annotation.start
        if annotation.end > end:
            end = annotation.end
    return DecisionPoint(start, end, tuple(kinds), tuple(versions), tuple(gold), missing)


def point_after(points: Sequence[DecisionPoint], position: int, step: int) -> int | None:
    """Index of the first point starting after ``position`` (``step`` > 0) or the last one
    starting before it (``step`` < 0); None when there is none that way."""
    if step > 0:
        index = bisect_right(points, position, key=_START)
        return index if index < len(points) else None
    index = bisect_right(points, position - 1, key=_START) - 1
    return index if index >= 0 else None


def point_of(points: Sequence[DecisionPoint], annotation_id: str) -> int | None:
    """Index of the point holding ``annotation_id``, or None (see also
    :meth:`PointList.point_of`)."""
    for number, point in enumerate(points):
        if annotation_id in point.annotation_ids:
            return number
    return None


# -- decisions --------------------------------------------------------------------------------

def _get(document: Document, annotation_id: str) -> Annotation:
    annotation = document.annotations.get(annotation_id)
    if annotation is None:
        raise AnnotationError(Errors.E009, id=annotation_id)
    return annotation


def _new_gold_id(document: Document) -> str:
    number = last_gold_number(document.annotations.ids()) + 1
    while gold_id(number) in document.annotations:
        number += 1
    return gold_id(number)


def _put_gold(document: Document, start: int, end: int, label: str, lead: str,
              attributes: Mapping[str, str], role_links: Iterable[Link], text: str,
              people: tuple[Sequence[str], int] | None, *, own_links: bool = False) -> Change:
    """Make gold hold ``label`` over ``[start, end)``, replacing the related gold there
    (``own_links``: with exactly ``role_links``, else keeping the replaced one's other
    roles)."""
    if not label:
        raise AnnotationError(Errors.E060)
    names, total = people if people is not None else _people(document)
    rank = {name: number for number, name in enumerate(names)}
    probe = Annotation("probe", start, end, label)
    nearby = document.annotations.overlapping(start, end)
    agreeing = sorted((a for a in nearby if is_work(a) and _key(a) == (start, end, label)),
                      key=lambda a: (rank[a.annotator], a.id))
    replaced = sorted((g for g in nearby if g.layer == GOLD and related(g, probe)),
                      key=lambda g: (g.start, g.id))
    values = {k: v for k, v in attributes.items() if k not in BOOKKEEPING}
    if agreeing:
        values.update(bookkeeping(list(dict.fromkeys(a.annotator for a in agreeing)),
                                  max(total, 1)))
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
        if not own_links:
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


def accept(document: Document, annotation_id: str, *, lead: str,
           people: tuple[Sequence[str], int] | None = None) -> Change:
    """Put an annotator's annotation into gold as the lead's decision (see module docstring).

    Gold takes its attributes and its links (``speaker``...): each to the gold copy of the
    link's target (found by ``source`` links); a link whose target has no gold copy yet waits
    (:func:`waiting_links`) and is drawn when that target is accepted.  Accepting a target
    completes such waiting links of gold annotations pointing to it, in the same change.
    ``people`` (:attr:`PointList.people` of the document as it is) saves reading every
    annotation for the annotators.
    """
    chosen = _get(document, annotation_id)
    if chosen.layer == GOLD:
        raise AnnotationError(Errors.E061, id=annotation_id)
    role_links = [x for x in chosen.links if x.role != SOURCE]
    counterparts = _gold_counterparts(document, (x.target for x in role_links))
    mapped = [Link(x.role, counterparts[x.target]) for x in role_links if x.target in counterparts]
    who = chosen.annotator or "unnamed"
    change = _put_gold(document, chosen.start, chosen.end, chosen.label, lead,
                       chosen.attributes, mapped, f"Accept {who}'s {chosen.label}", people,
                       own_links=True)
    return _completed(document, change, chosen.start, chosen.end, chosen.label)


def _completed(document: Document, change: Change, start: int, end: int, label: str
               ) -> Change:
    """``change`` (putting gold over ``[start, end)`` as ``label``) followed by the
    completion of the links waiting for it."""
    made = next((a for a in change.after if a.layer == GOLD
                 and (a.start, a.end, a.label) == (start, end, label)), None)
    if made is None or change.is_empty:
        return change
    completing = _completions(document, made, change)
    return change.followed_by(completing) if completing.after else change


def waiting_links(document: Document, gold: Annotation) -> list[tuple[str, Annotation]]:
    """Links a gold annotation lacks because their targets are not in gold yet: ``(role,
    target)`` for each link of an annotator annotation it came from that reads like it
    (same attributes) with a role it has no link for, whose target has no gold copy."""
    have = {x.role for x in gold.links if x.role != SOURCE}
    attributes = reading(document, gold)[0]
    found: dict[tuple[str, int, int, str], tuple[str, Annotation]] = {}  # one per reading
    for source_id in gold.link_targets(SOURCE):
        source = document.annotations.get(source_id)
        if source is None or not any(x.role != SOURCE and x.role not in have
                                     for x in source.links):
            continue
        if reading(document, source)[0] != attributes:
            continue
        targets = [x for x in source.links if x.role != SOURCE and x.role not in have]
        copies = _gold_counterparts(document, (x.target for x in targets))
        for x in targets:
            target = document.annotations.get(x.target)
            if target is not None and x.target not in copies:
                found.setdefault((x.role, target.start, target.end, target.label),
                                 (x.role, target))
    return list(found.values())


def _completions(document: Document, made: Annotation, change: Change) -> Change:
    """Gold annotations whose waiting link (:func:`waiting_links`) points to what ``made``
    (a gold annotation ``change`` puts in) came from get that link to ``made``."""
    after = {a.id: a for a in change.after}
    before: dict[str, Annotation] = {}
    completed: dict[str, Annotation] = {}
    for source_id in made.link_targets(SOURCE):
        for pointer in document.annotations.pointing_to(source_id):
            if pointer.layer == GOLD:
                continue
            roles = [x.role for x in pointer.links if x.role != SOURCE and x.target == source_id]
            for holder in document.annotations.pointing_to(pointer.id):
                holder = after.get(holder.id, holder)
                if holder.layer != GOLD or holder.id == made.id \
                        or pointer.id not in holder.link_targets(SOURCE) \
                        or reading(document, holder)[0] != reading(document, pointer)[0]:
                    continue
                missing = [r for r in roles if not holder.link_targets(r)]
                if missing:
                    new = holder.with_changes(links=holder.links + tuple(
                        Link(r, made.id) for r in missing))
                    before.setdefault(holder.id, document.annotations.get(holder.id) or holder)
                    completed[holder.id] = after[holder.id] = new
    return Change(change.text, tuple(before.values()), tuple(completed.values()))


def add_gold(document: Document, *, start: int, end: int, label: str, lead: str,
             attributes: Mapping[str, str] | None = None,
             people: tuple[Sequence[str], int] | None = None) -> Change:
    """Put the lead's own reading ``label`` over ``[start, end)`` into gold (``people``: as
    for :func:`accept`)."""
    if not 0 <= start < end <= len(document.text):
        raise AnnotationError(Errors.E062, start=start, end=end)
    change = _put_gold(document, start, end, label, lead, attributes or {}, (),
                       f"Gold {label}", people)
    return _completed(document, change, start, end, label)


def reject(document: Document, gold_id: str) -> Change:
    """Remove a gold annotation and the links pointing to it."""
    gold = _get(document, gold_id)
    if gold.layer != GOLD:
        if gold.annotator:
            raise AnnotationError(Errors.E063, id=gold_id, annotator=gold.annotator)
        raise AnnotationError(Errors.E064, id=gold_id)
    change = delete_annotation(document, annotation_id=gold_id)
    return Change(f"Reject gold {gold.label}", change.before, change.after)
