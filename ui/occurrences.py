"""Annotate all occurrences: a preview of every occurrence to tick before annotating.

Finding the occurrences (folded, proclitics allowed) and their context is the core's
(:mod:`annotator.occurrences`).  The preview lists each one with a few words of context on
either side and a checkbox.  Occurrences that already carry the chosen label, or overlap an
annotation with it, start unchecked (and are re-evaluated when another label is picked).  OK
turns every checked occurrence into an annotation; the window applies them as one undo step.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator_ui.i18n import isolated
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.model import Document
from annotator.occurrences import annotation_changes, clashes, find_occurrences, occurrences
from annotator.tagset import TagSet

# annotation_changes and exact_matches: names ui/workflow.py imports from here.
__all__ = ["OccurrencesDialog", "annotation_changes", "exact_matches", "find_occurrences"]

MARK_OPEN, MARK_CLOSE = "【", "】"

exact_matches = find_occurrences  # folded and proclitic-aware, no longer exact

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


class OccurrencesDialog(QDialog):
    """The preview: every match with context, checkboxes and a label chooser."""

    def __init__(self, document: Document, tagset: TagSet, needle: str, *,
                 spans: Sequence[tuple[int, int]] | None = None, label: str | None = None,
                 language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.tagset = tagset
        self.needle = needle
        if spans is None:
            spans = find_occurrences(document.text, needle)
        self.items = occurrences(document, spans)
        self.setWindowTitle(translate("Occurrences", "Annotate All Occurrences"))

        layout = QVBoxLayout(self)
        form = QFormLayout()
        needle_label = QLabel(needle)
        needle_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(translate("Occurrences", "Text:"), needle_label)
        self.label_box = QComboBox()
        for spec in tagset:
            self.label_box.addItem(f"{isolated(spec.display_name(language))} "
                                   f"({isolated(spec.name)})", spec.name)
        if label is not None:
            index = self.label_box.findData(label)
            if index < 0:
                self.label_box.addItem(label, label)
                index = self.label_box.count() - 1
            self.label_box.setCurrentIndex(index)
        self.label_box.currentIndexChanged.connect(self._recheck)
        form.addRow(translate("Occurrences", "Label:"), self.label_box)
        layout.addLayout(form)

        self.list = QListWidget()
        self.list.setWordWrap(True)
        for item in self.items:
            shown = (f"{item.before}{MARK_OPEN}{document.text[item.start:item.end]}"
                     f"{MARK_CLOSE}{item.after}")
            if document.direction == "rtl":  # an RTL isolate: "…" ends up at the left
                shown = "\u2067" + shown + "\u2069"
            row = QListWidgetItem(shown)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setData(Qt.ItemDataRole.UserRole, (item.start, item.end))
            if document.direction == "rtl":  # Arabic context reads from the right edge
                row.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                                     | Qt.AlignmentFlag.AlignVCenter)
            self.list.addItem(row)
        self.list.itemChanged.connect(lambda _item: self._update_summary())
        layout.addWidget(self.list, 1)

        tools = QHBoxLayout()
        self.check_all = QPushButton(translate("Occurrences", "Check All"))
        self.check_all.clicked.connect(lambda: self._set_all(True))
        self.check_none = QPushButton(translate("Occurrences", "Uncheck All"))
        self.check_none.clicked.connect(lambda: self._set_all(False))
        self.summary = QLabel()
        tools.addWidget(self.check_all)
        tools.addWidget(self.check_none)
        tools.addStretch(1)
        tools.addWidget(self.summary)
        layout.addLayout(tools)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._recheck()
        self.resize(620, 420)

    def label(self) -> str:
        """The label chosen for the new annotations."""
        return str(self.label_box.currentData() or "")

    def _recheck(self) -> None:
        label = self.label()
        grey = QColor("#888888")
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            start, end = item.data(Qt.ItemDataRole.UserRole)
            taken = clashes(self.document, start, end, label)
            item.setCheckState(Qt.CheckState.Unchecked if taken else Qt.CheckState.Checked)
            item.setForeground(grey if taken else self.list.palette().text().color())
            item.setToolTip(QCoreApplication.translate(
                "Occurrences", "Already annotated with this label") if taken else "")
        self.list.blockSignals(False)
        self._update_summary()

    def _set_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(state)
        self.list.blockSignals(False)
        self._update_summary()

    def _update_summary(self) -> None:
        checked = len(self.checked_spans())
        self.summary.setText(QCoreApplication.translate("Occurrences", "%1 of %2 selected")
                             .replace("%1", str(checked)).replace("%2", str(self.list.count())))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(checked > 0 and bool(self.label()))

    def set_checked(self, row: int, on: bool) -> None:
        """Tick or untick one match."""
        self.list.item(row).setCheckState(Qt.CheckState.Checked if on
                                          else Qt.CheckState.Unchecked)

    def checked_spans(self) -> list[tuple[int, int]]:
        """The spans of the ticked matches, in text order."""
        spans = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                start, end = item.data(Qt.ItemDataRole.UserRole)
                spans.append((int(start), int(end)))
        return spans
