"""Overlap matching and related-span grouping agree with the quadratic versions they replace.

The oracles below are the code merging, agreement and grouping used before (issue 10, item
15): list every overlapping pair, sort, take greedily; join every related pair.  They stay
here, on small inputs, as the definition the near-linear versions must reproduce exactly,
ties included.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import match_spans, span_counts
from annotator.corpus import AnnotatorSet
from annotator.gold import Partition, related_components
from annotator.layers import related
from annotator.merge import MergeOptions, merge_sets
from annotator.model import Annotation, Document
from annotator.overlap import overlap_joins

Span = tuple[int, int, str]
LABELS = ["PER", "QUOTE"]


# -- the oracles: the quadratic code as it was ----------------------------------------------

def old_merge_groups(layers: Sequence[Sequence[Annotation]]) -> list[list[int]]:
    """merge._overlap_groups before: the groups as lists of item numbers."""
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
    partition = Partition(len(items))
    annotators = [{index} for index, _ in items]
    for _, _, first, second in options:
        one, two = partition.root(first), partition.root(second)
        if one != two and not annotators[one] & annotators[two]:
            annotators[partition.join(one, two)] = annotators[one] | annotators[two]
    return partition.sets(list(range(len(items))))


def old_match_spans(reference: Sequence[Span], candidate: Sequence[Span]
                    ) -> list[tuple[int, int]]:
    """agreement.match_spans(overlap=True) before."""
    by_label: dict[str, list[int]] = {}
    for j, (_s, _e, label) in enumerate(candidate):
        by_label.setdefault(label, []).append(j)
    options = []
    for i, (start, end, label) in enumerate(reference):
        for j in by_label.get(label, ()):
            c_start, c_end, _ = candidate[j]
            shared = min(end, c_end) - max(start, c_start)
            if shared > 0:
                options.append((-shared, abs(start - c_start) + abs(end - c_end), i, j))
    options.sort()
    used_i: set[int] = set()
    used_j: set[int] = set()
    matches = []
    for _, _, i, j in options:
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            matches.append((i, j))
    return sorted(matches)


def old_related_components(items: Sequence[Annotation]) -> list[list[Annotation]]:
    """gold.related_components before: every related pair joined (``items`` by start)."""
    partition = Partition(len(items))
    for x, a in enumerate(items):
        y = x + 1
        while y < len(items) and items[y].start < a.end:
            if related(a, items[y]):
                partition.join(x, y)
            y += 1
    return partition.sets(list(items))


# -- inputs: few positions, so that overlaps and ties are many -------------------------------

def spans(size: int, reach: int) -> st.SearchStrategy[list[Span]]:
    return st.lists(st.builds(lambda s, n, label: (s, s + n, label), st.integers(0, reach),
                              st.integers(1, reach), st.sampled_from(LABELS)), max_size=size)


layers = st.lists(spans(20, 12), min_size=2, max_size=4)


def _layers(found: list[list[Span]]) -> list[list[Annotation]]:
    return [[Annotation(f"a{n}", s, e, label, f"ann{i}") for n, (s, e, label) in enumerate(one)]
            for i, one in enumerate(found)]


def _groups(joins: list[tuple[int, int]], count: int) -> list[list[int]]:
    partition = Partition(count)
    for first, second in joins:
        partition.join(first, second)
    return partition.sets(list(range(count)))


# -- merging ---------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(layers, st.sampled_from([0, 2, 24]))
def test_merge_matching_joins_what_the_quadratic_matching_joined(
        found: list[list[Span]], scan: int) -> None:
    annotations = _layers(found)
    items = [(index, a) for index, layer in enumerate(annotations) for a in layer]
    joins = overlap_joins([a.start for _, a in items], [a.end for _, a in items],
                          [a.label for _, a in items], [index for index, _ in items],
                          first_by_start=True, scan=scan)  # scan 0: the interval trees always
    assert all(first < second for first, second in joins)
    assert _groups(joins, len(items)) == old_merge_groups(annotations)


@settings(max_examples=100, deadline=None)
@given(layers)
def test_merged_gold_and_conflicts_are_those_of_the_quadratic_merge(
        found: list[list[Span]]) -> None:
    annotations = _layers(found)
    sets = [AnnotatorSet(f"ann{i}", tuple(layer), f"ann{i}")
            for i, layer in enumerate(annotations)]
    result = merge_sets(Document("d", "x" * 60), sets, MergeOptions("union", overlap=True))
    items = [(index, a) for index, layer in enumerate(annotations) for a in layer]
    expected = {frozenset(f"ann{items[n][0]}.{items[n][1].id}" for n in group)
                for group in old_merge_groups(annotations)}
    gold = [a for a in result.document.annotations if a.layer == "gold"]
    assert {frozenset(a.link_targets("source")) for a in gold} == expected
    # the conflicts are the related sets of the gold spans (union: one per group)
    ordered = sorted(gold, key=lambda a: (a.start, -a.end, a.label))
    sets_of_gold = {frozenset(a.id for a in component)
                    for component in old_related_components(ordered)}
    assert {frozenset(c.gold) for c in result.conflicts} <= sets_of_gold


# -- agreement -------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(spans(30, 24), spans(30, 24), st.sampled_from([0, 2, 24]))
def test_agreement_matching_is_the_quadratic_matching(
        reference: list[Span], candidate: list[Span], scan: int) -> None:
    expected = old_match_spans(reference, candidate)
    assert match_spans(reference, candidate, overlap=True) == expected
    both = [*reference, *candidate]
    joins = overlap_joins([s for s, _, _ in both], [e for _, e, _ in both],
                          [label for _, _, label in both],
                          [0] * len(reference) + [1] * len(candidate),
                          first_by_start=False, scan=scan)
    assert sorted((i, j - len(reference)) for i, j in joins) == expected


def test_overlap_matching_takes_the_larger_overlap_then_the_closer_boundaries() -> None:
    reference = [(0, 10, "Q"), (20, 30, "Q")]
    candidate = [(5, 30, "Q"), (0, 9, "Q"), (21, 30, "Q"), (1, 10, "Q")]
    # (20, 30) takes (5, 30): 10 shared beat the 9 of (21, 30), however far the boundaries;
    # (0, 10) shares 9 with both (0, 9) and (1, 10), 1 apart from each: the first listed
    assert match_spans(reference, candidate, overlap=True) == [(0, 1), (1, 0)]
    counts = span_counts(reference, candidate, overlap=True)["Q"]
    assert (counts.tp, counts.fp, counts.fn) == (2, 2, 0)
    assert match_spans([(0, 5, "Q")], [(5, 9, "Q"), (0, 0, "Q")], overlap=True) == []


def test_a_dense_pile_of_claims_is_matched_as_before() -> None:
    # 3 annotators x 60 claims that all share [50, 60): 10,800 overlapping pairs of different
    # annotators, matched through the trees (many spans start inside each one)
    found = [[((7 * n + 3 * i) % 50, 60 + (11 * n + 5 * i) % 40, "CLAIM") for n in range(60)]
             for i in range(3)]
    annotations = _layers(found)
    items = [(index, a) for index, layer in enumerate(annotations) for a in layer]
    joins = overlap_joins([a.start for _, a in items], [a.end for _, a in items],
                          [a.label for _, a in items], [index for index, _ in items],
                          first_by_start=True)
    assert _groups(joins, len(items)) == old_merge_groups(annotations)
    assert match_spans(found[0], found[1], overlap=True) == old_match_spans(found[0], found[1])


# -- related sets ----------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 80), st.integers(1, 40),
                          st.sampled_from(["PER", "ORG", "QUOTE"])), max_size=80))
def test_related_components_are_those_of_joining_every_related_pair(
        found: list[tuple[int, int, str]]) -> None:
    items = sorted((Annotation(f"a{n}", s, s + length, label)
                    for n, (s, length, label) in enumerate(found)),
                   key=lambda a: (a.start, -a.end, a.label))
    assert related_components(items) == old_related_components(items)


def test_a_run_already_in_the_set_is_passed_over_but_not_the_next_one() -> None:
    # When the QUOTE (10, 30) is reached, the ORG (0, 9) is in its set (through the QUOTE
    # (0, 11)); the next ORG of that length class, (9, 24), starts another ORG run and is
    # related to (10, 30) alone.  25 PERs start inside each ORG, so that the ORGs are looked
    # for by the later spans (not looking at what starts inside them one by one).
    a1, b0 = Annotation("a1", 0, 9, "ORG"), Annotation("b0", 0, 11, "QUOTE")
    a2, y = Annotation("a2", 9, 24, "ORG"), Annotation("y", 10, 30, "QUOTE")
    first = [Annotation(f"p{n}", 1, 2, "PER") for n in range(25)]
    second = [Annotation(f"q{n}", 12, 13, "PER") for n in range(25)]
    items = [a1, b0, *first, a2, y, *second]
    assert related_components(items) == old_related_components(items) == [
        [a1, b0, a2, y], first, second]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(3, 30),
                          st.sampled_from(["PER", "ORG", "QUOTE"])), max_size=12))
def test_related_components_of_spans_with_many_starting_inside(
        found: list[tuple[int, int, str]]) -> None:
    # 25 one-character FILLs at the start of each span: every span has more spans starting
    # inside it than it looks at one by one, so the later spans look for it
    items = sorted([a for n, (s, length, label) in enumerate(found)
                    for a in (Annotation(f"a{n}", s, s + length, label),
                              *(Annotation(f"f{n}.{k}", s, s + 1, "FILL") for k in range(25)))],
                   key=lambda a: (a.start, -a.end, a.label))
    assert related_components(items) == old_related_components(items)
