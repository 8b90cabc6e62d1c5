"""What a policy may read: regular files inside its root, the shipped packs, allowed paths.

A policy's ``extends:`` and ``terms_file:`` name files; a pull request that
edits the policy must not make CI read ``/etc/passwd`` or ``/proc/self/environ``
into its log. So a policy reads only

- files inside its **root**: the git working tree that holds the policy (so
  ``extends: ../base-policy`` in the same repository works), or, outside git,
  the directory given to the command (a policy file's own directory);
- the shipped packs;
- directories allowed explicitly, with ``--allow-path DIR`` or the
  ``GOVERNANCE_ALLOW_PATH`` environment variable (directories separated by
  ``:``, ``;`` on Windows);

and, of those, only regular files (never a device, a pipe or a directory), each
no larger than its ``governance.limits`` limit. Links are followed before the
check, so a link inside the root that points outside it is refused. A refusal
never quotes the file's content. The boundary also records every file it read,
so that no output can be written over one of them.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from governance.limits import Limit
from governance.resources import data_dir

ALLOW_ENV = "GOVERNANCE_ALLOW_PATH"


class BoundaryError(Exception):
    """A file the policy may not read, or may not read whole; the message says which and why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class PolicyBoundary:
    root: Path
    in_git: bool
    allowed: tuple[Path, ...]
    read: list[Path] = field(default_factory=list)

    @classmethod
    def around(cls, policy: str | Path, allow: Iterable[str | Path] = ()) -> PolicyBoundary:
        """The boundary of the policy at ``policy`` (a directory or a file)."""
        given = Path(os.path.realpath(policy))
        directory = given if given.is_dir() else given.parent
        tree = work_tree(directory)
        root = tree or directory
        extra = [*allow, *filter(None, os.environ.get(ALLOW_ENV, "").split(os.pathsep))]
        packs = Path(os.path.realpath(data_dir("policies") / "packs"))
        allowed = (root, packs, *(Path(os.path.realpath(p)) for p in extra))
        return cls(root, tree is not None, allowed)

    def describe(self) -> str:
        what = "git working tree" if self.in_git else "directory"
        return f"the policy's {what} {self.root}"

    def problem(self, path: Path) -> str | None:
        """Why ``path`` may not be read, or None when it may."""
        real = Path(os.path.realpath(path))
        if any(real == place or real.is_relative_to(place) for place in self.allowed):
            return None
        return (f"{path} is outside {self.describe()} and the shipped packs; a policy reads "
                "no other files (allow a directory with --allow-path DIR)")

    def read_bytes(self, path: Path, limit: Limit, name: str | None = None) -> bytes:
        """The whole of a regular file inside the boundary, at most ``limit`` long.

        Raises ``BoundaryError`` for a file outside the boundary, not regular or too
        large, and ``OSError`` (``FileNotFoundError``...) when it cannot be read.
        """
        shown = name or str(path)
        problem = self.problem(path)
        if problem is not None:
            raise BoundaryError(problem)
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise BoundaryError(f"{shown} is not a regular file; a policy reads only files")
        cap = limit.bytes()
        # Non-blocking: a pipe swapped in since the check must not hang the run.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise BoundaryError(f"{shown} is not a regular file; a policy reads only files")
            data = handle.read(cap + 1)
        if len(data) > cap:
            raise BoundaryError(limit.exceeded(shown))
        self.read.append(Path(os.path.realpath(path)))
        return data


def work_tree(directory: Path) -> Path | None:
    """The top of the git working tree holding ``directory``, or None outside git."""
    for place in (directory, *directory.parents):
        if (place / ".git").exists():
            return place
    return None
