"""Suggestions in the window: run recommenders in the background, go through what they
propose with the keyboard, accept or reject each, or all of one label above a score.

* Suggestions > Suggest for This Document (Ctrl+Shift+G) runs the recommenders checked in the
  panel in a child process (:mod:`annotator_ui.suggest_runner`) on a copy of the document, with
  progress in the panel and the status bar (which recommender runs, which are done) and a
  Cancel; the window goes on meanwhile.  Each recommender's proposals are stored through the
  session as soon as it finishes (one undo step per recommender, named after it; Cancel keeps
  those stored and stops the rest); rejected suggestions are not proposed again, and
  suggestions over spans annotated meanwhile are skipped (the core's
  :func:`~annotator.suggest.store.store_proposals`).
* F7 / Shift+F7: next / previous suggestion (selected and scrolled to, drawn thicker).
  Enter accepts it, Backspace rejects it (in the text or the panel), Shift+Enter asks for
  another label, and a label's own key accepts it with that label while the suggestion is
  selected.  Each is one undo step, and the next suggestion becomes current.
* Accept All… (Ctrl+Shift+Enter): every open suggestion of one label scoring at least some
  value, as one undo step.

While adjudicating, suggestions are accepted into gold, as labelling goes there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator_ui.i18n import joined
from annotator_ui.model_training import ModelTraining
from annotator_ui.suggest_runner import SuggestRunner
from annotator_ui.suggest_store import StoreWorker, open_after
from annotator_ui.suggestions_panel import AcceptAllDialog, SuggestionsDock, recommender_title
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QWidget

from annotator.edits import Change
from annotator.layers import GOLD, is_open_suggestion
from annotator.model import Annotation, Document
from annotator.session import EditSession
from annotator.suggest.jobs import OFFERED, available, make_job
from annotator.suggest.proposal import Proposal
from annotator.suggest.registry import project_crf
from annotator.suggest.store import store_proposals
from annotator.suggest.suggestions import Suggestion, open_suggestions

if TYPE_CHECKING:
    from annotator_ui.mainwindow import MainWindow

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
STORE_ATTEMPTS = 3  # snapshots a store is computed on before it is computed in the window

# name -> (text, shortcuts, only where the text or the panel has the focus)
ACTIONS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "suggest": (str(QT_TRANSLATE_NOOP("Suggestions", "&Suggest for This Document")),
                ("Ctrl+Shift+G",), False),
    "cancel_suggest": (str(QT_TRANSLATE_NOOP("Suggestions", "&Cancel Suggesting")),
                       (), False),
    "next_suggestion": (str(QT_TRANSLATE_NOOP("Suggestions", "&Next Suggestion")),
                        ("F7",), False),
    "previous_suggestion": (str(QT_TRANSLATE_NOOP("Suggestions", "&Previous Suggestion")),
                            ("Shift+F7",), False),
    "accept_suggestion": (str(QT_TRANSLATE_NOOP("Suggestions", "&Accept Suggestion")),
                          ("Return", "Enter"), True),
    "reject_suggestion": (str(QT_TRANSLATE_NOOP("Suggestions", "&Reject Suggestion")),
                          ("Backspace",), True),
    "accept_suggestion_as": (str(QT_TRANSLATE_NOOP("Suggestions", "Accept &with Another Label…")),
                             ("Shift+Return", "Shift+Enter"), True),
    "accept_all_suggestions": (str(QT_TRANSLATE_NOOP("Suggestions", "Accept A&ll of a Label…")),
                               ("Ctrl+Shift+Return",), False),
}


class Suggestions(QObject):
    """The suggestions panel and actions as a part of the main window.

    ``running_changed(bool)`` says when a run starts and when it is over (every batch
    stored, or cancelled): the window holds its recovery copies back meanwhile
    (:meth:`~annotator_ui.autosave.Autosaver.set_held`).
    """

    running_changed = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.current: str | None = None
        self.names: list[str] = []  # the recommenders of the run going on
        self._run_document: object | None = None  # the document the run going on is for
        self._queue: list[tuple[str, list[Proposal]]] = []  # batches waiting to be stored
        self._storing: tuple[str, list[Proposal]] | None = None  # the batch being stored
        self._run_over = False  # the child process sent its last batch (or failed)
        self._failure = ""  # why the run failed, said once its batches are stored
        self.stored: list[tuple[str, int]] = []  # recommenders of this run stored, new counts
        self._running_name = ""  # the recommender that reported progress last
        self._fractions: dict[str, float] = {}  # how far each recommender of the run is
        self._edits = 0  # changes seen: a store computed before the last one is stale
        self._attempts = 0
        self._listed: list[Suggestion] | None = None  # open suggestions after a store
        # The document's open suggestions in text order, when known: those a store listed,
        # until the next edit (the next store then starts from them, not from every
        # annotation).
        self._open: list[Suggestion] | None = None
        self.actions: dict[str, QAction] = {}
        # Questions, replaceable in tests.
        self.ask_label = self._ask_label_dialog
        self.ask_accept_all = self._ask_accept_all_dialog
        self.runner = SuggestRunner(self)
        self.runner.progress.connect(self._progress)
        self.runner.batch.connect(self._batch)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.store_worker = StoreWorker(self)
        self.store_worker.ready.connect(self._store_ready)
        self.dock = SuggestionsDock(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(self.dock, window.inspector_dock)  # the inspector in front
        dock = self.dock
        dock.suggest_requested.connect(self.suggest)
        dock.cancel_requested.connect(self.cancel)
        dock.suggestion_activated.connect(lambda i: self.make_current(i))
        dock.accept_requested.connect(self.accept)
        dock.reject_requested.connect(self.reject)
        dock.accept_all_requested.connect(self.accept_all)
        window.document_opened.connect(lambda _document: self._document_opened())
        window.annotations_edited.connect(self._edited)
        window.view.suggestion_clicked.connect(lambda i: self.make_current(i, jump=False))
        self.training = ModelTraining(window)  # Train Model…, CRF Model…
        self.training.model_changed.connect(self._model_trained)
        self._build_actions()
        self._build_menu()
        self._document_opened()

    # -- building --------------------------------------------------------------------------
    def _build_actions(self) -> None:
        slots = {"suggest": self.suggest, "cancel_suggest": self.cancel,
                 "next_suggestion": lambda: self.step(+1),
                 "previous_suggestion": lambda: self.step(-1),
                 "accept_suggestion": self.accept, "reject_suggestion": self.reject,
                 "accept_suggestion_as": self.accept_as,
                 "accept_all_suggestions": self.accept_all}
        for name, (text, keys, local) in ACTIONS.items():
            action = self.actions.get(name)
            if action is not None:  # retranslating
                action.setText(translate("Suggestions", text))
                continue
            action = QAction(translate("Suggestions", text), self.window)
            action.setObjectName(name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(lambda _=False, slot=slots[name]: slot())
            if local:  # Enter and Backspace belong to other widgets elsewhere
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.window.view.addAction(action)
                self.dock.addAction(action)
            else:
                self.window.addAction(action)
            self.window.action_by_name[name] = action
            self.actions[name] = action

    def _build_menu(self) -> None:
        window = self.window
        menu = self.menu = window.menuBar().addMenu(translate("Suggestions", "S&uggestions"))
        menu.setObjectName("menu-suggestions")
        help_menu = window.menus.get("help")
        if help_menu is not None:  # before Help, where menus usually are
            window.menuBar().insertMenu(help_menu.menuAction(), menu)
        window.menus["suggestions"] = menu
        for name in ("suggest", "cancel_suggest", None, "next_suggestion",
                     "previous_suggestion", None, "accept_suggestion", "reject_suggestion",
                     "accept_suggestion_as", "accept_all_suggestions", None):
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions[name])
        menu.addActions(list(self.training.actions.values()))
        menu.addSeparator()
        menu.addAction(self.dock.toggleViewAction())

    def retranslate(self) -> None:
        """Name the actions, the menu and the panel in the interface language now installed."""
        self._build_actions()
        self.training.retranslate()
        self.menu.setTitle(translate("Suggestions", "S&uggestions"))
        self.dock.retranslate()
        self._fill_labels()

    # -- state -----------------------------------------------------------------------------
    def _session(self) -> EditSession | None:
        return self.window.session

    def _gold(self) -> bool:
        adjudication = getattr(self.window, "adjudication", None)
        return bool(adjudication is not None and adjudication.active)

    def project_folder(self) -> Path | None:
        """The open team project's root, else the open project folder, else the document's."""
        return self.window.concordance.corpus_folder()

    def _learning_folders(self) -> list[Path]:
        """Folders of TEI files besides the project folder that ``project`` learns from: a
        team project's gold and the annotator's own layer."""
        workflow = getattr(self.window, "workflow", None)
        project = workflow.team_dock.project if workflow is not None else None
        if workflow is None or project is None:
            return []
        return [project.gold_dir, project.layer_dir(workflow.settings.annotator)]

    def _document_opened(self) -> None:
        if self.busy:
            self.cancel()
        self._open = None
        self.current = None
        self.window.view.set_current_suggestion(None)
        self.dock.set_recommenders(OFFERED, available(self.project_folder()))
        self.dock.model.tagset = self.window.tagset
        self.dock.model.language = self.window.language
        self.dock.model.refill(self.window.document)
        self._fill_labels()
        self.dock.update_count()
        self._update_actions()

    def _model_trained(self) -> None:
        """A CRF was just trained into the project: it can be checked now."""
        self.dock.set_recommenders(OFFERED, available(self.project_folder()))

    def _fill_labels(self) -> None:
        language = self.window.language
        self.dock.model.language = language
        self.dock.set_labels([(spec.name, spec.display_name(language), spec.color)
                              for spec in self.window.tagset])

    @property
    def busy(self) -> bool:
        """True from Suggest until what every recommender of the run brought is stored (or
        the run is cancelled)."""
        return self.runner.running or self._run_document is not None

    def _edited(self, change: Change) -> None:
        self._edits += 1
        self._open = self._listed  # known after a store's change, else not
        self.dock.model.tagset = self.window.tagset
        self.dock.model.follow(change, self._listed)
        self.dock.update_count()
        document = self.window.document
        if self.current is not None and (document is None or not open_suggestions_has(
                document, self.current)):
            self._set_current(None)
        else:
            self.dock.select(self.current)
        self._update_actions()

    def _update_actions(self) -> None:
        has_doc = self.window.document is not None
        running = self.busy
        has_current = self.current is not None
        get = self.actions
        get["suggest"].setEnabled(has_doc and not running)
        get["cancel_suggest"].setEnabled(running)
        for name in ("accept_suggestion", "reject_suggestion", "accept_suggestion_as"):
            get[name].setEnabled(has_current)
        for name in ("next_suggestion", "previous_suggestion", "accept_all_suggestions"):
            get[name].setEnabled(has_doc)
        self.dock.accept_button.setEnabled(has_current)
        self.dock.reject_button.setEnabled(has_current)

    # -- running ---------------------------------------------------------------------------
    def suggest(self, names: list[str] | None = None) -> bool:
        """Run the recommenders ``names`` (default: those checked in the panel) on the open
        document in the background; False when there is nothing to run."""
        document = self.window.document
        if document is None:
            return False
        chosen = names if names is not None else self.dock.chosen_recommenders()
        if not chosen:
            self.window.statusBar().showMessage(
                translate("Suggestions", "Choose at least one recommender in the panel."), 5000)
            return False
        folder = self.project_folder()
        crf = project_crf(folder)
        session = self.window.session
        job = make_job(document, chosen, project=folder, folders=self._learning_folders(),
                       crf_model=crf, path=session.path if session is not None else None)
        self.names = list(job.names)
        self._run_document = document
        self._queue, self._storing, self._run_over, self._failure = [], None, False, ""
        self.stored, self._running_name, self._fractions = [], "", {}
        self.dock.show()
        self.dock.raise_()
        self.runner.start(job)
        text = translate("Suggestions", "Suggesting with %1…").replace(
            "%1", joined(recommender_title(n) for n in self.names))
        self.dock.set_running(True, text)
        self.running_changed.emit(True)
        self.window.statusBar().showMessage(text)
        self._update_actions()
        return True

    def cancel(self) -> None:
        """Stop the run going on: what recommenders that finished brought stays stored,
        nothing more is."""
        if not self.busy:
            return
        self.runner.cancel()
        self._run_document, self._queue, self._storing = None, [], None
        text = translate("Suggestions", "Suggesting cancelled.")
        self.dock.set_running(False, text)
        self.running_changed.emit(False)
        self.window.statusBar().showMessage(text, 4000)
        self._update_actions()

    def _progress(self, name: str, done: int, total: int) -> None:
        if name not in self.names or self._run_document is None:
            return
        self._running_name = name
        self._fractions[name] = done / total if total else 0.0
        fraction = self._fraction()  # the recommenders run in two processes at once
        text = translate("Suggestions", "%1: %2%").replace("%1", recommender_title(name)) \
            .replace("%2", str(int(fraction * 100)))
        self._show(fraction, text)

    def _fraction(self, done: str = "") -> float:
        """How far the run is, over all its recommenders (``done``: one more finished)."""
        if done:
            self._fractions[done] = 1.0
        return sum(self._fractions.values()) / max(1, len(self.names))

    def _show(self, fraction: float, text: str) -> None:
        """Progress in the panel and the status bar, followed by the recommenders done."""
        if self.stored:
            text += translate("Suggestions", " — done: %1").replace("%1", self._done_text())
        self.dock.show_progress(fraction, text)
        self.window.statusBar().showMessage(text)

    def _done_text(self) -> str:
        return joined(translate("Suggestions", "%1 (%2 new)").replace(
            "%1", recommender_title(n)).replace("%2", str(c)) for n, c in self.stored)

    def _batch(self, run: int, name: str, proposals: list[Proposal]) -> None:
        """One recommender finished: store what it brought after the batches before it."""
        if run != self.runner.run_number or self._run_document is not self.window.document:
            return  # cancelled, or another document is open now
        self._queue.append((name, proposals))
        if self._storing is None:
            self._store_next()

    def _finished(self, run: int) -> None:
        if run != self.runner.run_number or self._run_document is not self.window.document:
            return
        self._run_over = True
        self._running_name = ""
        if self._storing is None:
            self._end_run()

    def _store_next(self) -> None:
        self._storing = self._queue.pop(0)
        self._attempts = 0
        name, proposals = self._storing
        if not self._run_over and self._running_name in ("", name):
            self.dock.show_progress(
                self._fraction(done=name),
                translate("Suggestions", "Storing %1 suggestions from %2…")
                .replace("%1", str(len(proposals))).replace("%2", recommender_title(name)))
        self._store_later()

    def _store_later(self) -> None:
        """Compute the change storing the batch's proposals on a thread
        (:mod:`suggest_store`)."""
        document = self.window.document
        session = self.window.editing_session(authoring=True)
        if document is None or session is None or self._storing is None:
            return
        name, proposals = self._storing
        self.store_worker.start((self.runner.run_number, self._edits), document,
                                proposals, annotator=session.annotator,
                                gold=self._gold(), recommenders=[name], listed=self._open)

    def _store_ready(self, token: tuple[int, int], change: Change,
                     listed: list[Suggestion]) -> None:
        run, edits = token
        document = self.window.document
        if run != self.runner.run_number or document is None \
                or self._run_document is not document or self._storing is None:
            return  # cancelled, or another document is open now
        session = self.window.editing_session(authoring=True)
        assert session is not None
        name, proposals = self._storing
        if edits != self._edits:  # edited meanwhile: the snapshot is out of date
            self._attempts += 1
            if self._attempts < STORE_ATTEMPTS:
                self._store_later()
                return
            change = store_proposals(document, proposals, annotator=session.annotator,
                                     gold=self._gold(), recommenders=[name])
            listed = open_after(document, change)
        self._storing = None
        self._listed, self._open = listed, None  # _edited knows it again after the change
        try:
            self.window._try(lambda session: session.apply(change))
        finally:
            self._listed = None
        before = {a.id for a in change.before}
        self.stored.append((name, sum(1 for a in change.after if a.id not in before)))
        if self._queue:
            self._store_next()
        elif self._run_over:
            self._end_run()
        else:
            fraction = self._fraction(done=name)
            running = next((n for n in (self._running_name, *self.names)  # one not done
                            if n and self._fractions.get(n, 0.0) < 1.0), name)
            self._show(fraction, translate("Suggestions", "%1: running…")
                       .replace("%1", recommender_title(running)))
        self._update_actions()

    def _end_run(self) -> None:
        """Every batch stored: say what the run brought (and why it stopped, if it did)."""
        self._run_document = None
        count = sum(c for _, c in self.stored)
        text = translate("Suggestions", "%1 new suggestions from %2.").replace(
            "%1", str(count)).replace("%2", self._done_text() or joined(
                recommender_title(n) for n in self.names))
        if self._failure:
            text = translate("Suggestions", "Suggesting failed: %1").replace(
                "%1", self._failure) + (" " + text if self.stored else "")
        self.dock.set_running(False, text)
        self.running_changed.emit(False)
        self.window.statusBar().showMessage(text, 8000)
        self._update_actions()

    def _failed(self, run: int, message: str) -> None:
        if run != self.runner.run_number or self._run_document is None:
            return
        self._failure = message
        self._run_over = True
        if self._storing is None:
            self._end_run()

    # -- moving ----------------------------------------------------------------------------
    def make_current(self, suggestion_id: str | None, *, jump: bool = True) -> None:
        """Make the open suggestion ``suggestion_id`` current: drawn thicker, its row
        selected, and (``jump``) its text selected and scrolled to."""
        document = self.window.document
        annotation = document.annotations.get(suggestion_id) if (
            document is not None and suggestion_id is not None) else None
        if document is None or annotation is None \
                or not open_suggestions_has(document, annotation.id):
            self._set_current(None)
            return
        self._set_current(annotation.id)
        if jump:
            self.window.view.select_span(annotation.start, annotation.end)
            self.window._reveal_cursor()
        self.window.statusBar().showMessage(self._describe(annotation), 6000)

    def _set_current(self, suggestion_id: str | None) -> None:
        self.current = suggestion_id
        self.window.view.set_current_suggestion(suggestion_id)
        self.dock.select(suggestion_id)
        self._update_actions()

    def _describe(self, annotation: Annotation) -> str:
        spec = self.window.tagset.get(annotation.label)
        return translate("Suggestions", "Suggested %1 (%2, score %3). Enter accepts, "
                                        "Backspace rejects.") \
            .replace("%1", spec.display_name(self.window.language)) \
            .replace("%2", recommender_title(annotation.annotator)) \
            .replace("%3", annotation.attributes.get("score", "?"))

    def _position(self) -> int:
        view = self.window.view
        span = view.selected_span()
        if span is not None:
            return span[0]
        return view.position_map().from_qt(view.textCursor().position())

    def step(self, step: int) -> None:
        """Make the next (``+1``) or previous (``-1``) open suggestion current."""
        session = self._session()
        if session is None:
            return
        position = self._position()
        found = (session.next_suggestion(position, self.current) if step > 0
                 else session.previous_suggestion(position, self.current))
        if found is None:
            self.window.statusBar().showMessage(
                translate("Suggestions", "No more suggestions this way."), 4000)
            return
        self.make_current(found.id)

    # -- deciding --------------------------------------------------------------------------
    def _decide(self, decide: Callable[[EditSession, str], Change]) -> Change | None:
        """Run one session operation on the current suggestion, then move to the next."""
        current = self.current
        document = self.window.document
        if current is None or document is None:
            return None
        annotation = document.annotations[current]
        done: list[Change] = []
        if not self.window._try(lambda session: done.append(decide(session, current))):
            return None
        session = self._session()
        following = session.next_suggestion(annotation.start) if session is not None else None
        if following is not None:
            self.make_current(following.id)
        else:
            self._set_current(None)
        return done[0] if done else None

    def accept(self, label: str | None = None) -> Annotation | None:
        """Accept the current suggestion (as ``label``, default its own); returns the
        annotation it became."""
        gold = self._gold()
        change = self._decide(lambda session, i: session.accept_suggestion(
            i, label or None, gold=gold))
        if change is None:
            return None
        made = [a for a in change.after if a.layer == (GOLD if gold else "")
                and a.id not in {b.id for b in change.before}]
        made = made or [a for a in change.after if a.layer == (GOLD if gold else "")]
        return made[0] if made else None

    def reject(self) -> None:
        """Reject the current suggestion: hidden, and never proposed again for this
        document."""
        self._decide(lambda session, i: session.reject_suggestion(i))

    def accept_as(self) -> Annotation | None:
        """Accept the current suggestion with a label the user picks."""
        if self.current is None:
            return None
        label = self.ask_label()
        return self.accept(label) if label else None

    def takes_label(self, label: str) -> bool:
        """A label key pressed while the current suggestion is selected accepts it with
        that label; True when it did (the key then labels nothing else)."""
        document = self.window.document
        if self.current is None or document is None:
            return False
        annotation = document.annotations.get(self.current)
        if annotation is None or self.window.view.selected_span() != (annotation.start,
                                                                      annotation.end):
            return False
        self.accept(label)
        return True

    def accept_all(self) -> int:
        """Ask for a label and a lowest score, then accept every open suggestion that fits
        as one undo step; returns how many were accepted."""
        document = self.window.document
        if document is None:
            return 0
        chosen = self.ask_accept_all()
        if chosen is None:
            return 0
        label, min_score = chosen
        count = len(open_suggestions(document, label=label, min_score=min_score))
        gold = self._gold()
        if not count or not self.window._try(
                lambda session: session.accept_all(label, min_score, gold=gold)):
            self.window.statusBar().showMessage(
                translate("Suggestions", "No open suggestion fits."), 4000)
            return 0
        self.window.statusBar().showMessage(
            translate("Suggestions", "Accepted %1 suggestions.").replace("%1", str(count)), 6000)
        return count

    # -- questions -------------------------------------------------------------------------
    def _ask_label_dialog(self) -> str | None:
        tagset = self.window.tagset
        language = self.window.language
        names = [spec.display_name(language) for spec in tagset]
        current = self.window.document.annotations.get(self.current or "") if \
            self.window.document is not None else None
        at = next((i for i, spec in enumerate(tagset) if current is not None
                   and spec.name == current.label), 0)
        chosen, ok = QInputDialog.getItem(self._parent_widget(),
                                          translate("Suggestions", "Accept with Label"),
                                          translate("Suggestions", "Label:"), names, at, False)
        if not ok:
            return None
        return next((spec.name for spec in tagset if spec.display_name(language) == chosen),
                    None)

    def _ask_accept_all_dialog(self) -> tuple[str | None, float] | None:
        document = self.window.document
        counts: dict[str, int] = {}
        if document is not None:
            for suggestion in open_suggestions(document):
                counts[suggestion.label] = counts.get(suggestion.label, 0) + 1
        language = self.window.language
        labels = [(spec.name, spec.display_name(language), spec.color)
                  for spec in self.window.tagset if spec.name in counts]
        model = self.dock.model
        dialog = AcceptAllDialog(labels, counts, model.label, max(model.min_score, 0.5),
                                 self._parent_widget())
        if dialog.exec() != AcceptAllDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    def _parent_widget(self) -> QWidget:
        return self.window


def open_suggestions_has(document: Document, suggestion_id: str) -> bool:
    """True when ``suggestion_id`` is an open suggestion of ``document``."""
    annotation = document.annotations.get(suggestion_id)
    return annotation is not None and is_open_suggestion(annotation)
