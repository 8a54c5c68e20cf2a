"""From a model's per-word tags to proposals: tag runs, label mapping and snapping.

What the Hugging Face and spaCy recommenders (:mod:`annotator.suggest.hf_model`,
:mod:`annotator.suggest.spacy_model`) share, as pure functions on plain values:

- :func:`split_tag` and :func:`tag_runs` read BIO, BIOES/BILOU and plain IO tags
  (``B-PER``, ``S-LOC``, ``U-ORG``, ``PERS``) into runs of words with one label;
- :class:`LabelMapper` turns a model's label names into the tag set's (``PERS`` to ``PER``);
- :func:`snap_span` snaps a span the model found to words as a selection is snapped
  (:func:`annotator.align.align_span`), then, with ``strip``, leaves out the attached
  proclitics of its first word (و ف ب ل ك and their combinations) when the word without
  them is a word of the text on its own: ``ولبنان`` gives ``لبنان`` where ``لبنان`` stands
  alone somewhere in the document, while ``لبنان`` stays whole (``بنان`` is not a word there).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from annotator.align import align_span, word_at
from annotator.tagset import TagSet
from annotator.word_selection import stem_start

OUTSIDE = "O"

ALIASES: Mapping[str, str] = {
    "PERS": "PER", "PERSON": "PER",
    "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
    "LOCATION": "LOC", "GEO": "LOC",
    "MISCELLANEOUS": "MISC",
}
"""Label names models often use for the default tag set's labels (upper case)."""


def split_tag(tag: str) -> tuple[str, str]:
    """``(prefix, label)`` of a tag: ``B-PER`` gives ``("B", "PER")``, ``S_LOC`` gives
    ``("S", "LOC")``, ``O`` (or an empty tag) gives ``("O", "")`` and a tag with no prefix
    (``PERS``, an IO scheme) gives ``("I", "PERS")``."""
    if not tag or tag == OUTSIDE:
        return OUTSIDE, ""
    if len(tag) > 2 and tag[1] in "-_" and tag[0].upper() in "BIESLU":
        return tag[0].upper(), tag[2:]
    return "I", tag


def tag_runs(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first, end, label)`` runs of words of ``tags`` (one tag a word).

    ``B``/``S``/``U`` start a run, ``S``/``U``/``E``/``L`` end one, ``I``/``E``/``L`` (and a
    tag without prefix) continue the run before them when it has the same label and start
    one otherwise (as conlleval and Hugging Face's pipeline read a stray ``I-``)."""
    runs: list[tuple[int, int, str]] = []
    first, label = -1, ""
    for i, tag in enumerate(tags):
        prefix, name = split_tag(tag)
        continues = first >= 0 and prefix in "IEL" and name == label
        if first >= 0 and not continues:
            runs.append((first, i, label))
            first = -1
        if prefix == OUTSIDE:
            continue
        if not continues:
            first, label = i, name
        if prefix in "ESLU":
            runs.append((first, i + 1, label))
            first = -1
    if first >= 0:
        runs.append((first, len(tags), label))
    return runs


@dataclass(frozen=True)
class LabelMapper:
    """The tag set's label for each model label (without its ``B-``/``I-`` prefix).

    ``mapping`` (the project's ``[model.labels]``) comes first; a label mapped to ``""`` is
    not proposed.  Then a label the tag set has is kept, then :data:`ALIASES`; any other is
    left out (:meth:`unmapped` lists them)."""

    tagset: TagSet
    mapping: Mapping[str, str] = field(default_factory=dict)

    def label_for(self, name: str) -> str | None:
        """The tag set's label for the model label ``name``, or None when it is left out."""
        if name in self.mapping:
            return self.mapping[name] or None
        if name in self.tagset:
            return name
        alias = ALIASES.get(name.upper())
        if alias is not None and alias in self.tagset:
            return alias
        return None

    def unmapped(self, names: Iterable[str]) -> list[str]:
        """The model labels among ``names`` (tags with or without prefixes) that are left
        out, sorted, each once."""
        labels = {split_tag(name)[1] for name in names} - {""}
        return sorted(label for label in labels if self.label_for(label) is None)


def snap_span(text: str, start: int, end: int,
              words: frozenset[str] | None = None) -> tuple[int, int] | None:
    """``[start, end)`` snapped to whole words with spaces and punctuation trimmed (as a
    selection is: :func:`align_span` ``expand``); then, when ``words`` is given (the
    document's :func:`annotator.word_selection.text_words`), the first word's attached
    proclitics are left out by :func:`annotator.word_selection.stem_start`.  None when
    nothing is left."""
    snapped = align_span(text, start, end, "expand")
    if snapped is None:
        return None
    start, end = snapped
    if words is not None:
        word = word_at(text, start)
        if word is not None and word[0] == start:
            return stem_start(text, start, min(word[1], end), words), end
    return start, end
