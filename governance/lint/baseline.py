"""Baselines: a calendar that predates the policy keeps its known findings, and fails on new ones.

``lint --baseline-write FILE`` records each unwaived finding by a fingerprint;
``lint --baseline FILE`` drops the findings the baseline knows, counts them, and
reports each baseline entry that no longer occurs (``lint.baseline-stale``).

A fingerprint is the rule, the field the finding is about, and the identity of the
posts involved: the post id where the calendar has an id column, else a hash of
the post's channel, publish time and text (a reader names id-less rows
``row-<line>``, which moves when rows move). Line numbers never enter it, so
reordering rows or editing unrelated posts leaves every fingerprint as it was.
Fingerprints are counted: two identical findings on one post need two entries.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, ValidationError

from governance.findings import Finding, Location, Severity
from governance.models.common import Strict
from governance.models.post import Post
from governance.schema_errors import validation_findings
from governance.source import SourceMap, parse_yaml

BASELINE_STALE = "lint.baseline-stale"
BASELINE_UNREADABLE = "lint.baseline-unreadable"
BASELINE_VERSION = 1
_GENERATED_ID_PREFIX = "row-"


class BaselineEntry(Strict):
    """One known finding: its fingerprint, and what it was, for the reviewer of the file."""

    fingerprint: str = Field(min_length=1)
    rule: str = Field(min_length=1)
    field: str = ""
    posts: list[str] = Field(default_factory=list, description="Post ids or content hashes.")
    count: int = Field(1, ge=1, description="Occurrences of this fingerprint that are known.")
    message: str = Field("", description="The message when recorded; not part of the match.")


class BaselineDocument(Strict):
    """A lint baseline, written by ``governance lint --baseline-write``."""

    version: Literal[1]
    entries: list[BaselineEntry] = Field(default_factory=list)


class BaselineError(Exception):
    """A baseline file that cannot be used, with the position of the first problem."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def post_identity(post: Post, post_id: str | None = None) -> str:
    """The post's id, or a content hash where the id is the reader's row number
    (``post_id``: its id, when read already)."""
    post_id = post.id if post_id is None else post_id
    generated = post_id.startswith(_GENERATED_ID_PREFIX) and post_id[4:].isdigit()
    if post_id and not generated:
        return post_id
    moment = post.publish_at.isoformat()
    digest = hashlib.sha256(f"{post.channel}\x1f{moment}\x1f{post.text}".encode()).hexdigest()
    return f"sha256:{digest[:16]}"


def fingerprint_data(field: str, identities: Sequence[str]) -> dict[str, object]:
    """What the engine keeps on a finding so that its fingerprint can be taken later."""
    return {"baseline_field": field, "baseline_posts": tuple(identities)}


def fingerprint(finding: Finding) -> str:
    field = str(finding.data.get("baseline_field", ""))
    posts = finding.data.get("baseline_posts")
    # Findings without post identities (reader and policy problems) fall back on their
    # post ids and message, which do not carry line numbers either.
    parts = ([finding.rule, field, *posts] if posts is not None
             else [finding.rule, field, *finding.post_ids, finding.message])
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def build(findings: Iterable[Finding]) -> BaselineDocument:
    """A baseline of the unwaived findings, sorted so the same findings give the same file."""
    counts: Counter[str] = Counter()
    first: dict[str, Finding] = {}
    for finding in findings:
        if finding.waived:
            continue
        key = fingerprint(finding)
        counts[key] += 1
        first.setdefault(key, finding)
    entries = [_entry(key, first[key], counts[key]) for key in counts]
    entries.sort(key=lambda e: (e.rule, e.posts, e.field, e.fingerprint))
    return BaselineDocument(version=BASELINE_VERSION, entries=entries)


def _entry(key: str, finding: Finding, count: int) -> BaselineEntry:
    posts = finding.data.get("baseline_posts", finding.post_ids)
    return BaselineEntry(fingerprint=key, rule=finding.rule,
                         field=str(finding.data.get("baseline_field", "")),
                         posts=list(posts), count=count, message=finding.message)


def dump(document: BaselineDocument) -> str:
    """JSON with one entry a line, so a baseline reviews well as a diff."""
    lines = [_YAML_UNPRINTABLE.sub(_escape, json.dumps(e.model_dump(), ensure_ascii=False,
                                                       sort_keys=True))
             for e in document.entries]
    body = ",\n    ".join(lines)
    entries = f"[\n    {body}\n  ]" if lines else "[]"
    return f'{{\n  "version": {document.version},\n  "entries": {entries}\n}}\n'


#: Characters YAML may not carry unescaped; the file is read back as YAML for its positions.
_YAML_UNPRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


@dataclass
class LoadedBaseline:
    document: BaselineDocument
    #: Where each entry starts in the file, for reporting stale entries.
    locations: list[Location]


def load(text: str, file: str) -> LoadedBaseline:
    """Parse a baseline (JSON, read as YAML for positions and duplicate-key checks)."""
    root, problems = parse_yaml(text, file)
    errors = [f for f in problems if f.severity is Severity.ERROR]
    if root is None or errors:
        raise BaselineError(_as_unreadable((errors or problems)[0]))
    data = root.plain()
    smap = SourceMap.of(root)
    try:
        document = BaselineDocument.model_validate(data)
    except ValidationError as exc:
        found = validation_findings(exc, data, smap, BaselineDocument, file)
        raise BaselineError(_as_unreadable(min(found, key=Finding.sort_key))) from None
    locations = [smap.locate(("entries", i)) or Location(file)
                 for i in range(len(document.entries))]
    return LoadedBaseline(document, locations)


def _as_unreadable(finding: Finding) -> Finding:
    return Finding(BASELINE_UNREADABLE, Severity.ERROR, f"baseline: {finding.message}",
                   finding.location)


@dataclass
class Applied:
    findings: list[Finding]
    known: int


def apply(findings: Iterable[Finding], baseline: LoadedBaseline) -> Applied:
    """Drop the findings the baseline knows; add one finding per entry no longer seen."""
    remaining = {e.fingerprint: e.count for e in baseline.document.entries}
    kept: list[Finding] = []
    known = 0
    for finding in findings:
        key = fingerprint(finding)
        if not finding.waived and remaining.get(key, 0) > 0:
            remaining[key] -= 1
            known += 1
            continue
        kept.append(finding)
    for entry, where in zip(baseline.document.entries, baseline.locations, strict=True):
        left = remaining.get(entry.fingerprint, 0)
        if left > 0:
            remaining[entry.fingerprint] = 0  # a fingerprint listed twice is reported once
            kept.append(_stale(entry, left, where))
    return Applied(kept, known)


def _stale(entry: BaselineEntry, left: int, where: Location) -> Finding:
    posts = ", ".join(entry.posts) or "the calendar"
    times = "" if left == 1 else f" ({left} of {entry.count} occurrences)"
    field = f" ({entry.field})" if entry.field else ""
    return Finding(BASELINE_STALE, Severity.INFO,
                   f"baseline entry no longer occurs{times}: {entry.rule} on {posts}{field}; "
                   "rewrite the baseline with --baseline-write", where)
