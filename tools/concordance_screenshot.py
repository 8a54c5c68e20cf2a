"""Render the app with the concordance (or the inconsistencies) to a PNG (docs/concordance.png).

    python tools/concordance_screenshot.py [OUT.png] [--language ar] [--inconsistencies]

Writes a few short news documents as TEI files in a temporary folder, some of their names
labelled (one of them differently, some occurrences left bare), opens one in the window,
searches the folder for a name that occurs with and without proclitics, and renders the
window offscreen.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DOCUMENTS = {
    "d01": ("التقى وزير الخارجية اللبناني نظيره السوري في بيروت، وأكد أن لبنان ملتزم بالاتفاق.",
            [("لبنان", "GPE"), ("بيروت", "LOC")]),
    "d02": ("قالت مصادر في دمشق إن سوريا ولبنان سيوقعان اتفاقا للطاقة الشهر المقبل.",
            [("لبنان", "GPE"), ("دمشق", "LOC")]),
    "d03": ("وصل الوفد إلى بيروت أمس، وقال رئيسه إن لبنانَ يحتاج إلى دعم عاجل من المانحين.",
            [("لبنان", "LOC")]),
    "d04": ("أعلنت الأمم المتحدة أن مساعدات جديدة ستصل إلى لبنان وسوريا، وأن فرقها في بيروت.",
            [("الأمم المتحدة", "ORG")]),
    "d05": ("وفي بيروت، رحب مسؤولون بالقرار وقالوا إن للبنان حقا في الدعم الدولي.",
            [("لبنان", "GPE")]),
}


def build_corpus(folder: Path) -> Path:
    """One TEI file per document of :data:`DOCUMENTS`, the first occurrence of each name
    labelled by "layla"."""
    from annotator.model import Document
    from annotator.occurrences import find_occurrences
    from annotator.tei import save_tei

    root = folder / "news"
    root.mkdir()
    for doc_id, (text, names) in DOCUMENTS.items():
        document = Document(doc_id, text, title=text.split("،")[0][:40])
        for name, label in names:
            start, end = find_occurrences(text, name)[0]  # a word, not inside اللبناني
            document.annotate(start, end, label, annotator="layla")
        save_tei(document, root / f"{doc_id}.tei.xml")
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/concordance.png")
    parser.add_argument("--language", default="en")
    parser.add_argument("--inconsistencies", action="store_true",
                        help="show the inconsistency tab instead")
    args = parser.parse_args(argv)
    temp = Path(tempfile.mkdtemp(prefix="annotator-shot-"))

    from annotator_ui.screenshot import render_to_png
    from PySide6.QtCore import QEventLoop, Qt
    from screenshot_window import prepare_app, window_of

    app = prepare_app(temp, args.language)
    root = build_corpus(temp)
    window = window_of("layla")
    window.open_path(root / "d01.tei.xml")
    window.resize(1280, 760)
    window.show()
    part = window.concordance
    waiting = QEventLoop()
    part.done.connect(waiting.quit)  # the corpus is read on a worker thread
    if args.inconsistencies:
        part.show_inconsistencies()
        part.check()
        waiting.exec()
        part.dock.tree.expandAll()
    else:
        part.show_concordance()
        part.dock.query_edit.setText("لبنان")
        part.search()
        waiting.exec()
    window.resizeDocks([part.dock], [330], Qt.Orientation.Vertical)
    app.processEvents()
    render_to_png(window, args.out, (1280, 760))
    print(f"wrote {args.out}")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
