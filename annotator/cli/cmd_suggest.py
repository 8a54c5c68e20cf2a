"""``annotator suggest``: run recommenders over TEI files and write each document, with its
suggestion layer, into an output folder (:mod:`annotator.suggest.registry`)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, FormatError, SaveError
from annotator.layers import GOLD, SUGGESTION, is_open_suggestion, is_work
from annotator.model import Document
from annotator.progress import Progress
from annotator.suggest.proposal import Recommender
from annotator.suggest.registry import (
    DEFAULT_RECOMMENDERS,
    RECOMMENDERS,
    RecommenderSource,
    build_recommender,
    check_recommender,
    model_for,
    suggestion_change,
)
from annotator.tagset import TagSet
from annotator.tei import TeiFile, read_tei_checked, save_tei

from .inputs import expand_sources, is_tei_name, project_tagset, refuse_replacing

HELP = "Propose quotes, claims and names for TEI files; write them with a suggestion layer."

EPILOG = """\
Recommenders (--recommender, repeat it or give NAME,NAME; default: cues, claims, project):
""" + "\n".join(f"  {kind.name:8s} {kind.description}"
                + (" (--model PATH)" if kind.needs_model else "")
                for kind in RECOMMENDERS.values()) + """

Each TEI file is written to OUT under its own name (files from a folder keep their place in
it), holding what it held plus the suggestions: a run replaces the open suggestions of the
recommenders it runs, never proposes what the file's layer already has, and never proposes
again what an annotator rejected.  --project DIR gives the tag set, the extra reporting verbs
and the annotations 'project' learns names from (default: the tag set of the first source's
folder, and the names of all the inputs).  'annotator export --layer suggestion' exports the
suggestions; 'annotator evaluate' scores them against gold (suggest for a layer other than
the one scored against, e.g. --layer nobody, so that none of its spans is skipped).

Files already in OUT are kept, and nothing is written, unless --overwrite is given.  Exit
status: 0 when every file was written, 2 when a file could not be read or written (the others
are still written) or on usage errors.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``annotator suggest``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("sources", nargs="+", metavar="SRC",
                        help="TEI files, or folders searched recursively for *.xml")
    parser.add_argument("-o", "--output", required=True, metavar="OUTDIR", type=Path,
                        help="folder to write the documents with their suggestions to")
    parser.add_argument("--recommender", action="append", metavar="NAME",
                        help="which recommenders: " + ", ".join(RECOMMENDERS)
                             + " (repeat, or NAME,NAME)")
    parser.add_argument("--model", metavar="PATH", type=Path, action="append", default=[],
                        help="model folder of crf ('annotator train') or model (Hugging Face "
                             "or spaCy); repeat it to run both; crf defaults to the "
                             "project's models/crf, model to its suggestions.toml")
    parser.add_argument("--project", metavar="DIR", type=Path,
                        help="project folder: tag set, reporting verbs, names to learn")
    parser.add_argument("--layer", metavar="gold|NAME",
                        help="the layer suggestions are for; what it holds is not proposed "
                             "(default: gold when a file has it, else its one annotator's)")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace files already in OUTDIR")


def recommender_names(values: list[str] | None) -> list[str]:
    """The recommenders asked for, in order, each once (``cues,claims`` counts as two)."""
    if not values:
        return list(DEFAULT_RECOMMENDERS)
    names = [name.strip() for value in values for name in value.split(",") if name.strip()]
    return list(dict.fromkeys(names))


def output_paths(sources: list[str], out: Path,
                 report: list[AnnotatorError]) -> dict[Path, Path]:
    """Each input TEI file and the file it is written to: ``OUT/name``, or for a folder given,
    ``OUT/`` plus its path inside the folder.  A second input for the same output is left
    out (recorded in ``report``, as are sources that cannot be read)."""
    targets: dict[Path, Path] = {}
    taken: set[Path] = set()
    for source in sources:
        folder = Path(source)
        warnings: list[AnnotatorError] = []
        for path in expand_sources([source], is_tei_name, report, exclude=out,
                                   warnings=warnings):
            target = out / (path.relative_to(folder) if folder.is_dir() else path.name)
            if target.resolve() in taken:
                report.append(FormatError(Errors.E080, target=str(target), path=str(path)))
                continue
            if path not in targets:
                taken.add(target.resolve())
                targets[path] = target
        for warning in warnings:
            print(warning.diagnostic("warning"), file=sys.stderr)
    return targets


def target_layer(document: Document, layer: str | None) -> tuple[str, bool]:
    """``(annotator, gold)`` of the layer suggestions are for (see ``--layer``)."""
    if layer == GOLD or (layer is None and any(a.layer == GOLD for a in document.annotations)):
        return "", True
    if layer is not None:
        return layer, False
    annotators = {a.annotator for a in document.annotations if is_work(a)}
    return (annotators.pop() if len(annotators) == 1 else ""), False


def tagset_to_write(read: TeiFile, labels: TagSet) -> TagSet:
    """The file's own taxonomy, with the labels suggestions brought described as ``labels``
    describes them."""
    merged = dict(read.taxonomy.labels)
    for annotation in read.document.annotations:
        if annotation.label not in merged:
            merged[annotation.label] = labels.get(annotation.label)
    taxonomy = read.taxonomy
    return TagSet(taxonomy.name, merged, taxonomy.version, taxonomy.path)


def _read(path: Path) -> TeiFile:
    try:
        return read_tei_checked(path)
    except AnnotatorError as error:
        raise error if error.path else error.at(str(path)) from None
    except OSError as error:
        raise FormatError(Errors.E600, reason=error.strerror or str(error),
                          path=str(path)) from None


def _save(document: Document, target: Path, read: TeiFile, labels: TagSet) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        save_tei(document, target, tagset=tagset_to_write(read, labels), snapshot=read.snapshot)
    except AnnotatorError:
        raise
    except OSError as error:
        raise SaveError(Errors.E607, reason=error.strerror or str(error),
                        path=str(target)) from None


def run(args: argparse.Namespace) -> int:
    """Build the recommenders, then read, suggest and write file by file."""
    out: Path = args.output
    if out.exists() and not out.is_dir():
        raise FormatError(Errors.E614, path=str(out))
    if args.project is not None and not args.project.is_dir():
        raise FormatError(Errors.E614 if args.project.exists() else Errors.E603,
                          path=str(args.project))
    names = recommender_names(args.recommender)
    problems: list[AnnotatorError] = []
    targets = output_paths(args.sources, out, problems)
    read_paths = {path.resolve() for path in targets}
    for target in targets.values():
        if target.resolve() in read_paths:
            raise FormatError(Errors.E604, option="-o", path=str(target))
    if not args.overwrite:
        refuse_replacing(targets.values())
    first = Path(args.sources[0])
    tagset = None if args.project else project_tagset(first if first.is_dir() else first.parent)
    models = {name: model_for(name, args.model, args.project) for name in names}
    for name in names:  # an unknown name or a missing model fails before anything is read
        check_recommender(name, RecommenderSource(args.project, models[name]))
    failures = len(problems)
    for problem in problems:
        print(problem.diagnostic(), file=sys.stderr)

    with Progress(len(targets)) as progress:
        def report(error: AnnotatorError) -> None:
            nonlocal failures
            failures += 1
            progress.message(error.diagnostic())

        unreadable: set[Path] = set()

        def inputs() -> Iterator[Document]:
            """The inputs, read one by one, for 'project' to learn their names."""
            for path in targets:
                progress.draw(f"learning names: {path.name}")
                try:
                    yield _read(path).document
                except AnnotatorError as error:
                    report(error)
                    unreadable.add(path)

        learn = "project" in names and args.project is None
        source = RecommenderSource(args.project, None, inputs() if learn else (), tagset)
        recommenders: list[Recommender] = [
            build_recommender(name, dataclasses.replace(source, model=models[name]))
            for name in names]
        labels = source.labels()
        counts: Counter[str] = Counter()
        written = 0
        for path, target in targets.items():
            if path in unreadable:
                progress.advance(path.name)
                continue
            progress.draw(path.name)
            try:
                read = _read(path)
                document = read.document
                annotator, gold = target_layer(document, args.layer)

                def step(name: str, done: int, total: int, file: str = path.name) -> None:
                    progress.draw(f"{name} {done}/{total}: {file}")

                change = suggestion_change(document, recommenders, annotator=annotator,
                                           gold=gold, progress=step if progress.enabled
                                           else None)
                change.apply(document)
                _save(document, target, read, labels)
            except AnnotatorError as error:
                report(error)
            else:
                written += 1
                counts.update(a.annotator for a in change.after
                              if a.layer == SUGGESTION and is_open_suggestion(a))
            progress.advance(path.name)
    total = sum(counts.values())
    detail = ", ".join(f"{name} {counts[name]}" for name in names)
    print(f"suggested {total} span{'s' if total != 1 else ''} ({detail}) in {written} "
          f"document{'s' if written != 1 else ''} written to {out}", file=sys.stderr)
    if not targets and not failures:
        print("annotator suggest: no TEI files in the sources given", file=sys.stderr)
        return 2
    return 2 if failures else 0
