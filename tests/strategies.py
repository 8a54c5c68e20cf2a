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


@st.composite
def documents(draw: st.DrawFn, created: tuple[str, ...] = CREATED) -> Document:
    """Random text and overlapping annotations with links, attributes, notes, layers; each
    annotation's creation time is one of ``created`` (its modification time is a real one)."""
    text = draw(texts)
    document = Document("doc-1", text, title=draw(st.text(alphabet=ALPHABET, max_size=8)),
                        source="in.txt", direction=draw(st.sampled_from(["rtl", "ltr"])))
    count = draw(st.integers(0, 8))
    names = ["alice", "بلال", "c d"]
    for number in range(count):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        links = ()
        if number and draw(st.booleans()):
            links = (Link(draw(st.sampled_from(["speaker", "claimant"])), f"a{number - 1}"),)
        attributes = draw(st.dictionaries(st.sampled_from(["type", "check worthy", "x"]),
                                          st.text(alphabet=ALPHABET, max_size=5), max_size=2))
        document.annotations.add(Annotation(
            f"a{number}", start, end, draw(st.sampled_from(["PER", "QUOTE", "CLAIM", "X-Y"])),
            draw(st.sampled_from(names)), attributes, links,
            draw(st.sampled_from(created)),
            draw(st.sampled_from(["2026-12-01T10:00:00Z", "2026-12-02T11:30:00Z"])),
            draw(st.text(alphabet=ALPHABET, max_size=6)),
            draw(st.sampled_from(["", "", "gold"]))))
    if draw(st.booleans()):
        document.status["alice"] = "in progress"
    return document
