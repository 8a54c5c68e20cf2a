"""Name lists for the CRF's gazetteer features: places, organisations, person names.

The bundled lists are ``resources/gazetteer/LABEL.txt`` (``LOC``, ``ORG``, ``PER``), written
from general knowledge as Arabic news spells the names; a project adds its own in
``gazetteer/LABEL.txt`` of its folder (same format: one name a line, ``#`` comments), for the
bundled labels or new ones.  Each name is kept as the run of its words' stems
(:func:`annotator.suggest.crf_features.stems`: folded, proclitics and article stripped), the
form the CRF's other features see, so ``وبالعراق`` matches ``العراق``.

The label of a list is only the name of a feature (``lg=B-ORG``): the CRF learns how far to
trust each list for each of its own labels.  A trained model stores the names it was trained
with, so proposing marks the same names offline.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from annotator.error_catalogue import Errors
from annotator.errors import FormatError
from annotator.suggest.crf_features import longest_matches, longest_starting, stems

FOLDER_NAME = "gazetteer"
"""The bundled lists' folder in ``annotator.resources`` and a project folder's own."""

_LONGEST_NAME = 6  # words in the longest name looked for


@dataclass
class NameLists:
    """Names by their run of stems, with the labels of the lists holding them, and the list
    files they were read from."""

    names: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def add(self, label: str, text: str) -> None:
        """The names of one list's ``text`` under ``label``."""
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].split()
            if not line or len(line) > _LONGEST_NAME:
                continue
            key = tuple(stems(line))
            if all(len(stem) >= 2 for stem in key):  # an initial alone matches too much
                labels = self.names.get(key, ())
                if label not in labels:
                    self.names[key] = (*labels, label)

    def longest(self) -> dict[str, int]:
        """The length of the longest name starting with each stem that starts one."""
        return longest_starting(self.names)

    def marks(self, words: Sequence[str], longest: dict[str, int]) -> dict[int, list[str]]:
        """``lg=B-LABEL``/``lg=I-LABEL`` (one-word names: ``lg=U-LABEL``) of the tokens the
        longest listed names (left to right) cover in one sentence of stems, by position
        (``longest``: :meth:`longest`)."""
        out: dict[int, list[str]] = {}
        for i, length, labels in longest_matches(words, self.names, longest):
            if length == 1:
                out[i] = [f"lg=U-{label}" for label in labels]
            else:
                out[i] = [f"lg=B-{label}" for label in labels]
                for j in range(i + 1, i + length):
                    out[j] = [f"lg=I-{label}" for label in labels]
        return out

    def to_json(self) -> dict[str, Any]:
        return {"sources": self.sources,
                "names": [[list(name), list(labels)] for name, labels in self.names.items()]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NameLists:
        return cls({tuple(name): tuple(labels) for name, labels in data["names"]},
                   list(data["sources"]))


def _list_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def _read_list(path: Path) -> str:
    """The text of a list file; a one-line :class:`FormatError` when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FormatError(Errors.E641, path=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise FormatError(Errors.E600, reason=reason, path=str(path)) from None


def name_lists(project: str | Path | None = None, extra: Iterable[str | Path] = ()) -> NameLists:
    """The bundled lists, plus those of ``project``'s ``gazetteer`` folder when it has one,
    plus the list files ``extra`` (each labelled by its file name: ``ORG.txt`` -> ``ORG``).
    Raises :class:`FormatError` when one of those cannot be read."""
    lists = NameLists()
    bundled = resources.files("annotator.resources").joinpath(FOLDER_NAME)
    for entry in sorted(bundled.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            lists.add(entry.name[:-4], entry.read_text(encoding="utf-8"))
            lists.sources.append(f"bundled:{entry.name}")
    files = _list_files(Path(project) / FOLDER_NAME) if project is not None else []
    for path in [*files, *map(Path, extra)]:
        lists.add(path.stem, _read_list(path))
        lists.sources.append(str(path))
    return lists
