"""Snapping selected spans to graphemes and words, like spaCy's ``char_span(alignment_mode=...)``.

All offsets are code points into the exact stored text, half-open ``[start, end)``.  Nothing
here changes the text; functions only compute offsets.

Grapheme clusters are the extended grapheme clusters of UAX #29 as implemented by the
``regex`` module's ``\\X``, so a letter is never split from its harakat (U+064B-U+065F,
U+0670, shadda + vowel), nor an emoji from its ZWJ sequence, skin tone or variation
selector, nor a flag's two regional indicators.  Segmentation is always *local*: a window
around the position is segmented, starting and ending at positions that are certainly
cluster boundaries whatever comes before them (see :func:`_is_sure_boundary`), so a call on
a 5 MB text costs the same as on a short one.

Words are maximal runs of *word clusters*: clusters that start with a letter (tatweel
included), a digit, a combining mark, ``_``, or a pictographic / currency symbol (emoji stay
inside words).  Whitespace, punctuation, math symbols and bidi controls separate words;
``.`` ``,`` ``٫`` ``٬`` between two digits stay inside a number (``34.3``, ``1,000``).
So ``لـ«البيان»`` holds the words ``لـ`` and ``البيان``.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Literal, cast

import regex

from annotator.error_catalogue import Errors
from annotator.errors import SpanError

AlignMode = Literal["expand", "contract", "grapheme", "strict"]
ProcliticMode = Literal["particles", "all", "none"]

ALIGN_MODES: tuple[str, ...] = ("expand", "contract", "grapheme", "strict")
PROCLITIC_MODES: tuple[str, ...] = ("particles", "all", "none")

TATWEEL = "\u0640"

_CLUSTER = regex.compile(r"\X")

# Bidi controls: never part of a word, trimmed from span edges.  (ZWJ/ZWNJ are grapheme
# extenders and stay with the cluster they attach to.)
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

# Punctuation that belongs to what it follows or precedes and is not trimmed from edges
# ("50%", "#وسم", "@user", "AT&T").  It still separates words.
_KEPT_PUNCTUATION = frozenset("%٪‰‱#@&")

# Separators that stay inside a number when a digit sits on both sides.
_NUMBER_SEPARATORS = frozenset(".,\u066b\u066c")

_GCB_NAMES = ("Other", "Extend", "ZWJ", "SpacingMark", "Prepend", "Control", "CR", "LF",
              "Regional_Indicator", "L", "V", "T", "LV", "LVT")
_GCB_PATTERNS = tuple((name, regex.compile(r"\p{Grapheme_Cluster_Break=" + name + "}"))
                      for name in _GCB_NAMES)


# --------------------------------------------------------------------------- grapheme clusters

@lru_cache(maxsize=4096)
def _gcb(char: str) -> str:
    """The Grapheme_Cluster_Break property of one character, as the ``regex`` module knows it."""
    for name, pattern in _GCB_PATTERNS:
        if pattern.match(char):
            return name
    return "Other"


_INCB_CONSONANT = regex.compile(r"\p{Indic_Conjunct_Break=Consonant}")


@lru_cache(maxsize=4096)
def _is_conjunct_consonant(char: str) -> bool:
    """True for consonants that GB9c may join to a preceding virama (Indic, Myanmar...)."""
    return _INCB_CONSONANT.match(char) is not None


def _is_sure_boundary(text: str, i: int) -> bool:
    """True when ``i`` is a cluster boundary judging only ``text[i-1]`` and ``text[i]``.

    Conservative: False means "cannot tell locally", not "no boundary".  Rules used (UAX #29):
    GB1/GB2 (text ends), GB4/GB5 (controls, CR LF), GB999 between two ``Other`` characters,
    and after an ``Extend``/``SpacingMark`` (not ZWJ) before an ``Other`` that is not a
    conjunct consonant (GB9c conjuncts need a look further back; GB11 needs a ZWJ; GB12/13
    need regional indicators).
    """
    if i <= 0 or i >= len(text):
        return True
    before, after = _gcb(text[i - 1]), _gcb(text[i])
    if before in ("Control", "LF"):
        return True
    if before == "CR":
        return after != "LF"
    if after in ("Control", "CR", "LF"):
        return True
    if after != "Other":
        return False
    if before == "Other":
        return True
    return before in ("Extend", "SpacingMark") and not _is_conjunct_consonant(text[i])


# Regional indicators pair up counting from the start of their run (GB12/13).  The regex
# module's \X looks back over the whole run for every pair (quadratic), so long runs are
# split here at the pair boundaries, which are certain once the run's start is known.
_RI_BEFORE = regex.compile(r"(?r)\P{Regional_Indicator}")
_NOT_RI = regex.compile(r"\P{Regional_Indicator}")
_RI_RUN = regex.compile(r"\p{Regional_Indicator}{4,}")


def _inside_ri_run(text: str, i: int) -> bool:
    return 0 < i < len(text) and _gcb(text[i - 1]) == _gcb(text[i]) == "Regional_Indicator"


def _ri_run_start(text: str, i: int) -> int:
    found = _RI_BEFORE.search(text, 0, i)
    return found.end() if found else 0


def _sure_at_or_before(text: str, i: int) -> int:
    while not _is_sure_boundary(text, i):
        if _inside_ri_run(text, i):
            run_start = _ri_run_start(text, i)
            pair = run_start + 2 * ((i - run_start) // 2)
            if pair > run_start:
                return pair
            i = run_start
            continue
        i -= 1
    return i


def _sure_at_or_after(text: str, i: int) -> int:
    while not _is_sure_boundary(text, i):
        if _inside_ri_run(text, i):
            run_start = _ri_run_start(text, i)
            found = _NOT_RI.search(text, i)
            run_end = found.start() if found else len(text)
            pair = run_start + 2 * ((i - run_start + 1) // 2)
            if pair < run_end:
                return pair
            i = run_end
            continue
        i += 1
    return i


def _segment(text: str, lo: int, hi: int) -> list[int]:
    """Every cluster boundary of ``text`` between sure boundaries around ``[lo, hi]``, sorted."""
    a = _sure_at_or_before(text, max(0, min(lo, len(text))))
    b = _sure_at_or_after(text, max(0, min(hi, len(text))))
    bounds = [a]
    at = a
    for run in _RI_RUN.finditer(text, a, b):
        # ``at`` and ``a`` are boundaries, so pairs count from the run's start in the window.
        run_start, run_end = run.span()
        last_pair = run_start + 2 * ((run_end - run_start - 1) // 2)
        bounds.extend(at + m.end() for m in _CLUSTER.finditer(text[at:run_start + 2]))
        bounds.extend(range(run_start + 4, last_pair + 1, 2))
        at = last_pair
    bounds.extend(at + m.end() for m in _CLUSTER.finditer(text[at:b]))
    return bounds


def _check_position(text: str, position: int, what: str = "position") -> None:
    if not isinstance(position, int) or isinstance(position, bool):
        raise SpanError(Errors.E011, what=what, type=type(position).__name__)
    if not 0 <= position <= len(text):
        raise SpanError(Errors.E012, what=what, position=position, length=len(text))


def is_grapheme_boundary(text: str, position: int) -> bool:
    """True when ``position`` does not fall inside an extended grapheme cluster."""
    _check_position(text, position)
    if _is_sure_boundary(text, position):
        return True
    return position in _segment(text, position, position)


def grapheme_floor(text: str, position: int) -> int:
    """The grapheme boundary at or before ``position``."""
    _check_position(text, position)
    if _is_sure_boundary(text, position):
        return position
    return max(b for b in _segment(text, position, position) if b <= position)


def grapheme_ceil(text: str, position: int) -> int:
    """The grapheme boundary at or after ``position``."""
    _check_position(text, position)
    if _is_sure_boundary(text, position):
        return position
    return min(b for b in _segment(text, position, position) if b >= position)


def grapheme_boundaries(text: str, start: int, end: int) -> list[int]:
    """The grapheme boundaries ``b`` with ``start <= b <= end``, sorted (local segmentation)."""
    _check_span(text, start, end)
    return [b for b in _segment(text, start, end) if start <= b <= end]


def next_grapheme_boundary(text: str, position: int, forward: bool) -> int:
    """The nearest grapheme boundary strictly after (``forward``) or before ``position``.

    ``forward`` means increasing offsets (logical order, leftwards on screen in Arabic).  At the
    ends of the text the result is ``len(text)`` or ``0``.  ``position`` need not be a boundary.
    """
    _check_position(text, position)
    if forward:
        if position >= len(text):
            return len(text)
        return min(b for b in _segment(text, position, position + 1) if b > position)
    if position <= 0:
        return 0
    return max(b for b in _segment(text, position - 1, position) if b < position)


# --------------------------------------------------------------------------- clusters and words

def _base(cluster: str) -> str:
    """The character that says what a cluster is: its first one after any Prepend characters
    (U+0600 ARABIC NUMBER SIGN and U+06DD END OF AYAH join the digit or letter after them)."""
    for char in cluster:
        if _gcb(char) != "Prepend":
            return char
    return cluster[0]


def _carries_letters(cluster: str) -> bool:
    """True when a character after the first is a letter or digit (other than tatweel).

    Rare clusters such as space + virama + consonant, which no rule may trim away."""
    return any(unicodedata.category(c)[0] in "LN" and c != TATWEEL for c in cluster[1:])


def _letter(cluster: str) -> str:
    """The base character, or U+FFFC for a tatweel that carries letters (never a clitic)."""
    first = _base(cluster)
    if first == TATWEEL and _carries_letters(cluster):
        return "\ufffc"
    return first


def _kind(cluster: str) -> str:
    """``word``, ``space`` (whitespace, controls, bidi marks), ``punct`` or ``symbol``."""
    first = _base(cluster)
    if len(cluster) > 1 and _carries_letters(cluster):
        return "word"
    if first in _BIDI_CONTROLS:
        return "space"
    category = unicodedata.category(first)
    major = category[0]
    if major in "LNM" or first == "_" or category in ("So", "Sc"):
        return "word"
    if major == "Z" or category in ("Cc", "Cf") or first.isspace():
        return "space"
    if major == "P":
        return "punct"
    return "symbol"


_FIRST_REACH = 8


class _Clusters:
    """Lazy, locally segmented view of the clusters of one text (for one call)."""

    __slots__ = ("_bounds", "_text")

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self._text = text
        # A few characters on each side from the start; _cover grows the window when a word
        # runs past them.  Segmenting less at first costs less than the occasional second
        # segmentation: snapping the words of news text, 27 us a word where 32 characters
        # each side took 39 us (the CRF snaps each of its proposals: 0.45 s of 6.6 s on the
        # bench_suggest article).
        self._bounds = _segment(text, lo - _FIRST_REACH, hi + _FIRST_REACH)

    @property
    def text(self) -> str:
        """The whole text these clusters are of."""
        return self._text

    def _cover(self, lo: int, hi: int) -> None:
        """Grow the segmented window (doubling, towards the side asked for) to hold [lo, hi]."""
        first, last = self._bounds[0], self._bounds[-1]
        if lo < first or hi > last:
            grow = max(64, last - first)
            if lo < first:
                first = min(lo, first - grow)
            if hi > last:
                last = max(hi, last + grow)
            self._bounds = _segment(self._text, first, last)

    def after(self, b: int) -> int:
        """The boundary following boundary ``b`` (``b < len(text)``)."""
        self._cover(b, b + 1)
        return self._bounds[bisect_right(self._bounds, b)]

    def before(self, b: int) -> int:
        """The boundary preceding boundary ``b`` (``b > 0``)."""
        self._cover(b - 1, b)
        return self._bounds[bisect_left(self._bounds, b) - 1]

    def kind_after(self, b: int) -> str | None:
        """Kind of the cluster starting at boundary ``b`` (None at the end of the text)."""
        if b >= len(self._text):
            return None
        kind = _kind(self._text[b:self.after(b)])
        if (kind == "punct" and self.base_at(b) in _NUMBER_SEPARATORS
                and self._is_inner_separator(b)):
            return "word"
        return kind

    def kind_before(self, b: int) -> str | None:
        """Kind of the cluster ending at boundary ``b`` (None at the start of the text)."""
        if b <= 0:
            return None
        return self.kind_after(self.before(b))

    def _is_inner_separator(self, b: int) -> bool:
        end = self.after(b)
        if b == 0 or end >= len(self._text):
            return False
        return self.base_at(self.before(b)).isdigit() and self.base_at(end).isdigit()

    def base_at(self, b: int) -> str:
        """The base character of the cluster starting at boundary ``b``."""
        if _gcb(self._text[b]) != "Prepend":
            return self._text[b]
        return _base(self._text[b:self.after(b)])

    def letter_at(self, b: int) -> str:
        """:func:`_letter` of the cluster starting at boundary ``b``."""
        char = self._text[b]
        if char != TATWEEL and _gcb(char) != "Prepend":
            return char
        return _letter(self._text[b:self.after(b)])

    def is_word_after(self, b: int) -> bool:
        return self.kind_after(b) == "word"

    def is_word_before(self, b: int) -> bool:
        return self.kind_before(b) == "word"

    def word_start(self, b: int) -> int:
        """Start of the word run that ends at or contains boundary ``b``."""
        while b > 0 and self.is_word_before(b):
            b = self.before(b)
        return b

    def word_end(self, b: int) -> int:
        """End of the word run that starts at or contains boundary ``b``."""
        while b < len(self._text) and self.is_word_after(b):
            b = self.after(b)
        return b

    def inside_word(self, b: int) -> bool:
        return self.is_word_before(b) and self.is_word_after(b)

    def trimmable_after(self, b: int, strip_punctuation: bool) -> bool:
        return self._trimmable(b, self.kind_after(b), strip_punctuation)

    def trimmable_before(self, b: int, strip_punctuation: bool) -> bool:
        if b <= 0:
            return False
        start = self.before(b)
        return self._trimmable(start, self.kind_after(start), strip_punctuation)

    def _trimmable(self, b: int, kind: str | None, strip_punctuation: bool) -> bool:
        if kind == "space":
            return True
        if not strip_punctuation or kind is None:
            return False
        first = self.base_at(b)
        if kind == "punct":
            return first not in _KEPT_PUNCTUATION
        return self.letter_at(b) == TATWEEL

    def only_tatweel(self, start: int, end: int) -> bool:
        """True when the clusters in ``[start, end)`` all start with a tatweel."""
        b = start
        while b < end:
            if self.letter_at(b) != TATWEEL:
                return False
            b = self.after(b)
        return True

    def bases(self, start: int, end: int) -> list[tuple[int, str]]:
        """``(cluster start, first character)`` for the clusters in ``[start, end)``."""
        out = []
        b = start
        while b < end:
            out.append((b, self.letter_at(b)))
            b = self.after(b)
        return out


# --------------------------------------------------------------------------- proclitics

def _proclitic_strings(mode: str) -> frozenset[str]:
    conjunctions = ("", "و", "ف")
    prepositions = ("", "ب", "ل", "ك")
    out = {c + p for c in conjunctions for p in prepositions}
    if mode == "all":
        out |= {c + p + "ال" for c in conjunctions for p in ("", "ب", "ك")}
        out |= {c + "لل" for c in conjunctions}
    out.discard("")
    return frozenset(out)


_PROCLITICS = {mode: _proclitic_strings(mode) for mode in ("particles", "all")}
_LONGEST_PROCLITIC = 4
_MIN_STEM = 2  # clusters left after stripping attached proclitics


def _proclitic_end(clusters: _Clusters, word_start: int, word_end: int, mode: str) -> int:
    """Where the stem starts after the longest proclitic prefix of the word, or ``word_start``
    (the first of :func:`proclitic_stems`)."""
    if mode == "none":
        return word_start
    stems = proclitic_stems(clusters.text, word_start, cast(ProcliticMode, mode))
    return stems[0] if stems and stems[0] <= word_end else word_start


def _count_clusters(clusters: _Clusters, start: int, end: int, limit: int = 16) -> int:
    count, b = 0, start
    while b < end and count < limit:
        b = clusters.after(b)
        count += 1
    return count


def _is_detached_proclitic(clusters: _Clusters, word_start: int, word_end: int, mode: str) -> bool:
    """A word that is only proclitics (+ tatweel) written apart from its host (لـ«البيان», و«قسد»).

    True when the letters are a proclitic sequence optionally followed by tatweels, and the
    word ends with a tatweel or is directly followed by punctuation.
    """
    if mode == "none" or word_end - word_start > 3 * _LONGEST_PROCLITIC:
        return False
    letters = [c for _, c in clusters.bases(word_start, word_end)]
    core = "".join(letters).rstrip(TATWEEL)
    if core not in _PROCLITICS[mode]:
        return False
    return letters[-1] == TATWEEL or clusters.kind_after(word_end) == "punct"


def _strip_proclitics(clusters: _Clusters, start: int, end: int, user_start: int, mode: str,
                      strip_punctuation: bool) -> int:
    """The span start after the proclitic rule (see :func:`align_span`)."""
    # Detached proclitic words at the start of the span: skip them and what follows them.
    while clusters.is_word_after(start) and not clusters.is_word_before(start):
        word_end = clusters.word_end(start)
        if word_end >= end or not _is_detached_proclitic(clusters, start, word_end, mode):
            break
        nxt = word_end
        while nxt < end and clusters.trimmable_after(nxt, strip_punctuation):
            nxt = clusters.after(nxt)
        if nxt >= end:
            break
        start = nxt
    # Attached proclitics: only when the user's own start fell inside the word.
    if clusters.is_word_after(start) and not clusters.is_word_before(start) and user_start > start:
        word_end = clusters.word_end(start)
        stem = _proclitic_end(clusters, start, word_end, mode)
        if stem < end:
            start = stem
    return start


# --------------------------------------------------------------------------- public API

def _check_span(text: str, start: int, end: int) -> None:
    _check_position(text, start, "start")
    _check_position(text, end, "end")
    if start > end:
        raise SpanError(Errors.E013, start=start, end=end)


def align_span(text: str, start: int, end: int, mode: AlignMode = "expand", *,
               proclitics: ProcliticMode = "particles",
               strip_punctuation: bool = True) -> tuple[int, int] | None:
    """Snap a selected span ``[start, end)`` to graphemes or words; ``None`` when nothing is left.

    Modes (spaCy's ``alignment_mode`` plus one):

    ``strict``
        ``(start, end)`` unchanged if both ends are grapheme boundaries and the span is not
        empty, else ``None``.
    ``grapheme``
        Widen both ends to grapheme boundaries.  Nothing else moves: this is the exact mode,
        able to select a lone ``لـ`` or a quote mark (keyboard nudging, modifier-drag).
    ``expand``
        Widen both ends to whole words, then trim, then apply the proclitic rule.
    ``contract``
        Shrink both ends to whole words inside the span, then trim, then the proclitic rule.
        A start inside a word's proclitic prefix moves to the end of the prefix.

    Trimming (``expand``/``contract``): whitespace and bidi controls always; with
    ``strip_punctuation`` also punctuation and quote marks (``« » " ' “ ” ( ) [ ] ، ؛ ؟ . , : !
    - – — …`` and all other Unicode punctuation except ``% ٪ ‰ # @ &``) and tatweel, at both ends.
    Punctuation inside the span stays.

    Proclitic rule (``expand``/``contract``; ``proclitics`` picks the set: ``particles`` = و ف
    then ب ل ك and their combinations (وب، فل، ...), ``all`` = those plus the article ال and
    لل (ل + ال without its alef) with any of them before (وال، بال، فبال، ولل ...), ``none``):

    1. A first word that is nothing but proclitics (+ tatweel), written apart from its host
       (ending in tatweel, or directly followed by punctuation: ``لـ«البيان»``, ``و«قسد»``), is
       dropped with the punctuation after it.  ``لـ«البيان»،`` gives ``البيان``.
    2. Attached proclitics are stripped only when the user's original ``start`` fell *inside*
       the first word (after its first character): the start then snaps to the end of the
       longest proclitic prefix (matched on letters, followed by any tatweel, leaving at least
       two letters of stem).  A selection starting at or before the word start keeps the whole
       word, because و/ف/ب/ل/ك/ال often belong to it (``وزير``, ``ولد``, ``لبنان``, ``البيان``).
       So dragging from mid-``وال`` of ``والبوكمال`` gives ``البوكمال`` (particles) or
       ``بوكمال`` (all).  Since every candidate boundary lies inside the prefix, "nearest
       candidate to the user's start" and this rule agree.
    3. Nothing is stripped if it would leave the span empty.

    The result always lies on grapheme boundaries and is idempotent: aligning an aligned span
    with the same arguments returns it.  Raises :class:`SpanError` for offsets outside
    ``[0, len(text)]``, reversed spans, or unknown modes.
    """
    _check_span(text, start, end)
    if mode not in ALIGN_MODES:
        raise SpanError(Errors.E014, mode=mode, modes=ALIGN_MODES)
    if proclitics not in PROCLITIC_MODES:
        raise SpanError(Errors.E015, mode=proclitics, modes=PROCLITIC_MODES)
    if mode == "strict":
        ok = start < end and is_grapheme_boundary(text, start) and is_grapheme_boundary(text, end)
        return (start, end) if ok else None
    if start == end:
        return None
    s, e = grapheme_floor(text, start), grapheme_ceil(text, end)
    if mode == "grapheme":
        return s, e
    # Two lazily grown windows, so that a span over a whole 5 MB text stays cheap; one for a
    # short span (a name, a word), which is most of them.
    if e - s <= 8 * _FIRST_REACH:
        left = right = _Clusters(text, s, e)
    else:
        left, right = _Clusters(text, s, s), _Clusters(text, e, e)
    if mode == "expand":
        if left.inside_word(s):
            s = left.word_start(s)
        if right.inside_word(e):
            e = right.word_end(e)
    else:
        s = grapheme_ceil(text, start)
        if left.inside_word(s):
            word_start = left.word_start(s)
            stem = _proclitic_end(left, word_start, left.word_end(s), proclitics)
            if s > stem and not (strip_punctuation and left.only_tatweel(word_start, s)):
                s = left.word_end(s)
            else:
                s = max(s, stem)
        e = grapheme_floor(text, end)
        if e > s and right.inside_word(e):
            word_end = right.word_end(e)
            if not (strip_punctuation and right.only_tatweel(e, word_end)):
                e = right.word_start(e)
        if e <= s:
            return None
    while s < e and left.trimmable_after(s, strip_punctuation):
        s = left.after(s)
    while e > s and right.trimmable_before(e, strip_punctuation):
        e = right.before(e)
    if s >= e:
        return None
    user_start = grapheme_floor(text, start)
    s = _strip_proclitics(left, s, e, user_start, proclitics, strip_punctuation)
    return s, e


def word_at(text: str, position: int) -> tuple[int, int] | None:
    """The word at ``position`` (double-click): the word holding the cluster at ``position``,
    else the word ending just before it; ``None`` when neither is a word.

    The raw word run: proclitics and tatweel are kept (``لـ`` in ``لـ«البيان»`` is a word of its
    own); pass the result through :func:`align_span` to apply the trimming and proclitic rules.
    """
    _check_position(text, position)
    if not text:
        return None
    b = grapheme_floor(text, position)
    clusters = _Clusters(text, b, b)
    if clusters.is_word_after(b):
        return clusters.word_start(b), clusters.word_end(b)
    if clusters.is_word_before(b):
        return clusters.word_start(b), b
    return None


def proclitic_stems(text: str, word_start: int, mode: ProcliticMode = "particles") -> list[int]:
    """Where the stem may start in the word beginning at ``word_start``, after each attached
    proclitic prefix of ``mode`` (as :func:`align_span`'s rule 2 matches them: on letters,
    with any tatweel after, leaving two letters of stem), longest prefix first; ``[]`` when
    ``word_start`` does not start a word or the word has no such prefix."""
    _check_position(text, word_start, "start")
    if mode not in PROCLITIC_MODES:
        raise SpanError(Errors.E015, mode=mode, modes=PROCLITIC_MODES)
    clusters = _Clusters(text, word_start, word_start)
    if mode == "none" or not clusters.is_word_after(word_start) or clusters.is_word_before(
            word_start):
        return []
    word_end = clusters.word_end(word_start)
    bases = clusters.bases(word_start, min(word_end, word_start + 4 * (_LONGEST_PROCLITIC + 8)))
    letters = [c for _, c in bases]
    starts = [b for b, _ in bases] + [word_end]
    total = _count_clusters(clusters, word_start, word_end)
    stems = []
    for length in range(min(_LONGEST_PROCLITIC, len(letters)), 0, -1):
        if "".join(letters[:length]) not in _PROCLITICS[mode]:
            continue
        cut = length
        while cut < len(letters) and letters[cut] == TATWEEL:
            cut += 1
        if total - cut >= _MIN_STEM:
            stems.append(starts[cut])
    return stems


def next_word_boundary(text: str, position: int, forward: bool) -> int:
    """The nearest word start or word end strictly after (``forward``) or before ``position``.

    For nudging a span edge by a word.  ``forward`` means increasing offsets.  At the ends of
    the text the result is ``len(text)`` or ``0``.
    """
    _check_position(text, position)
    clusters = _Clusters(text, position, position)
    if forward:
        b = grapheme_ceil(text, position)
        if b == position and b < len(text):
            b = clusters.after(b)
        while b < len(text) and clusters.is_word_before(b) == clusters.is_word_after(b):
            b = clusters.after(b)
        return b
    b = grapheme_floor(text, position)
    if b == position and b > 0:
        b = clusters.before(b)
    while b > 0 and clusters.is_word_before(b) == clusters.is_word_after(b):
        b = clusters.before(b)
    return b


def word_edge_step(text: str, position: int, forward: bool, edge: str) -> int:
    """The next word start (``edge="start"``) or word end (``"end"``) after or before
    ``position``: where a span's start or end lands when nudged by a word."""
    for _ in range(64):
        position = next_word_boundary(text, position, forward)
        if position in (0, len(text)):
            return position
        if edge == "start":
            word = word_at(text, position)
            if word is not None and word[0] == position:
                return position
        else:
            word = word_at(text, position - 1)
            if word is not None and word[1] == position:
                return position
    return position
