"""Agreement metrics against published worked examples and the ``krippendorff`` package."""

from __future__ import annotations

import math

import krippendorff
import numpy as np  # installed with krippendorff
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from annotator.agreement import (
    AgreementError,
    DocumentSets,
    SpanCounts,
    agreement_report,
    cohen_kappa,
    cohen_kappa_from_pairs,
    fleiss_kappa,
    krippendorff_alpha,
    macro_f1,
    match_spans,
    micro,
    span_counts,
    unitizing_alpha,
    unitizing_disagreements,
)
from annotator.agreement_units import (
    OUTSIDE,
    spans_to_token_labels,
    spans_to_token_sets,
    text_to_tokens,
)

# -- Cohen's kappa: the worked examples of the Wikipedia article "Cohen's kappa" -----------


def test_cohen_kappa_wikipedia_yes_no_example() -> None:
    # 50 proposals: both yes 20, A yes/B no 5, A no/B yes 10, both no 15 -> kappa 0.4
    table = {("yes", "yes"): 20, ("yes", "no"): 5, ("no", "yes"): 10, ("no", "no"): 15}
    assert cohen_kappa_from_pairs(table) == pytest.approx(0.4)
    first = ["yes"] * 25 + ["no"] * 25
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(first, second) == pytest.approx(0.4)


@pytest.mark.parametrize(("cells", "expected"), [
    ((45, 15, 25, 15), 0.1304),  # "same percentage, different kappa", first table
    ((25, 35, 5, 35), 0.2593),   # second table
])
def test_cohen_kappa_wikipedia_same_agreement_examples(cells: tuple[int, ...],
                                                       expected: float) -> None:
    yy, yn, ny, nn = cells
    table = {("y", "y"): yy, ("y", "n"): yn, ("n", "y"): ny, ("n", "n"): nn}
    assert cohen_kappa_from_pairs(table) == pytest.approx(expected, abs=5e-5)


def test_cohen_kappa_edge_cases() -> None:
    assert cohen_kappa(["a", "b", "c"], ["a", "b", "c"]) == pytest.approx(1.0)
    assert math.isnan(cohen_kappa(["a", "a"], ["a", "a"]))  # no variation: undefined
    with pytest.raises(AgreementError):
        cohen_kappa(["a"], ["a", "b"])


# -- Fleiss' kappa: Fleiss (1971) data as worked on Wikipedia ------------------------------

FLEISS_TABLE = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]


def test_fleiss_kappa_wikipedia_example() -> None:
    assert fleiss_kappa(FLEISS_TABLE) == pytest.approx(0.210, abs=5e-4)


def test_fleiss_kappa_rejects_uneven_rows() -> None:
    with pytest.raises(AgreementError) as caught:
        fleiss_kappa([[1, 1], [2, 1]])
    assert caught.value.code == "E552" and caught.value.params["number"] == 2


def test_fleiss_from_counts_matches_table() -> None:
    # The same table as value tuples: 14 annotators, each unit's values in any order.
    from annotator.agreement import fleiss_kappa_from_counts

    counts: dict[tuple[int, ...], int] = {}
    for row in FLEISS_TABLE:
        key = tuple(c for c, n in enumerate(row) for _ in range(n))
        counts[key] = counts.get(key, 0) + 1
    assert fleiss_kappa_from_counts(counts) == pytest.approx(fleiss_kappa(FLEISS_TABLE))


# -- Krippendorff's alpha: Krippendorff (2011) examples and the krippendorff package ---------

def test_alpha_krippendorff_2011_binary_example() -> None:
    # Section A: two observers, ten units, binary data -> alpha = 0.095
    first = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    second = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha([first, second]) == pytest.approx(0.095, abs=5e-4)


def test_alpha_krippendorff_2011_nominal_missing_example() -> None:
    # Section C: four observers, twelve units, missing values -> nominal alpha = 0.743
    n = None
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
        [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
    ]
    assert krippendorff_alpha(data) == pytest.approx(0.743, abs=5e-4)


reliability_data = st.integers(2, 5).flatmap(lambda coders: st.integers(2, 25).flatmap(
    lambda units: st.lists(
        st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=units, max_size=units),
        min_size=coders, max_size=coders)))


@settings(max_examples=80, deadline=None)
@given(reliability_data)
def test_alpha_matches_krippendorff_package(data: list[list[int | None]]) -> None:
    ours = krippendorff_alpha(data)
    matrix = np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)
    pairable = (np.sum(~np.isnan(matrix), axis=0) >= 2)
    values = {v for row in data for u, v in enumerate(row) if v is not None and pairable[u]}
    if len(values) < 2:  # no variation among pairable values: alpha is undefined
        assert math.isnan(ours)
        return
    theirs = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    assert ours == pytest.approx(theirs, abs=1e-9)


# -- spans ---------------------------------------------------------------------------------

def test_exact_span_counts() -> None:
    ref = [(0, 5, "PER"), (10, 15, "ORG"), (20, 25, "LOC")]
    cand = [(0, 5, "PER"), (10, 15, "PER"), (21, 25, "LOC")]
    counts = span_counts(ref, cand)
    assert counts["PER"] == SpanCounts(tp=1, fp=1, fn=0)
    assert counts["ORG"] == SpanCounts(tp=0, fp=0, fn=1)
    assert counts["LOC"] == SpanCounts(tp=0, fp=1, fn=1)
    pooled = micro(counts)
    assert (pooled.precision, pooled.recall) == (pytest.approx(1 / 3), pytest.approx(1 / 3))
    # macro: PER 2/3, ORG 0, LOC 0
    assert macro_f1(counts) == pytest.approx((2 / 3) / 3)


def test_overlap_matching_is_one_to_one_and_prefers_larger_overlap() -> None:
    ref = [(0, 10, "PER")]
    cand = [(0, 3, "PER"), (2, 10, "PER")]
    assert match_spans(ref, cand, overlap=True) == [(0, 1)]
    counts = span_counts(ref, cand, overlap=True)
    assert counts["PER"] == SpanCounts(tp=1, fp=1, fn=0)
    # labels must agree even when overlapping
    assert match_spans([(0, 5, "PER")], [(0, 5, "ORG")], overlap=True) == []


def test_exact_matching_counts_duplicates_once_each() -> None:
    assert match_spans([(0, 2, "A"), (0, 2, "A")], [(0, 2, "A")]) == [(0, 0)]


# -- token units ---------------------------------------------------------------------------

def test_tokens_keep_diacritics_and_clitic_spans_mark_their_token() -> None:
    text = "قالَ لـ«البيان» أمس."
    tokens = text_to_tokens(text)
    words = [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)]
    assert words == ["قالَ", "لـ", "«", "البيان", "»", "أمس", "."]
    inner = text.index("البيان")
    assert spans_to_token_labels(tokens, [(inner + 1, inner + 3, "ORG")]) == [
        OUTSIDE, OUTSIDE, OUTSIDE, "ORG", OUTSIDE, OUTSIDE, OUTSIDE]


def test_innermost_label_wins_and_sets_keep_both() -> None:
    tokens = text_to_tokens("a b c d")
    spans = [(0, 7, "QUOTE"), (2, 3, "PER")]
    assert spans_to_token_labels(tokens, spans) == ["QUOTE", "PER", "QUOTE", "QUOTE"]
    assert spans_to_token_sets(tokens, spans) == {"QUOTE": {0, 1, 2, 3}, "PER": {1}}


# -- the report ----------------------------------------------------------------------------

def _doc(doc_id: str, text: str, **sets: list[tuple[int, int, str]]) -> DocumentSets:
    return DocumentSets(doc_id, text, dict(sets))


def test_report_perfect_agreement() -> None:
    text = "one two three four five six"
    spans = [(0, 3, "PER"), (8, 13, "ORG")]
    report = agreement_report([_doc("d1", text, alice=spans, bob=list(spans), carol=spans)])
    assert report.annotators == ["alice", "bob", "carol"]
    assert report.overall.alpha == pytest.approx(1.0)
    assert report.overall.fleiss == pytest.approx(1.0)
    assert report.overall.cohen == pytest.approx(1.0)
    assert micro(report.overall.exact).f1 == pytest.approx(1.0)
    assert report.per_label["PER"].alpha == pytest.approx(1.0)
    assert report.confusion[("PER", "PER")] == 6  # three pairs, both directions
    assert report.missing == {}


def test_report_token_figures_equal_direct_computation() -> None:
    text = "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9"
    a = [(0, 5, "PER"), (9, 11, "LOC")]
    b = [(0, 2, "PER"), (9, 11, "ORG"), (24, 26, "LOC")]
    report = agreement_report([_doc("d", text, a=a, b=b)])
    tokens = text_to_tokens(text)
    la, lb = spans_to_token_labels(tokens, a), spans_to_token_labels(tokens, b)
    assert report.overall.cohen == pytest.approx(cohen_kappa(la, lb))
    assert report.overall.alpha == pytest.approx(krippendorff_alpha([la, lb]))
    pair = report.per_pair[("a", "b")]
    assert micro(pair.exact) == SpanCounts(tp=0, fp=3, fn=2)
    assert micro(pair.overlap) == SpanCounts(tp=1, fp=2, fn=1)
    assert set(report.per_label) == {"LOC", "ORG", "PER"}
    assert report.confusion[("LOC", "ORG")] == report.confusion[("ORG", "LOC")] == 1


def test_report_with_missing_annotator_and_label_absent_from_a_document() -> None:
    report = agreement_report([
        _doc("d1", "x y z", a=[(0, 1, "PER")], b=[(0, 1, "PER")], c=[(2, 3, "PER")]),
        _doc("d2", "p q r", a=[(0, 1, "ORG")], b=[(0, 1, "ORG")]),
    ])
    assert report.missing == {"d2": ["c"]}
    # Per-label units cover both documents' tokens: 3 + 3.
    assert report.per_label["PER"].tokens == 6
    assert report.per_label["ORG"].tokens == 6
    assert ("a", "c") in report.per_pair
    assert report.per_pair[("a", "c")].tokens == 6  # d2 counts, with c missing


def test_report_needs_two_annotators() -> None:
    with pytest.raises(AgreementError) as caught:
        agreement_report([_doc("d", "x", a=[(0, 1, "PER")])])
    assert caught.value.code == "E555" and caught.value.params["names"] == "a"


# -- unitizing alpha: Krippendorff (2004, p. 254) and (1995, p. 57) ---------------------------

def _k2004() -> list[list[tuple[int, int, str]]]:
    # Continuum [150, 450) shifted to start at 0; observers i and j; categories c and k.
    def span(begin: int, length: int, label: str) -> tuple[int, int, str]:
        return (begin - 150, begin - 150 + length, label)

    first = [span(225, 70, "c"), span(370, 30, "c"), span(180, 60, "k"), span(300, 50, "k")]
    second = [span(220, 80, "c"), span(355, 20, "c"), span(400, 20, "c"), span(180, 60, "k"),
              span(300, 50, "k")]
    return [first, second]


def test_unitizing_alpha_krippendorff_2004_example() -> None:
    found = unitizing_disagreements(300, _k2004())
    assert found["c"] == (pytest.approx(0.0144, abs=1e-4), pytest.approx(0.0532, abs=1e-4))
    assert found["k"] == (0.0, pytest.approx(0.0490, abs=1e-4))
    overall, per = unitizing_alpha(300, _k2004())
    assert per["c"] == pytest.approx(0.7286, abs=1e-4)
    assert per["k"] == pytest.approx(1.0)
    assert overall == pytest.approx(0.8591, abs=5e-4)


def _k1995(stretch: float) -> tuple[int, list[list[tuple[int, int, str]]]]:
    # (begin, length, observer, category) of the four pairs of coders A-D.
    units = [(2, 8, 0, "A"), (14, 6, 0, "A"), (4, 4, 1, "A"), (15, 2, 1, "A"),
             (0, 18, 0, "B"), (0, 2, 1, "B"), (2, 1, 1, "B"), (3, 1, 1, "B"), (4, 1, 1, "B"),
             (5, 1, 1, "B"), (6, 3, 1, "B"), (9, 1, 1, "B"),
             (2, 6, 0, "C"), (10, 2, 0, "C"), (14, 4, 0, "C"), (20, 2, 0, "C"), (0, 2, 1, "C"),
             (4, 4, 1, "C"), (10, 4, 1, "C"), (16, 2, 1, "C"), (20, 2, 1, "C"),
             (0, 2, 0, "D"), (2, 8, 0, "D"), (10, 4, 0, "D"), (14, 6, 0, "D"), (20, 4, 0, "D"),
             (0, 4, 1, "D"), (4, 4, 1, "D"), (8, 7, 1, "D"), (15, 2, 1, "D"), (17, 7, 1, "D")]
    observers: list[list[tuple[int, int, str]]] = [[], []]
    for begin, length, who, label in units:
        start = int(begin * stretch)
        observers[who].append((start, start + int(length * stretch), label))
    return int(24 * stretch), observers


def test_unitizing_alpha_krippendorff_1995_example() -> None:
    found = unitizing_disagreements(*_k1995(1))
    observed = {c: d_o for c, (d_o, _) in found.items()}
    assert observed == {
        "A": pytest.approx(0.03125, abs=1e-5), "B": pytest.approx(2.26736, abs=1e-5),
        "C": pytest.approx(0.02777, abs=2e-5), "D": pytest.approx(0.38715, abs=1e-5)}
    assert unitizing_disagreements(*_k1995(0.5))["C"][1] == pytest.approx(0.05494, abs=1e-5)
    # Published alphas for a long continuum (the paper's expected disagreement is approximate).
    _, per = unitizing_alpha(*_k1995(500))
    assert per == {"A": pytest.approx(0.553, abs=0.02), "B": pytest.approx(-0.926, abs=0.02),
                   "C": pytest.approx(0.679, abs=0.02), "D": pytest.approx(0.066, abs=0.02)}


def test_unitizing_distances_match_krippendorff_2004_table() -> None:
    from annotator.agreement import _distance

    assert _distance((225, 295, True), (220, 300, True)) == 50
    assert _distance((370, 400, True), (355, 375, True)) == 850
    assert _distance((400, 450, False), (400, 420, True)) == 400
    assert _distance((5, 11, True), (4, 11, False)) == 36
    assert _distance((5, 11, True), (6, 10, True)) == 2


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 10),
                                   st.sampled_from("ab")), max_size=6), min_size=2, max_size=4))
def test_unitizing_alpha_properties(raw: list[list[tuple[int, int, str]]]) -> None:
    observers = [[(s, min(s + n, 50), label) for s, n, label in spans] for spans in raw]
    if not any(observers):
        return
    overall, per = unitizing_alpha(50, observers)
    again, _ = unitizing_alpha(50, observers[::-1])
    assert overall == pytest.approx(again, nan_ok=True)  # observer order does not matter
    same, _ = unitizing_alpha(50, [observers[0]] * len(observers))
    if observers[0]:
        assert same == pytest.approx(1.0)
    assert all(v <= 1.0 + 1e-9 for v in per.values() if not math.isnan(v))


@st.composite
def corpora(draw: st.DrawFn) -> list[DocumentSets]:
    names = ["a", "b", "c"][: draw(st.integers(2, 3))]
    docs = []
    for number in range(draw(st.integers(1, 4))):
        text = " ".join(f"w{k}" for k in range(draw(st.integers(1, 12))))
        sets = {}
        for name in names:
            if number and draw(st.integers(0, 4)) == 0:
                continue  # this annotator skipped the document
            spans = draw(st.lists(st.tuples(st.integers(0, len(text) - 1), st.integers(1, 6),
                                            st.sampled_from(["PER", "ORG"])), max_size=4))
            sets[name] = [(s, min(s + n, len(text)), label) for s, n, label in spans]
        docs.append(DocumentSets(f"d{number}", text, sets))
    return docs


@settings(max_examples=60, deadline=None)
@given(corpora())
def test_report_alpha_matches_krippendorff_package_on_token_labels(
        docs: list[DocumentSets]) -> None:
    names = list(dict.fromkeys(n for d in docs for n in d.sets))
    if len(names) < 2:
        return
    report = agreement_report(docs)
    codes = {"O": 0, "PER": 1, "ORG": 2}
    rows: list[list[float]] = [[] for _ in names]
    for doc in docs:
        tokens = text_to_tokens(doc.text)
        for row, name in zip(rows, names, strict=True):
            spans = doc.sets.get(name)
            labels = (spans_to_token_labels(tokens, spans) if spans is not None
                      else [None] * len(tokens))
            row.extend(np.nan if v is None else codes[v] for v in labels)
    matrix = np.array(rows, dtype=float)
    pairable = np.sum(~np.isnan(matrix), axis=0) >= 2
    if len(set(matrix[:, pairable][~np.isnan(matrix[:, pairable])].tolist())) < 2:
        assert math.isnan(report.overall.alpha)
        return
    expected = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    assert report.overall.alpha == pytest.approx(expected, abs=1e-9)


def _laid_end_to_end(docs: list[DocumentSets], names: list[str]
                     ) -> tuple[int, list[list[tuple[int, int, str]]]]:
    offset, observers = 0, [[] for _ in names]
    for doc in docs:
        if all(name in doc.sets for name in names):
            for into, name in zip(observers, names, strict=True):
                into.extend((s + offset, e + offset, label) for s, e, label in doc.sets[name])
            offset += len(doc.text)
    return offset, observers


@settings(max_examples=60, deadline=None)
@given(corpora())
@example([DocumentSets("d0", "w0", {"a": [], "b": [(0, 1, "PER")]}),  # two annotators and
          DocumentSets("d1", "w0", {})])                              # a document lacking both
def test_report_unitizing_alpha_equals_direct_computation(docs: list[DocumentSets]) -> None:
    names = list(dict.fromkeys(n for d in docs for n in d.sets))
    if len(names) < 2:
        return
    report = agreement_report(docs)
    for (a, b), figures in report.per_pair.items():
        length, observers = _laid_end_to_end(docs, [a, b])
        expected = unitizing_alpha(length, observers)[0] if length else math.nan
        assert figures.unitizing == pytest.approx(expected, nan_ok=True)
    length, observers = _laid_end_to_end(docs, names)
    expected, per = unitizing_alpha(length, observers) if length else (math.nan, {})
    assert report.overall.unitizing == pytest.approx(expected, nan_ok=True)
    for label, value in per.items():
        assert report.per_label[label].unitizing == pytest.approx(value, nan_ok=True)
