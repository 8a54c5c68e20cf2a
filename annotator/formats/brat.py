"""brat standoff (``<id>.txt`` + ``<id>.ann``), both directions.

Offsets are as brat defines them: indexes into the ``.txt`` file's text as Python reads it,
that is Unicode code points, with line breaks counted as they are in the file (no newline
translation; a BOM, if any, is a character of the text).  The text is kept exactly.

Lines of ``.ann`` read and written (tab-separated as brat writes them):

``T1<TAB>LABEL START END<TAB>TEXT``
    a text-bound annotation; its id (``T1``) becomes the annotation id.  ``TEXT`` must equal
    the characters at the offsets (line breaks and tabs in them compared as spaces); when it
    does not the line is an error (skipped), or with ``repair`` a warning (offsets kept).
    Fragments that only line breaks separate are one span again (the writer cuts a span
    that crosses a line break so, as brat does: an ``.ann`` line holds no line break, and the
    text is the fragments joined by a space, brat's ``DISCONT_SEP``).
    Any other discontinuous annotation ``START END;START END`` becomes one annotation per fragment,
    ``T1``, ``T1-2``, ... each pointing to the next with a ``next`` link (TEI's ``@next``),
    reported as a warning; the writer joins such a chain back into one line.
``A1<TAB>NAME T1 [VALUE]``, ``M1 ...``
    an attribute of ``T1``; a binary attribute (no value) is stored with the value ``""``.
``R1<TAB>ROLE Arg1:T3 Arg2:T1``
    a relation, stored as the link ``ROLE`` from ``T3`` to ``T1`` (a quote → its speaker is
    ``speaker Arg1:<quote> Arg2:<speaker>``).
``#1<TAB>AnnotatorNotes T1<TAB>NOTE``
    the annotation's note.
Events (``E``), equivalences (``*``) and normalisations (``N``) are not supported: each such
line is reported and skipped.  Any other line is an error naming file and line.

The writer writes, per document, ``<id>.txt`` (the text, UTF-8, exactly) and ``<id>.ann``:
``T`` lines ordered by their number (annotation ids of the form ``T<n>`` are kept, other ids
get the next free numbers), then ``A`` lines (by annotation, then attribute name), ``R``
lines (by annotation, then link order) and ``#`` notes, numbered from 1 in that order.  That
is the order the reader keeps, so brat → TEI → brat gives back the same files for ``.ann``
files in this order.  Beside them goes ``annotation.conf`` (:class:`AnnotationConf`), naming
every entity, relation and attribute type written, so that brat opens the folder.  What brat
cannot hold is reported in ``ExportOptions.problems``: line breaks or tabs in notes and
attribute values (written as spaces), white space in attribute names (written as "_").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from annotator.atomic import AtomicBatch
from annotator.docid import doc_id_from_path, fragment_ids
from annotator.error_catalogue import Errors
from annotator.errors import EncodingError, FormatError
from annotator.formats import ExportOptions, ImportOptions, Problems
from annotator.layers import has_other_layers, select_layer
from annotator.model import Annotation, Document, Link, is_valid_id, now_iso
from annotator.xmlchars import ILLEGAL_XML_CHARS, check_xml_text, replace_illegal

NEXT = "next"  # link role chaining the fragments of a discontinuous annotation
CONF = "annotation.conf"
LINE_BREAKS = "\n\r\u2028\u2029\x85"  # what ends a line of .ann for brat (Python's readline)
_NOT_LINE_BREAKS = re.compile(f"[^{LINE_BREAKS}]+")
_T_ID = re.compile(r"T(\d+)")
_BREAKS = str.maketrans("\n\r\t", "   ")
_SPACE = re.compile(r"\s+")  # an attribute name ends at a space in brat


# -- reading ---------------------------------------------------------------------------------

def brat_to_document(text: str, ann: str, *, doc_id: str, problems: Problems,
                     path: str | None = None, repair: bool = False, annotator: str = "",
                     source: str = "", replace_invalid: bool = False) -> Document:
    """A document from a ``.txt`` text and its ``.ann`` content (see the module docstring).

    A line holding a character XML cannot carry is an error (skipped), or with
    ``replace_invalid`` read with each such character replaced by U+FFFD and a warning."""
    where = path or doc_id
    document = Document(doc_id, text, source=source)
    stamp = now_iso()
    fragments: dict[str, list[tuple[int, int]]] = {}
    fragment_lines: dict[str, int] = {}  # T id -> its line, for the warnings about it
    labels: dict[str, str] = {}
    attributes: dict[str, dict[str, str]] = {}
    links: dict[str, list[Link]] = {}
    notes: dict[str, str] = {}
    later: list[tuple[int, str, list[str]]] = []

    def error(problem: FormatError, number: int) -> None:
        problems.error(problem.at(where, number))

    for number, line in enumerate(ann.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        illegal = ILLEGAL_XML_CHARS.search(line)
        if illegal:
            if not replace_invalid:
                error(FormatError(Errors.E375, char=f"{ord(illegal.group()):04X}"), number)
                continue
            line, count = replace_illegal(line)
            problems.warn(EncodingError(Errors.E152, count=count, path=where, line=number))
        fields = line.split("\t")
        kind = line[0]
        if kind == "T":
            spans = _text_bound(fields, text, number, error, problems, where, repair)
            if spans is not None:
                if fields[0] in fragments:
                    error(FormatError(Errors.E350, id=fields[0]), number)
                    continue
                label, spans_list = spans
                fragments[fields[0]] = spans_list
                fragment_lines[fields[0]] = number
                labels[fields[0]] = label
        elif kind in "AMR#":
            later.append((number, kind, fields))
        elif kind in "E*N":
            problems.warn(FormatError(_UNSUPPORTED[kind], path=where, line=number))
        else:
            error(FormatError(Errors.E354, id=fields[0]), number)

    for number, kind, fields in later:
        if len(fields) < 2:
            error(FormatError(Errors.E355), number)
            continue
        words = fields[1].split(" ")
        if kind in "AM":
            if len(words) < 2 or words[1] not in fragments:
                error(FormatError(Errors.E356, id=words[1] if len(words) > 1 else ""), number)
                continue
            values = attributes.setdefault(words[1], {})
            if words[0] in values:
                error(FormatError(Errors.E357, name=words[0], id=words[1]), number)
                continue
            values[words[0]] = " ".join(words[2:])
        elif kind == "R":
            arguments = [w.partition(":")[2] for w in words[1:]]
            if len(arguments) != 2 or not words[0]:
                error(FormatError(Errors.E358), number)
                continue
            missing = [a for a in arguments if a not in fragments]
            if missing:
                error(FormatError(Errors.E359, id=missing[0]), number)
                continue
            links.setdefault(arguments[0], []).append(Link(words[0], arguments[1]))
        else:  # '#': a note
            target = words[1] if len(words) > 1 else ""
            if target not in fragments:
                error(FormatError(Errors.E360, id=target), number)
                continue
            if words[0] != "AnnotatorNotes":
                problems.warn(FormatError(Errors.E361, type=words[0], path=where, line=number))
            note = fields[2] if len(fields) > 2 else ""
            notes[target] = notes[target] + "\n" + note if target in notes else note

    made: list[Annotation] = []
    taken = set(fragments)
    for tid, spans_list in fragments.items():
        ids = fragment_ids(tid, len(spans_list), taken, "-")
        if len(ids) > 1:
            problems.warn(FormatError(Errors.E362, id=tid, count=len(ids), ids=", ".join(ids),
                                      role=NEXT, path=where, line=fragment_lines[tid]))
        for index, ((start, end), aid) in enumerate(zip(spans_list, ids, strict=True)):
            own_links = tuple(links.get(tid, ())) if index == 0 else ()
            if index + 1 < len(ids):
                own_links += (Link(NEXT, ids[index + 1]),)
            made.append(Annotation(
                id=aid, start=start, end=end, label=labels[tid], annotator=annotator,
                attributes=dict(attributes.get(tid, {})) if index == 0 else {},
                links=own_links, created=stamp, modified=stamp,
                note=notes.get(tid, "") if index == 0 else ""))
    document.annotations.extend(made)
    return document


_UNSUPPORTED = {"E": Errors.E351, "*": Errors.E352, "N": Errors.E353}


def _text_bound(fields: list[str], text: str, number: int,
                error: Callable[[FormatError, int], None], problems: Problems,
                where: str, repair: bool) -> tuple[str, list[tuple[int, int]]] | None:
    if len(fields) < 2:
        error(FormatError(Errors.E363), number)
        return None
    if not is_valid_id(fields[0]):
        error(FormatError(Errors.E364, id=fields[0]), number)
        return None
    label, _, offsets = fields[1].partition(" ")
    spans: list[tuple[int, int]] = []
    try:
        for piece in offsets.split(";"):
            start_text, end_text = piece.split()
            spans.append((int(start_text), int(end_text)))
    except ValueError:
        error(FormatError(Errors.E365, offsets=offsets), number)
        return None
    if not label:
        error(FormatError(Errors.E366), number)
        return None
    for start, end in spans:
        if not 0 <= start < end <= len(text):
            error(FormatError(Errors.E367, start=start, end=end, length=len(text)), number)
            return None
    if len(fields) > 2:
        found = " ".join(text[s:e] for s, e in spans).translate(_BREAKS)
        given = "\t".join(fields[2:]).translate(_BREAKS)
        if found != given:
            if not repair:
                error(FormatError(Errors.E368, given=given, found=found), number)
                return None
            problems.warn(FormatError(Errors.E369, given=given, found=found, path=where,
                                      line=number))
    return label, _joined_across_lines(text, spans)


def _joined_across_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fragments that only line breaks separate made one span again (the writer cuts a span
    that crosses a line break into such fragments)."""
    joined = [spans[0]]
    for start, end in spans[1:]:
        gap = text[joined[-1][1]:start]
        if gap and not gap.strip(LINE_BREAKS):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def line_fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at the line breaks inside it: the pieces of text between them
    (brat's way of keeping one annotation over several lines: its ``.ann`` lines hold no
    line break).  Line breaks at either end stay in the first or last piece."""
    pieces = [[m.start() + start, m.end() + start]
              for m in _NOT_LINE_BREAKS.finditer(text[start:end])]
    if not pieces:
        return [(start, end)]
    pieces[0][0], pieces[-1][1] = start, end
    return [(first, last) for first, last in pieces]


def _pairs(path: Path) -> list[tuple[Path, Path | None]]:
    """(.txt, .ann or None) pairs for a file or a folder."""
    if path.is_dir():
        stems = sorted({p.stem for p in path.iterdir() if p.suffix in (".ann", ".txt")})
        return [(path / f"{stem}.txt", path / f"{stem}.ann") for stem in stems]
    return [(path.with_suffix(".txt"), path.with_suffix(".ann"))]


def _decode(data: bytes, encoding: str | None, path: Path) -> str:
    try:
        return data.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise EncodingError(Errors.E150, encoding=encoding or "UTF-8", path=str(path),
                            line=line) from None
    except LookupError:
        raise EncodingError(Errors.E144, name=encoding, path=str(path)) from None


def read_brat(path: Path, options: ImportOptions, problems: Problems) -> Iterator[Document]:
    """Registry reader: a ``.ann`` or ``.txt`` file (its pair beside it), or a folder of pairs."""
    path = Path(path)
    for txt, ann in _pairs(path):
        try:
            if not txt.is_file():
                raise FormatError(Errors.E370, txt=txt.name, ann=ann.name if ann else "",
                                  path=str(ann or txt))
            text = _decode(txt.read_bytes(), options.encoding, txt)
            if options.replace_invalid:
                text, count = replace_illegal(text)
                if count:
                    problems.warn(EncodingError(Errors.E151, count=count, path=str(txt)))
            else:
                check_xml_text(text, str(txt))
            if ann is not None and ann.is_file():
                ann_text = _decode(ann.read_bytes(), "utf-8", ann)
            else:
                problems.warn(FormatError(Errors.E371, path=str(txt)))
                ann_text = ""
        except OSError as error:
            problems.error(FormatError(Errors.E600, reason=error.strerror, path=str(txt)))
            continue
        except FormatError as error:
            problems.error(error)
            continue
        doc_id = doc_id_from_path(txt)  # as for plain text: 000_x.txt is document 000_x
        yield brat_to_document(text, ann_text, doc_id=doc_id, problems=problems,
                               path=str(ann or txt), repair=options.repair,
                               annotator=options.annotator, source=txt.name,
                               replace_invalid=options.replace_invalid)


# -- writing ---------------------------------------------------------------------------------

def document_to_ann(document: Document, problems: Problems | None = None) -> str:
    """The ``.ann`` text of a document (see the module docstring for the order)."""
    problems = problems if problems is not None else Problems()
    annotations = document.annotations
    chains, head_of = _fragment_chains(document)
    heads = [a for a in annotations if a.id not in head_of]
    numbers: dict[str, int] = {}
    for annotation in heads:
        match = _T_ID.fullmatch(annotation.id)
        if match and int(match.group(1)) not in numbers.values():
            numbers[annotation.id] = int(match.group(1))
    next_number = max(numbers.values(), default=0) + 1
    for annotation in heads:
        if annotation.id not in numbers:
            numbers[annotation.id] = next_number
            next_number += 1
    heads.sort(key=lambda a: numbers[a.id])
    tid = {a.id: f"T{numbers[a.id]}" for a in heads}
    for member, head in head_of.items():
        tid[member] = tid[head]


    t_lines, a_lines, r_lines, notes = [], [], [], []
    for annotation in heads:
        pieces = [annotation] + [annotations[i] for i in chains.get(annotation.id, [])]
        cuts = [cut for a in pieces for cut in line_fragments(document.text, a.start, a.end)]
        offsets = ";".join(f"{start} {end}" for start, end in cuts)
        covered = " ".join(document.text[start:end] for start, end in cuts).translate(_BREAKS)
        t_lines.append(f"{tid[annotation.id]}\t{annotation.label} {offsets}\t{covered}")
        for name in sorted(annotation.attributes):
            value = annotation.attributes[name].translate(_BREAKS)
            if value != annotation.attributes[name]:
                problems.warn(FormatError(Errors.E372, document=document.id, name=name,
                                          id=annotation.id))
            written = _SPACE.sub("_", name)
            if written != name:
                problems.warn(FormatError(Errors.E376, document=document.id, name=name,
                                          written=written, id=annotation.id))
            a_lines.append(f"\t{written} {tid[annotation.id]}" + (f" {value}" if value else ""))
        for link in annotation.links:
            if link.role == NEXT and annotation.id in chains:
                continue
            if link.target not in tid:
                problems.warn(FormatError(Errors.E374, document=document.id, id=annotation.id,
                                          role=link.role, target=link.target))
                continue
            r_lines.append(f"\t{link.role} Arg1:{tid[annotation.id]} Arg2:{tid[link.target]}")
        if annotation.note:
            note = annotation.note.translate(_BREAKS)
            if note != annotation.note:
                problems.warn(FormatError(Errors.E373, document=document.id, id=annotation.id))
            notes.append(f"\tAnnotatorNotes {tid[annotation.id]}\t{note}")
    lines = list(t_lines)
    lines += [f"A{n}{line}" for n, line in enumerate(a_lines, 1)]
    lines += [f"R{n}{line}" for n, line in enumerate(r_lines, 1)]
    lines += [f"#{n}{line}" for n, line in enumerate(notes, 1)]
    return "".join(line + "\n" for line in lines)


def _fragment_chains(document: Document) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Chains of ``next`` links that stand for one discontinuous brat annotation.

    Returns (head id → member ids, member id → head id).  A link X → Y counts when X has no
    other ``next`` link, Y has the same label, starts at or after X's end, has no attributes,
    note or links but its own ``next``, and nothing else points to it.
    """
    annotations = document.annotations
    pointed: dict[str, int] = {}
    for annotation in annotations:
        for link in annotation.links:
            pointed[link.target] = pointed.get(link.target, 0) + 1
    edges: dict[str, str] = {}
    for annotation in annotations:
        targets = annotation.link_targets(NEXT)
        nxt = annotations.get(targets[0]) if len(targets) == 1 else None
        if (nxt is not None and nxt.label == annotation.label and nxt.start >= annotation.end
                and not nxt.attributes and not nxt.note and pointed.get(nxt.id) == 1
                and all(link.role == NEXT for link in nxt.links)):
            edges[annotation.id] = nxt.id
    targets_of_edges = set(edges.values())
    chains: dict[str, list[str]] = {}
    head_of: dict[str, str] = {}
    for head in edges:
        if head in targets_of_edges:
            continue
        members, current = [], head
        while current in edges and edges[current] not in head_of and edges[current] != head:
            current = edges[current]
            members.append(current)
            head_of[current] = head
        chains[head] = members
    return chains, head_of


def write_brat(documents: Iterable[Document], out: Path, options: ExportOptions) -> None:
    """Registry writer: ``<id>.txt`` and ``<id>.ann`` for each document, in the folder ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    conf = AnnotationConf()
    with AtomicBatch() as batch:  # every file written, then flushed to disk once
        for document in documents:
            if options.layer is not None or options.labels is not None or has_other_layers(
                    document):
                document = select_layer(document, options.layer, options.labels)
            ann = document_to_ann(document, options.problems)
            batch.write(out / f"{document.id}.txt", document.text.encode("utf-8"))
            batch.write(out / f"{document.id}.ann", ann.encode("utf-8"))
            conf.add(document)
        batch.write(out / CONF, conf.text().encode("utf-8"))


class AnnotationConf:
    """brat's ``annotation.conf`` for the documents added: every entity label, each relation
    with the labels of its arguments, each attribute with the labels it is on and its values,
    and overlaps of any kind allowed (quotes hold entities), so brat opens the folder with no
    complaint about types it does not know."""

    def __init__(self) -> None:
        self.entities: set[str] = set()
        self.relations: dict[str, tuple[set[str], set[str]]] = {}
        self.attributes: dict[str, tuple[set[str], set[str]]] = {}

    def add(self, document: Document) -> None:
        """Take the types ``document`` uses (as :func:`document_to_ann` writes them)."""
        chains, head_of = _fragment_chains(document)
        annotations = document.annotations
        for annotation in annotations:
            if annotation.id in head_of:
                continue
            self.entities.add(annotation.label)
            for name, value in annotation.attributes.items():
                labels, values = self.attributes.setdefault(_SPACE.sub("_", name), (set(), set()))
                labels.add(annotation.label)
                if value:
                    values.add(_SPACE.sub("_", value.translate(_BREAKS)))
            for link in annotation.links:
                target = annotations.get(link.target)
                if target is None or (link.role == NEXT and annotation.id in chains):
                    continue
                first, second = self.relations.setdefault(link.role, (set(), set()))
                first.add(annotation.label)
                second.add(annotations[head_of.get(target.id, target.id)].label)

    def text(self) -> str:
        """The file's text."""
        lines = ["[entities]", *sorted(self.entities), "", "[relations]"]
        lines += [f"{role}\tArg1:{'|'.join(sorted(first))}, Arg2:{'|'.join(sorted(second))}"
                  for role, (first, second) in sorted(self.relations.items())]
        lines += ["<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]",
                  "", "[attributes]"]
        for name, (labels, values) in sorted(self.attributes.items()):
            kinds = f"Arg:{'|'.join(sorted(labels))}"
            lines.append(f"{name}\t{kinds}, Value:{'|'.join(sorted(values))}" if values
                         else f"{name}\t{kinds}")
        return "\n".join(lines) + "\n"
