"""Writing one document as a TEI P5 file with standoff annotations (profile: docs/FORMAT.md).

The file is produced by a streaming writer (string pieces, not an lxml tree): it is faster
than building a tree, uses little memory on big documents, and keeps the body's text
character for character — CR as ``&#13;`` so that XML's line-end normalisation cannot touch it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import compress, groupby, repeat
from operator import attrgetter, eq, is_
from pathlib import Path
from typing import NamedTuple

from annotator import __version__
from annotator.atomic import atomic_writer
from annotator.errors import FormatError
from annotator.gcpause import CollectorPaused
from annotator.model import Annotation, Document, Link
from annotator.tagset import TagSet, default_tagset
from annotator.tei_standoff import ListText, StandoffSource
from annotator.xmlchars import check_xml_text

TEI_NS = "http://www.tei-c.org/ns/1.0"
TEXT_ID = "text"
GOLD_LAYER = "gold"
STATUS_CHANGE = "status"

_LINE_CONTENT = re.compile(r"[^\r\n]+")
_NAME_CHAR = re.compile(r"[^\w.\-]", re.UNICODE)
_XSD_DATETIME = re.compile(
    r"^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")
_XML_NAME = re.compile(r"^[^\W\d][\w.\-]*$", re.UNICODE)


def escape_text(value: str) -> str:
    """Escape character data; CR becomes ``&#13;`` so that parsers keep it."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    return value


def escape_attr(value: str) -> str:
    """Escape an attribute value (quotes and whitespace characters that would be normalised)."""
    value = escape_text(value)
    for char, ref in (('"', "&quot;"), ("\n", "&#10;"), ("\t", "&#9;")):
        if char in value:
            value = value.replace(char, ref)
    return value


def paragraphs(text: str) -> list[tuple[int, str]]:
    """``(start offset, line)`` for every line holding more than spaces and tabs.

    Lines are separated by CR LF, CR or LF; lines of only spaces and tabs, and the line
    breaks themselves, stay between paragraphs as whitespace of the enclosing ``div``.
    """
    if "\r" in text:
        return [(match.start(), match.group()) for match in _LINE_CONTENT.finditer(text)
                if match.group().strip(" \t")]
    found = []
    offset = 0
    for line in text.split("\n"):  # the common case, much faster than a regex over the text
        if line.strip(" \t"):
            found.append((offset, line))
        offset += len(line) + 1
    return found


class _Ids:
    """Unique xml:id values built from arbitrary names with a fixed prefix."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.by_name: dict[str, str] = {}
        self._used: set[str] = set()

    def __call__(self, name: str) -> str:
        known = self.by_name.get(name)
        if known is not None:
            return known
        base = self.prefix + (_NAME_CHAR.sub("_", name) or "_")
        candidate, n = base, 1
        while candidate in self._used:
            n += 1
            candidate = f"{base}_{n}"
        self._used.add(candidate)
        self.by_name[name] = candidate
        return candidate


def _header(document: Document, tagset: TagSet, people: _Ids, tags: _Ids,
            times: dict[str, str]) -> Iterator[str]:
    yield "  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n"
    yield f"        <title>{escape_text(document.title)}</title>\n"
    for name in people.by_name:
        yield (f'        <respStmt xml:id="{people.by_name[name]}"><resp>annotation</resp>'
               f"<name>{escape_text(name)}</name></respStmt>\n")
    yield "      </titleStmt>\n"
    yield ("      <publicationStmt>\n        <p>Annotations made with arabic-news-annotator "
           f"{__version__}; not published.</p>\n      </publicationStmt>\n")
    yield "      <sourceDesc>\n        <bibl>\n"
    yield f'          <idno type="document">{escape_text(document.id)}</idno>\n'
    if document.source:
        yield f'          <idno type="source-file">{escape_text(document.source)}</idno>\n'
    yield f'          <idno type="sha256">{document.sha256}</idno>\n'
    yield f'          <idno type="characters">{len(document.text)}</idno>\n'
    yield "        </bibl>\n      </sourceDesc>\n    </fileDesc>\n"
    yield "    <encodingDesc>\n      <tagsDecl>\n"
    yield ('        <rendition xml:id="rend.rtl" scheme="css">direction: rtl;</rendition>\n'
           '        <rendition xml:id="rend.ltr" scheme="css">direction: ltr;</rendition>\n')
    yield "      </tagsDecl>\n      <classDecl>\n"
    yield f'        <taxonomy xml:id="tagset" n="{escape_attr(tagset.name)}">\n'
    kinds: dict[str, list[str]] = {}
    for label in tags.by_name:
        kinds.setdefault(tagset.get(label).kind, []).append(label)
    for number, (kind, labels) in enumerate(kinds.items(), 1):
        kind_id = "kind." + (_NAME_CHAR.sub("_", kind) or "_") + f"_{number}"
        yield (f'          <category xml:id="{kind_id}" n="{escape_attr(kind)}">'
               f"<catDesc>{escape_text(kind)}</catDesc>\n")
        for label in labels:
            spec = tagset.get(label)
            yield (f'            <category xml:id="{tags.by_name[label]}" '
                   f'n="{escape_attr(label)}">'
                   f'<catDesc xml:lang="en">{escape_text(spec.en or label)}</catDesc>'
                   f'<catDesc xml:lang="ar">{escape_text(spec.ar or label)}</catDesc>'
                   "</category>\n")
        yield "          </category>\n"
    yield "        </taxonomy>\n      </classDecl>\n    </encodingDesc>\n"
    yield "    <profileDesc>\n      <langUsage>\n"
    yield (f'        <language ident="{escape_attr(document.language or "und")}">'
           f"{escape_text(document.language or 'und')}</language>\n")
    yield "      </langUsage>\n    </profileDesc>\n"
    if document.status or times:
        yield "    <revisionDesc>\n"
        for name, status in document.status.items():
            yield (f'      <change type="{STATUS_CHANGE}" who="#{people(name)}">'
                   f"{escape_text(status)}</change>\n")
        yield "".join(f'      <change xml:id="{time_id}" when="{when}"/>\n'
                      for when, time_id in times.items())
        yield "    </revisionDesc>\n"
    yield "  </teiHeader>\n"


def _text_open(document: Document) -> str:
    """The ``<text>`` element up to where the text itself begins."""
    direction = "rtl" if document.direction != "ltr" else "ltr"
    language = escape_attr(document.language or "und")
    return (f'<text xml:lang="{language}" rendition="#rend.{direction}">\n    <body>\n'
            f'      <div xml:id="{TEXT_ID}">')


_TEXT_CLOSE = "</div>\n    </body>\n  </text>"


def _body(document: Document, paras: list[tuple[int, str]]) -> Iterator[str]:
    yield "  " + _text_open(document)
    text = document.text
    position = 0
    for number, (start, line) in enumerate(paras, 1):
        if start > position:
            yield escape_text(text[position:start])
        yield f'<p xml:id="p{number}">{escape_text(line)}</p>'
        position = start + len(line)
    if position < len(text):
        yield escape_text(text[position:])
    if not paras:
        yield '<p xml:id="p1"/>'
    yield _TEXT_CLOSE + "\n"


def _when(kind: str, value: str) -> str:
    if _XSD_DATETIME.match(value):
        return f'<change type="{kind}" when="{value}"/>'
    return f'<change type="{kind}">{escape_text(value)}</change>'


def time_id(value: str) -> str:
    """The xml:id of the header ``<change>`` for a timestamp: derived from the value itself, so
    that an annotation's rendering does not depend on the other annotations."""
    return "when." + value.replace(":", "_").replace("+", "p")


def _time_ids(annotations: Iterable[Annotation]) -> dict[str, str]:
    """An xml:id for every distinct creation/modification time that can go in the header."""
    values = set(map(_CREATED, annotations))
    values.update(map(_MODIFIED, annotations))
    return {value: time_id(value) for value in sorted(values) if _XSD_DATETIME.match(value)}


class _Parts:
    """Pieces many annotations share, checked and rendered once per save: link roles, and
    feature structures by attribute set."""

    def __init__(self) -> None:
        self.roles: dict[str, str] = {}
        self.features: dict[tuple[tuple[str, str], ...], str] = {}

    def pointer(self, link: Link, annotation: Annotation) -> str:
        role = self.roles.get(link.role)
        if role is None:
            if not link.role or any(ch.isspace() for ch in link.role):
                raise FormatError(f"annotation {annotation.id}: link role {link.role!r} must "
                                  "be one word")
            role = self.roles[link.role] = escape_attr(link.role)
        if not _XML_NAME.fullmatch(link.target):  # it could not be an annotation's xml:id
            raise FormatError(f"annotation {annotation.id}: link target {link.target!r} is not "
                              "an annotation id")
        return f'<ptr type="{role}" target="#{link.target}"/>'

    def feature_structure(self, annotation: Annotation) -> str:
        key = tuple(annotation.attributes.items())
        known = self.features.get(key)
        if known is None:
            features = []
            for name, value in key:
                for text in (name, value):
                    check_xml_text(text, what=f"annotation {annotation.id}")
                element = (f'name="{name}"' if _XML_NAME.match(name)
                           else f'name="attribute" n="{escape_attr(name)}"')
                features.append(f"<f {element}><string>{escape_text(value)}</string></f>")
            known = '<note type="attributes"><fs>' + "".join(features) + "</fs></note>"
            self.features[key] = known
        return known


def _change_attribute(created: str, modified: str, times: dict[str, str]) -> str | None:
    """`` change="#…"`` for these times, or None when the header does not hold both."""
    if created not in times or modified not in times:
        return None
    change = times[created] if created == modified else f"{times[created]} #{times[modified]}"
    return f' change="#{change}"'


def _annotation_tail(annotation: Annotation, times: dict[str, str], parts: _Parts) -> str:
    """What follows ``ana="…"``: the time references and any children, closing the element."""
    created, modified = annotation.created, annotation.modified
    children = []
    head = _change_attribute(created, modified, times)
    if head is None:
        head = ""
        for value in (created, modified):
            if value:
                check_xml_text(value, what=f"annotation {annotation.id}")
        if created or modified:
            children.append("<revisionDesc>" + (_when("created", created) if created else "")
                            + (_when("modified", modified) if modified else "") + "</revisionDesc>")
    for link in annotation.links:
        children.append(parts.pointer(link, annotation))
    if annotation.attributes:
        children.append(parts.feature_structure(annotation))
    if annotation.note:
        check_xml_text(annotation.note, what=f"annotation {annotation.id}")
        children.append(f'<note type="comment">{escape_text(annotation.note)}</note>')
    if children:
        return head + ">" + "".join(children) + "</annotation>\n"
    return head + "/>\n"


_LAYER_KEY = attrgetter("layer", "annotator")
_CREATED, _MODIFIED = attrgetter("created"), attrgetter("modified")
_ANNOTATOR, _LABEL = attrgetter("annotator"), attrgetter("label")
# A document keeps the standOff of the file it was read from, then of its last save
# (tei_standoff.StandoffSource): runs of annotations that are still the very objects written
# there are copied from it, not rendered again.
SOURCE_ATTRIBUTE = "_tei_standoff_source"


def _anchors_match(source: StandoffSource, document: Document,
                   paras: list[tuple[int, str]]) -> bool:
    """True when the source's paragraph ids stand where the writer puts them in this text."""
    if source.anchors_checked_for is not document.text:
        expected = {TEXT_ID: 0}
        expected.update((f"p{number}", start) for number, (start, _) in enumerate(paras, 1))
        if not paras:
            expected["p1"] = len(document.text)
        source.anchors_match = source.anchors == expected
        source.anchors_checked_for = document.text
    return source.anchors_match


def _copyable(source: StandoffSource, document: Document, paras: list[tuple[int, str]],
              categories: dict[str, str]) -> bool:
    """True when the file's anchors, category ids and time ids are the ones written now, so
    that its annotations' text means the same in the new file."""
    if not _anchors_match(source, document, paras):
        return False
    if source.times_match is None:
        source.times_match = all(time_id(value) == key and _XSD_DATETIME.match(value)
                                 for key, value in source.times.items())
    return (source.times_match and bool(source.categories)
            and all(categories.get(label) == category
                    for label, category in source.categories.items()))


class _Renderer:
    """Renders annotations as ``<annotation>`` lines."""

    def __init__(self, layout: _Layout, categories: dict[str, str],
                 times: dict[str, str]) -> None:
        self.categories = categories
        self.times = times
        self.parts = _Parts()
        self.starts, self.anchor_ids = layout.starts, layout.anchor_ids
        self.anchor_starts = layout.anchor_starts
        # (created, modified) -> the end of an annotation with no children and those times,
        # or None when the header cannot hold them
        self.empty_tails: dict[tuple[str, str], str | None] = {}

    def render(self, annotations: Iterable[Annotation]) -> list[str]:
        """The lines of ``annotations``, in order."""
        lines: list[str] = []
        append = lines.append
        categories, empty_tails, times = self.categories, self.empty_tails, self.times
        starts, anchor_ids, anchor_starts = self.starts, self.anchor_ids, self.anchor_starts
        for annotation in annotations:
            when = (annotation.created, annotation.modified)
            tail = empty_tails.get(when, _UNSEEN)
            if tail is _UNSEEN:
                change = _change_attribute(*when, times)
                tail = empty_tails[when] = None if change is None else change + "/>\n"
            if tail is None or annotation.links or annotation.attributes or annotation.note:
                tail = _annotation_tail(annotation, times, self.parts)
            start = annotation.start
            index = bisect_right(starts, start)
            append(f'      <annotation xml:id="{annotation.id}" target="#string-range('
                   f'{anchor_ids[index]},{start - anchor_starts[index]},{annotation.end - start})'
                   f'" ana="#{categories[annotation.label]}"{tail}')
        return lines


_UNSEEN = ""  # not a value of _Renderer.empty_tails (str or None), compared by identity


def _copied_or_rendered(members: list[Annotation], key: tuple[str, str],
                        source: StandoffSource, renderer: _Renderer) -> list[str]:
    """The lines of one list: runs of annotations still as in the source copied from its
    text, the others rendered."""
    first, stop = source.lists[key][:2]
    originals = source.annotations
    if stop - first == len(members) and all(map(is_, members, originals[first:stop])):
        return ["      " + source.run(first, stop, key) + "\n"]  # the whole list as before
    pieces: list[str] = []
    following = run = first  # the source's annotation expected next; where the run began
    for annotation in members:
        if following < stop and originals[following] is annotation:
            following += 1  # the run of annotations copied from the source goes on
            continue
        if run < following:
            pieces.append("      " + source.run(run, following, key) + "\n")
        if following < stop and originals[following].id == annotation.id:
            following += 1  # an edited annotation: render it, then copy on after it
        else:
            known = source.position(annotation)
            if first <= known < stop:
                run, following = known, known + 1
                continue
        run = following
        pieces += renderer.render((annotation,))
    if run < following:
        pieces.append("      " + source.run(run, following, key) + "\n")
    return pieces


def _layers(annotations: list[Annotation]) -> dict[tuple[str, str], list[Annotation]]:
    """The annotations of each ``(layer, annotator)``, in order of first appearance.

    A document read from a file holds each list's annotations together: a few long runs.
    When annotators alternate instead (a document built in memory), the runs are cut short
    and each ``(layer, annotator)`` is gathered by a pass in C over all annotations."""
    layers: dict[tuple[str, str], list[Annotation]] = {}
    for number, (key, run) in enumerate(groupby(annotations, _LAYER_KEY)):
        if number == 64:
            break
        members = layers.get(key)
        if members is None:
            layers[key] = list(run)
        else:
            members.extend(run)
    else:
        return layers
    keys = list(map(_LAYER_KEY, annotations))
    distinct = dict.fromkeys(keys)
    if len(distinct) <= 16:
        return {key: list(compress(annotations, map(eq, keys, repeat(key)))) for key in distinct}
    layers = {}
    for key, annotation in zip(keys, annotations, strict=True):
        layers.setdefault(key, []).append(annotation)
    return layers


def _standoff(document: Document, layout: _Layout, people: _Ids,
              tags: _Ids, times: dict[str, str]) -> Iterator[str]:
    """The standOff.  What it writes becomes the document's source for the next save, so
    that each annotation is rendered once and then copied while it stays unchanged."""
    layers = _layers(list(document.annotations))
    if not layers:
        return
    renderer = _Renderer(layout, tags.by_name, times)
    source: StandoffSource | None = vars(document).get(SOURCE_ATTRIBUTE)
    if source is not None and not _copyable(source, document, layout.paras, tags.by_name):
        source = None
    written: list[Annotation] = []
    lists: dict[tuple[str, str], ListText] = {}
    yield "  <standOff>\n"
    for key, members in layers.items():
        layer, annotator = key
        if layer and any(ch.isspace() for ch in layer):
            raise FormatError(f"layer {layer!r} must be one word")
        kind = f' type="{escape_attr(layer)}"' if layer else ' type="annotator"'
        yield f'    <listAnnotation{kind} resp="#{people(annotator)}">\n'
        if source is not None and key in source.lists:
            text = "".join(_copied_or_rendered(members, key, source, renderer))
        else:
            text = "".join(renderer.render(members))
        yield text
        lists[key] = ListText(len(written), len(written) + len(members), text,
                              max(text.find("<"), 0), len(text))
        written += members
        yield "    </listAnnotation>\n"
    yield "  </standOff>\n"
    setattr(document, SOURCE_ATTRIBUTE, StandoffSource(
        written, lists, dict(tags.by_name), {}, {}, anchors_checked_for=document.text,
        anchors_match=True, times_match=True))


_LAYOUT = "_tei_layout"


class _Layout(NamedTuple):
    """A text's paragraphs, and for each paragraph index (``bisect_right`` of an offset in
    ``starts``: 0 before the first paragraph) the id a pointer names and where it begins."""

    paras: list[tuple[int, str]]
    starts: list[int]
    anchor_ids: list[str]
    anchor_starts: list[int]


def _checked_layout(document: Document) -> _Layout:
    """The text's layout, after checking that XML can carry it (unless it was read from an
    XML file); both done once per text."""
    known = vars(document).get(_LAYOUT)
    if known is not None and known[0] is document.text:
        return known[1]  # type: ignore[no-any-return]
    if _read_from_file(document) is None:
        check_xml_text(document.text, what=f"document {document.id} text")
    paras = paragraphs(document.text)
    starts = [start for start, _ in paras]
    layout = _Layout(paras, starts,
                     [TEXT_ID, *(f"p{number}" for number in range(1, len(paras) + 1))],
                     [0, *starts])
    setattr(document, _LAYOUT, (document.text, layout))
    return layout


_BODY = "_tei_body"


def _body_bytes(document: Document, paras: list[tuple[int, str]]) -> bytes:
    """The ``<text>`` element, encoded once per text, direction and language: as the file the
    document was read from has it when that is what would be written, else rendered."""
    key = (document.text, document.direction, document.language)
    known = vars(document).get(_BODY)
    if known is not None and known[0][0] is key[0] and known[0][1:] == key[1:]:
        return known[1]  # type: ignore[no-any-return]
    data = _body_as_read(document, paras) or "".join(_body(document, paras)).encode("utf-8")
    setattr(document, _BODY, (key, data))
    return data


def _read_from_file(document: Document) -> StandoffSource | None:
    """The source of a document whose text was read from a file of this tool, if it was."""
    source: StandoffSource | None = vars(document).get(SOURCE_ATTRIBUTE)
    return source if source is not None and source.text is document.text else None


def _body_as_read(document: Document, paras: list[tuple[int, str]]) -> bytes | None:
    """The file's own ``<text>`` element, when it opens and closes as the writer's would and
    holds only the writer's paragraphs: then it reads back as the same text and anchors."""
    source = _read_from_file(document)
    if source is None or source.body is None or not _anchors_match(source, document, paras):
        return None
    head, tail = _text_open(document).encode(), _TEXT_CLOSE.encode()
    body = source.body.rstrip(b" \t\r\n")
    if (not body.startswith(head) or not body.endswith(tail)
            or body.count(b"<", len(head), len(body) - len(tail)) != (2 * len(paras) or 1)):
        return None  # another <text>, or something besides the paragraphs in it
    return b"  " + body + b"\n"


def tei_chunks(document: Document, tagset: TagSet | None = None) -> Iterator[bytes]:
    """The TEI file of ``document`` as a sequence of UTF-8 pieces."""
    layout = _checked_layout(document)
    for value in (document.title, document.source, document.id, *document.status,
                  *document.status.values()):
        check_xml_text(value, what=f"document {document.id} metadata")
    tagset = tagset or default_tagset()
    people, tags = _Ids("resp."), _Ids("tag.")
    annotations = document.annotations
    for name in dict.fromkeys(map(_ANNOTATOR, annotations)):
        people(name)
    for label in dict.fromkeys(map(_LABEL, annotations)):
        tags(label)
    for name in document.status:
        people(name)
    for label in tagset.labels:
        tags(label)
    times = _time_ids(annotations)
    yield (f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="{TEI_NS}">\n'
           + "".join(_header(document, tagset, people, tags, times))).encode("utf-8")
    yield _body_bytes(document, layout.paras)
    for piece in _standoff(document, layout, people, tags, times):
        yield piece.encode("utf-8")
    yield b"</TEI>\n"


def tei_bytes(document: Document, *, tagset: TagSet | None = None) -> bytes:
    """The TEI file of ``document`` as UTF-8 bytes."""
    with CollectorPaused():  # rendering allocates many small objects and frees none
        return b"".join(tei_chunks(document, tagset))


def save_tei(document: Document, path: str | Path, *, tagset: TagSet | None = None) -> None:
    """Write ``document`` to ``path`` atomically; a failure leaves any previous file intact."""
    data = tei_bytes(document, tagset=tagset)  # build fully before touching the disk
    with atomic_writer(path) as stream:
        stream.write(data)
