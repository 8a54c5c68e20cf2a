"""Training the project's CRF off the GUI thread.

:func:`train_project` is the work itself, plain Python calling the core: read the project's
documents (:func:`annotator.suggest.project_training.project_training_set`; the open document
as the window holds it, unsaved edits included) and its name lists
(:func:`annotator.suggest.crf_gazetteer.name_lists`: its ``gazetteer`` folder's
``LABEL.txt`` files besides the bundled ones), train with cross-validation on up to
:data:`~annotator.suggest.project_training.FOLDS` folds, and save the model into the job's
staging folder.  It never touches the project's model folder: the window puts the staging
folder in its place once the child says it is done
(:func:`~annotator.suggest.project_training.replace_folder`), so a training that fails or is
cancelled leaves the model there before as it was.

:class:`TrainRunner` runs one training at a time in a child process
(:class:`annotator_ui.child_runner.ChildRunner`).  Progress is ``(done, total, name)``: a file
being read (``name`` is its name), then training iterations over all folds (``name`` is "").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator_ui.child_runner import ChildRunner, serve
from annotator_ui.corpus_runner import OpenDocument
from PySide6.QtCore import QObject

from annotator.concordance import corpus_files
from annotator.errors import AnnotatorError
from annotator.gcpause import CollectorPaused
from annotator.suggest.crf_gazetteer import name_lists
from annotator.suggest.crf_model import CrfSettings, train_crf
from annotator.suggest.project_training import FOLDS, folds_for, project_training_set

PROGRESS_EVERY = 0.1  # seconds between progress messages from the child

Step = Callable[[int, int, str], None]


@dataclass(frozen=True)
class TrainJob:
    """A training: the project ``folder``, the empty ``staging`` folder the model is saved
    in, the folds wanted, the iterations (None: the CRF's default) and the open document
    (its file and its content as the window holds it)."""

    folder: Path
    staging: Path
    folds: int = FOLDS
    iterations: int | None = None
    open_path: str | None = None
    open_document: OpenDocument | None = None


@dataclass
class TrainResult:
    """A finished training: the model's ``info`` (as ``model.json`` keeps it), the folder it
    was saved in, and the files that could not be read (left out)."""

    info: dict[str, Any]
    staging: Path
    skipped: list[AnnotatorError] = field(default_factory=list)


def train_project(job: TrainJob, step: Step) -> TrainResult:
    """Read, train and save as ``job`` says, calling ``step(done, total, name)`` as it goes
    (module docstring).  Raises :class:`AnnotatorError` when nothing can be learned."""
    files, _missing = corpus_files([job.folder])
    read = 0

    def reading(name: str) -> None:
        nonlocal read
        step(read, len(files), name)
        read += 1

    opened = {}
    if job.open_path and job.open_document is not None:
        opened[Path(job.open_path)] = job.open_document.document()
    found = project_training_set(job.folder, open_documents=opened, progress=reading)
    if found.tagset is None:  # the project's tag set cannot be read
        raise found.errors[0]
    settings = CrfSettings() if job.iterations is None else CrfSettings(
        max_iterations=job.iterations)
    folds = folds_for(len(found.labelled), job.folds)
    model = train_crf(found.labelled, tagset=found.tagset, settings=settings, folds=folds,
                      progress=lambda done, total: step(done, total, ""),
                      unlabelled=found.unlabelled, lists=name_lists(job.folder))
    model.info["folds"] = folds if model.info.get("cross_validation") else 0
    model.save(job.staging)
    return TrainResult(model.info, job.staging, found.errors)


def _child(job: TrainJob, connection: Any) -> None:
    """The child process: train, sending progress now and then (and its end), then the
    result."""
    with CollectorPaused():  # a bulk build leaving no cycles (as the suggestion child's)
        serve(connection, lambda step: train_project(job, step), str(job.folder),
              every=PROGRESS_EVERY, send_end=True)


class TrainRunner(ChildRunner):
    """Runs one :class:`TrainJob` at a time in a child process (:class:`ChildRunner`):
    ``finished(run, result)`` carries a :class:`TrainResult`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_child, "training", parent)
