"""Why a recommender proposed a suggestion: one English template per kind of reason.

A suggestion's ``evidence`` is written into the file as text (``speaker of قال``), so that any
reader of the file sees it.  Recommenders make that text from a :class:`Template` here, and
:func:`read` finds which template (and which fields) a text was made from, so that an interface
can show it in its own language; text that no template made (a cue's own words, «…» or
``أكدت … أن``) is shown as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CLAIM_KINDS = ("attribution", "comparison", "figure", "percent")
"""The reasons claim cues weigh (annotator.suggest.claim_cues), named in their evidence."""


@dataclass(frozen=True)
class Template:
    """One kind of evidence: ``text`` is a :meth:`str.format` template with named fields
    (``speaker of {cue}``); calling it fills them in."""

    text: str
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts = re.split(r"\{(\w+)\}", self.text)  # literal, field, literal, field, ...
        regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)"
                        for i, part in enumerate(parts))
        object.__setattr__(self, "pattern", re.compile(regex + r"\Z", re.DOTALL))

    def __call__(self, **fields: object) -> str:
        return self.text.format(**fields)


SPEAKER_OF = Template("speaker of {cue}")
NAMED_AFTER = Template("named after {cue}")
PROJECT_NAME = Template("{label} {count} of {total} times in the project")
CRF_SCORE = Template("CRF {score}")
CRF_SAME_NAME = Template("CRF: the same name elsewhere in the document")
MODEL_SCORE = Template("{label}: {score} (mean {mean}), {model}")
SPACY_UNSCORED = Template("{label}: spaCy, unscored")

TEMPLATES = (SPEAKER_OF, NAMED_AFTER, PROJECT_NAME, CRF_SAME_NAME, CRF_SCORE, MODEL_SCORE,
             SPACY_UNSCORED)
"""Every template, the more specific before those they would also match."""


def claim_kinds(kinds: set[str]) -> str:
    """The evidence of a claim cue: the kinds of :data:`CLAIM_KINDS` it found, sorted."""
    return ", ".join(sorted(kinds))


def read(evidence: str) -> tuple[Template, dict[str, str]] | None:
    """The template ``evidence`` was made from and its fields, or None when none made it."""
    for template in TEMPLATES:
        match = template.pattern.match(evidence)
        if match is not None:
            return template, match.groupdict()
    return None


def read_claim_kinds(evidence: str) -> list[str] | None:
    """The kinds a claim cue's evidence names, or None when it is not one."""
    kinds = evidence.split(", ")
    return kinds if evidence and all(kind in CLAIM_KINDS for kind in kinds) else None
