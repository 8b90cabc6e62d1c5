"""Mutated calendars and policies thrown at ``check`` and ``lint``.

Whatever the bytes, a run ends with exit 0, 1 or 2, prints no traceback, leaves
every input byte for byte as it was, and finishes within a bound. The seeds are
the shipped example policy and a clean calendar in CSV, XLSX, JSON and ICS; a
mutation inserts, replaces or deletes bytes, truncates, or swaps a value for one
of the values that once crashed a run or that a hostile file would hold.

Examples are few and derandomised, so that CI on two cores is fast and stable;
``GOVERNANCE_FUZZ_EXAMPLES=2000`` runs a longer, random search.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
import time
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from security_helpers import EXAMPLE, HEADER, ROW, TODAY, run, snapshot

EXAMPLES = int(os.environ.get("GOVERNANCE_FUZZ_EXAMPLES", "0")) or 20
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None,
                    derandomize="GOVERNANCE_FUZZ_EXAMPLES" not in os.environ,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
#: Seconds one run may take: the slowest seed takes well under one.
BOUND = 20.0

TOKENS = [
    "9999-12-31T23:59-12:00", "0001-01-01T00:00+14:00", "9" * 5000, "-" + "1" * 4400, "1e400",
    "::error file=evil.py,line=1::injected", "\x1b]0;title\x07", "\x00", "\r", "\n", "\t",
    '=HYPERLINK("http://evil.example")', "@SUM(1)", "+1+1", '"', "'", ",", ";", "{", "}", "[",
    "]", ": ", "- ", "&a", "*a", "<<: *a", "!!python/object/apply:os.system ['id']", "\ufeff",
    "é", "Привет", "BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR", "/etc/passwd",
    "../../../etc/passwd", "/dev/zero", "/proc/self/environ", "~", "null", "true", "-1", "0",
    "2026-02-30", "25:61", "NaN", "", " " * 3, "\u202e", "%0A", "id", "publish_at",
]
CALENDAR_SEEDS = {
    "csv": (HEADER + ROW).encode(),
    "json": ('[{"id": "p1", "publish_at": "2026-12-01T10:00", "channel": "vk-community", '
             '"author": "agency", "text": "Доброе утро!", "kind": "engagement", '
             '"approved_by": ["smm-lead"], "topic": "кофе"}]\n').encode(),
    "ics": ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\n"
            "UID:p1\r\nDTSTART:20261201T100000\r\nCATEGORIES:channel:vk-community,"
            "kind:engagement,topic:кофе\r\nX-AUTHOR:agency\r\nX-APPROVED-BY:smm-lead\r\n"
            "DESCRIPTION:Доброе утро!\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").encode(),
}


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["token", "token", "value", "bytes", "delete",
                                          "truncate", "repeat"]))
        at = draw(st.integers(0, len(data)))
        if operation == "token":
            data[at:at] = draw(st.sampled_from(TOKENS)).encode()
        elif operation == "value":  # the value after a key, a cell, a property
            line_start = data.rfind(b"\n", 0, at) + 1
            line_end = data.find(b"\n", at)
            line_end = len(data) if line_end < 0 else line_end
            token = draw(st.sampled_from(TOKENS)).encode()
            cut = max(data.rfind(b": ", line_start, line_end), data.rfind(b",", line_start, at))
            if cut >= 0:
                data[cut + 1:line_end] = b" " + token if data[cut:cut + 1] == b":" else token
        elif operation == "bytes":
            data[at:at + draw(st.integers(0, 8))] = draw(st.binary(max_size=8))
        elif operation == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif operation == "truncate":
            del data[at:]
        else:
            data[at:at] = data[max(0, at - 200):at] * draw(st.integers(1, 50))
    return bytes(data)


def workbook_of(csv_bytes: bytes, truncate: int | None) -> bytes:
    """A workbook holding the (mutated) CSV's cells; optionally its zip cut short."""
    book = openpyxl.Workbook()
    sheet = book.active
    text = csv_bytes.decode("utf-8", errors="replace").replace("\x00", "")
    for row in csv.reader(io.StringIO(text, newline="")):
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row])
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    return data if truncate is None else data[:truncate]


def assert_survives(inputs: list[Path], *args: str | Path) -> None:
    before = snapshot(*inputs)
    start = time.monotonic()
    code, out, err = run(*args)
    elapsed = time.monotonic() - start
    assert code in (0, 1, 2), (code, err[-2000:])
    assert "Traceback" not in out + err and "internal error" not in err, err[-2000:]
    assert snapshot(*inputs) == before
    assert elapsed < BOUND, f"{elapsed:.1f} s"


def lint_calendar(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        policy = root / "policy"
        shutil.copytree(EXAMPLE, policy, ignore=shutil.ignore_patterns("calendar"))
        plan = root / name
        plan.write_bytes(data)
        assert_survives([plan, policy], "lint", plan, "--policy", policy, "--today", TODAY,
                        "--format", "json", "--output", root / "report.json", "--format", "text")


@SETTINGS
@given(st.sampled_from(sorted(CALENDAR_SEEDS)).flatmap(
    lambda fmt: st.tuples(st.just(fmt), mutated(CALENDAR_SEEDS[fmt]))))
def test_lint_survives_mutated_text_calendars(case: tuple[str, bytes]) -> None:
    fmt, data = case
    lint_calendar(f"plan.{fmt}", data)


@SETTINGS
@given(mutated(CALENDAR_SEEDS["csv"]), st.none() | st.integers(0, 4000))
def test_lint_survives_mutated_workbooks(cells: bytes, truncate: int | None) -> None:
    lint_calendar("plan.xlsx", workbook_of(cells, truncate))


POLICY_FILES = sorted(p.name for p in EXAMPLE.iterdir() if p.is_file())


@st.composite
def mutated_policy(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(POLICY_FILES))
    return name, draw(mutated((EXAMPLE / name).read_bytes()))


@SETTINGS
@given(mutated_policy())
def test_check_and_lint_survive_mutated_policies(case: tuple[str, bytes]) -> None:
    name, data = case
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        policy = root / "policy"
        shutil.copytree(EXAMPLE, policy, ignore=shutil.ignore_patterns("calendar"))
        (policy / name).write_bytes(data)
        plan = root / "plan.csv"
        plan.write_bytes(CALENDAR_SEEDS["csv"])
        assert_survives([policy], "check", policy, "--today", TODAY)
        assert_survives([plan, policy], "lint", plan, "--policy", policy, "--today", TODAY)
