"""``annotator suggest`` and the recommender registry: real TEI files in and out, the
suggestion layer through the core's store, rejected suggestions kept, exports of the layer,
one-line errors that leave every file as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from annotator.layers import STATUS, SUGGESTION, is_open_suggestion
from annotator.model import Document, Link
from annotator.session import EditSession
from annotator.suggest.registry import (
    DEFAULT_RECOMMENDERS,
    RECOMMENDERS,
    RecommenderError,
    RecommenderKind,
    RecommenderSource,
    build_recommender,
    suggestion_change,
)
from annotator.tei import load_tei, save_tei

ONE = ("قال الوزير عمر الخطيب: «إن المفاوضات ستستمر حتى النهاية مهما طال الوقت».\n"
       "وارتفعت الصادرات بنسبة 12% مقارنة بالعام الماضي، وفق وزارة التجارة.")
TWO = ("وأكد عمر الخطيب أن الحكومة ستعلن خطة جديدة للنقل الأسبوع المقبل.\n"
       "والتقى عمر الخطيب وفدًا من رجال الأعمال في الرياض.")


def _document(doc_id: str, text: str, names: tuple[str, ...] = ()) -> Document:
    document = Document(doc_id, text)
    for name in names:
        at = text.index(name)
        document.annotate(at, at + len(name), "PER", annotator="layla")
    return document


def _corpus(folder: Path) -> tuple[Path, Path]:
    """Two articles: the first names عمر الخطيب as a person, the second (in a sub-folder)
    mentions him twice unlabelled."""
    (folder / "more").mkdir(parents=True)
    first, second = folder / "one.tei.xml", folder / "more" / "two.tei.xml"
    save_tei(_document("one", ONE, ("عمر الخطيب",)), first)
    save_tei(_document("two", TWO), second)
    return first, second


def _suggestions(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Open suggestions of a file by recommender: (text, label) in text order."""
    document = load_tei(path)
    found: dict[str, list[tuple[str, str]]] = {}
    for a in sorted(document.annotations, key=lambda a: (a.start, -a.end)):
        if is_open_suggestion(a):
            found.setdefault(a.annotator, []).append((document.text[a.start:a.end], a.label))
    return found


def test_each_document_is_written_with_its_suggestions_and_stays_valid(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], tei_schema: object) -> None:
    first, second = _corpus(tmp_path / "src")
    before = first.read_bytes(), second.read_bytes()
    status, out, err = run(capsys, "suggest", tmp_path / "src", "-o", tmp_path / "out")
    assert status == 0, err
    assert (first.read_bytes(), second.read_bytes()) == before  # inputs untouched
    one = _suggestions(tmp_path / "out" / "one.tei.xml")
    two = _suggestions(tmp_path / "out" / "more" / "two.tei.xml")
    assert ("إن المفاوضات ستستمر حتى النهاية مهما طال الوقت", "QUOTE") in one["cues"]
    assert any(label == "CLAIM" and "12%" in text for text, label in one["claims"])
    # Learned from the first file's PER, proposed twice in the second (after و as well).
    assert two["project"] == [("عمر الخطيب", "PER"), ("عمر الخطيب", "PER")]
    assert "project" not in one  # the first already has it in its annotator's layer
    assert any(label == "QUOTE" for _, label in two["cues"])
    counts = sum(len(v) for v in one.values()) + sum(len(v) for v in two.values())
    assert err.strip().endswith(f"in 2 documents written to {tmp_path / 'out'}")
    assert f"suggested {counts} spans (cues " in err and "\r" not in err  # no bar: not a tty
    # The annotator's own work is kept as it was, and every file is valid TEI.
    kept = load_tei(tmp_path / "out" / "one.tei.xml")
    assert [(a.label, a.annotator) for a in kept.annotations if a.layer != SUGGESTION] == [
        ("PER", "layla")]
    status, out, _ = run(capsys, "validate", tmp_path / "out")
    assert status == 0 and out.count(": ok") == 2
    assert tei_schema.validate(etree.parse(str(tmp_path / "out" / "one.tei.xml")))


def test_export_layer_suggestion_gives_the_open_suggestions(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _corpus(tmp_path / "src")
    assert run(capsys, "suggest", tmp_path / "src", "-o", tmp_path / "out")[0] == 0
    path = tmp_path / "out" / "one.tei.xml"
    session = EditSession.open(path, annotator="layla")
    rejected = session.open_suggestions(label="CLAIM")[0]
    session.reject_suggestion(rejected.id)
    session.save()
    status, _, err = run(capsys, "export", tmp_path / "out", "-o", tmp_path / "s.jsonl",
                         "--format", "jsonl", "--layer", "suggestion")
    assert status == 0, err
    rows = {row["id"]: row for row in map(json.loads, (tmp_path / "s.jsonl").open())}
    exported = {(s["start"], s["end"], s["label"]) for s in rows["one"]["spans"]}
    expected = {(a.start, a.end, a.label) for a in load_tei(path).annotations
                if is_open_suggestion(a)}
    assert exported == expected and exported
    assert (rejected.start, rejected.end, "CLAIM") not in exported
    assert all(s["label"] != "PER" or s["start"] != 0 for s in rows["one"]["spans"])


def test_rejected_suggestions_stay_rejected_and_are_not_proposed_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _corpus(tmp_path / "src")
    assert run(capsys, "suggest", tmp_path / "src", "-o", tmp_path / "out")[0] == 0
    path = tmp_path / "out" / "one.tei.xml"
    session = EditSession.open(path, annotator="layla")
    quote = session.open_suggestions(label="QUOTE")[0]
    session.reject_suggestion(quote.id)
    session.save()
    status, _, err = run(capsys, "suggest", path, "-o", tmp_path / "again")
    assert status == 0, err
    again = load_tei(tmp_path / "again" / "one.tei.xml")
    same = [a for a in again.annotations
            if (a.start, a.end, a.label) == (quote.start, quote.end, "QUOTE")]
    assert len(same) == 1 and same[0].attributes[STATUS] == "rejected"
    assert same[0].layer == SUGGESTION


def test_outputs_already_there_are_kept_unless_overwrite(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _corpus(tmp_path / "src")
    assert run(capsys, "suggest", tmp_path / "src", "-o", tmp_path / "out")[0] == 0
    written = (tmp_path / "out" / "one.tei.xml").read_bytes()
    status, _, err = run(capsys, "suggest", tmp_path / "src", "-o", tmp_path / "out",
                         "--recommender", "cues")
    assert status == 2
    assert err.count("\n") == 1 and "E632" in err and "--overwrite" in err
    assert (tmp_path / "out" / "one.tei.xml").read_bytes() == written
    status, _, err = run(capsys, "suggest", tmp_path / "src", "-o", tmp_path / "out",
                         "--recommender", "cues", "--overwrite")
    assert status == 0, err
    assert set(_suggestions(tmp_path / "out" / "one.tei.xml")) == {"cues"}


def test_writing_over_an_input_is_refused(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    first, _ = _corpus(tmp_path / "src")
    before = first.read_bytes()
    status, _, err = run(capsys, "suggest", first, "-o", tmp_path / "src", "--overwrite")
    assert status == 2 and "E604" in err and err.count("\n") == 1
    assert first.read_bytes() == before


@pytest.mark.parametrize(("options", "code"), [
    (["--recommender", "nope"], "E076"),
    (["--recommender", "crf"], "E077"),
    (["--recommender", "crf", "--model", "no-such-model"], "E627"),
    (["--project", "no-such-folder"], "E603"),
])
def test_recommender_problems_are_one_line_and_nothing_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str],
        code: str) -> None:
    _corpus(tmp_path / "src")
    status, _, err = run(capsys, "suggest", tmp_path / "src", "-o", tmp_path / "out",
                         *options)
    assert status == 2
    assert code in err and err.count("\n") == 1, err
    assert not (tmp_path / "out").exists()


def test_a_damaged_file_is_named_and_the_others_are_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _corpus(tmp_path / "src")
    broken = tmp_path / "src" / "broken.tei.xml"
    broken.write_text("<TEI><p>", encoding="utf-8")
    status, _, err = run(capsys, "suggest", tmp_path / "src", "-o", tmp_path / "out")
    assert status == 2
    lines = err.strip().splitlines()
    assert sum(str(broken) in line for line in lines) == 1  # named once, though read twice
    assert "in 2 documents written" in lines[-1]
    assert not (tmp_path / "out" / "broken.tei.xml").exists()


def test_a_trained_crf_proposes_through_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    train = tmp_path / "train"
    train.mkdir()
    cities = ["الرياض", "جدة", "دبي", "القاهرة", "عمان", "بيروت"]
    for number in range(12):
        city = cities[number % len(cities)]
        text = f"وصل الوفد إلى {city} صباح اليوم. وغادر الوزير {city} مساء أمس."
        document = Document(f"t{number}", text)
        for at in (text.index(city), text.rindex(city)):
            document.annotate(at, at + len(city), "LOC", annotator="layla")
        save_tei(document, train / f"t{number}.tei.xml")
    status, _, err = run(capsys, "train", train, "-o", tmp_path / "model")
    assert status == 0, err
    save_tei(Document("new", "وصل الوفد إلى جدة صباح اليوم."), tmp_path / "new.tei.xml")
    status, _, err = run(capsys, "suggest", tmp_path / "new.tei.xml", "-o", tmp_path / "out",
                         "--recommender", "crf", "--model", tmp_path / "model")
    assert status == 0, err
    assert _suggestions(tmp_path / "out" / "new.tei.xml") == {"crf": [("جدة", "LOC")]}


def test_the_registry_builds_every_installed_recommender_by_its_name() -> None:
    source = RecommenderSource(documents=[_document("one", ONE, ("عمر الخطيب",))])
    for name in DEFAULT_RECOMMENDERS:
        assert build_recommender(name, source).name == name
    with pytest.raises(RecommenderError) as needs_model:
        build_recommender("crf", source)
    assert needs_model.value.code == "E077"
    with pytest.raises(RecommenderError, match="choose from cues, claims, project, crf, model"):
        build_recommender("spacy", source)


def test_a_recommender_known_but_not_installed_says_so(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry without a builder (as 'model' was before its module came) is one line."""
    monkeypatch.setitem(RECOMMENDERS, "later", RecommenderKind("later", "not yet"))
    with pytest.raises(RecommenderError, match="the later recommender is not installed") as no:
        build_recommender("later", RecommenderSource())
    assert no.value.code == "E078"


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(["قال", "عمر", "الخطيب", "إن", "«", "»", "12%", "،",
                                       "وفق", "الوزارة", ".", "\n", "أكد", "أن", "الوفد"]),
                      min_size=1, max_size=40))
def test_the_command_line_stores_what_the_registry_proposes(
        tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str],
        words: list[str]) -> None:
    """Differential: the file written holds the suggestions the in-memory run stores, and
    they survive the TEI round trip (offsets, labels, scores, links)."""
    folder = tmp_path_factory.mktemp("suggest")
    text = " ".join(words)
    document = _document("d", text, ("عمر",) if "عمر" in text else ())
    save_tei(document, folder / "d.tei.xml")
    status, _, err = run(capsys, "suggest", folder / "d.tei.xml", "-o", folder / "out")
    assert status == 0, err
    expected = load_tei(folder / "d.tei.xml")
    names = [build_recommender(name, RecommenderSource(documents=[expected]))
             for name in DEFAULT_RECOMMENDERS]
    suggestion_change(expected, names, annotator="layla").apply(expected)
    written = load_tei(folder / "out" / "d.tei.xml")

    def key(document: Document) -> set[tuple[object, ...]]:
        ids = {a.id: (a.start, a.end, a.label) for a in document.annotations}
        return {(a.start, a.end, a.label, a.annotator, a.layer, tuple(sorted(
            a.attributes.items())), tuple(sorted((x.role, ids[x.target]) for x in a.links)))
            for a in document.annotations}

    assert key(written) == key(expected)
    assert all(isinstance(x, Link) for a in written.annotations for x in a.links)


def test_two_inputs_for_one_output_file_keep_the_first(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for folder, text in (("a", ONE), ("b", TWO)):
        (tmp_path / folder).mkdir()
        save_tei(_document(folder, text), tmp_path / folder / "same.tei.xml")
    status, _, err = run(capsys, "suggest", tmp_path / "a" / "same.tei.xml",
                         tmp_path / "b" / "same.tei.xml", "-o", tmp_path / "out",
                         "--recommender", "cues")
    assert status == 2
    assert f"{tmp_path / 'b' / 'same.tei.xml'}: error E080" in err
    assert load_tei(tmp_path / "out" / "same.tei.xml").text == ONE
