"""Suggestions in the window: recommenders run in a child process while the window goes on,
suggestions drawn dashed and listed with their score, and the keyboard's next, accept,
reject, accept with another label and accept all, each one undo step; rejected suggestions
never come back after saving and reopening."""

from __future__ import annotations

import time
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest
from annotator_ui.mainwindow import MainWindow
from annotator_ui.settings import Settings
from annotator_ui.suggestions_panel import REFILL_ABOVE, SuggestionModel
from app_window import open_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.gold import SOURCE
from annotator.layers import SUGGESTION, is_open_suggestion
from annotator.model import Annotation, Document
from annotator.suggest.jobs import make_job, run_each, run_job
from annotator.suggest.proposal import Proposal
from annotator.suggest.suggestions import open_suggestions
from annotator.tei import load_tei, read_tei, save_tei

ARTICLE = ("قال وزير الصحة محمد العلي «إن المستشفيات جاهزة لاستقبال الحجاج». "
           "وارتفع عدد الزوار بنسبة 20 في المئة هذا العام، بحسب وزارة الحج.\n"
           "وأكد محمد العلي أن الخطة تسير كما ينبغي في مكة المكرمة.")
OTHER = "زار محمد العلي مكة المكرمة أمس."
RECOMMENDERS = ["cues", "claims", "project"]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A project folder: the article, and another file whose annotator labelled two names."""
    root = tmp_path / "project"
    root.mkdir()
    save_tei(Document("article", ARTICLE), root / "article.tei.xml")
    other = Document("other", OTHER)
    other.annotations.add(Annotation("a1", 4, 14, "PER", "sara"))
    other.annotations.add(Annotation("a2", 15, 26, "LOC", "sara"))
    save_tei(other, root / "other.tei.xml")
    return root


def make_window(qtbot: QtBot, path: Path) -> MainWindow:
    window = open_window(qtbot, path)
    window.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def store(window: MainWindow) -> None:
    """What a run stores, computed in this process (the tests of the worker are below)."""
    document = window.document
    assert document is not None
    proposals = run_job(make_job(document, RECOMMENDERS,
                                 project=window.suggestions.project_folder()))
    window.editing_session(authoring=True).store_suggestions(  # type: ignore[union-attr]
        proposals, recommenders=RECOMMENDERS)


def open_spans(window: MainWindow) -> list[tuple[str, str]]:
    document = window.document
    assert document is not None
    return [(s.label, document.text[s.start:s.end]) for s in open_suggestions(document)]


def recommenders_open(window: MainWindow) -> set[str]:
    document = window.document
    assert document is not None
    return {s.recommender for s in open_suggestions(document)}


def own(window: MainWindow) -> list[tuple[str, str]]:
    document = window.document
    assert document is not None
    return sorted((a.label, document.text[a.start:a.end]) for a in document.annotations
                  if a.layer == "")


def test_run_in_the_background_draws_and_lists(qtbot: QtBot, settings: Settings,
                                               folder: Path) -> None:
    window = make_window(qtbot, folder / "article.tei.xml")
    suggestions = window.suggestions
    ticks: list[float] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(5)
    assert suggestions.suggest(RECOMMENDERS)
    assert suggestions.runner.running and suggestions.dock.cancel_button.isVisible()
    started = time.perf_counter()
    qtbot.waitUntil(lambda: not suggestions.runner.running and bool(suggestions.dock.model.rows),
                    timeout=60_000)
    ran = time.perf_counter() - started
    timer.stop()
    # The GUI thread kept handling events while the child process worked.
    during = [t for t in ticks if started <= t <= started + ran]
    assert len(during) >= min(10, ran / 0.05)
    assert max(b - a for a, b in pairwise(during)) < 0.5
    assert not suggestions.dock.cancel_button.isVisible()
    assert ("QUOTE", "إن المستشفيات جاهزة لاستقبال الحجاج") in open_spans(window)
    assert ("LOC", "مكة المكرمة") in open_spans(window)
    assert any(label == "CLAIM" for label, _ in open_spans(window))
    # Listed with their score and recommender, not in the annotation list.
    model = suggestions.dock.model
    rows = {(model.index(r, SuggestionModel.TEXT).data(),
             model.index(r, SuggestionModel.RECOMMENDER).data(),
             model.index(r, SuggestionModel.SCORE).data()) for r in range(model.rowCount())}
    assert ("مكة المكرمة", "Project names", "0.50") in rows
    assert window.list_model.rowCount() == 0
    # One undo step per recommender, named after it, the last stored first; redo brings
    # them again.
    count = len(open_spans(window))
    assert window.session is not None
    assert window.session.history.undo_text == "Suggestions from project"
    window.undo()
    assert recommenders_open(window) == {"cues", "claims"}
    window.undo()
    assert recommenders_open(window) == {"cues"}
    window.undo()
    assert open_spans(window) == [] and model.rowCount() == 0
    for _ in range(3):
        window.redo()
    assert len(open_spans(window)) == count == model.rowCount()


def test_dashed_outline_in_the_label_colour(qtbot: QtBot, settings: Settings,
                                            folder: Path) -> None:
    window = make_window(qtbot, folder / "article.tei.xml")
    store(window)
    document = window.document
    assert document is not None
    place = next(s for s in open_suggestions(document) if s.label == "LOC")
    qtbot.waitUntil(lambda: bool(window.view.suggestion_rects(place.id)))
    rect = window.view.suggestion_rects(place.id)[0]
    image = window.view.viewport().grab().toImage()
    colour = QColor(window.tagset.get("LOC").color)

    def near(pixel: QColor) -> bool:
        return all(abs(a - b) < 40 for a, b in zip(pixel.getRgb()[:3], colour.getRgb()[:3],
                                                    strict=True))

    y = int(rect.top()) + 1
    edge = [near(image.pixelColor(x, y)) for x in range(int(rect.left()) + 2,
                                                         int(rect.right()) - 2)]
    assert sum(edge) > len(edge) // 4  # dashes in the label's colour...
    assert sum(edge) < len(edge)  # ...with gaps between them
    # No fill: inside the outline, the commonest colour is the view's background.
    inside = Counter(image.pixelColor(x, y).rgb()
                     for x in range(int(rect.left()) + 4, int(rect.right()) - 4)
                     for y in range(int(rect.top()) + 4, int(rect.bottom()) - 4))
    assert inside.most_common(1)[0][0] == window.view.palette().base().color().rgb()
    # A rejected suggestion is drawn no more.
    window.suggestions.make_current(place.id)
    window.suggestions.reject()
    assert window.view.suggestion_rects(place.id) == []


def test_keyboard_next_accept_reject_and_label(qtbot: QtBot, settings: Settings,
                                               folder: Path) -> None:
    window = make_window(qtbot, folder / "article.tei.xml")
    store(window)
    suggestions = window.suggestions
    view = window.view
    view.setFocus()
    view.select_span(0, 0)
    qtbot.keyClick(view, Qt.Key.Key_F7)
    first = open_suggestions(window.document)[0]  # type: ignore[arg-type]
    assert suggestions.current == first.id and view.current_suggestion() == first.id
    assert view.selected_span() == (first.start, first.end)
    # Enter accepts: the annotator's own annotation, with a link to where it came from.
    qtbot.keyClick(view, Qt.Key.Key_Return)
    document = window.document
    assert document is not None
    made = [a for a in document.annotations if a.layer == "" and a.annotator == "layla"]
    assert [(a.label, a.start, a.end) for a in made] == [(first.label, first.start, first.end)]
    assert any(link.role == SOURCE for link in made[0].links)
    assert suggestions.current is not None and suggestions.current != first.id
    window.undo()
    assert own(window) == [] and is_open_suggestion(document.annotations[first.id])
    window.redo()
    assert len(own(window)) == 1
    # Backspace rejects the current one: hidden, kept in the file as rejected.
    rejected = suggestions.current
    assert rejected is not None
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert document.annotations[rejected].attributes["status"] == "rejected"
    assert suggestions.dock.model.row_of(rejected) == -1
    window.undo()
    assert is_open_suggestion(document.annotations[rejected])
    window.redo()
    # A label key while a suggestion is selected accepts it with that label.
    suggestions.make_current(suggestions.current)
    current = document.annotations[suggestions.current]  # type: ignore[index]
    qtbot.keyClick(view, Qt.Key.Key_O)  # ORG
    assert ("ORG", document.text[current.start:current.end]) in own(window)
    # Shift+Enter asks for the label.
    suggestions.ask_label = lambda: "MISC"
    current = document.annotations[suggestions.current]  # type: ignore[index]
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert ("MISC", document.text[current.start:current.end]) in own(window)
    # Next, then previous comes back.
    before = suggestions.current
    qtbot.keyClick(view, Qt.Key.Key_F7)
    assert suggestions.current not in (before, None)
    qtbot.keyClick(view, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert suggestions.current == before


def test_accept_all_of_a_label_is_one_step(qtbot: QtBot, settings: Settings,
                                           folder: Path) -> None:
    window = make_window(qtbot, folder / "article.tei.xml")
    store(window)
    document = window.document
    assert document is not None
    people = [s for s in open_suggestions(document, label="PER")]
    assert len(people) >= 2
    window.suggestions.ask_accept_all = lambda: ("PER", 0.0)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [label for label, _ in own(window)] == ["PER"] * len(people)
    assert open_suggestions(document, label="PER") == []
    window.undo()
    assert own(window) == [] and len(open_suggestions(document, label="PER")) == len(people)
    window.redo()
    assert len(own(window)) == len(people)


def test_rejected_never_come_back_after_saving(qtbot: QtBot, settings: Settings,
                                               folder: Path) -> None:
    path = folder / "article.tei.xml"
    window = make_window(qtbot, path)
    store(window)
    document = window.document
    assert document is not None
    place = next(s for s in open_suggestions(document) if s.label == "LOC")
    window.suggestions.make_current(place.id)
    window.suggestions.reject()
    assert window.save()
    saved = read_tei(path).document
    assert any(a.layer == SUGGESTION and a.attributes.get("status") == "rejected"
               for a in saved.annotations)
    window.open_path(path)  # reopened: the open suggestions are shown and listed again
    count = len(open_suggestions(window.document))  # type: ignore[arg-type]
    assert count and window.suggestions.dock.model.rowCount() == count
    assert ("LOC", "مكة المكرمة") not in open_spans(window)
    # A new run in the window proposes it no more.
    assert window.suggestions.suggest(["project"])
    qtbot.waitUntil(lambda: not window.suggestions.runner.running, timeout=60_000)
    qtbot.wait(50)
    assert ("LOC", "مكة المكرمة") not in open_spans(window)
    assert ("PER", "محمد العلي") in open_spans(window)


def test_cancel_stores_nothing_and_edits_meanwhile_stay(qtbot: QtBot, settings: Settings,
                                                        folder: Path) -> None:
    window = make_window(qtbot, folder / "article.tei.xml")
    suggestions = window.suggestions
    assert suggestions.suggest(RECOMMENDERS)
    suggestions.cancel()
    assert not suggestions.dock.cancel_button.isVisible()
    qtbot.wait(300)
    assert open_spans(window) == []
    # Labelling while a run goes on: the run's proposal over that span is skipped.
    assert suggestions.suggest(RECOMMENDERS)
    window.view.select_span(172, 183)
    window.annotate_selection("LOC")
    assert own(window) == [("LOC", "مكة المكرمة")]
    qtbot.waitUntil(lambda: not suggestions.runner.running and bool(open_spans(window)),
                    timeout=60_000)
    assert ("LOC", "مكة المكرمة") not in open_spans(window)
    assert own(window) == [("LOC", "مكة المكرمة")]


def test_no_recovery_copy_is_written_while_a_run_stores(qtbot: QtBot, settings: Settings,
                                                       folder: Path) -> None:
    """The recovery copy waits for the run's end (writing a big document would take the CPU
    the recommenders need), then comes an interval later, suggestions and edits included."""
    window = make_window(qtbot, folder / "article.tei.xml")
    part, autosaver = window.suggestions, window.workflow.autosaver
    autosaver.set_interval(100)
    written: list[tuple[str, bool]] = []  # each copy, and whether the run was going on
    autosaver.saved.connect(lambda path: written.append((path, part.busy)))
    held: list[bool] = []
    part.running_changed.connect(held.append)
    assert part.suggest(RECOMMENDERS)
    window.view.select_span(172, 183)
    window.annotate_selection("LOC")  # an edit during the run
    qtbot.waitUntil(lambda: not part.busy, timeout=60_000)
    assert held == [True, False]
    qtbot.waitUntil(lambda: bool(written), timeout=10_000)
    assert [busy for _, busy in written] == [False]
    copy = load_tei(written[-1][0])
    assert ("LOC", "مكة المكرمة") in [(a.label, copy.text[a.start:a.end])
                                      for a in copy.annotations if a.layer == ""]
    assert any(a.layer == SUGGESTION for a in copy.annotations)
    # Cancelled, the run lets the copies go as well.
    assert part.suggest(RECOMMENDERS)
    part.cancel()
    assert held == [True, False, True, False]


def test_a_store_computed_before_an_edit_is_computed_again(qtbot: QtBot, settings: Settings,
                                                           folder: Path) -> None:
    window = make_window(qtbot, folder / "article.tei.xml")
    part = window.suggestions
    document = window.document
    assert document is not None
    batches = list(run_each(make_job(document, RECOMMENDERS, project=part.project_folder())))
    # What a run does as each recommender finishes: the store is computed on a thread from
    # a snapshot...
    part.names, part._run_document = list(RECOMMENDERS), document
    for name, proposals in batches:
        part._batch(part.runner.run_number, name, proposals)
    part._finished(part.runner.run_number)
    assert part.busy
    # ...and the annotator labels a span before it comes back: it is computed again.
    window.view.select_span(172, 183)
    window.annotate_selection("LOC")
    qtbot.waitUntil(lambda: not part.busy, timeout=30_000)
    assert own(window) == [("LOC", "مكة المكرمة")]
    assert ("LOC", "مكة المكرمة") not in open_spans(window)
    assert ("QUOTE", "إن المستشفيات جاهزة لاستقبال الحجاج") in open_spans(window)
    assert part.dock.model.rowCount() == len(open_spans(window))
    for _ in RECOMMENDERS:  # the stores, one per recommender, then the label
        window.undo()
    assert open_spans(window) == [] and own(window) == [("LOC", "مكة المكرمة")]
    window.undo()
    assert own(window) == []


def test_each_store_lists_every_open_suggestion(qtbot: QtBot, settings: Settings,
                                                folder: Path) -> None:
    """A store after another lists the open suggestions from those the one before listed
    (suggest_store.open_after): the panel, refilled from them, shows the document's."""
    path = folder / "long.tei.xml"
    save_tei(Document("long", "\n".join([ARTICLE] * 300)), path)
    window = make_window(qtbot, path)
    part = window.suggestions
    document = window.document
    assert document is not None

    def store_run(batches: list[tuple[str, list[Proposal]]]) -> None:
        part.names, part._run_document = [name for name, _ in batches], document
        part._run_over = False
        for name, proposals in batches:
            part._batch(part.runner.run_number, name, proposals)
        part._finished(part.runner.run_number)
        qtbot.waitUntil(lambda: not part.busy, timeout=60_000)

    def listed() -> list[tuple[str, float]]:
        return [(s.id, s.score) for s in part.dock.model.rows]

    batches = list(run_each(make_job(document, RECOMMENDERS, project=part.project_folder())))
    assert all(len(proposals) > REFILL_ABOVE for _, proposals in batches)
    store_run(batches)
    assert listed() == [(s.id, s.score) for s in open_suggestions(document)]
    # Again, each recommender proposing a third fewer, the others scored lower: its open
    # suggestions removed or changed in place, the other recommenders' kept.
    store_run([(name, [p._replace(score=p.score / 2) for i, p in enumerate(proposals)
                       if i % 3]) for name, proposals in batches])
    assert listed() == [(s.id, s.score) for s in open_suggestions(document)]
    assert len(listed()) < sum(len(proposals) for _, proposals in batches)


def test_a_crf_trained_into_the_project_is_offered(qtbot: QtBot, settings: Settings,
                                                   folder: Path) -> None:
    from annotator.suggest.crf_model import train_crf

    window = make_window(qtbot, folder / "article.tei.xml")
    boxes = window.suggestions.dock.recommender_boxes
    assert not boxes["crf"].isEnabled() and not boxes["crf"].isChecked()
    assert not boxes["model"].isEnabled()  # no suggestions.toml names one
    training = read_tei(folder / "other.tei.xml").document
    train_crf([training, training]).save(folder / "models" / "crf")
    window.open_path(folder / "article.tei.xml")
    assert boxes["crf"].isEnabled() and boxes["crf"].isChecked()
    assert window.suggestions.suggest(["crf"])
    qtbot.waitUntil(lambda: not window.suggestions.busy, timeout=60_000)
    document = window.document
    assert document is not None
    found = open_suggestions(document)
    assert found and {s.recommender for s in found} == {"crf"}
    assert "Suggesting failed" not in window.suggestions.dock.status_label.text()


def test_each_recommender_is_shown_as_soon_as_it_finishes(qtbot: QtBot, settings: Settings,
                                                          folder: Path) -> None:
    """Quote cues take a fraction of a second on this article, the CRF several: the cues'
    suggestions are listed and drawn while the CRF still runs, the progress names the
    recommender running and those done, and undo takes one recommender's batch at a time."""
    from annotator.suggest.crf_model import train_crf

    training = read_tei(folder / "other.tei.xml").document
    train_crf([training, training]).save(folder / "models" / "crf")
    path = folder / "long.tei.xml"
    save_tei(Document("long", "\n".join([ARTICLE] * 2000)), path)
    window = make_window(qtbot, path)
    part = window.suggestions
    seen: dict[str, tuple[int, bool]] = {}  # recommender -> (cue rows listed, one drawn)

    def batch_arrived(_run: int, name: str, _proposals: object) -> None:
        document = window.document
        assert document is not None
        cues = [s for s in open_suggestions(document) if s.recommender == "cues"]
        rows = [s for s in part.dock.model.rows if s.recommender == "cues"]
        drawn = bool(cues) and bool(window.view.suggestion_rects(cues[0].id))
        seen[name] = (len(rows), drawn)

    texts: list[str] = []
    part.runner.batch.connect(batch_arrived)
    assert part.suggest(["crf", "cues"])
    assert part.names == ["cues", "crf"]  # the fast cues first, whatever the order asked
    # The status as the run goes (the CRF runs in its own process, seconds after the cues).
    qtbot.waitUntil(lambda: texts.append(part.dock.status_label.text()) or not part.busy,
                    timeout=120_000)
    # When the CRF's batch arrived, the cues' suggestions were already listed and drawn.
    assert seen["crf"][0] > 1000 and seen["crf"][1]
    assert any("CRF model" in t and "Quote cues" in t for t in texts)
    assert "Suggesting failed" not in part.dock.status_label.text()
    assert recommenders_open(window) == {"cues", "crf"}
    session = window.session
    assert session is not None
    assert session.history.undo_text == "Suggestions from crf"
    window.undo()
    assert recommenders_open(window) == {"cues"}
    assert session.history.undo_text == "Suggestions from cues"
    window.undo()
    assert open_spans(window) == [] and part.dock.model.rowCount() == 0


def test_the_cues_and_the_crf_run_at_the_same_time(qtbot: QtBot, settings: Settings,
                                                   folder: Path) -> None:
    """The cue lists and the trained models run in two processes side by side (a core
    each): the CRF reports progress before the cues, claims and project names are all done
    (one after the other it would start after them), each batch is stored as it arrives,
    and Cancel ends both processes."""
    from annotator.suggest.crf_model import train_crf

    training = read_tei(folder / "other.tei.xml").document
    train_crf([training, training]).save(folder / "models" / "crf")
    path = folder / "long.tei.xml"
    save_tei(Document("long", "\n".join([ARTICLE] * 2000)), path)
    window = make_window(qtbot, path)
    part = window.suggestions
    events: list[tuple[str, str, float]] = []
    part.runner.progress.connect(
        lambda name, *_: events.append(("progress", name, time.perf_counter())))
    part.runner.batch.connect(
        lambda _run, name, _p: events.append(("batch", name, time.perf_counter())))
    assert part.suggest(["crf", *RECOMMENDERS])
    qtbot.waitUntil(lambda: not part.busy, timeout=120_000)
    batches = [(name, at) for kind, name, at in events if kind == "batch"]
    assert [name for name, _ in batches] == [*RECOMMENDERS, "crf"]  # the fast cues first
    crf_started = next(at for kind, name, at in events if kind == "progress" and name == "crf")
    assert crf_started < dict(batches)["project"]
    assert [name for name, _ in part.stored] == [*RECOMMENDERS, "crf"]
    assert recommenders_open(window) == {*RECOMMENDERS, "crf"}
    # Cancel ends both processes.
    part.suggest(["crf", *RECOMMENDERS])
    qtbot.waitUntil(lambda: len(part.runner._processes) == 2, timeout=30_000)
    processes = list(part.runner._processes)
    part.cancel()
    qtbot.waitUntil(lambda: not part.busy, timeout=10_000)  # the reader joins them
    assert all(process.exitcode is not None for process in processes)
