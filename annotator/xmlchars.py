"""Characters XML 1.0 cannot carry: find them (with line and column) or replace them on request."""

from __future__ import annotations

import re
from collections.abc import Iterable

from annotator.error_catalogue import Errors
from annotator.errors import EncodingError

# Not allowed by XML 1.0's Char production: C0 controls but TAB, LF, CR; U+FFFE, U+FFFF;
# lone surrogates (which only reach Python strings through 'surrogateescape' or 'surrogatepass').
ILLEGAL_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"

# Characters of XML names that both editions of XML 1.0's name rules allow: the 4th
# edition's tables, which expat follows, and the 5th's, which libxml2 (lxml) follows.  Taken
# for the scripts of this tool's files (ASCII, Latin-1 letters, Arabic); a name built from
# other characters gets "_" in their place.  As regular-expression class contents.
NAME_START_CHARS = ("A-Za-z_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
                    "\u0621-\u063a\u0641-\u064a\u0671-\u06b7\u06ba-\u06be\u06c0-\u06ce"
                    "\u06d0-\u06d3\u06d5\u06e5\u06e6")
NAME_CHARS = (NAME_START_CHARS + "0-9.\\-\u00b7\u0640\u064b-\u0652\u0660-\u0669\u0670"
              "\u06d6-\u06e4\u06e7\u06e8\u06ea-\u06ed\u06f0-\u06f9")


def find_illegal(text: str) -> tuple[int, str] | None:
    """Offset and character of the first character XML 1.0 cannot carry, or None."""
    match = ILLEGAL_XML_CHARS.search(text)
    return (match.start(), match.group()) if match else None


def first_illegal_field(fields: Iterable[tuple[str, str]]) -> tuple[str, str] | None:
    """``(name, code)`` of the first ``(name, value)`` whose value holds a character XML 1.0
    cannot carry, the code as in ``U+FFFE`` (``"FFFE"``); None when all can go into XML."""
    for name, value in fields:
        match = ILLEGAL_XML_CHARS.search(value)
        if match:
            return name, f"{ord(match.group()):04X}"
    return None


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``offset``; CR LF, CR and LF end lines."""
    before = text[:offset]
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    lines = len(re.findall(r"\r\n|\r|\n", before)) + 1
    return lines, offset - line_start + 1


def check_xml_text(text: str, path: str | None = None, what: str = "text") -> None:
    """Raise :class:`EncodingError` naming line and column if ``text`` cannot go into XML."""
    found = find_illegal(text)
    if found is None:
        return
    offset, char = found
    line, column = line_and_column(text, offset)
    count = len(ILLEGAL_XML_CHARS.findall(text))
    if count > 1:
        raise EncodingError(Errors.E141, what=what, char=f"{ord(char):04X}", count=count,
                            path=path, line=line, column=column)
    raise EncodingError(Errors.E140, what=what, char=f"{ord(char):04X}", path=path, line=line,
                        column=column)


def replace_illegal(text: str) -> tuple[str, int]:
    """``text`` with every character XML cannot carry replaced by U+FFFD, and how many."""
    return ILLEGAL_XML_CHARS.subn(REPLACEMENT, text)
