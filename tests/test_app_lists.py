"""Lists inside captions are separated the way each interface language writes them."""

from __future__ import annotations

from annotator_ui.evidence_text import evidence_text
from annotator_ui.i18n import install_translator, joined
from PySide6.QtWidgets import QApplication

from annotator.suggest.evidence import claim_kinds


def test_lists_take_the_arabic_comma_in_arabic(qapp: QApplication) -> None:
    try:
        install_translator(qapp, "ar")
        assert joined(["قرائن الاقتباس", "أسماء المشروع"]) == "قرائن الاقتباس، أسماء المشروع"
        shown = evidence_text(claim_kinds({"figure", "percent"}))
        assert "، " in shown and ", " not in shown
    finally:
        install_translator(qapp, "en")
    assert joined(["Quote cues", "Project names"]) == "Quote cues, Project names"
    assert joined([]) == ""
