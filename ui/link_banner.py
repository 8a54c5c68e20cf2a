"""The banner link mode shows across the top of the text: what the next click picks, and that
Escape (or its ✕) leaves the mode.

"Set speaker…" and "Link Current Annotation…" wait for a click on the speaker or claimant;
the instruction belongs where the annotator is looking, so it is drawn over the text view
(a child of the view, not of its scrolling viewport), in the interface language, with the
allowed labels named.
"""

from __future__ import annotations

from annotator_ui.i18n import isolated, joined
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
)

from annotator.tagset import TagSet

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
MARGIN = 6  # pixels between the banner and the view's edges


def link_instruction(tagset: TagSet, label: str, role: str, language: str) -> str:
    """What to click, e.g. "Click the speaker of this quote (Person or Organisation) — Esc to
    cancel", in the interface language."""
    spec = tagset.get(label)
    link = spec.link(role)
    if role == "speaker":
        text = translate("LinkBanner", "Click the speaker of this quote")
    elif role == "claimant":
        text = translate("LinkBanner", "Click the claimant of this claim")
    else:
        name = ((link.ar if language == "ar" else link.en) if link else "") or role
        text = translate("LinkBanner", "Click the %1 of this annotation").replace(
            "%1", isolated(name))
    if link is not None and link.targets:
        names = [isolated(tagset.get(t).display_name(language)) for t in link.targets]
        allowed = translate("LinkBanner", "%1 or %2").replace("%1", joined(names[:-1])) \
            .replace("%2", names[-1]) if len(names) > 1 else names[0]
        text += f" ({allowed})"
    return text + " — " + translate("LinkBanner", "%1 to cancel").replace("%1", isolated("Esc"))


class LinkBanner(QFrame):
    """A bar over the top of a text view saying what link mode waits for."""

    cancel_requested = Signal()

    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view)
        self.setObjectName("link-banner")
        self.view = view
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#link-banner { background: #fff4c2; border: 1px solid #d9a400;"
                           " border-radius: 4px; } #link-banner QLabel { color: #3a2a00; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.message = QLabel(self)
        self.message.setObjectName("link-banner-text")
        self.message.setWordWrap(True)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.cancel_requested)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.close_button)
        self.hide()
        view.installEventFilter(self)

    def show_message(self, text: str) -> None:
        """Show ``text`` over the top of the view."""
        self.message.setText(text)
        self.close_button.setToolTip(translate("LinkBanner", "Stop linking (Esc)"))
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        viewport = self.view.viewport().geometry()
        width = viewport.width() - 2 * MARGIN
        self.setFixedWidth(max(120, width))
        self.adjustSize()
        self.move(viewport.left() + MARGIN, viewport.top() + MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and self.isVisible():
            if event.type() == QEvent.Type.Resize:
                self._place()
            elif (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                  and event.key() == Qt.Key.Key_Escape):
                # Escape in the text leaves link mode even where the window's shortcut
                # does not reach (a window that is not active).
                self.cancel_requested.emit()
                return True
        return super().eventFilter(watched, event)
