"""Ids: documents' from file names (letters, digits, '.', '-' and '_' only), and those of
the pieces an annotation is split into."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from annotator.error_catalogue import Errors
from annotator.errors import FormatError

# Endings dropped from a file name before it becomes an id, longest first.
_KNOWN_ENDINGS = (".tei.xml", ".xml", ".jsonl", ".ndjson", ".json", ".conll", ".bio", ".iob",
                  ".ann", ".txt", ".text")
_UNSAFE = re.compile(r"[^\w.\-]+")
_UNSAFE_ENDS = re.compile(r"^[^\w.\-]+|[^\w.\-]+$")
FALLBACK_ID = "doc"
# The longest document id, in UTF-8 bytes: ids become file names (<id>.tei.xml, and the
# hidden .<id>.tei.xml.XXXXXXXX.tmp of an atomic save), which most file systems cut at 255.
MAX_ID_BYTES = 200


def safe_id(value: str) -> str:
    """``value`` with combining marks (tashkeel) dropped, other characters than letters,
    digits, '.', '-', '_' dropped at the ends and turned into one '_' per run inside, and no
    leading dots (never empty).  An id that is already safe comes back unchanged."""
    bare = "".join(ch for ch in value if not unicodedata.combining(ch))
    bare = _UNSAFE_ENDS.sub("", bare)
    cleaned = _UNSAFE.sub("_", bare).lstrip(".")
    return cleaned or FALLBACK_ID


def id_fit_for_a_file_name(doc_id: str) -> str:
    """``doc_id`` when it is at most :data:`MAX_ID_BYTES` long in UTF-8, else
    :class:`FormatError` (without a location) saying how long it is."""
    length = len(doc_id.encode("utf-8", "surrogatepass"))
    if length > MAX_ID_BYTES:
        raise FormatError(Errors.E344, start=doc_id[:20], length=length, limit=MAX_ID_BYTES)
    return doc_id


def fragment_ids(base: str, count: int, taken: set[str], separator: str) -> list[str]:
    """Ids for the ``count`` pieces of something called ``base``: ``base`` itself, then
    ``base<separator>2`` and so on, each lengthened with "_" until it is not in ``taken``
    (which records the new ones)."""
    ids = [base]
    for number in range(2, count + 1):
        candidate = f"{base}{separator}{number}"
        while candidate in taken:
            candidate += "_"
        taken.add(candidate)
        ids.append(candidate)
    return ids


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
