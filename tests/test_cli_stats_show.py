"""``annotator stats`` and ``annotator show`` on real TEI files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import arabic_reshaper
import pytest
from cli_runner import run
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.cli import main
from annotator.cli.cmd_show import display_width, marked_text, visual_lines, wrap
from annotator.model import Annotation, Document, Link
from annotator.tei import save_tei

TEXT = "قال عمر أبو ليلى: «الوضع صعب» لـ«البيان».\nReuters said so."


@pytest.fixture()
def tei_dir(tmp_path: Path) -> Path:
    """Two documents: one with ali's and sara's work and a gold layer, one with ali's."""
    first = Document("d1", TEXT, title="خبر")
    first.annotations.extend([
        Annotation("a1", 4, 16, "PER", annotator="ali"),
        Annotation("a2", 18, 29, "QUOTE", annotator="ali", links=(Link("speaker", "a1"),)),
        Annotation("a3", 33, 39, "ORG", annotator="sara"),
        Annotation("a4", 4, 7, "PER", annotator="sara"),
        Annotation("g1", 4, 16, "PER", annotator="lead", layer="gold"),
    ])
    second = Document("d2", "وزارة الصحة", title="")
    second.annotations.add(Annotation("a1", 0, 11, "ORG", annotator="ali"))
    folder = tmp_path / "tei"
    folder.mkdir()
    save_tei(first, folder / "d1.tei.xml")
    save_tei(second, folder / "sub-d2.tei.xml")
    return folder


# -- stats -----------------------------------------------------------------------------------
def test_stats_json_counts(tei_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "stats", tei_dir, "--json")
    assert status == 0
    stats = json.loads(out)
    assert (stats["documents"], stats["annotations"]) == (2, 6)
    assert stats["characters"] == len(TEXT) + len("وزارة الصحة")
    assert stats["labels"]["PER"] == {"total": 3, "layers": {"ali": 1, "sara": 1, "gold": 1}}
    assert stats["labels"]["ORG"]["total"] == 2
    assert stats["annotators"]["ali"] == {"annotations": 3, "documents": 2}
    assert stats["annotators"]["lead"] == {"annotations": 1, "documents": 1}
    assert next(iter(stats["layers"])) == "gold"
    assert stats["layers"]["sara"] == {"annotations": 2, "documents": 1}
    assert stats["links"] == {"speaker": 1}


def test_stats_table(tei_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "stats", tei_dir)
    assert status == 0
    assert out.startswith("2 documents, ")
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.strip()}
    assert rows["label"] == ["total", "gold", "ali", "sara"]
    assert rows["PER"] == ["3", "1", "1", "1"]
    assert rows["ORG"] == ["2", "0", "1", "1"]
    assert rows["speaker"] == ["1"]


def test_stats_reports_bad_files(tei_dir: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.tei.xml").write_text("not xml", encoding="utf-8")
    status, out, err = run(capsys, "stats", tei_dir, tmp_path / "bad.tei.xml",
                           tmp_path / "missing.xml", "--json")
    assert status == 2
    assert json.loads(out)["documents"] == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(str(tmp_path / "missing.xml"))  # sources are checked first
    assert lines[1].startswith(str(tmp_path / "bad.tei.xml"))


# -- show ------------------------------------------------------------------------------------
def test_show_logical_marks_spans(tei_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", tei_dir / "d1.tei.xml", "--logical", "--layer", "ali",
                         "--width", "200")
    assert status == 0
    assert "قال [PER عمر أبو ليلى]: [QUOTE «الوضع صعب»] لـ«البيان»." in out
    assert "Reuters said so." in out


def test_show_label_filter_and_default_layer(tei_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", tei_dir / "d1.tei.xml", "--logical")
    assert status == 0 and out.count("[") == 1  # gold only: g1
    status, out, _ = run(capsys, "show", tei_dir / "d1.tei.xml", "--logical", "--layer",
                         "sara", "--label", "ORG")
    assert "لـ«[ORG البيان]»" in out and "[PER" not in out


def test_show_visual_is_shaped_reordered_and_fits(tei_dir: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", tei_dir / "d1.tei.xml", "--layer", "ali",
                         "--width", "30")
    assert status == 0
    rows = out.splitlines()
    assert all(display_width(row) <= 30 for row in rows)
    body = "\n".join(rows)
    assert re.search("[\ufe70-\ufeff]", body)  # Arabic presentation forms: shaped
    assert "PER" in body and "QUOTE" in body
    assert "Reuters said so." in body  # left-to-right lines keep their order
    # right-to-left rows are right-aligned, and the first word of the text is at the right
    text_rows = rows[:rows.index(next(r for r in rows if r.endswith(" link") or
                                     r.endswith(" links")))]  # the links follow the text
    arabic_rows = [row for row in text_rows if re.search("[\ufe70-\ufeff]", row)]
    assert len(arabic_rows) >= 3 and all(display_width(row) == 30 for row in arabic_rows)
    first_body_row = arabic_rows[1]  # after the title
    assert first_body_row.endswith(arabic_reshaper.reshape("قال")[::-1])


def test_show_never_changes_the_file(tei_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (tei_dir / "d1.tei.xml").read_bytes()
    run(capsys, "show", tei_dir / "d1.tei.xml")
    assert (tei_dir / "d1.tei.xml").read_bytes() == before


def test_show_errors_are_one_line(tei_dir: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "show", tmp_path / "missing.tei.xml")
    assert status == 2 and "missing.tei.xml" in err and len(err.strip().splitlines()) == 1
    status, _, err = run(capsys, "show", tei_dir / "d1.tei.xml", "--width", "3")
    assert status == 2 and "--width" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(("args", "expected"), [
    (["show", "x.tei.xml", "--width", "x"], "invalid int"),
    (["stats"], "required"),
    (["show"], "required"),
])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str],
                             expected: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_marked_text_nests_properly() -> None:
    document = Document("d", "abcdef")
    document.annotations.extend([
        Annotation("x", 0, 6, "A"), Annotation("y", 0, 3, "B"), Annotation("z", 3, 6, "C"),
        Annotation("w", 2, 4, "D")])
    # y closes and z opens at 3, w (crossing them) closes at 4, z and x at 6
    assert marked_text(document, document.annotations) == "[A [B ab[D c][C d]ef]]"


_TEXT_CHARS = st.sampled_from([*"قال عمر\u064e\u0651 abc\t", "\U0001F600", "\n", "\r"])


@settings(max_examples=80, deadline=None)
@given(st.text(_TEXT_CHARS, min_size=1, max_size=40), st.data())
def test_removing_the_marks_gives_the_text_back(text: str, data: st.DataObject) -> None:
    document = Document("d", text)
    for number in range(data.draw(st.integers(0, 5))):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        document.annotations.add(Annotation(f"a{number}", start, end,
                                            data.draw(st.sampled_from(["PER", "ORG"]))))
    marked = marked_text(document, document.annotations)
    assert re.sub(r"\[(PER|ORG) |\]", "", marked) == text
    assert marked.count("[") == marked.count("]") == len(document.annotations)


@settings(max_examples=80, deadline=None)
@given(st.text(st.sampled_from([*"قال عمر\u064e\u0651 ab", "\U0001F600", "\u4e2d"]),
               max_size=60), st.integers(10, 30))
def test_wrap_fits_and_loses_no_letters(line: str, width: int) -> None:
    rows = wrap(line, width)
    assert all(display_width(row) <= width for row in rows)
    assert re.sub(r"\s", "", "".join(rows)) == re.sub(r"\s", "", line)
    for row in visual_lines(line, width):
        assert display_width(row) <= width


def test_stats_on_an_empty_folder_says_so(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "stats", tmp_path)
    assert status == 2 and "no TEI files" in err and out.startswith("0 documents")
