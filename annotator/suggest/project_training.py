"""Training a project's CRF: which documents it learns from, and replacing the model folder
all at once.

:func:`project_training_set` reads every TEI file of a project folder (a team project's texts,
annotators' layers and gold too: :func:`annotator.concordance.load_corpus`) and makes one
training document per document (same id and text): its gold annotations where any file of it
has a gold layer, else the annotators' own work (accepted suggestions included; open ones
never), the same span given by several annotators counted once; this is what
:func:`~annotator.suggest.crf_model.entity_spans` learns from by default, as ``annotator
train`` does.  A document holding no entity to learn from gives only its text, as the
unlabelled text the word clusters learn from.

:func:`save_model_folder` writes a model beside its folder and then puts it in the folder's
place (:func:`replace_folder`): a failed or cancelled training never leaves a half-written
model, and the model there before stays whole until the new one is complete.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.concordance import load_corpus
from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, FormatError, SaveError
from annotator.layers import GOLD, is_work
from annotator.model import Annotation, Document
from annotator.suggest.crf_model import META_FILE, MODEL_FILE, CrfModel, entity_spans
from annotator.tagset import TagSet, tagset_for

FOLDS = 5
"""How many folds the app cross-validates on (fewer when there are fewer documents)."""
STAGING_SUFFIX = ".new"
OLD_SUFFIX = ".old"


@dataclass
class TrainingSet:
    """What a project gives a CRF: annotated documents, the text of the others, the files
    that could not be read (one error each) and the project's tag set."""

    labelled: list[Document] = field(default_factory=list)
    unlabelled: list[Document] = field(default_factory=list)
    errors: list[AnnotatorError] = field(default_factory=list)
    tagset: TagSet | None = None


def _learned(documents: list[Document]) -> Document:
    """One document from the files holding it: gold where one has gold, else everyone's
    work without repeats (ids renumbered: files number their annotations alike)."""
    first = documents[0]
    gold = next(([a for a in d.annotations if a.layer == GOLD] for d in documents
                 if any(a.layer == GOLD for a in d.annotations)), None)
    chosen: list[Annotation] = []
    if gold is not None:
        chosen = [dataclasses.replace(a, links=()) for a in gold]
    else:
        seen: set[tuple[int, int, str]] = set()
        for document in documents:
            for a in document.annotations:
                key = (a.start, a.end, a.label)
                if is_work(a) and key not in seen:
                    seen.add(key)
                    chosen.append(dataclasses.replace(a, id=f"t{len(chosen) + 1}", links=()))
    merged = Document(first.id, first.text, first.title, first.source, first.language,
                      first.direction)
    merged.annotations.extend(chosen)
    return merged


def project_training_set(folder: str | Path, *,
                         open_documents: Mapping[Path, Document] | None = None,
                         progress: Callable[[str], None] | None = None) -> TrainingSet:
    """The documents of the project ``folder`` a CRF learns from (module docstring).
    ``open_documents``: documents as the app holds them (unsaved edits included), by the
    resolved path of their file; ``progress(name)`` before each file is read."""
    root = Path(folder)
    result = TrainingSet()
    try:
        result.tagset = tagset_for(root)
    except AnnotatorError as error:
        result.errors.append(error)
        return result
    corpus = load_corpus([root], progress=progress)
    result.errors.extend(corpus.errors)
    replaced = {path.resolve(): document for path, document in (open_documents or {}).items()}
    groups: dict[tuple[str, str], list[Document]] = {}
    for item in corpus.documents:
        document = replaced.get(Path(item.path).resolve(), item.document)
        groups.setdefault((document.id, document.text), []).append(document)
    for documents in groups.values():
        learned = _learned(documents)
        if entity_spans(learned, tagset=result.tagset):
            result.labelled.append(learned)
        else:
            result.unlabelled.append(learned)
    return result


def folds_for(documents: int, wanted: int = FOLDS) -> int:
    """The folds ``documents`` annotated documents are cross-validated on: ``wanted``, fewer
    when there are fewer documents, 0 (none) under two."""
    return min(wanted, documents) if documents >= 2 else 0


def has_model(folder: str | Path) -> bool:
    """True when ``folder`` holds a CRF model (either of its files)."""
    return any((Path(folder) / name).exists() for name in (MODEL_FILE, META_FILE))


def read_model_info(folder: str | Path) -> dict[str, Any] | None:
    """The ``info`` of the CRF model in ``folder`` (what it was trained on, its
    cross-validated scores), None when the folder holds no model; one line of
    :class:`FormatError` (E627) when its ``model.json`` cannot be read."""
    source = Path(folder)
    if not has_model(source):
        return None
    try:
        info = json.loads((source / META_FILE).read_text(encoding="utf-8"))["info"]
        if not isinstance(info, dict):
            raise ValueError("its info is not a table")
        return info
    except (OSError, ValueError, KeyError, TypeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise FormatError(Errors.E627, reason=reason, path=str(source)) from None


def staging_folder(target: str | Path) -> Path:
    """A new empty folder beside ``target`` (hidden, named after it) to write a model in
    before :func:`replace_folder` puts it in ``target``'s place."""
    place = Path(target)
    try:
        place.parent.mkdir(parents=True, exist_ok=True)
        while True:  # not mkdtemp: the model folder gets the usual permissions, not 0700
            staging = place.parent / f".{place.name}.{secrets.token_hex(4)}{STAGING_SUFFIX}"
            with contextlib.suppress(FileExistsError):
                staging.mkdir()
                return staging
    except OSError as error:
        raise SaveError(Errors.E607, reason=error.strerror or str(error),
                        path=str(place)) from None


def replace_folder(new: str | Path, target: str | Path) -> None:
    """Put the folder ``new`` in ``target``'s place (same file system).  The folder there
    before is moved aside first and removed once ``new`` is in place; when the move fails it
    is put back, so ``target`` holds the old folder or the new one, never a mix."""
    source, place = Path(new), Path(target)
    old: Path | None = None
    try:
        if os.path.lexists(place):
            old = Path(tempfile.mkdtemp(prefix=f".{place.name}.", suffix=OLD_SUFFIX,
                                        dir=place.parent))
            os.replace(place, old)  # over the empty folder just made
        try:
            os.replace(source, place)
        except OSError:
            if old is not None:
                os.replace(old, place)
                old = None
            raise
    except OSError as error:
        raise SaveError(Errors.E607, reason=error.strerror or str(error),
                        path=str(place)) from None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def save_model_folder(model: CrfModel, target: str | Path) -> None:
    """Write ``model`` into the folder ``target`` as a whole: into a folder beside it, then
    in its place (:func:`replace_folder`); on failure ``target`` is as it was."""
    if Path(target).exists() and not Path(target).is_dir():
        raise FormatError(Errors.E624, path=str(target))
    staging = staging_folder(target)
    try:
        model.save(staging)
        replace_folder(staging, target)
    finally:
        with contextlib.suppress(OSError):
            if staging.exists():
                shutil.rmtree(staging)
