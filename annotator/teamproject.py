"""A team project: a folder shared over git, its layout and its ``project.toml``.

``docs/PROJECT.md`` describes the folder.  :class:`TeamProject` names its paths and holds its
:class:`ProjectConfig`; :func:`read_config` and :func:`config_toml` read and write
``project.toml`` (``tomllib`` reads it; :func:`config_toml` is a writer for its one flat
shape, so the tool needs no TOML-writing dependency).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.atomic import atomic_write_text
from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, SaveError
from annotator.tagset import PROJECT_TAGSET_NAME

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FORMAT = 1
PROJECT_FILE = "project.toml"
TEXTS = "texts"
ANNOTATIONS = "annotations"
GOLD_FOLDER = "gold"
LOCAL = ".annotator"  # this computer's own files (the status index): never in git
TEI_SUFFIX = ".tei.xml"
GITIGNORE = f"/{LOCAL}/\n.*.tmp\n"
GITATTRIBUTES = "* -text\n"  # git keeps every byte: texts and their checksums stay exact

# Letters, digits, ".", "-", "_"; not starting with "." or "-", nor ending in "." (Windows).
_NAME = re.compile(r"^(?![.\-])[\w.\-]{0,63}[\w\-]$")
# Names Windows gives to devices: no file or folder may take them.
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                       *(f"lpt{n}" for n in range(1, 10))})


class ProjectError(AnnotatorError):
    """A project folder or its ``project.toml`` that cannot be used as asked."""


def check_name(name: str) -> str:
    """``name`` if it can be an annotator's (a folder's) name, else :class:`ProjectError`:
    letters, digits, ``.``, ``-``, ``_``, at most 64, not starting with ``.`` or ``-`` nor
    ending in ``.``, and not a name Windows keeps for devices (``con``, ``nul``…)."""
    if not _NAME.match(name) or name.split(".")[0].casefold() in _RESERVED:
        raise ProjectError(Errors.E704, name=name)
    return name


def check_names(names: Iterable[str]) -> list[str]:
    """Every name checked (:func:`check_name`); one given twice, or two that differ only in
    case, are refused."""
    seen: dict[str, str] = {}
    found = []
    for name in names:
        check_name(name)
        earlier = seen.get(name.casefold())
        if earlier == name:
            raise ProjectError(Errors.E714, name=name)
        if earlier is not None:
            raise ProjectError(Errors.E705, first=earlier, second=name)
        seen[name.casefold()] = name
        found.append(name)
    return found


@dataclass
class ProjectConfig:
    """What ``project.toml`` holds (see docs/PROJECT.md)."""

    name: str
    lead: str
    annotators: list[str] = field(default_factory=list)
    per_document: int = 0
    seed: int | None = None
    assignment: dict[str, list[str]] = field(default_factory=dict)
    """Document id -> the annotators it is assigned to."""

    def assigned(self, doc_id: str) -> list[str]:
        """The annotators ``doc_id`` is assigned to (none when it is not assigned)."""
        return self.assignment.get(doc_id, [])


def _toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif char < " " or char == "\x7f":
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _toml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(map(_toml_string, values)) + "]"


def config_toml(config: ProjectConfig) -> str:
    """The text of ``project.toml`` for ``config``."""
    lines = ["# A team project of arabic-news-annotator (docs/PROJECT.md). "
             "Written by 'annotator project'.",
             f"format = {FORMAT}",
             f"name = {_toml_string(config.name)}",
             f"lead = {_toml_string(config.lead)}",
             f"annotators = {_toml_list(config.annotators)}",
             f"per_document = {config.per_document}"]
    if config.seed is not None:
        lines.append(f"seed = {config.seed}")
    lines += ["", "[assignment]"]
    lines += [f"{_toml_string(doc_id)} = {_toml_list(names)}"
              for doc_id, names in sorted(config.assignment.items())]
    return "\n".join(lines) + "\n"


def _typed(data: dict[str, Any], key: str, kind: type, wanted: str, path: str,
           default: object = None) -> Any:
    value = data.get(key, default)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ProjectError(Errors.E703, key=key, kind=wanted, path=path)
    return value


def _strings(value: object, key: str, path: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ProjectError(Errors.E703, key=key, kind="a list of names", path=path)
    return list(value)


def config_from_dict(data: dict[str, Any], path: str) -> ProjectConfig:
    """A :class:`ProjectConfig` from ``project.toml``'s parsed content; a missing or mistyped
    key is one line naming it."""
    if data.get("format", FORMAT) != FORMAT:
        raise ProjectError(Errors.E703, key="format", kind=str(FORMAT), path=path)
    table = data.get("assignment", {})
    if not isinstance(table, dict):
        raise ProjectError(Errors.E703, key="assignment", kind="a table", path=path)
    seed = data.get("seed")
    if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool)):
        raise ProjectError(Errors.E703, key="seed", kind="an integer", path=path)
    return ProjectConfig(
        name=_typed(data, "name", str, "a string", path, ""),
        lead=_typed(data, "lead", str, "a string", path),
        annotators=_strings(data.get("annotators", []), "annotators", path),
        per_document=_typed(data, "per_document", int, "an integer", path, 0),
        seed=seed,
        assignment={doc_id: _strings(names, f"assignment.{doc_id}", path)
                    for doc_id, names in table.items()})


def parse_config(text: str, path: str) -> ProjectConfig:
    """:func:`config_from_dict` of the TOML ``text`` (read from ``path``)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProjectError(Errors.E702, detail=str(error), path=path) from None
    return config_from_dict(data, path)


def read_config(path: str | Path) -> ProjectConfig:
    """The :class:`ProjectConfig` in the file ``path``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProjectError(Errors.E700, path=str(Path(path).parent)) from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        raise ProjectError(Errors.E701, reason=reason or str(error), path=str(path)) from None
    return parse_config(text, str(path))


def make_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) for a project's files; one line when it cannot."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(Errors.E615, reason=error.strerror or str(error),
                        path=str(folder)) from None


def is_project(folder: str | Path) -> bool:
    """True when ``folder`` holds a ``project.toml``."""
    return (Path(folder) / PROJECT_FILE).is_file()


def _ids_in(folder: Path) -> list[str]:
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.is_file()]
    except FileNotFoundError:
        return []
    return sorted(name[: -len(TEI_SUFFIX)] for name in names
                  if name.endswith(TEI_SUFFIX) and not name.startswith("."))


class TeamProject:
    """A project folder: where each of its files is, and its configuration."""

    def __init__(self, root: str | Path, config: ProjectConfig) -> None:
        self.root = Path(root)
        self.config = config

    @classmethod
    def open(cls, root: str | Path) -> TeamProject:
        """The project in ``root``; :class:`ProjectError` when it has no valid project.toml."""
        folder = Path(root)
        if not folder.is_dir():
            raise ProjectError(Errors.E700, path=str(folder))
        return cls(folder, read_config(folder / PROJECT_FILE))

    # -- paths --------------------------------------------------------------------------
    @property
    def config_path(self) -> Path:
        return self.root / PROJECT_FILE

    @property
    def tagset_path(self) -> Path:
        return self.root / PROJECT_TAGSET_NAME

    @property
    def texts_dir(self) -> Path:
        return self.root / TEXTS

    @property
    def gold_dir(self) -> Path:
        return self.root / GOLD_FOLDER

    @property
    def local_dir(self) -> Path:
        """This computer's own folder (the status index), which git ignores."""
        return self.root / LOCAL

    def text_path(self, doc_id: str) -> Path:
        """The file holding document ``doc_id``'s text (no annotations)."""
        return self.texts_dir / f"{doc_id}{TEI_SUFFIX}"

    def layer_dir(self, name: str) -> Path:
        """Annotator ``name``'s folder."""
        return self.root / ANNOTATIONS / name

    def layer_path(self, name: str, doc_id: str) -> Path:
        """Annotator ``name``'s file of document ``doc_id`` (it may not exist yet)."""
        return self.layer_dir(name) / f"{doc_id}{TEI_SUFFIX}"

    def owned_paths(self, name: str) -> list[str]:
        """The paths (relative, ``/``-separated) that ``name`` writes and ``sync`` carries:
        their own folder, and for the lead the project files, texts and gold too."""
        paths = [f"{ANNOTATIONS}/{name}"]
        if name == self.config.lead:
            paths += [PROJECT_FILE, PROJECT_TAGSET_NAME, TEXTS, GOLD_FOLDER, ".gitignore",
                      ".gitattributes"]
        return paths

    # -- contents -----------------------------------------------------------------------
    def document_ids(self) -> list[str]:
        """The ids of the project's documents (its texts), sorted."""
        return _ids_in(self.texts_dir)

    def layer_names(self) -> list[str]:
        """The annotators who have a folder, sorted."""
        try:
            entries = list(os.scandir(self.root / ANNOTATIONS))
        except FileNotFoundError:
            return []
        return sorted(e.name for e in entries if e.is_dir() and not e.name.startswith("."))

    def layer_ids(self, name: str) -> list[str]:
        """The documents annotator ``name`` has a file of, sorted."""
        return _ids_in(self.layer_dir(name))

    def save_config(self) -> None:
        """Write ``project.toml`` (atomically)."""
        atomic_write_text(self.config_path, config_toml(self.config))
