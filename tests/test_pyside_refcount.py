"""Regression guard: some PySide6 builds abort after many calls to void methods.

PySide6 6.12.0 on Python 3.11 dies with "Fatal Python error: none_dealloc" after some thousands
of calls to methods returning None (a shiboken reference-count bug).  The text view makes such
calls on every paint, so run a few hundred thousand in a child process and require a clean exit.
"""

from __future__ import annotations

import subprocess
import sys

CALLS = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPen, QTextCharFormat
from PySide6.QtCore import QPointF, QRectF
app = QGuiApplication([])
colour = QColor(10, 20, 30)
brush = QBrush(colour)
char_format = QTextCharFormat()
pen = QPen()
rect = QRectF()
point = QPointF()
for number in range(100_000):
    colour.setRed(number % 256)
    colour.setAlpha(number % 256)
    char_format.setBackground(brush)
    pen.setWidthF(1.5)
    rect.setWidth(number)
    point.setX(number)
print("done")
"""


def test_many_void_method_calls_do_not_crash() -> None:
    result = subprocess.run([sys.executable, "-c", CALLS], capture_output=True, text=True,
                            timeout=300)
    assert "Fatal Python error" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "done"
