"""Where the two policies of a diff come from: two paths, or two git revisions of one path.

A revision is read with ``git ls-tree`` and ``git show`` into a scratch
directory, so nothing is checked out and the working tree is never touched.
Only the policy's own directory is read from the revision: shipped packs come
from the installed version, and a base policy outside the directory from the
working tree (relative ``extends`` resolve against the scratch copy, so they
are reported as missing).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from governance.errors import UsageError
from governance.findings import Finding, Severity
from governance.loader import LoadedPolicy, load_policy

GIT_TIMEOUT_SECONDS = 60


class BrokenPolicyError(Exception):
    """A side of the diff whose policy has errors: they are reported, nothing is compared."""

    def __init__(self, label: str, findings: list[Finding]) -> None:
        super().__init__(f"{label}: the policy has errors")
        self.label = label
        self.findings = findings


@dataclass
class Side:
    label: str  # as the user named it: a path, or REV:path
    loaded: LoadedPolicy


def load_path(path: str, label: str | None = None) -> Side:
    result = load_policy(path)
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if result.policy is None or errors:
        raise BrokenPolicyError(label or path, errors or result.findings)
    return Side(label or path, result.policy)


def load_revision(policy: str, revision: str, scratch: Path) -> Side:
    """The policy at ``policy`` as it was in ``revision``, read without a checkout."""
    root = Path(policy)
    where = root if root.is_dir() else root.parent
    top = Path(_git(where, "rev-parse", "--show-toplevel").strip())
    _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}",
         failure=f"{revision!r} is not a revision of {top}")
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    listing = _git(top, "ls-tree", "-r", "-z", "--name-only", revision, "--", prefix)
    names = [n for n in listing.split("\0") if n]
    if not names:
        raise UsageError(f"{policy}: not in revision {revision}")
    target = scratch / revision.replace("/", "_")
    for name in names:
        data = _git_bytes(top, "show", f"{revision}:{name}")
        out = target / name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    label = f"{revision}:{prefix}"
    side = _load_copy(target / prefix, label)
    return side


def _load_copy(path: Path, label: str) -> Side:
    try:
        return load_path(str(path), label)
    except BrokenPolicyError as exc:
        raise BrokenPolicyError(label, [_relabel(f, str(path), label) for f in exc.findings]
                                ) from None


def _relabel(finding: Finding, scratch: str, label: str) -> Finding:
    location = finding.location
    if location is None or not location.file.startswith(scratch):
        return finding
    moved = type(location)(label + location.file[len(scratch):], location.line,
                           location.column, location.anchor)
    return Finding(finding.rule, finding.severity, finding.message, moved, finding.post_ids,
                   finding.channel, finding.waived_by, finding.data)


def _git(cwd: Path, *args: str, failure: str = "") -> str:
    return _git_bytes(cwd, *args, failure=failure).decode("utf-8", "replace")


def _git_bytes(cwd: Path, *args: str, failure: str = "") -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, check=False,
                              timeout=GIT_TIMEOUT_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UsageError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(failure or f"git {args[0]}: {reason[-1] if reason else 'failed'}")
    return done.stdout
