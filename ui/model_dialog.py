"""The CRF Model dialog: what the project's model was trained on, its cross-validated scores
per label, and training it again with progress and Cancel.

It shows a model's ``info`` as ``model.json`` keeps it (one trained in the app or with
``annotator train --folds K``): when it was trained, on how many documents, tokens and
entities, and for each label and for all together (micro) the precision, recall and F1 of
the cross-validation and the support (entities in the held-out documents).  The dialog is not
modal: the window goes on while a training runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from annotator_ui.i18n import isolated
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.tagset import TagSet

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
MICRO = "micro"


def trained_when(created: str) -> str:
    """``2026-12-07T01:40:12Z`` as ``2026-12-07 01:40 UTC`` (the stored text when it is not
    that shape)."""
    if len(created) >= 16 and created[10] == "T":
        return f"{created[:10]} {created[11:16]} UTC"
    return created


class ModelDialog(QDialog):
    """The model's figures and scores; Train and Cancel ask the window to act."""

    train_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crf-model-dialog")
        self.setModal(False)
        self.info: Mapping[str, Any] | None = None
        self.folder: Path | None = None
        self.tagset: TagSet | None = None
        self.language = "en"
        self.running = False
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("model-summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("model-scores")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 10)
        self.note = QLabel(self)
        self.note.setObjectName("model-note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.note)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("model-progress-text")
        self.progress_label.setWordWrap(True)
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.progress_label)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("model-progress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        layout.addWidget(self.progress_bar)
        layout.addStretch(1)  # the room of the table while there is none
        buttons = QDialogButtonBox(self)
        self.train_button = QPushButton(self)
        self.train_button.setObjectName("model-train")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("model-cancel")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("model-close")
        buttons.addButton(self.train_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.train_button.clicked.connect(self.train_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.close_button.clicked.connect(self.close)
        layout.addWidget(buttons)
        self.resize(560, 400)
        self.set_training(False)
        self.retranslate()

    def retranslate(self) -> None:
        """Captions in the interface language now installed, the figures shown again."""
        self.setWindowTitle(translate("Model", "CRF Model"))
        self.table.setHorizontalHeaderLabels([
            translate("Model", "Label"), translate("Model", "Precision"),
            translate("Model", "Recall"), translate("Model", "F1"),
            translate("Model", "Support")])
        self.cancel_button.setText(translate("Model", "Cancel Training"))
        self.close_button.setText(translate("Model", "Close"))
        self._fill()

    def show_info(self, info: Mapping[str, Any] | None, folder: Path | None,
                  tagset: TagSet | None = None, language: str = "en") -> None:
        """Show the model ``info`` (None: no model yet) of the model folder ``folder``."""
        self.info, self.folder, self.tagset, self.language = info, folder, tagset, language
        self._fill()

    def set_training(self, running: bool, text: str = "") -> None:
        """Show a training under way (progress bar and Cancel) or not (``text``: how the
        last one ended, if it did)."""
        self.running = running
        self.progress_bar.setVisible(running)
        self.progress_bar.setValue(0)
        self.progress_label.setText(text)
        self.progress_label.setVisible(bool(text))
        self.cancel_button.setVisible(running)
        self.train_button.setEnabled(not running)

    def show_progress(self, fraction: float, text: str) -> None:
        """How far the training is (0 to 1) and what it does."""
        self.progress_bar.setValue(round(max(0.0, min(1.0, fraction)) * 1000))
        self.progress_label.setText(text)
        self.progress_label.setVisible(True)

    def _label_name(self, label: str) -> str:
        if label == MICRO:
            return translate("Model", "All labels (micro)")
        if self.tagset is not None and label in self.tagset:
            shown = self.tagset.get(label).display_name(self.language)
            return label if shown == label else f"{shown} ({label})"
        return label

    def _fill(self) -> None:
        info = self.info
        self.train_button.setText(translate("Model", "Retrain…") if info
                                  else translate("Model", "Train"))
        scores: Mapping[str, Mapping[str, float]] = (info or {}).get("cross_validation") or {}
        self.table.setRowCount(len(scores))
        for row, (label, score) in enumerate(scores.items()):
            cells = [self._label_name(label), f"{score.get('precision', 0.0):.3f}",
                     f"{score.get('recall', 0.0):.3f}", f"{score.get('f1', 0.0):.3f}",
                     str(int(score.get("gold", 0)))]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if label == MICRO:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(scores))
        self.summary.setText(self._summary_text())
        self.note.setText(self._note_text(bool(scores)))

    def _summary_text(self) -> str:
        info = self.info
        if not info:
            return translate("Model", "This project has no trained model yet. Train learns one "
                                      "from the project's documents: their gold annotations, "
                                      "or the annotators' where a document has no gold.")
        entities = sum(int(n) for n in (info.get("entities") or {}).values())
        text = translate("Model", "Trained %1 on %2 annotated documents (%3 tokens, %4 "
                                  "entities).") \
            .replace("%1", isolated(trained_when(str(info.get("created", "?"))))) \
            .replace("%2", str(info.get("documents", 0))) \
            .replace("%3", str(info.get("tokens", 0))) \
            .replace("%4", str(entities))
        unlabelled = int(info.get("unlabelled_documents") or 0)
        if unlabelled:
            text += " " + translate("Model", "Its word clusters also read the text of %1 "
                                             "unannotated documents.").replace(
                "%1", str(unlabelled))
        if self.folder is not None:
            text += "\n" + translate("Model", "Folder: %1").replace(
                "%1", isolated(str(self.folder)))
        return text

    def _note_text(self, scored: bool) -> str:
        info = self.info
        if not info:
            return ""
        if not scored:
            return translate("Model", "Not cross-validated: that needs at least two annotated "
                                      "documents (with the command line: --folds).")
        folds = int(info.get("folds") or 0)
        how = translate("Model", "Cross-validated on %1 folds: the documents of each fold "
                                 "scored by a model trained on the others.").replace(
            "%1", str(folds)) if folds else translate(
            "Model", "Cross-validated: the documents of each fold scored by a model trained "
                     "on the others.")
        return how + " " + translate("Model", "An entity counts as found when its start, end "
                                              "and label are right; support: the entities of "
                                              "the scored documents.")
