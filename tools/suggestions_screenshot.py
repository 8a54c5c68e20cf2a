"""Render the app going through suggestions to a PNG (docs/suggestions.png).

    python tools/suggestions_screenshot.py [OUT.png] [--language ar]

Makes a project folder in a temporary folder: the first SaudiNewsNet article of 2015-08-01
with a quote after «قال», and another file where an annotator labelled a few names of that
article.  Opens the article, runs the quote cues, claim cues and project names in the
background as the menu does, waits for them, accepts the first suggestion and rejects the
second (so the picture shows a span accepted, one gone, and the next one current), and renders
the window offscreen with the suggestions panel in front.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "saudinewsnet" \
    / "2015-08-01.json"
NAMES = (("مكتب تحقيقات الطيران", "ORG"), ("بريطانيا", "GPE"), ("رجاء هاشم", "PER"),
         ("الهيئة العامة للطيران المدني", "ORG"), ("مطار بلاكبوش", "LOC"))


def build_project(folder: Path) -> Path:
    """The article to suggest on and a file where a few of its names are labelled."""
    from annotator.model import Document
    from annotator.occurrences import find_occurrences
    from annotator.tei import save_tei

    articles = json.loads(NEWS.read_text(encoding="utf-8"))
    article = next(a for a in articles if "«" in a["content"] and "قال" in a["content"]
                   and 600 < len(a["content"]) < 1100)
    text = article["content"].strip()
    root = folder / "project"
    root.mkdir()
    save_tei(Document("article", text, title=article["title"].strip()),
             root / "article.tei.xml")
    labelled = Document("labelled", text)
    for name, label in NAMES:
        found = find_occurrences(text, name)
        if found:
            labelled.annotate(*found[0], label, annotator="sara")
    save_tei(labelled, root / "labelled.tei.xml")
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/suggestions.png")
    parser.add_argument("--language", default="en")
    args = parser.parse_args(argv)
    temp = Path(tempfile.mkdtemp(prefix="annotator-shot-"))

    from annotator_ui.screenshot import render_to_png
    from PySide6.QtCore import Qt
    from screenshot_window import prepare_app, window_of

    app = prepare_app(temp, args.language)
    root = build_project(temp)
    window = window_of("layla")
    window.open_path(root / "article.tei.xml")
    window.resize(1280, 760)
    window.show()
    part = window.suggestions
    part.suggest(["cues", "claims", "project"])
    deadline = time.monotonic() + 120
    while part.runner.running and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()
    part.step(+1)
    part.accept()
    part.reject()
    window.resizeDocks([part.dock], [560], Qt.Orientation.Horizontal)
    part.dock.raise_()
    app.processEvents()
    render_to_png(window, args.out, (1280, 760))
    print(f"wrote {args.out}")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
