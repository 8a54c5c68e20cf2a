"""An interval index over half-open spans, fast for the text view's per-paragraph queries.

Short spans sit in one list sorted by start (each span packed into one integer key,
``start << 32 | end``, beside a parallel list of ids: integers sort and bisect far faster than
tuples); a query scans from ``start - longest`` to ``end``.  Spans longer than
:data:`LONG_SPAN` (a claim covering half an article) are few and are scanned directly, so that
one of them does not make every query slow.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import Protocol

LONG_SPAN = 2048
_SHIFT = 32
_MASK = (1 << _SHIFT) - 1


class _Span(Protocol):
    """What the index reads of an annotation (read-only, so frozen dataclasses fit)."""

    @property
    def id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class SpanIndex:
    """Spans ``(id, start, end)``; add, remove and overlap queries in O(log n + k) (+ memmove)."""

    __slots__ = ("_ids", "_keys", "_long", "_longest_short")

    def __init__(self) -> None:
        self._keys: list[int] = []
        self._ids: list[str] = []
        self._long: dict[str, tuple[int, int]] = {}
        self._longest_short = 0

    def __len__(self) -> int:
        return len(self._keys) + len(self._long)

    def bulk_load(self, spans: Iterable[tuple[str, int, int]]) -> None:
        """Add many ``(id, start, end)`` spans at once (one sort instead of many insertions)."""
        rows = list(spans)
        self._bulk([r[1] for r in rows], [r[2] for r in rows], [r[0] for r in rows])

    def bulk_load_spans(self, spans: Sequence[_Span]) -> None:
        """Add many objects with ``id``, ``start`` and ``end`` attributes (annotations) at once."""
        self._bulk([a.start for a in spans], [a.end for a in spans], [a.id for a in spans])

    def _bulk(self, starts: list[int], ends: list[int], ids: list[str]) -> None:
        lengths = [e - s for s, e in zip(starts, ends, strict=True)]
        if lengths and max(lengths) > LONG_SPAN:
            for i in [i for i, n in enumerate(lengths) if n > LONG_SPAN]:
                self._long[ids[i]] = (starts[i], ends[i])
            keep = [i for i, n in enumerate(lengths) if n <= LONG_SPAN]
            starts = [starts[i] for i in keep]
            ends = [ends[i] for i in keep]
            ids = [ids[i] for i in keep]
            lengths = [lengths[i] for i in keep]
        if lengths:
            self._longest_short = max(self._longest_short, max(lengths))
        keys = self._keys + [s << _SHIFT | e for s, e in zip(starts, ends, strict=True)]
        all_ids = self._ids + ids
        order = sorted(range(len(keys)), key=keys.__getitem__)
        self._keys = [keys[i] for i in order]
        self._ids = [all_ids[i] for i in order]

    def add(self, span_id: str, start: int, end: int) -> None:
        """Index one span."""
        if end - start > LONG_SPAN:
            self._long[span_id] = (start, end)
            return
        key = start << _SHIFT | end
        i = bisect_right(self._keys, key)
        self._keys.insert(i, key)
        self._ids.insert(i, span_id)
        if end - start > self._longest_short:
            self._longest_short = end - start

    def remove(self, span_id: str, start: int, end: int) -> None:
        """Forget one span (it must have been added with these offsets)."""
        if end - start > LONG_SPAN:
            del self._long[span_id]
            return
        key = start << _SHIFT | end
        keys, ids = self._keys, self._ids
        i = bisect_left(keys, key)
        while i < len(keys) and keys[i] == key:
            if ids[i] == span_id:
                del keys[i]
                del ids[i]
                return
            i += 1
        raise KeyError(span_id)

    def overlapping(self, start: int, end: int) -> list[str]:
        """Ids of spans sharing a character with ``[start, end)``, ordered by span start."""
        keys, ids = self._keys, self._ids
        lo = bisect_left(keys, max(0, start - self._longest_short) << _SHIFT)
        hi = bisect_left(keys, end << _SHIFT)
        found = [ids[i] for i in range(lo, hi) if keys[i] & _MASK > start]
        if self._long:
            extra = [(s, i) for i, (s, e) in self._long.items() if s < end and e > start]
            if extra:
                merged = [(keys[i] >> _SHIFT, ids[i]) for i in range(lo, hi)
                          if keys[i] & _MASK > start] + extra
                merged.sort(key=lambda pair: pair[0])
                return [i for _, i in merged]
        return found
