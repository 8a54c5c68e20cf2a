"""ANERcorp (../shared/corpora/anercorp): CoNLL → TEI → CoNLL gives back the same tokens and tags.

The CAMeL Lab test split holds 74 ``I-`` tags that do not continue an entity of their type;
they are read as entity starts, each reported with its line, and written back as ``B-``.
The full file's quirks (191 empty tokens, 2 lines with three fields) are errors without
``repair`` and repaired, with a remark each, with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.formats import ExportOptions, ImportOptions, Problems
from annotator.formats.conll import read_conll, write_conll
from annotator.tei import load_tei, save_tei

pytestmark = pytest.mark.shared


def pairs_of(path: Path) -> list[tuple[str, str] | None]:
    """(token, tag) per line, None for a blank line: read independently of the reader."""
    result: list[tuple[str, str] | None] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        fields = line.split()
        result.append(tuple(fields) if fields else None)  # type: ignore[arg-type]
    while result and result[-1] is None:
        result.pop()
    return result


def through_tei(documents: list, folder: Path) -> list:
    paths = []
    for document in documents:
        path = folder / f"{document.id}.tei.xml"
        save_tei(document, path)
        paths.append(path)
    return [load_tei(path) for path in paths]


def stray_inside(pairs: list[tuple[str, str] | None]) -> set[int]:
    """0-based indexes of I- tags that do not continue an entity of their type."""
    found = set()
    previous = "O"
    for index, pair in enumerate(pairs):
        tag = pair[1] if pair else "O"
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            found.add(index)
        previous = tag
    return found


def test_camel_test_split_round_trips_through_tei(corpora_dir: Path, tmp_path: Path) -> None:
    source = corpora_dir / "anercorp" / "ANERCorp_CamelLab_test.txt"
    problems = Problems()
    documents = list(read_conll(source, ImportOptions(), problems))
    assert not problems.errors
    original = pairs_of(source)
    stray = stray_inside(original)
    assert len(stray) == 74
    assert sorted(w.line for w in problems.warnings) == sorted(i + 1 for i in stray)
    assert all(str(w).startswith(f"{source}:") for w in problems.warnings)

    reloaded = through_tei(documents, tmp_path)
    assert reloaded == documents
    out = tmp_path / "back.conll"
    options = ExportOptions()
    write_conll(reloaded, out, options)
    assert not options.problems.warnings and not options.problems.errors

    expected = [(p[0], "B" + p[1][1:]) if p and i in stray else p
                for i, p in enumerate(original)]
    assert pairs_of(out) == expected
    assert sum(1 for p in expected if p is None) == 924  # sentence breaks kept


def test_full_anercorp_quirks_without_and_with_repair(corpora_dir: Path, tmp_path: Path) -> None:
    source = corpora_dir / "anercorp" / "ANERCorp"
    problems = Problems()
    documents = list(read_conll(source, ImportOptions(), problems))
    assert [d.id for d in documents] == ["ANERCorp"]
    assert sorted(e.line for e in problems.errors
                  if e.code == "E429" and e.params["count"] == 3) == [123413, 125306]
    assert sum(e.code == "E426" for e in problems.errors) == 191

    repaired = Problems()
    documents = list(read_conll(source, ImportOptions(repair=True), repaired))
    assert not repaired.errors
    said = {w.line: w for w in repaired.warnings if w.code != "E424"}  # not stray I- tags
    assert len(said) == 193
    assert (said[123413].code, said[123413].params["lines"]) == ("E430", ". O | الإصابة O")
    assert (said[125306].code, said[125306].params["tokens"]) == ("E431",
                                                                   "الصالحية O | ونايفة O")

    # What the repaired reading stands for, built independently from the file.
    expected: list[tuple[str, str]] = []
    for number, line in enumerate(source.read_text(encoding="utf-8").split("\n"), 1):
        fields = line.split()
        if number == 123413:
            expected += [(".", "O"), ("الإصابة", "O")]
        elif number == 125306:
            expected += [("الصالحية", "O"), ("ونايفة", "O")]
        elif len(fields) == 2:
            expected.append((fields[0], fields[1]))
    stray = stray_inside(expected)  # type: ignore[arg-type]
    expected = [(t, "B" + g[1:]) if i in stray else (t, g) for i, (t, g) in enumerate(expected)]
    assert len(expected) == 150_120 + 4  # two-field lines, and the two repaired lines

    reloaded = through_tei(documents, tmp_path)
    out = tmp_path / "back.conll"
    write_conll(reloaded, out, ExportOptions(sentences="source"))
    assert pairs_of(out) == expected
