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
``<link type="ROLE" target="#from #to"/>``.  Attributes (a claim's ``checkworthy``, a
quote's ``type`` too) go to ``<back>`` as a feature structure ``<fs type="attributes"
xml:id="ID.attributes"><f name="KEY"><string>VALUE</string></f></fs>`` that every fragment
points to with ``@ana`` (a key that is not an XML name: ``<f name="attribute" n="KEY">``), and
a note as ``<note type="comment" target="#ID">``.  :func:`read_tei_inline` reads such a file
back with its spans, links, attributes and notes.

Spans that cannot nest (crossing spans, spans over a line break) are split into fragments,
never dropped: fragments after the first get the ids ``<id>.2``, ``<id>.3`` ... and are
chained with ``@next``/``@prev``.  Where spans share a start, the longer one is outside;
with the same extent, quotes and claims go outside entities.  A span covering nothing but
the whitespace between paragraphs has no place in the markup and is reported in
``ExportOptions.problems``.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from lxml import etree

from annotator.atomic import AtomicBatch
from annotator.docid import fragment_ids
from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, FormatError
from annotator.formats import Dropped, ExportOptions, ImportOptions, Problems
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
_XML_NAME = re.compile(r"^[^\W\d][\w.\-]*$")


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
        said = {"direct": direct} if direct else {}
        if label != "QUOTE":  # said has no @type: a quote label of the project's own in @ana
            said["ana"] = f"#tag.{label}"
        return "said", said
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
                           problems: Problems | None = None,
                           dropped: Dropped | None = None) -> etree._Element:
    """The inline TEI tree of one document (see the module docstring); the links of spans
    with no place in the markup are counted in ``dropped``."""
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
    if dropped is not None:
        starts = [start for start, _ in paragraphs]
        for ann in annotations:
            if ann.id in fragments and not (_in_paragraph(ann.start, paragraphs, starts)
                                            and _in_paragraph(ann.end - 1, paragraphs, starts)):
                dropped.add("span edges in the space between paragraphs (read back without "
                            "that space)")
            for link in ann.links:
                if ann.id not in fragments or link.target not in fragments:
                    dropped.add(f"{link.role} links of spans with no place in the markup")
    back = _links(text_element, annotations, fragments, tagset)
    _attributes_and_notes(text_element, back, annotations, fragments)
    return root


def _in_paragraph(position: int, paragraphs: list[tuple[int, int]], starts: list[int]) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and position < paragraphs[index][1]


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
           fragments: dict[str, list[etree._Element]], tagset: TagSet
           ) -> etree._Element | None:
    """Speakers as ``@who``, other links in ``<back><linkGrp>``; the ``<back>`` if made."""
    group = None
    back = None
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
            assert group is not None
            etree.SubElement(group, _T + "link", type=link.role,
                             target=f"#{ann.id} #{link.target}")
        if speakers:
            for element in fragments[ann.id]:
                element.set("who", " ".join(speakers))
    return back


def _attributes_and_notes(text_element: etree._Element, back: etree._Element | None,
                          annotations: list[Annotation],
                          fragments: dict[str, list[etree._Element]]) -> None:
    """Each placed annotation's attributes as an ``<fs>`` its fragments point to with
    ``@ana``, and its note as a ``<note>`` pointing to it, in ``<back>``."""
    used = {element.get(_XML_ID) for elements in fragments.values() for element in elements}
    for ann in annotations:
        if ann.id not in fragments or not (ann.attributes or ann.note):
            continue
        if back is None:
            back = etree.SubElement(text_element, _T + "back")
        if ann.attributes:
            fs_id = f"{ann.id}.attributes"
            while fs_id in used:
                fs_id += "_"
            used.add(fs_id)
            fs = etree.SubElement(back, _T + "fs", type="attributes")
            fs.set(_XML_ID, fs_id)
            for name, value in ann.attributes.items():
                f = etree.SubElement(fs, _T + "f", name=name) if _XML_NAME.match(name) \
                    else etree.SubElement(fs, _T + "f", name="attribute", n=name)
                etree.SubElement(f, _T + "string").text = value
            for element in fragments[ann.id]:
                element.set("ana", " ".join(filter(None, (element.get("ana"), "#" + fs_id))))
        if ann.note:
            etree.SubElement(back, _T + "note", type="comment",
                             target="#" + ann.id).text = ann.note


def tei_inline_bytes(document: Document, *, tagset: TagSet | None = None,
                     problems: Problems | None = None, dropped: Dropped | None = None) -> bytes:
    """The inline TEI file of one document, UTF-8 with an XML declaration."""
    root = document_to_tei_inline(document, tagset=tagset, problems=problems, dropped=dropped)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def write_tei_inline(documents: Iterable[Document], out: Path, options: ExportOptions) -> None:
    """Registry writer: ``<id>.xml`` (inline TEI) for each document, in the folder ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tagset = options.tagset or default_tagset()
    with AtomicBatch() as batch:  # every file written, then flushed to disk once
        for document in documents:
            if options.layer is not None or options.labels is not None or has_other_layers(
                    document):
                document = select_layer(document, options.layer, options.labels)
            batch.write(out / f"{document.id}.xml",
                        tei_inline_bytes(document, tagset=tagset, problems=options.problems,
                                         dropped=options.dropped))


# -- reading ---------------------------------------------------------------------------------
_LABEL_OF_ELEMENT = {"persName": "PER", "orgName": "ORG", "placeName": "LOC", "said": "QUOTE"}


def _label_of(element: etree._Element) -> str:
    name = etree.QName(element).localname
    kind = element.get("type", "")
    if name == "seg" and kind == "claim":
        return element.get("subtype") or "CLAIM"
    if name in ("rs", "seg"):
        return kind
    for pointer in element.get("ana", "").split():
        if name == "said" and pointer.startswith("#tag."):
            return pointer[len("#tag."):]
    return kind or _LABEL_OF_ELEMENT.get(name, "")


def _features_of(element: etree._Element,
                 features: dict[str, dict[str, str]]) -> dict[str, str]:
    """The attributes of the feature structure ``element``'s ``@ana`` points to."""
    for pointer in element.get("ana", "").split():
        found = features.get(pointer.lstrip("#"))
        if found is not None:
            return dict(found)
    return {}


def _walk(element: etree._Element, offset: int, pieces: list[str],
          found: list[tuple[etree._Element, int, int]]) -> int:
    """Append ``element``'s character content to ``pieces`` from ``offset``; record every
    element with an ``xml:id`` and its ``[start, end)``; the offset after it."""
    start = offset
    if element.text:
        pieces.append(element.text)
        offset += len(element.text)
    for child in element:
        if isinstance(child.tag, str):
            offset = _walk(child, offset, pieces, found)
        if child.tail:
            pieces.append(child.tail)
            offset += len(child.tail)
    if element.get(_XML_ID) is not None:
        found.append((element, start, offset))
    return offset


def tei_inline_to_document(data: bytes, path: str, annotator: str = "") -> Document:
    """The document of one inline TEI file written by :func:`write_tei_inline`: its text
    (the body's characters), spans (fragments joined), links, attributes and notes."""
    from annotator.formats.txt import text_direction
    from annotator.model import Annotation, Link

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise FormatError(Errors.E200, detail=error.msg, path=path,
                          line=error.position[0], column=error.position[1] + 1) from None
    ns = {"t": TEI_NS}
    div = root.find("t:text/t:body/t:div", ns)
    if root.tag != _T + "TEI" or div is None:
        raise FormatError(Errors.E203, namespace=TEI_NS, path=path)
    pieces: list[str] = []
    found: list[tuple[etree._Element, int, int]] = []
    if div.text:
        pieces.append(div.text)
    offset = len(div.text or "")
    for p in div:  # paragraphs: no ids of their own
        offset = _walk(p, offset, pieces, found)
        if p.tail:
            pieces.append(p.tail)
            offset += len(p.tail)
    text = "".join(pieces)
    idno = {i.get("type"): i.text or "" for i in root.iterfind(".//t:sourceDesc//t:idno", ns)}
    title = root.findtext("t:teiHeader/t:fileDesc/t:titleStmt/t:title", "", ns)
    doc_id = idno.get("document") or Path(path).name.split(".")[0]
    document = Document(doc_id, text, "" if title == doc_id else title,
                        idno.get("source-file", ""), root.get(_XML_LANG, "und"),
                        text_direction(text))
    features: dict[str, dict[str, str]] = {}
    for fs in root.iterfind("t:text/t:back/t:fs", ns):
        values = features.setdefault(fs.get(_XML_ID, ""), {})
        for f in fs.iterfind("t:f", ns):
            name = f.get("name", "")
            values[f.get("n", name) if name == "attribute" else name] = (
                f.findtext("t:string", "", ns) or "")
    spans: dict[str, list[int]] = {}  # first fragment's id -> [start, end]
    first_of: dict[str, str] = {}
    elements: dict[str, etree._Element] = {}
    for element, start, end in sorted(found, key=lambda item: item[1]):
        element_id = element.get(_XML_ID, "")
        previous = element.get("prev", "").lstrip("#")
        head = first_of.get(previous, element_id) if previous else element_id
        first_of[element_id] = head
        if head in spans:
            spans[head][1] = max(spans[head][1], end)
        else:
            spans[head] = [start, end]
            elements[head] = element
    links: dict[str, list[Link]] = {head: [] for head in spans}
    for head, element in elements.items():
        links[head].extend(Link("speaker", who.lstrip("#"))
                           for who in element.get("who", "").split())
    for link in root.iterfind("t:text/t:back/t:linkGrp/t:link", ns):
        ends = [end.lstrip("#") for end in link.get("target", "").split()]
        if len(ends) == 2 and ends[0] in links:
            links[ends[0]].append(Link(link.get("type", ""), ends[1]))
    notes = {note.get("target", "").lstrip("#"): note.text or ""
             for note in root.iterfind("t:text/t:back/t:note", ns)}
    document.annotations.extend(
        Annotation(head, start, end, _label_of(elements[head]), annotator,
                   _features_of(elements[head], features),
                   tuple(links[head]), note=notes.get(head, ""))
        for head, (start, end) in spans.items())
    return document


def read_tei_inline(path: Path, options: ImportOptions,
                    problems: Problems) -> Iterator[Document]:
    """Registry reader: the document of one inline TEI file (see
    :func:`tei_inline_to_document`); a bad file is one error."""
    try:
        data = Path(path).read_bytes()
        yield tei_inline_to_document(data, str(path), options.annotator)
    except OSError as error:
        problems.error(FormatError(Errors.E600, reason=error.strerror or str(error),
                                   path=str(path)))
    except FormatError as error:
        problems.error(error)
    except AnnotatorError as error:
        problems.error(FormatError(error, path=str(path)))
