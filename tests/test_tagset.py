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


@pytest.mark.parametrize("content, message", [
    ("name = ", "not valid TOML"),
    ("name='x'", "at least one"),
    ('[[labels]]\nname = "A"\ncolor = "red"', "colour"),
    ('[[labels]]\nname = "A"\nshortcut="A"\n[[labels]]\nname = "B"\nshortcut="a"', "already used"),
    ('[[labels]]\nname = "A"\nlinks = [{role = "r", targets = ["NOPE"]}]', "unknown labels"),
])
def test_bad_tagsets_give_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "tagset.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TagSetError, match=message) as caught:
        load_tagset(path)
    assert "\n" not in str(caught.value)


def test_unknown_labels_are_kept_and_reported() -> None:
    document = Document("d", "نص عربي طويل")
    document.annotate(0, 2, "BRAND_NEW")
    tagset = default_tagset()
    assert tagset.get("BRAND_NEW").known is False
    assert any("BRAND_NEW" in problem for problem in tagset.problems(document))
    assert [a.label for a in document.annotations] == ["BRAND_NEW"]


def test_problems_check_attributes_and_link_targets() -> None:
    document = Document("d", "قال عمر إن المدينة آمنة")
    place = document.annotate(11, 18, "LOC")
    document.annotations.add(Annotation("q", 0, 23, "QUOTE", attributes={"type": "shouted"},
                                        links=(Link("speaker", place.id),)))
    problems = default_tagset().problems(document)
    assert any("'shouted' is not one of direct, indirect" in p for p in problems)
    assert any("speaker must be PER/ORG, not LOC" in p for p in problems)


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
    with pytest.raises(TagSetError, match="not an allowed value"):
        load_tagset(tmp_path / "tagset.toml")
