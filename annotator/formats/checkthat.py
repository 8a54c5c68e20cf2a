"""Claims and check-worthiness by sentence, as CheckThat! 2022 task 1 files (export only).

The folder ``out`` gets the two files of the Arabic task's shape (CLEF-2022 CheckThat! Lab
task 1: ``CT22_arabic_1B_claim_*.tsv`` and ``CT22_arabic_1A_checkworthy_*.tsv``): TSV,
UTF-8 without BOM, LF, a header row ``topic tweet_id tweet_url tweet_text class_label``,
``class_label`` 1 (yes) or 0 (no), no quoting (the task's own files carry ``"`` bare)::

    1B_claim.tsv        every sentence: 1 when a claim span overlaps it
    1A_checkworthy.tsv  the sentences that are claims: 1 when one of their claims has the
                        attribute checkworthy=yes, 0 when all say no

As in the task, 1A holds only what 1B calls a claim.  ``topic`` is the document id,
``tweet_id`` the sentence's id (``<document>-s<n>``), ``tweet_url`` the document's source,
``tweet_text`` the sentence with tabs and line breaks as spaces.  Sentences are those of the
token exports (:func:`annotator.formats.spans.sentence_ranges`), never cutting a claim.  A
claim sentence whose claims have no checkworthy value is left out of 1A and counted in
``ExportOptions.dropped``, as are the claims' claimant links and other attributes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from annotator.atomic import AtomicBatch
from annotator.formats import ExportOptions
from annotator.formats.conll import export_selection
from annotator.formats.spans import sentence_ranges
from annotator.model import Annotation, Document
from annotator.tagset import default_tagset

HEADER = ("topic", "tweet_id", "tweet_url", "tweet_text", "class_label")
CLAIM_FILE = "1B_claim.tsv"
CHECKWORTHY_FILE = "1A_checkworthy.tsv"
CHECKWORTHY = "checkworthy"
_FIELD_BREAKS = re.compile(r"[\t\n\r\u2028\u2029\x85\v\f]")


class SentenceRow(NamedTuple):
    """One sentence with its two labels (``checkworthy`` None: not a claim, or unknown)."""

    topic: str
    sentence_id: str
    url: str
    text: str
    claim: int
    checkworthy: int | None


def sentence_rows(document: Document, options: ExportOptions) -> Iterator[SentenceRow]:
    """The sentences of one document (already the layer to export) with their labels."""
    tagset = options.tagset or default_tagset()
    claims = [a for a in document.annotations.sorted() if tagset.get(a.label).kind == "claim"]
    for claim in claims:
        for link in claim.links:
            options.dropped.add(f"{link.role} links")
        for name in claim.attributes:
            if name != CHECKWORTHY:
                options.dropped.add(f"{name!r} attributes")
    ranges = sentence_ranges(document, options, claims)
    width = len(str(len(ranges)))
    by_sentence: list[list[Annotation]] = [[] for _ in ranges]
    ends = [end for _, end in ranges]
    for claim in claims:  # the sentences a claim overlaps (one: sentences never cut claims)
        first = bisect.bisect_right(ends, claim.start)
        for number in range(first, len(ranges)):
            if ranges[number][0] >= claim.end:
                break
            by_sentence[number].append(claim)
    for number, ((start, end), inside) in enumerate(zip(ranges, by_sentence, strict=True), 1):
        values = {c.attributes.get(CHECKWORTHY, "") for c in inside}
        if not inside:
            worthy = None
        elif "yes" in values:
            worthy = 1
        elif values == {"no"}:
            worthy = 0
        else:
            worthy = None
            options.dropped.add("claim sentences without a checkworthy value (from 1A)")
        yield SentenceRow(document.id, f"{document.id}-s{number:0{width}d}", document.source,
                          _FIELD_BREAKS.sub(" ", document.text[start:end]),
                          int(bool(inside)), worthy)


def _line(row: SentenceRow, label: int) -> str:
    return "\t".join((row.topic, row.sentence_id, row.url, row.text, str(label))) + "\n"


def write_checkthat(documents: Iterable[Document], out: Path, options: ExportOptions) -> None:
    """Registry writer: ``1B_claim.tsv`` and ``1A_checkworthy.tsv`` in the folder ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    header = "\t".join(HEADER) + "\n"
    claim_lines, worthy_lines = [header], [header]
    for document in documents:
        for row in sentence_rows(export_selection(document, options), options):
            claim_lines.append(_line(row, row.claim))
            if row.checkworthy is not None:
                worthy_lines.append(_line(row, row.checkworthy))
    with AtomicBatch() as batch:  # both or neither
        batch.write(out / CLAIM_FILE, "".join(claim_lines).encode("utf-8"))
        batch.write(out / CHECKWORTHY_FILE, "".join(worthy_lines).encode("utf-8"))
