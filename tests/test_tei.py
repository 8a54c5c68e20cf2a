"""The TEI P5 file: exact text, standoff pointers any TEI reader can resolve, validity, safety."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree
from strategies import documents

from annotator.errors import AnnotatorError, FormatError, IntegrityError, SaveError
from annotator.model import Annotation, Document, Link, text_sha256
from annotator.tei import load_tei, read_tei, save_tei, tei_bytes
from annotator.tei_read import read_tei_bytes

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

def resolve_string_range(tree: etree._ElementTree, target: str) -> str:
    """An independent reader of TEI string-range(): the text stream from the element named by
    the id, running on through all text after it, offsets in characters, no normalisation."""
    match = re.fullmatch(r"#string-range\(([^,]+),(\d+),(\d+)\)", target)
    assert match, target
    element = tree.xpath("//*[@xml:id=$id]", id=match.group(1))[0]
    stream = "".join(element.itertext()) + "".join(
        node for node in element.xpath("following::text()")
        if node.getparent().tag not in (f"{TEI}annotation",))
    offset, length = int(match.group(2)), int(match.group(3))
    return stream[offset:offset + length]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_round_trip_is_exact(tmp_path_factory: pytest.TempPathFactory, document: Document) -> None:
    path = tmp_path_factory.mktemp("rt") / "doc.tei.xml"
    save_tei(document, path)
    loaded = load_tei(path)
    assert loaded == document
    assert loaded.text == document.text  # every character, CR and BOM included


@settings(max_examples=40, deadline=None)
@given(documents())
def test_any_tei_reader_recovers_each_span_from_the_file_alone(document: Document) -> None:
    tree = etree.ElementTree(etree.fromstring(tei_bytes(document)))
    body = tree.find(f".//{TEI}div")
    assert "".join(body.itertext()) == document.text
    for element in tree.iter(f"{TEI}annotation"):
        annotation = document.annotations[element.get(XML_ID)]
        assert resolve_string_range(tree, element.get("target")) == document.span_text(annotation)


@pytest.mark.shared
def test_files_validate_against_tei_all(tei_schema, tmp_path: Path, sample_text: str) -> None:
    document = Document("sample", sample_text, title="«قسد» تتأهب")
    start = sample_text.index("البيان")
    document.annotate(start, start + 6, "ORG", annotator="alice", note="لـ«البيان»")
    document.annotate(0, 40, "CLAIM", annotator="alice", attributes={"checkworthy": "yes"})
    quote = document.annotate(5, 30, "QUOTE", annotator="bob",
                              attributes={"type": "direct", "odd key": "v"})
    speaker = document.annotate(1, 4, "PER", annotator="bob")
    document.annotations.replace(quote.with_changes(links=(Link("speaker", speaker.id),)))
    document.annotate(2, 3, "UNKNOWN_LABEL", annotator="")
    document.annotations.add(Annotation("g1", 1, 4, "PER", "lead", created="not a date",
                                        modified="2026-12-02T10:00:00Z", layer="gold",
                                        links=(Link("source", speaker.id),)))
    document.status["alice"] = "done"
    path = tmp_path / "sample.tei.xml"
    save_tei(document, path)
    tree = etree.parse(str(path))
    assert tei_schema.validate(tree), tei_schema.error_log
    assert load_tei(path) == document


@pytest.mark.shared
@settings(max_examples=25, deadline=None)
@given(documents())
def test_random_documents_validate(tei_schema, document: Document) -> None:
    tree = etree.ElementTree(etree.fromstring(tei_bytes(document)))
    assert tei_schema.validate(tree), tei_schema.error_log


def test_text_lives_in_body_with_language_and_paragraphs() -> None:
    document = Document("d", "سطر أول\r\n\r\nسطر ثان\n   \nthird")
    tree = etree.fromstring(tei_bytes(document))
    text = tree.find(f"{TEI}text")
    assert text.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    paragraphs = tree.findall(f".//{TEI}p[@{{http://www.w3.org/XML/1998/namespace}}id]")
    assert [p.text for p in paragraphs if p.getparent().tag == f"{TEI}div"] == [
        "سطر أول", "سطر ثان", "third"]
    header = tree.find(f"{TEI}teiHeader")
    idnos = {i.get("type"): i.text for i in header.iter(f"{TEI}idno")}
    assert idnos["sha256"] == text_sha256(document.text)


def test_header_records_tagset_annotators_source_and_direction() -> None:
    document = Document("d", "نص", source="orig.txt", direction="rtl")
    document.annotate(0, 2, "PER", annotator="سارة")
    tree = etree.fromstring(tei_bytes(document))
    names = [n.text for n in tree.iter(f"{TEI}name")]
    assert names == ["سارة"]
    categories = {c.get("n") for c in tree.iter(f"{TEI}category")}
    assert {"PER", "ORG", "QUOTE", "CLAIM", "entity", "quote", "claim"} <= categories
    assert tree.find(f"{TEI}text").get("rendition") == "#rend.rtl"
    assert "orig.txt" in [i.text for i in tree.iter(f"{TEI}idno")]


def test_unknown_labels_are_kept_and_reported_in_the_taxonomy(tmp_path: Path) -> None:
    document = Document("d", "نص طويل")
    document.annotate(0, 2, "BRAND_NEW")
    save_tei(document, tmp_path / "d.tei.xml")
    result = read_tei(tmp_path / "d.tei.xml")
    assert [a.label for a in result.document.annotations] == ["BRAND_NEW"]
    assert result.taxonomy.labels["BRAND_NEW"].kind == "unknown"


def _saved(tmp_path: Path, text: str = "مصادر لـ«البيان»") -> Path:
    document = Document("d", text)
    document.annotate(9, 15, "ORG")
    path = tmp_path / "d.tei.xml"
    save_tei(document, path)
    return path


def test_changed_text_is_reported_never_reanchored(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("مصادر", "مصدر"), encoding="utf-8")
    with pytest.raises(IntegrityError) as caught:
        load_tei(path)
    assert caught.value.code == "E221" and caught.value.path == str(path)
    assert [problem.code for problem in read_tei(path).problems] == ["E221"]


def test_unresolvable_pointer_is_reported(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    data = path.read_text(encoding="utf-8").replace("string-range(p1,9,6)", "string-range(p1,9,60)")
    path.write_text(data, encoding="utf-8")
    with pytest.raises(IntegrityError) as caught:
        load_tei(path)
    assert caught.value.code == "E217"
    path.write_text(data.replace("string-range(p1,9,60)", "string-range(p9,0,1)"),
                    encoding="utf-8")
    assert [p.code for p in read_tei(path).problems] == ["E215"]
    path.write_text(data.replace("مصادر", "مصدر"), encoding="utf-8")  # and the text changed
    with pytest.raises(IntegrityError) as caught:
        load_tei(path)
    assert (caught.value.code, caught.value.params["count"]) == ("E222", 1)
    assert caught.value.params["problem"].code == "E221"
    assert str(caught.value).endswith("after annotation (and 1 more problems)")


@pytest.mark.parametrize("payload, code", [
    ('<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
     '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><TEI>&c;</TEI>', "E201"),
    ('<!DOCTYPE TEI SYSTEM "http://example.invalid/tei.dtd"><TEI/>', "E201"),
    ('<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]><TEI>&x;</TEI>', "E201"),
    ("<TEI><unclosed></TEI>", "E200"),
    ("", "E200"),
    ('<foo xmlns="http://www.tei-c.org/ns/1.0"/>', "E203"),
    ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>', "E204"),
])
def test_hostile_or_broken_files_give_one_line_errors(tmp_path: Path, payload: str,
                                                      code: str) -> None:
    path = tmp_path / "bad.tei.xml"
    path.write_text('<?xml version="1.0"?>\n' + payload if payload else "", encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        load_tei(path)
    assert caught.value.code == code
    assert "\n" not in str(caught.value)
    assert str(path) in str(caught.value)


def test_failed_save_keeps_the_previous_file(tmp_path: Path, monkeypatch) -> None:
    path = _saved(tmp_path)
    before = path.read_bytes()
    document = load_tei(path)
    document.annotate(0, 5, "PER")

    def failing_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(SaveError) as caught:
        save_tei(document, path)
    assert caught.value.code == "E606"  # save failed, previous file kept
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["d.tei.xml"]  # no temporary file left


def test_save_refuses_text_xml_cannot_carry(tmp_path: Path) -> None:
    document = Document("d", "نص\x1aآخر")
    with pytest.raises(FormatError) as caught:
        save_tei(document, tmp_path / "d.tei.xml")
    assert caught.value.code == "E140" and caught.value.params["char"] == "001A"
    assert caught.value.line == 1 and caught.value.column == 3
    assert not (tmp_path / "d.tei.xml").exists()


def test_leading_whitespace_spans_anchor_on_the_text_division(tmp_path: Path) -> None:
    document = Document("d", "\n\n  نص")
    document.annotate(0, 5, "MISC")
    save_tei(document, tmp_path / "d.tei.xml")
    assert "#string-range(text,0,5)" in (tmp_path / "d.tei.xml").read_text(encoding="utf-8")
    assert load_tei(tmp_path / "d.tei.xml") == document


def test_a_time_reference_that_does_not_resolve_is_reported(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r'change="#when\.[^"]*"', 'change="#when.missing"', text, count=1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    with pytest.raises(IntegrityError) as caught:
        load_tei(path)
    assert caught.value.code == "E212"


def test_a_link_to_something_that_cannot_be_an_id_is_refused_not_written(tmp_path: Path) -> None:
    document = Document("d", "قال الوزير")
    document.annotations.add(Annotation("a1", 0, 3, "QUOTE", links=(Link("speaker", 'x" y'),)))
    with pytest.raises(FormatError) as caught:
        save_tei(document, tmp_path / "d.tei.xml")
    assert caught.value.code == "E231" and caught.value.params["target"] == 'x" y'
    assert not (tmp_path / "d.tei.xml").exists()


def _quote_file(tmp_path: Path) -> tuple[Path, str]:
    """A file with a PER, a quote linked to it with attributes (an empty key among them)."""
    document = Document("d", "قال الوزير كلاما طويلا\nوسطر ثان")
    speaker = document.annotate(4, 10, "PER", annotator="alice")
    document.annotate(11, 16, "QUOTE", annotator="alice", links=(Link("speaker", speaker.id),),
                      attributes={"": "empty key", "type": "direct"})
    path = tmp_path / "d.tei.xml"
    save_tei(document, path)
    return path, path.read_text(encoding="utf-8")


@pytest.mark.parametrize("old, new, code", [
    ("string-range(p1,4,6)", "string-range(p1, -3,6)", "E214"),  # is not #string-range(...)
    ("string-range(p1,4,6)", "string-range(p1,+4,6)", "E214"),
    ("string-range(p1,4,6)", "string-range(p1,1_0,6)", "E214"),
    ("string-range(p1,4,6)", "string-range(p1,４,6)", "E214"),
    ("string-range(p1,4,6)", "string-range(p1,٤,6)", "E214"),
    ("string-range(p1,4,6)", "string-range(p1,4,٦)", "E214"),
    ('n="PER"', 'n=""', "E210"),  # a category with no label
    ('n="PER"', "", "E210"),
    ('<p xml:id="p2">', '<p xml:id="p1">', "E211"),  # one id, two places in the text
    ('<ptr type="speaker"', '<ptr type=""', "E218"),  # not a link role
    ('<ptr type="speaker"', '<ptr type="a b"', "E218"),
])
def test_pointers_labels_ids_and_roles_that_cannot_be_trusted_are_reported(
        tmp_path: Path, old: str, new: str, code: str) -> None:
    """Issue 10 (2, 3, 5, 6): what loads must mean what any TEI tool reads, and must save."""
    path, text = _quote_file(tmp_path)
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(IntegrityError) as caught:
        load_tei(path)
    first = caught.value.params.get("problem", caught.value)  # E222: the first of several
    assert isinstance(first, AnnotatorError) and first.code == code
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)
    loaded = read_tei(path).document  # and what does load saves
    assert read_tei(_resaved(loaded, tmp_path)).document == loaded


def _resaved(document: Document, tmp_path: Path) -> Path:
    path = tmp_path / "again.tei.xml"
    save_tei(document, path)
    return path


def test_spaces_around_pointer_numbers_are_read() -> None:
    document = Document("d", "قال الوزير")
    document.annotate(4, 10, "PER")
    data = tei_bytes(document).replace(b"string-range(p1,4,6)", b"string-range(p1, 4 , 6)")
    assert read_tei_bytes(data, "f").document == document


def test_an_empty_attribute_key_survives_a_round_trip(tmp_path: Path) -> None:
    """Issue 10 (7): it came back as "attribute"."""
    path, _ = _quote_file(tmp_path)
    quote = next(a for a in load_tei(path).annotations if a.label == "QUOTE")
    assert dict(quote.attributes) == {"": "empty key", "type": "direct"}


@pytest.mark.parametrize("name", ["bilal３", "３bilal", "ليلى٣", "x😀", "Zoë", "a·b"])
def test_ids_made_from_names_are_xml_names_for_expat_and_lxml(name: str, tmp_path: Path) -> None:
    """The writer's ids (resp.NAME, tag.LABEL) hold only characters both parsers accept in
    names: Python's \\w is wider (full-width digits, characters beyond U+FFFF)."""
    document = Document("d1", "قال الرئيس إن لبنان آمن.")
    document.annotate(4, 10, f"L{name}", annotator=name)
    path = tmp_path / "d1.tei.xml"
    save_tei(document, path)
    etree.parse(str(path))  # lxml accepts every xml:id
    again = load_tei(path)  # and so does expat
    assert again == document
