"""Team projects without git: project.toml read and written, names, balanced assignment, the
status index, and annotations imported into an annotator's layer."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.assignment import assign
from annotator.errors import AnnotatorError
from annotator.model import Annotation, Document, Link
from annotator.project import DONE, IN_PROGRESS, NOT_STARTED
from annotator.teamimport import IMPORTED, UNCHANGED, import_layer, write_text
from annotator.teamproject import (
    ProjectConfig,
    ProjectError,
    TeamProject,
    check_name,
    check_names,
    config_toml,
    parse_config,
    read_config,
)
from annotator.teamstatus import INDEX_NAME, RACY_SECONDS, project_status, status_html
from annotator.tei import load_tei, save_tei

TEXT = "قال وزير الخارجية فيصل بن فرحان إن المملكة «تدعم الحل السلمي».\nسطر ثانٍ"

def code_of(call: Callable[..., object], *args: object) -> str:
    """The catalogue code of the one-line error ``call(*args)`` raises."""
    with pytest.raises(AnnotatorError) as found:
        call(*args)
    return found.value.code


ids = st.text(alphabet="abcXYZ019._-يبت", min_size=1, max_size=12).filter(
    lambda s: s[0] not in ".-")
names = st.text(alphabet="abcABC019_-سعد", min_size=1, max_size=10).filter(
    lambda s: s[0] != "-")
odd = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


# -- project.toml ------------------------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(name=odd, lead=names, annotators=st.lists(names, max_size=5),
       per_document=st.integers(0, 5), seed=st.none() | st.integers(0, 2**31),
       assignment=st.dictionaries(ids, st.lists(names, max_size=3), max_size=6))
def test_project_toml_round_trips(name: str, lead: str, annotators: list[str],
                                  per_document: int, seed: int | None,
                                  assignment: dict[str, list[str]]) -> None:
    config = ProjectConfig(name, lead, annotators, per_document, seed, assignment)
    assert parse_config(config_toml(config), "project.toml") == config


def test_project_toml_mistakes_are_one_line_naming_the_key(tmp_path: Path) -> None:
    path = tmp_path / "project.toml"
    path.write_text('name = "x"\nlead = 3\n', encoding="utf-8")
    with pytest.raises(ProjectError) as found:
        read_config(path)
    assert found.value.code == "E703" and "lead" in str(found.value)
    path.write_text('lead = "a"\n[assignment]\nd1 = "bob"\n', encoding="utf-8")
    with pytest.raises(ProjectError, match=r"assignment\.d1"):
        read_config(path)
    path.write_text('lead = "a"\nname = \n', encoding="utf-8")
    assert code_of(read_config, path) == "E702"
    assert code_of(read_config, tmp_path / "none.toml") == "E700"


@pytest.mark.parametrize("name", ["amira", "سعاد", "a.b-c_d", "_x", "Bob2"])
def test_names_that_can_be_folders(name: str) -> None:
    assert check_name(name) == name


@pytest.mark.parametrize("name", ["", ".hidden", "-x", "a/b", "a b", "x.", "con", "NUL.txt",
                                  "a" * 65, "..", "a\\b"])
def test_names_that_cannot(name: str) -> None:
    with pytest.raises(ProjectError) as found:
        check_name(name)
    assert found.value.code == "E704"


def test_names_twice_or_differing_only_in_case_are_refused() -> None:
    assert code_of(check_names, ["a", "b", "a"]) == "E714"
    assert code_of(check_names, ["Amira", "amira"]) == "E705"


# -- assignment -------------------------------------------------------------------------------
@settings(max_examples=80, deadline=None)
@given(documents=st.integers(0, 60), annotators=st.integers(1, 12), data=st.data(),
       seed=st.integers(0, 10**6))
def test_assignment_is_distinct_balanced_and_reproducible(documents: int, annotators: int,
                                                          data: st.DataObject,
                                                          seed: int) -> None:
    k = data.draw(st.integers(1, annotators))
    doc_ids = [f"d{i}" for i in range(documents)]
    people = [f"p{i}" for i in range(annotators)]
    result = assign(doc_ids, people, k, seed)
    assert list(result) == doc_ids
    assert all(len(set(chosen)) == k == len(chosen) for chosen in result.values())
    loads = Counter({name: 0 for name in people})
    loads.update(name for chosen in result.values() for name in chosen)
    assert max(loads.values()) - min(loads.values()) <= 1
    assert assign(doc_ids, people, k, seed) == result


def test_assignment_varies_pairs_and_refuses_impossible_k() -> None:
    result = assign([f"d{i}" for i in range(40)], ["a", "b", "c", "d", "e"], 2, 7)
    assert len({tuple(sorted(chosen)) for chosen in result.values()}) > 5
    assert assign(list(result), ["a", "b", "c", "d", "e"], 2, 8) != result
    assert code_of(assign, ["d"], ["a"], 2, 1) == "E711"
    assert code_of(assign, ["d"], ["a"], 0, 1) == "E712"


# -- importing into a layer ---------------------------------------------------------------------
def _project(tmp_path: Path, assignment: dict[str, list[str]] | None = None) -> TeamProject:
    project = TeamProject(tmp_path / "p", ProjectConfig("p", "lead", ["bob", "sara"], 2, 1,
                                                        assignment or {"d1": ["bob", "sara"]}))
    project.root.mkdir()
    project.save_config()
    write_text(project, Document("d1", TEXT, title="عنوان"), None)
    return project


def _incoming(annotator: str = "", note: str = "") -> Document:
    document = Document("d1", TEXT, status={})
    document.annotations.add(Annotation("a1", 18, 31, "PER", annotator=annotator, note=note))
    document.annotations.add(Annotation("a2", 48, 61, "QUOTE", annotator=annotator,
                                        links=(Link("speaker", "a1"),)))
    return document


def test_import_makes_the_layer_file_from_the_text_and_keeps_the_text_file(
        tmp_path: Path) -> None:
    project = _project(tmp_path)
    text_before = project.text_path("d1").read_bytes()
    done = import_layer(project, "bob", _incoming())
    assert (done.outcome, done.annotations, done.warnings) == (IMPORTED, 2, [])
    layer = load_tei(project.layer_path("bob", "d1"))
    assert layer.text == TEXT and layer.title == "عنوان"
    assert {(a.annotator, a.label) for a in layer.annotations} == {("bob", "PER"),
                                                                   ("bob", "QUOTE")}
    assert layer.annotations["a2"].links == (Link("speaker", "a1"),)
    assert layer.status == {"bob": IN_PROGRESS}
    assert project.text_path("d1").read_bytes() == text_before
    assert import_layer(project, "bob", _incoming()).outcome == UNCHANGED


def test_a_layer_holding_other_annotations_is_kept_unless_replace(tmp_path: Path) -> None:
    project = _project(tmp_path)
    import_layer(project, "bob", _incoming(note="first"))
    path = project.layer_path("bob", "d1")
    before = path.read_bytes()
    with pytest.raises(AnnotatorError) as found:
        import_layer(project, "bob", _incoming(note="second"))
    assert found.value.code == "E722" and path.read_bytes() == before
    import_layer(project, "bob", _incoming(note="second"), replace_layer=True)
    assert {a.note for a in load_tei(path).annotations} == {"second", ""}


def test_a_different_text_or_an_unknown_id_is_one_line_and_writes_nothing(
        tmp_path: Path) -> None:
    project = _project(tmp_path)
    changed = Document("d1", TEXT.replace("قال", "قالت"))
    with pytest.raises(AnnotatorError) as found:
        import_layer(project, "bob", changed)
    error = found.value
    assert error.code == "E721" and "\n" not in str(error) and "d1" in str(error)
    unknown = Document("d9", TEXT)
    assert code_of(import_layer, project, "bob", unknown) == \
        "E720"
    assert not project.layer_dir("bob").exists()


def test_another_annotators_work_becomes_the_layers_with_a_warning_and_gold_is_left_out(
        tmp_path: Path) -> None:
    project = _project(tmp_path)
    incoming = _incoming(annotator="model-v1")
    incoming.status["model-v1"] = DONE
    incoming.annotations.add(Annotation("g1", 18, 31, "PER", annotator="lead", layer="gold"))
    done = import_layer(project, "sara", incoming)
    assert sorted(w.code for w in done.warnings) == ["E724", "E726"]
    layer = load_tei(project.layer_path("sara", "d1"))
    assert {a.annotator for a in layer.annotations} == {"sara"} and len(layer.annotations) == 2
    assert layer.status == {"sara": DONE}
    two = _incoming(annotator="x")
    two.annotations.add(Annotation("a3", 0, 3, "PER", annotator="y"))
    assert code_of(import_layer, project, "sara", two) == \
        "E723"


def test_unassigned_documents_are_imported_with_a_warning(tmp_path: Path) -> None:
    project = _project(tmp_path, {"d1": ["sara"]})
    assert [w.code for w in import_layer(project, "bob", _incoming()).warnings] == ["E725"]


# -- the status index ---------------------------------------------------------------------------
def _age(path: Path, seconds: float = RACY_SECONDS + 5) -> None:
    """Make ``path`` look written ``seconds`` ago (files this recent are not indexed)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - int(seconds * 1e9)))


def _age_all(project: TeamProject) -> None:
    for path in project.root.rglob("*"):
        if path.is_file():
            _age(path)


def test_status_lists_assigned_annotators_and_reads_only_what_changed(tmp_path: Path) -> None:
    project = _project(tmp_path)
    write_text(project, Document("d2", "نص آخر", title="ثانٍ"), None)
    import_layer(project, "bob", _incoming())
    _age_all(project)
    state = project_status(project.root, workers=1)
    assert state.read == 3
    assert [d.to_json() for d in state.documents] == [
        {"id": "d1", "title": "عنوان", "assigned": ["bob", "sara"],
         "status": {"bob": IN_PROGRESS, "sara": NOT_STARTED},
         "annotations": {"bob": 2, "sara": 0}},
        {"id": "d2", "title": "ثانٍ", "assigned": [], "status": {}, "annotations": {}}]
    assert (project.local_dir / INDEX_NAME).is_file()
    assert project_status(project.root, workers=1).read == 0
    # a status changed on disk: only that file is read again
    layer = project.layer_path("bob", "d1")
    document = load_tei(layer)
    document.status["bob"] = DONE
    save_tei(document, layer)
    _age(layer)
    again = project_status(project.root, workers=1)
    assert again.read == 1 and again.documents[0].layers["bob"].status == DONE
    assert "done" in status_html(again) and "عنوان" in status_html(again)


def test_status_follows_project_toml_and_reports_unreadable_files(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _age_all(project)
    project_status(project.root, workers=1)
    project.config.assignment = {"d1": ["sara"]}
    project.save_config()
    assert project_status(project.root, workers=1).documents[0].assigned == ["sara"]
    broken = project.layer_path("sara", "d1")
    broken.parent.mkdir(parents=True)
    broken.write_text("<TEI", encoding="utf-8")
    layer = project_status(project.root, workers=1).documents[0].layers["sara"]
    assert layer.status == "unreadable" and str(broken) in layer.error


def test_a_damaged_index_is_rebuilt(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _age_all(project)
    project.local_dir.mkdir()
    (project.local_dir / INDEX_NAME).write_text('{"version": 1, "files": {"texts/d1.tei.xml":'
                                                ' [1, 2, "stale"]}, "config": 5}')
    state = project_status(project.root, workers=1)
    assert state.documents[0].title == "عنوان" and state.read == 1
    assert json.loads((project.local_dir / INDEX_NAME).read_text())["files"]
