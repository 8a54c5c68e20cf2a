"""The dependency constraint keeps users off PySide6 6.12.0 on Python 3.11 (it crashes)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def _pyside_requirements() -> list[Requirement]:
    data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    found = [Requirement(r) for r in data["project"]["dependencies"]]
    return [r for r in found if r.name.lower().startswith("pyside6")]


@pytest.mark.parametrize("python, allowed", [
    ("3.10", {"6.11.3": True, "6.12.0": False}),
    ("3.11", {"6.11.3": True, "6.12.0": False}),
    ("3.12", {"6.11.3": True, "6.12.0": True}),
    ("3.13", {"6.12.0": True}),
])
def test_broken_pyside_python_pair_is_never_installed(python: str,
                                                      allowed: dict[str, bool]) -> None:
    environment = {"python_version": python, "python_full_version": python + ".0"}
    active = [r for r in _pyside_requirements() if r.marker is None
              or r.marker.evaluate(environment)]
    assert len(active) == 1, "exactly one PySide6 requirement applies to each Python"
    for version, ok in allowed.items():
        assert active[0].specifier.contains(version) is ok, (python, version)
