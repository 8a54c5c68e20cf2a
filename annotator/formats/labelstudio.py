"""Label Studio: its JSON and JSON-MIN exports in, its task import format out.

Import (:func:`read_json`, the reader of ``.json`` files)
    *Label Studio JSON*: a list of tasks (or one task), each ``{"id", "data": {"text": …},
    "annotations": [{"completed_by", "ground_truth", "was_cancelled", "result": […]}],
    "predictions": […]}``.  Each annotation is one annotator's work (``completed_by``: an
    email, or ``user<N>`` for a user id; else ``data.annotators`` as this tool writes it, else
    ``--annotator``); one marked ``ground_truth`` is the gold layer.  Its results are read:

    - ``labels``: a span per label (``value.start``, ``value.end``, ``value.text``), with the
      region's id when that is a valid XML id;
    - ``relation``: a link from ``from_id`` to ``to_id`` (``direction: left`` turns it round)
      whose role is its label (``relation`` when it has none): a quote's ``speaker``;
    - ``choices`` and ``textarea`` with a span's id (per-region controls): its attributes
      (the control's name, the choices joined by ``;``) and its note (``note``).

    Other results, choices of the whole task (document labels), predictions and cancelled
    annotations are left out, each with a warning.

    *JSON-MIN*: a list of flat records ``{"id", "text", "<control>": [{"start", "end",
    "text", "labels"}], "annotator", …}``, one per annotation; records of one task become one
    document with a layer per annotator.  JSON-MIN has no relations.

    Anything else is refused (E480) naming the formats the tool reads; a ``.json`` file that
    is JSON Lines is read as JSONL.  Offsets are code points (Label Studio 1.4 and later);
    offsets that only fit as UTF-16 code units (older versions, after an emoji) are
    converted, with a warning.  A region whose text differs from the text at its offsets
    fails its task.

Export (:func:`write_labelstudio`, :func:`write_labelstudio_predictions`)
    One JSON file: a list of tasks ``{"data": {"text", "doc_id", "title", "source",
    "annotators"}, "annotations": […]}`` that Label Studio imports with a labelling config
    of ``<Text name="text" value="$text"/>``, ``<Labels name="label" toName="text">`` and
    ``<Relations>``: one annotation per annotator (``ground_truth`` for the gold layer) with
    a ``labels`` result per span, a ``relation`` per link, a ``choices`` result per attribute
    and a ``textarea`` for a note.  ``labelstudio-predictions`` writes the same results as
    ``predictions`` (pre-annotations, ``model_version`` the annotator) instead.  Reading the
    file back gives the same documents less the annotations' times; a link between two
    annotators' (or layers') spans has no place in Label Studio and is left out with a
    warning (E496).  Suggestions are not written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.atomic import atomic_writer
from annotator.docid import doc_id_from_path, id_fit_for_a_file_name, safe_id
from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, FormatError, SaveError
from annotator.formats import ExportOptions, ImportOptions, Problems, read_source
from annotator.formats.jsonl import only_labels
from annotator.formats.offsets import RawSpan, utf16_reading
from annotator.formats.txt import first_line_title, text_direction
from annotator.layers import GOLD, select_layer
from annotator.model import Annotation, Document, Link, is_valid_id

KNOWN_FORMATS = ("TEI (.tei.xml, .xml), plain text (.txt), JSONL (.jsonl, .ndjson), Label Studio "
                 "JSON and JSON-MIN (.json), CoNLL/BIO (.conll, .bio, .iob), brat (.ann beside "
                 ".txt), Hugging Face rows (--format hf)")
FROM_NAME, TO_NAME = "label", "text"  # the control and object names the export uses
NOTE = "note"
_DOCUMENT_FIELDS = ("doc_id", "title", "source", "language", "direction", "annotators",
                    "status")


# -- reading -------------------------------------------------------------------------------
@dataclass
class _Region:
    """One ``labels`` result, before it becomes annotations."""

    id: str
    start: int
    end: int
    labels: list[str]
    text: str | None
    annotator: str
    layer: str
    attributes: dict[str, str] = field(default_factory=dict)
    note: str = ""
    links: list[Link] = field(default_factory=list)


@dataclass
class _Task:
    """A task's text and the regions of all its annotations, as read."""

    name: str  # how messages name the task: its id, or its number in the file
    doc_id: str
    text: str
    data: Mapping[str, Any]
    regions: list[_Region] = field(default_factory=list)


def _annotator_name(completed_by: Any, fallback: str) -> str:
    if isinstance(completed_by, Mapping):
        completed_by = completed_by.get("email") or completed_by.get("id")
    if isinstance(completed_by, bool) or completed_by is None or completed_by == "":
        return fallback
    if isinstance(completed_by, int):
        return f"user{completed_by}"
    return str(completed_by)


def _text_of(data: Any, task: str) -> str:
    if not isinstance(data, Mapping):
        raise FormatError(Errors.E481, task=task)
    text = data.get("text")
    if text is None:
        strings = [value for value in data.values() if isinstance(value, str)]
        text = strings[0] if len(strings) == 1 else None
    if not isinstance(text, str):
        raise FormatError(Errors.E481, task=task)
    return text


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _region(item: Mapping[str, Any], task: str, annotator: str, layer: str) -> _Region:
    value = item.get("value")
    region_id = str(item.get("id", ""))
    labels = value.get("labels") if isinstance(value, Mapping) else None
    if (not isinstance(value, Mapping) or not _int(value.get("start"))
            or not _int(value.get("end")) or not isinstance(labels, list)
            or not all(isinstance(label, str) and label for label in labels)):
        raise FormatError(Errors.E484, task=task, id=region_id)
    given = value.get("text")
    return _Region(region_id, value["start"], value["end"], list(labels),
                   given if isinstance(given, str) else None, annotator, layer)


class _Reader:
    """Reads the tasks of one file into documents; its problems go to ``problems``."""

    def __init__(self, path: Path, options: ImportOptions, problems: Problems) -> None:
        self.path = path
        self.options = options
        self.problems = problems

    def warn(self, problem: AnnotatorError) -> None:
        self.problems.warn(problem.at(str(self.path)))

    # Label Studio JSON
    def task(self, raw: Any, number: int) -> _Task:
        name = str(raw.get("id", number)) if isinstance(raw, Mapping) else str(number)
        if not isinstance(raw, Mapping):
            raise FormatError(Errors.E482, task=name)
        data = raw.get("data")
        text = _text_of(data, name)
        assert isinstance(data, Mapping)
        task = _Task(name, self._doc_id(data, raw.get("id"), number), text, data)
        annotations = raw.get("annotations", raw.get("completions")) or []
        if not isinstance(annotations, list) or not all(
                isinstance(a, Mapping) and isinstance(a.get("result", []), list)
                for a in annotations):
            raise FormatError(Errors.E483, task=name)
        names = data.get("annotators")
        for index, annotation in enumerate(annotations):
            fallback = self.options.annotator
            if isinstance(names, list) and index < len(names) and isinstance(names[index], str):
                fallback = names[index]
            annotator = _annotator_name(annotation.get("completed_by"), fallback)
            if annotation.get("was_cancelled"):
                self.warn(FormatError(Errors.E491, task=name, annotator=annotator or "?"))
                continue
            layer = GOLD if annotation.get("ground_truth") is True else ""
            self._results(task, annotation.get("result") or [], annotator, layer)
        predictions = raw.get("predictions")
        if isinstance(predictions, list) and predictions:
            self.warn(FormatError(Errors.E488, task=name, count=len(predictions)))
        return task

    def _results(self, task: _Task, results: list[Any], annotator: str, layer: str) -> None:
        regions: dict[str, _Region] = {}
        relations: list[Mapping[str, Any]] = []
        per_region: list[Mapping[str, Any]] = []
        left_out: dict[str, int] = {}
        for item in results:
            kind = item.get("type") if isinstance(item, Mapping) else None
            if not isinstance(item, Mapping):
                left_out["?"] = left_out.get("?", 0) + 1
            elif kind == "labels":
                region = _region(item, task.name, annotator, layer)
                regions[region.id] = region
                task.regions.append(region)
            elif kind == "relation":
                relations.append(item)
            elif kind in ("choices", "textarea", "taxonomy"):
                per_region.append(item)
            else:
                left_out[str(kind)] = left_out.get(str(kind), 0) + 1
        for item in per_region:
            owner = regions.get(str(item.get("id", "")))
            value: Mapping[str, Any] = item["value"] if isinstance(item.get("value"),
                                                                   Mapping) else {}
            name = str(item.get("from_name") or item.get("type"))
            if item.get("type") == "choices":
                choices = [str(c) for c in value.get("choices", []) or []]
                if owner is None:
                    for choice in choices:
                        self.warn(FormatError(Errors.E490, task=task.name, label=choice,
                                              name=name))
                else:
                    owner.attributes[name] = ";".join(choices)
            elif item.get("type") == "textarea" and owner is not None:
                texts = value.get("text", [])
                owner.note = "\n".join(map(str, texts if isinstance(texts, list) else [texts]))
            else:
                kind = str(item.get("type"))
                left_out[kind] = left_out.get(kind, 0) + 1
        for kind, count in left_out.items():
            self.warn(FormatError(Errors.E489, task=task.name, count=count, type=kind))
        for relation in relations:
            source, target = str(relation.get("from_id")), str(relation.get("to_id"))
            if relation.get("direction") == "left":
                source, target = target, source
            if source not in regions or target not in regions:
                self.warn(FormatError(Errors.E487, task=task.name, source=source,
                                      target=target))
                continue
            roles = [label for label in relation.get("labels") or [] if isinstance(label, str)
                     and label] or ["relation"]
            regions[source].links.extend(Link(role, target) for role in roles)

    def _doc_id(self, data: Mapping[str, Any], task_id: Any, number: int) -> str:
        given = data.get("doc_id")
        if isinstance(given, str) and given:
            return id_fit_for_a_file_name(safe_id(given))
        stem = doc_id_from_path(self.path)
        if _int(task_id) or (isinstance(task_id, str) and task_id):
            return id_fit_for_a_file_name(safe_id(f"{stem}-{task_id}"))
        return id_fit_for_a_file_name(f"{stem}-{number}")

    # JSON-MIN
    def min_record(self, raw: Mapping[str, Any], number: int,
                   tasks: dict[str, _Task]) -> _Task | None:
        """Add one JSON-MIN record to its task (a new one, returned, or one in ``tasks``)."""
        text = raw.get("text")
        name = str(raw.get("id", number))
        if not isinstance(text, str):
            raise FormatError(Errors.E481, task=name)
        earlier = tasks.get(name)
        if earlier is not None and earlier.text != text:
            raise FormatError(Errors.E493, task=name)
        task = earlier or _Task(name, self._doc_id(raw, raw.get("id"), number), text, raw)
        annotator = _annotator_name(raw.get("annotator"), self.options.annotator)
        for key, value in raw.items():
            if key in ("text", "id", "annotator", "annotation_id", "created_at",
                       "updated_at", "lead_time", "agreement", *_DOCUMENT_FIELDS):
                continue
            if isinstance(value, str):  # a single choice: a label of the whole text
                self.warn(FormatError(Errors.E490, task=name, label=value, name=key))
            elif isinstance(value, list) and value and all(
                    isinstance(v, Mapping) and "labels" in v for v in value):
                for index, region in enumerate(value, 1):
                    if not (_int(region.get("start")) and _int(region.get("end"))
                            and isinstance(region.get("labels"), list)):
                        raise FormatError(Errors.E492, number=number, key=key)
                    given = region.get("text")
                    task.regions.append(_Region(
                        f"{key}-{number}-{index}", region["start"], region["end"],
                        [str(label) for label in region["labels"]],
                        given if isinstance(given, str) else None, annotator, ""))
            elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                for label in value:
                    self.warn(FormatError(Errors.E490, task=name, label=label, name=key))
            elif isinstance(value, (list, Mapping)) and value:
                self.warn(FormatError(Errors.E489, task=name, count=1, type=key))
        if earlier is None:
            tasks[name] = task
            return task
        return None

    # both
    def document(self, task: _Task) -> Document:
        """The task's document, its regions checked against the text (UTF-16 offsets
        converted when only they fit)."""
        text = task.text
        convert = utf16_reading(text, [RawSpan(r.start, r.end, r.text) for r in task.regions],
                                judge_boundaries=False)
        if convert is not None:
            self.warn(FormatError(Errors.E495, task=task.name, count=len(task.regions)))
            for region in task.regions:
                region.start, region.end = convert(region.start), convert(region.end)
        for region in task.regions:
            if not 0 <= region.start < region.end <= len(text):
                raise FormatError(Errors.E486, task=task.name, id=region.id, start=region.start,
                                  end=region.end, length=len(text))
            if region.text is not None and text[region.start:region.end] != region.text:
                raise FormatError(Errors.E485, task=task.name, id=region.id, start=region.start,
                                  end=region.end, given=region.text,
                                  found=text[region.start:region.end])
        data = task.data
        title = data.get("title")
        direction = data.get("direction")
        if direction not in ("rtl", "ltr"):
            direction = text_direction(text)
        status = data.get("status")
        document = Document(
            task.doc_id, text,
            title=title if isinstance(title, str) else first_line_title(text),
            source=str(data.get("source") or data.get("url") or ""),
            language=str(data.get("language") or ("ar" if direction == "rtl" else "und")),
            direction=direction,
            status={str(k): str(v) for k, v in status.items()} if isinstance(status, Mapping)
            else {})
        document.annotations.extend(self._annotations(document, task.regions))
        return document

    def _annotations(self, document: Document, regions: list[_Region]) -> list[Annotation]:
        """A region's annotations: one per label, ids kept where valid and free."""
        taken: set[str] = set()
        ids: dict[int, list[str]] = {}
        for region in regions:
            chosen = []
            for k, _ in enumerate(region.labels):
                wanted = region.id if k == 0 else f"{region.id}-{k + 1}"
                if not is_valid_id(wanted) or wanted in taken:
                    wanted = document.annotations.new_id()
                    while wanted in taken:
                        wanted = document.annotations.new_id()
                taken.add(wanted)
                chosen.append(wanted)
            ids[id(region)] = chosen
        annotations = []
        for region in regions:  # links name regions of the same annotation
            siblings = {r.id: ids[id(r)][0] for r in regions
                        if r.annotator == region.annotator and r.layer == region.layer}
            links = tuple(Link(link.role, siblings[link.target]) for link in region.links
                          if link.target in siblings)
            for annotation_id, label in zip(ids[id(region)], region.labels, strict=True):
                annotations.append(Annotation(
                    id=annotation_id, start=region.start, end=region.end, label=label,
                    annotator=region.annotator, layer=region.layer,
                    attributes=dict(region.attributes), links=links, note=region.note))
        return annotations


def _shape(value: Any) -> str:
    """How a JSON value that is not a known shape looks, for the message."""
    if isinstance(value, list):
        first = next((item for item in value if isinstance(item, Mapping)), None)
        if first is None:
            return "a list" + (" of " + type(value[0]).__name__ if value else ", empty")
        keys = ", ".join(list(map(str, first))[:5])
        return f"a list of objects with keys {keys}"
    if isinstance(value, Mapping):
        return "an object with keys " + ", ".join(list(map(str, value))[:5])
    return f"a JSON {type(value).__name__}"


def _is_ls_json(value: Any) -> bool:
    items = value if isinstance(value, list) else [value]
    return any(isinstance(item, Mapping) and isinstance(item.get("data"), Mapping)
               for item in items)


def _is_json_min(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, Mapping) for item in value) and any(
        isinstance(item.get("text"), str) for item in value)


def read_json(path: Path, options: ImportOptions, problems: Problems) -> Iterator[Document]:
    """Registry reader for ``.json``: Label Studio JSON or JSON-MIN; anything else refused."""
    path = Path(path)
    data = read_source(path, problems)
    if data is None:
        return
    try:
        value = json.loads(data.decode(options.encoding or "utf-8-sig"))
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":  # one object a line: JSON Lines named .json
            from annotator.formats.jsonl import read_jsonl
            yield from read_jsonl(path, options, problems)
            return
        problems.error(FormatError(Errors.E341, detail=error.msg, colno=error.colno,
                                   path=str(path), line=error.lineno))
        return
    except (UnicodeDecodeError, LookupError, RecursionError) as error:
        problems.error(FormatError(Errors.E480, found=type(error).__name__,
                                   formats=KNOWN_FORMATS, path=str(path)))
        return
    reader = _Reader(path, options, problems)
    if value == []:  # an export of no task
        return
    if _is_ls_json(value):
        for number, raw in enumerate(value if isinstance(value, list) else [value], 1):
            yield from _one(reader, reader.task, raw, number)
    elif _is_json_min(value):
        tasks: dict[str, _Task] = {}
        for number, raw in enumerate(value, 1):
            try:
                reader.min_record(raw, number, tasks)
            except FormatError as error:
                problems.error(error.at(str(path)))
        for task in tasks.values():
            yield from _one(reader, _given, task)
    else:
        problems.error(FormatError(Errors.E480, found=_shape(value), formats=KNOWN_FORMATS,
                                   path=str(path)))


def _given(task: _Task) -> _Task:
    return task


def _one(reader: _Reader, make: Callable[..., _Task], *args: Any) -> Iterator[Document]:
    """The document of the task ``make(*args)`` gives, or its one error recorded."""
    try:
        yield reader.document(make(*args))
    except AnnotatorError as error:
        reader.problems.error(error if error.path else error.at(str(reader.path)))


# -- writing -------------------------------------------------------------------------------
def _results(annotations: list[Annotation], text: str) -> list[dict[str, Any]]:
    """The results of one annotator's annotations: spans, their attributes and notes, links."""
    ids = {a.id for a in annotations}
    results: list[dict[str, Any]] = []
    place = {"from_name": FROM_NAME, "to_name": TO_NAME}
    for a in annotations:
        span = {"start": a.start, "end": a.end, "text": text[a.start:a.end]}
        results.append({"id": a.id, **place, "type": "labels",
                        "value": {**span, "labels": [a.label]}})
        for name, value in sorted(a.attributes.items()):
            results.append({"id": a.id, "from_name": name, "to_name": TO_NAME,
                            "type": "choices", "value": {**span, "choices": [value]}})
        if a.note:
            results.append({"id": a.id, "from_name": NOTE, "to_name": TO_NAME,
                            "type": "textarea", "value": {**span, "text": [a.note]}})
    for a in annotations:
        for link in a.links:
            if link.target in ids:
                results.append({"from_id": a.id, "to_id": link.target, "type": "relation",
                                "direction": "right", "labels": [link.role]})
    return results


def document_to_task(document: Document, *, as_predictions: bool = False,
                     problems: Problems | None = None) -> dict[str, Any]:
    """One document as a Label Studio task: an annotation (or prediction) per layer and
    annotator.  Links between two of them are left out, and counted in ``problems``."""
    groups: dict[tuple[str, str], list[Annotation]] = {}
    for a in document.annotations.sorted():
        if a.layer in ("", GOLD):
            groups.setdefault((a.layer, a.annotator), []).append(a)
    group_of = {a.id: key for key, members in groups.items() for a in members}
    crossing = sum(1 for a in document.annotations if a.id in group_of for link in a.links
                   if group_of.get(link.target) != group_of[a.id])
    if crossing and problems is not None:
        problems.warn(FormatError(Errors.E496, document=document.id, count=crossing))
    data: dict[str, Any] = {"text": document.text, "doc_id": document.id,
                            "title": document.title, "source": document.source,
                            "language": document.language, "direction": document.direction,
                            "annotators": [annotator for _, annotator in groups]}
    if document.status:
        data["status"] = dict(document.status)
    entries: list[dict[str, Any]] = []
    for (layer, annotator), members in groups.items():
        results = _results(members, document.text)
        if as_predictions:
            entries.append({"model_version": annotator or layer or "annotator",
                            "result": results})
        else:
            entries.append({"result": results, "ground_truth": layer == GOLD,
                            "was_cancelled": False})
    return {"data": data, ("predictions" if as_predictions else "annotations"): entries}


def _write(documents: Iterable[Document], out: Path, options: ExportOptions,
           as_predictions: bool) -> None:
    out = Path(out)
    if out.is_dir():
        raise SaveError(Errors.E494, path=str(out))
    with atomic_writer(out) as stream:
        stream.write(b"[")
        for number, document in enumerate(documents):
            if options.layer is not None:
                document = select_layer(document, options.layer, options.labels)
            elif options.labels is not None:
                document = only_labels(document, options.labels)
            task = document_to_task(document, as_predictions=as_predictions,
                                    problems=options.problems)
            stream.write(b",\n" if number else b"\n")
            stream.write(json.dumps(task, ensure_ascii=False).encode("utf-8"))
        stream.write(b"\n]\n")


def write_labelstudio(documents: Iterable[Document], out: Path, options: ExportOptions) -> None:
    """Registry writer: Label Studio tasks with annotations, one JSON file (atomically)."""
    _write(documents, out, options, as_predictions=False)


def write_labelstudio_predictions(documents: Iterable[Document], out: Path,
                                  options: ExportOptions) -> None:
    """Registry writer: Label Studio tasks with predictions (pre-annotations)."""
    _write(documents, out, options, as_predictions=True)
