"""Reading a document's suggestion layer: the open suggestions, their scores, and moving
from one to the next.

A suggestion is an annotation with ``layer="suggestion"`` whose ``annotator`` names the
recommender; its attributes hold the ``score`` (0 to 1, as text), the ``evidence`` when
there is one, and the attributes it proposes.  An open suggestion has no ``status``; once
the annotator decided it keeps ``status="rejected"`` or ``"accepted"`` (the annotation
made from it has a ``source`` link to it), so that it is never proposed again, and it is
hidden from every view and list.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.gold import SOURCE
from annotator.layers import EVIDENCE, SCORE, SUGGESTION, is_open_suggestion
from annotator.model import Annotation, Document, in_text_order

REJECTED = "rejected"  # the annotator turned the suggestion down
ACCEPTED = "accepted"  # the annotator accepted it (perhaps with another span or label)


def score_of(annotation: Annotation) -> float:
    """A suggestion's score (0.0 when it has none or an unreadable one)."""
    try:
        return float(annotation.attributes.get(SCORE, "0"))
    except ValueError:
        return 0.0


def format_score(score: float) -> str:
    """A score as stored in the file: clamped to [0, 1], at most four significant digits."""
    if not score > 0.0:  # NaN and -0.0 too
        score = 0.0
    return f"{min(score, 1.0):.4g}"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An open suggestion as lists show it: the annotation and its score."""

    annotation: Annotation
    score: float

    @property
    def id(self) -> str:
        return self.annotation.id

    @property
    def start(self) -> int:
        return self.annotation.start

    @property
    def end(self) -> int:
        return self.annotation.end

    @property
    def label(self) -> str:
        return self.annotation.label

    @property
    def recommender(self) -> str:
        return self.annotation.annotator

    @property
    def evidence(self) -> str:
        return self.annotation.attributes.get(EVIDENCE, "")


def text_order(suggestion: Suggestion) -> tuple[int, int, str]:
    """The key of :func:`~annotator.model.in_text_order`'s order, for suggestions: by start,
    the longer first, then by id (lists of suggestions are kept, merged and searched in it;
    read from the annotation itself, not through the properties: 200,000 keys a merge)."""
    annotation = suggestion.annotation
    return annotation.start, -annotation.end, annotation.id


def suggestion_of(document: Document, annotation: Annotation) -> Annotation | None:
    """The suggestion ``annotation`` was accepted from (its ``source`` link into the
    suggestion layer), if any; its ``annotator`` is the recommender."""
    for link in annotation.links:
        if link.role == SOURCE:
            found = document.annotations.get(link.target)
            if found is not None and found.layer == SUGGESTION:
                return found
    return None


def _order(annotation: Annotation) -> tuple[int, int, str]:
    """Text order: by start, the longer first, then by id."""
    return annotation.start, -annotation.end, annotation.id


def open_suggestions(document: Document, *, label: str | None = None,
                     min_score: float = 0.0, recommender: str | None = None
                     ) -> list[Suggestion]:
    """The open suggestions in text order, only those of ``label``, scoring at least
    ``min_score`` and made by ``recommender`` when these are given."""
    found = [annotation for annotation in document.annotations
             if is_open_suggestion(annotation)
             and (label is None or annotation.label == label)
             and (recommender is None or annotation.annotator == recommender)]
    scored = [Suggestion(annotation, score_of(annotation)) for annotation in in_text_order(found)]
    return [suggestion for suggestion in scored if suggestion.score >= min_score]


def next_suggestion(document: Document, position: int, current: str | None = None
                    ) -> Suggestion | None:
    """The first open suggestion after ``current`` (an open suggestion's id) in text order,
    or, without one, the first starting at or after ``position``; None when there is none."""
    return _step(document, position, current, forward=True)


def previous_suggestion(document: Document, position: int, current: str | None = None
                        ) -> Suggestion | None:
    """The last open suggestion before ``current`` in text order, or, without one, the last
    starting before ``position``; None when there is none."""
    return _step(document, position, current, forward=False)


def _step(document: Document, position: int, current: str | None, *, forward: bool
          ) -> Suggestion | None:
    here = document.annotations.get(current) if current is not None else None
    # Without a current suggestion, a mark before every span starting at ``position``.
    mark = (_order(here) if here is not None and is_open_suggestion(here)
            else (position, -len(document.text) - 1, ""))
    best: Annotation | None = None
    for annotation in document.annotations:
        if not is_open_suggestion(annotation):
            continue
        key = _order(annotation)
        if forward:
            if key > mark and (best is None or key < _order(best)):
                best = annotation
        elif key < mark and (best is None or key > _order(best)):
            best = annotation
    return Suggestion(best, score_of(best)) if best is not None else None
