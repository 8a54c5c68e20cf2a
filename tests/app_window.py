"""The window the GUI tests open a file in, as a user would see it."""

from __future__ import annotations

from pathlib import Path

from annotator_ui.mainwindow import MainWindow
from pytestqt.qtbot import QtBot


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    """A shown 1100x700 window with ``path`` open; unsaved changes are discarded when asked."""
    window = MainWindow()
    window.ask_unsaved = lambda: "discard"
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    window.open_path(path)
    return window
