"""Suggestion jobs: which recommenders the app offers, a run of them on a copy of a document
as plain data, and the child process that runs one.

:data:`OFFERED` is the one list of what the app offers; :func:`run_job` builds the chosen
recommenders through the registry (:mod:`annotator.suggest.registry`) for a project and
collects their proposals; :func:`run_each` gives them one recommender at a time, each built
just before it runs.  :func:`split` cuts a :class:`SuggestJob` into one part per group of
:data:`GROUPS`, and :func:`child_main` runs a part in a ``spawn``-ed process, sending progress
and each recommender's proposals back through a pipe (the app's
:class:`annotator_ui.suggest_runner.SuggestRunner` starts the processes and reads the pipes).
The job carries the document as plain tuples, and the proposals come back as tuples: pickling
them is several times faster than pickling the annotations or proposals themselves.  This
module imports no Qt, so a child process spends no time importing it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError
from annotator.gcpause import CollectorPaused
from annotator.model import Annotation, Document, Link
from annotator.project import is_tei_name, project_files
from annotator.suggest.proposal import NO_ATTRIBUTES, Proposal, ProposedLink
from annotator.suggest.registry import RecommenderSource, build_recommender, project_crf
from annotator.tei import read_tei
from annotator.wordindex import folded_words

OFFERED = ("cues", "claims", "project", "crf", "model")
"""The recommenders the app offers (of :data:`annotator.suggest.registry.RECOMMENDERS`), in
the order they run: quote cues, claim cues, the names accepted in the project, the project's
trained CRF and the model its ``suggestions.toml`` names (each only when there is one)."""
GROUPS = (("cues", "claims", "project"), ("crf", "model"))
"""How the runner splits a run between child processes running at the same time, one per
group: the cue lists and project names in one, the trained models in the other (the machine
has two cores; each group runs its recommenders one after the other, in :data:`OFFERED`
order)."""
MODELS = GROUPS[1]
"""The trained models: they tokenize the text themselves and read neither the document's
annotations nor the folded word index the cue lists and project names share, so their part of
a job carries no annotations and their process builds no index."""
CHUNK = 2000  # proposals sent back per message: the GUI process never unpickles for long

Row = tuple[str, int, int, str, str, tuple[tuple[str, str], ...], tuple[tuple[str, str], ...],
            str]
ProposalRow = tuple[int, int, str, float, str, tuple[tuple[str, str], ...],
                    tuple[tuple[str, int, int, str], ...], str]


@dataclass(frozen=True)
class SuggestJob:
    """Everything a run needs, picklable: the recommenders' names, the document as rows, the
    project folders whose accepted annotations the ``project`` recommender learns from (the
    project folder (its tag set, reporting verbs and TEI files), more folders whose TEI
    files ``project`` learns from (a team project's gold and the annotator's own layer), the
    CRF model folder (None: no CRF), and the TEI file the document was opened from (None:
    not saved), which ``project`` learns from the document instead (it may have been edited
    since)."""

    names: tuple[str, ...]
    document_id: str
    text: str
    source: str
    rows: tuple[Row, ...]
    project: str | None = None
    folders: tuple[str, ...] = ()
    crf_model: str | None = None
    path: str | None = None


def available(folder: str | Path | None) -> list[str]:
    """The recommenders of :data:`OFFERED` that can run for the project ``folder``."""
    from annotator.suggest.model_folder import ModelError, project_model

    try:
        has_model = project_model(folder) is not None
    except ModelError:  # a suggestions.toml that cannot be read: the run would say why
        has_model = True
    usable = {"crf": project_crf(folder) is not None, "model": has_model}
    return [name for name in OFFERED if usable.get(name, True)]


def document_rows(document: Document) -> tuple[Row, ...]:
    """The annotations of ``document`` as plain tuples (see :func:`document_from`)."""
    return tuple((a.id, a.start, a.end, a.label, a.annotator, tuple(a.attributes.items()),
                  tuple((x.role, x.target) for x in a.links), a.layer)
                 for a in document.annotations)


def document_from(job: SuggestJob) -> Document:
    """The document a job carries, rebuilt."""
    document = Document(job.document_id, job.text, source=job.source)
    document.annotations.load(
        [Annotation(i, s, e, label, who, dict(attributes), tuple(Link(r, t) for r, t in links),
                    layer=layer)
         for i, s, e, label, who, attributes, links, layer in job.rows], [])
    return document


def proposal_rows(proposals: Sequence[Proposal]) -> list[ProposalRow]:
    """``proposals`` as plain tuples (see :func:`proposals_from`)."""
    return [(p.start, p.end, p.label, p.score, p.recommender, tuple(p.attributes.items()),
             tuple((x.role, x.start, x.end, x.label) for x in p.links), p.evidence)
            for p in proposals]


def proposals_from(rows: Sequence[ProposalRow]) -> list[Proposal]:
    """The proposals :func:`proposal_rows` gave, rebuilt (most have no attributes and no
    links: nothing converted for those, 170,000 rows in about 2/3 of the time, and no empty
    dict made for each)."""
    return [Proposal(start, end, label, score, recommender,
                     dict(attributes) if attributes else NO_ATTRIBUTES,
                     tuple([ProposedLink(*link) for link in links]) if links else (), evidence)
            for start, end, label, score, recommender, attributes, links, evidence in rows]


def make_job(document: Document, names: Sequence[str], *, project: str | Path | None = None,
             folders: Sequence[str | Path] = (), crf_model: str | Path | None = None,
             path: str | Path | None = None) -> SuggestJob:
    """The job of running ``names`` on ``document``, opened from ``path`` (see
    :class:`SuggestJob`)."""
    return SuggestJob(tuple(n for n in OFFERED if n in names), document.id, document.text,
                      document.source, document_rows(document),
                      str(project) if project else None, tuple(str(f) for f in folders),
                      str(crf_model) if crf_model else None, str(path) if path else None)


def split(job: SuggestJob) -> list[SuggestJob]:
    """The job as one job per group of :data:`GROUPS` that has a recommender to run (the CRF
    only with a model), in order; the job itself when none has.  A part of nothing but
    :data:`MODELS` carries no annotations (they read none)."""
    runs = [n for n in job.names if n != "crf" or job.crf_model]
    parts = [tuple(n for n in runs if n in group) for group in GROUPS]
    return [dataclasses.replace(job, names=names,
                                rows=() if set(names) <= set(MODELS) else job.rows)
            for names in parts if names] or [job]


def _superseded(job: SuggestJob) -> frozenset[Path]:
    """The file the job's document stands for, resolved (none when not saved)."""
    return frozenset({Path(job.path).resolve()}) if job.path else frozenset()


def _learned_from(job: SuggestJob, document: Document) -> Iterator[Document]:
    """The open document, then the TEI files of the job's extra folders (not its own)."""
    yield document
    skipped = _superseded(job)
    for folder in job.folders:
        if Path(folder).is_dir():
            for path in project_files(folder):
                if is_tei_name(path) and path.resolve() not in skipped:
                    try:
                        yield read_tei(path).document
                    except (AnnotatorError, OSError):
                        continue  # the project list already names a file it cannot read


def run_each(job: SuggestJob, progress: Callable[[str, int, int], None] | None = None
             ) -> Iterator[tuple[str, list[Proposal]]]:
    """Each of the job's recommenders (built by the registry, in the job's order) with its
    proposals for the job's document, as soon as it has them; ``progress(name, done,
    total)`` as each one reports, ``(name, 0, 1)`` before it is built."""
    document = document_from(job)
    project = Path(job.project) if job.project else None
    source = RecommenderSource(project=project, documents=_learned_from(job, document),
                               superseded=_superseded(job))
    crf = RecommenderSource(project=project, model=Path(job.crf_model or "."))
    index = None  # one pass over the text for all that use it (not the MODELS)
    for name in job.names:
        if name == "crf" and not job.crf_model:
            continue
        if progress is not None:
            progress(name, 0, 1)
        recommender = build_recommender(name, crf if name == "crf" else source)
        if index is None and name not in MODELS:
            index = folded_words(document.text)
        step = None if progress is None else (
            lambda done, total, name=name: progress(name, done, total))
        yield name, list(recommender.propose(document, step, index=index))


def run_job(job: SuggestJob, progress: Callable[[str, int, int], None] | None = None
            ) -> list[Proposal]:
    """Every proposal of the job's recommenders for its document (see :func:`run_each`)."""
    return [p for _, proposals in run_each(job, progress) for p in proposals]


class ProgressSender:
    """Sends ``("progress", name, done, total)`` through ``connection`` when a recommender's
    whole percentage changes, and always at 0 and at the end: the window shows no finer
    steps, and the CRF reported every 50 of the benchmark article's 15,600 sentences (313
    messages, each crossing the pipe and updating the window; about 100 now)."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection
        self._shown: tuple[str, int] | None = None  # the last sent: recommender, percent

    def __call__(self, name: str, done: int, total: int) -> None:
        percent = done * 100 // total if total > 0 else 0
        if (name, percent) != self._shown or done <= 0 or done >= total:
            self._shown = (name, percent)
            self._connection.send(("progress", name, done, total))


def child_main(job: SuggestJob, connection: Any) -> None:
    """The child process's work: run the job, sending progress (as :class:`ProgressSender`),
    each recommender's proposals in chunks (as :func:`proposal_rows`) followed by
    ``("batch", name)``, then ``done``.

    The cyclic garbage collector stays off: a run is a bulk build (the document, the word
    index, what the recommenders learn, the proposals) that leaves no cycles to collect
    (test_a_run_leaves_nothing_for_the_cyclic_collector), and the collector walked all of it
    again and again, 1.0-1.5 s of the 6-7 s the cues, claims and project names take on the
    5 MB benchmark article (bench_suggest.py), as much memory at the end.
    """
    try:
        with CollectorPaused():
            for name, proposals in run_each(job, ProgressSender(connection)):
                for at in range(0, len(proposals), CHUNK):
                    connection.send(("chunk", proposal_rows(proposals[at:at + CHUNK])))
                connection.send(("batch", name))
        connection.send(("done",))
    except (BrokenPipeError, ConnectionResetError):
        pass  # the window is gone or ended the run: nobody to tell
    except AnnotatorError as error:
        connection.send(("error", str(error)))
    except Exception as error:  # one line back to the window, never a hang
        connection.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        connection.close()
