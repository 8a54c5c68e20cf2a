"""Agreement on links and attributes: the figures, and ``annotator agree`` in the terminal,
``--json`` and the HTML report (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run
from lxml import etree
from test_cli_merge_table import write_sets

from annotator.agreement import cohen_kappa, fleiss_kappa
from annotator.agreement_links import attribute_agreement, link_agreement
from annotator.model import Annotation, Document
from annotator.tei import save_tei

Q, P, O = (10, 20, "QUOTE"), (0, 4, "PER"), (5, 9, "ORG")


def test_links_match_when_both_ends_match() -> None:
    documents = [{"a": [("speaker", Q, P)], "b": [("speaker", Q, P)], "c": [("speaker", Q, O)]},
                 {"a": [("speaker", Q, P)], "b": []}]  # c did not work on the second one
    figures = link_agreement(documents, ["a", "b", "c"])["speaker"]
    ab, ac, bc = (figures.per_pair[p] for p in (("a", "b"), ("a", "c"), ("b", "c")))
    assert (ab.tp, ab.fp, ab.fn) == (1, 0, 1)
    assert (ac.tp, ac.fp, ac.fn) == (0, 1, 1) and (bc.tp, bc.fp, bc.fn) == (0, 1, 1)
    assert ab.precision == 1.0 and ab.recall == 0.5 and ab.f1 == pytest.approx(2 / 3)
    assert figures.pooled.tp == 1 and figures.pooled.fp == 2 and figures.pooled.fn == 3
    assert figures.mean_f1 == pytest.approx((2 / 3 + 0 + 0) / 3)


def test_attribute_kappas_on_spans_drawn_alike() -> None:
    q1, q2, q3 = (0, 5, "QUOTE"), (6, 9, "QUOTE"), (10, 12, "QUOTE")
    spans = [{"a": [q1, q2, q3], "b": [q1, q2, q3], "c": [q1, q2]}]
    values = [{"a": [(q1, "type", "direct"), (q2, "type", "indirect"), (q3, "type", "direct")],
               "b": [(q1, "type", "direct"), (q2, "type", "direct"), (q3, "type", "direct")],
               "c": [(q1, "type", "direct"), (q2, "type", "indirect")]}]
    figures = attribute_agreement(values, spans, ["a", "b", "c"])["QUOTE.type"]
    assert figures.cohen[("a", "b")] == pytest.approx(
        cohen_kappa(["direct", "indirect", "direct"], ["direct", "direct", "direct"]))
    assert figures.cohen[("a", "c")] == pytest.approx(1.0)
    # Fleiss over q1 (3 direct) and q2 (2 indirect, 1 direct), the spans all three drew
    assert figures.fleiss == pytest.approx(fleiss_kappa([[3, 0], [1, 2]]))
    assert figures.units == 3 + 2 + 2 and figures.same == 2 + 2 + 1
    assert figures.values == {"direct": 6, "indirect": 2}


def test_agree_reports_links_and_attributes_everywhere(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_sets(tmp_path)
    status, out, _ = run(capsys, "agree", *paths)
    assert status == 0
    links = out[out.index("\nlinks"):]
    assert "speaker    all pairs" in links and "claimant   all pairs" in links
    assert "QUOTE.type" in out and "CLAIM.checkworthy" in out
    status, out, _ = run(capsys, "agree", "--json", *paths)
    data = json.loads(out)
    speaker, claimant = data["links"]["speaker"], data["links"]["claimant"]
    # alice: محمد speaks, bob: أرامكو; carol drew no speaker: nothing matches
    assert (speaker["tp"], speaker["fp"], speaker["fn"], speaker["f1"]) == (0, 1, 3, 0.0)
    # alice and bob both: قسد claims; carol drew no claimant
    assert (claimant["tp"], claimant["fp"], claimant["fn"]) == (1, 0, 2)
    assert claimant["f1_mean"] == pytest.approx(1 / 3, abs=1e-6)
    pair = next(p for p in claimant["per_pair"] if p["annotators"] == ["alice", "bob"])
    assert pair["f1"] == 1.0
    kind = data["attributes"]["QUOTE.type"]
    assert kind["units"] == 3 and kind["values"] == {"direct": 2, "indirect": 1}
    assert set(kind) >= {"cohen_kappa_mean", "fleiss_kappa", "observed_agreement", "per_pair"}
    report = tmp_path / "report.html"
    status, _, _ = run(capsys, "agree", *paths, "--html", report)
    assert status == 0
    html = report.read_text(encoding="utf-8")
    etree.fromstring(html.encode("utf-8"), etree.HTMLParser(recover=False))
    assert "<h2>Links</h2>" in html and "<h2>Attributes</h2>" in html
    assert "Link F1, pooled" in html and "QUOTE.type" in html
    assert '<bdi dir="auto" lang="ar">المتحدث</bdi>' in html  # the role's Arabic name
    # one document: no chart "across documents" of one bar
    assert "across documents" not in html and "One document" in html



def test_an_attribute_everyone_gave_alike_has_no_kappa_and_the_html_report_still_renders(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "قالت الوزارة إن النمو بلغ 5% هذا العام."
    paths = []
    for who in ("alice", "bob"):
        document = Document("doc1", text)
        document.annotations.add(Annotation("c1", text.index("النمو"), len(text) - 1, "CLAIM",
                                            who, {"checkworthy": "yes"}))
        path = tmp_path / f"{who}.tei.xml"
        save_tei(document, path)
        paths.append(path)
    status, out, _ = run(capsys, "agree", "--json", *paths)
    kind = json.loads(out)["attributes"]["CLAIM.checkworthy"]
    assert kind["observed_agreement"] == 1.0
    assert kind["cohen_kappa_mean"] is None and kind["fleiss_kappa"] is None  # one value
    report = tmp_path / "report.html"
    status, _, err = run(capsys, "agree", *paths, "--html", report)
    assert status == 0 and "Traceback" not in err
    assert "CLAIM.checkworthy" in report.read_text(encoding="utf-8")
