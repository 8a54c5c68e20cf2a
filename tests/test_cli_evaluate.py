"""``annotator evaluate``: hand-made documents whose figures are worked out by hand, read from
real TEI files; JSON fields, the aligned table, documents without the gold layer, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run

from annotator.adjudicate import add_gold
from annotator.cli.termtext import display_width
from annotator.model import Document
from annotator.session import EditSession
from annotator.suggest.proposal import Proposal
from annotator.suggest.store import store_proposals
from annotator.tei import save_tei

TEXT = "قال الوزير عمر الخطيب في الرياض إن شركة أرامكو ستفتتح مصنعًا في جدة قريبًا"


def _span(word: str) -> tuple[int, int]:
    at = TEXT.index(word)
    return at, at + len(word)


def _scored(folder: Path) -> Path:
    """Gold: PER عمر الخطيب, LOC الرياض, ORG أرامكو.  Suggestions: PER عمر الخطيب (exact), LOC
    over الرياض إن (overlap only), ORG over شركة (wrong), LOC جدة (no gold there), and a PER
    over أرامكو the annotator rejected (never counted).  By hand: exact P 1/4, R 1/3, F1 2/7;
    overlap P 2/4, R 2/3, F1 4/7."""
    document = Document("scored", TEXT)
    for word, label in (("عمر الخطيب", "PER"), ("الرياض", "LOC"), ("أرامكو", "ORG")):
        add_gold(document, start=_span(word)[0], end=_span(word)[1], label=label,
                 lead="lead").apply(document)
    proposals = [Proposal(*_span("عمر الخطيب"), "PER", 0.9, "cues"),
                 Proposal(*_span("الرياض إن"), "LOC", 0.5, "project"),
                 Proposal(*_span("شركة"), "ORG", 0.4, "project"),
                 Proposal(*_span("جدة"), "LOC", 0.7, "crf"),
                 Proposal(*_span("أرامكو"), "PER", 0.3, "crf")]
    store_proposals(document, proposals, annotator="nobody").apply(document)
    session = EditSession(document, annotator="lead")
    [turned_down] = [s for s in session.open_suggestions() if s.label == "PER"
                     and (s.start, s.end) == _span("أرامكو")]
    session.reject_suggestion(turned_down.id)
    path = folder / "scored.tei.xml"
    save_tei(document, path)
    return path


def test_json_gives_each_label_and_micro_for_both_ways_to_match(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _scored(tmp_path)
    status, out, err = run(capsys, "evaluate", path, "--json")
    assert status == 0, err
    report = json.loads(out)
    assert (report["layer"], report["gold"], report["documents"]) == ("suggestion", "gold", 1)
    exact, overlap = report["exact"], report["overlap"]
    assert list(exact) == ["LOC", "ORG", "PER", "micro"]
    assert exact["PER"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "correct": 1,
                            "proposed": 1, "gold": 1}
    assert (exact["LOC"]["correct"], exact["LOC"]["proposed"], exact["LOC"]["gold"]) == (0, 2, 1)
    assert (overlap["LOC"]["correct"], overlap["LOC"]["precision"]) == (1, 0.5)
    assert overlap["LOC"]["f1"] == pytest.approx(2 / 3)
    assert (exact["ORG"]["correct"], exact["ORG"]["proposed"], exact["ORG"]["gold"]) == (0, 1, 1)
    assert exact["micro"]["precision"] == pytest.approx(1 / 4)
    assert exact["micro"]["recall"] == pytest.approx(1 / 3)
    assert exact["micro"]["f1"] == pytest.approx(2 / 7)
    assert overlap["micro"]["f1"] == pytest.approx(4 / 7)


def test_the_table_is_aligned_and_says_what_was_scored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _scored(tmp_path)
    status, out, _ = run(capsys, "evaluate", path)
    assert status == 0
    title, header, *rows = out.splitlines()
    assert title == "suggestion against gold in 1 document"
    assert header.split() == ["label", "gold", "proposed", "exact", "P", "R", "F1", "overlap",
                              "P", "R", "F1"]
    assert [row.split()[0] for row in rows] == ["LOC", "ORG", "PER", "micro"]
    assert len({display_width(line) for line in [header, *rows]}) == 1  # right edges align
    assert rows[-1].split()[1:] == ["3", "4", "0.250", "0.333", "0.286", "0.500", "0.667",
                                    "0.571"]


def test_other_layers_and_labels_can_be_scored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _scored(tmp_path)
    status, out, _ = run(capsys, "evaluate", path, "--layer", "gold", "--json",
                         "--labels", "PER,LOC")
    assert status == 0
    report = json.loads(out)
    assert report["exact"]["micro"]["f1"] == 1.0 and list(report["exact"]) == [
        "LOC", "PER", "micro"]


def test_documents_without_the_gold_layer_are_named_and_left_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _scored(tmp_path)
    bare = tmp_path / "bare.tei.xml"
    save_tei(Document("bare", "نص بلا طبقة ذهبية"), bare)
    status, out, err = run(capsys, "evaluate", tmp_path, "--json")
    assert status == 0
    assert err.strip() == f"{bare}: no gold layer; left out"
    assert json.loads(out)["documents"] == 1
    status, out, err = run(capsys, "evaluate", bare)
    assert status == 2 and out == ""
    assert err.strip().endswith("E079: no document has the gold layer to evaluate against")
    assert path.exists()


def test_a_damaged_file_is_one_line_and_the_others_are_scored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _scored(tmp_path)
    broken = tmp_path / "broken.tei.xml"
    broken.write_text("<TEI><p>", encoding="utf-8")
    status, out, err = run(capsys, "evaluate", tmp_path, "--json")
    assert status == 2
    assert err.count("\n") == 1 and str(broken) in err
    assert json.loads(out)["documents"] == 1
