"""Other tools' files on the command line: doccano's UTF-16 offsets, Label Studio's JSON and
CONLL2003, document labels, and files whose type the tool does not know (issue 14 §3)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from cli_runner import run

from annotator.cli import cmd_import
from annotator.formats import ImportOptions, Problems, read_documents
from annotator.formats.offsets import RawSpan, utf16_reading
from annotator.model import Document
from annotator.progress import Progress
from annotator.tei import load_tei

TWEET = "🔴 عاجل: بوتين يصل إلى أنقرة 🇹🇷 ويلتقي أردوغان"


def utf16(text: str, piece: str) -> list[int]:
    """``piece``'s offsets in ``text`` as JavaScript counts them."""
    start = text.index(piece)
    before = len(text[:start].encode("utf-16-le")) // 2
    return [before, before + len(piece.encode("utf-16-le")) // 2]


def read(path: Path) -> tuple[list[Document], Problems]:
    problems = Problems()
    return list(read_documents(path, "auto", ImportOptions(), problems)), problems


def pieces(document: Document) -> list[tuple[str, str]]:
    return [(a.label, document.text[a.start:a.end]) for a in document.annotations.sorted()]


def test_doccano_triples_with_utf16_offsets_are_converted_and_said(tmp_path: Path) -> None:
    path = tmp_path / "tweets.jsonl"
    lines = [
        {"text": TWEET, "label": [[*utf16(TWEET, "بوتين"), "PER"],
                                  [*utf16(TWEET, "أنقرة"), "LOC"],
                                  [*utf16(TWEET, "أردوغان"), "PER"]]},
        {"text": TWEET, "entities": [
            {"id": 1, "start_offset": utf16(TWEET, "بوتين")[0],
             "end_offset": utf16(TWEET, "بوتين")[1], "label": "PER"}]},
        {"text": "بوتين يصل 🔴", "label": [[0, 5, "PER"]]},  # nothing after the emoji
    ]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                    encoding="utf-8")
    (first, second, third), problems = read(path)
    assert pieces(first) == [("PER", "بوتين"), ("LOC", "أنقرة"), ("PER", "أردوغان")]
    assert pieces(second) == [("PER", "بوتين")]
    assert pieces(third) == [("PER", "بوتين")]
    assert not problems.errors
    assert [(w.code, w.path) for w in problems.warnings] == [
        ("E345", f"{path}:1"), ("E345", f"{path}:2")]


def test_code_point_offsets_stay_as_they_are(tmp_path: Path) -> None:
    start = TWEET.index("بوتين")
    path = tmp_path / "ok.jsonl"
    path.write_text(json.dumps({"text": TWEET, "label": [[start, start + 5, "PER"]]},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    (document,), problems = read(path)
    assert pieces(document) == [("PER", "بوتين")] and not problems.warnings


def test_offsets_that_fit_no_reading_are_refused_naming_file_line_and_span(
        tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    length = len(TWEET.encode("utf-16-le")) // 2
    path.write_text(json.dumps({"text": TWEET, "label": [[length - 2, length + 3, "PER"]]},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    documents, problems = read(path)
    assert documents == []
    (error,) = problems.errors
    assert error.one_line().startswith(f"{path}:1: span [{length - 2}, {length + 3})")


def test_a_span_whose_own_text_matches_only_as_utf16_is_converted() -> None:
    text = "😀😀 قال عمر"
    spans = [RawSpan(*utf16(text, "عمر"), "عمر")]
    convert = utf16_reading(text, spans, judge_boundaries=False)
    assert convert is not None
    assert text[convert(spans[0].start):convert(spans[0].end)] == "عمر"
    # a proclitic before the name (لبوتين) is not mistaken for a shift
    text = "🔴 قال لبوتين"
    start = text.index("بوتين")
    assert utf16_reading(text, [RawSpan(start, start + 5)], judge_boundaries=True) is None


def test_a_document_label_given_as_a_string_is_warned_about(tmp_path: Path) -> None:
    path = tmp_path / "classes.jsonl"
    path.write_text(json.dumps({"text": "فاز الأهلي", "label": "sports"}) + "\n",
                    encoding="utf-8")
    (document,), problems = read(path)
    assert not document.annotations
    (warning,) = problems.warnings
    assert warning.code == "E323" and "'sports'" in warning.one_line()


def test_label_studio_conll2003_with_repair_keeps_its_placeholders_out(tmp_path: Path) -> None:
    path = tmp_path / "result.conll"
    path.write_text("-DOCSTART- -X- O\nقال -X- _ O\nفلاديمير -X- _ B-PER\nبوتين -X- _ I-PER\n\n"
                    "في -X- _ O\nموسكو -X- _ B-LOC\n\n", encoding="utf-8")
    for repair in (False, True):
        problems = Problems()
        (document,) = read_documents(path, "auto", ImportOptions(repair=repair), problems)
        assert document.text == "قال فلاديمير بوتين\nفي موسكو"
        assert pieces(document) == [("PER", "فلاديمير بوتين"), ("LOC", "موسكو")]
        assert not problems.errors and not problems.warnings


# -- the command line ------------------------------------------------------------------------

FORMATS_NAMED = ("TEI (.tei.xml, .xml)", "plain text (.txt)", "JSONL (.jsonl, .ndjson)",
                 "Label Studio JSON and JSON-MIN (.json)", "CoNLL/BIO")


@pytest.mark.parametrize(("name", "content"), [
    ("articles.json", json.dumps([{"source": "sabq", "title": "عنوان", "content": "نص"}],
                                 ensure_ascii=False)),
    ("claims.csv", "id,text,label\n1,نص,1\n"),
    ("CT22_arabic_1A.tsv", "topic\ttweet_id\ttweet_text\tclass_label\n"),
    ("notes", "نص بلا امتداد"),
])
def test_a_file_of_unknown_type_is_refused_naming_the_formats_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str) -> None:
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    status, _, err = run(capsys, "import", source, "-o", out)
    assert status == 2
    (line,) = [line for line in err.splitlines() if " error E" in line]
    assert line.startswith(f"{source}: error E")
    assert all(name in line for name in FORMATS_NAMED)
    assert list(out.iterdir()) == []  # nothing written


def test_label_studio_json_imports_on_the_command_line(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    text = "قال بوتين 😀 إن «الحرب انتهت»"
    source = tmp_path / "export.json"
    start = text.index("بوتين")
    source.write_text(json.dumps([{"id": 1, "data": {"text": text}, "annotations": [
        {"completed_by": 1, "result": [{"id": "r1", "from_name": "label", "to_name": "text",
                                        "type": "labels", "value": {
                                            "start": start, "end": start + 5, "text": "بوتين",
                                            "labels": ["PER"]}}]}]}], ensure_ascii=False),
                      encoding="utf-8")
    out = tmp_path / "out"
    status, _, err = run(capsys, "import", source, "-o", out)
    assert status == 0, err
    document = load_tei(out / "export-1.tei.xml")
    assert pieces(document) == [("PER", "بوتين")]
    assert "imported 1 document into" in err


def test_export_to_label_studio_on_the_command_line(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "d1", "text": "قال بوتين", "spans": [
        {"start": 4, "end": 9, "label": "PER", "annotator": "ali"}]}, ensure_ascii=False)
        + "\n", encoding="utf-8")
    tei = tmp_path / "tei"
    assert run(capsys, "import", source, "-o", tei)[0] == 0
    out = tmp_path / "tasks.json"
    status, _, err = run(capsys, "export", tei, "-o", out, "--format", "labelstudio")
    assert status == 0, err
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    assert task["data"]["text"] == "قال بوتين"
    assert task["annotations"][0]["result"][0]["value"]["labels"] == ["PER"]
    # and back: the same spans
    back = tmp_path / "back"
    assert run(capsys, "import", out, "-o", back)[0] == 0
    assert pieces(load_tei(back / "d1.tei.xml")) == [("PER", "بوتين")]


def test_a_folder_s_description_and_other_files_are_skipped_with_warnings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "SOURCE.txt").write_text("Where these files come from.", encoding="utf-8")
    (corpus / "Readme.txt").write_text("About the corpus.", encoding="utf-8")
    (corpus / "claims.csv").write_text("id,text\n", encoding="utf-8")
    (corpus / "rows.jsonl").write_text(json.dumps({"id": "a", "text": "نص"}) + "\n",
                                       encoding="utf-8")
    (corpus / "rows.labels.json").write_text('["O", "B-PER"]', encoding="utf-8")
    out = tmp_path / "out"
    status, _, err = run(capsys, "import", corpus, "-o", out)
    assert status == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["a.tei.xml"]
    assert f"{corpus / 'SOURCE.txt'}: warning E636" in err
    assert f"{corpus / 'Readme.txt'}: warning E636" in err
    assert "warning E637: 1 file(s) of types import does not read skipped (.csv ×1)" in err
    # named on its own, a description is read as the text it is
    assert run(capsys, "import", corpus / "SOURCE.txt", "-o", out)[0] == 0


def test_importing_one_big_jsonl_counts_documents_on_the_progress_bar(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "big.jsonl"
    source.write_text("".join(json.dumps({"id": f"d{i}", "text": f"نص {i}"}) + "\n"
                              for i in range(5)) + "not json\n", encoding="utf-8")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True
    screen = Terminal()
    monkeypatch.setattr(cmd_import, "Progress", lambda total: Progress(total, screen))
    status, _, err = run(capsys, "import", source, "-o", tmp_path / "out")
    assert status == 2  # the line that is not JSON
    drawn = screen.getvalue()
    assert " 1/6 big.jsonl: d0" in drawn and " 5/6 big.jsonl: d4" in drawn
    assert " 6/6 " in drawn
    assert "imported 5 documents into" in err  # the final count, on any stderr
