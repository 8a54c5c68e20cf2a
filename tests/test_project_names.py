"""Project names: names accepted in some documents proposed in another."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.align import is_grapheme_boundary
from annotator.model import Document
from annotator.occurrences import candidates, key_table
from annotator.suggest.project_names import ProjectNames
from annotator.tei import save_tei
from annotator.wordindex import folded_words


def annotated(text: str, *spans: tuple[str, str], layer: str = "") -> Document:
    document = Document("seen", text)
    for name, label in spans:
        start = text.index(name)
        annotation = document.annotate(start, start + len(name), label)
        document.annotations.replace(annotation.with_changes(layer=layer))
    return document


def proposed(recommender: ProjectNames, text: str,
             document: Document | None = None) -> list[tuple[str, str, float]]:
    document = document or Document("new", text)
    return [(text[p.start:p.end], p.label, p.score) for p in recommender.propose(document)]


def test_a_name_is_proposed_with_proclitics_and_folding_and_its_majority_label() -> None:
    seen = [annotated("زار أحمد الرياض", ("الرياض", "GPE")),
            annotated("في الرياض اليوم", ("الرياض", "GPE")),
            annotated("نادي الرياض فاز", ("الرياض", "ORG"))]
    recommender = ProjectNames(seen)
    text = "ووصل إلى والرياض ثم الرياضة"
    assert proposed(recommender, text) == [("الرياض", "GPE", round(2 / 3 * 3 / 4, 3))]


def test_the_longer_name_wins_and_annotated_places_get_nothing() -> None:
    seen = [annotated("قال عبد الله بن زايد اليوم", ("عبد الله بن زايد", "PER"),
                      ("زايد", "PER"))]
    recommender = ProjectNames(seen)
    text = "التقى عبد الله بن زايد بالسفير. وزايد"
    assert [p[:2] for p in proposed(recommender, text)] == [
        ("عبد الله بن زايد", "PER"), ("زايد", "PER")]
    document = Document("new", text)
    document.annotate(text.index("وزايد") + 1, len(text), "LOC")
    assert [p[:2] for p in proposed(recommender, text, document)] == [
        ("عبد الله بن زايد", "PER")]


def test_quotes_claims_and_suggestions_are_not_names() -> None:
    seen = [annotated("قال إنه سيعود", ("إنه سيعود", "QUOTE")),
            annotated("زار دبي", ("دبي", "GPE"), layer="suggestion")]
    assert proposed(ProjectNames(seen), "إنه سيعود إلى دبي") == []


def test_from_a_project_folder(tmp_path: Path) -> None:
    save_tei(annotated("وصل وفد أرامكو", ("أرامكو", "ORG")), tmp_path / "a.tei.xml")
    (tmp_path / "broken.tei.xml").write_text("<TEI", encoding="utf-8")
    recommender = ProjectNames.from_folder(tmp_path)
    assert proposed(recommender, "أعلنت أرامكو أرباحها") == [("أرامكو", "ORG", 0.5)]


def test_a_place_covered_only_by_a_character_the_folding_skips_gets_nothing() -> None:
    recommender = ProjectNames([annotated("زار محمد دبي", ("محمد", "PER"))])
    text = "قال محـمد ومحمد"
    document = Document("new", text)
    document.annotate(text.index("ـ"), text.index("ـ") + 1, "LOC")  # the tatweel alone
    assert [(text[p.start:p.end], p.label) for p in recommender.propose(document)] == [
        ("محمد", "PER")]


def reference_places(recommender: ProjectNames, document: Document) -> list[tuple[int, int]]:
    """The rule of the module docstring written out: places longest (folded) first, then
    left to right; a place is kept unless a kept one holds one of its folded characters, an
    entity annotation one of its original characters, or it splits a grapheme."""
    text = document.text
    index = folded_words(text)
    found = index.found
    places = sorted(((len(key), at) for key, starts in candidates(
        index, key_table(recommender.names)).items() for at in starts),
        key=lambda place: (-place[0], place[1]))
    covered = {i for a in document.annotations if a.layer != "suggestion"
               and recommender.is_name_label(a.label) for i in range(a.start, a.end)}
    taken: set[int] = set()
    kept = []
    for length, at in places:
        if taken.intersection(range(at, at + length)):
            continue
        start, stop = found.span_of(at, at + length)
        if (covered.intersection(range(start, stop)) or not is_grapheme_boundary(text, start)
                or not is_grapheme_boundary(text, stop)):
            continue
        taken.update(range(at, at + length))
        kept.append((start, stop))
    return sorted(kept)


NAMES = ["محمد", "عبد الله", "الله", "دبي", "بن زايد", "زايد"]
PIECES = [*NAMES, "و", "ب", "ال", " ", " ", "،", "\u064e", "\u0651", "\u0640", "\u200f", "ة"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join),
       st.lists(st.tuples(st.integers(0, 200), st.integers(1, 6),
                          st.sampled_from(["PER", "LOC", "QUOTE"])), max_size=4))
def test_proposals_follow_the_rule_written_out(text: str, spans) -> None:
    recommender = ProjectNames([annotated("، ".join(NAMES), *((n, "PER") for n in NAMES))])
    document = Document("new", text)
    for start, length, label in spans:
        if start < len(text):
            document.annotate(start, min(start + length, len(text)), label)
    got = [(p.start, p.end) for p in recommender.propose(document)]
    assert got == reference_places(recommender, document)
    assert all(p.label == "PER" and p.score == 0.5 for p in recommender.propose(document))
