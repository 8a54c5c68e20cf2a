"""Edit operations on a document's annotations, one small function per user action.

Each operation looks at the document, checks the request and returns a :class:`Change`
without touching the document; ``change.apply(doc)`` performs it and ``change.revert(doc)``
undoes it exactly (the old annotation values are kept, timestamps included).  An
:class:`annotator.session.EditSession` applies changes through its undo history and tells
its listeners; the desktop app and scripts edit through a session.

    change = add_annotation(doc, start=5, end=12, label="PER", annotator="amira")
    session.apply(change)          # or change.apply(doc)
    session.undo()
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from annotator.error_catalogue import Errors
from annotator.errors import AnnotationError
from annotator.model import Annotation, Document, Link, now_iso
from annotator.tagset import TagSet


@dataclass(frozen=True)
class Change:
    """One edit: the annotations it replaces (``before``) and those it puts in (``after``).

    An id only in ``before`` is removed, only in ``after`` added, in both updated.
    ``statuses`` holds ``(annotator, old, new)`` for the document statuses it sets (None:
    no status).  ``text`` describes the edit for an undo menu ("Add PER", "Delete QUOTE a4").
    """

    text: str
    before: tuple[Annotation, ...] = ()
    after: tuple[Annotation, ...] = ()
    statuses: tuple[tuple[str, str | None, str | None], ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when applying it would change nothing."""
        return self.before == self.after and all(old == new for _, old, new in self.statuses)

    @property
    def added(self) -> tuple[Annotation, ...]:
        """Annotations this change creates."""
        old = {a.id for a in self.before}
        return tuple(a for a in self.after if a.id not in old)

    @property
    def removed(self) -> tuple[Annotation, ...]:
        """Annotations this change deletes (their old values)."""
        new = {a.id for a in self.after}
        return tuple(a for a in self.before if a.id not in new)

    @property
    def updated(self) -> tuple[Annotation, ...]:
        """New values of annotations this change modifies."""
        old = {a.id for a in self.before}
        return tuple(a for a in self.after if a.id in old)

    def inverse(self) -> Change:
        """The change that undoes this one."""
        return Change(self.text, self.after, self.before,
                      tuple((name, new, old) for name, old, new in reversed(self.statuses)))

    def followed_by(self, other: Change) -> Change:
        """One change doing this one, then ``other`` (named as this one)."""
        before = {a.id: a for a in self.before}
        after = {a.id: a for a in self.after}
        for annotation in other.before:
            if annotation.id not in after:
                before.setdefault(annotation.id, annotation)
            after.pop(annotation.id, None)
        after.update((a.id, a) for a in other.after)
        statuses = {name: [old, new] for name, old, new in self.statuses}
        for name, old, new in other.statuses:
            statuses.setdefault(name, [old, new])[1] = new
        return Change(self.text, tuple(before.values()), tuple(after.values()),
                      tuple((name, old, new) for name, (old, new) in statuses.items()))

    def apply(self, document: Document) -> None:
        """Perform the change on ``document``."""
        _swap(document, self.before, self.after)
        for name, _old, new in self.statuses:
            _set_status(document, name, new)

    def revert(self, document: Document) -> None:
        """Undo the change on ``document`` (which must be in the state ``apply`` left)."""
        _swap(document, self.after, self.before)
        for name, old, _new in reversed(self.statuses):
            _set_status(document, name, old)


def chain(text: str, changes: Iterable[Change]) -> Change:
    """One change named ``text`` doing ``changes`` in order: what repeated
    :meth:`Change.followed_by` gives, in one pass however many there are."""
    before: dict[str, Annotation] = {}
    after: dict[str, Annotation] = {}
    statuses: dict[str, list[str | None]] = {}
    for change in changes:
        for annotation in change.before:
            if annotation.id not in after:
                before.setdefault(annotation.id, annotation)
            after.pop(annotation.id, None)
        after.update((a.id, a) for a in change.after)
        for name, old, new in change.statuses:
            statuses.setdefault(name, [old, new])[1] = new
    return Change(text, tuple(before.values()), tuple(after.values()),
                  tuple((name, old, new) for name, (old, new) in statuses.items()))


def _set_status(document: Document, name: str, status: str | None) -> None:
    if status is None:
        document.status.pop(name, None)
    else:
        document.status[name] = status


BULK = 1000
"""Annotations added or removed at once above which the index is rebuilt instead of updated
(a recommender run stores tens of thousands of suggestions as one change)."""


def _swap(document: Document, old: Sequence[Annotation], new: Sequence[Annotation]) -> None:
    annotations = document.annotations
    new_ids = {a.id for a in new}
    old_ids = {a.id for a in old}
    gone = [ann.id for ann in old if ann.id not in new_ids]
    if len(gone) > BULK:
        annotations.remove_many(gone)
    else:
        for annotation_id in gone:
            annotations.remove(annotation_id)
    added = [ann for ann in new if ann.id not in old_ids]
    for ann in new:
        if ann.id in old_ids:
            annotations.replace(ann)
    if len(added) > BULK:
        annotations.extend(added)
    else:
        for ann in added:
            annotations.add(ann)


def _get(document: Document, annotation_id: str) -> Annotation:
    annotation = document.annotations.get(annotation_id)
    if annotation is None:
        raise AnnotationError(Errors.E009, id=annotation_id)
    return annotation


def _update(document: Document, text: str, old: Annotation, **changes: object) -> Change:
    if all(getattr(old, key) == value for key, value in changes.items()):
        return Change(text, (old,), (old,))
    return Change(text, (old,), (old.with_changes(**changes),))


# -- operations ---------------------------------------------------------------------

def add_annotation(document: Document, *, start: int, end: int, label: str,
                   annotator: str = "", attributes: Mapping[str, str] | None = None,
                   note: str = "", layer: str = "", id: str | None = None,
                   tagset: TagSet | None = None) -> Change:
    """Create an annotation over ``[start, end)``.

    With a ``tagset``, attributes the label declares with a default start at that default.
    """
    values: dict[str, str] = {}
    if tagset is not None:
        for spec in tagset.get(label).attributes:
            if spec.default is not None:
                values[spec.name] = spec.default
    values.update(attributes or {})
    stamp = now_iso()
    annotation = Annotation(
        id=id or document.annotations.new_id(), start=start, end=end, label=label,
        annotator=annotator, attributes=values, created=stamp, modified=stamp, note=note,
        layer=layer)
    document.annotations.check(annotation)
    if annotation.id in document.annotations:
        raise AnnotationError(Errors.E008, id=annotation.id)
    return Change(f"Add {label}", (), (annotation,))


def delete_annotation(document: Document, *, annotation_id: str) -> Change:
    """Delete an annotation and every link pointing to it (all restored on revert)."""
    annotation = _get(document, annotation_id)
    pointing = [a for a in document.annotations.pointing_to(annotation_id)
                if a.id != annotation_id]
    cut = [a.with_changes(links=tuple(x for x in a.links if x.target != annotation_id))
           for a in pointing]
    return Change(f"Delete {annotation.label}", (annotation, *pointing), tuple(cut))


def relabel(document: Document, *, annotation_id: str, label: str,
            tagset: TagSet | None = None) -> Change:
    """Give an annotation another label.

    With a ``tagset``, attributes and links the new label does not declare are dropped and
    its attribute defaults filled in (the old values come back on revert).
    """
    old = _get(document, annotation_id)
    if not label:
        raise AnnotationError(Errors.E005, id=annotation_id)
    attributes = dict(old.attributes)
    links = old.links
    if tagset is not None and label != old.label:
        spec = tagset.get(label)
        attributes = {k: v for k, v in attributes.items() if spec.attribute(k) is not None}
        for attr in spec.attributes:
            if attr.default is not None:
                attributes.setdefault(attr.name, attr.default)
        links = tuple(x for x in links if x.role == "source" or spec.link(x.role) is not None)
    return _update(document, f"Relabel as {label}", old, label=label, attributes=attributes,
                   links=links)


def set_attributes(document: Document, *, annotation_id: str,
                   attributes: Mapping[str, str | None]) -> Change:
    """Set several attributes at once; a value of None removes that attribute."""
    old = _get(document, annotation_id)
    values = dict(old.attributes)
    for key, value in attributes.items():
        if not key:
            raise AnnotationError(Errors.E050, id=annotation_id)
        if value is None:
            values.pop(key, None)
        else:
            values[key] = value
    names = ", ".join(attributes)
    return _update(document, f"Set {names}", old, attributes=values)


def set_attribute(document: Document, *, annotation_id: str, name: str,
                  value: str | None) -> Change:
    """Set one attribute (None removes it)."""
    return set_attributes(document, annotation_id=annotation_id, attributes={name: value})


def set_note(document: Document, *, annotation_id: str, note: str) -> Change:
    """Replace an annotation's free note."""
    return _update(document, "Edit note", _get(document, annotation_id), note=note)


def resize(document: Document, *, annotation_id: str, start: int, end: int) -> Change:
    """Move an annotation's boundaries to ``[start, end)`` (checked against the text)."""
    old = _get(document, annotation_id)
    change = _update(document, "Resize", old, start=start, end=end)
    document.annotations.check(change.after[0])
    return change


def link(document: Document, *, source_id: str, role: str, target_id: str,
         tagset: TagSet | None = None) -> Change:
    """Add a ``role`` link from one annotation to another.

    With a ``tagset`` the source's label must declare ``role`` and the target's label must
    be one it allows.  Linking twice to the same target is a no-op (an empty change).
    """
    source = _get(document, source_id)
    target = _get(document, target_id)
    if not role:
        raise AnnotationError(Errors.E051, id=source_id)
    if source_id == target_id:
        raise AnnotationError(Errors.E052, id=source_id, role=role)
    if tagset is not None and role != "source":
        spec = tagset.get(source.label).link(role)
        if spec is None:
            raise AnnotationError(Errors.E053, label=source.label, role=role)
        if spec.targets and target.label not in spec.targets:
            raise AnnotationError(Errors.E054, role=role, targets="/".join(spec.targets),
                                  label=target.label)
    new = Link(role, target_id)
    if new in source.links:
        return Change(f"Link {role}", (source,), (source,))
    return _update(document, f"Link {role}", source, links=(*source.links, new))


def unlink(document: Document, *, source_id: str, role: str, target_id: str) -> Change:
    """Remove the ``role`` link from one annotation to another."""
    source = _get(document, source_id)
    gone = Link(role, target_id)
    if gone not in source.links:
        raise AnnotationError(Errors.E055, id=source_id, role=role, target=target_id)
    return _update(document, f"Unlink {role}", source,
                   links=tuple(x for x in source.links if x != gone))


def set_status(document: Document, *, annotator: str, status: str | None) -> Change:
    """Record ``status`` for ``annotator`` in the document's header (None removes it)."""
    if not annotator:
        raise AnnotationError(Errors.E056)
    return Change(f"Mark {status or 'not started'}",
                  statuses=((annotator, document.status.get(annotator), status),))
