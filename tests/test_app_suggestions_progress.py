"""The progress of a suggestions run in the window: shown as the recommenders report it, the
child processes reporting whole percentages only."""

from __future__ import annotations

import re
from pathlib import Path

from annotator_ui.settings import Settings
from annotator_ui.suggestions_panel import recommender_title
from app_window import open_window
from pytestqt.qtbot import QtBot

from annotator.model import Annotation, Document
from annotator.tei import save_tei

ARTICLE = ("قال وزير الصحة محمد العلي «إن المستشفيات جاهزة لاستقبال الحجاج». "
           "وارتفع عدد الزوار بنسبة 20 في المئة هذا العام، بحسب وزارة الحج.\n"
           "وأكد محمد العلي أن الخطة تسير كما ينبغي في مكة المكرمة.")


def test_progress_is_shown_as_the_recommenders_report_it(qtbot: QtBot, settings: Settings,
                                                         tmp_path: Path) -> None:
    """After each progress message the panel and the status bar say which recommender runs
    and how far the run is, never going back; the CRF, reporting every 50 of the article's
    6,000 sentences, sends one message per whole percent."""
    from annotator.suggest.crf_model import train_crf

    folder = tmp_path / "project"
    folder.mkdir()
    training = Document("other", "زار محمد العلي مكة المكرمة أمس.")
    training.annotations.add(Annotation("a1", 4, 14, "PER", "sara"))
    train_crf([training, training]).save(folder / "models" / "crf")
    path = folder / "long.tei.xml"
    save_tei(Document("long", "\n".join([ARTICLE] * 2000)), path)
    window = open_window(qtbot, path)
    part = window.suggestions
    shown: list[tuple[str, str, str, int]] = []  # recommender, panel, status bar, bar value
    part.runner.progress.connect(lambda name, _done, _total: shown.append(
        (name, part.dock.status_label.text(), window.statusBar().currentMessage(),
         part.dock.progress_bar.value())))  # connected after the window's own slot
    assert part.suggest(["cues", "crf"])
    qtbot.waitUntil(lambda: not part.busy, timeout=120_000)
    assert "Suggesting failed" not in part.dock.status_label.text()
    assert {name for name, *_ in shown} == {"cues", "crf"}
    percents = []
    for name, panel, status, _ in shown:
        assert panel == status
        found = re.match(rf"{re.escape(recommender_title(name))}: (\d+)%", panel)
        assert found, panel
        percents.append(int(found.group(1)))
    assert percents == sorted(percents) and percents[-1] > percents[0]
    values = [value for *_, value in shown]
    assert values == sorted(values)
    crf = sum(1 for name, *_ in shown if name == "crf")
    assert 50 <= crf <= 103  # a message per 50 sentences would be 121
