"""What every recommender returns: proposed spans with a label, a score and their evidence."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import NamedTuple, Protocol

from annotator.model import Document
from annotator.wordindex import FoldedWords

# Progress callback: (done, total) in units the recommender chooses (characters, sentences…).
Progress = Callable[[int, int], None]


class ProposedLink(NamedTuple):
    """A link from a proposal to the span ``[start, end)`` labelled ``label``: an existing
    annotation of the document or another proposal of the same run (matched by span and
    label when the proposals are stored)."""

    role: str  # "speaker", "claimant"
    start: int
    end: int
    label: str


NO_ATTRIBUTES: Mapping[str, str] = MappingProxyType({})
"""The attributes of a proposal that gives none (read-only: shared by all of them)."""


class Proposal(NamedTuple):
    """One proposed span.  Offsets are code points into ``Document.text``, half-open.

    ``score`` is in ``[0, 1]``; ``recommender`` names who proposed it (``cues``, ``claims``,
    ``project``, ``crf``, ``model``); ``attributes`` are those the annotation would get
    (``type: direct``…); ``evidence`` is a short human-readable reason (the cue word…).

    A named tuple: immutable like the frozen dataclass it was, and made in 0.4 µs instead of
    1.1 µs.  The project's names propose 170,000 of them on the 5 MB benchmark article, each
    made again in the window from the child process's rows (bench/bench_suggest.py).
    """

    start: int
    end: int
    label: str
    score: float
    recommender: str
    attributes: Mapping[str, str] = NO_ATTRIBUTES
    links: tuple[ProposedLink, ...] = ()
    evidence: str = ""


class Recommender(Protocol):
    """Anything that proposes spans for a document."""

    name: str

    def propose(self, document: Document, progress: Progress | None = None, *,
                index: FoldedWords | None = None) -> list[Proposal]:
        """Proposals for ``document``, in any order; never changes the document.  ``index``
        is the words of its folded text when the run has built them (recommenders that look
        words up use it instead of folding the text again)."""
        ...
