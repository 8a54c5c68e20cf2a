"""Inline TEI export: valid against tei_all, text kept exactly, crossing spans fragmented."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from annotator.formats import ExportOptions, Problems
from annotator.formats.tei_inline import (
    TEI_NS,
    document_to_tei_inline,
    paragraph_ranges,
    write_tei_inline,
)
from annotator.model import Document, Link

NS = {"t": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

TEXT = ("قال الرئيس محمد: «سنبني المدارس في بيروت» اليوم 👍🏽.\r\n"
        "   \n"
        "وأكد حزب الله أن الاقتصاد ينمو في لبنان.\n")


def body_text(root: etree._Element) -> str:
    return "".join(root.find("t:text/t:body", NS).itertext())


def fragments_text(root: etree._Element, ann_id: str) -> str:
    """The text of an annotation's element and of every fragment after it, via @next."""
    by_id = {e.get(XML_ID): e for e in root.iter() if e.get(XML_ID)}
    element, found = by_id[ann_id], []
    while element is not None:
        found.append("".join(element.itertext()))
        following = element.get("next")
        element = by_id[following[1:]] if following else None
    return "".join(found)


def news() -> Document:
    document = Document("news", TEXT, title="خبر")

    def span(word: str, label: str, **kwargs: object):
        start = TEXT.index(word)
        return document.annotate(start, start + len(word), label, **kwargs)

    speaker = span("الرئيس محمد", "PER")
    span("محمد", "PERS")  # nested, same end
    span("«سنبني المدارس في بيروت»", "QUOTE", attributes={"type": "direct"},
         links=[Link("speaker", speaker.id)])
    span("بيروت» اليوم", "GPE")  # crosses the quote's end
    party = span("حزب الله", "ORG")
    span("الاقتصاد ينمو", "CLAIM", links=[Link("claimant", party.id)])
    span("لبنان", "MISC")
    span("لبنان", "EVENTX")  # same extent, unknown label
    start = TEXT.index("👍🏽")
    document.annotate(start, TEXT.index("حزب") + 3, "TOPIC")  # over the blank line
    return document


def test_inline_tei_is_valid_and_keeps_the_text(tei_schema, tmp_path: Path) -> None:
    options = ExportOptions()
    write_tei_inline([news()], tmp_path, options)
    tree = etree.parse(str(tmp_path / "news.xml"))
    assert tei_schema.validate(tree), tei_schema.error_log
    root = tree.getroot()
    assert body_text(root) == TEXT
    assert not options.problems.warnings
    said = root.find(".//t:said", NS)
    assert said.get("direct") == "true" and said.get("who") == "#a1"
    assert root.find(".//t:persName[@type='PERS']", NS).text == "محمد"
    assert root.find(".//t:rs[@type='MISC']", NS) is not None
    assert root.find(".//t:rs[@type='EVENTX']", NS) is not None
    assert root.find(".//t:seg[@type='claim']", NS).text == "الاقتصاد ينمو"
    assert root.find(".//t:link[@type='claimant']", NS).get("target") == "#a6 #a5"
    gpe = root.findall(".//t:placeName[@type='GPE']", NS)
    assert [g.get(XML_ID) for g in gpe] == ["a4", "a4.2"]
    assert gpe[0].get("next") == "#a4.2" and gpe[1].get("prev") == "#a4"
    assert fragments_text(root, "a4") == "بيروت» اليوم"
    # the span over the blank line: one fragment a paragraph, the line breaks left out
    assert fragments_text(root, "a9") == "👍🏽.وأكد حزب"


def test_empty_and_blank_documents_are_valid(tei_schema) -> None:
    for text in ("", " \n\t\n"):
        root = document_to_tei_inline(Document("d", text))
        assert tei_schema.validate(etree.ElementTree(root)), tei_schema.error_log
        assert body_text(root) == text


def test_span_over_whitespace_only_is_reported() -> None:
    document = Document("d", "أ\n\nب")
    document.annotate(1, 3, "PER")
    problems = Problems()
    document_to_tei_inline(document, problems=problems)
    assert problems.warnings[0].code == "E470"


def test_paragraph_ranges_skip_blank_lines() -> None:
    assert paragraph_ranges("أ\r\n \nب ج\n") == [(0, 1), (5, 8)]


_LABELS = st.sampled_from(["PER", "ORG", "LOC", "GPE", "MISC", "QUOTE", "CLAIM", "X"])


@st.composite
def _documents(draw: st.DrawFn) -> Document:
    text = draw(st.text(st.sampled_from(list("ابت ج\n😀«»&<")), min_size=1, max_size=30))
    document = Document("d", text)
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        document.annotate(start, end, draw(_LABELS))
    ids = document.annotations.ids()
    for annotation in list(document.annotations):
        if ids and draw(st.booleans()):
            document.annotations.replace(annotation.with_changes(
                links=(Link(draw(st.sampled_from(["speaker", "claimant"])),
                            draw(st.sampled_from(ids))),)))
    return document


@settings(max_examples=60, deadline=None)
@given(_documents())
def test_any_document_gives_valid_inline_tei_with_every_span(tei_schema,
                                                             document: Document) -> None:
    problems = Problems()
    root = document_to_tei_inline(document, problems=problems)
    tree = etree.ElementTree(etree.fromstring(etree.tostring(root)))
    assert tei_schema.validate(tree), tei_schema.error_log
    root = tree.getroot()
    assert body_text(root) == document.text
    placed = {e.get(XML_ID) for e in root.iter() if e.get(XML_ID)}
    paragraphs = paragraph_ranges(document.text)
    for annotation in document.annotations:
        inside = "".join(document.text[max(annotation.start, s):min(annotation.end, e)]
                         for s, e in paragraphs if s < annotation.end and e > annotation.start)
        if inside:
            assert fragments_text(root, annotation.id) == inside
        else:
            assert annotation.id not in placed
    assert len(problems.warnings) == sum(
        1 for a in document.annotations if a.id not in placed)
