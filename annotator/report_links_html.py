"""The agreement report's section on links and attributes, in HTML (see report_html)."""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

from annotator.agreement import AgreementReport
from annotator.tagset import TagSet, default_tagset


def _num(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.3f}"


def _role_name(role: str, tagset: TagSet | None) -> str:
    """The role as stored, with its English and Arabic names from the tag set (else the
    default one)."""
    shown = f'<bdi dir="auto">{escape(role)}</bdi>'
    known = [*(tagset or ()), *default_tagset()]  # files may not record their link roles
    spec = next((link for label in known for link in label.links if link.role == role), None)
    if spec is None:
        return shown
    extra = [f'<bdi dir="auto" lang="{lang}">{escape(name)}</bdi>'
             for name, lang in ((spec.en, "en"), (spec.ar, "ar")) if name and name != role]
    return shown + (f' <span class="sub">{" · ".join(extra)}</span>' if extra else "")


def links_section(report: AgreementReport, tagset: TagSet | None,
                  bars: Callable[[list[tuple[str, str, float]], float], str],
                  table: Callable[[list[str], list[list[str]]], str]) -> str:
    """Link agreement per role (F1 pooled and mean, as bars, and per pair) and attribute
    agreement (kappas); ``bars`` and ``table`` draw as the rest of the report does."""
    parts = ["<h2>Links</h2>"]
    if not report.links:
        parts.append('<p class="note">No annotator drew a link (speaker, claimant).</p>')
    else:
        parts.append('<p class="note">A link matches when both of its ends are the same '
                     "spans (start, end and label) for the two annotators; the first of a "
                     "pair is the reference. Pooled adds the pairs' counts; mean averages "
                     "their F1.</p>")
        parts.append('<table class="chart">')
        for role, figures in report.links.items():
            pooled = figures.pooled
            parts.append(f'<tr><th class="rowlabel">{_role_name(role, tagset)}</th><td>'
                         + bars([("Link F1, pooled", "#0072b2", pooled.f1),
                                 ("Link F1, mean of pairs", "#56b4e9", figures.mean_f1)], 0.0)
                         + "</td></tr>")
        parts.append("</table>")
        rows = []
        for role, figures in report.links.items():
            for (a, b), counts in [*figures.per_pair.items(), (("all", "pairs"),
                                                                figures.pooled)]:
                pair = ("all pairs" if (a, b) == ("all", "pairs")
                        else f"<bdi>{escape(a)}</bdi> – <bdi>{escape(b)}</bdi>")
                rows.append([_role_name(role, tagset), pair, str(counts.tp), str(counts.fp),
                             str(counts.fn), _num(counts.precision), _num(counts.recall),
                             _num(counts.f1)])
        parts.append(table(["role", "pair", "both", "second only", "first only", "P", "R",
                            "F1"], rows))
    parts.append("<h2>Attributes</h2>")
    if not report.attributes:
        parts.append('<p class="note">No attribute values to compare.</p>')
    else:
        parts.append('<p class="note">On the spans two annotators drew alike (same start, '
                     "end and label): the share with the same value, Cohen's κ per pair "
                     "(mean shown), Fleiss' κ on the spans every annotator drew. - stands for "
                     "no value.</p>")
        parts.append('<table class="chart">')
        for name, found in report.attributes.items():
            parts.append(f'<tr><th class="rowlabel"><bdi dir="auto">{escape(name)}</bdi></th>'
                         "<td>" + bars([("Observed agreement", "#009e73", found.agreement),
                                        ("Cohen's κ (mean of pairs)", "#56b4e9",
                                         found.cohen_mean),
                                        ("Fleiss' κ", "#cc79a7", found.fleiss)],
                                       min([0.0, *(v for v in (found.cohen_mean,
                                                               found.fleiss)
                                                   if not math.isnan(v))]) // 0.2 * 0.2)
                         + "</td></tr>")
        parts.append("</table>")
        parts.append(table(
            ["attribute", "units", "agreed", "Cohen κ (mean)", "Fleiss κ", "values"],
            [[f'<bdi dir="auto">{escape(name)}</bdi>', str(f.units), _num(f.agreement),
              _num(f.cohen_mean), _num(f.fleiss),
              ", ".join(f"<bdi dir=\"auto\">{escape(v)}</bdi> {n}"
                        for v, n in f.values.most_common())]
             for name, f in report.attributes.items()]))
    return "".join(parts)
