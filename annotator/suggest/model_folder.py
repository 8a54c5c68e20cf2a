"""A model the user already has: which folder, what kind, and the recommender it makes.

The ``model`` recommender reads a local Hugging Face token-classification folder
(``config.json``, a fast tokenizer's ``tokenizer.json``, the weights) or a spaCy pipeline
folder (``config.cfg`` and ``meta.json``).  Nothing is ever downloaded.  Which folder: the
command line's ``--model PATH``, else the project's ``suggestions.toml``::

    [model]
    path = "models/arabic-ner"      # relative to the project folder, or absolute
    labels = { PERS = "PER", ORGANIZATION = "ORG", DATE = "" }   # "" = not proposed
    proclitics = "strip"            # or "keep": leave attached و ف ب ل ك in
    aggregation = "first"           # or "max": which subword gives a word its label

Reading either kind needs an optional extra (``pip install 'arabic-news-annotator[transformers]'``
or ``[spacy]``); without it, choosing the recommender is one line naming the extra (E081).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError
from annotator.suggest.model_spans import LabelMapper
from annotator.suggest.proposal import Recommender
from annotator.tagset import TagSet

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SETTINGS_NAME = "suggestions.toml"
NAME = "model"
TRANSFORMERS = "transformers"
SPACY = "spacy"
KIND_NAMES = {TRANSFORMERS: "Hugging Face", SPACY: "spaCy"}
PROCLITIC_RULES = ("strip", "keep")
AGGREGATIONS = ("first", "max")


class ModelError(AnnotatorError):
    """A model folder or its settings that cannot be used: one line saying why."""


@dataclass(frozen=True)
class ModelSettings:
    """The ``[model]`` table of a project's ``suggestions.toml`` (module docstring)."""

    path: Path | None = None
    labels: Mapping[str, str] = field(default_factory=dict)
    proclitics: str = "strip"
    aggregation: str = "first"


def _string(table: Mapping[str, Any], key: str, choices: tuple[str, ...], default: str,
            path: Path) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or (choices and value not in choices):
        wanted = " or ".join(repr(c) for c in choices) if choices else "a string"
        raise ModelError(Errors.E085, key=key, kind=wanted, path=str(path))
    return value


def read_model_settings(project: str | Path | None) -> ModelSettings:
    """The ``[model]`` settings of the project folder ``project`` (defaults when it has no
    ``suggestions.toml`` or no ``[model]`` table); one line of :class:`ModelError` for a file
    that is not valid TOML or a value of the wrong type."""
    if project is None:
        return ModelSettings()
    source = Path(project) / SETTINGS_NAME
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ModelSettings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise ModelError(Errors.E084, detail=detail, path=str(source)) from None
    table = data.get("model", {})
    if not isinstance(table, dict):
        raise ModelError(Errors.E085, key="model", kind="a table", path=str(source))
    labels = table.get("labels", {})
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        raise ModelError(Errors.E085, key="labels", kind="a table of label names",
                         path=str(source))
    folder = table.get("path")
    if folder is not None:
        folder = Path(project) / Path(_string(table, "path", (), "", source)).expanduser()
    return ModelSettings(folder, dict(labels),
                         _string(table, "proclitics", PROCLITIC_RULES, "strip", source),
                         _string(table, "aggregation", AGGREGATIONS, "first", source))


def project_model(project: str | Path | None) -> Path | None:
    """The model folder the project's settings name, or None."""
    return read_model_settings(project).path


def model_kind(folder: str | Path) -> str:
    """:data:`TRANSFORMERS` or :data:`SPACY`, from the files in ``folder``; one line of
    :class:`ModelError` when it is neither."""
    source = Path(folder)
    if not source.is_dir():
        reason = "not a folder" if source.exists() else "no such folder"
        raise ModelError(Errors.E082, reason=reason, path=str(source))
    if (source / "config.cfg").is_file() and (source / "meta.json").is_file():
        return SPACY
    if (source / "config.json").is_file():
        return TRANSFORMERS
    raise ModelError(Errors.E082, reason="it has neither config.json (Hugging Face) nor "
                     "config.cfg and meta.json (spaCy)", path=str(source))


def model_recommender(model: str | Path | None, project: str | Path | None,
                      tagset: TagSet) -> Recommender:
    """The ``model`` recommender for the folder ``model`` (else the one the project's
    settings name), proposing labels of ``tagset``.  One line of :class:`ModelError` when
    no folder is named, the folder is not a model, its extra is not installed (E081) or it
    cannot be loaded."""
    settings = read_model_settings(project)
    folder = Path(model) if model is not None else settings.path
    if folder is None:
        raise ModelError(Errors.E077, name=NAME)
    kind = model_kind(folder)
    mapper = LabelMapper(tagset, settings.labels)
    strip = settings.proclitics == "strip"
    try:
        if kind == TRANSFORMERS:
            from annotator.suggest.hf_model import HfRecommender, load_hf_model
        else:
            from annotator.suggest.spacy_model import SpacyRecommender, load_spacy_model
    except ImportError as error:
        raise ModelError(Errors.E081, extra=kind, kind=KIND_NAMES[kind],
                         reason=str(error)) from None
    if kind == TRANSFORMERS:
        return HfRecommender(load_hf_model(folder), mapper, strip=strip,
                             aggregation=settings.aggregation)
    return SpacyRecommender(load_spacy_model(folder), mapper, strip=strip)
