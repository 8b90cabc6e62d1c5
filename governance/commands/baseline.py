"""``lint --baseline`` and ``--baseline-write``: the files read and written around a lint report."""

from __future__ import annotations

from pathlib import Path

from governance.findings import Finding, Location, Severity, sort_findings
from governance.lint.baseline import (
    BASELINE_UNREADABLE,
    BaselineError,
    LoadedBaseline,
    apply,
    build,
    dump,
    load,
)
from governance.report import Report
from governance.writing import write_atomically

__all__ = ["BaselineError", "compare"]

#: The report's ``checked`` key for findings a baseline already knows.
KNOWN = "baselined"


def compare(report: Report, baseline: Path | None, baseline_write: Path | None) -> None:
    """Write the baseline if asked, then drop from ``report`` what the baseline knows."""
    if baseline_write is not None:
        text = dump(build(report.findings))
        write_atomically(baseline_write, text.encode("utf-8"))
        loaded = load(text, str(baseline_write))
    else:
        assert baseline is not None
        loaded = _read(baseline)
    applied = apply(report.findings, loaded)
    report.findings = sort_findings(applied.findings)
    report.checked[KNOWN] = applied.known


def _read(path: Path) -> LoadedBaseline:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise BaselineError(Finding(BASELINE_UNREADABLE, Severity.ERROR,
                                    f"cannot read the baseline: {reason}",
                                    Location(str(path)))) from None
    return load(text, str(path))
