"""Errors with codes: the catalogue, how errors carry entries, and every raise site's parameters."""

from __future__ import annotations

import ast
import pickle
import re
from pathlib import Path

import pytest

from annotator.error_catalogue import Entry, Errors, entries, entry_for
from annotator.errors import FormatError, IntegrityError, SaveError, SpanError

ROOT = Path(__file__).resolve().parent.parent
LOCATION = {"path", "line", "column"}


def test_codes_are_unique_well_formed_and_named_by_their_attribute() -> None:
    found = entries()
    assert len(found) > 100
    assert all(re.fullmatch(r"E\d{3}", entry.code) for entry in found)
    assert [entry.code for entry in found] == sorted({entry.code for entry in found})
    assert all(getattr(Errors, entry.code) is entry for entry in found)
    assert entry_for("E003") is Errors.E003
    with pytest.raises(KeyError):
        entry_for("E999")


def test_templates_are_distinct_one_line_and_take_plain_names() -> None:
    templates = [entry.template for entry in entries()]
    assert len(set(templates)) == len(templates)  # one translation per template
    for entry in entries():
        assert "\n" not in entry.template, entry
        assert all(name.isidentifier() for name in entry.fields), entry
        assert not entry.fields & LOCATION, f"{entry.code}: path/line/column are the location"


def test_an_error_carries_its_entry_parameters_and_location() -> None:
    error = SpanError(Errors.E003, id="a1", start=5, end=3, path="d.tei.xml", line=4)
    assert (error.code, error.params) == ("E003", {"id": "a1", "start": 5, "end": 3})
    assert error.message == "annotation a1: reversed span [5, 3)"
    assert str(error) == error.one_line() == "d.tei.xml:4: annotation a1: reversed span [5, 3)"
    assert error.diagnostic() == "d.tei.xml:4: error E003: annotation a1: reversed span [5, 3)"
    assert error.diagnostic("warning").startswith("d.tei.xml:4: warning E003: ")
    assert isinstance(error, ValueError)


def test_wrong_parameters_are_a_programming_error() -> None:
    with pytest.raises(TypeError, match="E003"):
        SpanError(Errors.E003, id="a1", start=5)
    with pytest.raises(TypeError, match="E003"):
        SpanError(Errors.E003, id="a1", start=5, end=3, extra=1)


def test_free_text_gets_the_generic_code() -> None:
    error = SaveError("disk on fire", path="out.tei.xml")
    assert (error.code, error.message, str(error)) == ("E000", "disk on fire",
                                                       "out.tei.xml: disk on fire")
    assert error.diagnostic() == "out.tei.xml: error: disk on fire"


def test_located_copies_and_errors_given_as_entries_keep_entry_and_parameters() -> None:
    inner = FormatError(Errors.E335)
    located = inner.at("a.jsonl", 3)
    assert type(located) is FormatError and located.code == "E335"
    assert str(located) == 'a.jsonl:3: no "text"'
    wrapped = IntegrityError(SpanError(Errors.E009, id="x"), path="b.tei.xml")
    assert (type(wrapped), wrapped.code, wrapped.params) == (IntegrityError, "E009", {"id": "x"})


def test_errors_survive_pickling_as_worker_processes_send_them() -> None:
    for error in (SpanError(Errors.E006, id="a", start=1, end=9, length=4, path="p", line=2,
                            column=7),
                  SaveError("free text", path="q"), FormatError(Errors.E612, total=0.9)):
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error) and back == error and str(back) == str(error)


def _entry_codes(node: ast.expr) -> list[str] | None:
    """The codes a call's first argument names (``Errors.E001``, or a choice of two)."""
    if isinstance(node, ast.IfExp):
        left, right = _entry_codes(node.body), _entry_codes(node.orelse)
        return None if left is None or right is None else left + right
    if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            and node.value.id == "Errors"):
        return [node.attr]
    return None


def raise_sites() -> list[tuple[str, int, list[str], set[str] | None]]:
    """(file, line, codes, keyword names or None when ``**params`` are passed) of every call
    that passes a catalogue entry, in annotator/ and ui/."""
    found = []
    for path in sorted([*ROOT.glob("annotator/**/*.py"), *ROOT.glob("ui/*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            for argument in node.args[:2]:
                codes = _entry_codes(argument)
                if codes is not None:
                    names = {k.arg for k in node.keywords}
                    found.append((str(path.relative_to(ROOT)), node.lineno, codes,
                                  None if None in names else names - LOCATION))
    return found


def test_every_raise_site_gives_exactly_the_parameters_of_its_entry() -> None:
    sites = raise_sites()
    assert len(sites) > 100
    for path, line, codes, names in sites:
        for code in codes:
            entry = getattr(Errors, code, None)
            assert isinstance(entry, Entry), f"{path}:{line}: no catalogue entry {code}"
            if names is not None:
                assert names == set(entry.fields), \
                    f"{path}:{line}: {code} takes {sorted(entry.fields)}, given {sorted(names)}"


def test_cli_prints_the_code_of_a_core_error(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from cli_runner import run

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    status, _, err = run(capsys, "import", bad, "-o", tmp_path / "out")
    assert status == 2
    assert f"{bad}:1: error E335: " in err
