"""Recovery copies against real kills: a child process writes copies through the app's
:class:`Autosaver` and is killed (SIGKILL) at chosen points or at random moments; what it
leaves must be offered at the next start, complete and matching its note.

The kill points are chosen with an audit hook in the child: it kills itself just before its
k-th temporary file is made or its k-th rename, the two steps of every atomic write.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.atomic import is_temporary_name
from annotator.recovery import RecoveryStore

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and exec are POSIX")

WRITER = r'''
import os, signal, sys
from PySide6.QtCore import QCoreApplication
from annotator_ui.autosave import Autosaver, RecoveryStore
from annotator.model import Document

folder, original, kill_at, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
steps = 0

def hook(event, args):
    global steps
    if event in ("tempfile.mkstemp", "os.rename"):
        steps += 1
        if steps == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

sys.addaudithook(hook)
app = QCoreApplication([])
document = Document("doc-1", "قال الرئيس إن الاتفاق قريب. " * repeat, title="v0")
autosaver = Autosaver(RecoveryStore(folder), lambda: (document, original, None))
version = 0
while version < 3 or kill_at == 0:  # kill_at 0: write until killed from outside
    version += 1
    document.title = f"v{version}"
    autosaver.document_changed()
    assert autosaver.flush() is not None
    print(version, flush=True)
'''

RESTARTED = r'''
import json, os, sys
folder, original = sys.argv[1], sys.argv[2]
if sys.argv[3] == "first":
    from PySide6.QtCore import QCoreApplication
    from annotator_ui.autosave import Autosaver, RecoveryStore
    from annotator.model import Document
    app = QCoreApplication([])
    document = Document("doc-1", "قال الرئيس إن الاتفاق قريب.", title="unsaved")
    autosaver = Autosaver(RecoveryStore(folder), lambda: (document, original, None))
    autosaver.document_changed()
    assert autosaver.flush() is not None
    # The app dies and is started again with the same process id (as in a container).
    os.execv(sys.executable, [sys.executable, __file__, folder, original, "restarted"])
from annotator.recovery import RecoveryStore
offered = RecoveryStore(folder).leftovers()
print(json.dumps({"pid": os.getpid(), "offered": [[e.pid, e.title] for e in offered]}))
'''


def check_what_is_left(folder: Path, last_written: int) -> None:
    """Every copy on disk is offered, at most one, complete, and its note matches it."""
    store = RecoveryStore(folder)
    offered = store.leftovers()  # the writer is dead: nothing is skipped as running
    on_disk = sorted(folder.glob("*.tei.xml")) if folder.is_dir() else []
    assert sorted(entry.tei_path for entry in offered) == on_disk
    assert len(offered) == (1 if last_written else len(on_disk)) <= 1
    for entry in offered:
        restored = store.restore(entry)
        # the version printed last, or the next one when the kill came after its rename
        assert restored.title in (f"v{last_written}", f"v{last_written + 1}")
        assert entry.title == restored.title  # the note describes this very copy
        assert entry.document_id == "doc-1"
    if folder.is_dir():
        assert all(is_temporary_name(p.name) for p in folder.iterdir()
                   if p.name.endswith(".tmp"))


def run_writer(tmp_path: Path, kill_at: int, repeat: int = 20) -> tuple[Path, int]:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    folder = tmp_path / f"recovery-{kill_at}"
    done = subprocess.run([sys.executable, str(script), str(folder),
                           str(tmp_path / "article.tei.xml"), str(kill_at), str(repeat)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode in (0, -signal.SIGKILL), done.stderr
    printed = done.stdout.split()
    return folder, int(printed[-1]) if printed else 0


def test_a_kill_at_any_step_of_two_writes_leaves_an_offered_copy(tmp_path: Path) -> None:
    """Killed before each temporary file and each rename of the first writes: the copy on
    disk (if any) is offered — never an orphan without its note — and matches its note."""
    seen = set()
    for kill_at in range(1, 7):
        folder, last = run_writer(tmp_path, kill_at)
        seen.add(last)
        check_what_is_left(folder, last)
    assert {0, 1} <= seen  # killed inside the first write and inside the second


def test_kills_at_random_moments_while_writing(tmp_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    chance = random.Random(1010)
    for round_ in range(6):
        folder = tmp_path / f"recovery-{round_}"
        child = subprocess.Popen([sys.executable, str(script), str(folder),
                                  str(tmp_path / "a.tei.xml"), "0", "4000"],
                                 stdout=subprocess.PIPE, text=True)
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "1"  # one copy written
            time.sleep(chance.uniform(0, 0.08))  # a copy is about 1 MB: mid-write, often
        finally:
            child.send_signal(signal.SIGKILL)
            rest = child.communicate(timeout=60)[0].split()
        check_what_is_left(folder, int(rest[-1]) if rest else 1)


def test_a_restart_with_the_same_process_id_is_offered_the_copy(tmp_path: Path) -> None:
    """The restarted app gets the process id recorded in the copy: still offered."""
    script = tmp_path / "restart.py"
    script.write_text(RESTARTED, encoding="utf-8")
    folder = tmp_path / "recovery"
    done = subprocess.run([sys.executable, str(script), str(folder),
                           str(tmp_path / "article.tei.xml"), "first"],
                          capture_output=True, text=True, timeout=60, check=True)
    report = json.loads(done.stdout)
    assert report["offered"] == [[report["pid"], "unsaved"]]
