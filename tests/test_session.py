"""The core edit session: one operation per user action, undo, listeners, saving; no Qt."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.edits import Change
from annotator.errors import AnnotatorError, ForeignLayerError
from annotator.layers import GOLD
from annotator.model import Annotation, Document, Link
from annotator.session import DONE, IN_PROGRESS, EditSession
from annotator.tagset import default_tagset
from annotator.tei import load_tei, save_tei

TEXT = "قال الرئيس محمد علي إن «الوضع مستقر» وأضاف أن 30% من السكان بخير."


def make_session(annotator: str = "amira") -> EditSession:
    return EditSession(Document("d1", TEXT), tagset=default_tagset(), annotator=annotator)


def span_of(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def spanned(session: EditSession, annotation_id: str) -> tuple[int, int]:
    annotation = session.document.annotations[annotation_id]
    return annotation.start, annotation.end


def test_label_span_snaps_to_words_and_leaves_out_proclitics() -> None:
    session = make_session()
    start, end = span_of("وأضاف")
    found = session.label_span(start + 2, end - 1, "PER")  # a drag inside the word
    added = session.document.annotations[found.annotation_id]
    assert (added.start, added.end) == (start + 1, end)  # و left out, the word completed
    assert added.annotator == "amira" and not found.already
    exact = session.label_span(start + 2, end - 1, "ORG", exact=True)
    exact_one = session.document.annotations[exact.annotation_id]
    assert (exact_one.start, exact_one.end) == (start + 2, end - 1)


def test_label_span_twice_finds_the_first_and_relabels_the_current() -> None:
    session = make_session()
    start, end = span_of("محمد علي")
    first = session.label_span(start, end, "PER")
    again = session.label_span(start, end, "PER")
    assert again.already and again.annotation_id == first.annotation_id
    assert again.change.is_empty and len(session.document.annotations) == 1
    relabelled = session.label_span(start, end, "ORG", current=first.annotation_id)
    assert relabelled.annotation_id == first.annotation_id
    assert session.document.annotations[first.annotation_id].label == "ORG"
    assert len(session.document.annotations) == 1
    assert session.history.undo_text.startswith("Relabel")


def test_empty_selection_is_refused() -> None:
    with pytest.raises(AnnotatorError):
        make_session().label_span(4, 4, "PER")


def test_listeners_hear_each_change_and_its_inverse_on_undo() -> None:
    session = make_session()
    heard: list[Change] = []
    clean: list[bool] = []
    session.add_listener(heard.append)
    session.add_clean_listener(clean.append)
    start, end = span_of("الرئيس")
    found = session.label_span(start, end, "PER")
    assert [c.added[0].id for c in heard] == [found.annotation_id] and clean == [False]
    session.undo()
    assert heard[-1].removed[0].id == found.annotation_id and clean == [False, True]
    session.redo()
    assert heard[-1].added[0].id == found.annotation_id and clean[-1] is False
    assert session.is_modified


def test_a_run_of_nudges_is_one_undo_step_that_stops_at_the_saved_state(tmp_path: Path) -> None:
    session = make_session()
    start, end = span_of("الرئيس")
    found = session.label_span(start, end, "PER")
    for _ in range(3):
        session.nudge(found.annotation_id, "end", -1, "char")
    assert session.document.annotations[found.annotation_id].end == end - 3
    assert session.history.steps == 2
    session.save(tmp_path / "d1.tei.xml")
    session.nudge(found.annotation_id, "end", +1, "char")  # after a save: a new step
    assert session.history.steps == 3
    session.undo()
    assert not session.is_modified
    session.undo()
    assert session.document.annotations[found.annotation_id].end == end


def test_nudges_that_come_back_leave_no_step() -> None:
    session = make_session()
    start, end = span_of("الرئيس")
    found = session.label_span(start, end, "PER")
    session.nudge(found.annotation_id, "start", +1, "char")
    session.nudge(found.annotation_id, "start", -1, "char")
    assert session.history.steps == 1 and session.history.undo_text.startswith("Add")


def test_word_nudge_and_an_empty_result() -> None:
    session = make_session()
    start, end = span_of("محمد علي")
    found = session.label_span(start, end, "PER")
    session.nudge(found.annotation_id, "end", -1, "word")
    assert spanned(session, found.annotation_id) == span_of("محمد")
    with pytest.raises(AnnotatorError):
        session.nudge(found.annotation_id, "end", -1, "word")
    assert spanned(session, found.annotation_id) == span_of("محمد")


def test_a_group_that_fails_is_undone_and_listeners_hear_it() -> None:
    session = make_session()
    heard: list[Change] = []
    session.add_listener(heard.append)
    with pytest.raises(AnnotatorError), session.group("broken"):
        session.label_span(*span_of("الرئيس"), "PER")
        session.delete("nope")
    assert len(session.document.annotations) == 0 and not session.history.can_undo
    assert [bool(c.removed) for c in heard] == [False, True]
    assert not session.is_modified


def test_annotate_spans_is_one_step_and_skips_what_is_there() -> None:
    session = make_session()
    spans = [span_of("محمد"), span_of("الرئيس")]
    session.label_span(*spans[0], "PER")
    change = session.annotate_spans(spans, "PER")
    assert change is not None and len(change.added) == 1
    assert len(session.document.annotations) == 2
    session.undo()
    assert len(session.document.annotations) == 1


def test_links_are_checked_against_the_tag_set() -> None:
    session = make_session()
    quote = session.label_span(*span_of("«الوضع مستقر»"), "QUOTE", exact=True).annotation_id
    speaker = session.label_span(*span_of("محمد علي"), "PER").annotation_id
    place = session.label_span(*span_of("السكان"), "LOC").annotation_id
    session.link(quote, "speaker", speaker)
    with pytest.raises(AnnotatorError):
        session.link(quote, "speaker", place)
    session.delete(speaker)
    assert session.document.annotations[quote].links == ()
    session.undo()
    assert session.document.annotations[quote].link_targets("speaker") == [speaker]


def test_status_is_undoable_and_saved(tmp_path: Path) -> None:
    session = make_session()
    session.set_status(DONE)
    assert session.document.status == {"amira": DONE}
    session.undo()
    assert session.document.status == {}
    session.redo()
    path = session.save(tmp_path / "d1.tei.xml")
    assert load_tei(path).status == {"amira": DONE}


def test_saving_marks_in_progress_once_annotated(tmp_path: Path) -> None:
    session = make_session()
    session.label_span(*span_of("الرئيس"), "PER")
    session.save(tmp_path / "d1.tei.xml")
    assert session.document.status == {"amira": IN_PROGRESS}
    reopened = EditSession.open(tmp_path / "d1.tei.xml", annotator="amira")
    assert reopened.document == session.document and not reopened.is_modified
    assert reopened.path == str(tmp_path / "d1.tei.xml")


def test_a_failed_save_changes_nothing(tmp_path: Path) -> None:
    session = make_session()
    session.label_span(*span_of("الرئيس"), "PER")
    target = tmp_path / "missing" / "d1.tei.xml"
    with pytest.raises(OSError):
        session.save(target)
    assert session.document.status == {} and session.is_modified and session.path is None
    assert not target.exists()


def test_adjudication_through_the_session() -> None:
    document = Document("d1", TEXT)
    start, end = span_of("محمد علي")
    for name, label in (("a", "PER"), ("b", "PER"), ("c", "ORG")):
        document.annotations.add(Annotation(f"{name}1", start, end, label, name))
    session = EditSession(document, annotator="lead")
    session.accept("a1")
    gold = session.gold_at(start, end, "PER")
    assert gold is not None and gold.layer == GOLD and gold.annotator == "lead"
    assert set(gold.link_targets("source")) == {"a1", "b1"}
    own = session.add_gold(start, end, "ORG")
    assert own.after and session.gold_at(start, end, "ORG") is not None
    removed = session.reject_gold([a.id for a in document.annotations if a.layer == GOLD])
    assert removed is not None and not any(a.layer == GOLD for a in document.annotations)
    session.undo()
    assert session.gold_at(start, end, "ORG") is not None


OPERATIONS = st.lists(st.tuples(st.sampled_from(["label", "delete", "relabel", "nudge",
                                                 "note", "undo", "status"]),
                                st.integers(0, len(TEXT) - 1), st.integers(1, 12),
                                st.sampled_from(["PER", "ORG", "LOC"])), max_size=25)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPERATIONS)
def test_undo_all_gives_the_start_and_redoing_gives_the_end(operations: list) -> None:
    session = make_session()
    start_state = copy.deepcopy(session.document)
    for kind, position, length, label in operations:
        ids = sorted(session.document.annotations.ids())
        target = ids[position % len(ids)] if ids else None
        try:
            if kind == "label":
                session.label_span(position, min(position + length, len(TEXT)), label)
            elif kind == "undo":
                session.undo()
            elif kind == "status":
                session.set_status(label)
            elif target is None:
                continue
            elif kind == "delete":
                session.delete(target)
            elif kind == "relabel":
                session.relabel(target, label)
            elif kind == "nudge":
                session.nudge(target, "end" if length % 2 else "start", -1 if position % 2
                              else 1, "char")
            else:
                session.set_note(target, label)
        except AnnotatorError:
            pass
    end_state = copy.deepcopy(session.document)
    steps = session.history.steps
    while session.undo() is not None:
        pass
    assert session.document == start_state and session.document.status == start_state.status
    for _ in range(steps):
        session.redo()
    assert session.document == end_state and session.document.status == end_state.status


def test_save_of_a_session_writes_what_a_plain_save_writes(tmp_path: Path) -> None:
    session = make_session()
    session.label_span(*span_of("الرئيس"), "PER")
    session.save(tmp_path / "a.tei.xml")
    session.label_span(*span_of("السكان"), "LOC")
    session.save(tmp_path / "a.tei.xml")
    save_tei(session.document, tmp_path / "b.tei.xml", tagset=session.tagset)
    assert (tmp_path / "a.tei.xml").read_bytes() == (tmp_path / "b.tei.xml").read_bytes()


def colleague_document() -> tuple[Document, str, str]:
    """A document that "sample" annotated: a quote with its speaker."""
    document = Document("d1", TEXT)
    quote = document.annotate(*span_of("«الوضع مستقر»"), "QUOTE", annotator="sample")
    speaker = document.annotate(*span_of("محمد علي"), "PER", annotator="sample")
    document.annotations.replace(quote.with_changes(links=(Link("speaker", speaker.id),)))
    return document, quote.id, speaker.id


def test_editing_a_colleagues_layer_asks_first() -> None:
    document, _quote, speaker = colleague_document()
    session = EditSession(document, annotator="bob")
    with pytest.raises(ForeignLayerError) as raised:
        session.relabel(speaker, "ORG")
    assert raised.value.code == "E073" and raised.value.params["owner"] == "sample"
    assert document.annotations[speaker].label == "PER" and not session.is_modified
    session.label_span(*span_of("السكان"), "LOC")  # labelling afresh needs no choice
    assert session.is_modified


def test_correcting_a_colleagues_layer_copies_it_and_edits_the_copy() -> None:
    document, quote, speaker = colleague_document()
    originals = {a.id: a for a in document.annotations}
    session = EditSession(document, annotator="bob")
    session.layer_choice = "correct"
    session.relabel(speaker, "ORG")
    assert all(document.annotations[i] == a for i, a in originals.items())  # theirs intact
    quote_copy, speaker_copy = session.copy_of(quote), session.copy_of(speaker)
    assert quote_copy and speaker_copy
    copied = document.annotations[quote_copy]
    assert copied.annotator == "bob" and Link("source", quote) in copied.links
    assert Link("speaker", speaker_copy) in copied.links  # the link follows the copies
    assert document.annotations[speaker_copy].label == "ORG"
    session.nudge(speaker, "end", -1, "char")  # the next edit: no second copy
    assert len(document.annotations) == 4
    session.undo()
    session.undo()  # the copy and the relabel were one step
    assert {a.id for a in document.annotations} == set(originals)


def test_a_layer_of_ones_own_leaves_the_colleagues_alone() -> None:
    document, _quote, speaker = colleague_document()
    session = EditSession(document, annotator="bob")
    session.layer_choice = "own"
    with pytest.raises(AnnotatorError) as raised:
        session.delete(speaker)
    assert raised.value.code == "E074" and speaker in document.annotations
    found = session.label_span(*span_of("محمد علي"), "PER")
    assert document.annotations[found.annotation_id].annotator == "bob"


def test_gold_and_unattributed_annotations_are_edited_in_place() -> None:
    document = Document("d1", TEXT)
    loose = document.annotate(*span_of("الرئيس"), "PER")
    start, end = span_of("السكان")
    gold = Annotation("gold.1", start, end, "LOC", "lead", layer=GOLD)
    document.annotations.add(gold)
    session = EditSession(document, annotator="bob")
    session.relabel(loose.id, "ORG")
    session.relabel(gold.id, "GPE")
    assert document.annotations[loose.id].label == "ORG"
    assert document.annotations[gold.id].label == "GPE"
