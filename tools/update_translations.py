"""Refresh ``annotator_ar.ts`` from the strings in ``ui/*.py`` and compile ``annotator_ar.qm``.

    python tools/update_translations.py [--lupdate PATH] [--lrelease PATH]

Runs ``pyside6-lupdate`` on the UI modules into a fresh catalogue, then:

- gives strings marked through an alias (``tr = self.tr; tr("...")``, which lupdate files
  under an empty context) the context Qt uses at run time: the name of the class around them;
- adds the strings passed to ``tr`` through a variable (listed in :data:`EXTRA`);
- adds the core's error templates (``annotator.error_catalogue``) in the context ``Errors``,
  which ``annotator_ui.i18n.error_message`` translates;
- keeps every translation already in ``annotator_ar.ts`` (matched by context and source
  text, else by source text alone), so translators edit the ``.ts`` (Qt Linguist or by hand)
  and re-run this script;
- compiles the ``.qm`` with ``pyside6-lrelease`` and lists what is still untranslated.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from lxml import etree

from annotator.error_catalogue import entries

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "resources" / "translations"
TS = HERE / "annotator_ar.ts"
QM = HERE / "annotator_ar.qm"

# The Qt context of the core's error templates (as annotator_ui.i18n.ERRORS_CONTEXT).
ERRORS_CONTEXT = "Errors"

# (context, source) pairs lupdate cannot see because the text reaches tr() in a variable.
EXTRA: list[tuple[str, str]] = [
    ("MainWindow", "Move start one character earlier"),
    ("MainWindow", "Move start one character later"),
    ("MainWindow", "Move end one character earlier"),
    ("MainWindow", "Move end one character later"),
    ("MainWindow", "Move start one word earlier"),
    ("MainWindow", "Move start one word later"),
    ("MainWindow", "Move end one word earlier"),
    ("MainWindow", "Move end one word later"),
]


def _tool(name: str, given: str | None) -> str:
    if given:
        return given
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"update_translations: {name} not found (pip install PySide6)")
    return found


def _class_at(path: Path, line: int, cache: dict[Path, list[tuple[int, int, str]]]) -> str:
    """The name of the innermost class around ``line`` of ``path`` ("" at module level)."""
    if path not in cache:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        cache[path] = [(node.lineno, node.end_lineno or node.lineno, node.name)
                       for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    around = [(start, name) for start, end, name in cache[path] if start <= line <= end]
    return max(around)[1] if around else ""


def _existing(ts: Path) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    by_pair: dict[tuple[str, str], str] = {}
    by_source: dict[str, str] = {}
    if not ts.exists():
        return by_pair, by_source
    root = etree.parse(str(ts)).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = translation.text if translation is not None else None
            if text:
                by_pair[(name, source)] = text
                by_source.setdefault(source, text)
    return by_pair, by_source


def _extract(lupdate: str, out: Path) -> etree._Element:
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(out), "-target-language", "ar",
                    "-no-obsolete", "-locations", "absolute"],
                   check=True, capture_output=True)
    return etree.parse(str(out)).getroot()


def build(lupdate: str) -> tuple[etree._Element, list[str]]:
    """The new catalogue and the sources still untranslated."""
    by_pair, by_source = _existing(TS)
    with tempfile.TemporaryDirectory() as folder:
        root = _extract(lupdate, Path(folder) / "fresh.ts")
    messages: dict[str, dict[str, list[tuple[str, int]]]] = {}
    classes: dict[Path, list[tuple[int, int, str]]] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            locations = [(loc.get("filename", ""), int(loc.get("line", "0")))
                         for loc in message.iter("location")]
            target = name
            if not name and locations:
                file_name, line = locations[0]
                target = _class_at(Path(file_name), line, classes)
            messages.setdefault(target, {}).setdefault(source, []).extend(locations)
    for context_name, source in EXTRA:
        messages.setdefault(context_name, {}).setdefault(source, [])
    for entry in entries():
        messages.setdefault(ERRORS_CONTEXT, {}).setdefault(entry.template, [])

    out = etree.Element("TS", version="2.1", language="ar")
    missing: list[str] = []
    for context_name in sorted(messages):
        context = etree.SubElement(out, "context")
        etree.SubElement(context, "name").text = context_name
        for source in sorted(messages[context_name]):
            message = etree.SubElement(context, "message")
            # No <location>: line numbers would make every code change a catalogue change.
            etree.SubElement(message, "source").text = source
            translation = etree.SubElement(message, "translation")
            text = by_pair.get((context_name, source)) or by_source.get(source)
            if text:
                translation.text = text
            else:
                translation.set("type", "unfinished")
                missing.append(f"{context_name}: {source}")
    return out, missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lupdate")
    parser.add_argument("--lrelease")
    args = parser.parse_args(argv)
    root, missing = build(_tool("pyside6-lupdate", args.lupdate))
    etree.ElementTree(root).write(str(TS), encoding="utf-8", xml_declaration=True,
                                  doctype="<!DOCTYPE TS>", pretty_print=True)
    subprocess.run([_tool("pyside6-lrelease", args.lrelease), str(TS), "-qm", str(QM)],
                   check=True, capture_output=True)
    total = sum(1 for _ in root.iter("message"))
    print(f"{TS.name}: {total} strings, {len(missing)} untranslated; wrote {QM.name}")
    for line in missing:
        print("  untranslated:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
