"""Opening a file: every document it holds, or one line saying why not (no Qt)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError, FormatError
from annotator.formats import ImportOptions, Problems, read_documents
from annotator.model import Document
from annotator.opening import is_openable, read_documents_from
from annotator.tei import load_tei, save_tei

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TEI = ROOT / "seeds" / "000_2ce8f3876ecb932f.tei.xml"
SAMPLE_TXT = ROOT / "seeds" / "000_2ce8f3876ecb932f.txt"
PNG_START = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0"


def test_the_sample_tei_file_gives_its_one_document(tmp_path: Path) -> None:
    path = tmp_path / SAMPLE_TEI.name
    shutil.copyfile(SAMPLE_TEI, path)
    documents, problems = read_documents_from(path, annotator="layla")
    assert documents == [load_tei(SAMPLE_TEI)]
    assert problems.errors == [] and problems.warnings == []


def test_a_text_file_is_imported_for_the_annotator(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    shutil.copyfile(SAMPLE_TXT, path)
    documents, _ = read_documents_from(path, annotator="layla")
    assert [d.text for d in documents] == [SAMPLE_TXT.read_text(encoding="utf-8")]
    # The same documents as the core import itself (one reader, not a second one).
    expected = list(read_documents(path, "auto", ImportOptions(annotator="layla"), Problems()))
    assert [(d.id, d.text, d.title) for d in documents] == \
        [(d.id, d.text, d.title) for d in expected]


def test_jsonl_gives_every_document_and_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text('{"id": "one", "text": "الأول"}\n{bad\n{"id": "two", "text": "الثاني"}\n',
                    encoding="utf-8")
    documents, problems = read_documents_from(path)
    assert [d.id for d in documents] == ["one", "two"]
    assert [e.line for e in problems.errors] == [2]


def test_a_saved_tei_file_round_trips(tmp_path: Path) -> None:
    document = Document("doc-1", "قال الرئيس إن لبنان ملتزم.", title="خبر")
    document.annotate(14, 19, "GPE", annotator="layla")
    document.status["layla"] = "in progress"
    save_tei(document, tmp_path / "doc-1.tei.xml")
    documents, _ = read_documents_from(tmp_path / "doc-1.tei.xml")
    assert documents == [document]


@pytest.mark.parametrize(("make", "code"), [
    (lambda folder: folder / "missing.tei.xml", "E641"),
    (lambda folder: folder, "E642"),
    (lambda folder: _write(folder / "image.txt", PNG_START), "E146"),  # not a text file
    (lambda folder: _write(folder / "bad.txt", b"\xff\xfe\x00\xd8abc"), "E147"),  # not UTF-16
    (lambda folder: _write(folder / "empty.jsonl", b""), "E644"),
    (lambda folder: _write(folder / "bad.jsonl", b"{bad\n"), "E341"),
    (lambda folder: _write(folder / "cut.tei.xml", b"<TEI"), "E200"),
])
def test_each_failure_is_one_line_naming_the_file(tmp_path: Path, make, code: str) -> None:
    path = make(tmp_path)
    with pytest.raises(AnnotatorError) as raised:
        read_documents_from(path)
    text = str(raised.value)
    assert raised.value.code == code
    assert "\n" not in text and text.startswith(str(path))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    with pytest.raises(FormatError) as raised:
        read_documents_from(pipe)
    assert raised.value.code == "E643"


def test_openable_names() -> None:
    assert all(is_openable(name) for name in ("a.tei.xml", "A.XML", "b.txt", "c.jsonl",
                                              "d.ndjson", Path("x/e.TXT")))
    assert not any(is_openable(name) for name in ("a.conll", "b.ann", "c.tei", "folder"))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
