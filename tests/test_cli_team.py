"""Team projects from the command line, on real git repositories: a bare remote and clones
in tmp_path (no mocks).  ``project init/assign/status``, ``import --project``, ``sync``,
``merge DIR``, and what happens when the remote cannot be reached."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import run

from annotator.gitrepo import GitRepo, clone, run_git
from annotator.project import DONE, IN_PROGRESS, NOT_STARTED
from annotator.teamproject import TeamProject, read_config
from annotator.tei import load_tei

ROOT = Path(__file__).resolve().parent.parent
TEXTS = {
    "d1": "قال وزير الخارجية إن المملكة «تدعم الحل السلمي» في اليمن.",
    "d2": "أعلنت وزارة الصحة تسجيل حالات جديدة في الرياض وجدة.",
    "d3": "وأكد المتحدث باسم التحالف أن العمليات مستمرة.",
    "d4": "افتتح أمير منطقة مكة معرض الكتاب في جدة أمس.",
}


@pytest.fixture(autouse=True)
def own_git_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git without the user's or the system's configuration (no identity, no signing)."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def _corpus(folder: Path, texts: dict[str, str] = TEXTS) -> Path:
    source = folder / "corpus.jsonl"
    source.write_text("".join(json.dumps({"id": d, "text": t, "title": f"عنوان {d}"},
                                         ensure_ascii=False) + "\n" for d, t in texts.items()),
                      encoding="utf-8")
    return source


def _work(folder: Path, name: str, doc_ids: list[str], note: str = "",
          status: str | None = None) -> Path:
    """A JSONL file of ``name``'s annotations of ``doc_ids`` (the first word, as PER)."""
    lines = []
    for doc_id in doc_ids:
        text = TEXTS[doc_id]
        line: dict[str, object] = {"id": doc_id, "text": text, "spans": [
            {"start": 0, "end": text.index(" "), "label": "PER", "note": note}]}
        if status:
            line["status"] = {name: status}
        lines.append(json.dumps(line, ensure_ascii=False) + "\n")
    path = folder / f"{name}-{note or 'work'}.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _git(folder: Path, *args: str) -> str:
    done = run_git(list(args), folder)
    assert done.ok, done.stderr
    return done.stdout


def _committed_files(folder: Path, ref: str = "HEAD") -> list[str]:
    return _git(folder, "show", "--name-only", "--format=", ref).split()


@pytest.fixture()
def team(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Path]:
    """A project pushed to a bare remote and assigned (d1..d4 to two of bob, sara, omar);
    the lead's folder and a clone for each annotator."""
    remote = tmp_path / "remote.git"
    _git(tmp_path, "init", "-q", "--bare", str(remote))
    lead = tmp_path / "lead"
    status, _, err = run(capsys, "project", "init", lead, "--import", _corpus(tmp_path),
                         "--remote", remote, "--lead", "huda", "--name", "أخبار")
    assert status == 0, err
    assert run(capsys, "project", "assign", lead, "--annotators", "bob,sara,omar",
               "--per-document", "2", "--seed", "3")[0] == 0
    assert run(capsys, "sync", lead, "--annotator", "huda")[0] == 0
    folders = {"remote": remote, "lead": lead}
    for name in ("bob", "sara", "omar"):
        clone(str(remote), tmp_path / name)
        folders[name] = tmp_path / name
    return folders


def _assigned(project: Path, name: str) -> list[str]:
    return [d for d, names in read_config(project / "project.toml").assignment.items()
            if name in names]


# -- init ------------------------------------------------------------------------------------
def test_init_creates_commits_and_pushes_the_project(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    remote = tmp_path / "remote.git"
    _git(tmp_path, "init", "-q", "--bare", str(remote))
    tagset = tmp_path / "labels.toml"
    tagset.write_text('name = "mine"\n[[labels]]\nname = "PER"\nkind = "entity"\n',
                      encoding="utf-8")
    status, _, err = run(capsys, "project", "init", tmp_path / "p", "--import",
                         _corpus(tmp_path), "--remote", remote, "--lead", "huda",
                         "--tagset", tagset)
    assert status == 0, err
    project = TeamProject.open(tmp_path / "p")
    assert (project.config.name, project.config.lead) == ("p", "huda")
    assert project.document_ids() == sorted(TEXTS)
    text = load_tei(project.text_path("d1"))
    assert text.text == TEXTS["d1"] and text.title == "عنوان d1" and not text.annotations
    assert project.tagset_path.read_bytes() == tagset.read_bytes()
    assert ".annotator/" in (project.root / ".gitignore").read_text()
    assert _git(project.root, "status", "--porcelain") == ""
    copy = clone(str(remote), tmp_path / "copy").root
    assert sorted(p.name for p in (copy / "texts").iterdir()) == [f"{d}.tei.xml" for d in
                                                                  sorted(TEXTS)]


def test_init_refuses_a_used_folder_and_creates_nothing_when_an_input_fails(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    used = tmp_path / "used"
    used.mkdir()
    (used / "notes.txt").write_text("x")
    status, _, err = run(capsys, "project", "init", used, "--import", _corpus(tmp_path))
    assert status == 2 and "E707" in err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "d1", "text": "نص"}\n{"id": "d1", "text": "نص آخر"}\nnot json\n',
                   encoding="utf-8")
    status, _, err = run(capsys, "project", "init", tmp_path / "new", "--import", bad)
    assert status == 2 and "E710" in err and "nothing created" in err
    assert not (tmp_path / "new").exists()
    status, _, err = run(capsys, "project", "init", tmp_path / "new", "--import",
                         _corpus(tmp_path), "--lead", "a/b")
    assert status == 2 and "E704" in err and not (tmp_path / "new").exists()


def test_init_with_an_unreachable_remote_keeps_the_committed_project(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "project", "init", tmp_path / "p", "--import",
                         _corpus(tmp_path), "--remote", str(tmp_path / "nowhere.git"))
    assert status == 2 and "E750" in err and len(err.strip().splitlines()) == 2
    assert _git(tmp_path / "p", "log", "--oneline").count("\n") == 1


# -- assign ----------------------------------------------------------------------------------
def test_assign_records_a_balanced_reproducible_assignment(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "project", "init", tmp_path / "p", "--import", _corpus(tmp_path),
               "--lead", "huda")[0] == 0
    status, _, err = run(capsys, "project", "assign", tmp_path / "p", "--annotators",
                         "a, b,c", "--per-document", "2", "--seed", "11")
    assert status == 0, err
    config = read_config(tmp_path / "p" / "project.toml")
    assert (config.annotators, config.per_document, config.seed) == (["a", "b", "c"], 2, 11)
    assert sorted(config.assignment) == sorted(TEXTS)
    first = (tmp_path / "p" / "project.toml").read_bytes()
    run(capsys, "project", "assign", tmp_path / "p", "--annotators", "a,b,c",
        "--per-document", "2", "--seed", "11")
    assert (tmp_path / "p" / "project.toml").read_bytes() == first
    for args, code in ((["--per-document", "4"], "E711"), (["--per-document", "0"], "E712")):
        status, _, err = run(capsys, "project", "assign", tmp_path / "p", "--annotators",
                             "a,b,c", *args)
        assert status == 2 and code in err
    assert (tmp_path / "p" / "project.toml").read_bytes() == first
    status, _, err = run(capsys, "project", "assign", tmp_path, "--annotators", "a",
                         "--per-document", "1")
    assert status == 2 and "E700" in err


# -- import into a project -------------------------------------------------------------------
def test_import_into_a_project_fills_the_annotators_layer_and_reports_problems(
        team: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bob = team["bob"]
    mine = _assigned(bob, "bob")
    status, _, err = run(capsys, "import", _work(tmp_path, "bob", mine), "--project", bob,
                         "--annotator", "bob")
    assert status == 0, err
    for doc_id in mine:
        layer = load_tei(bob / "annotations" / "bob" / f"{doc_id}.tei.xml")
        assert [a.annotator for a in layer.annotations] == ["bob"]
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": mine[0], "text": TEXTS[mine[0]] + "!"},
                                ensure_ascii=False) + "\n"
                     + json.dumps({"id": "zz", "text": "نص"}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    before = (bob / "annotations" / "bob" / f"{mine[0]}.tei.xml").read_bytes()
    status, _, err = run(capsys, "import", other, "--project", bob, "--annotator", "bob")
    assert status == 2 and "E721" in err and "E720" in err and "zz" in err
    assert (bob / "annotations" / "bob" / f"{mine[0]}.tei.xml").read_bytes() == before
    status, _, err = run(capsys, "import", _work(tmp_path, "bob", mine, note="v2"), "--project",
                         bob, "--annotator", "bob")
    assert status == 2 and "E722" in err and "--replace" in err
    assert run(capsys, "import", _work(tmp_path, "bob", mine, note="v2"), "--project", bob,
               "--annotator", "bob", "--replace")[0] == 0
    assert run(capsys, "import", other, "--project", bob)[2].count("E728") == 1
    for args in ([], ["-o", tmp_path / "x", "--project", bob]):
        with pytest.raises(SystemExit) as done:
            run(capsys, "import", other, *args)
        assert done.value.code == 2 and "-o/--output" in capsys.readouterr().err


def test_import_into_a_project_maps_labels_as_a_plain_import_does(
        team: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bob = team["bob"]
    mine = _assigned(bob, "bob")
    status, _, err = run(capsys, "import", _work(tmp_path, "bob", mine), "--project", bob,
                         "--annotator", "bob", "--map", "PER=PERS")
    assert status == 0, err
    for doc_id in mine:
        layer = load_tei(bob / "annotations" / "bob" / f"{doc_id}.tei.xml")
        assert [a.label for a in layer.annotations] == ["PERS"]


# -- sync ------------------------------------------------------------------------------------
def test_sync_commits_only_the_annotators_files_and_leaves_the_rest_alone(
        team: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bob, sara = team["bob"], team["sara"]
    run(capsys, "import", _work(tmp_path, "sara", _assigned(sara, "sara")), "--project", sara,
        "--annotator", "sara")
    assert run(capsys, "sync", sara, "--annotator", "sara")[0] == 0
    _git(bob, "pull", "-q")
    mine = _assigned(bob, "bob")
    run(capsys, "import", _work(tmp_path, "bob", mine), "--project", bob, "--annotator", "bob")
    # bob also touches sara's file, the project file and a new gold file: none of it is his
    sara_file = next((bob / "annotations" / "sara").iterdir())
    sara_file.write_bytes(sara_file.read_bytes().replace(b"</TEI>", b"<!-- bob --></TEI>"))
    with (bob / "project.toml").open("a", encoding="utf-8") as stream:
        stream.write("# bob was here\n")
    (bob / "gold").mkdir()
    (bob / "gold" / "x.tei.xml").write_text("bob's")
    status, _, err = run(capsys, "sync", bob, "--annotator", "bob")
    assert status == 0, err
    assert "E755" in err and "3 changed file(s)" in err
    assert sorted(_committed_files(bob)) == sorted(f"annotations/bob/{d}.tei.xml" for d in mine)
    assert b"<!-- bob -->" in sara_file.read_bytes()  # left alone, not lost
    assert "# bob was here" in (bob / "project.toml").read_text(encoding="utf-8")
    remote_files = _git(team["remote"], "ls-tree", "-r", "--name-only", "HEAD").split()
    assert "gold/x.tei.xml" not in remote_files
    assert all(f"annotations/bob/{d}.tei.xml" in remote_files for d in mine)


def test_sync_integrates_what_others_pushed_meanwhile(
        team: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("bob", "sara", "omar"):  # all import first; each sync finds the remote moved
        run(capsys, "import", _work(tmp_path, name, _assigned(team[name], name), status=DONE),
            "--project", team[name], "--annotator", name)
    for name in ("omar", "bob", "sara"):
        status, _, err = run(capsys, "sync", team[name], "--annotator", name)
        assert status == 0, err
    assert "brought in" in err and "pushed" in err
    status, _, err = run(capsys, "sync", team["lead"], "--annotator", "huda")
    assert status == 0, err
    lead = team["lead"]
    for name in ("bob", "sara", "omar"):
        assert sorted(TeamProject.open(lead).layer_ids(name)) == sorted(_assigned(lead, name))
    assert "conflict" not in _git(lead, "log", "--format=%s")
    status, out, _ = run(capsys, "project", "status", lead, "--json")
    documents = json.loads(out)["documents"]
    assert {d["id"] for d in documents} == set(TEXTS)
    assert all(set(d["status"].values()) == {DONE} and len(d["assigned"]) == 2
               for d in documents)


def test_an_unreachable_remote_loses_nothing_and_the_next_sync_finishes(
        team: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bob, remote = team["bob"], team["remote"]
    mine = _assigned(bob, "bob")
    run(capsys, "import", _work(tmp_path, "bob", mine), "--project", bob, "--annotator", "bob")
    files = {d: (bob / "annotations" / "bob" / f"{d}.tei.xml").read_bytes() for d in mine}
    away = remote.with_name("moved.git")
    remote.rename(away)
    status, _, err = run(capsys, "sync", bob, "--annotator", "bob")
    assert status == 2 and "E750" in err and "sync again" in err
    assert len([line for line in err.splitlines() if line.strip()]) == 1
    assert sorted(_committed_files(bob)) == sorted(f"annotations/bob/{d}.tei.xml" for d in mine)
    assert all((bob / "annotations" / "bob" / f"{d}.tei.xml").read_bytes() == data
               for d, data in files.items())
    away.rename(remote)
    status, _, err = run(capsys, "sync", bob, "--annotator", "bob")
    assert status == 0 and "pushed" in err, err
    assert all(f"annotations/bob/{d}.tei.xml" in
               _git(remote, "ls-tree", "-r", "--name-only", "HEAD").split() for d in mine)


def test_changes_in_the_way_of_the_remote_stop_the_sync_and_are_kept(
        team: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sara, bob = team["sara"], team["bob"]
    doc_id = _assigned(sara, "sara")[0]
    run(capsys, "import", _work(tmp_path, "sara", [doc_id]), "--project", sara,
        "--annotator", "sara")
    # bob, by hand, made a file where sara's is about to arrive
    stray = bob / "annotations" / "sara" / f"{doc_id}.tei.xml"
    stray.parent.mkdir(parents=True)
    stray.write_text("bob's draft", encoding="utf-8")
    assert run(capsys, "sync", sara, "--annotator", "sara")[0] == 0
    status, _, err = run(capsys, "sync", bob, "--annotator", "bob")
    assert status == 2 and "E752" in err and f"annotations/sara/{doc_id}.tei.xml" in err
    assert stray.read_text(encoding="utf-8") == "bob's draft"
    stray.unlink()
    assert run(capsys, "sync", bob, "--annotator", "bob")[0] == 0
    assert load_tei(stray).annotations


def test_a_remote_refusing_the_push_is_one_line_and_the_commit_is_kept(
        team: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hook = team["remote"] / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'read-only for now' >&2\nexit 1\n")
    hook.chmod(0o755)
    bob = team["bob"]
    run(capsys, "import", _work(tmp_path, "bob", _assigned(bob, "bob")), "--project", bob,
        "--annotator", "bob")
    status, _, err = run(capsys, "sync", bob, "--annotator", "bob")
    assert status == 2 and "E751" in err and "nothing is lost" in err
    assert _committed_files(bob)[0].startswith("annotations/bob/")
    hook.unlink()
    assert run(capsys, "sync", bob, "--annotator", "bob")[0] == 0


def test_work_committed_outside_annotator_that_conflicts_is_not_merged(
        team: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sara, bob = team["sara"], team["bob"]
    doc_id = _assigned(sara, "sara")[0]
    run(capsys, "import", _work(tmp_path, "sara", [doc_id]), "--project", sara,
        "--annotator", "sara")
    assert run(capsys, "sync", sara, "--annotator", "sara")[0] == 0
    _git(bob, "pull", "-q")
    # sara edits her file again; bob edits it too and commits it with git himself
    run(capsys, "import", _work(tmp_path, "sara", [doc_id], note="v2"), "--project", sara,
        "--annotator", "sara", "--replace")
    assert run(capsys, "sync", sara, "--annotator", "sara")[0] == 0
    theirs = bob / "annotations" / "sara" / f"{doc_id}.tei.xml"
    theirs.write_text("bob's version\n", encoding="utf-8")
    _git(bob, "-c", "user.name=bob", "-c", "user.email=b@x", "commit", "-q", "-am",
         "by hand")
    head = _git(bob, "rev-parse", "HEAD")
    status, _, err = run(capsys, "sync", bob, "--annotator", "bob")
    assert status == 2 and "E753" in err and f"annotations/sara/{doc_id}.tei.xml" in err
    assert _git(bob, "rev-parse", "HEAD") == head and _git(bob, "status", "--porcelain") == ""
    # a merge left half done by hand is refused before anything else
    run_git(["-c", "user.name=bob", "-c", "user.email=b@x", "merge", "-q",
             f"origin/{GitRepo(bob).branch()}"], bob)
    assert GitRepo(bob).has_commit("MERGE_HEAD")
    status, _, err = run(capsys, "sync", bob, "--annotator", "bob")
    assert status == 2 and "E733" in err and "merge" in err


def test_sync_without_a_remote_commits_and_says_so(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "project", "init", tmp_path / "p", "--import", _corpus(tmp_path), "--lead",
        "huda")
    (tmp_path / "p" / "tagset.toml").write_text(
        'name = "x"\n[[labels]]\nname = "PER"\nkind = "entity"\n', encoding="utf-8")
    status, _, err = run(capsys, "sync", tmp_path / "p", "--annotator", "huda")
    assert status == 0 and "no remote" in err and _committed_files(tmp_path / "p") == [
        "tagset.toml"]


def test_sync_refuses_a_detached_head_and_a_folder_without_git(
        team: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _git(team["bob"], "checkout", "-q", "--detach")
    status, _, err = run(capsys, "sync", team["bob"], "--annotator", "bob")
    assert status == 2 and "E734" in err
    plain = tmp_path / "plain"
    run(capsys, "project", "init", plain, "--import", _corpus(tmp_path))
    subprocess.run(["rm", "-rf", str(plain / ".git")], check=True)
    status, _, err = run(capsys, "sync", plain, "--annotator", "bob")
    assert status == 2 and "E732" in err
    # a project folder inside another repository is not that repository's top: refused
    _git(tmp_path, "init", "-q", str(tmp_path / "outer"))
    plain.rename(tmp_path / "outer" / "plain")
    status, _, err = run(capsys, "sync", tmp_path / "outer" / "plain", "--annotator", "bob")
    assert status == 2 and "E732" in err
    status, _, err = run(capsys, "sync", team["sara"], "--annotator", "../x")
    assert status == 2 and "E704" in err


def test_a_missing_git_is_one_line(team: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH", "")
    status, _, err = run(capsys, "sync", team["bob"], "--annotator", "bob")
    assert status == 2 and "E730" in err and "git-scm.com" in err
    new = team["bob"].parent / "new"
    status, _, err = run(capsys, "project", "init", new, "--import", team["lead"] / "texts")
    assert status == 2 and "E730" in err and not new.exists()


# -- status and merge ------------------------------------------------------------------------
def test_status_table_json_and_html(team: dict[str, Path], tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    bob = team["bob"]
    mine = _assigned(bob, "bob")
    run(capsys, "import", _work(tmp_path, "bob", mine[:1], status=DONE), "--project", bob,
        "--annotator", "bob")
    status, out, err = run(capsys, "project", "status", bob, "--json", "--html",
                           tmp_path / "report.html")
    assert status == 0, err
    documents = {d["id"]: d for d in json.loads(out)["documents"]}
    assert set(documents) == set(TEXTS)
    first = documents[mine[0]]
    assert first["title"] == f"عنوان {mine[0]}" and "bob" in first["assigned"]
    assert first["status"]["bob"] == DONE and first["annotations"]["bob"] == 1
    assert all(documents[d]["status"]["bob"] == NOT_STARTED for d in mine[1:])
    assert set(first) >= {"id", "title", "assigned", "status"}
    assert "عنوان" in (tmp_path / "report.html").read_text(encoding="utf-8")
    status, out, err = run(capsys, "project", "status", bob)
    assert status == 0 and f"bob: {DONE} (1)" in out and "bob:" in err
    assert (bob / ".annotator" / "status.json").is_file()
    assert _git(bob, "status", "--porcelain", "--", ".annotator") == ""  # never in git
    assert IN_PROGRESS not in documents[mine[0]]["status"].values()


def test_merge_a_project_folder(team: dict[str, Path], tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    lead = team["lead"]
    for name in ("bob", "sara", "omar"):
        run(capsys, "import", _work(tmp_path, name, _assigned(team[name], name)), "--project",
            team[name], "--annotator", name)
        assert run(capsys, "sync", team[name], "--annotator", name)[0] == 0
    run(capsys, "sync", lead, "--annotator", "huda")
    status, _, err = run(capsys, "merge", lead, "-o", lead / "gold")
    assert status == 0, err
    for doc_id in TEXTS:
        merged = load_tei(lead / "gold" / f"{doc_id}.tei.xml")
        layers = {a.annotator for a in merged.annotations if a.layer != "gold"}
        assert layers == set(read_config(lead / "project.toml").assignment[doc_id])
        assert any(a.layer == "gold" and a.annotator == "huda" for a in merged.annotations)
    assert run(capsys, "sync", lead, "--annotator", "huda")[0] == 0
    assert all(path.startswith("gold/") for path in _committed_files(lead))


def test_every_team_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["project", "--help"], ["project", "init", "--help"],
                 ["project", "assign", "--help"], ["project", "status", "--help"],
                 ["sync", "--help"], ["import", "--help"], ["merge", "--help"]):
        with pytest.raises(SystemExit) as done:
            run(capsys, *args)
        assert done.value.code == 0
        assert "usage:" in capsys.readouterr().out


def test_the_git_engine_never_asks_at_a_terminal_when_not_interactive(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path)
    done = repo.run("ls-remote", "https://127.0.0.1:9/nothing.git")
    assert not done.ok and done.reason()


# -- the simulation --------------------------------------------------------------------------
@pytest.mark.shared
@pytest.mark.slow
def test_a_small_team_simulation_loses_nothing(corpora_dir: Path, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_team.py"),
                           "--documents", "24", "--annotators", "5", "--per-document", "3",
                           "--rounds", "2", "--parallel", "3", "--keep", str(tmp_path / "w")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr + done.stdout
    assert "nothing lost, no conflict" in done.stdout
