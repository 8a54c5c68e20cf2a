"""The gold rules merging and adjudication share: related-span groups, bookkeeping, slugs."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.gold import (
    Partition,
    agreement_total,
    annotator_slug,
    bookkeeping,
    gold_id,
    last_gold_number,
    majority_attributes,
    name_slug,
    related_component_steps,
    related_components,
)
from annotator.layers import related
from annotator.model import Annotation, is_valid_id
from annotator.xmlchars import NAME_CHARS

LABELS = ["PER", "ORG", "QUOTE"]

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20), st.sampled_from(LABELS)),
                 max_size=40)


def _annotations(found: list[tuple[int, int, str]]) -> list[Annotation]:
    return [Annotation(f"a{n}", start, start + length, label)
            for n, (start, length, label) in enumerate(found)]


def _closure(annotations: list[Annotation]) -> set[frozenset[str]]:
    """Connected sets of related annotations, the slow way: grow each set until it stops."""
    left = list(annotations)
    found = set()
    while left:
        members = [left.pop(0)]
        grew = True
        while grew:
            grew = False
            for other in list(left):
                if any(related(other, m) for m in members):
                    members.append(other)
                    left.remove(other)
                    grew = True
        found.add(frozenset(a.id for a in members))
    return found


def _by_start(annotations: list[Annotation]) -> list[Annotation]:
    return sorted(annotations, key=lambda a: a.start)  # stable: equal starts keep their order


@settings(max_examples=200, deadline=None)
@given(spans, st.randoms(use_true_random=False))
def test_related_components_are_the_transitive_closure_in_any_order(
        found: list[tuple[int, int, str]], rnd: random.Random) -> None:
    annotations = _annotations(found)
    expected = _closure(annotations)
    for _ in range(3):
        rnd.shuffle(annotations)
        ordered = _by_start(annotations)
        components = related_components(ordered)
        assert {frozenset(a.id for a in c) for c in components} == expected
        # members in the given order, sets in the order of their first members
        position = {a.id: n for n, a in enumerate(ordered)}
        for component in components:
            assert [position[a.id] for a in component] == sorted(position[a.id]
                                                                 for a in component)
        firsts = [position[c[0].id] for c in components]
        assert firsts == sorted(firsts)


def test_related_components_join_same_labels_and_mostly_shared_spans_only() -> None:
    per, org_same, org_inside = (Annotation("p", 0, 10, "PER"), Annotation("o", 1, 10, "ORG"),
                                 Annotation("q", 20, 60, "QUOTE"))
    nested = Annotation("n", 25, 30, "PER")  # a PER inside a QUOTE is not a disagreement
    touching = Annotation("t", 10, 15, "PER")  # shares no character with p
    groups = related_components([per, org_same, touching, org_inside, nested])
    assert [[a.id for a in g] for g in groups] == [["p", "o"], ["t"], ["q"], ["n"]]


@settings(max_examples=50, deadline=None)
@given(spans, st.integers(1, 7))
def test_grouping_in_steps_gives_the_same_sets_and_rising_progress(
        found: list[tuple[int, int, str]], chunk: int) -> None:
    ordered = _by_start(_annotations(found))
    steps = related_component_steps(ordered, chunk, 0.2, 0.6)
    progress = []
    while True:
        try:
            progress.append(next(steps))
        except StopIteration as stop:
            result = stop.value
            break
    assert result == related_components(ordered)
    assert progress == sorted(progress) and all(0.2 <= p <= 0.6 for p in progress)
    assert len(progress) >= len(ordered) // chunk


pairs = st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(pairs, st.randoms(use_true_random=False))
def test_partition_sets_do_not_depend_on_the_order_of_joins(
        joins: list[tuple[int, int]], rnd: random.Random) -> None:
    # naive: merge the sets of each pair, one pair at a time
    naive = [{n} for n in range(30)]
    for a, b in joins:
        first = next(s for s in naive if a in s)
        second = next(s for s in naive if b in s)
        if first is not second:
            first |= second
            naive.remove(second)
    expected = sorted(sorted(s) for s in naive)
    numbers = list(range(30))
    for _ in range(3):
        rnd.shuffle(joins)
        partition = Partition(30)
        for a, b in joins:
            root = partition.join(*((b, a) if rnd.random() < 0.5 else (a, b)))
            assert root == min(partition.root(a), partition.root(b))
        found = partition.sets(numbers)
        assert found == expected  # members ascending, sets by their smallest member
        assert all(partition.root(n) == members[0] for members in found for n in members)


def test_bookkeeping_says_how_many_agreed_and_who() -> None:
    written = bookkeeping(["Ali Hassan", "bob"], 3)
    assert written == {"agreement": "2/3", "annotators": "Ali_Hassan bob"}
    assert agreement_total(written["agreement"]) == 3
    assert agreement_total("2 of 3") is None and agreement_total("") is None


@given(st.text(max_size=12))
def test_name_slugs_hold_only_xml_name_characters_and_no_dot(name: str) -> None:
    slug = name_slug(name)
    assert len(slug) == len(name)
    assert re.fullmatch(f"[{NAME_CHARS}]*", slug) and "." not in slug
    assert " " not in bookkeeping([name], 1)["annotators"]


@given(st.lists(st.text(max_size=8), max_size=6))
def test_annotator_slugs_are_distinct_id_prefixes(names: list[str]) -> None:
    taken: set[str] = set()
    slugs = [annotator_slug(name, taken) for name in names]
    assert len(set(slugs)) == len(slugs) and taken == set(slugs)
    assert all(is_valid_id(slug + ".a1") for slug in slugs)
    assert annotator_slug("gold", set()) == "gold_"  # never the gold layer's own prefix


def test_gold_ids_count_on_from_the_highest() -> None:
    assert gold_id(3) == "gold.3"
    assert last_gold_number(["gold.2", "alice.a1", "gold.10", "gold.x", "xgold.40"]) == 10
    assert last_gold_number(["a1"]) == 0


def test_majority_attributes_take_the_most_common_value_ties_to_the_first() -> None:
    assert majority_attributes([{"type": "direct"}, {"type": "direct"}]) == (
        {"type": "direct"}, False)
    assert majority_attributes([{"type": "indirect"}, {"type": "direct"},
                                {"type": "direct"}]) == ({"type": "direct"}, True)
    assert majority_attributes([{"type": "indirect"}, {"type": "direct"}]) == (
        {"type": "indirect"}, True)
    # a member without the key: the others' value, and a difference
    assert majority_attributes([{}, {"mood": "x"}]) == ({"mood": "x"}, True)
