"""Differential fuzzing of every importer (issue 10), shared by tests/test_import_fuzz.py (a few
hundred derandomized cases per importer) and tools/fuzz_imports.py (a larger seeded run).

A case starts from the files an exporter writes for generated documents (TEI for the TEI
importer, the text itself for plain text), changes them with mutations drawn by hypothesis
(cuts, duplicated slices, inserted bytes and characters, numbers and fields replaced, other
encodings, byte-order marks, line ends, files renamed or removed) and imports them twice:
through the registry reader, which gives the documents and problems, and through
``annotator import`` in-process, which writes the files.  :func:`check` holds both to the
rules of bad input:

- no exception escapes the reader or the command (none reported as "unexpected", E623);
- every line on stderr is a one-line diagnostic naming a file, or the summary, and the exit
  status is 2 exactly when the reader or a save found an error (0 otherwise);
- every document the reader produces saves as TEI that lxml accepts, that reads back without
  problems as the same document, and that saves again to the same bytes;
- the output folder holds only complete files of documents that saved (no temporary files),
  each reading as the reader's document, and an existing output file that differs is kept;
- a TEI input that lxml finds not well-formed is refused and writes nothing.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from hypothesis import strategies as st
from lxml import etree
from strategies import documents

from annotator.cli import main
from annotator.docid import MAX_ID_BYTES
from annotator.errors import AnnotatorError
from annotator.formats import ExportOptions, ImportOptions, Problems, guess_format, read_documents
from annotator.formats.brat import document_to_ann
from annotator.formats.conll import documents_to_conll, export_selection
from annotator.formats.hf import write_hf
from annotator.formats.jsonl import document_to_line
from annotator.layers import select_layer
from annotator.model import Document
from annotator.tei import tei_bytes
from annotator.tei_read import read_tei_bytes
from annotator.xmlchars import find_illegal, replace_illegal

FORMATS = ("txt", "jsonl", "tei", "conll", "brat", "hf")
WHEN = ("2026-12-01T10:00:00Z",)
PRECIOUS = b"<precious/>\n"  # an output file there before the import, which must be kept

# Bytes inserted anywhere: characters XML forbids (NUL, U+0001, U+FFFE, U+FFFF, a lone
# surrogate as UTF-8 would encode it), bytes that are not UTF-8, byte-order marks, line ends
# and separators, signs and huge numbers, very long ids, and the syntax of every format.
PIECES = [
    b"\x00", b"\x01", b"\x1a", "\ufffe".encode(), "\uffff".encode(), b"\xed\xa0\x80",
    b"\xed\xbf\xbf", b"\xff", b"\xc3", b"\x80", "\ufeff".encode(), b"\xff\xfe", b"\xfe\xff",
    b"\r\n", b"\r", b"\n", b"\t", b" ", "\u2028".encode(), "\x85".encode(), "\u00a0".encode(),
    b"-", b"-3", b" -3", b"+3", b"0", b"99999999999999999999999999", b"1e999", b"NaN",
    b"x" * 300, "ق".encode(), "٣".encode(), "３".encode(), "\U0001F600".encode(),
    b'"', b"{", b"}", b"[", b"]", b",", b":", b"\\", b'"\\ud800"', b'"\\u0000"', b'"\\ufffe"',
    b"null", b"true", b'""', b"[]", b"{}",
    b"T1", b"A1", b"R1", b"#1", b"E1", b"*", b"N1", b"Arg1:T1", b"AnnotatorNotes",
    b"O", b"B-", b"I-", b"B-PER", b"I-PER", b"I--ORG", b"-DOCSTART-", b"-DOCSTART- O\n",
    b"<", b">", b"&", b"&#1;", b"]]>", b"<p>", b"</p>", b"string-range(p1,",
]
# What a digit run becomes: negative, signed, huge, non-ASCII digits, not a number.
NUMBERS = [b"-3", b"-0", b"0", b"+3", b" -3", b"1_0", b"99999999999999999999999999",
           b"1e400", b"3.5", "٣".encode(), "３".encode(), b"", b"x"]
# What a field (a run of characters between separators) becomes.
FIELDS = [b"", b"x" * 300, b"O", b"B-", b"I-X", b"B-\xef\xbf\xbe", "\ufffe".encode(), b"\x00",
          b"\xed\xa0\x80", b"T1", b"1", b"-1", b"null", b"a b", b"\t", "قال".encode(), b"PER",
          b"next", b"speaker"]
# What a value of a JSON file or line becomes (or it goes: DROP); a lone surrogate is written
# as the three bytes UTF-8 would give it, which no UTF-8 decoder accepts.
DROP = object()
JSON_VALUES: list[object] = [
    DROP, -3, -1, 0, 10**20, 2**63, 1.5, float("inf"), True, None, "", "x" * 300, "\ufffe",
    "\ud800", "\x00", "\x01", "٣", "-3", "O", "B-", "I-X", "B-PER", "doc-1", "a0", "T1",
    "speaker", "gold", [], {}, [1, 2], ["O"], [0, 1, "PER"], {"start": 0, "end": 1},
    {"role": "speaker", "target": "a1"}]
_DIGITS = re.compile(rb"[0-9]+")
_FIELD = re.compile(rb"[^\s\"',:;{}\[\]<>=]+")
ENCODINGS = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1256", "iso8859_6", "latin-1"]
# Stems of input files; the long ones fit a file name (255 bytes) with any ending used here,
# but not the output's temporary name.
STEMS = ["x" * 240, "قال" * 40, "a b (copy)", "-lead", "٣", "doc-1", "rows"]
ANNOTATORS = ["lead", "بلال", "a\ufffeb", "x\x01", "c d"]
INPUT_ENCODINGS = ["utf-8", "utf-16", "cp1256", "iso-8859-6", "latin-1"]


@dataclass
class Case:
    """One import to try: the input files, the file named on the command line, the options."""

    fmt: str
    files: dict[str, bytes]
    source: str
    replace_invalid: bool = False
    repair: bool = False
    annotator: str = ""
    encoding: str | None = None
    precious: bool = False  # put a differing file where the first document's output goes
    mutations: int = 0
    originals: tuple[Document, ...] = ()  # the documents exported

    def arguments(self, folder: Path, out: Path) -> list[str]:
        """``annotator import`` arguments for inputs in ``folder`` and output in ``out``."""
        args = ["import", str(folder / self.source), "-o", str(out)]
        if self.fmt == "hf":
            args += ["--format", "hf"]
        if self.replace_invalid:
            args.append("--replace-invalid")
        if self.repair:
            args.append("--repair")
        if self.annotator:
            args += ["--annotator", self.annotator]
        if self.encoding:
            args += ["--encoding", self.encoding]
        return args

    def options(self) -> ImportOptions:
        """The reader options those arguments stand for."""
        return ImportOptions(encoding=self.encoding, annotator=self.annotator,
                             replace_invalid=self.replace_invalid, repair=self.repair)


# -- valid files ---------------------------------------------------------------------------------

def with_id(document: Document, doc_id: str) -> Document:
    """An equal document under another id."""
    copy = Document(doc_id, document.text, document.title, document.source, document.language,
                    document.direction, dict(document.status))
    copy.annotations.extend(document.annotations)
    return copy


def exported(fmt: str, docs: list[Document]) -> tuple[dict[str, bytes], str]:
    """The files the exporter of ``fmt`` writes for ``docs`` (the TEI writer's for ``tei``,
    the text for ``txt``; brat, TEI and text hold the first document only), and the one to
    name on the command line."""
    first = docs[0]
    if fmt == "txt":
        return {f"{first.id}.txt": first.text.encode("utf-8")}, f"{first.id}.txt"
    if fmt == "tei":
        return {f"{first.id}.tei.xml": tei_bytes(first)}, f"{first.id}.tei.xml"
    if fmt == "jsonl":
        return {"docs.jsonl": "".join(document_to_line(d) + "\n" for d in docs).encode()}, \
            "docs.jsonl"
    if fmt == "conll":
        chosen = [export_selection(d, ExportOptions()) for d in docs]  # as write_conll
        return {"docs.conll": "".join(documents_to_conll(chosen, problems=Problems())).encode()}, \
            "docs.conll"
    if fmt == "brat":
        selected = select_layer(first, None, None)  # as write_brat: one layer
        return {f"{first.id}.txt": first.text.encode("utf-8"),
                f"{first.id}.ann": document_to_ann(selected).encode("utf-8")}, f"{first.id}.ann"
    with tempfile.TemporaryDirectory() as scratch:
        write_hf(docs, Path(scratch) / "rows.jsonl", ExportOptions())
        return {path.name: path.read_bytes() for path in Path(scratch).iterdir()}, "rows.jsonl"


# -- mutations -----------------------------------------------------------------------------------

def _replace_match(data: bytes, pattern: re.Pattern[bytes], number: int, new: bytes) -> bytes:
    matches = list(pattern.finditer(data))
    if not matches:
        return data
    match = matches[number % len(matches)]
    return data[:match.start()] + new + data[match.end():]


def _json_paths(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """The path (keys and indexes) to every value inside ``value``, itself included."""
    paths = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            paths += _json_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            paths += _json_paths(item, (*path, index))
    return paths


def _json_set(value: object, path: tuple[object, ...], new: object) -> object:
    """``value`` with the item at ``path`` made ``new`` (dropped for DROP)."""
    if not path:
        return {} if new is DROP else new
    parent = value
    for step in path[:-1]:
        parent = parent[step]  # type: ignore[index]
    if new is DROP:
        del parent[path[-1]]  # type: ignore[attr-defined]
    else:
        parent[path[-1]] = new  # type: ignore[index]
    return value


def _json_dumped(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _json_changed(draw: st.DrawFn, data: bytes) -> bytes:
    """One value of a JSON file, or of one line of a JSON Lines file, changed or dropped."""
    try:
        whole: object = json.loads(data)
    except ValueError:
        lines = data.split(b"\n")
        numbers = [n for n, line in enumerate(lines) if line.strip()]
        if not numbers:
            return data
        number = draw(st.sampled_from(numbers), label="line")
        try:
            value = json.loads(lines[number])
        except ValueError:
            return data
        path = draw(st.sampled_from(_json_paths(value)), label="path")
        lines[number] = _json_dumped(_json_set(value, path, draw(st.sampled_from(JSON_VALUES),
                                                                    label="value")))
        return b"\n".join(lines)
    path = draw(st.sampled_from(_json_paths(whole)), label="path")
    return _json_dumped(_json_set(whole, path, draw(st.sampled_from(JSON_VALUES),
                                                    label="value")))


def _reencoded(data: bytes, encoding: str) -> bytes:
    return data.decode("utf-8", "replace").encode(encoding, "replace")


def _mutated_bytes(draw: st.DrawFn, data: bytes, name: str) -> bytes:
    """One change to the bytes of the file ``name``."""
    kinds = ["splice", "splice", "splice", "duplicate", "number", "number", "field", "field",
             "encoding", "bom", "line ends", "truncate", "empty"]
    if name.endswith(".json") or name.endswith(".jsonl"):
        kinds += ["json"] * 6
    kind = draw(st.sampled_from(kinds), label="mutation")
    if kind == "json":
        return _json_changed(draw, data)
    if kind == "splice":
        at = draw(st.integers(0, len(data)), label="at")
        cut = draw(st.integers(0, 12), label="cut")
        insert = b"".join(draw(st.lists(st.sampled_from(PIECES), max_size=3), label="insert"))
        return data[:at] + insert + data[at + cut:]
    if kind == "duplicate":
        start = draw(st.integers(0, len(data)), label="from")
        length = draw(st.integers(1, 80), label="length")
        at = draw(st.integers(0, len(data)), label="to")
        return data[:at] + data[start:start + length] + data[at:]
    if kind == "number":
        return _replace_match(data, _DIGITS, draw(st.integers(0, 200), label="which"),
                              draw(st.sampled_from(NUMBERS), label="number"))
    if kind == "field":
        return _replace_match(data, _FIELD, draw(st.integers(0, 200), label="which"),
                              draw(st.sampled_from(FIELDS), label="field"))
    if kind == "encoding":
        return _reencoded(data, draw(st.sampled_from(ENCODINGS), label="encoding"))
    if kind == "bom":
        return draw(st.sampled_from(["\ufeff".encode(), b"\xff\xfe", b"\xfe\xff",
                                     "\ufeff\ufeff".encode()]), label="bom") + data
    if kind == "line ends":
        return data.replace(b"\n", draw(st.sampled_from([b"\r\n", b"\r", b"\n\n"]),
                                        label="line end"))
    if kind == "truncate":
        return data[:draw(st.integers(0, len(data)), label="keep")]
    return b""


def _renamed(draw: st.DrawFn, files: dict[str, bytes], source: str,
             ) -> tuple[dict[str, bytes], str]:
    """Files with a new stem: the one named on the command line and, perhaps, its companions
    (brat's .txt, the Hugging Face label list)."""
    stem = draw(st.sampled_from(STEMS), label="stem")
    together = draw(st.booleans(), label="companions too")
    old_stem = source.split(".")[0]
    renamed: dict[str, bytes] = {}
    for name, data in files.items():
        if name == source or (together and name.startswith(old_stem + ".")):
            name = stem + name[len(old_stem):]
        renamed[name] = data
    return renamed, stem + source[len(old_stem):]


@st.composite
def import_cases(draw: st.DrawFn, fmt: str) -> Case:
    """A case for the importer of ``fmt``: exported files with up to four mutations."""
    several = fmt in ("jsonl", "conll", "hf")
    count = draw(st.integers(1, 2 if several else 1), label="documents")
    docs = [with_id(draw(documents(created=WHEN), label="document"), f"doc-{n}")
            for n in range(1, count + 1)]
    files, source = exported(fmt, docs)
    mutations = draw(st.integers(0, 4), label="mutations")
    for _ in range(mutations):
        what = draw(st.sampled_from(["bytes"] * 10 + ["rename", "remove"]), label="what")
        if what == "rename":
            files, source = _renamed(draw, files, source)
        elif what == "remove" and len(files) > 1:
            companion = draw(st.sampled_from(sorted(set(files) - {source})), label="remove")
            del files[companion]
        else:
            name = draw(st.sampled_from(sorted(files)), label="file")
            files[name] = _mutated_bytes(draw, files[name], name)
    return Case(
        fmt, files, source,
        replace_invalid=draw(st.booleans(), label="--replace-invalid"),
        repair=draw(st.booleans(), label="--repair"),
        annotator=draw(st.sampled_from(["", "", "", *ANNOTATORS]), label="--annotator"),
        encoding=draw(st.sampled_from([None] * 6 + INPUT_ENCODINGS), label="--encoding"),
        precious=draw(st.integers(0, 4), label="precious") == 4,  # not the simplest draw
        mutations=mutations, originals=tuple(docs))


# -- the checks ----------------------------------------------------------------------------------

_DIAGNOSTIC = re.compile(r"(?P<path>[^:\n]+)(?::(?P<line>\d+))?(?::\d+)?: "
                         r"(?P<severity>error|warning)(?: (?P<code>E\d{3}))?: \S[^\n]*")
_SUMMARY = re.compile(r"imported (?P<n>\d+) documents? into [^\n]*?"
                      r"(?: \((?P<same>\d+) unchanged\))?"
                      r"(?:; (?P<failed>\d+) failed \(see above\))?")
_USAGE = re.compile(r"annotator import: error E\d{3}: [^\n]+")
NAME_MAX = 255  # bytes in a file name on the usual file systems
# Codes of problems with one line of a JSONL, Hugging Face rows, brat .ann or CoNLL file:
# each must say which line.  (E401 is the label list's, which names the label's position.)
LINE_CODES = frozenset(f"E{n}" for n in (*range(310, 343), *range(350, 370), 375,
                                         *range(392, 401), 402, *range(420, 432)))


def lxml_well_formed(data: bytes) -> bool:
    """lxml's verdict on well-formedness alone (xml:id values unchecked, a namespace name
    that is not a URI let pass), with no DTD, network or entity expansion."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             collect_ids=False)
    try:
        etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return {entry.type_name for entry in parser.error_log} <= {"WAR_NS_URI"}
    return True


def lxml_strict(data: bytes) -> bool:
    """lxml accepts ``data``, xml:id values checked."""
    try:
        etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True,
                                               load_dtd=False))
    except etree.XMLSyntaxError:
        return False
    return True


def without_times(document: Document) -> Document:
    """A copy with every annotation's creation and modification time blank: the readers of
    brat, CoNLL and Hugging Face files stamp them with the time of reading."""
    blank = Document(document.id, document.text, document.title, document.source,
                     document.language, document.direction, dict(document.status))
    blank.annotations.extend(replace(a, created="", modified="") for a in document.annotations)
    return blank


def prepared(document: Document, case: Case) -> Document | None:
    """The document the import saves (annotator filled in, characters XML cannot carry
    replaced on request), or None when the import refuses its text."""
    if case.annotator and any(not a.annotator for a in document.annotations):
        filled = Document(document.id, document.text, document.title, document.source,
                          document.language, document.direction, dict(document.status))
        filled.annotations.extend(a if a.annotator else replace(a, annotator=case.annotator)
                                  for a in document.annotations)
        document = filled
    if case.replace_invalid:
        document.text = replace_illegal(document.text)[0]
        document.title = replace_illegal(document.title)[0]
    elif find_illegal(document.text):
        return None
    return document


def saves_and_reloads(document: Document) -> bytes | None:
    """The TEI bytes of ``document``, checked to parse with lxml and to read back without
    problems as the same document and save again the same; None when the writer refuses it
    (in one line)."""
    try:
        data = tei_bytes(document)
    except AnnotatorError as error:
        assert "\n" not in str(error), str(error)
        return None
    assert lxml_strict(data), f"{document.id}: the saved file is not one lxml accepts"
    again = read_tei_bytes(data, "saved.tei.xml")
    assert again.problems == [], f"{document.id}: saved file reads with {again.problems}"
    assert again.document == document, f"{document.id}: saved file reads as another document"
    assert tei_bytes(again.document) == data, f"{document.id}: a second save differs"
    return data


def _too_long_to_save(doc_id: str) -> bool:
    """The id is longer than ids may be (:data:`annotator.docid.MAX_ID_BYTES`, for they
    become file names), or the output's temporary name (``.<id>.tei.xml.XXXXXXXX.tmp``) is
    longer than a name may be: either way the import refuses it (and says so)."""
    return (len(doc_id.encode("utf-8", "surrogatepass")) > MAX_ID_BYTES
            or len(f".{doc_id}.tei.xml.12345678.tmp".encode()) > NAME_MAX)


def read_directly(case: Case, folder: Path) -> tuple[list[Document], Problems]:
    """What the registry reader gives for the case: documents and problems (recorded, never
    raised; every problem is one line naming an input file)."""
    path = folder / case.source
    problems = Problems()
    fmt = "hf" if case.fmt == "hf" else guess_format(path)
    docs = list(read_documents(path, fmt, case.options(), problems))
    for problem in problems.errors + problems.warnings:
        line = problem.one_line()
        assert "\n" not in line, line
        assert problem.path is not None and Path(problem.path).parent == folder, line
    return docs, problems


def check_unchanged(case: Case, docs: list[Document], problems: Problems) -> None:
    """Files as the exporter wrote them import without errors; JSONL and TEI give back the
    very documents, plain text its text (less a leading byte-order mark)."""
    assert not problems.errors, [str(error) for error in problems.errors]
    if case.fmt in ("jsonl", "tei"):
        assert docs == list(case.originals)
    elif case.fmt == "txt":
        text = case.originals[0].text
        assert [d.text for d in docs] == [text[1:] if text.startswith("\ufeff") else text]


def run_import(arguments: list[str]) -> tuple[int, str]:
    """``annotator import`` in-process: exit status and stderr."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            status = main(arguments)
        except SystemExit as leaving:  # argparse
            status = int(leaving.code or 0)
    return status, err.getvalue()


def refused_for_usage(case: Case, folder: Path, out: Path) -> str:
    """An option value XML cannot carry (``--annotator``) is one usage line, exit 2, and
    nothing written (not even the output folder)."""
    status, stderr = run_import(case.arguments(folder, out))
    assert status == 2 and _USAGE.fullmatch(stderr.rstrip("\n")), (status, stderr)
    assert not out.exists(), "the output folder was made for a refused command"
    return "refused"


def expected_outputs(case: Case, docs: list[Document],
                     problems: Problems) -> tuple[dict[str, Document], bool]:
    """The documents the command must write, by id (the first of each id that saves, each
    checked by :func:`saves_and_reloads`), and whether it must report an error."""
    expected: dict[str, Document] = {}
    written: dict[str, bytes] = {}
    error_expected = bool(problems.errors)
    for document in docs:
        ready = prepared(document, case)
        data = saves_and_reloads(ready) if ready is not None else None
        if data is None or _too_long_to_save(document.id):
            error_expected = True
        elif document.id in written:
            error_expected |= written[document.id] != data  # a second, different one
        else:
            expected[document.id], written[document.id] = ready, data
    return expected, error_expected


def check_stderr(stderr: str, status: int, folder: Path, out: Path) -> None:
    """One diagnostic a line, each naming an input or output file (and the line for a
    problem with one line), then the summary; exit 2 exactly when there are errors."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.splitlines()
    summary = _SUMMARY.fullmatch(lines[-1]) if lines else None
    assert summary, stderr
    errors = 0
    for line in lines[:-1]:
        found = _DIAGNOSTIC.fullmatch(line)
        assert found, f"not a one-line diagnostic: {line!r}"
        assert found["code"] != "E623", f"a reader raised: {line}"
        assert Path(found["path"]).parent in (folder, out), f"names no file: {line}"
        assert found["line"] or found["code"] not in LINE_CODES, f"which line? {line}"
        errors += found["severity"] == "error"
    assert int(summary["failed"] or 0) == errors, stderr
    assert status == (2 if errors else 0), (status, stderr)


def check_output(out: Path, expected: dict[str, Document], precious: Path | None,
                 status: int) -> None:
    """Only files of expected documents, each complete and reading back as the reader's
    document (times aside); the precious file untouched."""
    if precious is not None:
        assert precious.read_bytes() == PRECIOUS, "an existing output file was replaced"
    names = {path.name for path in out.iterdir()} if out.exists() else set()
    wanted = {f"{doc_id}.tei.xml" for doc_id in expected}
    assert names <= wanted, f"unexpected files in the output: {sorted(names - wanted)}"
    for doc_id, document in expected.items():
        path = out / f"{doc_id}.tei.xml"
        if path == precious:
            continue
        if not path.exists():
            assert status == 2, f"{path.name} missing after exit 0"
            continue
        data = path.read_bytes()
        assert lxml_strict(data), f"{path.name}: lxml rejects what the import wrote"
        read = read_tei_bytes(data, path.name)
        assert read.problems == [], read.problems
        assert without_times(read.document) == without_times(document), (
            f"{path.name} reads as another document than the reader gave")


def check(case: Case) -> str:
    """Import the case both ways and hold the results to the rules (module docstring);
    ``"accepted"`` (exit 0) or ``"refused"`` (exit 2, something reported), or AssertionError."""
    with tempfile.TemporaryDirectory() as scratch:
        folder, out = Path(scratch) / "in", Path(scratch) / "out"
        folder.mkdir()
        for name, data in case.files.items():
            (folder / name).write_bytes(data)
        if find_illegal(case.annotator):
            return refused_for_usage(case, folder, out)
        docs, problems = read_directly(case, folder)
        if not case.mutations and case.encoding in (None, "utf-8"):
            check_unchanged(case, docs, problems)
        if case.fmt == "tei" and not lxml_well_formed(case.files.get(case.source, b"")):
            assert not docs and problems.errors, "a file lxml finds not well-formed was read"
        expected, error_expected = expected_outputs(case, docs, problems)

        precious = None
        if case.precious and expected:
            out.mkdir()
            precious = out / f"{next(iter(expected))}.tei.xml"
            precious.write_bytes(PRECIOUS)
            error_expected = True

        status, stderr = run_import(case.arguments(folder, out))
        check_stderr(stderr, status, folder, out)
        assert (status == 2) == error_expected, (
            f"exit {status}, but the reader and writer found "
            f"{'errors' if error_expected else 'none'}: {stderr}")
        check_output(out, expected, precious, status)
        return "accepted" if status == 0 else "refused"
