"""Atomic saves killed midway (SIGKILL, real files): the target stays whole, and the
temporary files left behind are removed once stale — never a fresh one, one a live writer
holds, or a file of another naming."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.atomic import is_temporary_name, remove_stale_temporary_files
from annotator.tei import load_tei

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

SAVER = r'''
import os, signal, sys
from annotator.model import Document
from annotator.tei import save_tei

target, kill_at, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
steps = 0

def hook(event, args):
    global steps
    if event in ("tempfile.mkstemp", "os.rename"):
        steps += 1
        if steps == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

sys.addaudithook(hook)
document = Document("doc", "قال الرئيس إن الاتفاق قريب. " * repeat)
version = 0
while version < 2 or kill_at == 0:  # kill_at 0: save until killed from outside
    version += 1
    document.title = f"v{version}"
    save_tei(document, target)
    print(version, flush=True)
'''

HALFWAY = r'''
import sys
from annotator.atomic import atomic_writer
with atomic_writer(sys.argv[1]) as stream:
    stream.write(b"first half, ")
    stream.flush()
    print("writing", flush=True)
    sys.stdin.readline()  # a slow save: the parent looks at the folder meanwhile
    stream.write(b"second half")
'''


def age(path: Path, seconds: float = 3600) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def temporary_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp"))


def check_and_clean(folder: Path, target: Path, last_saved: int) -> int:
    """The target is whole; the leftovers are ours and go only once stale."""
    if target.exists():
        assert load_tei(target).title in (f"v{last_saved}", f"v{last_saved + 1}")
    else:
        assert last_saved == 0
    left = temporary_files(folder)
    assert all(is_temporary_name(p.name) for p in left)
    assert remove_stale_temporary_files(folder) == []  # fresh: a save may be writing them
    for path in left:
        age(path)
    assert sorted(remove_stale_temporary_files(folder)) == left
    assert temporary_files(folder) == []
    if target.exists():
        load_tei(target)
    return len(left)


def test_saves_killed_at_each_step_leave_only_stale_files_of_ours(tmp_path: Path) -> None:
    script = tmp_path / "saver.py"
    script.write_text(SAVER, encoding="utf-8")
    left = 0
    for kill_at in range(1, 5):  # before each temporary file and each rename of two saves
        folder = tmp_path / f"kill-{kill_at}"
        folder.mkdir()
        target = folder / "doc.tei.xml"
        done = subprocess.run([sys.executable, str(script), str(target), str(kill_at), "10"],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == -signal.SIGKILL, done.stderr
        printed = done.stdout.split()
        left += check_and_clean(folder, target, int(printed[-1]) if printed else 0)
    assert left == 2  # killed before a rename: a complete temporary file, never renamed


def test_saves_killed_at_random_moments(tmp_path: Path) -> None:
    script = tmp_path / "saver.py"
    script.write_text(SAVER, encoding="utf-8")
    chance = random.Random(1414)
    for round_ in range(5):
        folder = tmp_path / f"round-{round_}"
        folder.mkdir()
        target = folder / "doc.tei.xml"
        saver = subprocess.Popen([sys.executable, str(script), str(target), "0", "40000"],
                                 stdout=subprocess.PIPE, text=True)
        try:
            assert saver.stdout is not None
            assert saver.stdout.readline().strip() == "1"
            time.sleep(chance.uniform(0, 0.15))  # a save is about 2 MB: often midway
        finally:
            saver.send_signal(signal.SIGKILL)
            rest = saver.communicate(timeout=60)[0].split()
        check_and_clean(folder, target, int(rest[-1]) if rest else 1)


def test_a_temporary_file_a_live_writer_holds_is_kept(tmp_path: Path) -> None:
    script = tmp_path / "halfway.py"
    script.write_text(HALFWAY, encoding="utf-8")
    target = tmp_path / "مخرج.txt"
    target.write_bytes(b"previous")
    writer = subprocess.Popen([sys.executable, str(script), str(target)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdin is not None
        assert writer.stdout.readline().strip() == "writing"
        [temporary] = temporary_files(tmp_path)
        assert is_temporary_name(temporary.name)  # mkstemp's naming, as expected
        assert temporary.name.startswith(".مخرج.txt.")
        age(temporary)  # unchanged for an hour, but its writer is alive
        assert remove_stale_temporary_files(tmp_path) == []
        writer.stdin.write("\n")
        writer.stdin.flush()
        assert writer.wait(timeout=60) == 0
    finally:
        if writer.poll() is None:
            writer.kill()
        writer.communicate(timeout=60)
    assert target.read_bytes() == b"first half, second half"
    assert temporary_files(tmp_path) == []


def test_only_our_naming_is_removed(tmp_path: Path) -> None:
    ours = [".a.tei.xml.k3j9x0q2.tmp", ".x.zz_09abc.tmp", ".ملف.txt.abcdefgh.tmp"]
    theirs = [".a.tei.xml.swp", "notes.tmp", "a.tei.xml.k3j9x0q2.tmp", ".a.tei.xml.k3j9.tmp",
              ".a.tei.xml.K3J9X0Q2.tmp", "..abcdefgh.tmp", ".abcdefgh.tmp",
              ".a.tei.xml.k3j9x0q2.tmp.bak"]
    for name in ours + theirs:
        (tmp_path / name).write_bytes(b"x")
        age(tmp_path / name)
    (tmp_path / ".d.tei.xml.abcdefgh.tmp").mkdir()  # a folder, not a file
    age(tmp_path / ".d.tei.xml.abcdefgh.tmp")
    (tmp_path / ".l.tei.xml.abcdefgh.tmp").symlink_to(tmp_path / "notes.tmp")
    age(tmp_path / ".l.tei.xml.abcdefgh.tmp")
    assert [is_temporary_name(n) for n in ours] == [True] * len(ours)
    assert not any(is_temporary_name(n) for n in theirs)
    removed = remove_stale_temporary_files(tmp_path)
    assert sorted(p.name for p in removed) == sorted(ours)
    assert all((tmp_path / name).exists() for name in theirs)
    assert (tmp_path / ".d.tei.xml.abcdefgh.tmp").is_dir()
    assert (tmp_path / ".l.tei.xml.abcdefgh.tmp").is_symlink()
    assert remove_stale_temporary_files(tmp_path / "no such folder") == []
