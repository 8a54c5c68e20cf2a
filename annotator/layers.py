"""Annotation layers: each annotator's own work, and an adjudicated ``gold`` layer."""

from __future__ import annotations

from annotator.model import Annotation, Document

GOLD = "gold"


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
    """``gold`` (if present) followed by every annotator with work of their own."""
    names = []
    if any(a.layer == GOLD for a in document.annotations):
        names.append(GOLD)
    names.extend(dict.fromkeys(a.annotator for a in document.annotations if a.layer != GOLD))
    return names


def select_layer(document: Document, layer: str | None = None,
                 labels: frozenset[str] | None = None) -> Document:
    """A copy of ``document`` holding one layer's annotations (and only ``labels``, if given).

    ``layer`` None means the gold layer when the document has one, else all annotations;
    ``"gold"`` the gold layer; any other value that annotator's own annotations.  Links to
    annotations left out are dropped from the copy.
    """
    has_gold = any(a.layer == GOLD for a in document.annotations)
    if layer is None:
        keep = (lambda a: a.layer == GOLD) if has_gold else (lambda a: True)
    elif layer == GOLD:
        keep = lambda a: a.layer == GOLD  # noqa: E731
    else:
        keep = lambda a: a.layer != GOLD and a.annotator == layer  # noqa: E731
    chosen = [a for a in document.annotations
              if keep(a) and (labels is None or a.label in labels)]
    ids = {a.id for a in chosen}
    copy = Document(document.id, document.text, document.title, document.source,
                    document.language, document.direction, dict(document.status))
    copy.annotations.extend(
        a if all(link.target in ids for link in a.links)
        else a.with_changes(links=tuple(x for x in a.links if x.target in ids),
                            modified=a.modified)
        for a in chosen)
    return copy
