"""The bundled TEI P5 ``tei_all`` RELAX NG schema, and validation of files against it."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lxml import etree

from annotator.errors import FormatError

SCHEMA_RESOURCE = "tei_all.rng.gz"
_LOCATION = re.compile(r", line \d+, column \d+$")


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=True)


@lru_cache(maxsize=2)
def tei_all(path: str | None = None) -> etree.RelaxNG:
    """The compiled schema (about 5 s the first time): the bundled copy, or ``path``."""
    if path is None:
        with resources.as_file(resources.files("annotator.resources") / SCHEMA_RESOURCE) as file:
            return etree.RelaxNG(etree.parse(str(file)))
    try:
        return etree.RelaxNG(etree.parse(path))
    except etree.XMLSyntaxError as error:
        raise FormatError(f"the schema is not well-formed XML: {error.msg}", path=path,
                          line=error.lineno) from None
    except etree.RelaxNGParseError as error:
        raise FormatError(f"not a RELAX NG schema: {error}", path=path) from None
    except OSError:
        raise FormatError("cannot read the schema", path=path) from None


def schema_errors(file: str | Path, schema: etree.RelaxNG) -> list[str]:
    """Schema violations of ``file``, each as ``line N: message`` (empty when valid)."""
    try:
        tree = etree.parse(str(file), _safe_parser())
    except etree.XMLSyntaxError as error:  # well-formed, but e.g. an xml:id given twice
        return [f"line {error.lineno}: {_LOCATION.sub('', error.msg)}"]
    if schema.validate(tree):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]
