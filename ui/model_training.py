"""Training the project's CRF from the window, and showing its scores.

* Suggestions > Train Model… trains a CRF from the open project's documents (gold where a
  document has it, else the annotators' work: :mod:`annotator.suggest.project_training`) in a
  child process (:mod:`annotator_ui.train_runner`), cross-validated on up to five folds, with
  progress and Cancel in the CRF Model dialog; the window goes on meanwhile.  Replacing a
  model the project has asks first, showing that model's figures.  The model is written beside
  the project's ``models/crf`` and put in its place only when the training is complete: a
  training that fails or is cancelled leaves the model there as it was.
* Suggestions > CRF Model… shows the model's figures and cross-validated scores per label
  (:class:`annotator_ui.model_dialog.ModelDialog`), for a model trained in the app or with
  ``annotator train``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator_ui.corpus_runner import OpenDocument
from annotator_ui.i18n import error_message, isolated
from annotator_ui.model_dialog import ModelDialog, trained_when
from annotator_ui.train_runner import TrainJob, TrainResult, TrainRunner
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from annotator.errors import AnnotatorError
from annotator.suggest.project_training import (
    FOLDS,
    read_model_info,
    replace_folder,
    staging_folder,
)
from annotator.suggest.registry import PROJECT_CRF

if TYPE_CHECKING:
    from annotator_ui.mainwindow import MainWindow

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

ACTIONS = {"train_model": str(QT_TRANSLATE_NOOP("Model", "&Train Model…")),
           "show_model": str(QT_TRANSLATE_NOOP("Model", "CRF &Model…"))}


def micro_f1(info: dict[str, Any] | None) -> str:
    """The model's cross-validated micro F1 as ``0.786``, or ``–`` when it has none."""
    scores = (info or {}).get("cross_validation") or {}
    micro = scores.get("micro")
    return f"{micro['f1']:.3f}" if micro else "–"


class ModelTraining(QObject):
    """The Train Model and CRF Model actions, the dialog and the training runner.
    ``model_changed`` is emitted once a new model is in place."""

    model_changed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.iterations: int | None = None  # training iterations (None: the CRF's default)
        self.folds = FOLDS
        self.dialog: ModelDialog | None = None
        self._staging: Path | None = None  # where the training under way saves its model
        self._target: Path | None = None  # the model folder it replaces
        # How the last training ended, said in the interface language of the moment.
        self._ending: Callable[[], str] | None = None
        # A question, replaceable in tests.
        self.confirm_replace = self._confirm_replace_dialog
        self.runner = TrainRunner(self)
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(self._cancelled)
        window.destroyed.connect(lambda *_: self._discard())
        self.actions: dict[str, QAction] = {}
        self.retranslate()

    def retranslate(self) -> None:
        """Name the actions and the dialog in the interface language now installed."""
        slots = {"train_model": self.train, "show_model": self.show_model}
        for name, text in ACTIONS.items():
            action = self.actions.get(name)
            if action is None:
                action = self.actions[name] = QAction(self.window)
                action.setObjectName(name)
                action.triggered.connect(lambda _=False, slot=slots[name]: slot())
                self.window.addAction(action)
                self.window.action_by_name[name] = action
            action.setText(translate("Model", text))
        if self.dialog is not None:
            self.dialog.language = self.window.language
            if not self.running:  # how the last training ended, said in this language
                self.dialog.set_training(False, self._ending() if self._ending else "")
            self.dialog.retranslate()

    # -- where -----------------------------------------------------------------------------
    def project_folder(self) -> Path | None:
        """The open team project's root, else the open project folder, else the document's."""
        return self.window.concordance.corpus_folder()

    def model_folder(self) -> Path | None:
        """The project's CRF model folder (whether it holds a model or not)."""
        folder = self.project_folder()
        return folder / PROJECT_CRF if folder is not None else None

    @property
    def running(self) -> bool:
        """True while a training is under way."""
        return self._staging is not None

    # -- showing ---------------------------------------------------------------------------
    def _info(self, folder: Path | None) -> dict[str, Any] | None:
        """The model's info, None when there is none (or it cannot be read: said)."""
        if folder is None:
            return None
        try:
            return read_model_info(folder)
        except AnnotatorError as error:
            self.window.statusBar().showMessage(error_message(error), 10000)
            return None

    def show_model(self) -> ModelDialog:
        """Open the CRF Model dialog on the project's model (not modal)."""
        if self.dialog is None:
            self.dialog = ModelDialog(self.window)
            self.dialog.train_requested.connect(self.train)
            self.dialog.cancel_requested.connect(self.cancel)
        if not self.running:
            self._show_info(self.model_folder())
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _show_info(self, folder: Path | None) -> None:
        if self.dialog is not None:
            self.dialog.show_info(self._info(folder), folder, self.window.tagset,
                                  self.window.language)

    # -- training --------------------------------------------------------------------------
    def train(self) -> bool:
        """Train the project's CRF in the background (asking first when it replaces a
        model); False when nothing started."""
        target = self.model_folder()
        folder = self.project_folder()
        status = self.window.statusBar()
        if target is None or folder is None:
            status.showMessage(translate("Model", "Open a project folder or a document of it "
                                                  "first."), 6000)
            return False
        if self.running:
            self.show_model()
            return False
        old = self._info(target)
        if old is not None and not self.confirm_replace(old):
            return False
        try:
            staging = staging_folder(target)
        except AnnotatorError as error:
            status.showMessage(error_message(error), 10000)
            return False
        window = self.window
        document = window.document
        path = window.current_path or None
        self._staging, self._target = staging, target
        self._ending = None
        self.runner.start(TrainJob(folder, staging, self.folds, self.iterations, path,
                                   OpenDocument.of(document) if document is not None and path
                                   else None))
        dialog = self.show_model()
        dialog.set_training(True, translate("Model", "Reading the project…"))
        status.showMessage(translate("Model", "Training the CRF model…"))
        self.actions["train_model"].setEnabled(False)
        return True

    def cancel(self) -> None:
        """Stop the training under way; the model there before stays as it was."""
        if self.running:
            self.runner.cancel()

    def _progress(self, run: int, done: int, total: int, name: str) -> None:
        if run != self.runner.run or self.dialog is None or not self.running:
            return
        if name:
            text = translate("Model", "Reading %1 (%2 of %3)…").replace(
                "%1", isolated(name)).replace("%2", str(done + 1)).replace("%3", str(total))
            fraction = 0.1 * done / total if total else 0.0
        else:  # the reading was the first tenth
            fraction = 0.1 + 0.9 * (done / total if total else 0.0)
            text = translate("Model", "Training: %1%").replace("%1", str(int(fraction * 100)))
        self.dialog.show_progress(fraction, text)
        self.window.statusBar().showMessage(text)

    def _finished(self, run: int, result: TrainResult) -> None:
        if run != self.runner.run or self._target is None:
            shutil.rmtree(result.staging, ignore_errors=True)
            return
        target = self._target
        try:
            replace_folder(result.staging, target)
        except AnnotatorError as error:
            refused = error  # the except clause unbinds ``error`` when it ends
            self._ended(lambda: error_message(refused))
            return
        self._staging = None

        def ending() -> str:
            text = translate("Model", "Model trained: micro F1 %1 (cross-validated).").replace(
                "%1", micro_f1(result.info)) if result.info.get("cross_validation") else \
                translate("Model", "Model trained (not cross-validated).")
            if result.skipped:
                text += " " + translate(
                    "Model", "%1 file(s) could not be read and were left out: %2").replace(
                    "%1", str(len(result.skipped))).replace(
                    "%2", error_message(result.skipped[0]))
            return text

        self._ended(ending)
        self._show_info(target)
        self.model_changed.emit()

    def _failed(self, run: int, error: AnnotatorError | str) -> None:
        if run != self.runner.run:
            return
        self._ended(lambda: translate("Model", "Training failed: %1").replace(
            "%1", error_message(error) if isinstance(error, AnnotatorError) else error))

    def _cancelled(self, _run: int) -> None:
        self._ended(lambda: translate("Model", "Training cancelled; the model is as it was."))

    def _ended(self, ending: Callable[[], str]) -> None:
        """The training is over: its staging folder goes (if still there), ``ending()`` says
        how it ended (again after a change of language)."""
        self._discard()
        self._ending = ending
        text = ending()
        if self.dialog is not None:
            self.dialog.set_training(False, text)
        self.window.statusBar().showMessage(text, 10000)
        self.actions["train_model"].setEnabled(True)

    def _discard(self) -> None:
        """End the child, if any, and remove the staging folder of the training."""
        staging, self._staging = self._staging, None
        if staging is None:
            return
        self.runner.end()
        self.runner.wait(5)  # the child is gone before its folder is removed
        shutil.rmtree(staging, ignore_errors=True)

    def _confirm_replace_dialog(self, info: dict[str, Any]) -> bool:
        answer = QMessageBox.question(
            self.window, translate("Model", "Train Model"),
            translate("Model", "The project has a model trained %1 on %2 documents, "
                               "cross-validated micro F1 %3. Train a new one to replace it? "
                               "It is replaced only when the training is complete.")
            .replace("%1", isolated(trained_when(str(info.get("created", "?")))))
            .replace("%2", str(info.get("documents", "?")))
            .replace("%3", micro_f1(info)))
        return answer == QMessageBox.StandardButton.Yes
