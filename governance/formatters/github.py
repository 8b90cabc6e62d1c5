"""GitHub Actions workflow commands: one annotation per finding on the pull request.

    ::error file=plan.csv,line=12,col=1,title=post.length::Text is 312 characters...

Errors become ``::error``, warnings ``::warning``, infos ``::notice``; waived
findings are accepted exceptions and are not annotated (the closing summary
line counts them). Values are escaped as the runner's command parser expects:
``%``, CR and LF in the message; those and ``,`` and ``:`` in properties.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from pathlib import PurePath, PurePosixPath

from governance.findings import Finding, Severity
from governance.report import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def display_path(file: str) -> str:
    """``file`` as a forward-slash path, relative to the working directory when
    inside it (annotations and SARIF want paths relative to the checkout)."""
    # Tens of thousands of findings name the same few files.
    return _display_path(file, os.getcwd())


@functools.lru_cache(maxsize=256)
def _display_path(file: str, cwd: str) -> str:
    path = PurePath(file)
    if path.is_absolute():
        try:
            path = PurePath(os.path.relpath(path, cwd))
        except ValueError:  # another drive on Windows
            return path.as_posix()
        if path.parts and path.parts[0] == "..":
            return PurePath(file).as_posix()
    return PurePosixPath(*path.parts).as_posix() if path.parts else file


def command(finding: Finding) -> str:
    loc = finding.location
    properties = []
    message = finding.message
    if loc is not None and loc.file:
        properties.append(f"file={escape_property(display_path(loc.file))}")
        if loc.anchor:
            message = f"{loc.anchor}: {message}"
        elif loc.line > 0:
            properties.append(f"line={loc.line}")
            properties.append(f"col={max(loc.column, 1)}")
    properties.append(f"title={escape_property(finding.rule)}")
    return f"::{COMMANDS[finding.severity]} {','.join(properties)}::{escape_data(message)}"


def render(report: Report, colour: bool = False) -> str:
    return "".join(chunks(report, colour))


def chunks(report: Report, colour: bool = False) -> Iterator[str]:
    """The annotations of ``render``, a line at a time."""
    for finding in report.findings:
        if not finding.waived:
            yield command(finding) + "\n"
    yield report.summary() + "\n"
