"""The interval index agrees with a brute-force scan under random edits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.spanindex import LONG_SPAN, SpanIndex

spans = st.lists(st.tuples(st.integers(0, 6000), st.integers(1, LONG_SPAN + 500)),
                 max_size=60)


@settings(max_examples=150, deadline=None)
@given(spans, spans, st.data())
def test_overlapping_matches_brute_force(bulk, added, data) -> None:
    index = SpanIndex()
    live = {}
    index.bulk_load([(f"b{i}", s, s + n) for i, (s, n) in enumerate(bulk)])
    live.update({f"b{i}": (s, s + n) for i, (s, n) in enumerate(bulk)})
    for i, (s, n) in enumerate(added):
        index.add(f"a{i}", s, s + n)
        live[f"a{i}"] = (s, s + n)
    for span_id in data.draw(st.lists(st.sampled_from(sorted(live)), unique=True)
                             if live else st.just([])):
        index.remove(span_id, *live.pop(span_id))
    assert len(index) == len(live)
    for _ in range(5):
        start = data.draw(st.integers(0, 9000))
        end = data.draw(st.integers(start + 1, start + 3000))
        expected = {i for i, (s, e) in live.items() if s < end and e > start}
        found = index.overlapping(start, end)
        assert set(found) == expected and len(found) == len(expected)
        starts = [live[i][0] for i in found]
        assert starts == sorted(starts)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 20),
                          st.sampled_from(["a", "b", "c", "z1", "z2"])), max_size=40))
def test_sorted_annotations_are_in_start_longest_first_then_id_order(rows) -> None:
    from annotator.model import Annotation, Document

    document = Document("d", "x" * 80)
    for number, (start, length, prefix) in enumerate(rows):
        document.annotations.add(Annotation(f"{prefix}{number}", start, start + length, "PER"))
    got = [a.id for a in document.annotations.sorted()]
    expected = [a.id for a in sorted(document.annotations,
                                     key=lambda a: (a.start, -a.end, a.id))]
    assert got == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["add", "remove", "relink"]), st.integers(0, 7),
                          st.integers(0, 7)), max_size=40))
def test_links_pointing_to_an_annotation_follow_every_edit(steps) -> None:
    from dataclasses import replace

    from annotator.model import Annotation, Document, Link

    document = Document("d", "x" * 20)
    annotations = document.annotations
    annotations.pointing_to("a0")  # build the reverse index first, then keep it up to date
    for action, first, second in steps:
        source, target = f"a{first}", f"a{second}"
        if action == "add" and source not in annotations:
            annotations.add(Annotation(source, 0, 5, "QUOTE", links=(Link("speaker", target),)))
        elif action == "remove" and source in annotations:
            annotations.remove(source)
        elif action == "relink" and source in annotations:
            annotations.replace(replace(annotations[source], links=(Link("speaker", target),)))
        for number in range(8):
            wanted = f"a{number}"
            brute = sorted((a for a in annotations
                            if any(link.target == wanted for link in a.links)),
                           key=lambda a: a.id)
            assert annotations.pointing_to(wanted) == brute


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 6)), max_size=40),
                max_size=5), st.lists(st.tuples(st.integers(0, 30), st.integers(1, 6)),
                                      max_size=10))
def test_bulk_loads_merge_as_one_stable_sort(batches, added) -> None:
    """Bulk loads of every size (few spans into many and many into few, equal spans
    included) and single adds give the order of one stable sort by (start, end) of every
    span in the order it came."""
    index = SpanIndex()
    came: list[tuple[str, int, int]] = []
    for number, batch in enumerate(batches):
        rows = [(f"b{number}.{i}", s, s + n) for i, (s, n) in enumerate(batch)]
        index.bulk_load(rows)
        came += rows
    for i, (s, n) in enumerate(added):
        index.add(f"a{i}", s, s + n)
        came.append((f"a{i}", s, s + n))
    expected = [i for i, _, _ in sorted(came, key=lambda row: (row[1], row[2]))]
    assert index.overlapping(0, 100) == expected
