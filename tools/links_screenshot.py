"""Render the window with linked quotes, nested spans and label names to PNGs
(docs/links.png, docs/nesting.png, docs/links_ar.png).

    python tools/links_screenshot.py [OUTDIR] [--language en|ar]

Opens a short article in the main window as annotator "layla", labels it through the window
(a speaker, a quote with a location inside it, a claim around the quote, its claimant), links
the quote and the claim through link mode, and renders offscreen: the current quote with its
arc (``links``), and every link with label names and the find bar's hits (``nesting``).
In Arabic (``--language ar``) one picture, ``links_ar.png``, of the mirrored window in link mode.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ARTICLE = ("وأكد وزير الخارجية فيصل بن فرحان في مؤتمر صحفي بالرياض أمس أن «المملكة تدعم "
           "الحل السياسي في اليمن وتدعو جميع الأطراف إلى الحوار في جدة»، فيما قالت وكالة "
           "رويترز إن المحادثات ستُستأنف الأسبوع المقبل.\n\n"
           "وذكر المتحدث باسم التحالف تركي المالكي أن العمليات مستمرة، مضيفا أن «الهدنة "
           "صامدة في معظم المحافظات».\n\n"
           "Reuters reported that the talks in Jeddah would resume next week.")


def label(window, text: str, label_name: str, context: str | None = None) -> str:  # type: ignore[no-untyped-def]
    """Select ``text`` (after ``context``) and label it through the window."""
    document = window.document
    start = document.text.index(text, document.text.index(context) if context else 0)
    window.view.select_span(start, start + len(text))
    window.annotate_selection(label_name, exact=True)
    return str(window.current_id)


def link(window, source: str, role: str, target: str) -> None:  # type: ignore[no-untyped-def]
    """Link ``source`` to ``target`` as an annotator does: link mode, then a click."""
    window.set_current(source)
    window.start_link_pick(role)
    window._highlight_clicked(target)  # what a click on the target's highlight does


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", default="docs")
    parser.add_argument("--language", default="en")
    args = parser.parse_args(argv)
    temp = Path(tempfile.mkdtemp(prefix="annotator-shot-"))

    from annotator_ui.screenshot import render_to_png
    from screenshot_window import prepare_app, window_of

    app = prepare_app(temp, args.language)
    article = temp / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")

    window = window_of("layla")
    window.ask_unsaved = lambda: "discard"
    window.open_path(article)
    window.show()
    app.processEvents()
    minister = label(window, "فيصل بن فرحان", "PER")
    label(window, "بالرياض", "LOC")
    quote = label(window, "«المملكة تدعم الحل السياسي في اليمن وتدعو جميع الأطراف إلى الحوار "
                          "في جدة»", "QUOTE")
    label(window, "اليمن", "LOC", "السياسي")
    label(window, "جدة", "LOC", "الحوار")
    agency = label(window, "وكالة رويترز", "ORG")
    claim = label(window, "المحادثات ستُستأنف الأسبوع المقبل", "CLAIM")
    spokesman = label(window, "تركي المالكي", "PER")
    truce = label(window, "«الهدنة صامدة في معظم المحافظات»", "QUOTE")
    reuters = label(window, "Reuters", "ORG", "Reuters reported")
    english_claim = label(window, "the talks in Jeddah would resume", "CLAIM")
    label(window, "Jeddah", "LOC", "talks in")
    link(window, quote, "speaker", minister)
    link(window, claim, "claimant", agency)
    link(window, truce, "speaker", spokesman)
    link(window, english_claim, "claimant", reuters)
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    size = (1280, 640)
    if args.language == "ar":
        window.action_by_name["show_labels"].setChecked(True)
        window.set_current(truce)
        window.start_link_pick("speaker")  # the banner over the text, in Arabic
        app.processEvents()
        render_to_png(window, str(out / "links_ar.png"), size)
        print(f"wrote {out / 'links_ar.png'}")
        window.cancel_link_pick()
    else:
        window.set_current(quote)
        window.view.select_span(0, 0)
        app.processEvents()
        render_to_png(window, str(out / "links.png"), size)
        print(f"wrote {out / 'links.png'}")
        window.action_by_name["show_labels"].setChecked(True)
        window.action_by_name["show_all_links"].setChecked(True)
        window.set_current(None)
        window.workflow.find()
        window.workflow.search_bar.query.setText("في")
        window.workflow.find_next()
        app.processEvents()
        render_to_png(window, str(out / "nesting.png"), size)
        print(f"wrote {out / 'nesting.png'}")
    window.workflow.edits_settled()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
