"""Quote attribution as pairs (export only): one JSONL row per (quote, candidate speaker).

For each quote (a span whose label's kind is ``quote``), the candidates are the mentions
whose label a quote's ``speaker`` link may point to in the tag set (PER and ORG in the
bundled one) lying in the quote's own sentences, the ``ExportOptions.window`` sentences
before them, or the sentence after (Arabic news names the speaker before the quote, or right
after it: «…» قال الوزير).  Each row has ``label`` 1 when the quote's speaker link points to
that candidate, else 0, so a pair classifier trains on the rows as they are::

    {"id": "doc-q3-a1", "document": "doc", "quote_id": "q3", "quote_label": "QUOTE",
     "quote_type": "direct", "quote_text": "...", "quote_start": 40, "quote_end": 90,
     "candidate_id": "a1", "candidate_label": "PER", "candidate_text": "...",
     "candidate_start": 10, "candidate_end": 22, "position": "before",
     "sentence_distance": 1, "char_distance": 18, "candidates_between": 0,
     "context": "...", "context_start": 0, "label": 1}

Offsets are code points into the document's text; ``context`` is the text of the window
(``context_start`` is where it starts), so ``context[quote_start - context_start: ...]`` is
the quote.  ``position`` is ``before``, ``after`` or ``inside`` the quote;
``sentence_distance`` counts sentences from the candidate's to the quote's first (negative
after it); ``char_distance`` the characters between the two spans (0 when they touch or
nest); ``candidates_between`` the other candidates between them.  A speaker link whose target
is outside the window, or not a candidate label, gives no positive row: those are counted
in ``ExportOptions.dropped``, as are quotes with no candidate at all.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.atomic import atomic_writer
from annotator.error_catalogue import Errors
from annotator.errors import SaveError
from annotator.formats import ExportOptions
from annotator.formats.conll import export_selection
from annotator.formats.jsonl import json_line
from annotator.formats.spans import sentence_ranges
from annotator.model import Document
from annotator.tagset import TagSet, default_tagset

SPEAKER = "speaker"
AFTER = 1  # sentences after the quote's last one searched for its speaker


def speaker_labels(tagset: TagSet) -> frozenset[str]:
    """Labels a quote's speaker may have: the targets of ``speaker`` links in ``tagset``."""
    found = {target for spec in tagset if spec.kind == "quote"
             for link in spec.links if link.role == SPEAKER for target in link.targets}
    return frozenset(found or {"PER", "ORG"})


def quote_pairs(document: Document, options: ExportOptions) -> Iterator[dict[str, Any]]:
    """The rows of one document (already the layer to export; see the module docstring)."""
    tagset = options.tagset or default_tagset()
    annotations = document.annotations.sorted()
    quotes = [a for a in annotations if tagset.get(a.label).kind == "quote"]
    if not quotes:
        return
    mentions = [a for a in annotations if a.label in speaker_labels(tagset)]
    ranges = sentence_ranges(document, options, quotes)
    ends = [end for _, end in ranges]

    def sentence_of(position: int) -> int:
        return min(bisect.bisect_right(ends, position), len(ranges) - 1)

    mention_sentences = [sentence_of(m.start) for m in mentions]  # in order, as mentions
    text = document.text
    for quote in quotes:
        first, last = sentence_of(quote.start), sentence_of(quote.end - 1)
        low, high = max(0, first - options.window), min(len(ranges) - 1, last + AFTER)
        context_start, context_end = ranges[low][0], ranges[high][1]
        window = range(bisect.bisect_left(mention_sentences, low),
                       bisect.bisect_right(mention_sentences, high))
        chosen = [(mentions[i], mention_sentences[i]) for i in window
                  if mentions[i].id != quote.id]
        speakers = set(quote.link_targets(SPEAKER))
        found = {m.id for m, _ in chosen} & speakers
        if speakers - found:
            options.dropped.add("speaker links outside the candidate window",
                                len(speakers - found))
        if not chosen:
            options.dropped.add("quotes with no candidate speaker")
            continue
        positions = [m.start for m, _ in chosen]
        for mention, sentence in chosen:
            if mention.end <= quote.start:
                position, gap = "before", quote.start - mention.end
                between = bisect.bisect_left(positions, quote.start) - \
                    bisect.bisect_right(positions, mention.start)
            elif mention.start >= quote.end:
                position, gap = "after", mention.start - quote.end
                between = bisect.bisect_left(positions, mention.start) - \
                    bisect.bisect_left(positions, quote.end)
            else:
                position, gap, between = "inside", 0, 0
            yield {
                "id": f"{document.id}-{quote.id}-{mention.id}", "document": document.id,
                "quote_id": quote.id, "quote_label": quote.label,
                "quote_type": quote.attributes.get("type", ""),
                "quote_text": text[quote.start:quote.end],
                "quote_start": quote.start, "quote_end": quote.end,
                "candidate_id": mention.id, "candidate_label": mention.label,
                "candidate_text": text[mention.start:mention.end],
                "candidate_start": mention.start, "candidate_end": mention.end,
                "position": position, "sentence_distance": first - sentence,
                "char_distance": gap, "candidates_between": max(0, between),
                "context": text[context_start:context_end], "context_start": context_start,
                "label": int(mention.id in speakers),
            }


def write_quote_pairs(documents: Iterable[Document], out: Path, options: ExportOptions) -> None:
    """Registry writer: the pairs JSONL file ``out`` (see the module docstring)."""
    out = Path(out)
    if out.is_dir():
        raise SaveError(Errors.E343, path=str(out))
    with atomic_writer(out) as stream:
        for document in documents:
            for row in quote_pairs(export_selection(document, options), options):
                stream.write(json_line(row))
