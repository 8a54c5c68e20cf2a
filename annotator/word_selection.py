"""Selecting words the way an annotator means them, and the one rule for attached proclitics.

A double-click or a keyboard selection by word picks whole words, and leaves out the attached
proclitics of the annotator's preference (``particles``: و ف ب ل ك; ``all``: also ال, لل)
when the word without them is a word of this text: ``لقوات`` gives ``قوات`` where ``قوات``
stands alone somewhere, while ``بغداد`` and ``لبنان`` stay whole (``غداد`` and ``بنان`` are not
words of the text).  "A word of the text" is one of :func:`text_words`: the folded ``punct``
tokens, so the search's folding decides (tashkeel, alef forms…).  The recommenders apply the
same rule (:func:`stem_start`) with the words of the whole document; a click looks at
:data:`ATTESTATION_WINDOW` characters on each side, so it stays instant on a 5 MB article.
:func:`toggle_proclitics` is the key that strips or restores them when the guess is wrong.
"""

from __future__ import annotations

from annotator.align import (
    ProcliticMode,
    is_grapheme_boundary,
    proclitic_stems,
    word_at,
    word_edge_step,
)
from annotator.search import fold
from annotator.tokenize import tokenize_columns

ATTESTATION_WINDOW = 100_000


def text_words(text: str) -> frozenset[str]:
    """The folded words of ``text`` (its ``punct`` tokens): what a stem must be to stand
    alone."""
    return frozenset(map(fold, tokenize_columns(text, "punct")[0]))


def stem_start(text: str, word_start: int, word_end: int, words: frozenset[str],
               mode: ProcliticMode = "particles") -> int:
    """Where a word starting at ``word_start`` starts once its attached proclitics of
    ``mode`` are left out: after the longest prefix whose stem (up to ``word_end``) is one of
    ``words``, else ``word_start``."""
    for stem in proclitic_stems(text, word_start, mode):
        if stem < word_end and fold(text[stem:word_end]) in words:
            return stem
    return word_start


def _nearby_words(text: str, start: int, end: int) -> frozenset[str]:
    """:func:`text_words` of the text around ``[start, end)``."""
    lo = max(0, start - ATTESTATION_WINDOW)
    hi = min(len(text), end + ATTESTATION_WINDOW)
    while lo > 0 and not is_grapheme_boundary(text, lo):
        lo -= 1
    while hi < len(text) and not is_grapheme_boundary(text, hi):
        hi += 1
    return text_words(text[lo:hi])


def word_stem_start(text: str, word_start: int, word_end: int,
                    mode: ProcliticMode = "particles") -> int:
    """Where a word selection starts: :func:`stem_start` with the words around the word."""
    if not proclitic_stems(text, word_start, mode):
        return word_start
    return stem_start(text, word_start, word_end, _nearby_words(text, word_start, word_end),
                      mode)


def word_selection(text: str, position: int,
                   mode: ProcliticMode = "particles") -> tuple[int, int] | None:
    """The span a double-click at ``position`` selects (see the module docstring)."""
    word = word_at(text, position)
    if word is None:
        return None
    return word_stem_start(text, word[0], word[1], mode), word[1]


def step_by_word(text: str, anchor: int, position: int, forward: bool,
                 mode: ProcliticMode = "particles") -> tuple[int, int]:
    """``(anchor, position)`` after moving a selection's moving end by one word.

    A selection grows forward to the next word end and backward to the previous word start
    (the stem, after the proclitic rule); it shrinks to the previous word end or the next word
    start, never past its anchor.  Starting from no selection, an anchor at a word start
    leaves out the word's proclitics as a double-click would."""
    if forward and position >= anchor:
        if anchor == position:
            word = word_at(text, anchor) if anchor < len(text) else None
            if word is not None and word[0] == anchor:
                anchor = word_stem_start(text, word[0], word[1], mode)
        return anchor, word_edge_step(text, position, True, "end")
    if forward:  # shrinking a backward selection from its start
        target = word_edge_step(text, position, True, "start")
        word = word_at(text, target) if target < len(text) else None
        if word is not None:
            target = word_stem_start(text, word[0], word[1], mode)
        return anchor, min(target, anchor)
    if position > anchor:  # shrinking a forward selection from its end
        return anchor, max(word_edge_step(text, position, False, "end"), anchor)
    target = position
    for _ in range(2):  # a position already at a stem steps over its own word's prefix
        target = word_edge_step(text, target, False, "start")
        word = word_at(text, target) if target < len(text) else None
        stem = word_stem_start(text, word[0], word[1], mode) if word is not None else target
        if stem < position:
            return anchor, stem
        if target == 0:
            break
    return anchor, target


def toggle_proclitics(text: str, start: int, end: int,
                      mode: ProcliticMode = "particles") -> tuple[int, int] | None:
    """The span with the attached proclitics of ``mode`` left out (when it starts at a word's
    start and the word has some) or put back (when it starts just after such a prefix inside
    a word); ``None`` when neither applies.  Left out: the longest prefix whose stem stands
    alone in the text, else the shortest (``ولبنان`` gives ``لبنان``): the user asked for it."""
    stems = [s for s in proclitic_stems(text, start, mode) if s < end]
    if stems:
        word = word_at(text, start)
        stop = word[1] if word is not None else end
        alone = stem_start(text, start, stop, _nearby_words(text, start, stop), mode)
        return (alone if alone != start else stems[-1]), end
    word = word_at(text, start)
    if word is None or word[0] >= start:
        return None
    if start in proclitic_stems(text, word[0], mode):
        return word[0], end
    return None
