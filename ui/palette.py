"""The label palette: one button per label of the tag set, with its colour and shortcut."""

from __future__ import annotations

from annotator_ui.i18n import isolated, left_to_right
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

from annotator.tagset import LabelSpec, TagSet


def swatch_icon(colour: str, size: int = 14) -> QIcon:
    """A small rounded square of ``colour`` (for buttons, combo boxes and list rows)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(colour).darker(140))
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


def label_caption(spec: LabelSpec, language: str) -> str:
    """What a label is called on its button: display name and shortcut, e.g. ``Person (P)``."""
    name = spec.display_name(language)
    return f"{isolated(name)} ({left_to_right(spec.shortcut)})" if spec.shortcut else name


class LabelPalette(QWidget):
    """A row of label buttons; clicking one emits ``label_chosen(name)``."""

    label_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        self._layout.setSpacing(4)
        self._buttons: dict[str, QToolButton] = {}
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_tagset(self, tagset: TagSet, language: str = "en") -> None:
        """Show one button per label of ``tagset``, named in ``language``."""
        for button in self._buttons.values():
            self._layout.removeWidget(button)
            button.hide()  # until the event loop deletes it
            button.deleteLater()
        self._buttons.clear()
        while self._layout.count():
            self._layout.takeAt(0)
        for spec in tagset:
            button = QToolButton(self)
            button.setText(label_caption(spec, language))
            button.setIcon(swatch_icon(spec.color))
            button.setIconSize(QSize(14, 14))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep focus in the text
            tip = (f"{isolated(spec.display_name('en'))} / {isolated(spec.display_name('ar'))}"
                   f" — {isolated(spec.name)}")
            if spec.shortcut:
                keys = left_to_right(f"{spec.shortcut}; Alt+{spec.shortcut}")
                tip += f"  [{keys}: exact selection]"
            button.setToolTip(tip)
            button.setObjectName(f"label-{spec.name}")
            button.clicked.connect(lambda _=False, name=spec.name: self.label_chosen.emit(name))
            self._layout.addWidget(button)
            self._buttons[spec.name] = button
        self._layout.addStretch(1)

    def button(self, label: str) -> QToolButton:
        """The button of ``label`` (for tests and for enabling)."""
        return self._buttons[label]

    def labels(self) -> list[str]:
        """The labels shown, in order."""
        return list(self._buttons)
