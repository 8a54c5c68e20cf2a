"""The words of a folded text by form: where each distinct folded word occurs.

Rules that look words up (cue words, the first words of names) are checked once per form
and their answer applied to every place the form occurs: a 5 MB news article has about
500,000 words but some 60,000 forms.  A word is a run of word characters of the folded text
(``regex``'s ``\\w``, marks included, as :mod:`annotator.search` tests words).
:func:`folded_words` keeps the indexes of the last texts asked for, so the recommenders of
one run share one pass over the text, as they share its folding (:func:`folded_text`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
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


_CACHE: OrderedDict[tuple[str, SearchOptions], FoldedWords] = OrderedDict()
_CACHE_SIZE = 2


_LOCK = threading.Lock()  # recommenders run in a worker thread while the window searches


def folded_words(text: str, options: SearchOptions | None = None) -> FoldedWords:
    """The cached :class:`FoldedWords` of ``text`` folded with ``options`` (the last two
    texts are kept); safe to call from several threads."""
    key = (text, options or SearchOptions())
    with _LOCK:
        index = _CACHE.get(key)
        if index is not None:
            _CACHE.move_to_end(key)
            return index
    index = index_words(folded_text(*key))
    with _LOCK:
        _CACHE[key] = index
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return index
