"""Menu shortcuts drawn as typed in the right-to-left (Arabic) interface.

QMenu draws an action's shortcut as the part of the item's text after a tab, laid out in the
menu's direction: in a right-to-left menu "[" comes out mirrored as "]" and "Ctrl+-" as
"-Ctrl+", so the Boundaries menu would name the wrong keys.  :class:`ShortcutIsolatingStyle`
wraps that part in a left-to-right isolate before the base style draws the item.
"""

from __future__ import annotations

from annotator_ui.i18n import LRI, PDI, left_to_right
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionMenuItem,
    QWidget,
)

__all__ = ["LRI", "PDI", "ShortcutIsolatingStyle", "isolate_menu_shortcuts", "isolate_shortcut"]


def isolate_shortcut(text: str) -> str:
    """A menu item's ``"label\\tshortcut"`` with the shortcut as a left-to-right isolate."""
    label, tab, keys = text.partition("\t")
    if not tab or not keys or keys.startswith(LRI):
        return text
    return f"{label}\t{left_to_right(keys)}"


class ShortcutIsolatingStyle(QProxyStyle):
    """The application's style, drawing menu shortcuts left to right in any direction."""

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption,
                    painter: QPainter, /, widget: QWidget | None = None) -> None:
        if (element == QStyle.ControlElement.CE_MenuItem
                and isinstance(option, QStyleOptionMenuItem) and "\t" in option.text):
            item = QStyleOptionMenuItem(option)
            item.text = isolate_shortcut(item.text)
            option = item
        super().drawControl(element, option, painter, widget)


def isolate_menu_shortcuts(app: QApplication) -> None:
    """Draw ``app``'s menu shortcuts as typed (idempotent)."""
    if isinstance(app.style(), ShortcutIsolatingStyle):
        return
    style = ShortcutIsolatingStyle(app.style().name())
    app.setStyle(style)  # the application owns it from now on
