"""Undo for the app: core :class:`~annotator.edits.Change` values inside a QUndoStack.

Each command applies or reverts its change on the document and then tells the window what
just happened, as a change in the direction it went (the inverse on undo), so the view, the
list and the inspector follow.  Grouping uses the stack's macros
(``stack.beginMacro(text)`` / ``endMacro()``; see :func:`undo_group`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.edits import Change
from annotator.model import Document

Notify = Callable[[Change], None]


MERGEABLE = 1  # QUndoCommand.id() of commands that may merge (same merge key)


class ChangeCommand(QUndoCommand):
    """One core change as a Qt undo command.

    Commands with the same ``merge_key`` pushed one after the other become one undo step
    (a run of boundary nudges on one annotation); a run that ends where it began is dropped.
    """

    def __init__(self, document: Document, change: Change, notify: Notify,
                 merge_key: str | None = None) -> None:
        super().__init__(change.text)
        self.document = document
        self.change = change
        self.merge_key = merge_key
        self._notify = notify

    def id(self) -> int:
        return MERGEABLE if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeCommand) or other.merge_key != self.merge_key:
            return False
        self.change = Change(self.change.text, self.change.before, other.change.after)
        self.setObsolete(self.change.is_empty)
        return True

    def redo(self) -> None:
        self.change.apply(self.document)
        self._notify(self.change)

    def undo(self) -> None:
        self.change.revert(self.document)
        self._notify(self.change.inverse())


def push_change(stack: QUndoStack, document: Document, change: Change, notify: Notify,
                merge_key: str | None = None) -> bool:
    """Apply ``change`` through ``stack`` (undoable); False when it changes nothing.

    Consecutive changes with the same ``merge_key`` are undone together.
    """
    if change.is_empty:
        return False
    stack.push(ChangeCommand(document, change, notify, merge_key))
    return True


@contextlib.contextmanager
def undo_group(stack: QUndoStack, text: str) -> Iterator[None]:
    """Make every change pushed inside the block one undo step."""
    stack.beginMacro(text)
    try:
        yield
    finally:
        stack.endMacro()
