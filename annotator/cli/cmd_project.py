"""``annotator project``: create a team project (init), assign its documents (assign), see
where it stands (status).  docs/PROJECT.md describes the folder."""

from __future__ import annotations

import argparse
import getpass
import json
import random
import sys
from importlib import resources
from pathlib import Path

from annotator.assignment import assign
from annotator.atomic import atomic_write_bytes, atomic_write_text
from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError, FormatError
from annotator.formats import READERS, ImportOptions, Problems, guess_format
from annotator.formats.txt import check_encoding_name
from annotator.gitrepo import init_repository, run_git
from annotator.model import Document
from annotator.progress import Progress
from annotator.tagset import load_tagset
from annotator.teamimport import write_text
from annotator.teamproject import (
    GITATTRIBUTES,
    GITIGNORE,
    PROJECT_FILE,
    ProjectConfig,
    ProjectError,
    TeamProject,
    check_name,
    check_names,
    make_folder,
)
from annotator.teamstatus import UNREADABLE, project_status, status_html, summary_lines
from annotator.teamsync import SyncError
from annotator.xmlchars import check_xml_text, replace_illegal

from . import worker_start_method
from .cmd_import import wanted_files
from .inputs import expand_sources, read_each

HELP = "Team projects shared over git: init, assign, status (see docs/PROJECT.md)."

INIT_EPILOG = """\
DIR must be new or empty.  Every document of the sources goes into DIR/texts/<id>.tei.xml,
its text exactly as read, without annotations (put annotations made elsewhere into an
annotator's layer with 'annotator import SRC --project DIR --annotator NAME').  Any input
that fails is reported and nothing is created.  The project is committed to a new git
repository; with --remote, that remote is added as 'origin' and the project pushed to it.
Exit status: 0 created (and pushed), 2 on bad input, or when the push failed (the project
is created and committed; 'annotator sync DIR --annotator LEAD' pushes it later).
"""

ASSIGN_EPILOG = """\
Each document gets K different annotators; any two annotators' numbers of documents differ
by at most one.  The same annotators, documents, K and seed give the same assignment (the
seed is recorded in project.toml; without --seed one is drawn).  Assigning again replaces
the assignment; files already written stay.  The lead shares it with 'annotator sync'.
"""

STATUS_EPILOG = """\
Statuses: not started (no file, or nothing in it), in progress, done.  --json prints
{"documents": [{"id", "title", "assigned", "status": {name: status},
"annotations": {name: count}}, ...]}.  An index of what was read is kept in
DIR/.annotator/ (never in git), so later runs read only files that changed.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Sub-commands of ``annotator project``."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                parser_class=type(parser))
    init = sub.add_parser("init", help="create a project from any importable source",
                          description="Create a team project in DIR from the documents of "
                                      "SRC (text, JSONL, TEI, CoNLL, brat, Hugging Face).",
                          epilog=INIT_EPILOG,
                          formatter_class=argparse.RawDescriptionHelpFormatter)
    init.add_argument("folder", metavar="DIR", type=Path, help="the new project's folder")
    init.add_argument("--import", dest="sources", nargs="+", required=True, metavar="SRC",
                      help="files or folders holding the documents")
    init.add_argument("--tagset", metavar="FILE",
                      help="tag set (TOML) of the project (default: the bundled news set)")
    init.add_argument("--remote", metavar="URL",
                      help="git remote to push the project to (any URL git accepts, or the "
                           "path of a bare repository)")
    init.add_argument("--name", help="the project's name (default: DIR's name)")
    init.add_argument("--lead", help="the lead's name (default: your user name)")
    init.add_argument("--format", default="auto", choices=["auto", *READERS],
                      help="format of the sources (default: by file ending)")
    init.add_argument("--encoding", metavar="NAME", help="encoding of text sources")
    init.add_argument("--replace-invalid", action="store_true",
                      help="replace characters XML cannot carry with U+FFFD")

    chosen = sub.add_parser("assign", help="give each document K annotators, balanced",
                            description="Assign every document of the project in DIR to K "
                                        "different annotators, balanced.",
                            epilog=ASSIGN_EPILOG,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    chosen.add_argument("folder", metavar="DIR", type=Path, help="the project's folder")
    chosen.add_argument("--annotators", required=True, metavar="A,B,...",
                        help="the annotators' names, separated by commas")
    chosen.add_argument("--per-document", required=True, type=int, metavar="K",
                        help="how many annotators each document gets")
    chosen.add_argument("--seed", type=int, metavar="N",
                        help="seed of the random tie-breaks (same seed, same assignment)")

    status = sub.add_parser("status", help="each document's annotators, statuses and counts",
                            description="Per document and annotator: status and number of "
                                        "annotations.",
                            epilog=STATUS_EPILOG,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    status.add_argument("folder", metavar="DIR", type=Path, help="the project's folder")
    status.add_argument("--json", action="store_true", help="print JSON instead of a table")
    status.add_argument("--html", metavar="OUT", type=Path, help="also write an HTML report")


def run(args: argparse.Namespace) -> int:
    """Run the chosen action."""
    action = {"init": run_init, "assign": run_assign, "status": run_status}[args.action]
    return action(args)


# -- init -----------------------------------------------------------------------------------

def _default_lead() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "lead"


def _read_sources(args: argparse.Namespace, problems: Problems) -> list[Document]:
    """Every document of the sources, checked; failures go to ``problems``."""
    options = ImportOptions(encoding=args.encoding, replace_invalid=args.replace_invalid)
    errors: list[AnnotatorError] = []
    files = expand_sources(args.sources, wanted_files(args.format), errors)
    for error in errors:
        problems.error(error)
    found: dict[str, tuple[Document, str]] = {}
    folded: dict[str, str] = {}
    with Progress(len(files)) as progress:
        for path in files:
            progress.draw(path.name)
            fmt = guess_format(path) if args.format == "auto" else args.format
            for document in read_each(path, fmt, options, problems):
                _take(document, str(path), args.replace_invalid, found, folded, problems)
            progress.advance(path.name)
    return [document for document, _ in found.values()]


def _take(document: Document, where: str, replace_invalid: bool,
          found: dict[str, tuple[Document, str]], folded: dict[str, str],
          problems: Problems) -> None:
    if replace_invalid:
        document.text, _ = replace_illegal(document.text)
        document.title, _ = replace_illegal(document.title)
    try:
        check_xml_text(document.text, where, f"document {document.id}")
        check_xml_text(document.title, where, f"document {document.id} title")
    except AnnotatorError as error:
        problems.error(error)
        return
    if document.id in found:
        problems.error(ProjectError(Errors.E710, id=document.id,
                                    source=found[document.id][1], path=where))
        return
    earlier = folded.get(document.id.casefold())
    if earlier is not None:
        problems.error(ProjectError(Errors.E708, first=earlier, second=document.id, path=where))
        return
    folded[document.id.casefold()] = document.id
    found[document.id] = (document, where)


def _check_folder(folder: Path) -> None:
    """Refuse a folder that holds a project, or anything at all."""
    if (folder / PROJECT_FILE).exists():
        raise ProjectError(Errors.E706, path=str(folder))
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ProjectError(Errors.E707, path=str(folder))


def _tagset_bytes(given: str | None) -> bytes:
    """The tag set file's bytes (checked first), or the bundled news set's."""
    if given is None:
        return resources.files("annotator.resources").joinpath("default_tagset.toml").read_bytes()
    load_tagset(given)
    try:
        return Path(given).read_bytes()
    except OSError as error:
        raise FormatError(Errors.E600, reason=error.strerror or str(error), path=given) from None


def run_init(args: argparse.Namespace) -> int:
    """Create the project; 0 when created (and pushed), else 2."""
    folder: Path = args.folder
    lead = check_name(args.lead or _default_lead())
    if args.encoding:
        check_encoding_name(args.encoding)
    _check_folder(folder)
    run_git(["--version"])  # git missing: say so before anything is read or written
    tagset_bytes = _tagset_bytes(args.tagset)
    problems = Problems(on_problem=lambda error, is_error: print(
        error.diagnostic("error" if is_error else "warning"), file=sys.stderr))
    documents = _read_sources(args, problems)
    if problems.errors:
        print(f"annotator project init: {len(problems.errors)} input(s) failed (see above); "
              f"nothing created", file=sys.stderr)
        return 2
    if not documents:
        raise ProjectError(Errors.E709)
    _check_folder(folder)
    make_folder(folder)
    name = args.name or folder.resolve().name
    project = TeamProject(folder, ProjectConfig(name, lead))
    atomic_write_bytes(project.tagset_path, tagset_bytes)
    tagset = load_tagset(project.tagset_path)
    with Progress(len(documents)) as progress:
        for document in documents:
            write_text(project, document, tagset)
            progress.advance(document.id)
    project.save_config()
    atomic_write_text(folder / ".gitignore", GITIGNORE)
    atomic_write_text(folder / ".gitattributes", GITATTRIBUTES)
    repo = init_repository(folder)
    repo.commit(["."], f"Project {name}: {len(documents)} documents (annotator project init)",
                lead)
    print(f"created project {name!r} in {folder}: {len(documents)} documents, lead {lead}",
          file=sys.stderr)
    if args.remote:
        # a folder named relative to here means the same from inside the project
        remote = str(Path(args.remote).resolve()) if Path(args.remote).exists() else args.remote
        repo.check("remote", "add", "origin", remote)
        pushed = repo.push("origin", repo.branch(), set_upstream=True)
        if not pushed.ok:
            raise SyncError(Errors.E750, remote=remote, detail=pushed.reason(),
                            path=str(folder))
        print(f"pushed to {remote}", file=sys.stderr)
    return 0


# -- assign ---------------------------------------------------------------------------------

def run_assign(args: argparse.Namespace) -> int:
    """Assign and record in project.toml; 0."""
    project = TeamProject.open(args.folder)
    names = check_names(n.strip() for n in args.annotators.split(",") if n.strip())
    if not names:
        raise ProjectError(Errors.E713)
    ids = project.document_ids()
    if not ids:
        raise ProjectError(Errors.E715, path=str(project.texts_dir))
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    assignment = assign(ids, names, args.per_document, seed)
    config = project.config
    config.annotators, config.per_document, config.seed = names, args.per_document, seed
    config.assignment = assignment
    project.save_config()
    loads = {name: 0 for name in names}
    for chosen in assignment.values():
        for name in chosen:
            loads[name] += 1
    dropped = [f"{name}/{doc_id}" for name in project.layer_names()
               for doc_id in project.layer_ids(name) if name not in assignment.get(doc_id, [])]
    if dropped:
        print(f"annotator project assign: note: {len(dropped)} file(s) already written are "
              f"not assigned to their annotator now (kept): {', '.join(dropped[:3])}"
              + (" …" if len(dropped) > 3 else ""), file=sys.stderr)
    print(f"assigned {len(ids)} documents to {len(names)} annotators, {args.per_document} "
          f"each ({min(loads.values())}-{max(loads.values())} documents per annotator, "
          f"seed {seed}); share it with: annotator sync {args.folder} --annotator "
          f"{config.lead}", file=sys.stderr)
    return 0


# -- status ---------------------------------------------------------------------------------

def run_status(args: argparse.Namespace) -> int:
    """Print the status (a table, or JSON) and write the HTML report if asked; 0."""
    if not (args.folder / PROJECT_FILE).is_file():
        raise ProjectError(Errors.E700, path=str(args.folder))
    with Progress(0) as bar:
        def follow(done: int, total: int) -> None:
            bar.total = total
            bar.done = done
            bar.draw("reading")

        state = project_status(args.folder, start_method=worker_start_method(),
                               progress=follow)
    for warning in state.warnings:
        print(f"annotator project status: {warning.diagnostic('warning')}", file=sys.stderr)
    if args.html:
        atomic_write_text(args.html, status_html(state))
    if args.json:
        print(json.dumps(state.to_json(), ensure_ascii=False))  # one line: the fast encoder
        return 0
    for document in state.documents:
        cells = "  ".join(f"{name}: {layer.status} ({layer.annotations})"
                          for name, layer in document.layers.items())
        title = document.title if len(document.title) <= 40 else document.title[:39] + "…"
        print(f"{document.id}\t{title}\t{cells or 'not assigned'}")
        for layer in document.layers.values():
            if layer.status == UNREADABLE:
                print(f"annotator project status: warning: {layer.error}", file=sys.stderr)
    print(f"{state.config.name}: {len(state.documents)} documents, {state.config.per_document} "
          "annotators each", file=sys.stderr)
    for line in summary_lines(state):
        print("  " + line, file=sys.stderr)
    return 0

