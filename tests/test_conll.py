"""CoNLL/BIO import and export, and the tokenizer behind the export."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.formats import ExportOptions, ImportOptions, Problems, read_documents
from annotator.formats.conll import (
    conll_to_documents,
    documents_to_conll,
    read_conll,
    write_conll,
)
from annotator.model import Document
from annotator.tokenize import is_proclitic_prefix, tokenize, tokenize_columns


def spans(document: Document) -> list[tuple[str, str]]:
    return [(document.span_text(a), a.label) for a in document.annotations.sorted()]


def read_text(content: str, *, repair: bool = False) -> tuple[list[Document], Problems]:
    problems = Problems()
    documents = list(conll_to_documents(content, name="t", problems=problems, repair=repair,
                                        path="t.conll"))
    return documents, problems


def to_conll(documents: list[Document], **kwargs: object) -> tuple[str, Problems]:
    problems = Problems()
    return "".join(documents_to_conll(documents, problems=problems, **kwargs)), problems


# -- tokenizer --------------------------------------------------------------------------------

def test_punct_mode_splits_punctuation_and_keeps_numbers_and_emoji() -> None:
    text = "قال لـ«البيان» إن 34.3% من ١٬٠٠٠... 👍🏽"
    tokens = tokenize(text, "punct")
    assert [t.text for t in tokens] == ["قال", "لـ", "«", "البيان", "»", "إن", "34.3", "%",
                                        "من", "١٬٠٠٠", "...", "👍🏽"]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_whitespace_mode_keeps_attached_punctuation() -> None:
    assert [t.text for t in tokenize("(د أ) المقبل، بـ34.3", "whitespace")] == [
        "(د", "أ)", "المقبل،", "بـ34.3"]


def test_proclitics_split_only_where_a_span_starts() -> None:
    text = "والبيان ولبنان"
    inside = text.index("البيان")
    assert [t.text for t in tokenize(text, split_proclitics=True)] == ["والبيان", "ولبنان"]
    split = tokenize(text, split_proclitics=True, boundaries=[inside, text.index("بنان")])
    # "ول" is a proclitic pair, so "ولبنان" splits too when asked; "لب" never would.
    assert [t.text for t in split] == ["و", "البيان", "ول", "بنان"]
    assert is_proclitic_prefix("وبال") and is_proclitic_prefix("لل")
    assert not is_proclitic_prefix("لب") and not is_proclitic_prefix("")


@settings(max_examples=80, deadline=None)
@given(st.text(st.sampled_from(list("اب ل،.\n\t\u00a0«»5٫")), max_size=30),
       st.sampled_from(["whitespace", "punct"]))
def test_column_tokenizer_agrees_with_tokenize(text: str, mode: str) -> None:
    tokens = tokenize(text, mode)
    assert tokenize_columns(text, mode) == ([t.text for t in tokens], [t.start for t in tokens],
                                            [t.end for t in tokens])
    assert all(text[t.start:t.end] == t.text and t.text.strip() == t.text for t in tokens)


def test_unknown_tokenizer_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown tokenizer mode"):
        tokenize("x", "bpe")


# -- import -----------------------------------------------------------------------------------

def test_import_rebuilds_text_and_spans() -> None:
    content = ("-DOCSTART- O\n\nعاد B-PERS\nأنان I-PERS\nإلى O\nنيويورك B-LOC\n\n"
               "قال O\n.\tO\n\n-DOCSTART- O\n\nفي O\nالأمم B-ORG\nالمتحدة I-ORG\n")
    documents, problems = read_text(content)
    assert not problems.errors and not problems.warnings
    assert [d.id for d in documents] == ["t-1", "t-2"]
    assert documents[0].text == "عاد أنان إلى نيويورك\nقال ."
    assert spans(documents[0]) == [("عاد أنان", "PERS"), ("نيويورك", "LOC")]
    assert documents[1].text == "في الأمم المتحدة"
    assert spans(documents[1]) == [("الأمم المتحدة", "ORG")]
    assert documents[0].source == "conll:t"


def test_stray_inside_tag_starts_an_entity_with_a_warning() -> None:
    documents, problems = read_text("a O\nb I-ORG\nc I-ORG\nd B-LOC\ne I-PER\n")
    assert spans(documents[0]) == [("b c", "ORG"), ("d", "LOC"), ("e", "PER")]
    assert [(w.line, w.code, w.params["tag"]) for w in problems.warnings] == [
        (2, "E424", "I-ORG"), (5, "E424", "I-PER")]
    text, _ = to_conll(documents)
    assert text == "a O\nb B-ORG\nc I-ORG\nd B-LOC\ne B-PER\n"


@pytest.mark.parametrize(("line", "code"), [
    ("x OO", "E420"), ("x IO", "E420"), ("x I--ORG", "E420"), ("x B-", "E420"), (" O", "E426"),
    ("x", "E428"), ("x y O", "E429"), ("x\tO\tO", "E429")])
def test_malformed_lines_are_errors_with_line_numbers(line: str, code: str) -> None:
    documents, problems = read_text(f"a O\n{line}\nb B-LOC\n")
    assert len(problems.errors) == 1
    error = problems.errors[0]
    assert error.line == 2 and str(error).startswith("t.conll:2: ") and error.code == code
    assert documents[0].text == "a b"  # the bad line skipped, the rest read


def test_repair_fixes_and_says_what_it_did() -> None:
    content = ("a OO\nb IO\nc I--ORG\nd i-ORG\n O\ne E-ORG\n. Oالإصابة O\n"
               "الصالحية ونايفة B-LOC\nf\ng ZZ\n")
    documents, problems = read_text(content, repair=True)
    assert not problems.errors
    assert documents[0].text == "a b c d e . الإصابة الصالحية ونايفة f g"
    assert spans(documents[0]) == [("c d e", "ORG"), ("الصالحية ونايفة", "LOC")]
    said = {w.line: w for w in reversed(problems.warnings)}  # first one a line
    assert (said[1].code, said[1].params) == ("E421", {"tag": "OO", "fixed": "O"})
    assert (said[3].code, said[3].params) == ("E421", {"tag": "I--ORG", "fixed": "I-ORG"})
    assert any(w.line == 3 and w.code == "E424" for w in problems.warnings)
    assert said[5].code == "E425"
    assert said[7].code == "E430" and said[7].params["count"] == 2
    assert said[8].code == "E431" and said[8].params["tokens"].endswith("B-LOC | ونايفة I-LOC")
    assert (said[9].code, said[9].params) == ("E427", {"token": "f"})
    assert (said[10].code, said[10].params) == ("E422", {"tag": "ZZ", "fixed": "O"})


def test_read_conll_reports_bad_encoding_and_continues(tmp_path: Path) -> None:
    bad = tmp_path / "bad.conll"
    bad.write_bytes(b"a O\n\xff O\n")
    problems = Problems()
    assert list(read_conll(bad, ImportOptions(), problems)) == []
    assert problems.errors[0].line == 2 and problems.errors[0].code == "E432"
    assert problems.errors[0].params["encoding"] == "UTF-8"


def test_registry_reads_and_writes_conll_files(tmp_path: Path) -> None:
    source = tmp_path / "news.conll"
    source.write_text("\ufeffعاد B-PERS\r\nأنان I-PERS\r\n", encoding="utf-8")
    problems = Problems()
    documents = list(read_documents(source, "auto", ImportOptions(annotator="x"), problems))
    assert [d.id for d in documents] == ["news"]
    assert documents[0].text == "عاد أنان"
    assert documents[0].annotations.sorted()[0].annotator == "x"
    out = tmp_path / "out" / "news.conll"
    write_conll(documents, out, ExportOptions())
    assert out.read_text(encoding="utf-8") == "عاد B-PERS\nأنان I-PERS\n"


def test_document_ids_follow_the_file_name_as_for_plain_text(tmp_path: Path) -> None:
    # 2015-08-01.conll is document 2015-08-01 (no "d" prefix: ids may start with a digit).
    source = tmp_path / "2015-08-01.conll"
    source.write_text("عاد B-PERS\n\n-DOCSTART- O\n\nأنان B-PERS\n", encoding="utf-8")
    documents = list(read_documents(source, "auto", ImportOptions(), Problems()))
    assert [d.id for d in documents] == ["2015-08-01-1", "2015-08-01-2"]


# -- export -----------------------------------------------------------------------------------

def test_export_of_typed_text_reports_what_bio_cannot_hold() -> None:
    text = "قال رئيس لـ«البيان» في والبيان: «نعم»"
    document = Document("d", text)
    outer = document.annotate(text.index("رئيس"), text.index("في") - 1, "ORG")
    document.annotate(text.index("البيان"), text.index("البيان") + 6, "ORG")  # nested
    late = text.index("والبيان") + 1
    document.annotate(late, late + 6, "ORG")  # starts after the و proclitic
    document.annotate(text.index("«نعم»"), len(text), "QUOTE")
    conll, problems = to_conll([document])
    lines = conll.splitlines()
    assert lines[1:6] == ["رئيس B-ORG", "لـ I-ORG", "« I-ORG", "البيان I-ORG", "» I-ORG"]
    assert "والبيان O" in lines
    said = {w.code: w.params for w in problems.warnings}
    assert said["E434"]["labels"] == "QUOTE"
    assert said["E437"]["other"] == outer.id
    assert said["E436"]["near"] == "والبيان"  # with the hint: --split-proclitics
    conll, problems = to_conll([document], split_proclitics=True)
    assert "و O\nالبيان B-ORG" in conll
    assert not {"E435", "E436"} & {w.code for w in problems.warnings}


def test_sentences_break_at_lines_and_final_punctuation_but_not_inside_entities() -> None:
    text = "جاء زيد. ثم ذهب\nهنا"
    document = Document("d", text)
    conll, _ = to_conll([document])
    assert conll == "جاء O\nزيد O\n. O\n\nثم O\nذهب O\n\nهنا O\n"


def test_labels_option_brings_quotes_in() -> None:
    document = Document("d", "قال «نعم»")
    document.annotate(4, 9, "QUOTE")
    conll, problems = to_conll([document], labels=frozenset({"QUOTE"}))
    assert conll == "قال O\n« B-QUOTE\nنعم I-QUOTE\n» I-QUOTE\n" and not problems.warnings


# -- round trip -------------------------------------------------------------------------------

_CHARS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإىة٠١٢0123456789.,،؛:()«»-_ـً"
_TOKEN = st.text(st.sampled_from(list(_CHARS)), min_size=1, max_size=6).filter(
    lambda t: t != "-DOCSTART-")


@st.composite
def _sentences(draw: st.DrawFn) -> list[list[tuple[str, str]]]:
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        tokens = draw(st.lists(_TOKEN, min_size=1, max_size=8))
        tags: list[str] = []
        for _token in tokens:
            choice = draw(st.sampled_from(["O", "B-PERS", "B-LOC", "I"]))
            if choice == "I":
                choice = "I" + tags[-1][1:] if tags and tags[-1] != "O" else "O"
            tags.append(choice)
        sentences.append(list(zip(tokens, tags, strict=True)))
    return sentences


@settings(max_examples=60, deadline=None)
@given(st.lists(_sentences(), min_size=1, max_size=3))
def test_conll_documents_conll_gives_back_the_same_file(documents: list) -> None:
    content = "\n-DOCSTART- -X- O O\n\n".join(
        "\n\n".join("\n".join(f"{t} {g}" for t, g in s) for s in doc) + "\n"
        for doc in documents)
    parsed, problems = read_text(content)
    assert not problems.errors and not problems.warnings
    assert len(parsed) == len(documents)
    assert to_conll(parsed, sentences="source")[0] == content


@st.composite
def _conll_text_documents(draw: st.DrawFn) -> Document:
    sentences = draw(st.lists(st.lists(_TOKEN, min_size=1, max_size=6), min_size=1, max_size=3))
    text = "\n".join(" ".join(tokens) for tokens in sentences)
    document = Document("d", text, source="conll:d")
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 12)))
        document.annotate(start, end, draw(st.sampled_from(["PER", "LOC"])))
    return document


@settings(max_examples=100, deadline=None)
@given(_conll_text_documents())
def test_fast_path_for_conll_text_equals_the_general_path(document: Document) -> None:
    from annotator.formats.conll import _candidates, _general_conll, _plain_conll
    from annotator.tagset import default_tagset

    candidates = _candidates(document, default_tagset(), None, Problems())
    fast_problems, general_problems = Problems(), Problems()
    fast = _plain_conll(document, candidates, fast_problems)
    general = _general_conll(document, candidates, tokenizer="whitespace",
                             split_proclitics=False, problems=general_problems,
                             sentences="source", source_tags=False)
    if fast is None:  # only when an entity spans a line break
        assert any("\n" in document.span_text(a) for a in candidates)
        return
    assert fast == general
    assert [str(w) for w in fast_problems.warnings] == [str(w) for w in general_problems.warnings]


def test_characters_xml_cannot_carry_skip_the_line_or_are_replaced() -> None:
    content = "ا O\nض\x01 B-PER\nب O"  # no final line feed
    documents, problems = read_text(content)
    assert documents[0].text == "ا ب" and problems.errors[0].line == 2
    problems = Problems()
    [document] = conll_to_documents(content, name="t", problems=problems, replace_invalid=True)
    assert document.text == "ا ض\ufffd ب" and spans(document) == [("ض\ufffd", "PER")]
    assert problems.warnings[0].line == 2 and not problems.errors


def test_a_text_that_begins_with_a_byte_order_mark_survives_conll(tmp_path: Path) -> None:
    """Regression: a first token U+FEFF was written as the file's first character, which
    readers take for a byte-order mark; the reader dropped two of them, leaving " O", an
    empty token.  The writer now puts a byte-order mark before it, and the reader drops one."""
    document = Document("d", "\ufeff قال الوزير")
    document.annotate(2, 5, "PER")
    write_conll([document], tmp_path / "d.conll", ExportOptions())
    assert (tmp_path / "d.conll").read_bytes().startswith("\ufeff\ufeff".encode())
    problems = Problems()
    (read,) = read_conll(tmp_path / "d.conll", ImportOptions(), problems)
    assert problems.errors == [] and problems.warnings == []
    assert read.text == document.text
    assert [(a.start, a.end, a.label) for a in read.annotations] == [(2, 5, "PER")]
