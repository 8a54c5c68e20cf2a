"""Word clusters learnt from unlabelled text, for the CRF's features.

A name the training annotations never show still sits among words that behave like names:
``بوتين`` after ``الرئيس`` and before ``قال``, as ``ساركوزي`` does.  Words that share their
neighbours are grouped here, so the CRF can learn from a group what it saw for a few of its
members.  The method is a cheap stand-in for Brown clusters, in numpy:

1. count, for each word of the vocabulary (stems seen ``min_count`` times or more, the most
   frequent ``max_words``), which of the ``contexts`` most frequent words stand one and two
   places to its left and right;
2. weigh the counts by positive pointwise mutual information, scale each row to unit length
   and keep its first ``dimensions`` principal directions (eigenvectors of the Gram matrix);
3. group the rows with k-means at several sizes (coarse to fine, like Brown cluster
   prefixes): a word gets one cluster number per size.

The text is the training documents' own text plus whatever unannotated documents the project
holds; the clusters are computed once at training time and stored with the model, so
proposing needs neither the text nor numpy's randomness (the seed is fixed).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

_OFFSETS = (-2, -1, 1, 2)


@dataclass(frozen=True)
class WordClusters:
    """Cluster numbers of words, one per clustering size (coarse to fine)."""

    sizes: tuple[int, ...]
    numbers: dict[str, tuple[int, ...]]

    def features(self, word: str, prefix: str = "c") -> list[str]:
        """``c64=12``-like features of ``word``, one per size (``c=none`` if unseen)."""
        found = self.numbers.get(word)
        if found is None:
            return [f"{prefix}=none"]
        return [f"{prefix}{size}={number}" for size, number in zip(self.sizes, found,
                                                                  strict=True)]

    def to_json(self) -> dict[str, object]:
        return {"sizes": list(self.sizes),
                "words": {w: list(n) for w, n in sorted(self.numbers.items())}}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> WordClusters:
        sizes = data["sizes"]
        words = data["words"]
        if not isinstance(sizes, list) or not isinstance(words, dict):
            raise ValueError("clusters: 'sizes' must be a list and 'words' a table")
        return cls(tuple(int(s) for s in sizes),
                   {str(w): tuple(int(n) for n in ns) for w, ns in words.items()})


def learn_clusters(sentences: Iterable[Sequence[str]], *, sizes: Sequence[int] = (32, 128, 512),
                   min_count: int = 3, max_words: int = 20_000, contexts: int = 300,
                   dimensions: int = 100, seed: int = 0) -> WordClusters:
    """Clusters of the words of ``sentences`` (lists of stems), as the module docstring says."""
    sentences = [list(s) for s in sentences]
    counts = Counter(word for sentence in sentences for word in sentence)
    vocabulary = [w for w, c in counts.most_common(max_words) if c >= min_count]
    if len(vocabulary) < 2:
        return WordClusters(tuple(sizes), {})
    row = {w: i for i, w in enumerate(vocabulary)}
    column = {w: i for i, w in enumerate(vocabulary[:contexts])}
    width = len(column)
    rows: list[int] = []
    columns: list[int] = []
    for sentence in sentences:
        for i, word in enumerate(sentence):
            r = row.get(word)
            if r is None:
                continue
            for k, offset in enumerate(_OFFSETS):
                j = i + offset
                if 0 <= j < len(sentence):
                    c = column.get(sentence[j])
                    if c is not None:
                        rows.append(r)
                        columns.append(k * width + c)
    shape = (len(vocabulary), len(_OFFSETS) * width)
    flat = np.asarray(rows, dtype=np.int64) * shape[1] + np.asarray(columns, dtype=np.int64)
    matrix = np.bincount(flat, minlength=shape[0] * shape[1]).astype(np.float64).reshape(shape)
    vectors = _reduce(_ppmi(matrix), dimensions)
    numbers = np.stack([_kmeans(vectors, size, seed) for size in sizes], axis=1)
    return WordClusters(tuple(sizes), {w: tuple(int(n) for n in numbers[i])
                                       for i, w in enumerate(vocabulary)})


def _ppmi(matrix: np.ndarray) -> np.ndarray:
    total = matrix.sum()
    if total == 0:
        return matrix
    expected = np.outer(matrix.sum(axis=1), matrix.sum(axis=0)) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(matrix / expected)
    pmi[~np.isfinite(pmi)] = 0.0
    return _unit_rows(np.maximum(pmi, 0.0))


def _reduce(matrix: np.ndarray, dimensions: int) -> np.ndarray:
    """Rows projected on the ``dimensions`` leading eigenvectors of the Gram matrix, unit
    length."""
    gram = matrix.T @ matrix
    values, directions = np.linalg.eigh(gram)
    keep = directions[:, np.argsort(values)[::-1][:dimensions]]
    return _unit_rows(matrix @ keep)


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit: np.ndarray = matrix / np.where(norms == 0, 1.0, norms)
    return unit


def _kmeans(vectors: np.ndarray, size: int, seed: int, rounds: int = 15) -> np.ndarray:
    """Cluster number of each row (spherical k-means, deterministic for a seed)."""
    size = min(size, len(vectors))
    generator = np.random.default_rng(seed)
    centres = vectors[generator.choice(len(vectors), size, replace=False)]
    assigned = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(rounds):
        assigned = np.argmax(vectors @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, assigned, vectors)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        centres = np.where(empty[:, None], centres, sums / np.where(norms == 0, 1.0, norms))
    return assigned
