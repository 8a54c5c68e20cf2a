"""Documents into a team project: their texts (when it is created), and annotations made
elsewhere (pre-annotations, another tool's output) into one annotator's layer."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.edits import Change
from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError
from annotator.layers import GOLD
from annotator.model import Annotation, Document, Link, text_sha256
from annotator.project import STATUSES
from annotator.session import EditSession
from annotator.tagset import TagSet
from annotator.teamproject import ProjectError, TeamProject, check_name, make_folder
from annotator.tei import save_tei

IMPORTED, UNCHANGED = "imported", "unchanged"


def text_only(document: Document) -> Document:
    """A copy of ``document`` without annotations or statuses: what ``texts/`` holds."""
    return Document(document.id, document.text, document.title, document.source,
                    document.language, document.direction)


def write_text(project: TeamProject, document: Document, tagset: TagSet | None) -> Path:
    """Write ``document``'s text (no annotations) as ``texts/<id>.tei.xml``; its path."""
    target = project.text_path(document.id)
    make_folder(target.parent)
    save_tei(text_only(document), target, tagset=tagset)
    return target


@dataclass
class LayerImport:
    """What importing one document into an annotator's layer did."""

    path: Path
    outcome: str
    """:data:`IMPORTED` or :data:`UNCHANGED` (the layer already held exactly these)."""
    annotations: int
    warnings: list[AnnotatorError] = field(default_factory=list)


def _key(annotation: Annotation) -> tuple[object, ...]:
    """What an annotation says, times left out (an import may carry none)."""
    return (annotation.id, annotation.start, annotation.end, annotation.label,
            sorted(annotation.attributes.items()), annotation.links, annotation.note)


def _renumbered(annotations: list[Annotation], taken: set[str]) -> list[Annotation]:
    """``annotations`` with ids that are in ``taken`` changed to fresh ones (and the links
    between them rewritten)."""
    used = taken | {a.id for a in annotations}
    renamed: dict[str, str] = {}
    number = 1
    for annotation in annotations:
        if annotation.id in taken:
            while f"a{number}" in used:
                number += 1
            renamed[annotation.id] = f"a{number}"
            used.add(f"a{number}")
    if not renamed:
        return annotations
    return [replace(a, id=renamed.get(a.id, a.id),
                    links=tuple(Link(link.role, renamed.get(link.target, link.target))
                                for link in a.links))
            for a in annotations]


def _incoming(document: Document, name: str, warnings: list[AnnotatorError]
              ) -> tuple[list[Annotation], str | None]:
    """The imported annotations as ``name``'s, and the status the source gives them."""
    gold = [a for a in document.annotations if a.layer == GOLD]
    own = [a for a in document.annotations if a.layer != GOLD]
    if gold:
        warnings.append(ProjectError(Errors.E724, id=document.id, count=len(gold)))
    others = sorted({a.annotator for a in own if a.annotator and a.annotator != name})
    if len(others) > 1 or (others and any(a.annotator == name for a in own)):
        shown = ", ".join(sorted({a.annotator or "(unnamed)" for a in own}))
        raise ProjectError(Errors.E723, id=document.id, names=shown)
    if others:
        warnings.append(ProjectError(Errors.E726, id=document.id, other=others[0], name=name))
    status = document.status.get(name) or (document.status.get(others[0]) if others else None)
    ids = {a.id for a in own}
    kept = [a if all(link.target in ids for link in a.links)
            else replace(a, links=tuple(x for x in a.links if x.target in ids)) for a in own]
    return ([replace(a, annotator=name, layer="") for a in kept],
            status if status in STATUSES else None)


def import_layer(project: TeamProject, name: str, document: Document, *,
                 replace_layer: bool = False, tagset: TagSet | None = None) -> LayerImport:
    """Put ``document``'s annotations into ``name``'s layer of the project's document with
    the same id (``annotations/<name>/<id>.tei.xml``, made from the text if missing).

    The texts must be equal, character for character.  Annotations of one other annotator
    (or of none) become ``name``'s; gold ones are left out.  A layer that already holds
    other annotations is kept unless ``replace_layer``.  The edit goes through an
    :class:`~annotator.session.EditSession` and is saved atomically.  Raises a one-line
    :class:`~annotator.errors.AnnotatorError` and changes nothing when it cannot be done.
    """
    check_name(name)
    doc_id = document.id
    text_path = project.text_path(doc_id)
    if not text_path.is_file():
        raise ProjectError(Errors.E720, id=doc_id)
    warnings: list[AnnotatorError] = []
    if name not in project.config.assigned(doc_id):
        warnings.append(ProjectError(Errors.E725, id=doc_id, name=name))
    target = project.layer_path(name, doc_id)
    session = EditSession.open(target if target.is_file() else text_path, annotator=name,
                               tagset=tagset)
    current = session.document
    if current.text != document.text:
        raise ProjectError(Errors.E721, id=doc_id, length=len(document.text),
                           sha=text_sha256(document.text)[:12], project_length=len(current.text),
                           project_sha=text_sha256(current.text)[:12])
    incoming, status = _incoming(document, name, warnings)
    old = [a for a in current.annotations if a.annotator == name and a.layer != GOLD]
    same = sorted(map(_key, old), key=repr) == sorted(map(_key, incoming), key=repr)
    if same and target.is_file() and (status is None or current.status.get(name) == status):
        return LayerImport(target, UNCHANGED, len(old), warnings)
    if old and not same and not replace_layer:
        raise ProjectError(Errors.E722, id=doc_id, name=name, path=str(target))
    old_ids = {a.id for a in old}
    incoming = _renumbered(incoming, {a.id for a in current.annotations} - old_ids)
    with session.group("Import"):
        session.apply(Change(f"Import {len(incoming)} annotations", tuple(old), tuple(incoming)))
        if status is not None:
            session.set_status(status)
    make_folder(target.parent)
    session.save(target)
    return LayerImport(target, IMPORTED, len(incoming), warnings)
