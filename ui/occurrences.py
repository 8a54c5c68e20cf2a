"""Annotate all occurrences of a string: a preview of every match, then one undo step.

The preview lists each match with a few words of context on either side and a checkbox.
Matches that already carry the chosen label, or overlap an annotation with it, start
unchecked (and are re-evaluated when another label is picked).  OK turns every checked match
into an annotation; the window pushes them as one undo step (:func:`push_as_one_step`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QUndoStack
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

from annotator.edits import Change, add_annotation
from annotator.model import Document
from annotator.tagset import TagSet

_WORD = re.compile(r"\S+")
CONTEXT_WORDS = 4
MARK_OPEN, MARK_CLOSE = "【", "】"

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def exact_matches(text: str, needle: str) -> list[tuple[int, int]]:
    """Non-overlapping exact occurrences of ``needle`` in ``text`` (code-point spans)."""
    if not needle:
        return []
    found = []
    position = text.find(needle)
    while position >= 0:
        found.append((position, position + len(needle)))
        position = text.find(needle, position + len(needle))
    return found


def context_of(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> tuple[str, str]:
    """Up to ``words`` words before and after ``[start, end)`` on the same line."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    ends = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
    line_end = min(ends) if ends else len(text)
    before_words = _WORD.findall(text[line_start:start])
    before = text[line_start:start]
    if len(before_words) > words:
        cut = [m.start() for m in _WORD.finditer(before)][-words]
        before = "… " + before[cut:]
    after = text[end:line_end]
    after_words = list(_WORD.finditer(after))
    if len(after_words) > words:
        after = after[:after_words[words - 1].end()] + " …"
    return before, after


def clashes(document: Document, start: int, end: int, label: str) -> bool:
    """True when an annotation with ``label`` already overlaps ``[start, end)``."""
    return any(a.label == label for a in document.annotations.overlapping(start, end))


@dataclass(frozen=True)
class Occurrence:
    """One match shown in the preview."""

    start: int
    end: int
    before: str
    after: str


def occurrences(document: Document, spans: Iterable[tuple[int, int]],
                words: int = CONTEXT_WORDS) -> list[Occurrence]:
    """The matches with their context."""
    text = document.text
    return [Occurrence(start, end, *context_of(text, start, end, words))
            for start, end in spans]


def annotation_changes(document: Document, spans: Sequence[tuple[int, int]], label: str, *,
                       annotator: str, tagset: TagSet | None = None) -> list[Change]:
    """One add-annotation change per span, with distinct fresh ids."""
    return [add_annotation(document, start=start, end=end, label=label, annotator=annotator,
                           tagset=tagset) for start, end in spans]


def push_as_one_step(stack: QUndoStack, document: Document, changes: Sequence[Change],
                     notify: Callable[[Change], None], text: str) -> int:
    """Push ``changes`` through ``stack`` as a single undo step; returns how many were applied."""
    from annotator_ui.undo import push_change, undo_group

    count = 0
    with undo_group(stack, text):
        for change in changes:
            count += push_change(stack, document, change, notify)
    return count


class OccurrencesDialog(QDialog):
    """The preview: every match with context, checkboxes and a label chooser."""

    def __init__(self, document: Document, tagset: TagSet, needle: str, *,
                 spans: Sequence[tuple[int, int]] | None = None, label: str | None = None,
                 language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.tagset = tagset
        self.needle = needle
        matches = list(spans) if spans is not None else exact_matches(document.text, needle)
        self.items = occurrences(document, matches)
        self.setWindowTitle(translate("Occurrences", "Annotate All Occurrences"))

        layout = QVBoxLayout(self)
        form = QFormLayout()
        shown = QLabel(needle)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(translate("Occurrences", "Text:"), shown)
        self.label_box = QComboBox()
        for spec in tagset:
            self.label_box.addItem(f"{spec.display_name(language)} ({spec.name})", spec.name)
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
