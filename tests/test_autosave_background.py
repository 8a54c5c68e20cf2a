"""The autosave timer writes the recovery copy on a worker thread (issue 12 §1: typing never
waits for it): what it writes is what the synchronous flush() writes, the GUI thread keeps
handling events meanwhile, and clear() or the end of the process during a write leave a
complete copy or none."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from annotator_ui.autosave import Autosaver, RecoveryStore
from PySide6.QtCore import QTimer

from annotator.atomic import is_temporary_name
from annotator.model import Document
from annotator.recovery import NOTE_TARGET
from annotator.tei import load_tei

WORDS = ["قال", "الرئيس", "محمود", "عبّاس", "لـ«البيان»", "إنّ", "الاتفاق", "قريب", "👍"]


def big_document(words: int = 60_000, spans: int = 20_000, seed: int = 7) -> Document:
    """A document big enough that writing it takes a good part of a second."""
    rng = random.Random(seed)
    chosen = [rng.choice(WORDS) for _ in range(words)]
    document = Document("big-1", " ".join(chosen), title="خبر طويل")
    starts, position = [], 0
    for word in chosen:
        starts.append((position, position + len(word)))
        position += len(word) + 1
    for start, end in rng.sample(starts, spans):
        document.annotate(start, end, rng.choice(["PER", "ORG", "GPE"]),
                          annotator=rng.choice(["layla", "omar"]))
    return document


def without_note(tei: bytes) -> bytes:
    """A copy's bytes without its note (which holds the time it was written)."""
    return b"".join(line for line in tei.splitlines(keepends=True)
                    if not line.startswith(b"<?" + NOTE_TARGET.encode()))


def copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.tei.xml")) if folder.exists() else []


def test_copy_is_a_snapshot_that_later_edits_leave_alone() -> None:
    document = big_document(words=200, spans=50)
    copy = document.copy()
    assert copy == document
    document.annotate(0, 3, "MISC", annotator="layla")
    document.annotations.remove(next(iter(document.annotations)).id)
    document.status["layla"] = "done"
    document.title = "another"
    assert copy != document
    assert len(copy.annotations) == 50 and copy.status == {} and copy.title == "خبر طويل"
    assert copy.annotations.new_id() not in copy.annotations


def test_background_copy_equals_the_flushed_one(qtbot, tmp_path: Path) -> None:
    document = big_document(words=3000, spans=800)
    document.status["layla"] = "in progress"
    original = str(tmp_path / "article.tei.xml")
    background = Autosaver(RecoveryStore(tmp_path / "a"), lambda: (document, original, None),
                           interval_ms=100)
    synchronous = Autosaver(RecoveryStore(tmp_path / "b"), lambda: (document, original, None))
    background.document_changed()
    with qtbot.wait_signal(background.saved, timeout=10_000) as written:
        pass
    synchronous.document_changed()
    flushed = synchronous.flush()
    assert flushed is not None
    [copy] = copies(tmp_path / "a")
    assert written.args == [str(copy)]
    assert without_note(copy.read_bytes()) == without_note(flushed.read_bytes())
    assert load_tei(copy) == document
    assert not background.pending and not background.writing


def test_the_gui_thread_ticks_while_a_big_copy_is_written(qtbot, tmp_path: Path) -> None:
    document = big_document()
    store = RecoveryStore(tmp_path / "recovery")
    autosaver = Autosaver(store, lambda: (document, None, None), interval_ms=100)
    ticks_while_writing: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: autosaver.writing and ticks_while_writing.append(1))
    timer.start(1)
    autosaver.document_changed()
    qtbot.waitUntil(lambda: autosaver.writing, timeout=5000)
    document.annotate(0, 3, "MISC", annotator="layla")  # an edit while the copy is written
    autosaver.document_changed()
    with qtbot.wait_signal(autosaver.saved, timeout=30_000):
        pass
    timer.stop()
    # A write on the GUI thread would have let no tick through.
    assert len(ticks_while_writing) >= 3
    [copy] = copies(store.folder)
    assert len(load_tei(copy).annotations) == len(document.annotations) - 1
    assert autosaver.pending  # the edit made meanwhile waits for the next timer
    with qtbot.wait_signal(autosaver.saved, timeout=30_000):
        pass
    assert load_tei(copy) == document and not autosaver.pending


def test_clear_during_a_write_leaves_no_copy(qtbot, tmp_path: Path) -> None:
    document = big_document()
    store = RecoveryStore(tmp_path / "recovery")
    autosaver = Autosaver(store, lambda: (document, None, None), interval_ms=100)
    reported: list[str] = []
    autosaver.saved.connect(reported.append)
    autosaver.document_changed()
    qtbot.waitUntil(lambda: autosaver.writing, timeout=5000)
    autosaver.clear()
    assert not autosaver.writing and not autosaver.pending
    assert list(store.folder.iterdir()) == []
    qtbot.wait(300)  # the worker's report arrives late: it must not bring the copy back
    assert list(store.folder.iterdir()) == [] and reported == []


def test_flush_during_a_write_waits_for_it_then_writes_the_latest(qtbot,
                                                                  tmp_path: Path) -> None:
    document = big_document()
    store = RecoveryStore(tmp_path / "recovery")
    autosaver = Autosaver(store, lambda: (document, None, None), interval_ms=100)
    reported: list[str] = []
    autosaver.saved.connect(reported.append)
    autosaver.document_changed()
    qtbot.waitUntil(lambda: autosaver.writing, timeout=5000)
    document.annotate(0, 3, "MISC", annotator="layla")
    autosaver.document_changed()
    written = autosaver.flush()
    assert written is not None and len(reported) == 2  # the background write, then this one
    assert load_tei(written) == document
    qtbot.wait(300)
    assert len(reported) == 2 and not autosaver.pending


ENDS_DURING_A_WRITE = r'''
import sys
from PySide6.QtCore import QCoreApplication
from annotator_ui.autosave import Autosaver, RecoveryStore
sys.path.insert(0, sys.argv[2])
from test_autosave_background import big_document

app = QCoreApplication([])
document = big_document()
autosaver = Autosaver(RecoveryStore(sys.argv[1]), lambda: (document, None, None),
                      interval_ms=100)
autosaver.document_changed()
while not autosaver.writing:
    app.processEvents()
print("writing", flush=True)
'''  # and the process ends, the write still running


def test_the_process_ending_during_a_write_leaves_a_complete_copy_or_none(
        tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    ended = subprocess.run(
        [sys.executable, "-c", ENDS_DURING_A_WRITE, str(folder), str(Path(__file__).parent)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert ended.returncode == 0, ended.stderr
    assert ended.stdout == "writing\n"
    assert not [p for p in folder.iterdir() if is_temporary_name(p.name)]
    expected = big_document()  # the same, but for the times its annotations were made
    for copy in copies(folder):
        restored = load_tei(copy)
        assert restored.text == expected.text
        assert spans(restored) == spans(expected)


def spans(document: Document) -> list[tuple[str, int, int, str, str]]:
    return sorted((a.id, a.start, a.end, a.label, a.annotator) for a in document.annotations)


def test_held_copies_wait_for_the_release(qtbot, tmp_path: Path) -> None:
    document = big_document(words=300, spans=60)
    autosaver = Autosaver(RecoveryStore(tmp_path / "r"),
                          lambda: (document, str(tmp_path / "a.tei.xml"), None), interval_ms=100)
    written: list[str] = []
    autosaver.saved.connect(written.append)
    autosaver.set_held(True)
    autosaver.document_changed()
    qtbot.wait(400)  # four intervals: the timer fired, nothing was written
    assert written == [] and copies(tmp_path / "r") == [] and autosaver.pending
    autosaver.set_held(False)  # the pending change is written an interval later
    qtbot.waitUntil(lambda: bool(written), timeout=10_000)
    assert load_tei(copies(tmp_path / "r")[0]) == document and not autosaver.pending
    # Held, flush() still writes at once (saving, closing).
    autosaver.set_held(True)
    document.annotate(0, 3, "MISC", annotator="layla")
    autosaver.document_changed()
    assert autosaver.flush() is not None and load_tei(copies(tmp_path / "r")[0]) == document
