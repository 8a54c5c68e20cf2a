"""Every message the core's errors carry: a stable code and an English template.

Modelled on spaCy's ``Errors``: an entry's attribute name is its code, and the code never
changes meaning once released (a message that changes meaning gets a new code; a code no
longer raised stays reserved).  Templates take named parameters (``str.format`` syntax, so
``{id!r}`` quotes an id); ``path``, ``line`` and ``column`` are never parameters, they are the
error's location.  The app translates each template in the Qt context ``"Errors"`` (Arabic in
``resources/translations/annotator_ar.ts``) and then fills the parameters in.

Codes by area:

- ``E000``: free text given by code that does not use the catalogue yet
- ``E001``-``E099``: the document model, spans and ids, edits and adjudication
- ``E100``-``E139``: tag sets; ``E140``-``E199``: text encodings and characters XML forbids
- ``E200``-``E299``: TEI files (reading, integrity, writing, schemas)
- ``E300``-``E499``: import and export formats (registry, JSONL, brat, Hugging Face,
  CoNLL, inline TEI)
- ``E500``-``E599``: merge and agreement
- ``E600``-``E699``: the command line, files and folders, saving
"""

from __future__ import annotations

from string import Formatter


class Entry:
    """One catalogue entry: its ``code`` (the attribute name in :class:`Errors`) and
    English ``template``; ``fields`` are the template's parameter names."""

    __slots__ = ("code", "fields", "template")

    def __init__(self, template: str) -> None:
        self.template = template
        self.fields = frozenset(name for _, name, _, _ in Formatter().parse(template)
                                if name is not None)
        self.code = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.code = name

    def __repr__(self) -> str:
        return f"<{self.code}: {self.template!r}>"


class Errors:
    """The catalogue.  Add entries at the end of their area, with the next free code."""

    E000 = Entry("{message}")

    # -- the document model, spans and ids ----------------------------------------------------
    E001 = Entry("annotation {id}: offsets must be integers")
    E002 = Entry("annotation {id}: empty span [{start}, {end})")
    E003 = Entry("annotation {id}: reversed span [{start}, {end})")
    E004 = Entry("annotation {id}: negative offset {start}")
    E005 = Entry("annotation {id}: empty label")
    E006 = Entry("annotation {id}: span [{start}, {end}) ends beyond the text "
                 "({length} characters)")
    E007 = Entry("annotation id {id!r} is not a valid XML name or is reserved")
    E008 = Entry("duplicate annotation id {id!r}")
    E009 = Entry("no annotation with id {id!r}")
    E010 = Entry("document id {id!r} must be letters, digits, '.', '-', '_'")
    E011 = Entry("{what} must be an integer, not {type}")
    E012 = Entry("{what} {position} is outside the text [0, {length}]")
    E013 = Entry("reversed span [{start}, {end})")
    E014 = Entry("unknown alignment mode {mode!r} (expected one of {modes})")
    E015 = Entry("unknown proclitics mode {mode!r} (expected {modes})")
    E016 = Entry("empty span [{start}, {end})")

    # -- edits (annotator.edits) ---------------------------------------------------------------
    E050 = Entry("annotation {id}: empty attribute name")
    E051 = Entry("annotation {id}: empty link role")
    E052 = Entry("annotation {id} cannot be its own {role}")
    E053 = Entry("{label} has no link {role!r}")
    E054 = Entry("a {role} must be {targets}, not {label}")
    E055 = Entry("annotation {id} has no {role} link to {target}")

    # -- tag sets ------------------------------------------------------------------------------
    E100 = Entry("{key!r} must be a string")
    E101 = Entry("label {label}: {key!r} must be a string")
    E102 = Entry("label {label}: {key!r} must be a list of strings")
    E103 = Entry("needs at least one [[labels]] table")
    E104 = Entry("label {number} is not a table")
    E105 = Entry("label {label}: 'name' must be a non-empty word")
    E106 = Entry("label {label}: defined twice")
    E107 = Entry("label {label}: colour {color!r} is not #rrggbb")
    E108 = Entry("label {label}: shortcut {shortcut!r} already used by {other}")
    E109 = Entry("label {label}: attributes must be tables")
    E110 = Entry("label {label}: default {default!r} is not an allowed value")
    E111 = Entry("label {label}: value_names must be a table")
    E112 = Entry("label {label}: value_names names {value!r}, not an allowed value")
    E113 = Entry("label {label}: value_names.{value} must be a table of en/ar")
    E114 = Entry("label {label}: links must be tables")
    E115 = Entry("label {label}: link {role!r} names unknown labels {missing}")
    E116 = Entry("cannot read tag set: {reason}")
    E117 = Entry("not valid TOML: {detail}")
    # What a document holds that its tag set does not allow (TagSet.problems).
    E120 = Entry("labels not in tag set {name!r}: {labels}")
    E121 = Entry("{id}: {label} has no attribute {key!r}")
    E122 = Entry("{id}: {key}={value!r} is not one of {values}")
    E123 = Entry("{id}: {label} has no link {role!r}")
    E124 = Entry("{id}: {role} points to missing {target!r}")
    E125 = Entry("{id}: {role} must be {targets}, not {label} ({target})")

    # -- text encodings and characters XML forbids ---------------------------------------------
    E140 = Entry("{what} holds U+{char}, which XML cannot carry; use --replace-invalid to "
                 "replace such characters with U+FFFD")
    E141 = Entry("{what} holds U+{char}, which XML cannot carry ({count} such characters in "
                 "all); use --replace-invalid to replace such characters with U+FFFD")
    E142 = Entry("{what} holds U+{char}, which XML cannot carry (line {text_line}, column "
                 "{text_column} of the {what}); use --replace-invalid to replace such "
                 "characters with U+FFFD")
    E143 = Entry("{what} holds U+{char}, which XML cannot carry ({count} such characters in "
                 "all) (line {text_line}, column {text_column} of the {what}); use "
                 "--replace-invalid to replace such characters with U+FFFD")
    E144 = Entry("unknown encoding {name!r}")
    E145 = Entry("not UTF-8, UTF-16, Windows-1256 or ISO-8859-6; give the encoding with "
                 "--encoding NAME")
    E146 = Entry("binary data (NUL bytes), not a text file")
    E147 = Entry("bytes {bytes} are not valid {encoding}")
    E148 = Entry("replaced 1 character XML cannot carry in the {what} with U+FFFD")
    E149 = Entry("replaced {count} characters XML cannot carry in the {what} with U+FFFD")
    E150 = Entry("not valid {encoding} (use --encoding)")
    E151 = Entry("{count} character(s) XML cannot carry replaced with U+FFFD (offsets "
                 "unchanged)")
    E152 = Entry("{count} character(s) XML cannot carry replaced with U+FFFD")
    E153 = Entry("replaced {count} characters XML cannot carry with U+FFFD")

    # -- import and export formats: the registry -----------------------------------------------
    E300 = Entry("unknown import format {name!r}; choose from {choices}")
    E301 = Entry("the import format {name!r} is not available yet")
    E302 = Entry("unknown export format {name!r}; choose from {choices}")
    E303 = Entry("the export format {name!r} is not available yet")

    # -- JSONL ---------------------------------------------------------------------------------
    E310 = Entry("{what} must be a string, not {type}")
    E311 = Entry("{what} must be an integer, not {value}")
    E312 = Entry("span id {id!r} is not a valid XML name or is reserved")
    E313 = Entry("span attributes must be an object")
    E314 = Entry("attribute {key!r} must be a string, number or boolean")
    E315 = Entry("span links must be a list")
    E316 = Entry('a link must be {{"role": ..., "target": ...}}')
    E317 = Entry("span [{start}, {end}) is outside the text ({length} characters)")
    E318 = Entry("a span must be an object")
    E319 = Entry("span without {key!r}")
    E320 = Entry("span [{start}, {end}) has an empty label")
    E321 = Entry("span [{start}, {end}) says its text is {given!r} but the text there is "
                 "{found!r} (offsets must be code points)")
    E322 = Entry('"spans" must be a list')
    E323 = Entry("document label {label!r} ignored (only spans are imported)")
    E324 = Entry('a doccano label must be [start, end, "LABEL"]')
    E325 = Entry('"label" must be a list of [start, end, "LABEL"]')
    E326 = Entry('"entities" must be a list')
    E327 = Entry('"relations" must be a list')
    E328 = Entry('a relation must have "from_id", "to_id" and "type"')
    E329 = Entry("relation from unknown entity {id!r}")
    E330 = Entry('"id" must be a string or an integer')
    E331 = Entry("document id {given!r} became {id!r} (ids hold letters, digits, '.', '-', '_')")
    E332 = Entry("a line must hold a JSON object")
    E333 = Entry('"meta" must be an object')
    E334 = Entry('no "text": Hugging Face token rows need --format hf')
    E335 = Entry('no "text"')
    E336 = Entry('"direction" must be "rtl" or "ltr", not {direction!r}')
    E337 = Entry('"status" must map annotator names to strings')
    E338 = Entry("two spans have the id {id!r}")
    E339 = Entry("span {id} links ({role}) to {target!r}, which is not a span of this line")
    E340 = Entry("bytes {bytes} are not valid UTF-8 (byte {position} of the line)")
    E341 = Entry("bad JSON: {detail} (column {colno})")
    E342 = Entry("bad JSON: nested too deeply")
    E343 = Entry("is a folder; give a file name for JSONL output")

    # -- brat ----------------------------------------------------------------------------------
    E350 = Entry("id {id} defined twice; line skipped")
    E351 = Entry("event (E) lines are not supported; line skipped")
    E352 = Entry("equivalence (*) lines are not supported; line skipped")
    E353 = Entry("normalization (N) lines are not supported; line skipped")
    E354 = Entry("unknown annotation id {id!r} (T, A, M, R or # expected); line skipped")
    E355 = Entry("no tab after the id; line skipped")
    E356 = Entry("attribute of unknown annotation {id!r}; line skipped")
    E357 = Entry("attribute {name} of {id} given twice; line skipped")
    E358 = Entry("a relation needs a type and two arguments (Arg1:T1 Arg2:T2); line skipped")
    E359 = Entry("relation to unknown annotation {id!r}; line skipped")
    E360 = Entry("note on unknown annotation {id!r}; line skipped")
    E361 = Entry("note type {type!r} read as AnnotatorNotes")
    E362 = Entry("{id} is discontinuous: read as {count} annotations {ids} chained by {role!r} "
                 "links")
    E363 = Entry("a text-bound line needs an id, a tab and 'LABEL START END'; line skipped")
    E364 = Entry("id {id!r} cannot serve as an annotation id; line skipped")
    E365 = Entry("offsets {offsets!r} are not 'START END' pairs; line skipped")
    E366 = Entry("no label; line skipped")
    E367 = Entry("span [{start}, {end}) is empty or outside the text ({length} characters); "
                 "line skipped")
    E368 = Entry("text {given!r} differs from the characters at its offsets {found!r} "
                 "(--repair keeps the offsets); line skipped")
    E369 = Entry("text {given!r} differs from the characters at its offsets {found!r}: "
                 "offsets kept")
    E370 = Entry("no {txt} beside {ann}")
    E371 = Entry("no .ann file: read without annotations")
    E372 = Entry("document {document}: attribute {name} of {id} holds line breaks or tabs, "
                 "written as spaces (brat cannot hold them)")
    E373 = Entry("document {document}: the note of {id} holds line breaks or tabs, written as "
                 "spaces (brat cannot hold them)")
    E374 = Entry("document {document}: {id} {role} points to missing {target}; left out")

    # -- Hugging Face token rows ---------------------------------------------------------------
    E390 = Entry("cannot read the label list: {detail}")
    E391 = Entry("the label list must be a JSON list of tag names")
    E392 = Entry("a row must be a JSON object")
    E393 = Entry('a row needs the lists "tokens" and "ner_tags"')
    E394 = Entry("{tokens} tokens but {tags} ner_tags")
    E395 = Entry("token {number} is not a non-empty string")
    E396 = Entry("token {number} {token!r} holds white space")
    E397 = Entry("token {number} holds a character XML cannot carry (--replace-invalid "
                 "replaces it with U+FFFD)")
    E398 = Entry("ner_tags are numbers but there is no label list {name} beside the file")
    E399 = Entry("ner_tag {tag} (token {number}) is not in the label list of {count} tags")
    E400 = Entry("tag {tag!r} (token {number}) is not O, B-LABEL or I-LABEL")

    # -- inline TEI ----------------------------------------------------------------------------
    E470 = Entry("document {document}: {id} {label} [{start}, {end}) covers only the space "
                 "between paragraphs; inline TEI has no place for it")

    # -- the command line, files and folders, saving -------------------------------------------
    E600 = Entry("cannot read: {reason}")
    E601 = Entry("cannot read folder: {reason}")
    E602 = Entry("cannot read folder: permission denied")
    E603 = Entry("no such file or folder")
    E604 = Entry("{option}: this is one of the input files; writing it would replace its "
                 "annotations (choose another name)")
    E605 = Entry("cannot write here: {reason}")
    E606 = Entry("save failed, previous file kept: {reason}")
    E607 = Entry("cannot write: {reason}")
    E610 = Entry("--split: {item!r} is not NAME=FRACTION (e.g. train=0.8,dev=0.1,test=0.1)")
    E611 = Entry("--split: {name!r} given twice")
    E612 = Entry("--split: the fractions add up to {total:g}, not 1")
    E613 = Entry("--labels: give at least one label")
    E614 = Entry("must be a folder, but it is a file")
    E615 = Entry("cannot create the folder: {reason}")
    E616 = Entry("this is one of the input files; exporting would replace it (choose another "
                 "output)")
    E617 = Entry("--split needs OUT to be a folder, but it is a file")
    E618 = Entry("document id {id!r} is also in {other}; this copy is left out")
    E620 = Entry("document {id} was already imported from {source}; same content, written once")
    E621 = Entry("document id {id!r} was already imported from {source} in this run with "
                 "different content; {target} not overwritten")
    E622 = Entry("{target} exists and differs (it may hold annotations); kept (use --overwrite "
                 "to replace it)")
    E623 = Entry("unexpected {type} while reading: {detail}")
    E624 = Entry("output must be a folder, but this is a file")
    E625 = Entry("cannot create the output folder: {reason}")
    E626 = Entry("no files to import (known endings: {endings})")
    E630 = Entry("--width must be at least 10, not {width}")


def entries() -> list[Entry]:
    """Every catalogue entry, in code order."""
    return sorted((value for value in vars(Errors).values() if isinstance(value, Entry)),
                  key=lambda entry: entry.code)


def entry_for(code: str) -> Entry:
    """The entry with ``code`` (``KeyError`` when there is none)."""
    found = getattr(Errors, code, None)
    if not isinstance(found, Entry):
        raise KeyError(code)
    return found
