"""JSONL: spaCy/Prodigy and doccano lines in, the tool's full JSONL out, and back again."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.formats import ExportOptions, ImportOptions, Problems, read_documents
from annotator.formats.jsonl import document_to_line, read_jsonl, write_jsonl
from annotator.model import Annotation, Document, Link


def _read(path: Path, **options: object) -> tuple[list[Document], Problems]:
    problems = Problems()
    documents = list(read_documents(path, "jsonl", ImportOptions(**options), problems))
    return documents, problems


def _write_lines(path: Path, *objects: object) -> Path:
    path.write_text("".join((o if isinstance(o, str) else json.dumps(o, ensure_ascii=False))
                            + "\n" for o in objects), encoding="utf-8")
    return path


def test_spacy_prodigy_spans_with_extra_keys(tmp_path: Path) -> None:
    text = "قال عمر أبو ليلى إن «الوضع صعب»"
    path = _write_lines(tmp_path / "in.jsonl", {
        "id": "doc-1", "text": text, "meta": {"title": "عنوان", "source": "okaz"},
        "spans": [
            {"id": "s1", "start": 4, "end": 16, "label": "PER", "annotator": "sara",
             "attributes": {"role": "official", "rank": 2}, "note": "ملاحظة",
             "created": "2024-01-01T00:00:00Z", "modified": "2024-01-02T00:00:00Z",
             "text": text[4:16]},
            {"start": 20, "end": 31, "label": "QUOTE",
             "links": [{"role": "speaker", "target": "s1"}], "layer": "gold"},
        ]})
    [document], problems = _read(path, annotator="imported")
    assert not problems.errors
    assert (document.id, document.title, document.source) == ("doc-1", "عنوان", "okaz")
    assert document.text == text and document.direction == "rtl"
    person = document.annotations["s1"]
    assert (person.start, person.end, person.label, person.annotator) == (4, 16, "PER", "sara")
    assert person.attributes == {"role": "official", "rank": "2"}
    assert (person.note, person.created) == ("ملاحظة", "2024-01-01T00:00:00Z")
    [quote] = [a for a in document.annotations if a.label == "QUOTE"]
    assert quote.links == (Link("speaker", "s1"),)
    assert (quote.layer, quote.annotator) == ("gold", "imported")
    assert document.span_text(quote) == "«الوضع صعب»"


def test_doccano_label_lists_entities_and_relations(tmp_path: Path) -> None:
    path = _write_lines(
        tmp_path / "doccano.jsonl",
        {"id": 7, "text": "وزارة الصحة قالت", "label": [[0, 11, "ORG"]]},
        {"text": "قال أحمد: نعم", "entities": [
            {"id": 3, "start_offset": 4, "end_offset": 8, "label": "PER"},
            {"id": 4, "start_offset": 10, "end_offset": 13, "label": "QUOTE"}],
         "relations": [{"id": 1, "from_id": 4, "to_id": 3, "type": "speaker"}]})
    first, second = _read(path)[0]
    assert first.id == "7"
    assert [(a.start, a.end, a.label) for a in first.annotations] == [(0, 11, "ORG")]
    assert second.id == "doccano-2"
    assert second.annotations["e4"].links == (Link("speaker", "e3"),)
    assert second.span_text(second.annotations["e3"]) == "أحمد"


def test_offsets_are_code_points(tmp_path: Path) -> None:
    text = "\U0001F600 قال \U00020000عمر"
    start = text.index("عمر")
    path = _write_lines(tmp_path / "a.jsonl", {"text": text, "spans": [
        {"start": start, "end": start + 3, "label": "PER", "text": "عمر"}]})
    [document], problems = _read(path)
    assert not problems.errors
    [span] = document.annotations
    assert document.span_text(span) == "عمر"


def test_bad_lines_fail_alone_with_file_and_line(tmp_path: Path) -> None:
    path = _write_lines(
        tmp_path / "mixed.jsonl",
        {"id": "ok1", "text": "abc", "spans": [{"start": 0, "end": 1, "label": "X"}]},
        "{not json",
        {"id": "out", "text": "abc", "spans": [{"start": 1, "end": 9, "label": "X"}]},
        {"id": "empty", "text": "abc", "spans": [{"start": 1, "end": 1, "label": "X"}]},
        {"id": "rev", "text": "abc", "spans": [{"start": 2, "end": 1, "label": "X"}]},
        {"id": "notext", "spans": []},
        "",
        {"id": "nolabel", "text": "abc", "spans": [{"start": 0, "end": 1}]},
        {"id": "wrongtext", "text": "abc", "spans": [
            {"start": 0, "end": 1, "label": "X", "text": "b"}]},
        {"id": "dangling", "text": "abc", "spans": [
            {"start": 0, "end": 1, "label": "X", "links": [{"role": "r", "target": "zz"}]}]},
        {"id": "dup", "text": "abc", "spans": [{"id": "a", "start": 0, "end": 1, "label": "X"},
                                               {"id": "a", "start": 1, "end": 2, "label": "X"}]},
        {"id": "float", "text": "abc", "spans": [{"start": 0.0, "end": 1, "label": "X"}]},
        [1, 2],
        {"id": "ok2", "text": "xyz"})
    documents, problems = _read(path)
    assert [d.id for d in documents] == ["ok1", "ok2"]
    lines = [error.line for error in problems.errors]
    assert lines == [2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13]
    for error in problems.errors:
        message = str(error)
        assert message.startswith(f"{path}:{error.line}: ") and "\n" not in message
    assert [error.code for error in problems.errors] == [
        "E341", "E317", "E016", "E013", "E335", "E319", "E321", "E339", "E338", "E311", "E332"]


def test_a_line_that_is_not_utf8_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "\xc7\xe1"}\n' + '{"id": "b", "text": "نص"}\n'.encode())
    documents, problems = _read(path)
    assert [d.id for d in documents] == ["b"]
    assert [e.line for e in problems.errors] == [1]


def test_xml_illegal_characters_in_a_line(tmp_path: Path) -> None:
    path = _write_lines(tmp_path / "a.jsonl", {"id": "x", "text": "ab\x1acd", "title": "t\x01"})
    documents, problems = _read(path)
    [error] = problems.errors
    assert documents == [] and error.code == "E142" and error.params["char"] == "001A"
    [document], problems = _read(path, replace_invalid=True)
    assert (document.text, document.title) == ("ab\ufffdcd", "t\ufffd")
    assert len(problems.warnings) == 2 and not problems.errors


def test_lone_surrogate_escape_is_refused(tmp_path: Path) -> None:
    path = _write_lines(tmp_path / "a.jsonl", '{"text": "a\\ud800b"}')
    assert _read(path)[0] == []
    [document], _ = _read(path, replace_invalid=True)
    assert document.text == "a\ufffdb"


def test_writer_line_holds_every_field(tmp_path: Path) -> None:
    document = Document("d", "قال\u2028عمر", title="t", source="s.txt")
    document.annotations.add(Annotation(
        "a1", 4, 7, "PER", annotator="ali", attributes={"k": "v"},
        links=(Link("speaker", "a1"),), created="c", modified="m", note="n", layer="gold"))
    line = document_to_line(document)
    assert "\u2028" not in line and "\\u2028" in line
    assert json.loads(line) == {
        "id": "d", "title": "t", "source": "s.txt", "language": "ar", "direction": "rtl",
        "text": "قال\u2028عمر",
        "spans": [{"id": "a1", "start": 4, "end": 7, "label": "PER", "annotator": "ali",
                   "layer": "gold", "attributes": {"k": "v"},
                   "links": [{"role": "speaker", "target": "a1"}], "note": "n",
                   "created": "c", "modified": "m"}]}


def test_writer_narrows_to_a_layer_only_when_asked(tmp_path: Path) -> None:
    document = Document("d", "abcdef")
    document.annotations.add(Annotation("a1", 0, 2, "PER", annotator="ali"))
    document.annotations.add(Annotation("a2", 0, 2, "PER", annotator="lead", layer="gold"))
    out = tmp_path / "all.jsonl"
    write_jsonl([document], out, ExportOptions())
    assert len(json.loads(out.read_text(encoding="utf-8"))["spans"]) == 2
    write_jsonl([document], out, ExportOptions(layer="gold"))
    assert [s["id"] for s in json.loads(out.read_text(encoding="utf-8"))["spans"]] == ["a2"]


# -- round trip ------------------------------------------------------------------------------
_CHARS = st.sampled_from([*"قال عمر أبو ليلى", "\u064e", "\u0650", "\u0651", "\u0652", "\u0640",
                                "\u200c", "\u200d", "\u200e", "\u200f", "\u202b", "\u202c",
                                "\u2066", "\u2069", "\ufeff", "\u00a0", "\u2028", "\x85",
                                "\U0001F600", "\U00020000", "\r", "\n", "\r\n", "\t", "  ",
                                "<", "&", ">", "]]>", '"', "\\", "'", "a", "Z", "٣"])
_WORDS = st.text(st.sampled_from(list("ABCقلم-_ .\"<&é\U0001F600")), max_size=6)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = "".join(draw(st.lists(_CHARS, max_size=40)))
    document = Document(
        draw(st.from_regex(r"[a-z0-9][a-z0-9._-]{0,8}", fullmatch=True)), text,
        title=draw(_WORDS), source=draw(_WORDS),
        language=draw(st.sampled_from(["ar", "und", "en"])),
        direction=draw(st.sampled_from(["rtl", "ltr"])),
        status=draw(st.dictionaries(_WORDS, st.sampled_from(["done", "in progress"]),
                                    max_size=2)))
    if len(text) < 1:
        return document
    count = draw(st.integers(0, 6))
    ids = [f"a{n}" for n in range(1, count + 1)]
    for span_id in ids:
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        links = draw(st.lists(st.tuples(st.sampled_from(["speaker", "claimant", "source"]),
                                        st.sampled_from(ids)), max_size=2))
        document.annotations.add(Annotation(
            span_id, start, end, draw(st.sampled_from(["PER", "ORG", "QUOTE", "عربي"])),
            annotator=draw(st.sampled_from(["", "ali", "سارة"])),
            attributes=draw(st.dictionaries(_WORDS.filter(bool), _WORDS, max_size=2)),
            links=tuple(Link(*link) for link in links),
            created=draw(st.sampled_from(["", "2024-05-01T10:00:00Z"])),
            modified=draw(st.sampled_from(["", "2024-05-02T10:00:00Z"])),
            note=draw(_WORDS), layer=draw(st.sampled_from(["", "gold"]))))
    return document


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(documents(), min_size=1, max_size=3, unique_by=lambda d: d.id))
def test_export_then_import_gives_the_same_documents(tmp_path: Path,
                                                     originals: list[Document]) -> None:
    out = tmp_path / "round.jsonl"
    write_jsonl(originals, out, ExportOptions())
    problems = Problems()
    again = list(read_jsonl(out, ImportOptions(), problems))
    assert not problems.errors
    assert again == originals
    # and every line is one line for any line-splitting reader
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(originals)


def test_unsafe_document_ids_are_made_safe_with_a_warning(tmp_path: Path) -> None:
    path = _write_lines(tmp_path / "a.jsonl", {"id": "خبر 1/2", "text": "x"},
                        {"id": "ok_id", "text": "y"})
    documents, problems = _read(path)
    assert [d.id for d in documents] == ["خبر_1_2", "ok_id"]
    [warning] = problems.warnings
    assert warning.line == 1 and warning.code == "E331" and warning.params["id"] == "خبر_1_2"
