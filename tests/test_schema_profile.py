"""The profile schema (resources/tei_profile.rng): what the writer writes passes it and tei_all;
it refuses what the tool never writes, also where tei_all would let it through."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from strategies import ALPHABET, documents

from annotator.merge import MergeOptions, merge_files
from annotator.model import Annotation, Document, Link
from annotator.schema import TEI_ALL, load_schema, profile
from annotator.tei import load_tei, save_tei, tei_bytes

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_2ce8f3876ecb932f.tei.xml"


def _assert_valid_against_both(data: bytes, tei_schema: etree.RelaxNG) -> None:
    tree = etree.ElementTree(etree.fromstring(data))
    assert profile().validate(tree), profile().error_log
    assert tei_schema.validate(tree), tei_schema.error_log


def _rich_document() -> Document:
    """Links, attributes (one key not an XML name), notes, statuses, several annotators and
    layers, a time that is not a dateTime, a span across a paragraph break."""
    text = "وعلمت «البيان» من مصادر مطلعة في دير الزور\r\n\r\nقال عمر: «غادروا» & <ok>\n  \n"
    document = Document("d1", text, title="«قسد» & <b>", source="d1.txt")
    speaker = document.annotate(text.index("عمر"), text.index("عمر") + 3, "PER",
                                annotator="alice")
    quote = document.annotate(text.index("«غادروا»"), text.index("«غادروا»") + 8, "QUOTE",
                              annotator="alice", attributes={"type": "direct", "odd key": "v"},
                              note="free & <note>")
    document.annotations.replace(quote.with_changes(links=(Link("speaker", speaker.id),)))
    document.annotate(7, 13, "ORG", annotator="بلال")
    document.annotate(20, text.index("عمر"), "CLAIM", annotator="")
    document.annotate(2, 3, "UNKNOWN_LABEL", annotator="c d")
    document.annotations.add(Annotation("g1", 7, 13, "ORG", "lead", created="not a date",
                                        modified="2026-12-02T10:00:00Z", layer="gold",
                                        links=(Link("source", "a3"),)))
    document.annotations.add(Annotation("g2", 0, 5, "PER", "lead", created="yesterday",
                                        layer="gold"))
    document.status["alice"] = "done"
    document.status["بلال"] = "in progress"
    return document


def test_a_rich_document_and_its_resave_are_valid(tei_schema, tmp_path: Path) -> None:
    path = tmp_path / "d1.tei.xml"
    document = _rich_document()
    save_tei(document, path)
    _assert_valid_against_both(path.read_bytes(), tei_schema)
    loaded = load_tei(path)  # saving again copies what is unchanged from the file
    first = next(iter(loaded.annotations))
    loaded.annotations.replace(first.with_changes(note="edited"))
    save_tei(loaded, path)
    _assert_valid_against_both(path.read_bytes(), tei_schema)


@pytest.mark.parametrize("text", ["", "\n", " \t\r\n\r", "\ufeff", "x"])
def test_empty_and_blank_documents_are_valid(tei_schema, text: str) -> None:
    _assert_valid_against_both(tei_bytes(Document("empty", text, direction="ltr")), tei_schema)


def test_many_paragraphs_are_valid(tei_schema) -> None:
    text = "\n".join(f"سطر رقم {number}" + "\n" * (number % 3) for number in range(400))
    document = Document("long", text)
    for number in range(0, len(text) - 40, 37):
        document.annotate(number, number + 30, "ORG", annotator=f"a{number % 4}")
    _assert_valid_against_both(tei_bytes(document), tei_schema)


def test_a_merged_gold_file_is_valid(tei_schema, tmp_path: Path) -> None:
    sources = []
    for name in ("alice", "bob"):
        document = Document("m", "قال عمر إن «البيان» غادرت")
        document.annotate(4, 7, "PER", annotator=name)
        document.annotate(11, 17, "ORG", annotator=name, attributes={"n": name})
        sources.append(tmp_path / f"{name}.tei.xml")
        save_tei(document, sources[-1])
    result = merge_files(sources, MergeOptions())
    _assert_valid_against_both(tei_bytes(result.document, tagset=result.tagset), tei_schema)


def test_the_bundled_sample_is_valid(tei_schema) -> None:
    _assert_valid_against_both(SEED.read_bytes(), tei_schema)


@settings(max_examples=60, deadline=None)
@given(documents(), st.sampled_from(["ar", "en", "und"]),
       st.dictionaries(st.sampled_from(["alice", "بلال", "c d"]),
                       st.text(alphabet=ALPHABET, max_size=6), max_size=2))
def test_any_document_the_writer_writes_is_valid(tei_schema, document: Document,
                                                 language: str, status: dict[str, str]) -> None:
    document.language = language
    document.status.update(status)
    _assert_valid_against_both(tei_bytes(document), tei_schema)


def test_tei_all_is_compiled_once_per_session(tei_schema) -> None:
    # The fixture, `annotator validate --schema tei_all` and any test share one compile.
    assert load_schema(TEI_ALL) is tei_schema


_ANNOTATION = ('<annotation xml:id="a2" target="#string-range(p2,9,8)" ana="#tag.QUOTE" '
               'change="#when.2026-12-02T09_00_00Z">')
# (what to replace, with what, whether tei_all accepts the result)
REFUSED = {
    "an unknown element in standOff": (
        "</standOff>", '<listPlace><place><placeName>x</placeName></place></listPlace>'
                       "</standOff>", True),
    "a TEI element inside the text": ('<p xml:id="p1">', '<p xml:id="p1"><hi>x</hi>', True),
    "a pointer that is not a string-range": (
        'target="#string-range(p2,9,8)"', 'target="#a1"', True),
    "two pointers in one target": (
        'target="#string-range(p2,9,8)"',
        'target="#string-range(p2,9,4) #string-range(p2,13,4)"', True),
    "an empty string-range": ('string-range(p2,9,8)', 'string-range(p2,9,0)', True),
    "a string-range anchored on another id": ('string-range(p2,9,8)', 'string-range(a1,9,8)',
                                              True),
    "an annotation without xml:id": ('<annotation xml:id="a2" ', "<annotation ", False),
    "a paragraph without xml:id": ('<p xml:id="p1">', "<p>", True),
    "an attribute the profile does not use": (
        '<annotation xml:id="a2" ', '<annotation xml:id="a2" n="2" ', True),
    "a label that is not a tag category": ('ana="#tag.QUOTE"', 'ana="#kind.quote_2"', True),
    "times both in @change and in the annotation": (
        _ANNOTATION, _ANNOTATION + '<revisionDesc><change type="created">x</change>'
                                   "</revisionDesc>", True),
    "a link with two targets": ('target="#a1"/>', 'target="#a1 #a3"/>', True),
    "text outside the div": ("</div>", "</div>stray", False),
    "text between the paragraphs": ("</p>", "</p>stray", False),
    "text in the standOff": ("</listAnnotation>", "</listAnnotation>stray", False),
    "a checksum that is not SHA-256": ('<idno type="sha256">', '<idno type="sha256">0', True),
    "a text direction the header does not declare": ('rendition="#rend.rtl"',
                                                     'rendition="#rend.ttb"', True),
    "a list of annotations with no annotation": (
        "</standOff>", '<listAnnotation type="annotator" resp="#resp.alice"/></standOff>',
        False),
    "elements in another order": (
        '<idno type="document">d1</idno>',
        '<idno type="characters">1</idno><idno type="document">d1</idno>', True),
}


def _good_file_bytes() -> bytes:
    document = Document("d1", "وعلمت «البيان» من مصادر مطلعة في دير الزور\n\nقال عمر: «غادروا»")
    created = "2026-12-02T09:00:00Z"
    document.annotations.add(Annotation("a1", 48, 51, "PER", "alice", created=created,
                                        modified=created))
    document.annotations.add(Annotation("a2", 53, 61, "QUOTE", "alice", {"type": "direct"},
                                        (Link("speaker", "a1"),), created, created))
    document.annotations.add(Annotation("a3", 7, 13, "ORG", "bob", created=created,
                                        modified=created))
    return tei_bytes(document)


def test_the_unchanged_file_of_the_refusal_cases_is_valid(tei_schema) -> None:
    data = _good_file_bytes()
    for old, _, _ in REFUSED.values():
        assert old.encode() in data, old
    _assert_valid_against_both(data, tei_schema)


@pytest.mark.parametrize("case", list(REFUSED))
def test_the_profile_refuses(tei_schema, case: str) -> None:
    old, new, tei_all_accepts = REFUSED[case]
    data = _good_file_bytes().decode("utf-8").replace(old, new, 1).encode("utf-8")
    tree = etree.ElementTree(etree.fromstring(data))
    assert not profile().validate(tree)
    assert tei_schema.validate(tree) is tei_all_accepts, tei_schema.error_log
