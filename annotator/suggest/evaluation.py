"""Entity-level precision, recall and F1 of proposed spans against gold spans.

Spans are ``(start, end, label)`` triples, half-open code-point ranges.  Scores are counted
per label and summed over labels (micro average), over any number of documents given as two
parallel lists of span lists.  Two ways to match:

``exact``
    A proposed span is right when the gold of its document has the same start, end and label
    (seqeval's and conlleval's entity F1 when the spans are token runs).  Each gold span is
    matched at most once, so duplicates count as many times as they occur.
``overlap``
    A proposed span is right when it shares at least one character with a gold span of the
    same label that no other proposed span matched; matched one to one as agreement and
    merging match them (:func:`annotator.agreement.span_counts`, which does the counting
    for both ways).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from annotator.agreement import span_counts
from annotator.counts import SpanCounts

Span = tuple[int, int, str]
Match = Literal["exact", "overlap"]
MATCHES: tuple[str, ...] = ("exact", "overlap")


@dataclass(frozen=True, slots=True)
class Score:
    """Counts for one label (or all of them) and the ratios they give (0 when undefined)."""

    correct: int = 0
    proposed: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.proposed + self.gold
        return 2 * self.correct / total if total else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.correct + other.correct, self.proposed + other.proposed,
                     self.gold + other.gold)


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Scores per label (sorted by label) and their micro average."""

    per_label: dict[str, Score] = field(default_factory=dict)
    micro: Score = Score()

    def as_dict(self) -> dict[str, dict[str, float | int]]:
        """``{label: {precision, recall, f1, correct, proposed, gold}}`` with ``"micro"`` last,
        for JSON output."""
        rows = {**self.per_label, "micro": self.micro}
        return {name: {"precision": s.precision, "recall": s.recall, "f1": s.f1,
                       "correct": s.correct, "proposed": s.proposed, "gold": s.gold}
                for name, s in rows.items()}


def evaluate_spans(gold: Sequence[Sequence[Span]], proposed: Sequence[Sequence[Span]],
                   match: Match = "exact") -> Evaluation:
    """Scores of ``proposed`` against ``gold``: one list of spans per document, both lists
    in the same document order.  ``match`` is ``exact`` or ``overlap`` (module docstring)."""
    if len(gold) != len(proposed):
        raise ValueError(f"{len(gold)} gold documents but {len(proposed)} proposed")
    if match not in MATCHES:
        raise ValueError(f"unknown match {match!r}; use exact or overlap")
    counts: dict[str, SpanCounts] = {}
    for gold_spans, proposed_spans in zip(gold, proposed, strict=True):
        found = span_counts(list(gold_spans), list(proposed_spans), overlap=match == "overlap")
        for label, count in found.items():
            counts[label] = counts.get(label, SpanCounts()) + count
    per_label = {label: Score(c.tp, c.tp + c.fp, c.tp + c.fn)
                 for label, c in sorted(counts.items())}
    micro = sum(per_label.values(), Score())
    return Evaluation(per_label, micro)
