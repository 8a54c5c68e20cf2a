"""``annotator validate``: exit 0 for good files, 1 for problems, 2 for unreadable input;
the tool's profile schema by default, tei_all on request, no schema work for unreadable input."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.cli.cmd_validate import COMPILING_TEI_ALL
from annotator.model import Document, Link
from annotator.schema import load_schema
from annotator.tei import load_tei, save_tei


def _good_file(folder: Path) -> Path:
    document = Document("d1", "وعلمت «البيان» من مصادر مطلعة في دير الزور\n\nقال عمر: «غادروا»")
    speaker = document.annotate(document.text.index("عمر"), document.text.index("عمر") + 3, "PER",
                                annotator="alice")
    quote = document.annotate(document.text.index("«غادروا»"), len(document.text), "QUOTE",
                              annotator="alice", attributes={"type": "direct"})
    document.annotations.replace(quote.with_changes(links=(Link("speaker", speaker.id),)))
    document.annotate(7, 13, "ORG", annotator="bob")
    path = folder / "d1.tei.xml"
    save_tei(document, path)
    return path


def test_a_good_file_passes_schema_pointers_and_checksum(tmp_path: Path, capsys) -> None:
    path = _good_file(tmp_path)
    assert main(["validate", str(path)]) == 0
    assert "ok (3 annotations" in capsys.readouterr().out


def test_problems_exit_one_and_name_the_file(tmp_path: Path, capsys) -> None:
    path = _good_file(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("دير الزور", "دير الزوز"), encoding="utf-8")
    assert main(["validate", "--no-schema", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}: the text does not match its checksum" in out


def test_schema_violations_are_reported(tmp_path: Path, capsys) -> None:
    path = _good_file(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("<publicationStmt>", "<publicationStmt><bogus/>"),
                    encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert "schema: line" in capsys.readouterr().out


def test_unreadable_input_is_one_line_exit_two(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tei.xml"
    broken.write_text("<TEI><p>", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "annotator", "validate",
                             str(broken), str(tmp_path / "missing.tei.xml")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in result.stderr
    assert str(broken) in lines[0] and "not well-formed" in lines[0]
    assert "missing.tei.xml" in lines[1]


def test_the_profile_is_stricter_than_tei_all_which_says_it_is_compiling(tmp_path: Path,
                                                                         capsys) -> None:
    path = _good_file(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("</standOff>", "<listPlace><place><placeName>x</placeName>"
                                                "</place></listPlace></standOff>"),
                    encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert re.search(rf"{re.escape(str(path))}: schema: line \d+: .*listPlace", out)
    assert err == ""
    assert main(["validate", "--schema", "tei_all", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == f"annotator validate: {COMPILING_TEI_ALL}\n"
    assert out.startswith(f"{path}: ok (3 annotations")
    assert main(["validate", "--schema", "tei_all", "-q", str(path)]) == 0
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("schema", ["profile", "tei_all"])
def test_bad_input_is_refused_before_any_schema_work(tmp_path: Path, capsys,
                                                     schema: str) -> None:
    files = {"broken": "<TEI><p>",
             "doctype": '<!DOCTYPE TEI SYSTEM "tei.dtd"><TEI/>',
             "entity": '<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa">]><TEI>&a;</TEI>'}
    for name, text in files.items():
        (tmp_path / f"{name}.tei.xml").write_text(text, encoding="utf-8")
    before = load_schema.cache_info()
    assert main(["validate", "--schema", schema, *(str(tmp_path / f"{name}.tei.xml")
                                                   for name in files)]) == 2
    after = load_schema.cache_info()
    assert after.hits + after.misses == before.hits + before.misses  # never asked for
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 3 and not any(COMPILING_TEI_ALL in line for line in lines)
    assert "broken.tei.xml:1:9: error E200: " in lines[0]
    assert "doctype.tei.xml:1: error E201: " in lines[1]
    assert "entity.tei.xml:1: error E201: " in lines[2]


def test_folders_are_searched_like_the_other_commands(tmp_path: Path, capsys) -> None:
    # stats, export, merge and agree take folders; validate said "cannot read: Is a directory".
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    good = _good_file(corpus / "a")
    changed = corpus / "b.tei.xml"
    changed.write_text(good.read_text(encoding="utf-8").replace("دير الزور", "دير الزوز"),
                       encoding="utf-8")
    (corpus / "notes.txt").write_text("not TEI", encoding="utf-8")
    assert main(["validate", "--no-schema", str(corpus)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    assert out[0] == f"{good}: ok (3 annotations, {len(load_tei(good).text)} characters)"
    assert out[1].startswith(f"{changed}: the text does not match its checksum")
    (tmp_path / "empty").mkdir()  # nothing checked is not "all fine"
    assert main(["validate", "--no-schema", str(tmp_path / "empty")]) == 2
    assert f"{tmp_path / 'empty'}: error E245: " in capsys.readouterr().err


def test_an_id_given_twice_is_a_problem_not_a_traceback(tmp_path: Path, capsys) -> None:
    # The reader reports the duplicate; the schema pass used to die on lxml's ID check.
    path = _good_file(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('xml:id="a2"', 'xml:id="a1"'), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}: duplicate annotation id 'a1'" in out
    assert re.search(rf"{re.escape(str(path))}: schema: line \d+: ID a1 already defined\n", out)


@pytest.mark.parametrize("schema", ["missing.rng", "not-xml.rng", "d1.tei.xml"])
def test_a_bad_schema_option_is_one_line_exit_two(tmp_path: Path, capsys, schema: str) -> None:
    path = _good_file(tmp_path)
    (tmp_path / "not-xml.rng").write_text("<grammar", encoding="utf-8")
    assert main(["validate", "--schema", str(tmp_path / schema), str(path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and str(tmp_path / schema) in err


@pytest.mark.parametrize("command", ["validate", "import", "export", "stats", "show"])
def test_every_command_has_help(command: str) -> None:
    result = subprocess.run([sys.executable, "-m", "annotator", command, "--help"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "usage: annotator " + command in result.stdout
