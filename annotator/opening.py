"""Opening a file in the app: which files it opens, and the documents one of them holds.

The app opens TEI files (its own format), plain text, JSONL and Label Studio JSON; a JSONL or
Label Studio file may hold several documents.  :func:`read_documents_from` is the one reader
behind File > Open, Open Recent, a drop on the window and a project's document list: it goes
through the core import (:func:`annotator.formats.read_documents`) and turns every way of
failing into one :class:`~annotator.errors.AnnotatorError` whose message is a single line
naming the file.
"""

from __future__ import annotations

import stat
from pathlib import Path

from annotator.error_catalogue import Errors
from annotator.errors import FormatError
from annotator.formats import ImportOptions, Problems, read_documents
from annotator.model import Document

OPENABLE_SUFFIXES = (".tei.xml", ".xml", ".txt", ".jsonl", ".ndjson", ".json")


def is_openable(path: str | Path) -> bool:
    """True for the file names the app opens (TEI, plain text, JSONL, Label Studio JSON), by
    their ending."""
    return str(path).lower().endswith(OPENABLE_SUFFIXES)


def _check_regular_file(path: Path) -> None:
    """Raise a one-line :class:`FormatError` unless ``path`` is an existing regular file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise FormatError(Errors.E641, path=str(path)) from None
    except OSError as error:
        raise FormatError(Errors.E600, reason=error.strerror or str(error),
                          path=str(path)) from None
    if stat.S_ISDIR(mode):
        raise FormatError(Errors.E642, path=str(path))
    if not stat.S_ISREG(mode):  # a pipe or a device would block or never end
        raise FormatError(Errors.E643, path=str(path))


def read_documents_from(path: str | Path, *,
                        annotator: str = "") -> tuple[list[Document], Problems]:
    """Every document in the file at ``path``, in file order, and the problems met reading it.

    The format comes from the file name (``annotator.formats.guess_format``); ``annotator``
    names whoever imports a file that is not TEI.  Raises an :class:`AnnotatorError` (a
    :class:`FormatError` or :class:`~annotator.errors.IntegrityError`; one line naming the
    file) for a missing file, a folder or other non-regular file, a file that cannot be read
    or decoded, and a file holding no document (then the first error met, if any).  Documents
    read despite errors elsewhere in the file come back with those errors in
    ``problems.errors``.
    """
    path = Path(path)
    _check_regular_file(path)
    problems = Problems()
    try:
        documents = list(read_documents(path, "auto", ImportOptions(annotator=annotator),
                                        problems))
    except OSError as error:
        raise FormatError(Errors.E600, reason=error.strerror or str(error),
                          path=str(path)) from None
    if not documents:
        if problems.errors:
            raise problems.errors[0]
        raise FormatError(Errors.E644, path=str(path))
    return documents, problems
