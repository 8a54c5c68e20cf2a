"""A suggestion's evidence: written by each recommender from one template, read back to that
template and its fields (so the interface can say it in its own language), and shown in the
suggestions panel in Arabic when the interface is."""

from __future__ import annotations

from pathlib import Path

from annotator_ui.evidence_text import evidence_text
from annotator_ui.settings import Settings
from annotator_ui.suggestions_panel import SuggestionModel
from app_window import open_window
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.model import Annotation, Document
from annotator.suggest import evidence
from annotator.suggest.claim_cues import _WEIGHTS
from annotator.suggest.jobs import make_job, run_job
from annotator.suggest.registry import RecommenderSource, build_recommender
from annotator.tei import save_tei

ARTICLE = ("قال وزير الصحة محمد العلي «إن المستشفيات جاهزة لاستقبال الحجاج». "
           "وارتفع عدد الزوار بنسبة 20 في المئة هذا العام، بحسب وزارة الحج.\n"
           "وأكد محمد العلي أن الخطة تسير كما ينبغي في مكة المكرمة.")

fields = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)


@given(cue=fields, label=fields, count=st.integers(1, 99), total=st.integers(1, 99),
       score=fields, mean=fields, model=fields)
def test_each_template_reads_back_to_itself_and_its_fields(
        cue: str, label: str, count: int, total: int, score: str, mean: str,
        model: str) -> None:
    """Round trip: text made from a template reads back to that template and the same fields
    (a field may hold anything, the template's own words included)."""
    made = {
        evidence.SPEAKER_OF: {"cue": cue},
        evidence.NAMED_AFTER: {"cue": cue},
        evidence.PROJECT_NAME: {"label": label.replace(" ", "_"), "count": str(count),
                                "total": str(total)},
        evidence.CRF_SCORE: {"score": score.replace(":", ".")},
        evidence.MODEL_SCORE: {"label": label.replace(":", "."), "score": score.replace(" ", ""),
                               "mean": mean.replace(")", ""), "model": model},
        evidence.SPACY_UNSCORED: {"label": label.replace(":", ".")},
    }
    for template, values in made.items():
        found = evidence.read(template(**values))
        assert found is not None and found[0] is template
        assert found[1] == values


def test_what_the_recommenders_write_is_read_back() -> None:
    assert set(_WEIGHTS) == set(evidence.CLAIM_KINDS)  # each kind the claim cues weigh
    other = Document("other", "زار محمد العلي مكة المكرمة أمس.")
    other.annotations.add(Annotation("a1", 4, 14, "PER", "sara"))
    source = RecommenderSource(documents=[other])
    document = Document("article", ARTICLE)
    written = [p.evidence for name in ("cues", "claims", "project")
               for p in build_recommender(name, source).propose(document)]
    assert any(text.startswith("speaker of") for text in written)
    assert "PER 1 of 1 times in the project" in written
    for text in written:  # a template's, claim kinds, or a cue's own words (no Latin letters)
        assert evidence.read(text) is not None or evidence.read_claim_kinds(text) is not None \
            or not any("a" <= ch.lower() <= "z" for ch in text), text


def test_the_panel_shows_the_evidence_in_arabic(qtbot: QtBot, settings: Settings,
                                                tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    save_tei(Document("article", ARTICLE), root / "article.tei.xml")
    other = Document("other", "زار محمد العلي مكة المكرمة أمس.")
    other.annotations.add(Annotation("a1", 4, 14, "PER", "sara"))
    save_tei(other, root / "other.tei.xml")
    window = open_window(qtbot, root / "article.tei.xml")
    names = ["cues", "claims", "project"]
    document = window.document
    assert document is not None
    proposals = run_job(make_job(document, names, project=window.suggestions.project_folder()))
    window.editing_session(authoring=True).store_suggestions(  # type: ignore[union-attr]
        proposals, recommenders=names)
    model = window.suggestions.dock.model

    def shown() -> list[str]:
        return [model.data(model.index(row, SuggestionModel.EVIDENCE),
                           Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())]

    english = shown()
    assert any("times in the project" in text for text in english)
    try:
        window.apply_language("ar")
        arabic = shown()
        assert len(arabic) == len(english) and arabic != english
        for text in arabic:  # no English word left, only the label codes (PER) and digits
            words = [w for w in text.replace("\u2068", " ").replace("\u2069", " ").split()
                     if any("a" <= ch.lower() <= "z" for ch in w)]
            assert all(w.isupper() for w in words), text
    finally:
        window.apply_language("en")
    assert evidence_text("شيء آخر") == "شيء آخر"  # a cue's own words stay as they are
