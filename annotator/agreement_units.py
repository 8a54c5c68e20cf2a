"""Token units for agreement: which label each annotator gave each token of a text.

A deliberately simple, self-contained tokenizer (the CoNLL exporter has its own): a token is a
run of word characters with any combining marks (Arabic tashkeel, tatweel) attached, or one
other non-space character.  Tokens are ``(start, end)`` code-point offsets into the text,
which is never changed.

A span labels every token it shares at least one character with, so a clitic-inner span (the
ORG «البيان» inside "لـ«البيان»") still marks its token.  For the one-label-per-token view
the innermost (shortest) overlapping span wins; for the per-label view each label is its own
yes/no question per token, so a PER nested in a QUOTE counts for both.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

OUTSIDE = "O"

# Word characters plus combining marks (general category Mn in the Arabic and general
# combining blocks) and tatweel, which Python's \w leaves out.
_MARKS = ("\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670"
          "\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed")
_TOKEN = re.compile(rf"(?:\w|[{_MARKS}])+|[^\s{_MARKS}]")


@dataclass(frozen=True)
class Tokens:
    """The tokens of one text, as parallel lists of start and end offsets."""

    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.starts)

    def covered(self, start: int, end: int) -> range:
        """Indices of the tokens that share at least one character with ``[start, end)``."""
        return range(bisect_right(self.ends, start), bisect_left(self.starts, end))


def text_to_tokens(text: str) -> Tokens:
    """Split ``text`` into word tokens and single punctuation tokens."""
    starts: list[int] = []
    ends: list[int] = []
    for match in _TOKEN.finditer(text):
        starts.append(match.start())
        ends.append(match.end())
    return Tokens(starts, ends)


def spans_to_token_labels(tokens: Tokens, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """One label per token: the innermost overlapping span's label, else :data:`OUTSIDE`.

    Among spans of the same length the label that sorts last wins, so the result does not
    depend on the order of ``spans``.
    """
    labels = [OUTSIDE] * len(tokens)
    for start, end, label in sorted(spans, key=lambda s: (s[0] - s[1], s[2])):
        for index in tokens.covered(start, end):
            labels[index] = label
    return labels


def spans_to_token_sets(tokens: Tokens,
                        spans: Iterable[tuple[int, int, str]]) -> dict[str, set[int]]:
    """For each label, the indices of the tokens some span with that label overlaps."""
    found: dict[str, set[int]] = {}
    for start, end, label in spans:
        found.setdefault(label, set()).update(tokens.covered(start, end))
    return found


def label_sets_to_patterns(sets: Sequence[set[int] | None], token_count: int
                           ) -> dict[tuple[bool | None, ...], int]:
    """Count, over all tokens, each pattern of yes/no answers across annotators.

    ``sets[i]`` is annotator i's set of token indices for one label, or None when that
    annotator has no work on the document (their answer is then None, i.e. missing).
    """
    present = [s for s in sets if s is not None]
    union: set[int] = set().union(*present) if present else set()
    counts: dict[tuple[bool | None, ...], int] = {}
    for index in union:
        key = tuple(None if s is None else index in s for s in sets)
        counts[key] = counts.get(key, 0) + 1
    rest = token_count - len(union)
    if rest:
        key = tuple(None if s is None else False for s in sets)
        counts[key] = counts.get(key, 0) + rest
    return counts
