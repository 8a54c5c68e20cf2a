"""The bundled TEI P5 ``tei_all`` RELAX NG schema, and validation of files against it."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from lxml import etree

SCHEMA_RESOURCE = "tei_all.rng.gz"


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=True)


@lru_cache(maxsize=2)
def tei_all(path: str | None = None) -> etree.RelaxNG:
    """The compiled schema (about 5 s the first time): the bundled copy, or ``path``."""
    if path is None:
        with resources.as_file(resources.files("annotator.resources") / SCHEMA_RESOURCE) as file:
            return etree.RelaxNG(etree.parse(str(file)))
    return etree.RelaxNG(etree.parse(path))


def schema_errors(file: str | Path, schema: etree.RelaxNG) -> list[str]:
    """Schema violations of ``file``, each as ``line N: message`` (empty when valid)."""
    tree = etree.parse(str(file), _safe_parser())
    if schema.validate(tree):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]
