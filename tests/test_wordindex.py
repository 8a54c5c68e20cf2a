"""The word index recommenders share, and the project-names recommender built on it:
differential tests against the plain ways of doing the same."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.model import Document
from annotator.occurrences import find_occurrences
from annotator.search import fold, folded_text
from annotator.suggest.project_names import ProjectNames
from annotator.wordindex import folded_words, index_words

ARABIC = "وفبلكالقسدينمرت"
SKIPPED = "\u064e\u0650\u0651\u0640"  # harakat and tatweel: folded away
alphabet = st.sampled_from([*ARABIC, *SKIPPED, " ", " ", "«", "»", "،", "\n", "a", "\u200f"])
texts = st.text(alphabet=alphabet, max_size=120)


@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_the_index_holds_every_word_of_the_folded_text_at_its_place(text: str) -> None:
    found = folded_text(text)
    index = index_words(found)
    expected: dict[str, list[int]] = {}
    for match in regex.finditer(r"\w+", found.folded):
        expected.setdefault(match.group(), []).append(match.start())
    assert index.places == expected
    assert folded_words(text).places == expected


@settings(max_examples=300, deadline=None)
@given(text=texts, names=st.lists(st.text(alphabet=st.sampled_from([*ARABIC, " ", "\u064e"]),
                                          min_size=1, max_size=7), min_size=1, max_size=6))
def test_project_names_settle_overlaps_as_one_name_at_a_time_would(
        text: str, names: list[str]) -> None:
    """Differential: every name's occurrences (find_occurrences), the longest name (in folded
    characters) first, the earlier first among names as long, none overlapping another."""
    project = Document("p", " . ".join(names))
    at = 0
    for name in names:
        if name.strip() and any(ch.isalnum() for ch in fold(name)):
            start = project.text.index(name, at) + len(name) - len(name.lstrip())
            project.annotate(start, start + len(name.strip()), "PER")
        at += len(name) + 3
    recommender = ProjectNames([project])
    places = []
    for key, entry in recommender.names.items():
        places += [(-len(key), start, end) for start, end in find_occurrences(text, entry.text)]
    taken = bytearray(len(text))
    expected = []
    for _, start, end in sorted(places):
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            expected.append((start, end))
    got = [(p.start, p.end) for p in recommender.propose(Document("d", text))]
    assert got == sorted(expected)
