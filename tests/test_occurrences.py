"""Finding every occurrence of a string for "annotate all occurrences", without Qt."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.align import is_grapheme_boundary
from annotator.model import Document
from annotator.occurrences import (
    annotation_changes,
    clashes,
    context_of,
    find_occurrences,
    find_occurrences_of_many,
    occurrences,
)
from annotator.search import SearchOptions, find_all, fold
from annotator.tagset import default_tagset
from annotator.tei import load_tei
from annotator.tokenize import is_proclitic_prefix

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TEI = ROOT / "seeds" / "000_2ce8f3876ecb932f.tei.xml"

TEXT = ("👍 قال وزير خارجية لبنان إن لبنان لن يقبل.\n"
        "وفي بيروت، أكّد مسؤول أن لبنان ملتزم بالاتفاق وأن جنوب لبنان آمن.")


def texts_of(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_whole_words_as_code_point_spans() -> None:
    spans = find_occurrences(TEXT, "لبنان")
    assert len(spans) == 4
    assert texts_of(TEXT, spans) == ["لبنان"] * 4
    assert spans[0][0] == TEXT.index("لبنان")  # after the astral 👍: code points, not UTF-16
    assert find_occurrences(TEXT, "") == []
    assert find_occurrences(TEXT, "\u064e") == []  # a needle that folds to nothing


def test_attached_proclitics_stay_outside_the_span() -> None:
    text = "ولبنان وبلبنان للبنان فلبنان ولِلبنان لـلبنان لبنان"
    spans = find_occurrences(text, "لبنان")
    assert texts_of(text, spans) == ["لبنان"] * 7
    # The article and the article after a preposition (ال, وال, بال, لل) count too.
    text = "البيان والبيان بالبيان للبيان بيان"
    assert texts_of(text, find_occurrences(text, "بيان")) == ["بيان"] * 5
    assert texts_of(text, find_occurrences(text, "البيان")) == ["البيان"] * 3


def test_not_inside_other_words() -> None:
    text = "لبنانية اللبنانيون جبلبنان مستلبنان 2لبنان لبنان_x"
    assert find_occurrences(text, "لبنان") == []
    assert find_occurrences("aaaa", "aa") == []
    assert find_occurrences("aa aa", "aa") == [(0, 2), (3, 5)]


def test_folding_as_in_search() -> None:
    text = "لبنانَ لبـنان إلى الى مدرسة مدرسه Beirut BEIRUT"
    assert texts_of(text, find_occurrences(text, "لبنان")) == ["لبنانَ", "لبـنان"]
    assert texts_of(text, find_occurrences(text, "الى")) == ["إلى", "الى"]
    assert texts_of(text, find_occurrences(text, "مدرسة")) == ["مدرسة", "مدرسه"]
    assert texts_of(text, find_occurrences(text, "beirut")) == ["Beirut", "BEIRUT"]
    strict = SearchOptions(fold_ta_marbuta=False, ignore_case=False)
    assert texts_of(text, find_occurrences(text, "مدرسة", strict)) == ["مدرسة"]
    assert texts_of(text, find_occurrences(text, "beirut", strict)) == []


def test_needle_edges_that_are_not_letters() -> None:
    text = "قال (د.ب.أ) و«البيان» و(د.ب.أ)"
    assert texts_of(text, find_occurrences(text, "(د.ب.أ)")) == ["(د.ب.أ)"] * 2
    assert texts_of(text, find_occurrences(text, "«البيان»")) == ["«البيان»"]


def test_never_splits_a_grapheme() -> None:
    text = "👍🏽 كتبَ 👍"
    assert find_occurrences(text, "👍") == [(len(text) - 1, len(text))]
    assert find_occurrences(text, "كتب", SearchOptions(ignore_tashkeel=False)) == []


def test_the_sample_article() -> None:
    document = load_tei(SAMPLE_TEI)
    text = document.text
    found = texts_of(text, find_occurrences(text, "تنظيم"))
    assert len(found) == 11 and set(found) == {"تنظيم"}
    # «البيان» after a detached لـ, and قيادات after ل and ال.
    assert len(find_occurrences(text, "البيان")) == 4
    spans = find_occurrences(text, "قيادات")
    assert [text[start - 1] for start, _ in spans].count("ل") == 2
    # Every annotation of the sample is found again from its own text.
    for annotation in document.annotations:
        needle = text[annotation.start:annotation.end]
        assert (annotation.start, annotation.end) in find_occurrences(text, needle)


ARABIC = "وفبلكالقسدينمرت"
SKIPPED = "\u064e\u0650\u0651\u0640"  # harakat and tatweel: folded away
SEPARATORS = " «»،\n"
alphabet = st.sampled_from([*ARABIC, *SKIPPED, *SEPARATORS, " ", "a", "A"])


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=alphabet, max_size=80),
       needle=st.text(alphabet=st.sampled_from([*ARABIC, "a"]), min_size=1, max_size=4))
def test_occurrences_are_folded_matches_at_word_edges(text: str, needle: str) -> None:
    spans = find_occurrences(text, needle)
    assert spans == sorted(spans)
    assert all(end <= start for (_, end), (start, _) in pairwise(spans))
    for start, end in spans:
        assert is_grapheme_boundary(text, start) and is_grapheme_boundary(text, end)
        assert fold(text[start:end]) == fold(needle)
        # Before it in its word: proclitics only; after it: nothing but what folds away.
        word_start, word_end = start, end
        while word_start > 0 and text[word_start - 1] not in SEPARATORS:
            word_start -= 1
        while word_end < len(text) and text[word_end] not in SEPARATORS:
            word_end += 1
        prefix = fold(text[word_start:start])
        assert prefix == "" or is_proclitic_prefix(prefix)
        assert fold(text[end:word_end]) == ""
    # Whole-word search finds a subset: occurrences only add words behind proclitics.
    assert set(find_all(text, needle, SearchOptions(whole_word=True))) <= set(spans)


def test_context_stays_on_the_line_and_is_short() -> None:
    start = TEXT.index("لبنان")
    before, after = context_of(TEXT, start, start + 5, words=2)
    assert before == "… وزير خارجية "
    assert after == " إن لبنان …"
    second_line = TEXT.index("بيروت")
    before, _ = context_of(TEXT, second_line, second_line + 5, words=4)
    assert "\n" not in before and before == "وفي "
    listed = occurrences(Document("d1", TEXT), find_occurrences(TEXT, "لبنان"), words=1)
    assert [(o.before, o.after) for o in listed[:2]] == [("… خارجية ", " إن …"),
                                                        ("… إن ", " لن …")]


def test_clashes_and_changes() -> None:
    document = Document("d1", TEXT)
    tagset = default_tagset()
    spans = find_occurrences(TEXT, "لبنان")
    south = TEXT.index("جنوب لبنان")
    document.annotate(south, south + len("جنوب لبنان"), "GPE", annotator="omar")
    assert [clashes(document, s, e, "GPE") for s, e in spans] == [False, False, False, True]
    assert not any(clashes(document, s, e, "LOC") for s, e in spans)
    changes = annotation_changes(document, spans[:3], "GPE", annotator="layla", tagset=tagset)
    assert len(document.annotations) == 1  # built, not applied
    for change in changes:
        change.apply(document)
    made = [a for a in document.annotations.sorted() if a.annotator == "layla"]
    assert [(a.start, a.end, a.label) for a in made] == [(s, e, "GPE") for s, e in spans[:3]]
    assert len({a.id for a in document.annotations}) == 4


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=alphabet, max_size=80),
       needles=st.lists(st.text(alphabet=st.sampled_from([*ARABIC, *SKIPPED, " ", "«", "a"]),
                                min_size=1, max_size=6), max_size=6),
       tashkeel=st.booleans())
def test_occurrences_of_many_needles_are_each_needles_occurrences(
        text: str, needles: list[str], tashkeel: bool) -> None:
    """Differential: one pass for many needles finds what find_occurrences finds for each."""
    options = SearchOptions(ignore_tashkeel=tashkeel, ignore_tatweel=tashkeel)
    found = find_occurrences_of_many(text, needles, options)
    for needle in needles:
        if fold(needle, options):
            assert found[needle] == find_occurrences(text, needle, options), needle
