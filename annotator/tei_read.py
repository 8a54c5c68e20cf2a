"""Reading the tool's TEI files, streaming (profile: docs/FORMAT.md).

The reader is an event-driven expat parser: no tree is ever built, so memory stays near the
size of the resulting document.  It refuses any DOCTYPE (so no DTD is loaded, no entity is
declared or expanded and entity-expansion bombs are rejected at once) and never touches the
network.  Expat is the only judge of well-formedness: every byte of the file goes through it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, cast
from xml.parsers import expat

from annotator.error_catalogue import Errors
from annotator.errors import AnnotationError, AnnotatorError, FormatError, IntegrityError
from annotator.formats import ImportOptions, Problems
from annotator.model import Annotation, Document, Link, checked_annotation, text_sha256
from annotator.tagset import LabelSpec, TagSet
from annotator.tei_write import STATUS_CHANGE, TEI_NS, TEXT_ID, TeiSnapshot

_NS = TEI_NS + " "
_ANNOTATION = _NS + "annotation"
_PTR, _NOTE, _FS, _F, _STRING = (_NS + name for name in ("ptr", "note", "fs", "f", "string"))
_ANNOTATION_CHILDREN = frozenset({_PTR, _NOTE, _FS, _F, _STRING})
_XML_ID = "http://www.w3.org/XML/1998/namespace id"
_XML_LANG = "http://www.w3.org/XML/1998/namespace lang"
# The encodings expat decodes itself.  Any other name would go to Python's codecs, which
# pyexpat can use only for single-byte encodings and which know names that other XML tools
# do not (and the reverse); the tool writes UTF-8.
READABLE_ENCODINGS = ("UTF-8", "UTF-16", "UTF-16BE", "UTF-16LE", "ISO-8859-1", "US-ASCII")


@dataclass
class TeiFile:
    """A document read from a TEI file, with what its header says, what is wrong with it, and
    what the next save of the document may reuse (pass ``snapshot`` to ``save_tei``)."""

    document: Document
    taxonomy: TagSet
    stored_sha256: str = ""
    # What does not resolve, one error each (IntegrityError, or the model's refusal of an
    # annotation); read_tei_checked raises the first.
    problems: list[AnnotatorError] = field(default_factory=list)
    snapshot: TeiSnapshot = field(default_factory=TeiSnapshot)


class _Refused(FormatError):
    """Raised from inside the parser to stop at a construct the tool never accepts."""


class _Reader:
    """Expat handlers that collect the header, the text and the annotations."""

    def __init__(self, parser: expat.XMLParserType) -> None:
        self.parser = parser
        self.title = ""
        self.doc_id = ""
        self.source = ""
        self.sha256 = ""
        self.language = ""
        self.rendition = ""
        self.people: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.taxonomy = TagSet("tagset")
        self.status: dict[str, str] = {}
        self.text: str | None = None
        self._text_length = -1
        self.anchors: dict[str, int] = {}
        self.annotations: list[Annotation] = []
        self.linking: list[Annotation] = []  # the annotations with links, to check them
        self._links: list[Link] | None = None
        self.problems: list[AnnotatorError] = []
        self.root_seen = False
        # text capture
        self._buffer: list[str] = []
        self._capture_depth = 0
        self._depth = 0
        self._on_text_end: Callable[[str], None] | None = None
        # context
        self._in_header = False
        self._kind = ""
        self._category: tuple[str, str] | None = None
        self._cat_names: dict[str, str] = {}
        self._resp_id = ""
        self._layer = ("", "")
        self._current: Annotation | None = None
        self._feature: str | None = None  # the key of the <f> being read
        self._in_div = False
        self._length = 0
        self.times: dict[str, str] = {}
        self._starts: dict[str, Callable[[dict[str, str]], None]] = {
            _NS + name: getattr(self, "_start_" + name) for name in (
                "TEI", "teiHeader", "title", "respStmt", "name", "idno", "taxonomy",
                "category", "catDesc", "change", "text", "div", "listAnnotation",
                "ptr", "note", "f", "string")}
        self._ends: dict[str, Callable[[], None]] = {
            _NS + name: getattr(self, "_end_" + name) for name in (
                "teiHeader", "respStmt", "category", "div")}
        parser.StartElementHandler, parser.EndElementHandler = self._fast_handlers()
        parser.StartDoctypeDeclHandler = self._refuse_doctype
        parser.EntityDeclHandler = self._refuse_entity
        parser.XmlDeclHandler = self._check_declaration

    # -- plumbing --------------------------------------------------------------------
    def _refuse_doctype(self, *_: object) -> None:
        raise _Refused(Errors.E201)

    def _refuse_entity(self, *_: object) -> None:
        raise _Refused(Errors.E202)

    def _check_declaration(self, version: str | None, encoding: str | None,
                           standalone: int) -> None:
        """Refuse an XML version other than 1.0 (expat would read "2.0" as 1.0) and an
        encoding expat does not decode itself, before expat hands it to Python's codecs."""
        if version is not None and version != "1.0":
            raise _Refused(Errors.E205, version=version)
        if encoding is not None and encoding.upper() not in READABLE_ENCODINGS:
            raise _Refused(Errors.E206, encoding=encoding,
                           encodings=", ".join(READABLE_ENCODINGS[:-1]),
                           last=READABLE_ENCODINGS[-1])

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        self._depth += 1
        handler = self._starts.get(name)
        if handler is not None:
            handler(attrs)
        elif self._in_div and _XML_ID in attrs:
            self._anchor(attrs[_XML_ID])

    def _end(self, name: str) -> None:
        if self._capture_depth == self._depth:
            self._finish_capture()
        handler = self._ends.get(name)
        if handler is not None:
            handler()
        self._depth -= 1

    def _capture(self, then: Callable[[str], None]) -> None:
        """Collect the text of the element just started, then call ``then`` with it."""
        if self._capture_depth:  # already inside a capturing element (e.g. note in div)
            return
        self._capture_depth = self._depth
        self._buffer = []
        self._length = 0
        self._on_text_end = then
        self.parser.CharacterDataHandler = self._collect

    def _collect(self, data: str) -> None:
        self._buffer.append(data)
        self._length += len(data)

    def _finish_capture(self) -> None:
        self.parser.CharacterDataHandler = None
        self._capture_depth = 0
        text = "".join(self._buffer)
        self._buffer = []
        if self._on_text_end is not None:
            self._on_text_end(text)

    # -- header ----------------------------------------------------------------------
    def _start_TEI(self, attrs: dict[str, str]) -> None:
        if self._depth == 1:
            self.root_seen = True

    def _start_teiHeader(self, attrs: dict[str, str]) -> None:
        self._in_header = True

    def _end_teiHeader(self) -> None:
        self._in_header = False

    def _start_title(self, attrs: dict[str, str]) -> None:
        if self._in_header and not self.title:
            self._capture(lambda text: setattr(self, "title", text))

    def _start_respStmt(self, attrs: dict[str, str]) -> None:
        self._resp_id = attrs.get(_XML_ID, "")
        if self._resp_id:
            self.people.setdefault(self._resp_id, "")

    def _end_respStmt(self) -> None:
        self._resp_id = ""

    def _start_name(self, attrs: dict[str, str]) -> None:
        if self._resp_id:
            resp_id = self._resp_id
            self._capture(lambda text: self.people.__setitem__(resp_id, text))

    def _start_idno(self, attrs: dict[str, str]) -> None:
        kind = attrs.get("type")
        if kind == "document":
            self._capture(lambda text: setattr(self, "doc_id", text))
        elif kind == "source-file":
            self._capture(lambda text: setattr(self, "source", text))
        elif kind == "sha256":
            self._capture(lambda text: setattr(self, "sha256", text.strip()))

    def _start_taxonomy(self, attrs: dict[str, str]) -> None:
        self.taxonomy.name = attrs.get("n", "tagset")

    def _start_category(self, attrs: dict[str, str]) -> None:
        if not self._kind:
            self._kind = attrs.get("n", "entity")
            self._category = None
        else:
            self._category = (attrs.get(_XML_ID, ""), attrs.get("n", ""))
            self._cat_names = {}

    def _end_category(self) -> None:
        if self._category is not None:
            category_id, label = self._category
            if not label:
                self.problems.append(IntegrityError(Errors.E210, id=category_id))
                self._category = None
                return
            self.labels[category_id] = label
            names = self._cat_names
            self.taxonomy.labels[label] = LabelSpec(
                name=label, kind=self._kind, en=names.get("en", label), ar=names.get("ar", label))
            self._category = None
        else:
            self._kind = ""

    def _start_catDesc(self, attrs: dict[str, str]) -> None:
        if self._category is not None:
            language = attrs.get(_XML_LANG, "")
            self._capture(lambda text: self._cat_names.__setitem__(language, text))

    def _start_change(self, attrs: dict[str, str]) -> None:
        kind = attrs.get("type")
        if self._current is not None:
            if kind not in ("created", "modified"):
                return
            when = attrs.get("when")
            if when is not None:
                self._set(kind)(when)
            else:
                self._capture(self._set(kind))
        elif self._in_header and kind == STATUS_CHANGE:
            who = attrs.get("who", "").lstrip("#")
            self._capture(lambda text: self.status.__setitem__(self.people.get(who, who), text))
        elif self._in_header and _XML_ID in attrs:
            time_id = attrs[_XML_ID]
            when = attrs.get("when")
            if when is not None:
                self.times[time_id] = when
            else:
                self._capture(lambda text: self.times.__setitem__(time_id, text))

    # -- text --------------------------------------------------------------------------
    def _start_text(self, attrs: dict[str, str]) -> None:
        self.language = attrs.get(_XML_LANG, "")
        self.rendition = attrs.get("rendition", "")

    def _start_div(self, attrs: dict[str, str]) -> None:
        if attrs.get(_XML_ID) == TEXT_ID and self.text is None and not self._capture_depth:
            self.anchors[TEXT_ID] = 0
            self._in_div = True
            self._capture(self._set_text)
        elif self._in_div and _XML_ID in attrs:
            self._anchor(attrs[_XML_ID])

    def _set_text(self, text: str) -> None:
        self.text = text
        self._text_length = len(text)
        self._in_div = False

    def _end_div(self) -> None:
        pass

    def _anchor(self, anchor: str) -> None:
        if anchor in self.anchors:
            self.problems.append(IntegrityError(Errors.E211, id=anchor))
        self.anchors[anchor] = self._length

    # -- standoff ----------------------------------------------------------------------
    def _start_listAnnotation(self, attrs: dict[str, str]) -> None:
        kind = attrs.get("type", "annotator")
        resp = attrs.get("resp", "").lstrip("#")
        self._layer = ("" if kind == "annotator" else kind, self.people.get(resp, resp))

    def _fast_handlers(self) -> tuple[Callable[[str, dict[str, str]], None],
                                      Callable[[str], None]]:
        """Start and end handlers with a fast path for ``<annotation>``.

        A file may hold 100,000 annotations: their pointer is resolved and the annotation built
        right at the start tag (the text came before), with everything it needs bound as local
        variables of these closures.  Every other element goes to the generic handlers.
        """
        anchors, labels, times, people = self.anchors, self.labels, self.times, self.people
        append = self.annotations.append
        problems = self.problems
        generic_start, generic_end = self._start, self._end
        make = checked_annotation
        changes: dict[str, tuple[str, str]] = {}  # @change -> (created, modified), once each

        parser = self.parser
        collected: list[str] = []
        into: list[tuple[str, str] | None] = [None]  # (element name, attribute key or "")

        def begin(element: str, key: str) -> None:
            collected.clear()
            into[0] = (element, key)
            parser.CharacterDataHandler = collected.append

        def child_start(name: str, attrs: dict[str, str], current: Annotation) -> None:
            if name == _PTR:
                self._start_ptr(attrs)
            elif name == _F:
                self._feature = attrs["n"] if "n" in attrs else attrs.get("name", "")
            elif name == _STRING:
                if self._feature is not None and into[0] is None:
                    begin(_STRING, self._feature)
            elif name == _NOTE and attrs.get("type") != "attributes" and into[0] is None:
                begin(_NOTE, "")

        def child_end(name: str, current: Annotation) -> None:
            target = into[0]
            if target is None or target[0] != name:
                return
            into[0] = None
            parser.CharacterDataHandler = None
            text = "".join(collected)
            if name == _STRING:  # the annotation's own dict, from checked_annotation
                cast("dict[str, str]", current.attributes)[target[1]] = text
            else:
                object.__setattr__(current, "note", text)

        def start(name: str, attrs: dict[str, str]) -> None:
            if name != _ANNOTATION:
                current = self._current
                if current is not None and name in _ANNOTATION_CHILDREN:
                    self._depth += 1
                    child_start(name, attrs, current)  # the fast path for quote attributes
                else:
                    generic_start(name, attrs)
                return
            self._depth += 1
            self._current = None
            try:
                target = attrs["target"]
                if target[:14] != "#string-range(" or target[-1:] != ")":
                    raise ValueError
                anchor, offset, length = target[14:-1].split(",")
                digits = offset + length
                if not (digits.isdigit() and digits.isascii()):
                    offset, length = _number(offset), _number(length)
                begin = anchors[anchor] + int(offset)
                end = begin + int(length)
            except (ValueError, KeyError):
                self._bad_target(attrs)
                return
            ana = attrs.get("ana", "")
            label = labels[ana[1:]] if ana[1:] in labels else self._label_of(attrs)
            if "change" in attrs:
                change = attrs["change"]
                when = changes.get(change)
                if when is not None:
                    created, modified = when
                else:
                    if " " in change:
                        first, _, last = change.partition(" ")
                        created = times.get(first[1:], "")
                        modified = times.get(last.strip()[1:], "")
                    else:
                        created = modified = times.get(change[1:], "")
                    if not created or not modified:
                        problems.append(IntegrityError(Errors.E212, id=attrs.get(_XML_ID),
                                                       change=change))
                    else:
                        changes[change] = created, modified
            else:
                created = modified = ""
            layer, annotator = self._layer
            if "resp" in attrs:
                annotator = people.get(attrs["resp"].lstrip("#"), annotator)
            if end > self._text_length or not label or begin >= end:
                self._bad_target(attrs, label)
                return
            annotation = make(attrs.get(_XML_ID, ""), begin, end, label, annotator, created,
                              modified, layer)
            append(annotation)
            self._current = annotation
            self._links = None

        def end_(name: str) -> None:
            if name != _ANNOTATION:
                current = self._current
                if current is not None and name in _ANNOTATION_CHILDREN:
                    self._depth -= 1
                    child_end(name, current)
                else:
                    generic_end(name)
                return
            self._depth -= 1
            current = self._current
            if current is not None and self._links:
                object.__setattr__(current, "links", tuple(self._links))
                self.linking.append(current)
            self._current = None

        return start, end_

    def _label_of(self, attrs: dict[str, str]) -> str:
        labels = self.labels
        return next((labels[p.lstrip("#")] for p in attrs.get("ana", "").split()
                     if p.lstrip("#") in labels), "")

    def _bad_target(self, attrs: dict[str, str], label: str | None = None) -> None:
        """Describe why an annotation's pointer or label does not resolve."""
        where = attrs.get(_XML_ID) or "(no xml:id)"
        target = attrs.get("target", "")
        if self.text is None:
            self.problems.append(IntegrityError(Errors.E213, id=where))
            return
        parts = _split_range(target)
        if parts is None:
            self.problems.append(IntegrityError(Errors.E214, id=where, target=target))
        elif parts[0] not in self.anchors:
            self.problems.append(IntegrityError(Errors.E215, id=where, anchor=parts[0]))
        elif label == "":
            self.problems.append(IntegrityError(Errors.E216, id=where, ana=attrs.get("ana")))
        else:
            self.problems.append(IntegrityError(Errors.E217, id=where, range=",".join(parts),
                                                length=self._text_length))

    def _set(self, field_name: str) -> Callable[[str], None]:
        current = self._current
        return lambda text: object.__setattr__(current, field_name, text)

    def _start_ptr(self, attrs: dict[str, str]) -> None:
        current = self._current
        if current is None:
            return
        role = attrs.get("type", "")
        if not role or any(ch.isspace() for ch in role):
            self.problems.append(IntegrityError(Errors.E218, id=current.id, role=role))
            return
        if self._links is None:
            self._links = []
        self._links.extend(Link(role, pointer.lstrip("#"))
                           for pointer in attrs.get("target", "").split())

    def _start_note(self, attrs: dict[str, str]) -> None:
        if self._current is not None and attrs.get("type") != "attributes":
            self._capture(self._set("note"))

    def _start_f(self, attrs: dict[str, str]) -> None:
        if self._current is not None:
            self._feature = attrs["n"] if "n" in attrs else attrs.get("name", "")

    def _start_string(self, attrs: dict[str, str]) -> None:
        if self._current is not None and self._feature is not None:
            # The annotation's own dict, from checked_annotation, filled while it is read.
            features = cast("dict[str, str]", self._current.attributes)
            key = self._feature
            self._capture(lambda text: features.__setitem__(key, text))


def _number(value: str) -> str:
    """A pointer's offset or length: ASCII digits, perhaps with spaces around them (no sign,
    no "_", no other digits, which TEI tools would not resolve); ValueError otherwise."""
    value = value.strip(" \t\n\r")
    if not (value.isdigit() and value.isascii()):
        raise ValueError(value)
    return value


def _split_range(target: str) -> tuple[str, str, str] | None:
    """``(id, offset, length)`` of a ``#string-range(ID,OFFSET,LENGTH)`` pointer, or None."""
    if target.startswith("#string-range(") and target.endswith(")"):
        parts = target[14:-1].split(",")
        if len(parts) == 3 and parts[0]:
            try:
                return parts[0], _number(parts[1]), _number(parts[2])
            except ValueError:
                return None
    return None


def read_tei(source: str | Path | IO[bytes]) -> TeiFile:
    """Read one TEI file; problems (checksum, unresolved pointers) are listed, not raised."""
    path = str(source) if isinstance(source, (str, Path)) else getattr(source, "name", "<stream>")
    try:
        if isinstance(source, (str, Path)):
            with open(source, "rb") as stream:
                data = stream.read()
        else:
            with source:
                data = source.read()
    except OSError as error:
        raise FormatError(Errors.E600, reason=error.strerror or str(error), path=path) from None
    return read_tei_bytes(data, path)


def read_tei_bytes(data: bytes, path: str) -> TeiFile:
    """Read a TEI file's bytes (``path`` names it in messages)."""
    parser = expat.ParserCreate(encoding=None, namespace_separator=" ")
    parser.buffer_text = True
    parser.buffer_size = 1 << 16
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    reader = _Reader(parser)
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        message = expat.ErrorString(error.code)
        raise FormatError(Errors.E200, detail=message, path=path, line=error.lineno,
                          column=error.offset + 1) from None
    except _Refused as error:
        raise FormatError(error, path=path, line=parser.CurrentLineNumber) from None
    return _finish(reader, path)


def _finish(reader: _Reader, path: str) -> TeiFile:
    if not reader.root_seen:
        raise FormatError(Errors.E203, namespace=TEI_NS, path=path)
    if reader.text is None:
        raise FormatError(Errors.E204, id=TEXT_ID, path=path)
    direction = "ltr" if reader.rendition.strip() == "#rend.ltr" else "rtl"
    doc_id = reader.doc_id or Path(path).name.split(".")[0] or "document"
    try:
        document = Document(doc_id, reader.text, reader.title, reader.source,
                            reader.language or "und", direction, reader.status)
    except AnnotationError as error:  # an id that cannot be a document's
        raise FormatError(error, path=path) from None
    document.annotations.load(reader.annotations, reader.problems)
    known = document.annotations
    dangling = [(a, link) for a in reader.linking for link in a.links
                if link.target not in known]
    for annotation, link in dangling:
        reader.problems.append(IntegrityError(Errors.E219, id=annotation.id, role=link.role,
                                              target=link.target))
    actual = text_sha256(document.text)
    if not reader.sha256:
        reader.problems.append(IntegrityError(Errors.E220))
    elif reader.sha256 != actual:
        reader.problems.insert(0, IntegrityError(Errors.E221, recorded=reader.sha256[:12],
                                                 actual=actual[:12]))
    # the text came through an XML parser: a save need not check that XML can carry it
    return TeiFile(document, reader.taxonomy, reader.sha256, reader.problems,
                   TeiSnapshot(text=document.text))


def read_tei_checked(path: str | Path) -> TeiFile:
    """Read a TEI file of this tool; any problem raises :class:`IntegrityError`."""
    result = read_tei(path)
    if result.problems:
        raise integrity_error(result.problems, str(path))
    return result


def integrity_error(problems: list[AnnotatorError], path: str) -> IntegrityError:
    """What to raise for a file's problems: the first one, saying how many more there are."""
    if len(problems) == 1:
        return IntegrityError(problems[0], path=path)
    return IntegrityError(Errors.E222, problem=problems[0], count=len(problems) - 1, path=path)


def load_tei(path: str | Path, *, check: bool = True) -> Document:
    """Read a TEI file of this tool.  With ``check``, any problem raises :class:`IntegrityError`."""
    return (read_tei_checked(path) if check else read_tei(path)).document


def read_tei_documents(path: Path, options: ImportOptions,
                       problems: Problems) -> Iterator[Document]:
    """Registry reader: the one document of a TEI file, or a recorded failure."""
    try:
        yield load_tei(path)
    except (FormatError, IntegrityError) as error:
        problems.error(error)
