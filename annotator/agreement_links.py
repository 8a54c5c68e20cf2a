"""Agreement on links (quote → speaker, claim → claimant) and on attributes (a quote's
``type``, a claim's ``checkworthy``).

* Links: for each role, a link is ``(source span, target span)`` with spans as ``(start,
  end, label)``; two annotators' links match when both ends are the same span (exact
  matching).  Per annotator pair (the first named as reference, as for spans) the counts
  give precision, recall and F1; ``pooled`` adds the pairs' counts, ``mean_f1`` averages
  the pairs' F1.
* Attributes: per ``LABEL.name``, the units are spans both (or all) annotators drew with
  the same start, end and label.  Cohen's kappa per pair on the spans both drew (a value
  missing on one side counts as the value ``-``), and its mean; Fleiss' kappa over the spans
  every annotator drew, in documents they all worked on; ``agreement``: the share of pair
  units with the same value.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from annotator.counts import SpanCounts

NAN = float("nan")
Span = tuple[int, int, str]
LinkItem = tuple[str, Span, Span]  # role, source span, target span
AttributeItem = tuple[Span, str, str]  # span, attribute name, value
MISSING = "-"


def _num(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 6)


LinkCounts = SpanCounts  # links are counted as spans are


@dataclass
class LinkFigures:
    """One role's link agreement: per pair, pooled over pairs, and the pairs' mean F1."""

    role: str
    per_pair: dict[tuple[str, str], LinkCounts] = field(default_factory=dict)

    @property
    def pooled(self) -> LinkCounts:
        total = LinkCounts()
        for counts in self.per_pair.values():
            total = total + counts
        return total

    @property
    def mean_f1(self) -> float:
        found = [c.f1 for c in self.per_pair.values() if not math.isnan(c.f1)]
        return sum(found) / len(found) if found else NAN

    def to_json(self) -> dict[str, object]:
        return {"role": self.role, **self.pooled.to_json(), "f1_mean": _num(self.mean_f1),
                "per_pair": [{"annotators": list(pair), **counts.to_json()}
                             for pair, counts in self.per_pair.items()]}


@dataclass
class AttributeFigures:
    """Agreement on one attribute of one label over the spans annotators drew alike."""

    name: str  # LABEL.attribute
    units: int = 0  # pair units: spans two annotators both drew, summed over pairs
    same: int = 0  # of them, with the same value
    cohen: dict[tuple[str, str], float] = field(default_factory=dict)
    fleiss: float = NAN
    values: Counter[str] = field(default_factory=Counter)  # every value given, counted

    @property
    def cohen_mean(self) -> float:
        found = [k for k in self.cohen.values() if not math.isnan(k)]
        return sum(found) / len(found) if found else NAN

    @property
    def agreement(self) -> float:
        return self.same / self.units if self.units else NAN

    def to_json(self) -> dict[str, object]:
        return {"attribute": self.name, "units": self.units,
                "observed_agreement": _num(self.agreement),
                "cohen_kappa_mean": _num(self.cohen_mean), "fleiss_kappa": _num(self.fleiss),
                "per_pair": [{"annotators": list(pair), "cohen_kappa": _num(kappa)}
                             for pair, kappa in self.cohen.items()],
                "values": dict(sorted(self.values.items()))}


def link_agreement(documents: Iterable[Mapping[str, Sequence[LinkItem]]],
                   names: Sequence[str], roles: Iterable[str] = ()) -> dict[str, LinkFigures]:
    """Per role (those given, then any found): link agreement of every annotator pair over
    ``documents`` (each: annotator -> links; an absent annotator has no key)."""
    figures = {role: LinkFigures(role) for role in roles}
    pairs = list(combinations(names, 2))
    for links in documents:
        by_role: dict[str, dict[str, set[tuple[Span, Span]]]] = {}
        for name, items in links.items():
            for role, source, target in items:
                by_role.setdefault(role, {}).setdefault(name, set()).add((source, target))
        for role in by_role:
            figures.setdefault(role, LinkFigures(role))
        for role, found in figures.items():
            drawn = by_role.get(role, {})
            for first, second in pairs:
                if first not in links or second not in links:
                    continue
                a, b = drawn.get(first, set()), drawn.get(second, set())
                counts = LinkCounts(len(a & b), len(b - a), len(a - b))
                found.per_pair[(first, second)] = found.per_pair.get(
                    (first, second), LinkCounts()) + counts
    return figures


def attribute_agreement(documents: Iterable[Mapping[str, Sequence[AttributeItem]]],
                        spans: Iterable[Mapping[str, Sequence[Span]]],
                        names: Sequence[str]) -> dict[str, AttributeFigures]:
    """Per ``LABEL.attribute``: agreement on the values of spans drawn alike (see the module
    docstring).  ``documents`` and ``spans`` go together, document by document."""
    from annotator.agreement import cohen_kappa_from_pairs, fleiss_kappa_from_counts

    tables: dict[str, dict[tuple[str, str], Counter[tuple[Hashable, Hashable]]]] = {}
    every: dict[str, Counter[tuple[Hashable | None, ...]]] = {}
    found: dict[str, AttributeFigures] = {}
    for values, drawn in zip(documents, spans, strict=True):
        given: dict[str, dict[tuple[Span, str], str]] = {}
        names_of: dict[str, set[str]] = {}
        for name, items in values.items():
            for span, key, value in items:
                given.setdefault(name, {})[(span, key)] = value
                names_of.setdefault(span[2], set()).add(key)
        present = [name for name in names if name in drawn]
        span_sets = {name: set(drawn[name]) for name in present}
        for label, keys in names_of.items():
            for key in sorted(keys):
                attribute = f"{label}.{key}"
                figures = found.setdefault(attribute, AttributeFigures(attribute))
                table = tables.setdefault(attribute, {})
                for name in present:
                    figures.values.update(v for (s, k), v in given.get(name, {}).items()
                                          if k == key and s[2] == label)
                for first, second in combinations(present, 2):
                    shared = {s for s in span_sets[first] & span_sets[second] if s[2] == label}
                    pair_table = table.setdefault((first, second), Counter())
                    for span in shared:
                        a = given.get(first, {}).get((span, key), MISSING)
                        b = given.get(second, {}).get((span, key), MISSING)
                        pair_table[(a, b)] += 1
                        figures.units += 1
                        figures.same += a == b
                if len(present) == len(names):
                    common = set.intersection(*(span_sets[n] for n in names))
                    counts = every.setdefault(attribute, Counter())
                    for span in common:
                        if span[2] == label:
                            counts[tuple(given.get(n, {}).get((span, key), MISSING)
                                         for n in names)] += 1
    for attribute, figures in found.items():
        for pair, pair_table in tables.get(attribute, {}).items():
            figures.cohen[pair] = cohen_kappa_from_pairs(pair_table)
        figures.fleiss = fleiss_kappa_from_counts(every.get(attribute, Counter()))
    return dict(sorted(found.items()))
