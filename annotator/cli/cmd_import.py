"""``annotator import``: text, JSONL, TEI, CoNLL or brat files to one TEI file per document."""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from annotator.atomic import atomic_write_bytes
from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, EncodingError, FormatError, SaveError
from annotator.formats import (
    READERS,
    SUFFIXES,
    ImportOptions,
    Problems,
    guess_format,
)
from annotator.formats.labelstudio import KNOWN_FORMATS
from annotator.formats.txt import check_encoding_name
from annotator.labelmap import parse_map, rename_labels
from annotator.model import Document
from annotator.progress import Progress
from annotator.tagset import TagSet, load_tagset
from annotator.tei import tei_bytes
from annotator.xmlchars import check_xml_text, first_illegal_field, replace_illegal

from .import_project import run_into_project
from .inputs import expand_sources, project_tagset, read_each

HELP = ("Import text, JSONL, TEI, CoNLL, brat, Hugging Face or Label Studio files: one TEI file "
        "per document in OUTDIR.")

EPILOG = """\
Plain text is read exactly as it is (line ends, tabs, spaces, bidi and joiner controls,
tatweel, tashkeel).  Encodings: UTF-8 with or without BOM, UTF-16 (with BOM, or without one
when NUL bytes show it), Windows-1256 and ISO-8859-6 (detected, or name one with --encoding).
The document id is the file name without its ending (letters, digits, '.', '-', '_').

Text that XML 1.0 cannot carry (control characters U+0000-U+0008, U+000B, U+000C,
U+000E-U+001F, U+FFFE, U+FFFF, lone surrogates) is refused with its line and column,
unless --replace-invalid replaces each such character with U+FFFD (offsets are unchanged)
and reports how many.

Hugging Face token rows ({"id", "tokens", "ner_tags"}, as 'export --format hf' writes
them) need --format hf; numeric ner_tags are looked up in NAME.labels.json beside NAME.jsonl.

Label Studio's JSON export and JSON-MIN (.json) give a document per task and a layer per
annotator (the ground truth as gold); relations become links (a quote's speaker).  doccano
and Label Studio offsets that only fit as UTF-16 code units (after an emoji) are converted
to code points, with a warning.  A file of any other type (.csv, .tsv, a .json of another
shape) is refused naming the formats read; in a folder, such files and a description of the
data (SOURCE.txt, README.txt) are skipped with a warning.

With --project DIR --annotator NAME instead of -o, each document goes into NAME's layer of
the team project DIR's document with the same id (annotations/NAME/<id>.tei.xml); a text that
differs from the project's by one character, and ids the project does not have, are
reported; a layer already holding other annotations is kept unless --replace.

Every failing file or JSONL line is reported as FILE:LINE: problem; the rest is imported.
An existing output file that differs from the new one is kept unless --overwrite is given.
Exit status: 0 when everything was imported, 2 when any input failed or on usage errors.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``annotator import``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    endings = ", ".join(suffix for suffix, _ in SUFFIXES)
    parser.add_argument("sources", nargs="+", metavar="SRC",
                        help=f"files or folders (searched recursively for {endings})")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", metavar="OUTDIR", type=Path,
                        help="folder for the TEI files (created if missing)")
    target.add_argument("--project", metavar="DIR", type=Path,
                        help="instead of -o: put the annotations into --annotator NAME's layer "
                             "of the team project DIR's documents, matched by id "
                             "(docs/PROJECT.md)")
    parser.add_argument("--replace", action="store_true",
                        help="--project: replace what NAME's layer already holds (default: "
                             "keep it, and report the document)")
    parser.add_argument("--format", default="auto", choices=["auto", *READERS],
                        help="input format (default: by file ending)")
    parser.add_argument("--annotator", default="", metavar="NAME",
                        help="annotator of imported spans that name none")
    parser.add_argument("--encoding", metavar="NAME",
                        help="encoding of the input, e.g. utf-8, utf-16, cp1256, iso-8859-6 "
                             "(default: detected)")
    parser.add_argument("--replace-invalid", action="store_true",
                        help="replace characters XML cannot carry with U+FFFD (and say how "
                             "many) instead of refusing the file or line")
    parser.add_argument("--repair", action="store_true",
                        help="fix what can be fixed in malformed token files, and say what")
    parser.add_argument("--split-proclitics", action="store_true",
                        help="token formats: split proclitics off tokens")
    parser.add_argument("--map", metavar="OLD=NEW,...",
                        help="rename labels as they are read, e.g. PERS=PER,ORGANIZATION=ORG")
    parser.add_argument("--tagset", metavar="FILE",
                        help="tag set (TOML) whose labels the TEI files declare (default: "
                             "OUTDIR's tagset.toml when it has one, else the bundled news set)")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace existing output files that differ from the import")


# Names of a folder's files that describe the data beside them (SOURCE.txt, README.txt,
# License.txt...): not documents.  And the JSON files a Hugging Face export keeps beside its
# rows (NAME.labels.json, datasets' dataset_info.json...): not Label Studio tasks.
_DESCRIPTION = re.compile(r"(readme|sources?|licen[cs]e|copying|notice|citation|authors|"
                          r"changelog|changes)([._\-].*)?", re.IGNORECASE)
_SIDECAR_JSON = re.compile(r".*\.labels\.json|dataset_info\.json|dataset_dict\.json|state\.json",
                           re.IGNORECASE)


def wanted_files(fmt: str, skipped: list[AnnotatorError] | None = None,
                 unknown: list[Path] | None = None) -> Callable[[Path], bool]:
    """Which files of a folder to import: known endings (of ``fmt`` unless ``auto``).

    A ``.txt`` next to a ``.ann`` of the same name is brat's text, read with the ``.ann``; a
    ``.txt`` named as a description of the data (``SOURCE.txt``, ``README.txt``) is skipped
    with a warning in ``skipped``, and, with ``auto``, files of unknown types are listed in
    ``unknown``; a Hugging Face export's JSON beside its rows is left alone.
    """
    def wanted(path: Path) -> bool:
        name = path.name.lower()
        for suffix, suffix_format in SUFFIXES:
            if name.endswith(suffix):
                if fmt not in ("auto", suffix_format) and not (
                        fmt == "hf" and suffix_format == "jsonl"):
                    return False
                if suffix_format == "txt" and path.with_suffix(".ann").exists():
                    return False
                if suffix_format == "txt" and _DESCRIPTION.fullmatch(path.stem):
                    if skipped is not None:
                        skipped.append(FormatError(Errors.E636, path=str(path)))
                    return False
                return not (suffix_format == "labelstudio" and _SIDECAR_JSON.fullmatch(name))
        if unknown is not None and fmt == "auto":
            unknown.append(path)
        return False
    return wanted


def _unknown_types(unknown: list[Path]) -> FormatError:
    """One warning for the files of a folder whose type import does not read."""
    endings = Counter(path.suffix.lower() or "no ending" for path in unknown)
    listed = ", ".join(f"{ending} \u00d7{count}" for ending, count in endings.most_common())
    return FormatError(Errors.E637, count=len(unknown), endings=listed, formats=KNOWN_FORMATS)


def _expected_documents(path: Path, fmt: str) -> int:
    """How many documents ``path`` holds, for the progress bar: a JSONL file's lines, else 1."""
    if fmt not in ("jsonl", "hf"):
        return 1
    try:
        with path.open("rb") as stream:
            return max(1, sum(1 for line in stream if line.strip()))
    except OSError:
        return 1


class _Importer:
    """Writes each imported document and keeps the run's tally."""

    def __init__(self, args: argparse.Namespace, tagset: TagSet | None,
                 progress: Progress) -> None:
        self.out: Path = args.output
        self.options = ImportOptions(
            encoding=args.encoding, annotator=args.annotator,
            replace_invalid=args.replace_invalid, repair=args.repair,
            split_proclitics=args.split_proclitics)
        self.overwrite: bool = args.overwrite
        self.label_map = parse_map(args.map) if getattr(args, "map", None) else {}
        self.tagset = tagset
        self.progress = progress
        self.problems = Problems(on_problem=self._report)
        self.written: dict[str, tuple[str, bytes]] = {}  # id -> (source, SHA-256 of the file)
        self.imported = self.unchanged = 0

    def _report(self, problem: AnnotatorError, is_error: bool) -> None:
        self.progress.message(problem.diagnostic("error" if is_error else "warning"))

    def _prepared(self, document: Document, source: str) -> Document:
        """Labels renamed (--map); annotator names filled in; text XML cannot carry refused
        or replaced."""
        document = rename_labels(document, self.label_map)
        if self.options.annotator and any(not a.annotator for a in document.annotations):
            filled = Document(document.id, document.text, document.title, document.source,
                              document.language, document.direction, dict(document.status))
            filled.annotations.extend(
                a if a.annotator else replace(a, annotator=self.options.annotator)
                for a in document.annotations)
            document = filled
        if self.options.replace_invalid:
            text, count = replace_illegal(document.text)
            title, in_title = replace_illegal(document.title)
            if count or in_title:
                self.problems.warn(EncodingError(Errors.E153, count=count + in_title,
                                                 path=source))
                document.text, document.title = text, title  # one for one: offsets hold
        else:
            check_xml_text(document.text, source, f"document {document.id}")
        return document

    def save(self, document: Document, source: str) -> None:
        """Write one document to OUTDIR/<id>.tei.xml unless that would lose something."""
        document = self._prepared(document, source)
        target = self.out / f"{document.id}.tei.xml"
        data = tei_bytes(document, tagset=self.tagset)
        digest = hashlib.sha256(data).digest()
        earlier = self.written.get(document.id)
        if earlier is not None:
            if earlier[1] == digest:
                self.problems.warn(FormatError(Errors.E620, id=document.id, source=earlier[0],
                                               path=source))
                return
            raise FormatError(Errors.E621, id=document.id, source=earlier[0], target=str(target),
                              path=source)
        self.written[document.id] = (source, digest)
        if target.is_file():
            try:
                same = target.read_bytes() == data
            except OSError:
                same = False
            if same:
                self.unchanged += 1
                return
            if not self.overwrite:
                raise SaveError(Errors.E622, target=str(target), path=source)
        atomic_write_bytes(target, data)
        self.imported += 1

    def import_file(self, path: Path, fmt: str) -> None:
        """Import every document of one file; its problems are recorded, never raised.
        The progress bar advances by documents."""
        where = str(path)
        for document in read_each(path, fmt, self.options, self.problems):
            self.progress.total = max(self.progress.total, self.progress.done + 1)
            self.progress.advance(f"{path.name}: {document.id}")
            try:
                self.save(document, where)
            except AnnotatorError as error:
                self.problems.error(error if error.path else error.at(where))
            except OSError as error:  # one document's file (a name too long...): the rest go on
                target = self.out / f"{document.id}.tei.xml"
                self.problems.error(SaveError(Errors.E607, reason=error.strerror or str(error),
                                              path=str(target)))


def _prepare_output(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise SaveError(Errors.E624, path=str(out))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(Errors.E625, reason=error.strerror or str(error), path=str(out)) from None


def run(args: argparse.Namespace) -> int:
    """Import every source; exit 0 when all of it was imported, else 2."""
    if args.encoding:
        check_encoding_name(args.encoding)
    if args.project is not None:
        return run_into_project(args, wanted_files(args.format))
    illegal = first_illegal_field([("--annotator", args.annotator)])
    if illegal:
        raise FormatError(Errors.E635, option=illegal[0], char=illegal[1])
    tagset = load_tagset(args.tagset) if args.tagset else project_tagset(args.output)
    _prepare_output(args.output)
    source_errors: list[AnnotatorError] = []
    skipped: list[AnnotatorError] = []
    unknown: list[Path] = []
    files = expand_sources(args.sources, wanted_files(args.format, skipped, unknown),
                           source_errors, exclude=args.output, warnings=skipped)
    formats = {path: guess_format(path) if args.format == "auto" else args.format
               for path in files}
    with Progress(len(files)) as progress:
        # Counted by documents (a JSONL file's lines), only when the bar is drawn.
        expected = {path: _expected_documents(path, fmt) if progress.enabled else 0
                    for path, fmt in formats.items()}
        progress.total = sum(expected.values())
        importer = _Importer(args, tagset, progress)
        for error in source_errors:
            importer.problems.error(error)
        for warning in skipped:
            importer.problems.warn(warning)
        if unknown:
            importer.problems.warn(_unknown_types(unknown))
        for path, fmt in formats.items():
            if args.format == "auto" and fmt == "conll" and path.suffix.lower() == ".txt":
                importer.problems.warn(FormatError(Errors.E305, path=str(path)))
        if not files and not source_errors:
            importer.problems.error(FormatError(Errors.E626,
                                                endings=", ".join(s for s, _ in SUFFIXES)))
        for path, fmt in formats.items():
            progress.draw(path.name)
            until = progress.done + expected[path]
            importer.import_file(path, fmt)
            if progress.done < until:  # documents that failed, or fewer than lines
                progress.advance(path.name, until - progress.done)
    errors = len(importer.problems.errors)
    summary = (f"imported {importer.imported} document{'s' * (importer.imported != 1)} "
               f"into {args.output}")
    if importer.unchanged:
        summary += f" ({importer.unchanged} unchanged)"
    if errors:
        summary += f"; {errors} failed (see above)"
    print(summary, file=sys.stderr)
    return 2 if errors else 0
