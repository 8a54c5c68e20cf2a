"""Training a project's CRF: which documents of a project folder it learns from (gold, else
the annotators' work once; unannotated text for the word clusters), replacing a model folder
as a whole, and ``annotator train`` keeping a model already there unless ``--overwrite``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run

from annotator.errors import FormatError, SaveError
from annotator.layers import GOLD
from annotator.model import Annotation, Document
from annotator.suggest.crf_model import META_FILE, MODEL_FILE, entity_spans, load_crf_model
from annotator.suggest.project_training import (
    folds_for,
    project_training_set,
    read_model_info,
    replace_folder,
    save_model_folder,
)
from annotator.tei import save_tei

LINES = ["قال {PER:محمد علي} في {LOC:بيروت} إن الوضع هادئ .",
         "وصل {PER:أحمد حسن} إلى {LOC:دمشق} أمس .",
         "و{ORG:البيان} نشرت تقريرا عن {LOC:لبنان} .",
         "قال {PER:سمير خليل} إن {ORG:البيان} تصدر في {LOC:دبي} ."]


def marked(document_id: str, lines: list[str], annotator: str = "sara",
           layer: str = "", prefix: str = "") -> Document:
    """A document from lines with ``{LABEL:text}`` marks, annotated by ``annotator``; its
    text starts with ``prefix``."""
    text, spans = prefix, []
    for line in lines:
        rest = line
        while "{" in rest:
            before, _, tail = rest.partition("{")
            label, _, tail = tail.partition(":")
            inside, _, rest = tail.partition("}")
            text += before
            spans.append((len(text), len(text) + len(inside), label))
            text += inside
        text += rest + "\n"
    document = Document(document_id, text)
    for number, (start, end, label) in enumerate(spans, 1):
        document.annotations.add(Annotation(f"a{number}", start, end, label, annotator,
                                            layer=layer))
    return document


def write_project(root: Path, count: int = 4) -> Path:
    """A project folder of ``count`` annotated documents and one nobody annotated."""
    root.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        lines = LINES[number % len(LINES):] + LINES[:number % len(LINES)]
        save_tei(marked(f"d{number}", lines), root / f"d{number}.tei.xml")
    save_tei(Document("plain", "زار الوزير مدينة حلب أمس .\n"), root / "plain.tei.xml")
    return root


def test_gold_where_there_is_gold_else_everyone_once_else_text_only(tmp_path: Path) -> None:
    root = tmp_path / "team"
    (root / "annotations" / "sara").mkdir(parents=True)
    (root / "annotations" / "omar").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "texts").mkdir()
    both = marked("both", LINES[:1])
    save_tei(Document("both", both.text), root / "texts" / "both.tei.xml")
    save_tei(both, root / "annotations" / "sara" / "both.tei.xml")
    omar = marked("both", LINES[:1], annotator="omar")  # the same two spans, and one more
    omar.annotations.add(Annotation("a9", 0, 3, "ORG", "omar"))
    save_tei(omar, root / "annotations" / "omar" / "both.tei.xml")
    judged = marked("judged", LINES[1:2])
    save_tei(judged, root / "annotations" / "sara" / "judged.tei.xml")
    gold = marked("judged", ["وصل {PER:أحمد حسن} إلى دمشق أمس ."], annotator="lead",
                  layer=GOLD)
    save_tei(gold, root / "gold" / "judged.tei.xml")
    save_tei(Document("bare", "نص لم يوسمه أحد .\n"), root / "texts" / "bare.tei.xml")
    (root / "broken.tei.xml").write_text("<TEI>", encoding="utf-8")

    found = project_training_set(root)
    spans = {d.id: [(d.text[s:e], label) for s, e, label in entity_spans(d)]
             for d in found.labelled}
    assert spans == {"both": [("قال", "ORG"), ("محمد علي", "PER"), ("بيروت", "LOC")],
                     "judged": [("أحمد حسن", "PER")]}
    assert [d.id for d in found.unlabelled] == ["bare"]
    assert len(found.errors) == 1 and "broken.tei.xml" in str(found.errors[0])


def test_the_open_document_counts_as_the_window_holds_it(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", count=2)
    edited = marked("plain", ["زار الوزير مدينة {LOC:حلب} أمس ."])
    found = project_training_set(root, open_documents={root / "plain.tei.xml": edited})
    assert sorted(d.id for d in found.labelled) == ["d0", "d1", "plain"]
    assert found.unlabelled == []


def test_folds_are_fewer_with_few_documents() -> None:
    assert [folds_for(n) for n in (0, 1, 2, 3, 5, 40)] == [0, 0, 2, 3, 5, 5]


def test_a_folder_is_replaced_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "models" / "crf"
    target.mkdir(parents=True)
    (target / MODEL_FILE).write_bytes(b"old")
    new = tmp_path / "models" / "new"
    new.mkdir()
    (new / MODEL_FILE).write_bytes(b"new")
    replace_folder(new, target)
    assert (target / MODEL_FILE).read_bytes() == b"new" and not new.exists()
    assert sorted(p.name for p in target.parent.iterdir()) == ["crf"]
    with pytest.raises(SaveError) as raised:
        replace_folder(tmp_path / "models" / "missing", target)
    assert raised.value.code == "E607"
    assert (target / MODEL_FILE).read_bytes() == b"new"  # put back
    assert sorted(p.name for p in target.parent.iterdir()) == ["crf"]


def test_a_saved_model_folder_has_the_usual_permissions(tmp_path: Path) -> None:
    from annotator.suggest.crf_model import train_crf

    root = write_project(tmp_path / "p", count=2)
    save_model_folder(train_crf(project_training_set(root).labelled), root / "models" / "crf")
    plain = root / "plain-folder"
    plain.mkdir()  # what the umask gives any new folder
    assert (root / "models" / "crf").stat().st_mode == plain.stat().st_mode


def test_saving_into_a_file_in_the_way_is_refused(tmp_path: Path) -> None:
    from annotator.suggest.crf_model import train_crf

    root = write_project(tmp_path / "p", count=2)
    model = train_crf(project_training_set(root).labelled)
    blocker = tmp_path / "file"
    blocker.write_text("keep me", encoding="utf-8")
    with pytest.raises(FormatError) as raised:
        save_model_folder(model, blocker)
    assert raised.value.code == "E624"
    assert blocker.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "p"]


def test_cli_train_keeps_a_model_already_there_unless_overwrite(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path / "p", count=3)
    model = tmp_path / "model"
    status, _, err = run(capsys, "train", root, "-o", model, "--iterations", "20",
                         "--folds", "2")
    assert status == 0, err
    assert "cross-validated on 2 folds" in err
    info = read_model_info(model)
    assert info is not None and info["folds"] == 2 and info["cross_validation"]["micro"]
    before = {name: (model / name).read_bytes() for name in (MODEL_FILE, META_FILE)}

    status, _, err = run(capsys, "train", root, "-o", model, "--iterations", "30")
    assert status == 2 and "E647" in err and str(model) in err
    assert len(err.strip().splitlines()) == 1
    assert {name: (model / name).read_bytes() for name in before} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model", "p"]

    status, _, err = run(capsys, "train", root, "-o", model, "--iterations", "30",
                         "--overwrite")
    assert status == 0, err
    assert load_crf_model(model).info["settings"]["max_iterations"] == 30
    assert json.loads((model / META_FILE).read_text(encoding="utf-8"))["info"]["folds"] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model", "p"]  # nothing left beside


def test_cli_train_into_an_empty_folder_is_no_overwrite(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path / "p", count=2)
    (tmp_path / "model").mkdir()
    status, _, err = run(capsys, "train", root, "-o", tmp_path / "model", "--iterations", "10")
    assert status == 0, err
    assert read_model_info(tmp_path / "model") is not None
    assert read_model_info(tmp_path / "p") is None
