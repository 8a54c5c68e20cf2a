"""``annotator stats``: annotations counted per label, per annotator and per layer."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotator.errors import AnnotatorError
from annotator.layers import GOLD, SUGGESTION, is_open_suggestion
from annotator.model import Annotation, Document
from annotator.progress import Progress

from .cmd_show import display_width
from .inputs import load_tei_sources

HELP = "Count annotations per label, annotator and layer in TEI files (a table, or --json)."
NO_NAME = "(none)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``annotator stats``."""
    parser.add_argument("sources", nargs="+", metavar="TEI",
                        help="TEI files, or folders searched recursively for *.xml")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def layer_of(annotation: Annotation) -> str:
    """The layer an annotation belongs to: ``gold``, ``suggestion`` or its annotator's
    name."""
    return annotation.layer or annotation.annotator or NO_NAME


@dataclass
class Stats:
    """Counts over a set of documents."""

    documents: int = 0
    characters: int = 0
    annotations: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    label_layers: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    annotators: Counter[str] = field(default_factory=Counter)
    annotator_documents: Counter[str] = field(default_factory=Counter)
    layers: Counter[str] = field(default_factory=Counter)
    layer_documents: Counter[str] = field(default_factory=Counter)
    links: Counter[str] = field(default_factory=Counter)
    failed_files: int = 0

    def add(self, document: Document) -> None:
        """Count one document."""
        self.documents += 1
        self.characters += len(document.text)
        annotators: set[str] = set()
        layers: set[str] = set()
        for annotation in document.annotations:
            if annotation.layer == SUGGESTION and not is_open_suggestion(annotation):
                continue  # a decision remembered (rejected, accepted), not an annotation
            self.annotations += 1
            layer = layer_of(annotation)
            self.labels[annotation.label] += 1
            self.label_layers[annotation.label][layer] += 1
            self.layers[layer] += 1
            layers.add(layer)
            if annotation.layer != SUGGESTION:  # a recommender is not an annotator
                annotator = annotation.annotator or NO_NAME
                self.annotators[annotator] += 1
                annotators.add(annotator)
            for link in annotation.links:
                self.links[link.role] += 1
        self.annotator_documents.update(annotators)
        self.layer_documents.update(layers)

    def layer_names(self) -> list[str]:
        """Layers, gold first, then by size."""
        names = sorted(self.layers, key=lambda name: (name != GOLD, -self.layers[name], name))
        return names

    def to_json(self) -> dict[str, Any]:
        """Everything as plain JSON-ready values."""
        return {
            "documents": self.documents, "characters": self.characters,
            "annotations": self.annotations, "failed_files": self.failed_files,
            "labels": {label: {"total": count, "layers": dict(self.label_layers[label])}
                       for label, count in self.labels.most_common()},
            "annotators": {name: {"annotations": count,
                                  "documents": self.annotator_documents[name]}
                           for name, count in self.annotators.most_common()},
            "layers": {name: {"annotations": self.layers[name],
                              "documents": self.layer_documents[name]}
                       for name in self.layer_names()},
            "links": dict(self.links.most_common()),
        }


def table(header: list[str], rows: Iterable[list[object]]) -> str:
    """Columns padded to their widest cell: the first left-aligned, numbers right-aligned."""
    cells = [header, *([str(value) for value in row] for row in rows)]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        padded = [row[0] + " " * (widths[0] - display_width(row[0]))]
        padded += [" " * (w - display_width(c)) + c for c, w in zip(row[1:], widths[1:],
                                                                    strict=True)]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines)


def stats_to_text(stats: Stats) -> str:
    """The human-readable report."""
    parts = [f"{stats.documents} documents, {stats.characters:,} characters, "
             f"{stats.annotations} annotations"]
    if not stats.annotations:
        return parts[0]
    layers = stats.layer_names()
    parts.append(table(["label", "total", *layers],
                       ([label, count, *(stats.label_layers[label][layer] for layer in layers)]
                        for label, count in stats.labels.most_common())))
    parts.append(table(["annotator", "annotations", "documents"],
                       ([name, count, stats.annotator_documents[name]]
                        for name, count in stats.annotators.most_common())))
    parts.append(table(["layer", "annotations", "documents"],
                       ([name, stats.layers[name], stats.layer_documents[name]]
                        for name in layers)))
    if stats.links:
        parts.append(table(["link", "count"], ([role, count]
                                               for role, count in stats.links.most_common())))
    return "\n\n".join(parts)


def run(args: argparse.Namespace) -> int:
    """Count and print; exit 0, or 2 when a file could not be read."""
    stats = Stats()
    with Progress(0) as progress:
        def report(error: AnnotatorError) -> None:
            stats.failed_files += 1
            progress.message(error.diagnostic())

        for _, document in load_tei_sources(args.sources, report, progress):
            stats.add(document)
    if not stats.documents and not stats.failed_files:
        print("annotator stats: no TEI files found (*.xml)", file=sys.stderr)
    if args.json:
        json.dump(stats.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(stats_to_text(stats))
    return 2 if stats.failed_files or not stats.documents else 0
