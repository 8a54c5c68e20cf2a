"""Kill savers and autosavers many times (SIGKILL at random moments) and count what is left.

The suite runs a few dozen such kills (tests/test_atomic.py, tests/test_recovery_kills.py);
this is the larger run.  Each round starts a child that saves a ~2 MB TEI file (or writes a
recovery copy through the app's Autosaver) over and over, kills it after a random delay, then
checks that the saved file is whole, that every recovery copy left is offered and matches its
note, and that every temporary file left is ours and removed once stale.
Run: ``python tools/kill_run.py [ROUNDS] [SEED]`` (POSIX only).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from annotator.atomic import is_temporary_name, remove_stale_temporary_files
from annotator.recovery import RecoveryStore
from annotator.tei import load_tei

CHILD = r'''
import os, sys
kind, target = sys.argv[1], sys.argv[2]
from annotator.model import Document
document = Document("doc-1", "قال الرئيس إن الاتفاق قريب. " * 40000)
if kind == "save":
    from annotator.tei import save_tei
    write = lambda: save_tei(document, target)
else:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication
    from annotator_ui.autosave import Autosaver, RecoveryStore
    app = QCoreApplication([])
    autosaver = Autosaver(RecoveryStore(target), lambda: (document, "/corpus/a.tei.xml", None))
    def write():
        autosaver.document_changed()
        assert autosaver.flush() is not None
version = 0
while True:
    version += 1
    document.title = f"v{version}"
    write()
    print(version, flush=True)
'''


def one_round(kind: str, folder: Path, script: Path, delay: float) -> tuple[int, int, list[str]]:
    """Kill one child; returns (temporary files left, their bytes, problems found)."""
    folder.mkdir()
    target = folder / ("doc.tei.xml" if kind == "save" else "recovery")
    child = subprocess.Popen([sys.executable, str(script), kind, str(target)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    if child.stdout.readline().strip() != "1":
        child.kill()
        return 0, 0, [f"{kind}: the child did not write"]
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    printed = child.communicate()[0].split()
    last = int(printed[-1]) if printed else 1
    expected = {f"v{last}", f"v{last + 1}"}
    problems = []
    where = folder if kind == "save" else target
    if kind == "save":
        if load_tei(target).title not in expected:
            problems.append(f"save: the file holds neither v{last} nor v{last + 1}")
    else:
        store = RecoveryStore(target)
        offered = store.leftovers()
        if len(offered) != 1 or store.restore(offered[0]).title not in expected \
                or offered[0].title != store.restore(offered[0]).title:
            problems.append(f"autosave: {len(offered)} copies offered, or the wrong one")
    left = [p for p in where.iterdir() if p.name.endswith(".tmp")]
    size = sum(p.stat().st_size for p in left)
    if not all(is_temporary_name(p.name) for p in left):
        problems.append(f"{kind}: a temporary file of another naming: {left}")
    for path in left:
        os.utime(path, (time.time() - 3600,) * 2)
    if sorted(remove_stale_temporary_files(where)) != sorted(left):
        problems.append(f"{kind}: stale temporary files not removed")
    return len(left), size, problems


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    chance = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 10)
    base = Path(tempfile.mkdtemp(prefix="kill-run-"))
    script = base / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    counts = {"save": [0, 0, 0], "autosave": [0, 0, 0]}  # kills, leftovers, bytes
    problems: list[str] = []
    for number in range(rounds):
        kind = "save" if number % 2 == 0 else "autosave"
        left, size, found = one_round(kind, base / f"round-{number}", script,
                                      chance.uniform(0, 0.3))
        counts[kind][0] += 1
        counts[kind][1] += left
        counts[kind][2] += size
        problems += found
    for kind, (kills, left, size) in counts.items():
        print(f"{kind}: {kills} kills, {left} temporary files left ({size / 1e6:.0f} MB)")
    print(f"problems (a file not whole, a copy not offered or not matching its note, a "
          f"leftover not ours or not removed once stale): {len(problems)}")
    for problem in problems[:20]:
        print("  " + problem)
    shutil.rmtree(base)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
