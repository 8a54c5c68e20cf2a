"""The corpus concordance (key word in context), without Qt: real TEI files, real reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.concordance import (
    TEXT_ROLE,
    Hit,
    corpus_files,
    filter_hits,
    label_counts,
    list_annotations,
    load_corpus,
    search_text,
    sort_hits,
)
from annotator.model import Document
from annotator.search import find_all
from annotator.teamproject import ProjectConfig, TeamProject
from annotator.tei import save_tei

ONE = "قال الرئيس إن ولبنان وسوريا يتفقان.\nوأكد أن لبنانَ آمن."
TWO = "زار الوزير الأمين بيروت.\nوقالت الأمم المتحدة إن لبنانية الطابع ليست لبنان."
THREE = "مدرسة الأمينة في بيروت، وقال مسؤول: الامين سيأتي."


def word(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def write(path: Path, doc_id: str, text: str, spans: list[tuple[str, int, str]],
          annotator: str = "amira") -> Path:
    """A TEI file of ``text`` with ``(needle, nth, label)`` annotated."""
    document = Document(doc_id, text)
    for needle, nth, label in spans:
        start, end = word(text, needle, nth)
        document.annotate(start, end, label, annotator=annotator)
    save_tei(document, path)
    return path


@pytest.fixture()
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    write(folder / "one.tei.xml", "one", ONE, [("لبنان", 0, "GPE"), ("الرئيس", 0, "PER")])
    write(folder / "two.tei.xml", "two", TWO, [("الأمين", 0, "PER"), ("بيروت", 0, "LOC"),
                                              ("الأمم المتحدة", 0, "ORG")])
    sub = folder / "more"
    sub.mkdir()
    write(sub / "three.tei.xml", "three", THREE, [("الامين", 0, "ORG")])
    (folder / ".hidden.tei.xml").write_text("not read", encoding="utf-8")
    return folder


def test_text_search_finds_words_with_proclitics_and_folding(corpus_dir: Path) -> None:
    corpus = load_corpus([corpus_dir])
    assert sorted(d.document.id for d in corpus.documents) == ["one", "three", "two"]
    assert corpus.errors == []
    hits = sort_hits(search_text(corpus, "لبنان"), "document")
    # ولبنان (proclitic و), لبنانَ (a haraka after it) and لبنان; not لبنانية.
    assert [(h.document_id, h.match) for h in hits] == [
        ("one", "لبنان"), ("one", "لبنانَ"), ("two", "لبنان")]
    first = hits[0]
    assert ONE[first.start:first.end] == "لبنان" and ONE[first.start - 1] == "و"
    assert first.before.endswith("إن و") and first.after.startswith(" وسوريا")
    assert first.label == "" and first.path.endswith("one.tei.xml")
    # The hamza on alef folds: أمين finds الامين and الأمين; ة/ه: الامينه finds الأمينة.
    found = {(h.document_id, h.match) for h in search_text(corpus, "الامين")}
    assert found == {("two", "الأمين"), ("three", "الامين")}
    assert [h.match for h in search_text(corpus, "الامينه")] == ["الأمينة"]
    # Harakat in the query are skipped too.
    assert len(search_text(corpus, "لُبْنان")) == 3


def test_substring_search_is_the_search_bars(corpus_dir: Path) -> None:
    corpus = load_corpus([corpus_dir])
    hits = search_text(corpus, "لبنان", words=False)
    assert len(hits) == 4  # لبنانية too
    two = next(d for d in corpus.documents if d.document.id == "two").document.text
    assert [(h.start, h.end) for h in hits if h.document_id == "two"] == find_all(two, "لبنان")


def test_context_stays_on_the_line_and_is_cut_to_words(tmp_path: Path) -> None:
    text = "واحد اثنان ثلاثة أربعة خمسة ستة لبنان سبعة ثمانية تسعة عشرة أحد\nسطر آخر"
    write(tmp_path / "a.tei.xml", "a", text, [])
    [hit] = search_text(load_corpus([tmp_path]), "لبنان")
    assert hit.before == "… ثلاثة أربعة خمسة ستة "
    assert hit.after == " سبعة ثمانية تسعة عشرة …"
    assert "سطر" not in hit.after


def test_annotations_by_label_and_text(corpus_dir: Path) -> None:
    corpus = load_corpus([corpus_dir])
    everything = list_annotations(corpus)
    assert len(everything) == 6
    people = list_annotations(corpus, labels={"PER"})
    assert sorted(h.match for h in people) == ["الأمين", "الرئيس"]
    assert all(h.annotator == "amira" and h.annotation_id for h in people)
    # Text folded, proclitics allowed: امين is a word in الأمين? No: ال is part of the
    # annotation's text, so the word امين follows the article as a proclitic.
    amin = list_annotations(corpus, query="امين")
    assert sorted((h.label, h.match) for h in amin) == [("ORG", "الامين"), ("PER", "الأمين")]
    assert list_annotations(corpus, labels={"LOC"}, query="لبنان") == []
    assert label_counts(everything) == {"GPE": 1, "LOC": 1, "ORG": 2, "PER": 2}


def test_sort_by_context_and_label_and_filter(corpus_dir: Path) -> None:
    hits = list_annotations(load_corpus([corpus_dir]))
    by_label = sort_hits(hits, "label")
    assert [h.label for h in by_label] == ["GPE", "LOC", "ORG", "ORG", "PER", "PER"]
    assert sort_hits(hits, "label", descending=True)[0].label == "PER"
    # Left context sorts on the nearest word first.
    made = [Hit("p", "d", 0, 1, "ب ت ", "x", ""), Hit("p", "d", 2, 3, "ت أ ", "x", ""),
            Hit("p", "d", 4, 5, "… ا ب ", "x", "")]
    assert [h.start for h in sort_hits(made, "left")] == [2, 4, 0]
    right = [Hit("p", "d", 0, 1, "", "x", " ب ا"), Hit("p", "d", 2, 3, "", "x", " أ ت")]
    assert [h.start for h in sort_hits(right, "right")] == [2, 0]
    assert {h.label for h in filter_hits(hits, labels={"ORG"})} == {"ORG"}
    assert {h.document_id for h in filter_hits(hits, documents={"two"})} == {"two"}
    assert filter_hits(hits, annotators={"nobody"}) == []
    with pytest.raises(ValueError):
        sort_hits(hits, "colour")


def test_unreadable_files_are_one_error_each(corpus_dir: Path, tmp_path: Path) -> None:
    (corpus_dir / "broken.tei.xml").write_text("<TEI", encoding="utf-8")
    corpus = load_corpus([corpus_dir, tmp_path / "absent"])
    assert len(corpus.documents) == 3
    assert len(corpus.errors) == 2
    lines = [error.diagnostic() for error in corpus.errors]
    assert any("broken.tei.xml" in line for line in lines)
    assert any("absent" in line for line in lines)


def test_team_project_searches_each_document_once(tmp_path: Path) -> None:
    project = TeamProject(tmp_path / "proj", ProjectConfig("p", "lead", ["amira", "omar"]))
    project.texts_dir.mkdir(parents=True)
    project.save_config()
    write(project.text_path("one"), "one", ONE, [])
    for name in ("amira", "omar"):
        project.layer_dir(name).mkdir(parents=True)
        write(project.layer_path(name, "one"), "one", ONE, [("لبنان", 0, "GPE")], name)
    files, errors = corpus_files([project.root])
    assert errors == [] and files[0] == (project.text_path("one"), TEXT_ROLE)
    corpus = load_corpus([project.root])
    hits = search_text(corpus, "لبنان")
    assert len(hits) == 2 and {h.path for h in hits} == {str(project.text_path("one"))}
    annotations = list_annotations(corpus)
    assert sorted(h.annotator for h in annotations) == ["amira", "omar"]
