"""An interval index over half-open spans, fast for the text view's per-paragraph queries.

Short spans sit in one list sorted by start; a query scans from ``start - longest`` to ``end``.
Spans longer than :data:`LONG_SPAN` (a claim covering half an article) are few and are scanned
directly, so that one of them does not make every query slow.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable

LONG_SPAN = 2048


class SpanIndex:
    """Spans ``(id, start, end)``; add, remove and overlap queries in O(log n + k) (+ memmove)."""

    __slots__ = ("_long", "_longest_short", "_short")

    def __init__(self) -> None:
        self._short: list[tuple[int, int, str]] = []
        self._long: dict[str, tuple[int, int]] = {}
        self._longest_short = 0

    def __len__(self) -> int:
        return len(self._short) + len(self._long)

    def bulk_load(self, spans: Iterable[tuple[str, int, int]]) -> None:
        """Add many spans at once (one sort instead of many insertions)."""
        short = self._short
        for span_id, start, end in spans:
            if end - start > LONG_SPAN:
                self._long[span_id] = (start, end)
            else:
                short.append((start, end, span_id))
                if end - start > self._longest_short:
                    self._longest_short = end - start
        short.sort()

    def add(self, span_id: str, start: int, end: int) -> None:
        """Index one span."""
        if end - start > LONG_SPAN:
            self._long[span_id] = (start, end)
            return
        insort(self._short, (start, end, span_id))
        if end - start > self._longest_short:
            self._longest_short = end - start

    def remove(self, span_id: str, start: int, end: int) -> None:
        """Forget one span (it must have been added with these offsets)."""
        if end - start > LONG_SPAN:
            del self._long[span_id]
            return
        key = (start, end, span_id)
        i = bisect_left(self._short, key)
        if i == len(self._short) or self._short[i] != key:
            raise KeyError(span_id)
        del self._short[i]

    def overlapping(self, start: int, end: int) -> list[str]:
        """Ids of spans sharing a character with ``[start, end)``, ordered by span start."""
        short = self._short
        lo = bisect_left(short, (start - self._longest_short,))
        hi = bisect_left(short, (end,))
        found = [(s, e, i) for s, e, i in short[lo:hi] if e > start]
        if self._long:
            found.extend((s, e, i) for i, (s, e) in self._long.items() if s < end and e > start)
            found.sort()
        return [i for _, _, i in found]
