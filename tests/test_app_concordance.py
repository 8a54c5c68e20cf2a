"""The corpus dock: concordance search, sorting, opening a hit, rendering right to left, and
the inconsistency tab's fixes (undoable in the open document, saved in the others)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from annotator_ui.concordance import HitModel
from annotator_ui.mainwindow import MainWindow
from annotator_ui.settings import Settings
from app_window import open_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from test_inconsistency import FOUR, ONE, THREE, TWO, span, write

from annotator.inconsistency import Finding
from annotator.tei import load_tei


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    write(root / "one.tei.xml", "one", ONE, [("لبنان", 0, "GPE")])
    write(root / "two.tei.xml", "two", TWO, [("الأمين", 0, "PER"), ("بيروت", 0, "LOC")])
    write(root / "three.tei.xml", "three", THREE, [("الامين", 0, "ORG")], "omar")
    write(root / "four.tei.xml", "four", FOUR, [
        ("الأمين", 0, "PER"), ("الأمين", 1, "PER"), ("«لبنان لن يقبل»", 0, "QUOTE")])
    return root


def finish(qtbot: QtBot, window: MainWindow, action: Callable[[], object]) -> object:
    """``action()``'s value once the corpus run it starts has shown what it found."""
    with qtbot.waitSignal(window.concordance.done, timeout=30000):
        value = action()
    return value


def check(qtbot: QtBot, window: MainWindow) -> list[Finding]:
    finish(qtbot, window, window.concordance.check)
    return window.concordance.dock.findings


def search(qtbot: QtBot, window: MainWindow, query: str, mode: str = "text") -> list[str]:
    window.concordance.show_concordance()
    dock = window.concordance.dock
    dock.query_edit.setText(query)
    dock.mode_combo.setCurrentIndex(dock.mode_combo.findData(mode))
    finish(qtbot, window, dock.search_button.click)
    return [f"{hit.document_id}:{hit.match}" for hit in dock.model.hits]


def test_search_sort_and_filter(qtbot: QtBot, settings: Settings, folder: Path) -> None:
    window = open_window(qtbot, folder / "one.tei.xml")
    assert window.concordance.corpus_folder() == folder
    assert search(qtbot, window, "لبنان") == ["four:لبنان", "one:لبنان", "one:لبنانَ", "two:لبنان"]
    dock = window.concordance.dock
    assert dock.summary_label.text().startswith("4 hit(s)")
    dock.table.sortByColumn(HitModel.AFTER, Qt.SortOrder.AscendingOrder)  # آمن, لن, ليس, وسوريا
    assert [f"{h.document_id}:{h.start}" for h in dock.model.hits] == [
        "one:44", "four:23", "two:33", "one:15"]
    dock.table.sortByColumn(HitModel.AFTER, Qt.SortOrder.DescendingOrder)
    assert dock.model.hits[0].start == 15
    # Annotations, by label
    assert sorted(search(qtbot, window, "امين", "annotations")) == [
        "four:الأمين", "four:الأمين", "three:الامين", "two:الأمين"]
    dock.label_combo.setCurrentIndex(dock.label_combo.findData("ORG"))
    assert [h.label for h in dock.model.hits] == ["ORG"]
    assert dock.model.index(0, HitModel.LABEL).data() == "ORG"
    assert dock.model.index(0, HitModel.BEFORE).data() == "وصل"


def test_double_click_opens_the_hit_and_selects_its_span(qtbot: QtBot, settings: Settings,
                                                         folder: Path) -> None:
    window = open_window(qtbot, folder / "one.tei.xml")
    search(qtbot, window, "لبنان")
    dock = window.concordance.dock
    table = dock.table
    row = [h.document_id for h in dock.model.hits].index("two")
    rect = table.visualRect(dock.model.index(row, HitModel.MATCH))
    # a double-click, as Qt's view sees one: a press, then the double-click event
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert Path(window.current_path or "") == folder / "two.tei.xml"
    start = span(TWO, "لبنان ليس")[0]
    assert window.view.selected_span() == (start, start + len("لبنان"))
    # A hit in the open document only moves the selection.
    row = [h.document_id for h in dock.model.hits].index("one")
    table.doubleClicked.emit(dock.model.index(row, HitModel.BEFORE))
    assert Path(window.current_path or "") == folder / "one.tei.xml"
    assert window.view.selected_span() == span(ONE, "لبنان")


def test_annotation_hit_becomes_current(qtbot: QtBot, settings: Settings,
                                        folder: Path) -> None:
    window = open_window(qtbot, folder / "one.tei.xml")
    search(qtbot, window, "الامين", "annotations")
    dock = window.concordance.dock
    row = [h.document_id for h in dock.model.hits].index("three")
    hit = dock.model.hits[row]
    dock.table.activated.emit(dock.model.index(row, 0))
    assert Path(window.current_path or "") == folder / "three.tei.xml"
    assert window.current_id == hit.annotation_id
    assert window.view.selected_span() == span(THREE, "الامين")


def test_contexts_render_right_to_left(qtbot: QtBot, settings: Settings, folder: Path) -> None:
    window = open_window(qtbot, folder / "one.tei.xml")
    search(qtbot, window, "لبنان")
    table = window.concordance.dock.table
    assert table.layoutDirection() == Qt.LayoutDirection.RightToLeft
    model = window.concordance.dock.model
    before = table.visualRect(model.index(0, HitModel.BEFORE))
    match = table.visualRect(model.index(0, HitModel.MATCH))
    after = table.visualRect(model.index(0, HitModel.AFTER))
    assert after.right() < match.left() and match.right() < before.left()
    image: QImage = table.viewport().grab().toImage()

    def ink(rect) -> list[int]:  # type: ignore[no-untyped-def]
        background = image.pixelColor(rect.center().x(), rect.top() + 1)
        columns = [x for x in range(rect.left() + 2, rect.right() - 2)  # no grid lines
                   for y in range(rect.top() + 2, rect.bottom() - 1, 2)
                   if image.pixelColor(x, y) != background]
        return columns

    # The words before hug the match from the right: their ink starts at the column's left.
    before_ink = ink(before)
    after_ink = ink(after)
    assert before_ink and after_ink
    assert min(before_ink) - before.left() < (before.right() - max(before_ink))
    assert after.right() - max(after_ink) < (min(after_ink) - after.left())


def test_fix_is_undoable_in_the_open_document_and_saved_elsewhere(
        qtbot: QtBot, settings: Settings, folder: Path) -> None:
    window = open_window(qtbot, folder / "three.tei.xml")
    window.concordance.show_inconsistencies()
    dock = window.concordance.dock
    finish(qtbot, window, dock.check_button.click)
    assert {f.key for f in dock.findings} == {"الامين", "لبنان", "بيروت"}
    assert dock.tree.topLevelItemCount() == 3
    two_before = (folder / "two.tei.xml").read_bytes()
    three_before = (folder / "three.tei.xml").read_bytes()
    amin = next(f for f in dock.findings if f.key == "الامين")
    button = dock.tree.itemWidget(dock.tree.topLevelItem(dock.findings.index(amin)), 4)
    assert button.text() == "Relabel all as \u2068PER\u2069"  # the label isolated
    finish(qtbot, window, button.click)  # the findings are looked for again
    # The open document changed through its session, not on disk; one undo brings it back.
    assert [a.label for a in window.document.annotations] == ["PER"]
    assert window.is_modified() and (folder / "three.tei.xml").read_bytes() == three_before
    assert {f.key for f in dock.findings} == {"لبنان", "بيروت"}
    window.undo()
    assert [a.label for a in window.document.annotations] == ["ORG"]
    # Another finding writes the files that are not open.
    beirut = next(f for f in dock.findings if f.key == "بيروت")
    window.redo()
    window.save()
    finish(qtbot, window, lambda: window.concordance.fix(beirut))
    assert (folder / "two.tei.xml").read_bytes() == two_before  # nothing to do there
    assert [a.label for a in window.document.annotations if a.label == "LOC"] == ["LOC"]
    lebanon = next(f for f in check(qtbot, window) if f.key == "لبنان")
    changes, errors = finish(qtbot, window, lambda: window.concordance.fix(lebanon))
    assert changes == 3 and errors == []
    assert len([a for a in load_tei(folder / "four.tei.xml").annotations
                if a.label == "GPE"]) == 1
    assert check(qtbot, window) == []


def test_a_damaged_file_is_named_and_left_alone(qtbot: QtBot, settings: Settings,
                                               folder: Path) -> None:
    window = open_window(qtbot, folder / "one.tei.xml")
    shown: list[str] = []
    window.show_error = lambda _title, message: shown.append(message)
    lebanon = next(f for f in check(qtbot, window) if f.key == "لبنان")
    damaged = folder / "four.tei.xml"
    data = damaged.read_bytes().replace("التقى".encode(), "التقي".encode(), 1)
    damaged.write_bytes(data)
    _changes, errors = finish(qtbot, window, lambda: window.concordance.fix(lebanon))
    assert len(errors) == 1 and damaged.read_bytes() == data
    assert len(shown) == 1 and "four.tei.xml" in shown[0]


def test_the_dock_in_arabic(qtbot: QtBot, qapp, settings: Settings, folder: Path) -> None:
    from annotator_ui.i18n import install_translator

    try:
        install_translator(qapp, "ar")
        window = open_window(qtbot, folder / "one.tei.xml")
        search(qtbot, window, "لبنان")
        dock = window.concordance.dock
        assert dock.windowTitle() == "الكشاف السياقي"
        assert dock.search_button.text() == "ابحث"
        table = dock.table
        model = dock.model
        before = table.visualRect(model.index(0, HitModel.BEFORE))
        after = table.visualRect(model.index(0, HitModel.AFTER))
        assert after.right() < before.left()  # the same right-to-left rows
        # Latin labels and counts inside Arabic captions are isolated
        check(qtbot, window)
        item = dock.tree.topLevelItem(0)
        assert item.text(2) == "\u2068PER 3\u2069، \u2068ORG 1\u2069"  # the Arabic comma
        assert dock.tree.itemWidget(item, 4).text() == "أعد وسم الكل \u2068PER\u2069"
        assert dock.corpus_label.text() == f"\u2068{folder}\u2069"
    finally:
        install_translator(qapp, "en")


def test_a_team_projects_text_opens_as_the_annotators_own_file(
        qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    from annotator.teamproject import ProjectConfig, TeamProject

    project = TeamProject(tmp_path / "proj", ProjectConfig("p", "huda", ["layla", "omar"]))
    project.texts_dir.mkdir(parents=True)
    project.save_config()
    for doc_id, text in (("one", ONE), ("two", TWO)):
        write(project.text_path(doc_id), doc_id, text, [])
    project.layer_dir("omar").mkdir(parents=True)
    write(project.layer_path("omar", "two"), "two", TWO, [("لبنان", 0, "GPE")], "omar")
    window = MainWindow()
    window.annotator_name = lambda: "layla"
    window.ask_unsaved = lambda: "discard"
    qtbot.addWidget(window)
    window.workflow.open_folder(str(project.root))
    assert window.concordance.corpus_folder() == project.root
    assert search(qtbot, window, "لبنان") == ["one:لبنان", "one:لبنانَ", "two:لبنان"]
    dock = window.concordance.dock
    row = [h.document_id for h in dock.model.hits].index("two")
    assert Path(dock.model.hits[row].path) == project.text_path("two")  # searched once
    dock.table.activated.emit(dock.model.index(row, HitModel.MATCH))
    # layla's own file of the document (not yet written), never the shared text
    assert Path(window.current_path or "") == project.layer_path("layla", "two")
    start = TWO.index("لبنان ليس")
    assert window.view.selected_span() == (start, start + len("لبنان"))
