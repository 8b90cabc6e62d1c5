"""Model details that YAML would otherwise get silently wrong."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
import yaml

from governance.models.channels import PostingHours
from governance.models.common import SeverityName
from governance.models.policy import Policy
from governance.writing import write_atomically


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("{start: 8:00, end: 22:30}", dt.time(8), dt.time(22, 30)),  # YAML 1.1: 480, 1350
        ("{start: '08:00', end: '22:00'}", dt.time(8), dt.time(22)),
        ("{start: '09:15:30', end: '21:00'}", dt.time(9, 15, 30), dt.time(21)),
    ],
)
def test_posting_hours_read_unquoted_times_as_clock_times(
    text: str, start: dt.time, end: dt.time
) -> None:
    hours = PostingHours.model_validate(yaml.safe_load(text))
    assert (hours.start, hours.end) == (start, end)


def test_posting_hours_must_end_after_they_start() -> None:
    with pytest.raises(ValueError, match="end must be after start"):
        PostingHours.model_validate({"start": "22:00", "end": "08:00"})


@pytest.mark.parametrize(
    ("value", "severity"),
    [("off", SeverityName.OFF), ("warning", SeverityName.WARNING),
     ({"severity": "info"}, SeverityName.INFO)],
)
def test_rule_settings_accept_the_shorthand(value: str, severity: SeverityName) -> None:
    policy = Policy.model_validate({"pack": {"name": "p"}, "rules": {"x.y": value}})
    assert policy.severity_override("x.y") is severity


def test_a_bare_off_in_yaml_switches_the_rule_off() -> None:
    rules = yaml.safe_load("{x.y: off, x.z: on}")  # YAML 1.1: False, True
    policy = Policy.model_validate({"pack": {"name": "p"}, "rules": rules})
    assert policy.severity_override("x.y") is SeverityName.OFF
    assert policy.severity_override("x.z") is None


def test_atomic_writes_leave_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.txt"
    umask = os.umask(0o022)
    try:
        write_atomically(target, b"whole")
    finally:
        os.umask(umask)
    assert target.read_bytes() == b"whole"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["report.txt"]


def test_a_declared_rule_switched_off_with_a_bare_off() -> None:
    text = """
pack: {name: p}
content:
  rules:
    - {id: p.no-x, type: existence, message: no x, tokens: [x], severity: off}
rules:
  p.no-y: {severity: off}
"""
    policy = Policy.model_validate(yaml.safe_load(text))
    assert policy.content.rules[0].severity is SeverityName.OFF
    assert policy.severity_override("p.no-y") is SeverityName.OFF
