"""The annotator's decisions on suggestions, as :class:`~annotator.edits.Change` values.

* :func:`accept_change` makes a suggestion the annotator's own annotation (or a gold one)
  over the span given (the session snaps it as labelling does), with a ``source`` link to
  the suggestion: where it came from, the provenance link the model already has (a
  corrected copy's to its original, gold's to its annotators'), which comparisons of
  readings (merge, adjudication, agreement) and the tag-set check leave aside.  Its
  attributes come along (those the label does not declare are dropped when the label
  changes, as relabelling does); its links come along to targets in that layer and to
  suggestions still open, and the links other annotations had to the suggestion now point
  to the new annotation.  The suggestion stays in its layer, closed (``status="accepted"``).
* :func:`reject_change` closes a suggestion (``status="rejected"``); links to it are cut.

A closed suggestion stays in the file, hidden from views and lists, so that no recommender
proposes its span and label again, and what the annotator made of each proposal can be
counted.
"""

from __future__ import annotations

from annotator import adjudicate
from annotator.edits import Change
from annotator.error_catalogue import Errors
from annotator.errors import AnnotationError
from annotator.gold import SOURCE
from annotator.layers import STATUS, SUGGESTION_BOOKKEEPING, is_open_suggestion
from annotator.model import Annotation, Document, Link, now_iso
from annotator.suggest.store import in_target
from annotator.suggest.suggestions import ACCEPTED, REJECTED
from annotator.tagset import TagSet


def open_suggestion(document: Document, suggestion_id: str) -> Annotation:
    """The open suggestion ``suggestion_id``; raises when there is none."""
    annotation = document.annotations.get(suggestion_id)
    if annotation is None:
        raise AnnotationError(Errors.E009, id=suggestion_id)
    if not is_open_suggestion(annotation):
        raise AnnotationError(Errors.E075, id=suggestion_id)
    return annotation


def _closed(suggestion: Annotation, status: str, stamp: str) -> Annotation:
    return suggestion.with_changes(attributes={**suggestion.attributes, STATUS: status},
                                   links=(), modified=stamp)


def reject_change(document: Document, suggestion_id: str) -> Change:
    """Turn a suggestion down for good (see the module docstring)."""
    suggestion = open_suggestion(document, suggestion_id)
    stamp = now_iso()
    change = Change(f"Reject suggested {suggestion.label}", (suggestion,),
                    (_closed(suggestion, REJECTED, stamp),))
    return change.followed_by(_retarget(document, suggestion.id, None, {}, stamp))


def accept_change(document: Document, suggestion_id: str, *, start: int, end: int,
                  label: str, annotator: str, gold: bool = False,
                  tagset: TagSet | None = None) -> Change:
    """Make a suggestion ``annotator``'s ``label`` over ``[start, end)``, in their own layer
    or, when ``gold``, in the gold layer with ``annotator`` as the lead (see the module
    docstring).  When that layer already holds the span and label, the suggestion's links
    join that annotation (drawn by hand, it gets no ``source`` link)."""
    suggestion = open_suggestion(document, suggestion_id)
    stamp = now_iso()
    attributes = _attributes(suggestion, label, tagset)
    links = _links(document, suggestion, label, annotator, gold, tagset)
    source = Link(SOURCE, suggestion.id)
    if gold:
        first = adjudicate.add_gold(document, start=start, end=end, label=label,
                                    lead=annotator, attributes=attributes)
        put = next(a for a in first.after if in_target(a, annotator, True)
                   and (a.start, a.end, a.label) == (start, end, label))
        had = document.annotations.get(put.id)
        drawn = had is not None and (had.start, had.end, had.label) == (start, end, label)
        made = _with_links(put, links if drawn else (*links, source))
        first = first.followed_by(Change("", (put,), (made,)))
    else:
        existing = next((a for a in document.annotations.overlapping(start, end)
                         if in_target(a, annotator, False)
                         and (a.start, a.end, a.label) == (start, end, label)), None)
        if existing is not None:
            made = _with_links(existing, links)
            first = Change("", (existing,), (made,))
        else:
            made = Annotation(document.annotations.new_id(), start, end, label, annotator,
                              attributes, (*links, source), stamp, stamp)
            document.annotations.check(made)
            first = Change("", (), (made,))
    closing = Change("", (suggestion,), (_closed(suggestion, ACCEPTED, stamp),))
    done = first.followed_by(closing).followed_by(
        _retarget(document, suggestion.id, made.id, {a.id: a for a in first.after}, stamp))
    return Change(f"Accept suggested {label}", done.before, done.after)


def _attributes(suggestion: Annotation, label: str, tagset: TagSet | None) -> dict[str, str]:
    """What the accepted annotation keeps of the suggestion's attributes."""
    values = {k: v for k, v in suggestion.attributes.items() if k not in SUGGESTION_BOOKKEEPING}
    if tagset is not None:
        spec = tagset.get(label)
        if label != suggestion.label:
            values = {k: v for k, v in values.items() if spec.attribute(k) is not None}
        for attribute in spec.attributes:
            if attribute.default is not None:
                values.setdefault(attribute.name, attribute.default)
    return values


def _links(document: Document, suggestion: Annotation, label: str, annotator: str,
           gold: bool, tagset: TagSet | None) -> tuple[Link, ...]:
    """The suggestion's links that come along: to the target layer or to open suggestions,
    and (with a tag set) that ``label`` allows."""
    spec = tagset.get(label) if tagset is not None else None
    kept: list[Link] = []
    for link in suggestion.links:
        target = document.annotations.get(link.target)
        if target is None or not (in_target(target, annotator, gold)
                                  or is_open_suggestion(target)):
            continue
        if spec is not None:
            allowed = spec.link(link.role)
            if allowed is None or (allowed.targets and target.label not in allowed.targets):
                continue
        if link not in kept:
            kept.append(link)
    return tuple(kept)


def _with_links(annotation: Annotation, links: tuple[Link, ...]) -> Annotation:
    """``annotation`` with those of ``links`` it lacks."""
    missing = tuple(x for x in links if x not in annotation.links and x.target != annotation.id)
    return annotation.with_changes(links=annotation.links + missing) if missing else annotation


def _retarget(document: Document, old_id: str, new_id: str | None,
              current: dict[str, Annotation], stamp: str) -> Change:
    """Links to ``old_id`` moved to ``new_id`` (cut when None), on the annotations as
    ``current`` has them where it holds them."""
    before: list[Annotation] = []
    after: list[Annotation] = []
    for source in document.annotations.pointing_to(old_id):
        if source.id == old_id:
            continue
        now = current.get(source.id, source)
        links: list[Link] = []
        for link in now.links:
            if link.target == old_id:
                if new_id is None or new_id == now.id:
                    continue
                link = Link(link.role, new_id)
            if link not in links:
                links.append(link)
        before.append(now)
        after.append(now.with_changes(links=tuple(links), modified=stamp))
    return Change("", tuple(before), tuple(after))
