"""Train/dev/test splits of a corpus, by document or by sentence, reproducible with a seed.

``by="document"`` shuffles the documents (sorted by id first) with ``random.Random(seed)`` and
cuts them by cumulative share; ``by="sentence"`` does the same with every document's sentences
(:mod:`annotator.sentences`, as the token exports cut them), each becoming a document of its
own (``<document id>-s<n>``, its text and the spans inside it, offsets moved).  ``auto``
splits by document when each split with a share gets at least one document, else by
sentence: a one-file corpus still gives three non-empty splits.  A split left empty is not
returned; :class:`Split` says so in its ``notes``, for the caller to print.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from itertools import pairwise

from annotator.formats import ExportOptions, Problems
from annotator.formats.conll import _candidates, export_selection, tag_tokens
from annotator.model import Document
from annotator.tagset import default_tagset

SPLIT_BY = ("auto", "document", "sentence")


@dataclass
class Split:
    """The documents of each split that is not empty, how they were cut, and what to say."""

    parts: dict[str, list[Document]]
    by: str
    notes: list[str] = field(default_factory=list)


def cut(items: list[Document], parts: list[tuple[str, float]],
        seed: int) -> dict[str, list[Document]]:
    """``items`` shuffled with ``random.Random(seed)`` and cut by cumulative share."""
    ordered = list(items)
    random.Random(seed).shuffle(ordered)
    result: dict[str, list[Document]] = {}
    cumulative, start = 0.0, 0
    for number, (name, fraction) in enumerate(parts):
        cumulative += fraction
        end = len(ordered) if number == len(parts) - 1 else round(cumulative * len(ordered))
        result[name] = ordered[start:end]
        start = end
    return result


def sentence_documents(document: Document, options: ExportOptions) -> list[Document]:
    """One document per sentence of ``document``, as the token exports cut it (layer and
    labels of ``options``); spans that cross a sentence boundary are left out."""
    selected = export_selection(document, options)
    quiet = Problems()
    candidates = _candidates(selected, options.tagset or default_tagset(), options.labels, quiet)
    tagged = tag_tokens(selected, candidates, tokenizer=options.tokenizer,
                        split_proclitics=options.split_proclitics, problems=quiet,
                        sentences=options.sentences)
    if not tagged.texts:
        return []
    bounds = [0, *tagged.breaks, len(tagged.texts)]
    width = len(str(len(bounds) - 1))
    result = []
    for number, (first, after) in enumerate(pairwise(bounds), 1):
        start, end = tagged.starts[first], tagged.ends[after - 1]
        part = Document(f"{document.id}-s{number:0{width}d}", selected.text[start:end],
                        title=document.title, source=document.source,
                        language=document.language, direction=document.direction)
        inside = [a for a in selected.annotations.sorted() if start <= a.start and a.end <= end]
        kept = {a.id for a in inside}
        part.annotations.extend(
            replace(a, start=a.start - start, end=a.end - start,
                    links=tuple(link for link in a.links if link.target in kept))
            for a in inside)
        result.append(part)
    return result


def split_corpus(documents: list[Document], parts: list[tuple[str, float]], seed: int,
                 by: str, options: ExportOptions) -> Split:
    """The splits of ``documents`` (see the module docstring)."""
    if by not in SPLIT_BY:
        raise ValueError(f"unknown split unit {by!r}; choose from " + ", ".join(SPLIT_BY))
    ordered = sorted(documents, key=lambda d: d.id)
    notes: list[str] = []
    chosen = by
    if by == "auto":
        trial = cut(ordered, parts, seed)
        short = [name for name, fraction in parts if fraction > 0 and not trial[name]]
        chosen = "sentence" if short else "document"
        if short:
            notes.append(f"splitting by sentence: {_count(len(ordered), 'document')} "
                         f"cannot fill {', '.join(short)} (--split-by document to keep "
                         "documents whole)")
    if chosen == "sentence":
        items = [part for document in ordered for part in sentence_documents(document, options)]
        unit = "sentence"
    else:
        items, unit = ordered, "document"
    result = cut(items, parts, seed)
    for name in [name for name, chosen_items in result.items() if not chosen_items]:
        del result[name]
        notes.append(f"warning: split {name!r} would hold no {unit} "
                     f"({_count(len(items), unit)} in all); it is not written")
    return Split(result, chosen, notes)


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"
