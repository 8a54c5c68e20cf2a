"""``annotator import SRC… --project DIR --annotator NAME``: annotations made elsewhere into
NAME's layer of a team project's documents, matched by document id."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, SaveError
from annotator.formats import ImportOptions, Problems, guess_format
from annotator.labelmap import parse_map, rename_labels
from annotator.progress import Progress
from annotator.tagset import load_tagset, tagset_for
from annotator.teamimport import IMPORTED, import_layer
from annotator.teamproject import ProjectError, TeamProject, check_name

from .inputs import expand_sources, read_each


def run_into_project(args: argparse.Namespace, wanted: Callable[[Path], bool]) -> int:
    """Import every source into ``args.annotator``'s layer of ``args.project``; 0 when all of
    it was imported, else 2 (each failing document or file is one line on stderr)."""
    if not args.annotator:
        raise ProjectError(Errors.E728)
    name = check_name(args.annotator)
    project = TeamProject.open(args.project)
    tagset = load_tagset(args.tagset) if args.tagset else tagset_for(project.root)
    options = ImportOptions(encoding=args.encoding, annotator=name,
                            replace_invalid=args.replace_invalid, repair=args.repair,
                            split_proclitics=args.split_proclitics)
    label_map = parse_map(args.map) if getattr(args, "map", None) else {}
    source_errors: list[AnnotatorError] = []
    files = expand_sources(args.sources, wanted, source_errors, exclude=project.root)
    imported = unchanged = 0
    with Progress(len(files)) as progress:
        problems = Problems(on_problem=lambda error, is_error: progress.message(
            error.diagnostic("error" if is_error else "warning")))
        for error in source_errors:
            problems.error(error)
        for path in files:
            progress.draw(path.name)
            where = str(path)
            fmt = guess_format(path) if args.format == "auto" else args.format
            for document in read_each(path, fmt, options, problems):
                document = rename_labels(document, label_map)  # --map, as a plain import does
                try:
                    done = import_layer(project, name, document,
                                        replace_layer=args.replace, tagset=tagset)
                except AnnotatorError as error:
                    problems.error(error if error.path else error.at(where))
                    continue
                except OSError as error:  # this document's layer file: the rest go on
                    problems.error(SaveError(Errors.E607, reason=error.strerror or str(error),
                                             path=str(project.layer_path(name, document.id))))
                    continue
                for warning in done.warnings:
                    problems.warn(warning.at(where))
                if done.outcome == IMPORTED:
                    imported += 1
                else:
                    unchanged += 1
            progress.advance(path.name)
    failed = len(problems.errors)
    summary = (f"imported {imported} document{'s' * (imported != 1)} into {name}'s layer of "
               f"{args.project}")
    if unchanged:
        summary += f" ({unchanged} unchanged)"
    if failed:
        summary += f"; {failed} failed (see above)"
    print(summary, file=sys.stderr)
    return 2 if failed else 0
