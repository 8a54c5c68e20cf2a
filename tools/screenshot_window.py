"""What the screenshot tools share: the application in a language, with settings of its own,
and main windows whose annotator is named in those settings (as a user's would be)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator_ui.mainwindow import MainWindow
    from PySide6.QtWidgets import QApplication


def prepare_app(temp: Path, language: str) -> QApplication:
    """The application, translated to ``language``, its settings in ``temp``/settings."""
    from annotator_ui import settings as settings_module
    from annotator_ui.i18n import install_translator
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translator(app, language)
    settings_module.use_settings_folder(temp / "settings")
    settings_module.reset_app_settings()
    return app


def window_of(annotator: str) -> MainWindow:
    """A new main window working as ``annotator``."""
    from annotator_ui import settings as settings_module
    from annotator_ui.mainwindow import MainWindow

    settings_module.app_settings().annotator = annotator
    return MainWindow()
