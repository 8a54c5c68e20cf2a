"""``annotator import`` and ``annotator export`` run as a user would: files, stderr, exit codes."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import run

from annotator.formats import ImportOptions, Problems
from annotator.formats.jsonl import read_jsonl
from annotator.model import Annotation, Document, Link
from annotator.progress import Progress
from annotator.tei import load_tei, save_tei

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_2ce8f3876ecb932f.txt"


def run_process(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m annotator`` as a separate process."""
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", check=False,
                          timeout=120)


def error_lines(err: str) -> list[str]:
    """stderr lines that are not the summary or warnings."""
    return [line for line in err.splitlines()
            if line and not line.startswith(("imported ", "exported "))
            and not WARNING.search(line)]


WARNING = re.compile(r"(^|: )warning( E\d{3})?: ")


def _jsonl(path: Path, *objects: object) -> Path:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects),
                    encoding="utf-8")
    return path


# -- import ----------------------------------------------------------------------------------
def test_import_the_sample_keeps_the_text_exactly(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "import", SEED, "-o", tmp_path / "out")
    assert status == 0, err
    document = load_tei(tmp_path / "out" / "000_2ce8f3876ecb932f.tei.xml")
    text = SEED.read_bytes().decode("utf-8-sig")
    assert document.text == text
    assert document.id == "000_2ce8f3876ecb932f"
    assert document.title == next(line.strip() for line in text.splitlines() if line.strip())
    assert (document.direction, document.language) == ("rtl", "ar")
    assert "imported 1 document" in err


def test_tricky_text_survives_import(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    text = ("\ufeff\u200fقال\u0640\u0640 «عُمَرُ»\r\n\tلـ«البيان»  \u200d\u200c\r"
            "\U0001F600 <&> ]]> \"q\"\n\n  \n\u202bend\u202c")
    source = tmp_path / "tricky.txt"
    source.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # BOM, then a kept U+FEFF
    status, _, err = run(capsys, "import", source, "-o", tmp_path / "out")
    assert status == 0, err
    assert load_tei(tmp_path / "out" / "tricky.tei.xml").text == text


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6", "utf-16", "utf-16-le"])
def test_import_detects_encodings(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  encoding: str) -> None:
    text = "قال الرئيس إن الوضع صعب.\r\nسطر ثان\n"
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    status, _, err = run(capsys, "import", tmp_path / "a.txt", "-o", tmp_path / "out")
    assert status == 0, err
    assert load_tei(tmp_path / "out" / "a.tei.xml").text == text


def test_folders_are_searched_recursively_in_order(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src"
    (src / "b" / "deep").mkdir(parents=True)
    (src / "a.txt").write_text("نص أ", encoding="utf-8")
    (src / "b" / "deep" / "c.txt").write_text("نص ج", encoding="utf-8")
    _jsonl(src / "b" / "docs.jsonl", {"id": "j1", "text": "نص"}, {"id": "j2", "text": "x"})
    (src / ".hidden.txt").write_text("no", encoding="utf-8")
    (src / "notes.md").write_text("not a known ending", encoding="utf-8")
    out = src / "out"  # inside the source: never imported again
    status, _, err = run(capsys, "import", src, "-o", out)
    assert status == 0, err
    assert sorted(p.name for p in out.iterdir()) == [
        "a.tei.xml", "c.tei.xml", "j1.tei.xml", "j2.tei.xml"]
    status, _, err = run(capsys, "import", src, "-o", out)
    assert status == 0 and "4 unchanged" in err


def test_bad_jsonl_lines_are_reported_and_the_rest_imported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _jsonl(tmp_path / "in.jsonl",
                    {"id": "good1", "text": "قال عمر", "spans": [
                        {"start": 4, "end": 7, "label": "PER"}]},
                    {"id": "bad", "text": "abc", "spans": [{"start": 2, "end": 9, "label": "X"}]},
                    {"id": "good2", "text": "doccano", "label": [[0, 3, "ORG"]]})
    with source.open("a", encoding="utf-8") as stream:
        stream.write("{broken\n")
    status, _, err = run(capsys, "import", source, "-o", tmp_path / "out", "--annotator", "ali")
    assert status == 2
    assert error_lines(err) == [
        f"{source}:2: error E317: span [2, 9) is outside the text (3 characters)",
        f"{source}:4: error E341: bad JSON: Expecting property name enclosed in double quotes "
        "(column 2)"]
    good = load_tei(tmp_path / "out" / "good1.tei.xml")
    [span] = good.annotations
    assert (good.span_text(span), span.label, span.annotator) == ("عمر", "PER", "ali")
    assert (tmp_path / "out" / "good2.tei.xml").exists()
    assert not (tmp_path / "out" / "bad.tei.xml").exists()


def test_xml_illegal_characters_refused_or_replaced(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "ctrl.txt"
    source.write_text("سطر\nنص\x1aهنا\x1a\n", encoding="utf-8")
    status, _, err = run(capsys, "import", source, "-o", tmp_path / "out")
    assert status == 2
    [line] = error_lines(err)
    assert line.startswith(f"{source}:2:3: ") and "U+001A" in line and "--replace-invalid" in line
    assert not (tmp_path / "out" / "ctrl.tei.xml").exists()
    status, _, err = run(capsys, "import", source, "-o", tmp_path / "out", "--replace-invalid")
    assert status == 0
    assert "replaced 2 characters" in err
    assert load_tei(tmp_path / "out" / "ctrl.tei.xml").text == "سطر\nنص\ufffdهنا\ufffd\n"


def test_help_documents_replace_invalid() -> None:
    result = run_process("import", "--help")
    assert result.returncode == 0
    assert "--replace-invalid" in result.stdout and "U+FFFD" in result.stdout


@pytest.mark.parametrize("command", ["import", "export", "stats", "show"])
def test_every_command_has_help(command: str) -> None:
    result = run_process(command, "--help")
    assert result.returncode == 0 and "usage: annotator " + command in result.stdout


def test_bad_input_never_shows_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "garbage.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "good.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    cases = [
        (["import", tmp_path / "missing.txt", "-o", tmp_path / "o1"], "no such file"),
        (["import", tmp_path / "garbage.txt", "-o", tmp_path / "o2"], "garbage.txt"),
        (["import", tmp_path / "good.txt", "-o", tmp_path / "o3", "--encoding", "klingon"],
         "unknown encoding 'klingon'"),
        (["import", tmp_path / "good.txt", "-o", tmp_path / "file"], "is a file"),
        (["import", tmp_path / "good.txt", "-o", tmp_path / "o4", "--tagset",
          tmp_path / "nope.toml"], "nope.toml"),
        (["import", tmp_path / "good.txt"], "-o/--output"),
        (["import", tmp_path / "good.txt", "-o", tmp_path / "o5", "--format", "docx"],
         "invalid choice"),
        (["export", tmp_path / "garbage.txt", "-o", tmp_path / "x.jsonl", "--format", "jsonl"],
         "nothing to export"),
    ]
    for args, expected in cases:
        result = run_process(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert expected in result.stderr, (args, result.stderr)


def test_wrong_given_encoding_names_the_line(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "legacy.txt"
    source.write_bytes("سطر أول\n".encode() + "سطر".encode("cp1256"))
    status, _, err = run(capsys, "import", source, "-o", tmp_path / "out", "--encoding", "utf-8")
    assert status == 2
    [line] = error_lines(err)
    assert line.startswith(f"{source}:2:1: ")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders without permission")
def test_unreadable_folder_is_reported(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("x", encoding="utf-8")
    locked.chmod(0)
    try:
        status, _, err = run(capsys, "import", locked, "-o", tmp_path / "out")
    finally:
        locked.chmod(0o755)
    assert status == 2 and "permission" in err


def test_same_id_twice_in_one_run_is_refused(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("الأول", encoding="utf-8")
    (tmp_path / "b" / "x.txt").write_text("الثاني", encoding="utf-8")
    status, _, err = run(capsys, "import", tmp_path / "a", tmp_path / "b", "-o", tmp_path / "out")
    assert status == 2
    [line] = error_lines(err)
    assert "x" in line and "already imported" in line and str(tmp_path / "b" / "x.txt") in line
    assert load_tei(tmp_path / "out" / "x.tei.xml").text == "الأول"


def test_failed_import_leaves_existing_output_byte_identical(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "art.txt"
    source.write_text("نص سليم", encoding="utf-8")
    out = tmp_path / "out"
    assert run(capsys, "import", source, "-o", out)[0] == 0
    target = out / "art.tei.xml"
    before = target.read_bytes()
    source.write_text("نص \x00 تالف", encoding="utf-8")
    assert run(capsys, "import", source, "-o", out)[0] == 2
    assert target.read_bytes() == before
    # a different good text does not silently replace a file that may hold annotations
    source.write_text("نص آخر", encoding="utf-8")
    status, _, err = run(capsys, "import", source, "-o", out)
    assert status == 2 and "--overwrite" in err
    assert target.read_bytes() == before
    assert run(capsys, "import", source, "-o", out, "--overwrite")[0] == 0
    assert load_tei(target).text == "نص آخر"
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left


@pytest.mark.shared
def test_saudinewsnet_articles_import_exactly(corpora_dir: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str],
                                              tei_schema: object) -> None:
    from lxml import etree

    articles = json.loads((corpora_dir / "saudinewsnet" / "2015-08-01.json")
                          .read_text(encoding="utf-8"))
    src = tmp_path / "src"
    src.mkdir()
    chosen = [a for a in articles if "\x1a" in a["content"]] + articles[:40]
    for number, article in enumerate(chosen):
        (src / f"{number:03d}.txt").write_text(article["content"], encoding="utf-8",
                                               newline="")
    status, _, err = run(capsys, "import", src, "-o", tmp_path / "out")
    assert status == 2
    assert len(error_lines(err)) == 4 and all("U+001A" in line for line in error_lines(err))
    status, _, err = run(capsys, "import", src, "-o", tmp_path / "out", "--replace-invalid")
    assert status == 0, err
    for number, article in enumerate(chosen):
        path = tmp_path / "out" / f"{number:03d}.tei.xml"
        assert load_tei(path).text == article["content"].replace("\x1a", "\ufffd")
    assert tei_schema.validate(etree.parse(str(tmp_path / "out" / "000.tei.xml")))


# -- export ----------------------------------------------------------------------------------
def _annotated(doc_id: str, with_gold: bool = False) -> Document:
    document = Document(doc_id, "قال عمر أبو ليلى: «الوضع صعب» لـ«البيان».\nسطر", title="t")
    stamp = "2024-01-01T00:00:00Z"
    document.annotations.add(Annotation("a1", 4, 16, "PER", annotator="ali",
                                        attributes={"role": "official"}, created=stamp,
                                        modified=stamp))
    document.annotations.add(Annotation("a2", 18, 29, "QUOTE", annotator="ali",
                                        links=(Link("speaker", "a1"),), note="ملاحظة"))
    document.annotations.add(Annotation("a3", 33, 39, "ORG", annotator="sara"))
    if with_gold:
        document.annotations.add(Annotation("g1", 4, 16, "PER", annotator="lead", layer="gold",
                                            links=(Link("source", "a1"),)))
    return document


def test_jsonl_round_trip_through_import_and_export(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    tei = tmp_path / "tei"
    tei.mkdir()
    originals = [_annotated("d1"), _annotated("d2")]
    for document in originals:
        save_tei(document, tei / f"{document.id}.tei.xml")
    status, _, err = run(capsys, "export", tei, "-o", tmp_path / "all.jsonl", "--format", "jsonl")
    assert status == 0, err
    problems = Problems()
    again = list(read_jsonl(tmp_path / "all.jsonl", ImportOptions(), problems))
    assert again == originals and not problems.errors
    status, _, err = run(capsys, "import", tmp_path / "all.jsonl", "-o", tmp_path / "back")
    assert status == 0, err
    assert [load_tei(tmp_path / "back" / f"{d.id}.tei.xml") for d in originals] == originals


def test_export_layers_and_labels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_tei(_annotated("d1", with_gold=True), tmp_path / "d1.tei.xml")

    def spans(*options: str) -> list[str]:
        out = tmp_path / "x.jsonl"
        status, _, err = run(capsys, "export", tmp_path / "d1.tei.xml", "-o", out,
                             "--format", "jsonl", "--overwrite", *options)
        assert status == 0, err
        return sorted(s["id"] for s in json.loads(out.read_text(encoding="utf-8"))["spans"])

    assert spans() == ["g1"]  # gold when present
    assert spans("--layer", "ali") == ["a1", "a2"]
    assert spans("--layer", "all") == ["a1", "a2", "a3", "g1"]
    assert spans("--layer", "all", "--labels", "PER,ORG") == ["a1", "a3", "g1"]
    assert spans("--layer", "ali", "--labels", "QUOTE") == ["a2"]


def test_split_is_by_document_and_reproducible(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    tei = tmp_path / "tei"
    tei.mkdir()
    for number in range(10):
        save_tei(_annotated(f"doc{number}"), tei / f"doc{number}.tei.xml")

    def split(out: Path, seed: str) -> dict[str, list[str]]:
        status, _, err = run(capsys, "export", tei, "-o", out, "--format", "jsonl",
                             "--split", "train=0.6,dev=0.2,test=0.2", "--seed", seed,
                             "--overwrite")  # s1 and s2 are written again
        assert status == 0, err
        return {name: [json.loads(line)["id"] for line in
                       (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
                for name in ("train", "dev", "test")}

    first = split(tmp_path / "s1", "7")
    assert [len(first[name]) for name in ("train", "dev", "test")] == [6, 2, 2]
    assert sorted(i for ids in first.values() for i in ids) == [f"doc{n}" for n in range(10)]
    assert split(tmp_path / "s2", "7") == first
    for name in ("train", "dev", "test"):
        assert (tmp_path / "s1" / f"{name}.jsonl").read_bytes() == \
            (tmp_path / "s2" / f"{name}.jsonl").read_bytes()
    others = [split(tmp_path / f"s{seed}", str(seed)) for seed in range(3)]
    assert any(other != first for other in others)


@pytest.mark.parametrize("split", ["train=0.8,dev=0.1", "train=0.8,dev=0.3,test=-0.1",
                                   "train", "a b=1", "train=0.5,train=0.5", "train=x"])
def test_bad_split_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    split: str) -> None:
    save_tei(_annotated("d1"), tmp_path / "d1.tei.xml")
    status, _, err = run(capsys, "export", tmp_path / "d1.tei.xml", "-o", tmp_path / "s",
                         "--format", "jsonl", "--split", split)
    assert status == 2 and "--split" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "s").exists()


def test_export_reports_a_damaged_file_and_exports_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_tei(_annotated("good"), tmp_path / "good.tei.xml")
    save_tei(_annotated("edited"), tmp_path / "edited.tei.xml")
    damaged = tmp_path / "edited.tei.xml"
    damaged.write_text(damaged.read_text(encoding="utf-8").replace("الوضع", "الوضـع"),
                       encoding="utf-8")
    (tmp_path / "broken.xml").write_text("<TEI", encoding="utf-8")
    status, _, err = run(capsys, "export", tmp_path, "-o", tmp_path / "x.jsonl",
                         "--format", "jsonl")
    assert status == 2
    lines = error_lines(err)
    assert len(lines) == 2
    assert any(line.startswith(str(damaged)) for line in lines)
    assert any(line.startswith(str(tmp_path / "broken.xml")) for line in lines)
    exported = (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in exported] == ["good"]


def test_export_to_a_folder_as_jsonl_fails_cleanly(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    save_tei(_annotated("d1"), tmp_path / "d1.tei.xml")
    (tmp_path / "dir.jsonl").mkdir()
    status, _, err = run(capsys, "export", tmp_path / "d1.tei.xml", "-o", tmp_path / "dir.jsonl",
                         "--format", "jsonl")
    assert status == 2 and "folder" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(("fmt", "output"), [("jsonl", "d1.tei.xml"), ("conll", "d1.tei.xml"),
                                             ("tei-inline", ".")])
def test_export_never_writes_over_an_input_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                fmt: str, output: str) -> None:
    # -o naming the TEI file itself (a slip of the shell), or inline TEI written into the
    # folder of standoff files named <id>.xml, would replace the annotations being exported.
    source = tmp_path / "d1.xml" if output == "." else tmp_path / "d1.tei.xml"
    save_tei(_annotated("d1"), source)
    before = source.read_bytes()
    status, _, err = run(capsys, "export", source, "-o", tmp_path / output, "--format", fmt)
    assert status == 2 and len(err.strip().splitlines()) == 1
    assert str(source) in err and "input" in err
    assert source.read_bytes() == before


def test_export_conll_split_writes_one_file_per_split(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    for number in range(4):
        save_tei(_annotated(f"d{number}"), tmp_path / f"d{number}.tei.xml")
    status, _, err = run(capsys, "export", tmp_path, "-o", tmp_path / "conll", "--format",
                         "conll", "--split", "train=0.5,test=0.5", "--labels", "PER,ORG")
    assert status == 0, err
    assert sorted(p.name for p in (tmp_path / "conll").iterdir()) == ["test.conll",
                                                                      "train.conll"]
    assert "B-PER" in (tmp_path / "conll" / "train.conll").read_text(encoding="utf-8")


def test_import_with_a_tag_set_declares_its_labels(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    tagset = tmp_path / "tags.toml"
    tagset.write_text('name = "mine"\n[[labels]]\nname = "EVENT"\nkind = "entity"\n'
                      'en = "Event"\nar = "حدث"\ncolor = "#123456"\n', encoding="utf-8")
    _jsonl(tmp_path / "a.jsonl", {"id": "a", "text": "قمة الرياض",
                                  "spans": [{"start": 0, "end": 10, "label": "EVENT"}]})
    status, _, err = run(capsys, "import", tmp_path / "a.jsonl", "-o", tmp_path / "out",
                         "--tagset", tagset)
    assert status == 0, err
    xml = (tmp_path / "out" / "a.tei.xml").read_text(encoding="utf-8")
    assert 'n="mine"' in xml and "حدث" in xml
    [span] = load_tei(tmp_path / "out" / "a.tei.xml").annotations
    assert span.label == "EVENT"


def test_import_of_tei_files_gives_the_same_documents(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    original = _annotated("d1", with_gold=True)
    save_tei(original, tmp_path / "d1.tei.xml")
    status, _, err = run(capsys, "import", tmp_path / "d1.tei.xml", "-o", tmp_path / "copy")
    assert status == 0, err
    assert load_tei(tmp_path / "copy" / "d1.tei.xml") == original


class _Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal() -> None:
    plain = io.StringIO()
    with Progress(3, plain) as progress:
        progress.advance("a.txt")
        progress.message("a.txt:1: problem")
    assert plain.getvalue() == "a.txt:1: problem\n"
    terminal = _Terminal()
    with Progress(2, terminal) as progress:
        progress.advance("a.txt")
        assert "[" in terminal.getvalue() and "1/2 a.txt" in terminal.getvalue()
        progress.message("a.txt:1: problem")
        progress.advance("b.txt")
    shown = terminal.getvalue()
    assert re.search(r"1/2 a\.txt *\r +\ra\.txt:1: problem\n", shown)  # wiped, then printed
    assert re.search(r"2/2 b\.txt *\r +\r$", shown)  # and wiped at the end


def test_the_same_document_twice_is_written_once(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text("نفس النص", encoding="utf-8")
    status, _, err = run(capsys, "import", tmp_path / "a", tmp_path / "b", "-o", tmp_path / "out")
    assert status == 0
    assert f"{tmp_path / 'b' / 'x.txt'}: warning E620: " in err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["x.tei.xml"]


def test_export_warns_about_unknown_layers_and_labels(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_tei(_annotated("d1"), tmp_path / "d1.tei.xml")
    status, _, err = run(capsys, "export", tmp_path / "d1.tei.xml", "-o", tmp_path / "x.jsonl",
                         "--format", "jsonl", "--layer", "nobody", "--labels", "PER,EVENT")
    assert status == 0
    assert "warning: no document has the layer 'nobody' (layers: ali, sara)" in err
    assert "warning: no annotation has the label EVENT" in err
