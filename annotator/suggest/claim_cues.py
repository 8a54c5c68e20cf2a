"""Claim cues: sentences with figures, percentages, comparisons or attributions, as claims.

Each sentence (:func:`annotator.sentences.sentence_breaks`, ``split`` mode) scores its
evidence: an attribution (وفق، بحسب، حسب، نقلاً عن، أفادت…) 0.5, a percentage (``%``, ``٪``,
بالمئة…) 0.4, a figure (a number that is not a year, or مليون، مليار، ألف…) 0.3, a comparison
(أكثر، أقل، ارتفاع، انخفاض، مقارنة…) 0.2.  A sentence scoring 0.5 or more is proposed (its
final punctuation left out), with the score capped at 0.9.  The claimant is the source an
attribution names: an annotation of a person or organisation right after it, else the noun
phrase after it, proposed itself.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

from annotator.model import Document
from annotator.search import fold
from annotator.sentences import sentence_breaks
from annotator.suggest.cues import (
    Cue,
    CueLabels,
    CueWords,
    cue_labels,
    existing_source,
    find_cues,
    noun_phrase,
    reporting_verbs,
    word_forms,
)
from annotator.suggest.evidence import NAMED_AFTER, claim_kinds
from annotator.suggest.proposal import Progress, Proposal, ProposedLink
from annotator.tagset import TagSet, tagset_for
from annotator.tokenize import tokenize_columns
from annotator.wordindex import FoldedWords

NAME = "claims"
ATTRIBUTIONS = ("وفق", "وفقا", "بحسب", "حسب", "نقلا", "أفادت", "أفاد", "طبقا", "استنادا")
PERCENT_WORDS = ("المئة", "المائة", "بالمئة", "بالمائة")
FIGURE_WORDS = ("مليون", "ملايين", "مليار", "مليارات", "ألف", "آلاف", "تريليون", "نصف",
                "ضعف", "أضعاف")
COMPARISONS = ("أكثر", "أقل", "أعلى", "أدنى", "أكبر", "أصغر", "ارتفاع", "انخفاض", "زيادة",
               "تراجع", "مقارنة", "بنسبة", "نمو", "ارتفع", "انخفض", "تراجعت", "ارتفعت")
_WEIGHTS = {"attribution": 0.5, "percent": 0.4, "figure": 0.3, "comparison": 0.2}
_NUMBER = re.compile(r"\d+(?:[.,\u066b\u066c]\d+)*")
_PERCENT_SIGN = re.compile(r"[%٪]")
_YEAR = re.compile(r"(?:1[3-4]\d\d|19\d\d|20\d\d)")
_TRAILING = ".!?؟؛…۔ \n\t،,:"
_MINIMUM = 0.5
_CAP = 0.9


class ClaimCues:
    """The claim-cue recommender (``name`` ``claims``)."""

    name = NAME

    def __init__(self, tagset: TagSet | None = None, verbs: CueWords | None = None) -> None:
        self.labels: CueLabels = cue_labels(tagset)
        kinds = (("attribution", ATTRIBUTIONS), ("percent", PERCENT_WORDS),
                 ("figure", FIGURE_WORDS), ("comparison", COMPARISONS))
        forms: dict[str, str] = {}
        for kind, words in kinds:
            forms.update({form: kind for form in word_forms(words).forms})
        self.words = CueWords(forms)
        self.verbs = verbs or reporting_verbs()

    @classmethod
    def for_project(cls, folder: str | Path | None) -> ClaimCues:
        """The recommender with the project's tag set and reporting verbs."""
        return cls(tagset_for(folder), reporting_verbs(folder))

    def propose(self, document: Document, progress: Progress | None = None, *,
                index: FoldedWords | None = None) -> list[Proposal]:
        """Claims of ``document`` with their claimants (see the module docstring)."""
        labels = self.labels
        if labels.claim is None:
            return []
        text = document.text
        cues = find_cues(text, self.words, index)
        cue_starts = [c.start for c in cues]
        proposals: list[Proposal] = []
        sentences = list(_sentences(text))
        for number, (start, end) in enumerate(sentences):
            if progress and number % 1000 == 0:
                progress(number, len(sentences))
            found = cues[bisect.bisect_left(cue_starts, start):
                         bisect.bisect_left(cue_starts, end)]
            kinds = {c.base for c in found}
            sentence = text[start:end]
            if _PERCENT_SIGN.search(sentence):
                kinds.add("percent")
            if any(not _YEAR.fullmatch(m.group()) for m in _NUMBER.finditer(sentence)):
                kinds.add("figure")
            score = sum(_WEIGHTS[k] for k in kinds)
            if score < _MINIMUM:
                continue
            links: tuple[ProposedLink, ...] = ()
            attribution = next((c for c in found if c.base == "attribution"), None)
            if attribution is not None:
                source = self._claimant(document, attribution, end)
                if source is not None:
                    links = (ProposedLink(labels.claimant_role, *source[:3]),)
                    if source[3]:
                        proposals.append(Proposal(source[0], source[1], source[2], 0.4, NAME,
                                                  evidence=NAMED_AFTER(
                                                      cue=text[attribution.start:attribution.end])))
            evidence = claim_kinds(kinds)
            proposals.append(Proposal(start, end, labels.claim, round(min(score, _CAP), 2),
                                      NAME, {}, links, evidence))
        if progress:
            progress(len(sentences), len(sentences))
        return proposals

    def _claimant(self, document: Document, cue: Cue,
                  end: int) -> tuple[int, int, str, bool] | None:
        """The source named after an attribution: ``(start, end, label, proposed)``."""
        text = document.text
        after = cue.end
        if fold(text[cue.start:cue.end]) == fold("نقلا"):  # نقلاً عن X
            found = re.match(r"\W*عن\s+", text[after:end])
            after += found.end() if found else 0
        skip = frozenset({fold("ما"), *self.verbs.forms})  # حسب ما ذكر X
        existing = existing_source(document, after, min(end, after + 80), self.labels)
        if existing is not None:
            return existing.start, existing.end, existing.label, False
        phrase = noun_phrase(text, after, self.labels, limit=min(end - after, 160), skip=skip)
        if phrase is None:
            return None
        return phrase.start, phrase.end, phrase.label, True


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, final punctuation and spaces left out."""
    texts, starts, ends = tokenize_columns(text, "punct")
    breaks = sentence_breaks(texts, starts, ends, text, "split")
    for first, stop in pairwise([0, *breaks, len(texts)]):
        if stop <= first:
            continue
        start, end = starts[first], ends[stop - 1]
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if end > start:
            yield start, end
