"""Hugging Face token-classification export: rows of tokens and integer tags, label list."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.formats import (
    ExportOptions,
    ImportOptions,
    Problems,
    read_documents,
    write_documents,
)
from annotator.formats.conll import conll_to_documents
from annotator.formats.hf import labels_path
from annotator.model import Document


def rows_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_rows_and_label_list(tmp_path: Path) -> None:
    content = ("عاد B-PERS\nأنان I-PERS\nإلى O\nنيويورك B-LOC\n\nقال O\n\n"
               "-DOCSTART- O\n\nفي O\nالأمم B-ORG\nالمتحدة I-ORG\n")
    documents = list(conll_to_documents(content, name="t", problems=Problems()))
    out = tmp_path / "train.jsonl"
    write_documents(documents, out, "hf", ExportOptions())
    names = json.loads(labels_path(out).read_text(encoding="utf-8"))
    assert labels_path(out).name == "train.labels.json"
    assert names == ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-GPE",
                     "I-GPE", "B-MISC", "I-MISC", "B-PERS", "I-PERS"]
    rows = rows_of(out)
    assert [r["id"] for r in rows] == ["t-1-1", "t-1-2", "t-2-1"]
    assert rows[0]["tokens"] == ["عاد", "أنان", "إلى", "نيويورك"]
    assert [names[i] for i in rows[0]["ner_tags"]] == ["B-PERS", "I-PERS", "O", "B-LOC"]
    assert [names[i] for i in rows[2]["ner_tags"]] == ["O", "B-ORG", "I-ORG"]
    assert "\\u" not in out.read_text(encoding="utf-8")  # Arabic kept as is


def test_labels_option_fixes_the_list_and_problems_are_reported(tmp_path: Path) -> None:
    text = "قال والبيان: نعم"
    document = Document("d", text)
    document.annotate(5, 11, "ORG")  # after the و proclitic
    options = ExportOptions(labels=frozenset({"ORG", "PER"}))
    out = tmp_path / "dev.jsonl"
    write_documents([document], out, "hf", options)
    assert json.loads(labels_path(out).read_text()) == ["O", "B-ORG", "I-ORG", "B-PER", "I-PER"]
    assert rows_of(out)[0] == {"id": "d-1", "tokens": ["قال", "والبيان", ":", "نعم"],
                               "ner_tags": [0, 0, 0, 0]}
    assert options.problems.warnings[0].code == "E436"  # does not align; proclitics hint
    options = ExportOptions(labels=frozenset({"ORG", "PER"}), split_proclitics=True)
    write_documents([document], out, "hf", options)
    assert rows_of(out)[0]["tokens"][1:3] == ["و", "البيان"]
    assert rows_of(out)[0]["ner_tags"][1:3] == [0, 1]


def test_rows_end_after_sentence_final_punctuation_even_for_conll_text(tmp_path: Path) -> None:
    content = "قال O\nعمرو B-PERS\n. I-PERS\nالثاني I-PERS\nمضى O\n؟ O\nنعم O\n"
    documents = list(conll_to_documents(content, name="t", problems=Problems()))
    out = tmp_path / "all.jsonl"
    write_documents(documents, out, "hf", ExportOptions())
    # the "." inside the entity does not end a sentence
    assert [r["tokens"] for r in rows_of(out)] == [
        ["قال", "عمرو", ".", "الثاني", "مضى", "؟"], ["نعم"]]


# -- import ----------------------------------------------------------------------------------
def test_import_reads_rows_back_into_documents_and_spans(tmp_path: Path) -> None:
    content = ("عاد B-PERS\nأنان I-PERS\nإلى O\nنيويورك B-LOC\n\nقال O\n\n"
               "-DOCSTART- O\n\nفي O\nالأمم B-ORG\nالمتحدة I-ORG\n")
    documents = list(conll_to_documents(content, name="t", problems=Problems()))
    rows = tmp_path / "in" / "train.jsonl"
    write_documents(documents, rows, "hf", ExportOptions())
    problems = Problems()
    back = list(read_documents(rows, "hf", ImportOptions(annotator="ali"), problems))
    assert not problems.errors and not problems.warnings
    assert [(d.id, d.text) for d in back] == [(d.id, d.text) for d in documents]
    assert [[(a.start, a.end, a.label, a.annotator) for a in d.annotations.sorted()]
            for d in back] == [[(a.start, a.end, a.label, "ali") for a in d.annotations.sorted()]
                               for d in documents]
    again = tmp_path / "again.jsonl"
    write_documents(back, again, "hf", ExportOptions())  # the tokens are kept as they were
    assert again.read_bytes() == rows.read_bytes()
    # The command line: a folder of rows with --format hf (a .jsonl it would read as JSONL).
    from annotator.cli import main

    assert main(["import", str(rows.parent), "-o", str(tmp_path / "tei"), "--format", "hf"]) == 0
    assert sorted(p.name for p in (tmp_path / "tei").iterdir()) == [
        "t-1.tei.xml", "t-2.tei.xml"]


def test_import_of_bad_rows_names_file_and_line_and_reads_the_rest(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join([
        json.dumps({"id": "d-1", "tokens": ["قال", "محمد"], "ner_tags": ["O", "B-PER"]}),
        '{"id": "d-2", "tokens": [',
        json.dumps({"id": "d-3", "tokens": ["في"], "ner_tags": ["O", "O"]}),
        json.dumps({"id": "d-4", "tokens": ["في بيروت"], "ner_tags": ["O"]}),
        json.dumps({"id": "d-5", "tokens": ["بيروت"], "ner_tags": ["I--LOC"]}),
        json.dumps({"id": "d-6", "tokens": ["بيروت"], "ner_tags": [3]}),
        json.dumps({"id": "d-7", "tokens": ["و", "بيروت"], "ner_tags": ["O", "I-LOC"]}),
    ]) + "\n", encoding="utf-8")
    problems = Problems()
    [document] = read_documents(rows, "hf", ImportOptions(), problems)
    assert [(e.line, e.code) for e in problems.errors] == [
        (2, "E341"), (3, "E394"), (4, "E396"), (5, "E400"), (6, "E398")]
    assert all(e.path == str(rows) for e in problems.errors)
    assert problems.errors[4].params["name"] == "rows.labels.json"  # the file it looked for
    assert [w.line for w in problems.warnings] == [7]  # I-LOC after O starts an entity
    assert document.id == "d" and document.text == "قال محمد\nو بيروت"
    assert [(document.text[a.start:a.end], a.label)
            for a in document.annotations.sorted()] == [("محمد", "PER"), ("بيروت", "LOC")]
