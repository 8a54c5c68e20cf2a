"""What the benchmark scripts share: where ``../shared`` is, timing, and a headless Qt."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
NEWS = SHARED / "corpora" / "saudinewsnet" / "2015-08-01.json"  # 5 MB of real Arabic news


def run_times(runs: int, step: Callable[[], object]) -> list[float]:
    """Wall-clock seconds of each of ``runs`` calls of ``step``."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return times


def best_of(runs: int, step: Callable[[], object]) -> float:
    """The fastest of ``runs`` calls of ``step``, in seconds."""
    return min(run_times(runs, step))


def offscreen_qt() -> None:
    """Qt without a display, quiet about it, and settings in a folder of their own (never
    the user's).  Call it before the QApplication is made."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    home = tempfile.mkdtemp(prefix="annotator-bench-")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(home, "config")
    os.environ["XDG_DATA_HOME"] = os.path.join(home, "data")
