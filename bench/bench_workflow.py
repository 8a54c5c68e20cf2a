"""What the workflow parts cost on a big document: the recovery copy, the outside-change
check and a find-bar search.

Each figure is a ratio to a baseline measured in the same run: writing the same number of
bytes with ``atomic_write_bytes`` (for the recovery copy), reading the file once (for the
check before saving), and ``str.find`` over the text (for the search).
Run: ``python bench/bench_workflow.py [ANNOTATIONS]``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from annotator_ui.autosave import Autosaver, RecoveryStore
from annotator_ui.filewatch import DiskGuard, FileStamp
from annotator_ui.search_bar import find_matches
from benchlib import best_of, offscreen_qt
from PySide6.QtWidgets import QApplication

from annotator.atomic import atomic_write_bytes
from annotator.model import Document
from annotator.tei import save_tei, tei_bytes


def main() -> None:
    offscreen_qt()
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    app = QApplication.instance() or QApplication([])
    word = "الرَّئِيسُ "
    document = Document("bench", word * (count + 10))
    labels = ["PER", "ORG", "LOC", "GPE", "MISC"]
    width = len(word)
    for i in range(count):
        document.annotate(i * width, i * width + width - 1, labels[i % 5], annotator="bench")
    folder = Path(tempfile.mkdtemp(prefix="bench-workflow-"))
    original = folder / "doc.tei.xml"
    save_tei(document, original)
    size = original.stat().st_size
    print(f"document: {len(document.text):,} characters, {count:,} annotations, "
          f"TEI file {size / 1e6:.1f} MB")

    data = tei_bytes(document)
    raw = best_of(3, lambda: atomic_write_bytes(folder / "raw.bin", data))
    store = RecoveryStore(folder / "recovery")
    autosaver = Autosaver(store, lambda: (document, str(original), None))

    def write_copy() -> None:
        autosaver.document_changed()
        autosaver.flush()

    copy = best_of(3, write_copy)
    print(f"recovery copy: {copy * 1000:.0f} ms = {copy / raw:.1f} x an atomic write of the "
          f"same bytes ({raw * 1000:.0f} ms)")

    read = best_of(3, original.read_bytes)
    guard = DiskGuard(watch=False)
    guard.remember(original)
    quick = best_of(5, guard.changed_since)
    os.utime(original, ns=(1, 1))  # touched: the hash has to be computed
    full = best_of(3, guard.changed_since)
    stamp = best_of(3, lambda: FileStamp.of(original))
    print(f"check before save, file untouched: {quick * 1e6:.0f} µs = {quick / read:.3f} x "
          f"reading the file ({read * 1000:.1f} ms)")
    print(f"check before save, file touched: {full * 1000:.1f} ms = {full / read:.1f} x "
          f"reading the file; stamp at load/save {stamp / read:.1f} x")

    text = document.text
    find = best_of(3, lambda: text.count("الرئيس"))
    first = best_of(1, lambda: find_matches(text, "الرئيس", {}))
    again = best_of(3, lambda: find_matches(text, "الرئيس", {}))
    print(f"find with tashkeel folding: first search {first * 1000:.0f} ms "
          f"({first / max(find, 1e-9):.0f} x str.count), next searches {again * 1000:.0f} ms "
          f"({again / max(find, 1e-9):.0f} x)")
    del app


if __name__ == "__main__":
    main()
