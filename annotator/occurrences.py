"""Annotate all occurrences: finding every occurrence of a string, its context, the changes.

An occurrence of a needle is a match of :mod:`annotator.search` (same folding: alef forms,
ya, ta marbuta, case; harakat, tatweel and bidi controls skipped; never splitting a grapheme)
that stands as a word of its own, except that Arabic proclitics may be attached before it:
``لبنان`` occurs in ``ولبنان``, ``بلبنان``, ``وللبنان``… (the span covers ``لبنان`` only, as
:func:`annotator.align.align_span` would snap it), but not in ``لبنانية``.  A proclitic
sequence is that of :func:`annotator.tokenize.is_proclitic_prefix` (و ف, then ب ل ك, ال, لل).
The word edges are checked only where the needle itself starts or ends with a word character,
so ``(د`` or ``U.S.`` are found wherever they appear.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import regex

from annotator.align import is_grapheme_boundary
from annotator.edits import Change, add_annotation
from annotator.model import Document
from annotator.search import FoldedText, SearchOptions, fold, folded_text
from annotator.tagset import TagSet
from annotator.tokenize import is_proclitic_prefix
from annotator.wordindex import FoldedWords, folded_words

CONTEXT_WORDS = 4
_WORD_CHAR = regex.compile(r"\w")  # as annotator.search's whole-word test
_WORD = re.compile(r"\S+")
_LONGEST_PREFIX = 8  # folded characters before a match that may be proclitics (وبال, ولل…)


def find_occurrences(text: str, needle: str,
                     options: SearchOptions | None = None) -> list[tuple[int, int]]:
    """Every occurrence of ``needle`` in ``text`` (see the module docstring), left to right,
    as non-overlapping code-point spans ``[start, end)`` of ``text``.

    ``options`` are the search's foldings (its ``whole_word`` is ignored: occurrences are
    always words, proclitics allowed).
    """
    options = replace(options or SearchOptions(), whole_word=False)
    key = fold(needle, options)
    if not key:
        return []
    found = folded_text(text, options)
    folded = found.folded
    check_start = _WORD_CHAR.match(key[0]) is not None
    check_end = _WORD_CHAR.match(key[-1]) is not None
    out: list[tuple[int, int]] = []
    at = folded.find(key)
    while at >= 0:
        span = _occurrence_at(found, key, at, check_start, check_end)
        if span is not None:
            out.append(span)
            at = folded.find(key, at + len(key))
            continue
        at = folded.find(key, at + 1)
    return out


def _occurrence_at(found: FoldedText, key: str, at: int, check_start: bool,
                   check_end: bool) -> tuple[int, int] | None:
    """The original span of the folded ``key`` found at ``at`` when it is an occurrence (see
    the module docstring), else None."""
    folded, end = found.folded, at + len(key)
    if ((not check_start or _starts_word(folded, at))
            and (not check_end or end == len(folded) or not _WORD_CHAR.match(folded, end))):
        start, stop = found.span_of(at, end)
        if is_grapheme_boundary(found.text, start) and is_grapheme_boundary(found.text, stop):
            return start, stop
    return None


_FOLDED_WORD = regex.compile(r"\w+")  # as _WORD_CHAR: marks are word characters
_PROCLITIC_LETTERS = frozenset("وفبكلا\u0640")  # all a proclitic sequence may hold


_HEAD = regex.compile(r"\w+\W+\w+")  # a key's or a place's first two words and what is between


@dataclass(frozen=True)
class KeyTable:
    """Folded keys arranged for :func:`candidates`.  ``firsts``: keys of one word (perhaps
    followed by other characters: ``د.``) by that word, then by length; ``heads``: keys of
    several words by their first two words and what is between them (``عبد الله``), then by
    length; ``openers``: the first words of those heads; ``whole``: the keys that end in a
    word character (they must end a word where they occur); ``others``: keys that do not
    start with one (``(د``), searched for one by one."""

    firsts: dict[str, dict[int, set[str]]]
    heads: dict[str, dict[int, set[str]]]
    openers: frozenset[str]
    whole: frozenset[str]
    others: tuple[str, ...] = ()


def key_table(keys: Iterable[str]) -> KeyTable:
    """The table of folded ``keys`` (empty ones are left out)."""
    firsts: dict[str, dict[int, set[str]]] = {}
    heads: dict[str, dict[int, set[str]]] = {}
    openers: set[str] = set()
    whole: set[str] = set()
    others: list[str] = []
    for key in keys:
        if not key:
            continue
        if _WORD_CHAR.match(key[-1]):
            whole.add(key)
        first = _FOLDED_WORD.match(key)
        head = _HEAD.match(key)
        if first is None:
            others.append(key)
        elif head is None:
            firsts.setdefault(first.group(), {}).setdefault(len(key), set()).add(key)
        else:
            heads.setdefault(head.group(), {}).setdefault(len(key), set()).add(key)
            openers.add(first.group())
    return KeyTable(firsts, heads, frozenset(openers), frozenset(whole),
                    tuple(dict.fromkeys(others)))


def candidates(index: FoldedWords, table: KeyTable) -> dict[str, list[int]]:
    """The folded starts of each key of ``table`` where it stands as a word of ``index``'s
    text, proclitics allowed (the module docstring's rule; what is left to check is that its
    span in the original text does not split a grapheme), in no particular order; keys found
    nowhere are left out.  Each word form is checked once, then all its places at once; a
    key of several words is tried only where its first two words are."""
    folded = index.found.folded
    size = len(folded)
    firsts, heads, openers, whole = table.firsts, table.heads, table.openers, table.whole
    found: dict[str, list[int]] = {}

    def read_on(at: int, bucket: dict[int, set[str]], shortest: int) -> None:
        """Record the keys of ``bucket`` at least ``shortest`` long that the text at
        ``at`` reads as."""
        for length, keys in bucket.items():
            if length >= shortest:
                piece = folded[at:at + length]
                if piece in keys and (piece not in whole or at + length == size
                                      or not _WORD_CHAR.match(folded, at + length)):
                    found.setdefault(piece, []).append(at)

    for word, starts in index.places.items():
        for cut in range(min(len(word), _LONGEST_PREFIX + 1)):
            if cut and word[cut - 1] not in _PROCLITIC_LETTERS and not unicodedata.combining(
                    word[cut - 1]):  # a proclitic may carry its haraka (بَ) when it counts
                break
            rest = word[cut:]
            bucket = firsts.get(rest)
            opens = rest in openers
            if (bucket is None and not opens) or (cut and not _starts_word(word, cut)):
                continue
            if bucket is not None:
                if rest in bucket.get(len(rest), ()):  # the rest of the word is a key
                    found.setdefault(rest, []).extend(
                        starts if not cut else [start + cut for start in starts])
                if any(length > len(rest) for length in bucket):
                    for start in starts:
                        read_on(start + cut, bucket, len(rest) + 1)
            if opens:
                for start in starts:
                    head = _HEAD.match(folded, start + cut)
                    group = heads.get(head.group()) if head is not None else None
                    if group is not None:
                        read_on(start + cut, group, 0)
    for key in table.others:
        at = folded.find(key)
        while at >= 0:
            end = at + len(key)
            if key not in whole or end == size or not _WORD_CHAR.match(folded, end):
                found.setdefault(key, []).append(at)
            at = folded.find(key, at + 1)
    return found


def find_occurrences_of_many(text: str, needles: Iterable[str],
                             options: SearchOptions | None = None
                             ) -> dict[str, list[tuple[int, int]]]:
    """:func:`find_occurrences` of each needle (same spans, same order), in one pass over the
    text's word forms (:func:`candidates`).  Needles that fold to nothing are left out."""
    options = replace(options or SearchOptions(), whole_word=False)
    keys: dict[str, list[str]] = {}
    result: dict[str, list[tuple[int, int]]] = {}
    for needle in needles:
        key = fold(needle, options)
        if key and needle not in result:
            result[needle] = []
            keys.setdefault(key, []).append(needle)
    index = folded_words(text, options)
    places = candidates(index, key_table(keys))
    for key, needles_of_key in keys.items():
        spans: list[tuple[int, int]] = []
        last_end = 0
        for at in sorted(places.get(key, ())):
            if at < last_end:
                continue
            span = _occurrence_at(index.found, key, at, False, False)
            if span is not None:
                spans.append(span)
                last_end = at + len(key)
        for needle in needles_of_key:
            result[needle] = spans
    return result


def _starts_word(folded: str, at: int) -> bool:
    """True when ``folded[at]`` starts a word, or only proclitics come before it in its word."""
    start = at
    while start > 0 and at - start <= _LONGEST_PREFIX and _WORD_CHAR.match(folded, start - 1):
        start -= 1
    if start == at:
        return True
    if start > 0 and _WORD_CHAR.match(folded, start - 1):
        return False  # a longer run of letters than any proclitic sequence
    letters = "".join(c for c in folded[start:at] if not unicodedata.combining(c))
    return is_proclitic_prefix(letters)


def context_of(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> tuple[str, str]:
    """Up to ``words`` words before and after ``[start, end)`` on the same line (``…`` where
    the line goes on)."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    ends = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
    line_end = min(ends) if ends else len(text)
    before = text[line_start:start]
    before_starts = [m.start() for m in _WORD.finditer(before)]
    if len(before_starts) > words:
        before = "… " + before[before_starts[-words]:]
    after = text[end:line_end]
    after_words = list(_WORD.finditer(after))
    if len(after_words) > words:
        after = after[:after_words[words - 1].end()] + " …"
    return before, after


@dataclass(frozen=True)
class Occurrence:
    """One occurrence as shown for review: its span and the words around it."""

    start: int
    end: int
    before: str
    after: str


def occurrences(document: Document, spans: Iterable[tuple[int, int]],
                words: int = CONTEXT_WORDS) -> list[Occurrence]:
    """The spans of ``document`` with their context."""
    text = document.text
    return [Occurrence(start, end, *context_of(text, start, end, words))
            for start, end in spans]


def clashes(document: Document, start: int, end: int, label: str) -> bool:
    """True when an annotation with ``label`` already overlaps ``[start, end)``."""
    return any(a.label == label for a in document.annotations.overlapping(start, end))


def annotation_changes(document: Document, spans: Sequence[tuple[int, int]], label: str, *,
                       annotator: str, tagset: TagSet | None = None) -> list[Change]:
    """One add-annotation change per span (not applied), with distinct fresh ids."""
    return [add_annotation(document, start=start, end=end, label=label, annotator=annotator,
                           tagset=tagset) for start, end in spans]
