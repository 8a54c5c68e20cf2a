"""Keyboard help: every action of the window with its shortcuts, read from the QActions."""

from __future__ import annotations

from annotator_ui.i18n import joined, left_to_right
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def action_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, action, shortcuts) for every action reachable in ``window``, menus first.

    Actions that are in no menu but have a shortcut (added with ``window.addAction``) are
    listed under "Other".  Shortcuts are shown in the platform's native form.
    """
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def visit(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            sub = action.menu()
            if isinstance(sub, QMenu):
                if _is_list_menu(sub):  # recent files and the like: one row for the menu
                    seen.update(id(a) for a in sub.actions())
                    rows.append((path, _plain(action.text()), ""))
                else:
                    visit(sub, f"{path} › {_plain(action.text())}")
                continue
            seen.add(id(action))
            rows.append((path, _plain(action.text()), shortcut_text(action)))

    for top in window.menuBar().actions():
        sub = top.menu()
        if isinstance(sub, QMenu):
            visit(sub, _plain(top.text()))
    others = [a for a in window.findChildren(QAction)
              if id(a) not in seen and a.shortcuts() and not a.isSeparator()
              and not isinstance(a.parent(), QMenu) and a.text()]
    for action in others:
        seen.add(id(action))
        rows.append((QCoreApplication.translate("QDialog", "Other"), _plain(action.text()),
                     shortcut_text(action)))
    return rows


def _is_list_menu(menu: QMenu) -> bool:
    """True for a menu of generated entries (recent files): no entry has a shortcut or a
    submenu, and some have no object name."""
    entries = [a for a in menu.actions() if not a.isSeparator()]
    return (any(not a.objectName() for a in entries)
            and not any(a.shortcuts() or a.menu() for a in entries))


def shortcut_text(action: QAction) -> str:
    """The action's shortcuts, comma-separated, as the user types them."""
    return joined(s.toString(QKeySequence.SequenceFormat.NativeText)
                     for s in action.shortcuts() if not s.isEmpty())


class HelpDialog(QDialog):
    """A table of the window's actions and shortcuts."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Select text and press a label's key to annotate it (snapped to whole words when "
            "Snap to Words is on; hold Alt for the exact selection). Click a highlight or a "
            "list row to make it current; the inspector edits it, and a label's key relabels "
            "it while its text is selected."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("help-filter")
        self.filter.setPlaceholderText(self.tr("Filter actions…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        layout.addWidget(self.filter)
        rows = action_rows(window)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"),
                                              self.tr("Shortcut")])
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(left_to_right(value) if column == 2 else value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(660, 680)
        self.filter.setFocus()

    def _filter(self, text: str) -> None:
        """Show only the rows whose menu, action or shortcut holds ``text``."""
        needle = text.casefold()
        for row in range(self.table.rowCount()):
            values = " ".join(item.text() for c in range(3)
                              if (item := self.table.item(row, c)) is not None).casefold()
            self.table.setRowHidden(row, needle not in values)

    def visible_rows(self) -> int:
        """How many rows the filter shows."""
        return sum(not self.table.isRowHidden(r) for r in range(self.table.rowCount()))
