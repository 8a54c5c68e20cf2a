"""The inspector shows attribute values by their names in the interface language."""

from __future__ import annotations

import pytest
from annotator_ui.mainwindow import MainWindow
from PySide6.QtWidgets import QComboBox

from annotator.model import Document

pytestmark = pytest.mark.usefixtures("app_settings")


def test_arabic_inspector_names_values_and_stores_the_value_itself(qtbot) -> None:
    window = MainWindow()
    window.annotator_name = lambda: "tester"
    window.ask_unsaved = lambda: "discard"  # closing at teardown must not wait on a dialog
    qtbot.addWidget(window)
    document = Document("d", "قال عمر إن المدينة آمنة")
    quote = document.annotate(8, 23, "QUOTE", annotator="tester", attributes={"type": "direct"})
    window.set_document(document, None)
    window.inspector.language = "ar"
    window.set_current(quote.id)
    combo = window.inspector.findChild(QComboBox, "attribute-type")
    shown = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert shown["direct"] == "مباشر" and shown["indirect"] == "غير مباشر"
    combo.setCurrentIndex(combo.findData("indirect"))
    combo.activated.emit(combo.currentIndex())
    assert document.annotations[quote.id].attributes["type"] == "indirect"
