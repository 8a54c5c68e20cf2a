"""Token features for the CRF recommender, made for Arabic news text.

Each token gets a list of ``name=value`` strings (python-crfsuite's binary features), UTF-8
encoded as crfsuite stores them, so that the tagger and the trainer take each as it is instead
of encoding it again at each token (an eighth of the tagger's time on a 5 MB article):

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
  stems, learnt from unlabelled text, when the model has them;
* name-list features (:mod:`annotator.suggest.crf_gazetteer`): whether the token begins, is
  inside or is a one-word name of a list of places, organisations or person names written
  apart from any training data (``lg=B-ORG``), the longest listed name first.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

import regex

from annotator.search import fold
from annotator.suggest.word_clusters import WordClusters

if TYPE_CHECKING:
    from annotator.suggest.crf_gazetteer import NameLists

Found = TypeVar("Found")  # what a name maps to: a label, or the labels of the lists

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
        return [names + self.stem_features(word)
                for names, word in zip(self.name_features(words), words, strict=True)]

    def name_features(self, words: Sequence[str]) -> list[list[str]]:
        """``gz=B-LABEL``/``gz=I-LABEL`` of the tokens the longest known names (left to
        right) cover in one sentence of stems."""
        marks = self.name_marks(words, self.longest_names())
        return [marks.get(i, []) for i in range(len(words))]

    def longest_names(self) -> dict[str, int]:
        """The length of the longest name starting with each stem that starts one."""
        return longest_starting(self.names)

    def name_marks(self, words: Sequence[str], longest: dict[str, int]
                   ) -> dict[int, list[str]]:
        """:meth:`name_features` of the tokens that have some, by position (``longest``:
        :meth:`longest_names`)."""
        marks: dict[int, list[str]] = {}
        for i, length, label in longest_matches(words, self.names, longest):
            marks[i] = [f"gz=B-{label}"]
            for j in range(i + 1, i + length):
                marks[j] = [f"gz=I-{label}"]
        return marks

    def stem_features(self, word: str) -> list[str]:
        """The gazetteer features of one stem on its own: the places it took in names, how
        often it was seen, and how often inside a name of each label."""
        seen = self.totals.get(word, 0)
        token = ["gzp=" + place for place in self.places.get(word, ())]
        token.append("freq=" + ("0" if not seen else "1" if seen == 1
                                else "2-4" if seen < 5 else "many"))
        labels = self.counts.get(word)
        if labels:
            total = self.totals.get(word, 1)
            for label, count in labels.items():
                ratio = count / total
                level = "hi" if ratio > 0.5 else "mid" if ratio > 0.1 else "lo"
                token.append(f"gzr={label}:{level}")
        return token


def longest_starting(names: Iterable[tuple[str, ...]]) -> dict[str, int]:
    """The length of the longest of ``names`` (runs of stems) starting with each stem that
    starts one."""
    longest: dict[str, int] = {}
    for name in names:
        longest[name[0]] = max(longest.get(name[0], 0), len(name))
    return longest


def longest_matches(words: Sequence[str], names: Mapping[tuple[str, ...], Found],
                    longest: Mapping[str, int]) -> list[tuple[int, int, Found]]:
    """``(first, length, value)`` of the longest ``names`` found in one sentence of stems,
    left to right, none inside another (``longest``: :func:`longest_starting` of them):
    looked for only where a stem starts a name."""
    found: list[tuple[int, int, Found]] = []
    count, free = len(words), 0
    for i in [i for i, word in enumerate(words) if word in longest]:  # a name may start
        if i < free:  # inside the last name found
            continue
        for length in range(min(longest[words[i]], count - i), 0, -1):  # longest first
            value = names.get(tuple(words[i:i + length]))
            if value is not None:
                found.append((i, length, value))
                free = i + length
                break
    return found


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


Pieces = tuple[bytes, ...]  # features of a token (UTF-8), or none


def _one(feature: str, known: AbstractSet[str] | None) -> Pieces:
    return (feature.encode(),) if known is None or feature in known else ()


class FormPieces:
    """What the features of a sentence take from one word form: the features that depend on
    the form alone, and the pieces its neighbours take from it (``s-1=``, ``w+1=``...), each
    a tuple of one feature or none (when ``known`` does not hold it).  ``stem_utf8``: the
    stem encoded, for the word-pair features."""

    __slots__ = ("as_next_gazetteer", "as_previous_gazetteer", "c1", "c_1", "clusters",
                 "folded", "gazetteer", "own", "proclitics", "ps_1", "s1", "s2", "s_1", "s_2",
                 "shape1", "stem", "stem_utf8", "w1", "w_1")

    def __init__(self, word: str, table: FeatureTable, pad: str = "") -> None:
        gazetteer, clusters = table.gazetteer, table.clusters
        folded = pad or fold(word)
        proclitics, s = ("", pad) if pad else split_stem(folded)
        shape = pad or _shape(word)
        self.folded, self.proclitics, self.stem = folded, proclitics, s
        self.stem_utf8 = s.encode()
        keep, known = table.keep, table.known
        self.own = keep("bias", f"w={folded}", f"s={s}", f"p={proclitics}", f"shape={shape}",
                        f"len={min(len(s), 8)}", f"s1={s[:1]}", f"s2={s[:2]}", f"s3={s[:3]}",
                        f"e1={s[-1:]}", f"e2={s[-2:]}", f"e3={s[-3:]}")
        self.s_1, self.s_2 = _one(f"s-1={s}", known), _one(f"s-2={s}", known)
        self.s1, self.s2 = _one(f"s+1={s}", known), _one(f"s+2={s}", known)
        self.w_1, self.w1 = _one(f"w-1={folded}", known), _one(f"w+1={folded}", known)
        self.ps_1 = keep(f"p-1={pad or proclitics}", f"shape-1={shape}")
        self.shape1 = _one(f"shape+1={shape}", known)
        # the gazetteer features that do not depend on the neighbours (gzp, freq, gzr)
        own_gazetteer = gazetteer.stem_features(s) if gazetteer is not None and not pad else []
        self.gazetteer = keep(*own_gazetteer)
        self.as_next_gazetteer = keep(*("+1" + g for g in own_gazetteer))
        self.as_previous_gazetteer = keep(*("-1" + g for g in own_gazetteer))
        if clusters is not None:
            self.clusters = keep(*clusters.features(s))
            self.c_1 = keep(*clusters.features(s, "c-1"))
            self.c1 = keep(*clusters.features(s, "c+1"))
        else:
            self.clusters = self.c_1 = self.c1 = ()


def _known_pairs(known: AbstractSet[str] | None, name: str) -> frozenset[tuple[str, str]]:
    """``(a, b)`` for each ``name + a + "|" + b`` of ``known``, cut at each of its ``|`` (a
    stem may hold one): ``(a, b)`` is there exactly when that feature is known."""
    pairs: set[tuple[str, str]] = set()
    for feature in known or ():
        if feature.startswith(name):
            value = feature[len(name):]
            pairs.update((value[:i], value[i + 1:]) for i, c in enumerate(value) if c == "|")
    return frozenset(pairs)


class FeatureTable:
    """The :class:`FormPieces` of the word forms met so far with one gazetteer and one set of
    word clusters.  A proposing or training run makes one and passes it to each of its
    sentences, so that each word form's features are made once in the run.  ``known``: the
    features a trained model holds (the tagger ignores all others, so proposing need not pass
    them); None to keep all (training).  ``lists``: the name lists whose names are marked."""

    def __init__(self, gazetteer: Gazetteer | None, clusters: WordClusters | None,
                 known: AbstractSet[str] | None = None, lists: NameLists | None = None) -> None:
        self.gazetteer, self.clusters, self.known = gazetteer, clusters, known
        self.lists = lists
        self.longest_listed = lists.longest() if lists is not None else {}
        self.forms: dict[str, FormPieces] = {}
        self.start = FormPieces("", self, "<s>")
        self.end = FormPieces("", self, "</s>")
        self.longest = gazetteer.longest_names() if gazetteer is not None else {}
        # the known word-pair features as (stem, next stem): looked up without being built
        self.pairs_before = _known_pairs(known, "b-1=")
        self.pairs_after = _known_pairs(known, "b+1=")

    def keep(self, *features: str) -> Pieces:
        """Those of ``features`` that are known (all when no set of known ones is given),
        encoded."""
        known = self.known
        return tuple(map(str.encode, features if known is None
                         else filter(known.__contains__, features)))

    def pieces(self, words: Sequence[str]) -> list[FormPieces]:
        """The :class:`FormPieces` of each of ``words``."""
        forms = self.forms
        out = []
        for word in words:
            pieces = forms.get(word)
            if pieces is None:
                pieces = forms[word] = FormPieces(word, self)
            out.append(pieces)
        return out


def sentence_features(words: Sequence[str], table: FeatureTable) -> list[list[bytes]]:
    """The features of each token of one sentence (``words`` as they are in the text), with
    the gazetteer and clusters of ``table`` (only its known ones when it has a set of them),
    UTF-8 encoded."""
    tokens = table.pieces(words)
    known, keep = table.known, table.keep
    padded = [table.start, table.start, *tokens, table.end, table.end]  # no gazetteer features
    token_stems = [t.stem for t in tokens]
    marks = table.gazetteer.name_marks(token_stems, table.longest) \
        if table.gazetteer is not None else {}
    listed = table.lists.marks(token_stems, table.longest_listed) \
        if table.lists is not None else {}
    pairs_before, pairs_after = table.pairs_before, table.pairs_after
    here: Pieces
    previous: Pieces
    following: Pieces
    out: list[list[bytes]] = []
    for i, (two_before, before, token, after, two_after) in enumerate(
            zip(padded, padded[1:], tokens, padded[3:], padded[4:], strict=False)):
        pairs: Pieces
        if known is None:
            pairs = (b"b-1=" + before.stem_utf8 + b"|" + token.stem_utf8,
                     b"b+1=" + token.stem_utf8 + b"|" + after.stem_utf8)
        else:
            pairs = ()
            if (before.stem, token.stem) in pairs_before:
                pairs = (b"b-1=" + before.stem_utf8 + b"|" + token.stem_utf8,)
            if (token.stem, after.stem) in pairs_after:
                pairs = (*pairs, b"b+1=" + token.stem_utf8 + b"|" + after.stem_utf8)
        if marks and (i in marks or i - 1 in marks or i + 1 in marks):  # in a known name
            here = keep(*marks.get(i, ()))
            previous = keep(*("-1" + g for g in marks.get(i - 1, ())))
            following = keep(*("+1" + g for g in marks.get(i + 1, ())))
        else:
            here = previous = following = ()
        features = [*token.own, *before.s_1, *two_before.s_2, *after.s1, *two_after.s2,
                    *pairs, *before.w_1, *after.w1, *before.ps_1, *after.shape1,
                    *here, *token.gazetteer, *previous, *before.as_previous_gazetteer,
                    *following, *after.as_next_gazetteer,
                    *token.clusters, *before.c_1, *after.c1]
        if i in listed:
            features += keep(*listed[i])
        out.append(features)
    return out
