"""Where a team project stands: per document, its annotators, their status and counts.

:func:`project_status` reads the texts (for their titles) and every annotator's files (for
their status and number of annotations).  What it read is kept in an index on this computer,
``.annotator/status.json`` (git ignores it), with each file's size and modification time;
the next call reads again only the files whose size or time changed, and ``project.toml``
only when it changed, so a project of 10,000 documents answers in well under a second.
Files modified in the last seconds before the index is written are not kept in it (a change
within the same clock tick would not show in their time), so they are read again next time.
"""

from __future__ import annotations

import html
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from annotator.atomic import atomic_write_text
from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, SaveError
from annotator.layers import is_work
from annotator.project import DONE, IN_PROGRESS, NOT_STARTED, status_for
from annotator.teamproject import (
    ANNOTATIONS,
    PROJECT_FILE,
    TEI_SUFFIX,
    TEXTS,
    ProjectConfig,
    TeamProject,
    config_from_dict,
    read_config,
)
from annotator.tei import read_tei
from annotator.workers import default_workers, pool_map

INDEX_NAME = "status.json"
INDEX_VERSION = 1
UNREADABLE = "unreadable"
RACY_SECONDS = 3  # files newer than this when the index is written are read again next time

class LayerState(NamedTuple):
    """One annotator's state on one document (a tuple: 30,000 are made in a blink)."""

    status: str
    """:data:`~annotator.project.NOT_STARTED`, ``IN_PROGRESS``, ``DONE``, or
    :data:`UNREADABLE` (``error`` says why)."""
    annotations: int = 0
    error: str = ""


class DocumentState(NamedTuple):
    """One document of the project: its title, who it is assigned to, and each one's state
    (the assigned annotators first, then anybody else who has a file of it)."""

    id: str
    title: str
    assigned: list[str]
    layers: dict[str, LayerState]

    def to_json(self) -> dict[str, Any]:
        """``{"id", "title", "assigned", "status": {name: status}, "annotations":
        {name: count}}``."""
        return {"id": self.id, "title": self.title, "assigned": self.assigned,
                "status": {name: s.status for name, s in self.layers.items()},
                "annotations": {name: s.annotations for name, s in self.layers.items()}}


@dataclass
class ProjectState:
    """Every document's state, and the configuration they were listed with."""

    config: ProjectConfig
    documents: list[DocumentState]
    read: int = 0
    """How many files had to be read (not taken from the index)."""
    warnings: list[AnnotatorError] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.config.name, "lead": self.config.lead,
                "per_document": self.config.per_document,
                "documents": [d.to_json() for d in self.documents]}

    def totals(self) -> dict[str, Counter[str]]:
        """Per annotator, how many of their assigned documents are in each status (and
        ``annotations``: how many annotations they made in all)."""
        found: dict[str, Counter[str]] = {name: Counter() for name in self.config.annotators}
        for document in self.documents:
            for name, state in document.layers.items():
                counts = found.setdefault(name, Counter())
                if name in document.assigned:
                    counts[state.status] += 1
                counts["annotations"] += state.annotations
        return found


# -- reading files (in worker processes when there are many) -------------------------------

def _read_text(path: str) -> list[Any]:
    try:
        return [read_tei(path).document.title]
    except (AnnotatorError, OSError):
        return [""]


def _read_layer(path: str, name: str) -> list[Any]:
    try:
        found = read_tei(path)
    except AnnotatorError as error:
        return [UNREADABLE, 0, error.one_line()]
    except OSError as error:
        return [UNREADABLE, 0, f"{path}: cannot read: {error.strerror or error}"]
    if found.problems:
        return [UNREADABLE, 0, f"{path}: {found.problems[0]}"]
    document = found.document
    count = sum(1 for a in document.annotations if a.annotator == name and is_work(a))
    status = status_for(document.status, name) if name in document.status else (
        IN_PROGRESS if count else NOT_STARTED)
    return [status, count, ""]


def _read_job(job: tuple[str, str]) -> list[Any]:
    path, name = job
    return _read_text(path) if not name else _read_layer(path, name)


# -- the index ------------------------------------------------------------------------------

# A file found: its path relative to the project, document id, annotator ("" for a text),
# size and modification time in nanoseconds.
_Found = tuple[str, str, str, int, int]


def _scan(folder: Path, prefix: str, name: str, into: list[_Found]) -> None:
    """Add the TEI files directly in ``folder`` to ``into``."""
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                file_name = entry.name
                if file_name.endswith(TEI_SUFFIX) and file_name[0] != "." and entry.is_file():
                    stat = entry.stat()
                    into.append((prefix + file_name, file_name[: -len(TEI_SUFFIX)], name,
                                 stat.st_size, stat.st_mtime_ns))
    except (FileNotFoundError, NotADirectoryError):
        return


def _load_index(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == INDEX_VERSION else {}


def _config(project_root: Path, index: dict[str, Any], fresh: dict[str, Any]
            ) -> ProjectConfig:
    """``project.toml``, from the index when the file did not change."""
    path = project_root / PROJECT_FILE
    try:
        stat = path.stat()
        stamp = [stat.st_size, stat.st_mtime_ns]
    except OSError:
        stamp = None
    kept = index.get("config")
    if stamp is not None and isinstance(kept, dict) and kept.get("stamp") == stamp:
        try:
            config = config_from_dict(kept["data"], str(path))
        except (AnnotatorError, KeyError, TypeError):
            config = read_config(path)
    else:
        config = read_config(path)
    if stamp is not None and time.time_ns() - stamp[1] > RACY_SECONDS * 10**9:
        fresh["config"] = {"stamp": stamp, "data": {
            "name": config.name, "lead": config.lead, "annotators": config.annotators,
            "per_document": config.per_document, "seed": config.seed,
            "assignment": config.assignment}}
    return config


def _match(found: list[_Found], known: dict[str, Any]) -> tuple[list[list[Any] | None],
                                                               list[int]]:
    """Each file's indexed entry ``[size, time, ...]`` when its size and time are those
    indexed (else None), and the positions of the files to read."""
    values: list[list[Any] | None] = []
    jobs: list[int] = []
    try:
        for position, (relative, _, _, size, mtime) in enumerate(found):
            entry = known.get(relative)
            if entry is not None and entry[0] == size and entry[1] == mtime and len(entry) > 2:
                values.append(entry)
            else:
                values.append(None)
                jobs.append(position)
    except (TypeError, IndexError, KeyError, AttributeError):  # a damaged index: read all
        return [None] * len(found), list(range(len(found)))
    return values, jobs


def project_status(root: str | Path, *, workers: int | None = None,
                   start_method: str = "spawn",
                   progress: Callable[[int, int], None] | None = None) -> ProjectState:
    """Every document of the project in ``root`` with its state (see the module docstring).

    Files not in the index are read in ``workers`` processes (default
    :func:`annotator.workers.default_workers`) started by ``start_method``;
    ``progress(done, total)`` follows those reads.
    """
    project = TeamProject(Path(root), ProjectConfig("", ""))
    index_path = project.local_dir / INDEX_NAME
    index = _load_index(index_path)
    fresh: dict[str, Any] = {"version": INDEX_VERSION}
    project.config = config = _config(project.root, index, fresh)
    known = index.get("files")
    known = known if isinstance(known, dict) else {}
    found: list[_Found] = []
    _scan(project.texts_dir, f"{TEXTS}/", "", found)
    for name in project.layer_names():
        _scan(project.layer_dir(name), f"{ANNOTATIONS}/{name}/", name, found)
    values, jobs = _match(found, known)
    if jobs:
        paths = [(str(project.root / found[i][0]), found[i][2]) for i in jobs]
        read = pool_map(_read_job, paths, workers=workers or default_workers(),
                        start_method=start_method)
        for number, (position, value) in enumerate(zip(jobs, read, strict=True), 1):
            values[position] = [found[position][3], found[position][4], *value]
            if progress is not None:
                progress(number, len(jobs))
    entries: list[list[Any]] = [v for v in values if v is not None]
    state = ProjectState(config, _documents(config, found, entries), read=len(jobs))
    if jobs or len(found) != len(known) or fresh.get("config") != index.get("config"):
        newest = time.time_ns() - RACY_SECONDS * 10**9
        fresh["files"] = {item[0]: value for item, value in zip(found, entries, strict=True)
                          if item[4] < newest}
        try:
            project.local_dir.mkdir(exist_ok=True)
            atomic_write_text(index_path, json.dumps(fresh, ensure_ascii=False))
        except (OSError, SaveError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else \
                str(error)
            state.warnings.append(SaveError(Errors.E770, reason=reason, path=str(index_path)))
    return state


def _documents(config: ProjectConfig, found: list[_Found],
               entries: list[list[Any]]) -> list[DocumentState]:
    titles: dict[str, str] = {}
    layers_of: dict[str, dict[str, LayerState]] = {}
    for (_, doc_id, name, _, _), entry in zip(found, entries, strict=True):
        if name:
            layers_of.setdefault(doc_id, {})[name] = LayerState(*entry[2:5])
        else:
            titles[doc_id] = entry[2]
    documents = []
    not_started = LayerState(NOT_STARTED)
    no_layers: dict[str, LayerState] = {}
    assignment = config.assignment
    for doc_id in sorted(titles):
        assigned = list(assignment.get(doc_id, ()))
        here = layers_of.get(doc_id, no_layers)
        layers = {name: here.get(name, not_started) for name in assigned}
        if len(here) > len(layers) or not here.keys() <= layers.keys():
            layers.update(sorted((n, s) for n, s in here.items() if n not in layers))
        documents.append(DocumentState(doc_id, titles[doc_id], assigned, layers))
    return documents


# -- reports -------------------------------------------------------------------------------

def summary_lines(state: ProjectState) -> list[str]:
    """One line per annotator: their assigned documents by status, and their annotations."""
    lines = []
    for name, counts in state.totals().items():
        assigned = sum(counts[s] for s in (NOT_STARTED, IN_PROGRESS, DONE, UNREADABLE))
        lines.append(f"{name}: {assigned} assigned, {counts[DONE]} done, "
                     f"{counts[IN_PROGRESS]} in progress, {counts[NOT_STARTED]} not started, "
                     f"{counts['annotations']} annotations")
    return lines


_STYLE = """body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.2em .5em;text-align:start}th{background:#f3f3f3}
.done{background:#d8f0d8}.in-progress{background:#fff2c2}.not-started{color:#777}
.unreadable{background:#f8d0d0}"""


def _cell(name: str, layer: LayerState, assigned: Sequence[str]) -> str:
    css = layer.status.replace(" ", "-")
    extra = "" if name in assigned else " (not assigned)"
    tip = f' title="{html.escape(layer.error)}"' if layer.error else ""
    return (f'<span class="{css}"{tip}>{html.escape(name)}: {html.escape(layer.status)} '
            f"({layer.annotations}){html.escape(extra)}</span>")


def status_html(state: ProjectState) -> str:
    """A self-contained HTML page: per annotator totals, then one row per document."""
    config = state.config
    rows = []
    for name, counts in state.totals().items():
        rows.append(f"<tr><td>{html.escape(name)}</td><td>{counts[DONE]}</td>"
                    f"<td>{counts[IN_PROGRESS]}</td><td>{counts[NOT_STARTED]}</td>"
                    f"<td>{counts['annotations']}</td></tr>")
    documents = []
    for document in state.documents:
        cells = " ".join(_cell(name, layer, document.assigned)
                         for name, layer in document.layers.items())
        documents.append(f"<tr><td>{html.escape(document.id)}</td>"
                         f'<td dir="auto">{html.escape(document.title)}</td>'
                         f"<td>{cells}</td></tr>")
    title = html.escape(f"{config.name} — status")
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{_STYLE}</style></head><body>\n<h1>{title}</h1>\n"
            f"<p>Lead: {html.escape(config.lead)}; {len(state.documents)} documents, "
            f"{config.per_document} annotators each.</p>\n"
            "<h2>Annotators</h2>\n<table><tr><th>annotator</th><th>done</th>"
            "<th>in progress</th><th>not started</th><th>annotations</th></tr>\n"
            + "\n".join(rows) + "</table>\n<h2>Documents</h2>\n<table><tr><th>id</th>"
            "<th>title</th><th>annotators: status (annotations)</th></tr>\n"
            + "\n".join(documents) + "\n</table></body></html>\n")
