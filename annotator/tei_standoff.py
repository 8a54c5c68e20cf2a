"""The ``<standOff>`` of files this tool wrote: a fast reader, and what the writer may reuse.

A big file is mostly its standOff: 100,000 ``<annotation>`` elements in the one shape the
writer produces.  Calling Python from expat for each of its 180,000 elements costs more than
the parse itself, so the reader stops expat at ``<standOff>`` and hands the rest to
:func:`read_standoff`.  It matches the writer's exact syntax with regular expressions and
checks what expat would have checked there: each match starts where the last one ended, every
"<" and "&" of the section belongs to the markup and references it read, references and
characters are ones XML allows.  Anything else — a comment, another attribute order, a
prefix, a CDATA section, a character XML forbids — makes it return None, and the reader
parses the whole file again with its expat handlers, which read it or report what is wrong.
The result is the same either way; only the speed differs.

The section's text is kept (:class:`StandoffSource`) so that a later save copies every run
of annotations that are still the very objects read, instead of rendering each one again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from annotator.model import Annotation, Link, checked_annotation

_SPACE = "[ \t\n\r]*"
_VALUE = '[^"<&\\s\x00-\x1f]+'  # a one-word attribute value with no character references
_LIST = re.compile(f'{_SPACE}<listAnnotation type="({_VALUE})" resp="#({_VALUE})">{_SPACE}')
_LIST_END = "</listAnnotation>"
_STANDOFF_END = re.compile(f"{_SPACE}</standOff>{_SPACE}</TEI>{_SPACE}\\Z")


def _pointer(group: str) -> str:
    """A ``<ptr>`` in the writer's shape; ``group`` opens each value's group, "(" or "(?:"."""
    return f'<ptr type="{group}{_VALUE})" target="{group}[^"<&\\t\\n\\r\x00-\x1f]*)"/>'


def _feature(group: str) -> str:
    """An ``<f>`` holding a ``<string>`` in the writer's shape (groups as for _pointer)."""
    return (f'<f name="{group}[^"<&\\s]*)"(?: n="{group}[^"<\\t\\n\\r]*)")?><string>'
            f"{group}[^<\\r]*)</string></f>")


# One annotation and the whitespace after it, in five groups: id, the string-range's
# arguments, category id, change (time ids), and the rest of the element ("/>", or its body
# and end tag).  A list is read with a scanner, each match starting where the last one ended,
# so that nothing else can hide between them.
_ANNOTATION = re.compile(
    '<annotation xml:id="([^"\\s\x00-\x1f]+)" target="#string-range\\(([^,"]+,\\d+,\\d+)\\)" '
    'ana="#([^"]+)"(?: change="([^"]+)")?(/>|>.*?</annotation>)[ \t\n\r]*', re.S)
_GROUPS = re.Match.groups
_END_TAG = "</annotation>"
_BODY = re.compile(f'((?:{_pointer("(?:")})*)(?:<note type="attributes"><fs>'
                   f'((?:{_feature("(?:")})*)</fs></note>)?'
                   '(?:<note type="comment">([^<\\r]*)</note>)?\\Z')
_PTR = re.compile(_pointer("("))
_FEATURE = re.compile(_feature("("))
# What character data may not hold: characters XML does not allow, and "]]>".
_NOT_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|]]>")
_REFERENCE = re.compile(r"&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _character(match: re.Match[str]) -> str:
    if match[3]:
        return _NAMED[match[3]]
    code = int(match[1]) if match[1] else int(match[2], 16)
    if not (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF):
        raise ValueError(f"&#{code}; is not a character XML allows")
    return chr(code)


def unescape(value: str) -> str:
    """Replace XML's predefined and character references; ValueError for any other "&"."""
    if "&" not in value:
        return value
    result, replaced = _REFERENCE.subn(_character, value)
    if replaced != value.count("&"):
        raise ValueError(f"{value!r} holds an '&' that starts no reference")
    return result


class ListText(NamedTuple):
    """Where one listAnnotation's annotations are: ``annotations[first:stop]`` of the source,
    written as ``text[start:end]`` (the first one at ``start``)."""

    first: int
    stop: int
    text: str
    start: int
    end: int


@dataclass
class StandoffSource:
    """The text of a standOff and the annotations it holds, for copying them into a new file.

    It comes from a file just read, or from the last save.  ``annotations`` are in the
    section's order; ``lists`` maps each listAnnotation's ``(layer, annotator)`` to its
    :class:`ListText`.  ``categories``, ``anchors`` and ``times`` are the ids the text uses:
    the writer checks they are the ones it would write before it copies anything.  A source
    read from a file also keeps that file's text and ``<text>`` element.
    """

    annotations: list[Annotation]
    lists: dict[tuple[str, str], ListText]
    categories: dict[str, str]
    anchors: dict[str, int]
    times: dict[str, str]
    # From a file: the text read, and the UTF-8 of its <text> element (the writer may reuse it)
    text: str | None = None
    body: bytes | None = None
    positions: dict[str, int] | None = None  # annotation id -> index, made when first needed
    found: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)  # see _offset
    # the writer's verdicts, kept between saves: the text its anchors were checked against,
    # whether they matched, and whether every time id is the one the writer derives
    anchors_checked_for: str | None = None
    anchors_match: bool = False
    times_match: bool | None = None

    def position(self, annotation: Annotation) -> int:
        """The index of ``annotation`` (this very object) in :attr:`annotations`, or -1."""
        if self.positions is None:
            self.positions = {a.id: k for k, a in enumerate(self.annotations)}
        k = self.positions.get(annotation.id, -1)
        return k if k >= 0 and self.annotations[k] is annotation else -1

    def run(self, first: int, stop: int, key: tuple[str, str]) -> str:
        """The text of annotations ``first`` to ``stop - 1``, all of list ``key``."""
        where = self.lists[key]
        if first == where.first and stop == where.stop:
            return where.text[where.start:where.end].rstrip(" \t\n\r")
        start = self._offset(key, first)
        end = self._offset(key, stop) if stop < where.stop else where.end
        return where.text[start:end].rstrip(" \t\n\r")

    def _offset(self, key: tuple[str, str], index: int) -> int:
        """Where annotation ``index`` of list ``key`` begins in its text: found by its id,
        searching on from the last one found when the runs come in order (they do)."""
        where = self.lists[key]
        known, at = self.found.get(key, (where.first, where.start))
        if index < known:
            at = where.start
        at = where.text.find(f'<annotation xml:id="{self.annotations[index].id}"', at, where.end)
        if at < 0:
            raise AssertionError(f"annotation {self.annotations[index].id} is not in its text")
        self.found[key] = (index, at)
        return at


def read_standoff(data: bytes, start: int, anchors: dict[str, int], labels: dict[str, str],
                  times: dict[str, str], people: dict[str, str], text_length: int,
                  ) -> tuple[list[Annotation], list[Annotation], StandoffSource] | None:
    """The annotations of the UTF-8 file ``data`` from its ``<standOff>`` at byte ``start``
    (a child of the root; expat has checked everything before it), the ones with links, and
    the source record.  None when the section is not in the writer's own shape, not
    well-formed, or holds anything that needs a problem report: the expat handlers then read
    the whole file and say what."""
    try:
        region = data[start:].decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not region.startswith("<standOff>") or (
            not region.isascii() and ("\ufffe" in region or "\uffff" in region)):
        return None  # (the other characters XML forbids are kept out by the patterns)
    found = _read_lists(region, anchors, labels, times, people, text_length)
    if found is None:
        return None
    annotations, linking, lists, markup, references = found
    # Every "<" and "&" must be one the patterns read: none may hide in an attribute value.
    if region.count("<") != markup or region.count("&") != references:
        return None
    categories = {label: category for category, label in labels.items()}
    if len(categories) != len(labels):
        categories = {}  # one label under two ids: never copy, always render
    return annotations, linking, StandoffSource(annotations, lists, categories, anchors, times)


def _read_lists(region: str, anchors: dict[str, int], labels: dict[str, str],
                times: dict[str, str], people: dict[str, str], text_length: int,
                ) -> tuple[list[Annotation], list[Annotation],
                           dict[tuple[str, str], ListText], int, int] | None:
    """The listAnnotations of ``region``: annotations, those with links, where each list is,
    and how many "<" and "&" the patterns accounted for."""
    annotations: list[Annotation] = []
    linking: list[Annotation] = []
    lists: dict[tuple[str, str], ListText] = {}
    markup, references = 3, 0  # <standOff>, </standOff>, </TEI>
    pos = len("<standOff>")
    while True:
        head = _LIST.match(region, pos)
        if head is None:
            break
        kind, resp = head.groups()
        resp = resp.lstrip("#")  # as the expat handlers read it
        key = ("" if kind == "annotator" else kind), people.get(resp, resp)
        content_start = head.end()
        try:
            found = _read_list(region, content_start, key, anchors, labels, times, text_length,
                               linking)
        except KeyError:  # an anchor, category or time that the file does not define
            return None
        if found is None or key in lists:
            return None
        members, content_end, list_markup, list_references = found
        markup += list_markup + 2
        references += list_references
        lists[key] = ListText(len(annotations), len(annotations) + len(members), region,
                              content_start, content_end)
        annotations += members
        pos = content_end + len(_LIST_END)
    if _STANDOFF_END.match(region, pos) is None:
        return None
    return annotations, linking, lists, markup, references


def _read_list(region: str, start: int, key: tuple[str, str], anchors: dict[str, int],
               labels: dict[str, str], times: dict[str, str], text_length: int,
               linking: list[Annotation]) -> tuple[list[Annotation], int, int, int] | None:
    """The annotations of the listAnnotation whose content begins at ``start``, where its
    content ends, and how many "<" and "&" they hold; None if anything in it is unusual."""
    matches = list(iter(_ANNOTATION.scanner(region, start).match, None))
    end = matches[-1].end() if matches else start
    if not region.startswith(_LIST_END, end):
        return None
    layer, annotator = key
    found: list[Annotation] = []
    append, make = found.append, checked_annotation
    changes: dict[str | None, tuple[str, str]] = {None: ("", "")}
    markup, references = len(matches), 0
    bodies = _Bodies(linking)
    for ident, target, category, change, rest in map(_GROUPS, matches):
        anchor, offset, length = target.split(",")
        begin = anchors[anchor] + int(offset)
        stop = begin + int(length)
        if not begin < stop <= text_length:
            return None
        when = changes.get(change)
        if when is None:
            first, _, second = change.partition(" ")
            if first[:1] != "#" or second[:1] not in ("", "#") or " " in second:
                return None
            created = times[first[1:]]
            when = changes[change] = (created, times[second[1:]] if second else created)
            if not when[0] or not when[1]:
                return None
        annotation = make(ident, begin, stop, labels[category], annotator, when[0], when[1],
                          layer)
        append(annotation)
        if len(rest) > 2:
            if not bodies.read(rest[1:-len(_END_TAG)], annotation):
                return None
            markup += rest.count("<")
            references += rest.count("&")
    return found, end, markup, references


class _Bodies:
    """Reads the links, attributes and note of annotations that have them, remembering each
    attribute set already read (most quotes share one)."""

    def __init__(self, linking: list[Annotation]) -> None:
        self.linking = linking
        self.features: dict[str, dict[str, str]] = {}

    def read(self, body: str, annotation: Annotation) -> bool:
        """Fill in ``annotation`` from its ``body``; False if not in the writer's shape."""
        match = _BODY.match(body)
        if match is None:
            return False
        pointers, features, note = match.groups()
        try:
            if pointers:
                links = tuple(Link(role, target.lstrip("#"))
                              for role, targets in _PTR.findall(pointers)
                              for target in targets.split())
                if links:
                    object.__setattr__(annotation, "links", links)
                    self.linking.append(annotation)
            if features:
                attributes = self.features.get(features)
                if attributes is None:
                    attributes = self.features[features] = _attributes(features)
                object.__setattr__(annotation, "attributes", dict(attributes))
            if note:
                if _NOT_IN_TEXT.search(note):
                    return False
                object.__setattr__(annotation, "note", unescape(note))
        except ValueError:
            return False
        return True


def _attributes(features: str) -> dict[str, str]:
    """The attributes of a feature structure's ``<f>`` elements (ValueError if unreadable)."""
    if _NOT_IN_TEXT.search(features):
        raise ValueError("characters XML does not allow")
    attributes = {}
    for name, key, value in _FEATURE.findall(features):
        key = unescape(key) or name
        if key:
            attributes[key] = unescape(value)
    return attributes
