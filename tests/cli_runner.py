"""Running the command line in-process, for the CLI tests (pytest puts this folder on sys.path)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """Run ``annotator ARGS…``; its exit status, stdout and stderr (never a traceback)."""
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err
