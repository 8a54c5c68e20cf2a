"""A suggestion's evidence in the interface's language (annotator.suggest.evidence).

The file holds the English the recommender wrote (``speaker of قال``); the panel shows the
template it was made from translated, with the same fields (the cue word, the label, the
counts), each isolated so that an Arabic cue keeps its place in an English line and a Latin
label in an Arabic one.  Evidence no template made (a cue's own words) is shown as it is.
"""

from __future__ import annotations

from annotator_ui.i18n import isolated, joined
from PySide6.QtCore import QCoreApplication

from annotator.suggest import evidence

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def _templates() -> dict[str, str]:
    """Each template's English text and its translation (placeholders kept)."""
    return {
        evidence.SPEAKER_OF.text: translate("Evidence", "speaker of {cue}"),
        evidence.NAMED_AFTER.text: translate("Evidence", "named after {cue}"),
        evidence.PROJECT_NAME.text: translate(
            "Evidence", "{label} {count} of {total} times in the project"),
        evidence.CRF_SCORE.text: translate("Evidence", "CRF {score}"),
        evidence.CRF_SAME_NAME.text: translate(
            "Evidence", "CRF: the same name elsewhere in the document"),
        evidence.MODEL_SCORE.text: translate("Evidence", "{label}: {score} (mean {mean}), {model}"),
        evidence.SPACY_UNSCORED.text: translate("Evidence", "{label}: spaCy, unscored"),
    }


def _kinds() -> dict[str, str]:
    return {"attribution": translate("Evidence", "attribution"),
            "comparison": translate("Evidence", "comparison"),
            "figure": translate("Evidence", "figure"),
            "percent": translate("Evidence", "percentage")}


def evidence_text(text: str) -> str:
    """``text`` (a suggestion's evidence) as the interface's language says it."""
    kinds = evidence.read_claim_kinds(text)
    if kinds is not None:
        names = _kinds()
        return joined(names[kind] for kind in kinds)
    found = evidence.read(text)
    if found is None:
        return text
    template, fields = found
    shown = _templates().get(template.text, template.text)
    return shown.format(**{name: isolated(value) for name, value in fields.items()})
