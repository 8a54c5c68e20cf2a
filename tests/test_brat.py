"""brat standoff: reading every line kind, writing the same files back, through TEI too."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.formats import ExportOptions, ImportOptions, Problems, read_documents
from annotator.formats.brat import brat_to_document, document_to_ann, read_brat, write_brat
from annotator.model import Document, Link
from annotator.tei import load_tei, save_tei

TEXT = ("قال الرئيس 👍🏽 محمد: «سنبني المدارس» في بيروت.\r\n"
        "سطر ثان 😀 مع ادعاء أن الاقتصاد ينمو، وفي الختام شكر الوزير.\n")


def at(word: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def ann_file() -> str:
    """A hand-written .ann in the writer's order, covering every line kind we read."""
    per, quote, loc = at("محمد"), at("«سنبني المدارس»"), at("بيروت")
    claim, first, second = at("الاقتصاد ينمو"), at("وفي"), at("الوزير")
    return (f"T1\tPER {per[0]} {per[1]}\tمحمد\n"
            f"T2\tQUOTE {quote[0]} {quote[1]}\t«سنبني المدارس»\n"
            f"T3\tLOC {loc[0]} {loc[1]}\tبيروت\n"
            f"T4\tCLAIM {claim[0]} {claim[1]}\tالاقتصاد ينمو\n"
            f"T5\tMISC {first[0]} {first[1]};{second[0]} {second[1]}\tوفي الوزير\n"
            "A1\ttype T2 direct\n"
            "A2\tNegated T3\n"
            "A3\tcheckworthy T4 yes\n"
            "R1\tspeaker Arg1:T2 Arg2:T1\n"
            "R2\tclaimant Arg1:T4 Arg2:T1\n"
            "#1\tAnnotatorNotes T1\tالرئيس اللبناني 👍\n")


@pytest.fixture()
def pair(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "news.txt").write_bytes(TEXT.encode("utf-8"))
    (folder / "news.ann").write_bytes(ann_file().encode("utf-8"))
    return folder


def test_reading_every_line_kind(pair: Path) -> None:
    problems = Problems()
    [document] = read_brat(pair / "news.ann", ImportOptions(annotator="sara"), problems)
    assert not problems.errors
    assert [(w.code, w.params["ids"]) for w in problems.warnings] == [("E362", "T5, T5-2")]
    assert document.id == "news" and document.text == TEXT
    ann = document.annotations
    assert document.span_text(ann["T1"]) == "محمد"
    assert (ann["T1"].start, ann["T1"].end) == at("محمد")  # code points, emoji counted once each
    assert ann["T1"].note == "الرئيس اللبناني 👍" and ann["T1"].annotator == "sara"
    assert ann["T2"].attributes == {"type": "direct"}
    assert ann["T2"].links == (Link("speaker", "T1"),)
    assert ann["T3"].attributes == {"Negated": ""}
    assert ann["T4"].links == (Link("claimant", "T1"),)
    assert [document.span_text(ann[i]) for i in ("T5", "T5-2")] == ["وفي", "الوزير"]
    assert ann["T5"].links == (Link("next", "T5-2"),)


def test_writing_gives_back_the_same_files(pair: Path, tmp_path: Path) -> None:
    documents = list(read_documents(pair, "auto", ImportOptions(), Problems()))
    out = tmp_path / "out"
    options = ExportOptions()
    write_brat(documents, out, options)
    assert not options.problems.warnings
    assert (out / "news.txt").read_bytes() == (pair / "news.txt").read_bytes()
    assert (out / "news.ann").read_bytes() == (pair / "news.ann").read_bytes()


def test_brat_tei_brat_gives_back_the_same_files(pair: Path, tmp_path: Path) -> None:
    [document] = read_brat(pair, ImportOptions(), Problems())
    save_tei(document, tmp_path / "news.tei.xml")
    reloaded = load_tei(tmp_path / "news.tei.xml")
    out = tmp_path / "out"
    write_brat([reloaded], out, ExportOptions())
    assert (out / "news.txt").read_bytes() == (pair / "news.txt").read_bytes()
    assert (out / "news.ann").read_bytes() == (pair / "news.ann").read_bytes()


def test_file_names_survive_brat_tei_brat_on_the_command_line(pair: Path, tmp_path: Path) -> None:
    # Names such as the bundled sample's (000_2ce8f3876ecb932f) start with a digit; the brat
    # reader used to prefix "d", so the round trip wrote d000_….txt/.ann.
    from annotator.cli import main

    for ending in (".txt", ".ann"):
        (pair / f"news{ending}").rename(pair / f"000_news{ending}")
    assert main(["import", str(pair), "-o", str(tmp_path / "tei")]) == 0
    assert [p.name for p in (tmp_path / "tei").iterdir()] == ["000_news.tei.xml"]
    assert main(["export", str(tmp_path / "tei"), "-o", str(tmp_path / "out"),
                 "--format", "brat"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["000_news.ann",
                                                                   "000_news.txt",
                                                                   "annotation.conf"]
    for ending in (".txt", ".ann"):
        assert ((tmp_path / "out" / f"000_news{ending}").read_bytes()
                == (pair / f"000_news{ending}").read_bytes())


@pytest.mark.parametrize(("line", "code"), [
    ("T9\tPER 0 3\tخطأ", "E368"),
    ("T9\tPER 5 2\tx", "E367"),
    ("T9\tPER 0 99999\tx", "E367"),
    ("T9\tPER zero 3\tx", "E365"),
    ("A9\ttype T77 direct", "E356"),
    ("R9\tspeaker Arg1:T1 Arg2:T77", "E359"),
    ("R9\tspeaker Arg1:T1", "E358"),
    ("X1\twhat", "E354"),
    ("T1\tPER 0 3\tقال", "E350"),
])
def test_bad_lines_are_errors_with_line_numbers(line: str, code: str) -> None:
    problems = Problems()
    document = brat_to_document(TEXT, ann_file() + line + "\n", doc_id="d", problems=problems,
                                path="d.ann")
    assert len(problems.errors) == 1, problems.errors
    assert problems.errors[0].code == code
    assert problems.errors[0].line == 12 and str(problems.errors[0]).startswith("d.ann:12: ")
    assert "T4" in document.annotations  # the rest is read


def test_repair_keeps_offsets_whose_text_differs_and_events_are_reported() -> None:
    problems = Problems()
    document = brat_to_document(TEXT, "T1\tPER 0 3\tخطأ\nE1\tAttack:T1\n", doc_id="d",
                                problems=problems, repair=True)
    assert not problems.errors
    assert document.span_text(document.annotations["T1"]) == "قال"
    assert sorted(w.code for w in problems.warnings) == ["E351", "E369"]


def test_missing_txt_and_missing_ann(tmp_path: Path) -> None:
    (tmp_path / "lonely.ann").write_text("T1\tPER 0 1\tx\n", encoding="utf-8")
    (tmp_path / "plain.txt").write_text("نص", encoding="utf-8")
    problems = Problems()
    documents = list(read_brat(tmp_path, ImportOptions(), problems))
    assert [d.id for d in documents] == ["plain"] and len(documents[0].annotations) == 0
    assert problems.errors[0].code == "E370" and problems.errors[0].params["txt"] == "lonely.txt"
    assert problems.warnings[0].code == "E371"


def test_writer_renumbers_ids_brat_cannot_hold_and_reports_flattened_notes() -> None:
    document = Document("d", "أ ب ج")
    document.annotate(0, 1, "PER", id="a7", note="سطر\nآخر")
    document.annotate(2, 3, "PER", id="T2", attributes={"k": "v"})
    options = Problems()
    assert document_to_ann(document, options) == (
        "T2\tPER 2 3\tب\nT3\tPER 0 1\tأ\nA1\tk T2 v\n#1\tAnnotatorNotes T3\tسطر آخر\n")
    assert options.warnings[0].code == "E373"


def test_an_attribute_name_with_spaces_is_written_so_that_it_reads_back() -> None:
    """Regression (found by the import fuzzing): ``A1<TAB>check worthy T1 yes`` read as the
    attribute ``check`` of an annotation ``worthy``, an error, so brat → TEI lost it.  A name
    ends at a space in brat: the writer joins its words with "_" and says so."""
    document = Document("d", "أ ب ج")
    document.annotate(0, 1, "CLAIM", id="T1", attributes={"check  worthy": "yes", "x": ""})
    problems = Problems()
    ann = document_to_ann(document, problems)
    assert ann == "T1\tCLAIM 0 1\tأ\nA1\tcheck_worthy T1 yes\nA2\tx T1\n"
    assert [(w.code, w.params["name"], w.params["written"]) for w in problems.warnings] == [
        ("E376", "check  worthy", "check_worthy")]
    read = Problems()
    back = brat_to_document(document.text, ann, doc_id="d", problems=read)
    assert read.errors == []
    assert back.annotations["T1"].attributes == {"check_worthy": "yes", "x": ""}


_LABELS = st.sampled_from(["PER", "ORG", "QUOTE", "CLAIM"])


@st.composite
def _documents(draw: st.DrawFn) -> Document:
    text = draw(st.text(st.sampled_from(list("ابت ثج\n😀👍🏽،.")), min_size=1, max_size=40))
    document = Document("d", text)
    count = draw(st.integers(0, 6))
    for n in range(1, count + 1):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        attributes = draw(st.dictionaries(st.sampled_from(["type", "Neg"]),
                                          st.sampled_from(["", "direct", "yes"]), max_size=2))
        note = draw(st.sampled_from(["", "ملاحظة 😀"]))
        document.annotate(start, end, draw(_LABELS), id=f"T{n}", attributes=attributes,
                          note=note)
    ids = document.annotations.ids()
    for aid in ids:
        targets = draw(st.lists(st.sampled_from(ids), max_size=2)) if ids else []
        if targets:
            annotation = document.annotations[aid]
            document.annotations.replace(annotation.with_changes(
                links=tuple(Link(draw(st.sampled_from(["speaker", "claimant"])), t)
                            for t in targets)))
    return document


@settings(max_examples=60, deadline=None)
@given(_documents())
def test_document_brat_document_keeps_everything(document: Document) -> None:
    problems = Problems()
    back = brat_to_document(document.text, document_to_ann(document), doc_id="d",
                            problems=problems)
    assert not problems.errors and not problems.warnings
    fields = lambda d: sorted((a.id, a.start, a.end, a.label, dict(a.attributes), a.links,  # noqa: E731
                               a.note) for a in d.annotations)
    assert fields(back) == fields(document)
