"""RELAX NG schemas for the tool's TEI files, and validation of files against them.

Two schemas are bundled: ``profile``, the tool's own TEI profile (``resources/tei_profile.rng``,
docs/FORMAT.md: exactly what the writer writes; compiles in milliseconds), and ``tei_all``, the
TEI Consortium's TEI P5 4.12.0 schema (compiles in about 5 s).  A file valid against the
profile is valid against ``tei_all`` too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lxml import etree

from annotator.error_catalogue import Errors
from annotator.errors import FormatError

PROFILE = "profile"
TEI_ALL = "tei_all"
BUNDLED = {PROFILE: "tei_profile.rng", TEI_ALL: "tei_all.rng.gz"}
_LOCATION = re.compile(r", line \d+, column \d+$")


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=True)


@lru_cache(maxsize=4)
def load_schema(name: str) -> etree.RelaxNG:
    """The compiled schema ``name``: ``"profile"``, ``"tei_all"`` or the path of a RELAX NG file.

    Compiled once per process (pass the name positionally, so that calls share the cache).
    """
    if name in BUNDLED:
        resource = resources.files("annotator.resources") / BUNDLED[name]
        with resources.as_file(resource) as file:
            return etree.RelaxNG(etree.parse(str(file), _safe_parser()))
    try:
        return etree.RelaxNG(etree.parse(name, _safe_parser()))
    except etree.XMLSyntaxError as error:
        raise FormatError(Errors.E240, detail=error.msg, path=name, line=error.lineno) from None
    except etree.RelaxNGParseError as error:
        raise FormatError(Errors.E241, detail=str(error), path=name) from None
    except OSError:
        raise FormatError(Errors.E242, path=name) from None


def tei_all() -> etree.RelaxNG:
    """The bundled TEI P5 ``tei_all`` schema, compiled (about 5 s the first time)."""
    return load_schema(TEI_ALL)


def profile() -> etree.RelaxNG:
    """The bundled schema of the tool's own TEI profile, compiled."""
    return load_schema(PROFILE)


def schema_errors(file: str | Path, schema: etree.RelaxNG) -> list[str]:
    """Schema violations of ``file``, each as ``line N: message`` (empty when valid)."""
    try:
        tree = etree.parse(str(file), _safe_parser())
    except etree.XMLSyntaxError as error:  # well-formed, but e.g. an xml:id given twice
        return [f"line {error.lineno}: {_LOCATION.sub('', error.msg)}"]
    if schema.validate(tree):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]
