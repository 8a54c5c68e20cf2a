"""Storing a recommender run without holding up the window: the change is computed on a worker
thread against a snapshot of the document, and the window applies it (one undo step) when
nothing was edited since the snapshot was taken, else asks for it again.

:func:`~annotator.suggest.store.store_proposals` reads every annotation and builds one per
proposal: on the 5 MB benchmark article (100,000 annotations, 200,000 proposals) that takes
seconds, which the GUI thread would spend frozen.  The snapshot is a second
:class:`~annotator.model.Document` over the same text holding the same (immutable)
annotations (:meth:`~annotator.model.Document.copy`, a dictionary copy); the open
suggestions the panel will list afterwards are found on the thread as well (from those it
listed before, when the window holds them: :func:`open_after`).  The cyclic
garbage collector is paused while the thread builds them (it would walk every object of the
process again and again, the window's thread waiting meanwhile), and what it built is
frozen, as the document's annotations are when it is opened (they live as long as the
document).
"""

from __future__ import annotations

import contextlib
import gc
import heapq
import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from annotator.edits import Change
from annotator.gcpause import CollectorPaused
from annotator.layers import is_open_suggestion
from annotator.model import Document, in_text_order
from annotator.suggest.proposal import Proposal
from annotator.suggest.store import store_proposals
from annotator.suggest.suggestions import Suggestion, open_suggestions, score_of, text_order


def open_after(document: Document, change: Change,
               listed: list[Suggestion] | None = None) -> list[Suggestion]:
    """The open suggestions ``document`` will have once ``change`` is applied, in text
    order (as :func:`~annotator.suggest.suggestions.open_suggestions` gives them).

    ``listed``: those ``document`` has now, in that order, when the caller holds them; then
    only the change's annotations are read, not the whole document's."""
    if listed is None:
        listed = open_suggestions(document)
    gone = {a.id for a in change.before if is_open_suggestion(a)}
    kept = [s for s in listed if s.annotation.id not in gone] if gone else listed
    added = in_text_order([a for a in change.after if is_open_suggestion(a)])
    scored = [Suggestion(a, score_of(a)) for a in added]
    new = [s for s in scored if s.score >= 0.0]  # open_suggestions' lowest score (not NaN)
    return list(heapq.merge(kept, new, key=text_order))


class StoreWorker(QObject):
    """Computes the change storing proposals on a thread; ``ready(token, change, listed)``
    arrives on the GUI thread with the ``token`` given to :meth:`start`."""

    ready = Signal(object, object, object)  # token, Change, list[Suggestion]

    def start(self, token: object, document: Document, proposals: Sequence[Proposal], *,
              annotator: str, gold: bool, recommenders: Sequence[str],
              listed: list[Suggestion] | None = None) -> None:
        """Compute, on a thread, what storing ``proposals`` in ``document`` as it is now
        changes; ``listed``: its open suggestions now, in text order, when known."""
        snapshot = document.copy()  # what edits meanwhile leave as it is

        def work() -> None:
            with CollectorPaused():  # a bulk build: 170,000 annotations made, none freed
                change = store_proposals(snapshot, proposals, annotator=annotator, gold=gold,
                                         recommenders=recommenders)
                after = open_after(snapshot, change, listed)
                # Frozen before the collector is on again: else the first collection, on
                # whichever thread allocates next, walks all of them while holding the GIL
                # (0.1 s and more, the window's thread waiting).
                gc.freeze()
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self.ready.emit(token, change, after)

        threading.Thread(target=work, name="annotator-suggest-store", daemon=True).start()
