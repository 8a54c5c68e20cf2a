"""The project's own annotations as suggestions: every name accepted anywhere in a set of
documents proposed wherever it occurs in another, with the label annotators gave it most.

A name is the text of an annotation of an entity label (not a quote or claim, at most
:data:`MAX_WORDS` words) in an annotator's layer or gold (suggestions are not accepted yet),
grouped by its folded form.  Occurrences are those of
:func:`annotator.occurrences.find_occurrences_of_many` (search folding, proclitics allowed).
Where names overlap the longer wins; a place some annotation of an entity label already
covers gets nothing.  The score is the share of the winning label times ``n / (n + 1)`` for
``n`` annotations of the name: 0.5 for one, 0.75 for three that agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.model import Document
from annotator.occurrences import find_occurrences_of_many
from annotator.project import is_tei_name, project_files
from annotator.search import fold
from annotator.suggest.proposal import Progress, Proposal
from annotator.tagset import TagSet, default_tagset, tagset_for
from annotator.tei import read_tei

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
    def from_folder(cls, folder: str | Path) -> ProjectNames:
        """Names from every TEI file of the project folder, with its tag set.  A file that
        cannot be read is passed over (the project list already reports it)."""
        tagset = tagset_for(folder)
        recommender = cls((), tagset)
        for path in project_files(folder):
            if is_tei_name(path):
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

    def propose(self, document: Document, progress: Progress | None = None) -> list[Proposal]:
        """Each known name wherever it occurs in ``document`` and nothing is labelled yet."""
        text = document.text
        if not self.names or not text:
            return []
        if progress:
            progress(0, 2)
        needles = {entry.text: key for key, entry in self.names.items()}
        found = find_occurrences_of_many(text, needles)
        if progress:
            progress(1, 2)
        covered = bytearray(len(text))
        for annotation in document.annotations:
            if annotation.layer != SUGGESTION_LAYER and self.is_name_label(annotation.label):
                covered[annotation.start:annotation.end] = b"\x01" * (annotation.end
                                                                      - annotation.start)
        matches = [(start, end, needle) for needle, spans in found.items()
                   for start, end in spans]
        matches.sort(key=lambda m: (m[0] - m[1], m[0]))  # longest first
        proposals: list[Proposal] = []
        for start, end, needle in matches:
            if covered.find(1, start, end) != -1:
                continue
            covered[start:end] = b"\x01" * (end - start)
            entry = self.names[needles[needle]]
            label, score = entry.best()
            count = sum(entry.labels.values())
            proposals.append(Proposal(start, end, label, round(score, 3), NAME,
                                      evidence=f"{label} {entry.labels[label]} of {count} "
                                               "times in the project"))
        proposals.sort(key=lambda p: p.start)
        if progress:
            progress(2, 2)
        return proposals
