"""Label renaming (``--map PERS=PER,ORGANIZATION=ORG``) on import and export, so that corpora
with other label names join one tag set.  Labels not named are kept; offsets, ids, links and
attributes never change."""

from __future__ import annotations

import re
from dataclasses import replace

from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError
from annotator.model import Document

_LABEL = re.compile(r"^[^\s=,]+$")


class MapError(AnnotatorError):
    """A ``--map`` value that is not ``OLD=NEW,...``."""


def parse_map(value: str) -> dict[str, str]:
    """``PERS=PER,ORGANIZATION=ORG`` as ``{"PERS": "PER", "ORGANIZATION": "ORG"}``."""
    mapping: dict[str, str] = {}
    for item in value.split(","):
        old, sep, new = (part.strip() for part in item.partition("="))
        if not sep or not _LABEL.match(old) or not _LABEL.match(new) or old in mapping:
            raise MapError(Errors.E638, item=item.strip())
        mapping[old] = new
    return mapping


def rename_labels(document: Document, mapping: dict[str, str]) -> Document:
    """``document`` with each label named in ``mapping`` renamed (itself when none is)."""
    if not mapping or not any(a.label in mapping for a in document.annotations):
        return document
    renamed = Document(document.id, document.text, title=document.title,
                       source=document.source, language=document.language,
                       direction=document.direction, status=dict(document.status))
    renamed.annotations.extend(
        replace(a, label=mapping[a.label]) if a.label in mapping else a
        for a in document.annotations)
    return renamed
