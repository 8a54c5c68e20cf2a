"""Characters XML 1.0 cannot carry never reach a document, a tag set or a file (issue 10,
item 4): the model and the tag-set loader refuse them, every importer reports them as one
line naming the file (and line), and no save replaces a good file with an unreadable one."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from cli_runner import run
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.errors import AnnotationError, AnnotatorError, TagSetError
from annotator.model import Annotation, Document, Link, checked_annotation
from annotator.tagset import LabelSpec, TagSet, load_tagset
from annotator.tei import load_tei, read_tei, save_tei, tei_bytes

# One of each kind XML 1.0 forbids: a C0 control, a noncharacter, a lone surrogate.
FORBIDDEN = ["\x01", "\ufffe", "\uffff", "\x0b", "\ud800"]


def _every_output_loads(folder: Path) -> list[Document]:
    """The documents of every TEI file in ``folder``: each one must read back."""
    return [load_tei(path) for path in sorted(folder.glob("*.tei.xml"))]


# -- the model -------------------------------------------------------------------------------
@pytest.mark.parametrize("char", FORBIDDEN)
@pytest.mark.parametrize("field", ["label", "annotator", "layer", "note", "created", "modified"])
def test_an_annotation_refuses_a_character_xml_cannot_carry(field: str, char: str) -> None:
    values = {"label": "PER", field: f"x{char}y"}
    with pytest.raises(AnnotationError) as caught:
        Annotation("a1", 0, 1, **values)  # type: ignore[arg-type]
    assert caught.value.code == "E017"
    assert caught.value.params == {"id": "a1", "field": field, "char": f"{ord(char):04X}"}


@pytest.mark.parametrize("attributes, links, field", [
    ({"ty\x01pe": "direct"}, (), "attribute name"),
    ({"type": "dir\ufffeect"}, (), "attribute value"),
    ({}, (Link("spea\x1fker", "a2"),), "link role"),
])
def test_attributes_and_links_are_checked_too(attributes: dict[str, str],
                                              links: tuple[Link, ...], field: str) -> None:
    with pytest.raises(AnnotationError) as caught:
        Annotation("a1", 0, 1, "QUOTE", attributes=attributes, links=links)
    assert (caught.value.code, caught.value.params["field"]) == ("E017", field)


def test_an_edit_cannot_bring_one_in() -> None:
    annotation = Annotation("a1", 0, 1, "PER")
    with pytest.raises(AnnotationError):
        annotation.with_changes(label="PER\ufffe")


@pytest.mark.parametrize("fields, field", [
    ({"title": "t\x01"}, "title"),
    ({"source": "s\ufffe"}, "source"),
    ({"language": "a\x02r"}, "language"),
    ({"status": {"ali\x01": "done"}}, "annotator's name in the status"),
    ({"status": {"ali": "do\uffffne"}}, "status"),
])
def test_a_document_refuses_one_in_its_metadata(fields: dict[str, object], field: str) -> None:
    with pytest.raises(AnnotationError) as caught:
        Document("d", "text", **fields)  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.params["field"]) == ("E018", field)


@settings(max_examples=150, deadline=None)
@given(label=st.text(min_size=1, max_size=6), annotator=st.text(max_size=6))
def test_what_the_model_accepts_saves_and_reads_back(label: str, annotator: str) -> None:
    """Property: an annotation is either refused when made, or saved to a file that reads back
    with the same label and annotator: there is no third way (a file that cannot be read)."""
    document = Document("d", "some text")
    try:
        document.annotate(0, 4, label, annotator=annotator)
    except AnnotatorError:
        return
    back = read_tei(io.BytesIO(tei_bytes(document))).document
    (only,) = back.annotations
    assert (only.label, only.annotator) == (label, annotator)


# -- tag sets --------------------------------------------------------------------------------
@pytest.mark.parametrize("content, where", [
    ('name = "news\\u0001"\n[[labels]]\nname = "PER"\n', "name"),
    ('[[labels]]\nname = "PE\\uFFFER"\n', "labels[1].name"),
    ('[[labels]]\nname = "PER"\nar = "شخص\\u001f"\n', "labels[1].ar"),
    ('[[labels]]\nname = "PER"\nkind = "enti\\u0008ty"\n', "labels[1].kind"),
    ('[[labels]]\nname = "Q"\n[[labels.attributes]]\nname = "type"\nvalues = ["a", "b\\uFFFF"]\n',
     "labels[1].attributes[1].values[2]"),
    ('[[labels]]\nname = "Q"\nlinks = [{role = "spe\\u0001aker"}]\n', "labels[1].links[1].role"),
    ('[[labels]]\nname = "Q"\n[[labels.attributes]]\nname = "t"\n'
     '[labels.attributes.value_names."x\\u0002"]\nen = "x"\n',
     "labels[1].attributes[1].value_names.'x\\x02'"),
])
def test_a_tag_set_refuses_a_character_xml_cannot_carry(tmp_path: Path, content: str,
                                                       where: str) -> None:
    path = tmp_path / "tagset.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TagSetError) as caught:
        load_tagset(path)
    assert caught.value.code == "E126"
    assert caught.value.params["key"] == where
    assert caught.value.path == str(path)


def test_a_project_tag_set_with_one_never_replaces_a_good_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "article.txt"
    source.write_text("قال الرئيس\n", encoding="utf-8")
    project = tmp_path / "project"
    status, _, err = run(capsys, "import", source, "-o", project)
    assert status == 0, err
    good = (project / "article.tei.xml").read_bytes()
    (project / "tagset.toml").write_text('name = "a\\u0001"\n[[labels]]\nname = "PER"\n',
                                         encoding="utf-8")
    source.write_text("قال الرئيس اليوم\n", encoding="utf-8")
    status, _, err = run(capsys, "import", source, "-o", project, "--overwrite")
    assert status == 2
    (line,) = [line for line in err.splitlines() if "error" in line]
    assert line.startswith(f"annotator import: {project / 'tagset.toml'}: error E126: name ")
    assert (project / "article.tei.xml").read_bytes() == good


# -- the writer: the last guard ----------------------------------------------------------------
def test_a_save_never_writes_what_it_cannot_read_back(tmp_path: Path) -> None:
    """Values no loader lets in (a tag set built in code, a document changed after it was
    made, an annotation built by a fast reader) are still refused before the disk."""
    path = tmp_path / "d.tei.xml"
    document = Document("d", "some text")
    document.annotate(0, 4, "PER", annotator="ali")
    save_tei(document, path)
    good = path.read_bytes()
    bad_tagsets = [TagSet("news\x01", {"PER": LabelSpec("PER")}),
                   TagSet("news", {"PER": LabelSpec("PER", kind="ent\ufffeity")}),
                   TagSet("news", {"PER": LabelSpec("PER", en="Per\x02son")})]
    for tagset in bad_tagsets:
        with pytest.raises(AnnotatorError):
            save_tei(document, path, tagset=tagset)
    document.language = "a\x01r"
    with pytest.raises(AnnotatorError):
        save_tei(document, path)
    document.language = "ar"
    document.annotations.add(checked_annotation("a9", 0, 2, "OR\ufffeG", "", "", "", ""))
    with pytest.raises(AnnotatorError):
        save_tei(document, path)
    assert path.read_bytes() == good


# -- importers -------------------------------------------------------------------------------
def test_brat_label_is_one_line_naming_the_ann_line(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("hello world\n", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tPER 6 11\tworld\nT2\tPER\ufffe 0 5\thello\n",
                                    encoding="utf-8")
    status, _, err = run(capsys, "import", tmp_path / "a.ann", "-o", tmp_path / "out")
    assert status == 2
    assert f"{tmp_path / 'a.ann'}:2: error E375: line holds U+FFFE" in err
    (document,) = _every_output_loads(tmp_path / "out")
    assert [a.label for a in document.annotations] == ["PER"]


def test_brat_replace_invalid_replaces_in_the_ann_too(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("he\x01lo world\n", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tPER\ufffe 0 5\the\x01lo\nA1\tty\x02pe T1 x\n"
                                    "#1\tAnnotatorNotes T1\tno\x03te\n", encoding="utf-8")
    status, _, err = run(capsys, "import", tmp_path / "a.ann", "-o", tmp_path / "out",
                         "--replace-invalid")
    assert status == 0, err
    (document,) = _every_output_loads(tmp_path / "out")
    (annotation,) = document.annotations
    assert annotation.label == "PER\ufffd"
    assert annotation.attributes == {"ty\ufffdpe": "x"} and annotation.note == "no\ufffdte"
    assert document.span_text(annotation) == "he\ufffdlo"


def test_hf_label_list_with_one_is_refused(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    rows = tmp_path / "h.jsonl"
    rows.write_text(json.dumps({"id": "d-1", "tokens": ["a", "b"], "ner_tags": [1, 0]}) + "\n",
                    encoding="utf-8")
    labels = tmp_path / "h.labels.json"
    labels.write_text(json.dumps(["O", "B-X\ufffe", "I-X\ufffe"]), encoding="utf-8")
    status, _, err = run(capsys, "import", "--format", "hf", rows, "-o", tmp_path / "out")
    assert status == 2
    assert f"{labels}: error E401: label 2 of the list holds U+FFFE" in err
    assert _every_output_loads(tmp_path / "out") == []


def test_hf_tag_names_in_rows_are_checked_per_line(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    rows = tmp_path / "h.jsonl"
    rows.write_text(
        json.dumps({"id": "d-1", "tokens": ["a", "b"], "ner_tags": ["B-X\x01", "O"]}) + "\n"
        + json.dumps({"id": "e-1", "tokens": ["c"], "ner_tags": ["B-Y"]}) + "\n",
        encoding="utf-8")
    status, _, err = run(capsys, "import", "--format", "hf", rows, "-o", tmp_path / "out")
    assert status == 2
    assert f"{rows}:1: error E402: ner_tag 1 holds U+0001" in err
    (document,) = _every_output_loads(tmp_path / "out")
    assert [a.label for a in document.annotations] == ["Y"]


@pytest.mark.parametrize("line", [
    {"id": "x", "text": "abc", "status": {"ali\x01": "done"}},
    {"id": "x", "text": "abc", "language": "a\ufffer"},
    {"id": "x", "text": "abc", "spans": [{"id": "s1", "start": 0, "end": 1, "label": "A"},
                                         {"start": 1, "end": 2, "label": "B",
                                          "links": [{"role": "r\x01", "target": "s1"}]}]},
])
def test_jsonl_fields_not_checked_before_are_line_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], line: dict[str, object]) -> None:
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps(line) + "\n" + json.dumps({"id": "y", "text": "fine"}) + "\n",
                      encoding="utf-8")
    status, _, err = run(capsys, "import", source, "-o", tmp_path / "out")
    assert status == 2
    assert f"{source}:1: error E01" in err
    assert [d.id for d in _every_output_loads(tmp_path / "out")] == ["y"]


def test_an_annotator_name_xml_cannot_carry_is_a_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text("hello\n", encoding="utf-8")
    status, _, err = run(capsys, "import", source, "-o", tmp_path / "out",
                         "--annotator", "al\x01i")
    assert status == 2
    assert err.strip() == "annotator import: error E635: --annotator holds U+0001, which XML " \
                          "cannot carry"
    assert not (tmp_path / "out").exists()
