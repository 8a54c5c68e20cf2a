"""Project names: names accepted in some documents proposed in another."""

from __future__ import annotations

from pathlib import Path

from annotator.model import Document
from annotator.suggest.project_names import ProjectNames
from annotator.tei import save_tei


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
