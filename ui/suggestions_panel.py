"""The suggestions panel: the open suggestions of the document with their score, filtered by
label, recommender and lowest score; which recommenders to run, the run's progress and its
Cancel; and the small Accept All dialog.

The panel only shows and asks; :mod:`annotator_ui.suggestions` decides what happens (through
the edit session).  Rows are the core's :class:`~annotator.suggest.suggestions.Suggestion`
values in text order; a change to a few suggestions moves a few rows, a recommender run
refills the table.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from annotator_ui.evidence_text import evidence_text
from annotator_ui.i18n import isolated
from annotator_ui.palette import swatch_icon
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.edits import Change
from annotator.layers import SUGGESTION
from annotator.model import Document
from annotator.suggest.suggestions import Suggestion, open_suggestions, score_of, text_order
from annotator.tagset import TagSet

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
_ROOT = QModelIndex()
ANY = ""
REFILL_ABOVE = 300  # suggestions changed at once above which the table is refilled
TEXT_SHOWN = 60  # characters of a suggestion's text in its row
BOXES_PER_ROW = 3  # recommender check boxes side by side


def recommender_title(name: str) -> str:
    """A recommender's name as the panel shows it, in the interface language."""
    titles = {"cues": translate("Suggestions", "Quote cues"),
              "claims": translate("Suggestions", "Claim cues"),
              "project": translate("Suggestions", "Project names"),
              "crf": translate("Suggestions", "CRF model"),
              "model": translate("Suggestions", "Your model")}
    return titles.get(name, name)


class SuggestionModel(QAbstractTableModel):
    """Open suggestions as rows: label, text, score, recommender, evidence."""

    LABEL, TEXT, SCORE, RECOMMENDER, EVIDENCE = range(5)
    IdRole = Qt.ItemDataRole.UserRole

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Suggestion] = []
        self.document: Document | None = None
        self.tagset: TagSet | None = None
        self.language = "en"
        self.label = ANY
        self.recommender = ANY
        self.min_score = 0.0

    # -- contents ------------------------------------------------------------------------
    def _passes(self, suggestion: Suggestion) -> bool:
        return ((not self.label or suggestion.label == self.label)
                and (not self.recommender or suggestion.recommender == self.recommender)
                and suggestion.score >= self.min_score)

    def refill(self, document: Document | None = None,
               listed: Sequence[Suggestion] | None = None) -> None:
        """Every open suggestion of ``document`` (default: the one shown) that passes the
        filters; ``listed``: those open suggestions, already found and in text order."""
        if document is not None:
            self.document = document
        self.beginResetModel()
        if self.document is None:
            self.rows = []
        elif listed is not None:  # (every open suggestion scores 0 or more)
            unfiltered = not self.label and not self.recommender and self.min_score <= 0.0
            self.rows = list(listed) if unfiltered else [s for s in listed if self._passes(s)]
        else:
            self.rows = open_suggestions(self.document, label=self.label or None,
                                         min_score=self.min_score,
                                         recommender=self.recommender or None)
        self.endResetModel()

    def follow(self, change: Change, listed: Sequence[Suggestion] | None = None) -> None:
        """Rows in or out for the suggestions ``change`` touched (the document already
        changed); ``listed``: every open suggestion now, when the caller has them."""
        document = self.document
        if document is None:
            return
        ids = {a.id for a in (*change.before, *change.after) if a.layer == SUGGESTION}
        if not ids:
            return
        if len(ids) > REFILL_ABOVE:
            self.refill(listed=listed)
            return
        for suggestion_id in ids:
            row = self.row_of(suggestion_id)
            if row >= 0:
                self.beginRemoveRows(_ROOT, row, row)
                del self.rows[row]
                self.endRemoveRows()
        for suggestion_id in ids:
            annotation = document.annotations.get(suggestion_id)
            if annotation is None or annotation.layer != SUGGESTION \
                    or "status" in annotation.attributes:
                continue
            suggestion = Suggestion(annotation, score_of(annotation))
            if self._passes(suggestion):
                row = bisect.bisect_left(self.rows, text_order(suggestion), key=text_order)
                self.beginInsertRows(_ROOT, row, row)
                self.rows.insert(row, suggestion)
                self.endInsertRows()

    def row_of(self, suggestion_id: str | None) -> int:
        """The row of ``suggestion_id``, or -1."""
        if suggestion_id is None or self.document is None:
            return -1
        annotation = self.document.annotations.get(suggestion_id)
        if annotation is not None:
            key = (annotation.start, -annotation.end, annotation.id)
            row = bisect.bisect_left(self.rows, key, key=text_order)
            if row < len(self.rows) and self.rows[row].id == suggestion_id:
                return row
        return next((i for i, s in enumerate(self.rows) if s.id == suggestion_id), -1)

    def labels(self) -> list[str]:
        """The labels of the rows, in order of first appearance."""
        return list(dict.fromkeys(s.label for s in self.rows))

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (translate("Suggestions", "Label"), translate("Suggestions", "Text"),
                translate("Suggestions", "Score"), translate("Suggestions", "Recommender"),
                translate("Suggestions", "Evidence"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.document is None:
            return None
        suggestion = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.LABEL:
                return self._label_name(suggestion.label)
            if column == self.TEXT:
                text = self.document.text[suggestion.start:suggestion.end].replace("\n", " ⏎ ")
                return text if len(text) <= TEXT_SHOWN else text[:TEXT_SHOWN - 1] + "…"
            if column == self.SCORE:
                return f"{suggestion.score:.2f}"
            if column == self.RECOMMENDER:
                return recommender_title(suggestion.recommender)
            return evidence_text(suggestion.evidence)
        if role == Qt.ItemDataRole.DecorationRole and column == self.LABEL \
                and self.tagset is not None:
            return swatch_icon(self.tagset.get(suggestion.label).color)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.document.text[suggestion.start:suggestion.end]
            return f"{isolated(text)}\n[{suggestion.start}, {suggestion.end})"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SCORE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == self.IdRole:
            return suggestion.id
        return None

    def _label_name(self, label: str) -> str:
        return self.tagset.get(label).display_name(self.language) if self.tagset else label


class SuggestionsDock(QDockWidget):
    """The panel (see the module docstring).  ``suggest_requested`` and ``cancel_requested``
    from its buttons; ``suggestion_activated(id)`` when a row is chosen;
    ``accept_requested`` / ``reject_requested`` / ``accept_all_requested`` from its buttons."""

    suggest_requested = Signal()
    cancel_requested = Signal()
    suggestion_activated = Signal(str)
    accept_requested = Signal()
    reject_requested = Signal()
    accept_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestions-dock")
        self._labels: list[tuple[str, str, str]] = []
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)

        run = self.run_grid = QGridLayout()  # check boxes in rows of three: the dock stays narrow
        self.recommender_boxes: dict[str, QCheckBox] = {}
        self.suggest_button = QPushButton(page)
        self.suggest_button.setObjectName("suggest-button")
        self.suggest_button.clicked.connect(self.suggest_requested)
        run.addWidget(self.suggest_button, 0, BOXES_PER_ROW)
        run.setColumnStretch(BOXES_PER_ROW - 1, 1)
        layout.addLayout(run)

        progress = QHBoxLayout()
        self.progress_bar = QProgressBar(page)
        self.progress_bar.setObjectName("suggest-progress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.cancel_button = QPushButton(page)
        self.cancel_button.setObjectName("suggest-cancel")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.status_label = QLabel(page)
        self.status_label.setObjectName("suggest-status")
        progress.addWidget(self.status_label, 1)
        progress.addWidget(self.progress_bar, 1)
        progress.addWidget(self.cancel_button)
        layout.addLayout(progress)

        filters = QHBoxLayout()
        self.label_combo = QComboBox(page)
        self.label_combo.setObjectName("suggest-label-filter")
        self.recommender_combo = QComboBox(page)
        self.recommender_combo.setObjectName("suggest-recommender-filter")
        self.score_spin = QDoubleSpinBox(page)
        self.score_spin.setObjectName("suggest-min-score")
        self.score_spin.setRange(0.0, 1.0)
        self.score_spin.setSingleStep(0.05)
        self.score_spin.setDecimals(2)
        self.score_label = QLabel(page)
        self.score_label.setBuddy(self.score_spin)
        filters.addWidget(self.label_combo, 1)
        filters.addWidget(self.recommender_combo, 1)
        filters.addWidget(self.score_label)
        filters.addWidget(self.score_spin)
        layout.addLayout(filters)

        self.model = SuggestionModel(self)
        table = self.table = QTableView(page)
        table.setObjectName("suggestion-list")
        table.setModel(self.model)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SuggestionModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(SuggestionModel.LABEL, 100)
        header.resizeSection(SuggestionModel.SCORE, 50)
        header.resizeSection(SuggestionModel.RECOMMENDER, 100)
        header.resizeSection(SuggestionModel.EVIDENCE, 140)
        table.clicked.connect(self._row_chosen)
        table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._row_chosen(current))
        layout.addWidget(table, 1)

        buttons = QHBoxLayout()
        self.count_label = QLabel(page)
        self.count_label.setObjectName("suggest-count")
        self.accept_button = QPushButton(page)
        self.accept_button.clicked.connect(self.accept_requested)
        self.reject_button = QPushButton(page)
        self.reject_button.clicked.connect(self.reject_requested)
        self.accept_all_button = QPushButton(page)
        self.accept_all_button.clicked.connect(self.accept_all_requested)
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.accept_all_button)
        layout.addLayout(buttons)
        scroller = QScrollArea(self)  # a narrow dock scrolls instead of squeezing the text
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(page)
        self.setWidget(scroller)

        self.label_combo.currentIndexChanged.connect(self._filters_changed)
        self.recommender_combo.currentIndexChanged.connect(self._filters_changed)
        self.score_spin.valueChanged.connect(self._filters_changed)
        self._syncing = False
        self.set_running(False)
        self.retranslate()

    # -- words ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(translate("Suggestions", "Suggestions"))
        self.suggest_button.setText(translate("Suggestions", "Suggest"))
        self.cancel_button.setText(translate("Suggestions", "Cancel"))
        self.score_label.setText(translate("Suggestions", "Score at least"))
        self.accept_button.setText(translate("Suggestions", "Accept"))
        self.reject_button.setText(translate("Suggestions", "Reject"))
        self.accept_all_button.setText(translate("Suggestions", "Accept All…"))
        for name, box in self.recommender_boxes.items():
            box.setText(recommender_title(name))
        self._fill_recommender_filter()
        self.set_labels(self._labels)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        self.update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the run ---------------------------------------------------------------------------
    def set_recommenders(self, names: Sequence[str], available: Iterable[str]) -> None:
        """One check box per recommender of ``names``; those not ``available`` (a CRF the
        project has not trained) are shown disabled."""
        usable = set(available)
        for name in names:
            box = self.recommender_boxes.get(name)
            if box is None:
                box = self.recommender_boxes[name] = QCheckBox(recommender_title(name), self)
                box.setObjectName(f"suggest-use-{name}")
                at = len(self.recommender_boxes) - 1
                self.run_grid.addWidget(box, at // BOXES_PER_ROW, at % BOXES_PER_ROW)
            if box.isEnabled() != (name in usable) or not box.property("shown"):
                box.setChecked(name in usable)  # a model trained since is checked
                box.setProperty("shown", True)
            box.setEnabled(name in usable)
            if name not in usable and name == "crf":
                box.setToolTip(translate("Suggestions", "This project has no trained model "
                                                        "yet: Suggestions › Train Model… (or "
                                                        "annotator train … -o %1)")
                               .replace("%1", "models/crf"))
            elif name not in usable:
                box.setToolTip(translate("Suggestions", "Name a model folder in the "
                                                        "project's %1").replace(
                    "%1", "suggestions.toml"))
            else:
                box.setToolTip("")
        self._fill_recommender_filter()

    def chosen_recommenders(self) -> list[str]:
        """The recommenders checked and available."""
        return [name for name, box in self.recommender_boxes.items()
                if box.isChecked() and box.isEnabled()]

    def set_running(self, running: bool, text: str = "") -> None:
        """Show the progress row while a run goes on; ``text`` says what happened."""
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.suggest_button.setEnabled(not running)
        if running:
            self.progress_bar.setValue(0)
        self.status_label.setText(text)

    def show_progress(self, fraction: float, text: str) -> None:
        self.progress_bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        self.status_label.setText(text)

    # -- filters ---------------------------------------------------------------------------
    def set_labels(self, labels: Sequence[tuple[str, str, str]]) -> None:
        """The label filter's choices: (name, shown name, colour)."""
        self._labels = list(labels)
        combo = self.label_combo
        current = combo.currentData() or ANY
        self._syncing = True
        combo.clear()
        combo.addItem(translate("Suggestions", "All labels"), ANY)
        for name, shown, colour in self._labels:
            combo.addItem(swatch_icon(colour), shown, name)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        self._syncing = False

    def _fill_recommender_filter(self) -> None:
        combo = self.recommender_combo
        current = combo.currentData() or ANY
        self._syncing = True
        combo.clear()
        combo.addItem(translate("Suggestions", "All recommenders"), ANY)
        for name in self.recommender_boxes:
            combo.addItem(recommender_title(name), name)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        self._syncing = False

    def _filters_changed(self, *_args: object) -> None:
        if self._syncing:
            return
        model = self.model
        model.label = self.label_combo.currentData() or ANY
        model.recommender = self.recommender_combo.currentData() or ANY
        model.min_score = self.score_spin.value()
        model.refill()
        self.update_count()

    def update_count(self) -> None:
        self.count_label.setText(translate("Suggestions", "%1 open")
                                 .replace("%1", str(len(self.model.rows))))

    # -- rows ------------------------------------------------------------------------------
    def select(self, suggestion_id: str | None) -> None:
        """Select the row of ``suggestion_id`` (None: no row) without choosing it again."""
        self._syncing = True
        try:
            row = self.model.row_of(suggestion_id)
            selection = self.table.selectionModel()
            if row < 0:
                selection.clear()
                return
            index = self.model.index(row, 0)
            selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect
                                      | selection.SelectionFlag.Rows)
            self.table.scrollTo(index)
        finally:
            self._syncing = False

    def _row_chosen(self, index: QModelIndex) -> None:
        if self._syncing or not index.isValid():
            return
        self.suggestion_activated.emit(index.data(SuggestionModel.IdRole))


class AcceptAllDialog(QDialog):
    """Which label (or all) and the lowest score to accept every open suggestion of."""

    def __init__(self, labels: Sequence[tuple[str, str, str]], counts: dict[str, int],
                 label: str = ANY, min_score: float = 0.5,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accept-all-dialog")
        self.setWindowTitle(translate("Suggestions", "Accept All Suggestions"))
        form = QFormLayout(self)
        self.label_combo = QComboBox(self)
        self.label_combo.addItem(translate("Suggestions", "All labels"), ANY)
        for name, shown, colour in labels:
            self.label_combo.addItem(swatch_icon(colour),
                                     f"{shown} ({counts.get(name, 0)})", name)
        self.label_combo.setCurrentIndex(max(0, self.label_combo.findData(label)))
        self.score_spin = QDoubleSpinBox(self)
        self.score_spin.setRange(0.0, 1.0)
        self.score_spin.setSingleStep(0.05)
        self.score_spin.setDecimals(2)
        self.score_spin.setValue(min_score)
        form.addRow(translate("Suggestions", "Label"), self.label_combo)
        form.addRow(translate("Suggestions", "Score at least"), self.score_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("Suggestions", "Accept"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> tuple[str | None, float]:
        """(label or None for every label, lowest score)."""
        return self.label_combo.currentData() or None, self.score_spin.value()
