"""Writing one document as a TEI P5 file with standoff annotations (profile: docs/FORMAT.md).

The file is produced by a streaming writer (string pieces, not an lxml tree): it is faster
than building a tree, uses little memory on big documents, and keeps the body's text
character for character — CR as ``&#13;`` so that XML's line-end normalisation cannot touch it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import compress, groupby, repeat
from operator import attrgetter, eq
from pathlib import Path
from typing import NamedTuple

from annotator import __version__
from annotator.atomic import atomic_writer
from annotator.error_catalogue import Errors
from annotator.errors import FormatError
from annotator.model import Annotation, Document, Link, text_sha256
from annotator.tagset import TagSet, default_tagset
from annotator.xmlchars import NAME_CHARS, check_xml_text

TEI_NS = "http://www.tei-c.org/ns/1.0"
TEXT_ID = "text"
GOLD_LAYER = "gold"
STATUS_CHANGE = "status"

_LINE_CONTENT = re.compile(r"[^\r\n]+")
_NAME_CHAR = re.compile(f"[^{NAME_CHARS}]")  # what xml:id pieces may not hold
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
    yield f'          <idno type="sha256">{text_sha256(document.text)}</idno>\n'
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
                raise FormatError(Errors.E230, id=annotation.id, role=link.role)
            role = self.roles[link.role] = escape_attr(link.role)
        if not _XML_NAME.fullmatch(link.target):  # it could not be an annotation's xml:id
            raise FormatError(Errors.E231, id=annotation.id, target=link.target)
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
_ANNOTATOR, _LABEL, _ID = attrgetter("annotator"), attrgetter("label"), attrgetter("id")


class _Layout(NamedTuple):
    """A text's paragraphs, and for each paragraph index (``bisect_right`` of an offset in
    ``starts``: 0 before the first paragraph) the id a pointer names and where it begins."""

    paras: list[tuple[int, str]]
    starts: list[int]
    anchor_ids: list[str]
    anchor_starts: list[int]


def _layout(text: str) -> _Layout:
    paras = paragraphs(text)
    starts = [start for start, _ in paras]
    return _Layout(paras, starts, [TEXT_ID, *(f"p{number}" for number in range(1, len(paras) + 1))],
                   [0, *starts])


class RenderedList(NamedTuple):
    """One ``<listAnnotation>`` as a save wrote it: its annotations, the line of each, and
    those lines joined."""

    members: list[Annotation]
    lines: list[str]
    text: str


@dataclass
class TeiSnapshot:
    """What the next save of one document may reuse from its last load or save.

    ``read_tei`` returns one and ``save_tei`` takes one and returns the next.  Everything in it
    is reused only when it is equal by value to what the save would compute: ``text`` (a text
    known to be one XML can carry, with its paragraph ``layout``), the encoded ``<text>``
    element for ``body_key`` (text, direction, language), and, when the label-to-category-id
    map equals ``categories``, the line of each annotation that equals the one a list of
    ``lists`` holds.  A save given no snapshot renders everything; the bytes are the same.
    """

    text: str | None = None
    layout: _Layout | None = None
    body_key: tuple[str, str, str] | None = None
    body: bytes = b""
    categories: dict[str, str] = field(default_factory=dict)
    lists: dict[tuple[str, str], RenderedList] = field(default_factory=dict)


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


def _rendered_list(members: list[Annotation], previous: RenderedList | None,
                   renderer: _Renderer) -> RenderedList:
    """The lines of one list: those of ``previous`` for the annotations equal to the ones it
    holds, the others rendered."""
    if previous is None:
        lines = renderer.render(members)
    elif previous.members == members:
        return RenderedList(members, previous.lines, previous.text)
    else:
        pairs = zip(previous.members, previous.lines, strict=True)
        known = dict(zip(map(_ID, previous.members), pairs, strict=True))
        lines = []
        for annotation in members:
            old = known.get(annotation.id)
            if old is not None and old[0] == annotation:
                lines.append(old[1])
            else:
                lines += renderer.render((annotation,))
    return RenderedList(members, lines, "".join(lines))


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


def _standoff(layers: dict[tuple[str, str], list[Annotation]], layout: _Layout, people: _Ids,
              tags: _Ids, times: dict[str, str], previous: dict[tuple[str, str], RenderedList],
              written: dict[tuple[str, str], RenderedList]) -> Iterator[str]:
    """The standOff of ``layers`` (:func:`_layers`), reusing the lines of ``previous`` lists;
    each list goes in ``written``."""
    if not layers:
        return
    renderer = _Renderer(layout, tags.by_name, times)
    yield "  <standOff>\n"
    for key, members in layers.items():
        layer, annotator = key
        if layer and any(ch.isspace() for ch in layer):
            raise FormatError(Errors.E232, layer=layer)
        kind = f' type="{escape_attr(layer)}"' if layer else ' type="annotator"'
        yield f'    <listAnnotation{kind} resp="#{people(annotator)}">\n'
        written[key] = _rendered_list(members, previous.get(key), renderer)
        yield written[key].text
        yield "    </listAnnotation>\n"
    yield "  </standOff>\n"


def _render(document: Document, tagset: TagSet | None,
            snapshot: TeiSnapshot | None) -> tuple[list[bytes], TeiSnapshot]:
    """The TEI file of ``document`` as UTF-8 pieces, and the snapshot of this rendering."""
    text = document.text
    known = snapshot is not None and snapshot.text == text
    layout = snapshot.layout if known and snapshot is not None else None
    if layout is None:
        if not known:
            check_xml_text(text, what=f"document {document.id} text")
        layout = _layout(text)
    for value in (document.title, document.source, document.id, *document.status,
                  *document.status.values()):
        check_xml_text(value, what=f"document {document.id} metadata")
    tagset = tagset or default_tagset()
    people, tags = _Ids("resp."), _Ids("tag.")
    annotations = document.annotations
    for name in dict.fromkeys(map(_ANNOTATOR, annotations)):
        people(name)
    # Labels in the order the file lists them, which is the order a reader of the file
    # meets them in: the next save of what it reads gives them the same ids, in the same order.
    layers = _layers(list(annotations))
    for members in layers.values():
        for label in dict.fromkeys(map(_LABEL, members)):
            tags(label)
    for name in document.status:
        people(name)
    for label in tagset.labels:
        tags(label)
    # No loader lets a character XML cannot carry into these, but a tag set built in code or
    # a document changed after it was made could: checked here, before the disk.
    for label in tags.by_name:
        spec = tagset.get(label)
        for value in (label, spec.kind, spec.en, spec.ar):
            check_xml_text(value, what="the tag set")
    check_xml_text(tagset.name, what="the tag set")
    for value in (document.language, *people.by_name):
        check_xml_text(value, what=f"document {document.id} metadata")
    times = _time_ids(annotations)
    body_key = (text, document.direction, document.language)
    if snapshot is not None and snapshot.body_key == body_key:
        body = snapshot.body
    else:
        body = "".join(_body(document, layout.paras)).encode("utf-8")
    reusable = (snapshot.lists if snapshot is not None and snapshot.categories == tags.by_name
                else {})
    following = TeiSnapshot(text, layout, body_key, body, dict(tags.by_name))
    pieces = [(f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="{TEI_NS}">\n'
               + "".join(_header(document, tagset, people, tags, times))).encode("utf-8"), body]
    pieces += (piece.encode("utf-8") for piece in _standoff(
        layers, layout, people, tags, times, reusable, following.lists))
    pieces.append(b"</TEI>\n")
    return pieces, following


def tei_bytes(document: Document, *, tagset: TagSet | None = None,
              snapshot: TeiSnapshot | None = None) -> bytes:
    """The TEI file of ``document`` as UTF-8 bytes; ``snapshot`` (from the last load or save)
    only makes it faster, never different."""
    return b"".join(_render(document, tagset, snapshot)[0])


def save_tei(document: Document, path: str | Path, *, tagset: TagSet | None = None,
             snapshot: TeiSnapshot | None = None) -> TeiSnapshot:
    """Write ``document`` to ``path`` atomically (a failure leaves any previous file intact);
    the snapshot returned is what the next save of this document may reuse."""
    pieces, following = _render(document, tagset, snapshot)  # all built before the disk
    with atomic_writer(path) as stream:
        stream.writelines(pieces)
    return following
