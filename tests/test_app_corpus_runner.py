"""The corpus dock reads and searches a corpus off the GUI thread: the window keeps
processing events during a search over a few hundred documents, progress is shown, the hits
arrive and open, Cancel stops a run, a new search replaces the one under way, and the open
document takes part with its unsaved edits."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from annotator_ui.concordance import HitModel
from annotator_ui.corpus_runner import TEXT, CorpusQuery, OpenDocument, run_query
from annotator_ui.mainwindow import MainWindow
from annotator_ui.settings import Settings
from app_window import open_window
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from annotator.concordance import load_corpus, search_text
from annotator.model import Document
from annotator.occurrences import find_occurrences
from annotator.tei_write import tei_bytes

DOCUMENTS = 300
NEEDLE = "طرابلس"  # in every seventh document, twice
NAMES = (("لبنان", "GPE"), ("بيروت", "LOC"), ("دمشق", "LOC"), ("الأمم المتحدة", "ORG"),
         ("محمد علي", "PER"))
SENTENCES = (
    "قال مسؤولون في {name} إن المفاوضات ستستمر خلال الأسابيع المقبلة.",
    "وأكدت مصادر مطلعة أن الوفد وصل إلى {name} صباح أمس لبحث الملفات العالقة.",
    "وأعلنت {name} أن المساعدات ستصل تباعا إلى المناطق المتضررة.",
    "وفي {name}، رحب الأهالي بالقرار وطالبوا بتنفيذه سريعا ودون تأخير.",
)


def article(number: int, rng: random.Random) -> Document:
    """A news-like document of about a hundred sentences; a third of its names labelled."""
    lines = []
    for sentence in range(100):
        name = NEEDLE if number % 7 == 0 and sentence in (10, 60) else rng.choice(NAMES)[0]
        lines.append(rng.choice(SENTENCES).format(name=name))
    text = "\n".join(lines)
    document = Document(f"doc{number:03d}", text)
    for name, label in NAMES:
        for count, (start, end) in enumerate(find_occurrences(text, name)):
            if count % 3 == 0:
                document.annotate(start, end, label, annotator="layla")
    return document


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("runner") / "corpus"
    root.mkdir()
    rng = random.Random(13)
    for number in range(DOCUMENTS):
        document = article(number, rng)
        (root / f"{document.id}.tei.xml").write_bytes(tei_bytes(document))
    return root


def start_search(window: MainWindow, query: str, mode: str = "text") -> None:
    part = window.concordance
    part.show_concordance()
    part.dock.query_edit.setText(query)
    part.dock.mode_combo.setCurrentIndex(part.dock.mode_combo.findData(mode))
    part.dock.search_button.click()


def test_the_window_goes_on_while_a_corpus_is_searched(qtbot: QtBot, settings: Settings,
                                                       corpus: Path) -> None:
    window = open_window(qtbot, corpus / "doc001.tei.xml")
    part = window.concordance
    ticks: list[tuple[float, bool]] = []
    progress: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append((time.perf_counter(), part.runner.running)))
    part.runner.progress.connect(lambda _run, done, _total, _name: progress.append(done))
    timer.start()
    with qtbot.waitSignal(part.done, timeout=120_000):
        start_search(window, NEEDLE)
        assert part.runner.running  # the click came back while the run goes on
        assert part.dock.progress_bar.isVisible() and part.dock.cancel_button.isVisible()
    timer.stop()
    during = [at for at, running in ticks if running]
    # The GUI thread kept running its timers (and so painting, typing) during the run.
    assert len(during) >= 5, f"only {len(during)} timer ticks during the search"
    assert max(progress) >= DOCUMENTS  # every file read was reported
    assert not part.dock.progress_bar.isVisible()
    # The hits are those of the core searching the same files.
    expected = search_text(load_corpus([corpus]), NEEDLE)
    assert len(expected) == 2 * len(range(0, DOCUMENTS, 7))
    dock = part.dock
    assert sorted((h.document_id, h.start) for h in dock.model.hits) == \
        sorted((h.document_id, h.start) for h in expected)
    # A double-click still opens the hit's document and selects the match.
    row = [h.document_id for h in dock.model.hits].index("doc014")
    hit = dock.model.hits[row]
    table = dock.table
    table.scrollTo(dock.model.index(row, HitModel.MATCH))
    rect = table.visualRect(dock.model.index(row, HitModel.MATCH))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert Path(window.current_path or "") == corpus / "doc014.tei.xml"
    assert window.view.selected_span() == (hit.start, hit.end)
    assert window.document is not None
    assert window.document.text[hit.start:hit.end] == NEEDLE


def test_cancel_stops_a_check_and_a_new_search_replaces_the_old(
        qtbot: QtBot, settings: Settings, corpus: Path) -> None:
    window = open_window(qtbot, corpus / "doc001.tei.xml")
    part = window.concordance
    part.show_inconsistencies()
    with qtbot.waitSignal(part.done, timeout=120_000):
        part.dock.check_button.click()
        assert part.runner.running
        part.dock.cancel_button.click()
    assert part.dock.findings == [] and part.dock.tree.topLevelItemCount() == 0
    assert not part.dock.progress_bar.isVisible()
    assert "cancelled" in window.statusBar().currentMessage()
    assert part.runner.wait(10)  # the child process was ended
    # A search started while another runs: only the second one's hits are shown.
    finished: list[int] = []
    part.runner.finished.connect(lambda run, _result: finished.append(run))
    with qtbot.waitSignal(part.done, timeout=120_000):
        start_search(window, "دمشق")
        first = part.runner.run
        start_search(window, NEEDLE)
    assert {h.match for h in part.dock.model.hits} == {NEEDLE}
    assert first not in finished  # the first run stopped at its next file


def test_the_open_documents_unsaved_edits_are_searched(qtbot: QtBot, settings: Settings,
                                                       corpus: Path) -> None:
    window = open_window(qtbot, corpus / "doc003.tei.xml")
    document = window.document
    assert document is not None
    start, end = find_occurrences(document.text, "المساعدات")[0]
    window.view.select_span(start, end)
    window.annotate_selection("MISC", exact=True)  # not saved
    assert window.is_modified()
    part = window.concordance
    with qtbot.waitSignal(part.done, timeout=120_000):
        start_search(window, "المساعدات", "annotations")
    assert [(h.document_id, h.start, h.label) for h in part.dock.model.hits] == [
        ("doc003", start, "MISC")]


def test_the_open_document_is_sent_as_it_was(corpus: Path) -> None:
    document = load_corpus([corpus / "doc007.tei.xml"]).documents[0].document
    sent = OpenDocument.of(document)
    first = next(iter(document.annotations))
    document.annotations.remove(first.id)  # an edit after the run started
    rebuilt = sent.document()
    assert first.id in rebuilt.annotations and len(rebuilt.annotations) == \
        len(document.annotations) + 1
    assert [(a.id, a.start, a.end, a.label, a.annotator) for a in rebuilt.annotations.sorted()
            if a.id != first.id] == [(a.id, a.start, a.end, a.label, a.annotator)
                                     for a in document.annotations.sorted()]
    # run_query reads the files with the open one as sent
    query = CorpusQuery(TEXT, corpus, NEEDLE, open_path=str(corpus / "doc007.tei.xml"),
                        open_document=sent)
    steps: list[int] = []
    result = run_query(query, lambda done, _total, _name: steps.append(done))
    assert len(result.hits) == len(search_text(load_corpus([corpus]), NEEDLE))
    # each file read, then each text searched, then the end
    assert steps == [*range(2 * DOCUMENTS), 2 * DOCUMENTS]
