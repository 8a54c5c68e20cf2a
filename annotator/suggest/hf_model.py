"""The ``model`` recommender for a local Hugging Face token-classification folder.

:func:`load_hf_model` reads the folder with ``transformers`` (``AutoTokenizer``, which must
be a fast tokenizer because its offsets are needed, and ``AutoModelForTokenClassification``),
``local_files_only``: nothing is downloaded, whatever ``HF_HUB_OFFLINE`` says.  The model runs
on the CPU.

:class:`HfRecommender` tokenizes the whole document once (the fast tokenizer's offsets are
Python string offsets, so code points into ``Document.text``), cuts the tokens into windows
of the model's maximum length less its special tokens, overlapping by a quarter of a window
(:func:`token_windows`), and takes each token's prediction from the window where it has the
most context on both sides (:func:`window_owners`).  Subword predictions become one tag per
word (:func:`word_tags`: the first subword's, or the most confident subword's), runs of tags
become spans (:func:`annotator.suggest.model_spans.tag_runs`), the model's label names are
mapped to the tag set's, and each span is snapped like a selection, proclitics left out by
the project's rule (:func:`annotator.suggest.model_spans.snap_span`).  A proposal's score is
the smallest softmax probability of its words' tags; its evidence gives the mean too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
import transformers
from transformers import AutoModelForTokenClassification, AutoTokenizer

from annotator.error_catalogue import Errors
from annotator.model import Document
from annotator.suggest.evidence import MODEL_SCORE
from annotator.suggest.model_folder import NAME, ModelError
from annotator.suggest.model_spans import LabelMapper, snap_span, tag_runs
from annotator.suggest.proposal import Progress, Proposal
from annotator.word_selection import text_words
from annotator.wordindex import FoldedWords

MAX_WINDOW = 512
"""Tokens a window holds at most, special tokens included (BERT's positions)."""
BATCH = 8
"""Windows run through the model at once."""


@dataclass(frozen=True)
class HfModel:
    """A loaded token-classification model and what windowing it needs."""

    folder: Path
    tokenizer: Any  # a fast tokenizer (transformers' PreTrainedTokenizerFast or backend)
    model: Any  # an AutoModelForTokenClassification, in eval mode
    labels: tuple[str, ...]  # the model's label names, by id
    window: int  # content tokens a window holds (special tokens left out)
    prefix: tuple[int, ...]  # special token ids before a window's tokens
    suffix: tuple[int, ...]  # and after them
    pad_id: int


def load_hf_model(folder: str | Path, max_length: int = MAX_WINDOW) -> HfModel:
    """The model in ``folder``; one line of :class:`ModelError` (E083) when it cannot be
    loaded, has no fast tokenizer or is not a token-classification model."""
    source = Path(folder)
    transformers.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    try:
        tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=True)
        model = AutoModelForTokenClassification.from_pretrained(source, local_files_only=True)
    except Exception as error:  # any failure of a third-party loader is one line
        raise ModelError(Errors.E083, kind="Hugging Face", reason=_reason(error),
                         path=str(source)) from None
    if not getattr(tokenizer, "is_fast", False):
        raise ModelError(Errors.E083, kind="Hugging Face", reason="its tokenizer is not a "
                         "fast one (tokenizer.json), so it gives no offsets", path=str(source))
    architectures = getattr(model.config, "architectures", None) or []
    if architectures and not any(a.endswith("ForTokenClassification") for a in architectures):
        raise ModelError(Errors.E083, kind="Hugging Face", reason="not a token-classification "
                         f"model ({', '.join(architectures)})", path=str(source))
    model.eval()
    backend = tokenizer.backend_tokenizer
    backend.no_truncation()
    backend.no_padding()
    prefix, suffix = _special_tokens(backend)
    limit = tokenizer.model_max_length
    if not isinstance(limit, int) or limit <= 0 or limit > max_length:
        limit = max_length
    positions = getattr(model.config, "max_position_embeddings", None)
    if isinstance(positions, int) and positions > 0:
        limit = min(limit, positions)
    window = limit - len(prefix) - len(suffix)
    if window < 2:
        raise ModelError(Errors.E083, kind="Hugging Face", reason=f"windows of {limit} "
                         "tokens leave no room for text", path=str(source))
    id2label = model.config.id2label
    labels = tuple(str(id2label[i]) for i in range(len(id2label)))
    pad = tokenizer.pad_token_id
    return HfModel(source, tokenizer, model, labels, window, prefix, suffix,
                   pad if isinstance(pad, int) else 0)


def _reason(error: Exception) -> str:
    """The first line of an error's message, or its type's name."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _special_tokens(backend: Any) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The special token ids the tokenizer puts before and after one sequence."""
    probe = backend.encode("a", add_special_tokens=True)
    content = [i for i, special in enumerate(probe.special_tokens_mask) if not special]
    if not content:
        return tuple(probe.ids), ()
    return tuple(probe.ids[:content[0]]), tuple(probe.ids[content[-1] + 1:])


# -- pure steps (tested with controlled predictions) -----------------------------------------

def token_windows(count: int, size: int, overlap: int) -> list[tuple[int, int]]:
    """Windows ``[a, b)`` of at most ``size`` tokens over ``count`` tokens, each starting
    ``size - overlap`` after the one before, the last ending at ``count``.  ``overlap`` is
    kept below half a window, so only neighbours overlap."""
    if count <= 0:
        return []
    overlap = max(0, min(overlap, (size - 1) // 2))
    windows = []
    start = 0
    while True:
        end = min(start + size, count)
        windows.append((start, end))
        if end == count:
            return windows
        start += size - overlap


def window_owners(windows: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each window, the tokens ``[a, b)`` whose prediction it gives: where two windows
    overlap, the first half of the overlap goes to the first, the rest to the second, so
    every token is read where it has the most context on both sides."""
    owned = []
    for k, (start, end) in enumerate(windows):
        lo = start if k == 0 else (start + windows[k - 1][1]) // 2
        hi = end if k == len(windows) - 1 else (windows[k + 1][0] + end) // 2
        owned.append((lo, hi))
    return owned


def word_tags(word_ids: Sequence[int | None], labels: Sequence[int], scores: Sequence[float],
              aggregation: str = "first") -> list[tuple[int, int, int, float]]:
    """``(first token, end token, label id, score)`` of each word, in order, from each
    token's ``labels`` id and softmax ``scores``: the word takes its first token's label
    (``first``) or its most confident token's (``max``).  A token with no word id (None) is a
    word of its own."""
    words: list[tuple[int, int, int, float]] = []
    i = 0
    count = len(labels)
    while i < count:
        j = i + 1
        if word_ids[i] is not None:
            while j < count and word_ids[j] == word_ids[i]:
                j += 1
        chosen = i if aggregation == "first" else max(range(i, j), key=scores.__getitem__)
        words.append((i, j, labels[chosen], scores[chosen]))
        i = j
    return words


# -- the recommender -------------------------------------------------------------------------

class HfRecommender:
    """Proposes the entities a Hugging Face token-classification model finds (``model``)."""

    name = NAME

    def __init__(self, model: HfModel, mapper: LabelMapper, *, strip: bool = True,
                 aggregation: str = "first", overlap: int | None = None) -> None:
        self.model = model
        self.mapper = mapper
        self.strip = strip
        self.aggregation = aggregation
        self.overlap = model.window // 4 if overlap is None else overlap
        self.unmapped = mapper.unmapped(model.labels)
        """The model's labels it never proposes (not in the tag set, not mapped)."""

    def predict(self, text: str, progress: Progress | None = None
                ) -> tuple[list[tuple[int, int]], list[int | None], list[int], list[float]]:
        """Every token of ``text``: its ``(start, end)`` offsets, word id, label id and
        softmax probability, windowed as the module docstring says."""
        encoding = self.model.tokenizer.backend_tokenizer.encode(text, add_special_tokens=False)
        ids: list[int] = encoding.ids
        windows = token_windows(len(ids), self.model.window, self.overlap)
        labels = [0] * len(ids)
        scores = [0.0] * len(ids)
        owners = window_owners(windows)
        head = len(self.model.prefix)
        for at in range(0, len(windows), BATCH):
            batch = windows[at:at + BATCH]
            for (start, _), (lo, hi), (row_labels, row_scores) in zip(
                    batch, owners[at:at + BATCH], self._run(ids, batch), strict=True):
                labels[lo:hi] = row_labels[head + lo - start:head + hi - start]
                scores[lo:hi] = row_scores[head + lo - start:head + hi - start]
            if progress is not None:
                progress(min(at + BATCH, len(windows)), len(windows))
        return list(encoding.offsets), list(encoding.word_ids), labels, scores

    def _run(self, ids: list[int], windows: list[tuple[int, int]]
             ) -> list[tuple[list[int], list[float]]]:
        """The label id and probability of each position of each window (special tokens
        included), from one padded batch through the model."""
        model = self.model
        rows = [[*model.prefix, *ids[a:b], *model.suffix] for a, b in windows]
        width = max(map(len, rows))
        input_ids = torch.tensor([row + [model.pad_id] * (width - len(row)) for row in rows])
        mask = torch.tensor([[1] * len(row) + [0] * (width - len(row)) for row in rows])
        with torch.inference_mode():
            logits = model.model(input_ids=input_ids, attention_mask=mask).logits
            best, chosen = torch.softmax(logits.float(), dim=-1).max(dim=-1)
        return list(zip(chosen.tolist(), best.tolist(), strict=True))

    def propose(self, document: Document, progress: Progress | None = None, *,
                index: FoldedWords | None = None) -> list[Proposal]:
        """The model's entities in ``document`` (module docstring)."""
        text = document.text
        offsets, word_ids, labels, scores = self.predict(text, progress)
        words = word_tags(word_ids, labels, scores, self.aggregation)
        tags = [self.model.labels[label] for _, _, label, _ in words]
        known = text_words(text) if self.strip else None
        proposals = []
        for first, end, name in tag_runs(tags):
            label = self.mapper.label_for(name)
            if label is None:
                continue
            start, stop = offsets[words[first][0]][0], offsets[words[end - 1][1] - 1][1]
            snapped = snap_span(text, start, stop, known) if stop > start else None
            if snapped is None:
                continue
            probabilities = [score for _, _, _, score in words[first:end]]
            score = min(probabilities)
            mean = sum(probabilities) / len(probabilities)
            proposals.append(Proposal(*snapped, label, round(score, 4), NAME,
                                      evidence=MODEL_SCORE(label=name, score=f"{score:.2f}",
                                                           mean=f"{mean:.2f}",
                                                           model=self.model.folder.name)))
        return proposals
