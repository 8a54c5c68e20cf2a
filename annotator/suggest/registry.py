"""Recommenders by name: the one place the command line and the app build them from.

Each entry of :data:`RECOMMENDERS` says what a recommender proposes and how to build it from
a :class:`RecommenderSource` (the project folder, a model folder, documents to learn from).
An entry whose ``build`` is None is known but not installed: asking for it raises one line.
A new recommender is one more entry (or, for ``model``, a ``build`` filled in).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.edits import Change
from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError
from annotator.model import Document
from annotator.suggest.model_folder import project_model
from annotator.suggest.proposal import Progress, Proposal, Recommender
from annotator.suggest.store import store_proposals
from annotator.tagset import TagSet, tagset_for
from annotator.wordindex import folded_words


class RecommenderError(AnnotatorError):
    """A recommender that cannot be built: unknown, missing its model, not installed."""


@dataclass(frozen=True)
class RecommenderSource:
    """What recommenders are built from.

    ``project``: a project folder (its ``tagset.toml``, its ``reporting_verbs.txt``, and the
    TEI files whose names ``project`` learns); ``model``: a model folder (``crf``, ``model``);
    ``documents``: more documents to learn names from (the app's open document, the command
    line's inputs, read as they come: ``project`` goes through them once); ``tagset``: the
    labels to propose, instead of the project's; ``superseded``: files of the project not to
    read, since ``documents`` holds a newer version of each (the app's open document, which
    may have edits not saved yet: reading its file as well would count its names twice).
    """

    project: Path | None = None
    model: Path | None = None
    documents: Iterable[Document] = ()
    tagset: TagSet | None = None
    superseded: frozenset[Path] = frozenset()

    def labels(self) -> TagSet:
        """The tag set recommenders propose labels of."""
        return self.tagset or tagset_for(self.project)


Builder = Callable[[RecommenderSource], Recommender]


@dataclass(frozen=True)
class RecommenderKind:
    """One registry entry: ``name`` (``Proposal.recommender``), a one-line ``description``,
    whether it reads a model folder, and how to build it (None: not installed)."""

    name: str
    description: str
    needs_model: bool = False
    build: Builder | None = field(default=None, compare=False)


def _cues(source: RecommenderSource) -> Recommender:
    from annotator.suggest.cues import reporting_verbs
    from annotator.suggest.quote_cues import QuoteCues

    return QuoteCues(source.labels(), reporting_verbs(source.project))


def _claims(source: RecommenderSource) -> Recommender:
    from annotator.suggest.claim_cues import ClaimCues
    from annotator.suggest.cues import reporting_verbs

    return ClaimCues(source.labels(), reporting_verbs(source.project))


def _project(source: RecommenderSource) -> Recommender:
    from annotator.suggest.project_names import ProjectNames

    if source.project is not None:
        names = ProjectNames.from_folder(source.project, skip=source.superseded)
        if source.tagset is not None:
            names.tagset = source.tagset
    else:
        names = ProjectNames((), source.labels())
    for document in source.documents:
        names.learn(document)
    return names


def _crf(source: RecommenderSource) -> Recommender:
    from annotator.suggest.crf_model import CrfRecommender, load_crf_model

    assert source.model is not None  # build_recommender checks it
    return CrfRecommender(load_crf_model(source.model))


def _model(source: RecommenderSource) -> Recommender:
    from annotator.suggest.model_folder import model_recommender

    return model_recommender(source.model, source.project, source.labels())


RECOMMENDERS: dict[str, RecommenderKind] = {kind.name: kind for kind in (
    RecommenderKind("cues", "quotes and their speakers, from reporting verbs", build=_cues),
    RecommenderKind("claims", "sentences with figures, comparisons or attributions",
                    build=_claims),
    RecommenderKind("project", "names annotated elsewhere in the project, where they occur",
                    build=_project),
    RecommenderKind("crf", "entities a CRF trained with 'annotator train' finds",
                    needs_model=True, build=_crf),
    # A Hugging Face or spaCy model folder: --model, or the project's suggestions.toml.
    RecommenderKind("model", "entities a Hugging Face or spaCy model folder finds",
                    needs_model=True, build=_model),
)}

DEFAULT_RECOMMENDERS = ("cues", "claims", "project")
"""What runs when none is named: those that need no model."""

PROJECT_CRF = Path("models") / "crf"
"""Where a project's CRF lives, in its folder: the app trains it there (Suggestions > Train
Model…) and ``crf`` reads it from there when no CRF folder is given."""


def check_recommender(name: str, source: RecommenderSource) -> Builder:
    """How to build ``name``; one line of :class:`RecommenderError` when the name is
    unknown, it is not installed, or its model folder is not given."""
    kind = RECOMMENDERS.get(name)
    if kind is None:
        raise RecommenderError(Errors.E076, name=name, choices=", ".join(RECOMMENDERS))
    if kind.build is None:
        raise RecommenderError(Errors.E078, name=name)
    if kind.needs_model and source.model is None and (
            name != "model" or project_model(source.project) is None):
        raise RecommenderError(Errors.E077, name=name)
    return kind.build


def _is_crf(folder: Path) -> bool:
    """True for a CRF model folder, as ``annotator train`` writes one."""
    from annotator.suggest.crf_model import MODEL_FILE

    return (folder / MODEL_FILE).is_file()


def project_crf(project: str | Path | None) -> Path | None:
    """The project's CRF model folder (:data:`PROJECT_CRF`) when one was trained into it,
    else None."""
    if project is None:
        return None
    folder = Path(project) / PROJECT_CRF
    return folder if _is_crf(folder) else None


def model_for(name: str, models: Sequence[Path], project: Path | None) -> Path | None:
    """The folder among ``models`` (the command line's ``--model``, repeatable) that the
    recommender ``name`` reads: a CRF folder (``annotator train``'s) for ``crf``, any other
    for ``model``.  Else ``crf`` takes the project's :data:`PROJECT_CRF` (where the app
    trains it) and ``model`` the folder the project's suggestions.toml names (None here);
    else a single folder given serves either, for its loader to say what it is not."""
    kind = RECOMMENDERS.get(name)
    if kind is None or not kind.needs_model:
        return None
    mine = [folder for folder in models if _is_crf(folder) == (name == "crf")]
    if mine:
        return mine[0]
    if name == "crf" and project_crf(project) is not None:
        return project_crf(project)
    if name != "crf" and project_model(project) is not None:
        return None
    return models[0] if len(models) == 1 else None


def build_recommender(name: str, source: RecommenderSource) -> Recommender:
    """The recommender ``name`` built from ``source`` (:func:`check_recommender` says why
    not; a model folder that is not one raises its loader's own one-line error)."""
    return check_recommender(name, source)(source)


def propose_all(document: Document, recommenders: Sequence[Recommender],
                progress: Callable[[str, int, int], None] | None = None) -> list[Proposal]:
    """Every proposal of each recommender for ``document``, in the recommenders' order;
    ``progress(name, done, total)`` as each one reports."""
    proposals: list[Proposal] = []
    index = folded_words(document.text)  # one pass over the text for all of them
    for recommender in recommenders:
        step = _named(progress, recommender.name) if progress is not None else None
        proposals.extend(recommender.propose(document, step, index=index))
    return proposals


def _named(progress: Callable[[str, int, int], None], name: str) -> Progress:
    return lambda done, total: progress(name, done, total)


def suggestion_change(document: Document, recommenders: Sequence[Recommender], *,
                      annotator: str = "", gold: bool = False,
                      progress: Callable[[str, int, int], None] | None = None) -> Change:
    """The change that stores the proposals of ``recommenders`` as ``document``'s suggestions
    for ``annotator`` (or gold), replacing those recommenders' open suggestions even when they
    now propose nothing (:func:`~annotator.suggest.store.store_proposals`: rejected ones are
    not proposed again)."""
    proposals = propose_all(document, recommenders, progress)
    return store_proposals(document, proposals, annotator=annotator, gold=gold,
                           recommenders=[r.name for r in recommenders])
