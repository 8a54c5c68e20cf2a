"""A team annotating a project shared over git, simulated (issue 11, section 3).

    python bench/bench_team.py [--documents 1000] [--annotators 20] [--per-document 3]
                               [--rounds 3] [--parallel 4] [--seed 1] [--keep DIR]

A bare remote, the lead's clone and one clone per annotator; the documents are articles of
``../shared/corpora/saudinewsnet``.  The lead creates the project, assigns each document to K
annotators and syncs.  Then, each round, every annotator in a random order imports a new
version of their annotations (``annotator import --project --replace``: the first round every
assigned document, later rounds a random half, the last round marking them done), and then
they all sync in another random order, ``--parallel`` at a time as separate processes, so
that nearly every sync finds the remote moved and some pushes race.  Finally the lead syncs,
reads the status and merges (``annotator merge DIR -o OUT --strategy union``).

Checked: no command fails; every annotator's last version of every document they touched is
in the merge (each version's spans carry a note naming its round); no merge has a git
conflict (one would fail the sync).  The annotators of one document mark the same spans, so
the merge reports no disagreement either.  Printed: wall times of each phase; a sync's time
against its import's (the same annotator's files) as the baseline of this run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import NEWS

from annotator.cli import main as annotator
from annotator.gitrepo import clone, run_git
from annotator.teamproject import TeamProject
from annotator.tei import load_tei
from annotator.xmlchars import replace_illegal

LABELS = ("PER", "ORG", "LOC")
WORD = re.compile(r"\w{3,}")


class CommandFailed(RuntimeError):
    """A command of the simulation exited non-zero."""


def news_articles() -> list[dict[str, str]]:
    """The corpus's articles with text, characters XML cannot carry (a few U+001A) made
    U+FFFD, as ``--replace-invalid`` would."""
    articles = []
    for article in json.loads(NEWS.read_text(encoding="utf-8")):
        if article["content"].strip():
            articles.append({"content": replace_illegal(article["content"])[0],
                             "title": replace_illegal(article["title"])[0]})
    return articles


def run(*args: str | Path) -> str:
    """``annotator ARGS`` in this process; its stderr.  Raises when it fails."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = annotator([str(a) for a in args])
    if status != 0:
        raise CommandFailed(f"annotator {' '.join(map(str, args))} -> {status}\n{err.getvalue()}")
    return err.getvalue()


def run_process(*args: str | Path) -> str:
    """``python -m annotator ARGS`` as a separate process (so several run at once)."""
    done = subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise CommandFailed(f"annotator {' '.join(map(str, args))} -> {done.returncode}\n"
                            f"{done.stderr}")
    return done.stderr


def spans_of(doc_id: str, text: str) -> list[tuple[int, int, str]]:
    """The spans every annotator of ``doc_id`` marks (so that they agree)."""
    rng = random.Random(doc_id)
    words = [m.span() for m in WORD.finditer(text)]
    chosen = sorted(rng.sample(words, min(4, len(words))))
    return [(start, end, rng.choice(LABELS)) for start, end in chosen]


def version_line(doc_id: str, text: str, name: str, round_number: int,
                 done: bool) -> dict[str, Any]:
    """One JSONL document: ``name``'s version of round ``round_number``."""
    line: dict[str, Any] = {"id": doc_id, "text": text, "spans": [
        {"start": s, "end": e, "label": label, "note": f"{name} round {round_number}"}
        for s, e, label in spans_of(doc_id, text)]}
    if done:
        line["status"] = {name: "done"}
    return line


def simulate(work: Path, documents: int, annotators: int, per_document: int, rounds: int,
             parallel: int, seed: int) -> dict[str, float]:
    """Run the whole simulation in ``work``; the wall time of each phase, in seconds."""
    times: dict[str, float] = {}
    rng = random.Random(seed)
    articles = news_articles()
    # more documents than articles: the same texts again, under other ids
    texts = {f"d{i:05d}": (articles[i % len(articles)]["content"],
                           articles[i % len(articles)]["title"]) for i in range(documents)}
    source = work / "corpus.jsonl"
    with source.open("w", encoding="utf-8") as stream:
        for doc_id, (text, title) in texts.items():
            stream.write(json.dumps({"id": doc_id, "text": text, "title": title},
                                    ensure_ascii=False) + "\n")
    remote = work / "remote.git"
    names = [f"ann{n:02d}" for n in range(1, annotators + 1)]
    lead = work / "lead"

    started = time.perf_counter()
    run_git(["init", "-q", "--bare", str(remote)])
    run("project", "init", lead, "--import", source, "--remote", remote, "--lead", "lead",
        "--name", "simulation")
    run("project", "assign", lead, "--annotators", ",".join(names), "--per-document",
        str(per_document), "--seed", str(seed))
    run("sync", lead, "--annotator", "lead")
    times["init, assign, sync (lead)"] = time.perf_counter() - started

    started = time.perf_counter()
    clones = {name: work / name for name in names}
    for folder in clones.values():
        clone(str(remote), folder)
    times[f"clone x{annotators}"] = time.perf_counter() - started
    assignment = TeamProject.open(lead).config.assignment
    mine = {name: [d for d, chosen in assignment.items() if name in chosen] for name in names}

    last: dict[tuple[str, str], int] = {}  # (annotator, document) -> round of its last version
    import_time = sync_time = 0.0
    raced = 0
    for round_number in range(1, rounds + 1):
        order = list(names)
        rng.shuffle(order)
        started = time.perf_counter()
        for name in order:
            chosen = mine[name] if round_number == 1 else rng.sample(
                mine[name], max(1, len(mine[name]) // 2))
            batch = work / f"{name}-round{round_number}.jsonl"
            with batch.open("w", encoding="utf-8") as stream:
                for doc_id in chosen:
                    line = version_line(doc_id, texts[doc_id][0], name, round_number,
                                        round_number == rounds)
                    stream.write(json.dumps(line, ensure_ascii=False) + "\n")
            run("import", batch, "--project", clones[name], "--annotator", name, "--replace")
            for doc_id in chosen:
                last[name, doc_id] = round_number
        elapsed = time.perf_counter() - started
        import_time += elapsed
        times[f"round {round_number}: imports"] = elapsed
        rng.shuffle(order)
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=parallel) as pool:
            outputs = list(pool.map(lambda n: run_process("sync", clones[n], "--annotator", n),
                                    order))
        raced += sum("tries" in output for output in outputs)
        elapsed = time.perf_counter() - started
        sync_time += elapsed
        times[f"round {round_number}: syncs"] = elapsed

    started = time.perf_counter()
    run("sync", lead, "--annotator", "lead")
    times["lead: sync"] = time.perf_counter() - started
    started = time.perf_counter()
    run("project", "status", lead, "--json")
    times["lead: status, first"] = time.perf_counter() - started
    started = time.perf_counter()
    run("project", "status", lead, "--json")
    times["lead: status, again"] = time.perf_counter() - started
    started = time.perf_counter()
    merged = work / "merged"
    run("merge", lead, "-o", merged, "--strategy", "union", "-q")
    times["lead: merge"] = time.perf_counter() - started
    check_merge(merged, last, names)
    times["syncs that raced (count)"] = raced
    times["sync time / import time"] = sync_time / import_time
    return times


def check_merge(merged: Path, last: dict[tuple[str, str], int], names: Sequence[str]) -> None:
    """Every annotator's last version of every document they touched is in the merge."""
    by_document: dict[str, dict[str, int]] = {}
    for (name, doc_id), round_number in last.items():
        by_document.setdefault(doc_id, {})[name] = round_number
    for doc_id, versions in by_document.items():
        document = load_tei(merged / f"{doc_id}.tei.xml")
        expected_spans = sorted(spans_of(doc_id, document.text))
        for name, round_number in versions.items():
            own = [a for a in document.annotations if a.annotator == name and not a.layer]
            spans = sorted((a.start, a.end, a.label) for a in own)
            notes = {a.note for a in own}
            if spans != expected_spans or notes != {f"{name} round {round_number}"}:
                raise AssertionError(f"{doc_id}: {name}'s round {round_number} is not in the "
                                     f"merge (found {spans} with notes {sorted(notes)})")
        if not any(a.layer == "gold" for a in document.annotations):
            raise AssertionError(f"{doc_id}: no gold layer")
    if not set(names) <= {name for name, _ in last}:
        raise AssertionError("some annotator never imported anything")


def status_timing(work: Path, documents: int, per_document: int) -> dict[str, float]:
    """A project of ``documents`` documents, each with ``per_document`` annotators' files,
    written directly (no git); the wall time of its status read cold, then again."""
    from annotator.model import Document
    from annotator.teamimport import text_only
    from annotator.teamproject import ProjectConfig
    from annotator.teamstatus import project_status
    from annotator.tei import tei_bytes

    articles = news_articles()
    names = [f"ann{n:02d}" for n in range(1, 21)]
    project = TeamProject(work / "big", ProjectConfig("big", "lead", names, per_document))
    project.root.mkdir()
    rng = random.Random(1)
    for folder in (project.texts_dir, *map(project.layer_dir, names)):
        folder.mkdir(parents=True)
    started = time.perf_counter()  # plain writes: the saves' fsyncs would take minutes here
    for number in range(documents):
        article = articles[number % len(articles)]
        document = Document(f"d{number:05d}", article["content"], article["title"])
        project.text_path(document.id).write_bytes(tei_bytes(document))
        chosen = rng.sample(names, per_document)
        project.config.assignment[document.id] = chosen
        for name in chosen:
            layer = text_only(document)
            for start, end, label in spans_of(document.id, document.text):
                layer.annotate(start, end, label, annotator=name)
            layer.status[name] = rng.choice(["in progress", "done"])
            project.layer_path(name, document.id).write_bytes(tei_bytes(layer))
    project.save_config()
    times = {f"write {documents} texts and {documents * per_document} layer files":
             time.perf_counter() - started}
    old = time.time() - 60  # older than the index's racy window, as files synced long ago
    for path in project.root.rglob("*.tei.xml"):
        os.utime(path, (old, old))
    os.utime(project.config_path, (old, old))
    started = time.perf_counter()
    project_status(project.root, start_method="fork")
    times["status, first (reads every file)"] = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    state = project_status(project.root, start_method="fork")
    times["status, again (in this process)"] = time.perf_counter() - started
    times["status, again: CPU time (machine shared)"] = time.process_time() - cpu
    assert state.read == 0 and len(state.documents) == documents
    started = time.perf_counter()
    run_process("project", "status", project.root, "--json")
    times["annotator project status --json (a process)"] = time.perf_counter() - started
    times["again / first"] = (times["status, again (in this process)"]
                              / times["status, first (reads every file)"])
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--annotators", type=int, default=20)
    parser.add_argument("--per-document", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--parallel", type=int, default=4,
                        help="syncs running at once (separate processes)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="work in this new folder and keep it")
    parser.add_argument("--status-documents", type=int, metavar="N",
                        help="instead: time the status of a project of N documents (written "
                             "directly, no git), cold and then from its index")
    args = parser.parse_args(argv)
    if not NEWS.exists():
        print(f"bench_team: needs {NEWS} (../shared is absent)", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-team-"))
    work.mkdir(parents=True, exist_ok=True)
    # git of its own: the user's configuration (signing, hooks) stays out of the figures
    os.environ["GIT_CONFIG_GLOBAL"] = str(work / "gitconfig")
    os.environ["GIT_CONFIG_NOSYSTEM"] = "1"
    started = time.perf_counter()
    try:
        if args.status_documents:
            times = status_timing(work, args.status_documents, args.per_document)
        else:
            times = simulate(work, args.documents, args.annotators, args.per_document,
                             args.rounds, args.parallel, args.seed)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    total = time.perf_counter() - started
    if args.status_documents:
        print(f"status of {args.status_documents} documents, K={args.per_document}")
    else:
        print(f"{args.documents} documents, {args.annotators} annotators, "
              f"K={args.per_document}, {args.rounds} rounds, {args.parallel} syncs at once: "
              "nothing lost, no conflict")
    for phase, seconds in times.items():
        shown = f"{seconds:.0f}" if "(count)" in phase else (
            f"{seconds:.2f}x" if "/" in phase else f"{seconds:8.2f} s")
        print(f"  {phase:<46} {shown}")
    print(f"  {'total wall time':<46} {total:8.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
