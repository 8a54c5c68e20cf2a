"""What the command line writes and reads never costs work silently (issue 10, items 8-11):
one bad JSONL line is one problem, existing outputs are kept without --overwrite, folders'
symbolic links to the outside are not followed, and a failed write names its path once."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cli_runner import run

from annotator.model import Document
from annotator.tei import load_tei, save_tei


def _error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if " error" in line]


def _tei_corpus(folder: Path) -> Path:
    folder.mkdir()
    for number in (1, 2):
        document = Document(f"doc{number}", "قال الرئيس محمد اليوم\n")
        document.annotate(11, 15, "PER", annotator="ali")
        save_tei(document, folder / f"doc{number}.tei.xml")
    return folder


# -- item 8: an id too long for a file name ----------------------------------------------------
def test_a_jsonl_id_too_long_for_a_file_name_is_one_line_and_the_rest_is_imported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "corpus.jsonl"
    lines = [{"id": "a", "text": "x"}, {"id": "b" * 300, "text": "y"}, {"id": "c", "text": "z"},
             {"id": "د" * 120, "text": "w"}]  # 240 bytes in UTF-8
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    status, _, err = run(capsys, "import", source, "-o", tmp_path / "out")
    assert status == 2
    assert _error_lines(err) == [
        f"{source}:2: error E344: document id 'bbbbbbbbbbbbbbbbbbbb'… is 300 bytes long in "
        "UTF-8; a file name holds at most 200",
        f"{source}:4: error E344: document id 'دددددددددددددددددددد'… is 240 bytes long in "
        "UTF-8; a file name holds at most 200"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.tei.xml", "c.tei.xml"]


def test_a_file_name_too_long_to_write_is_one_problem_and_the_rest_is_imported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    long_name = folder / ("x" * 250 + ".txt")  # a good name; with .tei.xml it is too long
    long_name.write_text("one\n", encoding="utf-8")
    (folder / "short.txt").write_text("two\n", encoding="utf-8")
    status, _, err = run(capsys, "import", folder, "-o", tmp_path / "out")
    assert status == 2
    (line,) = _error_lines(err)
    assert "error E607: cannot write: File name too long" in line
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["short.tei.xml"]


# -- item 9: existing outputs are kept without --overwrite -------------------------------------
@pytest.mark.parametrize("fmt, output", [("jsonl", "out.jsonl"), ("conll", "out.conll"),
                                         ("hf", "out.jsonl"), ("brat", "out"),
                                         ("tei-inline", "out")])
def test_export_keeps_an_existing_output_unless_overwrite(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, output: str) -> None:
    corpus = _tei_corpus(tmp_path / "tei")
    out = tmp_path / output
    status, _, err = run(capsys, "export", corpus, "-o", out, "--format", fmt)
    assert status == 0, err
    written = sorted(p for p in tmp_path.rglob("*") if p.is_file() and corpus not in p.parents)
    for path in written:
        path.write_bytes(b"the lead's own work")
    status, _, err = run(capsys, "export", corpus, "-o", out, "--format", fmt)
    assert status == 2
    (line,) = _error_lines(err)
    assert f"{written[0]}: error E63" in line and "--overwrite" in line
    assert all(path.read_bytes() == b"the lead's own work" for path in written)
    status, _, err = run(capsys, "export", corpus, "-o", out, "--format", fmt, "--overwrite")
    assert status == 0, err
    assert all(path.read_bytes() != b"the lead's own work" for path in written)


def test_export_split_keeps_existing_split_files(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _tei_corpus(tmp_path / "tei")
    out = tmp_path / "splits"
    out.mkdir()
    (out / "dev.jsonl").write_text("kept\n", encoding="utf-8")
    status, _, err = run(capsys, "export", corpus, "-o", out, "--format", "jsonl",
                         "--split", "train=0.5,dev=0.5")
    assert status == 2
    assert _error_lines(err) == [f"annotator export: {out / 'dev.jsonl'}: error E631: already "
                                 "there; kept, nothing written (use --overwrite to replace it)"]
    assert sorted(p.name for p in out.iterdir()) == ["dev.jsonl"]


def test_agree_keeps_an_existing_html_report_unless_overwrite(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = []
    for name, label in (("ali", "PER"), ("mona", "ORG")):
        document = Document("doc1", "قال الرئيس محمد اليوم\n")
        document.annotate(11, 15, label, annotator=name)
        path = tmp_path / f"{name}.tei.xml"
        save_tei(document, path)
        inputs.append(path)
    report = tmp_path / "report.html"
    report.write_text("last week's report", encoding="utf-8")
    status, _, err = run(capsys, "agree", *inputs, "--html", report)
    assert status == 2
    assert _error_lines(err) == [f"annotator agree: {report}: error E631: already there; kept, "
                                 "nothing written (use --overwrite to replace it)"]
    assert report.read_text(encoding="utf-8") == "last week's report"
    status, _, err = run(capsys, "agree", *inputs, "--html", report, "--overwrite")
    assert status == 0, err
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# -- item 10: symbolic links out of a folder --------------------------------------------------
def test_importing_a_folder_skips_links_that_lead_out_of_it_and_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("not for this corpus\n", encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "article.txt").write_text("مقال\n", encoding="utf-8")
    os.symlink(outside / "secret.txt", folder / "linked.txt")
    os.symlink(folder / "article.txt", folder / "again.txt")  # inside: read as any file
    os.symlink(outside, folder / "more")
    status, _, err = run(capsys, "import", folder, "-o", tmp_path / "out")
    assert status == 0, err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["again.tei.xml",
                                                                     "article.tei.xml"]
    assert (f"{folder / 'linked.txt'}: warning E633: a symbolic link to "
            f"{outside / 'secret.txt'}, outside {folder}; skipped") in err
    assert f"{folder / 'more'}: warning E634: a symbolic link to the folder {outside}; " \
           "not followed" in err
    # Named on the command line, a link is the user's own choice: it is read.
    status, _, err = run(capsys, "import", folder / "linked.txt", "-o", tmp_path / "out2")
    assert status == 0, err
    assert load_tei(tmp_path / "out2" / "linked.tei.xml").text == "not for this corpus\n"


# -- item 11: the path of a failed write is said once ----------------------------------------------
def test_a_failed_export_names_the_path_once(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _tei_corpus(tmp_path / "tei")
    out = tmp_path / "brat"
    (out / "doc1.txt").mkdir(parents=True)  # a folder where a file must go
    status, _, err = run(capsys, "export", corpus, "-o", out, "--format", "brat")
    assert status == 2
    (line,) = _error_lines(err)
    assert line == (f"annotator export: {out / 'doc1.txt'}: error E606: save failed, previous "
                    "file kept: Is a directory")
