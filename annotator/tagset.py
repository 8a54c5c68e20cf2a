"""Tag sets: labels with kinds, names, colours, shortcuts, attributes and allowed links.

A tag set is a TOML file (see ``resources/default_tagset.toml``).  A project folder may hold
its own ``tagset.toml``.  Labels found in files but unknown to the tag set are kept and reported.
"""

from __future__ import annotations

import copy
import functools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from annotator.error_catalogue import Errors
from annotator.errors import AnnotationError, TagSetError
from annotator.layers import SUGGESTION, SUGGESTION_BOOKKEEPING
from annotator.model import Document
from annotator.xmlchars import ILLEGAL_XML_CHARS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PROJECT_TAGSET_NAME = "tagset.toml"
UNKNOWN_COLOR = "#9e9e9e"
# Attributes merging records on gold annotations (how many agreed, who): not the tag set's.
GOLD_BOOKKEEPING = frozenset({"agreement", "annotators"})
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class AttributeSpec:
    """An attribute a label may carry; ``values`` empty means free text.

    ``value_names`` gives allowed values a display name per language: ``(value, en, ar)``.
    """

    name: str
    values: tuple[str, ...] = ()
    default: str | None = None
    en: str = ""
    ar: str = ""
    value_names: tuple[tuple[str, str, str], ...] = ()

    def display_value(self, value: str, language: str = "en") -> str:
        """How ``value`` is shown in ``language`` (``ar`` or ``en``); itself when unnamed."""
        for known, en, ar in self.value_names:
            if known == value:
                return (ar if language == "ar" else en) or value
        return value


@dataclass(frozen=True)
class LinkSpec:
    """A link role (``speaker``) and the labels its target may have (empty: any)."""

    role: str
    targets: tuple[str, ...] = ()
    en: str = ""
    ar: str = ""


@dataclass(frozen=True)
class LabelSpec:
    """One label of a tag set."""

    name: str
    kind: str = "entity"
    en: str = ""
    ar: str = ""
    color: str = UNKNOWN_COLOR
    shortcut: str = ""
    attributes: tuple[AttributeSpec, ...] = ()
    links: tuple[LinkSpec, ...] = ()
    known: bool = True

    def display_name(self, language: str = "en") -> str:
        """The label's name in ``language`` (``ar`` or ``en``), falling back to its id."""
        return (self.ar if language == "ar" else self.en) or self.name

    def attribute(self, name: str) -> AttributeSpec | None:
        """The attribute spec called ``name``, if any."""
        return next((a for a in self.attributes if a.name == name), None)

    def link(self, role: str) -> LinkSpec | None:
        """The link spec for ``role``, if any."""
        return next((link for link in self.links if link.role == role), None)


@dataclass
class TagSet:
    """An ordered collection of labels."""

    name: str
    labels: dict[str, LabelSpec] = field(default_factory=dict)
    version: str = ""
    path: str | None = None

    def __contains__(self, label: object) -> bool:
        return label in self.labels

    def __iter__(self) -> Iterator[LabelSpec]:
        return iter(self.labels.values())

    def __len__(self) -> int:
        return len(self.labels)

    def get(self, label: str) -> LabelSpec:
        """The spec of ``label``; an unknown label gets a grey placeholder (``known=False``)."""
        spec = self.labels.get(label)
        if spec is None:
            spec = LabelSpec(name=label, kind="unknown", en=label, ar=label, known=False)
        return spec

    def kinds(self) -> list[str]:
        """Label kinds in order of first appearance."""
        return list(dict.fromkeys(spec.kind for spec in self.labels.values()))

    def with_labels(self, labels: list[str]) -> TagSet:
        """A copy that also holds placeholders for ``labels`` it does not know."""
        merged = dict(self.labels)
        for label in labels:
            if label not in merged:
                merged[label] = self.get(label)
        return TagSet(self.name, merged, self.version, self.path)

    def problems(self, document: Document) -> list[AnnotationError]:
        """Everything in ``document`` this tag set does not allow, one error each."""
        found: list[AnnotationError] = []
        unknown = sorted({a.label for a in document.annotations if a.label not in self.labels})
        if unknown:
            found.append(AnnotationError(Errors.E120, name=self.name, labels=", ".join(unknown)))
        annotations = document.annotations
        for ann in annotations:
            spec = self.labels.get(ann.label)
            if spec is None:
                continue
            for key, value in ann.attributes.items():
                if (ann.layer == "gold" and key in GOLD_BOOKKEEPING) or (
                        ann.layer == SUGGESTION and key in SUGGESTION_BOOKKEEPING):
                    continue
                attr = spec.attribute(key)
                if attr is None:
                    found.append(AnnotationError(Errors.E121, id=ann.id, label=ann.label, key=key))
                elif attr.values and value not in attr.values:
                    found.append(AnnotationError(Errors.E122, id=ann.id, key=key, value=value,
                                                 values=", ".join(attr.values)))
            for link in ann.links:
                if link.role == "source":
                    continue
                link_spec = spec.link(link.role)
                target = annotations.get(link.target)
                if link_spec is None:
                    found.append(AnnotationError(Errors.E123, id=ann.id, label=ann.label,
                                                 role=link.role))
                elif target is None:
                    found.append(AnnotationError(Errors.E124, id=ann.id, role=link.role,
                                                 target=link.target))
                elif link_spec.targets and target.label not in link_spec.targets:
                    found.append(AnnotationError(
                        Errors.E125, id=ann.id, role=link.role,
                        targets="/".join(link_spec.targets), label=target.label,
                        target=target.id))
        return found


def _str(table: dict[str, Any], key: str, path: str | None, label: object = None,
         default: str = "") -> str:
    """``table[key]`` (or ``default``), which must be a string; ``label`` names the label
    whose table it is (None: the top level)."""
    value = table.get(key, default)
    if not isinstance(value, str):
        if label is None:
            raise TagSetError(Errors.E100, key=key, path=path)
        raise TagSetError(Errors.E101, label=label, key=key, path=path)
    return value


def _strings(table: dict[str, Any], key: str, path: str | None, label: object) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TagSetError(Errors.E102, label=label, key=key, path=path)
    return tuple(value)


def _refuse_illegal_chars(value: object, key: str, path: str | None) -> None:
    """Raise :class:`TagSetError` naming the key (``labels[2].en``, lists counted from 1) of
    the first string in ``value``, key or value, that holds a character XML cannot carry:
    a TEI file declaring it could never be read back."""
    if isinstance(value, str):
        match = ILLEGAL_XML_CHARS.search(value)
        if match:
            raise TagSetError(Errors.E126, key=key, char=f"{ord(match.group()):04X}", path=path)
    elif isinstance(value, dict):
        for name, item in value.items():
            inner = f"{key}.{name}" if key else name
            if ILLEGAL_XML_CHARS.search(name):
                _refuse_illegal_chars(name, f"{key}.{name!r}" if key else repr(name), path)
            _refuse_illegal_chars(item, inner, path)
    elif isinstance(value, list):
        for number, item in enumerate(value, 1):
            _refuse_illegal_chars(item, f"{key}[{number}]", path)


def tagset_from_dict(data: dict[str, Any], path: str | None = None) -> TagSet:
    """Build a tag set from parsed TOML, checking every field."""
    _refuse_illegal_chars(data, "", path)
    labels: dict[str, LabelSpec] = {}
    raw_labels = data.get("labels")
    if not isinstance(raw_labels, list) or not raw_labels:
        raise TagSetError(Errors.E103, path=path)
    shortcuts: dict[str, str] = {}
    for number, raw in enumerate(raw_labels, 1):
        if not isinstance(raw, dict):
            raise TagSetError(Errors.E104, number=number, path=path)
        name = _str(raw, "name", path)
        here: object = name or number
        if not name or any(ch.isspace() for ch in name):
            raise TagSetError(Errors.E105, label=here, path=path)
        if name in labels:
            raise TagSetError(Errors.E106, label=here, path=path)
        color = _str(raw, "color", path, here, UNKNOWN_COLOR)
        if not _COLOR.match(color):
            raise TagSetError(Errors.E107, label=here, color=color, path=path)
        shortcut = _str(raw, "shortcut", path, here)
        if shortcut:
            if shortcut.upper() in shortcuts:
                raise TagSetError(Errors.E108, label=here, shortcut=shortcut,
                                  other=shortcuts[shortcut.upper()], path=path)
            shortcuts[shortcut.upper()] = name
        attributes = []
        for attr in raw.get("attributes", []):
            if not isinstance(attr, dict):
                raise TagSetError(Errors.E109, label=here, path=path)
            values = _strings(attr, "values", path, here)
            default = attr.get("default")
            if default is not None and (not isinstance(default, str)
                                        or (values and default not in values)):
                raise TagSetError(Errors.E110, label=here, default=default, path=path)
            names = attr.get("value_names", {})
            if not isinstance(names, dict):
                raise TagSetError(Errors.E111, label=here, path=path)
            value_names = []
            for value, shown in names.items():
                if values and value not in values:
                    raise TagSetError(Errors.E112, label=here, value=value, path=path)
                if not isinstance(shown, dict):
                    raise TagSetError(Errors.E113, label=here, value=value, path=path)
                value_names.append((value, _str(shown, "en", path, here),
                                    _str(shown, "ar", path, here)))
            attributes.append(AttributeSpec(_str(attr, "name", path, here), values, default,
                                            _str(attr, "en", path, here),
                                            _str(attr, "ar", path, here), tuple(value_names)))
        links = []
        for link in raw.get("links", []):
            if not isinstance(link, dict):
                raise TagSetError(Errors.E114, label=here, path=path)
            links.append(LinkSpec(_str(link, "role", path, here),
                                  _strings(link, "targets", path, here),
                                  _str(link, "en", path, here), _str(link, "ar", path, here)))
        labels[name] = LabelSpec(
            name=name, kind=_str(raw, "kind", path, here, "entity"),
            en=_str(raw, "en", path, here), ar=_str(raw, "ar", path, here), color=color.lower(),
            shortcut=shortcut, attributes=tuple(attributes), links=tuple(links))
    for spec in labels.values():
        for link in spec.links:
            missing = [t for t in link.targets if t not in labels]
            if missing:
                raise TagSetError(Errors.E115, label=spec.name, role=link.role,
                                  missing=", ".join(missing), path=path)
    return TagSet(_str(data, "name", path, None, "tagset"), labels, str(data.get("version", "")),
                  path)


def load_tagset(path: str | Path) -> TagSet:
    """Read a tag-set TOML file."""
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise TagSetError(Errors.E116, reason=error.strerror, path=str(path)) from None
    except tomllib.TOMLDecodeError as error:
        raise TagSetError(Errors.E117, detail=str(error), path=str(path)) from None
    return tagset_from_dict(data, str(path))


@functools.cache
def _default_tagset_data() -> dict[str, Any]:
    source = resources.files("annotator.resources").joinpath("default_tagset.toml")
    return tomllib.loads(source.read_text(encoding="utf-8"))


def default_tagset() -> TagSet:
    """The bundled news tag set (PER, ORG, LOC, GPE, MISC, QUOTE, CLAIM); a fresh copy each
    time (the file is parsed once: every save of a corpus asks for it)."""
    return tagset_from_dict(copy.deepcopy(_default_tagset_data()), "default_tagset.toml")


def project_tagset_path(folder: str | Path | None) -> Path | None:
    """The ``tagset.toml`` of the project folder ``folder``, if it has one."""
    if folder is None:
        return None
    candidate = Path(folder) / PROJECT_TAGSET_NAME
    return candidate if candidate.is_file() else None


def tagset_for(folder: str | Path | None) -> TagSet:
    """The project's tag set when ``folder`` holds a ``tagset.toml``, else the default."""
    if folder is not None:
        candidate = Path(folder) / PROJECT_TAGSET_NAME
        if candidate.is_file():
            return load_tagset(candidate)
    return default_tagset()
