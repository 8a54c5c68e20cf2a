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
- ``E300``-``E499``: import and export formats (registry, JSONL, brat, Hugging Face, Label Studio,
  CoNLL, inline TEI)
- ``E500``-``E599``: merge and agreement
- ``E600``-``E699``: the command line, files and folders, saving
- ``E700``-``E799``: team projects (the folder, assignment, import into a layer, git, sync,
  status)
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

    # -- the document model, spans and ids -----------------------------------------------------
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
    E017 = Entry("annotation {id}: the {field} holds U+{char}, which XML cannot carry")
    E018 = Entry("document {id}: the {field} holds U+{char}, which XML cannot carry")

    # -- edits (annotator.edits) ---------------------------------------------------------------
    E050 = Entry("annotation {id}: empty attribute name")
    E051 = Entry("annotation {id}: empty link role")
    E052 = Entry("annotation {id} cannot be its own {role}")
    E053 = Entry("{label} has no link {role!r}")
    E054 = Entry("a {role} must be {targets}, not {label}")
    E055 = Entry("annotation {id} has no {role} link to {target}")
    E056 = Entry("a status needs an annotator's name")

    # -- adjudication (annotator.adjudicate) and the edit session (annotator.session) ----------
    E060 = Entry("a gold annotation needs a label")
    E061 = Entry("{id} is already a gold annotation")
    E062 = Entry("gold span [{start}, {end}) is not inside the text")
    E063 = Entry("{id} is {annotator}'s annotation, not a gold one")
    E064 = Entry("{id} is an annotator's annotation, not a gold one")
    E070 = Entry("no file to save to: give a path")
    E071 = Entry("select some text first")
    E072 = Entry("the annotation cannot become empty")
    E073 = Entry("{id} is {owner}'s annotation: correct their layer as your own, or add a "
                 "layer of your own")
    E074 = Entry("{id} is {owner}'s annotation, and you chose a layer of your own: label "
                 "the text afresh")
    E075 = Entry("{id} is not an open suggestion")
    # Recommenders (annotator.suggest.registry) and the commands that run and score them.
    E076 = Entry("unknown recommender {name!r}; choose from {choices}")
    E077 = Entry("the {name} recommender needs a model folder: give --model PATH")
    E078 = Entry("the {name} recommender is not installed")
    E079 = Entry("no document has the {layer} layer to evaluate against")
    E080 = Entry("another input is written to {target} too; this one is left out")
    # A model the user already has (annotator.suggest.model_folder, hf_model, spacy_model).
    E081 = Entry("the model recommender needs the {extra} extra to read {kind} model folders "
                 "({reason}): pip install 'arabic-news-annotator[{extra}]'")
    E082 = Entry("not a model folder: {reason}")
    E083 = Entry("cannot load the {kind} model in this folder: {reason}")
    E084 = Entry("cannot read the suggestion settings: {detail}")
    E085 = Entry("[model] {key} must be {kind}")

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
    E126 = Entry("{key} holds U+{char}, which XML cannot carry")

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

    # -- TEI files: reading --------------------------------------------------------------------
    E200 = Entry("not well-formed XML: {detail}")
    E201 = Entry("DOCTYPE declarations are not allowed (no DTDs, no entities)")
    E202 = Entry("entity declarations are not allowed")
    E203 = Entry("the root element is not TEI (namespace {namespace})")
    E204 = Entry('no <div xml:id="{id}"> holding the text: not a file of this tool')
    E205 = Entry("XML version {version!r} is not supported: this tool reads XML 1.0")
    E206 = Entry("encoding {encoding!r} is not supported: this tool reads {encodings} or {last}")
    # What a file holds that does not resolve (TeiFile.problems; IntegrityError when checked).
    E210 = Entry("category {id!r} has no label (@n empty or missing)")
    E211 = Entry("xml:id {id!r} names two places in the text: pointers to it would be ambiguous")
    E212 = Entry("annotation {id}: @change {change!r} names no <change> of the header")
    E213 = Entry("annotation {id}: comes before the text")
    E214 = Entry("annotation {id}: target {target!r} is not #string-range(ID,OFFSET,LENGTH)")
    E215 = Entry("annotation {id}: pointer names {anchor!r}, which is not in the text")
    E216 = Entry("annotation {id}: @ana {ana!r} names no category of the taxonomy")
    E217 = Entry("annotation {id}: string-range({range}) is empty or does not resolve inside "
                 "the text ({length} characters)")
    E218 = Entry("annotation {id}: <ptr> type {role!r} is not a link role (one word)")
    E219 = Entry("annotation {id}: {role} link points to missing {target!r}")
    E220 = Entry("the header records no SHA-256 of the text")
    E221 = Entry("the text does not match its checksum (header {recorded}…, text {actual}…): "
                 "it was changed after annotation")
    E222 = Entry("{problem} (and {count} more problems)")

    # -- TEI files: writing, schemas -----------------------------------------------------------
    E230 = Entry("annotation {id}: link role {role!r} must be one word")
    E231 = Entry("annotation {id}: link target {target!r} is not an annotation id")
    E232 = Entry("layer {layer!r} must be one word")
    E240 = Entry("the schema is not well-formed XML: {detail}")
    E241 = Entry("not a RELAX NG schema: {detail}")
    E242 = Entry("cannot read the schema")
    E245 = Entry("no TEI files found (*.xml)")

    # -- import and export formats: the registry -----------------------------------------------
    E300 = Entry("unknown import format {name!r}; choose from {choices}")
    E301 = Entry("the import format {name!r} is not available yet")
    E302 = Entry("unknown export format {name!r}; choose from {choices}")
    E303 = Entry("the export format {name!r} is not available yet")
    E304 = Entry("not a file type import reads; it reads {formats} (or name one with --format)")
    E305 = Entry("holds a token and its tag a line (CoNLL/BIO): read as CoNLL (--format txt "
                 "reads it as plain text)")

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
    E344 = Entry("document id {start!r}… is {length} bytes long in UTF-8; a file name holds at "
                 "most {limit}")
    E345 = Entry("{count} span(s) read as UTF-16 code units, as JavaScript tools count (a "
                 "character beyond U+FFFF, such as an emoji, comes before them): converted to "
                 "code points")

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
    E375 = Entry("line holds U+{char}, which XML cannot carry; line skipped (--replace-invalid "
                 "replaces it with U+FFFD)")
    E376 = Entry("document {document}: attribute name {name!r} of {id} holds white space, "
                 "written as {written!r} (brat cannot hold it)")

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
    E401 = Entry("label {number} of the list holds U+{char}, which XML cannot carry")
    E402 = Entry("ner_tag {number} holds U+{char}, which XML cannot carry")

    # -- CoNLL/BIO -----------------------------------------------------------------------------
    E420 = Entry("tag {tag!r} is not O, B-LABEL or I-LABEL; line skipped (--repair reads it as "
                 "the tag it stands for)")
    E421 = Entry("tag {tag!r} repaired to {fixed}")
    E422 = Entry("tag {tag!r} not an IOB2 tag: read as {fixed}")
    E423 = Entry("line holds a character XML cannot carry; line skipped (--replace-invalid "
                 "replaces it with U+FFFD)")
    E424 = Entry("{tag} does not continue an entity of its type: read as the start of one "
                 "(written back as B-{label})")
    E425 = Entry("empty token (a tag with no token): line dropped")
    E426 = Entry("empty token (a tag with no token); line skipped (--repair drops such lines)")
    E427 = Entry("token {token!r} has no tag: read as O")
    E428 = Entry("one field, no tag; line skipped (--repair reads the token as O)")
    E429 = Entry("{count} fields where TOKEN TAG was expected; line skipped (--repair splits it "
                 "into tokens)")
    E430 = Entry("tag {tag} glued to the token {token!r} (a lost line break): read as {count} "
                 "lines {lines}")
    E431 = Entry("token {token!r} holds a space: read as {count} tokens {tokens}")
    E432 = Entry("not valid {encoding}: byte {byte} (use --encoding)")
    E433 = Entry("an empty {label} entity at character {start} (empty tokens only) is left out")
    E434 = Entry("document {document}: {labels} spans left out of BIO (quotes and claims; name "
                 "them in --labels to include them)")
    E435 = Entry("document {document}: {id} {label} [{start}, {end}) {text!r} does not align "
                 "with the tokens {near!r}; left out")
    E436 = Entry("document {document}: {id} {label} [{start}, {end}) {text!r} does not align "
                 "with the tokens {near!r}; left out (--split-proclitics may help)")
    E437 = Entry("document {document}: {id} {label} [{start}, {end}) nested in {other} "
                 "{other_label}; BIO cannot hold both, left out")
    E438 = Entry("document {document}: {id} {label} [{start}, {end}) overlaps {other} "
                 "{other_label}; BIO cannot hold both, left out")

    # -- inline TEI ----------------------------------------------------------------------------
    E470 = Entry("document {document}: {id} {label} [{start}, {end}) covers only the space "
                 "between paragraphs; inline TEI has no place for it")

    # -- Label Studio --------------------------------------------------------------------------
    E480 = Entry("not a Label Studio export nor other JSON this tool reads ({found}); it reads "
                 "{formats}")
    E481 = Entry("task {task}: no text (data.text, or one text field in data)")
    E482 = Entry("task {task}: a task must be an object")
    E483 = Entry('task {task}: "annotations" must be a list of objects holding a "result" list')
    E484 = Entry("task {task}: region {id!r} needs integer start and end and a list of labels")
    E485 = Entry("task {task}: region {id!r} [{start}, {end}) says its text is {given!r} but the "
                 "text there is {found!r}")
    E486 = Entry("task {task}: region {id!r} [{start}, {end}) is outside the text ({length} "
                 "characters)")
    E487 = Entry("task {task}: relation from {source!r} to {target!r}: no region has that id; "
                 "left out")
    E488 = Entry("task {task}: {count} prediction(s) left out (accept them in Label Studio to "
                 "import them)")
    E489 = Entry("task {task}: {count} result(s) of type {type!r} left out (text spans, "
                 "relations and per-region choices are read)")
    E490 = Entry("task {task}: document label {label!r} ({name}) ignored (only spans are "
                 "imported)")
    E491 = Entry("task {task}: cancelled annotation by {annotator} left out")
    E492 = Entry("JSON-MIN record {number}: {key!r} must be a list of regions with start, end and "
                 "labels")
    E493 = Entry("task {task} is given twice with different texts; the later one is left out")
    E494 = Entry("is a folder; give a file name for Label Studio output")
    E495 = Entry("task {task}: {count} span(s) read as UTF-16 code units (a character beyond "
                 "U+FFFF comes before them): converted to code points")
    E496 = Entry("document {document}: {count} link(s) between different annotators' or layers' "
                 "spans left out (a Label Studio relation joins regions of one annotation)")

    # -- merge ---------------------------------------------------------------------------------
    E500 = Entry("unknown strategy {strategy!r}; use {choices}")
    E501 = Entry("--min-agree {k} is impossible with {annotators} annotators")
    E502 = Entry("document {id}: nothing to merge")
    E503 = Entry("nothing to merge")
    E504 = Entry("merge needs at least two files")
    E505 = Entry("merge needs at least two folders")
    E506 = Entry("the output folder is one of the inputs; choose another")
    E507 = Entry("cannot create folder: {reason}")
    E508 = Entry("different tag sets in the inputs: {names}")
    E509 = Entry("cannot write: {reason}; {written} of {total} documents written")
    E510 = Entry("{count} problem(s), nothing written: {shown}")
    E511 = Entry("{count} problem(s), nothing written: {shown} (and {more} more)")
    E520 = Entry("not a folder")
    E521 = Entry("different tag sets: {first} uses {first_name!r}, {other} uses {other_name!r}")
    E522 = Entry("not the same document: {first} (id {first_id}, text {first_text}…) and "
                 "{other} (id {other_id}, text {other_text}…) hold different texts")
    E523 = Entry("annotator {annotator!r} has work in both {first} and {other}")
    E524 = Entry("document {id} is also in {other}")
    E525 = Entry("declares document {declared}, not {id}")
    E530 = Entry("{count} merged file(s) already there (a lead may have adjudicated them); kept, "
                 "nothing written: use --overwrite to replace them")
    E531 = Entry("give either files of one document or folders, not both")
    E532 = Entry("--conflicts names the merged output itself; choose another name")
    E533 = Entry("the output is one of the inputs; choose another name")

    # -- agreement -----------------------------------------------------------------------------
    E550 = Entry("cohen_kappa: {first} values against {second}")
    E551 = Entry("fleiss_kappa: needs at least two annotators per unit")
    E552 = Entry("fleiss_kappa: row {number} does not have {raters} ratings in {categories} "
                 "categories")
    E553 = Entry("krippendorff_alpha: rows of different lengths")
    E554 = Entry("unitizing alpha needs two observers and a non-empty continuum")
    E555 = Entry("agreement needs at least two annotators' work, found {names}")
    E556 = Entry("agreement needs at least two annotators' work, found none")

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
    E619 = Entry("--folds {folds}: cross-validation needs two documents or more, and the "
                 "sources hold {count}; trained without it")
    E620 = Entry("document {id} was already imported from {source}; same content, written once")
    E621 = Entry("document id {id!r} was already imported from {source} in this run with "
                 "different content; {target} not overwritten")
    E622 = Entry("{target} exists and differs (it may hold annotations); kept (use --overwrite "
                 "to replace it)")
    E623 = Entry("unexpected {type} while reading: {detail}")
    E624 = Entry("output must be a folder, but this is a file")
    E625 = Entry("cannot create the output folder: {reason}")
    E626 = Entry("no files to import (known endings: {endings})")
    E627 = Entry("not a CRF model folder ({reason}); train one with 'annotator train'")
    E628 = Entry("no entity annotations to learn from in the {layer} layer of the "
                 "{count} document(s) read")
    E629 = Entry("--folds must be 0 (no cross-validation) or at least 2, not {folds}")
    E630 = Entry("--width must be at least 10, not {width}")
    E631 = Entry("already there; kept, nothing written (use --overwrite to replace it)")
    E632 = Entry("already there, and {more} more of the files to write; kept, nothing written "
                 "(use --overwrite to replace them)")
    E633 = Entry("a symbolic link to {target}, outside {folder}; skipped")
    E634 = Entry("a symbolic link to the folder {target}; not followed")
    E635 = Entry("{option} holds U+{char}, which XML cannot carry")
    E608 = Entry("--iterations must be at least 1, not {iterations}")
    E609 = Entry("no documents to train on in the sources given")
    E636 = Entry("a description of the data beside it, not a document; skipped (name it on the "
                 "command line to import it as text)")
    E637 = Entry("{count} file(s) of types import does not read skipped ({endings}); it reads "
                 "{formats}")
    E638 = Entry("--map: {item!r} is not OLD=NEW (labels, comma-separated: "
                 "PERS=PER,ORGANIZATION=ORG)")
    E639 = Entry("the spacy format needs spaCy: pip install 'arabic-news-annotator[spacy]'")

    # -- the app's files: opening, recovery copies ---------------------------------------------
    E640 = Entry("cannot create the recovery folder: {reason}")
    E641 = Entry("no such file")
    E642 = Entry("is a folder, not a file")
    E643 = Entry("is not a regular file")
    E644 = Entry("holds no document")
    E645 = Entry("cannot write the screenshot")
    E646 = Entry("the {format} export cannot carry {items}; left out (the jsonl export keeps "
                 "everything)")
    E647 = Entry("a model is already there; kept, nothing trained (use --overwrite to replace "
                 "it)")

    # -- team projects: the folder and project.toml (teamproject, assignment) ------------------
    E700 = Entry("not a project folder (no project.toml): create one with 'annotator project "
                 "init'")
    E701 = Entry("cannot read project.toml: {reason}")
    E702 = Entry("project.toml is not valid TOML: {detail}")
    E703 = Entry("project.toml: {key} must be {kind}")
    E704 = Entry("{name!r} cannot be an annotator's name: use letters, digits, '.', '-', '_' "
                 "(at most 64, not starting with '.' or '-', not ending in '.')")
    E705 = Entry("annotator names {first!r} and {second!r} differ only in case (Windows and "
                 "macOS would give them one folder)")
    E706 = Entry("a project is already here (project.toml); choose another folder")
    E707 = Entry("the folder is not empty; a new project needs a new or empty folder")
    E708 = Entry("document ids {first!r} and {second!r} differ only in case (Windows and macOS "
                 "would give them one file)")
    E709 = Entry("no documents to put in the project")
    E710 = Entry("document {id} is also in {source}; the documents of a project need "
                 "different ids")
    E711 = Entry("--per-document {k} needs at least {k} annotators, not {count}")
    E712 = Entry("--per-document must be at least 1, not {k}")
    E713 = Entry("--annotators: give at least one name")
    E714 = Entry("annotator {name!r} is named twice")
    E715 = Entry("the project has no documents (texts/ is empty)")

    # -- team projects: annotations into an annotator's layer (teamimport) --------------------
    E720 = Entry("document {id} is not in the project (no texts/{id}.tei.xml)")
    E721 = Entry("document {id}: the text differs from the project's ({length} characters, "
                 "SHA-256 {sha}…; the project's: {project_length} characters, {project_sha}…)")
    E722 = Entry("document {id}: {name}'s layer already holds other annotations; kept (use "
                 "--replace to replace them)")
    E723 = Entry("document {id} holds annotations of {names}; import one annotator's work at "
                 "a time")
    E724 = Entry("document {id}: {count} gold annotation(s) left out (gold is the lead's)")
    E725 = Entry("document {id} is not assigned to {name}; imported all the same")
    E726 = Entry("document {id}: the annotations of {other} become {name}'s")
    E728 = Entry("--project needs --annotator NAME (whose layer receives the annotations)")

    # -- team projects: git (gitrepo) ----------------------------------------------------------
    E730 = Entry("git is not installed (or not on PATH): install it from https://git-scm.com, "
                 "then try again")
    E731 = Entry("git {command} failed: {detail}")
    E732 = Entry("not a git repository: create the project with 'annotator project init', or "
                 "get it with 'git clone URL'")
    E733 = Entry("an unfinished git {operation} is in progress here: finish or abort it with "
                 "git first")
    E734 = Entry("not on a branch (detached HEAD): go back to the project's branch first "
                 "(git switch BRANCH)")

    # -- team projects: sync (teamsync) --------------------------------------------------------
    E750 = Entry("cannot reach the remote {remote} ({detail}); your work is committed here and "
                 "nothing is lost: check the network or the remote's address (git remote -v), "
                 "then sync again")
    E751 = Entry("the remote {remote} refused the push ({detail}); your work is committed here "
                 "and nothing is lost: check your access to the remote, then sync again")
    E752 = Entry("{count} file(s) changed here that {name} does not sync (first: {file}) are in "
                 "the way of changes from the remote; nothing was lost: copy them elsewhere, "
                 "undo them (git checkout -- FILE), then sync again")
    E753 = Entry("the remote's changes conflict with this copy's in {count} file(s) (first: "
                 "{file}; changed outside annotator?); nothing was merged and your commits are "
                 "kept: resolve it with git, or ask the lead")
    E754 = Entry("others kept pushing: {tries} tries to push failed; your work is committed "
                 "here and nothing is lost: sync again")
    E755 = Entry("{count} changed file(s) that {name} does not sync were left alone (not "
                 "committed, not lost): {shown}")

    # -- team projects: status (teamstatus) ----------------------------------------------------
    E770 = Entry("cannot keep the status index: {reason}; the status shown is right, the next "
                 "one will be slower")


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
