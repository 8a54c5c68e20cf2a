"""Quote cues: hand-made sentences, one or two per rule, run through the real recommender."""

from __future__ import annotations

from pathlib import Path

from annotator.model import Document
from annotator.suggest.cues import cue_labels, find_cues, parse_reporting_verbs, reporting_verbs
from annotator.suggest.proposal import Proposal
from annotator.suggest.quote_cues import QuoteCues
from annotator.tagset import default_tagset, tagset_from_dict


def quotes(text: str, document: Document | None = None) -> list[Proposal]:
    document = document or Document("t", text)
    return [p for p in QuoteCues().propose(document) if p.label == "QUOTE"]


def spoken(text: str, proposal: Proposal) -> str:
    link = proposal.links[0]
    return text[link.start:link.end]


def test_direct_quote_after_verb_and_colon_with_speaker_proposed() -> None:
    text = "وقال وزير الخارجية: «إن المفاوضات ستستمر حتى النهاية»."
    [quote] = quotes(text)
    assert text[quote.start:quote.end] == "إن المفاوضات ستستمر حتى النهاية"
    assert quote.attributes == {"type": "direct"}
    assert spoken(text, quote) == "وزير الخارجية"
    speaker = [p for p in QuoteCues().propose(Document("t", text)) if p.label == "PER"]
    assert [text[p.start:p.end] for p in speaker] == ["وزير الخارجية"]
    assert quote.links[0].label == "PER"


def test_direct_quote_with_the_verb_after_it() -> None:
    text = "«سنواصل العمل مع شركائنا في المنطقة»، قال المتحدث باسم الحكومة."
    [quote] = quotes(text)
    assert text[quote.start:quote.end] == "سنواصل العمل مع شركائنا في المنطقة"
    assert spoken(text, quote).startswith("المتحدث")


def test_a_short_name_in_quotation_marks_is_no_quote() -> None:
    assert quotes("وأكدت «داعش» هجومها على المدينة.") == []


def test_indirect_quote_runs_from_the_complementizer_to_the_sentence_end() -> None:
    text = "وأكّد الوزير أنّ الحكومة ستدعم المزارعين هذا العام. وفي سياق آخر ارتفعت الأسعار."
    [quote] = quotes(text)
    assert text[quote.start:quote.end] == "أنّ الحكومة ستدعم المزارعين هذا العام"
    assert quote.attributes == {"type": "indirect"}
    assert spoken(text, quote) == "الوزير"


def test_indirect_quote_stops_before_the_next_participle_and_keeps_the_speaker() -> None:
    text = ("وقال العميد صادق سرحان إن الجيش يتقدم في كل الجبهات، مشيراً إلى أنها معركة "
            "طويلة.")
    first, second = quotes(text)
    assert text[first.start:first.end] == "إن الجيش يتقدم في كل الجبهات"
    assert text[second.start:second.end] == "أنها معركة طويلة"
    assert spoken(text, first) == spoken(text, second) == "صادق سرحان"


def test_fused_pronoun_and_proclitic_verb() -> None:
    text = "فأضافت المنظمة بأنها لن تنسحب من الاتفاق."
    [quote] = quotes(text)
    assert text[quote.start:quote.end] == "أنها لن تنسحب من الاتفاق"


def test_an_existing_person_annotation_is_the_speaker_and_an_addressee_is_not() -> None:
    text = "وكشف المدير عمر أبو ليلى لـ«البيان» أن القيادات غادرت المنطقة."
    document = Document("t", text)
    person = document.annotate(text.index("عمر"), text.index(" لـ"), "PER")
    document.annotate(text.index("البيان"), text.index("»"), "ORG")
    [quote] = quotes(text, document)
    link = quote.links[0]
    assert (link.start, link.end, link.label) == (person.start, person.end, "PER")


def test_the_narrators_yudhkar_is_no_quote() -> None:
    assert quotes("يذكر أن المشروع بدأ قبل عامين.") == []


def test_a_quotation_inside_an_indirect_quote_is_part_of_it() -> None:
    text = "وقال الرئيس إن الاتهامات «لا أساس لها من الصحة» أبداً."
    [quote] = quotes(text)
    assert quote.attributes == {"type": "indirect"}
    assert text[quote.start:quote.end].startswith("إن الاتهامات «لا أساس")


def test_verbs_are_matched_in_their_inflections_with_folding() -> None:
    verbs = reporting_verbs()
    text = "قالت ويقولون وأكّدوا مؤكدةً تؤكد أوضحا"
    found = [(text[c.start:c.end], c.base) for c in find_cues(text, verbs)]
    assert found == [("قالت", "قال"), ("يقولون", "قال"), ("أكّدوا", "أكد"),
                     ("مؤكدةً", "أكد"), ("تؤكد", "أكد")]  # no dual past: أوضحا is an adverb


def test_a_project_adds_its_own_verbs(tmp_path: Path) -> None:
    (tmp_path / "reporting_verbs.txt").write_text("# ours\nهمس يهمس هامس\n", encoding="utf-8")
    text = "وهمست الموظفة أن المدير سيستقيل غداً."
    assert quotes(text) == []
    [quote] = [p for p in QuoteCues.for_project(tmp_path).propose(Document("t", text))
               if p.label == "QUOTE"]
    assert text[quote.start:quote.end] == "أن المدير سيستقيل غداً"


def test_parse_reporting_verbs_generates_inflections_and_exclusions() -> None:
    words = parse_reporting_verbs("قال يقول قائل\n- - - رأت\n! يذكر\n")
    assert {"قال", "قالت", "قالوا", "يقول", "تقولون", "قائلا", "قائله", "رات"} <= set(words.forms)
    assert words.excluded == {"يذكر"}


def test_labels_come_from_the_tag_set_by_kind() -> None:
    assert cue_labels(default_tagset()).quote == "QUOTE"
    tagset = tagset_from_dict({"labels": [
        {"name": "Person", "kind": "entity"},
        {"name": "Said", "kind": "quote",
         "links": [{"role": "speaker", "targets": ["Person"]}],
         "attributes": [{"name": "form", "values": ["direct", "indirect"]}]}]})
    labels = cue_labels(tagset)
    assert (labels.quote, labels.person, labels.quote_type) == ("Said", "Person", "form")
    text = "وقال الوزير إن الاجتماع انتهى."
    [quote] = [p for p in QuoteCues(tagset).propose(Document("t", text)) if p.label == "Said"]
    assert quote.attributes == {"form": "indirect"}
    assert quote.links[0].label == "Person"
