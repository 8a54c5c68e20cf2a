"""Bulk readers and writers pause the cycle collector; they must always leave it as they found
it — on for the caller while a reader's generator waits at a yield, off if the caller had it
off, and restored after an error."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.errors import FormatError
from annotator.formats import ImportOptions, Problems
from annotator.formats.conll import read_conll
from annotator.model import Document
from annotator.tei import load_tei, save_tei, tei_bytes


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_a_conll_reader_hands_out_documents_with_the_collector_on(tmp_path: Path,
                                                                  collector_on: None) -> None:
    source = tmp_path / "two.conll"
    source.write_text("-DOCSTART- O\n\nقال O\nالوزير B-PER\n\n-DOCSTART- O\n\nنص O\n",
                      encoding="utf-8")
    seen = []
    for document in read_conll(source, ImportOptions(), Problems()):
        seen.append((document.id, gc.isenabled()))
    assert seen == [("two-1", True), ("two-2", True)]
    assert gc.isenabled()

    reader = read_conll(source, ImportOptions(), Problems())
    next(reader)
    reader.close()  # abandoned at a yield
    assert gc.isenabled()


def test_a_caller_that_turned_the_collector_off_keeps_it_off(tmp_path: Path,
                                                              collector_on: None) -> None:
    source = tmp_path / "one.conll"
    source.write_text("قال O\nالوزير B-PER\n", encoding="utf-8")
    gc.disable()
    documents = list(read_conll(source, ImportOptions(), Problems()))
    save_tei(documents[0], tmp_path / "one.tei.xml")
    load_tei(tmp_path / "one.tei.xml")
    assert not gc.isenabled()


def test_tei_reading_and_writing_restore_the_collector_after_errors(tmp_path: Path,
                                                                     collector_on: None) -> None:
    broken = tmp_path / "broken.tei.xml"
    broken.write_bytes(tei_bytes(Document("d", "نص"))[:-20])
    with pytest.raises(FormatError):
        load_tei(broken)
    assert gc.isenabled()
    with pytest.raises(FormatError):
        tei_bytes(Document("d", "نص\x1a"))
    assert gc.isenabled()
