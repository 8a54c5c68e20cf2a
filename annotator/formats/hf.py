"""Hugging Face token classification (export): JSONL rows ``{"id", "tokens", "ner_tags"}``.

One row per sentence, tokenised and tagged exactly as the CoNLL export does
(:mod:`annotator.formats.conll`: ``ExportOptions.tokenizer``, ``split_proclitics``, IOB2,
unaligned and overlapping spans reported in ``ExportOptions.problems``); sentences end at
line breaks and after sentence-final punctuation tokens (``. ! ? ؟ …``) even with the
``whitespace`` tokenizer, never inside an entity, so a corpus without sentence breaks (the
full ANERcorp) still gives rows of sentence length.  ``id`` is
``<document id>-<sentence number>``; ``ner_tags`` are integer ids into the label list.

The label list is written beside the rows as ``<out stem>.labels.json`` (``train.jsonl`` →
``train.labels.json``): a JSON list of tag names, ``"O"`` first, then ``B-X``, ``I-X`` for each
label X: the labels of ``ExportOptions.labels`` when given (sorted), else the tag set's
entity labels in tag-set order followed by any other label met, sorted.  Load it with
``datasets.ClassLabel(names=json.load(open("train.labels.json")))``.  When writing several
splits, pass the same ``labels`` to each so that the ids agree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from annotator.atomic import atomic_writer
from annotator.formats import ExportOptions
from annotator.formats.conll import (
    NOT_IN_BIO_KINDS,
    document_to_tagged_sentences,
    export_selection,
)
from annotator.model import Document
from annotator.tagset import TagSet, default_tagset


def labels_path(out: Path) -> Path:
    """Where the label list of the rows file ``out`` goes."""
    return out.with_name(out.stem + ".labels.json")


def label_names(seen: Iterable[str], tagset: TagSet,
                labels: frozenset[str] | None = None) -> list[str]:
    """``O`` then ``B-X``, ``I-X`` for each label (see the module docstring for the order)."""
    if labels is not None:
        ordered = sorted(labels)
    else:
        known = [spec.name for spec in tagset if spec.kind not in NOT_IN_BIO_KINDS]
        ordered = known + sorted(set(seen) - set(known))
    return ["O"] + [f"{prefix}-{label}" for label in ordered for prefix in ("B", "I")]


def write_hf(documents: Iterable[Document], out: Path, options: ExportOptions) -> None:
    """Registry writer: the JSONL rows file ``out`` and its label list beside it."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tagset = default_tagset()
    rows: list[tuple[str, list[str], list[str]]] = []
    seen: set[str] = set()
    for document in documents:
        sentences = document_to_tagged_sentences(
            export_selection(document, options), tokenizer=options.tokenizer,
            split_proclitics=options.split_proclitics, problems=options.problems,
            tagset=tagset, labels=options.labels, after_punctuation=True)
        for number, sentence in enumerate(sentences, 1):
            tokens = [token for token, _ in sentence]
            tags = [tag for _, tag in sentence]
            seen.update(tag[2:] for tag in tags if tag != "O")
            rows.append((f"{document.id}-{number}", tokens, tags))
    names = label_names(seen, tagset, options.labels)
    ids = {name: index for index, name in enumerate(names)}
    with atomic_writer(out) as stream:
        for row_id, tokens, tags in rows:
            row = {"id": row_id, "tokens": tokens, "ner_tags": [ids[tag] for tag in tags]}
            stream.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
    with atomic_writer(labels_path(out)) as stream:
        stream.write(json.dumps(names, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")
