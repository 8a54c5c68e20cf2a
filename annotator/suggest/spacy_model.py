"""The ``model`` recommender for a local spaCy pipeline folder.

:func:`load_spacy_model` reads the folder with ``spacy.load`` (a folder path: spaCy never
downloads for one).  :class:`SpacyRecommender` runs ``nlp.pipe`` over the document's
paragraphs (its lines; a line longer than :data:`CHUNK` characters is cut at a space,
:func:`text_chunks`), and proposes ``doc.ents`` and the spans of every group in
``doc.spans`` (a ``spancat`` component's), their character offsets (Python string offsets,
so code points) moved by the paragraph's start.  Labels are mapped to the tag set's and
spans snapped as :mod:`annotator.suggest.model_spans` says.

Scores: spaCy's ``ner`` component gives no confidence (a beam parser would, at several times
the cost), so an entity's score is 1.0 and its evidence says it is unscored; a ``spancat``
group's scores (``doc.spans[key].attrs["scores"]``) are used when present.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import spacy

from annotator.error_catalogue import Errors
from annotator.model import Document
from annotator.suggest.evidence import SPACY_UNSCORED
from annotator.suggest.model_folder import NAME, ModelError
from annotator.suggest.model_spans import LabelMapper, snap_span
from annotator.suggest.proposal import Progress, Proposal
from annotator.word_selection import text_words
from annotator.wordindex import FoldedWords

CHUNK = 100_000
"""Characters of text one ``nlp`` call gets at most (spaCy's own limit is 1,000,000)."""
BATCH = 32


def load_spacy_model(folder: str | Path) -> Any:
    """The pipeline in ``folder`` (a ``spacy.language.Language``); one line of
    :class:`ModelError` (E083) when spaCy cannot load it."""
    source = Path(folder)
    try:
        return spacy.load(source)
    except Exception as error:  # any failure of a third-party loader is one line
        lines = str(error).strip().splitlines()
        raise ModelError(Errors.E083, kind="spaCy",
                         reason=lines[0] if lines else type(error).__name__,
                         path=str(source)) from None


def text_chunks(text: str, limit: int = CHUNK) -> Iterator[tuple[int, str]]:
    """``(offset, chunk)`` for each line of ``text`` that holds more than spaces, a line
    longer than ``limit`` cut after its last space within the limit (or at the limit)."""
    at = 0
    for line in text.splitlines(keepends=True):
        start = 0
        while start < len(line):
            end = len(line)
            if end - start > limit:
                space = line.rfind(" ", start, start + limit)
                end = space + 1 if space > start else start + limit
            piece = line[start:end]
            if piece.strip():
                yield at + start, piece
            start = end
        at += len(line)


class SpacyRecommender:
    """Proposes the entities and spans a spaCy pipeline finds (``model``)."""

    name = NAME

    def __init__(self, nlp: Any, mapper: LabelMapper, *, strip: bool = True) -> None:
        self.nlp = nlp
        self.mapper = mapper
        self.strip = strip
        labels: set[str] = set()
        for pipe_name in nlp.pipe_names:
            labels.update(getattr(nlp.get_pipe(pipe_name), "labels", ()) or ())
        self.unmapped = mapper.unmapped(labels)
        """The pipeline's labels it never proposes (not in the tag set, not mapped)."""

    def spans(self, text: str, progress: Progress | None = None
              ) -> list[tuple[int, int, str, float | None]]:
        """``(start, end, model label, score or None)`` of every entity and span the
        pipeline finds in ``text``, in code points of ``text``."""
        chunks = list(text_chunks(text))
        found: list[tuple[int, int, str, float | None]] = []
        docs = self.nlp.pipe((chunk for _, chunk in chunks), batch_size=BATCH)
        for done, ((offset, _), doc) in enumerate(zip(chunks, docs, strict=True), 1):
            seen = set()
            for ent in doc.ents:
                seen.add((ent.start_char, ent.end_char, ent.label_))
                found.append((offset + ent.start_char, offset + ent.end_char, ent.label_, None))
            for group in doc.spans.values():
                scores = group.attrs.get("scores") if hasattr(group, "attrs") else None
                for i, span in enumerate(group):
                    key = (span.start_char, span.end_char, span.label_)
                    if key in seen:
                        continue
                    seen.add(key)
                    score = float(scores[i]) if scores is not None and i < len(scores) else None
                    found.append((offset + span.start_char, offset + span.end_char,
                                  span.label_, score))
            if progress is not None and (done % 50 == 0 or done == len(chunks)):
                progress(done, len(chunks))
        return found

    def propose(self, document: Document, progress: Progress | None = None, *,
                index: FoldedWords | None = None) -> list[Proposal]:
        """The pipeline's entities and spans in ``document`` (module docstring)."""
        text = document.text
        known = text_words(text) if self.strip else None
        proposals = []
        for start, end, name, score in self.spans(text, progress):
            label = self.mapper.label_for(name)
            snapped = snap_span(text, start, end, known) if label is not None else None
            if label is None or snapped is None:
                continue
            evidence = SPACY_UNSCORED(label=name) if score is None else f"{name}: {score:.2f}"
            proposals.append(Proposal(*snapped, label,
                                      1.0 if score is None else round(score, 4), NAME,
                                      evidence=evidence))
        return proposals
