"""A Hugging Face dataset folder that ``datasets.load_dataset(folder)`` reads as it is.

The folder holds one ``<split>.jsonl`` per split (``train`` without ``--split``), rows
``{"id", "tokens", "ner_tags"}`` exactly as the ``hf`` export writes them (tokens, IOB2 tags
and sentences of :mod:`annotator.formats.conll` and :mod:`annotator.sentences`), and a
``README.md`` whose dataset card (YAML) names the splits and types the columns: ``ner_tags``
is a sequence of ``ClassLabel`` whose names are ``O`` then ``B-X``, ``I-X`` for the labels
used in any split only (the tag set's order, then others sorted), the same ids in every split.
``labels.json`` beside them is that list.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from annotator.atomic import atomic_writer
from annotator.formats import ExportOptions
from annotator.formats.conll import NOT_IN_BIO_KINDS, document_to_tagged_sentences
from annotator.formats.conll import export_selection as _selection
from annotator.model import Document
from annotator.tagset import default_tagset

CARD = "README.md"
LABELS = "labels.json"
Row = tuple[str, list[str], list[str]]


def split_path(out: Path, name: str) -> Path:
    """The rows file of split ``name`` in the dataset folder ``out``."""
    return out / f"{name}.jsonl"


def files_written(out: Path, names: Iterable[str]) -> list[Path]:
    """Every file the folder ``out`` gets for the splits ``names``."""
    return [*(split_path(out, name) for name in names), out / CARD, out / LABELS]


def _rows(documents: Iterable[Document], options: ExportOptions) -> list[Row]:
    tagset = options.tagset or default_tagset()
    rows: list[Row] = []
    for document in documents:
        sentences = document_to_tagged_sentences(
            _selection(document, options), tokenizer=options.tokenizer,
            split_proclitics=options.split_proclitics, problems=options.problems,
            tagset=tagset, labels=options.labels, sentences=options.sentences,
            source_tags=options.source_tags, dropped=options.dropped)
        for number, sentence in enumerate(sentences, 1):
            rows.append((f"{document.id}-{number}", [t for t, _ in sentence],
                         [tag for _, tag in sentence]))
    return rows


def used_tags(rows: Iterable[Row], options: ExportOptions) -> list[str]:
    """``O`` then ``B-X``, ``I-X`` for each label used in ``rows`` (see the module docstring)."""
    seen = {tag[2:] for _, _, tags in rows for tag in tags if tag != "O"}
    tagset = options.tagset or default_tagset()
    known = [spec.name for spec in tagset if spec.kind not in NOT_IN_BIO_KINDS
             and spec.name in seen]
    ordered = known + sorted(seen - set(known))
    return ["O"] + [f"{prefix}-{label}" for label in ordered for prefix in ("B", "I")]


def _card(names: list[str], splits: Iterable[str]) -> str:
    lines = ["---", "configs:", "- config_name: default", "  data_files:"]
    for split in splits:
        lines += [f"  - split: {split}", f"    path: {split}.jsonl"]
    lines += ["dataset_info:", "  features:", "  - name: id", "    dtype: string",
              "  - name: tokens", "    sequence: string", "  - name: ner_tags",
              "    sequence:", "      class_label:", "        names:"]
    lines += [f"          '{index}': {json.dumps(name, ensure_ascii=False)}"
              for index, name in enumerate(names)]
    lines += ["---", "", "Token classification (IOB2) exported by the Arabic news annotator.",
              "Load with `datasets.load_dataset(\"path/to/this/folder\")`.", ""]
    return "\n".join(lines)


def write_dataset_folder(splits: dict[str, list[Document]], out: Path,
                         options: ExportOptions) -> dict[str, int]:
    """Write the folder ``out`` for ``splits`` (name → documents); returns rows per split."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rows = {name: _rows(documents, options) for name, documents in splits.items()}
    names = used_tags((row for split in rows.values() for row in split), options)
    ids = {name: index for index, name in enumerate(names)}
    for split, split_rows in rows.items():
        with atomic_writer(split_path(out, split)) as stream:
            for row_id, tokens, tags in split_rows:
                row = {"id": row_id, "tokens": tokens, "ner_tags": [ids[tag] for tag in tags]}
                stream.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
    counts = {split: len(split_rows) for split, split_rows in rows.items()}
    with atomic_writer(out / LABELS) as stream:
        stream.write(json.dumps(names, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")
    with atomic_writer(out / CARD) as stream:
        stream.write(_card(names, counts).encode("utf-8"))
    return counts


def write_hf_dataset(documents: Iterable[Document], out: Path, options: ExportOptions) -> None:
    """Registry writer: the dataset folder ``out`` with every document in the split ``train``."""
    write_dataset_folder({"train": list(documents)}, out, options)
