"""Tokens with code-point offsets, for token-level formats (CoNLL/BIO, Hugging Face).

The text is never changed: a token is a half-open range ``[start, end)`` of ``Document.text``
and its ``text`` is exactly ``text[start:end]``.  Two modes:

``whitespace``
    A token is a maximal run of non-whitespace characters (Python's ``str.isspace``).  Text
    rebuilt from CoNLL tokens (tokens joined by single spaces) gives back exactly those
    tokens, punctuation attached or not ("(د", "المقبل،", "بـ34.3").
``punct``
    Whitespace, then punctuation split off each run: a word is a run of letters, digits,
    combining marks (harakat), tatweel (U+0640), ZWNJ/ZWJ and ``_``; a number keeps its inner
    separators (``34.3``, ``1,000``, ``٣٫٥``); any other character is a token of its own, a run
    of the same punctuation character (``...``, ``!!``) staying together and an emoji staying
    one grapheme cluster.  So ``لـ«البيان»`` gives ``لـ`` ``«`` ``البيان`` ``»``.

Proclitics (``split_proclitics=True``): Arabic attaches و ف (conjunctions), ب ل ك
(prepositions) and ال (the article) to the following word, so a span may start inside a
whitespace word (the ORG «البيان» in "والبيان").  With the option a word is split after its
proclitics *only where a boundary asks for it* (``boundaries``: the start offsets of the spans
to tag), and only when the characters before the boundary are a proclitic sequence
(``[وف]? ([بكل]?ال | لل | [بكل])?`` plus an optional tatweel, not empty).  Words are never split
on a guess ("لبنان" and "بغداد" start with letters that look like proclitics).  A span that
still does not start and end on token boundaries is the caller's to report: it is never moved.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterable, Iterator
from itertools import accumulate
from typing import NamedTuple

import regex

TOKENIZER_MODES = ("whitespace", "punct")

_RUNS = re.compile(r"\S+")  # stdlib re: \s is exactly str.isspace, as in the CoNLL reader
_SPACE_RUNS = re.compile(r"(\s+)")
_OTHER_SPACE = re.compile(r"[^\S \n]")
_PUNCT_TOKEN = regex.compile(
    r"\d+(?:[.,\u066b\u066c]\d+)+"          # a number with inner separators
    r"|[\w\p{M}\u0640\u200c\u200d]+"       # a word: letters, digits, marks, tatweel, ZWNJ/ZWJ
    r"|(\p{P})\1*"                          # a run of one punctuation character
    r"|(?!\s)\X",                           # anything else: one grapheme cluster (emoji)
    regex.UNICODE)
_PROCLITICS = regex.compile(r"[وف]?(?:[بكل]?ال|لل|[بكل])?\u0640?")


class Token(NamedTuple):
    """One token: its characters and its half-open code-point range in the text."""

    text: str
    start: int
    end: int


def is_proclitic_prefix(prefix: str) -> bool:
    """True when ``prefix`` is a non-empty sequence of Arabic proclitics (و ف ب ل ك ال)."""
    return bool(prefix) and _PROCLITICS.fullmatch(prefix) is not None


def tokenize(text: str, mode: str = "punct", *, split_proclitics: bool = False,
             boundaries: Iterable[int] = ()) -> list[Token]:
    """Tokens of ``text`` in ``mode`` (``whitespace`` or ``punct``), in text order.

    With ``split_proclitics``, a token is split at each offset of ``boundaries`` that falls
    inside it right after a proclitic sequence (see the module docstring).
    """
    if mode == "whitespace":
        tokens = [Token(m.group(), m.start(), m.end()) for m in _RUNS.finditer(text)]
    elif mode == "punct":
        tokens = list(punct_tokens(text))
    else:
        raise ValueError(f"unknown tokenizer mode {mode!r}; choose from "
                         + ", ".join(TOKENIZER_MODES))
    if split_proclitics:
        cuts = sorted(set(boundaries))
        if cuts:
            tokens = _split_at_proclitics(tokens, cuts)
    return tokens


def punct_tokens(text: str) -> Iterator[Token]:
    """The tokens of ``text`` in ``punct`` mode, one at a time: a caller that stops early
    leaves the rest of the text untokenised."""
    for match in _PUNCT_TOKEN.finditer(text):
        yield Token(match.group(), match.start(), match.end())


def tokenize_columns(text: str, mode: str = "punct", *, split_proclitics: bool = False,
                     boundaries: Iterable[int] = ()) -> tuple[list[str], list[int], list[int]]:
    """:func:`tokenize` as three parallel lists (texts, starts, ends): faster on big texts."""
    if mode not in TOKENIZER_MODES or split_proclitics:
        tokens = tokenize(text, mode, split_proclitics=split_proclitics, boundaries=boundaries)
        return ([t.text for t in tokens], [t.start for t in tokens], [t.end for t in tokens])
    if mode == "whitespace":
        texts, starts = _whitespace_columns(text)
    else:
        matches = list(_PUNCT_TOKEN.finditer(text))
        texts = [match.group() for match in matches]
        starts = [match.start() for match in matches]
    ends = list(map(operator.add, starts, map(len, texts)))
    return texts, starts, ends


def _whitespace_columns(text: str) -> tuple[list[str], list[int]]:
    if _OTHER_SPACE.search(text) is None:
        # Only spaces and line feeds: when single (text rebuilt from CoNLL), all in C.
        texts = text.replace("\n", " ").split(" ")
        if "" not in texts:
            starts = list(accumulate(map((1).__add__, map(len, texts)), initial=0))
            starts.pop()
            return texts, starts
    pieces = _SPACE_RUNS.split(text)  # token, space, token, ... (first/last may be "")
    offsets = list(accumulate(map(len, pieces), initial=0))
    texts = pieces[0::2]
    starts = offsets[0:len(pieces):2]
    if texts and not texts[-1]:
        texts.pop()
        starts.pop()
    if texts and not texts[0]:
        del texts[0], starts[0]
    return texts, starts


def _split_at_proclitics(tokens: list[Token], cuts: list[int]) -> list[Token]:
    result: list[Token] = []
    for token in tokens:
        first = bisect.bisect_right(cuts, token.start)
        if first >= len(cuts) or cuts[first] >= token.end:
            result.append(token)
            continue
        start = token.start
        for cut in cuts[first:bisect.bisect_left(cuts, token.end)]:
            prefix = token.text[start - token.start:cut - token.start]
            if is_proclitic_prefix(prefix):
                result.append(Token(prefix, start, cut))
                start = cut
        result.append(Token(token.text[start - token.start:], start, token.end))
    return result
