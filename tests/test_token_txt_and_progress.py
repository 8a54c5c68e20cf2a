"""A CoNLL file named .txt (ANERcorp's test split, NewsFANE) is read as CoNLL with a note;
a plain .txt stays text.  Exports draw progress on a terminal and end with a count line."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import run

from annotator.formats import guess_format
from annotator.model import Document
from annotator.tei import load_tei, save_tei

ROOT = Path(__file__).resolve().parent.parent


def entities_in(path: Path) -> int:
    """B- tags, and I- tags that continue nothing (conlleval reads them as starts)."""
    tags = [line.split()[-1] for line in path.read_text(encoding="utf-8-sig").splitlines()
            if len(line.split()) >= 2]
    return sum(1 for i, tag in enumerate(tags) if tag.startswith("B-") or (
        tag.startswith("I-") and (i == 0 or tags[i - 1][2:] != tag[2:])))


@pytest.mark.parametrize("name", ["anercorp/ANERCorp_CamelLab_test.txt",
                                  "newsfane_gold/NewsFANE_Gold_2014_170K.txt"])
def test_a_conll_file_named_txt_is_read_as_conll(capsys: pytest.CaptureFixture[str],
                                                 corpora_dir: Path, tmp_path: Path,
                                                 name: str) -> None:
    source = corpora_dir / name
    assert guess_format(source) == "conll"
    status, _, err = run(capsys, "import", source, "-o", tmp_path)
    assert status == 0, err
    assert f"{source}: warning E305: holds a token and its tag a line" in err
    (written,) = tmp_path.glob("*.tei.xml")
    document = load_tei(written)
    assert len(document.annotations) == entities_in(source)
    tokens = sum(1 for line in source.read_text(encoding="utf-8-sig").splitlines()
                 if len(line.split()) >= 2)
    assert len(document.text.split()) == tokens  # the tokens, not the tags


def test_plain_text_and_a_forced_txt_stay_text(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    seed = ROOT / "seeds" / "000_2ce8f3876ecb932f.txt"
    assert guess_format(seed) == "txt"
    tokens = tmp_path / "tokens.txt"
    tokens.write_text("قال O\nمحمد B-PER\nعلي I-PER\n. O\n", encoding="utf-8")
    assert guess_format(tokens) == "conll"
    status, _, err = run(capsys, "import", tokens, "--format", "txt", "-o", tmp_path / "out")
    assert status == 0 and "E305" not in err
    (written,) = (tmp_path / "out").glob("*.tei.xml")
    assert load_tei(written).text.startswith("قال O\n")


def _export(tmp_path: Path, stderr_tty: bool) -> str:
    sources = tmp_path / "in"
    sources.mkdir(exist_ok=True)
    for number in range(3):
        save_tei(Document(f"d{number}", f"نص رقم {number}"), sources / f"d{number}.tei.xml")
    command = [sys.executable, "-m", "annotator", "export", str(sources), "-o",
               str(tmp_path / "out.jsonl"), "--format", "jsonl", "--overwrite"]
    if not stderr_tty:
        return subprocess.run(command, capture_output=True, text=True, check=True).stderr
    leader, follower = pty.openpty()
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait()
    os.close(leader)
    return b"".join(chunks).decode("utf-8")


def test_export_draws_progress_on_a_terminal_and_a_count_line_otherwise(
        tmp_path: Path) -> None:
    piped = _export(tmp_path, stderr_tty=False)
    assert piped == f"exported 3 documents to {tmp_path / 'out.jsonl'}\n"
    terminal = _export(tmp_path, stderr_tty=True)
    assert "3/3" in terminal and "\r" in terminal
    assert terminal.rstrip().endswith(f"exported 3 documents to {tmp_path / 'out.jsonl'}")


def test_a_split_export_counts_every_part(capsys: pytest.CaptureFixture[str],
                                          tmp_path: Path) -> None:
    for number in range(4):
        save_tei(Document(f"d{number}", f"نص رقم {number}."), tmp_path / f"d{number}.tei.xml")
    status, _, err = run(capsys, "export", tmp_path, "-o", tmp_path / "out", "--format",
                         "spans", "--split", "train=0.5,dev=0.25,test=0.25",
                         "--split-by", "document")
    assert status == 0, err
    assert err.splitlines()[-1] == (f"exported 4 documents to {tmp_path / 'out'} "
                                    "(train 2, dev 1, test 1 documents)")
