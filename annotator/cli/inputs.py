"""Input files of the command-line tools: files as given, folders searched recursively, and
the TEI documents they hold."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, FormatError, SaveError
from annotator.formats import ImportOptions, Problems, read_documents
from annotator.model import Document
from annotator.progress import Progress
from annotator.tagset import TagSet, load_tagset, project_tagset_path

if TYPE_CHECKING:
    from annotator.tei import TeiFile

TEI_ENDINGS = (".tei.xml", ".xml")


def _is_within(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def files_in_folder(folder: Path, wanted: Callable[[Path], bool],
                    errors: list[AnnotatorError], exclude: Path | None = None,
                    warnings: list[AnnotatorError] | None = None) -> list[Path]:
    """Files under ``folder`` (recursively, sorted, hidden ones skipped) that ``wanted`` accepts.

    Sub-folders that cannot be read are recorded in ``errors``; ``exclude`` (an output folder
    inside the input) is skipped.  Symbolic links to folders are not followed, nor those to
    files outside ``folder``: a folder given means what is in it.  Each one is recorded in
    ``warnings`` when given.
    """
    found: list[Path] = []
    skipped = warnings if warnings is not None else []

    def record(error: OSError) -> None:
        errors.append(FormatError(Errors.E601, reason=error.strerror or str(error),
                                  path=str(error.filename or folder)))

    for root, dirs, names in os.walk(folder, onerror=record):
        base = Path(root)
        dirs[:] = sorted(d for d in dirs
                         if not d.startswith(".") and not _is_within(base / d, exclude))
        for name in dirs:
            if (base / name).is_symlink():  # os.walk lists it but does not go in
                skipped.append(FormatError(Errors.E634, target=os.path.realpath(base / name),
                                           path=str(base / name)))
        for name in names:
            path = base / name
            if name.startswith(".") or not wanted(path):
                continue
            if path.is_symlink() and not _is_within(path, folder):
                skipped.append(FormatError(Errors.E633, target=os.path.realpath(path),
                                           folder=str(folder), path=str(path)))
                continue
            found.append(path)
    return sorted(found)


def expand_sources(sources: Iterable[str | Path], wanted: Callable[[Path], bool],
                   errors: list[AnnotatorError], exclude: Path | None = None,
                   warnings: list[AnnotatorError] | None = None) -> list[Path]:
    """Files named on the command line, in order, with folders replaced by their files
    (:func:`files_in_folder`; the links it does not follow go in ``warnings``).

    A source that does not exist or cannot be read is recorded in ``errors``; a file named
    twice is kept once.  A file named is read even when it is a link.
    """
    found: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                errors.append(FormatError(Errors.E602, path=str(path)))
                continue
            found.extend(files_in_folder(path, wanted, errors, exclude, warnings))
        elif path.exists():
            found.append(path)
        else:
            errors.append(FormatError(Errors.E603, path=str(path)))
    return list(dict.fromkeys(found))


def read_each(path: Path, fmt: str, options: ImportOptions,
              problems: Problems) -> Iterator[Document]:
    """The documents of one input file, as the format's reader gives them.  A failure to
    read the file (the reader's one-line error, the system's, or a reader's bug) becomes one
    problem naming the file, and the reading of that file stops there; what the caller does
    with each document is the caller's to report."""
    where = str(path)
    try:
        yield from read_documents(path, fmt, options, problems)
    except AnnotatorError as error:
        problems.error(error if error.path else error.at(where))
    except OSError as error:
        problems.error(FormatError(Errors.E600, reason=error.strerror or str(error),
                                   path=where))
    except Exception as error:  # a reader's bug must not end the run with a traceback
        problems.error(FormatError(Errors.E623, type=type(error).__name__, detail=str(error),
                                   path=where))


def is_tei_name(path: Path) -> bool:
    """True for names the TEI loaders pick up inside folders."""
    return path.name.lower().endswith(TEI_ENDINGS)


def refuse_output_over_inputs(output: str | Path, inputs: Iterable[str | Path],
                              option: str) -> None:
    """Raise when ``output`` is a TEI file being read: one given, or one inside a folder given.

    Writing a report or a conflict list there would destroy the annotations it holds."""
    target = Path(output)
    for item in map(Path, inputs):
        if (target.resolve() == item.resolve() if not item.is_dir()
                else target.is_file() and is_tei_name(target) and _is_within(target, item)):
            raise FormatError(Errors.E604, option=option, path=str(target))


def refuse_replacing(paths: Iterable[Path]) -> None:
    """Raise when a file about to be written is already there (as import and merge do without
    ``--overwrite``): it may be someone's work, and nothing is written.  The first such file,
    in name order, is named; a folder in the way is left to the writer to report."""
    there = sorted({path for path in paths if os.path.lexists(path) and not path.is_dir()})
    if len(there) == 1:
        raise SaveError(Errors.E631, path=str(there[0]))
    if there:
        raise SaveError(Errors.E632, more=len(there) - 1, path=str(there[0]))


def project_tagset(folder: Path) -> TagSet | None:
    """The tag set of the project folder ``folder``, if it has one (and say which on stderr)."""
    path = project_tagset_path(folder)
    if path is None:
        return None
    print(f"using the project's tag set {path}", file=sys.stderr)
    return load_tagset(path)


def load_tei_sources(sources: Iterable[str | Path],
                     report: Callable[[AnnotatorError], None],
                     progress: Progress | None = None) -> Iterator[tuple[Path, Document]]:
    """Every TEI document under ``sources``, checked; each failing file goes to ``report``."""
    for path, read in read_tei_sources(sources, report, progress):
        yield path, read.document


def read_tei_sources(sources: Iterable[str | Path],
                     report: Callable[[AnnotatorError], None],
                     progress: Progress | None = None) -> Iterator[tuple[Path, TeiFile]]:
    """Like :func:`load_tei_sources`, with each file's header (its taxonomy) too."""
    from annotator.tei import read_tei_checked

    errors: list[AnnotatorError] = []
    warnings: list[AnnotatorError] = []
    files = expand_sources(sources, is_tei_name, errors, warnings=warnings)
    for error in errors:
        report(error)
    for warning in warnings:
        line = warning.diagnostic("warning")
        if progress is not None:
            progress.message(line)
        else:
            print(line, file=sys.stderr)
    if progress is not None:
        progress.total = len(files)
    for path in files:
        if progress is not None:
            progress.draw(path.name)
        try:
            yield path, read_tei_checked(path)
        except AnnotatorError as error:
            report(error if error.path else error.at(str(path)))
        except OSError as error:
            report(FormatError(Errors.E600, reason=error.strerror or str(error), path=str(path)))
        if progress is not None:
            progress.advance(path.name)
