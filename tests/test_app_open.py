"""Opening a document in a window that is still being built shows its beginning."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotator_ui.mainwindow import MainWindow

SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "000_2ce8f3876ecb932f.tei.xml"


pytestmark = pytest.mark.usefixtures("app_settings")


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
