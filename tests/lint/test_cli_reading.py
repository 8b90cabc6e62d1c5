"""How ``governance lint`` reads calendars: ``--channel``, ``--date-order``,
``--calendar-format``, ``calendar.default_channel``/``date_order``, and a calendar
without posts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lint_helpers import write_policy

from governance.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["lint", *args])
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def policy(tmp_path: Path) -> str:
    return str(write_policy(tmp_path, "{}\n"))


@pytest.mark.parametrize(("name", "text"), [
    ("empty.csv", ""),
    ("header.csv", "id,publish_at,channel,text\n"),
    ("plan.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
    ("plan.json", "[]"),
])
def test_a_calendar_without_posts_is_an_error_exit_2(
        tmp_path: Path, policy: str, name: str, text: str) -> None:
    path = write(tmp_path, name, text)
    code, out, err = run(path, "--policy", policy)
    assert (code, out) == (2, "")
    assert err == f"{path}: error: no posts in {path} (calendar.unreadable)\n"


def test_a_calendar_whose_rows_are_all_bad_reports_them_instead(
        tmp_path: Path, policy: str) -> None:
    path = write(tmp_path, "plan.csv", "id,publish_at,channel,text\na,someday,x-brand,Hi\n")
    code, out, _ = run(path, "--policy", policy)
    assert code == 1 and "(calendar.bad-date)" in out


def test_channel_gives_posts_without_one_their_channel(tmp_path: Path, policy: str) -> None:
    path = write(tmp_path, "plan.csv",
                 "publish_at,channel,text\n2026-03-02T10:00,,Hello\n2026-03-02T11:00,x,Hi\n")
    code, out, err = run(path, "--policy", policy, "--channel", "x-brand")
    assert (code, err) == (0, ""), out
    code, out, _ = run(path, "--policy", policy)
    assert code == 1 and "channel is empty" in out


def test_the_policy_default_channel_fills_empty_channel_cells(tmp_path: Path) -> None:
    policy = str(write_policy(tmp_path, "calendar: {default_channel: x-brand}\n"))
    path = write(tmp_path, "plan.csv", "publish_at,channel,text\n2026-03-02T10:00,,Hello\n")
    assert run(path, "--policy", policy)[0] == 0


@pytest.mark.parametrize(("args", "message"), [
    (["--channel", "nowhere"], "--channel 'nowhere': unknown channel"),
    (["--date-order", "ydm"], "'ydm' is not one of 'dmy', 'mdy', 'ymd'"),
    (["--calendar-format", "odt"], "'odt' is not one of 'csv', "),
    (["--until", "next year"], "'next year' does not match the format"),
])
def test_malformed_reading_options_are_usage_errors(
        tmp_path: Path, policy: str, args: list[str], message: str) -> None:
    path = write(tmp_path, "plan.csv", "publish_at,channel,text\n2026-03-02T10:00,x,Hi\n")
    code, _out, err = run(path, "--policy", policy, *args)
    assert code == 2 and message in err and "Traceback" not in err


def test_a_policy_default_channel_that_is_no_channel_is_named(tmp_path: Path) -> None:
    policy = str(write_policy(tmp_path, "calendar: {default_channel: nowhere}\n"))
    path = write(tmp_path, "plan.csv", "publish_at,channel,text\n2026-03-02T10:00,x,Hi\n")
    code, _, err = run(path, "--policy", policy)
    assert code == 2 and "calendar.default_channel 'nowhere'" in err


US_DATES = "12/31/2026 14:00,Happy new year\n01/02/2027 09:30,Back to work\n"


def test_date_order_from_the_rows_is_an_info_line_that_never_fails(
        tmp_path: Path, policy: str) -> None:
    path = write(tmp_path, "hootsuite.csv", US_DATES)
    code, out, _ = run(path, "--policy", policy, "--channel", "x-brand", "--fail-on", "info")
    assert code == 0, out
    assert "info: dates read as 12/31/2026 (mdy)" in out


def test_date_order_option_and_policy_setting(tmp_path: Path) -> None:
    path = write(tmp_path, "hootsuite.csv", "02/03/2026 10:00,a\n")
    policy = str(write_policy(tmp_path, "{}\n"))
    code, _, err = run(path, "--policy", policy, "--channel", "x-brand")
    assert code == 2 and "--date-order dmy|mdy|ymd" in err
    assert run(path, "--policy", policy, "--channel", "x-brand", "--date-order", "mdy")[0] == 0
    policy = str(write_policy(tmp_path, "calendar: {date_order: dmy}\n"))
    assert run(path, "--policy", policy, "--channel", "x-brand")[0] == 0


def test_a_bad_date_order_in_the_policy_is_a_check_error(tmp_path: Path) -> None:
    policy = str(write_policy(tmp_path, "calendar: {date_order: dym}\n"))
    result = CliRunner().invoke(cli, ["check", policy])
    assert result.exit_code == 1 and "date_order" in result.stdout


def test_calendar_format_forces_a_reader(tmp_path: Path, policy: str) -> None:
    path = write(tmp_path, "posts.txt", '[{"id": "a", "publish_at": "2026-03-02T10:00", '
                                         '"channel": "x-brand", "text": "Hi"}]')
    assert run(path, "--policy", policy, "--calendar-format", "json")[0] == 0


def test_calendar_findings_carry_their_window_as_data(tmp_path: Path) -> None:
    import json

    policy = str(write_policy(tmp_path, "channels:\n  - {id: x-brand, cadence: "
                                        "{max_per_day: 1, max_silence_days: 2}}\n"))
    path = write(tmp_path, "plan.csv", "id,publish_at,channel,text\n"
                 "a,2026-03-02T10:00,x-brand,One\nb,2026-03-02T12:00,x-brand,Two\n"
                 "c,2026-03-09T12:00,x-brand,Three\n")
    report = json.loads(run(path, "--policy", policy, "--format", "json")[1])
    windows = {f["rule"]: f.get("window") for f in report["findings"]}
    assert report["version"] == 1
    assert windows["cadence.max-per-day"] == {"start": "2026-03-02", "end": "2026-03-02"}
    assert windows["cadence.silence"] == {"start": "2026-03-02", "end": "2026-03-09"}


def test_until_bounds_recurring_events(tmp_path: Path, policy: str) -> None:
    import json

    path = write(tmp_path, "feed.ics", "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:tip",
        "DTSTART:20260302T100000Z", "DESCRIPTION:Weekly brew tip", "RRULE:FREQ=WEEKLY",
        "END:VEVENT", "END:VCALENDAR", ""]))
    args = ["--policy", policy, "--channel", "x-brand", "--format", "json"]
    report = json.loads(run(path, *args, "--until", "2026-03-16")[1])
    assert report["summary"]["checked"]["posts"] == 3
    report = json.loads(run(path, *args)[1])
    assert report["summary"]["checked"]["posts"] == 53  # a year of Mondays, no more
