"""Training the project's CRF from the window (issue 12 §2): Suggestions > Train Model…
trains in a child process from the project's files while the window goes on, saves into
``models/crf`` once complete, and the CRF Model dialog shows the cross-validated scores per
label, for a model trained in the app or with ``annotator train``; retraining asks first, and
Cancel leaves the model there as it was."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from annotator_ui.mainwindow import MainWindow
from annotator_ui.model_training import ModelTraining
from annotator_ui.settings import Settings
from app_window import open_window
from cli_runner import run
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_train_project import marked, write_project

from annotator.suggest.crf_model import META_FILE, MODEL_FILE
from annotator.suggest.project_training import read_model_info
from annotator.tei import save_tei


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "news", count=4)


def write_longer_project(root: Path) -> Path:
    """Six documents of 150 sentences each: training them takes seconds, time to cancel."""
    rng = random.Random(7)
    names = ["محمد علي", "أحمد حسن", "سمير خليل", "نبيه بري", "إميل لحود"]
    places = ["بيروت", "دمشق", "دبي", "لبنان", "حلب", "القاهرة"]
    papers = ["البيان", "الأمم المتحدة", "الجامعة العربية"]

    def line() -> str:
        return rng.choice([
            f"قال {{PER:{rng.choice(names)}}} في {{LOC:{rng.choice(places)}}} إن الوضع هادئ .",
            f"و{{ORG:{rng.choice(papers)}}} نشرت تقريرا عن {{LOC:{rng.choice(places)}}} .",
            f"زار {{PER:{rng.choice(names)}}} مدينة {{LOC:{rng.choice(places)}}} ."])

    root.mkdir(parents=True)
    for number in range(6):
        save_tei(marked(f"b{number}", [line() for _ in range(150)]),
                 root / f"b{number}.tei.xml")
    return root


def start_long_training(qtbot: QtBot, training: ModelTraining) -> Path:
    """Start a training to convergence (it takes seconds) and wait until its iterations run;
    the staging folder it writes in."""
    training.iterations = 1000
    started: list[bool] = []
    training.runner.progress.connect(lambda _run, done, total, name:
                                     started.append(not name and done > 0))
    assert training.train()
    qtbot.waitUntil(lambda: any(started), timeout=60_000)
    staging = training._staging
    assert staging is not None
    return staging


def table(window: MainWindow) -> list[list[str]]:
    dialog = window.suggestions.training.dialog
    assert dialog is not None
    grid = dialog.table
    return [[grid.item(r, c).text() for c in range(grid.columnCount())]
            for r in range(grid.rowCount())]


def beside(project: Path) -> list[str]:
    """What is in the project's models folder (no staging folder may stay)."""
    return sorted(p.name for p in (project / "models").iterdir())


def test_train_model_from_the_window(qtbot: QtBot, settings: Settings, project: Path) -> None:
    window = open_window(qtbot, project / "d0.tei.xml")
    training = window.suggestions.training
    training.iterations = 40
    boxes = window.suggestions.dock.recommender_boxes
    assert not boxes["crf"].isEnabled()
    menu = window.menus["suggestions"]
    assert window.action_by_name["train_model"] in menu.actions()
    assert window.action_by_name["show_model"] in menu.actions()
    asked: list[object] = []
    training.confirm_replace = lambda info: asked.append(info) or True
    progress: list[tuple[int, int, str]] = []
    training.runner.progress.connect(lambda _run, done, total, name:
                                     progress.append((done, total, name)))
    ticks: list[float] = []  # the window's event loop goes on while the child trains
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)

    window.action_by_name["train_model"].trigger()
    assert training.running and not window.action_by_name["train_model"].isEnabled()
    dialog = training.dialog
    assert dialog is not None and dialog.isVisible() and dialog.cancel_button.isVisible()
    qtbot.waitUntil(lambda: not training.running, timeout=120_000)
    timer.stop()

    assert asked == []  # nothing to replace: no question
    assert (project / "models" / "crf" / MODEL_FILE).is_file()
    assert beside(project) == ["crf"]
    info = read_model_info(project / "models" / "crf")
    assert info is not None and info["documents"] == 4 and info["unlabelled_documents"] == 1
    assert info["folds"] == 4  # five wanted, four documents
    assert any(name for _, _, name in progress) and any(not name for _, _, name in progress)
    assert len(ticks) > 10
    rows = table(window)
    assert [row[0] for row in rows][-1] == "All labels (micro)"
    labels = {row[0].split(" (")[-1].rstrip(")") for row in rows[:-1]}
    assert labels == {"PER", "LOC", "ORG"}
    micro = info["cross_validation"]["micro"]
    assert rows[-1][1:] == [f"{micro['precision']:.3f}", f"{micro['recall']:.3f}",
                            f"{micro['f1']:.3f}", str(micro["gold"])]
    assert "Model trained: micro F1" in dialog.progress_label.text()
    assert "4 annotated documents" in dialog.summary.text()
    assert not dialog.cancel_button.isVisible() and dialog.train_button.text() == "Retrain…"
    assert window.action_by_name["train_model"].isEnabled()
    assert boxes["crf"].isEnabled() and boxes["crf"].isChecked()  # offered at once
    # How the training ended is said again in the interface language chosen afterwards.
    f1 = f"{micro['f1']:.3f}"
    try:
        window.apply_language("ar")
        said = dialog.progress_label.text()
        assert "دُرّب النموذج" in said and f1 in said and "Model trained" not in said
    finally:
        window.apply_language("en")
    assert "Model trained: micro F1" in dialog.progress_label.text()


def test_a_model_trained_with_the_cli_is_shown_and_cancel_keeps_it(
        qtbot: QtBot, settings: Settings, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    project = write_longer_project(tmp_path / "news")
    model = project / "models" / "crf"
    status, _, err = run(capsys, "train", project, "-o", model, "--iterations", "5",
                         "--folds", "2")
    assert status == 0, err
    before = {name: (model / name).read_bytes() for name in (MODEL_FILE, META_FILE)}
    window = open_window(qtbot, project / "b1.tei.xml")
    training = window.suggestions.training
    window.action_by_name["show_model"].trigger()
    dialog = training.dialog
    assert dialog is not None and dialog.isVisible()
    rows = table(window)
    assert len(rows) == 4 and rows[-1][0] == "All labels (micro)"
    assert "2 folds" in dialog.note.text()

    asked: list[dict[str, object]] = []
    training.confirm_replace = lambda info: asked.append(info) is None and False
    assert not training.train()  # asked, and answered No: nothing starts
    assert len(asked) == 1 and asked[0]["documents"] == 6 and not training.running

    training.confirm_replace = lambda info: True
    staging = start_long_training(qtbot, training)  # cancelled midway
    assert staging.parent == project / "models"
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not training.running, timeout=10_000)
    assert "cancelled" in dialog.progress_label.text()
    assert {name: (model / name).read_bytes() for name in before} == before
    assert beside(project) == ["crf"] and not staging.exists()
    assert len(table(window)) == 4  # the old model's scores still shown


def test_nothing_to_learn_says_why_and_keeps_the_folder_clean(
        qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "bare"
    folder.mkdir()
    (folder / "a.txt").write_text("نص بلا توسيم .\n", encoding="utf-8")
    window = open_window(qtbot, folder / "a.txt")
    training = window.suggestions.training
    assert training.train()
    qtbot.waitUntil(lambda: not training.running, timeout=60_000)
    dialog = training.dialog
    assert dialog is not None
    assert "Training failed" in dialog.progress_label.text()
    assert "E628" not in dialog.progress_label.text() or "no entity" in \
        dialog.progress_label.text()
    assert sorted(p.name for p in (folder / "models").iterdir()) == []


def test_the_dialog_in_arabic(qtbot: QtBot, settings: Settings, project: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    model = project / "models" / "crf"
    status, _, err = run(capsys, "train", project, "-o", model, "--iterations", "30",
                         "--folds", "3")
    assert status == 0, err
    window = open_window(qtbot, project / "d0.tei.xml")
    try:
        window.apply_language("ar")
        dialog = window.suggestions.training.show_model()
        assert dialog.isRightToLeft()
        assert dialog.windowTitle() != "CRF Model" and "Retrain" not in dialog.train_button.text()
        assert window.action_by_name["train_model"].text() != "&Train Model…"
        rows = table(window)
        assert len(rows) == 4 and rows[-1][0] != "All labels (micro)"
        assert "شخص (PER)" in [row[0] for row in rows]  # the tag set's Arabic name
    finally:
        window.apply_language("en")
    assert QApplication.instance() is not None


def test_closing_the_window_ends_the_training_and_leaves_nothing(
        qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    project = write_longer_project(tmp_path / "news")
    window = open_window(qtbot, project / "b0.tei.xml")
    training = window.suggestions.training
    staging = start_long_training(qtbot, training)
    assert staging.is_dir()
    window.close()
    assert not training.running and training.runner.wait(5)
    assert list((project / "models").iterdir()) == []  # no model, no staging folder
