"""Adjudicating links and attributes in the window: the app lists what ``annotator merge``
reports, Alt+N decides a quote's speaker and type, and a speaker accepted after its quote
completes the gold link (issue 13 §2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from annotator_ui import settings
from annotator_ui.mainwindow import MainWindow
from cli_runner import run
from PySide6.QtCore import Qt
from test_app_adjudication import ALT, CTRL_SHIFT, key
from test_cli_merge_table import write_sets

from annotator.adjudicate import decision_points
from annotator.tei import load_tei

LEAD = "Layla"


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


def _merge(tmp_path: Path, capsys: pytest.CaptureFixture[str], *options: str
           ) -> tuple[Path, list[dict[str, object]]]:
    merged, listed = tmp_path / "merged.tei.xml", tmp_path / "conflicts.jsonl"
    status, _, _ = run(capsys, "merge", *write_sets(tmp_path), "-o", merged, "--conflicts",
                       listed, "--lead", LEAD, *options)
    assert status == 0
    return merged, [json.loads(line)
                    for line in listed.read_text(encoding="utf-8").splitlines()]


def _plain(text: str) -> str:
    """``text`` without the isolates around its parts."""
    return text.replace("\u2068", "").replace("\u2069", "")


def _start(qtbot, window: MainWindow, path: Path) -> None:  # type: ignore[no-untyped-def]
    window.open_path(path)
    key(qtbot, window, Qt.Key.Key_J, CTRL_SHIFT)
    assert window.adjudication.active


def _goto(qtbot, window: MainWindow, start: int) -> None:  # type: ignore[no-untyped-def]
    """Alt+PgDown / Alt+PgUp to the conflict starting at ``start``."""
    adjudication = window.adjudication
    target = next(n for n, p in enumerate(adjudication.points) if p.start == start)
    for _ in range(len(adjudication.points) + 1):
        if adjudication.index == target:
            return
        step = Qt.Key.Key_PageDown if adjudication.index < target else Qt.Key.Key_PageUp
        key(qtbot, window, step, ALT)
    pytest.fail(f"no conflict at {start}")


def test_the_app_lists_the_conflicts_merge_reports_links_included(
        qtbot, window, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    merged, records = _merge(tmp_path, capsys)
    _start(qtbot, window, merged)
    adjudication = window.adjudication
    rows = adjudication.panel.conflict_model
    assert rows.rowCount() == len(records) == 5
    assert [(p.start, list(p.kinds)) for p in adjudication.points] == [
        (r["start"], r["kinds"]) for r in records]
    kinds = [rows.index(n, rows.KIND).data() for n in range(rows.rowCount())]
    assert kinds.count("attribute, link") == 2
    # the quote: one version per reading, each saying its type and speaker
    quote = next(r for r in records if r["text"] == "ستعلن النتائج")
    _goto(qtbot, window, quote["start"])
    versions = adjudication.panel.versions
    shown = [versions.topLevelItem(n).text(2) for n in range(versions.topLevelItemCount())]
    assert "\u2068«محمد»\u2069" in shown[0]  # Arabic isolated in the row
    texts = [_plain(text) for text in shown]
    assert "Quotation: direct · Speaker → «محمد»" in texts[0]
    assert "Quotation: indirect · Speaker → «أرامكو»" in texts[1]
    assert "Speaker" not in texts[2]  # carol drew no speaker
    assert versions.topLevelItem(3).text(0) == "Gold"
    window.grab().save(str(tmp_path / "adjudicate-links.png"))

    key(qtbot, window, Qt.Key.Key_2, ALT)  # bob's: أرامكو speaks, indirectly
    document = window.document
    gold = window.session.gold_at(quote["start"], quote["end"], "QUOTE")
    org = next(a for a in document.annotations if a.layer == "gold" and a.label == "ORG"
               and document.span_text(a) == "أرامكو")
    assert gold.link_targets("speaker") == [org.id] and gold.attributes["type"] == "indirect"
    assert adjudication.points == decision_points(document)
    assert adjudication.current_point().decided


def test_accepting_quote_then_speaker_keeps_the_link(
        qtbot, window, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    # unanimity: gold holds only what all three drew alike (محمد), so the quote and the
    # claim's claimant قسد are the lead's to decide
    merged, records = _merge(tmp_path, capsys, "--strategy", "unanimity")
    _start(qtbot, window, merged)
    adjudication = window.adjudication
    document = window.document
    claim = next(r for r in records if r["text"] == "«قواتها» تتأهب")
    claimant = next(r for r in records if r["text"] == "قسد")
    assert window.session.gold_at(claimant["start"], claimant["end"], "ORG") is None

    _goto(qtbot, window, claim["start"])  # alice's claim first: قسد claims, check-worthy
    key(qtbot, window, Qt.Key.Key_1, ALT)
    gold = window.session.gold_at(claim["start"], claim["end"], "CLAIM")
    assert gold is not None and gold.link_targets("claimant") == []
    # flagged: the header, the gold row and the status bar say what the link waits for
    waits = "Claimant waits for «قسد» to be accepted"
    assert waits in _plain(adjudication.panel.header.text())
    assert waits in _plain(window.statusBar().currentMessage())
    versions = adjudication.panel.versions
    gold_row = versions.topLevelItem(versions.topLevelItemCount() - 1)
    assert gold_row.text(0) == "Gold" and "\n⚠ " + waits in _plain(gold_row.text(2))

    _goto(qtbot, window, claimant["start"])  # the claimant: the claim's link is completed
    key(qtbot, window, Qt.Key.Key_1, ALT)
    org = window.session.gold_at(claimant["start"], claimant["end"], "ORG")
    gold = window.session.gold_at(claim["start"], claim["end"], "CLAIM")
    assert org is not None and gold.link_targets("claimant") == [org.id]
    assert adjudication.points == decision_points(document)
    claim_point = next(p for p in adjudication.points if p.start == claim["start"])
    assert claim_point.decided

    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo
    gold = window.session.gold_at(claim["start"], claim["end"], "CLAIM")
    assert gold.link_targets("claimant") == []
    assert window.session.gold_at(claimant["start"], claimant["end"], "ORG") is None
    assert adjudication.points == decision_points(document)
    key(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # redo
    key(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    again = load_tei(merged)
    (saved,) = [a for a in again.annotations if a.layer == "gold" and a.label == "CLAIM"]
    (target,) = saved.link_targets("claimant")
    assert again.span_text(again.annotations[target]) == "قسد"
