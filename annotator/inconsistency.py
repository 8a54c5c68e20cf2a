"""Inconsistent labelling of names across a corpus, and the fix of each as data.

A name is the folded text of an entity annotation (:func:`annotator.search.fold`: alef forms,
ya, ta marbuta, case; harakat and tatweel dropped).  Within the annotations considered (per
file, :func:`annotator.layers.select_layer` of ``layer``: gold where a file has it, else all),
a name is inconsistent when

- it carries different labels in different places (``mixed``), or
- it is labelled in some places and its other occurrences are left bare (``missing``): an
  occurrence as :func:`annotator.occurrences.find_occurrences` finds it (proclitics allowed)
  that no name annotation considered overlaps (a name inside a quote is bare).

Each :class:`Finding` counts its labels overall and per file, and offers fixes
(:class:`Fix`): relabel every instance to the majority label, annotate the missing occurrences
with it, or remove every instance.  A fix is planned against a document as it is when applied
(:func:`fix_changes`), so it can go through an :class:`~annotator.session.EditSession` (one
undo step, the open document) or be written to the file (:func:`fix_file`, atomically).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import regex

from annotator import edits
from annotator.concordance import Corpus
from annotator.edits import Change
from annotator.layers import GOLD, select_layer
from annotator.model import Annotation, Document
from annotator.occurrences import find_occurrences
from annotator.search import fold, folded_text
from annotator.tagset import TagSet
from annotator.tei import read_tei_checked, save_tei

FixAction = Literal["relabel", "annotate", "remove"]
NAME_KINDS = frozenset({"entity", "unknown"})
_WORD = regex.compile(r"\w")


@dataclass(frozen=True)
class Fix:
    """One way to make a name consistent: ``relabel`` its instances as ``label``, ``annotate``
    its bare occurrences with ``label`` (by ``annotator``, in ``layer``), or ``remove`` its
    instances."""

    action: FixAction
    label: str = ""
    annotator: str = ""
    layer: str = ""

    def describe(self) -> str:
        """The fix in a few English words (the app words it in its own language)."""
        if self.action == "relabel":
            return f"relabel all as {self.label}"
        if self.action == "annotate":
            return f"annotate the missing as {self.label}"
        return "remove every label"


@dataclass(frozen=True)
class Place:
    """What one file holds of a name: its labels (counts) and its bare occurrences."""

    path: str
    document_id: str
    labels: dict[str, int]
    missing: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Finding:
    """A name labelled inconsistently (see the module docstring)."""

    key: str
    """The folded name."""
    name: str
    """Its most frequent spelling."""
    labels: dict[str, int]
    """Instances per label, most first."""
    places: tuple[Place, ...]
    annotator: str = ""
    """Who labelled it most (new annotations are theirs)."""
    layer: str = ""
    """``gold`` when the instances are gold, else ``""``."""
    fixes: tuple[Fix, ...] = field(default=())

    @property
    def majority(self) -> str:
        """The most frequent label (ties: the first by name)."""
        return next(iter(self.labels))

    @property
    def missing(self) -> int:
        """How many occurrences are left bare."""
        return sum(len(p.missing) for p in self.places)

    @property
    def kinds(self) -> tuple[str, ...]:
        """``mixed`` and/or ``missing``."""
        return (("mixed",) if len(self.labels) > 1 else ()) + (
            ("missing",) if self.missing else ())

    @property
    def recommended(self) -> tuple[Fix, ...]:
        """The fixes that make it consistent with its majority label."""
        return tuple(f for f in self.fixes if f.action != "remove")

    def to_json(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {"name": self.name, "key": self.key, "kinds": list(self.kinds),
                "labels": self.labels, "missing": self.missing, "majority": self.majority,
                "places": [{"path": p.path, "document": p.document_id, "labels": p.labels,
                            "missing": [list(s) for s in p.missing]} for p in self.places],
                "fixes": [{"action": f.action, "label": f.label} for f in self.fixes]}


def is_name_label(label: str, taxonomy: TagSet) -> bool:
    """True for labels of names (kind ``entity``, or a label the tag set does not know)."""
    return taxonomy.get(label).kind in NAME_KINDS


def considered(document: Document, layer: str | None, taxonomy: TagSet,
               labels: Collection[str] | None = None) -> list[Annotation]:
    """The name annotations of ``document`` a check looks at: :func:`select_layer`'s rule
    for ``layer``, and one of ``labels`` (default: the labels of names in ``taxonomy``)."""
    ids = set(select_layer(document, layer).annotations.ids())
    return [a for a in document.annotations.sorted()
            if a.id in ids and (a.label in labels if labels is not None
                                else is_name_label(a.label, taxonomy))]


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def _instances(document: Document, names: list[Annotation]) -> list[tuple[str, Annotation]]:
    found = []
    for annotation in names:
        surface = document.span_text(annotation)
        if _WORD.search(surface):
            found.append((_key(surface), annotation))
    return found


def find_inconsistencies(corpus: Corpus, *, layer: str | None = None,
                         labels: Collection[str] | None = None) -> list[Finding]:
    """Every inconsistently labelled name of ``corpus`` (its annotated files), most
    instances first.  ``labels`` limits the labels looked at (default: names' labels)."""
    items = corpus.annotated()
    names = [considered(item.document, layer, item.taxonomy, labels) for item in items]
    per_file = [_instances(item.document, found) for item, found in zip(items, names,
                                                                         strict=True)]
    spellings: dict[str, Counter[str]] = {}
    for item, found in zip(items, per_file, strict=True):
        for key, annotation in found:
            spellings.setdefault(key, Counter())[item.document.span_text(annotation)] += 1
    findings = []
    places: dict[str, list[Place]] = {key: [] for key in spellings}
    # The most frequent spelling of each name, and its folding: a name whose folding is
    # not in a text's folding does not occur there (one C-speed test before the search).
    surfaces = {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}
    needles = {key: fold(surface) for key, surface in surfaces.items()}
    for item, found, covered in zip(items, per_file, names, strict=True):
        document = item.document
        folded = folded_text(document.text).folded
        here: dict[str, Counter[str]] = {}
        for key, annotation in found:
            here.setdefault(key, Counter())[annotation.label] += 1
        for key, surface in surfaces.items():
            bare = (tuple(_bare(document, surface, covered)) if needles[key] in folded
                    else ())
            if key in here or bare:
                places[key].append(Place(item.path, document.id,
                                         dict(here.get(key, Counter())), bare))
    owners: dict[str, Counter[tuple[str, str]]] = {}
    for found in per_file:
        for key, annotation in found:
            owners.setdefault(key, Counter())[(annotation.annotator,
                                               GOLD if annotation.layer == GOLD else "")] += 1
    for key, counts in spellings.items():
        total: Counter[str] = Counter()
        for place in places[key]:
            total.update(place.labels)
        ordered = dict(sorted(total.items(), key=lambda kv: (-kv[1], kv[0])))
        annotator, layer_name = owners[key].most_common(1)[0][0]
        finding = Finding(key, counts.most_common(1)[0][0], ordered, tuple(places[key]),
                          annotator, layer_name)
        if not finding.kinds:
            continue
        majority = finding.majority
        fixes: list[Fix] = []
        if "mixed" in finding.kinds:
            fixes.append(Fix("relabel", majority, annotator, layer_name))
        if "missing" in finding.kinds:
            fixes.append(Fix("annotate", majority, annotator, layer_name))
        fixes.append(Fix("remove", "", annotator, layer_name))
        findings.append(Finding(key, finding.name, ordered, finding.places, annotator,
                                layer_name, tuple(fixes)))
    findings.sort(key=lambda f: (-sum(f.labels.values()) - f.missing, f.key))
    return findings


def _bare(document: Document, surface: str, covered: Sequence[Annotation]
          ) -> list[tuple[int, int]]:
    """Occurrences of ``surface`` in ``document`` that no annotation of ``covered`` overlaps."""
    spans = find_occurrences(document.text, surface)
    if not spans:
        return []
    ids = {a.id for a in covered}
    index = document.annotations
    return [(start, end) for start, end in spans
            if not any(a.id in ids for a in index.overlapping(start, end))]


def fix_changes(document: Document, finding: Finding, fix: Fix, *, tagset: TagSet,
                layer: str | None = None, labels: Collection[str] | None = None,
                apply: Callable[[Change], object] | None = None) -> list[Change]:
    """Plan ``fix`` of ``finding`` on ``document`` as it is now, and apply each change with
    ``apply`` as soon as it is built (``change.apply(document)`` by default), so the next is
    built on the state it will meet.  Returns the changes (none: nothing to do here)."""
    do = apply or (lambda change: change.apply(document))
    names = considered(document, layer, tagset, labels)
    instances = [a for a in names
                 if a.label in finding.labels and _key(document.span_text(a)) == finding.key]
    changes: list[Change] = []
    if fix.action == "relabel":
        for annotation in instances:
            if annotation.label != fix.label:
                change = edits.relabel(document, annotation_id=annotation.id, label=fix.label,
                                       tagset=tagset)
                do(change)
                changes.append(change)
    elif fix.action == "remove":
        for annotation in instances:
            if annotation.id in document.annotations:
                change = edits.delete_annotation(document, annotation_id=annotation.id)
                do(change)
                changes.append(change)
    else:
        owners = Counter(a.annotator for a in instances)
        annotator = owners.most_common(1)[0][0] if owners else fix.annotator
        for start, end in _bare(document, finding.name, names):
            change = edits.add_annotation(document, start=start, end=end, label=fix.label,
                                          annotator=annotator, layer=fix.layer, tagset=tagset)
            do(change)
            changes.append(change)
    return changes


def fix_file(path: str | Path, finding: Finding, fix: Fix, *,
             layer: str | None = None, labels: Collection[str] | None = None) -> int:
    """Apply ``fix`` to the TEI file at ``path`` and save it in place atomically (nothing is
    written when nothing changes).  Returns the number of changes; a file that cannot be
    read or written raises one line and is left as it was."""
    read = read_tei_checked(path)
    document = read.document
    changes = fix_changes(document, finding, fix, layer=layer, labels=labels,
                          tagset=read.taxonomy)
    if changes:
        labels = sorted({a.label for a in document.annotations})
        save_tei(document, path, tagset=read.taxonomy.with_labels(labels),
                 snapshot=read.snapshot)
    return len(changes)
