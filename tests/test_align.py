"""Span snapping: graphemes (against a whole-text ``\\X`` segmentation), words, proclitics."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.align import (
    ALIGN_MODES,
    align_span,
    grapheme_boundaries,
    grapheme_ceil,
    grapheme_floor,
    is_grapheme_boundary,
    next_grapheme_boundary,
    next_word_boundary,
    word_at,
)
from annotator.errors import SpanError

SETTINGS = settings(max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def ref_boundaries(text: str) -> list[int]:
    """Every cluster boundary, segmenting the whole text at once (the reference)."""
    return [0] + [m.end() for m in regex.finditer(r"\X", text)]


def sub(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0]:span[1]]


def select(text: str, needle: str, occurrence: int = 0, *, lead: int = 0, trail: int = 0,
           **kwargs) -> str | None:
    """Align the selection of ``needle`` (its n-th occurrence) widened by ``lead``/``trail``."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(needle, at + 1)
    return sub(text, align_span(text, at - lead, at + len(needle) + trail, **kwargs))


# ----------------------------------------------------------------------------- concrete: Arabic

def test_rough_selection_inside_clitic_and_quotes_gives_the_name(sample_text: str) -> None:
    at = sample_text.index("لـ«البيان»")
    name = at + len("لـ«")
    for start, end in [(name, name + 6), (name + 1, name + 5), (name - 1, name + 7),
                       (name - 2, name + 4), (at + 1, name + 3), (at, name + 6)]:
        assert sub(sample_text, align_span(sample_text, start, end)) == "البيان", (start, end)


@pytest.mark.parametrize("occurrence", [0, 1, 2])
def test_whole_token_with_clitic_quotes_and_comma_gives_the_name(sample_text: str,
                                                                 occurrence: int) -> None:
    # The three occurrences are followed by ":" and by "،" (Arabic comma).
    starts = [m.start() for m in regex.finditer("لـ«البيان»", sample_text)]
    at = starts[occurrence]
    token_end = at + len("لـ«البيان»") + 1
    assert sample_text[token_end - 1] in ":،"
    assert sub(sample_text, align_span(sample_text, at, token_end)) == "البيان"
    assert sub(sample_text, align_span(sample_text, at, token_end, mode="contract")) == "البيان"
    # Taking the spaces around it too changes nothing.
    assert sub(sample_text, align_span(sample_text, at - 1, token_end + 1)) == "البيان"


def test_clitic_rules_can_be_switched_off(sample_text: str) -> None:
    at = sample_text.index("لـ«البيان»،")
    end = at + len("لـ«البيان»،")
    assert sub(sample_text, align_span(sample_text, at, end, proclitics="none")) == "لـ«البيان"
    kept = sub(sample_text, align_span(sample_text, at, end, strip_punctuation=False))
    assert kept == "«البيان»،"


def test_conjunction_before_quote_is_dropped() -> None:
    text = "قالت مصادر و«قسد» تتأهب"
    assert select(text, "و«قسد»") == "قسد"
    assert select(text, "و«قسد", lead=1) == "قسد"


def test_selection_from_inside_proclitics_strips_them_by_mode() -> None:
    text = "وصلت القوات والبوكمال أمس"
    at = text.index("والبوكمال")
    end = at + len("والبوكمال")
    for start in (at + 1, at + 2):
        assert sub(text, align_span(text, start, end)) == "البوكمال"
        assert sub(text, align_span(text, start, end, proclitics="all")) == "بوكمال"
        assert sub(text, align_span(text, start, end, proclitics="none")) == "والبوكمال"
    # The whole word selected keeps its و: it may belong to the word.
    assert sub(text, align_span(text, at, end)) == "والبوكمال"
    assert sub(text, align_span(text, at, end, proclitics="all")) == "والبوكمال"


def test_word_starting_with_waw_is_kept_when_selected_whole() -> None:
    text = "قال وزير الدفاع إن الولد"
    assert select(text, "وزير") == "وزير"
    assert select(text, "وزير", lead=1) == "وزير"
    assert select(text, "الولد") == "الولد"
    assert select(text, "الولد", proclitics="all") == "الولد"


def test_selection_ending_mid_word_expands_to_word_end() -> None:
    text = "قال وزير الدفاع إن"
    at = text.index("وزير")
    assert sub(text, align_span(text, at, at + 2)) == "وزير"
    assert sub(text, align_span(text, at, text.index("الدفاع") + 3)) == "وزير الدفاع"


def test_selection_over_several_words_keeps_inner_words(sample_text: str) -> None:
    phrase = "قوات سوريا الديمقراطية"
    at = sample_text.index(phrase)
    # Start mid-"قوات", end mid-"الديمقراطية": expand keeps all three words intact.
    assert sub(sample_text, align_span(sample_text, at + 2, at + len(phrase) - 3)) == phrase
    # Contract drops the two partial words and keeps the inner one.
    assert sub(sample_text, align_span(sample_text, at + 2, at + len(phrase) - 3,
                                       mode="contract")) == "سوريا"


def test_inner_punctuation_stays_edges_are_trimmed(sample_text: str) -> None:
    phrase = "«قسد» تتأهب لآخر المعارك"
    at = sample_text.index(phrase)
    aligned = align_span(sample_text, at, at + len(phrase))
    assert sub(sample_text, aligned) == "قسد» تتأهب لآخر المعارك"
    quoted = sample_text.index("قيادات «داعش» غادرت")
    assert select(sample_text, "«داعش» ") == "داعش"
    assert sub(sample_text, align_span(sample_text, quoted, quoted + 19)) == "قيادات «داعش» غادرت"


def test_trims_tatweel_and_all_listed_marks() -> None:
    marks = "«»\"'“”‘’()[]{}،؛؟.,:;!?-–—…\u0640"
    for mark in marks:
        text = f"{mark}كلمة{mark} {mark}"
        assert sub(text, align_span(text, 0, len(text))) == "كلمة", repr(mark)
        assert sub(text, align_span(text, 0, len(text), mode="grapheme")) == text


def test_kept_punctuation_and_numbers() -> None:
    text = "ارتفع 34.3% و1,000 دولار"
    assert select(text, "34.3%") == "34.3%"
    assert select(text, "4.") == "34.3"
    assert select(text, "1,0") == "1,000"
    # Starting after the و strips it; starting on it keeps it (و may belong to the word).
    assert select(text, "1,000") == "1,000"
    assert select(text, "1,000", lead=1) == "و1,000"


def test_only_punctuation_or_space_gives_none() -> None:
    text = "كلمة «» ، كلمة"
    at = text.index("«»")
    assert align_span(text, at, at + 5) is None
    assert align_span(text, at, at + 5, mode="contract") is None
    assert align_span(text, 2, 2) is None
    assert align_span(text, 1, 3, mode="contract") is None  # inside one word


def test_clitic_alone_is_not_stripped_to_nothing() -> None:
    text = "مصادر لـ«البيان»"
    at = text.index("لـ")
    assert sub(text, align_span(text, at, at + 2)) == "ل"
    assert sub(text, align_span(text, at, at + 3)) == "ل"
    short = "ولد"
    assert sub(short, align_span(short, 0, 3, proclitics="all")) == "ولد"
    # From inside: "ول" would leave one letter, so only "و" goes.
    assert sub(short, align_span(short, 2, 3, proclitics="all")) == "لد"


def test_harakat_stay_with_their_letters() -> None:
    text = "كَتَّبَ الدَّرْسَ"
    # A selection ending between ب and its fatha.
    cut = text.index("بَ") + 1
    assert align_span(text, 0, cut, mode="strict") is None
    assert sub(text, align_span(text, 0, cut, mode="grapheme")) == "كَتَّبَ"
    assert sub(text, align_span(text, 1, 3, mode="grapheme")) == "كَتَّ"
    # Starting inside the first cluster is starting at the word: ك is not taken as a clitic.
    assert sub(text, align_span(text, 1, 3)) == "كَتَّبَ"
    assert align_span(text, 0, 2, mode="strict") == (0, 2)


def test_emoji_sequences_flags_and_skin_tones_are_never_split() -> None:
    family = "👨\u200d👩\u200d👧"
    text = f"أ {family} 🇸🇾🇮🇶 👍🏽 ❤\ufe0f ب"
    fam = text.index(family)
    assert align_span(text, fam, fam + 3, mode="grapheme") == (fam, fam + len(family))
    flags = text.index("🇸🇾")
    assert align_span(text, flags + 1, flags + 3, mode="grapheme") == (flags, flags + 4)
    assert align_span(text, flags + 1, flags + 3, mode="strict") is None
    thumb = text.index("👍")
    assert align_span(text, thumb, thumb + 1, mode="grapheme") == (thumb, thumb + 2)
    heart = text.index("❤")
    assert align_span(text, heart, heart + 1, mode="grapheme") == (heart, heart + 2)
    assert grapheme_boundaries(text, 0, len(text)) == ref_boundaries(text)


def test_long_runs_that_need_context_far_back() -> None:
    # Regional indicators pair up from the start of their run: no local window decides it.
    flags = "🇸🇾" * 300
    text = "أ" + flags + "ب"
    for pos in (1, 2, 3, 301, 302, 599, 600, 601):
        assert is_grapheme_boundary(text, pos) == ((pos - 1) % 2 == 0), pos
    marks = "ا" + "\u064e" * 500 + "ب"
    assert grapheme_floor(marks, 250) == 0
    assert grapheme_ceil(marks, 250) == 501


def test_word_at(sample_text: str) -> None:
    at = sample_text.index("لـ«البيان»")
    assert sub(sample_text, word_at(sample_text, at + 5)) == "البيان"
    assert sub(sample_text, word_at(sample_text, at)) == "لـ"
    assert sub(sample_text, word_at(sample_text, at + 2)) == "لـ"  # caret at the word's end
    text = "كلمة ، «أخرى»"
    assert word_at(text, 5) is None
    assert word_at(text, 7) is None
    assert word_at(text, 8) == (8, 12)
    assert word_at(text, 12) == (8, 12)
    assert word_at("", 0) is None
    assert sub(text, word_at(text, len(text) - 1)) == "أخرى"


def test_next_word_boundary() -> None:
    text = "قال وزير، الدفاع"
    starts_ends = [0, 3, 4, 8, 10, 16]
    pos, seen = 0, []
    while pos < len(text):
        pos = next_word_boundary(text, pos, True)
        seen.append(pos)
    assert seen == starts_ends[1:]
    pos, seen = len(text), []
    while pos > 0:
        pos = next_word_boundary(text, pos, False)
        seen.append(pos)
    assert seen == starts_ends[-2::-1]
    assert next_word_boundary(text, 1, True) == 3
    assert next_word_boundary(text, 1, False) == 0


def test_next_grapheme_boundary() -> None:
    text = "كَتَبَ 🇸🇾"
    assert next_grapheme_boundary(text, 0, True) == 2
    assert next_grapheme_boundary(text, 1, True) == 2
    assert next_grapheme_boundary(text, 2, False) == 0
    assert next_grapheme_boundary(text, 1, False) == 0
    assert next_grapheme_boundary(text, len(text), True) == len(text)
    assert next_grapheme_boundary(text, 0, False) == 0
    assert next_grapheme_boundary(text, 7, True) == 9  # a flag is two code points
    assert next_grapheme_boundary(text, 8, True) == 9
    assert next_grapheme_boundary(text, 8, False) == 7


@pytest.mark.parametrize("call", [
    lambda: align_span("abc", -1, 2),
    lambda: align_span("abc", 0, 4),
    lambda: align_span("abc", 2, 1),
    lambda: align_span("abc", 0, 1, mode="word"),
    lambda: align_span("abc", 0, 1, proclitics="some"),
    lambda: word_at("abc", 4),
    lambda: next_grapheme_boundary("abc", 5, True),
    lambda: grapheme_boundaries("abc", 2, 1),
])
def test_bad_offsets_and_modes_raise_span_error(call) -> None:
    with pytest.raises(SpanError):
        call()


def test_text_is_never_changed(sample_text: str) -> None:
    before = str(sample_text)
    for mode in ALIGN_MODES:
        align_span(sample_text, 10, 200, mode=mode)
    assert sample_text == before


# ----------------------------------------------------------------------------- properties

PIECES = [
    "و", "ف", "ب", "ل", "ك", "ا", "ل", "ز", "ي", "ر", "د", "ة", "أ", "ى", "س",
    "\u064e", "\u064b", "\u0651\u064e", "\u0670", "\u0640",
    " ", " ", " ", "\n", "\r\n", "\t",
    "«", "»", "،", ".", ":", "(", ")", "\"", "-", "…", "%", "+",
    "\u200f", "\u200c",
    "1", "2", "٣",
    "a", "B",
    "👨\u200d👩\u200d👧", "🇸🇾", "🇸", "👍🏽", "❤\ufe0f", "\u0301",
    "क्ष", "က\u1039က", "\u17d2", "한", "\u1100\u1161", "\u0600", "\u06dd", "\r", "\u200d", "\ufeff",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@st.composite
def text_and_span(draw):
    text = draw(texts)
    a = draw(st.integers(0, len(text)))
    b = draw(st.integers(0, len(text)))
    return text, min(a, b), max(a, b)


MODES = st.sampled_from(ALIGN_MODES)
CLITICS = st.sampled_from(("particles", "all", "none"))


@SETTINGS
@given(texts)
def test_local_segmentation_equals_whole_text_segmentation(text: str) -> None:
    ref = ref_boundaries(text)
    assert grapheme_boundaries(text, 0, len(text)) == ref
    refset = set(ref)
    for pos in range(len(text) + 1):
        assert is_grapheme_boundary(text, pos) == (pos in refset)
        assert grapheme_floor(text, pos) == max(b for b in ref if b <= pos)
        assert grapheme_ceil(text, pos) == min(b for b in ref if b >= pos)
        assert next_grapheme_boundary(text, pos, True) == min(
            [b for b in ref if b > pos], default=len(text))
        assert next_grapheme_boundary(text, pos, False) == max(
            [b for b in ref if b < pos], default=0)


@SETTINGS
@given(text_and_span(), MODES, CLITICS, st.booleans())
def test_aligned_spans_are_valid_non_empty_and_on_grapheme_boundaries(
        case, mode, clitics, strip) -> None:
    text, start, end = case
    result = align_span(text, start, end, mode, proclitics=clitics, strip_punctuation=strip)
    refset = set(ref_boundaries(text))
    if mode == "strict":
        expected = (start, end) if start < end and {start, end} <= refset else None
        assert result == expected
        return
    if result is None:
        return
    s, e = result
    assert 0 <= s < e <= len(text)
    assert s in refset and e in refset
    if mode == "grapheme":
        assert s <= start < end <= e
        assert not any(s < b <= start or end <= b < e for b in refset)
    if mode == "contract":
        assert start <= s < e <= end


@SETTINGS
@given(text_and_span(), MODES, CLITICS, st.booleans())
def test_alignment_is_idempotent(case, mode, clitics, strip) -> None:
    text, start, end = case
    result = align_span(text, start, end, mode, proclitics=clitics, strip_punctuation=strip)
    if result is not None:
        again = align_span(text, *result, mode, proclitics=clitics, strip_punctuation=strip)
        assert again == result


def _is_letter_or_digit(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LN" and ch != "\u0640"


CLITIC_MATERIAL = set("وفبلكا\u0640") | set("«»\"'“”‘’()[]{}،؛؟.,:;!?-–—…")


def _clitic_material(skipped: str) -> bool:
    """Proclitic letters, their harakat, and the quotes, spaces or controls after them."""
    return all(c in CLITIC_MATERIAL or unicodedata.category(c)[0] in "MZC"
               for c in skipped)


@SETTINGS
@given(text_and_span(), CLITICS)
def test_expand_keeps_every_letter_of_the_selection(case, clitics) -> None:
    text, start, end = case
    result = align_span(text, start, end, "expand", proclitics=clitics)
    letters = [p for p in range(start, end) if _is_letter_or_digit(text[p])]
    if result is None:
        assert not letters
        return
    s, e = result
    for p in letters:
        assert p < e
        if p < s:
            # Only stripped proclitics (and the marks, quotes, spaces after them) lie before.
            assert clitics != "none"
            assert _clitic_material(text[p:s]), text[p:s]


@SETTINGS
@given(text_and_span())
def test_expand_contains_contract(case) -> None:
    text, start, end = case
    wide = align_span(text, start, end, "expand")
    narrow = align_span(text, start, end, "contract")
    if narrow is not None:
        assert wide is not None
        assert narrow[1] <= wide[1]
        # Expand may drop a detached clitic that contract keeps when its host is cut off
        # ("و«قسد" contracts to "و", expands to "قسد").
        assert wide[0] <= narrow[0] or _clitic_material(text[narrow[0]:wide[0]])


@SETTINGS
@given(texts, st.data())
def test_word_navigation_agrees_with_word_at(text: str, data) -> None:
    pos = data.draw(st.integers(0, len(text)))
    word = word_at(text, pos)
    if word is not None:
        s, e = word
        # A position inside a cluster stands for the cluster's start.
        assert s <= grapheme_floor(text, pos) <= e and s < e
        assert s in set(ref_boundaries(text)) and e in set(ref_boundaries(text))
        # The word's edges are word boundaries: navigation stops there.
        if s < pos:
            assert next_word_boundary(text, pos, False) >= s
        if pos < e:
            assert next_word_boundary(text, pos, True) <= e
    fwd = next_word_boundary(text, pos, True)
    back = next_word_boundary(text, pos, False)
    assert (pos < fwd <= len(text)) or fwd == pos == len(text)
    assert (0 <= back < pos) or back == pos == 0


RI_HEAVY = st.lists(st.sampled_from(["🇸", "🇾", "🇸", "🇾", "a", "\u0600", "\u200d", "\u0301",
                                     " ", "\r", "\n", "👍"]), max_size=40).map("".join)


@SETTINGS
@given(RI_HEAVY, st.data())
def test_flag_runs_pair_up_from_the_start_of_the_run(text: str, data) -> None:
    # Runs of regional indicators are segmented by parity, not by regex's \X (quadratic there).
    ref = ref_boundaries(text)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert grapheme_boundaries(text, a, b) == [x for x in ref if a <= x <= b]
    assert grapheme_floor(text, b) == max(x for x in ref if x <= b)
    assert grapheme_ceil(text, a) == min(x for x in ref if x >= a)
