"""Reports with every kind of finding the formatters must carry."""

from __future__ import annotations

from governance.findings import Finding, Location, Severity
from governance.report import Report


def sample_report() -> Report:
    """Errors, warnings and infos; a waived finding; a calendar-wide finding naming many
    posts; a cell anchor; a whole-file finding; one without a location; an absolute path
    outside the working directory; messages holding what each format must escape.

    Its rules are the calendar rules (metadata from the registry), rules described
    only in ``meta`` and rules known by id alone, so goldens change with this
    package's rules only."""
    return Report("lint", "plan.csv, plan.xlsx", [
        Finding("nw.max-length", Severity.ERROR,
                "312 characters as X counts them; a post on x takes at most 280",
                Location("plan.csv", 12, 3), ("p12",), "x-brand"),
        Finding("content.promo-share", Severity.WARNING,
                "channel 'x-brand', 2026-03-02..2026-03-08: promotional posts are 3 of 7 "
                "posts (42.9%), more than 25% in 7 days: p1, p2, p3",
                Location("plan.csv", 2, 1), ("p1", "p2", "p3"), "x-brand"),
        Finding("cadence.max-per-hour", Severity.WARNING, "3 posts 22:00–22:40, more than 2",
                Location("plan.csv", 5, 1), ("p5",), "x-brand",
                waived_by="waived in the calendar: the night roast starts at 23:00"),
        Finding("nw.event-share", Severity.INFO, "Events: 50% <of> the \"posts\" & more",
                Location("plan.xlsx", anchor="Plan!C7"), ("e1",), "tg-news"),
        Finding("content.duplicates", Severity.WARNING,
                "100% sure: a,b\nsecond line\r\x0bwith a control character",
                Location("/srv/plans/plan.csv", 3, 0), ("p3",), "fb-page"),
        Finding("lint.unknown-channel", Severity.ERROR, "unknown channel 'myspace'",
                Location("plan.csv"), ("p9",)),
        Finding("policy.rule-example", Severity.ERROR, "the rule's example does not fail"),
    ], checked={"posts": 12, "rules": 9},
        meta={"rules": [{"id": "nw.event-share", "summary": "Events stay under 40 %.",
                         "severity": "info", "doc": "Declared.\n\nMore."}]})


def clean_report() -> Report:
    return Report("lint", "plan.csv", [], checked={"posts": 40, "rules": 12})
