"""``annotator export``: TEI files to JSONL, CoNLL, brat, Hugging Face or inline TEI."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, SaveError
from annotator.formats import WRITERS, ExportOptions, Problems, write_documents
from annotator.formats.brat import CONF as BRAT_CONF
from annotator.formats.checkthat import CHECKWORTHY_FILE, CLAIM_FILE
from annotator.formats.conll import DOCSTART_FORMS
from annotator.formats.hf import labels_path
from annotator.formats.hf_dataset import files_written, split_path, write_dataset_folder
from annotator.formats.jsonl import only_labels
from annotator.formats.spans import PER_CHOICES
from annotator.labelmap import parse_map, rename_labels
from annotator.layers import has_other_layers, layer_names, select_layer
from annotator.model import Document
from annotator.progress import Progress
from annotator.sentences import SENTENCE_MODES
from annotator.splits import SPLIT_BY, split_corpus
from annotator.tagset import LabelSpec, TagSet, default_tagset, load_tagset

from .inputs import project_tagset, read_tei_sources, refuse_replacing

HELP = ("Export TEI files (or folders of them) to JSONL, CoNLL, brat, HF, inline TEI or Label "
        "Studio tasks.")

# Formats that write one file (the extension used for split files); the others write a folder.
FILE_EXTENSIONS = {"jsonl": ".jsonl", "conll": ".conll", "hf": ".jsonl", "labelstudio": ".json",
                   "labelstudio-predictions": ".json"}
FILE_EXTENSIONS["spacy"] = ".spacy"  # a DocBin
FILE_EXTENSIONS.update({"spans": ".jsonl", "quote-pairs": ".jsonl"})
DATASET_FOLDER = "hf-dataset"  # a folder whose splits are files in it, not folders
ALL_LAYERS = "all"
_SPLIT_NAME = re.compile(r"^[\w.\-]+$")

EPILOG = """\
Layers: by default each document's gold layer when it has one, else all its annotations;
--layer NAME takes one annotator's own annotations, --layer all every annotation (jsonl keeps
them all; token formats still keep one layer).  Links to annotations left out are dropped.

--split train=0.8,dev=0.1,test=0.1 divides the corpus at random but reproducibly (sorted,
shuffled with --seed) and writes OUT/<split>.<ext>, OUT/<split>/ for the folder formats (brat,
tei-inline), or OUT/<split>.jsonl in one hf-dataset folder.  The fractions must add up to 1.
--split-by document keeps documents whole, sentence divides sentences (as --sentences cuts
them); auto (the default) takes documents when there are enough for every split.  A split
that would be empty is not written, with a warning.

Token formats (conll, hf, hf-dataset, spacy) cut sentences with --sentences: split (line
breaks and Arabic full stops . ! ؟ ؛, never inside «…» or numbers), source (the file's own
line breaks), none, or auto (source for text imported from token files, else split).
--map PERS=PER,... renames labels before anything else (--labels names the new ones).

Training exports for quotes and claims: spans (JSONL: text, spans with ids, labels and
attributes, relations such as a quote's speaker; --per document|sentence), quote-pairs (JSONL:
one row per quote and candidate speaker, label 1 for the annotated speaker; --window N) and
checkthat (a folder with 1B_claim.tsv and 1A_checkworthy.tsv by sentence, in the shape of the
CheckThat! 2022 task 1 files).  What a format cannot carry (quotes and claims in BIO, links,
attributes) is named in one warning with counts.

Output files already there are kept, and nothing is written, unless --overwrite is given.

Exit status: 0 when every file was exported, 2 when a file could not be read or on usage
errors (what could be read is still exported).
"""


class UsageError(AnnotatorError):
    """A command-line value that makes no sense (exit status 2)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``annotator export``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("sources", nargs="+", metavar="TEI",
                        help="TEI files, or folders searched recursively for *.xml")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", type=Path,
                        help="output file (jsonl, conll, hf, labelstudio) or folder (brat, "
                             "tei-inline, or any format with --split)")
    parser.add_argument("--format", required=True, choices=sorted(WRITERS),
                        help="output format")
    parser.add_argument("--layer", metavar="gold|NAME|all",
                        help="which annotations (default: gold when present, else all)")
    parser.add_argument("--labels", metavar="L1,L2",
                        help="only these labels (comma-separated)")
    parser.add_argument("--split", metavar="NAME=FRACTION,...",
                        help="split by document, e.g. train=0.8,dev=0.1,test=0.1")
    parser.add_argument("--seed", type=int, default=0,
                        help="random seed of --split (default 0)")
    parser.add_argument("--split-by", choices=list(SPLIT_BY), default="auto",
                        help="--split keeps documents whole or divides sentences (default "
                             "auto: documents when there are enough)")
    parser.add_argument("--sentences", choices=list(SENTENCE_MODES), default="auto",
                        help="token formats: where sentences end (default auto)")
    parser.add_argument("--docstart", choices=list(DOCSTART_FORMS), default="conll2003",
                        help="conll: the line between documents, '-DOCSTART- -X- O O' "
                             "(conll2003, the default) or none (a blank line)")
    parser.add_argument("--source-tags", action="store_true",
                        help="token formats: write an entity the source began with I- "
                             "(a stray I- tag) as it was, not as B-")
    parser.add_argument("--map", metavar="OLD=NEW,...",
                        help="rename labels, e.g. PERS=PER,ORGANIZATION=ORG")
    parser.add_argument("--per", choices=list(PER_CHOICES), default="document",
                        help="spans: one line per document (the default) or per sentence "
                             "(offsets re-based to the sentence)")
    parser.add_argument("--window", type=int, default=2, metavar="N",
                        help="quote-pairs: sentences before a quote searched for its speaker "
                             "(default 2; the sentence after it is searched too)")
    parser.add_argument("--tokenizer", choices=["auto", "whitespace", "punct"], default="auto",
                        help="conll/hf: how text is cut into tokens (default auto)")
    parser.add_argument("--split-proclitics", action="store_true",
                        help="conll/hf: split proclitics off tokens")
    parser.add_argument("--tagset", metavar="FILE", type=Path,
                        help="tag set (TOML) giving each label's kind: quotes and claims stay "
                             "out of conll/hf, and tei-inline picks elements by kind (default: "
                             "the tagset.toml of the first source's folder when it has one, "
                             "else the bundled news set; labels it lacks take their kind from "
                             "the taxonomy in their own file)")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace output files that are already there (without it they "
                             "are kept and nothing is written)")


def parse_split(value: str) -> list[tuple[str, float]]:
    """``train=0.8,dev=0.1,test=0.1`` as ``[("train", 0.8), ...]``; fractions must sum to 1."""
    parts: list[tuple[str, float]] = []
    for item in value.split(","):
        name, sep, fraction_text = item.strip().partition("=")
        name = name.strip()
        try:
            fraction = float(fraction_text)
        except ValueError:
            fraction = -1.0
        if not sep or not _SPLIT_NAME.match(name) or not 0 <= fraction <= 1:
            raise UsageError(Errors.E610, item=item.strip())
        if name in dict(parts):
            raise UsageError(Errors.E611, name=name)
        parts.append((name, fraction))
    total = sum(fraction for _, fraction in parts)
    if abs(total - 1) > 0.001:
        raise UsageError(Errors.E612, total=total)
    return parts


def _labels(value: str | None) -> frozenset[str] | None:
    if value is None:
        return None
    labels = frozenset(label.strip() for label in value.split(",") if label.strip())
    if not labels:
        raise UsageError(Errors.E613)
    return labels


def _prepare_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageError(Errors.E614, path=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(Errors.E615, reason=error.strerror or str(error),
                        path=str(folder)) from None


def _write(documents: Iterable[Document], out: Path, fmt: str, options: ExportOptions) -> None:
    """Write one output; folder formats get their folder, file formats their parent."""
    _prepare_folder(out if fmt not in FILE_EXTENSIONS else out.parent)
    try:
        write_documents(documents, out, fmt, options)
    except AnnotatorError:
        raise  # a failed save names its own file: said as it is, not wrapped in another error
    except OSError as error:
        raise SaveError(Errors.E607, reason=error.strerror or str(error), path=str(out)) from None


def _files_written(out: Path, fmt: str, documents: list[Document]) -> list[Path]:
    """The files one output ``out`` of ``fmt`` will hold for ``documents``."""
    if fmt == "hf":
        return [out, labels_path(out)]
    if fmt == DATASET_FOLDER:
        folder = out.parent if out.suffix == ".jsonl" else out
        return [out if out.suffix == ".jsonl" else split_path(out, "train"),
                *files_written(folder, ())]
    if fmt in FILE_EXTENSIONS:
        return [out]
    if fmt == "checkthat":
        return [out / CLAIM_FILE, out / CHECKWORTHY_FILE]
    endings = (".txt", ".ann") if fmt == "brat" else (".xml",)
    conf = [out / BRAT_CONF] if fmt == "brat" else []
    return [out / f"{document.id}{ending}" for document in documents for ending in endings] + conf


def _refuse_writing_over_inputs(outputs: list[tuple[Path, list[Document]]], fmt: str,
                                inputs: list[Path]) -> None:
    """A usage error when an output file would replace one of the TEI files being read."""
    read = {path.resolve() for path in inputs}
    for out, documents in outputs:
        for path in _files_written(out, fmt, documents):
            if path.resolve() in read:
                raise UsageError(Errors.E616, path=str(path))


def _print_problems(problems: Problems) -> None:
    for warning in problems.warnings:
        print(warning.diagnostic("warning"), file=sys.stderr)
    for error in problems.errors:
        print(error.diagnostic(), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Load, select and write; exit 0 when every input was exported, else 2."""
    labels = _labels(args.labels)
    label_map = parse_map(args.map) if args.map else {}
    parts = parse_split(args.split) if args.split else None
    out: Path = args.output
    if parts is not None and out.exists() and not out.is_dir():
        raise UsageError(Errors.E617, path=str(out))
    failures = 0

    with Progress(0) as progress:
        def report(error: AnnotatorError) -> None:
            nonlocal failures
            failures += 1
            progress.message(error.diagnostic())

        documents: list[Document] = []
        seen: dict[str, Path] = {}
        found_layers: set[str] = set()
        found_labels: set[str] = set()
        recorded: dict[str, LabelSpec] = {}  # labels' specs in the files' own taxonomies
        for path, read in read_tei_sources(args.sources, report, progress):
            document = rename_labels(read.document, label_map)
            for label, spec in read.taxonomy.labels.items():
                recorded.setdefault(label, spec)
            if document.id in seen:
                report(SaveError(Errors.E618, id=document.id, other=str(seen[document.id]),
                                 path=str(path)))
                continue
            seen[document.id] = path
            found_layers.update(layer_names(document))
            found_labels.update(a.label for a in document.annotations)
            if args.layer != ALL_LAYERS and (args.layer is not None or labels is not None
                                             or has_other_layers(document)):
                document = select_layer(document, args.layer, labels)  # else: all of it
            elif labels is not None:
                document = only_labels(document, labels)
            documents.append(document)

    if not documents:
        print(f"annotator export: nothing to export{' (see above)' if failures else ''}",
              file=sys.stderr)
        return 2
    if args.layer not in (None, ALL_LAYERS) and args.layer not in found_layers:
        print(f"warning: no document has the layer {args.layer!r} (layers: "
              + (", ".join(sorted(found_layers)) or "none") + ")", file=sys.stderr)
    missing = sorted((labels or set()) - found_labels)
    if missing:
        print("warning: no annotation has the label " + ", ".join(missing), file=sys.stderr)
    layer = None if args.layer == ALL_LAYERS else args.layer
    options = ExportOptions(layer=layer, labels=labels, split_proclitics=args.split_proclitics,
                            tokenizer=args.tokenizer,
                            tagset=_kinds(args.tagset, args.sources, recorded),
                            sentences=args.sentences, docstart=args.docstart,
                            source_tags=args.source_tags, per=args.per,
                            window=max(0, args.window))
    unit = "document"
    if parts is None:
        chosen_parts = {"train": documents} if args.format == DATASET_FOLDER else None
    else:
        split = split_corpus(documents, parts, args.seed, args.split_by, options)
        for note in split.notes:
            print(note, file=sys.stderr)
        if not split.parts:
            print("annotator export: every split would be empty; nothing written",
                  file=sys.stderr)
            return 2
        chosen_parts, unit = split.parts, split.by
        if split.by == "sentence":  # each document is one sentence now: no more cuts,
            options.sentences = options.docstart = "none"  # and no -DOCSTART- between them
    if chosen_parts is None:
        outputs = [(out, documents)]
    elif args.format == DATASET_FOLDER:
        outputs = [(split_path(out, name), chosen) for name, chosen in chosen_parts.items()]
    else:
        extension = FILE_EXTENSIONS.get(args.format)
        outputs = [(out / (name + extension if extension else name), chosen)
                   for name, chosen in chosen_parts.items()]
    _refuse_writing_over_inputs(outputs, args.format, list(seen.values()))
    if not args.overwrite:
        refuse_replacing(path for out_path, chosen in outputs
                         for path in _files_written(out_path, args.format, chosen))
    if args.format == DATASET_FOLDER and chosen_parts is not None:
        _prepare_folder(out)
        rows = _write_dataset(chosen_parts, out, options)
        counts = [f"{name} {rows[name]} rows" for name in chosen_parts]
        written = f"{_documents(len(documents))} to {out} ({', '.join(counts)})"
    elif chosen_parts is None:
        with Progress(len(documents)) as writing:
            _write(_advancing(documents, writing), out, args.format, options)
        written = f"{_documents(len(documents))} to {out}"
    else:
        _prepare_folder(out)
        counts = []
        with Progress(sum(map(len, chosen_parts.values()))) as writing:
            for (target, chosen), name in zip(outputs, chosen_parts, strict=True):
                _write(_advancing(chosen, writing), target, args.format, options)
                counts.append(f"{name} {len(chosen)}")
        written = (f"{_documents(len(documents))} to {out} ({', '.join(counts)} "
                   f"{unit}s)")
    _print_problems(options.problems)
    not_carried = options.dropped.warning(args.format)
    if not_carried is not None:
        print(not_carried.diagnostic("warning"), file=sys.stderr)
    print(f"exported {written}", file=sys.stderr)
    return 2 if failures or options.problems.errors else 0


def _write_dataset(parts: dict[str, list[Document]], out: Path,
                   options: ExportOptions) -> dict[str, int]:
    """Write the hf-dataset folder ``out``; rows per split."""
    try:
        return write_dataset_folder(parts, out, options)
    except AnnotatorError:
        raise
    except OSError as error:
        raise SaveError(Errors.E607, reason=error.strerror or str(error), path=str(out)) from None


def _advancing(documents: list[Document], progress: Progress) -> Iterator[Document]:
    """``documents`` one by one, the bar (on a terminal) advanced as each is taken."""
    for document in documents:
        yield document
        progress.advance(document.id)


def _documents(count: int) -> str:
    return f"{count} document" if count == 1 else f"{count} documents"


def _kinds(explicit: Path | None, sources: list[str], recorded: dict[str, LabelSpec]) -> TagSet:
    """The tag set the writers take labels' kinds from: ``--tagset``, else the project's
    (the first source's folder), else the bundled one; with each label it does not know as
    the files' own taxonomies describe it."""
    if explicit is not None:
        base = load_tagset(explicit)
    else:
        first = Path(sources[0])
        base = project_tagset(first if first.is_dir() else first.parent) or default_tagset()
    labels = dict(base.labels)
    for label, spec in recorded.items():
        labels.setdefault(label, spec)
    return TagSet(base.name, labels, base.version, base.path)
