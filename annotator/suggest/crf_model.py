"""The CRF recommender: a linear-chain CRF trained from a team's own annotations.

Training (:func:`train_crf`) reads the spans of one layer of each document (the gold layer
when there is one, else the annotators' accepted work; quotes and claims are left out, as
token formats leave them out), tags the document's tokens BIO from them and trains
python-crfsuite's L-BFGS CRF on the features of :mod:`annotator.suggest.crf_features`.  It
runs anywhere (a worker thread or process), reports ``(done, total)`` iterations to a
progress callback, and can cross-validate: ``k`` more models on ``k`` folds of the documents,
scored entity by entity (:mod:`annotator.suggest.evaluation`), give the F1 per label the app
shows.

Tokens are those of :mod:`annotator.tokenize`: ``whitespace`` for documents imported from
CoNLL (their text is space-joined tokens, as the CoNLL writer's ``auto`` rule says) and
``punct`` for all others; sentences end at line breaks and after sentence-final
punctuation.  A span starting inside a word (after its proclitics: ``البيان`` in ``والبيان``)
tags the whole word; what the model learns from that is recorded as the model's proclitic
rule: ``strip`` when the training spans mostly leave attached proclitics out, ``keep`` when
they include them (ANERcorp: ``وإسرائيل`` is one LOC).  With ``strip`` a proposal drops the
و ف ب ل ك proclitics of its first word by the rule a double-click follows
(:func:`annotator.word_selection.stem_start` with the document's words): when what is left
stands alone somewhere in the document, so ``ولبنان`` gives ``لبنان`` but ``لبنان`` stays whole.
Proposals on ``punct`` documents are then snapped as a selection is (:func:`align_span`).
A name the model found with confidence (marginal 0.5 or more) is also proposed where its stems
recur untagged in the same document (score 0.8 times its own): +0.013 micro F1 on ANERcorp;
so is the family name of a person's full name (``لحود`` after ``إميل لحود``).

Word clusters (:mod:`annotator.suggest.word_clusters`) are learnt at training time from the
training text and the project's unannotated documents (``unlabelled``) and stored with the
model, so proposing works offline on any text.  So are the names of the name lists
(:mod:`annotator.suggest.crf_gazetteer`: the bundled ones and a project's own) the model was
trained with.

A model is a folder: ``model.crfsuite`` (the CRF) and ``model.json`` (labels, date, training
size, settings, cross-validated scores, gazetteer, name lists, vocabulary and word
clusters);
:meth:`CrfModel.save` writes each file atomically, :func:`load_crf_model` reads them back.
"""

from __future__ import annotations

import bisect
import json
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import pycrfsuite  # type: ignore[import-untyped]

from annotator.align import align_span, word_at
from annotator.atomic import atomic_write_bytes
from annotator.error_catalogue import Errors
from annotator.errors import FormatError
from annotator.formats.conll import NOT_IN_BIO_KINDS, SOURCE_PREFIX
from annotator.layers import select_layer
from annotator.model import Document, now_iso
from annotator.search import fold
from annotator.sentences import sentence_breaks, sentence_mode
from annotator.suggest.crf_features import (
    FeatureTable,
    Gazetteer,
    bio_runs,
    cross_folded_gazetteers,
    sentence_features,
    stems,
)
from annotator.suggest.crf_gazetteer import NameLists, name_lists
from annotator.suggest.evaluation import Span, evaluate_spans
from annotator.suggest.evidence import CRF_SAME_NAME, CRF_SCORE
from annotator.suggest.proposal import Progress, Proposal
from annotator.suggest.word_clusters import WordClusters, learn_clusters
from annotator.tagset import TagSet, default_tagset
from annotator.tokenize import is_proclitic_prefix, tokenize_columns
from annotator.word_selection import stem_start, text_words
from annotator.wordindex import FoldedWords

MODEL_FILE = "model.crfsuite"
META_FILE = "model.json"
FORMAT_VERSION = 1
NAME = "crf"
_PARTICLES = "وفبكل"


@dataclass(frozen=True)
class CrfSettings:
    """How the CRF is trained.  ``c1``/``c2``: L1/L2 regularisation; ``gazetteer_folds``:
    the folds the training gazetteer features are built across; ``gazetteer``:
    ``cross-folded`` (the default), ``naive`` (built from the very sentences it marks, which
    overfits) or ``none``; ``cluster_sizes``: the k-means sizes of the word clusters (none:
    no cluster features); ``person_labels``: labels whose family names recur alone
    (:func:`_repeated_names`); ``name_lists``: whether the name-list features are made
    (:mod:`annotator.suggest.crf_gazetteer`)."""

    c1: float = 0.05
    c2: float = 0.01
    max_iterations: int = 120
    gazetteer_folds: int = 5
    min_feature_count: int = 1
    gazetteer: str = "cross-folded"
    cluster_sizes: tuple[int, ...] = (32, 128, 512)
    person_labels: tuple[str, ...] = ("PERS", "PER", "PERSON")
    name_lists: bool = True


@dataclass(frozen=True)
class TokenizedDocument:
    """A document's tokens (texts and code-point ranges) and its sentences as index ranges."""

    texts: list[str]
    starts: list[int]
    ends: list[int]
    sentences: list[tuple[int, int]]


def tokenizer_mode(document: Document) -> str:
    """``whitespace`` for documents imported from CoNLL, ``punct`` for others."""
    return "whitespace" if document.source.startswith(SOURCE_PREFIX) else "punct"


def tokenize_document(document: Document) -> TokenizedDocument:
    """The document's tokens and sentences (module docstring)."""
    texts, starts, ends = tokenize_columns(document.text, tokenizer_mode(document))
    breaks = sentence_breaks(texts, starts, ends, document.text, sentence_mode(document))
    bounds = [0, *breaks, len(texts)]
    sentences = [(a, b) for a, b in pairwise(bounds) if b > a]
    return TokenizedDocument(texts, starts, ends, sentences)


def entity_spans(document: Document, layer: str | None = None,
                 tagset: TagSet | None = None) -> list[Span]:
    """``(start, end, label)`` of the spans a model learns from: those of ``layer`` (None:
    gold when present, else every annotation; see :func:`select_layer`) except quotes,
    claims and suggestions."""
    kinds = tagset or default_tagset()
    chosen = select_layer(document, layer)
    return sorted((a.start, a.end, a.label) for a in chosen.annotations
                  if a.layer != "suggestion" and kinds.get(a.label).kind not in NOT_IN_BIO_KINDS)


def bio_tags(tokens: TokenizedDocument, spans: Sequence[Span]) -> list[str]:
    """BIO tags of the tokens from ``spans``: every token sharing a character with a span is
    in it; a span overlapping one already tagged (by start, longest first) is left out."""
    tags = ["O"] * len(tokens.texts)
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        first = bisect.bisect_right(tokens.ends, start)
        last = bisect.bisect_left(tokens.starts, end)
        if first >= last or any(tag != "O" for tag in tags[first:last]):
            continue
        tags[first] = "B-" + label
        for i in range(first + 1, last):
            tags[i] = "I-" + label
    return tags


def _strip_votes(document: Document, tokens: TokenizedDocument, spans: Sequence[Span],
                 words: AbstractSet[str]) -> tuple[int, int]:
    """``(left out, kept)``: spans that start after the attached proclitics of their first
    word, and spans that start at a word whose proclitics could have been left out."""
    left_out = kept = 0
    for start, _, _ in spans:
        i = bisect.bisect_right(tokens.ends, start)
        if i >= len(tokens.starts):
            continue
        token_start = tokens.starts[i]
        if start > token_start and is_proclitic_prefix(document.text[token_start:start]):
            left_out += 1
        elif start == token_start and _proclitic_length(tokens.texts[i], words):
            kept += 1
    return left_out, kept


def _proclitic_length(word: str, words: AbstractSet[str]) -> int:
    """Characters of ``word``'s longest و ف ب ك ل prefix whose remainder (folded, two letters
    or more) is a known word; 0 when there is none."""
    for length in range(min(3, len(word) - 2), 0, -1):
        prefix = word[:length]
        if all(c in _PARTICLES for c in prefix) and is_proclitic_prefix(prefix) \
                and fold(word[length:]) in words:
            return length
    return 0


class _Trainer(pycrfsuite.Trainer):  # type: ignore[misc]
    """A trainer that reports each iteration to a progress callback."""

    def __init__(self, report: Callable[[], None]) -> None:
        super().__init__(verbose=False)
        self._report = report

    def message(self, message: str) -> None:
        # pycrfsuite calls on_iteration only when verbose (and then prints the rest)
        if self.logparser.feed(message) == "iteration":
            self._report()


@dataclass
class CrfModel:
    """A trained CRF and what proposing with it needs."""

    crf: bytes
    gazetteer: Gazetteer
    words: frozenset[str]  # folded words of the training text
    info: dict[str, Any] = field(default_factory=dict)
    clusters: WordClusters | None = None
    lists: NameLists | None = None  # the name lists it was trained with

    @property
    def labels(self) -> list[str]:
        return list(self.info.get("labels", []))

    def save(self, folder: str | Path) -> None:
        """Write the model into ``folder`` (created if missing), each file atomically."""
        target = Path(folder)
        if target.exists() and not target.is_dir():
            raise FormatError(Errors.E624, path=str(target))
        target.mkdir(parents=True, exist_ok=True)
        meta = {"format": FORMAT_VERSION, "info": self.info,
                "gazetteer": {"names": [[list(k), v] for k, v in self.gazetteer.names.items()],
                              "places": self.gazetteer.places,
                              "counts": self.gazetteer.counts,
                              "totals": self.gazetteer.totals},
                "words": sorted(self.words),
                "clusters": self.clusters.to_json() if self.clusters is not None else None,
                "name_lists": self.lists.to_json() if self.lists is not None else None}
        atomic_write_bytes(target / MODEL_FILE, self.crf)
        atomic_write_bytes(target / META_FILE,
                           json.dumps(meta, ensure_ascii=False, indent=0).encode("utf-8"))


def load_crf_model(folder: str | Path) -> CrfModel:
    """The model saved in ``folder``; a one-line :class:`FormatError` when it is not one."""
    source = Path(folder)
    try:
        crf = (source / MODEL_FILE).read_bytes()
        meta = json.loads((source / META_FILE).read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT_VERSION:
            raise ValueError(f"model format {meta.get('format')!r}, expected {FORMAT_VERSION}")
        table = meta["gazetteer"]
        gazetteer = Gazetteer({tuple(k): v for k, v in table["names"]}, table["places"],
                              table["counts"], table["totals"])
        clusters, lists = meta.get("clusters"), meta.get("name_lists")
        return CrfModel(crf, gazetteer, frozenset(meta["words"]), meta["info"],
                        WordClusters.from_json(clusters) if clusters is not None else None,
                        NameLists.from_json(lists) if lists is not None else None)
    except (OSError, ValueError, KeyError, TypeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise FormatError(Errors.E627, reason=reason, path=str(source)) from None


# -- training --------------------------------------------------------------------------------

@dataclass
class _Corpus:
    """Training sentences of some documents: token texts, stems and tags."""

    words: list[list[str]] = field(default_factory=list)
    stems: list[list[str]] = field(default_factory=list)
    tags: list[list[str]] = field(default_factory=list)
    document_of: list[int] = field(default_factory=list)  # sentence -> document index


def _corpus(documents: Sequence[Document], spans: Sequence[Sequence[Span]]) -> _Corpus:
    corpus = _Corpus()
    for index, (document, document_spans) in enumerate(zip(documents, spans, strict=True)):
        tokens = tokenize_document(document)
        tags = bio_tags(tokens, document_spans)
        for a, b in tokens.sentences:
            corpus.words.append(tokens.texts[a:b])
            corpus.stems.append(stems(tokens.texts[a:b]))
            corpus.tags.append(tags[a:b])
            corpus.document_of.append(index)
    return corpus


def _train_one(corpus: _Corpus, chosen: Sequence[int], settings: CrfSettings,
               clusters: WordClusters | None, lists: NameLists | None,
               report: Callable[[], None]) -> tuple[bytes, Gazetteer]:
    """Train on the sentences ``chosen``; the CRF's bytes and the full gazetteer."""
    pairs = [(corpus.stems[i], corpus.tags[i]) for i in chosen]
    trainer = _Trainer(report)
    trainer.set_params({"c1": settings.c1, "c2": settings.c2,
                        "max_iterations": settings.max_iterations,
                        "feature.minfreq": settings.min_feature_count,
                        "feature.possible_transitions": True})
    full = Gazetteer.build(pairs)
    gazetteers: Sequence[Gazetteer | None]
    if settings.gazetteer == "cross-folded":
        gazetteers = cross_folded_gazetteers(pairs, settings.gazetteer_folds)
    else:
        gazetteers = [full if settings.gazetteer == "naive" else None] * len(pairs)
    table = FeatureTable(None, clusters, lists=lists)
    for i, gazetteer in zip(chosen, gazetteers, strict=True):
        if gazetteer is not table.gazetteer:  # the cross-folded ones: one per fold
            table = FeatureTable(gazetteer, clusters, lists=lists)
        trainer.append(sentence_features(corpus.words[i], table), corpus.tags[i])
    with tempfile.TemporaryDirectory(prefix="annotator-crf-") as folder:
        path = Path(folder) / MODEL_FILE
        trainer.train(str(path))
        return path.read_bytes(), full


def train_crf(documents: Sequence[Document], *, layer: str | None = None,
              tagset: TagSet | None = None, settings: CrfSettings | None = None,
              folds: int = 0, progress: Progress | None = None,
              unlabelled: Sequence[Document] = (), lists: NameLists | None = None) -> CrfModel:
    """A CRF trained on the spans of ``layer`` in ``documents`` (:func:`entity_spans`).

    The word clusters are learnt from the text of ``documents`` and of ``unlabelled`` (the
    project's documents nobody annotated yet: their text only is read).  ``lists``: the
    name lists (None: the bundled ones, :func:`~annotator.suggest.crf_gazetteer.name_lists`;
    none at all when ``settings.name_lists`` is false).

    ``folds`` >= 2 also trains that many models on all documents but one fold and scores
    each on its fold; the scores per label go in ``info["cross_validation"]``.  ``progress``
    gets ``(done, total)`` training iterations.  Raises :class:`FormatError` (E628) when the
    documents hold no span to learn from.
    """
    settings = settings or CrfSettings()
    began, cpu_began = time.perf_counter(), time.process_time()
    spans = [entity_spans(d, layer, tagset) for d in documents]
    if not any(spans):
        raise FormatError(Errors.E628, layer=layer or "default", count=len(documents))
    corpus = _corpus(documents, spans)
    lists = (lists if lists is not None else name_lists()) if settings.name_lists else None
    clusters = None
    if settings.cluster_sizes:
        text = corpus.stems + [stems(tokens.texts[a:b]) for tokens in map(tokenize_document,
                                                                           unlabelled)
                               for a, b in tokens.sentences]
        clusters = learn_clusters(text, sizes=settings.cluster_sizes)
    folds = min(folds, len(documents)) if folds >= 2 and len(documents) >= 2 else 0
    total = settings.max_iterations * (1 + folds)
    done = 0

    def report() -> None:
        nonlocal done
        done = min(done + 1, total)
        if progress is not None:
            progress(done, total)

    cross_validation = None
    if folds:
        cross_validation = _cross_validate(documents, spans, corpus, folds, settings, clusters,
                                           lists, report)
    done = settings.max_iterations * folds
    crf, gazetteer = _train_one(corpus, range(len(corpus.words)), settings, clusters, lists,
                                report)
    words = frozenset(fold(w) for sentence in corpus.words for w in sentence)
    model = CrfModel(crf, gazetteer, words, clusters=clusters, lists=lists)
    left_out = kept = 0
    for document, document_spans in zip(documents, spans, strict=True):
        votes = _strip_votes(document, tokenize_document(document), document_spans, words)
        left_out, kept = left_out + votes[0], kept + votes[1]
    labels = Counter(label for document_spans in spans for _, _, label in document_spans)
    model.info = {
        "recommender": NAME, "created": now_iso(), "labels": sorted(labels),
        "entities": dict(sorted(labels.items())), "documents": len(documents),
        "sentences": len(corpus.words), "tokens": sum(map(len, corpus.words)),
        "unlabelled_documents": len(unlabelled),
        "clustered_words": len(clusters.numbers) if clusters is not None else 0,
        "name_lists": lists.sources if lists is not None else [],
        "listed_names": len(lists.names) if lists is not None else 0,
        "layer": layer or "", "proclitics": "strip" if left_out > kept else "keep",
        "settings": asdict(settings), "cross_validation": cross_validation,
        "training_seconds": round(time.perf_counter() - began, 2),
        "training_cpu_seconds": round(time.process_time() - cpu_began, 2),
    }
    if progress is not None:
        progress(total, total)
    return model


def _cross_validate(documents: Sequence[Document], spans: Sequence[Sequence[Span]],
                    corpus: _Corpus, folds: int, settings: CrfSettings,
                    clusters: WordClusters | None, lists: NameLists | None,
                    report: Callable[[], None]) -> dict[str, dict[str, float | int]]:
    """Entity scores per label (and micro) of ``folds`` models, each scored on the documents
    it was not trained on (contiguous blocks of documents).  The clusters are those of the
    whole text: the held-out documents' text is unlabelled text the project has."""
    count = len(documents)
    bounds = [count * k // folds for k in range(folds + 1)]
    gold: list[list[Span]] = []
    proposed: list[list[Span]] = []
    for k in range(folds):
        held = range(bounds[k], bounds[k + 1])
        chosen = [i for i, d in enumerate(corpus.document_of) if d not in held]
        if not any(corpus.tags[i][j] != "O" for i in chosen for j in range(len(corpus.tags[i]))):
            continue
        crf, gazetteer = _train_one(corpus, chosen, settings, clusters, lists, report)
        words = frozenset(fold(w) for i in chosen for w in corpus.words[i])
        recommender = CrfRecommender(CrfModel(crf, gazetteer, words,
                                              {"proclitics": "keep",
                                               "settings": asdict(settings)}, clusters, lists))
        for d in held:
            gold.append(list(spans[d]))
            proposed.append([(p.start, p.end, p.label)
                             for p in recommender.propose(documents[d])])
    return evaluate_spans(gold, proposed).as_dict()


# -- proposing -------------------------------------------------------------------------------

class CrfRecommender:
    """Proposes the entities a :class:`CrfModel` finds (``name`` ``"crf"``)."""

    name = NAME

    def __init__(self, model: CrfModel) -> None:
        self.model = model
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(model.crf)
        # the features the CRF holds: the tagger ignores all others, so they need not be made
        self._known = frozenset(self._tagger.info().attributes)
        settings = model.info.get("settings", {})
        self._gazetteer = None if settings.get("gazetteer") == "none" else model.gazetteer

    def propose(self, document: Document, progress: Progress | None = None, *,
                index: FoldedWords | None = None) -> list[Proposal]:
        """The model's entities in ``document``, scored by the smallest marginal probability
        of their tokens' tags."""
        tokens = tokenize_document(document)
        punct = tokenizer_mode(document) == "punct"
        tagger = self._tagger
        runs: list[tuple[int, int, str, float, str]] = []  # tokens [first, end), label...
        total = len(tokens.sentences)
        table = FeatureTable(self._gazetteer, self.model.clusters, self._known,
                             self.model.lists)  # for this document
        for done, (a, b) in enumerate(tokens.sentences, 1):
            tagger.set(sentence_features(tokens.texts[a:b], table))
            tags = tagger.tag()
            for first, end, label in bio_runs(tags):
                score = min(tagger.marginal(tags[i], i) for i in range(first, end))
                runs.append((a + first, a + end, label, score, CRF_SCORE(score=f"{score:.2f}")))
            if progress is not None and (done % 50 == 0 or done == total):
                progress(done, total)
        strip = self.model.info.get("proclitics") == "strip"
        words: frozenset[str] = frozenset()
        if strip:  # the document's text_words: on punct tokens, the table holds them folded
            words = frozenset(f.folded for f in table.forms.values()) if punct \
                else text_words(document.text)
        proposals: list[Proposal] = []
        persons = set(self.model.info.get("settings", {}).get("person_labels",
                                                               CrfSettings.person_labels))
        for first, end, label, score, evidence in _repeated_names(
                [table.forms[w].stem for w in tokens.texts], runs, self.model.gazetteer, persons):
            start, stop = tokens.starts[first], tokens.ends[end - 1]
            if punct:  # trimmed and detached proclitics dropped, as a selection is
                snapped = align_span(document.text, start, stop, "expand")
                if snapped is None:
                    continue
                start, stop = snapped
            if strip:  # then the attached ones, by the tool's one rule (as a double-click)
                word = word_at(document.text, start)
                if word is not None and word[0] == start:
                    start = stem_start(document.text, start, min(word[1], stop), words)
            proposals.append(Proposal(start, stop, label, round(score, 4), NAME,
                                      evidence=evidence))
        return proposals


def _repeated_names(words: Sequence[str], runs: list[tuple[int, int, str, float, str]],
                    gazetteer: Gazetteer, person_labels: AbstractSet[str]
                    ) -> list[tuple[int, int, str, float, str]]:
    """``runs`` plus the other places in the document where the stems of a run found with
    confidence (0.5 or more) occur untagged: one name, one label, within a document.  The
    last word of a full name of a ``person_labels`` label counts as a name on its own (news
    call ``إميل لحود`` then ``لحود``).  A one-word name, or family name, is not spread when
    the training data shows the word mostly outside names (``دين`` "debt" after the name
    Dean: +0.005 micro F1 on a dev split of ANERcorp).  ``words``: the stems of the
    document's tokens."""
    names: dict[tuple[str, ...], tuple[str, float]] = {}
    for first, end, label, score, _ in runs:
        key = tuple(words[first:end])
        if score >= 0.5 and end - first <= 6 and sum(map(len, key)) >= 3 \
                and score > names.get(key, ("", 0.0))[1] \
                and (len(key) > 1 or not _mostly_outside_names(key[0], gazetteer)):
            names[key] = (label, score)
    for first, end, label, score, _ in runs:  # the family name of a full name, alone
        if label in person_labels and end - first >= 2 and score >= 0.5:
            family = words[end - 1]
            if len(family) >= 3 and (family,) not in names \
                    and not _mostly_outside_names(family, gazetteer):
                names[(family,)] = (label, score)
    if not names:
        return runs
    lengths = sorted({len(k) for k in names}, reverse=True)
    firsts = {k[0] for k in names}
    tagged = [False] * len(words)
    for first, end, *_ in runs:
        tagged[first:end] = [True] * (end - first)
    extra = []
    i = 0
    while i < len(words):
        if words[i] not in firsts:  # no name starts here
            i += 1
            continue
        for length in lengths:
            found = names.get(tuple(words[i:i + length])) if i + length <= len(words) else None
            if found and not any(tagged[i:i + length]):
                extra.append((i, i + length, found[0], 0.8 * found[1],
                              CRF_SAME_NAME()))
                tagged[i:i + length] = [True] * length
                i += length
                break
        else:
            i += 1
    return sorted(runs + extra)


def _mostly_outside_names(stem: str, gazetteer: Gazetteer) -> bool:
    """Whether the training data saw ``stem`` three times or more, mostly outside names."""
    seen = gazetteer.totals.get(stem, 0)
    return seen >= 3 and sum(gazetteer.counts.get(stem, {}).values()) < seen / 2
