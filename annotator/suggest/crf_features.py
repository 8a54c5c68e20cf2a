"""Token features for the CRF recommender, made for Arabic news text.

Each token gets a list of ``name=value`` strings (python-crfsuite's binary features):

* its form folded as search folds it (:func:`annotator.search.fold`: alef, ya, ta marbuta,
  tashkeel, tatweel, case) and that form with its proclitics stripped (و ف, then ب ك ل, then
  the article ال or لل; at least two letters of stem left), the proclitics themselves;
* the stem's first and last one to three letters (prefixes and suffixes: ات ون ين ية ي ...);
* its shape: digits, Latin letters, punctuation, length;
* the stems of a window of two tokens on each side, and the word pairs around it;
* gazetteer features (:class:`Gazetteer`): whether a run of stems that was an entity in the
  training data covers the token (begin or inside, with its label), and how often the
  token's stem was inside an entity of each label.  Training features take their gazetteer
  from the *other* folds of the training data (:func:`cross_folded_gazetteers`): a gazetteer
  built from the same sentences marks every training entity, the model learns to trust it
  blindly, and it overfits (0.57 micro F1 on ANERcorp against 0.63 without it, issue 12);
* the word clusters (:mod:`annotator.suggest.word_clusters`) of its stem and its neighbours'
  stems, learnt from unlabelled text, when the model has them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from annotator.search import fold
from annotator.suggest.word_clusters import WordClusters

_PROCLITICS = regex.compile(r"^([وف]?)([بكل]?)(ال)?")
_LATIN = regex.compile(r"[A-Za-z]")
_DIGIT = regex.compile(r"\d")
_WORD = regex.compile(r"\w")
_LONGEST_NAME = 6  # tokens in the longest gazetteer entry looked for


def split_stem(folded: str) -> tuple[str, str]:
    """``(proclitics, stem)`` of a folded word: و/ف, then ب/ك/ل, then ال (or لل = ل + ال),
    stripped from the front as long as two letters of stem remain."""
    match = _PROCLITICS.match(folded)
    if match is None or not match.group():
        if folded.startswith("لل") and len(folded) > 3:
            return "لل", folded[2:]
        return "", folded
    prefix = match.group()
    if not match.group(3) and folded[len(prefix):].startswith("ل") and prefix.endswith("ل"):
        prefix += "ل"  # لل: the preposition and the article without its alef
    while prefix and len(folded) - len(prefix) < 2:
        prefix = prefix[:-1]
    return prefix, folded[len(prefix):]


def stems(words: Sequence[str]) -> list[str]:
    """The folded, proclitic-stripped form of each word."""
    return [split_stem(fold(word))[1] for word in words]


def _shape(word: str) -> str:
    if _DIGIT.search(word):
        return "digit" if word.isdigit() else "hasdigit"
    if _LATIN.search(word):
        return "latin"
    if not _WORD.search(word):
        return "punct"
    return "word"


@dataclass
class Gazetteer:
    """Entities seen in training data, as runs of stems, with the label each run had most,
    and how often each stem was inside an entity of each label."""

    names: dict[tuple[str, ...], str] = field(default_factory=dict)
    # stem -> "first/inner/last/only:LABEL" places it took in entities, each seen twice or more
    places: dict[str, list[str]] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # stem -> label -> count
    totals: dict[str, int] = field(default_factory=dict)  # stem -> occurrences

    @classmethod
    def build(cls, sentences: Sequence[tuple[Sequence[str], Sequence[str]]]) -> Gazetteer:
        """From ``(stems, BIO tags)`` per sentence."""
        runs: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        totals: Counter[str] = Counter()
        places: Counter[tuple[str, str]] = Counter()
        for words, tags in sentences:
            totals.update(words)
            for start, end, label in bio_runs(tags):
                if end - start <= _LONGEST_NAME:
                    runs[tuple(words[start:end])][label] += 1
                if end - start == 1:
                    places[words[start], "only:" + label] += 1
                else:
                    places[words[start], "first:" + label] += 1
                    places[words[end - 1], "last:" + label] += 1
                    places.update((w, "inner:" + label) for w in words[start + 1:end - 1])
                for word in words[start:end]:
                    counts[word][label] += 1
        names = {run: labels.most_common(1)[0][0] for run, labels in runs.items()}
        place_lists: dict[str, list[str]] = defaultdict(list)
        for (word, place), count in sorted(places.items()):
            if count >= 2:
                place_lists[word].append(place)
        return cls(names, dict(place_lists), {w: dict(c) for w, c in counts.items()},
                   dict(totals))

    def features(self, words: Sequence[str]) -> list[list[str]]:
        """Gazetteer features of each token of one sentence of stems."""
        out: list[list[str]] = [[] for _ in words]
        i = 0
        while i < len(words):  # longest known name starting here, left to right
            for length in range(min(_LONGEST_NAME, len(words) - i), 0, -1):
                label = self.names.get(tuple(words[i:i + length]))
                if label is not None:
                    out[i].append(f"gz=B-{label}")
                    for j in range(i + 1, i + length):
                        out[j].append(f"gz=I-{label}")
                    i += length
                    break
            else:
                i += 1
        for token, word in zip(out, words, strict=True):
            seen = self.totals.get(word, 0)
            token.extend("gzp=" + place for place in self.places.get(word, ()))
            token.append("freq=" + ("0" if not seen else "1" if seen == 1
                                    else "2-4" if seen < 5 else "many"))
            labels = self.counts.get(word)
            if labels:
                total = self.totals.get(word, 1)
                for label, count in labels.items():
                    ratio = count / total
                    level = "hi" if ratio > 0.5 else "mid" if ratio > 0.1 else "lo"
                    token.append(f"gzr={label}:{level}")
        return out


def bio_runs(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first, end, label)`` token runs of BIO ``tags``; an ``I-`` that does not continue
    its label starts a run (as conlleval reads it)."""
    runs: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate((*tags, "O")):
        continues = tag.startswith("I-") and tag[2:] == label
        if start >= 0 and not continues:
            runs.append((start, i, label))
            start, label = -1, ""
        if tag != "O" and not continues:
            start, label = i, tag[2:]
    return runs


def cross_folded_gazetteers(sentences: Sequence[tuple[Sequence[str], Sequence[str]]],
                            folds: int) -> list[Gazetteer]:
    """For each sentence, the gazetteer built from the folds it is not in.  Folds are
    contiguous blocks of sentences (news articles stay together)."""
    count = len(sentences)
    folds = max(2, min(folds, count))
    bounds = [count * k // folds for k in range(folds + 1)]
    result: list[Gazetteer] = []
    for k in range(folds):
        others = [*sentences[:bounds[k]], *sentences[bounds[k + 1]:]]
        gazetteer = Gazetteer.build(others)
        result.extend(gazetteer for _ in range(bounds[k], bounds[k + 1]))
    return result


def sentence_features(words: Sequence[str], gazetteer: Gazetteer | None,
                      clusters: WordClusters | None = None) -> list[list[str]]:
    """The features of each token of one sentence (``words`` as they are in the text)."""
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
