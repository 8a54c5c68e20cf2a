"""Plain-text import: exact text from UTF-8, UTF-16 or the legacy Arabic code pages.

The text is kept exactly as decoded (line ends, tabs, runs of spaces, bidi controls, ZWJ/ZWNJ,
tatweel, tashkeel); only a leading byte-order mark, which is the encoding's signature, is
dropped.  Paragraphs come later from the line structure (the TEI writer does that).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from annotator.docid import doc_id_from_path
from annotator.error_catalogue import Errors
from annotator.errors import EncodingError, FormatError
from annotator.formats import ImportOptions, Problems, read_source
from annotator.model import Document
from annotator.xmlchars import check_xml_text, line_and_column, replace_illegal

# Legacy encodings tried when the bytes are not UTF-8 (charset-normalizer breaks ties).
LEGACY_ARABIC = ("cp1256", "iso8859_6")
_LINE_END = re.compile(r"\r\n|\r|\n")
# A Latin-1 letter touching an Arabic letter: the mark of ISO-8859-6 read as Windows-1256
# (their Arabic letters sit on partly different bytes; the gaps hold à, â, ç, è ... in 1256).
_MIXED_SCRIPT = re.compile("[\u00c0-\u00ff][\u0621-\u064a]|[\u0621-\u064a][\u00c0-\u00ff]")


def check_encoding_name(name: str) -> str:
    """The canonical codec name for ``name``; :class:`FormatError` if Python has no such codec."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise FormatError(Errors.E144, name=name) from None


# Code points expected in Arabic or English news text: ASCII and Latin-1, Arabic blocks,
# general punctuation (bidi marks, quotes), Arabic presentation forms.
_PLAUSIBLE = re.compile("[\t\n\r\x20-\x7e\u00a0-\u00ff\u0600-\u06ff\u0750-\u077f"
                        "\u08a0-\u08ff\u2000-\u206f\ufb50-\ufdff\ufe70-\ufeff]")


def _nul_pattern(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when NUL bytes sit (almost) only at odd/even offsets and
    the result reads as text (mostly ASCII, Latin-1, Arabic and punctuation)."""
    if len(data) < 2 or len(data) % 2 or b"\x00" not in data:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    if odd and even <= odd // 10:
        candidate = "utf-16-le"
    elif even and odd <= even // 10:
        candidate = "utf-16-be"
    else:
        return None
    try:
        sample = data[:65536].decode(candidate, errors="replace")
    except UnicodeDecodeError:  # pragma: no cover - errors="replace" does not raise
        return None
    plausible = len(_PLAUSIBLE.findall(sample))
    return candidate if plausible >= 0.9 * len(sample) else None


def _legacy_encoding(data: bytes, path: str) -> str:
    """Windows-1256 or ISO-8859-6, whichever reads ``data`` as Arabic."""
    decoded: dict[str, str] = {}
    for encoding in LEGACY_ARABIC:
        try:
            decoded[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if not decoded:
        raise EncodingError(Errors.E145, path=path)
    if len(decoded) == 1:
        return next(iter(decoded))
    mess = {enc: len(_MIXED_SCRIPT.findall(text)) for enc, text in decoded.items()}
    if mess["cp1256"] != mess["iso8859_6"]:
        return min(mess, key=mess.__getitem__)
    import charset_normalizer  # only needed for the rare tie

    best = charset_normalizer.from_bytes(data, cp_isolation=list(LEGACY_ARABIC)).best()
    if best is not None and best.encoding in decoded:
        return best.encoding
    return "cp1256"


def detect_encoding(data: bytes, path: str = "") -> str:
    """The encoding of ``data``: by byte-order mark, NUL pattern, UTF-8 validity, then the
    legacy Arabic code pages.  ``utf-8-sig``/``utf-16``/``utf-32`` mean "with a BOM"."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    by_nuls = _nul_pattern(data)
    if by_nuls:
        return by_nuls
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    if b"\x00" in data:
        raise EncodingError(Errors.E146, path=path)
    return _legacy_encoding(data, path)


def _strip_bom(data: bytes, codec: str) -> tuple[bytes, str]:
    """Drop exactly one leading BOM that matches ``codec``; say which codec reads the rest."""
    boms = {
        "utf-8": [(codecs.BOM_UTF8, "utf-8")],
        "utf-8-sig": [(codecs.BOM_UTF8, "utf-8")],
        "utf-16": [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
        "utf-16-le": [(codecs.BOM_UTF16_LE, "utf-16-le")],
        "utf-16-be": [(codecs.BOM_UTF16_BE, "utf-16-be")],
        "utf-32": [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")],
        "utf-32-le": [(codecs.BOM_UTF32_LE, "utf-32-le")],
        "utf-32-be": [(codecs.BOM_UTF32_BE, "utf-32-be")],
    }
    for bom, reader in boms.get(codec, []):
        if data.startswith(bom):
            return data[len(bom):], reader
    fallback = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}
    return data, fallback.get(codec, codec)


def bytes_to_text(data: bytes, encoding: str | None = None, path: str = "") -> tuple[str, str]:
    """Decode a file's bytes exactly; returns the text and the encoding used.

    ``encoding`` None detects it.  Bytes that do not decode raise :class:`EncodingError` naming
    the line and column where decoding stopped.
    """
    codec = check_encoding_name(encoding) if encoding else detect_encoding(data, path)
    body, reader = _strip_bom(data, codec)
    try:
        return body.decode(reader), codec
    except UnicodeDecodeError as error:
        good = body[:error.start].decode(reader, errors="replace")
        line, column = line_and_column(good, len(good))
        bad = body[error.start:error.end][:4].hex(" ")
        raise EncodingError(Errors.E147, bytes=bad, encoding=codec, path=path, line=line,
                            column=column) from None


def text_direction(text: str) -> str:
    """``rtl`` when the first strong bidi character is right-to-left, else ``ltr``."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def first_line_title(text: str) -> str:
    """The first line holding more than white space, stripped (metadata only)."""
    for line in _LINE_END.split(text):
        if line.strip():
            return line.strip()
    return ""


def xml_safe(text: str, options: ImportOptions, problems: Problems, path: str,
             what: str = "text") -> str:
    """``text`` if XML can carry it; with ``--replace-invalid`` the text with such characters
    replaced by U+FFFD (one for one, so offsets hold) and a warning saying how many; else
    :class:`EncodingError` naming line and column."""
    if not options.replace_invalid:
        check_xml_text(text, path, what)
        return text
    replaced, count = replace_illegal(text)
    if count == 1:
        problems.warn(EncodingError(Errors.E148, what=what, path=path))
    elif count:
        problems.warn(EncodingError(Errors.E149, count=count, what=what, path=path))
    return replaced


def text_to_document(text: str, doc_id: str, source: str = "") -> Document:
    """A document holding ``text`` exactly, with title, direction and language guessed."""
    direction = text_direction(text)
    return Document(id=doc_id, text=text, title=first_line_title(text), source=source,
                    language="ar" if direction == "rtl" else "und", direction=direction)


def read_txt(path: Path, options: ImportOptions, problems: Problems) -> Iterator[Document]:
    """Registry reader: one document from one plain-text file."""
    data = read_source(path, problems)
    if data is None:
        return
    try:
        text, _ = bytes_to_text(data, options.encoding, str(path))
        text = xml_safe(text, options, problems, str(path))
    except EncodingError as error:
        problems.error(error)
        return
    yield text_to_document(text, doc_id_from_path(path), Path(path).name)
