"""Import and export formats, by name.

A reader is ``read(path: Path, options: ImportOptions, problems: Problems) -> Iterator[Document]``:
it yields every document it can and records each failing file or line in ``problems`` (which
never stops the rest).  A writer is ``write(documents: Iterable[Document], out: Path,
options: ExportOptions) -> None``.  Both are looked up lazily from the tables below so that a
format's module is imported only when used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from annotator.error_catalogue import Entry, Errors
from annotator.errors import AnnotatorError, FormatError
from annotator.model import Annotation, Document
from annotator.tagset import TagSet

READERS: dict[str, str] = {
    "txt": "annotator.formats.txt:read_txt",
    "jsonl": "annotator.formats.jsonl:read_jsonl",
    "tei": "annotator.tei:read_tei_documents",
    "conll": "annotator.formats.conll:read_conll",
    "brat": "annotator.formats.brat:read_brat",
    "hf": "annotator.formats.hf:read_hf",
    "labelstudio": "annotator.formats.labelstudio:read_json",
    "tei-inline": "annotator.formats.tei_inline:read_tei_inline",
}

WRITERS: dict[str, str] = {
    "jsonl": "annotator.formats.jsonl:write_jsonl",
    "conll": "annotator.formats.conll:write_conll",
    "brat": "annotator.formats.brat:write_brat",
    "hf": "annotator.formats.hf:write_hf",
    "tei-inline": "annotator.formats.tei_inline:write_tei_inline",
    "spacy": "annotator.formats.spacy_docbin:write_spacy",
    "hf-dataset": "annotator.formats.hf_dataset:write_hf_dataset",
    "labelstudio": "annotator.formats.labelstudio:write_labelstudio",
    "labelstudio-predictions": "annotator.formats.labelstudio:write_labelstudio_predictions",
    "spans": "annotator.formats.spans:write_spans",
    "quote-pairs": "annotator.formats.quote_pairs:write_quote_pairs",
    "checkthat": "annotator.formats.checkthat:write_checkthat",
}

# File name endings that ``--format auto`` recognises, longest first.
SUFFIXES: list[tuple[str, str]] = [
    (".tei.xml", "tei"), (".xml", "tei"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
    (".conll", "conll"), (".bio", "conll"), (".iob", "conll"), (".ann", "brat"),
    (".txt", "txt"), (".json", "labelstudio"),
]
# What ``guess_format`` says of a name with none of those endings: such files are refused.
UNKNOWN = "unknown"


@dataclass
class ImportOptions:
    """What the user asked of an import."""

    encoding: str | None = None
    annotator: str = ""
    replace_invalid: bool = False  # replace characters XML cannot carry with U+FFFD
    repair: bool = False  # fix what can be fixed in malformed token files, and say what
    split_proclitics: bool = False


@dataclass
class ExportOptions:
    """What the user asked of an export."""

    layer: str | None = None  # None: gold when present, else everything; or an annotator
    labels: frozenset[str] | None = None  # None: every label
    split_proclitics: bool = False
    tokenizer: str = "auto"  # conll/hf: auto, whitespace or punct (see annotator.tokenize)
    sentences: str = "auto"  # token formats: auto, split, source or none (annotator.sentences)
    docstart: str = "conll2003"  # conll: the line between documents, conll2003 or none
    source_tags: bool = False  # token formats: an entity read from a stray I- starts with I-
    # The labels' kinds (which are quotes and claims, kept out of token formats): the bundled
    # news tag set when None.
    tagset: TagSet | None = None
    # Writers report what a format cannot hold (dropped or misaligned spans) here.
    problems: Problems = field(default_factory=lambda: Problems())
    # ... and count what they leave out by kind, said once for the export (:class:`Dropped`).
    dropped: Dropped = field(default_factory=lambda: Dropped())
    per: str = "document"  # spans: one line per document or per sentence
    window: int = 2  # quote-pairs: sentences before the quote searched for speakers


@dataclass
class Dropped:
    """What an export cannot carry, counted by item (``"QUOTE spans"``, ``"speaker links"``),
    so that a whole export says it in one warning (:meth:`warning`) instead of one per
    document, and nothing is left out silently."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, item: str, count: int = 1) -> None:
        """Count ``count`` more of ``item`` left out."""
        if count:
            self.counts[item] = self.counts.get(item, 0) + count

    def add_spans_and_links(self, annotations: Iterable[Annotation], kept: Iterable[str],
                            *, attributes: bool = True) -> None:
        """Count the spans of ``annotations`` whose id is not in ``kept`` (by label), every
        link (by role; a format that carries none), and, with ``attributes``, every
        attribute (by name) and note."""
        kept_ids = set(kept)
        for annotation in annotations:
            if annotation.id not in kept_ids:
                self.add(f"{annotation.label} spans")
            for link in annotation.links:
                self.add(f"{link.role} links")
            if attributes:
                for name in annotation.attributes:
                    self.add(f"{name!r} attributes")
                if annotation.note:
                    self.add("notes")

    def warning(self, fmt: str) -> AnnotatorError | None:
        """The one warning naming everything counted (None when nothing was left out)."""
        if not self.counts:
            return None
        items = ", ".join(f"{count:,} {item}" for item, count in
                          sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0])))
        return FormatError(Errors.E646, format=fmt, items=items)


@dataclass
class Problems:
    """Failures and warnings met while reading; each is a one-line :class:`AnnotatorError`."""

    errors: list[AnnotatorError] = field(default_factory=list)
    warnings: list[AnnotatorError] = field(default_factory=list)
    on_problem: Callable[[AnnotatorError, bool], None] | None = None

    def error(self, problem: AnnotatorError) -> None:
        """Record a failure (the file or line was skipped)."""
        self.errors.append(problem)
        if self.on_problem:
            self.on_problem(problem, True)

    def warn(self, problem: AnnotatorError) -> None:
        """Record a warning (the input was read, with a remark)."""
        self.warnings.append(problem)
        if self.on_problem:
            self.on_problem(problem, False)


def read_source(path: Path, problems: Problems) -> bytes | None:
    """The bytes of the file a reader was given, or None once it failed (E600 recorded)."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        problems.error(FormatError(Errors.E600, reason=error.strerror or str(error),
                                   path=str(path)))
        return None


Reader = Callable[[Path, ImportOptions, Problems], Iterable[Document]]
Writer = Callable[[Iterable[Document], Path, ExportOptions], None]


def _resolve(table: dict[str, str], name: str, unknown: Entry, unavailable: Entry) -> object:
    try:
        target = table[name]
    except KeyError:
        raise FormatError(unknown, name=name, choices=", ".join(sorted(table))) from None
    module_name, _, function = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name == module_name:
            raise FormatError(unavailable, name=name) from None
        raise
    return getattr(module, function)


def guess_format(path: Path) -> str:
    """The format ``--format auto`` picks for ``path`` (by its name; a folder is brat, and a
    ``.txt`` of token/tag lines CoNLL), or :data:`UNKNOWN` for a name without a known
    ending."""
    if path.is_dir():
        return "brat"
    name = path.name.lower()
    for suffix, fmt in SUFFIXES:
        if name.endswith(suffix):
            return "conll" if fmt == "txt" and token_lines_in_text_file(path) else fmt
    return UNKNOWN


def token_lines_in_text_file(path: Path) -> bool:
    """True for a ``.txt`` file whose first lines are CoNLL's ``TOKEN TAG`` (ANERcorp's and
    NewsFANE's files are named so): :func:`guess_format` takes it for ``conll``."""
    from annotator.formats.conll import looks_like_token_lines

    return path.suffix.lower() == ".txt" and path.is_file() and looks_like_token_lines(path)


def read_documents(path: Path, fmt: str, options: ImportOptions,
                   problems: Problems) -> Iterator[Document]:
    """Documents from ``path`` in format ``fmt`` (``auto`` guesses from the name)."""
    if fmt == "auto":
        fmt = guess_format(path)
    if fmt == UNKNOWN:
        from annotator.formats.labelstudio import KNOWN_FORMATS
        raise FormatError(Errors.E304, formats=KNOWN_FORMATS, path=str(path))
    reader = cast(Reader, _resolve(READERS, fmt, Errors.E300, Errors.E301))
    yield from reader(path, options, problems)


def write_documents(documents: Iterable[Document], out: Path, fmt: str,
                    options: ExportOptions) -> None:
    """Write ``documents`` to ``out`` in format ``fmt``."""
    writer = cast(Writer, _resolve(WRITERS, fmt, Errors.E302, Errors.E303))
    writer(documents, out, options)
