"""The words of a folded text by form: where each distinct folded word occurs.

Rules that look words up (cue words, the first words of names) are checked once per form
and their answer applied to every place the form occurs: a 5 MB news article has about
500,000 words but some 60,000 forms.  A word is a run of word characters of the folded text
(``regex``'s ``\\w``, marks included, as :mod:`annotator.search` tests words).
The recommenders of one run share one index: the run builds it (:func:`folded_words`) and
hands it to each (``Recommender.propose(..., index=)``).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from annotator.search import FoldedText, SearchOptions, folded_text

_WORD = regex.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class FoldedWords:
    """A folded text (``found``) and, for each word form, where it starts in the folded
    text (``places``: ascending folded offsets)."""

    found: FoldedText
    places: dict[str, list[int]]


def index_words(found: FoldedText) -> FoldedWords:
    """The words of ``found``'s folded text, by form."""
    places: dict[str, list[int]] = {}
    for match in _WORD.finditer(found.folded):
        word = match.group()
        at = places.get(word)
        if at is None:
            places[word] = [match.start()]
        else:
            at.append(match.start())
    return FoldedWords(found, places)


def folded_words(text: str, options: SearchOptions | None = None) -> FoldedWords:
    """The :class:`FoldedWords` of ``text`` folded with ``options``."""
    return index_words(folded_text(text, options))
