"""What the suggestion runner hands between the window and its child processes: the open
document learned once by ``project`` (not a second time from its own file), the models' part
of a job without annotations, and proposals sent as tuples that come back equal."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.model import Annotation, Document
from annotator.suggest.jobs import (
    MODELS,
    ProgressSender,
    child_main,
    make_job,
    proposal_rows,
    proposals_from,
    run_job,
    split,
)
from annotator.suggest.proposal import Proposal, ProposedLink
from annotator.tei import read_tei, save_tei

TEXT = "زار محمد العلي مكة أمس. ثم عاد محمد العلي إلى الرياض."
NAME = (4, 14)  # the first محمد العلي


def saved_article(folder: Path) -> Path:
    """The article with محمد العلي labelled PER once, saved in ``folder``."""
    folder.mkdir()
    document = Document("article", TEXT)
    document.annotations.add(Annotation("a1", *NAME, "PER", "sara"))
    path = folder / "article.tei.xml"
    save_tei(document, path)
    return path


@pytest.mark.parametrize("where", ["project", "team folder"])
def test_the_open_documents_own_file_is_not_learned_again(tmp_path: Path, where: str) -> None:
    path = saved_article(tmp_path / "project")
    document = read_tei(path).document
    places: dict[str, Any] = ({"project": path.parent} if where == "project"
                              else {"folders": [path.parent]})
    proposals = run_job(make_job(document, ["project"], path=path, **places))
    assert [(TEXT[p.start:p.end], p.label, p.score) for p in proposals] == [
        ("محمد العلي", "PER", 0.5)]  # one annotation: 1 * 1/2, not 2/3 as if counted twice


def test_the_open_document_stands_for_its_file_with_edits_not_saved(tmp_path: Path) -> None:
    path = saved_article(tmp_path / "project")
    document = read_tei(path).document
    document.annotations.replace(document.annotations["a1"].with_changes(label="ORG"))
    proposals = run_job(make_job(document, ["project"], project=path.parent, path=path))
    assert [(p.label, p.score) for p in proposals] == [("ORG", 0.5)]


def test_the_models_part_of_a_job_carries_no_annotations(tmp_path: Path) -> None:
    document = Document("article", TEXT)
    document.annotations.add(Annotation("a1", *NAME, "PER", "sara"))
    job = make_job(document, ["cues", "project", "crf"], crf_model=tmp_path)
    cues, models = split(job)
    assert cues.names == ("cues", "project") and cues.rows == job.rows
    assert models.names == ("crf",) and set(models.names) <= set(MODELS)
    assert models.rows == () and models.text == job.text


def test_a_run_leaves_nothing_for_the_cyclic_collector(tmp_path: Path) -> None:
    """The child processes run with the collector off (jobs.child_main and
    train_runner._child, and the CLI's suggest and train): every recommender must leave no
    reference cycles behind, training the CRF none that grow with the data."""
    from annotator.suggest.crf_model import train_crf

    text = (TEXT + "\nوقال محمد العلي إن «الوضع مستقر في مكة».\n"
            "وارتفع عدد الزوار بنسبة 20 في المئة، بحسب وزارة الحج.")
    document = Document("article", text)
    document.annotations.add(Annotation("a1", *NAME, "PER", "sara"))
    (tmp_path / "project").mkdir()
    path = tmp_path / "project" / "article.tei.xml"
    save_tei(document, path)
    gc.collect()
    gc.disable()
    try:
        train_crf([document, document]).save(tmp_path / "project" / "models" / "crf")
        trained = gc.collect()
    finally:
        gc.enable()
    assert trained <= 50  # json.dump's encoder with indent: its closures (33), whatever the data
    job = make_job(document, ["cues", "claims", "project", "crf"], project=path.parent,
                   crf_model=tmp_path / "project" / "models" / "crf", path=path)
    gc.collect()
    gc.disable()
    try:
        proposals = run_job(job)
        found = gc.collect()
    finally:
        gc.enable()
    assert {p.recommender for p in proposals} == {"cues", "claims", "project", "crf"}
    assert found == 0


texts = st.text(max_size=8)
links = st.builds(ProposedLink, texts, st.integers(0, 99), st.integers(0, 99), texts)
proposals = st.builds(Proposal, st.integers(0, 99), st.integers(0, 99), texts,
                      st.floats(0, 1), texts, st.dictionaries(texts, texts, max_size=3),
                      st.lists(links, max_size=3).map(tuple), texts)


@given(st.lists(proposals, max_size=5))
def test_proposals_sent_as_rows_come_back_equal(sent: list[Proposal]) -> None:
    assert proposals_from(proposal_rows(sent)) == sent


def test_a_recommender_reporting_10000_steps_sends_a_message_per_whole_percent() -> None:
    """The child sends a recommender's progress when its whole percentage changes, and at 0
    and at the end: what the window shows, without a message per step crossing the pipe."""
    receiving, sending = multiprocessing.Pipe(duplex=False)
    send = ProgressSender(sending)
    send("crf", 0, 1)  # before it is built
    for done in range(10_001):
        send("crf", done, 10_000)
    send("crf", 10_000, 10_000)  # the end again
    send("cues", 0, 1)
    sending.close()
    messages = []
    with contextlib.suppress(EOFError):
        while True:
            messages.append(receiving.recv())
    crf = [done for _, name, done, _ in messages if name == "crf"]
    assert crf == [0, 0, *range(100, 10_000, 100), 10_000, 10_000]  # 103 of 10,003 reports
    assert messages[-1] == ("progress", "cues", 0, 1)


def test_a_child_whose_window_is_gone_ends_quietly(capfd: pytest.CaptureFixture[str]) -> None:
    """When the window's end of the pipe is closed (the window quit mid-run), the child
    stops at its next message without a traceback on stderr."""
    receiving, sending = multiprocessing.Pipe(duplex=False)
    receiving.close()
    job = make_job(Document("d", "قال الوزير إن «الوضع مستقر»."), ["cues", "claims"])
    child_main(job, sending)  # returns: nothing raised
    assert "Traceback" not in capfd.readouterr().err
