"""The git command line as the engine that carries a project between computers.

Why the command line and not a library: it needs nothing from ``pip`` (so ``pip install .``
stays pure Python on Linux, Windows and macOS), and it is the user's own git, so every remote
it can reach works with the credentials the user already has — SSH keys and agents,
credential helpers, proxies and ``~/.gitconfig`` rules — and the tool never handles a
password.  pygit2 (libgit2) and dulwich need credential callbacks written for them and
ignore much of the user's configuration.  The price: git must be installed; when it is not,
:class:`GitError` says so in one line.

Every call runs ``git`` with machine-readable options (``-z``, ``--porcelain``) and never
parses messages meant for people; a failure's message is git's own first error line.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.error_catalogue import Errors
from annotator.errors import AnnotatorError

# States git leaves behind an unfinished operation, and the operation's name.
_UNFINISHED = (("MERGE_HEAD", "merge"), ("rebase-merge", "rebase"), ("rebase-apply", "rebase"),
               ("CHERRY_PICK_HEAD", "cherry-pick"), ("REVERT_HEAD", "revert"))


class GitError(AnnotatorError):
    """git is missing, or a git command failed (the message is git's own)."""


@dataclass(frozen=True)
class Outcome:
    """What one git command did."""

    status: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.status == 0

    def reason(self) -> str:
        """git's first ``fatal:``/``error:`` line (else its last line), without the prefix."""
        lines = [line.strip() for line in self.stderr.splitlines() if line.strip()]
        for line in lines:
            for prefix in ("fatal:", "error:"):
                if line.startswith(prefix):
                    return line[len(prefix):].strip()
        return lines[-1] if lines else f"exit status {self.status}"


def _environment(interactive: bool) -> dict[str, str]:
    env = dict(os.environ)
    if not interactive:
        env["GIT_TERMINAL_PROMPT"] = "0"  # no hidden password prompt where nobody can answer
    return env


def run_git(args: Sequence[str], cwd: str | Path | None = None, *,
            interactive: bool = False) -> Outcome:
    """Run ``git ARGS`` in ``cwd``; :class:`GitError` (E730) when git is not installed.

    With ``interactive`` git may ask the user at the terminal (a password for HTTPS, say);
    without it, it fails instead of waiting.
    """
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              encoding="utf-8", errors="replace",
                              stdin=None if interactive else subprocess.DEVNULL,
                              env=_environment(interactive), check=False)
    except FileNotFoundError:
        raise GitError(Errors.E730) from None
    return Outcome(done.returncode, done.stdout, done.stderr)


def init_repository(root: str | Path) -> GitRepo:
    """Make ``root`` a new git repository.  Its branch is named as the user's git names new
    branches (``init.defaultBranch``), as a bare remote they make with ``git init --bare``
    would: so a clone of that remote checks it out."""
    done = run_git(["init", "-q"], root)
    if not done.ok:
        raise GitError(Errors.E731, command="init", detail=done.reason(), path=str(root))
    return GitRepo(root)


def clone(url: str, dest: str | Path, *, branch: str | None = None,
          interactive: bool = False) -> GitRepo:
    """Clone ``url`` into ``dest`` (a new folder), checking out ``branch`` (default: the
    remote's)."""
    chosen = ["-b", branch] if branch else []
    done = run_git(["clone", "-q", *chosen, url, str(dest)], interactive=interactive)
    if not done.ok:
        raise GitError(Errors.E731, command="clone", detail=done.reason(), path=str(dest))
    return GitRepo(dest, interactive=interactive)


def _nul_separated(output: str) -> list[str]:
    return [item for item in output.split("\0") if item]


class GitRepo:
    """The git repository whose top folder is ``root``."""

    def __init__(self, root: str | Path, *, interactive: bool = False) -> None:
        self.root = Path(root)
        self.interactive = interactive

    @classmethod
    def open(cls, root: str | Path, *, interactive: bool = False) -> GitRepo:
        """The repository whose top folder is ``root``; :class:`GitError` (E732) when
        ``root`` is not the top of a repository (a folder inside another one's is not)."""
        repo = cls(root, interactive=interactive)
        done = repo.run("rev-parse", "--show-toplevel")
        if not done.ok or Path(done.stdout.strip()).resolve() != Path(root).resolve():
            raise GitError(Errors.E732, path=str(root))
        return repo

    def run(self, *args: str) -> Outcome:
        """``git ARGS`` in this repository (see :func:`run_git`)."""
        return run_git(["-c", "core.quotepath=off", *args], self.root,
                       interactive=self.interactive)

    def check(self, *args: str) -> Outcome:
        """``git ARGS``, which must succeed (else :class:`GitError`, E731)."""
        done = self.run(*args)
        if not done.ok:
            raise GitError(Errors.E731, command=args[0], detail=done.reason(),
                           path=str(self.root))
        return done

    # -- state --------------------------------------------------------------------------
    def branch(self) -> str:
        """The branch checked out; :class:`GitError` (E734) when HEAD is detached."""
        done = self.run("symbolic-ref", "-q", "--short", "HEAD")
        if not done.ok:
            raise GitError(Errors.E734, path=str(self.root))
        return done.stdout.strip()

    def check_no_unfinished_operation(self) -> None:
        """:class:`GitError` (E733) when a merge, rebase, cherry-pick or revert is half done."""
        asked = [arg for marker, _ in _UNFINISHED for arg in ("--git-path", marker)]
        found = self.check("rev-parse", *asked).stdout.splitlines()
        for path, (_, operation) in zip(found, _UNFINISHED, strict=True):
            if (self.root / path.strip()).exists():
                raise GitError(Errors.E733, operation=operation, path=str(self.root))

    def remote_of(self, branch: str) -> str | None:
        """The remote ``branch`` follows (else ``origin`` when there is one, else None)."""
        configured = self.run("config", f"branch.{branch}.remote").stdout.strip()
        if configured:
            return configured
        remotes = self.check("remote").stdout.split()
        return "origin" if "origin" in remotes else None

    def changed_files(self, pathspecs: Sequence[str] = ()) -> list[str]:
        """Files (``/``-separated, relative to the root) that differ from the last commit:
        changed, added, deleted or new; ignored files are left out."""
        done = self.check("status", "--porcelain=v1", "-z", "--untracked-files=all",
                          "--", *pathspecs)
        items = _nul_separated(done.stdout)
        files: list[str] = []
        index = 0
        while index < len(items):
            entry = items[index]
            files.append(entry[3:])
            index += 2 if entry[0] in "RC" else 1  # a rename is followed by its old name
        return files

    def has_commit(self, ref: str = "HEAD") -> bool:
        """True when ``ref`` names a commit."""
        return self.run("rev-parse", "-q", "--verify", f"{ref}^{{commit}}").ok

    def is_ancestor(self, older: str, newer: str) -> bool:
        """True when ``older`` is ``newer`` or one of its ancestors."""
        return self.run("merge-base", "--is-ancestor", older, newer).status == 0

    def count_commits(self, since: str, until: str) -> int:
        """How many commits ``until`` has that ``since`` does not."""
        return int(self.check("rev-list", "--count", f"{since}..{until}").stdout.strip() or 0)

    def files_changed_by(self, ref: str) -> list[str]:
        """Files ``ref`` changed since it parted from HEAD."""
        return _nul_separated(self.check("diff", "--name-only", "-z", f"HEAD...{ref}").stdout)

    def identity(self, name: str) -> list[str]:
        """``-c`` options giving ``name`` as author where git has no user name or email."""
        found = self.run("config", "--get-regexp", r"^user\.(name|email)$").stdout
        keys = {line.split(" ", 1)[0] for line in found.splitlines() if " " in line}
        options = []
        if "user.name" not in keys:
            options += ["-c", f"user.name={name}"]
        if "user.email" not in keys:
            options += ["-c", f"user.email={name}@annotator.invalid"]
        return options

    # -- changes ------------------------------------------------------------------------
    def commit(self, pathspecs: Sequence[str], message: str, author: str) -> None:
        """Commit every change under ``pathspecs`` (and nothing else, whatever else is
        staged), as the user's git identity or else ``author``."""
        self.check("add", "-A", "--", *pathspecs)
        self.check(*self.identity(author), "commit", "-q", "--no-verify", "-m", message,
                   "--only", "--", *pathspecs)

    def fetch(self, remote: str) -> Outcome:
        """``git fetch`` from ``remote`` (the outcome, failed or not)."""
        return self.run("fetch", "-q", remote)

    def merge(self, ref: str, author: str) -> tuple[Outcome, list[str]]:
        """Merge ``ref`` into the branch.  A merge that stops with conflicts is aborted, so
        the branch and the files are as they were; the files in conflict are returned."""
        done = self.run(*self.identity(author), "merge", "-q", "--no-edit", "--no-verify",
                        "-m", f"Merge {ref} (annotator sync)", ref)
        conflicted: list[str] = []
        if not done.ok and self.has_commit("MERGE_HEAD"):
            conflicted = _nul_separated(
                self.run("diff", "--name-only", "--diff-filter=U", "-z").stdout)
            self.run("merge", "--abort")
        return done, conflicted

    def push(self, remote: str, branch: str, *, set_upstream: bool = False) -> Outcome:
        """Push the branch to ``remote`` (the outcome, failed or not)."""
        upstream = ["-u"] if set_upstream else []
        return self.run("push", "-q", "--no-verify", *upstream, remote,
                        f"HEAD:refs/heads/{branch}")
