"""View > Show Label Names and View > Show All Links: two toggles of the text view, kept in
the settings (``view/show_labels``, ``view/show_all_links``) so the next start shows the text
the same way, and followed when another window changes them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator_ui.settings import Settings
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from annotator_ui.mainwindow import MainWindow

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

# action name -> (settings attribute, shortcut)
TOGGLES = {"show_labels": ("show_labels", "Ctrl+Shift+N"),
           "show_all_links": ("show_all_links", "Ctrl+Shift+K")}


class ViewOptions(QObject):
    """The two toggles of one window: actions in its View menu, applied to its text view."""

    def __init__(self, window: MainWindow, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.actions: dict[str, QAction] = {}
        view_menu = window.menus["view"]
        view_menu.addSeparator()
        for name, (_attribute, keys) in TOGGLES.items():
            action = QAction(window)
            action.setObjectName(name)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(keys))
            action.toggled.connect(lambda on, n=name: self._toggled(n, on))
            window.addAction(action)
            window.action_by_name[name] = action
            view_menu.addAction(action)
            self.actions[name] = action
        self.retranslate()
        self._apply()
        settings.changed.connect(self._setting_changed)

    def retranslate(self) -> None:
        """Name the actions in the interface language."""
        texts = {
            "show_labels": (translate("ViewOptions", "Show &Label Names"),
                            translate("ViewOptions", "Write each span's label above it")),
            "show_all_links": (translate("ViewOptions", "Show All &Links"),
                               translate("ViewOptions", "Draw every link on screen, not only "
                                                        "those of the current annotation")),
        }
        for name, (text, tip) in texts.items():
            self.actions[name].setText(text)
            self.actions[name].setStatusTip(tip)
            self.actions[name].setToolTip(tip)

    def _apply(self) -> None:
        view = self.window.view
        for name, (attribute, _keys) in TOGGLES.items():
            on = bool(getattr(self.settings, attribute))
            action = self.actions[name]
            if action.isChecked() != on:
                action.setChecked(on)  # _toggled applies it to the view
            elif name == "show_labels":
                view.set_show_labels(on)
            else:
                view.set_show_all_links(on)

    def _toggled(self, name: str, on: bool) -> None:
        view = self.window.view
        if name == "show_labels":
            view.set_show_labels(on)
        else:
            view.set_show_all_links(on)
        attribute = TOGGLES[name][0]
        if getattr(self.settings, attribute) != on:
            setattr(self.settings, attribute, on)

    def _setting_changed(self, key: str) -> None:
        if key in ("view/show_labels", "view/show_all_links"):
            self._apply()
