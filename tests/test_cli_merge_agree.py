"""``annotator merge`` and ``annotator agree`` on real files, through the real entry point."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree

from annotator.cli import main
from annotator.layers import layer_names
from annotator.model import Annotation, Document, Link
from annotator.tei import load_tei, save_tei

TEXT = "قال الوزير محمد إن شركة أرامكو في الرياض ستعلن النتائج غداً."


def _span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


SETS = {
    "alice": [("محمد", "PER"), ("أرامكو", "ORG"), ("ستعلن النتائج", "QUOTE")],
    "bob": [("محمد", "PER"), ("أرامكو", "ORG"), ("ستعلن النتائج", "QUOTE")],
    "carol": [("محمد", "PER"), ("أرامكو", "LOC"), ("الرياض", "LOC")],
}


def _write(folder: Path, who: str, doc_id: str = "doc1", text: str = TEXT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document(doc_id, text)
    for number, (word, label) in enumerate(SETS[who], 1):
        links = (Link("speaker", "a1"),) if label == "QUOTE" else ()
        doc.annotations.add(Annotation(f"a{number}", *_span(word), label, who, {}, links))
    path = folder / f"{doc_id}.{who}.tei.xml"
    save_tei(doc, path)
    return path


def test_merge_files_writes_layers_gold_and_conflicts(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(_write(tmp_path, who)) for who in SETS]
    out = tmp_path / "merged.tei.xml"
    conflicts = tmp_path / "conflicts.jsonl"
    code = main(["merge", *paths, "-o", str(out), "--lead", "lena",
                 "--conflicts", str(conflicts)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    doc = load_tei(out)
    assert layer_names(doc) == ["gold", "alice", "bob", "carol"]
    gold = [a for a in doc.annotations if a.layer == "gold"]
    assert {a.label for a in gold} == {"PER", "ORG", "QUOTE"}
    assert {a.annotator for a in gold} == {"lena"}
    assert "3 gold annotations (majority, at least 2 of 3)" in captured.err
    assert "alice:ORG, bob:ORG, carol:LOC" in captured.out
    assert "«أرامكو»" in captured.out
    records = [json.loads(line) for line in conflicts.read_text(encoding="utf-8").splitlines()]
    kinds = {tuple(r["kinds"]) for r in records}
    # everyone marked أرامكو (a label disagreement); only carol marked الرياض
    assert ("label",) in kinds and ("missing",) in kinds
    assert all(r["document"] == "doc1" for r in records)


def test_merge_keeps_a_conflict_list_already_there(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(_write(tmp_path, who)) for who in SETS]
    conflicts = tmp_path / "conflicts.jsonl"
    conflicts.write_text("the lead's notes\n", encoding="utf-8")
    out = tmp_path / "merged.tei.xml"
    assert main(["merge", *paths, "-o", str(out), "--conflicts", str(conflicts), "-q"]) == 2
    err = capsys.readouterr().err
    assert "E631" in err and str(conflicts) in err and len(err.strip().splitlines()) == 1
    assert conflicts.read_text(encoding="utf-8") == "the lead's notes\n" and not out.exists()
    assert main(["merge", *paths, "-o", str(out), "--conflicts", str(conflicts), "-q",
                 "--overwrite"]) == 0
    assert conflicts.read_text(encoding="utf-8").startswith("{")


def test_merge_unanimity_and_overlap_options(tmp_path: Path) -> None:
    paths = [str(_write(tmp_path, who)) for who in SETS]
    out = tmp_path / "merged.tei.xml"
    assert main(["merge", *paths, "-o", str(out), "--strategy", "unanimity", "-q"]) == 0
    assert [a.label for a in load_tei(out).annotations if a.layer == "gold"] == ["PER"]
    assert main(["merge", *paths, "-o", str(out), "--min-agree", "1", "--overlap", "-q"]) == 2
    assert main(["merge", *paths, "-o", str(out), "--min-agree", "1", "--overlap", "-q",
                 "--overwrite"]) == 0
    assert len([a for a in load_tei(out).annotations if a.layer == "gold"]) == 5


def test_merge_of_different_texts_is_one_line_error_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _write(tmp_path / "a", "alice")
    second = _write(tmp_path / "b", "bob", text=TEXT + "!")
    out = tmp_path / "merged.tei.xml"
    assert main(["merge", str(first), str(second), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error E522: " in err and "Traceback" not in err
    assert str(first) in err and str(second) in err
    assert not out.exists()


def test_merge_keeps_an_existing_output_when_an_input_is_damaged(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [_write(tmp_path, who) for who in SETS]
    out = tmp_path / "merged.tei.xml"
    out.write_text("previous", encoding="utf-8")
    paths[1].write_bytes(paths[1].read_bytes()[:500])
    assert main(["merge", *map(str, paths), "-o", str(out)]) == 2
    assert str(paths[1]) in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "previous"


def test_merge_refuses_mixing_files_and_folders_and_writing_over_an_input(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path / "a", "alice")
    other = _write(tmp_path / "b", "bob")
    assert main(["merge", str(path), str(tmp_path / "b"), "-o", str(tmp_path / "x")]) == 2
    assert "not both" in capsys.readouterr().err
    assert main(["merge", str(path), str(other), "-o", str(path)]) == 2
    assert "one of the inputs" in capsys.readouterr().err


@pytest.mark.parametrize("mode", ["files", "folders"])
def test_reports_and_conflict_lists_never_replace_an_input(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: str) -> None:
    # --html and --conflicts pointed at an annotator's file (tab completion picks it easily)
    # would overwrite that annotator's work with a report.
    paths = [_write(tmp_path / who, who) for who in ("alice", "bob")]
    inputs = [str(p) for p in paths] if mode == "files" else [str(p.parent) for p in paths]
    before = paths[1].read_bytes()
    out = tmp_path / ("m.tei.xml" if mode == "files" else "merged")
    for command in (["agree", *inputs, "--html", str(paths[1])],
                    ["merge", *inputs, "-o", str(out), "--conflicts", str(paths[1])]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and str(paths[1]) in err and "input" in err
        assert paths[1].read_bytes() == before
    assert not out.exists()
    if mode == "files":
        assert main(["merge", *inputs, "-o", str(out), "--conflicts", str(out)]) == 2
        assert "--conflicts" in capsys.readouterr().err and not out.exists()


def test_merge_folders_reports_missing_documents(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    for who in SETS:
        for doc_id in ("d1", "d2"):
            if not (who == "carol" and doc_id == "d2"):
                _write(tmp_path / who, who, doc_id)
    out = tmp_path / "out"
    code = main(["merge", *(str(tmp_path / w) for w in SETS), "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert sorted(p.name for p in out.iterdir()) == ["d1.tei.xml", "d2.tei.xml"]
    assert f"d2 missing from {tmp_path / 'carol'}" in captured.err
    assert "3 conflicts in 1 document: missing 2, label 1" in captured.out  # d2: alice = bob
    before = (out / "d1.tei.xml").read_bytes()
    assert main(["merge", *(str(tmp_path / w) for w in SETS), "-o", str(out),
                 "--list-conflicts"]) == 2  # merged files already there are kept
    assert "--overwrite" in capsys.readouterr().err
    assert (out / "d1.tei.xml").read_bytes() == before
    assert main(["merge", *(str(tmp_path / w) for w in SETS), "-o", str(out),
                 "--list-conflicts", "--overwrite"]) == 0
    assert re.search(r"^d1 +\[", capsys.readouterr().out, re.MULTILINE)  # lines name documents


def test_agree_tables_json_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(_write(tmp_path, who)) for who in SETS]
    report = tmp_path / "report.html"
    assert main(["agree", *paths, "--html", str(report), "--per-document"]) == 0
    out = capsys.readouterr().out
    assert "per label" in out and "alice - bob" in out and "doc1" in out
    assert re.search(r"^alice - bob\s+1\.000", out, re.MULTILINE)  # identical sets
    html = report.read_text(encoding="utf-8")
    assert "<svg" in html and "<script" not in html and "http" not in html.replace(
        "http://www.w3.org", "")
    etree.fromstring(html.encode("utf-8"), etree.HTMLParser(recover=False))
    assert '<bdi dir="auto" lang="ar">منظمة</bdi>' in html
    assert "Annotator pairs × labels" in html
    assert main(["agree", "--json", *paths]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["annotators"] == ["alice", "bob", "carol"]
    pair = next(p for p in data["per_pair"] if p["annotators"] == ["alice", "bob"])
    assert pair["cohen_kappa_mean"] == pytest.approx(1.0)
    assert pair["per_label"]["ORG"]["cohen_kappa_mean"] == pytest.approx(1.0)
    other = next(p for p in data["per_pair"] if p["annotators"] == ["alice", "carol"])
    assert other["per_label"]["ORG"]["span_exact"] == {
        "tp": 0, "fp": 0, "fn": 1, "precision": None, "recall": 0.0, "f1_micro": 0.0,
        "f1_macro": 0.0}
    assert data["per_label"]["LOC"]["span_exact"]["tp"] == 0
    labels = data["confusion"]["labels"]
    assert labels[-1] == "O" and len(data["confusion"]["matrix"]) == len(labels)


def test_agree_on_folders_and_on_a_merged_file_gives_the_same_figures(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for who in SETS:
        _write(tmp_path / who, who)
    folders = [str(tmp_path / w) for w in SETS]
    assert main(["agree", "--json", *folders]) == 0
    from_folders = json.loads(capsys.readouterr().out)
    merged = tmp_path / "merged.tei.xml"
    assert main(["merge", *(str(p) for p in sorted(tmp_path.glob("*/*.xml"))),
                 "-o", str(merged), "-q"]) == 0
    capsys.readouterr()
    assert main(["agree", "--json", str(merged)]) == 0
    from_merged = json.loads(capsys.readouterr().out)
    assert from_merged["overall"] == from_folders["overall"]


def test_agree_needs_two_annotators(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "alice")
    assert main(["agree", str(path)]) == 2
    assert "annotator agree: error E555: " in capsys.readouterr().err


def test_agree_damaged_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [_write(tmp_path, who) for who in SETS]
    paths[0].write_text("<TEI>", encoding="utf-8")
    assert main(["agree", *map(str, paths)]) == 2
    err = capsys.readouterr().err
    assert str(paths[0]) in err and "Traceback" not in err and err.count("\n") == 1


def test_agreement_in_worker_processes_equals_one_process(tmp_path: Path) -> None:
    from annotator.agreement import agreement_report
    from annotator.corpus import read_document_sets
    from annotator.workers import process_map

    for who in SETS:
        for number in range(10):
            _write(tmp_path / who, who, f"d{number}")
    folders = [tmp_path / w for w in SETS]
    documents, _ = read_document_sets(folders, workers=2)
    assert len(documents) == 10
    one = agreement_report(documents).to_json()
    two = agreement_report(documents, map_function=process_map(2)).to_json()
    assert one == two


def test_html_report_shows_undefined_and_negative_figures() -> None:
    from annotator.agreement import DocumentSets, agreement_report
    from annotator.report_html import report_to_html

    text = "w0 w1 w2 w3"
    nothing = agreement_report([DocumentSets("d", text, {"a": [], "b": []})])
    html = report_to_html(nothing)
    assert "n/a" in html and "nan" not in html.lower().replace("n/a", "")
    # Systematic disagreement: every token one annotator marks, the other leaves out.
    against = agreement_report([DocumentSets("d", text, {"a": [(0, 2, "PER"), (6, 8, "PER")],
                                                         "b": [(3, 5, "PER"), (9, 11, "PER")]})])
    assert against.overall.alpha < 0
    html = report_to_html(against)
    etree.fromstring(html.encode("utf-8"), etree.HTMLParser(recover=False))
    assert re.search(r'<rect x="[\d.]+" y="\d+" width="[\d.]+" height="12" fill="#0072b2">'
                     r"<title>Krippendorff&#x27;s α: -", html)


def test_impossible_min_agree_over_folders_is_said_once(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    # Every document fails the same way; the message used to be repeated for each of them.
    for who in SETS:
        for doc_id in ("d1", "d2", "d3"):
            _write(tmp_path / who, who, doc_id)
    folders = [str(tmp_path / who) for who in SETS]
    assert main(["merge", *folders, "-o", str(tmp_path / "out"), "--min-agree", "5"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert err.count("--min-agree 5 is impossible with 3 annotators") == 1 and "3 times" in err
    assert not (tmp_path / "out").exists()


# -- the process-wide choices the command line makes for its commands ----------------------

def test_the_command_line_forks_workers_only_while_it_runs_one_thread() -> None:
    import subprocess
    import sys
    import threading

    from annotator.cli import worker_start_method

    alone = subprocess.run([sys.executable, "-c", "from annotator.cli import "
                            "worker_start_method as w; print(w())"],
                           capture_output=True, text=True, check=True)
    assert alone.stdout.strip() == "fork"
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert worker_start_method() == "spawn"
    finally:
        stop.set()
        helper.join()


def test_bulk_commands_run_with_the_collector_paused_and_restore_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import gc
    import sys
    from types import FrameType

    for who in SETS:
        for number in range(3):
            _write(tmp_path / who, who, f"d{number}")
    folders = [str(tmp_path / who) for who in SETS]
    seen: list[tuple[str, bool]] = []  # the core's entry points called, and the collector then

    def watch(frame: FrameType, event: str, _: object) -> None:
        if event == "call" and frame.f_code.co_name in ("merge_corpus", "read_document_sets"):
            seen.append((frame.f_code.co_name, gc.isenabled()))

    was = gc.isenabled()
    gc.enable()
    sys.setprofile(watch)
    try:
        assert main(["merge", *folders, "-o", str(tmp_path / "out"), "-q"]) == 0
        assert gc.isenabled()
        assert main(["agree", *folders]) == 0
        assert gc.isenabled()
        assert main(["agree", str(tmp_path / "nowhere")]) == 2
        assert gc.isenabled()  # after an error too
    finally:
        sys.setprofile(None)
        if not was:
            gc.disable()
    assert seen == [("merge_corpus", False), ("read_document_sets", False),
                    ("read_document_sets", False)]
    capsys.readouterr()
