"""Inter-annotator agreement: pure metric functions and a corpus report built from them.

Metrics (each tested against published worked examples or the ``krippendorff`` package):

* :func:`cohen_kappa` — two annotators (Cohen 1960).
* :func:`fleiss_kappa` — any fixed number of annotators per unit (Fleiss 1971).
* :func:`krippendorff_alpha` — nominal alpha, any number of annotators, missing values allowed
  (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").
* :func:`unitizing_alpha` — Krippendorff's alpha_u for unitizing a continuum (characters),
  per category and overall (Krippendorff 1995; 2004, section 12.6.2); tested against the worked
  examples of both as reproduced in DKPro Statistics' tests.
* :func:`span_counts` — span precision/recall/F1 with exact matching (same start, end and
  label) or overlap matching (same label, spans share a character; one-to-one, greedily by
  overlap size).

The ``*_from_counts`` variants take a histogram of *value tuples*: key ``(v0, v1, …)`` holds the
value each annotator gave one unit (None: that annotator gave none), mapped to how many units
had exactly that tuple.  Token-level data compresses well this way (most tokens are ``O`` for
everybody), and the histograms of many documents simply add up.

An undefined figure (no variation at all, so chance agreement is 1) is ``nan``; the report
shows it as "n/a".

Report (:func:`agreement_report`): units are tokens (see :mod:`annotator.agreement_units`).
Overall token figures use one label per token (innermost span, else ``O``); per-label figures
ask per token "does a span with this label cover it?".  Cohen's kappa is given per annotator
pair and as the mean over pairs; Fleiss' kappa uses only documents every annotator worked on;
alpha uses everything, with absent annotators as missing values.  Span figures pool the counts
of every unordered annotator pair (the first named annotator as reference: precision of the
second against the first); F1 is symmetric.  Micro pools counts over labels, macro averages the
per-label F1.  Unitizing alpha lays the documents end to end as one character continuum
(per pair: the documents both worked on; overall: those all worked on).  The confusion matrix
counts, over annotator pairs and tokens, how often one
annotator's label met another's; it is symmetric (each pair counted both ways).
"""

from __future__ import annotations

import functools
import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from annotator.agreement_links import (
    AttributeFigures,
    AttributeItem,
    LinkFigures,
    LinkItem,
    attribute_agreement,
    link_agreement,
)
from annotator.agreement_units import OUTSIDE as OUTSIDE  # the report's "no label", too
from annotator.agreement_units import (
    label_sets_to_patterns,
    spans_to_token_labels,
    spans_to_token_sets,
    text_to_tokens,
)
from annotator.counts import SpanCounts
from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError
from annotator.overlap import overlap_joins

NAN = float("nan")
Value = Hashable
ValueCounts = Mapping[tuple[Value | None, ...], int]
Span = tuple[int, int, str]


class AgreementError(AnnotatorError, ValueError):
    """Data that no agreement figure can be computed from (wrong shapes, too few annotators)."""


# -- Cohen's kappa -------------------------------------------------------------------------

def cohen_kappa_from_pairs(pairs: Mapping[tuple[Value, Value], int]) -> float:
    """Cohen's kappa from a table ``{(first's value, second's value): count}``."""
    total = sum(pairs.values())
    if total == 0:
        return NAN
    first: Counter[Value] = Counter()
    second: Counter[Value] = Counter()
    observed = 0
    for (a, b), count in pairs.items():
        first[a] += count
        second[b] += count
        if a == b:
            observed += count
    expected = sum(first[v] * second.get(v, 0) for v in first) / (total * total)
    if expected >= 1.0:
        return NAN
    return (observed / total - expected) / (1.0 - expected)


def cohen_kappa(first: Sequence[Value], second: Sequence[Value]) -> float:
    """Cohen's kappa of two annotators' values for the same units."""
    if len(first) != len(second):
        raise AgreementError(Errors.E550, first=len(first), second=len(second))
    return cohen_kappa_from_pairs(Counter(zip(first, second, strict=True)))


def pairs_from_counts(values: ValueCounts, i: int, j: int) -> Counter[tuple[Value, Value]]:
    """Annotators ``i`` and ``j``'s table of value pairs (units where both gave a value)."""
    pairs: Counter[tuple[Value, Value]] = Counter()
    for key, count in values.items():
        a, b = key[i], key[j]
        if a is not None and b is not None:
            pairs[(a, b)] += count
    return pairs


# -- Fleiss' kappa -------------------------------------------------------------------------

def fleiss_kappa(table: Sequence[Sequence[int]]) -> float:
    """Fleiss' kappa from a units × categories table of how many annotators chose each.

    Every row must sum to the same number of annotators (at least two).
    """
    if not table:
        return NAN
    raters = sum(table[0])
    if raters < 2:
        raise AgreementError(Errors.E551)
    totals = [0] * len(table[0])
    agreement = 0.0
    for number, row in enumerate(table, 1):
        if sum(row) != raters or len(row) != len(totals):
            raise AgreementError(Errors.E552, number=number, raters=raters,
                                 categories=len(totals))
        agreement += (sum(c * c for c in row) - raters) / (raters * (raters - 1))
        for column, c in enumerate(row):
            totals[column] += c
    return _fleiss(agreement, len(table), raters, totals)


def _fleiss(agreement_sum: float, units: int, raters: int, totals: Iterable[int]) -> float:
    observed = agreement_sum / units
    expected = sum((t / (units * raters)) ** 2 for t in totals)
    if expected >= 1.0:
        return NAN
    return (observed - expected) / (1.0 - expected)


def fleiss_kappa_from_counts(values: ValueCounts) -> float:
    """Fleiss' kappa over the units where every annotator gave a value."""
    units = 0
    agreement = 0.0
    totals: Counter[Value] = Counter()
    raters = 0
    for key, count in values.items():
        if None in key:
            continue
        raters = len(key)
        per_unit = Counter(key)
        agreement += count * (sum(c * c for c in per_unit.values()) - raters) / (
            raters * (raters - 1)) if raters > 1 else 0.0
        for value, c in per_unit.items():
            totals[value] += c * count
        units += count
    if units == 0 or raters < 2:
        return NAN
    return _fleiss(agreement, units, raters, totals.values())


# -- Krippendorff's alpha (nominal) --------------------------------------------------------

def coincidences(values: ValueCounts) -> dict[tuple[Value, Value], float]:
    """Krippendorff's coincidence matrix ``o[c, k]`` (units with fewer than two values drop;
    a pair that never coincides is left out)."""
    matrix: dict[tuple[Value, Value], float] = {}
    for key, count in values.items():
        present = Counter(v for v in key if v is not None)
        pairable = sum(present.values())
        if pairable < 2:
            continue
        weight = count / (pairable - 1)
        for c, nc in present.items():
            for k, nk in present.items():
                pairs = nc * (nc - 1) if c == k else nc * nk
                if pairs:
                    matrix[(c, k)] = matrix.get((c, k), 0.0) + pairs * weight
    return matrix


def krippendorff_alpha_from_counts(values: ValueCounts) -> float:
    """Nominal Krippendorff's alpha from a histogram of value tuples."""
    matrix = coincidences(values)
    margins: dict[Value, float] = {}
    for (c, _k), o in matrix.items():
        margins[c] = margins.get(c, 0.0) + o
    n = sum(margins.values())
    disagreement = sum(o for (c, k), o in matrix.items() if c != k)
    expected = (n * n - sum(m * m for m in margins.values()))
    if n <= 1 or expected <= 0:
        return NAN
    return 1.0 - (n - 1) * disagreement / expected


def krippendorff_alpha(data: Sequence[Sequence[Value | None]]) -> float:
    """Nominal alpha from reliability data: one row per annotator, one column per unit.

    None (or a float NaN) marks a missing value, as in the ``krippendorff`` package.
    """
    if not data:
        return NAN
    width = len(data[0])
    if any(len(row) != width for row in data):
        raise AgreementError(Errors.E553)

    def clean(v: Value | None) -> Value | None:
        return None if v is None or (isinstance(v, float) and math.isnan(v)) else v

    return krippendorff_alpha_from_counts(Counter(
        tuple(clean(row[u]) for row in data) for u in range(width)))


# -- Krippendorff's unitizing alpha --------------------------------------------------------

def _segments(length: int, units: Iterable[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """``(begin, end, is_unit)`` over ``[0, length)``: units (overlaps joined) and gaps."""
    segments: list[tuple[int, int, bool]] = []
    position = 0
    for start, end in sorted(units):
        if segments and segments[-1][2] and start < segments[-1][1]:  # overlaps the last unit
            if end > segments[-1][1]:
                segments[-1] = (segments[-1][0], end, True)
                position = end
            continue
        if start > position:
            segments.append((position, start, False))
        segments.append((start, end, True))
        position = end
    if position < length:
        segments.append((position, length, False))
    return segments


def _distance(first: tuple[int, int, bool], second: tuple[int, int, bool]) -> int:
    """Krippendorff's squared distance between two overlapping segments of one category."""
    (b1, e1, unit1), (b2, e2, unit2) = first, second
    if unit1 and unit2:
        return (b1 - b2) ** 2 + (e1 - e2) ** 2
    if unit1 and not unit2 and b2 <= b1 and e1 <= e2:
        return (e1 - b1) ** 2
    if unit2 and not unit1 and b1 <= b2 and e2 <= e1:
        return (e2 - b2) ** 2
    return 0


def _pair_distance(first: list[tuple[int, int, bool]], second: list[tuple[int, int, bool]]) -> int:
    """The sum of distances over every overlapping pair of segments (a merge walk)."""
    total = i = j = 0
    while i < len(first) and j < len(second):
        total += _distance(first[i], second[j])
        end1, end2 = first[i][1], second[j][1]
        if end1 <= end2:
            i += 1
        if end2 <= end1:
            j += 1
    return total


def unitizing_disagreements(length: int, observers: Sequence[Sequence[Span]]
                            ) -> dict[str, tuple[float, float]]:
    """Per category, observed and expected disagreement of Krippendorff's alpha_u.

    ``observers[i]`` holds observer i's spans over one continuum ``[0, length)`` (several
    documents may be laid end to end).  Spans of one category by one observer that overlap
    are joined first, as the measure requires.  Formulas of Krippendorff (2004, Content
    Analysis, 2nd ed., section 12.6.2).
    """
    everyone = tuple(range(len(observers)))
    return unitizing_by_group(length, observers, [everyone])[everyone]


def unitizing_by_group(length: int, observers: Sequence[Sequence[Span]],
                       groups: Sequence[tuple[int, ...]]
                       ) -> dict[tuple[int, ...], dict[str, tuple[float, float]]]:
    """:func:`unitizing_disagreements` for several groups of observers of one continuum,
    sharing the segments and pair distances they have in common."""
    if length <= 0 or any(len(group) < 2 for group in groups):
        raise AgreementError(Errors.E554)
    by_category: list[dict[str, list[tuple[int, int]]]] = []
    for spans in observers:
        buckets: dict[str, list[tuple[int, int]]] = {}
        for s, e, label in spans:
            buckets.setdefault(label, []).append((s, e))
        by_category.append(buckets)
    found: dict[tuple[int, ...], dict[str, tuple[float, float]]] = {g: {} for g in groups}
    members = sorted({i for group in groups for i in group})
    for category in sorted({c for buckets in by_category for c in buckets}):
        segments = {i: _segments(length, by_category[i].get(category, ())) for i in members}
        distances: dict[tuple[int, int], int] = {}
        for group in groups:
            m = len(group)
            observed = 0
            for i, j in combinations(group, 2):
                if (i, j) not in distances:
                    distances[(i, j)] = _pair_distance(segments[i], segments[j])
                observed += distances[(i, j)]
            units = [e - b for i in group for b, e, unit in segments[i] if unit]
            if not units:
                continue  # this group never used the category
            gaps = sorted(e - b for i in group for b, e, unit in segments[i] if not unit)
            # For a unit of length l: sum over gaps g >= l of (g - l + 1), from suffix sums.
            suffix = [0] * (len(gaps) + 1)
            for k in range(len(gaps) - 1, -1, -1):
                suffix[k] = suffix[k + 1] + gaps[k]
            n_c = len(units)
            numerator = 0.0
            for l in units:
                first = bisect_left(gaps, l)
                fitting = suffix[first] - (l - 1) * (len(gaps) - first)
                numerator += (n_c - 1) * (2 * l ** 3 - 3 * l ** 2 + l) / 3 + l * l * fitting
            denominator = m * length * (m * length - 1) - sum(l * (l - 1) for l in units)
            d_e = 2 / length * numerator / denominator if denominator > 0 else 0.0
            found[group][category] = (2 * observed / (m * (m - 1) * length * length), d_e)
    return found


def _alpha_from_disagreements(found: Mapping[str, tuple[float, float]]
                              ) -> tuple[float, dict[str, float]]:
    per = {c: (1.0 - d_o / d_e if d_e > 0 else NAN) for c, (d_o, d_e) in found.items()}
    if not found:
        return NAN, per
    mean_o = sum(d_o for d_o, _ in found.values()) / len(found)
    mean_e = sum(d_e for _, d_e in found.values()) / len(found)
    return (1.0 - mean_o / mean_e if mean_e > 0 else NAN), per


def unitizing_alpha(length: int, observers: Sequence[Sequence[Span]]
                    ) -> tuple[float, dict[str, float]]:
    """Krippendorff's alpha_u over all categories (mean observed over mean expected
    disagreement) and per category."""
    return _alpha_from_disagreements(unitizing_disagreements(length, observers))


# -- spans ---------------------------------------------------------------------------------

def match_spans(reference: Sequence[Span], candidate: Sequence[Span], *,
                overlap: bool = False) -> list[tuple[int, int]]:
    """One-to-one matches ``(reference index, candidate index)`` of spans with the same label.

    Exact: same start and end.  Overlap: spans sharing at least one character, taken greedily
    by overlap size (then by how close the boundaries are, then by position), as merging does
    (:mod:`annotator.overlap`).
    """
    if not overlap:
        free: dict[tuple[int, int, str], list[int]] = {}
        for j in range(len(candidate) - 1, -1, -1):
            free.setdefault(candidate[j], []).append(j)
        matches = []
        for i, span in enumerate(reference):
            waiting = free.get(span)
            if waiting:
                matches.append((i, waiting.pop()))
        return matches
    spans = [*reference, *candidate]
    first = len(reference)  # reference spans are numbered first: ties go to the lower i, j
    joins = overlap_joins([s for s, _, _ in spans], [e for _, e, _ in spans],
                          [label for _, _, label in spans],
                          [0] * first + [1] * len(candidate), first_by_start=False)
    return sorted((i, j - first) for i, j in joins)


def span_counts(reference: Sequence[Span], candidate: Sequence[Span], *,
                overlap: bool = False) -> dict[str, SpanCounts]:
    """Per-label counts of ``candidate`` scored against ``reference``."""
    counts: dict[str, SpanCounts] = {}
    matched_i: set[int] = set()
    matched_j: set[int] = set()
    for i, j in match_spans(reference, candidate, overlap=overlap):
        matched_i.add(i)
        matched_j.add(j)
        counts.setdefault(reference[i][2], SpanCounts()).tp += 1
    for i, span in enumerate(reference):
        if i not in matched_i:
            counts.setdefault(span[2], SpanCounts()).fn += 1
    for j, span in enumerate(candidate):
        if j not in matched_j:
            counts.setdefault(span[2], SpanCounts()).fp += 1
    return counts


def micro(counts: Mapping[str, SpanCounts]) -> SpanCounts:
    """The counts of every label pooled."""
    return sum(counts.values(), SpanCounts())


def macro_f1(counts: Mapping[str, SpanCounts]) -> float:
    """The mean of the per-label F1 (labels with no span on either side left out)."""
    scores = [c.f1 for c in counts.values() if not math.isnan(c.f1)]
    return sum(scores) / len(scores) if scores else NAN


def _add_counts(into: dict[str, SpanCounts], more: Mapping[str, SpanCounts]) -> None:
    for label, c in more.items():
        into[label] = into.get(label, SpanCounts()) + c


# -- the report ----------------------------------------------------------------------------

@dataclass
class DocumentSets:
    """One document's text and each annotator's spans (an absent annotator has no key)."""

    doc_id: str
    text: str
    sets: dict[str, list[Span]]
    links: dict[str, list[LinkItem]] = field(default_factory=dict)  # annotator -> links
    attributes: dict[str, list[AttributeItem]] = field(default_factory=dict)


@dataclass
class Figures:
    """Agreement figures for one scope: overall, a label, a document or an annotator pair."""

    alpha: float = NAN
    fleiss: float = NAN
    cohen: float = NAN
    exact: dict[str, SpanCounts] = field(default_factory=dict)
    overlap: dict[str, SpanCounts] = field(default_factory=dict)
    tokens: int = 0
    unitizing: float = NAN  # Krippendorff's alpha_u over characters

    def to_json(self) -> dict[str, object]:
        """Plain numbers (None for undefined) for ``--json``."""
        def num(x: float) -> float | None:
            return None if math.isnan(x) else round(x, 6)

        out: dict[str, object] = {"krippendorff_alpha": num(self.alpha),
                                  "fleiss_kappa": num(self.fleiss),
                                  "cohen_kappa_mean": num(self.cohen),
                                  "unitizing_alpha": num(self.unitizing), "tokens": self.tokens}
        for name, counts in (("exact", self.exact), ("overlap", self.overlap)):
            pooled = micro(counts)
            out[f"span_{name}"] = {
                "tp": pooled.tp, "fp": pooled.fp, "fn": pooled.fn,
                "precision": num(pooled.precision), "recall": num(pooled.recall),
                "f1_micro": num(pooled.f1), "f1_macro": num(macro_f1(counts))}
        return out


@dataclass
class AgreementReport:
    """Everything ``annotator agree`` shows."""

    annotators: list[str]
    labels: list[str]
    overall: Figures
    per_label: dict[str, Figures]
    per_pair: dict[tuple[str, str], Figures]
    per_document: dict[str, Figures]
    confusion: dict[tuple[str, str], int]
    missing: dict[str, list[str]]  # document id -> annotators without work on it
    per_pair_label: dict[tuple[str, str, str], Figures] = field(default_factory=dict)
    links: dict[str, LinkFigures] = field(default_factory=dict)  # role -> link agreement
    attributes: dict[str, AttributeFigures] = field(default_factory=dict)  # LABEL.name ->

    def to_json(self) -> dict[str, object]:
        """The whole report as JSON-ready data."""
        labels = [*self.labels, OUTSIDE]
        return {
            "links": {role: f.to_json() for role, f in self.links.items()},
            "attributes": {name: f.to_json() for name, f in self.attributes.items()},
            "annotators": self.annotators, "labels": self.labels,
            "overall": self.overall.to_json(),
            "per_label": {k: v.to_json() for k, v in self.per_label.items()},
            "per_pair": [{"annotators": list(k), **v.to_json(),
                          "per_label": {label: f.to_json()
                                        for (a, b, label), f in self.per_pair_label.items()
                                        if (a, b) == k}}
                         for k, v in self.per_pair.items()],
            "per_document": {k: v.to_json() for k, v in self.per_document.items()},
            "confusion": {"labels": labels,
                          "matrix": [[self.confusion.get((a, b), 0) for b in labels]
                                     for a in labels]},
            "missing": self.missing,
        }


def _mean(values: Iterable[float]) -> float:
    found = [v for v in values if not math.isnan(v)]
    return sum(found) / len(found) if found else NAN


@dataclass
class _Tally:
    """Token histograms and span counts of one scope, before they become figures."""

    values: Counter[tuple[Value | None, ...]] = field(default_factory=Counter)
    per_label: dict[str, Counter[tuple[Value | None, ...]]] = field(default_factory=dict)
    exact: dict[tuple[int, int], dict[str, SpanCounts]] = field(default_factory=dict)
    overlap: dict[tuple[int, int], dict[str, SpanCounts]] = field(default_factory=dict)


@dataclass
class DocumentTally(_Tally):
    """One document's share of a report: its histograms, span counts and own figures.

    ``per_label`` holds only the labels used in this document; the report adds the all-"no"
    tokens for the others.
    """

    tokens: int = 0
    figures: Figures = field(default_factory=Figures)


def document_tally(doc: DocumentSets, annotators: Sequence[str]) -> DocumentTally:
    """The per-document work of :func:`agreement_report` (independent of other documents)."""
    tokens = text_to_tokens(doc.text)
    sets = [doc.sets.get(name) for name in annotators]
    tally = DocumentTally(tokens=len(tokens))
    columns = [None if spans is None else spans_to_token_labels(tokens, spans)
               for spans in sets]
    filler = [None] * len(tokens)
    tally.values = Counter(zip(*(filler if c is None else c for c in columns), strict=True))
    label_sets = [None if spans is None else spans_to_token_sets(tokens, spans)
                  for spans in sets]
    for label in sorted({label for found in label_sets if found for label in found}):
        tally.per_label[label] = Counter(label_sets_to_patterns(
            [None if found is None else found.get(label, set()) for found in label_sets],
            len(tokens)))
    for i, j in combinations(range(len(annotators)), 2):
        first, second = sets[i], sets[j]
        if first is None or second is None:
            continue
        tally.exact[(i, j)] = span_counts(first, second)
        tally.overlap[(i, j)] = span_counts(first, second, overlap=True)
    tally.figures = _figures(tally.values, tally.exact, tally.overlap)
    present = [spans for spans in sets if spans is not None]
    if len(present) >= 2 and doc.text:
        tally.figures.unitizing = unitizing_alpha(len(doc.text), present)[0]
    return tally


def _figures(values: ValueCounts, exact: Mapping[tuple[int, int], Mapping[str, SpanCounts]],
             overlap: Mapping[tuple[int, int], Mapping[str, SpanCounts]],
             label: str | None = None) -> Figures:
    figures = Figures(alpha=krippendorff_alpha_from_counts(values),
                      fleiss=fleiss_kappa_from_counts(values),
                      tokens=sum(values.values()))
    width = len(next(iter(values))) if values else 0
    figures.cohen = _mean(cohen_kappa_from_pairs(pairs_from_counts(values, i, j))
                          for i, j in combinations(range(width), 2))
    for source, into in ((exact, figures.exact), (overlap, figures.overlap)):
        for counts in source.values():
            if label is None:
                _add_counts(into, counts)
            elif label in counts:
                _add_counts(into, {label: counts[label]})
    return figures


class _Continuum:
    """Several documents' spans laid end to end, for unitizing alpha."""

    def __init__(self, observers: int) -> None:
        self.length = 0
        self.observers: list[list[Span]] = [[] for _ in range(observers)]

    def append(self, length: int, sets: Sequence[Sequence[Span]]) -> None:
        offset = self.length
        for into, spans in zip(self.observers, sets, strict=True):
            into.extend((s + offset, e + offset, label) for s, e, label in spans)
        self.length += length

    def alpha(self, groups: Sequence[tuple[int, ...]] | None = None
              ) -> dict[tuple[int, ...], tuple[float, dict[str, float]]]:
        """Overall and per-category alpha_u of each group of observers (default: all)."""
        groups = list(groups or [tuple(range(len(self.observers)))])
        if self.length == 0:
            return {group: (NAN, {}) for group in groups}
        found = unitizing_by_group(self.length, self.observers, groups)
        return {group: _alpha_from_disagreements(found[group]) for group in groups}


def agreement_report(documents: Iterable[DocumentSets],
                     annotators: Sequence[str] | None = None,
                     map_function: Callable[..., Iterable[DocumentTally]] = map
                     ) -> AgreementReport:
    """Agreement of every annotator with every other, per label, pair and document.

    ``annotators`` fixes their order (default: order of first appearance).  The documents'
    own work goes through ``map_function`` (``map``, or a process pool's map: the work of
    :func:`document_tally` is independent per document).
    """
    docs = list(documents)
    if annotators is None:
        annotators = list(dict.fromkeys(name for d in docs for name in d.sets))
    names = list(annotators)
    if len(names) < 2:
        if not names:
            raise AgreementError(Errors.E556)
        raise AgreementError(Errors.E555, names=", ".join(names))
    tallies = list(map_function(functools.partial(document_tally, annotators=names), docs))
    return report_from_tallies(docs, tallies, names)


def report_from_tallies(docs: Sequence[DocumentSets], tallies: Sequence[DocumentTally],
                        names: Sequence[str]) -> AgreementReport:
    """Pool the documents' tallies (one per document, same order) into the report."""
    names = list(names)
    # Every label is asked of every token, also in documents where nobody used it.
    labels = sorted({label for tally in tallies for label in tally.per_label})
    total = _Tally()
    per_document: dict[str, Figures] = {}
    missing: dict[str, list[str]] = {}
    pairs = list(combinations(range(len(names)), 2))
    # Unitizing alpha: documents laid end to end, one continuum per group of annotators
    # (all of them, and each pair), over the documents every member of the group worked on.
    groups = [tuple(range(len(names))), *pairs]
    continuum = {group: _Continuum(len(group)) for group in groups}
    every = groups[0]
    for doc, tally in zip(docs, tallies, strict=True):
        absent = [name for name in names if name not in doc.sets]
        if absent:
            missing[doc.doc_id] = absent
        per_document[doc.doc_id] = tally.figures
        total.values.update(tally.values)
        no = tuple(None if name in absent else False for name in names)
        for label in labels:
            counts = total.per_label.setdefault(label, Counter())
            found = tally.per_label.get(label)
            if found is None:
                counts[no] += tally.tokens
            else:
                counts.update(found)
        for into, more in ((total.exact, tally.exact), (total.overlap, tally.overlap)):
            for pair, counts_by_label in more.items():
                _add_counts(into.setdefault(pair, {}), counts_by_label)
        if not absent:
            continuum[every].append(len(doc.text), [doc.sets[name] for name in names])
    overall = _figures(total.values, total.exact, total.overlap)
    if not missing:  # one continuum serves every group: segments and distances are shared
        unitizing = continuum[every].alpha(groups)
    else:  # each pair over the documents both worked on
        for doc in docs:
            for group in pairs:
                if group != every and all(names[i] in doc.sets for i in group):
                    continuum[group].append(len(doc.text), [doc.sets[names[i]] for i in group])
        unitizing = {group: continuum[group].alpha()[tuple(range(len(group)))]
                     for group in groups}
    overall.unitizing, by_label = unitizing[groups[0]]
    per_label = {label: _figures(total.per_label[label], total.exact, total.overlap,
                                 label) for label in labels}
    for label, value in by_label.items():
        per_label[label].unitizing = value
    per_pair: dict[tuple[str, str], Figures] = {}
    per_pair_label: dict[tuple[str, str, str], Figures] = {}
    for i, j in pairs:
        two: Counter[tuple[Value | None, ...]] = Counter()
        for key, count in total.values.items():
            two[(key[i], key[j])] += count
        figures = _figures(two, {(0, 1): total.exact.get((i, j), {})},
                           {(0, 1): total.overlap.get((i, j), {})})
        figures.unitizing, by_label = unitizing[(i, j)]
        per_pair[(names[i], names[j])] = figures
        for label in labels:
            pair_counts: Counter[tuple[Value | None, ...]] = Counter()
            for key, count in total.per_label[label].items():
                pair_counts[(key[i], key[j])] += count
            one = _figures(pair_counts, {(0, 1): total.exact.get((i, j), {})},
                           {(0, 1): total.overlap.get((i, j), {})}, label)
            one.unitizing = by_label.get(label, NAN)
            per_pair_label[(names[i], names[j], label)] = one
    confusion: Counter[tuple[str, str]] = Counter()
    for i, j in pairs:
        for (a, b), count in pairs_from_counts(total.values, i, j).items():
            confusion[(str(a), str(b))] += count
            confusion[(str(b), str(a))] += count
    return AgreementReport(names, labels, overall, per_label, per_pair, per_document,
                           dict(confusion), missing, per_pair_label,
                           link_agreement([d.links for d in docs], names),
                           attribute_agreement([d.attributes for d in docs],
                                               [d.sets for d in docs], names))
