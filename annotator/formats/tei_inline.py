"""Inline TEI P5 (export only): annotations as elements around the text, valid against tei_all.

One file ``<id>.xml`` per document in the folder ``out``.  The text is the document's text
exactly: each line holding more than spaces and tabs is a ``<p>`` (as in the standoff
format), line breaks and blank lines stay between the paragraphs, so the character content
of ``<body>`` equals ``Document.text``.

Elements, from the label's kind in the tag set (:func:`annotator.tagset.default_tagset`):

- entities: ``PER`` (also ``PERS``, ``PERSON``) → ``persName``; ``ORG`` (``ORGANIZATION``) →
  ``orgName``; ``LOC``/``GPE`` (``LOCATION``) → ``placeName`` (``@type`` names the label
  when it is not the element's own: ``placeName type="GPE"``); any other entity or unknown
  label → ``rs type="LABEL"``;
- quotes → ``said`` with ``@who`` pointing to the speaker(s) and ``@direct`` from the
  ``type`` attribute (``direct`` → ``true``, ``indirect`` → ``false``);
- claims → ``seg type="claim"`` (``@subtype`` the label when it is not ``CLAIM``);
- other kinds → ``seg type="LABEL"``.

Every element has the annotation id as ``xml:id``.  Links other than a quote's speaker
(``claimant``, ``source``, ...) go to ``<back><linkGrp type="links">`` as
``<link type="ROLE" target="#from #to"/>``.  Other attributes and notes stay in the
standoff format.

Spans that cannot nest (crossing spans, spans over a line break) are split into fragments,
never dropped: fragments after the first get the ids ``<id>.2``, ``<id>.3`` ... and are
chained with ``@next``/``@prev``.  Where spans share a start, the longer one is outside;
with the same extent, quotes and claims go outside entities.  A span covering nothing but
the whitespace between paragraphs has no place in the markup and is reported in
``ExportOptions.problems``.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from annotator.atomic import atomic_write_bytes
from annotator.docid import fragment_ids
from annotator.error_catalogue import Errors
from annotator.errors import FormatError
from annotator.formats import ExportOptions, Problems
from annotator.layers import has_other_layers, select_layer
from annotator.model import Annotation, Document
from annotator.tagset import TagSet, default_tagset

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_T = f"{{{TEI_NS}}}"
_XML_ID = f"{{{XML_NS}}}id"
_XML_LANG = f"{{{XML_NS}}}lang"

ENTITY_ELEMENTS = {
    "PER": "persName", "PERS": "persName", "PERSON": "persName",
    "ORG": "orgName", "ORGANIZATION": "orgName", "ORGANISATION": "orgName",
    "LOC": "placeName", "LOCATION": "placeName", "GPE": "placeName",
}
_OWN_LABEL = {"persName": "PER", "orgName": "ORG", "placeName": "LOC"}
_OUTER_KINDS = {"quote": 0, "claim": 0}
_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")
_XML_SPACE_ONLY = re.compile(r"[ \t]*")


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every line holding more than spaces and tabs."""
    ranges = []
    offset = 0
    for piece in _LINE_BREAK.split(text):
        if piece and piece not in ("\n", "\r", "\r\n") and not _XML_SPACE_ONLY.fullmatch(piece):
            ranges.append((offset, offset + len(piece)))
        offset += len(piece)
    return ranges


def element_for(annotation: Annotation, tagset: TagSet) -> tuple[str, dict[str, str]]:
    """The TEI element name and its typing attributes for an annotation's label."""
    label = annotation.label
    kind = tagset.get(label).kind
    if kind == "quote":
        direct = {"direct": "true", "indirect": "false"}.get(annotation.attributes.get("type", ""))
        return "said", ({"direct": direct} if direct else {})
    if kind == "claim":
        return "seg", ({"type": "claim"} if label == "CLAIM"
                       else {"type": "claim", "subtype": label})
    name = ENTITY_ELEMENTS.get(label.upper())
    if name is not None and kind in ("entity", "unknown"):
        return name, ({} if _OWN_LABEL[name] == label else {"type": label})
    if kind in ("entity", "unknown"):
        return "rs", {"type": label}
    return "seg", {"type": label}


def document_to_tei_inline(document: Document, *, tagset: TagSet | None = None,
                           problems: Problems | None = None) -> etree._Element:
    """The inline TEI tree of one document (see the module docstring)."""
    tagset = tagset or default_tagset()
    problems = problems if problems is not None else Problems()
    text = document.text
    # None keys the default namespace in lxml; lxml-stubs' nsmap type leaves it out.
    root = etree.Element(_T + "TEI", nsmap={None: TEI_NS})  # type: ignore[dict-item]
    root.set(_XML_LANG, document.language or "und")
    _header(root, document)
    text_element = etree.SubElement(root, _T + "text")
    body = etree.SubElement(text_element, _T + "body")
    div = etree.SubElement(body, _T + "div", type="article")
    paragraphs = paragraph_ranges(text)
    annotations = document.annotations.sorted()
    order = {a.id: (_OUTER_KINDS.get(tagset.get(a.label).kind, 1), n)
             for n, a in enumerate(annotations)}
    fragments: dict[str, list[etree._Element]] = {}
    if not paragraphs:
        div.text = text
        etree.SubElement(div, _T + "p")
    position = 0
    previous: etree._Element | None = None
    para_index = 0
    by_start = sorted(annotations, key=lambda a: a.start)
    for start, end in paragraphs:
        gap = text[position:start]
        if previous is None:
            div.text = gap or None
        else:
            previous.tail = gap or None
        p = etree.SubElement(div, _T + "p")
        # pieces of spans that overlap this paragraph, clipped to it
        pieces = []
        while para_index < len(by_start) and by_start[para_index].end <= start:
            para_index += 1
        for ann in by_start[para_index:]:
            if ann.start >= end:
                break
            if ann.end > start:
                pieces.append((max(ann.start, start), min(ann.end, end), ann))
        _nest(p, text, start, end, pieces, order, tagset, fragments)
        previous = p
        position = end
    if previous is not None and position < len(text):
        previous.tail = text[position:]
    _link_fragments(fragments, {a.id for a in annotations})
    for ann in annotations:
        if ann.id not in fragments:
            problems.warn(FormatError(Errors.E470, document=document.id, id=ann.id,
                                      label=ann.label, start=ann.start, end=ann.end))
    _links(text_element, annotations, fragments, tagset)
    return root


def _header(root: etree._Element, document: Document) -> None:
    header = etree.SubElement(root, _T + "teiHeader")
    file_desc = etree.SubElement(header, _T + "fileDesc")
    title_stmt = etree.SubElement(file_desc, _T + "titleStmt")
    etree.SubElement(title_stmt, _T + "title").text = document.title or document.id
    publication = etree.SubElement(file_desc, _T + "publicationStmt")
    etree.SubElement(publication, _T + "p").text = (
        "Inline TEI exported by arabic-news-annotator; the standoff TEI file is the reference.")
    source = etree.SubElement(file_desc, _T + "sourceDesc")
    bibl = etree.SubElement(source, _T + "bibl")
    etree.SubElement(bibl, _T + "idno", type="document").text = document.id
    if document.source:
        etree.SubElement(bibl, _T + "idno", type="source-file").text = document.source


def _nest(p: etree._Element, text: str, start: int, end: int,
          pieces: list[tuple[int, int, Annotation]], order: dict[str, tuple[int, int]],
          tagset: TagSet, fragments: dict[str, list[etree._Element]]) -> None:
    """Fill ``p`` with ``text[start:end]`` and the pieces as nested elements, split to nest."""
    heap = [(s, -e, order[a.id], s, e, a) for s, e, a in pieces]
    heapq.heapify(heap)
    stack: list[tuple[etree._Element, int]] = [(p, end)]
    last: etree._Element | None = None  # the element whose tail gets the next text
    position = start

    def put_text(upto: int) -> None:
        nonlocal position
        if upto <= position:
            return
        chunk = text[position:upto]
        if last is None:
            parent = stack[-1][0]
            parent.text = (parent.text or "") + chunk
        else:
            last.tail = (last.tail or "") + chunk
        position = upto

    def close_until(limit: int) -> None:
        nonlocal last
        while len(stack) > 1 and stack[-1][1] <= limit:
            put_text(stack[-1][1])
            last = stack.pop()[0]

    while heap:
        _, _, _, s, e, ann = heapq.heappop(heap)
        close_until(s)
        top_end = stack[-1][1]
        if e > top_end:  # crosses the element it starts in: split at that element's end
            heapq.heappush(heap, (top_end, -e, order[ann.id], top_end, e, ann))
            e = top_end
        put_text(s)
        name, attributes = element_for(ann, tagset)
        element = etree.SubElement(stack[-1][0], _T + name, attributes)
        fragments.setdefault(ann.id, []).append(element)
        stack.append((element, e))
        last = None
    close_until(end)
    put_text(end)


def _link_fragments(fragments: dict[str, list[etree._Element]], taken: set[str]) -> None:
    used = set(taken)
    for ann_id, elements in fragments.items():
        ids = fragment_ids(ann_id, len(elements), used, ".")
        for index, element in enumerate(elements):
            element.set(_XML_ID, ids[index])
            if index:
                element.set("prev", "#" + ids[index - 1])
            if index + 1 < len(elements):
                element.set("next", "#" + ids[index + 1])


def _links(text_element: etree._Element, annotations: list[Annotation],
           fragments: dict[str, list[etree._Element]], tagset: TagSet) -> None:
    group = None
    for ann in annotations:
        if ann.id not in fragments:
            continue
        speakers = []
        for link in ann.links:
            if link.target not in fragments:
                continue
            if link.role == "speaker" and tagset.get(ann.label).kind == "quote":
                speakers.append("#" + link.target)
                continue
            if group is None:
                back = etree.SubElement(text_element, _T + "back")
                group = etree.SubElement(back, _T + "linkGrp", type="links")
            etree.SubElement(group, _T + "link", type=link.role,
                             target=f"#{ann.id} #{link.target}")
        if speakers:
            for element in fragments[ann.id]:
                element.set("who", " ".join(speakers))


def tei_inline_bytes(document: Document, *, tagset: TagSet | None = None,
                     problems: Problems | None = None) -> bytes:
    """The inline TEI file of one document, UTF-8 with an XML declaration."""
    root = document_to_tei_inline(document, tagset=tagset, problems=problems)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def write_tei_inline(documents: Iterable[Document], out: Path, options: ExportOptions) -> None:
    """Registry writer: ``<id>.xml`` (inline TEI) for each document, in the folder ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tagset = options.tagset or default_tagset()
    for document in documents:
        if options.layer is not None or options.labels is not None or has_other_layers(
                document):
            document = select_layer(document, options.layer, options.labels)
        atomic_write_bytes(out / f"{document.id}.xml",
                           tei_inline_bytes(document, tagset=tagset, problems=options.problems))
