"""The main window, driven as an annotator drives it: keys, clicks, the inspector, saving."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotator_ui.mainwindow import MainWindow
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton

from annotator.model import Document

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TXT = ROOT / "seeds" / "000_2ce8f3876ecb932f.txt"
SAMPLE_TEI = ROOT / "seeds" / "000_2ce8f3876ecb932f.tei.xml"


pytestmark = pytest.mark.usefixtures("app_settings")


@pytest.fixture()
def window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow()
    win.annotator_name = lambda: "tester"
    win.ask_unsaved = lambda: "discard"
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def open_text(window: MainWindow, tmp_path: Path, text: str, name: str = "doc.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return window.open_path(path)


def press(qtbot, window: MainWindow, key: Qt.Key,  # type: ignore[no-untyped-def]
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, key, modifiers)


def test_label_shortcut_annotates_the_snapped_selection(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    document = window.open_path(SAMPLE_TXT)
    start = document.text.index("قيادات «داعش»")
    # a sloppy selection from inside «داعش» to just past its closing quote mark
    inside = start + len("قيادات «") + 1
    window.view.select_span(inside, inside + 5)
    press(qtbot, window, Qt.Key.Key_O)
    (annotation,) = list(document.annotations)
    assert annotation.label == "ORG" and annotation.annotator == "tester"
    assert document.span_text(annotation) == "داعش"
    assert window.current_id == annotation.id
    assert window.isWindowModified()
    assert window.list_model.rowCount() == 1


def test_alt_label_keeps_the_exact_selection(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    document = window.open_path(SAMPLE_TXT)
    start = document.text.index("لـ«البيان»")
    window.view.select_span(start, start + 4)  # "لـ«ا": a raw, unsnapped selection
    press(qtbot, window, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    (annotation,) = list(document.annotations)
    assert (annotation.start, annotation.end) == (start, start + 4)
    # turning snapping off does the same for the plain key
    window.action_by_name["snapping"].trigger()
    assert not window.snapping
    window.view.select_span(start + 3, start + 6)
    press(qtbot, window, Qt.Key.Key_P)
    assert {(a.start, a.end) for a in document.annotations} == {
        (start, start + 4), (start + 3, start + 6)}


def test_palette_click_annotates_and_alt_click_keeps_the_exact_selection(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    document = window.open_path(SAMPLE_TXT)
    start = document.text.index("لـ«البيان»")
    window.view.select_span(start, start + 5)
    qtbot.mouseClick(window.label_palette.button("ORG"), Qt.MouseButton.LeftButton)
    (snapped,) = list(document.annotations)
    assert document.span_text(snapped) == "البيان"
    window.view.select_span(start, start + 5)
    qtbot.mouseClick(window.label_palette.button("MISC"), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.AltModifier)
    exact = document.annotations[window.current_id]
    assert exact.label == "MISC" and (exact.start, exact.end) == (start, start + 5)
    assert window.view.hasFocus() or not window.isActiveWindow()


def test_offsets_are_code_points_after_an_emoji(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = "😀👍🏽 قال وزير الخارجية 🇸🇦 إن «الاتفاق قريب»."
    document = open_text(window, tmp_path, text)
    start = text.index("وزير")
    window.view.select_span(start, start + len("وزير الخارجية"))
    assert window.view.selected_span() == (start, start + len("وزير الخارجية"))
    press(qtbot, window, Qt.Key.Key_P)
    quote_start = text.index("الاتفاق")
    window.view.select_span(quote_start - 1, quote_start + len("الاتفاق قريب") + 1)
    press(qtbot, window, Qt.Key.Key_Q)
    per, quote = sorted(document.annotations, key=lambda a: a.start)
    assert document.span_text(per) == "وزير الخارجية"
    assert (per.start, per.end) == (start, start + len("وزير الخارجية"))
    assert document.span_text(quote) == "الاتفاق قريب"  # the quote marks are trimmed
    assert quote.attributes == {"type": "direct"}  # the tag set's default


def test_undo_redo_keys_and_clean_state(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    document = window.open_path(SAMPLE_TXT)
    start = document.text.index("دير الزور")
    window.view.select_span(start, start + len("دير الزور"))
    press(qtbot, window, Qt.Key.Key_L)
    assert len(document.annotations) == 1 and window.isWindowModified()
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(document.annotations) == 0 and not window.isWindowModified()
    assert window.list_model.rowCount() == 0
    press(qtbot, window, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(document.annotations) == 1
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    (annotation,) = list(document.annotations)
    assert document.span_text(annotation) == "دير الزور"
    assert window.list_model.rowCount() == 1


def test_save_as_tei_then_reopen_gives_the_same_document(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from annotator.tei import load_tei

    text = SAMPLE_TXT.read_text(encoding="utf-8")
    document = open_text(window, tmp_path, text, "article.txt")
    start = document.text.index("عمر أبو ليلى")
    window.view.select_span(start, start + len("عمر أبو ليلى"))
    press(qtbot, window, Qt.Key.Key_P)
    asked: list[str] = []
    window.ask_save_path = lambda proposal: asked.append(proposal) or proposal
    press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == [str(tmp_path / f"{document.id}.tei.xml")]
    assert not window.isWindowModified()
    saved = Path(asked[0])
    assert load_tei(saved) == document
    # a TEI file saves in place, without asking
    window.ask_save_path = lambda proposal: pytest.fail("Save should not ask for a TEI file")
    reopened = window.open_path(saved)
    assert reopened == document
    window.set_current(next(iter(reopened.annotations)).id)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert len(reopened.annotations) == 0
    press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(load_tei(saved).annotations) == 0


def test_opens_the_bundled_tei_sample(window) -> None:  # type: ignore[no-untyped-def]
    if not SAMPLE_TEI.exists():
        pytest.skip("the annotated TEI sample is not bundled yet")
    document = window.open_path(SAMPLE_TEI)
    assert window.saves_in_place
    assert window.list_model.rowCount() == len(document.annotations) > 0


def click_annotation(qtbot, window: MainWindow, annotation) -> None:  # type: ignore[no-untyped-def]
    """A mouse click on the middle of ``annotation``'s highlight."""
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_map().to_qt((annotation.start + annotation.end) // 2))
    point = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _make_quote_and_speaker(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    text = "وقال الناطق باسم قوات سوريا الديمقراطية، مصطفى بالي: «المعركة بدأت»."
    document = open_text(window, tmp_path, text)
    speaker_start = text.index("مصطفى بالي")
    window.view.select_span(speaker_start, speaker_start + len("مصطفى بالي"))
    press(qtbot, window, Qt.Key.Key_P)
    quote_start = text.index("المعركة")
    window.view.select_span(quote_start, quote_start + len("المعركة بدأت"))
    press(qtbot, window, Qt.Key.Key_Q)
    per = next(a for a in document.annotations if a.label == "PER")
    quote = next(a for a in document.annotations if a.label == "QUOTE")
    return document, per, quote


def test_link_a_quote_to_its_speaker_by_clicking_the_highlight(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    document, per, quote = _make_quote_and_speaker(qtbot, window, tmp_path)
    assert window.current_id == quote.id
    pick = window.inspector.findChild(QPushButton, "pick-speaker")
    qtbot.mouseClick(pick, Qt.MouseButton.LeftButton)
    assert window.is_picking_link()
    # clicking something the tag set does not allow keeps the picking mode
    window.view.annotation_clicked.emit(quote.id)
    assert window.is_picking_link() and not document.annotations[quote.id].links
    assert window.view.current_annotation() == quote.id
    click_annotation(qtbot, window, per)
    assert not window.is_picking_link()
    assert document.annotations[quote.id].link_targets("speaker") == [per.id]
    assert window.current_id == quote.id
    # the quote's inspector lists the link with a jump button; the entity shows the back-link
    jump = window.inspector.findChild(QPushButton, f"jump-{per.id}")
    qtbot.mouseClick(jump, Qt.MouseButton.LeftButton)
    assert window.current_id == per.id
    assert window.view.selected_span() == (per.start, per.end)
    back = window.inspector.findChild(QPushButton, f"jump-{quote.id}")
    assert back is not None
    assert window.inspector.link_captions == [
        f"speaker of: «\u2068المعركة بدأت\u2069» (\u2068{quote.id}\u2069)"]
    # undo removes the link; deleting the speaker removes it too and undo brings it back
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.annotations[quote.id].links == ()
    press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    window.set_current(per.id)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert per.id not in document.annotations and document.annotations[quote.id].links == ()
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.annotations[quote.id].link_targets("speaker") == [per.id]


def test_link_by_list_row_and_escape_cancels(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    document, per, quote = _make_quote_and_speaker(qtbot, window, tmp_path)
    press(qtbot, window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.is_picking_link()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.is_picking_link()
    press(qtbot, window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_Delete)  # deleting the quote ends the picking
    assert not window.is_picking_link() and quote.id not in document.annotations
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.set_current(quote.id)
    press(qtbot, window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    table = window.list_table
    rect = table.visualRect(window.list_index_of(per.id))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert document.annotations[quote.id].link_targets("speaker") == [per.id]


def test_relabel_attribute_and_note_through_the_inspector(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    document, _per, quote = _make_quote_and_speaker(qtbot, window, tmp_path)
    window.set_current(quote.id)
    combo = window.inspector.findChild(type(window.inspector.label_combo), "attribute-type")
    combo.setCurrentIndex(combo.findData("indirect"))
    combo.activated.emit(combo.currentIndex())
    assert document.annotations[quote.id].attributes == {"type": "indirect"}
    note = window.inspector.note_edit
    note.setFocus()
    qtbot.keyClicks(note, "check")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert document.annotations[quote.id].note == "check"
    labels = window.inspector.label_combo
    labels.setCurrentIndex(labels.findData("CLAIM"))
    labels.activated.emit(labels.currentIndex())
    changed = document.annotations[quote.id]
    assert changed.label == "CLAIM" and changed.attributes == {"checkworthy": "yes"}
    assert window.list_model.index(window.list_model.row_of(quote.id), 1).data() == "Claim"
    for _ in range(3):
        window.undo()
    assert document.annotations[quote.id] == quote


def test_nudge_boundaries_by_character_and_word(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = "قال وزيرُ الخارجية اليوم"
    document = open_text(window, tmp_path, text)
    start = text.index("الخارجية")
    window.view.select_span(start, start + len("الخارجية"))
    press(qtbot, window, Qt.Key.Key_G)
    (annotation,) = list(document.annotations)
    aid = annotation.id
    press(qtbot, window, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    assert document.span_text(document.annotations[aid]) == "وزيرُ الخارجية"
    press(qtbot, window, Qt.Key.Key_BracketRight)  # start one grapheme later: و leaves
    assert document.span_text(document.annotations[aid]) == "زيرُ الخارجية"
    press(qtbot, window, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.AltModifier)
    assert document.span_text(document.annotations[aid]) == "زيرُ الخارجي"
    press(qtbot, window, Qt.Key.Key_BracketRight,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert document.span_text(document.annotations[aid]) == "زيرُ الخارجية"
    # a grapheme step never separates the letter from its damma
    window.resize_current(start - 3, start - 1)
    assert document.span_text(document.annotations[aid]) == "رُ"
    press(qtbot, window, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.AltModifier)
    assert document.span_text(document.annotations[aid]) == "رُ"  # would be empty: refused
    window.inspector.end_spin.setValue(start + len("الخارجية"))
    window.inspector.start_spin.setValue(start)
    assert document.span_text(document.annotations[aid]) == "الخارجية"
    # a run of boundary moves is one undo step; this one came back where it started,
    # so it left no step at all
    assert window.session.history.steps == 1
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_BracketRight)
    assert window.session.history.steps == 2
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.span_text(document.annotations[aid]) == "الخارجية"
    # a save ends a run: the nudge after it is undone on its own, back to the saved state
    press(qtbot, window, Qt.Key.Key_BracketRight)
    window.session.mark_clean()
    press(qtbot, window, Qt.Key.Key_BracketRight)
    assert window.is_modified()
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_modified()


def test_delete_key_and_list_selection(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    document = window.open_path(SAMPLE_TXT)
    for word, key in (("سوريا", Qt.Key.Key_G), ("البوكمال", Qt.Key.Key_L)):
        start = document.text.index(word)
        window.view.select_span(start, start + len(word))
        press(qtbot, window, key)
    assert window.list_model.rowCount() == 2
    first = window.list_table.model().index(0, 0)
    window.list_table.setCurrentIndex(first)
    chosen = document.annotations[window.current_id]
    assert window.view.selected_span() == (chosen.start, chosen.end)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert chosen.id not in document.annotations
    assert window.list_model.rowCount() == 1 and window.current_id is None
    window.label_filter.setCurrentIndex(window.label_filter.findData("PER"))
    assert window.list_proxy.rowCount() == 0
    window.label_filter.setCurrentIndex(0)
    window.text_filter.setText("بوكمال")
    assert window.list_proxy.rowCount() == 1


@pytest.mark.parametrize("answer, closes, saved", [
    ("cancel", False, False), ("discard", True, False), ("save", True, True)])
def test_closing_with_unsaved_edits_asks(qtbot, window, tmp_path, answer, closes, saved) -> None:  # type: ignore[no-untyped-def]
    document = open_text(window, tmp_path, "نص قصير للتجربة", "short.txt")
    window.view.select_span(0, 2)
    press(qtbot, window, Qt.Key.Key_M)
    asked: list[bool] = []
    window.ask_unsaved = lambda: asked.append(True) or answer
    target = tmp_path / "short.tei.xml"
    window.ask_save_path = lambda proposal: str(target)
    assert window.close() is closes
    assert asked == [True]
    assert target.exists() is saved
    assert document.id
    window.ask_unsaved = lambda: "discard"


def test_the_real_unsaved_dialog_can_be_answered(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    open_text(window, tmp_path, "نص قصير للتجربة", "short.txt")
    window.view.select_span(0, 2)
    press(qtbot, window, Qt.Key.Key_M)
    window.ask_unsaved = window._ask_unsaved_dialog

    seen: list[str] = []

    def answer() -> None:
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:  # not shown yet: look again shortly
            QTimer.singleShot(20, answer)
            return
        seen.append(boxes[0].text())
        boxes[0].button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, answer)
    assert window.close() is False
    assert window.isVisible()
    assert seen and "not saved" in seen[0]
    window.ask_unsaved = lambda: "discard"  # let the fixture's teardown close it


def test_help_lists_every_action_with_its_shortcut(window) -> None:  # type: ignore[no-untyped-def]
    from annotator_ui.help_dialog import HelpDialog, action_rows

    rows = action_rows(window)
    texts = {text: keys for _menu, text, keys in rows}
    assert texts["Label as Person"] == "P"
    assert "Ctrl+Y" in texts["Redo"]
    assert texts["Move end one word later"] == "Ctrl+Alt+]"
    for action in window.action_by_name.values():
        if action.shortcuts():
            assert any(text == action.text().replace("&", "").rstrip("….")
                       for _m, text, _k in rows), action.text()
    dialog = HelpDialog(window)
    assert dialog.table.rowCount() == len(rows)
    dialog.filter.setText("boundaries")
    assert dialog.visible_rows() == 8
    # generated menus (recent files) are one row, not one per entry
    assert len([row for row in rows if "Open Recent" in row[0] + row[1]]) <= 1


def test_project_tag_set_labels_keys_and_free_attributes(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "tagset.toml").write_text(
        'name = "events"\n'
        '[[labels]]\nname = "EVENT"\nen = "Event"\ncolor = "#123456"\nshortcut = "E"\n'
        'attributes = [{ name = "date" }]\n'
        '[[labels]]\nname = "ACTOR"\nen = "Actor"\ncolor = "#654321"\nshortcut = "A"\n',
        encoding="utf-8")
    document = open_text(window, tmp_path, "انعقدت القمة العربية في القاهرة أمس.")
    assert window.label_palette.labels() == ["EVENT", "ACTOR"]
    assert "label_PER" not in window.action_by_name
    start = document.text.index("القمة")
    window.view.select_span(start, start + len("القمة العربية"))
    press(qtbot, window, Qt.Key.Key_E)
    (event,) = list(document.annotations)
    assert event.label == "EVENT"
    press(qtbot, window, Qt.Key.Key_P)  # the default tag set's key does nothing here
    assert len(document.annotations) == 1
    date = window.inspector.findChild(QLineEdit, "attribute-date")
    date.setFocus()
    qtbot.keyClicks(date, "2019")
    qtbot.keyClick(date, Qt.Key.Key_Return)
    assert document.annotations[event.id].attributes == {"date": "2019"}
    rows = {text: keys for _menu, text, keys in __import__(
        "annotator_ui.help_dialog", fromlist=["action_rows"]).action_rows(window)}
    assert "Label as Event" in rows and "Label as Person" not in rows
    # Alt+E is the Edit menu's, Alt+A the Annotate menu's: the exact variants go without
    assert {"E", "A"} <= window.menu_mnemonics()
    assert rows["Label Exact Selection as Event"] == ""
    assert rows["Label Exact Selection as Actor"] == ""


def test_next_and_previous_file(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    paths = []
    for number in (1, 2):
        path = tmp_path / f"f{number}.txt"
        path.write_text(f"نص رقم {number}", encoding="utf-8")
        paths.append(str(path))
    window.file_queue = paths
    window.open_path(paths[0])
    press(qtbot, window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_path == paths[1] and window.document.text == "نص رقم 2"
    press(qtbot, window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_path == paths[0]


def test_link_with_the_keyboard_only(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    document, per, quote = _make_quote_and_speaker(qtbot, window, tmp_path)
    press(qtbot, window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # pick a speaker
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # go to the list
    table = window.list_table
    assert table.hasFocus() or not window.isActiveWindow()
    row = window.list_index_of(per.id).row()
    current = table.currentIndex().row()
    key = Qt.Key.Key_Up if row < current else Qt.Key.Key_Down
    for _ in range(abs(row - current)):
        qtbot.keyClick(table, key)
    assert window.is_picking_link()  # moving through the rows picks nothing
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert document.annotations[quote.id].link_targets("speaker") == [per.id]
    assert not window.is_picking_link()


def test_a_failed_save_says_so_and_keeps_the_edits_unsaved(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    document = open_text(window, tmp_path, "نص قصير للتجربة", "short.txt")
    window.view.select_span(0, 2)
    press(qtbot, window, Qt.Key.Key_M)
    errors: list[tuple[str, str]] = []
    window.show_error = lambda title, message: errors.append((title, message))
    window.ask_save_path = lambda proposal: str(tmp_path / "missing-folder" / "x.tei.xml")
    assert window.save() is False
    assert errors and errors[0][0] == "Cannot save" and "x.tei.xml" in errors[0][1]
    assert window.is_modified() and window.current_path == str(tmp_path / "short.txt")
    assert window.document is document


def test_no_two_actions_share_a_shortcut(window) -> None:  # type: ignore[no-untyped-def]
    """Qt fires neither of two window shortcuts on one key: every key must have one owner."""
    from PySide6.QtGui import QAction

    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if not key.isEmpty():
                owners.setdefault(key.toString(), []).append(action.text())
    mnemonics = {f"Alt+{letter}" for letter in window.menu_mnemonics()}
    clashes = {key: names for key, names in owners.items()
               if len(names) > 1 or key in mnemonics}
    assert clashes == {}


def test_a_label_key_on_the_current_annotation_relabels_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    document = window.open_path(SAMPLE_TXT)
    start = document.text.index("دير الزور")
    window.view.select_span(start, start + len("دير الزور"))
    press(qtbot, window, Qt.Key.Key_L)
    (first,) = list(document.annotations)
    window.set_current(None)
    window.list_table.setCurrentIndex(window.list_index_of(first.id))  # picks it and selects it
    assert window.view.selected_span() == (first.start, first.end)
    press(qtbot, window, Qt.Key.Key_G)
    (relabelled,) = list(document.annotations)
    assert relabelled.id == first.id and relabelled.label == "GPE"
    window.set_current(None)
    window.view.select_span(start + 1, start + 6)  # snaps to the same span and label
    press(qtbot, window, Qt.Key.Key_G)
    assert len(document.annotations) == 1 and window.current_id == first.id
    window.set_current(None)
    window.view.select_span(start, start + len("دير الزور"))
    press(qtbot, window, Qt.Key.Key_L)  # another label on the same span is a second one
    assert sorted(a.label for a in document.annotations) == ["GPE", "LOC"]
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [a.label for a in document.annotations] == ["LOC"]
