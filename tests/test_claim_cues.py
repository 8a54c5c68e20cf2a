"""Claim cues: hand-made sentences, one or two per rule, run through the real recommender."""

from __future__ import annotations

from annotator.model import Document
from annotator.suggest.claim_cues import ClaimCues
from annotator.suggest.proposal import Proposal


def claims(text: str, document: Document | None = None) -> list[Proposal]:
    document = document or Document("t", text)
    return [p for p in ClaimCues().propose(document) if p.label == "CLAIM"]


def test_a_percentage_with_a_comparison_is_a_claim_without_its_full_stop() -> None:
    text = "وارتفعت الصادرات بنسبة 12% مقارنة بالعام الماضي. وزار الوزير المدينة."
    [claim] = claims(text)
    assert text[claim.start:claim.end] == "وارتفعت الصادرات بنسبة 12% مقارنة بالعام الماضي"
    assert claim.score == 0.9 and claim.links == ()


def test_a_year_alone_is_no_figure() -> None:
    assert claims("وزار الوزير المدينة في عام 2015 برفقة الوفد.") == []


def test_a_figure_with_a_comparison_in_words() -> None:
    assert len(claims("وقتل أكثر من 30 شخصا في الهجوم.")) == 1


def test_attribution_names_the_claimant_proposed_as_an_organisation() -> None:
    text = "وتوفي ثلاثة أشخاص في الحادث، بحسب وزارة الصحة."
    proposals = ClaimCues().propose(Document("t", text))
    [claim] = [p for p in proposals if p.label == "CLAIM"]
    link = claim.links[0]
    assert (link.role, text[link.start:link.end], link.label) == (
        "claimant", "وزارة الصحة", "ORG")
    assert [(p.label, text[p.start:p.end]) for p in proposals if p.label == "ORG"] == [
        ("ORG", "وزارة الصحة")]


def test_attribution_after_naqlan_an_and_hasab_ma_dhakar() -> None:
    text = "وقتل 30 شخصا، نقلاً عن وكالة الأنباء الرسمية. وحسب ما ذكر ناظم، فإن النمو سيستمر."
    first, second = claims(text)
    assert text[first.links[0].start:first.links[0].end] == "وكالة الأنباء الرسمية"
    assert text[second.links[0].start:second.links[0].end] == "ناظم"


def test_an_existing_annotation_is_the_claimant() -> None:
    text = "وارتفع عدد الزوار إلى مليون زائر وفق هيئة السياحة السعودية."
    document = Document("t", text)
    org = document.annotate(text.index("هيئة"), len(text) - 1, "ORG")
    [claim] = claims(text, document)
    assert (claim.links[0].start, claim.links[0].end) == (org.start, org.end)
    assert not [p for p in ClaimCues().propose(document) if p.label == "ORG"]


def test_a_sentence_is_not_cut_inside_a_quotation() -> None:
    text = "وقال: «ارتفعت الأسعار. وانخفض الطلب بنسبة 5%». ثم غادر."
    [claim] = claims(text)
    assert text[claim.start:claim.end] == "وقال: «ارتفعت الأسعار. وانخفض الطلب بنسبة 5%»"
