"""Annotators' files of many documents: paired by document id and read, for merge and agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.corpus import (
    MergeError,
    group_by_document,
    peek_document_id,
    read_document_sets,
    read_group,
    tei_files,
)
from annotator.model import Annotation, Document
from annotator.tei import save_tei

TEXT = "قال الوزير محمد إن شركة أرامكو في الرياض."


def _save(path: Path, doc_id: str, spans: list[tuple[int, int, str, str, str]],
          text: str = TEXT) -> Path:
    """A TEI file of ``doc_id`` holding ``(start, end, label, annotator, layer)`` spans."""
    path.parent.mkdir(parents=True, exist_ok=True)
    document = Document(doc_id, text)
    for number, (start, end, label, who, layer) in enumerate(spans, 1):
        document.annotations.add(Annotation(f"a{number}", start, end, label, who, layer=layer))
    save_tei(document, path)
    return path


def test_files_pair_by_the_id_in_their_header_not_their_name(tmp_path: Path) -> None:
    one = _save(tmp_path / "alice" / "first.tei.xml", "d1", [])
    two = _save(tmp_path / "bob" / "other-name.tei.xml", "d1", [])
    three = _save(tmp_path / "bob" / "d1.tei.xml", "d2", [])
    assert peek_document_id(three) == "d2"
    by_doc, errors = group_by_document([tei_files(tmp_path / "alice"),
                                        tei_files(tmp_path / "bob")])
    assert errors == []
    assert by_doc == {"d1": [one, two], "d2": [None, three]}


def test_one_document_twice_in_a_folder_is_an_error_naming_both(tmp_path: Path) -> None:
    first = _save(tmp_path / "alice" / "a.tei.xml", "d1", [])
    again = _save(tmp_path / "alice" / "b.tei.xml", "d1", [])
    _, errors = group_by_document([tei_files(tmp_path / "alice")])
    assert [e.one_line() for e in errors] == [f"{again}: document d1 is also in {first}"]


def test_a_file_declaring_another_document_is_refused(tmp_path: Path) -> None:
    path = _save(tmp_path / "x.tei.xml", "d1", [])
    assert [s.document.id for s in read_group("d1", [(str(path), "alice"), None])] == ["d1"]
    with pytest.raises(MergeError) as caught:
        read_group("d9", [(str(path), "alice")])
    assert caught.value.code == "E525"
    assert (caught.value.params["declared"], caught.value.params["id"]) == ("d1", "d9")


def test_document_sets_take_folder_names_layers_and_ignore_gold(tmp_path: Path) -> None:
    # alice's unnamed work in her folder; a merged file with bob's and carol's layers and gold
    _save(tmp_path / "alice" / "d1.tei.xml", "d1", [(4, 10, "PER", "", "")])
    _save(tmp_path / "merged.tei.xml", "d1", [(4, 10, "PER", "bob", ""),
                                              (11, 15, "PER", "carol", ""),
                                              (4, 10, "PER", "lead", "gold")])
    documents, tagset = read_document_sets([tmp_path / "alice", tmp_path / "merged.tei.xml"],
                                           workers=1)
    assert tagset is not None
    assert [(d.doc_id, d.text) for d in documents] == [("d1", TEXT)]
    assert documents[0].sets == {"alice": [(4, 10, "PER")], "bob": [(4, 10, "PER")],
                                 "carol": [(11, 15, "PER")]}


def test_bad_inputs_name_the_path(tmp_path: Path) -> None:
    with pytest.raises(MergeError) as caught:
        read_document_sets([tmp_path / "nowhere"])
    assert caught.value.code == "E603" and caught.value.path == str(tmp_path / "nowhere")
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(MergeError) as caught:
        tei_files(tmp_path / "file.txt")
    assert caught.value.code == "E520"
    _save(tmp_path / "a" / "d1.tei.xml", "d1", [])
    _save(tmp_path / "b" / "d1.tei.xml", "d1", [], text=TEXT + " غداً")
    with pytest.raises(MergeError) as caught:
        read_document_sets([tmp_path / "a", tmp_path / "b"], workers=1)
    assert caught.value.code == "E522"
