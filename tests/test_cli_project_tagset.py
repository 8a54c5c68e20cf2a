"""A project folder's ``tagset.toml`` on the command line, as in the app: import declares its
labels, export takes their kinds from it (or from the files' own taxonomies), validate checks
against it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run

from annotator.tei import read_tei

PROJECT_TAGSET = '''
name = "elections"
version = "2"

[[labels]]
name = "PER"
kind = "entity"
en = "Person"
ar = "شخص"
color = "#e6194b"
shortcut = "P"

[[labels]]
name = "EVENT"
kind = "entity"
en = "Event"
ar = "حدث"
color = "#4363d8"
shortcut = "E"

[[labels]]
name = "STATEMENT"
kind = "claim"
en = "Statement"
ar = "تصريح"
color = "#008080"
shortcut = "S"
'''
TEXT = "قال الوزير إن الانتخابات ستجري في موعدها"


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A project folder with its own tag set, and one document imported into it."""
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "tagset.toml").write_text(PROJECT_TAGSET, encoding="utf-8")
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "d1", "text": TEXT, "spans": [
        {"start": 4, "end": 10, "label": "PER"},
        {"start": 14, "end": 24, "label": "EVENT"},
        {"start": 11, "end": 40, "label": "STATEMENT"}]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    status, _, err = run(capsys, "import", source, "-o", folder)
    assert status == 0, err
    assert f"using the project's tag set {folder / 'tagset.toml'}" in err
    return folder


def test_import_into_a_project_declares_its_labels_and_kinds(project: Path) -> None:
    read = read_tei(project / "d1.tei.xml")
    assert read.taxonomy.name == "elections"
    assert read.taxonomy.labels["STATEMENT"].kind == "claim"
    assert read.taxonomy.labels["STATEMENT"].ar == "تصريح"
    assert read.taxonomy.labels["EVENT"].kind == "entity"


def test_export_keeps_the_projects_claims_out_of_bio(project: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.conll"
    status, _, err = run(capsys, "export", project, "-o", out, "--format", "conll")
    assert status == 0, err
    tags = {line.split()[-1] for line in out.read_text(encoding="utf-8").splitlines()
            if line.strip()}
    assert {"B-PER", "B-EVENT"} <= tags
    assert not any("STATEMENT" in tag for tag in tags)


def test_export_elsewhere_takes_kinds_from_the_files_own_taxonomy(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    (moved / "d1.tei.xml").write_bytes((project / "d1.tei.xml").read_bytes())
    out = tmp_path / "out.conll"
    status, _, err = run(capsys, "export", moved, "-o", out, "--format", "conll")
    assert status == 0, err
    assert "using the project's tag set" not in err
    assert "STATEMENT" not in out.read_text(encoding="utf-8")  # a claim, says the file
    inline = tmp_path / "inline"
    status, _, err = run(capsys, "export", moved, "-o", inline, "--format", "tei-inline")
    assert status == 0, err
    assert '<seg type="claim"' in (inline / "d1.xml").read_text(encoding="utf-8")


def test_validate_checks_against_the_projects_tag_set(project: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "validate", "--no-schema", project / "d1.tei.xml")
    assert status == 0
    assert "warning" not in out
    default = Path(__file__).resolve().parent.parent / "resources" / "default_tagset.toml"
    status, out, _ = run(capsys, "validate", "--no-schema", "--tagset", default,
                         project / "d1.tei.xml")
    assert status == 0
    assert "labels not in tag set 'news-default': EVENT, STATEMENT" in out
