"""``annotator validate``: schema, pointers and checksum of TEI files."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from annotator.errors import AnnotatorError, FormatError
from annotator.schema import schema_errors, tei_all
from annotator.tagset import TagSet, load_tagset, tagset_for
from annotator.tei import read_tei

from .inputs import expand_sources, is_tei_name

HELP = ("check TEI files: valid against TEI P5 tei_all, every pointer resolves to its text, "
        "the text matches its checksum (exit 0 when all are fine, 1 when any is not, 2 when a "
        "file cannot be read or is not a TEI file of this tool)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``validate``."""
    parser.add_argument("files", nargs="+", metavar="TEI", type=Path,
                        help="files to check, or folders searched recursively for *.xml")
    parser.add_argument("--schema", metavar="RNG", help="another RELAX NG schema "
                        "(default: the bundled TEI P5 4.12.0 tei_all)")
    parser.add_argument("--no-schema", action="store_true",
                        help="skip the schema check (it takes about 5 s to load)")
    parser.add_argument("--tagset", metavar="TOML", type=Path,
                        help="also report labels, attributes and links this tag set does not "
                             "allow (reported as warnings; default: the tagset.toml of the "
                             "file's folder when it has one, else the bundled news tag set)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")


def _paths(sources: list[Path]) -> Iterator[Path | AnnotatorError]:
    """Files as given (in order), folders replaced by the TEI files in them (or errors)."""
    for source in sources:
        if source.is_dir():
            errors: list[AnnotatorError] = []
            found = expand_sources([source], is_tei_name, errors)
            if not found and not errors:
                errors.append(FormatError("no TEI files found (*.xml)", path=str(source)))
            yield from errors
            yield from found
        else:
            yield source


def run(args: argparse.Namespace) -> int:
    """Check every file; print one line per problem."""
    explicit = load_tagset(args.tagset) if args.tagset else None
    by_folder: dict[Path, TagSet] = {}
    schema = None if args.no_schema else tei_all(args.schema)
    failed = unreadable = 0
    for path in _paths(args.files):
        if isinstance(path, AnnotatorError):
            print(path.one_line(), file=sys.stderr)
            unreadable += 1
            continue
        try:
            result = read_tei(path)
        except AnnotatorError as error:
            print(f"{error.one_line()}", file=sys.stderr)
            unreadable += 1
            continue
        problems = list(result.problems)
        if schema is not None:
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
