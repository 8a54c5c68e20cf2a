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


class ChangeCommand(QUndoCommand):
    """One core change as a Qt undo command."""

    def __init__(self, document: Document, change: Change, notify: Notify) -> None:
        super().__init__(change.text)
        self.document = document
        self.change = change
        self._notify = notify

    def redo(self) -> None:
        self.change.apply(self.document)
        self._notify(self.change)

    def undo(self) -> None:
        self.change.revert(self.document)
        self._notify(self.change.inverse())


def push_change(stack: QUndoStack, document: Document, change: Change, notify: Notify) -> bool:
    """Apply ``change`` through ``stack`` (undoable); False when it changes nothing."""
    if change.is_empty:
        return False
    stack.push(ChangeCommand(document, change, notify))
    return True


@contextlib.contextmanager
def undo_group(stack: QUndoStack, text: str) -> Iterator[None]:
    """Make every change pushed inside the block one undo step."""
    stack.beginMacro(text)
    try:
        yield
    finally:
        stack.endMacro()
