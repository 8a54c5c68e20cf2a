"""What the cue recommenders share: cue words found in a text, the tag set's labels for quotes,
claims and their sources, and the noun phrase that names a speaker.

Words are matched as the search matches them (:func:`annotator.search.folded_text`: alef
forms, ya, ta marbuta, harakat, tatweel) with Arabic proclitics allowed before them
(:func:`annotator.tokenize.is_proclitic_prefix`): ``وقال`` and ``فأكّد`` are cues.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from annotator.model import Document
from annotator.search import fold
from annotator.tagset import TagSet, default_tagset
from annotator.tokenize import Token, is_proclitic_prefix, tokenize
from annotator.wordindex import FoldedWords, folded_words

REPORTING_VERBS_NAME = "reporting_verbs.txt"
"""The bundled list of reporting verbs, and the name of a project folder's own addition."""

_LONGEST_PROCLITICS = 4  # وبال, وللـ: more letters before a cue word are a longer word
_PAST = ("", "ت", "وا", "ن")  # no dual: تابعا, قائما are mostly adjectives
_PRESENT_PREFIXES = ("ي", "ت")
_PRESENT = ("", "ان", "ون", "ن")
_PARTICIPLE = ("", "ا", "ه", "ين", "ون", "ات")


@dataclass(frozen=True)
class CueWords:
    """Folded forms of cue words: each form and the base form (the line's first) it inflects."""

    forms: Mapping[str, str]
    excluded: frozenset[str] = frozenset()

    def merged(self, other: CueWords) -> CueWords:
        """These forms and ``other``'s together."""
        return CueWords({**self.forms, **other.forms}, self.excluded | other.excluded)


def parse_reporting_verbs(text: str) -> CueWords:
    """Reporting verbs from the text of a list in the format of ``resources/reporting_verbs.txt``
    (see its header): every inflection generated, folded."""
    forms: dict[str, str] = {}
    excluded: set[str] = set()
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].split()
        if not line:
            continue
        if line[0] == "!":
            excluded.update(fold(word) for word in line[1:])
            continue
        past, present, participle = (fold(w) if w != "-" else "" for w in (line + ["-"] * 3)[:3])
        base = next((w for w in line if w != "-"), "")
        generated: list[str] = []
        if past:
            generated += [past + ending for ending in _PAST]
        if present:
            stem = present[1:]
            generated += [prefix + stem + ending for prefix in _PRESENT_PREFIXES
                          for ending in _PRESENT]
        if participle:
            generated += [participle + ending for ending in _PARTICIPLE]
        generated += [fold(word) for word in line[3:]]
        for form in generated:
            forms.setdefault(form, base)
    return CueWords(forms, frozenset(excluded))


def reporting_verbs(folder: str | Path | None = None) -> CueWords:
    """The bundled reporting verbs, plus those of ``folder``'s ``reporting_verbs.txt`` when the
    project folder has one."""
    source = resources.files("annotator.resources").joinpath(REPORTING_VERBS_NAME)
    verbs = parse_reporting_verbs(source.read_text(encoding="utf-8"))
    if folder is not None:
        extra = Path(folder) / REPORTING_VERBS_NAME
        if extra.is_file():
            verbs = verbs.merged(parse_reporting_verbs(extra.read_text(encoding="utf-8")))
    return verbs


def word_forms(words: Iterable[str]) -> CueWords:
    """Cue words taken as they are (folded), each its own base form."""
    return CueWords({fold(word): word for word in words})


@dataclass(frozen=True)
class Cue:
    """One cue word found in a text: its span without proclitics and its base form."""

    start: int
    end: int
    base: str


def find_cues(text: str, words: CueWords, index: FoldedWords | None = None) -> list[Cue]:
    """Every word of ``text`` that is one of ``words``' forms, proclitics allowed, in order.

    Each word form of the text is looked up once (``index``: the run's
    :func:`annotator.wordindex.folded_words` of ``text``, built here when not given) and its
    answer given to all its places."""
    if index is None:
        index = folded_words(text)
    forms, excluded = words.forms, words.excluded
    found: list[tuple[int, int, str]] = []
    for word, starts in index.places.items():
        for cut in range(min(_LONGEST_PROCLITICS, len(word) - 1) + 1):
            rest = word[cut:]
            if rest in forms and (cut == 0 or is_proclitic_prefix(word[:cut])):
                if rest not in excluded:
                    base, length = forms[rest], len(word)
                    found.extend((start + cut, start + length, base) for start in starts)
                break
    found.sort()
    span_of = index.found.span_of
    return [Cue(*span_of(start, end), base) for start, end, base in found]


@dataclass(frozen=True)
class CueLabels:
    """The labels the cue recommenders propose, read from a tag set by kind."""

    quote: str | None
    claim: str | None
    person: str | None
    organisation: str | None
    quote_type: str | None  # the quote attribute whose values are direct / indirect
    speaker_role: str = "speaker"
    claimant_role: str = "claimant"

    def source_labels(self) -> tuple[str, ...]:
        """Labels a speaker or claimant may have."""
        return tuple(label for label in (self.person, self.organisation) if label)


def cue_labels(tagset: TagSet | None = None) -> CueLabels:
    """The first label of kind ``quote`` and of kind ``claim`` in ``tagset`` (the default tag set
    when None); persons and organisations are the targets of the quote's ``speaker`` link
    (``PER`` and ``ORG`` when the tag set names them, else the first two targets)."""
    tagset = tagset or default_tagset()
    quote = next((spec for spec in tagset if spec.kind == "quote"), None)
    claim = next((spec for spec in tagset if spec.kind == "claim"), None)
    targets: tuple[str, ...] = ()
    for spec, role in ((quote, "speaker"), (claim, "claimant")):
        link = spec.link(role) if spec else None
        if link and link.targets:
            targets = link.targets
            break
    if not targets:
        targets = tuple(name for name in ("PER", "ORG") if name in tagset)
    person = "PER" if "PER" in targets else (targets[0] if targets else None)
    organisation = "ORG" if "ORG" in targets else (
        next((t for t in targets if t != person), None))
    quote_type = None
    if quote:
        quote_type = next((a.name for a in quote.attributes
                           if {"direct", "indirect"} <= set(a.values)), None)
    return CueLabels(quote.name if quote else None, claim.name if claim else None, person,
                     organisation, quote_type)


# -- the noun phrase naming a source ---------------------------------------------------------

COMPLEMENTIZERS = frozenset(fold(w) for w in (
    "أن", "إن", "أنه", "أنها", "أنهم", "أنهما", "أنهن", "أننا", "أني", "أنني", "إنه", "إنها",
    "إنهم", "إنهما", "إنهن", "إننا", "إني", "إنني", "أنك", "أنكم", "إنك"))
"""Complementizers introducing reported speech, folded (أنّ and إنّ fold to ان)."""

# Words that end a speaker's noun phrase (folded): prepositions, time words, complementizers.
_NP_STOPS = frozenset(fold(w) for w in (
    "في", "على", "عن", "إلى", "الى", "من", "خلال", "عبر", "أمس", "اليوم", "أيضا", "كذلك", "أن",
    "إن", "أنه", "أنها", "إنه", "إنها", "بأن", "ان", "الذي", "التي", "الذين", "ما", "قبل", "بعد",
    "حول", "مع", "لدى", "ضمن", "خلال", "و", "ثم", "حيث", "بينما", "فيما", "الى", "إذ"
)) | COMPLEMENTIZERS
# First words of organisations' names (folded, without the article).
_ORG_HEADS = frozenset(fold(w) for w in (
    "وزارة", "هيئة", "شركة", "مجلس", "جمعية", "وكالة", "صحيفة", "قناة", "قوات", "جيش", "حكومة",
    "شرطة", "مديرية", "إدارة", "مؤسسة", "جامعة", "بنك", "مصرف", "منظمة", "اتحاد", "حزب", "تنظيم",
    "حركة", "لجنة", "دراسة", "تقرير", "بيان", "مركز", "محكمة", "نيابة", "أمانة", "رئاسة",
    "مكتب", "سفارة", "مصادر", "مصدر", "الأمم", "التحالف", "البيت", "الخارجية", "الداخلية",
    "مرصد", "معهد", "صندوق", "هيئة", "بورصة", "سوق", "موقع", "وسائل", "تقارير"))
# Titles before a name (folded): the words after the last of them are the name.
_TITLES = frozenset(fold(w) for w in (
    "العميد", "اللواء", "العقيد", "الدكتور", "الدكتورة", "د.", "الشيخ", "المهندس", "الأستاذ",
    "الأستاذة", "السفير", "المستشار", "القاضي", "الفريق",
    "المشير", "النائب", "السيد", "السيدة", "المحامي", "الإعلامي", "الإعلامية", "الكاتب"))
_NAME_MARKS = frozenset("«»\"“”")
_PUNCT_STOP = frozenset(".!?؟؛:«»“”\"()[]")
_TANWEEN_ACCUSATIVE = ("اً", "ًا")
_NP_WORDS = 8


@dataclass(frozen=True)
class NounPhrase:
    """A span naming a source and the label it would get (person or organisation)."""

    start: int
    end: int
    label: str


def article_stripped(word: str) -> str:
    """A folded word without its proclitics and article (``والوزارة`` -> ``وزاره``)."""
    for cut in range(min(_LONGEST_PROCLITICS, len(word) - 2), 0, -1):
        if is_proclitic_prefix(word[:cut]):
            return word[cut:]
    return word


def is_adverbial(token: str) -> bool:
    """True for an indefinite accusative word (مستشهداً، مؤكدا): a manner, not a name."""
    return token.endswith(_TANWEEN_ACCUSATIVE) or (
        fold(token).endswith("ا") and fold(token).startswith("م") and len(token) > 3)


def noun_phrase(text: str, start: int, labels: CueLabels, limit: int = 160,
                skip: frozenset[str] = frozenset()) -> NounPhrase | None:
    """The noun phrase starting at ``start`` (after a reporting verb or an attribution) that
    names its source, or None: words up to a punctuation mark, a preposition or a
    complementizer, at most a few; after a comma, a short appositive (``الناطق باسم الجيش،
    مصطفى بالي``) is taken as the name.  Words whose folded form is in ``skip`` are passed."""
    window = text[start:start + limit]
    tokens = tokenize(window, "punct")
    words: list[Token] = []
    appositive: list[Token] | None = None
    for token in tokens:
        if token.text in "،,":
            if appositive is not None or not words:
                break
            appositive = []
            continue
        if token.text[0] in _NAME_MARKS and words:
            continue  # مبادرة "بلدي": a name in quotation marks inside the phrase
        if not words and is_proclitic_prefix(fold(token.text)):
            return None  # لـ«الوطن»: an addressee, the speaker is not named here
        if token.text[0] in _PUNCT_STOP or "\n" in window[words[-1].end if words else 0:
                                                             token.start]:
            break
        folded = fold(token.text)
        if folded in skip and not words:
            continue
        conjunction = folded[:1] in ("و", "ف") and folded[1:] in _NP_STOPS  # فإن، وفي
        starts_segment = not words if appositive is None else not appositive
        if folded in _NP_STOPS or conjunction or (starts_segment and is_adverbial(token.text)):
            break
        if (len(words) >= 2 and appositive is None and folded[:1] in ("ب", "ل")
                and not folded.startswith("ال") and not _TITLES.intersection(
                    fold(t.text) for t in tokens[tokens.index(token):][:6])):
            break  # المدير بمركز…: the rest describes the speaker (unless a title follows)
        (appositive if appositive is not None else words).append(token)
        if len(words) + len(appositive or ()) >= _NP_WORDS + 2:
            break
    titled = [i for i, token in enumerate(words) if fold(token.text) in _TITLES]
    if appositive and len(appositive) <= 4:
        words = appositive
    elif titled and titled[-1] + 1 < len(words):
        words = words[titled[-1] + 1:titled[-1] + 4]  # الدكتورة هتون الفاسي: the name
    elif appositive is not None and not appositive and not words:
        return None
    words = words[:_NP_WORDS]
    if not words or not any(ch.isalpha() for ch in window[words[0].start:words[-1].end]):
        return None
    head = article_stripped(fold(words[0].text))
    label = labels.organisation if head in _ORG_HEADS or fold(words[0].text) in _ORG_HEADS \
        else labels.person
    if label is None:
        return None
    return NounPhrase(start + words[0].start, start + words[-1].end, label)


def existing_source(document: Document, start: int, end: int,
                    labels: CueLabels) -> NounPhrase | None:
    """An annotation of ``document`` with a source label (person first) inside
    ``[start, end)``, leaving out one right after the preposition ل (an addressee:
    ``لـ«البيان»``)."""
    wanted = labels.source_labels()
    found = [a for a in document.annotations.overlapping(start, end)
             if a.label in wanted and a.start >= start and a.layer != "suggestion"
             and not _after_lam(document.text, a.start)]
    if not found:
        return None
    found.sort(key=lambda a: (a.label != labels.person, a.start))
    return NounPhrase(found[0].start, found[0].end, found[0].label)


def _after_lam(text: str, start: int) -> bool:
    """True when the word holding ``start`` begins with the preposition ل before it."""
    at = start
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    prefix = "".join(ch for ch in text[at:start] if ch.isalpha())
    return prefix.startswith("ل") and is_proclitic_prefix(fold(prefix))


def titled_name_before(text: str, at: int, labels: CueLabels,
                       limit: int = 600) -> NounPhrase | None:
    """The name after the last title (الدكتور، العميد…) in the paragraph before ``at``, within
    ``limit`` characters: who a pronoun speaker most likely is when no quote came before."""
    start = max(text.rfind("\n", 0, at) + 1, at - limit)
    tokens = tokenize(text[start:at], "punct")
    for i in range(len(tokens) - 1, -1, -1):
        if fold(tokens[i].text) in _TITLES and i + 1 < len(tokens):
            phrase = noun_phrase(text, start + tokens[i + 1].start, labels, limit=at - start)
            if phrase is not None and labels.person is not None:
                name = tokenize(text[phrase.start:phrase.end], "punct")[:2]
                return NounPhrase(phrase.start, phrase.start + name[-1].end, labels.person)
    return None
