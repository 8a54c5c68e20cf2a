"""The keyboard help names the keys to press in the Arabic (right-to-left) interface too."""

from __future__ import annotations

import pytest
from annotator_ui.help_dialog import HelpDialog
from annotator_ui.mainwindow import MainWindow
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.usefixtures("app_settings")


def drawn(text: str, direction: Qt.LayoutDirection, font) -> list[tuple[float, int]]:  # type: ignore[no-untyped-def]
    """The glyphs ``text`` is drawn with, left to right, in a paragraph of ``direction``."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return sorted((round(x.x(), 1), glyph) for run in layout.glyphRuns()
                  for x, glyph in zip(run.positions(), run.glyphIndexes(), strict=True))


def test_shortcuts_read_as_typed_in_a_right_to_left_table(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # as the Arabic interface does
    try:
        window = MainWindow()
        window.ask_unsaved = lambda: "discard"
        qtbot.addWidget(window)
        dialog = HelpDialog(window)
        qtbot.addWidget(dialog)
        table = dialog.table
        assert table.isRightToLeft()
        font = table.font()
        shown = {table.item(row, 1).text(): table.item(row, 2).text()
                 for row in range(table.rowCount())}
        # A bare "[" is drawn mirrored as "]" in a right-to-left cell; "Ctrl+-" reads "-Ctrl+".
        for action, typed in (("Move start one character earlier", "["),
                              ("Move end one character earlier", "Alt+["),
                              ("Zoom Out", "Ctrl+-")):
            cell = shown[action]
            assert cell.strip("\u2066\u2069") == typed
            assert drawn(cell, Qt.LayoutDirection.RightToLeft, font) == \
                drawn(cell, Qt.LayoutDirection.LeftToRight, font), action
        # the filter still finds rows by their keys
        dialog.filter.setText("Ctrl+Alt+[")
        assert dialog.visible_rows() == 1
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
