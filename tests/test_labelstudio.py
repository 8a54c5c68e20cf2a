"""Label Studio: its JSON export and JSON-MIN in, its task import format out, and round trips.

The samples are written in the shapes Label Studio's documentation gives (labelstud.io/guide/
export.html, task_format.html): a task's ``data.text``, annotations with ``completed_by``,
``ground_truth`` and ``result`` items (``labels`` regions, ``relation`` items with ``from_id``,
``to_id``, ``direction`` and ``labels``, per-region ``choices``), predictions; JSON-MIN's flat
records, one per annotation.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from strategies import documents

from annotator.formats import ExportOptions, ImportOptions, Problems, read_documents
from annotator.formats.labelstudio import document_to_task, write_labelstudio
from annotator.model import Annotation, Document, Link

TEXT = "قال الرئيس فلاديمير بوتين 🇷🇺 إن «الحرب انتهت» أمس في موسكو"


def at(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def region(region_id: str, piece: str, label: str, text: str = TEXT) -> dict[str, Any]:
    start, end = at(text, piece)
    return {"id": region_id, "from_name": "label", "to_name": "text", "type": "labels",
            "origin": "manual",
            "value": {"start": start, "end": end, "text": piece, "labels": [label]}}


def ls_export() -> list[dict[str, Any]]:
    """A Label Studio JSON export: one task, two annotators, a ground truth, a prediction."""
    quote = "«الحرب انتهت»"
    return [{
        "id": 12, "project": 3, "created_at": "2024-05-01T10:00:00Z",
        "data": {"text": TEXT},
        "annotations": [
            {"id": 101, "completed_by": 1, "ground_truth": False, "was_cancelled": False,
             "lead_time": 12.5, "result": [
                 region("Xy7_a1bQ9z", "فلاديمير بوتين", "PER"),
                 region("q1", quote, "QUOTE"),
                 {"id": "q1", "from_name": "type", "to_name": "text", "type": "choices",
                  "value": {**{k: v for k, v in region("q1", quote, "QUOTE")["value"].items()
                               if k in ("start", "end")}, "choices": ["direct"]}},
                 {"from_id": "q1", "to_id": "Xy7_a1bQ9z", "type": "relation",
                  "direction": "right", "labels": ["speaker"]},
                 region("3loc", "موسكو", "LOC"),
                 {"id": "doc", "from_name": "topic", "to_name": "text", "type": "choices",
                  "value": {"choices": ["politics"]}}]},
            {"id": 102, "completed_by": {"id": 2, "email": "mona@example.org"},
             "ground_truth": True, "was_cancelled": False, "result": [
                 region("b1", "بوتين", "PER"),
                 region("b2", quote, "QUOTE"),
                 {"from_id": "b1", "to_id": "b2", "type": "relation", "direction": "left",
                  "labels": ["speaker"]}]},
            {"id": 103, "completed_by": 4, "was_cancelled": True, "result": []}],
        "predictions": [{"model_version": "ner-1", "score": 0.5,
                         "result": [region("p1", "موسكو", "LOC")]}]}]


def read(path: Path, annotator: str = "") -> tuple[list[Document], Problems]:
    problems = Problems()
    docs = list(read_documents(path, "auto", ImportOptions(annotator=annotator), problems))
    return docs, problems


def spans(document: Document) -> set[tuple[str, str, str, str]]:
    return {(a.annotator, a.layer, a.label, document.text[a.start:a.end])
            for a in document.annotations}


def test_label_studio_json_export_reads_as_one_document_with_a_layer_per_annotator(
        tmp_path: Path) -> None:
    path = tmp_path / "project-3-at-2024-05-01.json"
    path.write_text(json.dumps(ls_export(), ensure_ascii=False), encoding="utf-8")
    (document,), problems = read(path)
    assert not problems.errors
    assert document.id == "project-3-at-2024-05-01-12" and document.text == TEXT
    assert spans(document) == {
        ("user1", "", "PER", "فلاديمير بوتين"), ("user1", "", "QUOTE", "«الحرب انتهت»"),
        ("user1", "", "LOC", "موسكو"),
        ("mona@example.org", "gold", "PER", "بوتين"),
        ("mona@example.org", "gold", "QUOTE", "«الحرب انتهت»")}
    by_label = {(a.layer, a.label): a for a in document.annotations}
    quote, person = by_label[("", "QUOTE")], by_label[("", "PER")]
    assert quote.links == (Link("speaker", person.id),) and person.id == "Xy7_a1bQ9z"
    assert quote.attributes == {"type": "direct"}
    # direction "left": the arrow goes from to_id to from_id, quote to speaker
    gold_quote, gold_person = by_label[("gold", "QUOTE")], by_label[("gold", "PER")]
    assert gold_quote.links == (Link("speaker", gold_person.id),)
    assert by_label[("", "LOC")].id != "3loc"  # not an XML name: a fresh id
    warnings = [w.code for w in problems.warnings]
    assert sorted(warnings) == ["E488", "E490", "E491"]  # prediction, document label, cancelled
    assert all(str(path) in w.one_line() for w in problems.warnings)


def test_json_min_records_of_one_task_join_as_annotators(tmp_path: Path) -> None:
    text = "وقال السيسي إن مصر بخير"
    def record(annotator: object, pieces: list[tuple[str, str]]) -> dict[str, Any]:
        return {"text": text, "id": 5, "annotator": annotator, "annotation_id": 9,
                "created_at": "2024-05-01T10:00:00Z", "lead_time": 3.2,
                "sentiment": "Positive",
                "label": [{"start": at(text, piece)[0], "end": at(text, piece)[1],
                           "text": piece, "labels": [label]} for piece, label in pieces]}
    path = tmp_path / "min.json"
    path.write_text(json.dumps([record("ali@example.org", [("السيسي", "PER")]),
                                record(2, [("السيسي", "PER"), ("مصر", "LOC")])],
                               ensure_ascii=False), encoding="utf-8")
    (document,), problems = read(path)
    assert not problems.errors
    assert spans(document) == {("ali@example.org", "", "PER", "السيسي"),
                               ("user2", "", "PER", "السيسي"), ("user2", "", "LOC", "مصر")}
    assert [w.code for w in problems.warnings] == ["E490", "E490"]  # "sentiment" of each record
    assert "'Positive' (sentiment)" in problems.warnings[0].one_line()


def test_offsets_that_only_fit_as_utf16_are_converted_with_a_warning(tmp_path: Path) -> None:
    task = ls_export()[0]
    task["predictions"] = []
    del task["annotations"][1:]
    for item in task["annotations"][0]["result"]:  # as Label Studio before 1.4 counted
        value = item.get("value", {})
        if "start" in value and value["start"] > TEXT.index("🇷🇺"):
            value["start"] += 2
            value["end"] += 2
    path = tmp_path / "old.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    (document,), problems = read(path)
    assert not problems.errors
    assert ("user1", "", "LOC", "موسكو") in spans(document)
    assert [w.code for w in problems.warnings if w.code == "E495"] == ["E495"]


def test_a_region_whose_text_fits_no_reading_fails_its_task_in_one_line(tmp_path: Path) -> None:
    tasks = ls_export()
    tasks[0]["annotations"][0]["result"][0]["value"]["text"] = "غيره"
    tasks.append({"id": 13, "data": {"text": "نص آخر"}, "annotations": []})
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    docs, problems = read(path)
    assert [d.id for d in docs] == ["bad-13"]
    (error,) = problems.errors
    assert error.code == "E485" and error.path == str(path)
    assert "task 12: region 'Xy7_a1bQ9z'" in error.one_line() and "'غيره'" in error.one_line()


def test_export_is_label_studio_import_format_and_reads_back(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(ls_export(), ensure_ascii=False), encoding="utf-8")
    (document,), _ = read(source)
    out = tmp_path / "tasks.json"
    write_labelstudio([document], out, ExportOptions())
    tasks = json.loads(out.read_text(encoding="utf-8"))
    (task,) = tasks
    assert task["data"]["text"] == TEXT and task["data"]["doc_id"] == document.id
    assert [(a["ground_truth"], len(a["result"])) for a in task["annotations"]] == [
        (False, 5), (True, 3)]  # spans, a per-region choice, a relation
    for annotation in task["annotations"]:
        for item in annotation["result"]:
            if item["type"] == "relation":
                assert set(item) == {"from_id", "to_id", "type", "direction", "labels"}
            else:
                assert item["to_name"] == "text"
                value = item["value"]
                assert TEXT[value["start"]:value["end"]] == value["text"]
    relations = [(i["from_id"], i["to_id"], i["labels"]) for a in task["annotations"]
                 for i in a["result"] if i["type"] == "relation"]
    assert len(relations) == 2 and all(labels == ["speaker"] for *_, labels in relations)
    (again,), problems = read(out)
    assert not problems.errors and not problems.warnings
    assert again == document


def ls_view(tasks: list[dict[str, Any]]) -> list[set[tuple[Any, ...]]]:
    """What a round trip through this tool must keep of Label Studio tasks: per annotation,
    its spans with labels, and its relations as (quote span, speaker span, label)."""
    views = []
    for task in tasks:
        for annotation in task["annotations"]:
            if annotation.get("was_cancelled"):
                continue
            items = annotation["result"]
            where = {i["id"]: (i["value"]["start"], i["value"]["end"]) for i in items
                     if i["type"] == "labels"}
            view: set[tuple[Any, ...]] = {
                ("span", i["value"]["start"], i["value"]["end"], *i["value"]["labels"])
                for i in items if i["type"] == "labels"}
            for i in items:
                if i["type"] == "relation":
                    pair = (i["from_id"], i["to_id"])
                    source, target = pair[::-1] if i.get("direction") == "left" else pair
                    view.add(("relation", where[source], where[target], *i["labels"]))
            views.append(view)
    return views


def test_label_studio_to_tool_to_label_studio_keeps_spans_labels_and_relations(
        tmp_path: Path) -> None:
    original = ls_export()
    source = tmp_path / "in.json"
    source.write_text(json.dumps(original, ensure_ascii=False), encoding="utf-8")
    documents_read, _ = read(source)
    tasks = [document_to_task(d) for d in documents_read]
    assert ls_view(tasks) == ls_view(original)


def timeless(document: Document) -> Document:
    """The document less what Label Studio has no place for: times, and links between two
    annotators' (or layers') spans."""
    group = {a.id: (a.layer, a.annotator) for a in document.annotations}
    copy = Document(document.id, document.text, document.title, document.source,
                    document.language, document.direction, dict(document.status))
    copy.annotations.extend(
        replace(a, created="", modified="",
                links=tuple(link for link in a.links if group.get(link.target) == group[a.id]))
        for a in document.annotations)
    return copy


@settings(max_examples=150, deadline=None)
@given(documents())
def test_round_trip_through_label_studio_keeps_the_documents(document: Document) -> None:
    options = ExportOptions()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tasks.json"
        write_labelstudio([document], path, options)
        (again,), problems = read(path)
    assert not problems.errors and not problems.warnings
    assert again == timeless(document)
    crossing = timeless(document) != replace_times(document)
    assert [w.code for w in options.problems.warnings] == (["E496"] if crossing else [])


def replace_times(document: Document) -> Document:
    copy = Document(document.id, document.text, document.title, document.source,
                    document.language, document.direction, dict(document.status))
    copy.annotations.extend(replace(a, created="", modified="") for a in document.annotations)
    return copy


def test_predictions_export_writes_results_as_predictions(tmp_path: Path) -> None:
    document = Document("d1", "قال بوتين")
    document.annotations.add(Annotation("a1", 4, 9, "PER", annotator="model"))
    out = tmp_path / "pre.json"
    from annotator.formats import write_documents
    write_documents([document], out, "labelstudio-predictions", ExportOptions())
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    assert "annotations" not in task
    (prediction,) = task["predictions"]
    assert prediction["model_version"] == "model"
    assert prediction["result"][0]["value"] == {"start": 4, "end": 9, "text": "بوتين",
                                                "labels": ["PER"]}
