"""spaCy's binary training format (``.spacy``, a ``DocBin``), written with the tool's own tokens.

Each document becomes one ``Doc`` whose text is exactly the document's text: the tokens of
the CoNLL export (:mod:`annotator.formats.conll`: ``ExportOptions.tokenizer``,
``split_proclitics``) with their spacing, and any white space other than one space after a
token kept as a white-space token of its own, as spaCy's tokenizer does.  So every span that
starts and ends on token boundaries has the same character offsets in spaCy (``«…»``
quotes included) and ``doc.char_span(start, end)`` finds it.

- ``doc.ents``: the entities the CoNLL export tags (IOB2; quotes and claims out unless
  ``ExportOptions.labels`` names them; nested or overlapping spans out, reported);
- ``doc.spans["sc"]``: every span that aligns to tokens, nested, overlapping, quotes and
  claims included (spaCy's span categorizer reads this key);
- sentence starts (``token.is_sent_start``) from :mod:`annotator.sentences`, as in the other
  token exports (``ExportOptions.sentences``).

Load with ``DocBin().from_disk(path).get_docs(nlp.vocab)``.  spaCy is an optional dependency
(``pip install 'arabic-news-annotator[spacy]'``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.atomic import atomic_writer
from annotator.error_catalogue import Errors
from annotator.errors import FormatError
from annotator.formats import Dropped, ExportOptions
from annotator.formats.conll import _candidates, count_not_carried, export_selection, tag_tokens
from annotator.model import Document
from annotator.tagset import default_tagset

SPANS_KEY = "sc"


def _spacy() -> Any:
    try:
        import spacy.tokens
        import spacy.vocab
    except ImportError:
        raise FormatError(Errors.E639) from None
    return spacy


def document_words(document: Document, starts: list[int],
                   ends: list[int]) -> tuple[list[str], list[bool], list[int]]:
    """spaCy's ``words`` and ``spaces`` for the tokens ``starts``/``ends`` of ``document``, and
    the index in ``words`` of each token (white space other than one space after a token is a
    word of its own, so that the words and spaces give back the text exactly)."""
    text = document.text
    words: list[str] = []
    spaces: list[bool] = []
    index: list[int] = []
    position = 0
    for start, end in zip(starts, ends, strict=True):
        gap = text[position:start]
        if gap:
            if spaces and gap[0] == " ":
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
        index.append(len(words))
        words.append(text[start:end])
        spaces.append(False)
        position = end
    tail = text[position:]
    if tail:
        if spaces and tail[0] == " ":
            spaces[-1] = True
            tail = tail[1:]
        if tail:
            words.append(tail)
            spaces.append(False)
    return words, spaces, index


def document_to_doc(document: Document, vocab: Any, options: ExportOptions) -> Any:
    """The spaCy ``Doc`` of one document (see the module docstring)."""
    spacy = _spacy()
    selected = export_selection(document, options)
    # Quotes and claims the BIO tags leave out are not lost here: they go to doc.spans, so
    # what _candidates counts of them is thrown away; links, attributes and notes are counted.
    candidates = _candidates(selected, options.tagset or default_tagset(), options.labels,
                             options.problems, Dropped())
    count_not_carried(selected, options.dropped)
    tagged = tag_tokens(selected, candidates, tokenizer=options.tokenizer,
                        split_proclitics=options.split_proclitics, problems=options.problems,
                        sentences=options.sentences)
    words, spaces, index = document_words(selected, tagged.starts, tagged.ends)
    sent_starts: list[bool | None] = [False] * len(words)
    for i in tagged.breaks:
        sent_starts[index[i]] = True
    if words:
        sent_starts[0] = True
    doc = spacy.tokens.Doc(vocab, words=words, spaces=spaces,
                           sent_starts=sent_starts if words else None)
    doc.ents = [doc.char_span(a.start, a.end, label=a.label) for a in tagged.tagged]
    every = [a for a in selected.annotations.sorted()
             if options.labels is None or a.label in options.labels]
    spans = (doc.char_span(a.start, a.end, label=a.label) for a in every)
    doc.spans[SPANS_KEY] = [span for span in spans if span is not None]
    return doc


def write_spacy(documents: Iterable[Document], out: Path, options: ExportOptions) -> None:
    """Registry writer: one ``.spacy`` file ``out`` holding a ``Doc`` per document."""
    spacy = _spacy()
    vocab = spacy.vocab.Vocab()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    docbin = spacy.tokens.DocBin(store_user_data=False)
    for document in documents:
        docbin.add(document_to_doc(document, vocab, options))
    with atomic_writer(out) as stream:
        stream.write(docbin.to_bytes())
