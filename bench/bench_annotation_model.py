"""How the annotation list copes with 100,000 annotations.

Prints each step as a ratio to the cost of sorting the annotations once
(``Annotations.sorted()``, which opening a document needs anyway), measured in the same run.
Run: ``python bench/bench_annotation_model.py [N]``.
"""

from __future__ import annotations

import sys

from annotator_ui.annotation_model import AnnotationFilterModel, AnnotationTableModel
from benchlib import best_of, offscreen_qt
from PySide6.QtWidgets import QApplication, QTableView

from annotator import edits
from annotator.model import Document
from annotator.tagset import default_tagset


def main() -> None:
    offscreen_qt()
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    app = QApplication.instance() or QApplication([])
    word = "كلمة "
    document = Document("bench", word * (count + 10))
    labels = ["PER", "ORG", "LOC", "GPE", "MISC"]
    document.annotations.extend(
        edits.add_annotation(document, start=i * 5, end=i * 5 + 4, label=labels[i % 5],
                             id=f"a{i + 1}").after[0] for i in range(count))
    tagset = default_tagset()
    model = AnnotationTableModel()
    proxy = AnnotationFilterModel()
    proxy.setSourceModel(model)
    table = QTableView()
    table.setModel(proxy)
    table.resize(400, 600)
    table.show()
    app.processEvents()

    baseline = best_of(3, document.annotations.sorted)
    figures = {
        "open (set_document, proxy and table follow)":
            best_of(3, lambda: (model.set_document(document, tagset), app.processEvents())),
    }

    def one_edit() -> None:
        change = edits.add_annotation(document, start=count * 5 // 2 + 1, end=count * 5 // 2 + 3,
                                      label="PER")
        change.apply(document)
        model.annotations_changed(change.after, change.removed)
        app.processEvents()
        change.revert(document)
        model.annotations_changed(change.inverse().after, change.inverse().removed)
        app.processEvents()

    figures["one add + its undo, mid-list"] = best_of(5, one_edit)
    figures["filter by label, then clear"] = best_of(
        3, lambda: (proxy.set_label("PER"), proxy.set_label("")))
    figures["filter by text, then clear"] = best_of(
        3, lambda: (proxy.set_text("كلمة"), proxy.set_text("")))
    print(f"{count} annotations; baseline (sort once, {baseline * 1000:.0f} ms) = 1.00")
    for name, seconds in figures.items():
        print(f"  {name:48s} {seconds / baseline:8.2f}")
    table.close()


if __name__ == "__main__":
    main()
