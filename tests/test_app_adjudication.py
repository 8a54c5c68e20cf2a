"""Adjudication in the main window: a merged file of three annotators, decided by keyboard."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from annotator_ui import settings
from annotator_ui.help_dialog import action_rows
from annotator_ui.mainwindow import MainWindow
from lxml import etree
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.adjudicate import decision_points
from annotator.merge import MergeOptions, merge_files
from annotator.model import Annotation, Document, Link
from annotator.tei import load_tei, save_tei

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TEI = ROOT / "seeds" / "000_2ce8f3876ecb932f.tei.xml"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
LEAD = "Layla"


def _variant(seed: Document, who: str, changes: dict[str, tuple[int, int, str] | None],
             extra: tuple[Annotation, ...] = ()) -> Document:
    """The seed's annotations as ``who`` drew them, with some spans changed or left out."""
    document = Document(seed.id, seed.text, seed.title, seed.source)
    kept = []
    for annotation in seed.annotations:
        if annotation.id in changes:
            changed = changes[annotation.id]
            if changed is None:
                continue
            annotation = replace(annotation, start=changed[0], end=changed[1], label=changed[2])
        kept.append(replace(annotation, annotator=who))
    ids = {a.id for a in kept}
    document.annotations.extend(
        replace(a, links=tuple(x for x in a.links if x.target in ids)) for a in kept)
    document.annotations.extend(replace(a, annotator=who) for a in extra)
    return document


def make_merged(folder: Path, lead: str = LEAD) -> Path:
    """Three annotators' files of the sample article, merged (majority) into one file."""
    seed = load_tei(SAMPLE_TEI)
    alice = _variant(seed, "alice", {})
    bob = _variant(seed, "bob", {"a4": (75, 80, "LOC"), "a6": (215, 225, "ORG"), "a9": None})
    carol = _variant(seed, "carol", {"a10": (536, 604, "QUOTE")},
                     (Annotation("c1", 301, 307, "GPE"), Annotation("c2", 557, 563, "GPE")))
    paths = []
    for document, name in ((alice, "alice"), (bob, "bob"), (carol, "carol")):
        path = folder / f"{name}.tei.xml"
        save_tei(document, path)
        paths.append(path)
    result = merge_files(paths, MergeOptions(lead=lead))
    merged = folder / "merged.tei.xml"
    save_tei(result.document, merged, tagset=result.tagset)
    return merged


@pytest.fixture(autouse=True)
def _private_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    settings.use_settings_folder(tmp_path_factory.mktemp("settings"))
    settings.reset_app_settings()
    settings.Settings().annotator = LEAD


@pytest.fixture()
def window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow()
    win.ask_unsaved = lambda: "discard"
    win.show_error = lambda title, message: pytest.fail(f"{title}: {message}")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def key(qtbot, window: MainWindow, name: Qt.Key,  # type: ignore[no-untyped-def]
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, name, modifiers)


def _gold_at(document: Document, start: int, end: int) -> list[Annotation]:
    return [a for a in document.annotations.overlapping(start, end)
            if a.layer == "gold" and (a.start, a.end) == (start, end)]


ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_and_adjudicate(qtbot: QtBot, window: MainWindow, path: Path) -> Document:
    """Open a merged file and enter adjudication as a lead does: opening never switches
    the mode by itself, the status bar says how, and Ctrl+Shift+J does it."""
    document = window.open_path(path)
    assert not window.adjudication.active
    assert "Ctrl+Shift+J" in window.statusBar().currentMessage()
    key(qtbot, window, Qt.Key.Key_J, CTRL_SHIFT)
    assert window.adjudication.active
    return document


def _check_list(window: MainWindow) -> None:
    """The dock's points and rows are those a full recount of the document gives."""
    adjudication = window.adjudication
    points = decision_points(window.document)
    assert adjudication.points == points
    rows = adjudication.panel.conflicts.model()
    assert rows.rowCount() == len(points)
    assert [rows.index(n, 0).data() for n in range(len(points))] == [
        str(n + 1) for n in range(len(points))]
    current = adjudication.panel.conflicts.currentIndex()
    assert (current.row() if current.isValid() else -1) == \
        adjudication.index


def test_keyboard_adjudication_saves_a_valid_gold_layer(qtbot, window, tmp_path,  # type: ignore[no-untyped-def]
                                                       tei_schema) -> None:
    merged = make_merged(tmp_path)
    document = open_and_adjudicate(qtbot, window, merged)
    adjudication = window.adjudication
    assert adjudication.active and adjudication.dock.isVisible()
    assert window.view.colour_mode() == "annotator"
    assert window.action_by_name["colour_by_annotator"].isChecked()
    assert window.annotator_name() == LEAD  # from the settings

    key(qtbot, window, Qt.Key.Key_PageDown, ALT)  # the first conflict: GPE or LOC «سوريا»
    point = adjudication.current_point()
    assert point is not None and adjudication.index == 0
    assert (point.start, point.end) == (75, 80) and point.kinds == ("label",)
    assert [v.annotators for v in point.versions] == [("alice", "carol"), ("bob",)]
    (before,) = _gold_at(document, 75, 80)
    assert before.label == "GPE" and window.current_id == before.id
    rows = adjudication.panel.versions
    assert rows.topLevelItemCount() == 3  # two versions and the gold row
    assert rows.topLevelItem(2).text(0) == "Gold"

    key(qtbot, window, Qt.Key.Key_2, ALT)  # accept bob's version
    _check_list(window)
    (gold,) = _gold_at(document, 75, 80)
    assert gold.id == before.id  # replaced in place
    assert (gold.label, gold.layer, gold.annotator) == ("LOC", "gold", LEAD)
    assert gold.links == (Link("source", "bob.a4"),)
    assert gold.attributes["agreement"] == "1/3" and gold.attributes["annotators"] == "bob"
    assert window.isWindowModified()
    assert adjudication.current_point().versions[1].in_gold

    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    _check_list(window)
    assert document.annotations[before.id] == before

    key(qtbot, window, Qt.Key.Key_Delete, ALT)  # reject the gold annotation here
    _check_list(window)
    assert _gold_at(document, 75, 80) == []
    assert adjudication.current_point().gold == ()

    key(qtbot, window, Qt.Key.Key_PageDown, ALT)  # the next conflict: ORG span of bob
    second = adjudication.current_point()
    assert adjudication.index == 1 and second.start == 215 and "span" in second.kinds
    key(qtbot, window, Qt.Key.Key_1, ALT)
    _check_list(window)
    (kept,) = _gold_at(document, 215, 237)
    assert kept.links == (Link("source", "alice.a6"), Link("source", "carol.a6"))

    key(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # save in place
    assert not window.isWindowModified()
    again = load_tei(merged)
    assert again == document
    assert [(p.start, p.kinds) for p in decision_points(again)] == [
        (p.start, p.kinds) for p in decision_points(document)]

    tree = etree.parse(str(merged))
    assert tei_schema.validate(tree), tei_schema.error_log
    (gold_list,) = [e for e in tree.iter(f"{TEI}listAnnotation") if e.get("type") == "gold"]
    resp = gold_list.get("resp").lstrip("#")
    names = {e.get(XML_ID): e.findtext(f"{TEI}name") for e in tree.iter(f"{TEI}respStmt")}
    assert names[resp] == LEAD

    # reopened, the same conflicts in the same order
    open_and_adjudicate(qtbot, window, merged)
    assert [p.start for p in window.adjudication.points] == [
        p.start for p in decision_points(again)]


def test_edit_into_gold_opens_the_inspector_on_the_gold_annotation(qtbot, window,  # type: ignore[no-untyped-def]
                                                                  tmp_path) -> None:
    document = open_and_adjudicate(qtbot, window, make_merged(tmp_path))
    adjudication = window.adjudication
    points = decision_points(document)
    missing = next(n for n, p in enumerate(points) if p.gold == ())  # carol's lone GPE
    adjudication.show_point(missing)
    key(qtbot, window, Qt.Key.Key_F2)
    point = adjudication.current_point()
    (gold,) = point.gold
    assert window.current_id == gold.id and gold.annotator == LEAD
    assert window.inspector.annotation_id() == gold.id
    assert window.inspector_dock.isVisible()
    window.relabel_current("ORG")  # the inspector's edit lands on gold
    assert document.annotations[gold.id].label == "ORG"
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold.id not in document.annotations


def test_selection_to_gold_and_previous_conflict(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    document = open_and_adjudicate(qtbot, window, make_merged(tmp_path))
    adjudication = window.adjudication
    key(qtbot, window, Qt.Key.Key_F8)
    key(qtbot, window, Qt.Key.Key_F8)
    key(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert adjudication.index == 0
    key(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)  # already the first
    assert adjudication.index == 0
    window.view.select_span(75, 80)
    window.set_current("bob.a4")
    key(qtbot, window, Qt.Key.Key_Insert, ALT)
    (gold,) = _gold_at(document, 75, 80)
    assert gold.label == "LOC" and gold.links == (Link("source", "bob.a4"),)


def test_adjudication_stays_off_for_one_annotator_and_lists_its_keys(qtbot, window,  # type: ignore[no-untyped-def]
                                                                    tmp_path) -> None:
    window.open_path(SAMPLE_TEI)
    assert not window.adjudication.active and not window.adjudication.dock.isVisible()
    assert window.view.colour_mode() == "label"
    window.action_by_name["colour_by_annotator"].trigger()  # the user's choice stays
    window.open_path(SAMPLE_TEI)
    assert window.view.colour_mode() == "annotator"
    window.open_path(make_merged(tmp_path))  # several annotators: the mode stays off
    assert not window.adjudication.active and window.view.colour_mode() == "annotator"
    assert "Ctrl+Shift+J" in window.statusBar().currentMessage()
    key(qtbot, window, Qt.Key.Key_J, CTRL_SHIFT)  # the user's choice
    assert window.adjudication.active
    window.open_path(SAMPLE_TEI)  # leaving an adjudicated file: colours by label again
    assert window.view.colour_mode() == "label"
    assert not window.action_by_name["colour_by_annotator"].isChecked()
    shown = {(menu, action): keys for menu, action, keys in action_rows(window)}
    assert shown[("Adjudicate", "Next Conflict")].startswith("Alt+PgDown")
    assert shown[("Adjudicate", "Accept Version 2")] == "Alt+2"
    assert shown[("Adjudicate", "Reject Gold Here")] == "Alt+Del"
    assert ("Adjudicate", "Edit into Gold") in shown


def test_label_keys_write_gold_while_adjudicating(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    document = open_and_adjudicate(qtbot, window, make_merged(tmp_path))
    own = {a.id for a in document.annotations if a.layer != "gold"}
    window.view.select_span(557, 563)  # carol's lone GPE «العراق» (of «العراقية»)
    key(qtbot, window, Qt.Key.Key_L, ALT)  # exact: snapping would take the whole word
    (gold,) = _gold_at(document, 557, 563)
    assert (gold.label, gold.annotator) == ("LOC", LEAD)
    assert gold.links == ()  # nobody drew a LOC here
    assert window.current_id == gold.id
    window.view.select_span(557, 563)
    key(qtbot, window, Qt.Key.Key_G)  # the same span again: relabels the gold annotation
    relabelled = document.annotations[gold.id]
    assert relabelled.label == "GPE" and relabelled.links == (Link("source", "carol.c2"),)
    assert {a.id for a in document.annotations if a.layer != "gold"} == own
    assert len(window.adjudication.points) == 5
    _check_list(window)
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not _gold_at(document, 557, 563)
    _check_list(window)
    key(qtbot, window, Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # redo
    assert _gold_at(document, 557, 563)
    _check_list(window)

    key(qtbot, window, Qt.Key.Key_J,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # mode off
    assert not window.adjudication.active and window.view.colour_mode() == "label"
    window.view.select_span(0, 40)
    key(qtbot, window, Qt.Key.Key_P)
    added = [a for a in document.annotations if a.layer != "gold" and a.id not in own]
    assert [(a.label, a.annotator) for a in added] == [("PER", LEAD)]


def test_a_lead_other_than_the_merge_lead_gets_a_gold_list_of_their_own(  # type: ignore[no-untyped-def]
        qtbot, window, tmp_path, tei_schema) -> None:
    merged = make_merged(tmp_path, lead="merger")
    document = open_and_adjudicate(qtbot, window, merged)
    key(qtbot, window, Qt.Key.Key_PageDown, ALT)
    key(qtbot, window, Qt.Key.Key_2, ALT)
    (gold,) = _gold_at(document, 75, 80)
    assert gold.annotator == LEAD
    assert window.save()
    tree = etree.parse(str(merged))
    assert tei_schema.validate(tree), tei_schema.error_log
    names = {e.get(XML_ID): e.findtext(f"{TEI}name") for e in tree.iter(f"{TEI}respStmt")}
    lists = {names[e.get("resp").lstrip("#")]: [a.get(XML_ID) for a in e]
             for e in tree.iter(f"{TEI}listAnnotation") if e.get("type") == "gold"}
    assert lists[LEAD] == [gold.id] and gold.id not in lists["merger"]
    assert load_tei(merged) == document


def test_the_conflict_list_is_a_sound_model_through_edits(qtbot, window, tmp_path,  # type: ignore[no-untyped-def]
                                                          qtmodeltester) -> None:
    open_and_adjudicate(qtbot, window, make_merged(tmp_path))
    adjudication = window.adjudication
    model = adjudication.panel.conflict_model
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 2).data() == "label" and model.index(0, 3).data() == "✓"
    key(qtbot, window, Qt.Key.Key_PageDown, ALT)
    key(qtbot, window, Qt.Key.Key_Delete, ALT)  # gold gone here: the row says so
    assert model.index(0, 3).data() == "—"
    window.view.select_span(557, 563)
    key(qtbot, window, Qt.Key.Key_L, ALT)  # splits a point: rows inserted after it
    _check_list(window)
    qtmodeltester.check(model, force_py=True)


def test_a_big_file_is_counted_after_the_first_paint(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    adjudication = window.adjudication
    adjudication.count_at_once = 0  # every file counts as big
    model = adjudication.panel.conflict_model
    resets: list[tuple[int, int]] = []  # (rows, paints of the text so far) at each reset
    model.modelReset.connect(
        lambda: resets.append((model.rowCount(), window.view.paint_stats["paints"])))
    document = open_and_adjudicate(qtbot, window, make_merged(tmp_path))
    assert adjudication.active and adjudication.counting and adjudication.points == []
    assert "Counting conflicts" in adjudication.panel.header.text()
    key(qtbot, window, Qt.Key.Key_PageDown, ALT)  # not yet: says so
    assert adjudication.index == -1
    assert "Still counting" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not adjudication.counting)
    assert adjudication.points == decision_points(document)
    rows, paints = resets[-1]
    assert rows == len(adjudication.points) and paints > 0  # the text painted first
    _check_list(window)
    key(qtbot, window, Qt.Key.Key_PageDown, ALT)
    assert adjudication.index == 0 and adjudication.current_point().start == 75

    again = tmp_path / "again"
    again.mkdir()
    open_and_adjudicate(qtbot, window, make_merged(again))  # an edit while counting: counted again
    assert adjudication.counting
    window.view.select_span(557, 563)
    key(qtbot, window, Qt.Key.Key_L, ALT)
    assert _gold_at(window.document, 557, 563)
    qtbot.waitUntil(lambda: not adjudication.counting)
    assert adjudication.points == decision_points(window.document)
    _check_list(window)


@pytest.mark.parametrize("at_once", [True, False])
def test_opening_counts_the_points_once(qtbot, window, tmp_path, monkeypatch,  # type: ignore[no-untyped-def]
                                        at_once) -> None:
    from annotator import adjudicate

    counts = []
    real = adjudicate._count_steps

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        counts.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(adjudicate, "_count_steps", counting)
    adjudication = window.adjudication
    adjudication.count_at_once = 10_000 if at_once else 0
    document = open_and_adjudicate(qtbot, window, make_merged(tmp_path))
    qtbot.waitUntil(lambda: not adjudication.counting)
    assert counts == [document]
    assert len(adjudication.points) == 5
