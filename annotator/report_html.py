"""The agreement report as one self-contained HTML page with inline SVG charts.

No scripts, no fonts or styles from the network: the file opens anywhere, offline.  Label
names (which may be Arabic) sit in ``<bdi dir="auto">`` so each shows in its own direction
inside the left-to-right page.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

from annotator.agreement import OUTSIDE, AgreementReport, Figures, macro_f1, micro
from annotator.report_links_html import links_section
from annotator.tagset import UNKNOWN_COLOR, TagSet

# Metric colours (Okabe-Ito, readable for colour-blind readers).
Metric = tuple[str, str, Callable[[Figures], float]]
METRICS: list[Metric] = [
    ("Krippendorff's α", "#0072b2", lambda f: f.alpha),
    ("Cohen's κ (mean of pairs)", "#56b4e9", lambda f: f.cohen),
    ("Unitizing α_u", "#cc79a7", lambda f: f.unitizing),
    ("Span F1, exact", "#e69f00", lambda f: micro(f.exact).f1),
    ("Span F1, overlap", "#009e73", lambda f: micro(f.overlap).f1),
]
BAR_WIDTH = 420


def _num(value: float, digits: int = 3) -> str:
    return "n/a" if math.isnan(value) else f"{value:.{digits}f}"


def _grade(value: float) -> str:
    """Krippendorff's rule of thumb: >= .800 reliable, >= .667 tentative, below: unreliable."""
    if math.isnan(value):
        return "na"
    return "good" if value >= 0.8 else "fair" if value >= 0.667 else "poor"


def _label_html(label: str, tagset: TagSet | None) -> str:
    name = f'<bdi dir="auto">{escape(label)}</bdi>'
    if tagset is None or label == OUTSIDE:
        return name
    spec = tagset.get(label)
    extra = []
    for shown, lang in ((spec.en, "en"), (spec.ar, "ar")):
        if shown and shown != label:
            extra.append(f'<bdi dir="auto" lang="{lang}">{escape(shown)}</bdi>')
    swatch = ""
    if spec.color and spec.color != UNKNOWN_COLOR:
        swatch = f'<span class="swatch" style="background:{escape(spec.color)}"></span>'
    return swatch + name + (f' <span class="sub">{" · ".join(extra)}</span>' if extra else "")


def _bars_svg(values: list[tuple[str, str, float]], low: float) -> str:
    """Horizontal bars from ``low`` to 1 (a zero line when ``low`` is negative)."""
    height = 14 * len(values) + 4
    span = 1.0 - low
    zero = (0 - low) / span * BAR_WIDTH
    parts = [f'<svg class="bars" width="{BAR_WIDTH + 60}" height="{height}" role="img">']
    for tick in (0.2, 0.4, 0.6, 0.8, 1.0):
        x = (tick - low) / span * BAR_WIDTH
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" class="grid"/>')
    for row, (title, color, value) in enumerate(values):
        y = 2 + 14 * row
        if math.isnan(value):
            parts.append(f'<text x="{zero + 3:.1f}" y="{y + 10}" class="val">n/a</text>')
            continue
        x = (value - low) / span * BAR_WIDTH
        left, width = min(x, zero), abs(x - zero)
        parts.append(f'<rect x="{left:.1f}" y="{y}" width="{max(width, 1):.1f}" height="12" '
                     f'fill="{color}"><title>{escape(title)}: {value:.3f}</title></rect>')
        parts.append(f'<text x="{max(x, zero) + 3:.1f}" y="{y + 10}" class="val">'
                     f'{value:.2f}</text>')
    parts.append(f'<line x1="{zero:.1f}" y1="0" x2="{zero:.1f}" y2="{height}" class="axis"/>')
    parts.append("</svg>")
    return "".join(parts)


def _bar_chart(rows: list[tuple[str, Figures]], metrics: list[Metric] = METRICS) -> str:
    values = [m[2](f) for _, f in rows for m in metrics]
    low = min([0.0, *[v for v in values if not math.isnan(v)]])
    low = math.floor(low * 5) / 5
    legend = "".join(f'<span class="key"><span class="swatch" style="background:{c}"></span>'
                     f"{escape(t)}</span>" for t, c, _ in metrics)
    body = "".join(
        f'<tr><th class="rowlabel">{head}</th><td>'
        + _bars_svg([(t, c, fn(f)) for t, c, fn in metrics], low) + "</td></tr>"
        for head, f in rows)
    scale = "".join(f'<span style="left:{(t - low) / (1 - low) * BAR_WIDTH:.0f}px">{t:g}</span>'
                    for t in (0.0, 0.2, 0.4, 0.6, 0.8, 1.0) if t >= low)
    return (f'<div class="legend">{legend}</div><table class="chart">{body}'
            f'<tr><th></th><td><div class="scale">{scale}</div></td></tr></table>')


def _heatmap(report: AgreementReport, tagset: TagSet | None) -> str:
    labels = [*report.labels, OUTSIDE]
    rows = []
    for a in labels:
        total = sum(report.confusion.get((a, b), 0) for b in labels)
        cells = []
        for b in labels:
            count = report.confusion.get((a, b), 0)
            share = count / total if total else 0.0
            hue = "0,114,178" if a == b else "213,94,0"
            text_class = ' class="dark"' if share > 0.55 else ""
            cells.append(f'<td style="background:rgba({hue},{share:.3f})"{text_class} '
                         f'title="{escape(a)} / {escape(b)}: {count} ({share:.1%} of row)">'
                         f"{count:,}<small>{share:.0%}</small></td>")
        rows.append(f'<tr><th class="rowlabel">{_label_html(a, tagset)}</th>{"".join(cells)}</tr>')
    head = "".join(f'<th class="col"><bdi dir="auto">{escape(b)}</bdi></th>' for b in labels)
    return (f'<table class="heat"><tr><th></th>{head}</tr>{"".join(rows)}</table>'
            '<p class="note">Token labels of every annotator pair, counted both ways. Colour: '
            'share of the row (blue: agreement, orange: confusion).</p>')


def _pair_label_heatmap(report: AgreementReport, tagset: TagSet | None) -> str:
    """Cohen's kappa of every annotator pair on every label: who disagrees on what."""
    head = "".join(f'<th class="col">{_label_html(label, tagset)}</th>'
                   for label in report.labels)
    rows = []
    for a, b in report.per_pair:
        cells = []
        for label in report.labels:
            f = report.per_pair_label.get((a, b, label))
            kappa = f.cohen if f else math.nan
            shade = 0.0 if math.isnan(kappa) else max(0.0, min(1.0, kappa))
            # white at 1 (agreement) to orange at 0 and below (disagreement)
            color = f"rgba(213,94,0,{(1 - shade) * 0.85:.3f})"
            dark = ' class="dark"' if shade < 0.35 and not math.isnan(kappa) else ""
            f1 = micro(f.overlap).f1 if f else math.nan
            cells.append(f'<td style="background:{color}"{dark} title="{escape(a)} – '
                         f'{escape(b)}, {escape(label)}: Cohen κ {_num(kappa)}, span F1 '
                         f'(overlap) {_num(f1)}">{_num(kappa, 2)}<small>F1 {_num(f1, 2)}'
                         "</small></td>")
        rows.append(f'<tr><th class="rowlabel"><bdi>{escape(a)}</bdi> – <bdi>{escape(b)}'
                    f'</bdi></th>{"".join(cells)}</tr>')
    return (f'<table class="heat"><tr><th></th>{head}</tr>{"".join(rows)}</table>'
            '<p class="note">Cohen\'s κ per annotator pair and label (token level; small: span '
            "F1 with overlap matching). The more orange, the lower the agreement.</p>")


def _documents_svg(report: AgreementReport) -> str:
    """Every document's alpha as a thin bar, sorted: the shape of agreement across the corpus."""
    values = sorted(f.alpha for f in report.per_document.values() if not math.isnan(f.alpha))
    if not values:
        return "<p>No document has an alpha.</p>"
    width, height, margin = 860, 140, 8
    low = min(0.0, values[0])
    step = width / len(values)
    parts = [f'<svg width="{width + 40}" height="{height + margin + 8}" role="img" class="docs">'
             f'<g transform="translate(0,{margin})">']
    for tick in (0.0, 0.667, 0.8, 1.0):
        if tick < low:
            continue
        y = height - (tick - low) / (1 - low) * height
        parts.append(f'<line x1="0" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{width + 4}" y="{y + 4:.1f}" class="val">{tick:g}</text>')
    for number, value in enumerate(values):
        top = height - (value - low) / (1 - low) * height
        zero = height - (0 - low) / (1 - low) * height
        color = {"good": "#009e73", "fair": "#e69f00", "poor": "#d55e00"}[_grade(value)]
        parts.append(f'<rect x="{number * step:.2f}" y="{min(top, zero):.1f}" '
                     f'width="{max(step - 0.3, 0.5):.2f}" height="{max(abs(zero - top), 1):.1f}" '
                     f'fill="{color}"/>')
    parts.append("</g></svg>")
    return "".join(parts)


def _across_documents(report: AgreementReport, worst: list[tuple[str, Figures]]) -> list[str]:
    """The chart and table across documents; with one document only a note (its figures are
    the overall ones, per label above)."""
    if len(report.per_document) < 2:
        return ['<p class="note">One document: its figures are the overall ones, and per '
                "label above.</p>"]
    return ["<h2>Agreement across documents</h2>",
            '<p class="note">Krippendorff\'s α of every document, lowest first.</p>',
            _documents_svg(report),
            "<h3>Documents with the lowest agreement</h3>",
            _table(["document", *FIGURE_HEAD],
                   [[f"<bdi>{escape(d)}</bdi>", *_figure_cells(f)] for d, f in worst])]


def _table(head: list[str], rows: list[list[str]]) -> str:
    return ("<table class=\"num\"><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"
            + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
            + "</table>")


def _figure_cells(f: Figures) -> list[str]:
    exact, overlap = micro(f.exact), micro(f.overlap)
    return [f'<span class="{_grade(f.alpha)}">{_num(f.alpha)}</span>', _num(f.fleiss),
            _num(f.cohen), _num(f.unitizing), _num(exact.precision), _num(exact.recall),
            _num(exact.f1), _num(macro_f1(f.exact)), _num(overlap.f1), _num(macro_f1(f.overlap))]


FIGURE_HEAD = ["α", "Fleiss κ", "Cohen κ", "α_u", "P exact", "R exact", "F1 exact (micro)",
               "F1 exact (macro)", "F1 overlap (micro)", "F1 overlap (macro)"]

STYLE = """
body{font:14px/1.45 system-ui,"Noto Sans","Noto Naskh Arabic","DejaVu Sans",sans-serif;
margin:24px auto;max-width:1120px;color:#222;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd}
.meta{color:#555}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{border:1px solid #ddd;border-radius:8px;padding:10px 12px;min-width:128px}
.card b{display:block;font-size:26px}.card span{color:#555;font-size:12px}
.good{color:#00795a}.fair{color:#a86b00}.poor{color:#c2410c}.na{color:#888}
table{border-collapse:collapse}.chart td,.chart th{padding:3px 6px;vertical-align:middle}
.rowlabel{text-align:start;font-weight:600;white-space:nowrap;padding-right:10px}
.sub{font-weight:400;color:#666}.swatch{display:inline-block;width:10px;height:10px;
border-radius:2px;margin:0 5px 0 0}
.legend{margin:4px 0 8px}.key{margin-right:16px;white-space:nowrap}
svg text{font-size:10px;fill:#333}.grid{stroke:#e6e6e6}.axis{stroke:#888}
.scale{position:relative;height:14px;font-size:10px;color:#666}.scale span{position:absolute;
transform:translateX(-50%)}
.heat td{width:74px;height:40px;text-align:center;border:1px solid #fff;font-size:12px}
.heat td small{display:block;color:#555;font-size:10px}.heat td.dark,.heat td.dark small{color:#fff}
.heat th.col{font-size:12px;padding:4px}
.num td,.num th{border:1px solid #e3e3e3;padding:3px 8px;text-align:right}
.num td:first-child{text-align:left}.note{color:#666;font-size:12px}
"""


def report_to_html(report: AgreementReport, *, tagset: TagSet | None = None,
                   title: str = "Inter-annotator agreement") -> str:
    """The whole report as an HTML string."""
    overall = report.overall
    cards = [("Krippendorff's α (tokens)", overall.alpha), ("Fleiss' κ", overall.fleiss),
             ("Cohen's κ, mean of pairs", overall.cohen),
             ("Unitizing α_u (characters)", overall.unitizing),
             ("Span F1 exact (micro)", micro(overall.exact).f1),
             ("Span F1 overlap (micro)", micro(overall.overlap).f1)]
    card_html = "".join(f'<div class="card"><b class="{_grade(v)}">{_num(v)}</b>'
                        f"<span>{escape(t)}</span></div>" for t, v in cards)
    missing = ""
    if report.missing:
        listed = ", ".join(f"{escape(d)} (no {escape(', '.join(who))})"
                           for d, who in list(report.missing.items())[:20])
        more = " …" if len(report.missing) > 20 else ""
        missing = (f'<p class="poor">{len(report.missing)} document(s) lack some annotators: '
                   f"{listed}{more}</p>")
    label_rows = [(_label_html(label, tagset), report.per_label[label])
                  for label in report.labels]
    pair_rows = [(f"<bdi>{escape(a)}</bdi> – <bdi>{escape(b)}</bdi>", f)
                 for (a, b), f in report.per_pair.items()]
    worst = sorted(report.per_document.items(),
                   key=lambda item: (math.isnan(item[1].alpha), item[1].alpha))[:15]
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\"><head><meta charset=\"utf-8\">",
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{len(report.per_document)} documents · {overall.tokens:,} tokens · '
        f"annotators: {', '.join(f'<bdi>{escape(a)}</bdi>' for a in report.annotators)}</p>",
        missing,
        f'<div class="cards">{card_html}</div>',
        '<p class="note">Colours follow Krippendorff\'s guide: ≥ 0.800 reliable, ≥ 0.667 '
        "tentative, lower unreliable.</p>",
        "<h2>Agreement per label</h2>", _bar_chart(label_rows),
        "<h2>Agreement per annotator pair</h2>", _bar_chart(pair_rows),
        "<h2>Annotator pairs × labels</h2>", _pair_label_heatmap(report, tagset),
        "<h2>Label confusion (tokens)</h2>", _heatmap(report, tagset),
        links_section(report, tagset, _bars_svg, _table),
        *_across_documents(report, worst),
        "<h2>Figures</h2><h3>Per label</h3>",
        _table(["label", *FIGURE_HEAD],
               [[_label_html(label, tagset), *_figure_cells(report.per_label[label])]
                for label in report.labels]),
        "<h3>Per annotator pair</h3>",
        _table(["pair", *FIGURE_HEAD], [[head, *_figure_cells(f)] for head, f in pair_rows]),
        "<h3>Overall</h3>", _table(["", *FIGURE_HEAD], [["all", *_figure_cells(overall)]]),
        '<h2>How these are computed</h2><p class="note">Units are tokens (words and '
        "punctuation marks). Overall, each token takes the label of the innermost span that "
        "covers it, or O; per label, each token is a yes/no question (is it inside a span "
        "with this label?). α is nominal Krippendorff's alpha (absent annotators are missing "
        "values); Fleiss' κ uses documents every annotator worked on; Cohen's κ is per pair, "
        "averaged. α_u is Krippendorff's unitizing alpha over the characters of the documents "
        "laid end to end (boundaries count, not only labels). "
        "Span P/R/F1 compare every pair of annotators, the first named as reference: "
        "exact = same start, end and label; overlap = same label and shared characters, "
        "matched one-to-one. Micro pools all spans, macro averages the labels' F1.</p>",
        "</body></html>\n",
    ]
    return "".join(parts)
