"""``annotator sync``: commit an annotator's files of a project, bring in the others', push."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.error_catalogue import Errors
from annotator.gitrepo import GitRepo
from annotator.teamproject import TeamProject
from annotator.teamsync import SyncError, sync

HELP = "Commit NAME's files of a project, bring in everybody else's and push (git)."

EPILOG = """\
Only NAME's files are committed: annotations/NAME/, and for the project's lead also
project.toml, tagset.toml, texts/ and gold/.  Other changed files are left alone (listed,
never lost).  What others pushed is merged in (it cannot conflict: nobody else writes
NAME's files); when someone pushes in between, sync merges again and retries.

The remote is the branch's (usually 'origin'), reached with your usual git credentials
(SSH keys, credential helpers); nothing is stored by this tool.  When the network or the
remote fails, your work stays committed here and the message says what to do; running
sync again finishes the job.
Exit status: 0 synced (or committed, when the repository has no remote), 2 otherwise.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``annotator sync``."""
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("folder", metavar="DIR", type=Path, help="the project's folder (a clone)")
    parser.add_argument("--annotator", required=True, metavar="NAME",
                        help="whose files to commit (the lead's carry the project files too)")


def run(args: argparse.Namespace) -> int:
    """Sync; 0 when done, 2 (through the error) when not."""
    project = TeamProject.open(args.folder)
    repo = GitRepo.open(args.folder, interactive=sys.stdin is not None and sys.stdin.isatty())
    result = sync(project, args.annotator, repo=repo)
    if result.left_alone:
        shown = ", ".join(result.left_alone[:3]) + (" …" if len(result.left_alone) > 3 else "")
        warning = SyncError(Errors.E755, count=len(result.left_alone), name=args.annotator,
                            shown=shown, path=str(args.folder))
        print(f"annotator sync: {warning.diagnostic('warning')}", file=sys.stderr)
    done = [f"committed {len(result.committed)} file(s) of {args.annotator}"
            if result.committed else f"nothing of {args.annotator} to commit"]
    if result.remote is None:
        done.append("no remote to sync with (add one: git remote add origin URL)")
    else:
        if result.integrated:
            done.append(f"brought in {result.integrated} commit(s) from {result.remote}")
        tries = f" after {result.tries} tries" if result.tries > 1 else ""
        done.append(f"pushed to {result.remote}/{result.branch}{tries}" if result.pushed
                    else f"up to date with {result.remote}/{result.branch}")
    print("sync: " + "; ".join(done), file=sys.stderr)
    return 0
