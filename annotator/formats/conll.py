"""CoNLL / BIO (IOB2) token files: one ``TOKEN TAG`` a line, both directions.

File layout
    One token and its tag a line, separated by whitespace (spaces or tabs; a run counts as
    one separator).  A blank line ends a sentence; a line whose first field is ``-DOCSTART-``
    ends a document.  Tags are ``O``, ``B-LABEL`` or ``I-LABEL`` (IOB2); labels are kept
    exactly as written (``PERS`` stays ``PERS``; labels unknown to the tag set are reported by
    the tag-set check, not here).  UTF-8 (or ``ImportOptions.encoding``); a BOM is skipped.
    Label Studio's CONLL2003 lines ``TOKEN -X- _ TAG`` are read as ``TOKEN TAG``.

Import (:func:`conll_to_documents`, :func:`read_conll`)
    The text is rebuilt from the tokens: tokens joined by one space within a sentence,
    sentences joined by ``"\\n"``, nothing before or after.  Each ``B-``/``I-`` run becomes one
    annotation over its tokens.  A file without ``-DOCSTART-`` is one document named after the
    file (the full ANERcorp, 150,000 tokens with no blank line, is one document of one line);
    with ``-DOCSTART-`` lines the documents are ``<stem>-<n>``.  ``Document.source`` is
    ``conll:<file name>``: it tells the CoNLL writer (tokenizer ``auto``) that the text is
    space-joined tokens, to be split on whitespace only so that export gives back the same
    tokens.

    An ``I-X`` that does not continue an ``X`` entity (after ``O``, another type or a sentence
    break) is read as the start of an entity, as conlleval does, with a warning naming its
    line; export then writes ``B-X`` there.

    Malformed lines are errors naming file and line, and are skipped (the rest is read):
    a tag that is not IOB2 (``OO``, ``IO``, ``I--ORG``, ``B-``), an empty token (a line such
    as ``" O"``), a line with one field (no tag) or with three or more fields.  With
    ``ImportOptions.repair`` each is fixed where it can be, with a warning saying what was done:

    - ``OO``/``0``/``o`` → ``O``; ``IO``/``BO`` → ``O``; ``I--ORG``, ``I_ORG``, ``i-ORG`` →
      ``I-ORG``; IOBES ``E-X``/``S-X`` → ``I-X``/``B-X``; any other bad tag → ``O``;
    - an empty token → the line is dropped (an entity it began is begun by the next ``I-``);
    - a tag glued to the next token in a middle field (``. Oالإصابة O``, a lost line break)
      → the line is split in two lines at the tag;
    - more than one token before the tag (``الصالحية ونايفة O``, a token with a space inside)
      → one token per field, all with that tag (``B-X`` followed by ``I-X`` for an entity);
    - one field that is not a tag → the token with tag ``O``.

    So the full ANERcorp's quirks (191 lines ``" O"``, and lines 123413 and 125306 with three
    fields) are 193 errors without ``repair``, and 193 remarks with it.  A line holding a
    character XML cannot carry is an error (skipped), or with ``replace_invalid`` has it
    replaced by U+FFFD.  Warnings about stray ``I-`` tags come after the line errors.

    ``ImportOptions.split_proclitics`` does not apply: the file's tokens are the tokens.

Export (:func:`documents_to_conll`, :func:`write_conll`)
    Each document's text is tokenised (:mod:`annotator.tokenize`; ``ExportOptions.tokenizer``:
    ``auto`` is ``whitespace`` for documents imported from CoNLL and ``punct`` otherwise) and
    its tokens tagged from its spans.  Sentences are those of :mod:`annotator.sentences`
    (``ExportOptions.sentences``: ``auto`` keeps a CoNLL file's own sentences and cuts other
    text at line breaks and full stops), never inside an entity.  Between documents goes
    ``-DOCSTART- -X- O O`` between blank lines (``ExportOptions.docstart`` ``conll2003``: the
    form spaCy's conll-ner converter and CoNLL-2003 loaders take as a document break, not as a
    token), or only a blank line (``none``).  An entity read from a stray ``I-`` keeps the
    attribute ``source-tag="I"``; ``ExportOptions.source_tags`` writes ``I-`` there again (the
    official file's own tags), else ``B-``.  BIO cannot hold every span, so these are left
    out and reported in ``ExportOptions.problems``: spans that do not start and end on token
    boundaries (never moved; ``split_proclitics`` makes a token boundary where a span starts
    after a proclitic),
    spans nested in or overlapping a span already tagged (the outermost, then earliest, wins),
    and, unless ``ExportOptions.labels`` names them, labels whose kind is ``quote`` or
    ``claim`` (they would swallow the entities).
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import accumulate, compress, count, pairwise, repeat
from pathlib import Path
from typing import NamedTuple

from annotator.atomic import atomic_writer
from annotator.docid import safe_id
from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, EncodingError, FormatError
from annotator.formats import Dropped, ExportOptions, ImportOptions, Problems, read_source
from annotator.layers import has_other_layers, select_layer
from annotator.model import Annotation, Document, checked_annotation, now_iso
from annotator.sentences import sentence_breaks, sentence_mode
from annotator.tagset import TagSet, default_tagset
from annotator.tokenize import tokenize_columns
from annotator.xmlchars import ILLEGAL_XML_CHARS, REPLACEMENT

DOCSTART = "-DOCSTART-"
# The part-of-speech and chunk columns of Label Studio's CONLL2003 export: TOKEN -X- _ TAG.
LABEL_STUDIO_COLUMNS = ["-X-", "_"]
DOCSTART_FORMS = ("conll2003", "none")
# The attribute an entity read from an I- tag that continued nothing keeps ("I"), so that
# ExportOptions.source_tags can write the source's own tags back.
SOURCE_TAG = "source-tag"
SOURCE_PREFIX = "conll:"
NOT_IN_BIO_KINDS = frozenset({"quote", "claim"})
TOKEN_FILE_SUFFIXES = (".conll", ".bio", ".iob", ".iob2", ".txt", ".tsv")

_FIELDS = re.compile(r"\S+")
_OTHER_SPACE = re.compile(r"[^\S \n]")
_TAG = re.compile(r"O|[BI]-[^\s\-]\S*")
_REPAIRABLE_PREFIX = re.compile(r"([BIESbies])[-_:]+([^\s\-_:]\S*)")
_LOOSE_TAG = re.compile(r"O|[BIES]-\S+")
_GLUED_TAG = re.compile(r"(O|[BI]-[A-Za-z]+)([^A-Za-z\-].*)")


# -- reading ---------------------------------------------------------------------------------

def _repair_tag(tag: str) -> tuple[str, bool]:
    """The IOB2 tag a malformed ``tag`` stands for, and whether that is a real repair."""
    if re.fullmatch(r"[Oo0]+|[BIbi][Oo]", tag):
        return "O", True
    match = _REPAIRABLE_PREFIX.fullmatch(tag)
    if match:
        prefix = {"E": "I", "S": "B"}.get(match.group(1).upper(), match.group(1).upper())
        return f"{prefix}-{match.group(2)}", True
    return "O", False


_SENTENCE_BREAK: list[tuple[str, str]] = []  # sentinels from the line parser
_DOCUMENT_BREAK: list[tuple[str, str]] = []
# A character a token may hold: not whitespace, not a character XML cannot carry.
_TOKEN_CHAR = r"[^\s\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
# The line feed before any line that is not exactly TOKEN, one space, a well-formed tag
# (blank lines included), searched in the text with a line feed put before it; a pattern that
# begins with a literal is searched for much faster than one that begins with ``^``.  The
# second pattern, for files with no -DOCSTART- at all, skips that check.
_BEFORE_IRREGULAR_LINE = re.compile(
    rf"\n(?!(?!-DOCSTART-){_TOKEN_CHAR}+ (?:O|[BI]-(?!-){_TOKEN_CHAR}+)\n)")
_BEFORE_IRREGULAR_LINE_NO_DOCSTART = re.compile(
    rf"\n(?!{_TOKEN_CHAR}+ (?:O|[BI]-(?!-){_TOKEN_CHAR}+)\n)")


class _Collected:
    """One document's tokens and tags while a file is read, and the lines they came from."""

    def __init__(self) -> None:
        self.tokens: list[str] = []
        self.tags: list[str] = []
        self.sentence_starts: list[int] = []  # token indexes that begin a sentence (not 0)
        self.first_lines: list[int] = []  # token index -> line: checkpoints, with ...
        self.checkpoints: list[int] = []  # ... the token index each line checkpoint is for

    def mark(self, line_number: int) -> None:
        """The next token comes from ``line_number`` (and the following ones from the next)."""
        index = len(self.tokens)
        if self.checkpoints and self.checkpoints[-1] == index:
            self.first_lines[-1] = line_number
        else:
            self.checkpoints.append(index)
            self.first_lines.append(line_number)

    def end_sentence(self) -> None:
        index = len(self.tokens)
        if index and (not self.sentence_starts or self.sentence_starts[-1] != index):
            self.sentence_starts.append(index)

    def line_of(self, index: int) -> int:
        at = bisect.bisect_right(self.checkpoints, index) - 1
        return self.first_lines[at] + index - self.checkpoints[at]


def conll_to_documents(content: str, *, name: str, problems: Problems, repair: bool = False,
                       annotator: str = "", path: str | None = None,
                       replace_invalid: bool = False) -> Iterator[Document]:
    """Documents from the text of a CoNLL/BIO file (see the module docstring).

    ``name`` gives the document ids (``<name>`` or ``<name>-<n>``); ``path`` is used in messages.
    Well-formed lines are read in bulk (a few passes in C); every other line one by one.
    """
    where = path if path is not None else name
    base = safe_id(name) if name else "conll"
    if content.startswith("\ufeff"):
        content = content[1:]
    if content and not content.endswith("\n"):
        content += "\n"
    docstarts = content.count(DOCSTART)
    width = len(str(docstarts + 1))
    stamp = now_iso()
    valid_tags: set[str] = set()
    number = 0

    def check_tag(tag: str, line_number: int) -> str | None:
        if tag in valid_tags:
            return tag
        if _TAG.fullmatch(tag):
            valid_tags.add(tag)
            return tag
        if not repair:
            problems.error(FormatError(Errors.E420, tag=tag, path=where, line=line_number))
            return None
        fixed, known = _repair_tag(tag)
        problems.warn(FormatError(Errors.E421 if known else Errors.E422, tag=tag, fixed=fixed,
                                  path=where, line=line_number))
        return fixed

    def parse(line: str, line_number: int) -> list[tuple[str, str]]:
        """(token, tag) pairs of a line that is not plain ``TOKEN TAG``, or a sentinel."""
        line = line.rstrip("\r")
        if ILLEGAL_XML_CHARS.search(line):
            if not replace_invalid:
                problems.error(EncodingError(Errors.E423, path=where, line=line_number))
                return []
            line, count = ILLEGAL_XML_CHARS.subn(REPLACEMENT, line)
            problems.warn(EncodingError(Errors.E152, count=count, path=where, line=line_number))
        fields = _FIELDS.findall(line)
        if not fields:
            return _SENTENCE_BREAK
        if fields[0] == DOCSTART:
            return _DOCUMENT_BREAK
        if len(fields) == 2:
            tag = check_tag(fields[1], line_number)
            return [] if tag is None else [(fields[0], tag)]
        pairs = []
        for token, tag in _odd_line(fields, line, line_number, repair, problems, where):
            checked = check_tag(tag, line_number)
            if checked is not None:
                pairs.append((token, checked))
        return pairs

    def make_document(collected: _Collected) -> Document | None:
        nonlocal number
        if not collected.tokens:
            return None
        number += 1
        doc_id = f"{base}-{number:0{width}d}" if docstarts else base
        inside_starts: list[int] = []
        text, spans = _text_and_spans(collected, problems, where, inside_starts)
        document = Document(doc_id, text, source=SOURCE_PREFIX + name)
        empty = [(label, start) for start, end, label in spans if start >= end]
        ids: Iterable[str] = map("a{}".format, count(1))
        if empty:  # the others keep their numbers
            ids = [f"a{i}" for i, (start, end, _) in enumerate(spans, 1) if start < end]
            spans = [span for span in spans if span[0] < span[1]]
        starts, ends, labels = zip(*spans, strict=True) if spans else ((), (), ())
        refused: list[AnnotatorError] = []
        document.annotations.load(list(map(
            checked_annotation, ids, starts, ends, labels, repeat(annotator), repeat(stamp),
            repeat(stamp), repeat(""))), refused)
        mark_source_tags(document, inside_starts)
        for label, start in empty:
            problems.warn(FormatError(Errors.E433, label=label, start=start, path=where))
        for problem in refused:
            problems.warn(FormatError(problem, path=where))
        return document

    collected = _Collected()
    position = 0
    line_number = 1
    irregular = _BEFORE_IRREGULAR_LINE if docstarts else _BEFORE_IRREGULAR_LINE_NO_DOCSTART
    for match in irregular.finditer("\n" + content):
        start = match.start()  # where the line begins in content
        if start >= len(content):
            break  # the empty "line" after the final line feed
        if start > position:  # plain lines: one space each, so tokens and tags alternate
            plain = content[position:start - 1]
            collected.mark(line_number)
            flat = plain.replace(" ", "\n").split("\n")
            collected.tokens += flat[0::2]
            collected.tags += flat[1::2]
            line_number += plain.count("\n") + 1
        end = content.index("\n", start)
        pairs = parse(content[start:end], line_number)
        if pairs is _SENTENCE_BREAK:
            collected.end_sentence()
        elif pairs is _DOCUMENT_BREAK:
            document = make_document(collected)
            if document is not None:
                yield document
            collected = _Collected()
        else:
            for token, tag in pairs:
                collected.mark(line_number)
                collected.tokens.append(token)
                collected.tags.append(tag)
        line_number += 1
        position = end + 1
    if position < len(content):
        plain = content[position:-1]
        collected.mark(line_number)
        flat = plain.replace(" ", "\n").split("\n")
        collected.tokens += flat[0::2]
        collected.tags += flat[1::2]
    document = make_document(collected)
    if document is not None:
        yield document


def _text_and_spans(collected: _Collected, problems: Problems, where: str,
                    inside_starts: list[int] | None = None,
                    ) -> tuple[str, list[tuple[int, int, str]]]:
    """The rebuilt text and the (start, end, label) of every entity, in bulk.

    Tokens are joined by a space, sentences by a line feed: token ``i`` starts after the
    lengths of the tokens before it plus one separator each.  The indexes of the spans that
    began with an ``I-`` continuing nothing are added to ``inside_starts``.
    """
    tokens, tags = collected.tokens, collected.tags
    starts = collected.sentence_starts
    if starts and starts[-1] == len(tokens):
        starts.pop()  # a blank line after the last token
    bounds = [0, *starts, len(tokens)]
    text = "\n".join(" ".join(tokens[a:b]) for a, b in pairwise(bounds))
    before = list(accumulate(map(len, tokens), initial=0))  # characters of tokens before i
    sentence_starts = set(collected.sentence_starts)
    spans: list[tuple[int, int, str]] = []
    label = ""
    continuing = ""  # the tag that continues the current entity
    last = start = -2
    for index in compress(count(), map(operator.ne, tags, repeat("O"))):
        tag = tags[index]
        if tag == continuing and index == last + 1 and index not in sentence_starts:
            last = index
            continue
        if label:
            spans.append((start, before[last + 1] + last, label))
        label = tag[2:]
        continuing = "I-" + label
        start = before[index] + index
        if tag[0] == "I":
            problems.warn(FormatError(Errors.E424, tag=tag, label=label, path=where,
                                      line=collected.line_of(index)))
            if inside_starts is not None:
                inside_starts.append(len(spans))
        last = index
    if label:
        spans.append((start, before[last + 1] + last, label))
    return text, spans


def mark_source_tags(document: Document, inside_starts: list[int]) -> None:
    """Give the spans numbered ``inside_starts`` (0-based: annotation ``a<n+1>``) the attribute
    ``source-tag="I"``: they began with an ``I-`` in the source."""
    for index in inside_starts:
        annotation = document.annotations.get(f"a{index + 1}")
        if annotation is not None:
            document.annotations.replace(
                replace(annotation, attributes={**annotation.attributes, SOURCE_TAG: "I"}))


def _odd_line(fields: list[str], line: str, line_number: int, repair: bool,
              problems: Problems, where: str) -> list[tuple[str, str]]:
    """(token, tag) pairs for a line that does not have exactly two fields, or none."""
    if len(fields) == 1:
        field = fields[0]
        if line[:1].isspace() or _TAG.fullmatch(field):
            if repair:
                problems.warn(FormatError(Errors.E425, path=where, line=line_number))
            else:
                problems.error(FormatError(Errors.E426, path=where, line=line_number))
            return []
        if repair:
            problems.warn(FormatError(Errors.E427, token=field, path=where, line=line_number))
            return [(field, "O")]
        problems.error(FormatError(Errors.E428, path=where, line=line_number))
        return []
    if len(fields) == 4 and fields[1:3] == LABEL_STUDIO_COLUMNS:
        return [(fields[0], fields[3])]  # CoNLL-2003 columns as Label Studio writes them
    if not repair:
        problems.error(FormatError(Errors.E429, count=len(fields), path=where, line=line_number))
        return []
    for i in range(1, len(fields) - 1):
        match = _GLUED_TAG.fullmatch(fields[i])
        if match:
            pairs = _split_tokens(fields[:i], match.group(1))
            pairs += _split_tokens([match.group(2), *fields[i + 1:-1]], fields[-1])
            lines = " | ".join(f"{t} {g}" for t, g in pairs)
            problems.warn(FormatError(Errors.E430, tag=match.group(1), token=match.group(2),
                                      count=len(pairs), lines=lines, path=where,
                                      line=line_number))
            return pairs
    pairs = _split_tokens(fields[:-1], fields[-1])
    problems.warn(FormatError(Errors.E431, token=" ".join(fields[:-1]), count=len(pairs),
                              tokens=" | ".join(f"{t} {g}" for t, g in pairs), path=where,
                              line=line_number))
    return pairs


def _split_tokens(tokens: list[str], tag: str) -> list[tuple[str, str]]:
    """Several tokens carrying one tag: an entity's later tokens continue it with ``I-``."""
    inside = "I" + tag[1:] if tag[:2] in ("B-", "I-") else tag
    return [(token, tag if i == 0 else inside) for i, token in enumerate(tokens)]


def _decode(data: bytes, encoding: str | None, path: str) -> str:
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise EncodingError(Errors.E432, encoding=encoding or "UTF-8",
                            byte=f"{data[error.start]:#04x}", path=path, line=line) from None
    except LookupError:
        raise EncodingError(Errors.E144, name=encoding, path=path) from None
    return text  # a byte-order mark is dropped by conll_to_documents, once


def read_conll(path: Path, options: ImportOptions, problems: Problems) -> Iterator[Document]:
    """Registry reader: the documents of one CoNLL/BIO file."""
    data = read_source(path, problems)
    if data is None:
        return
    try:
        content = _decode(data, options.encoding, str(path))
    except EncodingError as error:
        problems.error(error)
        return
    path = Path(path)
    name = path.stem if path.suffix.lower() in TOKEN_FILE_SUFFIXES else path.name
    yield from conll_to_documents(content, name=name, problems=problems, repair=options.repair,
                                  annotator=options.annotator, path=str(path),
                                  replace_invalid=options.replace_invalid)


def looks_like_token_lines(path: Path, sample: int = 8192) -> bool:
    """True when the first lines of ``path`` (its first ``sample`` bytes) are token/tag lines:
    at least three, and nine in ten of them ``TOKEN TAG`` (or Label Studio's ``TOKEN -X- _
    TAG``) with an IOB tag, ``-DOCSTART-`` lines aside.  For a ``.txt`` that is CoNLL."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(sample)
    except OSError:
        return False
    text = head.decode("utf-8", "replace").lstrip("\ufeff")
    lines = text.splitlines()
    if len(head) == sample and lines:
        lines.pop()  # cut in the middle
    fields = [line.split() for line in lines if line.strip()]
    fields = [f for f in fields if f[0] != DOCSTART][:50]
    good = sum(1 for f in fields if len(f) in (2, 4) and _LOOSE_TAG.fullmatch(f[-1]))
    return len(fields) >= 3 and good >= 0.9 * len(fields)


# -- writing ---------------------------------------------------------------------------------

def tokenizer_mode(document: Document, tokenizer: str = "auto") -> str:
    """The tokenizer mode for ``document``: ``auto`` keeps the tokens of CoNLL-imported text."""
    if tokenizer != "auto":
        return tokenizer
    return "whitespace" if document.source.startswith(SOURCE_PREFIX) else "punct"


def document_to_tagged_sentences(document: Document, *, tokenizer: str = "auto",
                                 split_proclitics: bool = False, problems: Problems,
                                 tagset: TagSet | None = None,
                                 labels: frozenset[str] | None = None,
                                 sentences: str = "auto", source_tags: bool = False,
                                 dropped: Dropped | None = None,
                                 ) -> list[list[tuple[str, str]]]:
    """The document's sentences as lists of (token, IOB2 tag); what BIO cannot hold is reported.

    ``labels`` None leaves out labels whose kind is ``quote`` or ``claim`` (reported once, or
    counted in ``dropped`` with the links and attributes BIO cannot carry).  Sentences as
    :mod:`annotator.sentences` cuts them in mode ``sentences``, never inside an entity.
    """
    candidates = _candidates(document, tagset or default_tagset(), labels, problems, dropped)
    tagged = tag_tokens(document, candidates, tokenizer=tokenizer,
                        split_proclitics=split_proclitics, problems=problems,
                        sentences=sentences, source_tags=source_tags)
    texts, tags = tagged.texts, tagged.tags
    bounds = [0, *tagged.breaks, len(texts)]
    return [list(zip(texts[a:b], tags[a:b], strict=True))
            for a, b in pairwise(bounds) if b > a]


def _candidates(document: Document, tagset: TagSet, labels: frozenset[str] | None,
                problems: Problems, dropped: Dropped | None = None) -> list[Annotation]:
    """The document's spans in (start, -end) order, quotes and claims out unless asked for:
    counted in ``dropped`` (said once for the export) when given, else one warning here."""
    candidates = document.annotations.sorted()
    if labels is None:
        skipped = sorted(label for label in {a.label for a in candidates}
                         if tagset.get(label).kind in NOT_IN_BIO_KINDS)
        if skipped and dropped is not None:
            for a in candidates:
                if a.label in skipped:
                    dropped.add(f"{a.label} spans")
        elif skipped:
            problems.warn(FormatError(Errors.E434, document=document.id,
                                      labels=", ".join(skipped)))
        if skipped:
            candidates = [a for a in candidates if a.label not in skipped]
    if dropped is not None:
        count_not_carried(document, dropped)
    return candidates


def count_not_carried(document: Document, dropped: Dropped) -> None:
    """Count in ``dropped`` what token formats never carry: every link (by role), attribute
    (by name; ``source-tag`` is carried as the tag itself) and note of the document."""
    for annotation in document.annotations:
        for link in annotation.links:
            dropped.add(f"{link.role} links")
        for name in annotation.attributes:
            if name != SOURCE_TAG:
                dropped.add(f"{name!r} attributes")
        if annotation.note:
            dropped.add("notes")


def _unaligned(document: Document, ann: Annotation, near: str, hint: bool) -> FormatError:
    return FormatError(Errors.E436 if hint else Errors.E435, document=document.id, id=ann.id,
                       label=ann.label, start=ann.start, end=ann.end,
                       text=document.text[ann.start:ann.end], near=near)


def _overlapping(document: Document, ann: Annotation, kept: Annotation) -> FormatError:
    return FormatError(Errors.E437 if ann.end <= kept.end else Errors.E438,
                       document=document.id, id=ann.id, label=ann.label, start=ann.start,
                       end=ann.end, other=kept.id, other_label=kept.label)


def _plain_conll(document: Document, candidates: list[Annotation],
                 problems: Problems, source_tags: bool = False) -> str | None:
    """The CoNLL lines of a text of single-spaced tokens and lines (CoNLL-imported), or None.

    Same output as the general path (whitespace tokens, a sentence a line), built with a few
    passes in C over the whole text: every token tagged ``O``, then the entities' tags
    patched in.  None when the text is not of that shape or an entity spans a line break.
    """
    text = document.text
    if (not text or "\x00" in text or "  " in text or "\n\n" in text or " \n" in text
            or "\n " in text or text[0] in " \n" or text[-1] in " \n"
            or _OTHER_SPACE.search(text)):
        return None
    size = len(text)
    remarks: list[FormatError] = []
    kept: list[Annotation] = []
    for ann in candidates:
        start, end = ann.start, ann.end
        if not ((start == 0 or text[start - 1] in " \n") and text[start] not in " \n"
                and (end == size or text[end] in " \n") and text[end - 1] not in " \n"):
            left = (start if text[start] in " \n"
                    else max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1)
            right = (end if text[end - 1] in " \n"
                     else min(x for x in (text.find(" ", end), text.find("\n", end), size)
                              if x >= 0))
            remarks.append(_unaligned(document, ann, " ".join(text[left:right].split()),
                                      False))
            continue
        if kept and start < kept[-1].end:
            remarks.append(_overlapping(document, ann, kept[-1]))
            continue
        if "\n" in text[start:end]:
            return None
        kept.append(ann)
    base = text.replace("\n", "\x00").replace(" ", " O\n").replace("\x00", " O\n\n") + " O\n"
    pieces = []
    taken = position = spaces = breaks = 0
    for ann in kept:
        stray = source_tags and ann.attributes.get(SOURCE_TAG) == "I"
        tag = (" I-" if stray else " B-") + ann.label
        token_start = ann.start
        while True:
            gap = text.find(" ", token_start, ann.end)
            token_end = ann.end if gap < 0 else gap
            spaces += text.count(" ", position, token_end)
            breaks += text.count("\n", position, token_end)
            position = token_end
            at = token_end + 2 * spaces + 3 * breaks  # where this token's " O" is in base
            pieces.append(base[taken:at])
            pieces.append(tag)
            taken = at + 2
            if gap < 0:
                break
            tag = " I-" + ann.label
            token_start = gap + 1
    pieces.append(base[taken:])
    for remark in remarks:
        problems.warn(remark)
    return "".join(pieces)


class TaggedTokens(NamedTuple):
    """One document's tokens (texts and code-point ranges), their tags, sentence starts, and
    the annotations tagged (the spans the BIO tags stand for)."""

    texts: list[str]
    starts: list[int]
    ends: list[int]
    tags: list[str]
    breaks: list[int]
    tagged: list[Annotation]


def tag_tokens(document: Document, candidates: list[Annotation], *, tokenizer: str,
               split_proclitics: bool, problems: Problems, sentences: str = "auto",
               source_tags: bool = False) -> TaggedTokens:
    """The document's tokens tagged from ``candidates`` (what BIO cannot hold is reported),
    and its sentences (:mod:`annotator.sentences`), never broken inside an entity.

    Tags are IOB2; with ``source_tags`` an entity read from a token file as an ``I-`` that
    continued nothing (attribute ``source-tag``) starts with ``I-`` again.
    """
    text = document.text
    mode = tokenizer_mode(document, tokenizer)
    texts, starts, ends = tokenize_columns(text, mode, split_proclitics=split_proclitics,
                                           boundaries=[a.start for a in candidates])
    count = len(texts)
    tags = ["O"] * count
    kept: Annotation | None = None
    tagged: list[Annotation] = []
    inside_starts: list[int] = []
    for ann in candidates:
        first = bisect.bisect_left(starts, ann.start)
        last = bisect.bisect_left(ends, ann.end)
        if first == count or starts[first] != ann.start or last == count or ends[last] != ann.end:
            near = " ".join(texts[i] for i in range(bisect.bisect_right(ends, ann.start),
                                                    bisect.bisect_left(starts, ann.end)))
            problems.warn(_unaligned(document, ann, near,
                                     not split_proclitics and mode != "whitespace"))
            continue
        if kept is not None and ann.start < kept.end:
            problems.warn(_overlapping(document, ann, kept))
            continue
        kept = ann
        tagged.append(ann)
        tags[first] = "B-" + ann.label
        if last > first:
            tags[first + 1:last + 1] = ["I-" + ann.label] * (last - first)
        if source_tags and ann.attributes.get(SOURCE_TAG) == "I":
            inside_starts.append(first)
    breaks = [i for i in sentence_breaks(texts, starts, ends, text,
                                         sentence_mode(document, sentences))
              if not tags[i].startswith("I-")]
    for i in inside_starts:
        tags[i] = "I" + tags[i][1:]
    return TaggedTokens(texts, starts, ends, tags, breaks, tagged)


def docstart_line(docstart: str) -> str:
    """What goes between two documents: a ``-DOCSTART-`` line in the form asked for
    (``conll2003``: ``-DOCSTART- -X- O O``, which spaCy's conll-ner converter and the
    CoNLL-2003 loaders take as a document break) between blank lines, or (``none``) one more
    blank line only."""
    if docstart == "conll2003":
        return f"\n{DOCSTART} -X- O O\n\n"
    if docstart == "none":
        return "\n"
    raise ValueError(f"unknown -DOCSTART- form {docstart!r}; choose from "
                     + ", ".join(DOCSTART_FORMS))


def documents_to_conll(documents: Iterable[Document], *, problems: Problems,
                       tokenizer: str = "auto", split_proclitics: bool = False,
                       tagset: TagSet | None = None,
                       labels: frozenset[str] | None = None, sentences: str = "auto",
                       docstart: str = "conll2003", source_tags: bool = False,
                       dropped: Dropped | None = None) -> Iterator[str]:
    """The CoNLL file for ``documents``, in chunks of text (see the module docstring)."""
    tagset = tagset or default_tagset()
    between = docstart_line(docstart)
    first = True
    for document in documents:
        candidates = _candidates(document, tagset, labels, problems, dropped)
        chunk = None
        if (tokenizer_mode(document, tokenizer) == "whitespace" and not split_proclitics
                and sentence_mode(document, sentences) == "source"):
            chunk = _plain_conll(document, candidates, problems, source_tags)
        if chunk is None:
            chunk = _general_conll(document, candidates, tokenizer=tokenizer,
                                   split_proclitics=split_proclitics, problems=problems,
                                   sentences=sentences, source_tags=source_tags)
        if not chunk:
            continue
        if not first:
            yield between
        elif chunk.startswith("\ufeff"):
            yield "\ufeff"  # a byte-order mark, which the reader drops, keeps the token's
        first = False
        yield chunk


def _general_conll(document: Document, candidates: list[Annotation], *, tokenizer: str,
                   split_proclitics: bool, problems: Problems, sentences: str,
                   source_tags: bool) -> str:
    """The CoNLL lines of one document through the tokenizer (any text)."""
    tagged = tag_tokens(document, candidates, tokenizer=tokenizer,
                        split_proclitics=split_proclitics, problems=problems,
                        sentences=sentences, source_tags=source_tags)
    if not tagged.texts:
        return ""
    lines = list(map(operator.add, map(operator.add, tagged.texts, repeat(" ")), tagged.tags))
    for i in reversed(tagged.breaks):
        lines.insert(i, "")
    return "\n".join(lines) + "\n"


def export_selection(document: Document, options: ExportOptions) -> Document:
    """The layer and labels asked for (the document itself when that is everything)."""
    if (options.layer is None and options.labels is None
            and not has_other_layers(document)):
        return document
    return select_layer(document, options.layer, options.labels)


def write_conll(documents: Iterable[Document], out: Path, options: ExportOptions) -> None:
    """Registry writer: one CoNLL/BIO file ``out`` holding every document."""
    out = Path(out)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    selected = (export_selection(d, options) for d in documents)
    with atomic_writer(out) as stream:
        for chunk in documents_to_conll(selected, problems=options.problems,
                                        tokenizer=options.tokenizer,
                                        split_proclitics=options.split_proclitics,
                                        tagset=options.tagset, labels=options.labels,
                                        sentences=options.sentences,
                                        docstart=options.docstart,
                                        source_tags=options.source_tags,
                                        dropped=options.dropped):
            stream.write(chunk.encode("utf-8"))
