"""The core never imports Qt; the installed package layout is namespaced."""

from __future__ import annotations

import ast
import importlib.util
import pkgutil
import subprocess
import sys
from pathlib import Path

import annotator

QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "annotator_ui")
# The command line hands over to the app when no sub-command is given: a lazy import inside
# a function, taken only on that path (checked at run time by the next test).
ALLOWED = {("annotator.cli", "annotator_ui.app")}


def _core_modules() -> list[str]:
    names = ["annotator"]
    for info in pkgutil.walk_packages(annotator.__path__, "annotator."):
        if not info.name.endswith("__main__"):  # importing it runs the command (the app)
            names.append(info.name)
    return names


def test_no_core_module_imports_qt_in_its_source() -> None:
    offenders = []
    for name in _core_modules():
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
            continue
        tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported = [node.module]
            else:
                continue
            offenders += [f"{name}: {m}" for m in imported
                          if m.split(".")[0] in QT_MODULES and (name, m) not in ALLOWED]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt() -> None:
    code = ("import importlib, sys\n"
            f"for name in {_core_modules()!r}:\n"
            "    importlib.import_module(name)\n"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=120)
    assert result.stdout.strip() == "[]"


def test_the_qt_front_end_is_namespaced_and_resources_are_packaged() -> None:
    assert importlib.util.find_spec("ui") is None or "annotator" not in str(
        importlib.util.find_spec("ui").origin)
    assert importlib.util.find_spec("annotator_ui") is not None
    from importlib import resources

    assert (resources.files("annotator.resources") / "default_tagset.toml").is_file()
    assert (resources.files("annotator.resources") / "tei_all.rng.gz").is_file()
    assert (resources.files("annotator.seeds") / "000_2ce8f3876ecb932f.tei.xml").is_file()
    assert (resources.files("annotator.seeds") / "000_2ce8f3876ecb932f.txt").is_file()


def test_a_suggestion_child_process_loads_no_qt() -> None:
    """What a ``spawn``-ed suggestion process unpickles (its target and its job) loads no Qt:
    importing PySide6 cost each child 0.07-0.09 s (annotator_ui.suggest_runner held the
    target before annotator.suggest.jobs did)."""
    import pickle

    from annotator.model import Document
    from annotator.suggest.jobs import child_main, make_job

    sent = pickle.dumps((child_main, make_job(Document("d", "نص"), ["cues", "crf"])))
    code = ("import pickle, sys\n"
            f"pickle.loads(bytes.fromhex({sent.hex()!r}))\n"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=120)
    assert result.stdout.strip() == "[]"
