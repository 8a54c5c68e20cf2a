"""The XML declaration (issue 10, item 1): an encoding expat cannot decode itself or an XML
version other than 1.0 is refused in one line naming the file and the value, with exit 2 in
every command, and the other files of a batch are still read."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import run
from lxml import etree

from annotator.errors import FormatError
from annotator.model import Annotation, Document
from annotator.tei import save_tei, tei_bytes
from annotator.tei_read import READABLE_ENCODINGS, read_tei_bytes

WHEN = "2026-12-01T10:00:00Z"


def document(doc_id: str = "d1", annotator: str = "alice") -> Document:
    made = Document(doc_id, "قال الوزير إن المشروع بدأ.\n")
    made.annotations.add(Annotation("a1", 4, 10, "PER", annotator, created=WHEN, modified=WHEN))
    return made


def declared(declaration: str, doc: Document | None = None) -> bytes:
    """A file of the writer with its XML declaration made ``declaration``."""
    data = tei_bytes(doc or document())
    first = b'<?xml version="1.0" encoding="UTF-8"?>'
    assert data.startswith(first)
    return declaration.encode("ascii") + data[len(first):]


REFUSED = [
    ('<?xml version="1.0" encoding="bogus-enc"?>', "E206", "bogus-enc"),
    ('<?xml version="1.0" encoding="gb18030"?>', "E206", "gb18030"),
    ('<?xml version="1.0" encoding="Shift_JIS"?>', "E206", "Shift_JIS"),
    ('<?xml version="1.0" encoding="utf-32"?>', "E206", "utf-32"),
    ('<?xml version="1.0" encoding="utf8"?>', "E206", "utf8"),
    ('<?xml version="1.0" encoding="latin-1"?>', "E206", "latin-1"),
    ('<?xml version="1.0" encoding="windows-1256"?>', "E206", "windows-1256"),
    ('<?xml version="1.0" encoding="idna"?>', "E206", "idna"),
    ('<?xml version="1.0" encoding="rot13"?>', "E206", "rot13"),
    ('<?xml version="2.0" encoding="UTF-8"?>', "E205", "2.0"),
    ('<?xml version="1.1" encoding="UTF-8"?>', "E205", "1.1"),
]


@pytest.mark.parametrize("declaration, code, value", REFUSED,
                         ids=[f"{case[1]} {case[2]}" for case in REFUSED])
def test_a_declaration_the_reader_cannot_honour_is_one_line(declaration: str, code: str,
                                                            value: str) -> None:
    """Before: a LookupError, ValueError or UnicodeError from deep inside pyexpat."""
    with pytest.raises(FormatError) as caught:
        read_tei_bytes(declared(declaration), "news/d1.tei.xml")
    line = str(caught.value)
    assert line.startswith("news/d1.tei.xml:1: ") and "\n" not in line
    assert caught.value.code == code and value in caught.value.params.values()
    if code == "E206":  # says what it does read
        assert "UTF-8" in caught.value.params["encodings"]


def test_a_file_in_utf16_declaring_a_multibyte_encoding_is_refused_too() -> None:
    data = declared('<?xml version="1.0" encoding="gb18030"?>').decode().encode("utf-16")
    with pytest.raises(FormatError) as caught:
        read_tei_bytes(data, "f")
    assert caught.value.code == "E206" and caught.value.params["encoding"] == "gb18030"


@pytest.mark.parametrize("declaration, codec", [
    ('<?xml version="1.0" encoding="UTF-8"?>', "utf-8"),
    ('<?xml version="1.0" encoding="utf-8"?>', "utf-8"),
    ('<?xml version="1.0"?>', "utf-8"),
    ("", "utf-8"),
    ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', "utf-8"),
    ("<?xml version='1.0' encoding='UTF-8' standalone='no'?>", "utf-8"),
    ('<?xml version="1.0" encoding="UTF-16"?>', "utf-16"),
    ('<?xml version="1.0" encoding="utf-16le"?>', "utf-16-le"),
    ('<?xml version="1.0" encoding="UTF-16BE"?>', "utf-16-be"),
])
def test_the_encodings_expat_decodes_itself_are_read(declaration: str, codec: str) -> None:
    data = declared(declaration).decode("utf-8").encode(codec)
    read = read_tei_bytes(data, "f")
    assert read.document == document() and read.problems == []
    assert etree.fromstring(data) is not None  # lxml reads it too


def test_every_readable_encoding_is_one_lxml_knows() -> None:
    for name in READABLE_ENCODINGS:
        data = f'<?xml version="1.0" encoding="{name}"?><a/>'.encode("utf-16"
                                                                     if "16" in name else "ascii")
        if name == "UTF-16BE":
            data = data.decode("utf-16").encode("utf-16-be")
        elif name == "UTF-16LE":
            data = data.decode("utf-16").encode("utf-16-le")
        assert etree.fromstring(data).tag == "a", name


def test_a_latin1_declaration_reads_the_bytes_as_latin1() -> None:
    """ISO-8859-1 is one of expat's own: an Arabic UTF-8 file so declared reads as other
    characters, which its checksum then shows."""
    read = read_tei_bytes(declared('<?xml version="1.0" encoding="ISO-8859-1"?>'), "f")
    assert read.problems[0].code == "E221"  # the checksum does not match


# -- the command line ---------------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A good file, one declaring an unknown encoding and one declaring gb18030."""
    good = tmp_path / "good.tei.xml"
    save_tei(document("d1"), good)
    bogus = tmp_path / "bogus.tei.xml"
    bogus.write_bytes(declared('<?xml version="1.0" encoding="bogus-enc"?>', document("d2")))
    chinese = tmp_path / "gb.tei.xml"
    chinese.write_bytes(declared('<?xml version="1.0" encoding="gb18030"?>', document("d3")))
    return good, bogus, chinese


def one_line_about(err: str, path: Path, encoding: str) -> None:
    lines = [line for line in err.splitlines() if str(path) in line]
    assert len(lines) == 1, err
    assert f"encoding {encoding!r} is not supported" in lines[0]


def test_validate_reports_each_bad_declaration_and_checks_the_other_files(
        files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    good, bogus, chinese = files
    status, out, err = run(capsys, "validate", "--no-schema", bogus, chinese, good)
    assert status == 2
    one_line_about(err + out, bogus, "bogus-enc")
    one_line_about(err + out, chinese, "gb18030")
    assert f"{good}: ok" in out  # the batch went on past both


@pytest.mark.parametrize("command", [
    ["stats", "{good}", "{bad}"], ["show", "{bad}"],
    ["export", "--format", "jsonl", "-o", "{out}/x.jsonl", "{good}", "{bad}"],
    ["merge", "-o", "{out}", "{good}", "{bad}"], ["agree", "{good}", "{bad}"]])
def test_every_command_gives_one_line_and_exit_two(
        files: tuple[Path, Path, Path], command: list[str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    good, _, chinese = files
    args = [part.format(out=tmp_path / "out", good=good, bad=chinese) for part in command]
    status, out, err = run(capsys, *args)
    assert status == 2, (out, err)
    one_line_about(err, chinese, "gb18030")
