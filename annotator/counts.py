"""Matched, extra and missing counts and the precision, recall and F1 they give."""

from __future__ import annotations

import math
from dataclasses import dataclass

NAN = float("nan")


def _num(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 6)


@dataclass
class SpanCounts:
    """Matched (tp), only the second's (fp) and only the first's (fn) spans or links: the
    counts every agreement and evaluation figure of the tool is made from."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: SpanCounts) -> SpanCounts:
        return SpanCounts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else NAN

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else NAN

    @property
    def f1(self) -> float:
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else NAN

    def to_json(self) -> dict[str, object]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": _num(self.precision), "recall": _num(self.recall),
                "f1": _num(self.f1)}
