"""The suggestion layer in the core: storing proposals, accepting and rejecting them through
the edit session (undoable), their TEI form, and every other layer rule leaving them out."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from annotator.adjudicate import decision_points, is_merged
from annotator.corpus import read_source
from annotator.edits import Change
from annotator.errors import AnnotatorError
from annotator.formats import ExportOptions
from annotator.formats.conll import export_selection
from annotator.layers import (
    GOLD,
    SCORE,
    STATUS,
    SUGGESTION,
    layer_names,
    select_layer,
    without_suggestions,
)
from annotator.model import Annotation, Document, Link
from annotator.schema import profile
from annotator.session import EditSession
from annotator.suggest.proposal import Proposal, ProposedLink
from annotator.suggest.store import store_proposals
from annotator.suggest.suggestions import ACCEPTED, REJECTED, suggestion_of
from annotator.tagset import default_tagset
from annotator.tei import load_tei, save_tei, tei_bytes
from annotator.tei_read import read_tei_bytes

TEXT = "قال الرئيس محمد علي إن «الوضع مستقر» وأضاف أن 30% من السكان بخير."


def span_of(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def proposal(word: str, label: str, score: float = 0.8, recommender: str = "cues",
             **extra: object) -> Proposal:
    start, end = span_of(word)
    return Proposal(start, end, label, score, recommender, **extra)  # type: ignore[arg-type]


def speaker_of(word: str, label: str = "PER") -> ProposedLink:
    start, end = span_of(word)
    return ProposedLink("speaker", start, end, label)


def make_session(annotator: str = "amira") -> EditSession:
    return EditSession(Document("d1", TEXT), tagset=default_tagset(), annotator=annotator)


def suggestion_at(session: EditSession, word: str, label: str) -> Annotation:
    start, end = span_of(word)
    return next(a for a in session.document.annotations
                if a.layer == SUGGESTION and (a.start, a.end, a.label) == (start, end, label))


def quote_run() -> list[Proposal]:
    """A quote whose speaker is another proposal of the same run."""
    return [proposal("محمد علي", "PER", 0.9),
            proposal("«الوضع مستقر»", "QUOTE", 0.7, attributes={"type": "direct"},
                     links=(speaker_of("محمد علي"),), evidence="قال")]


# -- storing -------------------------------------------------------------------------------

def test_stored_proposals_are_suggestions_with_score_evidence_and_links() -> None:
    session = make_session()
    change = session.store_suggestions(quote_run())
    assert len(change.added) == 2 and session.history.undo_text == "Suggestions from cues"
    person = suggestion_at(session, "محمد علي", "PER")
    quote = suggestion_at(session, "«الوضع مستقر»", "QUOTE")
    assert person.annotator == "cues" and person.attributes[SCORE] == "0.9"
    assert quote.attributes == {"type": "direct", SCORE: "0.7", "evidence": "قال"}
    assert quote.links == (Link("speaker", person.id),)
    listed = session.open_suggestions()
    assert [(s.id, s.score, s.recommender) for s in listed] == [
        (person.id, 0.9, "cues"), (quote.id, 0.7, "cues")]
    assert listed[1].evidence == "قال"
    session.undo()
    assert len(session.document.annotations) == 0
    session.redo()
    assert len(session.open_suggestions()) == 2


def test_scores_are_stored_clamped_with_the_evidence_and_no_status() -> None:
    words = ["قال", "الرئيس", "محمد", "علي", "الوضع", "مستقر", "السكان", "بخير"]
    scores = [-0.0, float("nan"), -0.5, 0.0, 1.5, 0.123456, 0.123456, 0.5]
    proposals = [proposal(word, "MISC", score, evidence="same", attributes={"status": "x"})
                 for word, score in zip(words, scores, strict=True)]
    change = store_proposals(Document("d1", TEXT), proposals, annotator="amira")
    stored = {TEXT[a.start:a.end]: a.attributes for a in change.after}
    assert [stored[word][SCORE] for word in words] == [
        "0", "0", "0", "0", "1", "0.1235", "0.1235", "0.5"]
    assert all(attributes == {SCORE: attributes[SCORE], "evidence": "same"}
               for attributes in stored.values())  # a status proposed is never stored


def test_proposals_already_there_or_turned_down_are_skipped() -> None:
    session = make_session()
    session.label_span(*span_of("محمد علي"), "PER")
    session.store_suggestions([proposal("السكان", "LOC", recommender="project")])
    session.reject_suggestion(suggestion_at(session, "السكان", "LOC").id)
    session.store_suggestions([proposal("الرئيس", "PER", recommender="crf")])
    change = session.store_suggestions([
        proposal("محمد علي", "PER"),  # the annotator's own annotation
        proposal("السكان", "LOC"),  # rejected before (by another recommender's suggestion)
        proposal("الرئيس", "PER", 0.3),  # an open suggestion of another recommender
        proposal("الوضع", "MISC", 0.2), proposal("الوضع", "MISC", 0.6)])  # the higher kept
    assert [(a.label, a.attributes[SCORE]) for a in change.added] == [("MISC", "0.6")]


def test_identical_to_another_annotators_work_is_still_proposed() -> None:
    document = Document("d1", TEXT)
    document.annotate(*span_of("محمد علي"), "PER", annotator="bilal")
    change = store_proposals(document, [proposal("محمد علي", "PER")], annotator="amira")
    assert len(change.added) == 1
    gold_target = store_proposals(document, [proposal("محمد علي", "PER")], annotator="amira",
                                  gold=True)
    assert len(gold_target.added) == 1


def test_a_new_run_replaces_that_recommenders_open_suggestions() -> None:
    session = make_session()
    session.store_suggestions(quote_run())
    person = suggestion_at(session, "محمد علي", "PER")
    old_quote = suggestion_at(session, "«الوضع مستقر»", "QUOTE")
    session.store_suggestions([proposal("الرئيس", "PER", recommender="crf")])
    # the same span and label again keeps its id (and the quote's link to it); the quote
    # is not proposed again, so it goes
    session.store_suggestions([proposal("محمد علي", "PER", 0.95)])
    annotations = session.document.annotations
    assert annotations[person.id].attributes[SCORE] == "0.95"
    assert old_quote.id not in annotations
    assert suggestion_at(session, "الرئيس", "PER").annotator == "crf"  # another recommender
    # a run that found nothing clears that recommender's suggestions
    session.store_suggestions([], recommenders=["cues"])
    assert [s.recommender for s in session.open_suggestions()] == ["crf"]


def test_removed_suggestions_lose_the_links_to_them() -> None:
    session = make_session()
    session.store_suggestions([proposal("محمد علي", "PER", recommender="crf")])
    session.store_suggestions([proposal("«الوضع مستقر»", "QUOTE", recommender="cues",
                                        links=(speaker_of("محمد علي"),))])
    quote = suggestion_at(session, "«الوضع مستقر»", "QUOTE")
    person = suggestion_at(session, "محمد علي", "PER")
    assert quote.links == (Link("speaker", person.id),)  # another recommender's suggestion
    session.store_suggestions([], recommenders=["crf"])
    assert session.document.annotations[quote.id].links == ()
    session.undo()
    assert session.document.annotations[quote.id].links == (Link("speaker", person.id),)


def test_links_resolve_to_the_annotators_work_first_and_are_dropped_when_unknown() -> None:
    session = make_session()
    own = session.label_span(*span_of("محمد علي"), "PER").annotation_id
    session.store_suggestions([
        proposal("«الوضع مستقر»", "QUOTE", links=(speaker_of("محمد علي"),)),
        proposal("30% من السكان", "CLAIM", links=(speaker_of("الرئيس"),))])
    assert suggestion_at(session, "«الوضع مستقر»", "QUOTE").links == (Link("speaker", own),)
    assert suggestion_at(session, "30% من السكان", "CLAIM").links == ()


def test_a_proposal_outside_the_text_is_refused_and_nothing_changes() -> None:
    session = make_session()
    with pytest.raises(AnnotatorError):
        session.store_suggestions([Proposal(0, len(TEXT) + 5, "PER", 0.5, "cues")])
    assert len(session.document.annotations) == 0 and not session.history.can_undo



@pytest.mark.parametrize(("bad", "code"), [
    (Proposal(5, 5, "PER", 0.5, "cues"), "E002"),  # empty
    (Proposal(7, 5, "PER", 0.5, "cues"), "E003"),  # backwards
    (Proposal(-1, 5, "PER", 0.5, "cues"), "E004"),
    (Proposal(0.0, 5, "PER", 0.5, "cues"), "E001"),  # type: ignore[arg-type]
    (Proposal(0, 5, "PER", 0.5, "cues", evidence="\x01"), "E017"),
])
def test_a_bad_proposal_after_good_ones_with_the_same_strings_is_refused(
        bad: Proposal, code: str) -> None:
    """Suggestions sharing their label, recommender and attributes with one made before
    are not checked by the constructor again: what it would refuse is refused all the same."""
    session = make_session()
    good = [Proposal(start, start + 2, "PER", 0.5, "cues") for start in range(10, 30, 3)]
    with pytest.raises(AnnotatorError) as refused:
        session.store_suggestions([*good, bad])
    assert refused.value.code == code
    assert len(session.document.annotations) == 0 and not session.history.can_undo

# -- accepting and rejecting ---------------------------------------------------------------

def test_accepting_makes_the_annotators_own_annotation_and_remembers_the_recommender() -> None:
    session = make_session()
    session.store_suggestions(quote_run())
    person = suggestion_at(session, "محمد علي", "PER")
    change = session.accept_suggestion(person.id)
    assert isinstance(change, Change) and session.history.undo_text == "Accept suggested PER"
    made = change.added[0]
    assert (made.start, made.end, made.label) == (person.start, person.end, "PER")
    assert made.annotator == "amira" and made.layer == "" and made.attributes == {}
    assert made.links == (Link("source", person.id),)  # where it came from
    closed = session.document.annotations[person.id]
    assert closed.attributes[STATUS] == ACCEPTED and suggestion_of(
        session.document, made) == closed and closed.annotator == "cues"
    # the quote still open now points to the accepted person
    quote = suggestion_at(session, "«الوضع مستقر»", "QUOTE")
    assert quote.links == (Link("speaker", made.id),)
    accepted_quote = session.accept_suggestion(quote.id).added[0]
    assert accepted_quote.links == (Link("speaker", made.id), Link("source", quote.id))
    assert accepted_quote.attributes == {"type": "direct"}
    assert session.open_suggestions() == []
    assert default_tagset().problems(session.document) == []
    session.undo()
    session.undo()
    assert len(session.open_suggestions()) == 2
    assert [a.layer for a in session.document.annotations] == [SUGGESTION, SUGGESTION]


def test_accepting_a_quote_first_keeps_its_speaker_link_until_the_speaker_is_decided() -> None:
    session = make_session()
    session.store_suggestions(quote_run())
    person = suggestion_at(session, "محمد علي", "PER")
    suggested = suggestion_at(session, "«الوضع مستقر»", "QUOTE")
    source = Link("source", suggested.id)
    quote = session.accept_suggestion(suggested.id).added[0]
    assert quote.links == (Link("speaker", person.id), source)  # the open suggestion, for now
    made = session.accept_suggestion(person.id).added[0]
    assert session.document.annotations[quote.id].links == (Link("speaker", made.id), source)
    session.undo()
    assert session.document.annotations[quote.id].links == (Link("speaker", person.id), source)
    session.reject_suggestion(person.id)
    assert session.document.annotations[quote.id].links == (source,)
    assert select_layer(session.document, "amira").annotations[quote.id].links == ()


def test_accepting_snaps_like_labelling_and_remembers_the_original() -> None:
    session = make_session()
    start, end = span_of("وأضاف")
    session.store_suggestions([Proposal(start + 2, end - 1, "PER", 0.5, "crf")])
    [suggestion] = session.open_suggestions()
    made = session.accept_suggestion(suggestion.id).added[0]
    assert (made.start, made.end) == (start + 1, end)  # as label_span snaps a drag
    assert made.links == (Link("source", suggestion.id),)
    closed = session.document.annotations[suggestion.id]
    assert closed.attributes[STATUS] == ACCEPTED and session.open_suggestions() == []
    again = session.store_suggestions([Proposal(start + 2, end - 1, "PER", 0.5, "crf")])
    assert again.is_empty  # not proposed again


def test_accepting_with_another_label_follows_the_relabel_rules() -> None:
    session = make_session()
    session.store_suggestions(quote_run())
    quote = suggestion_at(session, "«الوضع مستقر»", "QUOTE")
    made = session.accept_suggestion(quote.id, label="CLAIM").added[0]
    assert made.label == "CLAIM"  # type: direct goes, CLAIM's default comes
    assert made.attributes == {"checkworthy": "yes"}
    assert made.links == (Link("source", quote.id),)  # CLAIM has no speaker
    assert session.document.annotations[quote.id].attributes[STATUS] == ACCEPTED
    assert not session.store_suggestions(quote_run()).added  # the quote is not proposed again
    relabelled = session.relabel(made.id, "QUOTE").after[0]
    assert relabelled.attributes == {"type": "direct"}
    assert relabelled.links == (Link("source", quote.id),)  # relabelling keeps provenance


def test_accepting_a_span_the_annotator_already_has_adds_only_the_links() -> None:
    session = make_session()
    session.snapping = False
    session.store_suggestions(quote_run())
    own = session.label_span(*span_of("«الوضع مستقر»"), "QUOTE").annotation_id
    quote = suggestion_at(session, "«الوضع مستقر»", "QUOTE")
    change = session.accept_suggestion(quote.id)
    assert change.added == () and change.removed == ()
    assert session.document.annotations[quote.id].attributes[STATUS] == ACCEPTED
    person = suggestion_at(session, "محمد علي", "PER")
    assert session.document.annotations[own].links == (Link("speaker", person.id),)


def test_rejected_suggestions_stay_hidden_and_are_never_proposed_again(tmp_path: Path) -> None:
    session = make_session()
    session.store_suggestions(quote_run())
    person = suggestion_at(session, "محمد علي", "PER")
    quote = suggestion_at(session, "«الوضع مستقر»", "QUOTE")
    change = session.reject_suggestion(person.id)
    assert session.history.undo_text == "Reject suggested PER"
    rejected = session.document.annotations[person.id]
    assert rejected.attributes[STATUS] == REJECTED and rejected.layer == SUGGESTION
    assert {a.id for a in change.after} == {person.id, quote.id}
    assert session.document.annotations[quote.id].links == ()
    assert [s.id for s in session.open_suggestions()] == [quote.id]
    assert select_layer(session.document, SUGGESTION).annotations.ids() == [quote.id]
    with pytest.raises(AnnotatorError, match="not an open suggestion"):
        session.accept_suggestion(person.id)
    with pytest.raises(AnnotatorError, match="not an open suggestion"):
        session.reject_suggestion(person.id)

    path = tmp_path / "d1.tei.xml"
    session.save(path)
    reopened = EditSession.open(path, annotator="amira")
    assert reopened.document == session.document
    assert reopened.store_suggestions([proposal("محمد علي", "PER", recommender="crf")]).is_empty
    assert [s.id for s in reopened.open_suggestions()] == [quote.id]
    reopened.undo()  # nothing was stored: nothing to undo
    assert reopened.document == session.document


def test_accept_all_of_one_label_above_a_score_is_one_undo_step() -> None:
    session = make_session()
    session.store_suggestions([
        proposal("محمد علي", "PER", 0.9), proposal("الرئيس", "PER", 0.4),
        proposal("السكان", "PER", 0.7), proposal("«الوضع مستقر»", "QUOTE", 0.95,
                                                 links=(speaker_of("محمد علي"),))])
    steps = session.history.steps
    change = session.accept_all("PER", min_score=0.5)
    assert change is not None and session.history.steps == steps + 1
    assert sorted(session.document.text[a.start:a.end] for a in change.added) == [
        "السكان", "محمد علي"]
    left = session.open_suggestions()
    assert [(s.label, s.score) for s in left] == [("PER", 0.4), ("QUOTE", 0.95)]
    person = next(a for a in change.added if a.label == "PER" and a.start == span_of("محمد علي")[0])
    assert left[1].annotation.links == (Link("speaker", person.id),)
    assert session.accept_all("LOC") is None
    session.undo()
    assert len(session.open_suggestions()) == 4
    session.redo()
    assert len(session.open_suggestions()) == 2


def test_next_and_previous_walk_the_open_suggestions_in_text_order() -> None:
    session = make_session()
    session.store_suggestions([proposal("محمد علي", "PER"), proposal("محمد", "PER", 0.5),
                               proposal("الرئيس", "PER"), proposal("السكان", "LOC")])
    president, mohammed_ali, mohammed, people = (
        suggestion_at(session, w, lab).id for w, lab in
        (("الرئيس", "PER"), ("محمد علي", "PER"), ("محمد", "PER"), ("السكان", "LOC")))
    assert session.next_suggestion(0).id == president  # type: ignore[union-attr]
    assert session.next_suggestion(span_of("محمد")[0]).id == mohammed_ali  # type: ignore[union-attr]
    assert session.next_suggestion(0, mohammed_ali).id == mohammed  # type: ignore[union-attr]
    assert session.next_suggestion(0, mohammed).id == people  # type: ignore[union-attr]
    assert session.next_suggestion(0, people) is None
    assert session.previous_suggestion(0, mohammed).id == mohammed_ali  # type: ignore[union-attr]
    assert session.previous_suggestion(len(TEXT)).id == people  # type: ignore[union-attr]
    assert session.previous_suggestion(span_of("محمد")[0]).id == president  # type: ignore[union-attr]
    assert session.previous_suggestion(0) is None
    session.reject_suggestion(mohammed)
    assert session.next_suggestion(0, mohammed_ali).id == people  # type: ignore[union-attr]


# -- the gold layer ------------------------------------------------------------------------

def merged_document() -> Document:
    document = Document("d1", TEXT)
    for name in ("amira", "bilal"):
        document.annotate(*span_of("محمد علي"), "PER", annotator=name, id=f"{name}.1")
    return document


def test_accepting_into_gold_makes_a_gold_annotation_and_adjudication_ignores_suggestions(
        ) -> None:
    session = EditSession(merged_document(), tagset=default_tagset(), annotator="layla")
    points = decision_points(session.document)
    session.store_suggestions([*quote_run(), proposal("الرئيس", "PER", 0.6)], gold=True)
    assert decision_points(session.document) == points  # suggestions are no one's reading
    person = suggestion_at(session, "محمد علي", "PER")
    made = next(a for a in session.accept_suggestion(person.id, gold=True).after
                if a.layer == GOLD)
    assert made.annotator == "layla"
    assert made.links == (Link("source", "amira.1"), Link("source", "bilal.1"),
                          Link("source", person.id))
    assert all(point.decided for point in decision_points(session.document))
    quote = session.accept_suggestion(
        suggestion_at(session, "«الوضع مستقر»", "QUOTE").id, gold=True).added[0]
    assert quote.layer == GOLD and Link("speaker", made.id) in quote.links
    # in gold, a span the gold layer has is not proposed again
    assert session.store_suggestions([proposal("محمد علي", "PER", recommender="crf")],
                                     gold=True).is_empty
    session.undo()
    session.undo()
    assert not any(a.layer == GOLD for a in session.document.annotations)


def test_suggestions_are_no_annotators_work() -> None:
    document = Document("d1", TEXT)
    document.annotate(*span_of("محمد علي"), "PER", annotator="amira")
    assert not is_merged(document)
    Change("store", (), store_proposals(document, quote_run(), annotator="amira").after
           ).apply(document)
    assert not is_merged(document)
    assert layer_names(document) == ["amira", SUGGESTION]
    assert [a.label for a in select_layer(document).annotations] == ["PER"]
    assert [a.label for a in select_layer(document, "cues").annotations] == []
    [quote] = select_layer(document, SUGGESTION).annotations  # the PER is amira's already
    assert quote.label == "QUOTE" and quote.links == ()  # the speaker is not in the copy
    assert [a.label for a in without_suggestions(document).annotations] == ["PER"]
    assert [a.label for a in export_selection(document, ExportOptions()).annotations] == [
        "PER"]


def test_merge_reads_no_suggestions(tmp_path: Path) -> None:
    session = make_session()
    session.label_span(*span_of("محمد علي"), "PER")
    session.store_suggestions(quote_run())
    path = tmp_path / "d1.tei.xml"
    session.save(path)
    [found] = read_source(path).annotator_sets()
    assert found.annotator == "amira" and [a.label for a in found.annotations] == ["PER"]


# -- the file ------------------------------------------------------------------------------

def stored_document() -> Document:
    session = make_session()
    session.label_span(*span_of("الرئيس"), "PER")
    session.store_suggestions([*quote_run(), proposal("السكان", "LOC", 0.25),
                               proposal("بخير", "MISC", 0.5)])
    session.reject_suggestion(suggestion_at(session, "السكان", "LOC").id)
    session.accept_suggestion(suggestion_at(session, "بخير", "MISC").id)
    return session.document


def test_suggestions_are_written_as_their_own_list_and_read_back(tmp_path: Path) -> None:
    document = stored_document()
    data = tei_bytes(document, tagset=default_tagset())
    root = etree.fromstring(data)
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    [listed] = root.findall(".//tei:listAnnotation[@type='suggestion']", ns)
    assert listed.get("resp") == "#resp.cues"
    assert len(listed.findall("tei:annotation", ns)) == 4
    [accepted] = root.findall(".//tei:listAnnotation[@type='annotator']/tei:annotation"
                              "[tei:ptr]", ns)  # the MISC accepted, with its source link
    assert accepted.find("tei:ptr", ns).get("type") == "source"
    assert profile().validate(etree.ElementTree(root)), profile().error_log
    path = tmp_path / "d.tei.xml"
    save_tei(document, path)
    assert load_tei(path) == document


def test_validate_accepts_a_file_with_suggestions(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from cli_runner import run

    path = tmp_path / "d.tei.xml"
    save_tei(stored_document(), path)
    status, _, err = run(capsys, "validate", path)
    assert status == 0, err
    assert "warning" not in err  # score, evidence, status are not tag-set attributes


@pytest.mark.shared
def test_a_file_with_suggestions_is_valid_tei_all(tei_schema) -> None:  # type: ignore[no-untyped-def]
    tree = etree.ElementTree(etree.fromstring(tei_bytes(stored_document())))
    assert tei_schema.validate(tree), tei_schema.error_log


_WORDS = [span_of(w) for w in ("قال", "الرئيس", "محمد علي", "محمد", "«الوضع مستقر»",
                               "وأضاف", "30%", "السكان", "بخير")]
_PROPOSALS = st.lists(st.builds(
    lambda span, label, score, name, linked, evidence: Proposal(
        span[0], span[1], label, score, name,
        links=((ProposedLink("speaker", linked[0][0], linked[0][1], linked[1]),) if linked
               else ()),
        evidence=evidence),
    st.sampled_from(_WORDS), st.sampled_from(["PER", "QUOTE", "X-Y"]),
    st.floats(0, 1), st.sampled_from(["cues", "crf", "a b"]),
    st.none() | st.tuples(st.sampled_from(_WORDS), st.sampled_from(["PER", "QUOTE"])),
    st.text(alphabet="قال«»&<\" \t", max_size=5)), max_size=12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PROPOSALS, _PROPOSALS, st.lists(st.tuples(st.booleans(), st.integers(0, 20)),
                                        max_size=6))
def test_random_runs_and_decisions_round_trip_and_undo(first: list[Proposal],
                                                       second: list[Proposal],
                                                       decisions: list[tuple[bool, int]]
                                                       ) -> None:
    session = make_session()
    session.label_span(*span_of("محمد علي"), "PER")
    start = tei_bytes(session.document)
    session.store_suggestions(first)
    for accept, number in decisions:
        listed = session.open_suggestions()
        if listed:
            chosen = listed[number % len(listed)].id
            if accept:
                session.accept_suggestion(chosen)
            else:
                session.reject_suggestion(chosen)
    session.store_suggestions(second)
    document = session.document
    opened = [(s.start, s.end, s.label) for s in session.open_suggestions()]
    closed = {(a.start, a.end, a.label) for a in document.annotations
              if a.layer == SUGGESTION and STATUS in a.attributes}
    assert len(opened) == len(set(opened)) and not closed & set(opened)
    assert not document.annotations.dangling_links()
    data = tei_bytes(document)
    assert profile().validate(etree.ElementTree(etree.fromstring(data)))
    assert read_tei_bytes(data, "random.tei.xml").document == document
    while session.history.steps > 1:  # all but the labelling
        session.undo()
    assert tei_bytes(session.document) == start


def test_export_leaves_suggestions_out_unless_asked(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from cli_runner import run

    path = tmp_path / "d1.tei.xml"
    save_tei(stored_document(), path)
    status, _, err = run(capsys, "export", path, "-o", tmp_path / "all.jsonl", "--format",
                         "jsonl")
    assert status == 0, err
    line = json.loads((tmp_path / "all.jsonl").read_text(encoding="utf-8"))
    assert sorted(span["label"] for span in line["spans"]) == ["MISC", "PER"]
    status, _, err = run(capsys, "export", path, "-o", tmp_path / "suggested.jsonl",
                         "--format", "jsonl", "--layer", "suggestion")
    assert status == 0 and "warning" not in err, err
    line = json.loads((tmp_path / "suggested.jsonl").read_text(encoding="utf-8"))
    assert sorted(span["label"] for span in line["spans"]) == ["PER", "QUOTE"]  # not the LOC
    for fmt, out in (("brat", tmp_path / "brat"), ("conll", tmp_path / "d.conll")):
        assert run(capsys, "export", path, "-o", out, "--format", fmt)[0] == 0
    assert "LOC" not in (tmp_path / "brat" / "d1.ann").read_text(encoding="utf-8")
    assert "QUOTE" not in (tmp_path / "brat" / "d1.ann").read_text(encoding="utf-8")


def test_accept_all_is_the_changes_of_its_step_chained() -> None:
    session = make_session()
    session.store_suggestions([*quote_run(), proposal("السكان", "PER", 0.7)])
    change = session.accept_all()
    step = session.undo()
    assert change is not None and step is not None and len(step.changes) == 3
    folded = step.changes[0]
    for later in step.changes[1:]:
        folded = folded.followed_by(later)
    def by_id(annotations: tuple[Annotation, ...]) -> dict[str, Annotation]:
        return {a.id: a for a in annotations}

    assert by_id(change.before) == by_id(folded.before)
    assert by_id(change.after) == by_id(folded.after)


def test_stats_count_open_suggestions_as_a_layer_and_no_recommender_as_an_annotator(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from cli_runner import run

    path = tmp_path / "d1.tei.xml"
    save_tei(stored_document(), path)
    status, out, err = run(capsys, "stats", path, "--json")
    assert status == 0, err
    found = json.dumps(json.loads(out))
    assert '"cues"' not in found and '"suggestion"' in found and '"LOC"' not in found


def test_an_accepted_suggestion_reads_like_the_same_span_drawn_by_hand() -> None:
    session = EditSession(Document("d1", TEXT), tagset=default_tagset(), annotator="amira")
    session.store_suggestions(quote_run())
    session.accept_all()
    session.annotator = "bilal"
    person = session.label_span(*span_of("محمد علي"), "PER").annotation_id
    quote = session.label_span(*span_of("«الوضع مستقر»"), "QUOTE").annotation_id
    session.link(quote, "speaker", person)
    kinds = {kind for point in decision_points(session.document) for kind in point.kinds}
    assert kinds == {"gold"}  # no attribute, link or span disagreement: provenance is no reading
