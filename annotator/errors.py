"""One hierarchy of errors for the core; the CLI and the app turn them into one-line messages."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base of every error the core raises on purpose.

    ``str(error)`` is a complete one-line message; ``path`` and ``line`` say where, when known.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """The message prefixed with ``file:line:column:`` where those are known."""
        where = ""
        if self.path is not None:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        return where + " ".join(self.message.split("\n"))


class SpanError(AnnotatorError, ValueError):
    """An annotation span is empty, reversed or outside the text."""


class AnnotationError(AnnotatorError, ValueError):
    """An annotation is inconsistent (duplicate id, unknown link target, ...)."""


class TagSetError(AnnotatorError):
    """A tag-set file cannot be read or is inconsistent."""


class FormatError(AnnotatorError):
    """An input file is not in the expected format (bad XML, bad JSON, bad TEI profile...)."""


class EncodingError(FormatError):
    """Bytes cannot be decoded, or text holds characters XML 1.0 cannot carry."""


class IntegrityError(AnnotatorError):
    """A TEI file's text does not match its checksum, or a pointer does not resolve."""


class SaveError(AnnotatorError, OSError):
    """Writing a file failed; the previous file, if any, is intact."""
