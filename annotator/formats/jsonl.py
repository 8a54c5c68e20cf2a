"""JSON Lines, one document a line: spaCy/Prodigy ``spans`` and doccano ``label``/``entities``.

Offsets are code points into ``text``; a line whose offsets only fit as UTF-16 code units
(doccano after an emoji: JavaScript counts it as two) is converted, with a warning
(:mod:`annotator.formats.offsets`).  A label of the whole text (``"label": "sports"``) is
warned about and left out.  The writer puts out the exact text and every
annotation (ids, annotators, layers, attributes, links, notes, times), so that reading its
output gives the same documents again.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from annotator.atomic import atomic_writer
from annotator.docid import doc_id_from_path, id_fit_for_a_file_name, safe_id
from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, EncodingError, FormatError, SaveError
from annotator.formats import ExportOptions, ImportOptions, Problems, read_source
from annotator.formats.offsets import RawSpan, utf16_reading
from annotator.formats.txt import bytes_to_text, first_line_title, text_direction, xml_safe
from annotator.layers import select_layer, without_suggestions
from annotator.model import Annotation, Document, Link, is_valid_id

DIRECTIONS = ("rtl", "ltr")
# Raw line and paragraph separators are legal inside JSON strings but split lines for readers
# that use str.splitlines(); the writer escapes them.
_SEPARATOR_ESCAPES = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


# -- reading -------------------------------------------------------------------------------
def _string(value: Any, what: str, default: str = "") -> str:
    if value is None:
        return default
    if not isinstance(value, str):
        raise FormatError(Errors.E310, what=what, type=type(value).__name__)
    return value


def _offset(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FormatError(Errors.E311, what=what, value=json.dumps(value))
    return value


def _span_id(value: Any) -> str:
    """A span id as given (doccano's integer ids become ``e<N>``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"e{value}"
    span_id = _string(value, "span id")
    if not is_valid_id(span_id):
        raise FormatError(Errors.E312, id=span_id)
    return span_id


def _attributes(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise FormatError(Errors.E313)
    attributes = {}
    for key, item in value.items():
        if isinstance(item, str):
            attributes[key] = item
        elif isinstance(item, (int, float, bool)):
            attributes[key] = json.dumps(item)
        else:
            raise FormatError(Errors.E314, key=key)
    return attributes


def _links(value: Any) -> tuple[Link, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FormatError(Errors.E315)
    links = []
    for item in value:
        if isinstance(item, Mapping):
            role, target = item.get("role"), item.get("target")
        elif isinstance(item, list) and len(item) == 2:
            role, target = item
        else:
            raise FormatError(Errors.E316)
        links.append(Link(_string(role, "link role"), _span_id(target)))
    return tuple(links)


class _Span:
    """A span read from a line, before it gets an id."""

    __slots__ = ("fields", "id")

    def __init__(self, span_id: str | None, fields: dict[str, Any]) -> None:
        self.id = span_id
        self.fields = fields


def _check_range(start: int, end: int, text: str) -> None:
    if start == end:
        raise FormatError(Errors.E016, start=start, end=end)
    if start > end:
        raise FormatError(Errors.E013, start=start, end=end)
    if start < 0 or end > len(text):
        raise FormatError(Errors.E317, start=start, end=end, length=len(text))


def _span_from_dict(raw: Any, text: str, keys: tuple[str, str],
                    convert: Callable[[int], int] | None = None) -> _Span:
    if not isinstance(raw, Mapping):
        raise FormatError(Errors.E318)
    start_key, end_key = keys
    for key in (start_key, end_key, "label"):
        if key not in raw:
            raise FormatError(Errors.E319, key=key)
    start = _offset(raw[start_key], f"span {start_key!r}")
    end = _offset(raw[end_key], f"span {end_key!r}")
    if convert is not None:  # UTF-16 code units (see _offset_reading)
        start, end = convert(start), convert(end)
    _check_range(start, end, text)
    label = _string(raw["label"], "span label")
    if not label:
        raise FormatError(Errors.E320, start=start, end=end)
    if isinstance(raw.get("text"), str) and raw["text"] != text[start:end]:
        raise FormatError(Errors.E321, start=start, end=end, given=raw["text"],
                          found=text[start:end])
    layer = _string(raw.get("layer"), "span layer")
    fields = {
        "start": start, "end": end, "label": label,
        "annotator": _string(raw.get("annotator"), "span annotator"),
        "attributes": _attributes(raw.get("attributes")),
        "links": _links(raw.get("links")),
        "note": _string(raw.get("note"), "span note"),
        "created": _string(raw.get("created"), "span created"),
        "modified": _string(raw.get("modified"), "span modified"),
        "layer": layer,
    }
    span_id = _span_id(raw["id"]) if raw.get("id") is not None else None
    return _Span(span_id, fields)


def _raw_offsets(items: Any, keys: tuple[str, str]) -> list[RawSpan]:
    """The offsets (and own text) of the well-formed spans among ``items``; the others are
    reported when they are read."""
    found = []
    for item in items if isinstance(items, list) else ():
        if isinstance(item, list) and len(item) == 3:
            item = {keys[0]: item[0], keys[1]: item[1]}
        if isinstance(item, Mapping):
            start, end, given = item.get(keys[0]), item.get(keys[1]), item.get("text")
            if (isinstance(start, int) and isinstance(end, int)
                    and not isinstance(start, bool) and not isinstance(end, bool)):
                found.append(RawSpan(start, end, given if isinstance(given, str) else None))
    return found


def _offset_reading(obj: Mapping[str, Any], text: str, problems: Problems,
                    where: str) -> Callable[[int], int] | None:
    """How to read a line's offsets: None for code points (the rule); a conversion when they
    only fit as UTF-16 code units, as JavaScript tools count (said in a warning)."""
    triples = _raw_offsets(obj.get("label", obj.get("labels")), ("start", "end"))
    entities = _raw_offsets(obj.get("entities"), ("start_offset", "end_offset"))
    spans = [*_raw_offsets(obj.get("spans"), ("start", "end")), *triples, *entities]
    convert = utf16_reading(text, spans, judge_boundaries="spans" not in obj
                            and bool(triples or entities))
    if convert is not None:
        problems.warn(FormatError(Errors.E345, count=len(spans), path=where))
    return convert


def _spans_of(obj: Mapping[str, Any], text: str, problems: Problems, where: str) -> list[_Span]:
    spans: list[_Span] = []
    convert = _offset_reading(obj, text, problems, where)
    raw_spans = obj.get("spans")
    if raw_spans is not None:
        if not isinstance(raw_spans, list):
            raise FormatError(Errors.E322)
        spans.extend(_span_from_dict(raw, text, ("start", "end"), convert) for raw in raw_spans)
    raw_labels = obj.get("label", obj.get("labels"))
    if isinstance(raw_labels, list):
        for item in raw_labels:
            if isinstance(item, list) and len(item) == 3:
                start, end, label = item
                spans.append(_span_from_dict(
                    {"start": start, "end": end, "label": label}, text, ("start", "end"),
                    convert))
            elif isinstance(item, str):
                problems.warn(FormatError(Errors.E323, label=item, path=where))
            else:
                raise FormatError(Errors.E324)
    elif isinstance(raw_labels, str):
        if raw_labels:
            problems.warn(FormatError(Errors.E323, label=raw_labels, path=where))
    elif raw_labels is not None:
        raise FormatError(Errors.E325)
    raw_entities = obj.get("entities")
    if raw_entities is not None:
        if not isinstance(raw_entities, list):
            raise FormatError(Errors.E326)
        spans.extend(_span_from_dict(raw, text, ("start_offset", "end_offset"), convert)
                     for raw in raw_entities)
    relations = obj.get("relations")
    if relations:
        _add_relations(relations, spans)
    return spans


def _add_relations(relations: Any, spans: list[_Span]) -> None:
    """doccano relations ``{from_id, to_id, type}`` become links from one span to the other."""
    if not isinstance(relations, list):
        raise FormatError(Errors.E327)
    by_id = {span.id: span for span in spans if span.id}
    for relation in relations:
        if not isinstance(relation, Mapping) or not {"from_id", "to_id", "type"} <= relation.keys():
            raise FormatError(Errors.E328)
        source = by_id.get(_span_id(relation["from_id"]))
        if source is None:
            raise FormatError(Errors.E329, id=relation["from_id"])
        link = Link(_string(relation["type"], "relation type"), _span_id(relation["to_id"]))
        source.fields["links"] = (*source.fields["links"], link)


def _document_id(obj: Mapping[str, Any], meta: Mapping[str, Any], path: Path, line: int,
                 problems: Problems) -> str:
    raw = obj.get("id", meta.get("id"))
    if raw is None or isinstance(raw, bool) or raw == "":
        return id_fit_for_a_file_name(f"{doc_id_from_path(path)}-{line}")
    if not isinstance(raw, (str, int)):
        raise FormatError(Errors.E330)
    doc_id = id_fit_for_a_file_name(safe_id(str(raw)))
    if doc_id != str(raw):
        problems.warn(FormatError(Errors.E331, given=str(raw), id=doc_id, path=str(path),
                                  line=line))
    return doc_id


def _field(obj: Mapping[str, Any], meta: Mapping[str, Any], key: str) -> Any:
    """A document field from the line, else from its ``meta`` object (None when absent)."""
    return obj[key] if key in obj else meta.get(key)


def object_to_document(obj: Any, path: Path, line: int, options: ImportOptions,
                       problems: Problems) -> Document:
    """One JSONL line's object as a document; :class:`FormatError` naming FILE:LINE if bad."""
    where = f"{path}:{line}"
    try:
        if not isinstance(obj, Mapping):
            raise FormatError(Errors.E332)
        meta = obj.get("meta") or {}
        if not isinstance(meta, Mapping):
            raise FormatError(Errors.E333)
        if obj.get("text") is None:
            if "tokens" in obj and "ner_tags" in obj:
                raise FormatError(Errors.E334)
            raise FormatError(Errors.E335)
        text = _xml_safe(_string(obj["text"], '"text"'), "text", options, problems, where)
        title = _field(obj, meta, "title")
        title = first_line_title(text) if title is None else _string(title, '"title"')
        source = _field(obj, meta, "source")
        if source is None:
            source = meta.get("url")
        direction = _field(obj, meta, "direction")
        direction = text_direction(text) if direction is None else direction
        if direction not in DIRECTIONS:
            raise FormatError(Errors.E336, direction=direction)
        language = _field(obj, meta, "language")
        language = ("ar" if direction == "rtl" else "und") if language is None else language
        status = obj.get("status") or {}
        if not isinstance(status, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in status.items()):
            raise FormatError(Errors.E337)
        document = Document(
            id=_document_id(obj, meta, path, line, problems), text=text,
            title=_xml_safe(title, "title", options, problems, where),
            source=_xml_safe(_string(source, '"source"'), "source", options, problems, where),
            language=_string(language, '"language"'), direction=direction,
            status=dict(status))
        spans = _spans_of(obj, text, problems, where)
        _add_spans(document, spans, options, problems, where)
    except AnnotatorError as error:
        raise FormatError(error, path=str(path), line=line) from None
    return document


def _xml_safe(value: str, what: str, options: ImportOptions, problems: Problems,
              where: str) -> str:
    try:
        return xml_safe(value, options, problems, where, what)
    except EncodingError as error:  # E140/E141: said again with where in the value it is
        found = error.params
        if "count" in found:
            raise FormatError(Errors.E143, what=what, char=found["char"], count=found["count"],
                              text_line=error.line, text_column=error.column) from None
        raise FormatError(Errors.E142, what=what, char=found["char"], text_line=error.line,
                          text_column=error.column) from None


def _add_spans(document: Document, spans: list[_Span], options: ImportOptions,
               problems: Problems, where: str) -> None:
    """Add spans with their own ids first, then give the others fresh ids."""
    spans.sort(key=lambda span: span.id is None)
    annotations = []
    taken: set[str] = set()
    for span in spans:
        fields = dict(span.fields)
        if not fields["annotator"]:
            fields["annotator"] = options.annotator
        for key in ("label", "annotator", "note", "layer"):
            fields[key] = _xml_safe(fields[key], f"span {key}", options, problems, where)
        fields["attributes"] = {
            _xml_safe(k, "attribute name", options, problems, where):
                _xml_safe(v, "attribute value", options, problems, where)
            for k, v in fields["attributes"].items()}
        span_id = span.id
        if span_id is None:
            span_id = document.annotations.new_id()
            while span_id in taken:
                span_id = document.annotations.new_id()
        if span_id in taken:
            raise FormatError(Errors.E338, id=span_id)
        taken.add(span_id)
        annotations.append(Annotation(id=span_id, **fields))
    document.annotations.extend(annotations)
    for annotation, link in document.annotations.dangling_links():
        raise FormatError(Errors.E339, id=annotation.id, role=link.role, target=link.target)


def _lines_of(data: bytes, options: ImportOptions, path: Path,
              problems: Problems) -> Iterable[tuple[int, str]]:
    """(line number, text) of each line; a line whose bytes are not UTF-8 fails alone.

    With ``--encoding`` or a UTF-16/32 file the whole file is decoded at once (and fails at
    once, raising :class:`EncodingError`).
    """
    utf16ish = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        b"\x00" in data[:4096])
    if options.encoding or utf16ish:
        text, _ = bytes_to_text(data, options.encoding, str(path))
        return enumerate(text.split("\n"), 1)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    return _utf8_lines(data, path, problems)


def _utf8_lines(data: bytes, path: Path, problems: Problems) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(data.split(b"\n"), 1):
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as error:
            bad = raw[error.start:error.end][:4].hex(" ")
            problems.error(EncodingError(Errors.E340, bytes=bad, position=error.start + 1,
                                         path=str(path), line=number))


def read_jsonl(path: Path, options: ImportOptions, problems: Problems) -> Iterator[Document]:
    """Registry reader: every good line of a JSONL file; each bad line is one error."""
    path = Path(path)
    data = read_source(path, problems)
    if data is None:
        return
    try:
        lines = _lines_of(data, options, path, problems)
    except EncodingError as error:
        problems.error(error)
        return
    for number, line in lines:
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            problems.error(FormatError(Errors.E341, detail=error.msg, colno=error.colno,
                                       path=str(path), line=number))
            continue
        except RecursionError:
            problems.error(FormatError(Errors.E342, path=str(path), line=number))
            continue
        try:
            yield object_to_document(obj, path, number, options, problems)
        except FormatError as error:
            problems.error(error)


# -- writing -------------------------------------------------------------------------------
_STRING = json.encoder.encode_basestring  # a JSON string, non-ASCII kept (as dumps writes it)
_SPAN = ('{"id": %s, "start": %d, "end": %d, "label": %s, "annotator": %s, "layer": %s, '
         '"attributes": %s, "links": %s, "note": %s, "created": %s, "modified": %s}')


def _spans_json(annotations: list[Annotation]) -> str:
    """The ``spans`` list as JSON text: every field of each annotation, in this order, as
    ``json.dumps`` writes it.  Built with one format per span, and each repeated value (label,
    annotator, times, attribute sets) escaped once per call: a document of 100,000 spans takes
    half the time of building dicts for ``json.dumps`` (bench/bench_export.py)."""
    seen: dict[object, str] = {}

    def once(value: str) -> str:
        found = seen.get(value)
        if found is None:
            found = seen[value] = _STRING(value)
        return found

    pieces = []
    for a in annotations:
        if a.attributes:
            key = tuple(a.attributes.items())
            attributes = seen.get(key)
            if attributes is None:
                attributes = seen[key] = json.dumps(dict(key), ensure_ascii=False)
        else:
            attributes = "{}"
        links = "[" + ", ".join(f'{{"role": {once(link.role)}, "target": {_STRING(link.target)}}}'
                                for link in a.links) + "]" if a.links else "[]"
        pieces.append(_SPAN % (_STRING(a.id), a.start, a.end, once(a.label), once(a.annotator),
                               once(a.layer), attributes, links,
                               _STRING(a.note) if a.note else '""', once(a.created),
                               once(a.modified)))
    return "[" + ", ".join(pieces) + "]"


def document_to_line(document: Document) -> str:
    """One JSON line (no newline), UTF-8-ready, with line separators escaped: metadata, the
    exact text, every span by position with all its fields, then the status if any."""
    head = json.dumps({"id": document.id, "title": document.title, "source": document.source,
                       "language": document.language, "direction": document.direction,
                       "text": document.text}, ensure_ascii=False)
    status = (', "status": ' + json.dumps(dict(document.status), ensure_ascii=False)
              if document.status else "")
    line = (head[:-1] + ', "spans": ' + _spans_json(document.annotations.sorted()) + status
            + "}")
    for raw, escaped in _SEPARATOR_ESCAPES.items():
        if raw in line:
            line = line.replace(raw, escaped)
    return line


def json_line(obj: Any) -> bytes:
    """``obj`` as one UTF-8 JSON line with its newline, line separators escaped (readers that
    split with str.splitlines() would cut a line at them)."""
    line = json.dumps(obj, ensure_ascii=False)
    for raw, escaped in _SEPARATOR_ESCAPES.items():
        line = line.replace(raw, escaped)
    return line.encode("utf-8") + b"\n"


def only_labels(document: Document, labels: frozenset[str]) -> Document:
    """A copy with the annotations of ``labels`` from every layer; links to others dropped."""
    chosen = [a for a in document.annotations if a.label in labels]
    ids = {a.id for a in chosen}
    copy = Document(document.id, document.text, document.title, document.source,
                    document.language, document.direction, dict(document.status))
    copy.annotations.extend(
        replace(a, links=tuple(link for link in a.links if link.target in ids))
        for a in chosen)
    return copy


def write_jsonl(documents: Iterable[Document], out: Path, options: ExportOptions) -> None:
    """Registry writer: one line per document into the file ``out`` (atomically).

    Every annotation of every layer but suggestions is written, unless ``options.layer``
    names one layer (``gold``, ``suggestion`` or an annotator) or ``options.labels`` some
    labels.
    """
    out = Path(out)
    if out.is_dir():
        raise SaveError(Errors.E343, path=str(out))
    with atomic_writer(out) as stream:
        for document in documents:
            if options.layer is not None:
                document = select_layer(document, options.layer, options.labels)
            else:
                document = without_suggestions(document)
                if options.labels is not None:
                    document = only_labels(document, options.labels)
            stream.write(document_to_line(document).encode("utf-8"))
            stream.write(b"\n")
