"""Render a window to a PNG without a display (``annotator --screenshot OUT.png FILE``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from annotator.error_catalogue import Errors
from annotator.errors import SaveError


def render_to_png(widget: QWidget, out: str | Path, size: tuple[int, int] | None = None) -> None:
    """Lay ``widget`` out at ``size`` (if given), paint it and save it as a PNG at ``out``."""
    if size is not None:
        widget.resize(*size)
    widget.show()
    for _ in range(3):  # layout, then the deferred paints of docks and the text
        QApplication.processEvents()
    image = widget.grab()
    if not image.save(str(out), "PNG"):
        raise SaveError(Errors.E645, path=str(out))


def parse_size(value: str) -> tuple[int, int]:
    """``"1280x800"`` -> ``(1280, 800)``; raises ValueError for anything else."""
    width, sep, height = value.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise ValueError(f"size must be WIDTHxHEIGHT, not {value!r}")
    w, h = int(width), int(height)
    if not (200 <= w <= 10000 and 200 <= h <= 10000):
        raise ValueError(f"size {value} is out of range (200-10000 pixels each way)")
    return w, h
