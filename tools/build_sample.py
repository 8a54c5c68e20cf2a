"""Rebuild seeds/000_2ce8f3876ecb932f.tei.xml: the bundled sample article with a few annotations.

    python tools/build_sample.py

Entities (one inside the clitic word "لـ«البيان»"), an indirect quote linked to its speaker and a
claim linked to its claimant, so that the app opens on something to look at.
"""

from __future__ import annotations

from pathlib import Path

from annotator.formats import ImportOptions, Problems, read_documents
from annotator.model import Document, Link
from annotator.tei import save_tei

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ANNOTATOR = "sample"


def _find(document: Document, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = document.text.index(needle, start + 1)
    return start, start + len(needle)


def build() -> Document:
    """The sample document with its annotations."""
    problems = Problems()
    (document,) = read_documents(SEEDS / "000_2ce8f3876ecb932f.txt", "txt",
                                 ImportOptions(annotator=ANNOTATOR), problems)
    stamp = "2026-12-02T09:00:00Z"

    def add(needle: str, label: str, occurrence: int = 0, **extra: object):
        start, end = _find(document, needle, occurrence)
        annotation = document.annotate(start, end, label, annotator=ANNOTATOR, **extra)
        fixed = annotation.with_changes(created=stamp, modified=stamp)
        document.annotations.replace(fixed)
        return fixed

    add("قسد", "ORG")
    add("البيان", "ORG")  # inside لـ«البيان»
    add("داعش", "ORG")
    add("سوريا", "GPE")
    add("البوكمال", "LOC")
    add("قوات سوريا الديمقراطية", "ORG")
    add("دير الزور", "LOC")
    speaker = add("عمر أبو ليلى", "PER")
    add("البيان", "ORG", 1)
    quote = add("أن قيادات رفيعة لاسيّما العراقية، غادرت ريف البوكمال أواخر العام الماضي",
                "QUOTE", attributes={"type": "indirect"})
    document.annotations.replace(quote.with_changes(links=(Link("speaker", speaker.id),),
                                                    modified=stamp))
    claimant = add("بالي", "PER", 3)
    claim = add("قواته حررت 15 ألف مدني من المنطقة", "CLAIM",
                attributes={"checkworthy": "yes"})
    document.annotations.replace(claim.with_changes(links=(Link("claimant", claimant.id),),
                                                    modified=stamp))
    document.status[ANNOTATOR] = "in progress"
    return document


if __name__ == "__main__":
    target = SEEDS / "000_2ce8f3876ecb932f.tei.xml"
    save_tei(build(), target)
    print(f"wrote {target}")
