"""Inputs that once ended in exit 3 (an internal error): each class is now a clear answer."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from security_helpers import HEADER, TODAY, calendar, example_policy, run


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    return example_policy(tmp_path)


def lint(plan: Path, policy: Path) -> tuple[int, str]:
    code, out, err = run("lint", plan, "--policy", policy, "--today", TODAY)
    assert "internal error" not in err and "Traceback" not in out + err
    return code, out + err


def row(when: str) -> str:
    return f"p1,{when},vk-community,agency,Привет всем,,,engagement,smm-lead,кофе\n"


@pytest.mark.parametrize("when", ["9999-12-31T23:59-12:00", "0001-01-01T00:00+14:00",
                                  "9999-12-31", "0001-01-01", "1899-12-31T23:59Z"])
def test_extreme_times_are_a_finding_on_their_cell(tmp_path: Path, policy: Path,
                                                   when: str) -> None:
    code, out = lint(calendar(tmp_path, row(when)), policy)
    assert code == 1
    assert "is not between the years 1900 and 2999; the post is skipped (calendar.bad-date)" \
        in out


@pytest.mark.parametrize(("name", "text"), [
    ("plan.json", '[{"id": "p1", "publish_at": "9999-12-31T23:59:00-12:00", '
                  '"channel": "vk-community", "text": "hi"}]'),
    ("plan.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:p1\r\n"
                 "DTSTART:99991231T235900Z\r\nCATEGORIES:vk-community\r\nDESCRIPTION:hi\r\n"
                 "END:VEVENT\r\nEND:VCALENDAR\r\n"),
])
def test_extreme_times_in_every_format(tmp_path: Path, policy: Path, name: str,
                                       text: str) -> None:
    plan = tmp_path / name
    plan.write_text(text, encoding="utf-8")
    code, out = lint(plan, policy)
    assert code == 1 and "(calendar.bad-date)" in out


@pytest.mark.parametrize(("name", "text"), [
    ("plan.json", '[{"id": "p1", "n": ' + "9" * 5000 + "}]"),
    ("plan.json", '{"posts": [{"id": ' + "1" * 5000 + "}]}"),
    ("plan.jsonl", '{"id": "p1", "n": -' + "9" * 5000 + "}\n"),
])
def test_a_five_thousand_digit_number_is_a_syntax_error(tmp_path: Path, policy: Path,
                                                        name: str, text: str) -> None:
    plan = tmp_path / name
    plan.write_text(text, encoding="utf-8")
    code, out = lint(plan, policy)
    assert code == 1
    assert "JSON syntax: a number with too many digits (calendar.syntax)" in out


@pytest.mark.parametrize(("name", "text"), [
    ("plan.csv", ""),
    ("plan.csv", HEADER),
    ("plan.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:p1\r\nDTSTART:2026"),
    ("plan.json", "[]"),
])
def test_a_calendar_without_posts_is_exit_2(tmp_path: Path, policy: Path, name: str,
                                            text: str) -> None:
    plan = tmp_path / name
    plan.write_text(text, encoding="utf-8")
    code, out = lint(plan, policy)
    assert (code, out) == (2, f"{plan}: error: no posts in {plan} (calendar.unreadable)\n")


@pytest.mark.parametrize(("what", "fmt"), [("policy", "docx"), ("raci", "xlsx")])
def test_office_files_of_a_far_future_policy(tmp_path: Path, policy: Path, what: str,
                                             fmt: str) -> None:
    organisation = policy / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(text.replace("effective_date: 2026-09-01",
                                         "effective_date: 9999-12-31"), encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    code, _, err = run("render", what, "--policy", policy, "-o", out)
    assert code == 0, err
    assert zipfile.ZipFile(out).infolist()[0].date_time[0] == 2107


def bomb(path: Path, cells: int) -> Path:
    """A valid workbook whose sheet inflates to many times its compressed size."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "publish_at", "channel", "text"])
    for index in range(cells):
        sheet.append([f"p{index}", "2026-12-01T10:00", "vk-community", "a" * 200])
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_an_xlsx_part_over_the_limit_is_refused_before_it_is_read(
        tmp_path: Path, policy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = bomb(tmp_path / "plan.xlsx", 2000)
    with zipfile.ZipFile(plan) as archive:
        largest = max(archive.infolist(), key=lambda part: part.file_size)
    assert largest.file_size > 20 * largest.compress_size
    monkeypatch.setenv("GOVERNANCE_MAX_XLSX_PART_MB", str((largest.file_size - 1) / 1e6))
    code, out = lint(plan, policy)
    assert code == 2
    assert out == (f"{plan}: error: part {largest.filename!r} of the workbook is larger than "
                   f"{(largest.file_size - 1) / 1e6:g} MB, the limit for one part of an XLSX "
                   "workbook, decompressed; if it is right, raise the limit with "
                   "GOVERNANCE_MAX_XLSX_PART_MB=<megabytes> (calendar.unreadable)\n")
    monkeypatch.setenv("GOVERNANCE_MAX_XLSX_PART_MB", str(largest.file_size / 1e6))
    assert lint(plan, policy)[0] in (0, 1)
