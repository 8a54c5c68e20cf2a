"""A file changed on disk by someone else is noticed before it is overwritten."""

from __future__ import annotations

import os
from pathlib import Path

from annotator_ui.filewatch import CANCEL, OVERWRITE, SAVE_AS, DiskGuard, FileStamp


def test_stamp_tells_touch_from_change(tmp_path: Path) -> None:
    path = tmp_path / "a.tei.xml"
    path.write_bytes(b"one")
    before = FileStamp.of(path)
    assert before is not None
    os.utime(path, ns=(before.mtime_ns + 10**9, before.mtime_ns + 10**9))
    touched = FileStamp.of(path)
    assert touched.mtime_ns != before.mtime_ns
    assert before.same_content(touched)
    path.write_bytes(b"two")
    assert not before.same_content(FileStamp.of(path))
    assert FileStamp.of(tmp_path / "missing") is None


def test_unchanged_file_saves_without_a_question(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "a.tei.xml"
    path.write_bytes(b"mine")
    asked: list[str] = []
    guard = DiskGuard(watch=False, ask_overwrite=lambda parent, p: asked.append(p) or CANCEL)
    guard.remember(path)
    assert guard.confirm_save(None, path) == OVERWRITE
    os.utime(path, ns=(1, 1))  # touched, same bytes: still no question
    assert guard.confirm_save(None, path) == OVERWRITE
    assert asked == []


def test_outside_change_prompts_before_save(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "a.tei.xml"
    path.write_bytes(b"mine")
    answers = iter([CANCEL, SAVE_AS, OVERWRITE])
    asked: list[str] = []

    def ask(parent, target):
        asked.append(target)
        return next(answers)

    guard = DiskGuard(watch=False, ask_overwrite=ask)
    guard.remember(path)
    path.write_bytes(b"theirs, longer")
    assert guard.changed_since()
    assert guard.confirm_save(None, path) == CANCEL
    assert guard.confirm_save(None, path) == SAVE_AS
    assert guard.confirm_save(None, path) == OVERWRITE
    assert asked == [str(path)] * 3
    # After our own save the new content is what we remember.
    path.write_bytes(b"ours again")
    guard.remember(path)
    assert guard.confirm_save(None, path) == OVERWRITE


def test_same_size_change_is_caught_by_the_hash(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "a.tei.xml"
    path.write_bytes(b"aaaa")
    guard = DiskGuard(watch=False, ask_overwrite=lambda parent, p: CANCEL)
    guard.remember(path)
    stamp = guard.stamp
    path.write_bytes(b"bbbb")
    os.utime(path, ns=(stamp.mtime_ns, stamp.mtime_ns))  # same size and mtime
    assert not guard.changed_since()  # size+mtime are the quick check...
    os.utime(path, ns=(stamp.mtime_ns + 1, stamp.mtime_ns + 1))
    assert guard.changed_since()  # ...and any mtime change brings in the hash


def test_deleted_file_counts_as_changed(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "a.tei.xml"
    path.write_bytes(b"x")
    guard = DiskGuard(watch=False, ask_overwrite=lambda parent, p: OVERWRITE)
    guard.remember(path)
    path.unlink()
    assert guard.changed_since()


def test_save_as_to_another_file_is_not_questioned(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "a.tei.xml"
    path.write_bytes(b"x")
    guard = DiskGuard(watch=False, ask_overwrite=lambda parent, p: CANCEL)
    guard.remember(path)
    path.write_bytes(b"changed")
    assert guard.confirm_save(None, tmp_path / "b.tei.xml") == OVERWRITE


def test_live_watch_reports_an_outside_change_once(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "a.tei.xml"
    path.write_bytes(b"mine")
    guard = DiskGuard()
    guard.remember(path)
    reports: list[str] = []
    guard.changed_on_disk.connect(reports.append)
    # Replaced atomically, as editors and our own writer do.
    temp = tmp_path / ".a.tmp"
    temp.write_bytes(b"theirs")
    os.replace(temp, path)
    qtbot.waitUntil(lambda: reports == [str(path)], timeout=5000)
    with qtbot.assert_not_emitted(guard.changed_on_disk, wait=400):
        pass  # reported once, not again for the same change
    # A second outside change is reported again.
    path.write_bytes(b"theirs, again")
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=5000)


def test_own_save_is_not_reported(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "a.tei.xml"
    path.write_bytes(b"mine")
    guard = DiskGuard()
    guard.remember(path)
    reports: list[str] = []
    guard.changed_on_disk.connect(reports.append)
    with qtbot.assert_not_emitted(guard.changed_on_disk, wait=500):
        path.write_bytes(b"saved by us")
        guard.remember(path)  # what the window does right after saving
    assert not guard.check_now()
