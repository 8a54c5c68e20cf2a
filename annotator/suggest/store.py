"""Storing a recommender run: proposals become the document's suggestion layer.

:func:`store_proposals` is pure: it looks at the document and returns a
:class:`~annotator.edits.Change` (apply it through an :class:`~annotator.session.EditSession`
to make it undoable).  The rules:

* A run replaces the earlier open suggestions of every recommender it names: those it
  proposes again (same span and label) are updated in place, keeping their ids; the others
  are removed, and links to them cut.
* A proposal is skipped when the target layer (the annotator's own, or gold) already has
  that span and label, when an open suggestion of another recommender has it, or when a
  suggestion with it was turned down before (rejected suggestions stay in the file).  Of
  proposals with the same span and label, the one scoring highest is kept.
* A :class:`~annotator.suggest.proposal.ProposedLink` is resolved by span and label to an
  annotation of the target layer, else to a suggestion of this run, else to another open
  suggestion; a link that finds nothing is left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from annotator.edits import Change
from annotator.layers import EVIDENCE, GOLD, SCORE, STATUS, SUGGESTION, is_open_suggestion
from annotator.model import Annotation, Document, Link, checked_annotation, now_iso
from annotator.suggest.proposal import Proposal
from annotator.suggest.suggestions import format_score

Key = tuple[int, int, str]  # (start, end, label)


def in_target(annotation: Annotation, annotator: str, gold: bool) -> bool:
    """True for an annotation of the layer suggestions are accepted into: gold, or
    ``annotator``'s own work."""
    if gold:
        return annotation.layer == GOLD
    return annotation.layer == "" and annotation.annotator == annotator


def _key(item: Annotation | Proposal) -> Key:
    return item.start, item.end, item.label


def store_proposals(document: Document, proposals: Sequence[Proposal], *, annotator: str,
                    gold: bool = False, recommenders: Iterable[str] = ()) -> Change:
    """The change that stores ``proposals`` as suggestions for ``annotator`` (their own layer,
    or gold when ``gold``), replacing the open suggestions of ``recommenders`` and of every
    recommender named in ``proposals`` (see the module docstring)."""
    replaced = set(recommenders) | {p.recommender for p in proposals}
    target: dict[Key, str] = {}
    closed: set[Key] = set()
    others: dict[Key, str] = {}  # open suggestions of recommenders not replaced
    old: dict[Key, Annotation] = {}  # open suggestions this run replaces, one per key
    replaced_ids: list[str] = []
    for annotation in document.annotations:
        if annotation.layer == SUGGESTION:
            if not is_open_suggestion(annotation):
                closed.add(_key(annotation))
            elif annotation.annotator in replaced:
                old.setdefault(_key(annotation), annotation)
                replaced_ids.append(annotation.id)
            else:
                others.setdefault(_key(annotation), annotation.id)
        elif in_target(annotation, annotator, gold):
            target.setdefault(_key(annotation), annotation.id)

    taken = target.keys() | closed | others.keys()  # spans and labels never proposed again
    chosen: dict[Key, Proposal] = {}
    for proposal in sorted(proposals, key=lambda p: -p.score):
        key = proposal.start, proposal.end, proposal.label
        if key not in chosen and key not in taken:
            chosen[key] = proposal

    stamp = now_iso()
    new_id = document.annotations.new_id
    made = {key: old[key].id if key in old else new_id() for key in chosen}

    def resolve(proposal: Proposal) -> tuple[Link, ...]:
        links: list[Link] = []
        for wanted in proposal.links:
            key = (wanted.start, wanted.end, wanted.label)
            found = target.get(key) or made.get(key) or others.get(key)
            link = Link(wanted.role, found) if found is not None else None
            if link is not None and key != _key(proposal) and link not in links:
                links.append(link)
        return tuple(links)

    before: dict[str, Annotation] = {}
    after: dict[str, Annotation] = {}
    # The attributes of a suggestion, one dict for all the proposals with the same: a name
    # proposed at each of its occurrences gets the same score and evidence every time.
    shared: dict[tuple[float, str, tuple[tuple[str, str], ...]], dict[str, str]] = {}
    # The strings of a new suggestion without links (label, recommender, attributes) are
    # checked once, by the constructor of the first; the others with the same are made
    # without checking them again (checked_annotation), their offsets checked here.
    made_once: set[tuple[str, str, tuple[float, str, tuple[tuple[str, str], ...]]]] = set()
    for key, proposal in chosen.items():
        given = tuple(proposal.attributes.items()) if proposal.attributes else ()
        group = proposal.score, proposal.evidence, given
        attributes = shared.get(group)
        if attributes is None:
            attributes = shared[group] = {k: v for k, v in given if k != STATUS}
            attributes[SCORE] = format_score(proposal.score)
            if proposal.evidence:
                attributes[EVIDENCE] = proposal.evidence
        kept = old.get(key)
        if kept is None:
            start, end, links = proposal.start, proposal.end, resolve(proposal)
            strings = proposal.label, proposal.recommender, group
            if not links and strings in made_once and isinstance(start, int) \
                    and isinstance(end, int) and 0 <= start < end:
                new = checked_annotation(made[key], start, end, proposal.label,
                                         proposal.recommender, stamp, stamp, SUGGESTION,
                                         attributes=attributes)
            else:  # the constructor checks it (and says what is wrong)
                new = Annotation(made[key], start, end, proposal.label, proposal.recommender,
                                 attributes, links, stamp, stamp, "", SUGGESTION)
                if not links:
                    made_once.add(strings)
            after[new.id] = new
        else:
            links = resolve(proposal)
            if (kept.annotator, kept.attributes, kept.links) != (
                    proposal.recommender, attributes, links):
                before[kept.id] = kept
                after[kept.id] = kept.with_changes(annotator=proposal.recommender,
                                                   attributes=attributes, links=links,
                                                   modified=stamp)

    document.annotations.check_all(after)  # each would fit the text
    gone = set(replaced_ids) - {old[key].id for key in chosen if key in old}
    for gone_id in sorted(gone):
        before[gone_id] = document.annotations[gone_id]
        for source in document.annotations.pointing_to(gone_id):
            if source.id in gone:
                continue
            current = after.get(source.id, source)
            before.setdefault(source.id, source)
            after[source.id] = current.with_changes(
                links=tuple(x for x in current.links if x.target not in gone), modified=stamp)
    names = ", ".join(sorted(replaced)) or "nobody"
    return Change(f"Suggestions from {names}", tuple(before.values()), tuple(after.values()))
