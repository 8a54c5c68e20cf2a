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
