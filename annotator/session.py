"""One document being edited: its undo history, its listeners, its save snapshot, and one
operation per user action.

The desktop app, scripts and tests edit through an :class:`EditSession`; nothing else
changes a document that is being edited.  Each operation checks the request, builds a
:class:`~annotator.edits.Change` with the pure functions of :mod:`annotator.edits` or
:mod:`annotator.adjudicate`, applies it through the history and returns it (an empty change
when nothing changed); a refused request raises :class:`~annotator.errors.AnnotatorError`
and changes nothing.  Listeners hear every change in the direction it went (the inverse on
undo), so a view refreshes from the change alone.

    session = EditSession.open("article.tei.xml", annotator="amira")
    found = session.label_span(120, 131, "PER")
    session.link(found.annotation_id, "speaker", "a4")  # raises if the tag set forbids it
    session.undo()
    session.save()
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from annotator import adjudicate, align, edits
from annotator.align import ProcliticMode
from annotator.edits import Change
from annotator.error_catalogue import Errors
from annotator.errors import AnnotationError, AnnotatorError, ForeignLayerError, SpanError
from annotator.layers import GOLD, is_work
from annotator.model import Annotation, Document, Link, now_iso
from annotator.occurrences import annotation_changes
from annotator.project import DONE, IN_PROGRESS
from annotator.suggest.decide import accept_change, open_suggestion, reject_change
from annotator.suggest.proposal import Proposal
from annotator.suggest.store import store_proposals
from annotator.suggest.suggestions import Suggestion, next_suggestion, open_suggestions
from annotator.suggest.suggestions import previous_suggestion as _previous_suggestion
from annotator.tagset import TagSet, default_tagset
from annotator.tei import read_tei_checked, save_tei

if TYPE_CHECKING:
    from annotator.tei_write import TeiSnapshot

LayerChoice = Literal["correct", "own"]
SOURCE = "source"  # the link role from a corrected copy to the annotation it came from
ChangeListener = Callable[[Change], None]
CleanListener = Callable[[bool], None]
StepListener = Callable[[], None]



@dataclass(frozen=True)
class Step:
    """What one undo undoes: one or more changes, applied in order."""

    text: str
    changes: tuple[Change, ...]
    merge_key: str | None = None


class UndoHistory:
    """Undo and redo stacks over one document, with a clean-state marker, groups and merges.

    A change pushed with the same ``merge_key`` as the step on top joins that step (a run
    of boundary nudges is undone at once), unless that step is the saved state; a merged
    step that ends where it began is dropped.
    """

    def __init__(self, document: Document,
                 notify: Callable[[Change], None] | None = None) -> None:
        self.document = document
        self.notify = notify  # called after each change is applied or reverted
        self._done: list[Step] = []
        self._undone: list[Step] = []
        self._clean: int | None = 0  # len(_done) at the clean state; None: unreachable
        self._group: list[Change] | None = None

    def do(self, change: Change, merge_key: str | None = None) -> Change:
        """Apply ``change`` and record it (inside :meth:`group`, as part of that step)."""
        if change.is_empty:
            return change
        self._apply(change)
        if self._group is not None:
            self._group.append(change)
        elif (merge_key is not None and self._done and self._done[-1].merge_key == merge_key
              and self._clean != len(self._done) and not self._undone):
            top = self._done.pop()
            merged = top.changes[0].followed_by(change)
            if not merged.is_empty:
                self._done.append(Step(top.text, (merged,), merge_key))
        else:
            self._push(Step(change.text, (change,), merge_key))
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
        self._group = []
        try:
            yield
        except BaseException:
            for change in reversed(self._group):
                self._apply(change.inverse())
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
            self._apply(change.inverse())
        self._undone.append(step)
        return step

    def redo(self) -> Step | None:
        """Re-apply the last undone step; returns it, or None."""
        if not self._undone:
            return None
        step = self._undone.pop()
        for change in step.changes:
            self._apply(change)
        self._done.append(step)
        return step

    def _apply(self, change: Change) -> None:
        change.apply(self.document)
        if self.notify is not None:
            self.notify(change)

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

    @property
    def steps(self) -> int:
        """How many steps can be undone."""
        return len(self._done)

    def mark_clean(self) -> None:
        """Record the current state as saved."""
        self._clean = len(self._done)

    def mark_unsaved(self) -> None:
        """Record that no state of the history is saved (restored work, say)."""
        self._clean = None

    @property
    def is_clean(self) -> bool:
        """True when the document is as it was at the last :meth:`mark_clean`."""
        return self._clean == len(self._done)


@dataclass(frozen=True)
class Labelled:
    """What labelling a span did: the change applied and the annotation it concerns.

    ``already`` is True when the annotator had already given the span that label (nothing
    was added; ``annotation_id`` names the one found).
    """

    change: Change
    annotation_id: str
    already: bool = False


class EditSession:
    """One document under edit (see the module docstring).

    ``annotator`` names who makes the edits; ``tagset`` is the labels the document is
    annotated with; ``path`` is the TEI file saved in place (None: not saved yet);
    ``snapping`` and ``proclitics`` are how a span is snapped to words when labelled.

    Another annotator's annotations (a colleague's layer, imported pre-annotations) are not
    edited in place: the first such edit raises :class:`ForeignLayerError` until
    :attr:`layer_choice` says how to treat them — ``"correct"``: their layer is copied into
    the editor's own (each copy links to its original with a ``source`` link) and the edit
    lands on the copy; ``"own"``: they stay as they are and the editor labels afresh.
    Unattributed annotations, gold ones (adjudication) and suggestions are edited in place.
    """

    def __init__(self, document: Document, *, tagset: TagSet | None = None,
                 annotator: str = "", path: str | Path | None = None,
                 snapshot: TeiSnapshot | None = None) -> None:
        self.document = document
        self.tagset = tagset or default_tagset()
        self.annotator = annotator
        self.path = str(path) if path is not None else None
        self.snapshot = snapshot
        self.snapping = True
        self.proclitics: ProcliticMode = "particles"
        self.layer_choice: LayerChoice | None = None
        self.history = UndoHistory(document, notify=self._heard)
        self._listeners: list[ChangeListener] = []
        self._clean_listeners: list[CleanListener] = []
        self._step_listeners: list[StepListener] = []
        self._grouping = False  # True inside group()

    @classmethod
    def open(cls, path: str | Path, *, annotator: str = "",
             tagset: TagSet | None = None) -> EditSession:
        """A session on the TEI file at ``path`` (saved back in place); raises a one-line
        :class:`~annotator.errors.AnnotatorError` when it cannot be read."""
        found = read_tei_checked(path)
        labels = sorted({a.label for a in found.document.annotations})
        return cls(found.document, tagset=(tagset or default_tagset()).with_labels(labels),
                   annotator=annotator, path=path, snapshot=found.snapshot)

    # -- listeners ---------------------------------------------------------------------
    def add_listener(self, listener: ChangeListener) -> None:
        """Call ``listener(change)`` after every change, undo and redo (with the change in
        the direction it went)."""
        self._listeners.append(listener)

    def add_clean_listener(self, listener: CleanListener) -> None:
        """Call ``listener(clean)`` whenever the document becomes saved or unsaved."""
        self._clean_listeners.append(listener)

    def _heard(self, change: Change) -> None:
        """Pass a change the history just applied (or reverted) on to the listeners."""
        for listener in list(self._listeners):
            listener(change)

    def add_step_listener(self, listener: StepListener) -> None:
        """Call ``listener()`` once a whole step is done, undone or redone (or the saved
        state moved): the moment to refresh what shows the history, such as an Undo menu."""
        self._step_listeners.append(listener)

    def _tell_clean(self, was_clean: bool) -> None:
        if self._grouping:
            return  # the group's end tells
        for step_listener in list(self._step_listeners):
            step_listener()
        if self.history.is_clean != was_clean:
            for listener in list(self._clean_listeners):
                listener(self.history.is_clean)

    # -- history -----------------------------------------------------------------------
    def apply(self, change: Change, merge_key: str | None = None) -> Change:
        """Apply ``change`` as one undoable step (part of the open :meth:`group`, if any).

        Consecutive changes with the same ``merge_key`` are undone together.
        """
        if change.is_empty:
            return change
        was_clean = self.history.is_clean
        self.history.do(change, merge_key)
        self._tell_clean(was_clean)
        return change

    @contextlib.contextmanager
    def group(self, text: str) -> Iterator[None]:
        """``with session.group("Annotate all"):`` makes the changes inside one undo step;
        if the block raises, its changes are undone (and listeners hear the undo)."""
        if self._grouping:  # nested: part of the outer group
            yield
            return
        self._grouping = True
        was_clean = self.history.is_clean
        try:
            with self.history.group(text):  # on failure it reverts, and listeners hear it
                yield
        finally:
            self._grouping = False
        self._tell_clean(was_clean)

    def undo(self) -> Step | None:
        """Undo the last step; None when there is nothing to undo."""
        was_clean = self.history.is_clean
        step = self.history.undo()
        self._tell_clean(was_clean)
        return step

    def redo(self) -> Step | None:
        """Redo the last undone step; None when there is nothing to redo."""
        was_clean = self.history.is_clean
        step = self.history.redo()
        self._tell_clean(was_clean)
        return step

    @property
    def is_modified(self) -> bool:
        """True when the document has edits that are not saved."""
        return not self.history.is_clean

    def mark_clean(self) -> None:
        """Record the document as saved (as it is now)."""
        was_clean = self.history.is_clean
        self.history.mark_clean()
        self._tell_clean(was_clean)

    def mark_unsaved(self) -> None:
        """Record the document as not saved anywhere (work restored after a crash)."""
        was_clean = self.history.is_clean
        self.history.mark_unsaved()
        self._tell_clean(was_clean)

    # -- saving ------------------------------------------------------------------------
    def save(self, path: str | Path | None = None) -> str:
        """Write the document as TEI to ``path`` (default: where it was opened or last
        saved), atomically; returns the path.  The annotator's status becomes "in
        progress" once they annotated in it.  A failure raises and leaves the file and
        the session as they were."""
        target = str(path) if path is not None else self.path
        if target is None:
            raise AnnotatorError(Errors.E070)
        status = self.document.status
        before = status.get(self.annotator)
        if (self.annotator and before not in (IN_PROGRESS, DONE)
                and any(a.annotator == self.annotator for a in self.document.annotations)):
            status[self.annotator] = IN_PROGRESS
        try:
            self.snapshot = save_tei(self.document, target, tagset=self.tagset,
                                     snapshot=self.snapshot)
        except BaseException:
            if before is None:
                status.pop(self.annotator, None)
            else:
                status[self.annotator] = before
            raise
        self.path = target
        self.mark_clean()
        return target

    # -- operations: annotating --------------------------------------------------------
    def snap(self, start: int, end: int) -> tuple[int, int]:
        """The span labelling ``[start, end)`` gives: snapped to whole words (leaving out
        the proclitics :attr:`proclitics` names) when :attr:`snapping` is on."""
        if not self.snapping:
            return start, end
        snapped = align.align_span(self.document.text, start, end, "expand",
                                   proclitics=self.proclitics)
        return snapped if snapped is not None else (start, end)

    def label_span(self, start: int, end: int, label: str, *, exact: bool = False,
                   current: str | None = None) -> Labelled:
        """Label the selection ``[start, end)`` (snapped unless ``exact``).

        When the selection is exactly the ``current`` annotation (as after picking it in a
        list), the label relabels it instead of stacking a second annotation on it; a span
        the annotator already gave this label is not labelled twice (``already``).
        """
        if start >= end:
            raise SpanError(Errors.E071)
        annotations = self.document.annotations
        chosen = annotations.get(current) if current is not None else None
        if chosen is not None and (start, end) == (chosen.start, chosen.end):
            change = self.relabel(chosen.id, label)
            return Labelled(change, self.copy_of(chosen.id) or chosen.id)
        if not exact:
            start, end = self.snap(start, end)
        there = self._own(start, end, label)
        if there is not None:
            return Labelled(Change(f"Add {label}"), there.id, already=True)
        change = self.apply(edits.add_annotation(
            self.document, start=start, end=end, label=label, annotator=self.annotator,
            tagset=self.tagset))
        return Labelled(change, change.added[0].id)

    def annotate_spans(self, spans: Sequence[tuple[int, int]], label: str) -> Change | None:
        """Give every span of ``spans`` (occurrences found in the text) ``label`` as one
        undo step, skipping those the annotator already labelled so; None when none was
        new."""
        fresh = [(start, end) for start, end in spans if self._own(start, end, label) is None]
        if not fresh:
            return None
        changes = annotation_changes(self.document, fresh, label, annotator=self.annotator,
                                     tagset=self.tagset)
        text = f"Annotate {len(changes)} × {label}"
        with self.group(text):
            for change in changes:
                self.apply(change)
        return Change(text, (), tuple(a for change in changes for a in change.after))

    def delete(self, annotation_id: str) -> Change:
        """Delete an annotation and the links that point to it."""
        return self._edit(annotation_id, "Delete", lambda target: edits.delete_annotation(
            self.document, annotation_id=target))

    def relabel(self, annotation_id: str, label: str) -> Change:
        """Give an annotation another label (attributes and links it does not declare go)."""
        return self._edit(annotation_id, f"Relabel as {label}", lambda target: edits.relabel(
            self.document, annotation_id=target, label=label, tagset=self.tagset))

    def set_attribute(self, annotation_id: str, name: str, value: str | None) -> Change:
        """Set one attribute of an annotation (None removes it)."""
        return self._edit(annotation_id, f"Set {name}", lambda target: edits.set_attribute(
            self.document, annotation_id=target, name=name, value=value))

    def set_note(self, annotation_id: str, note: str) -> Change:
        """Replace an annotation's free note."""
        return self._edit(annotation_id, "Edit note", lambda target: edits.set_note(
            self.document, annotation_id=target, note=note))

    def resize(self, annotation_id: str, start: int, end: int) -> Change:
        """Move an annotation's boundaries; a run of resizes of one annotation is one undo
        step."""
        return self._edit(annotation_id, "Resize", lambda target: edits.resize(
            self.document, annotation_id=target, start=start, end=end), resizing=True)

    def nudge(self, annotation_id: str, edge: str, direction: int, unit: str) -> Change:
        """Move an annotation's ``start`` or ``end`` ``edge`` one grapheme (``unit="char"``)
        or one word (``"word"``) later (``direction`` > 0) or earlier."""
        annotation = self._get(annotation_id)
        text, start, end = self.document.text, annotation.start, annotation.end
        forward = direction > 0
        if unit == "char":
            if edge == "start":
                start = align.next_grapheme_boundary(text, start, forward)
            else:
                end = align.next_grapheme_boundary(text, end, forward)
        elif edge == "start":
            start = align.word_edge_step(text, start, forward, "start")
        else:
            end = align.word_edge_step(text, end, forward, "end")
        if start >= end:
            raise SpanError(Errors.E072)
        return self.resize(annotation_id, start, end)

    def link(self, source_id: str, role: str, target_id: str) -> Change:
        """Link an annotation to another with ``role`` (checked against the tag set); in a
        corrected layer, to the target's copy where it has one."""
        return self._edit(source_id, f"Link {role}", lambda source: edits.link(
            self.document, source_id=source, role=role,
            target_id=self.copy_of(target_id) or target_id, tagset=self.tagset))

    def unlink(self, source_id: str, role: str, target_id: str) -> Change:
        """Remove the ``role`` link from one annotation to another."""
        return self._edit(source_id, f"Unlink {role}", lambda source: edits.unlink(
            self.document, source_id=source, role=role,
            target_id=target_id if source == source_id else
            self.copy_of(target_id) or target_id))

    # -- other annotators' layers ------------------------------------------------------
    def owner_of(self, annotation_id: str) -> str | None:
        """The annotator whose layer ``annotation_id`` belongs to when it is not the
        editor's own (None: theirs, unattributed, or gold)."""
        annotation = self._get(annotation_id)
        if (not self.annotator or not annotation.annotator or not is_work(annotation)
                or annotation.annotator == self.annotator):
            return None
        return annotation.annotator

    def copy_of(self, annotation_id: str) -> str | None:
        """The editor's corrected copy of another annotator's annotation, if any."""
        for annotation in self.document.annotations.pointing_to(annotation_id):
            if annotation.annotator == self.annotator and is_work(annotation) and \
                    Link(SOURCE, annotation_id) in annotation.links:
                return annotation.id
        return None

    def _edit(self, annotation_id: str, text: str, make: Callable[[str], Change], *,
              resizing: bool = False) -> Change:
        """Apply the edit ``make(id)`` builds, on ``annotation_id`` or, in another
        annotator's layer, as :attr:`layer_choice` says (see the class docstring)."""
        owner = self.owner_of(annotation_id)
        if owner is None:
            return self.apply(make(annotation_id),
                              merge_key=f"resize:{annotation_id}" if resizing else None)
        if self.layer_choice is None:
            raise ForeignLayerError(Errors.E073, id=annotation_id, owner=owner)
        if self.layer_choice == "own":
            raise AnnotationError(Errors.E074, id=annotation_id, owner=owner)
        with self.group(text):
            self._copy_layer(owner)
            copy = self.copy_of(annotation_id)
            assert copy is not None
            return self.apply(make(copy))

    def _copy_layer(self, owner: str) -> None:
        """Copy ``owner``'s annotations not copied yet into the editor's layer, with their
        links among themselves following the copies, each linked to its original."""
        annotations = self.document.annotations
        theirs = [a for a in annotations.sorted()
                  if a.annotator == owner and is_work(a) and self.copy_of(a.id) is None]
        stamp = now_iso()
        copies = {original.id: annotations.new_id() for original in theirs}  # distinct ids
        made = [original.with_changes(
            id=copies[original.id], annotator=self.annotator, created=stamp, modified=stamp,
            links=(*(Link(x.role, copies.get(x.target, x.target)) for x in original.links),
                   Link(SOURCE, original.id)))
            for original in theirs]
        self.apply(Change(f"Correct {owner}'s layer", (), tuple(made)))

    def set_status(self, status: str, annotator: str | None = None) -> Change:
        """Record ``status`` ("in progress", "done"…) for ``annotator`` (default: the
        session's) in the document (undoable; saved with the file)."""
        name = self.annotator if annotator is None else annotator
        if not name:
            raise AnnotationError(Errors.E056)
        return self.apply(edits.set_status(self.document, annotator=name, status=status))

    # -- operations: adjudication ------------------------------------------------------
    def accept(self, annotation_id: str,
               people: tuple[Sequence[str], int] | None = None) -> Change:
        """Accept an annotator's annotation into gold, decided by this session's annotator
        (the lead); ``people`` as for :func:`annotator.adjudicate.accept`."""
        return self.apply(adjudicate.accept(self.document, annotation_id, lead=self.annotator,
                                            people=people))

    def add_gold(self, start: int, end: int, label: str, *, exact: bool = True,
                 attributes: dict[str, str] | None = None,
                 people: tuple[Sequence[str], int] | None = None) -> Change:
        """Put the lead's own ``label`` over ``[start, end)`` (snapped unless ``exact``)
        into gold."""
        if not exact:
            start, end = self.snap(start, end)
        return self.apply(adjudicate.add_gold(self.document, start=start, end=end,
                                              label=label, lead=self.annotator,
                                              attributes=attributes, people=people))

    def reject_gold(self, gold_ids: Iterable[str]) -> Change | None:
        """Remove gold annotations (and links to them) as one undo step; None when none
        was there."""
        ids = [g for g in gold_ids if g in self.document.annotations]
        if not ids:
            return None
        removed: list[Change] = []
        with self.group("Reject gold"):
            for gold_id in ids:
                if gold_id in self.document.annotations:
                    removed.append(self.apply(adjudicate.reject(self.document, gold_id)))
        return Change("Reject gold", tuple(a for c in removed for a in c.before),
                      tuple(a for c in removed for a in c.after))

    def gold_at(self, start: int, end: int, label: str) -> Annotation | None:
        """The gold annotation ``label`` over exactly ``[start, end)``, if any."""
        return next((a for a in self.document.annotations.overlapping(start, end)
                     if a.layer == GOLD and (a.start, a.end, a.label) == (start, end, label)),
                    None)

    # -- operations: suggestions (annotator.suggest) -------------------------------------
    # ``gold=True`` works on the gold layer, as adjudication does (the session's annotator
    # is the lead); otherwise on the session annotator's own layer.
    def store_suggestions(self, proposals: Sequence[Proposal], *,
                          recommenders: Iterable[str] = (), gold: bool = False) -> Change:
        """Store a recommender run as suggestions, replacing the open ones of the
        recommenders it names (and of ``recommenders``, for a run that found nothing)."""
        return self.apply(store_proposals(self.document, proposals, annotator=self.annotator,
                                          gold=gold, recommenders=recommenders))

    def accept_suggestion(self, suggestion_id: str, label: str | None = None, *,
                          gold: bool = False) -> Change:
        """Make a suggestion the annotator's annotation (``label``: another label), snapped
        as labelling snaps; it gets a ``source`` link to the suggestion (which names the
        recommender), and the suggestion stays closed."""
        suggestion = open_suggestion(self.document, suggestion_id)
        start, end = self.snap(suggestion.start, suggestion.end)
        return self.apply(accept_change(
            self.document, suggestion_id, start=start, end=end,
            label=label or suggestion.label, annotator=self.annotator, gold=gold,
            tagset=self.tagset))

    def reject_suggestion(self, suggestion_id: str) -> Change:
        """Turn a suggestion down: it stays in the file, hidden, and is not proposed again."""
        return self.apply(reject_change(self.document, suggestion_id))

    def accept_all(self, label: str | None = None, min_score: float = 0.0, *,
                   gold: bool = False) -> Change | None:
        """Accept every open suggestion of ``label`` (None: of any label) scoring at least
        ``min_score``, as one undo step; None when there was none."""
        chosen = open_suggestions(self.document, label=label, min_score=min_score)
        if not chosen:
            return None
        text = f"Accept {len(chosen)} suggested {label or 'annotations'}"
        with self.group(text):
            done = [self.accept_suggestion(suggestion.id, gold=gold) for suggestion in chosen]
        return edits.chain(text, done)

    def open_suggestions(self, label: str | None = None, min_score: float = 0.0
                         ) -> list[Suggestion]:
        """The open suggestions with their scores, in text order."""
        return open_suggestions(self.document, label=label, min_score=min_score)

    def next_suggestion(self, position: int, current: str | None = None
                        ) -> Suggestion | None:
        """The open suggestion after ``current`` (or starting at or after ``position``)."""
        return next_suggestion(self.document, position, current)

    def previous_suggestion(self, position: int, current: str | None = None
                            ) -> Suggestion | None:
        """The open suggestion before ``current`` (or starting before ``position``)."""
        return _previous_suggestion(self.document, position, current)

    def _own(self, start: int, end: int, label: str) -> Annotation | None:
        """This annotator's own annotation ``label`` over exactly ``[start, end)``."""
        return next((a for a in self.document.annotations.overlapping(start, end)
                     if (a.start, a.end, a.label, a.annotator, a.layer)
                     == (start, end, label, self.annotator, "")), None)

    def _get(self, annotation_id: str) -> Annotation:
        annotation = self.document.annotations.get(annotation_id)
        if annotation is None:
            raise AnnotationError(Errors.E009, id=annotation_id)
        return annotation
