"""Annotation layers: each annotator's own work, an adjudicated ``gold`` layer, and the
``suggestion`` layer of recommenders' proposals (not anyone's work until accepted)."""

from __future__ import annotations

from annotator.model import Annotation, Document

GOLD = "gold"
SUGGESTION = "suggestion"  # layer of proposals; ``annotator`` names the recommender
# Attributes a suggestion keeps besides those it proposes: its score (0 to 1), the evidence
# (why it was proposed), and a status once the annotator decided ("rejected", "accepted").
SCORE, EVIDENCE, STATUS = "score", "evidence", "status"
SUGGESTION_BOOKKEEPING = frozenset({SCORE, EVIDENCE, STATUS})
_NOT_WORK = frozenset({GOLD, SUGGESTION})


def is_work(annotation: Annotation) -> bool:
    """True for an annotator's own work: neither gold nor a suggestion."""
    return annotation.layer not in _NOT_WORK


def is_open_suggestion(annotation: Annotation) -> bool:
    """True for a suggestion still waiting for a decision (a decided one has a ``status``)."""
    return annotation.layer == SUGGESTION and STATUS not in annotation.attributes


def has_other_layers(document: Document) -> bool:
    """True when the document holds more than annotators' work (gold or suggestions), so that
    "everything" must be selected with :func:`select_layer`."""
    return any(a.layer in _NOT_WORK for a in document.annotations)


def related(first: Annotation, second: Annotation) -> bool:
    """True when two spans are readings of the same thing (the rule merging and adjudication
    share): they overlap and have the same label, or they have different labels over mostly
    the same characters (Jaccard >= 0.5)."""
    shared = min(first.end, second.end) - max(first.start, second.start)
    if shared <= 0:
        return False
    if first.label == second.label:
        return True
    union = max(first.end, second.end) - min(first.start, second.start)
    return 2 * shared >= union


def layer_names(document: Document) -> list[str]:
    """``gold`` (if present), every annotator with work of their own, then ``suggestion``
    when open suggestions are there (recommenders are not annotators)."""
    names = []
    if any(a.layer == GOLD for a in document.annotations):
        names.append(GOLD)
    names.extend(dict.fromkeys(a.annotator for a in document.annotations if is_work(a)))
    if any(map(is_open_suggestion, document.annotations)):
        names.append(SUGGESTION)
    return names


def select_layer(document: Document, layer: str | None = None,
                 labels: frozenset[str] | None = None) -> Document:
    """A copy of ``document`` holding one layer's annotations (and only ``labels``, if given).

    ``layer`` None means the gold layer when the document has one, else every annotator's
    work; ``"gold"`` the gold layer; ``"suggestion"`` the open suggestions (rejected ones
    are left out); any other value that annotator's own annotations.  Suggestions are
    selected only by name.  Links to annotations left out are dropped from the copy.
    """
    has_gold = any(a.layer == GOLD for a in document.annotations)
    if layer is None:
        keep = (lambda a: a.layer == GOLD) if has_gold else is_work
    elif layer == GOLD:
        keep = lambda a: a.layer == GOLD  # noqa: E731
    elif layer == SUGGESTION:
        keep = is_open_suggestion
    else:
        keep = lambda a: is_work(a) and a.annotator == layer  # noqa: E731
    return _copy_with(document, [a for a in document.annotations
                                 if keep(a) and (labels is None or a.label in labels)])


def without_suggestions(document: Document) -> Document:
    """``document`` itself when it holds no suggestions, else a copy without them (links to
    them dropped): everything that is someone's work or gold."""
    if not any(a.layer == SUGGESTION for a in document.annotations):
        return document
    return _copy_with(document, [a for a in document.annotations if a.layer != SUGGESTION])


def _copy_with(document: Document, chosen: list[Annotation]) -> Document:
    """A copy of ``document`` holding ``chosen``, their links to the others dropped."""
    ids = {a.id for a in chosen}
    copy = Document(document.id, document.text, document.title, document.source,
                    document.language, document.direction, dict(document.status))
    copy.annotations.extend(
        a if all(link.target in ids for link in a.links)
        else a.with_changes(links=tuple(x for x in a.links if x.target in ids),
                            modified=a.modified)
        for a in chosen)
    return copy
