"""Adjudication of links (quote → speaker) and attributes (direct/indirect): conflicts that
merging and the app count alike, versions to accept with Alt+N, and gold links carried over."""

from __future__ import annotations

from annotator import edits
from annotator.adjudicate import PointList, decision_points, waiting_links
from annotator.corpus import AnnotatorSet
from annotator.merge import MergeOptions, merge_sets
from annotator.model import Annotation, Document, Link
from annotator.session import EditSession

TEXT = "قال الوزير محمد إن شركة أرامكو في الرياض ستعلن النتائج غداً في مؤتمر صحفي."


def _word(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _quote(who: str, speaker: str | None, kind: str = "direct") -> Annotation:
    links = (Link("speaker", speaker),) if speaker else ()
    return Annotation("q", *_word("ستعلن النتائج"), "QUOTE", who, {"type": kind}, links)


def _merged(strategy: str = "majority") -> tuple[Document, list[str]]:
    """alice: the minister محمد speaks; bob: the company أرامكو speaks, and the quote is
    indirect; carol: محمد, but she left the speaker out."""
    alice = (Annotation("p", *_word("محمد"), "PER", "alice"),
             Annotation("o", *_word("أرامكو"), "ORG", "alice"), _quote("alice", "p"))
    bob = (Annotation("p", *_word("محمد"), "PER", "bob"),
           Annotation("o", *_word("أرامكو"), "ORG", "bob"), _quote("bob", "o", "indirect"))
    carol = (Annotation("p", *_word("محمد"), "PER", "carol"), _quote("carol", None))
    sets = [AnnotatorSet(name, found, name)
            for name, found in (("alice", alice), ("bob", bob), ("carol", carol))]
    result = merge_sets(Document("d", TEXT), sets, MergeOptions(strategy, lead="Layla"))
    return result.document, [f"{c.start} {'+'.join(c.kinds)}" for c in result.conflicts]


def test_link_and_attribute_disagreements_are_conflicts_in_merge_and_app_alike() -> None:
    document, reported = _merged()
    points = decision_points(document)
    assert [f"{p.start} {'+'.join(p.kinds)}" for p in points] == reported
    quote = next(p for p in points if p.start == _word("ستعلن")[0])
    assert set(quote.kinds) == {"attribute", "link"}
    # one version per reading, so Alt+1…Alt+3 choose the speaker and the type
    assert [(v.annotators, v.attributes, [x[0:3] for x in v.links]) for v in quote.versions] == [
        (("alice",), (("type", "direct"),), [("speaker", *_word("محمد"))]),
        (("bob",), (("type", "indirect"),), [("speaker", *_word("أرامكو"))]),
        (("carol",), (("type", "direct"),), [])]
    # gold took what two agreed on: type direct, and no speaker (1 each): carol's reading
    assert [v.in_gold for v in quote.versions] == [False, False, True] and quote.decided


def test_accepting_a_version_takes_its_link_and_attribute_and_undoes() -> None:
    document, _ = _merged()
    session = EditSession(document, annotator="Layla")
    quote = next(p for p in decision_points(document) if p.start == _word("ستعلن")[0])
    before = {a.id: a for a in document.annotations}
    session.accept(quote.versions[1].id)  # bob's: أرامكو speaks, indirectly
    gold = session.gold_at(*_word("ستعلن النتائج"), "QUOTE")
    assert gold is not None and gold.attributes["type"] == "indirect"
    org = session.gold_at(*_word("أرامكو"), "ORG")
    assert org is not None and gold.link_targets("speaker") == [org.id]
    point = next(p for p in decision_points(document) if p.start == _word("ستعلن")[0])
    assert point.decided and [v.in_gold for v in point.versions] == [False, True, False]
    session.accept(point.versions[0].id)  # alice's: the link moves to the gold PER
    gold = session.gold_at(*_word("ستعلن النتائج"), "QUOTE")
    per = session.gold_at(*_word("محمد"), "PER")
    assert gold is not None and per is not None
    assert gold.link_targets("speaker") == [per.id] and gold.attributes["type"] == "direct"
    session.undo()
    session.undo()
    assert {a.id: a for a in document.annotations} == before


def _unmerged_quote_first() -> Document:
    """Two annotators agree on the quote and its speaker; gold holds nothing yet."""
    document = Document("d", TEXT)
    for who in ("alice", "bob"):
        document.annotations.extend([
            Annotation(f"{who}.p", *_word("محمد"), "PER", who),
            Annotation(f"{who}.q", *_word("ستعلن النتائج"), "QUOTE", who, {"type": "direct"},
                       (Link("speaker", f"{who}.p"),))])
    return document


def test_a_quote_accepted_before_its_speaker_waits_and_gets_the_link_when_it_comes() -> None:
    document = _unmerged_quote_first()
    session = EditSession(document, annotator="Layla")
    before = {a.id: a for a in document.annotations}
    session.accept("alice.q")
    quote = session.gold_at(*_word("ستعلن النتائج"), "QUOTE")
    assert quote is not None and quote.link_targets("speaker") == []
    # flagged: the link waits for محمد, and the quote is not decided while it does
    assert [(role, target.id) for role, target in waiting_links(document, quote)] == [
        ("speaker", "alice.p")]
    point = next(p for p in decision_points(document) if quote in p.gold)
    assert point.kinds == ("gold",) and not point.decided
    change = session.accept("bob.p")  # the speaker: the quote's link is completed with it
    per = session.gold_at(*_word("محمد"), "PER")
    quote = session.gold_at(*_word("ستعلن النتائج"), "QUOTE")
    assert per is not None and quote is not None
    assert quote.link_targets("speaker") == [per.id]
    assert quote in change.after and waiting_links(document, quote) == []
    assert decision_points(document) == []
    session.undo()  # one step: the speaker and the completed link go together
    quote = session.gold_at(*_word("ستعلن النتائج"), "QUOTE")
    assert quote is not None and quote.link_targets("speaker") == []
    assert session.gold_at(*_word("محمد"), "PER") is None
    session.redo()
    assert session.gold_at(*_word("ستعلن النتائج"), "QUOTE").link_targets("speaker")  # type: ignore[union-attr]
    session.undo()
    session.undo()
    assert {a.id: a for a in document.annotations} == before


def test_a_speaker_accepted_first_is_linked_at_once() -> None:
    document = _unmerged_quote_first()
    session = EditSession(document, annotator="Layla")
    session.accept("alice.p")
    session.add_gold(*_word("ستعلن النتائج"), "QUOTE", attributes={"type": "direct"})
    quote = session.gold_at(*_word("ستعلن النتائج"), "QUOTE")
    per = session.gold_at(*_word("محمد"), "PER")
    assert quote is not None and per is not None
    # the lead's own reading takes no links; the speaker is there to be set by hand
    assert quote.link_targets("speaker") == []
    session.accept("bob.q")
    quote = session.gold_at(*_word("ستعلن النتائج"), "QUOTE")
    assert quote is not None and quote.link_targets("speaker") == [per.id]


def test_recount_after_an_edit_of_a_link_target_refreshes_the_quote() -> None:
    document, _ = _merged("union")
    points = PointList(document)
    change = edits.resize(document, annotation_id="carol.p", start=_word("محمد")[0],
                          end=_word("محمد")[1] - 1)
    change.apply(document)
    spans = [*change.before, *change.after]
    points.update(document, min(a.start for a in spans), max(a.end for a in spans), change)
    assert points.points == decision_points(document)
