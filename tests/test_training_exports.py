"""Training exports load in their target libraries (issue 14): CoNLL in seqeval and spaCy's
conll-ner converter, the Hugging Face folder in datasets, the DocBin in spaCy, brat's
annotation.conf as brat reads it; sentences, splits, -DOCSTART-, --map and --source-tags.
The corpora in ../shared/corpora go through them with entity counts checked against the
source files, counted here independently of the readers."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import datasets
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from seqeval.metrics import f1_score
from seqeval.metrics.sequence_labeling import get_entities
from seqeval.scheme import IOB2
from spacy.tokens import DocBin
from spacy.training.converters import conll_ner_to_docs

from annotator.cli import main
from annotator.errors import AnnotatorError
from annotator.formats import ExportOptions, ImportOptions, Problems
from annotator.formats.brat import CONF, brat_to_document, document_to_ann, write_brat
from annotator.formats.conll import read_conll, write_conll
from annotator.formats.hf_dataset import write_dataset_folder
from annotator.formats.spacy_docbin import write_spacy
from annotator.labelmap import parse_map, rename_labels
from annotator.model import Annotation, Document, Link
from annotator.sentences import quotations, sentence_breaks
from annotator.splits import split_corpus
from annotator.tei import save_tei
from annotator.tokenize import tokenize_columns


def sentences_of(text: str, mode: str = "punct", sentences: str = "split") -> list[str]:
    texts, starts, ends = tokenize_columns(text, mode)
    bounds = [0, *sentence_breaks(texts, starts, ends, text, sentences), len(texts)]
    return [text[starts[a]:ends[b - 1]] for a, b in pairwise(bounds)]


def document(doc_id: str, text: str, spans: list[tuple[str, str]]) -> Document:
    made = Document(doc_id, text)
    position = 0
    for number, (piece, label) in enumerate(spans, 1):
        start = text.index(piece, position if label != "QUOTE" else 0)
        made.annotations.add(Annotation(id=f"a{number}", start=start, end=start + len(piece),
                                        label=label))
        position = start + 1
    return made


def read_conll_file(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag), skipping -DOCSTART- lines: how training scripts read it."""
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text(encoding="utf-8").split("\n"):
        fields = line.split()
        if not fields or fields[0] == "-DOCSTART-":
            if sentences[-1]:
                sentences.append([])
            continue
        sentences[-1].append((fields[0], fields[-1]))
    return [s for s in sentences if s]


def source_entities(path: Path) -> int:
    """Entities of a CoNLL file: B- tags and I- tags that continue nothing (conlleval)."""
    count, previous = 0, "O"
    for line in path.read_text(encoding="utf-8-sig").split("\n"):
        fields = line.split()
        tag = fields[-1] if len(fields) >= 2 else "O"
        if tag.startswith("B-") or (tag.startswith("I-") and previous[2:] != tag[2:]):
            count += 1
        previous = tag
    return count


NEWS = ("قال الوزير أحمد علي: «ذهبت إلى بيروت. ثم عدت.» وارتفع النمو 3.5 بالمئة.\n"
        "وأكد د. سامي أن 1,000 شخص حضروا؟ نعم؛ حضروا! وانتهى")


# -- sentences -------------------------------------------------------------------------------

def test_sentences_end_at_arabic_full_stops_and_line_breaks_only_outside_quotes() -> None:
    assert sentences_of(NEWS) == [
        "قال الوزير أحمد علي: «ذهبت إلى بيروت. ثم عدت.»", "وارتفع النمو 3.5 بالمئة.",
        "وأكد د. سامي أن 1,000 شخص حضروا؟", "نعم؛", "حضروا!", "وانتهى"]
    assert sentences_of(NEWS, "whitespace") == sentences_of(NEWS)
    assert sentences_of(NEWS, sentences="source") == NEWS.split("\n")
    assert sentences_of(NEWS, sentences="none") == [NEWS]
    assert sentences_of("انظر site.com الآن. تم") == ["انظر site.com الآن.", "تم"]


def test_quotation_marks_the_wrong_way_round_or_unclosed_hold_no_sentence() -> None:
    # ANERcorp writes some quotes »…«: no quotation, so full stops inside still end sentences.
    assert sentences_of("من » المثقفين « الذين . لأنهم هنا . ثم") == [
        "من » المثقفين « الذين .", "لأنهم هنا .", "ثم"]
    assert sentences_of("قال «لم يغلق. هنا\nسطر. آخر") == ["قال «لم يغلق.", "هنا", "سطر.",
                                                         "آخر"]
    assert quotations("«أ» و“ب″ و«ج") == [(0, 2), (5, 7)]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["قال", "«", "»", ".", "؟", "3.5", "\n", " ", "“", "”", "د",
                                 "!", "بيروت"]), max_size=40))
def test_no_sentence_ends_inside_a_quotation_or_before_its_last_token(pieces: list[str]) -> None:
    text = " ".join(pieces)
    texts, starts, ends = tokenize_columns(text, "punct")
    breaks = sentence_breaks(texts, starts, ends, text)
    assert breaks == sorted(set(breaks)) and all(0 < b < len(texts) for b in breaks)
    for opening, closing in quotations(text):
        assert not [b for b in breaks if opening < starts[b] <= closing]


# -- CoNLL: seqeval, spaCy's converter, -DOCSTART- ----------------------------------------------

def two_documents() -> list[Document]:
    return [document("d1", NEWS, [("أحمد علي", "PER"), ("بيروت", "LOC"),
                                  ("«ذهبت إلى بيروت. ثم عدت.»", "QUOTE"), ("سامي", "PER")]),
            document("d2", "زار الرئيس دمشق. ثم غادر", [("دمشق", "LOC")])]


def test_conll_loads_in_seqeval_and_spacy_without_fake_tokens(tmp_path: Path) -> None:
    out = tmp_path / "all.conll"
    write_conll(two_documents(), out, ExportOptions())
    content = out.read_text(encoding="utf-8")
    assert "\n-DOCSTART- -X- O O\n" in content
    sentences = read_conll_file(out)
    tags = [[tag for _, tag in sentence] for sentence in sentences]
    assert len(sentences) == 8
    assert f1_score(tags, tags, mode="strict", scheme=IOB2) == 1.0  # strict IOB2 is valid
    assert [e[0] for e in get_entities(tags)] == ["PER", "LOC", "PER", "LOC"]
    docs = list(conll_ner_to_docs(content, n_sents=1, no_print=True))
    assert len(docs) == 2  # -DOCSTART- -X- O O splits documents, never a token
    assert not [t for doc in docs for t in doc if t.text == "-DOCSTART-"]
    assert sum(len(doc) for doc in docs) == sum(len(s) for s in sentences)
    assert [e.text for doc in docs for e in doc.ents] == ["أحمد علي", "بيروت", "سامي", "دمشق"]

    write_conll(two_documents(), out, ExportOptions(docstart="none"))
    assert "-DOCSTART-" not in out.read_text(encoding="utf-8")


# -- spaCy DocBin --------------------------------------------------------------------------

def test_docbin_has_the_text_exactly_and_every_span_at_its_offsets(tmp_path: Path) -> None:
    documents = two_documents()
    documents[1] = document("d2", "  زار «الرئيس»\t\tدمشق.  ثم\n\nغادر ", [("«الرئيس»", "QUOTE"),
                                                                       ("دمشق", "LOC")])
    out = tmp_path / "train.spacy"
    options = ExportOptions()
    write_spacy(documents, out, options)
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("ar").vocab))
    assert [doc.text for doc in docs] == [d.text for d in documents]
    for doc, source in zip(docs, documents, strict=True):
        for span in [*doc.ents, *doc.spans["sc"]]:
            assert span.text == source.text[span.start_char:span.end_char]
        assert sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]) == sorted(
            (a.start, a.end, a.label) for a in source.annotations)  # «…» quotes included
    assert [e.label_ for e in docs[0].ents] == ["PER", "LOC", "PER"]
    assert next(docs[0].sents).text == "قال الوزير أحمد علي: «ذهبت إلى بيروت. ثم عدت.»"


# -- Hugging Face folder -------------------------------------------------------------------

def test_dataset_folder_loads_with_a_class_label_of_the_labels_used(tmp_path: Path) -> None:
    documents = two_documents()
    counts = write_dataset_folder({"train": documents[:1], "validation": documents[1:]},
                                  tmp_path / "ds", ExportOptions())
    loaded = datasets.load_dataset(str(tmp_path / "ds"))
    assert {name: len(split) for name, split in loaded.items()} == counts == {
        "train": 6, "validation": 2}
    feature = loaded["train"].features["ner_tags"].feature
    assert isinstance(feature, datasets.ClassLabel)
    assert feature.names == ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]  # no unused label
    first = loaded["train"][0]
    assert [feature.names[i] for i in first["ner_tags"]][2:4] == ["B-PER", "I-PER"]
    assert json.loads((tmp_path / "ds" / "labels.json").read_text()) == feature.names


# -- splits --------------------------------------------------------------------------------

def test_one_document_is_split_by_sentence_and_no_split_is_empty(tmp_path: Path) -> None:
    [single] = two_documents()[:1]
    parts = [("train", 0.5), ("dev", 0.25), ("test", 0.25)]
    split = split_corpus([single], parts, 3, "auto", ExportOptions())
    assert split.by == "sentence" and "splitting by sentence" in split.notes[0]
    assert {n: len(d) for n, d in split.parts.items()} == {"train": 3, "dev": 1, "test": 2}
    again = split_corpus([single], parts, 3, "auto", ExportOptions())
    assert [[d.text for d in docs] for docs in split.parts.values()] == [
        [d.text for d in docs] for docs in again.parts.values()]  # reproducible
    kept = [a for docs in split.parts.values() for d in docs for a in d.annotations]
    assert sorted(a.label for a in kept) == ["LOC", "PER", "PER", "QUOTE"]
    whole = split_corpus([single], parts, 3, "document", ExportOptions())
    assert list(whole.parts) == ["dev"] and len(whole.notes) == 2
    assert "'train' would hold no document" in whole.notes[0]


def test_cli_split_of_one_file_loads_in_datasets(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    tei = tmp_path / "tei"
    tei.mkdir()
    save_tei(two_documents()[0], tei / "d1.tei.xml")
    out = tmp_path / "ds"
    assert main(["export", str(tei), "-o", str(out), "--format", "hf-dataset", "--split",
                 "train=0.6,dev=0.2,test=0.2", "--seed", "1"]) == 0
    err = capsys.readouterr().err
    assert "splitting by sentence" in err and "(train 4 rows, dev 1 rows, test 1 rows)" in err
    loaded = datasets.load_dataset(str(out))
    assert sorted(loaded) == ["dev", "test", "train"] and all(len(s) for s in loaded.values())
    assert main(["export", str(tei), "-o", str(tmp_path / "c"), "--format", "conll", "--split",
                 "train=0.6,dev=0.2,test=0.2", "--split-by", "document"]) == 0
    err = capsys.readouterr().err
    assert "'dev' would hold no document" in err and "it is not written" in err
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["train.conll"]


# -- --map, --source-tags ----------------------------------------------------------------------

def test_map_renames_labels_and_refuses_what_is_not_old_new() -> None:
    assert parse_map("PERS=PER, ORGANIZATION=ORG") == {"PERS": "PER", "ORGANIZATION": "ORG"}
    for bad in ("PERS", "PERS=", "A=B,A=C", "A B=C"):
        with pytest.raises(AnnotatorError, match="is not OLD=NEW"):
            parse_map(bad)
    [renamed] = [rename_labels(two_documents()[1], {"LOC": "GPE"})]
    assert [a.label for a in renamed.annotations] == ["GPE"]


# -- brat ----------------------------------------------------------------------------------

def read_conf(path: Path) -> dict[str, dict[str, str]]:
    """annotation.conf's sections as brat reads them: a type per line, tab then arguments."""
    sections: dict[str, dict[str, str]] = {}
    current = ""
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = {}
            continue
        name, _, arguments = line.partition("\t")
        sections[current][name] = arguments
    return sections


def test_brat_span_across_a_line_break_and_annotation_conf(tmp_path: Path) -> None:
    text = "قال أحمد\nعلي إن الخبر صحيح.\nوأضاف"
    source = document("d", text, [("أحمد\nعلي", "PER"), ("الخبر صحيح.\nوأضاف", "CLAIM")])
    source.annotations.replace(Annotation(id="a2", start=source.annotations["a2"].start,
                                          end=source.annotations["a2"].end, label="CLAIM",
                                          attributes={"checkworthy": "yes"},
                                          links=(Link("claimant", "a1"),)))
    write_brat([source], tmp_path, ExportOptions())
    txt = (tmp_path / "d.txt").read_text(encoding="utf-8")
    for line in (tmp_path / "d.ann").read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            _, kind, given = line.split("\t")
            fragments = [tuple(map(int, f.split())) for f in kind.split(" ", 1)[1].split(";")]
            assert given == " ".join(txt[s:e] for s, e in fragments)  # brat's own check
            assert not any("\n" in txt[s:e] for s, e in fragments)
    problems = Problems()
    back = brat_to_document(txt, document_to_ann(source), doc_id="d", problems=problems)
    assert not problems.errors and not problems.warnings
    assert [(a.start, a.end) for a in back.annotations.sorted()] == [
        (a.start, a.end) for a in source.annotations.sorted()]
    conf = read_conf(tmp_path / CONF)
    assert set(conf) == {"entities", "relations", "events", "attributes"}
    assert set(conf["entities"]) == {"PER", "CLAIM"}
    assert conf["relations"]["claimant"] == "Arg1:CLAIM, Arg2:PER"
    assert conf["attributes"]["checkworthy"] == "Arg:CLAIM, Value:yes"


# -- the corpora ---------------------------------------------------------------------------

@pytest.mark.shared
@pytest.mark.slow
def test_anercorp_test_split_through_every_export(corpora_dir: Path, tmp_path: Path) -> None:
    source = corpora_dir / "anercorp" / "ANERCorp_CamelLab_test.txt"
    problems = Problems()
    [doc] = list(read_conll(source, ImportOptions(), problems))
    [doc] = [rename_labels(doc, {"PERS": "PER"})]
    expected = source_entities(source)
    assert len(doc.annotations) == expected

    write_conll([doc], tmp_path / "a.conll", ExportOptions(source_tags=True))
    def rows(path: Path) -> list[tuple[str, ...]]:
        lines = [tuple(line.split()) for line in path.read_text(encoding="utf-8").split("\n")]
        while lines and not lines[-1]:
            lines.pop()
        return [(r[0], r[1].replace("PERS", "PER")) if r else r for r in lines]

    assert rows(tmp_path / "a.conll") == rows(source)  # the official tags, stray I- included
    tags = [[t for _, t in s] for s in read_conll_file(tmp_path / "a.conll")]
    assert len(tags) == 925  # the file's own sentences (auto: source)
    assert len(get_entities(tags)) == expected

    write_spacy([doc], tmp_path / "a.spacy", ExportOptions())
    [sdoc] = DocBin().from_disk(tmp_path / "a.spacy").get_docs(spacy.blank("ar").vocab)
    assert len(sdoc.ents) == expected and sdoc.text == doc.text
    assert len(list(sdoc.sents)) == 925

    counts = write_dataset_folder({"test": [doc]}, tmp_path / "ds", ExportOptions())
    loaded = datasets.load_dataset(str(tmp_path / "ds"))
    assert len(loaded["test"]) == counts["test"] == 925
    names = loaded["test"].features["ner_tags"].feature.names
    hf_tags = [[names[i] for i in row] for row in loaded["test"]["ner_tags"]]
    assert len(get_entities(hf_tags)) == expected and "B-PERS" not in names


@pytest.mark.shared
@pytest.mark.slow
def test_full_anercorp_is_cut_into_sentences(corpora_dir: Path, tmp_path: Path) -> None:
    source = corpora_dir / "anercorp" / "ANERCorp"
    [doc] = list(read_conll(source, ImportOptions(repair=True), Problems()))
    out = tmp_path / "full.conll"
    options = ExportOptions()
    write_conll([doc], out, options)
    sentences = read_conll_file(out)
    assert 5_000 < len(sentences) < 5_400  # was one sentence of 150,124 tokens
    assert max(len(s) for s in sentences) < 1_000
    assert sum(len(s) for s in sentences) == 150_124
    tags = [[t for _, t in s] for s in sentences]
    assert len(get_entities(tags)) == len(doc.annotations)  # no entity cut by a sentence end
    counts = write_dataset_folder({"train": [doc]}, tmp_path / "ds", ExportOptions())
    assert counts["train"] == len(sentences)  # CoNLL and HF cut the same sentences


@pytest.mark.shared
@pytest.mark.slow
def test_newsfane_through_conll_spacy_and_brat(corpora_dir: Path, tmp_path: Path) -> None:
    source = corpora_dir / "newsfane_gold" / "NewsFANE_Gold_2014_170K.txt"
    docs = list(read_conll(source, ImportOptions(), Problems()))
    expected = source_entities(source)
    assert sum(len(d.annotations) for d in docs) == expected
    write_conll(docs, tmp_path / "n.conll", ExportOptions())
    tags = [[t for _, t in s] for s in read_conll_file(tmp_path / "n.conll")]
    assert len(get_entities(tags)) == expected
    write_spacy(docs, tmp_path / "n.spacy", ExportOptions())
    sdocs = list(DocBin().from_disk(tmp_path / "n.spacy").get_docs(spacy.blank("ar").vocab))
    assert sum(len(d.ents) for d in sdocs) == expected
    for sdoc in sdocs:
        text = sdoc.text  # built on each call
        assert all(e.text == text[e.start_char:e.end_char] for e in sdoc.ents)
    write_brat(docs, tmp_path / "brat", ExportOptions())
    conf = read_conf(tmp_path / "brat" / CONF)
    labels = {a.label for d in docs for a in d.annotations}
    assert set(conf["entities"]) == labels
    t_lines = sum(line.startswith("T") for p in (tmp_path / "brat").glob("*.ann")
                  for line in p.read_text(encoding="utf-8").splitlines())
    assert t_lines == expected


@pytest.mark.shared
@pytest.mark.slow
def test_saudinewsnet_articles_give_sentences_and_no_fake_tokens(corpora_dir: Path,
                                                                 tmp_path: Path) -> None:
    articles = json.loads((corpora_dir / "saudinewsnet" / "2015-08-01.json")
                          .read_text(encoding="utf-8"))
    docs = [Document(f"a{n:03d}", a["content"]) for n, a in enumerate(articles)
            if "\x1a" not in a["content"]][:200]
    out = tmp_path / "s.conll"
    write_conll(docs, out, ExportOptions())
    content = out.read_text(encoding="utf-8")
    spacy_docs = list(conll_ner_to_docs(content, n_sents=10, no_print=True))
    assert len(spacy_docs) == len(docs)
    assert not [t for d in spacy_docs for t in d if "DOCSTART" in t.text]
    sentences = read_conll_file(out)
    assert sum(len(d) for d in spacy_docs) == sum(len(s) for s in sentences)
    assert len(sentences) > 3 * len(docs)
    write_spacy(docs, tmp_path / "s.spacy", ExportOptions())
    loaded = list(DocBin().from_disk(tmp_path / "s.spacy").get_docs(spacy.blank("ar").vocab))
    assert [d.text for d in loaded] == [d.text for d in docs]
    assert sum(len(list(d.sents)) for d in loaded) == len(sentences)
