"""Quote cues: direct and indirect quotes found from reporting verbs, with their speakers.

- **Direct**: words between quotation marks (« », “ ”, " "; a quote left open runs to the end
  of its paragraph) with a reporting verb before them in the same sentence (``وقال الوزير:
  «…»``) or right after them (``«…»، قال الوزير``).  Fewer than three words are taken only
  after a colon: «داعش» after a verb is a name, not a quote.  The span is inside the marks.
- **Indirect**: a reporting verb or participle followed, within its sentence, by a
  complementizer (أن، أنّ، إن، بأن and fused pronouns: أنه، أنها، أنهم…); the span runs from the
  complementizer to the end of the sentence, or to a comma followed by another participle
  (``، مشيراً إلى أن``).
- **Speaker**: a person or organisation annotation between the verb and the quote (an
  addressee after ل left out), else the noun phrase after the verb, proposed as a person or
  organisation itself, else (``وأضاف أن``) the speaker of the quote before, if near.

Reporting verbs come from ``resources/reporting_verbs.txt`` and a project's own
``reporting_verbs.txt`` (:func:`annotator.suggest.cues.reporting_verbs`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from annotator.model import Document
from annotator.search import fold
from annotator.suggest.cues import (
    COMPLEMENTIZERS,
    Cue,
    CueLabels,
    CueWords,
    NounPhrase,
    cue_labels,
    existing_source,
    find_cues,
    is_adverbial,
    noun_phrase,
    reporting_verbs,
    titled_name_before,
)
from annotator.suggest.evidence import SPEAKER_OF
from annotator.suggest.proposal import Progress, Proposal, ProposedLink
from annotator.tagset import TagSet, tagset_for
from annotator.tokenize import punct_tokens
from annotator.wordindex import FoldedWords

NAME = "cues"
_OPENERS = {"«": "»", "“": "”", '"': '"'}
_CLOSERS = frozenset("»”\"")
_MARKS = re.compile(r"[«»“”\"\n]")
_WORD = re.compile(r"\w+")
_ENDS_AFTER = re.compile(r"[ \t]*(?:[.!?؟…،,]|\n|$)")
_SENTENCE_END = re.compile(r"[.!?؟…](?!\w)|\n")  # not the dots of 1.8 or إي.واي
_BEFORE_WINDOW = 160  # characters between a verb and the quotation mark it introduces
_AFTER_GAP = re.compile(r"[\s،,.]*")
_INDIRECT_WORDS = 14  # words from a verb to its complementizer
# After a comma, words that hand the sentence back to the narrator.
_NARRATOR = tuple(fold(w) for w in ("في إشارة", "في حين", "وذلك", "حسب", "بحسب", "وفق", "وفقا"))
_SPEAKER_CARRIED = 1500  # characters over which a pronoun speaker is the last one named


@dataclass(frozen=True)
class _Quote:
    start: int
    end: int
    direct: bool
    verb: Cue
    speaker_from: int  # where the speaker's noun phrase may start (after the verb)
    speaker_to: int  # and end (the quote, or a limit)
    score: float
    evidence: str


class QuoteCues:
    """The quote-cue recommender (``name`` ``cues``)."""

    name = NAME

    def __init__(self, tagset: TagSet | None = None, verbs: CueWords | None = None) -> None:
        self.labels: CueLabels = cue_labels(tagset)
        self.verbs = verbs or reporting_verbs()

    @classmethod
    def for_project(cls, folder: str | Path | None) -> QuoteCues:
        """The recommender with the project's tag set and its extra reporting verbs."""
        return cls(tagset_for(folder), reporting_verbs(folder))

    def propose(self, document: Document, progress: Progress | None = None, *,
                index: FoldedWords | None = None) -> list[Proposal]:
        """Quotes of ``document`` with their speakers (see the module docstring)."""
        labels = self.labels
        if labels.quote is None:
            return []
        text = document.text
        verbs = find_cues(text, self.verbs, index)
        if progress:
            progress(1, 3)
        direct = _direct_quotes(text, verbs)
        indirect = sorted(_indirect_quotes(text, verbs, direct), key=lambda q: q.start)
        # A quotation inside an indirect quote (أن الاتهامات «لا أساس لها») is part of it.
        quotes = indirect + [d for d in direct if not _within(indirect, d)]
        quotes.sort(key=lambda q: q.start)
        if progress:
            progress(2, 3)
        proposals: list[Proposal] = []
        proposed_sources: set[tuple[int, int]] = set()
        last: tuple[NounPhrase, int] | None = None
        for quote in quotes:
            speaker = existing_source(document, quote.speaker_from, quote.speaker_to, labels)
            proposed = False
            if speaker is None:
                speaker = noun_phrase(text, quote.speaker_from, labels,
                                      limit=max(quote.speaker_to - quote.speaker_from, 0))
                proposed = speaker is not None
            if speaker is None:
                speaker = _subject_of_verb_before(text, verbs, quote.verb, labels)
                proposed = speaker is not None
            if speaker is None:
                titled = titled_name_before(text, quote.verb.start, labels)
                if last is not None and quote.start - last[1] <= _SPEAKER_CARRIED and (
                        titled is None or titled.start < last[1]):
                    speaker = last[0]  # وأضاف أن: who spoke last
                else:
                    speaker = titled
                    proposed = speaker is not None
            attributes = {}
            if labels.quote_type:
                attributes[labels.quote_type] = "direct" if quote.direct else "indirect"
            links: tuple[ProposedLink, ...] = ()
            if speaker is not None:
                links = (ProposedLink(labels.speaker_role, speaker.start, speaker.end,
                                      speaker.label),)
                last = (speaker, quote.end)
                if proposed and (speaker.start, speaker.end) not in proposed_sources:
                    proposed_sources.add((speaker.start, speaker.end))
                    proposals.append(Proposal(
                        speaker.start, speaker.end, speaker.label, 0.4, NAME,
                        evidence=SPEAKER_OF(cue=text[quote.verb.start:quote.verb.end])))
            proposals.append(Proposal(quote.start, quote.end, labels.quote, quote.score, NAME,
                                      attributes, links, quote.evidence))
        if progress:
            progress(3, 3)
        return proposals


def _subject_of_verb_before(text: str, verbs: list[Cue], verb: Cue,
                            labels: CueLabels) -> NounPhrase | None:
    """The noun phrase after the reporting verb before ``verb`` in the same sentence (غردت
    الوزيرة … قائلة: the participle's subject is the verb's)."""
    i = bisect.bisect_left(verbs, verb.start, key=lambda v: v.start) - 1
    if i < 0 or _SENTENCE_END.search(text, verbs[i].end, verb.start):
        return None
    return noun_phrase(text, verbs[i].end, labels, limit=verb.start - verbs[i].end)


def _direct_quotes(text: str, verbs: list[Cue]) -> list[_Quote]:
    """Quotations in marks with a reporting verb before or after them."""
    verb_starts = [v.start for v in verbs]
    found: list[_Quote] = []
    for open_at, close_at, closed in _quotation_marks(text):
        inner_start, inner_end = open_at + 1, close_at
        inner = text[inner_start:inner_end]
        stripped = inner.strip()
        if not stripped:
            continue
        inner_start += len(inner) - len(inner.lstrip())
        inner_end = inner_start + len(stripped)
        words = len(_WORD.findall(stripped))
        colon = text[max(open_at - 2, 0):open_at].strip().endswith(":")
        if words < 3 and not colon:
            continue
        quote: _Quote | None = None
        before = bisect.bisect_left(verb_starts, open_at) - 1
        if before >= 0:
            verb = verbs[before]
            between = text[verb.end:open_at]
            if open_at - verb.end <= _BEFORE_WINDOW and not _SENTENCE_END.search(between):
                score = 0.6 + (0.2 if colon else 0.0) + (0.1 if words >= 5 else 0.0)
                score -= 0.1 if not closed else 0.0
                quote = _Quote(inner_start, inner_end, True, verb, verb.end, open_at,
                               round(score, 2), f"{text[verb.start:verb.end]} «…»")
        if quote is None and closed:
            after = bisect.bisect_left(verb_starts, close_at + 1)
            if after < len(verbs):
                verb = verbs[after]
                gap = text[close_at + 1:verb.start]
                gap_words = _WORD.findall(gap)
                if len(gap) <= 12 and not _SENTENCE_END.search(gap) and _AFTER_GAP.fullmatch(
                        "".join(ch for ch in gap if not ch.isalpha())) and len(gap_words) <= 1:
                    quote = _Quote(inner_start, inner_end, True, verb, verb.end,
                                   verb.end + _BEFORE_WINDOW, 0.7,
                                   f"«…» {text[verb.start:verb.end]}")
        if quote is not None:
            found.append(quote)
    return found


def _quotation_marks(text: str) -> list[tuple[int, int, bool]]:
    """``(opening mark, closing mark, closed)`` of each outermost quotation in ``text``.

    « » nest; a quote left open at a line break closes there (``closed`` False); mixed pairs
    some sites write («…" and "…») close too: inside « », a straight quote followed by the end
    of a sentence closes it, any other toggles a quotation inside it.
    """
    pairs: list[tuple[int, int, bool]] = []
    opened: int | None = None
    closer = ""
    nested = 0
    inner = False
    for match in _MARKS.finditer(text):
        mark, at = match.group(), match.start()
        if opened is None:
            if mark in _OPENERS:
                opened, closer, nested, inner = at, _OPENERS[mark], 0, False
            continue
        close = False
        if mark == "\n":
            pairs.append((opened, at, False))
            opened = None
        elif mark == "«":
            nested += 1
        elif mark == "»":
            if nested:
                nested -= 1
            else:
                close = True
        elif mark == "”":
            close = closer in "”\""
        elif closer == "\"" or (not nested and not inner and _ENDS_AFTER.match(text, at + 1)):
            close = True
        else:
            inner = not inner
        if close and opened is not None:
            pairs.append((opened, at, True))
            opened = None
    if opened is not None:
        pairs.append((opened, len(text), False))
    return pairs


def _indirect_quotes(text: str, verbs: list[Cue], direct: list[_Quote]) -> list[_Quote]:
    """Clauses after a reporting verb and its complementizer, outside the direct quotes."""
    spans = sorted((q.start, q.end) for q in direct)
    starts = [s for s, _ in spans]
    verb_starts = {v.start for v in verbs}
    ordered_starts = [v.start for v in verbs]
    folded_of: dict[str, str] = {}  # each token's text folded once in this call
    found: list[_Quote] = []
    for number, verb in enumerate(verbs):
        if _inside(spans, starts, verb.start):
            continue
        sentence_end = _SENTENCE_END.search(text, verb.end)
        limit = sentence_end.start() if sentence_end else len(text)
        next_verb = verbs[number + 1].start if number + 1 < len(verbs) else len(text)
        window = text[verb.end:min(limit, verb.end + 400)]
        words = 0
        complementizer = None
        for token in punct_tokens(window):
            at = verb.end + token.start
            if at >= next_verb or at in verb_starts:
                break
            if token.text[0] in _OPENERS or token.text[0] in _CLOSERS:
                if _inside(spans, starts, at + len(token.text) + 1):
                    break  # a direct quote: the verb introduces it
                continue  # a name in quotation marks (شركة "إي.واي")
            folded = folded_of.get(token.text)
            if folded is None:
                folded = folded_of[token.text] = fold(token.text)
            if folded in COMPLEMENTIZERS or (folded[:1] == "ب" and folded[1:] in COMPLEMENTIZERS):
                complementizer = token
                break
            if token.text[0].isalnum():
                words += 1
                if words > _INDIRECT_WORDS:
                    break
        if complementizer is None:
            continue
        start = verb.end + complementizer.start
        if fold(complementizer.text).startswith("ب"):
            start += 1
        following = bisect.bisect_right(ordered_starts, start)
        if following < len(ordered_starts):
            limit = min(limit, _word_start(text, ordered_starts[following]))
        stop = limit
        end = _clause_end(text, start + len(complementizer.text), stop, verb_starts)
        rest = text[start + len(complementizer.text):end].strip()
        opens = bisect.bisect_left(starts, start)
        if not rest or (opens < len(spans) and spans[opens][0] < end
                        and spans[opens][0] - start <= len(complementizer.text) + 3):
            continue  # أن «…»: the direct quote it introduces is the quote
        score = 0.75 if words <= 8 else 0.6
        found.append(_Quote(start, end, False, verb, verb.end, start, score,
                            f"{text[verb.start:verb.end]} … {complementizer.text}"))
    return found


def _within(indirect: list[_Quote], quote: _Quote) -> bool:
    """True when ``quote`` lies inside one of ``indirect`` (sorted by start)."""
    i = bisect.bisect_left(indirect, quote.start, key=lambda q: q.start) - 1
    return i >= 0 and quote.end <= indirect[i].end + 1


def _word_start(text: str, at: int) -> int:
    """The start of the whitespace word holding ``at`` (its proclitics included)."""
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    return at


def _inside(spans: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    i = bisect.bisect_right(starts, at) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def _clause_end(text: str, start: int, limit: int, verb_starts: set[int]) -> int:
    """Where an indirect quote starting at ``start`` ends: before the sentence's end
    (``limit``) or a comma followed by a reporting word or an adverbial participle."""
    for match in re.finditer(r"[،,]\s*", text[start:limit]):
        after = start + match.end()
        word = _WORD.match(text, after)
        if word and (after in verb_starts or _starts_with_verb(after, verb_starts)
                     or is_adverbial(word.group())
                     or fold(text[after:after + 12]).startswith(_NARRATOR)):
            limit = start + match.start()
            break
    end = limit
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,;؛:"):
        end -= 1
    return end


def _starts_with_verb(at: int, verb_starts: set[int]) -> bool:
    """True when a reporting verb starts within the proclitics of the word at ``at``."""
    return any(at + k in verb_starts for k in (1, 2))
