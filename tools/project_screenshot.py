"""Render the app with a team project open to a PNG (docs/project.png).

    python tools/project_screenshot.py [OUT.png] [--language ar] [--lead]

Builds a small real project in a temporary folder (``annotator project init`` and
``assign``, no remote), opens it in the window as annotator "layla" (or as the lead, "huda"),
annotates and saves a few documents through the window itself, and renders it offscreen.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEXTS = {
    "d01": ("وزير الخارجية يلتقي نظيره المصري في القاهرة",
            "التقى وزير الخارجية فيصل بن فرحان نظيره المصري سامح شكري في القاهرة أمس، "
            "وبحث الجانبان العلاقات الثنائية وتطورات الأوضاع في المنطقة."),
    "d02": ("افتتاح معرض الكتاب في جدة",
            "افتتح أمير منطقة مكة المكرمة معرض جدة الدولي للكتاب بمشاركة أكثر من ألف دار نشر."),
    "d03": ("الصحة تسجل حالات جديدة",
            "أعلنت وزارة الصحة تسجيل حالات جديدة في الرياض وجدة والدمام."),
    "d04": ("التحالف: العمليات مستمرة",
            "وأكد المتحدث باسم التحالف تركي المالكي أن العمليات مستمرة في اليمن."),
    "d05": ("أرامكو تعلن نتائجها",
            "أعلنت شركة أرامكو السعودية نتائجها المالية للربع الثالث في الظهران."),
    "d06": ("الهلال يفوز على النصر",
            "فاز نادي الهلال على النصر بهدفين في الدوري السعودي على ملعب الملك فهد."),
}


def build_project(folder: Path) -> Path:
    """A project of :data:`TEXTS` led by huda, each document assigned to two of three."""
    from annotator.cli import main

    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": d, "title": t, "text": x}, ensure_ascii=False)
                              + "\n" for d, (t, x) in TEXTS.items()), encoding="utf-8")
    root = folder / "news"
    for args in (["project", "init", str(root), "--import", str(corpus), "--lead", "huda",
                  "--name", "أخبار 2015"],
                 ["project", "assign", str(root), "--annotators", "layla,omar,sara",
                  "--per-document", "2", "--seed", "7"]):
        if main(args) != 0:
            raise SystemExit(f"cannot build the project: annotator {' '.join(args)}")
    return root


def work(window, doc_id: str, spans: list[tuple[int, str]], done: bool) -> None:
    """Label words of ``doc_id`` (by their number) through the window, save it, and mark it
    done if asked."""
    workflow = window.workflow
    workflow.open_team_document(doc_id)
    text = window.document.text
    for number, label in spans:
        needle = text.split()[number]
        start = text.index(needle)
        window.view.select_span(start, start + len(needle))
        window.annotate_selection(label)
    if done:
        workflow.mark_current_done()
    else:
        window.save()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/project.png")
    parser.add_argument("--language", default="en")
    parser.add_argument("--lead", action="store_true", help="show the lead's overview")
    args = parser.parse_args(argv)
    temp = Path(tempfile.mkdtemp(prefix="annotator-shot-"))
    os.environ["GIT_CONFIG_GLOBAL"] = str(temp / "gitconfig")
    os.environ["GIT_CONFIG_NOSYSTEM"] = "1"

    from annotator_ui.screenshot import render_to_png
    from screenshot_window import prepare_app, window_of

    app = prepare_app(temp, args.language)
    root = build_project(temp)
    for name in ("layla", "omar") + (("huda",) if args.lead else ()):
        window = window_of(name)
        window.ask_unsaved = lambda: "save"
        window.workflow.open_folder(str(root))
        queue = [d.id for d in window.workflow.team_dock.model.documents]
        if name != "huda":
            work(window, queue[0], [(1, "ORG"), (5, "LOC")], done=True)
            work(window, queue[1], [(2, "PER")], done=False)
            work(window, queue[2], [(3, "LOC")], done=name == "omar")
            window.workflow.open_team_document(queue[1])
        if name == ("huda" if args.lead else "layla"):
            window.workflow.team_dock.set_current(window.workflow.team_dock.current_id)
            window.show()
            app.processEvents()
            render_to_png(window, args.out, (1280, 720))
            print(f"wrote {args.out}")
        window.workflow.edits_settled()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
