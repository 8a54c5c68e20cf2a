"""Sentence boundaries over tokens, the one segmentation every token-level export uses.

Modes (``ExportOptions.sentences``, ``annotator export --sentences``):

``split``
    A sentence ends at every line break between two tokens and after a token that ends one:
    the Arabic full stop ``۔``, ``. ! ? ؟ ؛ …`` (runs such as ``!!`` or ``...`` too), possibly
    followed by closing quotes (``.»`` ends the sentence after the ``»``).  Never inside
    a quotation ``«…»`` or ``“…”`` (or ``“…″``) closed on the same line (:func:`quotations`),
    never after a one-letter abbreviation (``د.``),
    never inside a number (``3.5`` and ``1,000`` are one token in every tokenizer) and never
    at a full stop glued to Latin letters or digits (``site.com``).
``source``
    Line breaks only: the sentences the source gave (a CoNLL file's blank lines are line breaks
    in the imported text).
``none``
    No boundary: each document is one sequence.
``auto``
    ``source`` for text rebuilt from token files (``Document.source`` ``conll:...``) that has
    line breaks, else ``split``: the CoNLL test split of ANERcorp keeps its 925 sentences while
    the full ANERcorp, one line of 150,000 tokens, is cut at its full stops.

Callers keep a boundary out of entities themselves (they know the tags).
"""

from __future__ import annotations

import bisect

import regex

from annotator.model import Document

SENTENCE_MODES = ("auto", "split", "source", "none")
TERMINATORS = frozenset(".!?؟؛…۔")
_CLOSERS = frozenset("»”’›″")
_ENDING = TERMINATORS | _CLOSERS
_LINE_BREAK_CHARS = "\n\r\u2028\u2029\x85"
_LINE_BREAKS = regex.compile(f"[{_LINE_BREAK_CHARS}]+")
# Line breaks and quotation marks, in text order.
_EVENTS = regex.compile(f"[{_LINE_BREAK_CHARS}]|[«»“”″]")
_TOKEN_SOURCE = "conll:"
# The marks that close each opening one.
_OPENERS = {"«": "»", "“": "”″"}
LONGEST_QUOTE = 2000  # characters: a mark not closed within them opens no quotation


def sentence_mode(document: Document, mode: str = "auto") -> str:
    """The mode ``auto`` stands for with ``document`` (others are returned as they are)."""
    if mode not in SENTENCE_MODES:
        raise ValueError(f"unknown sentence mode {mode!r}; choose from "
                         + ", ".join(SENTENCE_MODES))
    if mode != "auto":
        return mode
    source_lines = document.source.startswith(_TOKEN_SOURCE) and "\n" in document.text
    return "source" if source_lines else "split"


def line_breaks(starts: list[int], text: str) -> list[int]:
    """Token indexes ``i`` (0 < i < len) with a line break between token ``i - 1`` and ``i``."""
    found: list[int] = []
    for match in _LINE_BREAKS.finditer(text):
        i = bisect.bisect_left(starts, match.start())
        if 0 < i < len(starts) and (not found or found[-1] != i):
            found.append(i)
    return found


def sentence_breaks(texts: list[str], starts: list[int], ends: list[int], text: str,
                    mode: str = "split") -> list[int]:
    """Sorted token indexes ``i`` such that a sentence starts at token ``i`` (0 < i < len).

    ``texts``/``starts``/``ends`` are the tokens of ``text`` (as from
    :func:`annotator.tokenize.tokenize_columns`); ``mode`` is ``split``, ``source`` or ``none``
    (resolve ``auto`` with :func:`sentence_mode` first).
    """
    if mode == "none" or len(texts) < 2:
        return []
    lines = line_breaks(starts, text)
    if mode == "source":
        return lines
    if mode != "split":
        raise ValueError(f"unknown sentence mode {mode!r}")
    breaks = set(lines)
    quotes = quotations(text)
    opens = [start for start, _ in quotes]
    last = len(texts) - 1
    for i, token in enumerate(texts[:last]):
        if token[-1] not in _ENDING:
            continue
        end = ends[i]
        inside = bisect.bisect_left(opens, end - 1) - 1
        if inside >= 0 and quotes[inside][1] >= end:
            continue  # in a quotation
        if not _ends_sentence(text, end) or _abbreviation(texts, starts, ends, i):
            continue
        breaks.add(i + 1)
    return sorted(breaks)


def quotations(text: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) offsets of each outermost quotation ``«…»`` or ``“…”``
    (``“…″`` too) closed on the same line within :data:`LONGEST_QUOTE` characters; a mark
    without its pair is no quotation (ANERcorp writes some the wrong way round, »…«)."""
    found: list[tuple[int, int]] = []
    opened: list[tuple[int, str]] = []
    for match in _EVENTS.finditer(text):
        char, position = match.group(), match.start()
        if opened and position - opened[0][0] > LONGEST_QUOTE:
            opened.clear()
        if char in _LINE_BREAK_CHARS:
            opened.clear()
        elif char in _OPENERS:
            opened.append((position, _OPENERS[char]))
        elif opened and char in opened[-1][1]:
            start, _ = opened.pop()
            if not opened:
                found.append((start, position))
    return found


def _ends_sentence(text: str, end: int) -> bool:
    """True when ``text[:end]`` ends with a terminator (closing quotes after it allowed) that
    is not glued to a following Latin word or number."""
    position = end - 1
    while position >= 0 and text[position] in _CLOSERS:
        position -= 1
    if position < 0 or text[position] not in TERMINATORS:
        return False
    after = text[end:end + 1]  # "site.com", "U.S": a full stop glued to Latin letters or digits
    return not (after.isascii() and after.isalnum() and text[position] == ".")


def _abbreviation(texts: list[str], starts: list[int], ends: list[int], i: int) -> bool:
    """A full stop right after a one-letter word (``د.`` for doctor, ``م.`` for engineer)."""
    token = texts[i]
    if len(token) == 2 and token[1] == "." and token[0].isalpha():
        return i == 0 or ends[i - 1] < starts[i]
    if token == "." and i > 0 and ends[i - 1] == starts[i]:
        before = texts[i - 1]
        return len(before) == 1 and before.isalpha() and (i < 2 or ends[i - 2] < starts[i - 1])
    return False
