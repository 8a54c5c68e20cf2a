"""Hypothesis strategies shared by the test modules (pytest puts this folder on sys.path)."""

from __future__ import annotations

from hypothesis import strategies as st

from annotator.model import Annotation, Document, Link

# Characters that stress the format: Arabic with tashkeel and tatweel, astral characters,
# bidi controls, ZWJ/ZWNJ, CR/LF, tabs, markup characters, NBSP, BOM, line separators.
ALPHABET = [
    *"قسدالبيانوكمالَُِّْـ «»،؛؟",
    "\U0001F600", "\U0001F1F8", "\U0001F1E6", "\u200d", "\u200c", "\u200e", "\u200f",
    "\u2066", "\u2067", "\u2068", "\u2069", "\r", "\n", "\t", " ", "<", "&", ">", "]", '"',
    "'", "\u00a0", "\ufeff", "\u2028", "a", "Z", "5", "\u0660"]
texts = st.text(alphabet=ALPHABET, min_size=1, max_size=60)


CREATED = ("2026-12-01T10:00:00Z", "", "yesterday")
# The strategies every document draws from, made once: hypothesis checks each new strategy
# object, which made that check most of a draw's time.
_TITLES = st.text(alphabet=ALPHABET, max_size=8)
_DIRECTIONS = st.sampled_from(["rtl", "ltr"])
_COUNTS = st.integers(0, 8)
_ROLES = st.sampled_from(["speaker", "claimant"])
_ATTRIBUTES = st.dictionaries(st.sampled_from(["type", "check worthy", "x"]),
                              st.text(alphabet=ALPHABET, max_size=5), max_size=2)
_LABELS = st.sampled_from(["PER", "QUOTE", "CLAIM", "X-Y"])
_NAMES = st.sampled_from(["alice", "بلال", "c d"])
_MODIFIED = st.sampled_from(["2026-12-01T10:00:00Z", "2026-12-02T11:30:00Z"])
_NOTES = st.text(alphabet=ALPHABET, max_size=6)
_LAYERS = st.sampled_from(["", "", "gold"])


@st.composite
def documents(draw: st.DrawFn, created: tuple[str, ...] = CREATED) -> Document:
    """Random text and overlapping annotations with links, attributes, notes, layers; each
    annotation's creation time is one of ``created`` (its modification time is a real one)."""
    text = draw(texts)
    document = Document("doc-1", text, title=draw(_TITLES), source="in.txt",
                        direction=draw(_DIRECTIONS))
    count = draw(_COUNTS)
    created_times = st.sampled_from(created)
    for number in range(count):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        links = ()
        if number and draw(st.booleans()):
            links = (Link(draw(_ROLES), f"a{number - 1}"),)
        attributes = draw(_ATTRIBUTES)
        document.annotations.add(Annotation(
            f"a{number}", start, end, draw(_LABELS), draw(_NAMES), attributes, links,
            draw(created_times), draw(_MODIFIED), draw(_NOTES), draw(_LAYERS)))
    if draw(st.booleans()):
        document.status["alice"] = "in progress"
    return document
