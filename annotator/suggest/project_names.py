"""The project's own annotations as suggestions: every name accepted anywhere in a set of
documents proposed wherever it occurs in another, with the label annotators gave it most.

A name is the text of an annotation of an entity label (not a quote or claim, at most
:data:`MAX_WORDS` words) in an annotator's layer or gold (suggestions are not accepted yet),
grouped by its folded form.  Occurrences are those of :mod:`annotator.occurrences` (search
folding, proclitics allowed; :func:`~annotator.occurrences.candidates`).  Where names overlap
the longer (in folded characters) wins, the earlier of two as long; a place some annotation
of an entity label already covers gets nothing.  Overlaps are settled in the folded text, so
only the places kept are mapped back to the original text.  The score is the share of the
winning label times ``n / (n + 1)`` for ``n`` annotations of the name: 0.5 for one, 0.75 for
three that agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Set
from dataclasses import dataclass
from pathlib import Path

from annotator.align import is_grapheme_boundary
from annotator.errors import AnnotatorError
from annotator.model import Document
from annotator.occurrences import candidates, key_table
from annotator.project import is_tei_name, project_files
from annotator.search import fold
from annotator.suggest.evidence import PROJECT_NAME
from annotator.suggest.proposal import Progress, Proposal
from annotator.tagset import TagSet, default_tagset, tagset_for
from annotator.tei import read_tei
from annotator.wordindex import FoldedWords, folded_words

NAME = "project"
MAX_WORDS = 6
SUGGESTION_LAYER = "suggestion"
_NOT_NAMES = frozenset({"quote", "claim"})


@dataclass
class NameLabels:
    """One name as annotated in the project: a text it was found as and its labels' counts."""

    text: str
    labels: Counter[str]

    def best(self) -> tuple[str, float]:
        """The label given most often (ties: the name first in sort order) and its score."""
        label, count = min(self.labels.items(), key=lambda item: (-item[1], item[0]))
        total = sum(self.labels.values())
        return label, count / total * total / (total + 1)


class ProjectNames:
    """The project-names recommender (``name`` ``project``)."""

    name = NAME

    def __init__(self, documents: Iterable[Document], tagset: TagSet | None = None) -> None:
        self.tagset = tagset or default_tagset()
        self.names: dict[str, NameLabels] = {}
        for document in documents:
            self.learn(document)

    @classmethod
    def from_folder(cls, folder: str | Path, skip: Set[Path] = frozenset()) -> ProjectNames:
        """Names from every TEI file of the project folder but those of ``skip``, with its
        tag set.  A file that cannot be read is passed over (the project list already
        reports it)."""
        tagset = tagset_for(folder)
        recommender = cls((), tagset)
        skipped = {path.resolve() for path in skip}
        for path in project_files(folder):
            if is_tei_name(path) and path.resolve() not in skipped:
                try:
                    recommender.learn(read_tei(path).document)
                except (AnnotatorError, OSError):
                    continue
        return recommender

    def is_name_label(self, label: str) -> bool:
        """True for labels whose spans are names (not quotes or claims)."""
        return self.tagset.get(label).kind not in _NOT_NAMES

    def learn(self, document: Document) -> None:
        """Count the names ``document``'s accepted annotations give."""
        text = document.text
        for annotation in document.annotations:
            if annotation.layer == SUGGESTION_LAYER or not self.is_name_label(annotation.label):
                continue
            span = text[annotation.start:annotation.end]
            if len(span.split()) > MAX_WORDS:
                continue
            key = fold(span.strip())
            if not any(ch.isalnum() for ch in key):
                continue
            entry = self.names.get(key)
            if entry is None:
                entry = self.names[key] = NameLabels(span.strip(), Counter())
            entry.labels[annotation.label] += 1

    def propose(self, document: Document, progress: Progress | None = None, *,
                index: FoldedWords | None = None) -> list[Proposal]:
        """Each known name wherever it occurs in ``document`` and nothing is labelled yet."""
        text = document.text
        if not self.names or not text:
            return []
        if progress:
            progress(0, 3)
        if index is None:
            index = folded_words(text)
        # Where names of each length start: the name at a start is the folded text there.
        by_length: dict[int, list[int]] = {}
        for key, starts in candidates(index, key_table(self.names)).items():
            by_length.setdefault(len(key), []).extend(starts)
        if progress:
            progress(1, 3)
        found = index.found
        folded = found.folded
        covered = bytearray(len(text))  # original characters an entity annotation holds
        for annotation in document.annotations:
            if annotation.layer != SUGGESTION_LAYER and self.is_name_label(annotation.label):
                covered[annotation.start:annotation.end] = b"\x01" * (annotation.end
                                                                      - annotation.start)
        # Folded characters a proposal holds or whose original one is covered: a place
        # holding one is passed over before it is mapped back (a place is also covered
        # when only a skipped character of its span is, checked once mapped back).
        taken = found.folded_marks(covered)
        made: dict[str, tuple[str, float, str]] = {}  # key -> label, score, evidence
        proposals: list[Proposal] = []
        for length in sorted(by_length, reverse=True):  # longest first, then left to right
            held = b"\x01" * length
            for at in sorted(by_length[length]):
                end = at + length
                if taken.find(1, at, end) != -1:
                    continue
                start, stop = found.span_of(at, end)
                if (covered.find(1, start, stop) != -1 or not is_grapheme_boundary(text, start)
                        or not is_grapheme_boundary(text, stop)):
                    continue
                taken[at:end] = held
                key = folded[at:end]
                label, score, evidence = made.get(key) or made.setdefault(key, self._why(key))
                proposals.append(Proposal(start, stop, label, score, NAME, evidence=evidence))
        if progress:
            progress(2, 3)
        proposals.sort(key=lambda p: p.start)
        if progress:
            progress(3, 3)
        return proposals

    def _why(self, key: str) -> tuple[str, float, str]:
        """The label, score and evidence of the name ``key``."""
        entry = self.names[key]
        label, score = entry.best()
        count = sum(entry.labels.values())
        return (label, round(score, 3),
                PROJECT_NAME(label=label, count=entry.labels[label], total=count))
