"""A one-line progress bar on stderr, drawn only when stderr is a terminal."""

from __future__ import annotations

import shutil
import sys
from typing import TextIO


class Progress:
    """``done/total`` with a bar and the current item's name, redrawn in place.

    Use :meth:`message` for lines that must survive (errors): it clears the bar first.  On a
    stream that is not a TTY nothing but those messages is written.
    """

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = bool(isatty and isatty())
        self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _width(self) -> int:
        return max(20, shutil.get_terminal_size((80, 24)).columns - 1)

    def _clear(self) -> None:
        if self._drawn:
            self.stream.write("\r" + " " * self._width() + "\r")
            self._drawn = False

    def draw(self, name: str = "") -> None:
        """Redraw the bar with ``name`` as the item in hand."""
        if not self.enabled:
            return
        width = self._width()
        count = f" {self.done}/{self.total} "
        bar_width = max(10, min(30, width // 3))
        filled = bar_width * self.done // self.total if self.total else bar_width
        bar = "[" + "#" * filled + "-" * (bar_width - filled) + "]"
        line = bar + count + name
        self.stream.write("\r" + line[:width].ljust(width))
        self.stream.flush()
        self._drawn = True

    def advance(self, name: str = "", steps: int = 1) -> None:
        """Count ``steps`` more items done and redraw."""
        self.done += steps
        self.draw(name)

    def message(self, text: str) -> None:
        """Print one line above the bar (the bar is redrawn on the next update)."""
        self._clear()
        print(text, file=self.stream, flush=True)

    def close(self) -> None:
        """Remove the bar from the terminal."""
        self._clear()
        if self.enabled:
            self.stream.flush()
