"""``annotator concord`` and ``annotator inconsistencies`` on real TEI files, in-process."""

from __future__ import annotations

import json
from pathlib import Path

import arabic_reshaper
import pytest
from cli_runner import run
from test_inconsistency import FOUR, ONE, THREE, TWO, write

from annotator.tei import load_tei, read_tei_checked


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    write(root / "one.tei.xml", "one", ONE, [("لبنان", 0, "GPE")])
    write(root / "two.tei.xml", "two", TWO, [("الأمين", 0, "PER"), ("بيروت", 0, "LOC")])
    write(root / "three.tei.xml", "three", THREE, [("الامين", 0, "ORG")], "omar")
    write(root / "four.tei.xml", "four", FOUR, [
        ("الأمين", 0, "PER"), ("الأمين", 1, "PER"), ("«لبنان لن يقبل»", 0, "QUOTE")])
    return root


def test_concord_json_and_logical(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "concord", "لبنان", folder, "--json")
    assert status == 0 and err == ""
    hits = json.loads(out)
    assert [(h["document_id"], h["match"]) for h in hits] == [
        ("four", "لبنان"), ("one", "لبنان"), ("one", "لبنانَ"), ("two", "لبنان")]
    status, out, _ = run(capsys, "concord", "لبنان", folder, "--logical", "--sort", "right")
    lines = out.splitlines()
    assert len(lines) == 4 and "إن و [لبنان] وسوريا" in out
    assert [line.split()[0] for line in lines] == [  # آمن, لن, ليس, وسوريا
        "one:44-50", "four:23-28", "two:33-38", "one:15-20"]
    status, out, _ = run(capsys, "concord", "امين", folder, "--label", "PER", "--json")
    assert {h["label"] for h in json.loads(out)} == {"PER"} and len(json.loads(out)) == 3


def test_concord_terminal_lines_are_right_to_left(folder: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "concord", "لبنان", folder / "one.tei.xml", "--width", "80")
    first = out.splitlines()[0]
    shaped = arabic_reshaper.reshape
    # The words after the match are on its left, those before on its right, each in
    # visual (reversed) order.
    left, _, right = first.partition(f"[{shaped('لبنان')[::-1]}]")
    assert shaped("وسوريا")[::-1] in left and shaped("الرئيس")[::-1] in right
    assert left.startswith("one:15-20")


def test_concord_nothing_found_and_bad_files(folder: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "concord", "باريس", folder)[0] == 1
    (folder / "bad.tei.xml").write_text("<TEI>", encoding="utf-8")
    status, out, err = run(capsys, "concord", "لبنان", folder, tmp_path / "nowhere")
    assert status == 2 and out.count("\n") == 4
    assert len(err.splitlines()) == 2 and "bad.tei.xml" in err and "nowhere" in err
    assert run(capsys, "concord", "x", folder, "--width", "3")[0] == 2


def test_inconsistencies_report_and_fix(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "inconsistencies", folder, "--json")
    found = {f["key"]: f for f in json.loads(out)}
    assert status == 1 and set(found) == {"الامين", "لبنان", "بيروت"}
    assert found["الامين"]["labels"] == {"PER": 3, "ORG": 1}
    status, out, _ = run(capsys, "inconsistencies", folder, "--logical")
    assert "الأمين  [mixed]  PER 3, ORG 1" in out and "fix: relabel all as PER" in out
    untouched = (folder / "two.tei.xml").read_bytes()
    status, out, err = run(capsys, "inconsistencies", folder, "--fix", "--label", "PER,ORG")
    assert status == 0 and err == ""
    assert "1 change(s) in 1 file(s); 0 inconsistent name(s) left" in out
    assert [a.label for a in load_tei(folder / "three.tei.xml").annotations] == ["PER"]
    assert (folder / "two.tei.xml").read_bytes() == untouched  # nothing to do there
    status, out, _ = run(capsys, "inconsistencies", folder, "--fix")
    assert status == 0 and "0 inconsistent name(s) left" in out
    for path in folder.iterdir():
        read_tei_checked(path)
    assert run(capsys, "inconsistencies", folder)[0] == 0


def test_inconsistencies_fix_leaves_a_damaged_file(folder: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    damaged = folder / "three.tei.xml"
    data = damaged.read_bytes().replace("بيروت".encode(), "بيرت".encode(), 1)
    damaged.write_bytes(data)
    status, _, err = run(capsys, "inconsistencies", folder, "--fix")
    assert status == 2 and "three.tei.xml" in err
    assert damaged.read_bytes() == data
