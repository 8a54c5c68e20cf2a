"""The merge's conflict table (one aligned row per conflict, each message once) and the links
``annotator show`` prints, on real files through the real entry point (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run

from annotator.adjudicate import decision_points
from annotator.cli.termtext import FSI, PDI, display_width
from annotator.model import Annotation, Document, Link
from annotator.tei import load_tei, save_tei

TEXT = ("قال الوزير محمد إن شركة أرامكو في الرياض ستعلن النتائج غداً في مؤتمر صحفي. "
        "وقالت قسد إن «قواتها» تتأهب.")

# annotator -> (id, words, label, link target id, attributes)
SETS: dict[str, list[tuple[str, str, str, str | None, dict[str, str]]]] = {
    "alice": [("p", "محمد", "PER", None, {}), ("o", "أرامكو", "ORG", None, {}),
              ("q", "ستعلن النتائج", "QUOTE", "p", {"type": "direct"}),
              ("c", "قسد", "ORG", None, {}),
              ("k", "«قواتها» تتأهب", "CLAIM", "c", {"checkworthy": "yes"})],
    "bob": [("p", "محمد", "PER", None, {}), ("o", "أرامكو", "ORG", None, {}),
            ("q", "ستعلن النتائج", "QUOTE", "o", {"type": "indirect"}),
            ("c", "قسد", "ORG", None, {}),
            ("k", "«قواتها» تتأهب", "CLAIM", "c", {"checkworthy": "no"})],
    "carol": [("p", "محمد", "PER", None, {}), ("o", "أرامكو", "LOC", None, {}),
              ("q", "ستعلن النتائج", "QUOTE", None, {"type": "direct"}),
              ("r", "الرياض", "LOC", None, {}),
              ("k", "«قواتها» تتأهب", "CLAIM", None, {"checkworthy": "yes"})],
}


def _span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def write_sets(folder: Path) -> list[Path]:
    """Three annotators' files of one document whose quotes and claims disagree on links and
    attributes."""
    paths = []
    for who, items in SETS.items():
        document = Document("doc1", TEXT)
        for key, words, label, target, attributes in items:
            role = "speaker" if label == "QUOTE" else "claimant"
            links = (Link(role, target),) if target else ()
            document.annotations.add(Annotation(key, *_span(words), label, who, attributes,
                                                links))
        path = folder / f"{who}.tei.xml"
        save_tei(document, path)
        paths.append(path)
    return paths


def _column(line: str, piece: str) -> int:
    """The terminal column where ``piece`` starts in ``line``."""
    return display_width(line[:line.index(piece)])


@pytest.mark.parametrize("order", ["--logical", "--visual"])
def test_conflict_table_is_one_aligned_row_per_conflict(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], order: str) -> None:
    paths = write_sets(tmp_path)
    listed = tmp_path / "conflicts.jsonl"
    status, out, _ = run(capsys, "merge", *paths, "-o", tmp_path / "merged.tei.xml",
                         "--conflicts", listed, order)
    assert status == 0
    records = [json.loads(line) for line in listed.read_text(encoding="utf-8").splitlines()]
    lines = out.splitlines()
    assert len(lines) == 1 + len(records) == 6  # a heading, then one row per conflict
    # the app lists the same conflicts (two of them about links)
    points = decision_points(load_tei(tmp_path / "merged.tei.xml"))
    assert [(p.start, list(p.kinds)) for p in points] == [
        (r["start"], r["kinds"]) for r in records]
    assert sum("link" in r["kinds"] for r in records) == 2
    heading, rows = lines[0], lines[1:]
    for name in ("kinds", "gold", "annotations", "text", "details"):
        column = _column(heading, name)
        for row, record in zip(rows, records, strict=True):
            if name == "details" and not record["detail"]:
                continue
            cell = {"kinds": "+".join(record["kinds"]), "gold": " ".join(record["gold"]) or "-",
                    "annotations": record["annotations"][0]["annotator"] + ":",
                    "text": FSI + "«" if order == "--logical" else "«",
                    "details": record["detail"]}[name]
            assert _column(row, cell) == column, (name, row)
    for record in records:  # every message once, on its own row
        for message in filter(None, record["detail"].split("; ")):
            assert out.count(message) == 1
    quote = next(r for r in records if r["text"] == "ستعلن النتائج")
    assert "speaker → gold.1 PER" in quote["detail"] and "speaker → gold.2 ORG" in quote["detail"]
    assert "type: direct 2/3, indirect 1/3" in quote["detail"]
    if order == "--logical":
        assert f"{FSI}«ستعلن النتائج»{PDI}" in out
    else:
        assert FSI not in out and "ستعلن" not in out  # shaped and reordered


def test_show_prints_links_with_both_ends(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_sets(tmp_path)
    status, out, _ = run(capsys, "show", paths[0], "--logical", "--width", "70")
    assert status == 0
    assert "2 links" in out
    lines = [line for line in out.splitlines() if "→" in line]
    assert len(lines) == 2
    quote, claim = lines
    assert quote.split()[:2] == ["QUOTE", "q"] and "→ speaker" in quote
    assert f"PER  p  {FSI}«محمد»{PDI}" in quote
    assert "→ claimant" in claim and f"ORG  c  {FSI}«قسد»{PDI}" in claim
    assert _column(quote, "→") == _column(claim, "→")
    status, out, _ = run(capsys, "show", paths[2], "--logical")
    assert status == 0 and "link" not in out  # carol drew none
