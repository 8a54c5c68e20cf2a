"""One hierarchy of errors for the core; the CLI and the app turn them into one-line messages.

An error is raised with its entry in :class:`annotator.error_catalogue.Errors` and the
entry's parameters::

    raise SpanError(Errors.E003, id=annotation.id, start=3, end=3)

``error.code`` is the entry's stable code, ``error.params`` the parameters, ``str(error)`` and
``error.one_line()`` the complete English line (``file:line:column: message``).  The app
shows the same error in the interface language (``annotator_ui.i18n.error_message``).
An error raised with free text instead of an entry (``AnnotatorError("...", path=p)``) gets
the generic code ``E000``.
"""

from __future__ import annotations

from typing import Any, TypeVar

from annotator.error_catalogue import Entry, Errors, entry_for

_E = TypeVar("_E", bound="AnnotatorError")


class AnnotatorError(Exception):
    """Base of every error the core raises on purpose.

    ``path``, ``line`` and ``column`` say where, when known; they are never template
    parameters.  Giving another :class:`AnnotatorError` as the entry copies its entry and
    parameters (to raise it again, for example with the path of the file it came from).
    """

    def __init__(self, entry: Entry | str | AnnotatorError, /, *, path: str | None = None,
                 line: int | None = None, column: int | None = None, **params: object) -> None:
        if isinstance(entry, AnnotatorError):
            chosen, params = entry.entry, {**entry.params, **params}
        elif isinstance(entry, Entry):
            chosen = entry
        else:
            chosen, params = Errors.E000, {"message": str(entry), **params}
        if params.keys() != chosen.fields:
            raise TypeError(f"{chosen.code} takes {sorted(chosen.fields)}, given {sorted(params)}")
        self.entry: Entry = chosen
        self.params: dict[str, object] = params
        self.message = chosen.template.format_map(params)
        self.path = path
        self.line = line
        self.column = column
        super().__init__(self.one_line())

    @property
    def code(self) -> str:
        """The stable code of the catalogue entry, such as ``"E003"``."""
        return self.entry.code

    def where(self) -> str:
        """``file:line:column: `` as far as known, or ``""``."""
        if self.path is None:
            return ""
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where + ": "

    def one_line(self) -> str:
        """The English message prefixed with ``file:line:column:`` where those are known."""
        return self.where() + " ".join(self.message.split("\n"))

    def diagnostic(self, severity: str = "error") -> str:
        """The line the command line prints: ``file:line: error E012: message``."""
        kind = severity if self.entry is Errors.E000 else f"{severity} {self.code}"
        return f"{self.where()}{kind}: " + " ".join(self.message.split("\n"))

    def at(self: _E, path: str | None, line: int | None = None, column: int | None = None) -> _E:
        """The same error (same class, entry and parameters) located in ``path``."""
        return type(self)(self.entry, path=path, line=line, column=column, **self.params)

    def __eq__(self, other: object) -> bool:
        return (type(other) is type(self) and isinstance(other, AnnotatorError)
                and self._key() == other._key())

    def __hash__(self) -> int:
        return hash((type(self), self.code, self.path, self.line, self.column))

    def _key(self) -> tuple[object, ...]:
        return (self.code, self.params, self.path, self.line, self.column)

    def __reduce__(self) -> tuple[Any, ...]:
        # Worker processes send errors back pickled: keep the entry, parameters and location.
        return (_rebuild, (type(self), self.code, self.params, self.path, self.line,
                           self.column))


def _rebuild(cls: type[AnnotatorError], code: str, params: dict[str, object],
             path: str | None, line: int | None, column: int | None) -> AnnotatorError:
    return cls(entry_for(code), path=path, line=line, column=column, **params)


class SpanError(AnnotatorError, ValueError):
    """An annotation span is empty, reversed or outside the text."""


class AnnotationError(AnnotatorError, ValueError):
    """An annotation is inconsistent (duplicate id, unknown link target, ...)."""


class ForeignLayerError(AnnotationError):
    """An edit of another annotator's annotation before the editor chose how to treat that
    layer (see :attr:`annotator.session.EditSession.layer_choice`); ``params["owner"]``
    names its annotator."""


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
