"""Edit operations on a document's annotations, one small function per user action.

Each operation looks at the document, checks the request and returns a :class:`Change`
without touching the document; ``change.apply(doc)`` performs it and ``change.revert(doc)``
undoes it exactly (the old annotation values are kept, timestamps included).  An
:class:`EditHistory` applies changes and keeps undo/redo stacks with a clean-state marker;
the desktop app wraps the same changes in Qt undo commands.

    change = add_annotation(doc, start=5, end=12, label="PER", annotator="amira")
    history.do(change)          # or change.apply(doc)
    history.undo()
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from annotator.errors import AnnotationError
from annotator.model import Annotation, Document, Link, now_iso
from annotator.tagset import TagSet


@dataclass(frozen=True)
class Change:
    """One edit: the annotations it replaces (``before``) and those it puts in (``after``).

    An id only in ``before`` is removed, only in ``after`` added, in both updated.
    ``text`` describes the edit for an undo menu ("Add PER", "Delete QUOTE a4").
    """

    text: str
    before: tuple[Annotation, ...] = ()
    after: tuple[Annotation, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when applying it would change nothing."""
        return self.before == self.after

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
        return Change(self.text, self.after, self.before)

    def apply(self, document: Document) -> None:
        """Perform the change on ``document``."""
        _swap(document, self.before, self.after)

    def revert(self, document: Document) -> None:
        """Undo the change on ``document`` (which must be in the state ``apply`` left)."""
        _swap(document, self.after, self.before)


def _swap(document: Document, old: Sequence[Annotation], new: Sequence[Annotation]) -> None:
    annotations = document.annotations
    new_ids = {a.id for a in new}
    old_ids = {a.id for a in old}
    for ann in old:
        if ann.id not in new_ids:
            annotations.remove(ann.id)
    for ann in new:
        if ann.id in old_ids:
            annotations.replace(ann)
        else:
            annotations.add(ann)


def _get(document: Document, annotation_id: str) -> Annotation:
    annotation = document.annotations.get(annotation_id)
    if annotation is None:
        raise AnnotationError(f"no annotation with id {annotation_id!r}")
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
        raise AnnotationError(f"duplicate annotation id {annotation.id!r}")
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
        raise AnnotationError(f"annotation {annotation_id}: empty label")
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
            raise AnnotationError(f"annotation {annotation_id}: empty attribute name")
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
        raise AnnotationError(f"annotation {source_id}: empty link role")
    if source_id == target_id:
        raise AnnotationError(f"annotation {source_id} cannot be its own {role}")
    if tagset is not None and role != "source":
        spec = tagset.get(source.label).link(role)
        if spec is None:
            raise AnnotationError(f"{source.label} has no link {role!r}")
        if spec.targets and target.label not in spec.targets:
            raise AnnotationError(f"a {role} must be " + "/".join(spec.targets)
                                  + f", not {target.label}")
    new = Link(role, target_id)
    if new in source.links:
        return Change(f"Link {role}", (source,), (source,))
    return _update(document, f"Link {role}", source, links=(*source.links, new))


def unlink(document: Document, *, source_id: str, role: str, target_id: str) -> Change:
    """Remove the ``role`` link from one annotation to another."""
    source = _get(document, source_id)
    gone = Link(role, target_id)
    if gone not in source.links:
        raise AnnotationError(f"annotation {source_id} has no {role} link to {target_id}")
    return _update(document, f"Unlink {role}", source,
                   links=tuple(x for x in source.links if x != gone))


# -- history ------------------------------------------------------------------------

@dataclass(frozen=True)
class Step:
    """What one undo undoes: one or more changes, applied in order."""

    text: str
    changes: tuple[Change, ...]


class EditHistory:
    """Undo/redo stacks over one document, with a clean-state marker and grouping."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._done: list[Step] = []
        self._undone: list[Step] = []
        self._clean: int | None = 0  # len(_done) at the clean state; None: unreachable
        self._group: list[Change] | None = None
        self._group_text = ""

    def do(self, change: Change) -> Change:
        """Apply ``change`` and record it (inside :meth:`group`, as part of that step)."""
        if change.is_empty:
            return change
        change.apply(self.document)
        if self._group is not None:
            self._group.append(change)
        else:
            self._push(Step(change.text, (change,)))
        return change

    def _push(self, step: Step) -> None:
        if self._clean is not None and self._clean > len(self._done):
            self._clean = None  # the clean state was in the redo stack, now dropped
        self._done.append(step)
        self._undone.clear()

    @contextlib.contextmanager
    def group(self, text: str) -> Iterator[None]:
        """Make every change done inside the block one undo step.

        If the block raises, the changes it made are reverted and nothing is recorded.
        """
        if self._group is not None:  # nested: part of the outer group
            yield
            return
        self._group, self._group_text = [], text
        try:
            yield
        except BaseException:
            for change in reversed(self._group):
                change.revert(self.document)
            raise
        else:
            if self._group:
                self._push(Step(text, tuple(self._group)))
        finally:
            self._group = None

    def undo(self) -> Step | None:
        """Revert the last step; returns it, or None when there is nothing to undo."""
        if not self._done:
            return None
        step = self._done.pop()
        for change in reversed(step.changes):
            change.revert(self.document)
        self._undone.append(step)
        return step

    def redo(self) -> Step | None:
        """Re-apply the last undone step; returns it, or None."""
        if not self._undone:
            return None
        step = self._undone.pop()
        for change in step.changes:
            change.apply(self.document)
        self._done.append(step)
        return step

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_text(self) -> str:
        return self._done[-1].text if self._done else ""

    @property
    def redo_text(self) -> str:
        return self._undone[-1].text if self._undone else ""

    def mark_clean(self) -> None:
        """Record the current state as saved."""
        self._clean = len(self._done)

    @property
    def is_clean(self) -> bool:
        """True when the document is as it was at the last :meth:`mark_clean`."""
        return self._clean == len(self._done)
