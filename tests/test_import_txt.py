"""Plain-text import: encodings, exact text, ids, direction, characters XML cannot carry."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.docid import doc_id_from_path, safe_id
from annotator.errors import EncodingError, FormatError
from annotator.formats import ImportOptions, Problems, read_documents
from annotator.formats.txt import bytes_to_text, detect_encoding, text_direction
from annotator.model import Document

TRICKY = ("\u200fقال «عمر» لـ\u0640\u0640«البيان»:\r\n\tمُحَمَّدٌ  \u200d\u200c"
          "\r\rسطر\n\U0001F600 \U00020000 end \u202bRLE\u202c\n")


def _read(path: Path, **options: object) -> tuple[list, Problems]:
    problems = Problems()
    documents = list(read_documents(path, "txt", ImportOptions(**options), problems))
    return documents, problems


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le",
                                      "utf-16-be", "utf-32"])
def test_unicode_encodings_keep_the_text_exactly(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TRICKY.encode(encoding))
    [document], problems = _read(path)
    assert document.text == TRICKY
    assert not problems.errors


def test_bom_is_dropped_but_a_second_feff_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + "\ufeffقال".encode())
    [document], _ = _read(path)
    assert document.text == "\ufeffقال"
    path.write_bytes("قال\ufeff".encode())
    [document], _ = _read(path)
    assert document.text == "قال\ufeff"


def test_given_utf16_with_bom_drops_only_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "\ufeffب".encode("utf-16-le"))
    [document], _ = _read(path, encoding="utf-16-le")
    assert document.text == "\ufeffب"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_is_found_by_its_nul_bytes(encoding: str) -> None:
    data = "قال الرئيس: نعم.\n".encode(encoding)
    assert detect_encoding(data) == encoding
    assert bytes_to_text(data)[0] == "قال الرئيس: نعم.\n"


@pytest.mark.shared
@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_legacy_arabic_code_pages_are_detected(corpora_dir: Path, tmp_path: Path,
                                               encoding: str) -> None:
    articles = json.loads((corpora_dir / "saudinewsnet" / "2015-08-01.json")
                          .read_text(encoding="utf-8"))
    checked = 0
    for article in articles[:150]:
        text = article["content"]
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        assert bytes_to_text(data) == (text, encoding)
        checked += 1
    # ISO-8859-6 lacks most punctuation the papers use: few articles fit, but some do.
    assert checked >= 3


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_short_legacy_text_is_detected(encoding: str) -> None:
    for text in ("قال عمر", "مرحبا بالعالم. هذا نص قصير.\r\n", "الأمم المتحدة تقول إن"):
        assert bytes_to_text(text.encode(encoding)) == (text, encoding)


def test_given_encoding_is_used(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("نص".encode("cp1256"))
    [document], _ = _read(path, encoding="windows-1256")
    assert document.text == "نص"


def test_bytes_that_do_not_decode_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("سطر\nسطر\n".encode() + "نص".encode("cp1256"))
    documents, problems = _read(path, encoding="utf-8")
    assert documents == []
    [error] = problems.errors
    assert isinstance(error, EncodingError)
    assert str(error).startswith(f"{path}:3:1: ") and "\n" not in str(error)
    assert error.code == "E147" and error.params["encoding"] == "utf-8"


def test_unreadable_file_is_one_error(tmp_path: Path) -> None:
    documents, problems = _read(tmp_path / "missing.txt")
    assert documents == []
    assert isinstance(problems.errors[0], FormatError)
    assert problems.errors[0].code == "E600" and problems.errors[0].path.endswith("missing.txt")


def test_binary_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 4)
    documents, problems = _read(path)
    assert documents == [] and [e.code for e in problems.errors] == ["E146"]


def test_metadata_from_text_and_name(tmp_path: Path) -> None:
    path = tmp_path / "000_2ce8f3876ecb932f.txt"
    path.write_text(" \n\t\n  عنوان الخبر  \nالنص", encoding="utf-8")
    [document], _ = _read(path)
    assert document.id == "000_2ce8f3876ecb932f"
    assert document.title == "عنوان الخبر"
    assert (document.direction, document.language) == ("rtl", "ar")
    assert document.source == "000_2ce8f3876ecb932f.txt"


def test_direction_comes_from_the_first_strong_character() -> None:
    assert text_direction("123 «Reuters» قال") == "ltr"
    assert text_direction("\u200f123 Reuters قال") == "rtl"  # RLM is strong (R)
    assert text_direction("\u200e123 قال") == "ltr"  # and LRM too (L)
    assert text_direction("2024 - ") == "ltr"
    assert text_direction("") == "ltr"


def test_english_text_is_ltr_und(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text("Reuters said", encoding="utf-8")
    [document], _ = _read(path)
    assert (document.direction, document.language) == ("ltr", "und")


def test_xml_illegal_characters_are_refused_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("سطر\r\nنص\x1aهنا\n", encoding="utf-8", newline="")
    documents, problems = _read(path)
    assert documents == []
    [error] = problems.errors
    assert str(error).startswith(f"{path}:2:3: ")
    assert error.code == "E140" and error.params["char"] == "001A"


def test_replace_invalid_keeps_offsets_and_counts(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("a\x00b\x1ac\ufffe", encoding="utf-8")
    [document], problems = _read(path, replace_invalid=True)
    assert document.text == "a\ufffdb\ufffdc\ufffd"
    [warning] = problems.warnings
    assert warning.code == "E149" and warning.params["count"] == 3
    assert not problems.errors


@pytest.mark.shared
def test_saudinewsnet_articles_with_u001a(corpora_dir: Path, tmp_path: Path) -> None:
    articles = json.loads((corpora_dir / "saudinewsnet" / "2015-08-01.json")
                          .read_text(encoding="utf-8"))
    with_sub = [a["content"] for a in articles if "\x1a" in a["content"]]
    assert len(with_sub) == 4
    for number, content in enumerate(with_sub):
        path = tmp_path / f"art{number}.txt"
        path.write_text(content, encoding="utf-8", newline="")
        assert _read(path)[0] == []
        [document], _ = _read(path, replace_invalid=True)
        assert document.text == content.replace("\x1a", "\ufffd")


@pytest.mark.parametrize(("name", "expected"), [
    ("000_2ce8f3876ecb932f.txt", "000_2ce8f3876ecb932f"),
    ("dir/article 7 (copy).TXT", "article_7_copy"),
    ("x.tei.xml", "x"),
    (".hidden.txt", "hidden"),
    ("_x_.txt", "_x_"),
    ("تقرير صحفي.txt", "تقرير_صحفي"),
    ("مَقالٌ.txt", "مقال"),
    ("...txt", "doc"),
])
def test_document_ids_from_file_names(name: str, expected: str) -> None:
    assert doc_id_from_path(name) == expected


def test_safe_id_is_idempotent() -> None:
    for value in ("a b", "??", "x/y", "a..b", "_x_", "١٢٣"):
        once = safe_id(value)
        assert safe_id(once) == once
        assert once and all(ch.isalnum() or ch in "._-" for ch in once)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=20))
def test_any_name_gives_a_usable_id(name: str) -> None:
    made = safe_id(name)
    assert safe_id(made) == made
    assert Document(made, "").id == made
    assert not made.startswith(".")
