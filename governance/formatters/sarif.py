"""SARIF 2.1.0: the report for code-scanning dashboards (GitHub, GitLab, Azure DevOps).

One run; ``tool.driver.rules`` describes every rule that has a finding, from
the shipped rules' metadata, else from ``report.meta["rules"]`` (rules declared
in a policy), else by its id alone. Each finding is a result with its rule, its
level (error, warning, note), its message and its location: the file relative
to the working directory, with line and column, or the whole file, or the cell
or event it names. A waived finding carries a suppression with the waiver as
justification, so dashboards show it as accepted rather than as open.
``partialFingerprints`` let a dashboard follow a finding from run to run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from json.encoder import encode_basestring
from typing import Any
from urllib.parse import quote

from governance import __version__
from governance.findings import Finding, Location, Severity
from governance.formatters.github import display_path
from governance.report import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

#: Where the results of the one run go: its last key.
_RESULTS = '"results": []'


def render(report: Report, colour: bool = False) -> str:
    return "".join(chunks(report, colour))


def chunks(report: Report, colour: bool = False) -> Iterator[str]:
    """The log, indented, with one result per line, written a result at a time.

    Only one result exists at a time, written as the compact JSON encoder would
    write its dictionary (``_Results``): the log of 100,000 findings as one
    indented document took five times the memory and time of the lint run.
    """
    rule_ids = report.rule_ids()
    skeleton = _log(report, rule_ids, [])
    head, _, tail = json.dumps(skeleton, ensure_ascii=False, indent=2).rpartition(_RESULTS)
    yield head + '"results": ['
    results = _Results(rule_ids)
    separator = "\n        "
    for finding in report.findings:
        yield separator + results.encode(finding)
        separator = ",\n        "
    yield ("\n      ]" if report.findings else "]") + tail + "\n"


def sarif_log(report: Report) -> dict[str, Any]:
    """The whole log as plain data."""
    rule_ids = report.rule_ids()
    index = {rule_id: position for position, rule_id in enumerate(rule_ids)}
    return _log(report, rule_ids, [_result(f, index[f.rule]) for f in report.findings])


def _log(report: Report, rule_ids: list[str], results: list[dict[str, Any]]) -> dict[str, Any]:
    known = _known_rules(report)
    driver = {
        "name": "governance",
        "version": __version__,
        "rules": [_descriptor(rule_id, known.get(rule_id, {})) for rule_id in rule_ids],
    }
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _known_rules(report: Report) -> dict[str, dict[str, Any]]:
    """Rule id -> what is known of it: ``report.meta["rules"]`` (a mapping by id or a
    list with ``id``), overridden by the shipped rules' own metadata."""
    known: dict[str, dict[str, Any]] = {}
    declared = report.meta.get("rules") if isinstance(report.meta, Mapping) else None
    if isinstance(declared, Mapping):
        known.update({str(k): dict(v) for k, v in declared.items() if isinstance(v, Mapping)})
    elif isinstance(declared, list):
        known.update({str(v["id"]): dict(v) for v in declared
                      if isinstance(v, Mapping) and "id" in v})
    from governance.rules.catalogue import SHIPPED

    for rule in SHIPPED:
        known[rule.id] = {"summary": rule.summary, "doc": rule.doc, "source": rule.source,
                          "severity": rule.severity.label, "target": rule.target}
    return known


def _descriptor(rule_id: str, meta: Mapping[str, Any]) -> dict[str, Any]:
    summary = str(meta.get("summary") or rule_id)
    doc = str(meta.get("doc") or meta.get("description") or summary)
    descriptor: dict[str, Any] = {
        "id": rule_id,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc.split("\n\n", 1)[0]},
        "help": {"text": doc},
    }
    level = _level_name(meta.get("severity"))
    if level:
        descriptor["defaultConfiguration"] = {"level": level}
    properties = {k: str(meta[k]) for k in ("source", "target") if meta.get(k)}
    if properties:
        descriptor["properties"] = properties
    return descriptor


def _level_name(severity: Any) -> str:
    try:
        return LEVELS[Severity.parse(str(severity))] if severity else ""
    except ValueError:
        return ""


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
    }
    if finding.location is not None and finding.location.file:
        result["locations"] = [_location(finding.location)]
    result["partialFingerprints"] = {"governanceFinding/v1": _fingerprint(finding)}
    properties: dict[str, Any] = {}
    if finding.post_ids:
        properties["postIds"] = list(finding.post_ids)
    if finding.channel:
        properties["channel"] = finding.channel
    if properties:
        result["properties"] = properties
    if finding.waived:
        result["suppressions"] = [{"kind": "external", "status": "accepted",
                                   "justification": finding.waived_by}]
    return result


def _location(loc: Location) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(loc.file)}}
    if loc.anchor and loc.line > 0:
        # An XLSX cell (its row) or an iCalendar event (its BEGIN:VEVENT line): a line
        # code scanning can place, the anchor beside it says the rest.
        physical["region"] = {"startLine": loc.line}
    elif loc.line > 0:
        physical["region"] = {"startLine": loc.line, "startColumn": max(loc.column, 1)}
    location: dict[str, Any] = {"physicalLocation": physical}
    if loc.anchor:
        location["message"] = {"text": loc.anchor}
    return location


def artifact_uri(file: str) -> str:
    """A relative URI reference for a file of the report (an absolute ``file:`` URI
    when the file lies outside the working directory)."""
    path = display_path(file)
    if path.startswith("/"):
        return "file://" + quote(path)
    if len(path) > 2 and path[1] == ":":  # a Windows drive outside the working directory
        return "file:///" + quote(path)
    return quote(path)


def _fingerprint(finding: Finding) -> str:
    """The same finding gets the same print when lines move: rule, file, posts, message."""
    loc = finding.location
    return _print(finding, display_path(loc.file) if loc else "")


def _print(finding: Finding, path: str) -> str:
    parts = [finding.rule, path, ",".join(finding.post_ids), finding.channel, finding.message]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


class _Results:
    """Each finding's result as ``json.dumps(_result(finding, index), ensure_ascii=False,
    separators=(", ", ": "))`` writes it, byte for byte, without building its
    dictionaries: what findings share (a rule's opening, a file's path and URI) is
    encoded once. Built as dictionaries, 75,000 results took two seconds, after the
    lint run and in one process."""

    def __init__(self, rule_ids: list[str]) -> None:
        self._index = {rule_id: position for position, rule_id in enumerate(rule_ids)}
        self._openings: dict[tuple[str, Severity], str] = {}
        self._files: dict[str, tuple[str, str]] = {}  # file -> display path, artifact JSON

    def encode(self, finding: Finding) -> str:
        key = (finding.rule, finding.severity)
        opening = self._openings.get(key) or self._opening(*key)
        parts = [opening, encode_basestring(finding.message), "}"]
        loc = finding.location
        path = ""
        if loc is not None:
            path, artifact = self._files.get(loc.file) or self._file(loc.file)
            if loc.file:
                parts += [', "locations": [', _location_json(loc, artifact), "]"]
        parts += [', "partialFingerprints": {"governanceFinding/v1": "',
                  _print(finding, path), '"}']
        properties = []
        if finding.post_ids:
            ids = ", ".join(map(encode_basestring, finding.post_ids))
            properties.append(f'"postIds": [{ids}]')
        if finding.channel:
            properties.append(f'"channel": {encode_basestring(finding.channel)}')
        if properties:
            parts += [', "properties": {', ", ".join(properties), "}"]
        if finding.waived:
            parts += [', "suppressions": [{"kind": "external", "status": "accepted", '
                      '"justification": ', encode_basestring(finding.waived_by), "}]"]
        parts.append("}")
        return "".join(parts)

    def _opening(self, rule: str, severity: Severity) -> str:
        opening = self._openings[rule, severity] = (
            f'{{"ruleId": {encode_basestring(rule)}, "ruleIndex": {self._index[rule]}, '
            f'"level": "{LEVELS[severity]}", "message": {{"text": ')
        return opening

    def _file(self, file: str) -> tuple[str, str]:
        found = self._files[file] = (display_path(file),
                                     f'{{"uri": {encode_basestring(artifact_uri(file))}}}')
        return found


def _location_json(loc: Location, artifact: str) -> str:
    """``_location(loc)`` as the compact encoder writes it, the artifact given."""
    if loc.anchor and loc.line > 0:
        region = f', "region": {{"startLine": {loc.line}}}'
    elif loc.line > 0:
        region = f', "region": {{"startLine": {loc.line}, "startColumn": {max(loc.column, 1)}}}'
    else:
        region = ""
    message = f', "message": {{"text": {encode_basestring(loc.anchor)}}}' if loc.anchor else ""
    return f'{{"physicalLocation": {{"artifactLocation": {artifact}{region}}}{message}}}'

