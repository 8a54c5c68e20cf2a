"""Search with Arabic folding; matches come back as offsets into the original text.

The text is folded once into a search string, character by character: each original
character becomes one folded character or is skipped (harakat, tatweel, bidi controls...),
never more than one, so a folded index maps back to exactly one original character.
:class:`FoldedText` keeps the folding of one text and its offset map; build it once per
document and options (:func:`folded_text` caches the last few), then every search is a
``str.find`` loop plus a few look-ups.  Folding a 5 MB text takes about 0.1-0.2 s (news) to
0.3 s (fully vocalised), see ``bench/bench_search.py``.

Match spans (half-open code points in the original text):

- a match starts at the original character of its first folded character, so skipped
  characters before it (a tatweel, a bidi mark) stay outside;
- it ends after its last folded character *plus* the skipped harakat that follow it (the
  marks of its last letter): ``كتب`` found in ``كَتَبَ`` covers ``كَتَبَ``; a skipped tatweel or
  format character after the last letter stays outside;
- skipped characters inside are covered (``كتـب`` matches ``كتب``);
- a match whose start or end would fall inside a grapheme cluster is not a match: with
  harakat significant (``ignore_tashkeel=False``) ``كتب`` does not match ``كتبَ``, and a query
  never splits an emoji sequence;
- matches do not overlap and come left to right (leftmost first, search resumes at the end).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from itertools import accumulate

import regex

from annotator.align import is_grapheme_boundary

TASHKEEL_RANGES: tuple[tuple[int, int], ...] = (
    (0x0610, 0x061A),  # honorific and small Quranic signs above letters
    (0x064B, 0x065F),  # fathatan ... wavy hamza below (harakat, shadda, sukun, maddah, hamzas)
    (0x0670, 0x0670),  # superscript alef
    (0x06D6, 0x06ED),  # Quranic annotation marks
    (0x08D3, 0x08E1),  # Arabic Extended-A marks
    (0x08E3, 0x08FF),
)
TATWEEL = "\u0640"
FORMAT_CHARS = (
    "\u061c\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
ALEF_FORMS = "\u0623\u0625\u0622\u0671"  # أ إ آ ٱ -> ا
YA_FORMS = "\u0649\u06cc"  # ى (alef maqsura), ی (Farsi yeh) -> ي
TA_MARBUTA = "\u0629"  # ة -> ه

_WORD_CHAR = regex.compile(r"\w")


def _tashkeel_chars() -> str:
    return "".join(chr(c) for lo, hi in TASHKEEL_RANGES for c in range(lo, hi + 1))


TASHKEEL = _tashkeel_chars()


@dataclass(frozen=True)
class SearchOptions:
    """What the search treats as equal.  All foldings are one character to at most one."""

    ignore_tashkeel: bool = True
    """Skip harakat and Quranic marks (:data:`TASHKEEL_RANGES`)."""
    ignore_tatweel: bool = True
    """Skip tatweel U+0640."""
    fold_alef: bool = True
    """أ إ آ ٱ match ا."""
    fold_ya: bool = True
    """ى (and Farsi ی) match ي."""
    fold_ta_marbuta: bool = True
    """ة matches ه."""
    ignore_case: bool = True
    """Latin letters (and every other cased script) match regardless of case (``str.lower``)."""
    whole_word: bool = False
    """The match is neither preceded nor followed by a word character (in the folded text)."""
    ignore_format_chars: bool = True
    """Skip bidi controls, ALM, ZWJ and ZWNJ (:data:`FORMAT_CHARS`)."""


_DELETERS: dict[tuple[bool, bool, bool], re.Pattern[str] | None] = {}


def _deleter(options: SearchOptions) -> re.Pattern[str] | None:
    """A pattern matching runs of the characters ``options`` skips (None when it skips none)."""
    key = (options.ignore_tashkeel, options.ignore_tatweel, options.ignore_format_chars)
    if key not in _DELETERS:
        chars = ((TASHKEEL if key[0] else "") + (TATWEEL if key[1] else "")
                 + (FORMAT_CHARS if key[2] else ""))
        _DELETERS[key] = re.compile("[" + re.escape(chars) + "]+") if chars else None
    return _DELETERS[key]


def _replace(text: str, options: SearchOptions) -> str:
    """The one-to-one foldings (letter forms, case); C-speed ``str`` passes."""
    if options.fold_alef:
        for form in ALEF_FORMS:
            text = text.replace(form, "\u0627")
    if options.fold_ya:
        for form in YA_FORMS:
            text = text.replace(form, "\u064a")
    if options.fold_ta_marbuta:
        text = text.replace(TA_MARBUTA, "\u0647")
    if options.ignore_case:
        # str.lower maps one character to one, except U+0130 (İ -> i + dot above); final
        # sigma depends on context, so fold it to plain sigma.
        text = text.replace("\u0130", "i").lower().replace("\u03c2", "\u03c3")
    return text


_DEFAULT_OPTIONS = SearchOptions()  # frozen: the one instance fold uses when given none


def fold(text: str, options: SearchOptions | None = None) -> str:
    """``text`` folded for searching (not for storing: the stored text never changes)."""
    options = options or _DEFAULT_OPTIONS
    deleter = _deleter(options)
    return _replace(deleter.sub("", text) if deleter else text, options)


_BLOCK = 4096  # folding granularity (one regular-expression pass per block)
_SUB_BLOCK = 256  # offset-map granularity inside a block that has skipped characters


class FoldedText:
    """One text folded for searching, with the map from folded to original offsets.

    Skipped characters are removed block by block (one regular-expression pass each, in C),
    which gives each block's folded length; the one-to-one foldings then run over the joined
    string.  Inside a block with skipped characters, the offset map (sub-block lengths, then
    the runs of skipped characters of one 256-character sub-block) is built only when a match
    lands there, and is kept; blocks where nothing was skipped need none.
    """

    __slots__ = ("_deleter", "_folded_starts", "_runs", "_sub_starts", "folded", "options",
                 "text")

    def __init__(self, text: str, options: SearchOptions | None = None) -> None:
        self.text = text
        self.options = options or SearchOptions()
        self._deleter = _deleter(self.options)
        if self._deleter is None:
            parts = [text]
            starts = [0, len(text)] if text else [0]
        else:
            sub = self._deleter.sub
            parts = [sub("", text[i:i + _BLOCK]) for i in range(0, len(text), _BLOCK)]
            starts = list(accumulate(map(len, parts), initial=0))
        self._folded_starts = starts
        self._sub_starts: dict[int, list[int]] = {}
        self._runs: dict[int, tuple[list[int], list[int]]] = {}
        self.folded = _replace("".join(parts), self.options)

    def original_index(self, folded_index: int) -> int:
        """The original offset of the character at ``folded_index`` (``0 <= i < len(folded)``)."""
        if self._deleter is None:
            return folded_index
        starts = self._folded_starts
        block = bisect_right(starts, folded_index) - 1
        local = folded_index - starts[block]
        base = block * _BLOCK
        if starts[block + 1] - starts[block] == min(_BLOCK, len(self.text) - base):
            return base + local
        # Within a block with skipped characters: find the sub-block, then its runs.
        sub_starts = self._sub_starts.get(block)
        if sub_starts is None:
            sub_starts = self._lengths(base, min(base + _BLOCK, len(self.text)), _SUB_BLOCK)
            self._sub_starts[block] = sub_starts
        sub = bisect_right(sub_starts, local) - 1
        local -= sub_starts[sub]
        base += sub * _SUB_BLOCK
        if sub_starts[sub + 1] - sub_starts[sub] == min(_SUB_BLOCK, len(self.text) - base):
            return base + local
        runs = self._runs.get(base)
        if runs is None:
            runs = self._block_runs(base)
            self._runs[base] = runs
        at_folded, deleted_before = runs
        return base + local + deleted_before[bisect_right(at_folded, local)]

    def _lengths(self, start: int, stop: int, step: int) -> list[int]:
        """Cumulative folded lengths of the pieces ``text[i:i+step]`` of ``[start, stop)``."""
        assert self._deleter is not None
        sub, text = self._deleter.sub, self.text
        return list(accumulate((len(sub("", text[i:i + step])) for i in range(start, stop, step)),
                               initial=0))

    def _block_runs(self, base: int) -> tuple[list[int], list[int]]:
        """For each run of skipped characters in the sub-block at ``base``: the folded index
        just after it (local), and the count of skipped characters up to each run (from 0)."""
        assert self._deleter is not None
        at_folded: list[int] = []
        deleted_before = [0]
        deleted = 0
        stop = min(base + _SUB_BLOCK, len(self.text))
        for match in self._deleter.finditer(self.text, base, stop):
            start, end = match.span()
            at_folded.append(start - base - deleted)
            deleted += end - start
            deleted_before.append(deleted)
        return at_folded, deleted_before

    def folded_marks(self, marks: bytes | bytearray) -> bytearray:
        """``marks`` (one byte per character of the original text) without the bytes of
        the skipped characters: byte ``i`` of the result is that of ``folded[i]``'s
        original character."""
        if self._deleter is None:
            return bytearray(marks)
        out = bytearray()
        last = 0
        for match in self._deleter.finditer(self.text):
            out += marks[last:match.start()]
            last = match.end()
        out += marks[last:]
        return out

    def span_of(self, folded_start: int, folded_end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the folded span, with its last letter's skipped harakat."""
        start = self.original_index(folded_start)
        end = self.original_index(folded_end - 1) + 1
        text = self.text
        if self.options.ignore_tashkeel:
            while end < len(text) and text[end] in _TASHKEEL_SET:
                end += 1
        return start, end

    def find_all(self, query: str) -> list[tuple[int, int]]:
        """Every non-overlapping match of ``query``, left to right, as original offsets."""
        needle = fold(query, self.options)
        if not needle:
            return []
        folded, text = self.folded, self.text
        whole_word = self.options.whole_word
        out: list[tuple[int, int]] = []
        at = folded.find(needle)
        while at >= 0:
            end = at + len(needle)
            if whole_word and not _word_edges_free(folded, at, end):
                at = folded.find(needle, at + 1)
                continue
            start, stop = self.span_of(at, end)
            if not (is_grapheme_boundary(text, start) and is_grapheme_boundary(text, stop)):
                at = folded.find(needle, at + 1)
                continue
            out.append((start, stop))
            at = folded.find(needle, end)
        return out


_TASHKEEL_SET = frozenset(TASHKEEL)


def _word_edges_free(folded: str, start: int, end: int) -> bool:
    if start > 0 and _WORD_CHAR.match(folded, start - 1):
        return False
    return not (end < len(folded) and _WORD_CHAR.match(folded, end))


_CACHE: OrderedDict[tuple[str, SearchOptions], FoldedText] = OrderedDict()
_CACHE_SIZE = 4


def folded_text(text: str, options: SearchOptions | None = None) -> FoldedText:
    """A cached :class:`FoldedText` for ``(text, options)`` (the last few are kept)."""
    key = (text, options or SearchOptions())
    found = _CACHE.get(key)
    if found is None:
        found = FoldedText(*key)
        _CACHE[key] = found
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(key)
    return found


def find_all(text: str, query: str, options: SearchOptions | None = None) -> list[tuple[int, int]]:
    """Every non-overlapping match of ``query`` in ``text`` as original code-point offsets.

    Uses a small cache of folded texts, so repeated searches in one document fold it once.
    """
    return folded_text(text, options).find_all(query)
