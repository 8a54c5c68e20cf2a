"""``annotator train``: a CRF model from the annotations of TEI files or any format import reads."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, FormatError, SaveError
from annotator.formats import READERS, ImportOptions, Problems, guess_format
from annotator.model import Document
from annotator.progress import Progress
from annotator.suggest.crf_gazetteer import name_lists
from annotator.suggest.crf_model import CrfSettings, train_crf
from annotator.suggest.project_training import has_model, save_model_folder

from .cmd_import import wanted_files
from .inputs import expand_sources, read_each

HELP = "Train the CRF recommender from annotated documents into a model folder."

EPILOG = """\
The model learns the entities of one layer of each document: --layer gold, or an
annotator's name; by default the gold layer where a document has one, else every annotator's
work.  Quotes and claims are left out.  Sources are TEI files or folders, or any file
'annotator import' reads (CoNLL, JSONL, brat, Hugging Face...).

Word clusters are learnt from the text of the sources and of --unlabelled documents (the
project's documents nobody annotated yet: only their text is read) and stored in the model,
so proposing needs nothing else.  So are the names of the name lists the model marks
(places, organisations, person names: the bundled lists, plus each --name-list file, its
label taken from its name: ORG.txt adds organisations, TEAM.txt a list of its own).

A model folder that already holds a model is kept, and nothing is trained, unless
--overwrite is given; the new model then takes its place only once it is written whole.
The model folder holds model.crfsuite and model.json (labels, date, training size, word
clusters, and with --folds K the F1 per label of K models each scored on the documents it
did not see).
'annotator suggest --recommender crf --model MODEL' proposes with it.
Exit status: 0 when trained, 2 when an input failed or nothing could be learned.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``annotator train``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("sources", nargs="+", metavar="SRC", help="files or folders")
    parser.add_argument("-o", "--output", metavar="MODEL", type=Path, required=True,
                        help="model folder to write (created if missing)")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace the model already in MODEL")
    parser.add_argument("--layer", metavar="gold|NAME", default=None,
                        help="layer to learn from (default: gold where present, else all work)")
    parser.add_argument("--format", default="auto", choices=["auto", *READERS],
                        help="input format (default: by file ending)")
    parser.add_argument("--repair", action="store_true",
                        help="fix what can be fixed in malformed token files, and say what")
    parser.add_argument("--encoding", metavar="NAME", help="encoding of text inputs")
    parser.add_argument("--unlabelled", nargs="+", default=[], metavar="SRC",
                        help="unannotated documents whose text the word clusters learn from")
    parser.add_argument("--name-list", action="append", default=[], type=Path,
                        metavar="LABEL.txt",
                        help="a list of names (one a line) to add to the bundled ones; "
                             "repeatable")
    parser.add_argument("--folds", type=int, default=0, metavar="K",
                        help="cross-validate on K folds of the documents (default: none)")
    defaults = CrfSettings()
    parser.add_argument("--c1", type=float, default=defaults.c1, help=argparse.SUPPRESS)
    parser.add_argument("--c2", type=float, default=defaults.c2, help=argparse.SUPPRESS)
    parser.add_argument("--iterations", type=int, default=defaults.max_iterations,
                        metavar="N",
                        help=f"training iterations (default {defaults.max_iterations})")


def _read(args: argparse.Namespace, sources: list[str], problems: Problems) -> list[Document]:
    errors: list[AnnotatorError] = []
    skipped: list[AnnotatorError] = []
    files = expand_sources(sources, wanted_files(args.format), errors,
                           exclude=args.output, warnings=skipped)
    for error in errors:
        problems.error(error)
    for warning in skipped:
        problems.warn(warning)
    options = ImportOptions(encoding=args.encoding, repair=args.repair)
    documents: list[Document] = []
    for path in files:
        fmt = guess_format(path) if args.format == "auto" else args.format
        documents.extend(read_each(path, fmt, options, problems))
    return documents


def run(args: argparse.Namespace) -> int:
    """Read the sources, train, save; 0 when the model was written."""
    if args.folds < 0 or args.folds == 1:
        raise FormatError(Errors.E629, folds=args.folds)
    if args.iterations < 1:
        raise FormatError(Errors.E608, iterations=args.iterations)
    if args.output.exists() and not args.output.is_dir():
        raise FormatError(Errors.E624, path=str(args.output))
    if not args.overwrite and has_model(args.output):
        raise SaveError(Errors.E647, path=str(args.output))
    lists = name_lists(extra=args.name_list)
    with Progress(0) as progress:
        problems = Problems(on_problem=lambda problem, is_error: progress.message(
            problem.diagnostic("error" if is_error else "warning")))
        documents = _read(args, args.sources, problems)
        unlabelled = _read(args, args.unlabelled, problems) if args.unlabelled else []
        if problems.errors:
            print(f"nothing trained: {len(problems.errors)} input(s) failed (see above)",
                  file=sys.stderr)
            return 2
        if not documents:
            raise FormatError(Errors.E609)

        def report(done: int, total: int) -> None:
            progress.total = total
            progress.done = done
            progress.draw("training")

        settings = CrfSettings(c1=args.c1, c2=args.c2, max_iterations=args.iterations)
        model = train_crf(documents, layer=args.layer, settings=settings, folds=args.folds,
                          progress=report, unlabelled=unlabelled, lists=lists)
        model.info["folds"] = min(args.folds, len(documents)) \
            if model.info.get("cross_validation") else 0
    try:
        save_model_folder(model, args.output)
    except OSError as error:
        raise SaveError(Errors.E607, reason=error.strerror or str(error),
                        path=str(args.output)) from None
    info = model.info
    print(f"trained on {info['documents']} document(s), {info['tokens']} tokens, "
          f"{sum(info['entities'].values())} entities ({', '.join(info['labels'])}) in "
          f"{info['training_seconds']:.1f} s; word clusters of {info['clustered_words']} words "
          f"(text of {len(unlabelled)} unannotated document(s) added); model in {args.output}",
          file=sys.stderr)
    scores = info.get("cross_validation")
    if args.folds and not scores:
        print(FormatError(Errors.E619, folds=args.folds, count=info["documents"]).diagnostic(
            "warning"), file=sys.stderr)
    if scores:
        print(f"cross-validated on {info['folds']} folds (exact spans): "
              + ", ".join(f"{label} F1 {row['f1']:.3f}" for label, row in scores.items()),
              file=sys.stderr)
    return 0
