"""``sync``: commit one person's files of a project, bring in the others', push.

An annotator owns ``annotations/<name>/``; the lead also owns the project files, ``texts/``
and ``gold/`` (:meth:`TeamProject.owned_paths`).  :func:`sync` commits the changes under
the paths ``name`` owns and nothing else (other changed files are left alone, and listed),
then, while the remote has commits this copy lacks, fetches and merges them (nobody else
writes these paths, so the merge cannot conflict) and pushes.  Every failure leaves the
local commit and the files in place and raises a one-line :class:`SyncError` saying what to
do; running ``sync`` again finishes the job.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError
from annotator.gitrepo import GitRepo
from annotator.teamproject import TeamProject, check_name

TRIES = 8  # pushes attempted while others keep pushing in between


class SyncError(AnnotatorError):
    """A sync that could not finish; nothing local was lost (the message says what to do)."""


@dataclass
class SyncResult:
    """What one :func:`sync` did."""

    branch: str
    remote: str | None
    """The remote synced with (None: the repository has none; only the commit was made)."""
    committed: list[str] = field(default_factory=list)
    """Files of this person committed."""
    left_alone: list[str] = field(default_factory=list)
    """Changed files this person does not own: neither committed nor touched."""
    integrated: int = 0
    """Commits brought in from the remote."""
    pushed: bool = False
    tries: int = 0
    """Pushes attempted (more than one when others pushed in between)."""


def _under(path: str, owned: Sequence[str]) -> bool:
    return any(path == top or path.startswith(top + "/") for top in owned)


def sync(project: TeamProject, name: str, *, repo: GitRepo | None = None,
         tries: int = TRIES) -> SyncResult:
    """Commit ``name``'s changed files, integrate the remote's commits and push (see the
    module docstring)."""
    check_name(name)
    repo = repo or GitRepo.open(project.root)
    repo.check_no_unfinished_operation()
    branch = repo.branch()
    owned = project.owned_paths(name)
    changed = repo.changed_files()
    mine = [path for path in changed if _under(path, owned)]
    result = SyncResult(branch, repo.remote_of(branch), mine,
                        [path for path in changed if not _under(path, owned)])
    if mine:
        tops = [top for top in owned if any(_under(path, [top]) for path in mine)]
        repo.commit(tops, f"{name}: {len(mine)} file(s) (annotator sync)", name)
    if result.remote is None:
        return result
    remote_ref = f"refs/remotes/{result.remote}/{branch}"
    fetched = repo.fetch(result.remote)
    for attempt in range(tries):
        if not fetched.ok:
            raise SyncError(Errors.E750, remote=result.remote, detail=fetched.reason(),
                            path=str(project.root))
        if repo.has_commit(remote_ref) and not repo.is_ancestor(remote_ref, "HEAD"):
            _integrate(repo, remote_ref, name, result)
        if repo.has_commit(remote_ref) and repo.is_ancestor("HEAD", remote_ref):
            return result  # the remote has everything here
        result.tries += 1
        pushed = repo.push(result.remote, branch, set_upstream=not repo.has_commit(remote_ref))
        if pushed.ok:
            result.pushed = True
            return result
        time.sleep(random.uniform(0, 0.1 * (attempt + 1)))  # out of step with the others
        fetched = repo.fetch(result.remote)
        if fetched.ok and (not repo.has_commit(remote_ref)
                           or repo.is_ancestor(remote_ref, "HEAD")):
            # the remote did not move: it refused for another reason (rights, a hook...)
            raise SyncError(Errors.E751, remote=result.remote, detail=pushed.reason(),
                            path=str(project.root))
    raise SyncError(Errors.E754, tries=tries, path=str(project.root))


def _integrate(repo: GitRepo, remote_ref: str, name: str, result: SyncResult) -> None:
    """Merge the remote's new commits; refuse first when files changed here, and not synced
    by ``name``, are among those the remote changed (git would refuse half-way)."""
    incoming = set(repo.files_changed_by(remote_ref))
    blocking = [path for path in result.left_alone if path in incoming]
    if blocking:
        raise SyncError(Errors.E752, count=len(blocking), name=name, file=blocking[0],
                        path=str(repo.root))
    count = repo.count_commits("HEAD", remote_ref)
    done, conflicted = repo.merge(remote_ref, name)
    if not done.ok:
        if conflicted:
            raise SyncError(Errors.E753, count=len(conflicted), file=conflicted[0],
                            path=str(repo.root))
        raise SyncError(Errors.E731, command="merge", detail=done.reason(), path=str(repo.root))
    result.integrated += count
