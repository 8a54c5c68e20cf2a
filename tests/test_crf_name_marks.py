"""Differential test of the name marks of the CRF's features: the gazetteer's and the name
lists' marks, which look for names only where a stem starts one, against a plain scan that
tries every position, left to right, the longest name first."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from annotator.suggest.crf_features import Gazetteer
from annotator.suggest.crf_gazetteer import NameLists

STEMS = ["a", "b", "c", "d"]
sentences = st.lists(st.sampled_from(STEMS), max_size=30)
runs = st.lists(st.sampled_from(STEMS), min_size=1, max_size=4).map(tuple)
labels = st.sampled_from(["LOC", "ORG", "PER"])


def scanned(words: Sequence[str], names: dict[tuple[str, ...], tuple[str, ...]]
            ) -> dict[int, tuple[int, tuple[str, ...]]]:
    """``position -> (place in its name, -1 for a one-word name; the name's labels)``, from
    every position tried in turn."""
    out: dict[int, tuple[int, tuple[str, ...]]] = {}
    i = 0
    while i < len(words):
        for length in range(min(6, len(words) - i), 0, -1):
            found = names.get(tuple(words[i:i + length]))
            if found is not None:
                for j in range(i, i + length):
                    out[j] = (j - i if length > 1 else -1, found)
                i += length
                break
        else:
            i += 1
    return out


@given(sentences, st.dictionaries(runs, labels, max_size=8))
def test_gazetteer_marks_are_those_of_a_plain_scan(sentence: list[str],
                                                   names: dict[tuple[str, ...], str]) -> None:
    gazetteer = Gazetteer(names)
    found = scanned(sentence, {name: (label,) for name, label in names.items()})
    expected = {i: [f"gz={'I' if place > 0 else 'B'}-{labels[0]}"]
                for i, (place, labels) in found.items()}
    assert gazetteer.name_marks(sentence, gazetteer.longest_names()) == expected


@given(sentences, st.dictionaries(runs, st.lists(labels, min_size=1, max_size=2, unique=True)
                                  .map(tuple), max_size=8))
def test_name_list_marks_are_those_of_a_plain_scan(
        sentence: list[str], names: dict[tuple[str, ...], tuple[str, ...]]) -> None:
    lists = NameLists(names)
    expected = {i: [f"lg={'U' if place < 0 else 'B' if place == 0 else 'I'}-{label}"
                    for label in labels]
                for i, (place, labels) in scanned(sentence, names).items()}
    assert lists.marks(sentence, lists.longest()) == expected
