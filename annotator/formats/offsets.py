"""Offsets counted in UTF-16 code units by other tools, read back as code points.

JavaScript tools (doccano, Label Studio before 1.4, Argilla) count a character beyond U+FFFF,
such as an emoji, as two; this tool counts code points.  Every span after such a character
is then shifted right: ``'وتين '`` instead of ``بوتين``.  :func:`utf16_reading` decides, for
one document's spans, whether their offsets are code points (the rule, kept whenever they
fit) or UTF-16 code units (converted when only that reading fits).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class RawSpan:
    """A span's offsets as a file gives them, and its own text when the file gives one."""

    start: int
    end: int
    text: str | None = None


def _fits(text: str, start: int, end: int, given: str | None) -> bool:
    return 0 <= start < end <= len(text) and (given is None or text[start:end] == given)


def _word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def looks_misplaced(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` begins or ends with white space, or cuts a word at both
    ends: what a span shifted by a character or two looks like.  (A span cutting a word at
    one end only is common in Arabic: the name after a proclitic, as in لبوتين.)"""
    piece = text[start:end]
    if piece[:1].isspace() or piece[-1:].isspace():
        return True
    cut_start = start > 0 and _word_char(text[start - 1]) and _word_char(text[start])
    cut_end = end < len(text) and _word_char(text[end - 1]) and _word_char(text[end])
    return cut_start and cut_end


def unit_to_code_point(text: str) -> Callable[[int], int | None] | None:
    """A function from a UTF-16 offset into ``text`` to its code-point offset (None inside a
    surrogate pair), or None when ``text`` has no character beyond U+FFFF."""
    astral = [match.start() for match in _ASTRAL.finditer(text)]
    if not astral:
        return None
    unit_starts = [position + k for k, position in enumerate(astral)]

    def convert(unit: int) -> int | None:
        before = bisect.bisect_left(unit_starts, unit)  # pairs starting before ``unit``
        if before and unit_starts[before - 1] + 1 == unit:
            return None  # between the two halves of a pair
        return unit - before
    return convert


def utf16_reading(text: str, spans: Sequence[RawSpan], *,
                  judge_boundaries: bool) -> Callable[[int], int] | None:
    """The conversion to apply to every offset of ``spans`` when they are UTF-16 code units,
    or None to keep them as code points.

    They are read as UTF-16 when the text has characters beyond U+FFFF and every span fits
    that reading (inside the text, on whole characters, its own text matching), and either
    some span does not fit as code points, or, with ``judge_boundaries`` (spans that carry no
    text of their own, such as doccano's), some span :func:`looks_misplaced` as code points
    and none does as UTF-16.
    """
    convert = unit_to_code_point(text)
    if convert is None or not spans:
        return None
    as_code_points = all(_fits(text, s.start, s.end, s.text) for s in spans)
    if as_code_points and not judge_boundaries:
        return None
    converted = [(convert(s.start), convert(s.end)) for s in spans]
    if not all(start is not None and end is not None and _fits(text, start, end, s.text)
               for (start, end), s in zip(converted, spans, strict=True)):
        return None
    if as_code_points:
        if converted == [(s.start, s.end) for s in spans]:
            return None  # nothing after a character beyond U+FFFF: both readings agree
        if not any(looks_misplaced(text, s.start, s.end) for s in spans):
            return None
        if any(looks_misplaced(text, start, end) for start, end in converted if
               start is not None and end is not None):
            return None

    def checked(unit: int) -> int:
        result = convert(unit)
        if result is None:  # pragma: no cover - every offset was checked above
            raise ValueError(unit)
        return result
    return checked
