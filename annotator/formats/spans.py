"""Span classification / extraction JSONL (export only): text, spans, relations.

One JSON object a line, per document (``ExportOptions.per`` ``document``) or per sentence
(``sentence``)::

    {"id": "doc-s03", "document": "doc", "offset": 120, "text": "...",
     "spans": [{"id": "a1", "start": 0, "end": 5, "text": "...", "label": "PER",
                "attributes": {}}, ...],
     "relations": [{"head": "a7", "tail": "a1", "type": "speaker"}, ...]}

Offsets are code points into the line's ``text`` (``text[start:end] == span["text"]``);
per sentence they are re-based to the sentence, whose place in the document is ``offset``.
A relation is a link from the span ``head`` (a quote, a claim) to the span ``tail`` (its
speaker, its claimant).  Sentences are those of :mod:`annotator.sentences` (the token
exports' ``--sentences``), joined where a span would cross one, so no span is cut.  What a
sentence line cannot hold (a link to a span in another sentence) is counted in
``ExportOptions.dropped``.  The layer is chosen as for the token formats (gold when present).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotator.atomic import atomic_writer
from annotator.error_catalogue import Errors
from annotator.errors import SaveError
from annotator.formats import Dropped, ExportOptions
from annotator.formats.conll import export_selection, tokenizer_mode
from annotator.formats.jsonl import json_line
from annotator.model import Annotation, Document
from annotator.sentences import sentence_breaks, sentence_mode
from annotator.tokenize import tokenize_columns

PER_CHOICES = ("document", "sentence")


def sentence_ranges(document: Document, options: ExportOptions,
                    whole: Iterable[Annotation] = ()) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of ``document`` (first to last token), as the token
    exports cut them (``options.sentences``, ``options.tokenizer``), never inside a span of
    ``whole``: sentences such a span crosses are one."""
    text = document.text
    texts, starts, ends = tokenize_columns(text, tokenizer_mode(document, options.tokenizer),
                                           split_proclitics=options.split_proclitics)
    if not texts:
        return []
    breaks = sentence_breaks(texts, starts, ends, text,
                             sentence_mode(document, options.sentences))
    inside = [False] * len(texts)
    for span in whole:
        first = bisect.bisect_right(starts, span.start)
        last = bisect.bisect_left(starts, span.end)
        inside[first:last] = [True] * max(0, last - first)
    kept = [i for i in breaks if not inside[i]]
    bounds = [0, *kept, len(texts)]
    return [(starts[a], ends[b - 1]) for a, b in pairwise(bounds)]


def span_object(annotation: Annotation, text: str, offset: int = 0) -> dict[str, Any]:
    """One span as written, its offsets re-based by ``offset``."""
    start, end = annotation.start - offset, annotation.end - offset
    return {"id": annotation.id, "start": start, "end": end, "text": text[start:end],
            "label": annotation.label, "attributes": dict(annotation.attributes)}


def _record(record_id: str, document: Document, text: str, offset: int,
            annotations: list[Annotation], dropped: Dropped) -> dict[str, Any]:
    ids = {a.id for a in annotations}
    relations = []
    for annotation in annotations:
        for link in annotation.links:
            if link.target in ids:
                relations.append({"head": annotation.id, "tail": link.target,
                                  "type": link.role})
            else:
                dropped.add(f"{link.role} links to another sentence")
    return {"id": record_id, "document": document.id, "offset": offset, "text": text,
            "spans": [span_object(a, text, offset) for a in annotations],
            "relations": relations}


def document_records(document: Document, options: ExportOptions) -> Iterator[dict[str, Any]]:
    """The lines of one document (already the layer to export), per ``options.per``."""
    annotations = document.annotations.sorted()
    if options.per == "document":
        yield _record(document.id, document, document.text, 0, annotations, options.dropped)
        return
    if options.per != "sentence":
        raise ValueError(f"unknown --per {options.per!r}; choose from {', '.join(PER_CHOICES)}")
    ranges = sentence_ranges(document, options, annotations)
    width = len(str(len(ranges)))
    ends = [end for _, end in ranges]
    by_sentence: list[list[Annotation]] = [[] for _ in ranges]
    for annotation in annotations:
        number = bisect.bisect_right(ends, annotation.start)
        if (number < len(ranges) and ranges[number][0] <= annotation.start
                and annotation.end <= ranges[number][1]):
            by_sentence[number].append(annotation)
        else:  # only spaces between sentences: no sentence holds it
            options.dropped.add(f"{annotation.label} spans between sentences")
    for number, ((start, end), inside) in enumerate(zip(ranges, by_sentence, strict=True), 1):
        yield _record(f"{document.id}-s{number:0{width}d}", document, document.text[start:end],
                      start, inside, options.dropped)


def write_spans(documents: Iterable[Document], out: Path, options: ExportOptions) -> None:
    """Registry writer: the span JSONL file ``out`` (see the module docstring)."""
    out = Path(out)
    if out.is_dir():
        raise SaveError(Errors.E343, path=str(out))
    with atomic_writer(out) as stream:
        for document in documents:
            for record in document_records(export_selection(document, options), options):
                stream.write(json_line(record))
