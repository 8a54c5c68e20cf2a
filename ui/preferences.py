"""The preferences dialog: annotator name, interface language, text font, snapping, autosave.

A new interface language applies at once (the window retranslates itself when the setting
changes: see :meth:`annotator_ui.mainwindow.MainWindow.apply_language`).

The dialog only binds :class:`~annotator_ui.settings.Settings`: it shows the stored values and
writes them back on OK.  Fonts come from the machine, those that can write Arabic first.
"""

from __future__ import annotations

from annotator_ui.i18n import isolated
from annotator_ui.settings import PROCLITIC_MODES, Settings
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

SAMPLE_TEXT = "قال الرئيسُ لـ«البيان» إنّ الاتفاق قريبٌ جدًّا (٢٠٢٤)."
PREFERRED_ARABIC = ("Noto Naskh Arabic", "Amiri", "Noto Sans Arabic", "Scheherazade New",
                    "Arial", "Tahoma", "Segoe UI")

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def font_families() -> tuple[list[str], list[str]]:
    """The machine's font families: (those that write Arabic, the others), each sorted."""
    arabic = set(QFontDatabase.families(QFontDatabase.WritingSystem.Arabic))
    everything = QFontDatabase.families()
    rank = {family: number for number, family in enumerate(PREFERRED_ARABIC)}
    first = sorted(arabic, key=lambda f: (rank.get(f, len(rank)), f.casefold()))
    rest = sorted((f for f in everything if f not in arabic), key=str.casefold)
    return first, rest


def default_arabic_family() -> str:
    """The first preferred Arabic font installed here, else the first Arabic one, else ""."""
    arabic, _ = font_families()
    return next((f for f in PREFERRED_ARABIC if f in arabic), arabic[0] if arabic else "")


class PreferencesDialog(QDialog):
    """Edit the settings; :meth:`accept` writes them and remembers what changed."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.changed_keys: set[str] = set()
        self.setWindowTitle(translate("Preferences", "Preferences"))
        layout = QVBoxLayout(self)

        general = QGroupBox(translate("Preferences", "General"))
        form = QFormLayout(general)
        self.name_edit = QLineEdit(settings.annotator)
        self.name_edit.setPlaceholderText(translate("Preferences", "Your name or initials"))
        form.addRow(translate("Preferences", "Annotator name:"), self.name_edit)
        self.language_box = QComboBox()
        self.language_box.addItem(translate("Preferences", "System default"), "")
        self.language_box.addItem("العربية", "ar")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(settings.language)))
        form.addRow(translate("Preferences", "Interface language:"), self.language_box)
        self.language_box.setToolTip(translate(
            "Preferences", "The window switches to the new language when you press OK"))
        self.autosave_spin = QSpinBox()
        self.autosave_spin.setRange(1, 600)
        self.autosave_spin.setSuffix(translate("Preferences", " s"))
        self.autosave_spin.setValue(settings.autosave_seconds)
        self.autosave_spin.setToolTip(translate(
            "Preferences", "A recovery copy is written this long after the last change"))
        form.addRow(translate("Preferences", "Recovery copy after:"), self.autosave_spin)
        layout.addWidget(general)

        text_group = QGroupBox(translate("Preferences", "Text"))
        text_form = QFormLayout(text_group)
        self.font_box = QComboBox()
        self.font_box.setObjectName("font-family")
        arabic, others = font_families()
        for family in arabic:
            self.font_box.addItem(family, family)
        if arabic and others:
            self.font_box.insertSeparator(self.font_box.count())
        for family in others:
            self.font_box.addItem(family, family)
        current = settings.font_family or default_arabic_family()
        index = self.font_box.findData(current)
        if index < 0 and current:
            self.font_box.insertItem(0, current, current)
            index = 0
        self.font_box.setCurrentIndex(max(index, 0))
        text_form.addRow(translate("Preferences", "Font:"), self.font_box)
        self.size_spin = QSpinBox()
        self.size_spin.setRange(6, 72)
        self.size_spin.setValue(settings.font_size)
        text_form.addRow(translate("Preferences", "Size:"), self.size_spin)
        self.preview = QLabel(SAMPLE_TEXT)
        self.preview.setObjectName("font-preview")
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.preview.setMinimumHeight(56)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text_form.addRow(self.preview)
        self.font_box.currentIndexChanged.connect(self._update_preview)
        self.size_spin.valueChanged.connect(self._update_preview)
        layout.addWidget(text_group)

        annotate = QGroupBox(translate("Preferences", "Annotating"))
        annotate_form = QFormLayout(annotate)
        self.snapping_box = QCheckBox(translate("Preferences", "Snap selections to whole words"))
        self.snapping_box.setChecked(settings.snapping)
        annotate_form.addRow(self.snapping_box)
        self.proclitic_box = QComboBox()
        particles, article = isolated("و ف ب ل ك"), isolated("ال")
        names = {"particles": translate("Preferences", "Leave out %1").replace("%1", particles),
                 "all": translate("Preferences", "Leave out %1 and the article %2")
                 .replace("%1", particles).replace("%2", article),
                 "none": translate("Preferences", "Keep every prefix")}
        for mode in PROCLITIC_MODES:
            self.proclitic_box.addItem(names[mode], mode)
        self.proclitic_box.setCurrentIndex(
            max(0, self.proclitic_box.findData(settings.proclitic_mode)))
        self.proclitic_box.setToolTip(translate(
            "Preferences", "When a selection starts inside a word, which attached prefixes "
            "snapping may leave outside the span"))
        annotate_form.addRow(translate("Preferences", "Prefixes:"), self.proclitic_box)
        self.snapping_box.toggled.connect(self.proclitic_box.setEnabled)
        self.proclitic_box.setEnabled(settings.snapping)
        layout.addWidget(annotate)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_preview()

    def chosen_font(self) -> QFont:
        """The font picked in the dialog."""
        font = QFont(str(self.font_box.currentData() or ""))
        font.setPointSize(self.size_spin.value())
        return font

    def _update_preview(self, *_args: object) -> None:
        self.preview.setFont(self.chosen_font())

    def accept(self) -> None:
        """Write every changed value to the settings."""
        s = self.settings
        self.changed_keys = set()
        name = " ".join(self.name_edit.text().split())
        if name and name != s.annotator:
            s.annotator = name
            self.changed_keys.add("annotator/name")
        language = str(self.language_box.currentData() or "")
        if language != s.language:
            s.language = language
            self.changed_keys.add("ui/language")
        family = str(self.font_box.currentData() or "")
        if family != s.font_family:
            s.font_family = family
            self.changed_keys.add("text/font_family")
        if self.size_spin.value() != s.font_size:
            s.font_size = self.size_spin.value()
            self.changed_keys.add("text/font_size")
        if self.snapping_box.isChecked() != s.snapping:
            s.snapping = self.snapping_box.isChecked()
            self.changed_keys.add("annotate/snapping")
        proclitic_mode = str(self.proclitic_box.currentData())
        if proclitic_mode != s.proclitic_mode:
            s.proclitic_mode = proclitic_mode
            self.changed_keys.add("annotate/proclitic_mode")
        if self.autosave_spin.value() != s.autosave_seconds:
            s.autosave_seconds = self.autosave_spin.value()
            self.changed_keys.add("files/autosave_seconds")
        super().accept()
