"""The inconsistency finder and its fixes, without Qt: real TEI files, real reader and writer."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.concordance import load_corpus
from annotator.errors import AnnotatorError
from annotator.inconsistency import Fix, find_inconsistencies, fix_changes, fix_file
from annotator.model import Document
from annotator.session import EditSession
from annotator.tei import load_tei, read_tei_checked, save_tei

ONE = "قال الرئيس إن ولبنان وسوريا يتفقان.\nوأكد أن لبنانَ آمن."
TWO = "زار الأمين بيروت.\nوقالت مصادر إن لبنان ليس لبنانية."
THREE = "وصل الامين إلى بيروت."
FOUR = "التقى الأمين بالوزير. «لبنان لن يقبل» قال الأمين."


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def write(path: Path, doc_id: str, text: str, spans: list[tuple[str, int, str]],
          annotator: str = "amira", layer: str = "") -> Path:
    document = Document(doc_id, text)
    for needle, nth, label in spans:
        start, end = span(text, needle, nth)
        document.annotate(start, end, label, annotator=annotator)
    if layer:
        for annotation in list(document.annotations):
            document.annotations.replace(annotation.with_changes(layer=layer))
    save_tei(document, path)
    return path


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    write(tmp_path / "one.tei.xml", "one", ONE, [("لبنان", 0, "GPE")])
    write(tmp_path / "two.tei.xml", "two", TWO, [("الأمين", 0, "PER"), ("بيروت", 0, "LOC")])
    write(tmp_path / "three.tei.xml", "three", THREE, [("الامين", 0, "ORG")], "omar")
    write(tmp_path / "four.tei.xml", "four", FOUR, [
        ("الأمين", 0, "PER"), ("الأمين", 1, "PER"), ("«لبنان لن يقبل»", 0, "QUOTE")])
    return tmp_path


def by_name(findings: list) -> dict:
    return {f.key: f for f in findings}


def test_names_labelled_differently_or_left_bare(folder: Path) -> None:
    findings = by_name(find_inconsistencies(load_corpus([folder])))
    assert set(findings) == {"الامين", "لبنان", "بيروت"}
    amin = findings["الامين"]
    assert amin.kinds == ("mixed",)
    assert amin.labels == {"PER": 3, "ORG": 1} and amin.majority == "PER"
    assert amin.name == "الأمين"  # the most frequent spelling
    assert {Path(p.path).name: p.labels for p in amin.places} == {
        "two.tei.xml": {"PER": 1}, "three.tei.xml": {"ORG": 1}, "four.tei.xml": {"PER": 2}}
    assert [f.action for f in amin.fixes] == ["relabel", "remove"]
    assert amin.recommended == (Fix("relabel", "PER", "amira", ""),)

    lebanon = findings["لبنان"]
    assert lebanon.kinds == ("missing",)
    # لبنانَ in one; لبنان in two (not لبنانية); the one inside the quote in four is bare
    # too: a QUOTE is not a name.
    assert {Path(p.path).name: (p.labels, len(p.missing)) for p in lebanon.places} == {
        "one.tei.xml": ({"GPE": 1}, 1), "two.tei.xml": ({}, 1), "four.tei.xml": ({}, 1)}
    assert lebanon.missing == 3
    assert [f.action for f in lebanon.fixes] == ["annotate", "remove"]
    beirut = findings["بيروت"]
    assert beirut.missing == 1 and beirut.labels == {"LOC": 1}
    places = {Path(p["path"]).name: p for p in beirut.to_json()["places"]}
    assert places["three.tei.xml"]["missing"] == [list(span(THREE, "بيروت"))]


def test_only_names_by_default_and_chosen_labels_on_request(folder: Path) -> None:
    corpus = load_corpus([folder])
    assert "«لبنان لن يقبل»" not in by_name(find_inconsistencies(corpus))
    assert set(by_name(find_inconsistencies(corpus, labels={"LOC"}))) == {"بيروت"}


def test_fix_through_a_session_is_one_undo_step(folder: Path) -> None:
    amin = by_name(find_inconsistencies(load_corpus([folder])))["الامين"]
    session = EditSession.open(folder / "three.tei.xml", annotator="lead")
    before = session.document.annotations.sorted()
    heard = []
    session.add_listener(heard.append)
    with session.group("Fix"):
        changes = fix_changes(session.document, amin, amin.recommended[0],
                              tagset=session.tagset, apply=session.apply)
    assert len(changes) == 1 and len(heard) == 1
    assert [a.label for a in session.document.annotations] == ["PER"]
    session.undo()
    assert session.document.annotations.sorted() == before
    assert not session.is_modified


def test_annotate_missing_and_remove_in_files(folder: Path) -> None:
    lebanon = by_name(find_inconsistencies(load_corpus([folder])))["لبنان"]
    annotate = lebanon.recommended[0]
    one = folder / "one.tei.xml"
    assert fix_file(one, lebanon, annotate) == 1
    document = load_tei(one)
    assert sorted((a.start, a.end, a.label, a.annotator) for a in document.annotations) == [
        (*span(ONE, "لبنان"), "GPE", "amira"), (*span(ONE, "لبنانَ")[:1],
                                               span(ONE, "لبنانَ")[1], "GPE", "amira")]
    assert fix_file(one, lebanon, annotate) == 0  # nothing left to do: the file stays
    assert fix_file(folder / "two.tei.xml", lebanon, annotate) == 1
    assert fix_file(folder / "four.tei.xml", lebanon, annotate) == 1  # inside the quote
    assert find_inconsistencies(load_corpus([folder]), labels={"GPE"}) == []
    assert fix_file(one, lebanon, Fix("remove")) == 2
    assert len(load_tei(one).annotations) == 0
    read_tei_checked(one)  # still a valid file of the tool


def test_gold_findings_add_gold(tmp_path: Path) -> None:
    write(tmp_path / "one.tei.xml", "one", ONE, [("لبنان", 0, "GPE")], "lead", layer="gold")
    [finding] = find_inconsistencies(load_corpus([tmp_path]), layer="gold")
    assert finding.layer == "gold" and finding.annotator == "lead"
    fix_file(tmp_path / "one.tei.xml", finding, finding.recommended[0], layer="gold")
    assert {(a.layer, a.annotator) for a in load_tei(tmp_path / "one.tei.xml").annotations} == {
        ("gold", "lead")}


def test_a_file_that_cannot_be_read_is_left_alone(folder: Path) -> None:
    lebanon = by_name(find_inconsistencies(load_corpus([folder])))["لبنان"]
    broken = folder / "two.tei.xml"
    data = broken.read_bytes().replace("لبنان".encode(), "لبنن".encode(), 1)
    broken.write_bytes(data)  # the checksum no longer matches the text
    with pytest.raises(AnnotatorError) as caught:
        fix_file(broken, lebanon, lebanon.recommended[0])
    assert "two.tei.xml" in caught.value.diagnostic()
    assert broken.read_bytes() == data
