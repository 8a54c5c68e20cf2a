"""Search with Arabic folding: original offsets, against a brute-force reference."""

from __future__ import annotations

import dataclasses

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.search import FoldedText, SearchOptions, find_all, fold, folded_text

SETTINGS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# The foldings, written out independently of annotator.search.
TASHKEEL = (
    {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"}
    | {chr(c) for c in range(0x06D6, 0x06EE)} | {chr(c) for c in range(0x0610, 0x061B)}
    | {chr(c) for c in range(0x08D3, 0x0900)} - {"\u08e2"}
)
FORMAT = set("\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
             "\u061c")


def ref_fold_char(ch: str, o: SearchOptions) -> str:
    if o.ignore_tashkeel and ch in TASHKEEL:
        return ""
    if o.ignore_tatweel and ch == "\u0640":
        return ""
    if o.ignore_format_chars and ch in FORMAT:
        return ""
    if o.fold_alef and ch in "أإآٱ":
        return "ا"
    if o.fold_ya and ch in "ىی":
        return "ي"
    if o.fold_ta_marbuta and ch == "ة":
        return "ه"
    if o.ignore_case and ch.isascii():
        return ch.lower()
    return ch


def ref_fold(text: str, o: SearchOptions) -> str:
    return "".join(ref_fold_char(c, o) for c in text)


def ref_boundaries(text: str) -> set[int]:
    return {0} | {m.end() for m in regex.finditer(r"\X", text)}


def ref_find_all(text: str, query: str, o: SearchOptions) -> list[tuple[int, int]]:
    """Quadratic reference: try every kept position, leftmost first, resume after a match."""
    needle = ref_fold(query, o)
    if not needle:
        return []
    bounds = ref_boundaries(text)
    n, out, i = len(text), [], 0
    while i < n:
        if not ref_fold_char(text[i], o):
            i += 1
            continue
        got, j = "", i
        while j < n and len(got) < len(needle):
            got += ref_fold_char(text[j], o)
            j += 1
        end = j
        while o.ignore_tashkeel and end < n and text[end] in TASHKEEL:
            end += 1
        ok = got == needle and i in bounds and end in bounds
        if ok and o.whole_word:
            before = ref_fold(text[:i], o)[-1:]
            after = ref_fold(text[end:], o)[:1]
            ok = not regex.match(r"\w", before) and not regex.match(r"\w", after)
        if ok:
            out.append((i, end))
            i = end
        else:
            i += 1
    return out


def texts_of(spans: list[tuple[int, int]], text: str) -> list[str]:
    return [text[s:e] for s, e in spans]


# ----------------------------------------------------------------------------- sample article

def test_place_name_occurrences(sample_text: str) -> None:
    spans = find_all(sample_text, "البوكمال")
    assert spans == [(m.start(), m.end()) for m in regex.finditer("البوكمال", sample_text)]
    assert len(spans) == 3
    assert texts_of(spans, sample_text) == ["البوكمال"] * 3


def test_daesh_everywhere_and_as_whole_word(sample_text: str) -> None:
    every = find_all(sample_text, "داعش")
    assert every == [(m.start(), m.end()) for m in regex.finditer("داعش", sample_text)]
    whole = find_all(sample_text, "داعش", SearchOptions(whole_word=True))
    assert whole == [(m.start(), m.end())
                     for m in regex.finditer(r"(?<!\w)داعش(?!\w)", sample_text)]
    assert 0 < len(whole) < len(every)  # "لداعش" at the end is not a whole word


def test_query_with_tashkeel_matches_plain_text(sample_text: str) -> None:
    spans = find_all(sample_text, "البُوكَمَال")
    assert texts_of(spans, sample_text) == ["البوكمال"] * 3
    assert find_all(sample_text, "البُوكَمَال", SearchOptions(ignore_tashkeel=False)) == []


def test_plain_query_matches_text_with_tashkeel(sample_text: str) -> None:
    # The article writes "أكّدت" with a shadda.
    spans = find_all(sample_text, "اكدت")
    assert "أكّدت" in texts_of(spans, sample_text)
    assert all(sample_text[s:e].startswith("أ") for s, e in spans)


def test_alef_forms_fold(sample_text: str) -> None:
    for query in ("إلى", "الى", "ٱلى", "آلى"):
        spans = find_all(sample_text, query)
        assert "إلى" in texts_of(spans, sample_text), query
    unfolded = texts_of(find_all(sample_text, "الى", SearchOptions(fold_alef=False)), sample_text)
    assert not any(t.startswith("إ") for t in unfolded)
    assert find_all(sample_text, "الى", SearchOptions(fold_alef=False, fold_ya=False)) == [
        (m.start(), m.end()) for m in regex.finditer("الى", sample_text)]
    assert find_all("آمنة أمنه", "امنة") == [(0, 4), (5, 9)]
    assert find_all("آمنة أمنه", "امنة", SearchOptions(fold_ta_marbuta=False)) == [(0, 4)]


def test_offsets_are_code_points_after_emoji(sample_text: str) -> None:
    prefix = "😀👍🏽🇸🇾 \u200f\r\n"
    text = prefix + sample_text
    spans = find_all(text, "البوكمال")
    assert texts_of(spans, text) == ["البوكمال"] * 3
    shift = len(prefix)
    assert [(s - shift, e - shift) for s, e in spans] == find_all(sample_text, "البوكمال")


# ----------------------------------------------------------------------------- span rules

def test_match_covers_the_last_letters_marks_but_not_what_hangs_outside() -> None:
    text = "كَتَبَ"
    assert find_all(text, "كتب") == [(0, 6)]
    text = "\u200fـكَتَـبَـ"
    spans = find_all(text, "كتب")
    assert texts_of(spans, text) == ["كَتَـبَ"]  # inner tatweel in, outer tatweel/RLM out
    assert find_all(text, "كتب", SearchOptions(ignore_tatweel=False)) == []


def test_significant_tashkeel_never_splits_a_letter_from_its_marks() -> None:
    strict = SearchOptions(ignore_tashkeel=False)
    assert find_all("كَتَبَ", "كتب", strict) == []
    assert find_all("كَتَبَ كتب", "كتب", strict) == [(7, 10)]
    assert find_all("كَتَبَ", "كَتَبَ", strict) == [(0, 6)]
    assert find_all("كَتَبَ", "كَتَب", strict) == []


def test_emoji_sequences_are_not_split() -> None:
    family = "👨\u200d👩\u200d👧"
    assert find_all(f"أ {family} ب", "👨") == []
    assert find_all(f"أ {family} ب", family) == [(2, 7)]
    assert find_all("👍🏽 👍", "👍") == [(3, 4)]


def test_latin_case_and_empty_queries() -> None:
    text = "Email EMAIL email"
    assert len(find_all(text, "eMaIl")) == 3
    assert find_all(text, "email", SearchOptions(ignore_case=False)) == [(12, 17)]
    assert find_all(text, "") == []
    assert find_all("كَتَبَ", "\u064e\u0640") == []  # folds to nothing


def test_non_overlapping_left_to_right() -> None:
    assert find_all("ااااا", "اا") == [(0, 2), (2, 4)]
    assert find_all("أاآا", "اا") == [(0, 2), (2, 4)]


def test_folded_text_is_reused_and_maps_offsets() -> None:
    text = "كَتَبَ الوَلَدُ"
    folded = FoldedText(text)
    assert folded.folded == "كتب الولد"
    assert [folded.original_index(i) for i in range(len(folded.folded))] == [
        0, 2, 4, 6, 7, 8, 9, 11, 13]
    assert folded.find_all("الولد") == [(7, 15)]
    assert folded.text is text
    options = SearchOptions(whole_word=True)
    assert folded_text(text, options) is folded_text(text, options)
    assert fold("أَحْمَد") == "احمد"


def test_options_are_a_dataclass_the_ui_can_build_from_flags() -> None:
    names = {f.name for f in dataclasses.fields(SearchOptions)}
    assert names == {"ignore_tashkeel", "ignore_tatweel", "fold_alef", "fold_ya",
                     "fold_ta_marbuta", "ignore_case", "whole_word", "ignore_format_chars"}
    assert SearchOptions().ignore_format_chars is True
    with pytest.raises(dataclasses.FrozenInstanceError):
        SearchOptions().whole_word = True  # type: ignore[misc]


def test_large_text_across_fold_blocks(sample_text: str) -> None:
    # Vocalised filler puts deletions on both sides of every 4096-character block edge.
    filler = "وَقَالَ ـ\u200f "
    text = (filler * 37 + sample_text) * 40
    spans = find_all(text, "البوكمال")
    assert len(spans) == 3 * 40
    assert set(texts_of(spans, text)) == {"البوكمال"}
    head = FoldedText(text[:20_000])
    kept = [i for i, c in enumerate(text[:20_000]) if ref_fold_char(c, SearchOptions())]
    assert [head.original_index(i) for i in range(len(head.folded))] == kept
    qala = find_all(text, "قال")
    assert qala == ref_find_all(text, "قال", SearchOptions())
    assert set(texts_of(qala, text)) >= {"قَالَ"}


# ----------------------------------------------------------------------------- properties

ALPHABET = ["ا", "أ", "إ", "آ", "ٱ", "ب", "ك", "ت", "ي", "ى", "ة", "ه", "ل", "و",
            "\u064e", "\u0650", "\u0651", "\u0652", "\u064b", "\u0670", "\u06e1", "\u0640",
            " ", "\u200f", "\u200d", "A", "a", "😀", "👍🏽"]
small_texts = st.lists(st.sampled_from(ALPHABET), max_size=30).map("".join)
options = st.builds(SearchOptions, *(st.booleans() for _ in range(8)))


@st.composite
def text_query_options(draw):
    text = draw(small_texts)
    if text and draw(st.booleans()):
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, min(len(text), a + 6)))
        query = text[a:b]
    else:
        query = draw(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=4).map("".join))
    return text, query, draw(options)


@SETTINGS
@given(text_query_options())
def test_matches_equal_the_brute_force_reference(case) -> None:
    text, query, opts = case
    assert find_all(text, query, opts) == ref_find_all(text, query, opts)


@SETTINGS
@given(text_query_options())
def test_every_match_folds_to_the_query(case) -> None:
    text, query, opts = case
    spans = find_all(text, query, opts)
    bounds = ref_boundaries(text)
    last_end = 0
    for s, e in spans:
        assert last_end <= s < e <= len(text)
        assert ref_fold(text[s:e], opts) == ref_fold(query, opts)
        assert ref_fold_char(text[s], opts)  # starts on a character the search sees
        assert s in bounds and e in bounds
        last_end = e


@SETTINGS
@given(small_texts, options)
def test_folding_maps_every_folded_character_back(text: str, opts: SearchOptions) -> None:
    folded = FoldedText(text, opts)
    assert folded.folded == ref_fold(text, opts)
    positions = [folded.original_index(i) for i in range(len(folded.folded))]
    assert positions == [i for i, c in enumerate(text) if ref_fold_char(c, opts)]


@SETTINGS
@given(small_texts, options, st.randoms())
def test_folded_marks_are_those_of_each_folded_characters_original(
        text: str, opts: SearchOptions, rnd) -> None:
    folded = FoldedText(text, opts)
    marks = bytes(rnd.randrange(3) for _ in text)
    assert folded.folded_marks(marks) == bytes(
        marks[folded.original_index(i)] for i in range(len(folded.folded)))


def test_folded_marks_across_fold_blocks(sample_text: str) -> None:
    text = ("وَقَالَ ـ\u200f " * 37 + sample_text) * 3
    folded = FoldedText(text)
    marks = bytes(i % 7 for i in range(len(text)))
    assert folded.folded_marks(marks) == bytes(
        marks[folded.original_index(i)] for i in range(len(folded.folded)))
