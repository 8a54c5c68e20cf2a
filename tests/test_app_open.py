"""Opening a document in a window that is still being built shows its beginning."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotator_ui.mainwindow import MainWindow

SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "000_2ce8f3876ecb932f.tei.xml"


@pytest.fixture(autouse=True)
def _private_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    settings = pytest.importorskip("annotator_ui.settings")
    settings.use_settings_folder(tmp_path_factory.mktemp("settings"))
    settings.reset_app_settings()
    settings.Settings().annotator = "tester"


def test_a_document_opened_before_the_window_shows_starts_at_its_title(qtbot) -> None:
    window = MainWindow()
    window.annotator_name = lambda: "tester"
    qtbot.addWidget(window)
    window.set_document(__import__("annotator.tei", fromlist=["load_tei"]).load_tei(SAMPLE),
                        str(SAMPLE))
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    view = window.view
    assert view.verticalScrollBar().value() == 0
    assert view.firstVisibleBlock().text().startswith("«قسد» تتأهب")
