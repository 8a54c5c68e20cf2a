"""The CRF recommender: training from documents on disk, saving, loading, proposing (offsets in
code points, proclitics), the ``annotator train`` command, and entity-level scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run
from hypothesis import given
from hypothesis import strategies as st
from test_train_project import marked

from annotator.formats import ImportOptions, Problems
from annotator.formats.conll import read_conll
from annotator.model import Document
from annotator.suggest.crf_features import Gazetteer
from annotator.suggest.crf_model import (
    META_FILE,
    MODEL_FILE,
    CrfRecommender,
    CrfSettings,
    _repeated_names,
    entity_spans,
    load_crf_model,
    train_crf,
)
from annotator.suggest.evaluation import evaluate_spans
from annotator.suggest.proposal import Recommender
from annotator.suggest.word_clusters import WordClusters, learn_clusters
from annotator.tei import load_tei, save_tei
from annotator.word_selection import word_selection

# Sentences in the tool's convention: the proclitic و stays out of the span (والبيان -> البيان).
SENTENCES = [
    ("قال {PERS:محمد علي} في {LOC:بيروت} إن الوضع هادئ .", None),
    ("وصل {PERS:أحمد حسن} إلى {LOC:دمشق} أمس .", None),
    ("و{ORG:البيان} نشرت تقريرا عن {LOC:لبنان} .", None),
    ("قال {PERS:سمير خليل} إن {ORG:البيان} تصدر في {LOC:دبي} .", None),
    ("زار {PERS:محمد علي} مدينة {LOC:بيروت} و{LOC:دمشق} .", None),
    ("و{ORG:البيان} صحيفة تصدر في {LOC:دبي} .", None),
]
SETTINGS = CrfSettings(max_iterations=60, gazetteer_folds=2)


def document_of(number: int, lines: list[str], prefix: str = "") -> Document:
    """A document from lines with ``{LABEL:text}`` marks, annotated by ``ann``."""
    return marked(f"d{number}", lines, annotator="ann", prefix=prefix)


def training_documents() -> list[Document]:
    return [document_of(i, [s for s, _ in SENTENCES]) for i in range(4)]


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model trained from TEI files on disk, saved in a folder."""
    folder = tmp_path_factory.mktemp("crf")
    for document in training_documents():
        save_tei(document, folder / f"{document.id}.tei.xml")
    documents = [load_tei(path) for path in sorted(folder.glob("*.tei.xml"))]
    seen: list[tuple[int, int]] = []
    model = train_crf(documents, settings=SETTINGS, folds=2,
                      progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] and all(d <= t for d, t in seen)
    model.save(folder / "model")
    return folder / "model"


def test_saved_model_holds_its_metadata(trained: Path) -> None:
    meta = json.loads((trained / META_FILE).read_text(encoding="utf-8"))
    info = meta["info"]
    assert info["labels"] == ["LOC", "ORG", "PERS"]
    assert info["documents"] == 4 and info["tokens"] > 100
    assert info["proclitics"] == "strip"  # the spans leave و out
    assert set(info["cross_validation"]) == {"LOC", "ORG", "PERS", "micro"}
    assert 0 <= info["cross_validation"]["micro"]["f1"] <= 1
    assert (trained / MODEL_FILE).stat().st_size > 0


def test_loaded_model_proposes_on_a_new_document_in_code_points(trained: Path) -> None:
    recommender: Recommender = CrfRecommender(load_crf_model(trained))
    assert recommender.name == "crf"
    # An astral character (two UTF-16 units, one code point) before the entities.
    new = document_of(99, ["🇱🇧 قال {PERS:محمد علي} في {LOC:بيروت} إن الوضع هادئ .",
                           "و{ORG:البيان} نشرت تقريرا عن {LOC:دمشق} .",
                           "{ORG:البيان} صحيفة تصدر في {LOC:دبي} ."])
    before = [(a.start, a.end, a.label) for a in new.annotations]
    proposals = recommender.propose(new)
    found = {(new.text[p.start:p.end], p.label) for p in proposals}
    assert ("محمد علي", "PERS") in found
    assert ("بيروت", "LOC") in found
    assert ("البيان", "ORG") in found  # the proclitic و is left out: البيان stands alone
    assert ("دمشق", "LOC") in found
    assert all(0 < p.score <= 1 and p.recommender == "crf" for p in proposals)
    assert [(a.start, a.end, a.label) for a in new.annotations] == before  # unchanged
    evaluation = evaluate_spans([entity_spans(new)], [[(p.start, p.end, p.label)
                                                       for p in proposals]])
    assert evaluation.micro.f1 == 1.0


def test_proclitics_are_left_out_by_the_rule_a_double_click_follows(trained: Path) -> None:
    """A proposal leaves out و only where the stem stands alone in the document, as
    :func:`annotator.word_selection.word_selection` selects the word."""
    recommender = CrfRecommender(load_crf_model(trained))
    new = document_of(9, ["و{ORG:البيان} نشرت تقريرا عن {LOC:دمشق} ."])
    proposals = recommender.propose(new)
    found = {new.text[p.start:p.end] for p in proposals}
    assert "والبيان" in found and "البيان" not in found  # البيان never stands alone here
    for proposal in proposals:
        selected = word_selection(new.text, proposal.start)
        assert selected is not None and selected[0] == proposal.start


def test_proclitics_are_kept_when_the_training_spans_keep_them() -> None:
    lines = [s.replace("و{ORG:البيان}", "{ORG:والبيان}") for s, _ in SENTENCES]
    model = train_crf([document_of(i, lines) for i in range(4)], settings=SETTINGS)
    assert model.info["proclitics"] == "keep"
    new = document_of(7, ["والبيان صحيفة تصدر في دبي ."])
    found = {new.text[p.start:p.end] for p in CrfRecommender(model).propose(new)}
    assert "والبيان" in found


def test_a_word_starting_with_a_proclitic_letter_is_not_cut(trained: Path) -> None:
    recommender = CrfRecommender(load_crf_model(trained))
    new = document_of(8, ["زار {PERS:محمد علي} مدينة {LOC:لبنان} و{LOC:بيروت} .",
                          "الوضع في {LOC:بيروت} هادئ ."])  # بيروت stands alone: و is cut
    found = {(new.text[p.start:p.end], p.label) for p in recommender.propose(new)}
    assert ("لبنان", "LOC") in found and ("بيروت", "LOC") in found


def test_nothing_to_learn_is_one_clear_error() -> None:
    from annotator.errors import FormatError

    with pytest.raises(FormatError) as raised:
        train_crf([Document("empty", "نص بلا توسيم .")])
    assert raised.value.code == "E628" and "1 document(s)" in str(raised.value)


def test_loading_something_else_is_one_clear_error(tmp_path: Path) -> None:
    from annotator.errors import FormatError

    with pytest.raises(FormatError) as raised:
        load_crf_model(tmp_path)
    assert raised.value.code == "E627" and raised.value.path == str(tmp_path)


# -- word clusters -----------------------------------------------------------------------------

def test_words_with_the_same_neighbours_share_a_cluster() -> None:
    names = ["بوتين", "ساركوزي", "ميركل", "اوباما", "كاميرون"]
    places = ["بيروت", "دمشق", "القاهره", "عمان", "بغداد"]
    sentences = [["قال", "الرئيس", name, "ان", "الوضع", "هادئ"] for name in names] * 4
    sentences += [["وصل", "الوفد", "الي", place, "امس", "صباحا"] for place in places] * 4
    clusters = learn_clusters(sentences, sizes=(2, 4), min_count=2, contexts=20, dimensions=8)
    assert {clusters.numbers[n][0] for n in names} != {clusters.numbers[p][0] for p in places}
    assert len({clusters.numbers[n][0] for n in names}) == 1
    assert len({clusters.numbers[p][0] for p in places}) == 1
    assert clusters.features("بوتين")[0] == f"c2={clusters.numbers['بوتين'][0]}"
    assert clusters.features("غير") == ["c=none"]
    assert WordClusters.from_json(json.loads(json.dumps(clusters.to_json()))) == clusters
    again = learn_clusters(sentences, sizes=(2, 4), min_count=2, contexts=20, dimensions=8)
    assert again == clusters  # the seed is fixed: the same text gives the same clusters


def test_clusters_learnt_from_unlabelled_documents_are_stored_and_used_offline(
        tmp_path: Path) -> None:
    unlabelled = [document_of(50 + i, [f"قال {name} إن الوضع هادئ في {place} ."
                                       for name, place in (("بوتين", "موسكو"),
                                                           ("ميركل", "برلين"))] * 3)
                  for i in range(2)]
    model = train_crf(training_documents(), settings=SETTINGS, unlabelled=unlabelled)
    assert model.info["unlabelled_documents"] == 2
    assert model.clusters is not None and "ميركل" in model.clusters.numbers  # unlabelled only
    model.save(tmp_path / "model")
    meta = json.loads((tmp_path / "model" / META_FILE).read_text(encoding="utf-8"))
    assert meta["clusters"]["sizes"] == list(SETTINGS.cluster_sizes)
    loaded = load_crf_model(tmp_path / "model")  # nothing but the folder is needed
    assert loaded.clusters == model.clusters
    new = document_of(9, ["قال {PERS:محمد علي} في {LOC:بيروت} إن الوضع هادئ ."])
    assert [(p.start, p.end, p.label) for p in CrfRecommender(loaded).propose(new)] == \
        [(p.start, p.end, p.label) for p in CrfRecommender(model).propose(new)]


def test_a_model_without_clusters_trains_saves_and_loads(tmp_path: Path) -> None:
    settings = CrfSettings(max_iterations=30, gazetteer_folds=2, cluster_sizes=())
    model = train_crf(training_documents(), settings=settings)
    assert model.clusters is None and model.info["clustered_words"] == 0
    model.save(tmp_path / "m")
    assert load_crf_model(tmp_path / "m").clusters is None
    new = document_of(3, ["زار {PERS:محمد علي} مدينة {LOC:بيروت} ."])
    assert any(p.label == "LOC" for p in CrfRecommender(load_crf_model(tmp_path / "m"))
               .propose(new))


# -- the command line --------------------------------------------------------------------------

def test_cli_train_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sources = tmp_path / "tei"
    sources.mkdir()
    for document in training_documents():
        save_tei(document, sources / f"{document.id}.tei.xml")
    status, _, err = run(capsys, "train", sources, "-o", tmp_path / "model",
                           "--iterations", "40", "--folds", "2")
    assert status == 0, err
    assert "trained on 4 document(s)" in err and "cross-validated on 2 folds" in err
    model = load_crf_model(tmp_path / "model")
    assert model.info["labels"] == ["LOC", "ORG", "PERS"]
    new = document_of(5, ["قال محمد علي في بيروت إن الوضع هادئ ."])
    assert {new.text[p.start:p.end] for p in CrfRecommender(model).propose(new)} >= {"بيروت"}


def test_cli_train_says_one_document_cannot_be_cross_validated(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "train.conll"  # a corpus in one file is one document
    source.write_text("قال O\nمحمد B-PERS\nعلي I-PERS\nفي O\nبيروت B-LOC\n. O\n\n" * 5,
                      encoding="utf-8")
    status, _, err = run(capsys, "train", source, "-o", tmp_path / "m", "--iterations", "20",
                         "--folds", "3")
    assert status == 0, err
    assert "warning E619" in err and "cross-validated" not in err
    assert "cross_validation" not in load_crf_model(tmp_path / "m").info or \
        not load_crf_model(tmp_path / "m").info["cross_validation"]


def test_cli_train_learns_clusters_from_unlabelled_documents(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "train.conll"
    source.write_text("قال O\nمحمد B-PERS\nعلي I-PERS\nفي O\nبيروت B-LOC\n. O\n\n" * 5,
                      encoding="utf-8")
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "a.txt").write_text("قالت ميركل في برلين إن الوضع هادئ .\n" * 4, encoding="utf-8")
    status, _, err = run(capsys, "train", source, "-o", tmp_path / "m", "--iterations", "20",
                         "--unlabelled", plain)
    assert status == 0, err
    assert "(text of 1 unannotated document(s) added)" in err
    model = load_crf_model(tmp_path / "m")
    assert model.info["unlabelled_documents"] == 1
    assert model.clusters is not None and "ميركل" in model.clusters.numbers


def test_cli_train_from_conll_and_by_layer(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "train.conll"
    source.write_text("قال O\nمحمد B-PERS\nعلي I-PERS\nفي O\nبيروت B-LOC\n. O\n\n" * 5,
                      encoding="utf-8")
    status, _, err = run(capsys, "train", source, "-o", tmp_path / "m", "--iterations", "20")
    assert status == 0, err
    status, _, err = run(capsys, "train", source, "-o", tmp_path / "m2", "--layer", "nobody")
    assert status == 2 and "E628" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("arguments, code", [
    (["--folds", "1"], "E629"), (["--iterations", "0"], "E608")])
def test_cli_train_bad_options(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               arguments: list[str], code: str) -> None:
    source = tmp_path / "a.conll"
    source.write_text("محمد B-PERS\n", encoding="utf-8")
    status, _, err = run(capsys, "train", source, "-o", tmp_path / "m", *arguments)
    assert status == 2 and code in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "m").exists()


def test_cli_train_missing_source_and_file_in_the_way(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "train", tmp_path / "nope", "-o", tmp_path / "m")
    assert status == 2 and "nope" in err and "Traceback" not in err
    source = tmp_path / "a.conll"
    source.write_text("محمد B-PERS\nقال O\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("keep me", encoding="utf-8")
    status, _, err = run(capsys, "train", source, "-o", blocker, "--iterations", "5")
    assert status == 2 and "E624" in err
    assert blocker.read_text(encoding="utf-8") == "keep me"


def test_a_name_is_not_spread_to_a_word_training_saw_mostly_outside_names() -> None:
    """A confident one-word name, or the family name of a full name, is proposed again where
    its stem recurs untagged, unless the training data saw that stem mostly outside names
    (``دين`` "debt" is also the name Dean)."""
    outside = [(["اوراق", "دين", "جديده"], ["O", "O", "O"])] * 3
    gazetteer = Gazetteer.build([*outside, (["دين"], ["B-PERS"]),
                                 (["اميل", "لحود"], ["B-PERS", "I-PERS"])])
    words = ["دين", "قال", "بري", "ثم", "دين", "بري", "اميل", "لحود", "لحود"]
    runs = [(0, 1, "PERS", 0.9, "CRF"), (2, 3, "PERS", 0.9, "CRF"), (6, 8, "PERS", 0.9, "CRF")]
    found = {(first, end, label) for first, end, label, *_ in
             _repeated_names(words, runs, gazetteer, {"PERS"})}
    # بري again, and لحود alone: the last word, so no run reaches past the end
    assert (5, 6, "PERS") in found and (8, 9, "PERS") in found
    assert not any(first == 4 for first, *_ in found)  # دين: mostly outside names
    family = [(["اميل", "دين"], ["B-PERS", "I-PERS"])]
    found = {first for first, *_ in _repeated_names(
        ["اميل", "دين", "دين"], [(0, 2, "PERS", 0.9, "CRF")],
        Gazetteer.build([*outside, *family]), {"PERS"})}
    assert found == {0}  # a family name mostly outside names is not proposed alone


# -- scoring ---------------------------------------------------------------------------------

def test_exact_and_overlap_scores() -> None:
    gold = [[(0, 5, "PERS"), (10, 15, "LOC"), (20, 25, "ORG")]]
    proposed = [[(0, 5, "PERS"), (10, 14, "LOC"), (20, 25, "LOC")]]
    exact = evaluate_spans(gold, proposed)
    assert exact.per_label["PERS"].f1 == 1.0
    assert exact.per_label["LOC"].correct == 0 and exact.per_label["LOC"].proposed == 2
    assert exact.micro.correct == 1 and exact.micro.precision == pytest.approx(1 / 3)
    overlap = evaluate_spans(gold, proposed, "overlap")
    assert overlap.per_label["LOC"].correct == 1 and overlap.micro.correct == 2
    # One gold span is matched once, however many proposals overlap it.
    twice = evaluate_spans([[(0, 10, "PERS")]], [[(0, 4, "PERS"), (5, 10, "PERS")]], "overlap")
    assert twice.micro.correct == 1 and twice.micro.recall == 1.0


spans = st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10), st.sampled_from("AB"))
                 .map(lambda t: (t[0], t[0] + t[1], t[2])), max_size=8)


@given(st.lists(st.tuples(spans, spans), min_size=1, max_size=4))
def test_scores_are_bounded_and_overlap_is_looser(documents: list) -> None:
    gold = [g for g, _ in documents]
    proposed = [p for _, p in documents]
    exact = evaluate_spans(gold, proposed)
    overlap = evaluate_spans(gold, proposed, "overlap")
    for score in (exact.micro, overlap.micro):
        assert score.correct <= min(score.proposed, score.gold)
        assert 0 <= score.f1 <= 1
    assert overlap.micro.correct >= exact.micro.correct
    assert evaluate_spans(gold, gold).micro.f1 == (1.0 if any(gold) else 0.0)


# -- ANERcorp ----------------------------------------------------------------------------------

@pytest.mark.shared
def test_anercorp_part_trains_and_scores(corpora_dir: Path, tmp_path: Path) -> None:
    """A quick model from the first 20,000 lines of ANERcorp scores the CAMeL Lab test split
    well above chance (bench/bench_crf_anercorp.py measures the full model)."""
    head = tmp_path / "head.conll"
    with open(corpora_dir / "anercorp" / "ANERCorp", encoding="utf-8") as source:
        head.write_text("".join(line for _, line in zip(range(20_000), source, strict=False)),
                        encoding="utf-8")
    problems = Problems()
    train = list(read_conll(head, ImportOptions(repair=True), problems))
    test = list(read_conll(corpora_dir / "anercorp" / "ANERCorp_CamelLab_test.txt",
                           ImportOptions(), problems))
    model = train_crf(train, settings=CrfSettings(max_iterations=30))
    assert model.info["proclitics"] == "keep"  # ANERcorp's entities hold their clitics
    recommender = CrfRecommender(model)
    proposed = [[(p.start, p.end, p.label) for p in recommender.propose(d)] for d in test]
    evaluation = evaluate_spans([entity_spans(d) for d in test], proposed)
    assert evaluation.micro.f1 > 0.4
