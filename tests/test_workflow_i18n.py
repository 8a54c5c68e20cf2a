"""The Arabic interface: the compiled catalogue matches its source and the app mirrors."""

from __future__ import annotations

import re

import pytest
from annotator_ui.i18n import (
    current_language,
    install_translator,
    resolve_language,
    system_language,
    translations_folder,
)
from lxml import etree
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

TS = translations_folder() / "annotator_ar.ts"
QM = translations_folder() / "annotator_ar.qm"
PLACEHOLDER = re.compile(r"%(?:\d+|[sdn])")


def catalogue() -> list[tuple[str, str, str | None]]:
    """(context, source, translation) for every message of the .ts file."""
    root = etree.parse(str(TS)).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") is None
            found.append((name, message.findtext("source") or "",
                          translation.text if finished else None))
    return found


def test_every_string_is_translated_and_keeps_its_placeholders() -> None:
    messages = catalogue()
    assert len(messages) > 150
    for context, source, translation in messages:
        assert translation, f"{context}: {source!r} has no Arabic translation"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), \
            f"{context}: {source!r} -> {translation!r} changes its placeholders"
        if "&" in source.replace("&&", ""):
            assert "&" in translation, f"{context}: {source!r} lost its keyboard mnemonic"


def test_compiled_catalogue_is_up_to_date_with_the_source(qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    for context, source, translation in catalogue():
        assert translator.translate(context, source) == translation, \
            f"annotator_ar.qm is stale for {context}: {source!r}; run " \
            "tools/update_translations.py"


def test_install_switches_language_and_direction(qapp) -> None:
    try:
        assert install_translator(qapp, "ar") == "ar"
        assert current_language() == "ar"
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert QCoreApplication.translate("MainWindow", "&File") == "&ملف"
        assert QCoreApplication.translate("SearchBar", "Ignore tashkeel") == "تجاهل التشكيل"
        assert QCoreApplication.translate("Project", "%1 of %2 done, %3 in progress") \
            .replace("%1", "12").replace("%2", "40").replace("%3", "5") \
            == "أُنجز 12 من 40، و5 قيد العمل"
        # Installing again replaces rather than stacks.
        install_translator(qapp, "ar")
        assert QCoreApplication.translate("MainWindow", "&Edit") == "&تحرير"
    finally:
        install_translator(qapp, "en")
    assert current_language() == "en"
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


@pytest.mark.parametrize(("locale", "expected"), [
    (QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt), "ar"),
    (QLocale(QLocale.Language.Arabic, QLocale.Country.SaudiArabia), "ar"),
    (QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom), "en"),
    (QLocale(QLocale.Language.French, QLocale.Country.France), "en"),
])
def test_system_language(locale: QLocale, expected: str) -> None:
    assert system_language(locale) == expected


def test_preference_wins_over_the_system() -> None:
    assert resolve_language("ar") == "ar"
    assert resolve_language("en") == "en"
    assert resolve_language("") == system_language()
    assert resolve_language("klingon") == system_language()
