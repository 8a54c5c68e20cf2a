"""Greedy overlap matching: which spans of different annotators are taken as one.

The rule (merging with ``--overlap`` and agreement's overlap span counts share it): spans of
the same label by different annotators that share at least one character are candidate pairs,
taken best first — largest overlap, then closest boundaries (the sum of the two boundary
distances), then by the numbers of the two spans — and a pair joins the two groups its spans
are in when those groups have no annotator in common.  A group is one span per annotator at
most; with two annotators this is a one-to-one matching.  The numbers that break the last ties
are the spans' numbers in the order given, the first of the pair being the one that starts
first (``first_by_start``, merging: equal starts, the lower number) or the lower number
(agreement, whose reference spans are numbered first).

Listing every overlapping pair, as the rule reads, costs time and memory quadratic in the
spans where many overlap (long claims sharing a paragraph).  Pairs are listed and sorted only
where no span has more than :data:`SCAN` spans starting inside it (then they are few).
Otherwise every span asks only for its best partner among the spans after it (in the order
of start, end and number: each pair is asked for by its earlier span), and a heap takes the
best of those answers.  A group only ever loses partners (groups grow, and a group with every
annotator of the label is closed), so an answer found no longer valid is asked again, and the
pairs taken are those the rule takes, in its order.  A span with many spans starting inside
it finds its best partner in an interval tree per set of annotators a group may hold: the
leftmost span reaching the end of the asking span (the best of those reaching past it) and
the longest span before that one (all of which end inside the asking span, so that their
overlap is their length).  Work then grows with the spans times the logarithm of their
number, not with the pairs.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Sequence

from annotator.gold import Partition

SCAN = 24  # partners to look through one by one before the trees are the faster way
_NONE = -(1 << 62)  # below every offset and weight: no span here
Key = tuple[int, int, int, int]


class _Tree:
    """Spans at fixed positions (sorted by start, end, number), present or not: the leftmost
    present position in a range whose end reaches a bound, and the greatest weight in a
    range."""

    __slots__ = ("count", "ends", "size", "weights")

    def __init__(self, positions: int) -> None:
        size = 1
        while size < positions:
            size *= 2
        self.size = size
        self.ends = [_NONE] * (2 * size)
        self.weights = [_NONE] * (2 * size)
        self.count = 0

    def put(self, position: int, end: int, weight: int) -> None:
        """Make the span at ``position`` present (with its end and weight) or, with
        :data:`_NONE`, absent."""
        ends, weights = self.ends, self.weights
        node = position + self.size
        self.count += (end != _NONE) - (ends[node] != _NONE)
        ends[node], weights[node] = end, weight
        node >>= 1
        while node:
            left = 2 * node
            high_end = ends[left] if ends[left] > ends[left + 1] else ends[left + 1]
            high_weight = (weights[left] if weights[left] > weights[left + 1]
                           else weights[left + 1])
            if ends[node] == high_end and weights[node] == high_weight:
                break
            ends[node], weights[node] = high_end, high_weight
            node >>= 1

    def first_reaching(self, low: int, high: int, bound: int) -> int:
        """The first position in ``[low, high)`` whose end is at least ``bound`` (else
        ``high``)."""
        ends, size = self.ends, self.size
        left, right = low + size, high + size
        found = 0
        after: list[int] = []  # the nodes of the right side, right to left
        while left < right:
            if left & 1:
                if ends[left] >= bound:
                    found = left
                    break
                left += 1
            if right & 1:
                right -= 1
                after.append(right)
            left >>= 1
            right >>= 1
        if not found:
            found = next((node for node in reversed(after) if ends[node] >= bound), 0)
            if not found:
                return high
        while found < size:
            found *= 2
            if ends[found] < bound:
                found += 1
        return found - size

    def heaviest(self, low: int, high: int) -> int:
        """The greatest weight in ``[low, high)`` (:data:`_NONE` when nothing is there)."""
        weights = self.weights
        best = _NONE
        left, right = low + self.size, high + self.size
        while left < right:
            if left & 1:
                if weights[left] > best:
                    best = weights[left]
                left += 1
            if right & 1:
                right -= 1
                if weights[right] > best:
                    best = weights[right]
            left >>= 1
            right >>= 1
        return best


class _Label:
    """The matching of one label's spans, at positions sorted by start, end and number."""

    def __init__(self, numbers: list[int], starts: Sequence[int], ends: Sequence[int],
                 owners: Sequence[int], first_by_start: bool, scan: int) -> None:
        numbers.sort(key=lambda n: (starts[n], ends[n], n))
        self.numbers = numbers
        self.starts = [starts[n] for n in numbers]
        self.ends = [ends[n] for n in numbers]
        self.first_by_start = first_by_start
        self.scan = scan
        self.partition = Partition(len(numbers))
        self.masks = [1 << owners[n] for n in numbers]  # the annotators of each group, at its root
        self.closed = 0  # the mask of a group with every annotator of the label: it takes no more
        for mask in self.masks:
            self.closed |= mask
        self.reach = [bisect_left(self.starts, end) for end in self.ends]  # where partners end
        self.trees: dict[int, _Tree] = {}  # a group mask -> the spans of open groups with it
        self.members: list[list[int]] = []  # of each group, at its root (with the trees only)
        self.spread = 0  # a weight in the trees: length, then the lower number
        self.position: dict[int, int] = {}  # a number -> its position

    def joins(self) -> list[tuple[int, int]]:
        """The pairs the rule joins, as ``(lower, higher)`` numbers."""
        reach, scan = self.reach, self.scan
        if all(reach[x] - x - 1 <= scan for x in range(len(reach))):
            return self._listed()
        self.members = [[x] for x in range(len(reach))]
        self.spread = max(self.numbers) + 1
        self.position = {n: x for x, n in enumerate(self.numbers)}
        for x, mask in enumerate(self.masks):
            if mask != self.closed:
                self._show(x, mask)
        return self._best_first()

    def _listed(self) -> list[tuple[int, int]]:
        masks, key, root = self.masks, self.key, self.partition.root
        pairs = [(*key(x, y), x, y) for x in range(len(self.reach))
                 for y in range(x + 1, self.reach[x]) if masks[x] != masks[y]]
        pairs.sort()
        taken = []
        for *_, x, y in pairs:
            if not masks[root(x)] & masks[root(y)]:
                taken.append(self._join(x, y))
        return taken

    def _best_first(self) -> list[tuple[int, int]]:
        waiting = []
        for x in range(len(self.numbers)):
            found = self.best(x)
            if found is not None:
                waiting.append((*found[0], x, found[1]))
        heapq.heapify(waiting)
        root, masks, closed = self.partition.root, self.masks, self.closed
        taken = []
        while waiting:
            *_, x, y = heapq.heappop(waiting)
            if not masks[root(x)] & masks[root(y)]:
                taken.append(self._join(x, y))
            if masks[root(x)] != closed:
                found = self.best(x)
                if found is not None:
                    heapq.heappush(waiting, (*found[0], x, found[1]))
        return taken

    def key(self, x: int, y: int) -> Key:
        """The rank of the pair of ``x`` and a partner ``y`` after it (lower is taken first)."""
        sx, ex, sy, ey = self.starts[x], self.ends[x], self.starts[y], self.ends[y]
        nx, ny = self.numbers[x], self.numbers[y]
        shared = (ex if ex < ey else ey) - sy
        distance = sy - sx + (ey - ex if ey > ex else ex - ey)
        if (self.first_by_start and sy > sx) or nx < ny:
            return (-shared, distance, nx, ny)
        return (-shared, distance, ny, nx)

    def best(self, x: int) -> tuple[Key, int] | None:
        """The best partner of ``x`` among the spans after it, with the pair's rank."""
        mask = self.masks[self.partition.root(x)]
        low, high = x + 1, self.reach[x]
        found: tuple[Key, int] | None = None
        if high - low <= self.scan:
            root, masks, key = self.partition.root, self.masks, self.key
            for y in range(low, high):
                if not masks[root(y)] & mask:
                    rank = key(x, y)
                    if found is None or rank < found[0]:
                        found = (rank, y)
            return found
        end, spread = self.ends[x], self.spread
        for other, tree in self.trees.items():
            if other & mask:
                continue
            reaching = tree.first_reaching(low, high, end)
            choices = [reaching] if reaching < high else []
            weight = tree.heaviest(low, reaching)  # all of these end inside x
            if weight > _NONE:
                choices.append(self.position[spread - 1 - weight % spread])
            for y in choices:
                rank = self.key(x, y)
                if found is None or rank < found[0]:
                    found = (rank, y)
        return found

    def _join(self, x: int, y: int) -> tuple[int, int]:
        """Join the groups of ``x`` and ``y``; their numbers, lower first."""
        first, second = self.partition.root(x), self.partition.root(y)
        one, two = self.masks[first], self.masks[second]
        root = self.partition.join(first, second)
        mask = self.masks[root] = one | two
        if self.members:
            ones, twos = self.members[first], self.members[second]
            members = self.members[root] = ones + twos
            for z in ones:
                self._hide(z, one)
            for z in twos:
                self._hide(z, two)
            if mask != self.closed:
                for z in members:
                    self._show(z, mask)
        nx, ny = self.numbers[x], self.numbers[y]
        return (nx, ny) if nx < ny else (ny, nx)

    def _show(self, x: int, mask: int) -> None:
        tree = self.trees.get(mask)
        if tree is None:
            tree = self.trees[mask] = _Tree(len(self.numbers))
        weight = ((self.ends[x] - self.starts[x]) * self.spread
                  + self.spread - 1 - self.numbers[x])
        tree.put(x, self.ends[x], weight)

    def _hide(self, x: int, mask: int) -> None:
        tree = self.trees[mask]
        tree.put(x, _NONE, _NONE)
        if not tree.count:
            del self.trees[mask]


def overlap_joins(starts: Sequence[int], ends: Sequence[int], labels: Sequence[str],
                  owners: Sequence[int], *, first_by_start: bool, scan: int = SCAN
                  ) -> list[tuple[int, int]]:
    """The pairs of spans the rule above joins, as ``(lower, higher)`` numbers (a span's
    number is its index in the arguments).  Span ``n`` is ``[starts[n], ends[n])`` with
    ``labels[n]``, by annotator ``owners[n]`` (a small number); empty spans join nothing.
    ``scan``: how many spans may start inside one before the heap and the trees are used
    (tests pass 0 to try them on small inputs)."""
    by_label: dict[str, list[int]] = {}
    for number, label in enumerate(labels):
        if ends[number] > starts[number]:
            by_label.setdefault(label, []).append(number)
    taken = []
    for numbers in by_label.values():
        if len({owners[n] for n in numbers}) > 1:
            taken.extend(_Label(numbers, starts, ends, owners, first_by_start, scan).joins())
    return taken
