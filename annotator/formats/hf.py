"""Hugging Face token classification: JSONL rows ``{"id", "tokens", "ner_tags"}``.

One row per sentence, tokenised and tagged exactly as the CoNLL export does
(:mod:`annotator.formats.conll`: ``ExportOptions.tokenizer``, ``split_proclitics``, IOB2,
unaligned and overlapping spans reported in ``ExportOptions.problems``), with the sentences
of :mod:`annotator.sentences` (``ExportOptions.sentences``), the same as the CoNLL file's:
a corpus without sentence breaks (the full ANERcorp) gives rows of sentence length.  ``id`` is
``<document id>-<sentence number>``; ``ner_tags`` are integer ids into the label list.

The label list is written beside the rows as ``<out stem>.labels.json`` (``train.jsonl`` →
``train.labels.json``): a JSON list of tag names, ``"O"`` first, then ``B-X``, ``I-X`` for each
label X: the labels of ``ExportOptions.labels`` when given (sorted), else the tag set's
entity labels in tag-set order followed by any other label met, sorted.  Load it with
``datasets.ClassLabel(names=json.load(open("train.labels.json")))``.  When writing several
splits, pass the same ``labels`` to each so that the ids agree.

Import (:func:`read_hf`) reads such rows back: ``ner_tags`` as tag names, or as integer ids
into the label list beside the file.  Rows whose ids are ``<document id>-<number>`` in a run
make one document (other rows one each); as in the CoNLL import, tokens are joined by a space
and rows by a line feed, and each entity becomes a span.  A bad row is one error naming its
line; an ``I-`` tag that continues no entity of its type is a warning and starts one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.atomic import atomic_writer
from annotator.docid import doc_id_from_path, safe_id
from annotator.error_catalogue import Errors
from annotator.errors import EncodingError, FormatError
from annotator.formats import ExportOptions, ImportOptions, Problems
from annotator.formats.conll import (
    NOT_IN_BIO_KINDS,
    SOURCE_PREFIX,
    _Collected,
    _text_and_spans,
    document_to_tagged_sentences,
    export_selection,
    mark_source_tags,
)
from annotator.formats.jsonl import _lines_of
from annotator.model import Annotation, Document, now_iso
from annotator.tagset import TagSet, default_tagset
from annotator.xmlchars import ILLEGAL_XML_CHARS, REPLACEMENT


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
    tagset = options.tagset or default_tagset()
    rows: list[tuple[str, list[str], list[str]]] = []
    seen: set[str] = set()
    for document in documents:
        sentences = document_to_tagged_sentences(
            export_selection(document, options), tokenizer=options.tokenizer,
            split_proclitics=options.split_proclitics, problems=options.problems,
            tagset=tagset, labels=options.labels, sentences=options.sentences,
            source_tags=options.source_tags, dropped=options.dropped)
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


# -- reading ---------------------------------------------------------------------------------
_ROW_ID = re.compile(r"^(.+)-\d+$")
_TAG = re.compile(r"O|[BI]-[^\s\-]\S*")
_SPACE = re.compile(r"\s")


def _label_list(rows_path: Path) -> list[str] | None:
    """The tag names of the label list beside ``rows_path``, or None when there is none."""
    side = labels_path(rows_path)
    if not side.is_file():
        return None
    try:
        names = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FormatError(Errors.E390, detail=str(error), path=str(side)) from None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise FormatError(Errors.E391, path=str(side))
    for number, name in enumerate(names, 1):
        illegal = ILLEGAL_XML_CHARS.search(name)
        if illegal:
            raise FormatError(Errors.E401, number=number, char=f"{ord(illegal.group()):04X}",
                              path=str(side))
    return names


def _row(obj: Any, names: list[str] | None, replace_invalid: bool, labels_name: str,
         ) -> tuple[str | None, list[str], list[str], int]:
    """(row id, tokens, tags, characters replaced) of one row; :class:`FormatError` (with no
    location) says what is wrong."""
    if not isinstance(obj, dict):
        raise FormatError(Errors.E392)
    tokens, tags = obj.get("tokens"), obj.get("ner_tags")
    if not isinstance(tokens, list) or not isinstance(tags, list):
        raise FormatError(Errors.E393)
    if len(tokens) != len(tags):
        raise FormatError(Errors.E394, tokens=len(tokens), tags=len(tags))
    replaced = 0
    for number, token in enumerate(tokens, 1):
        if not isinstance(token, str) or not token:
            raise FormatError(Errors.E395, number=number)
        if _SPACE.search(token):
            raise FormatError(Errors.E396, number=number, token=token)
        if ILLEGAL_XML_CHARS.search(token):
            if not replace_invalid:
                raise FormatError(Errors.E397, number=number)
            tokens[number - 1], count = ILLEGAL_XML_CHARS.subn(REPLACEMENT, token)
            replaced += count
    names_of: list[str] = []
    for number, tag in enumerate(tags, 1):
        if isinstance(tag, int) and not isinstance(tag, bool):
            if names is None:
                raise FormatError(Errors.E398, name=labels_name)
            if not 0 <= tag < len(names):
                raise FormatError(Errors.E399, tag=tag, number=number, count=len(names))
            tag = names[tag]
        illegal = ILLEGAL_XML_CHARS.search(tag) if isinstance(tag, str) else None
        if illegal:
            raise FormatError(Errors.E402, number=number, char=f"{ord(illegal.group()):04X}")
        if not isinstance(tag, str) or not _TAG.fullmatch(tag):
            raise FormatError(Errors.E400, tag=tag, number=number)
        names_of.append(tag)
    row_id = obj.get("id")
    return (row_id if isinstance(row_id, str) else None), tokens, names_of, replaced


def read_hf(path: Path, options: ImportOptions, problems: Problems) -> Iterator[Document]:
    """Registry reader: the documents of a Hugging Face token-classification rows file."""
    path = Path(path)
    where = str(path)
    try:
        data = path.read_bytes()
        names = _label_list(path)
    except OSError as error:
        problems.error(FormatError(Errors.E600, reason=error.strerror or str(error), path=where))
        return
    except FormatError as error:
        problems.error(error)
        return
    try:
        lines = _lines_of(data, options, path, problems)
    except EncodingError as error:
        problems.error(error)
        return
    stamp = now_iso()
    fallback = doc_id_from_path(path)

    def document(doc_id: str, collected: _Collected) -> Document:
        inside_starts: list[int] = []
        text, spans = _text_and_spans(collected, problems, where, inside_starts)
        # Token text like the CoNLL import's, so that --tokenizer auto keeps these tokens.
        made = Document(doc_id, text, source=SOURCE_PREFIX + path.name)
        made.annotations.extend(
            Annotation(id=f"a{i}", start=start, end=end, label=label,
                       annotator=options.annotator, created=stamp, modified=stamp)
            for i, (start, end, label) in enumerate(spans, 1))
        mark_source_tags(made, inside_starts)
        return made

    current: str | None = None
    collected = _Collected()
    for number, line in lines:
        if not line.strip():
            continue
        try:
            row_id, tokens, tags, replaced = _row(json.loads(line), names,
                                                  options.replace_invalid,
                                                  labels_path(path).name)
        except json.JSONDecodeError as error:
            problems.error(FormatError(Errors.E341, detail=error.msg, colno=error.colno,
                                       path=where, line=number))
            continue
        except RecursionError:
            problems.error(FormatError(Errors.E342, path=where, line=number))
            continue
        except FormatError as error:
            problems.error(error.at(where, number))
            continue
        if replaced:
            problems.warn(EncodingError(Errors.E152, count=replaced, path=where, line=number))
        match = _ROW_ID.match(row_id or "")
        doc_id = safe_id(match.group(1)) if match else f"{fallback}-{number}"
        if doc_id != current and collected.tokens:
            yield document(current or fallback, collected)
            collected = _Collected()
        current = doc_id
        collected.end_sentence()
        for token, tag in zip(tokens, tags, strict=True):
            collected.mark(number)
            collected.tokens.append(token)
            collected.tags.append(tag)
    if collected.tokens:
        yield document(current or fallback, collected)
