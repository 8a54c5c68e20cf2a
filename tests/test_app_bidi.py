"""Text direction everywhere (issue 13 §4): strings of one direction inserted into captions of
the other are isolated, and are drawn in one piece and in their own order, in both interface
languages.  The unit checks read the strings the app shows; the rendering checks lay them out
with the widget's own font and direction (tests/bidi_layout.py) and look at where each
character lands.  Screenshots of the checked widgets go to ``$BIDI_SHOTS`` when it is set."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from annotator_ui.autosave import RecoveryDialog, recovery_caption
from annotator_ui.i18n import FSI, LRI, PDI, install_translator, isolated, left_to_right
from annotator_ui.inspector import Inspector
from annotator_ui.link_banner import link_instruction
from annotator_ui.mainwindow import MainWindow
from annotator_ui.palette import label_caption
from annotator_ui.recent import document_choice_label
from bidi_layout import run_is_whole, span_of
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from annotator.model import Document
from annotator.recovery import RecoveryEntry
from annotator.tagset import default_tagset

TITLE = "«قسد» تتأهب لمعركة الرقة"
TEXT = "قال المتحدث «قسد» تتأهب لمعركة الرقة، وفق ما نقلته وكالة الأنباء."
LANGUAGES = ("en", "ar")

pytestmark = pytest.mark.usefixtures("app_settings")


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The interface language of the test (installed, then English again)."""
    install_translator(qapp, request.param)
    try:
        yield request.param
    finally:
        install_translator(qapp, "en")


def direction(widget: QWidget | None = None) -> Qt.LayoutDirection:
    """The direction a widget lays its paragraphs out in (the application's for None)."""
    return widget.layoutDirection() if widget is not None else QApplication.layoutDirection()


def shoot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("BIDI_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def entry(tmp_path: Path, original: str = "/data/news/000_x.tei.xml") -> RecoveryEntry:
    return RecoveryEntry(key="k", tei_path=tmp_path / "k.tei.xml", original_path=original,
                         saved_at="2024-05-01T10:30:00+00:00", title=TITLE, document_id="x")


# -- the helpers ---------------------------------------------------------------------------
def test_one_helper_for_names_and_one_for_keys() -> None:
    assert isolated("000_x.tei.xml") == f"{FSI}000_x.tei.xml{PDI}"
    assert left_to_right("Alt+[") == f"{LRI}Alt+[{PDI}"
    assert left_to_right("") == ""


def test_the_rendering_check_sees_a_detached_quote(qapp: QApplication) -> None:
    """The check itself: without isolation the « of «قسد» leaves its word in an English
    line (the issue's recovery dialog), and "[ ]" is laid out right to left in Arabic."""
    font = QApplication.font()
    bare = f"000_x.tei.xml — {TITLE}"
    assert not run_is_whole(bare, *span_of(bare, TITLE), font, Qt.LayoutDirection.LeftToRight)
    hint = "[ ] تحرّك البداية، وAlt+[ Alt+] النهاية"
    assert not run_is_whole(hint, *span_of(hint, "[ ]"), font, Qt.LayoutDirection.RightToLeft)
    fixed = f"{isolated('000_x.tei.xml')} — {isolated(TITLE)}"
    assert run_is_whole(fixed, *span_of(fixed, TITLE), font, Qt.LayoutDirection.LeftToRight)


# -- the recovery dialog -------------------------------------------------------------------
def test_recovery_row_isolates_name_title_and_time(language: str, tmp_path: Path) -> None:
    caption = recovery_caption(entry(tmp_path))
    first, when = caption.split("\n")
    assert first == f"{isolated('000_x.tei.xml')} — {isolated(TITLE)}"
    assert when.startswith(LRI) and when.endswith(PDI)


def test_recovery_dialog_draws_the_arabic_title_whole(qtbot, language: str,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    dialog = RecoveryDialog([entry(tmp_path)])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    item = dialog.list.item(0)
    line = item.text().split("\n")[0]
    rtl = dialog.list.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert rtl == (language == "ar")
    for part in (TITLE, "000_x.tei.xml"):
        assert run_is_whole(line, *span_of(line, part), dialog.list.font(),
                            direction(dialog.list)), part
    assert item.toolTip() == isolated("/data/news/000_x.tei.xml")
    shoot(dialog, f"recovery_{language}")


# -- the inspector's key hint --------------------------------------------------------------
def test_inspector_hint_names_the_keys_as_typed(qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    inspector = Inspector()
    qtbot.addWidget(inspector)
    hint = inspector.span_help.text()
    for keys in ("[ ]", "Alt+[ Alt+]", "Ctrl"):
        assert left_to_right(keys) in hint
        assert run_is_whole(hint, *span_of(hint, keys), inspector.span_help.font(),
                            direction(inspector.span_help)), keys
    if language == "ar":
        assert direction(inspector.span_help) == Qt.LayoutDirection.RightToLeft
        assert "تحرّك البداية" in hint


# -- the window: title, status bar, link mode, lists ----------------------------------------
@pytest.fixture()
def window(qtbot, language: str) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow()
    win.annotator_name = lambda: "tester"
    win.ask_unsaved = lambda: "discard"
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def open_arabic(window: MainWindow, tmp_path: Path, name: str) -> Document:
    path = tmp_path / name
    path.write_text(TEXT, encoding="utf-8")
    return window.open_path(path)


def test_window_title_keeps_an_arabic_file_name_whole(window: MainWindow, tmp_path: Path,
                                                       language: str) -> None:
    name = "«قسد» تتأهب.txt"
    open_arabic(window, tmp_path, name)
    title = window.windowTitle().replace("[*]", "")
    assert isolated(name) in title
    assert run_is_whole(title, *span_of(title, name), window.font(), direction())


def test_status_bar_names_the_saved_file_whole(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                               tmp_path: Path, language: str) -> None:
    open_arabic(window, tmp_path, "doc.txt")
    target = tmp_path / "حلب" / "000_x.tei.xml"
    target.parent.mkdir()
    window.ask_save_path = lambda _proposal: str(target)
    assert window.save()
    message = window.statusBar().currentMessage()
    assert isolated(str(target)) in message
    bar = window.statusBar()
    assert run_is_whole(message, *span_of(message, str(target)), bar.font(), direction(bar))
    if language == "ar":
        assert direction(bar) == Qt.LayoutDirection.RightToLeft
    shoot(bar, f"status_{language}")


def test_link_mode_message_isolates_role_and_labels(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                    tmp_path: Path, language: str) -> None:
    document = open_arabic(window, tmp_path, "doc.txt")
    start = TEXT.index("«")
    window.view.select_span(start, TEXT.index("،"))
    quote = window.annotate_selection("QUOTE")
    assert quote is not None and document.annotations.get(quote.id) is not None
    window.start_link_pick("speaker")
    message = window.statusBar().currentMessage()
    spec = window.tagset.get("QUOTE").link("speaker")
    assert spec is not None
    assert message == link_instruction(window.tagset, "QUOTE", "speaker", language)
    if language == "ar":
        assert "speaker" not in message  # the role in Arabic, not its code
    for target in spec.targets:
        assert isolated(window.tagset.get(target).display_name(language)) in message
    window.cancel_link_pick()


def test_inspector_and_tooltip_isolate_ids_names_and_quoted_words(
        window: MainWindow, tmp_path: Path, language: str) -> None:
    document = open_arabic(window, tmp_path, "doc.txt")
    person = document.annotate(TEXT.index("وكالة"), TEXT.index("."), "ORG", annotator="layla")
    window.list_model.set_document(document, window.tagset)
    window.set_current(person.id)
    title = window.inspector.title.text()
    assert isolated(person.id) in title and isolated("«وكالة الأنباء»") in title
    assert isolated("layla") in window.inspector.meta.text()
    tip = window.view.tooltip_text([person])
    assert isolated("ORG") in tip and isolated("layla") in tip


# -- other places --------------------------------------------------------------------------
def test_other_places_isolate_what_they_insert(language: str) -> None:
    document = Document("doc-1", TEXT, title=TITLE)
    assert document_choice_label(1, document) == f"1. {isolated('doc-1')} — {isolated(TITLE)}"
    spec = default_tagset().get("PER")
    caption = label_caption(spec, language)
    assert left_to_right(spec.shortcut) in caption
    assert isolated(spec.display_name(language)) in caption


def test_preferences_isolate_the_arabic_letters(qtbot, language: str, settings) -> None:  # type: ignore[no-untyped-def]
    from annotator_ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    texts = [dialog.proclitic_box.itemText(i) for i in range(dialog.proclitic_box.count())]
    assert isolated("و ف ب ل ك") in texts[0] or isolated("و ف ب ل ك") in texts[1]
    for text in texts:
        if "و ف ب ل ك" in text:
            assert run_is_whole(text, *span_of(text, "و ف ب ل ك"), dialog.font(),
                                direction(dialog))
