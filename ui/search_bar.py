"""Find in the document (Ctrl+F): a bar with a query, Arabic folding options and next/previous.

Matching is the core's (``annotator.search.find_all``, code-point spans); the bar only keeps
the match list, the current match and the "3 of 17" count, and asks the view to select the
match (``view.select_span``).  The view paints every match and marks them on its scroll bar
(``view.set_search_hits``) while the bar is open.  Enter / F3 go to the next match,
Shift+Enter / Shift+F3 to the previous one, Escape closes the bar.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


class SpanView(Protocol):
    """What the bar needs from the text view."""

    def select_span(self, start: int, end: int) -> None: ...
    def selected_span(self) -> tuple[int, int] | None: ...
    def set_search_hits(self, spans: list[tuple[int, int]], current: int = -1) -> None: ...
    def set_current_hit(self, current: int) -> None: ...


TYPING_PAUSE_MS = 150

# Option checkboxes: (SearchOptions field, label, ticked at start), in the order shown.
OPTION_FIELDS = (
    ("ignore_tashkeel", "Ignore tashkeel", True),
    ("ignore_tatweel", "Ignore tatweel", True),
    ("fold_alef", "أ إ آ = ا", True),
    ("fold_ya", "ى = ي", True),
    ("fold_ta_marbuta", "ة = ه", True),
    ("whole_word", "Whole words", False),
)


def _translate_option(text: str) -> str:
    # The two named options are translated; the folding ones show the letters themselves.
    if text == "Ignore tashkeel":
        return QCoreApplication.translate("SearchBar", "Ignore tashkeel")
    if text == "Ignore tatweel":
        return QCoreApplication.translate("SearchBar", "Ignore tatweel")
    if text == "Whole words":
        return QCoreApplication.translate("SearchBar", "Whole words")
    return text


def make_search_options(flags: dict[str, bool]) -> Any:
    """``annotator.search.SearchOptions`` with the flags it knows set from ``flags``."""
    from annotator.search import SearchOptions

    if dataclasses.is_dataclass(SearchOptions):
        known = {f.name for f in dataclasses.fields(SearchOptions)}
        return SearchOptions(**{k: v for k, v in flags.items() if k in known})
    return SearchOptions(**flags)


def find_matches(text: str, query: str, flags: dict[str, bool]) -> list[tuple[int, int]]:
    """Every match of ``query`` in ``text`` as code-point spans, in text order."""
    if not query:
        return []
    from annotator.search import find_all

    return sorted(find_all(text, query, make_search_options(flags)))


class SearchBar(QWidget):
    """The find bar.  Give it the text with :meth:`set_text` and the view with :meth:`set_view`.

    ``match_selected(start, end)`` is emitted for each match shown; ``closed`` when hidden by
    the user.
    """

    match_selected = Signal(int, int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SearchBar")
        self._text = ""
        self._view: SpanView | None = None
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self.finder: Callable[[str, str, dict[str, bool]], list[tuple[int, int]]] = find_matches

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.query.setMinimumWidth(220)
        # Typing searches after a short pause (a big document with thousands of matches
        # takes ~0.1 s a search); anything that reads the matches searches at once.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._refresh)
        self.query.textChanged.connect(lambda _text: self._typing.start())
        self.query.installEventFilter(self)
        self.previous_button = QToolButton()
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = QToolButton()
        self.next_button.clicked.connect(self.find_next)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(90)
        self.options: dict[str, QCheckBox] = {}
        self.find_label = QLabel()
        layout.addWidget(self.find_label)
        layout.addWidget(self.query, 2)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count_label)
        for name, _text, ticked in OPTION_FIELDS:
            box = QCheckBox()
            box.setChecked(ticked)
            box.toggled.connect(self._refresh)
            self.options[name] = box
            layout.addWidget(box)
        layout.addStretch(1)
        self.close_button = QToolButton()
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.close_bar)
        layout.addWidget(self.close_button)
        self.retranslate()
        self._update_count()

    # -- language ------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every visible string in the current language."""
        self.find_label.setText(translate("SearchBar", "Find:"))
        self.query.setPlaceholderText(translate("SearchBar", "Search the text"))
        self.previous_button.setText(translate("SearchBar", "Previous"))
        self.previous_button.setToolTip(translate("SearchBar", "Previous match (Shift+F3)"))
        self.next_button.setText(translate("SearchBar", "Next"))
        self.next_button.setToolTip(translate("SearchBar", "Next match (F3, Enter)"))
        self.close_button.setText("✕")
        self.close_button.setToolTip(translate("SearchBar", "Close the find bar (Esc)"))
        for name, text, _ticked in OPTION_FIELDS:
            self.options[name].setText(_translate_option(text))
        tips = {"fold_alef": translate("SearchBar", "Treat alef forms as one letter"),
                "fold_ya": translate("SearchBar", "Treat alef maqsura as ya"),
                "fold_ta_marbuta": translate("SearchBar", "Treat ta marbuta as ha")}
        for name, tip in tips.items():
            self.options[name].setToolTip(tip)
        self._update_count()

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- inputs ------------------------------------------------------------------
    def set_view(self, view: SpanView | None) -> None:
        """The view whose selection follows the current match."""
        self._view = view

    def set_text(self, text: str) -> None:
        """Search this text (the open document's); clears the current match."""
        self._text = text
        self._refresh()

    def flags(self) -> dict[str, bool]:
        """The folding options as SearchOptions fields."""
        return {name: box.isChecked() for name, box in self.options.items()}

    def set_flags(self, flags: dict[str, bool]) -> None:
        """Tick or untick options by field name."""
        for name, on in flags.items():
            if name in self.options:
                self.options[name].setChecked(on)

    @property
    def matches(self) -> list[tuple[int, int]]:
        """Every match of the query, in text order."""
        self._settle()
        return list(self._matches)

    @property
    def current_index(self) -> int:
        """Index of the match shown, -1 when none."""
        self._settle()
        return self._current

    def _settle(self) -> None:
        """Search now if typing left a search pending."""
        if self._typing.isActive():
            self._typing.stop()
            self._refresh()

    def open_bar(self, initial: str | None = None) -> None:
        """Show the bar, focus the query (prefilled with ``initial`` when given)."""
        self.show()
        if initial:
            self.query.setText(initial)
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def close_bar(self) -> None:
        """Hide the bar (the view stops showing the matches)."""
        self.hide()
        if self._view is not None:
            self._view.set_search_hits([])
        self.closed.emit()

    # -- moving --------------------------------------------------------------------
    def _refresh(self) -> None:
        self._typing.stop()
        self._matches = self.finder(self._text, self.query.text(), self.flags())
        self._current = -1
        if self._view is not None:
            self._view.set_search_hits(self._matches)
        self._update_count()

    def _anchor(self) -> int:
        if 0 <= self._current < len(self._matches):
            return self._matches[self._current][0]
        if self._view is not None:
            span = self._view.selected_span()
            if span is not None:
                return span[0]
        return -1

    def find_next(self) -> tuple[int, int] | None:
        """Show the first match after the current one (or the selection), wrapping round."""
        self._settle()
        if not self._matches:
            return None
        anchor = self._anchor()
        index = next((i for i, (start, _end) in enumerate(self._matches) if start > anchor), 0)
        return self._show(index)

    def find_previous(self) -> tuple[int, int] | None:
        """Show the last match before the current one (or the selection), wrapping round."""
        self._settle()
        if not self._matches:
            return None
        anchor = self._anchor()
        if anchor < 0:
            anchor = len(self._text) + 1
        before = [i for i, (start, _end) in enumerate(self._matches) if start < anchor]
        return self._show(before[-1] if before else len(self._matches) - 1)

    def _show(self, index: int) -> tuple[int, int]:
        self._current = index
        start, end = self._matches[index]
        if self._view is not None:
            self._view.set_current_hit(index)
            self._view.select_span(start, end)
        self._update_count()
        self.match_selected.emit(start, end)
        return start, end

    def _update_count(self) -> None:
        if not self.query.text():
            self.count_label.setText("")
        elif not self._matches:
            self.count_label.setText(translate("SearchBar", "No matches"))
        elif self._current < 0:
            self.count_label.setText(translate("SearchBar", "Matches: %1")
                                     .replace("%1", str(len(self._matches))))
        else:
            self.count_label.setText(translate("SearchBar", "%1 of %2")
                                     .replace("%1", str(self._current + 1))
                                     .replace("%2", str(len(self._matches))))
        self.previous_button.setEnabled(bool(self._matches))
        self.next_button.setEnabled(bool(self._matches))

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
