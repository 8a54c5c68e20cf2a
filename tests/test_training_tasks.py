"""Quotes, claims and links in training formats (issue 14 §2): span JSONL (per document and
per sentence), quote-attribution pairs loaded with datasets, CheckThat!-shaped TSV read as
the task's own files are, inline TEI that keeps links and attributes and reads back, and
one warning with counts for what a format cannot carry."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import datasets
import pandas
import pytest
from cli_runner import run
from hypothesis import given, settings
from lxml import etree

from annotator.formats import (
    Dropped,
    ExportOptions,
    ImportOptions,
    Problems,
    read_documents,
)
from annotator.formats.checkthat import CHECKWORTHY_FILE, CLAIM_FILE, HEADER, write_checkthat
from annotator.formats.quote_pairs import write_quote_pairs
from annotator.formats.spans import write_spans
from annotator.formats.tei_inline import document_to_tei_inline, tei_inline_to_document
from annotator.model import Document, Link
from annotator.tei import load_tei

ROOT = Path(__file__).resolve().parent.parent
QUOTE_GOLD = ROOT / "bench" / "data" / "quote_gold"
SAMPLE = ROOT / "seeds" / "000_2ce8f3876ecb932f.tei.xml"


def gold_documents() -> list[Document]:
    """Six SaudiNewsNet articles with 48 quotes and their speakers marked by hand."""
    return [load_tei(path) for path in sorted(QUOTE_GOLD.glob("*.tei.xml"))]


def article() -> Document:
    text = ("قال وزير الصحة توفيق الربيعة إن «اللقاح آمن». وأضاف أن الحملة مستمرة.\n"
            "وذكرت منظمة الصحة العالمية أن 90% من السكان تلقوا الجرعة الأولى.")
    document = Document("article", text, source="https://example.org/a")

    def span(piece: str, label: str, **kwargs: object):
        start = text.index(piece)
        return document.annotate(start, start + len(piece), label, **kwargs)

    minister = span("توفيق الربيعة", "PER")
    who = span("منظمة الصحة العالمية", "ORG")
    span("«اللقاح آمن»", "QUOTE", attributes={"type": "direct"},
         links=[Link("speaker", minister.id)])
    span("أن الحملة مستمرة", "QUOTE", attributes={"type": "indirect"},
         links=[Link("speaker", minister.id)])
    span("90% من السكان تلقوا الجرعة الأولى", "CLAIM", attributes={"checkworthy": "yes"},
         links=[Link("claimant", who.id)], note="من الموقع")
    return document


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# -- span JSONL ---------------------------------------------------------------------------------

@pytest.mark.parametrize("per", ["document", "sentence"])
def test_span_jsonl_texts_are_the_slices_and_relations_join_span_ids(tmp_path: Path,
                                                                      per: str) -> None:
    documents = [article(), *gold_documents(), load_tei(SAMPLE)]
    out = tmp_path / "spans.jsonl"
    options = ExportOptions(per=per)
    write_spans(documents, out, options)
    records = read_lines(out)
    spans = links = 0
    for record in records:
        ids = {span["id"] for span in record["spans"]}
        for span in record["spans"]:
            assert record["text"][span["start"]:span["end"]] == span["text"]
        for relation in record["relations"]:
            assert {relation["head"], relation["tail"]} <= ids
        spans += len(record["spans"])
        links += len(record["relations"])
        source = next(d for d in documents if d.id == record["document"])
        assert source.text[record["offset"]:record["offset"] + len(record["text"])] \
            == record["text"]
    every_link = sum(len(a.links) for d in documents for a in d.annotations)
    assert spans == sum(len(d.annotations) for d in documents) == 95
    counted = options.dropped.counts
    if per == "document":
        assert len(records) == len(documents) and links == every_link and not counted
    else:  # a link to a span in another sentence cannot be carried: said, with its count
        assert len(records) > 10 * len(documents)
        lost = sum(n for item, n in counted.items() if item.endswith("to another sentence"))
        assert lost and links + lost == every_link
        first = next(r for r in records if r["document"] == "article")
        assert first["text"] == "قال وزير الصحة توفيق الربيعة إن «اللقاح آمن»."


def test_a_sentence_line_never_cuts_a_span() -> None:
    document = article()
    start = document.text.index("آمن")
    document.annotate(start, document.text.index("الحملة"), "MISC")  # across the full stop
    out_records = []
    from annotator.formats.spans import document_records

    out_records = list(document_records(document, ExportOptions(per="sentence")))
    assert [r["text"][:4] for r in out_records] == ["قال ", "وذكر"]


# -- quote-attribution pairs ----------------------------------------------------------------------

def test_quote_pairs_load_with_datasets_and_hold_every_gold_speaker(tmp_path: Path) -> None:
    documents = gold_documents()
    out = tmp_path / "pairs.jsonl"
    options = ExportOptions()
    write_quote_pairs(documents, out, options)
    rows = datasets.load_dataset("json", data_files=str(out), split="train")
    quotes = {(d.id, a.id): a for d in documents for a in d.annotations if a.label == "QUOTE"}
    assert len(quotes) == 48
    assert set(zip(rows["document"], rows["quote_id"], strict=True)) <= set(quotes)
    positives = [r for r in rows if r["label"] == 1]
    # every speaker link is one positive row, or counted as outside the window
    outside = options.dropped.counts.get("speaker links outside the candidate window", 0)
    assert len(positives) + outside == sum(len(q.link_targets("speaker"))
                                           for q in quotes.values()) == 48
    assert outside <= 2
    texts = {d.id: d.text for d in documents}
    for row in rows:
        text = texts[row["document"]]
        assert text[row["quote_start"]:row["quote_end"]] == row["quote_text"]
        assert text[row["candidate_start"]:row["candidate_end"]] == row["candidate_text"]
        context = row["context"]
        shift = row["context_start"]
        assert context[row["candidate_start"] - shift:row["candidate_end"] - shift] \
            == row["candidate_text"]
        assert row["candidate_label"] in ("PER", "ORG")
        assert row["position"] in ("before", "after", "inside")
        assert row["char_distance"] >= 0 and row["candidates_between"] >= 0
    assert rows.features["label"].dtype == "int64"


def test_quote_pairs_features_on_a_small_article(tmp_path: Path) -> None:
    out = tmp_path / "pairs.jsonl"
    write_quote_pairs([article()], out, ExportOptions(window=1))
    rows = read_lines(out)
    assert [(r["quote_text"][:6], r["candidate_text"], r["label"], r["position"],
             r["sentence_distance"]) for r in rows] == [
        ("«اللقا", "توفيق الربيعة", 1, "before", 0),
        ("أن الح", "توفيق الربيعة", 1, "before", 1),
        ("أن الح", "منظمة الصحة العالمية", 0, "after", -1),
    ]
    assert rows[0]["char_distance"] == len(" إن ")


# -- CheckThat! 2022 shape ----------------------------------------------------------------------

def read_task_tsv(path: Path) -> pandas.DataFrame:
    """A task-1 TSV as the task's own files are read: tab-separated, header row, no quoting
    (their tweets hold bare double quotes)."""
    return pandas.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, dtype=str,
                           keep_default_na=False)


def test_checkthat_files_read_like_the_task_files(tmp_path: Path, corpora_dir: Path) -> None:
    task = read_task_tsv(corpora_dir / "checkthat2022_arabic"
                         / "CT22_arabic_1A_checkworthy_dev.tsv")
    assert len(task) == 235 and task["class_label"].isin(["0", "1"]).all()
    document = article()
    text = document.text
    start = text.index("وأضاف")
    document.annotate(start, text.index("مستمرة") + 6, "CLAIM", attributes={"checkworthy": "no"})
    documents = [document, load_tei(SAMPLE)]
    options = ExportOptions()
    write_checkthat(documents, tmp_path, options)
    claims = read_task_tsv(tmp_path / CLAIM_FILE)
    worthy = read_task_tsv(tmp_path / CHECKWORTHY_FILE)
    assert list(claims.columns) == list(task.columns) == list(HEADER)
    assert list(worthy.columns) == list(task.columns)
    mine = claims[claims["topic"] == "article"]
    assert list(mine["class_label"]) == ["0", "1", "1"]
    assert list(worthy[worthy["topic"] == "article"]["class_label"]) == ["0", "1"]
    assert set(worthy["tweet_id"]) <= set(claims[claims["class_label"] == "1"]["tweet_id"])
    assert (claims["class_label"] == "1").sum() == 3  # two here, one in the sample
    assert len(worthy) == 3
    assert options.dropped.counts == {"claimant links": 2}
    for value in claims["tweet_text"]:
        assert "\t" not in value and "\n" not in value and value.strip()


# -- inline TEI: every link and attribute, read back ---------------------------------------------

def test_inline_tei_keeps_links_attributes_and_notes_and_reads_back(tei_schema,
                                                                    tmp_path: Path) -> None:
    for document in [article(), load_tei(SAMPLE), *gold_documents()]:
        root = document_to_tei_inline(document)
        assert tei_schema.validate(etree.ElementTree(root)), tei_schema.error_log
        back = tei_inline_to_document(etree.tostring(root), "x.xml")
        assert back.text == document.text
        assert {(a.id, a.start, a.end, a.label, tuple(sorted(a.links)),
                 tuple(sorted(a.attributes.items())), a.note) for a in back.annotations} == \
            {(a.id, a.start, a.end, a.label, tuple(sorted(a.links)),
              tuple(sorted(a.attributes.items())), a.note) for a in document.annotations}


def test_inline_tei_imports_on_the_command_line(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    status, _, err = run(capsys, "export", SAMPLE, "-o", tmp_path / "inline",
                         "--format", "tei-inline")
    assert status == 0, err
    status, _, err = run(capsys, "import", tmp_path / "inline" / "000_2ce8f3876ecb932f.xml",
                         "--format", "tei-inline", "-o", tmp_path / "back")
    assert status == 0, err
    back = load_tei(tmp_path / "back" / "000_2ce8f3876ecb932f.tei.xml")
    claim = next(a for a in back.annotations if a.label == "CLAIM")
    assert claim.attributes["checkworthy"] and claim.link_targets("claimant")


@settings(max_examples=40, deadline=None)
@given(document=__import__("strategies").documents())
def test_any_document_reads_back_from_inline_tei(document: Document) -> None:
    dropped = Dropped()
    back = tei_inline_to_document(
        etree.tostring(document_to_tei_inline(document, dropped=dropped)), "x.xml")
    assert back.text == document.text
    placed = {a.id for a in back.annotations}
    for annotation in document.annotations:
        if annotation.id in placed:
            again = back.annotations[annotation.id]
            assert (dict(again.attributes), again.note) == \
                (dict(annotation.attributes), annotation.note)
            # the span itself, but for space between paragraphs at its edges (counted)
            assert annotation.start <= again.start < again.end <= annotation.end
            assert not document.text[annotation.start:again.start].strip()
            assert not document.text[again.end:annotation.end].strip()
            if (again.start, again.end) != (annotation.start, annotation.end):
                assert any(item.startswith("span edges") for item in dropped.counts)
            kept = {link for link in annotation.links if link.target in placed}
            assert set(again.links) == kept


# -- one warning with counts ---------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["conll", "hf", "hf-dataset"])
def test_token_formats_name_quotes_claims_links_and_attributes_once(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str) -> None:
    status, _, err = run(capsys, "export", QUOTE_GOLD, SAMPLE, "-o", tmp_path / "out",
                         "--format", fmt)
    assert status == 0, err
    said = [line for line in err.splitlines() if "E646" in line]
    assert len(said) == 1
    for item in ("49 QUOTE spans", "1 CLAIM spans", "49 speaker links", "1 claimant links",
                 "49 'type' attributes", "1 'checkworthy' attributes"):
        assert item in said[0]
    assert "E434" not in err


# -- the corpora ----------------------------------------------------------------------------------

def test_anercorp_test_split_goes_through_span_jsonl_with_every_entity(
        corpora_dir: Path, tmp_path: Path) -> None:
    source = corpora_dir / "anercorp" / "ANERCorp_CamelLab_test.txt"
    lines = source.read_text(encoding="utf-8").splitlines()
    tags = [line.split()[-1] for line in lines if line.strip()]
    entities = sum(1 for i, tag in enumerate(tags) if tag.startswith("B-") or (
        tag.startswith("I-") and (i == 0 or tags[i - 1][2:] != tag[2:])))
    documents = list(read_documents(source, "conll", ImportOptions(), Problems()))
    out = tmp_path / "anercorp.jsonl"
    write_spans(documents, out, ExportOptions(per="sentence"))
    records = read_lines(out)
    assert sum(len(r["spans"]) for r in records) == entities
    assert len(records) == sum(1 for i, line in enumerate(lines)
                               if line.strip() and (i == 0 or not lines[i - 1].strip()))
    for record in records:
        for span in record["spans"]:
            assert record["text"][span["start"]:span["end"]] == span["text"]


def test_inline_tei_keeps_a_quote_label_of_the_projects_own(tei_schema) -> None:
    import copy

    from annotator.tagset import _default_tagset_data, tagset_from_dict

    data = copy.deepcopy(_default_tagset_data())
    quote = next(label for label in data["labels"] if label["name"] == "QUOTE")
    data["labels"].append({**quote, "name": "TWEET_QUOTE", "shortcut": ""})
    tagset = tagset_from_dict(data)
    text = "قال الوزير: «الوضع مستقر» أمس."
    document = Document("d", text)
    speaker = document.annotate(text.index("الوزير"), text.index(":"), "PER")
    document.annotate(text.index("«"), text.index("»") + 1, "TWEET_QUOTE",
                      attributes={"type": "direct"}, links=[Link("speaker", speaker.id)])
    root = document_to_tei_inline(document, tagset=tagset)
    assert tei_schema.validate(etree.ElementTree(root)), tei_schema.error_log
    back = tei_inline_to_document(etree.tostring(root), "x.xml")
    (quote_back,) = [a for a in back.annotations if a.label == "TWEET_QUOTE"]
    assert dict(quote_back.attributes) == {"type": "direct"}
    assert quote_back.links == (Link("speaker", speaker.id),)


def test_spacy_names_links_and_attributes_once_and_keeps_quotes_in_doc_spans(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "export", QUOTE_GOLD, SAMPLE, "-o", tmp_path / "out",
                         "--format", "spacy")
    assert status == 0, err
    said = [line for line in err.splitlines() if "E646" in line]
    assert len(said) == 1 and "49 speaker links" in said[0]
    assert "QUOTE spans" not in said[0]  # they are in doc.spans
    assert "E434" not in err
