"""Differential test of the CRF's token features: the table-built features (each word form's
pieces made once per run) against a plain token-by-token reference, on real news text."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from annotator.model import Document
from annotator.search import fold
from annotator.suggest.crf_features import (
    FeatureTable,
    Gazetteer,
    _shape,
    cross_folded_gazetteers,
    sentence_features,
    split_stem,
    stems,
)
from annotator.suggest.crf_model import tokenize_document, tokenizer_mode
from annotator.suggest.word_clusters import WordClusters, learn_clusters
from annotator.word_selection import text_words


def reference_features(words: Sequence[str], gazetteer: Gazetteer | None,
                       clusters: WordClusters | None) -> list[list[str]]:
    """The features as they were made before the table: every piece for every token."""
    folded = [fold(word) for word in words]
    split = [split_stem(f) for f in folded]
    stem = [s for _, s in split]
    gazetteer_features = gazetteer.features(stem) if gazetteer is not None else None
    padded = ["<s>", "<s>", *stem, "</s>", "</s>"]
    out: list[list[str]] = []
    for i, word in enumerate(words):
        proclitics, s = split[i]
        f = folded[i]
        features = [
            "bias", f"w={f}", f"s={s}", f"p={proclitics}", f"shape={_shape(word)}",
            f"len={min(len(s), 8)}",
            f"s1={s[:1]}", f"s2={s[:2]}", f"s3={s[:3]}",
            f"e1={s[-1:]}", f"e2={s[-2:]}", f"e3={s[-3:]}",
            f"s-1={padded[i + 1]}", f"s-2={padded[i]}", f"s+1={padded[i + 3]}",
            f"s+2={padded[i + 4]}",
            f"b-1={padded[i + 1]}|{s}", f"b+1={s}|{padded[i + 3]}",
            f"w-1={folded[i - 1] if i else '<s>'}",
            f"w+1={folded[i + 1] if i + 1 < len(words) else '</s>'}",
            f"p-1={split[i - 1][0] if i else '<s>'}",
            f"shape-1={_shape(words[i - 1]) if i else '<s>'}",
            f"shape+1={_shape(words[i + 1]) if i + 1 < len(words) else '</s>'}",
        ]
        if gazetteer_features is not None:
            features.extend(gazetteer_features[i])
            if i > 0:
                features.extend("-1" + g for g in gazetteer_features[i - 1])
            if i + 1 < len(words):
                features.extend("+1" + g for g in gazetteer_features[i + 1])
        if clusters is not None:
            features.extend(clusters.features(s))
            features.extend(clusters.features(padded[i + 1], "c-1"))
            features.extend(clusters.features(padded[i + 3], "c+1"))
        out.append(features)
    return out


def encoded(features: list[list[str]]) -> list[list[bytes]]:
    """The features as :func:`sentence_features` gives them: UTF-8, as crfsuite stores them."""
    return [[f.encode() for f in token] for token in features]


@pytest.fixture(scope="module")
def news(corpora_dir: Path) -> list[list[str]]:
    """The sentences (token texts) of some SaudiNewsNet articles."""
    articles = json.loads((corpora_dir / "saudinewsnet" / "2015-08-01.json")
                          .read_text(encoding="utf-8"))
    text = "\n".join(a["content"] for a in articles[:120])
    tokens = tokenize_document(Document("news", text))
    return [tokens.texts[a:b] for a, b in tokens.sentences]


@pytest.mark.shared
def test_table_features_match_the_reference_on_news(news: list[list[str]]) -> None:
    """With gazetteers (cross-folded, so they change during a run) and clusters learnt from the
    text, with one and without either, the features are the reference's, in its order."""
    sentences = [stems(words) for words in news]
    # the first two tokens of every third sentence as a name: gazetteer names and marks occur
    tags = [["B-LOC", "I-LOC", *["O"] * (len(s) - 2)] if k % 3 == 0 and len(s) > 2
            else ["O"] * len(s) for k, s in enumerate(sentences)]
    pairs = list(zip(sentences, tags, strict=True))
    gazetteers = cross_folded_gazetteers(pairs, 3)
    clusters = learn_clusters(sentences, sizes=(8, 32))
    for chosen_clusters in (clusters, None):
        table = FeatureTable(None, chosen_clusters)
        for words, gazetteer in zip(news, gazetteers, strict=True):
            if gazetteer is not table.gazetteer:
                table = FeatureTable(gazetteer, chosen_clusters)
            assert sentence_features(words, table) == \
                encoded(reference_features(words, gazetteer, chosen_clusters))
    plain = FeatureTable(None, None)
    assert all(sentence_features(words, plain) == encoded(reference_features(words, None, None))
               for words in news)


@pytest.mark.shared
def test_known_features_are_the_reference_less_the_unknown(news: list[list[str]]) -> None:
    """Proposing passes the tagger only the features its model holds, in the same order (so
    the tagger sums the same weights in the same order)."""
    sentences = [stems(words) for words in news]
    tags = [["B-PERS", *["O"] * (len(s) - 1)] if k % 2 == 0 else ["O"] * len(s)
            for k, s in enumerate(sentences)]
    gazetteer = Gazetteer.build(list(zip(sentences, tags, strict=True)))
    clusters = learn_clusters(sentences, sizes=(8,))
    every = [f for words in news[::2] for token in reference_features(words, gazetteer, clusters)
             for f in token]
    known = frozenset(every[::3])  # a third of the features of half the sentences
    table = FeatureTable(gazetteer, clusters, known)
    for words in news:
        expected = [[f for f in token if f in known]
                    for token in reference_features(words, gazetteer, clusters)]
        assert sentence_features(words, table) == encoded(expected)


@pytest.mark.shared
def test_the_table_holds_the_document_words_of_the_proclitic_rule(corpora_dir: Path) -> None:
    """Proposing takes the words :func:`annotator.word_selection.stem_start` needs (the
    document's :func:`text_words`) from the table's folded forms of a ``punct`` document."""
    articles = json.loads((corpora_dir / "saudinewsnet" / "2015-08-01.json")
                          .read_text(encoding="utf-8"))
    document = Document("news", "\n".join(a["content"] for a in articles[:60]))
    assert tokenizer_mode(document) == "punct"
    tokens = tokenize_document(document)
    table = FeatureTable(None, None)
    for a, b in tokens.sentences:
        sentence_features(tokens.texts[a:b], table)
    assert frozenset(f.folded for f in table.forms.values()) == text_words(document.text)


def test_known_pair_features_of_stems_holding_a_bar() -> None:
    """The word-pair features proposing looks up as ``(stem, next stem)`` are those of the
    known set even when a stem holds the ``|`` that joins the two (``b-1=||x`` is
    ``|`` then ``x``, or nothing then ``|x``)."""
    words = ["كتاب", "|", "x", "|x", "y|", "|", "||", "كتاب"]
    every = [f for token in reference_features(words, None, None) for f in token]
    pairs = [f for f in every if f.startswith(("b-1=", "b+1="))]
    for known in (frozenset(every), frozenset(pairs[::2]), frozenset(pairs[1::2]),
                  frozenset(["b-1=||x", "b+1=|||", "b-1=y|||"])):
        expected = [[f for f in token if f in known]
                    for token in reference_features(words, None, None)]
        assert sentence_features(words, FeatureTable(None, None, known)) == encoded(expected)
