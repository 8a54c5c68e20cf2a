"""In the Arabic (right-to-left) interface the whole window is mirrored, docks included."""

from __future__ import annotations

import pytest
from annotator_ui.mainwindow import MainWindow
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


pytestmark = pytest.mark.usefixtures("app_settings")


def build(qtbot, direction: Qt.LayoutDirection) -> MainWindow:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    app.setLayoutDirection(direction)  # as install_translator does before the window is built
    try:
        window = MainWindow()
        window.ask_unsaved = lambda: "discard"
        qtbot.addWidget(window)
        window.resize(1200, 700)
        window.show()
        qtbot.waitExposed(window)
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    window.setLayoutDirection(direction)  # keep it after the application's is reset
    return window


def test_docks_swap_sides_in_a_right_to_left_window(qtbot) -> None:  # type: ignore[no-untyped-def]
    english = build(qtbot, Qt.LayoutDirection.LeftToRight)
    assert english.dockWidgetArea(english.list_dock) == LEFT
    assert english.dockWidgetArea(english.inspector_dock) == RIGHT
    assert english.list_dock.x() < english.view.x() < english.inspector_dock.x()

    arabic = build(qtbot, Qt.LayoutDirection.RightToLeft)
    assert arabic.isRightToLeft()
    assert arabic.dockWidgetArea(arabic.list_dock) == RIGHT
    assert arabic.dockWidgetArea(arabic.inspector_dock) == LEFT
    assert arabic.inspector_dock.x() < arabic.view.x() < arabic.list_dock.x()
    # docks tabbed with the list (the project, when the workflow part is there) move with it,
    # and the list stays the tab in front
    for dock in arabic.tabifiedDockWidgets(arabic.list_dock):
        assert arabic.dockWidgetArea(dock) == RIGHT
    assert not arabic.list_dock.visibleRegion().isEmpty()
    # each dock keeps its width on its new side
    assert abs(arabic.list_dock.width() - english.list_dock.width()) <= 2
    assert abs(arabic.inspector_dock.width() - english.inspector_dock.width()) <= 2
