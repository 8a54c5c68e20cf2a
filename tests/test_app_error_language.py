"""Core errors in the interface language: every catalogue template has its Arabic, and the
app shows an error in Arabic with its paths and ids kept in their own direction."""

from __future__ import annotations

from pathlib import Path
from string import Formatter

import pytest
from annotator_ui import settings as settings_module
from annotator_ui.autosave import RecoveryStore
from annotator_ui.i18n import (
    ERRORS_CONTEXT,
    FSI,
    PDI,
    error_message,
    install_translator,
    translations_folder,
)
from annotator_ui.mainwindow import MainWindow
from annotator_ui.settings import use_settings_folder
from lxml import etree
from PySide6.QtWidgets import QApplication

from annotator.error_catalogue import Errors, entries
from annotator.errors import SaveError, SpanError
from annotator.model import Document
from annotator.tei import save_tei

ARABIC_LETTER = range(0x0621, 0x064B)


def is_arabic(text: str) -> bool:
    return any(ord(ch) in ARABIC_LETTER for ch in text)


def parameters(template: str) -> list[tuple[str, str, str]]:
    """(name, conversion, format spec) of each field: a translation must keep them all."""
    return sorted((name, conversion or "", spec or "")
                  for _, name, spec, conversion in Formatter().parse(template)
                  if name is not None)


def arabic_errors() -> dict[str, str]:
    """source template -> finished Arabic translation, in the context Errors."""
    root = etree.parse(str(translations_folder() / "annotator_ar.ts")).getroot()
    found = {}
    for context in root.iter("context"):
        if context.findtext("name") != ERRORS_CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                found[message.findtext("source") or ""] = translation.text
    return found


def test_every_catalogue_entry_has_an_arabic_translation_with_its_parameters() -> None:
    translated = arabic_errors()
    for entry in entries():
        arabic = translated.get(entry.template)
        assert arabic, f"{entry.code} {entry.template!r} has no Arabic in annotator_ar.ts"
        assert parameters(arabic) == parameters(entry.template), \
            f"{entry.code}: the Arabic changes the parameters of {entry.template!r}"
        assert entry.code == "E000" or is_arabic(arabic), f"{entry.code}: not Arabic"


@pytest.fixture()
def arabic(qapp):
    assert install_translator(qapp, "ar") == "ar"
    yield qapp
    install_translator(qapp, "en")


def test_english_is_the_one_line_message(qapp) -> None:
    error = SpanError(Errors.E006, id="a1", start=3, end=90, length=20, path="x.tei.xml", line=4)
    assert error_message(error) == error.one_line()


def test_arabic_fills_the_translated_template_and_isolates_each_value(arabic) -> None:
    error = SpanError(Errors.E006, id="a1", start=3, end=90, length=20, path="/tmp/x.tei.xml",
                      line=4)
    shown = error_message(error)
    assert shown.startswith(f"{FSI}/tmp/x.tei.xml:4{PDI}: التعليق {FSI}a1{PDI}: ")
    assert f"{FSI}20{PDI} حرفًا" in shown and "annotation" not in shown
    free = SaveError("disk full", path="out.tei.xml")  # not in the catalogue yet: as given
    assert error_message(free) == f"{FSI}out.tei.xml{PDI}: {FSI}disk full{PDI}"


def test_the_app_in_arabic_reports_a_failed_recovery_copy_in_arabic(qtbot, arabic,
                                                                     tmp_path: Path) -> None:
    use_settings_folder(tmp_path / "settings")
    settings_module.reset_app_settings()
    settings_module.app_settings().annotator = "layla"
    try:
        article = tmp_path / "article.tei.xml"
        save_tei(Document("article", "قال الرئيس إن الاتفاق قريب.", title="خبر"), article)
        window = MainWindow()
        qtbot.addWidget(window)
        workflow = window.workflow
        recovery = tmp_path / "recovery"
        workflow.store = workflow.autosaver.store = RecoveryStore(recovery)
        window.open_path(article)
        workflow.autosaver.document_changed()
        copy = workflow.autosaver.flush()  # this window's copy ...
        copy.unlink()
        copy.mkdir()  # ... is now a folder where the file should go: the save fails (E606)
        with qtbot.wait_signal(workflow.autosaver.failed, timeout=5000) as failed:
            workflow.autosaver.document_changed()
            workflow.autosaver.flush()
        copy.rmdir()  # closing the window removes the copy, which must then be a file
        [message] = failed.args
        assert message.startswith(f"{FSI}{copy}{PDI}: فشل الحفظ")
        shown = window.statusBar().currentMessage()
        assert shown.startswith("لم تُكتب نسخة الاسترداد: ") and message in shown
        assert QApplication.instance().isRightToLeft()
    finally:
        settings_module.reset_app_settings()
