"""Word selection that knows Arabic proclitics: double-click, keyboard steps, the toggle key."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.word_selection import step_by_word, toggle_proclitics, word_selection

TEXT = ("قال إن لقوات الأمن دوراً. وأكدت قوات الجيش في بغداد ولبنان والبوكمال "
        "أن وزير الخارجية زار البوكمال وبِالقُوَّاتِ")


def picked(text: str, word: str, mode: str = "particles", nth: int = 0) -> str:
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    span = word_selection(text, at + len(word) - 1, mode)  # type: ignore[arg-type]
    assert span is not None
    return text[span[0]:span[1]]


def test_double_click_leaves_out_a_proclitic_whose_stem_stands_alone() -> None:
    assert picked(TEXT, "لقوات") == "قوات"  # قوات stands alone in the text


def test_names_that_start_with_proclitic_letters_stay_whole() -> None:
    assert picked(TEXT, "بغداد") == "بغداد"  # غداد is no word of the text
    assert picked(TEXT, "وزير") == "وزير"
    assert picked(TEXT, "ولبنان") == "ولبنان"  # لبنان never stands alone here


def test_the_article_follows_the_preference() -> None:
    assert picked(TEXT, "والبوكمال", "particles") == "البوكمال"  # stands alone later on
    assert picked(TEXT, "والبوكمال", "all") == "البوكمال"  # بوكمال does not
    assert picked(TEXT + " في بوكمال", "والبوكمال", "all") == "بوكمال"
    assert picked(TEXT, "لقوات", "none") == "لقوات"


def test_folding_counts_a_vocalised_stem_as_the_same_word() -> None:
    # بِالقُوَّاتِ: with "all", the stem قُوَّاتِ matches قوات (tashkeel folded).
    assert picked(TEXT, "وبِالقُوَّاتِ", "all") == "قُوَّاتِ"


def test_toggle_leaves_out_then_puts_back() -> None:
    start = TEXT.index("ولبنان")
    end = start + len("ولبنان")
    stripped = toggle_proclitics(TEXT, start, end)
    assert stripped is not None and TEXT[stripped[0]:end] == "لبنان"  # the shortest prefix
    assert toggle_proclitics(TEXT, *stripped) == (start, end)
    plain = TEXT.index("الجيش")
    assert toggle_proclitics(TEXT, plain, plain + 5) is None


def test_keyboard_steps_forward_leave_out_the_first_proclitic() -> None:
    at = TEXT.index("لقوات")
    anchor, position = step_by_word(TEXT, at, at, True)
    assert TEXT[anchor:position] == "قوات"
    anchor, position = step_by_word(TEXT, anchor, position, True)
    assert TEXT[anchor:position] == "قوات الأمن"


def test_keyboard_steps_backward_never_stick_at_a_stem() -> None:
    end = TEXT.index("الأمن") + len("الأمن")
    anchor, position = step_by_word(TEXT, end, end, False)
    assert TEXT[position:anchor] == "الأمن"
    anchor, position = step_by_word(TEXT, anchor, position, False)
    assert TEXT[position:anchor] == "قوات الأمن"
    anchor, position = step_by_word(TEXT, anchor, position, False)
    assert TEXT[position:anchor] == "إن لقوات الأمن"


@given(st.text(alphabet="ولبكفالقوات بغد«»ـَ.", max_size=30), st.integers(0, 30))
def test_selections_are_words_and_the_toggle_undoes_itself(text: str, position: int) -> None:
    span = word_selection(text, min(position, len(text)))
    if span is None:
        return
    start, end = span
    assert 0 <= start < end <= len(text)
    stripped = toggle_proclitics(text, start, end)
    if stripped is not None and stripped[0] > start:
        assert start < stripped[0] < end
        assert toggle_proclitics(text, *stripped) == (start, end)


def test_keyboard_steps_back_shrink_a_forward_selection_to_word_ends() -> None:
    at = TEXT.index("لقوات")
    anchor, position = step_by_word(TEXT, at, at, True)
    anchor, position = step_by_word(TEXT, anchor, position, True)
    anchor, position = step_by_word(TEXT, anchor, position, False)
    assert TEXT[anchor:position] == "قوات"
    assert step_by_word(TEXT, anchor, position, False) == (anchor, anchor)
