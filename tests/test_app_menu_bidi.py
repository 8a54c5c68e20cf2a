"""Menus of the Arabic interface draw shortcuts as typed: "[" stays "[", "Ctrl+-" stays."""

from __future__ import annotations

from annotator_ui.i18n import install_translator
from annotator_ui.menu_bidi import LRI, PDI, isolate_shortcut
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu


def menu_image(qtbot, items: list[tuple[str, str]]) -> QImage:  # type: ignore[no-untyped-def]
    """A menu of ``(text, shortcut)`` items, rendered."""
    menu = QMenu()
    qtbot.addWidget(menu)
    for text, keys in items:
        action = QAction(text, menu)
        if keys:
            action.setShortcut(QKeySequence(keys))
        menu.addAction(action)
    menu.adjustSize()
    return menu.grab().toImage()


def test_isolate_shortcut() -> None:
    assert isolate_shortcut("Move start\t[") == f"Move start\t{LRI}[{PDI}"
    assert isolate_shortcut(f"Move start\t{LRI}[{PDI}") == f"Move start\t{LRI}[{PDI}"
    assert isolate_shortcut("Quit") == "Quit"


def test_arabic_menus_draw_shortcuts_as_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert install_translator(app, "ar") == "ar"
    try:
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        keys = ["[", "Alt+]", "Ctrl+-", "Ctrl+,"]
        drawn = menu_image(qtbot, [("حرّك", k) for k in keys])
        # The same items with the shortcut given as an explicit left-to-right isolate: what
        # an annotator must see to press the right key.
        native = QKeySequence.SequenceFormat.NativeText
        expected = menu_image(qtbot, [(f"حرّك\t{LRI}{QKeySequence(k).toString(native)}{PDI}", "")
                                      for k in keys])
        assert drawn.size() == expected.size()
        assert drawn == expected
    finally:
        install_translator(app, "en")
