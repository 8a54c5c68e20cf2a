"""The CRF's name lists: the bundled lists and a project's own, how names are matched (folded,
proclitics stripped, longest first), and a model keeping the lists it was trained with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run
from test_crf import SETTINGS, document_of, training_documents

from annotator.errors import FormatError
from annotator.suggest.crf_features import FeatureTable, sentence_features, stems
from annotator.suggest.crf_gazetteer import FOLDER_NAME, NameLists, name_lists
from annotator.suggest.crf_model import (
    META_FILE,
    CrfRecommender,
    CrfSettings,
    load_crf_model,
    train_crf,
)


def marks_of(lists: NameLists, sentence: str) -> dict[int, list[str]]:
    words = stems(sentence.split())
    return lists.marks(words, lists.longest())


def test_bundled_lists_match_folded_words_with_proclitics() -> None:
    lists = name_lists()
    assert {"bundled:LOC.txt", "bundled:ORG.txt", "bundled:PER.txt"} <= set(lists.sources)
    marks = marks_of(lists, "وصل الوفد وبالعراق إلى القاهره")  # ة written ه: folded alike
    assert marks == {2: ["lg=U-LOC"], 4: ["lg=U-LOC"]}


def test_the_longest_listed_name_wins() -> None:
    lists = name_lists()
    assert marks_of(lists, "فاز المغرب الفاسي على دينامو كييف") == {
        1: ["lg=B-ORG"], 2: ["lg=I-ORG"], 4: ["lg=B-ORG"], 5: ["lg=I-ORG"]}
    assert marks_of(lists, "عاد إلى المغرب") == {2: ["lg=U-LOC"]}


def test_a_project_adds_names_and_labels_of_its_own(tmp_path: Path) -> None:
    folder = tmp_path / FOLDER_NAME
    folder.mkdir()
    (folder / "ORG.txt").write_text("# clubs\nنادي الأمل الرياضي\n", encoding="utf-8")
    (folder / "TEAM.txt").write_text("فريق الصقور\n\n", encoding="utf-8")
    lists = name_lists(tmp_path)
    assert lists.sources[-2:] == [str(folder / "ORG.txt"), str(folder / "TEAM.txt")]
    assert marks_of(lists, "فاز نادي الأمل الرياضي على فريق الصقور") == {
        1: ["lg=B-ORG"], 2: ["lg=I-ORG"], 3: ["lg=I-ORG"], 5: ["lg=B-TEAM"],
        6: ["lg=I-TEAM"]}
    assert name_lists(tmp_path / "elsewhere").sources == name_lists().sources


def test_a_name_in_two_lists_marks_both(tmp_path: Path) -> None:
    extra = tmp_path / "ORG.txt"
    extra.write_text("القاهرة\n", encoding="utf-8")
    assert marks_of(name_lists(extra=[extra]), "في القاهرة") == {1: ["lg=U-LOC", "lg=U-ORG"]}


def test_a_list_that_cannot_be_read_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="no such file"):
        name_lists(extra=[tmp_path / "missing.txt"])
    bad = tmp_path / FOLDER_NAME
    bad.mkdir()
    (bad / "LOC.txt").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(FormatError, match=r"LOC\.txt"):
        name_lists(tmp_path)


def test_the_features_mark_listed_names_only_when_the_table_has_lists() -> None:
    words = ["لعب", "ريال", "مدريد", "في", "برشلونة"]
    with_lists = sentence_features(words, FeatureTable(None, None, lists=name_lists()))
    assert [[f.decode() for f in token if f.startswith(b"lg=")] for token in with_lists] == [
        [], ["lg=B-ORG"], ["lg=I-ORG"], [], ["lg=U-LOC", "lg=U-ORG"]]
    plain = sentence_features(words, FeatureTable(None, None))
    assert not [f for token in plain for f in token if f.startswith(b"lg=")]


def test_a_model_keeps_its_lists_and_proposes_with_them_offline(tmp_path: Path) -> None:
    extra = tmp_path / "LOC.txt"
    extra.write_text("مدينة النخيل\n", encoding="utf-8")
    lists = name_lists(extra=[extra])
    model = train_crf(training_documents(), settings=SETTINGS, lists=lists)
    assert model.info["name_lists"] == lists.sources
    assert model.info["listed_names"] == len(lists.names)
    model.save(tmp_path / "model")
    extra.unlink()  # proposing needs the model folder only
    meta = json.loads((tmp_path / "model" / META_FILE).read_text(encoding="utf-8"))
    assert meta["name_lists"]["sources"] == lists.sources
    loaded = load_crf_model(tmp_path / "model")
    assert loaded.lists == lists
    new = document_of(9, ["قال سمير خليل في طنجة إن الوضع هادئ .", "زار مدينة النخيل ."])
    in_memory = [(p.start, p.end, p.label) for p in CrfRecommender(model).propose(new)]
    assert in_memory == [(p.start, p.end, p.label) for p in CrfRecommender(loaded).propose(new)]


def test_a_model_trained_without_lists_has_no_list_features(tmp_path: Path) -> None:
    settings = CrfSettings(max_iterations=30, gazetteer_folds=2, name_lists=False)
    model = train_crf(training_documents(), settings=settings)
    assert model.lists is None and model.info["name_lists"] == []
    model.save(tmp_path / "m")
    loaded = load_crf_model(tmp_path / "m")
    assert loaded.lists is None
    assert not [a for a in CrfRecommender(loaded)._known if a.startswith("lg=")]


def test_a_model_saved_before_name_lists_loads_without_them(tmp_path: Path) -> None:
    model = train_crf(training_documents(), settings=SETTINGS)
    model.save(tmp_path / "m")
    path = tmp_path / "m" / META_FILE
    meta = json.loads(path.read_text(encoding="utf-8"))
    del meta["name_lists"]
    path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    loaded = load_crf_model(tmp_path / "m")
    assert loaded.lists is None
    new = document_of(9, ["زار محمد علي مدينة بيروت ."])
    assert any(p.label == "LOC" for p in CrfRecommender(loaded).propose(new))


def test_cli_train_adds_name_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "train.conll"
    source.write_text("قال O\nمحمد B-PERS\nعلي I-PERS\nفي O\nبيروت B-LOC\n. O\n\n" * 5,
                      encoding="utf-8")
    clubs = tmp_path / "CLUB.txt"
    clubs.write_text("نادي الصقور\n", encoding="utf-8")
    status, _, err = run(capsys, "train", source, "-o", tmp_path / "m", "--iterations", "20",
                         "--name-list", clubs)
    assert status == 0, err
    model = load_crf_model(tmp_path / "m")
    assert model.lists is not None and model.lists.names[("نادي", "صقور")] == ("CLUB",)
    assert model.info["name_lists"][-1] == str(clubs)


def test_cli_train_missing_name_list_is_one_line(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "train.conll"
    source.write_text("قال O\nبيروت B-LOC\n. O\n\n", encoding="utf-8")
    status, _, err = run(capsys, "train", source, "-o", tmp_path / "m",
                         "--name-list", tmp_path / "nope.txt")
    assert status == 2
    assert "nope.txt" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "m").exists()
