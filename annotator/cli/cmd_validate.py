"""``annotator validate``: well-formedness, schema, pointers and checksum of TEI files.

Each file is read first, so ill-formed XML, a DOCTYPE or entity declarations are refused
before any schema is compiled; the schema is compiled at the first file that reads.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, FormatError
from annotator.schema import PROFILE, TEI_ALL, load_schema, schema_errors
from annotator.tagset import TagSet, load_tagset, tagset_for
from annotator.tei import read_tei

from .inputs import expand_sources, is_tei_name

HELP = ("check TEI files: valid against the tool's TEI profile (or TEI P5 tei_all), every "
        "pointer resolves to its text, the text matches its checksum (exit 0 when all are fine, "
        "1 when any is not, 2 when a file cannot be read or is not a TEI file of this tool)")
COMPILING_TEI_ALL = "compiling the TEI P5 tei_all schema (about 5 s)…"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``validate``."""
    parser.add_argument("files", nargs="+", metavar="TEI", type=Path,
                        help="files to check, or folders searched recursively for *.xml")
    parser.add_argument("--schema", metavar="profile|tei_all|RNG", default=PROFILE,
                        help="the RELAX NG schema: 'profile', the tool's own TEI profile "
                             "(docs/FORMAT.md; the default, stricter than tei_all about the "
                             "tool's elements), 'tei_all', the full TEI P5 4.12.0 schema (takes "
                             "about 5 s to compile), or the path of another schema file "
                             "(./tei_all for a file of that name)")
    parser.add_argument("--no-schema", action="store_true", help="skip the schema check")
    parser.add_argument("--tagset", metavar="TOML", type=Path,
                        help="also report labels, attributes and links this tag set does not "
                             "allow (reported as warnings; default: the tagset.toml of the "
                             "file's folder when it has one, else the bundled news tag set)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="print only problems (and no progress line)")


def _paths(sources: list[Path]) -> Iterator[Path | AnnotatorError]:
    """Files as given (in order), folders replaced by the TEI files in them (or errors)."""
    for source in sources:
        if source.is_dir():
            errors: list[AnnotatorError] = []
            found = expand_sources([source], is_tei_name, errors)
            if not found and not errors:
                errors.append(FormatError(Errors.E245, path=str(source)))
            yield from errors
            yield from found
        else:
            yield source


def run(args: argparse.Namespace) -> int:
    """Check every file; print one line per problem."""
    explicit = load_tagset(args.tagset) if args.tagset else None
    by_folder: dict[Path, TagSet] = {}
    schema: etree.RelaxNG | None = None  # compiled when the first file has been read
    failed = unreadable = 0
    for path in _paths(args.files):
        if isinstance(path, AnnotatorError):
            print(path.diagnostic(), file=sys.stderr)
            unreadable += 1
            continue
        try:
            result = read_tei(path)
        except AnnotatorError as error:
            print(error.diagnostic(), file=sys.stderr)
            unreadable += 1
            continue
        problems = [str(problem) for problem in result.problems]
        if not args.no_schema:
            if schema is None:
                schema = _compiled(args.schema, args.quiet)
            problems.extend(f"schema: {message}" for message in schema_errors(path, schema))
        for problem in problems:
            print(f"{path}: {problem}")
        tagset = explicit
        if tagset is None:
            if path.parent not in by_folder:
                by_folder[path.parent] = tagset_for(path.parent)
            tagset = by_folder[path.parent]
        for warning in tagset.problems(result.document):
            print(f"{path}: warning: {warning}")
        if problems:
            failed += 1
        elif not args.quiet:
            print(f"{path}: ok ({len(result.document.annotations)} annotations, "
                  f"{len(result.document.text)} characters)")
    if unreadable:
        return 2
    return 1 if failed else 0


def _compiled(name: str, quiet: bool) -> etree.RelaxNG:
    """The schema ``name`` (see ``--schema``), with a progress line for the slow one."""
    if name == TEI_ALL and not quiet:
        print(f"annotator validate: {COMPILING_TEI_ALL}", file=sys.stderr, flush=True)
    return load_schema(name)
