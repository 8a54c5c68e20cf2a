"""What merging and adjudication agree on about the gold layer.

* Which annotations are readings of one thing: :func:`related_components` groups spans into
  connected sets under the rule of :func:`annotator.layers.related` (overlapping with the same
  label, or different labels over mostly the same characters), with one union-find,
  :class:`Partition`, that merging's overlap matching uses too.
* What a gold annotation records about where it came from: ``Link(SOURCE, id)`` to each
  agreeing annotator annotation, :func:`bookkeeping` (``agreement`` = ``"2/3"``,
  ``annotators`` = their name slugs) and, from several members, :func:`majority_attributes`.
* How an annotator's name is spelled: :func:`name_slug` in attributes,
  :func:`annotator_slug` as an id prefix.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Generator, Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

from annotator.layers import GOLD
from annotator.model import is_valid_id
from annotator.tagset import GOLD_BOOKKEEPING
from annotator.xmlchars import NAME_CHARS

SOURCE = "source"  # the role of a gold annotation's links to the annotations it came from
BOOKKEEPING = tuple(sorted(GOLD_BOOKKEEPING))  # attributes that :func:`bookkeeping` writes
_NAME_CHAR = re.compile(f"[^{NAME_CHARS}]|[.]")  # what a name slug may not hold
_RESERVED_SLUGS = frozenset({"tag", "kind", "resp", "rend", "layer", GOLD})
_AGREEMENT = re.compile(r"^\d+/(\d+)$")
_T = TypeVar("_T")
_GOLD_NUMBER = re.compile(r"^gold\.(\d+)$", re.MULTILINE)


# -- names ------------------------------------------------------------------------------------

def name_slug(name: str) -> str:
    """``name`` with every character an XML name may not hold (and ``.``) as ``_``."""
    return _NAME_CHAR.sub("_", name)


def annotator_slug(name: str, taken: set[str]) -> str:
    """An id prefix for ``name`` that is an NCName start, not reserved and not in ``taken``
    (which it joins)."""
    slug = name_slug(name) or "annotator"
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


def gold_id(number: int) -> str:
    """The id of the ``number``-th gold annotation: ``gold.1``, ``gold.2``…"""
    return f"gold.{number}"


def last_gold_number(ids: Iterable[str]) -> int:
    """The highest ``N`` among ids ``gold.N`` (0 when there is none)."""
    # one search of all ids joined (ids hold no line breaks): a third of matching each id
    return max(map(int, _GOLD_NUMBER.findall("\n".join(ids))), default=0)


# -- attributes -------------------------------------------------------------------------------

def bookkeeping(annotators: Sequence[str], total: int) -> dict[str, str]:
    """The attributes telling who drew a gold annotation: ``agreement`` (``"2/3"``: how many of
    the ``total`` annotators) and ``annotators`` (their name slugs, space-separated).
    ``annotators`` are distinct, in the order to write them."""
    return {"agreement": f"{len(annotators)}/{total}",
            "annotators": " ".join(map(name_slug, annotators))}


def agreement_total(value: str) -> int | None:
    """How many annotators an ``agreement`` value (``"2/3"``) counts, or None if malformed."""
    found = _AGREEMENT.match(value)
    return int(found.group(1)) if found else None


def majority_attributes(members: Sequence[Mapping[str, str]]) -> tuple[dict[str, str], bool]:
    """Gold attributes from members' attributes (in annotator order), and whether they differ.

    Per key the most common value among the members that give one; a tie goes to the member
    first in order.  A key some members lack counts as a difference.
    """
    first = members[0]
    if all(attributes == first for attributes in members):
        return dict(first), False
    merged: dict[str, str] = {}
    differ = False
    for key in dict.fromkeys(k for attributes in members for k in attributes):
        values = [attributes.get(key) for attributes in members]
        counted = Counter(v for v in values if v is not None)
        if len(counted) > 1 or None in values:
            differ = True
        best = max(counted.values())
        merged[key] = next(v for v in values if v is not None and counted[v] == best)
    return merged, differ


# -- grouping ---------------------------------------------------------------------------------

class Partition:
    """Union-find over the numbers ``0 .. count - 1``: sets joined pair by pair.

    A set's root is its smallest member, so roots do not depend on the order of the joins.
    """

    __slots__ = ("_parent",)

    def __init__(self, count: int) -> None:
        self._parent = list(range(count))

    def root(self, number: int) -> int:
        """The root of ``number``'s set."""
        parent = self._parent
        while parent[number] != number:
            parent[number] = number = parent[parent[number]]  # path halving
        return number

    def join(self, first: int, second: int) -> int:
        """Join the sets of ``first`` and ``second``; the root of the joined set."""
        a, b = self.root(first), self.root(second)
        if a < b:
            self._parent[b] = a
            return a
        self._parent[a] = b
        return b

    def sets(self, items: Sequence[_T]) -> list[list[_T]]:
        """Every set as the list of ``items[n]`` for its members ``n`` ascending, in the order
        of their smallest members."""
        parent = self._parent
        found: list[list[_T]] = []
        number = [0] * len(parent)  # a root's set number
        for x, root in enumerate(parent):
            if root == x:
                number[x] = len(found)
                found.append([items[x]])
            else:  # parent[root] is the root already: every y < x points straight to its root
                root = parent[x] = parent[root]
                found[number[root]].append(items[x])
        return found


class Spanned(Protocol):
    """Anything with a span and a label (an annotation, a group of them)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def label(self) -> str: ...


_S = TypeVar("_S", bound=Spanned)
_NO_STEPS = -1  # a chunk size: group in one go, never pausing
_FEW = 24  # spans starting inside one that it looks at one by one


def related_components(items: Sequence[_S]) -> list[list[_S]]:
    """Connected sets of related items (:func:`annotator.layers.related`), ``items`` sorted by
    start; members in the given order, sets in the order of their first members."""
    return run_steps(related_component_steps(items, _NO_STEPS, 0.0, 1.0))


def run_steps(steps: Generator[float, None, _T]) -> _T:
    """Run a generator that yields its progress to its end; what it returns."""
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            result: _T = stop.value  # what the generator returned (typeshed: Any)
            return result


def related_component_steps(items: Sequence[_S], chunk: int, low: float, high: float
                            ) -> Generator[float, None, list[list[_S]]]:
    """:func:`related_components`, pausing every ``chunk`` items (if ``chunk`` > 0) to yield
    a progress figure from ``low`` to ``high``.

    Near-linear where many spans overlap: the pairs that decide nothing are not looked at.
    Same label: in start order a span overlaps an earlier one of its label exactly when it
    starts before the furthest end so far, and then it overlaps the span reaching furthest,
    which is in one set with every other it overlaps (they all hold its first character); so
    one join per span, and each label's sets are runs of consecutive spans.  Different labels
    (Jaccard >= 0.5): a span with few spans starting inside it looks at each of them.  One
    with many is looked for by the later spans instead: the two lengths are within a factor
    of two and the starts at most the shorter length apart, so a span looks only at such
    earlier spans of the other labels in its own and the neighbouring length classes (powers
    of two) that start that close, and passes over a run at once when it is in its set.
    """
    count = len(items)
    starts = [a.start for a in items]
    ends = [a.end for a in items]
    labels = [a.label for a in items]
    partition = Partition(count)
    join, root = partition.join, partition.root
    run = list(range(count))  # the first span of each span's same-label run
    furthest: dict[str, int] = {}  # label -> the span of that label reaching furthest so far
    classes: dict[int, dict[str, list[int]]] = {}  # length class -> label -> its long spans
    long = [False] * count  # many spans start inside: the later ones look for it
    for x in range(count):
        start, end, label = starts[x], ends[x], labels[x]
        if end <= start:
            continue  # an empty span relates to nothing
        reaching = furthest.get(label)
        if reaching is not None and start < ends[reaching]:
            join(x, reaching)
            run[x] = run[reaching]
        if reaching is None or end > ends[reaching]:
            furthest[label] = x
        if x + _FEW + 1 < count and starts[x + _FEW + 1] < end:
            long[x] = True
            classes.setdefault((end - start).bit_length(), {}).setdefault(label, []).append(x)
    runs = {size: {label: _Runs(found, starts, run) for label, found in by_label.items()}
            for size, by_label in classes.items()}
    pause = chunk if chunk > 0 else count
    for y in range(count):
        if y == pause:
            pause += chunk
            yield low + (high - low) * y / count
        start, end, label = starts[y], ends[y], labels[y]
        length = end - start
        if length <= 0:
            continue
        if not long[y]:
            z = y + 1
            while z < count and starts[z] < end:  # related() of another label, inlined
                if labels[z] != label:
                    shared = (ends[z] if ends[z] < end else end) - starts[z]
                    if shared > 0 and 2 * shared >= (ends[z] if ends[z] > end else end) - start:
                        join(y, z)
                z += 1
        if not runs:
            continue
        lowest = start - length
        for size in range(((length + 1) // 2).bit_length(), (2 * length).bit_length() + 1):
            for other, spans in runs.get(size, {}).items():
                if other == label:
                    continue
                positions, skip = spans.positions, spans.skip
                i = bisect_left(spans.starts, lowest)
                stop = bisect_left(positions, y)  # the earlier long spans
                while i < stop:
                    x = positions[i]
                    if root(x) != root(y):
                        shared = (ends[x] if ends[x] < end else end) - start
                        if not (shared > 0 and 2 * shared >= (
                                ends[x] if ends[x] > end else end) - starts[x]):
                            i += 1
                            continue
                        join(x, y)
                    i = skip[i]  # the rest of x's run is in y's set now
    if chunk > 0 and count:
        yield high
    return partition.sets(items)


class _Runs:
    """One label's spans of one length class in start order: their positions, starts, and
    for each the index of the next one in another same-label run."""

    __slots__ = ("positions", "skip", "starts")

    def __init__(self, positions: list[int], starts: Sequence[int], run: Sequence[int]) -> None:
        self.positions = positions
        self.starts = [starts[x] for x in positions]
        skip = list(range(1, len(positions) + 1))
        for i in range(len(positions) - 2, -1, -1):
            if run[positions[i]] == run[positions[i + 1]]:
                skip[i] = skip[i + 1]
        self.skip = skip
