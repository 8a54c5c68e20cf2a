"""Document ids from file names: letters, digits, '.', '-' and '_' only."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# Endings dropped from a file name before it becomes an id, longest first.
_KNOWN_ENDINGS = (".tei.xml", ".xml", ".jsonl", ".ndjson", ".json", ".conll", ".bio", ".iob",
                  ".ann", ".txt", ".text")
_UNSAFE = re.compile(r"[^\w.\-]+")
_UNSAFE_ENDS = re.compile(r"^[^\w.\-]+|[^\w.\-]+$")
FALLBACK_ID = "doc"


def safe_id(value: str) -> str:
    """``value`` with combining marks (tashkeel) dropped, other characters than letters,
    digits, '.', '-', '_' dropped at the ends and turned into one '_' per run inside, and no
    leading dots (never empty).  An id that is already safe comes back unchanged."""
    bare = "".join(ch for ch in value if not unicodedata.combining(ch))
    bare = _UNSAFE_ENDS.sub("", bare)
    cleaned = _UNSAFE.sub("_", bare).lstrip(".")
    return cleaned or FALLBACK_ID


def doc_id_from_path(path: str | Path) -> str:
    """The document id for a file: its name without a known ending, made safe.

    ``000_2ce8f3876ecb932f.txt`` gives ``000_2ce8f3876ecb932f``; ``article 7 (copy).txt``
    gives ``article_7_copy``.
    """
    name = Path(path).name
    lowered = name.lower()
    for ending in _KNOWN_ENDINGS:
        if lowered.endswith(ending) and len(name) > len(ending):
            name = name[:-len(ending)]
            break
    return safe_id(name)
