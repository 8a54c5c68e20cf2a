"""The tag set: the bundled default, project overrides, checks of documents against it."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import TagSetError
from annotator.model import Annotation, Document, Link
from annotator.tagset import default_tagset, load_tagset, tagset_for


def test_default_news_tagset() -> None:
    tagset = default_tagset()
    assert list(tagset.labels) == ["PER", "ORG", "LOC", "GPE", "MISC", "QUOTE", "CLAIM"]
    quote = tagset.get("QUOTE")
    assert quote.kind == "quote" and quote.attribute("type").values == ("direct", "indirect")
    assert quote.link("speaker").targets == ("PER", "ORG")
    claim = tagset.get("CLAIM")
    assert claim.link("claimant").targets == ("PER", "ORG")
    assert claim.attribute("checkworthy").values == ("yes", "no")
    assert tagset.get("PER").display_name("ar") == "شخص"
    assert len({spec.shortcut for spec in tagset}) == len(tagset)


def test_project_folder_overrides_the_default(tmp_path: Path) -> None:
    (tmp_path / "tagset.toml").write_text(
        'name = "sports"\n[[labels]]\nname = "TEAM"\nkind = "entity"\ncolor = "#112233"\n'
        'shortcut = "T"\n', encoding="utf-8")
    assert list(tagset_for(tmp_path).labels) == ["TEAM"]
    assert "PER" in tagset_for(tmp_path / "elsewhere")


@pytest.mark.parametrize("content, code", [
    ("name = ", "E117"),
    ("name='x'", "E103"),
    ('[[labels]]\nname = "A"\ncolor = "red"', "E107"),
    ('[[labels]]\nname = "A"\nshortcut="A"\n[[labels]]\nname = "B"\nshortcut="a"', "E108"),
    ('[[labels]]\nname = "A"\nlinks = [{role = "r", targets = ["NOPE"]}]', "E115"),
    ('[[labels]]\nname = "A"\ncolor = 3', "E101"),
])
def test_bad_tagsets_give_one_line_errors(tmp_path: Path, content: str, code: str) -> None:
    path = tmp_path / "tagset.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TagSetError) as caught:
        load_tagset(path)
    assert caught.value.code == code and caught.value.path == str(path)
    assert "\n" not in str(caught.value)


def test_unknown_labels_are_kept_and_reported() -> None:
    document = Document("d", "نص عربي طويل")
    document.annotate(0, 2, "BRAND_NEW")
    tagset = default_tagset()
    assert tagset.get("BRAND_NEW").known is False
    [problem] = tagset.problems(document)
    assert problem.code == "E120" and problem.params["labels"] == "BRAND_NEW"
    assert [a.label for a in document.annotations] == ["BRAND_NEW"]


def test_problems_check_attributes_and_link_targets() -> None:
    document = Document("d", "قال عمر إن المدينة آمنة")
    place = document.annotate(11, 18, "LOC")
    document.annotations.add(Annotation("q", 0, 23, "QUOTE", attributes={"type": "shouted"},
                                        links=(Link("speaker", place.id),)))
    problems = default_tagset().problems(document)
    assert [(p.code, p.params["id"]) for p in problems] == [("E122", "q"), ("E125", "q")]
    assert problems[1].params["targets"] == "PER/ORG" and problems[1].params["label"] == "LOC"


def test_gold_bookkeeping_attributes_are_not_reported() -> None:
    document = Document("d", "قال عمر")
    document.annotations.add(Annotation("gold.1", 4, 7, "PER", "lead", layer="gold",
                                        attributes={"agreement": "2/3", "annotators": "a b"}))
    assert default_tagset().problems(document) == []


def test_attribute_values_have_display_names_in_both_languages(tmp_path: Path) -> None:
    quote = default_tagset().get("QUOTE").attribute("type")
    assert quote.display_value("indirect", "ar") == "غير مباشر"
    assert quote.display_value("indirect", "en") == "indirect"
    assert quote.display_value("shouted", "ar") == "shouted"  # unnamed: shown as stored
    (tmp_path / "tagset.toml").write_text(
        '[[labels]]\nname = "Q"\n[[labels.attributes]]\nname = "t"\nvalues = ["a"]\n'
        'value_names = { b = { en = "B" } }\n', encoding="utf-8")
    with pytest.raises(TagSetError) as caught:
        load_tagset(tmp_path / "tagset.toml")
    assert caught.value.code == "E112"
