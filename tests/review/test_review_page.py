"""The review's HTML page: one chart per figure, byte-identical runs, escaped names, no script."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from governance.cli import cli
from governance.findings import Finding, Location, Severity
from governance.loader import load_policy
from governance.report import Report
from governance.review.data import ReviewData
from governance.review.engine import ReviewOptions, review
from governance.review.figures import kpi_rows, share_rows, time_rows
from governance.review.render import html_page
from governance.review.tables_view import words

EXAMPLE = Path(__file__).resolve().parents[2] / "policies" / "example"
DATA = EXAMPLE / "review"
SECTION = re.compile(r'<section id="([a-z-]+)">(.*?)</section>', re.S)
HOSTILE = "<script>alert(1)</script>"


def page(*exports: str, lang: str = "en") -> str:
    args = ["review", "--policy", str(EXAMPLE), "--period", "2026-12", "--today", "2026-12-04",
            "--format", "html", "--lang", lang]
    for option in exports:
        args += [f"--{option}", str(DATA / f"{option}.csv")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def charts(text: str) -> dict[str, int]:
    """Section id -> the SVG charts it holds, for the sections that hold any."""
    found = {anchor: body.count("<svg") for anchor, body in SECTION.findall(text)}
    return {anchor: count for anchor, count in found.items() if count}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_each_figure_is_one_svg_chart(lang: str) -> None:
    text = page("metrics", "inbox", lang=lang)
    assert charts(text) == {"kpi-chart": 1, "share-chart": 1, "time-chart": 1}
    assert text.count("<svg") == 3
    nav = re.search(r"<nav>(.*?)</nav>", text, re.S)
    assert nav is not None and nav.group(1).count('href="#') == 7  # 3 charts, 3 tables, findings


def test_charts_are_worded_in_the_page_language() -> None:
    russian = page("metrics", "inbox", lang="ru")
    assert "Показатели по месяцам" in russian and "не выполнен" in russian
    assert "90-й процентиль" in russian and "дек" in russian  # legend and month axis
    english = page("metrics", "inbox", lang="en")
    assert "KPIs by month" in english and "90th percentile" in english and "Dec" in english


def test_the_same_inputs_give_byte_identical_pages() -> None:
    assert page("metrics", "inbox") == page("metrics", "inbox")


@pytest.mark.parametrize(("exports", "expected"), [
    ((), {}),
    (("metrics",), {"kpi-chart": 1}),
    (("inbox",), {"share-chart": 1, "time-chart": 1}),
])
def test_a_chart_without_data_is_left_out(exports: tuple[str, ...],
                                          expected: dict[str, int]) -> None:
    text = page(*exports)
    assert charts(text) == expected
    for anchor in {"kpi-chart", "share-chart", "time-chart"} - set(expected):
        assert f'id="{anchor}"' not in text and f'href="#{anchor}"' not in text


def test_the_page_runs_no_script_and_fetches_nothing() -> None:
    text = page("metrics", "inbox")
    assert "<script" not in text.lower()
    assert "default-src 'none'" in text
    assert not re.search(r'(src|href)="(https?:)?//', text)


def test_the_kpi_rows_carry_each_months_judged_target() -> None:
    result = review(ReviewOptions(str(EXAMPLE), "2026-12", metrics=[str(DATA / "metrics.csv")]))
    assert result.data is not None
    rows = [r for r in kpi_rows(result.data, words("en")) if r["kpi"] == "shop-clicks"]
    # A quarter's months: the actual to date against the pro-rata goal of that month
    # (review/README.md: 3,700 of 3,639 in October, 6,900 of 7,161 in November).
    by_month = {r["month"]: (r["actual"], r["state"]) for r in rows}
    assert by_month["2026-10-01"] == (3700, "on-track")
    assert by_month["2026-11-01"] == (6900, "at-risk")
    assert by_month["2026-12-01"] == (10950, "met")
    assert round(next(r for r in rows if r["month"] == "2026-11-01")["expected"]) == 7161


def hostile_data() -> ReviewData:
    """The example's December with a KPI and a channel named like a script."""
    result = review(ReviewOptions(str(EXAMPLE), "2026-12", metrics=[str(DATA / "metrics.csv")],
                                  inbox=[str(DATA / "inbox.csv")]))
    data = result.data
    assert data is not None
    kpi = dataclasses.replace(data.kpis[0], kpi=HOSTILE, owner=HOSTILE)
    history = tuple(dataclasses.replace(r, kpi=HOSTILE) for r in data.history[data.kpis[0].kpi])
    channel = dataclasses.replace(data.responses[2], channel=HOSTILE)
    return dataclasses.replace(data, kpis=(kpi, *data.kpis[1:]),
                               responses=(*data.responses[:2], channel),
                               history={**data.history, HOSTILE: history})


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_hostile_names_are_escaped_in_tables_and_charts(lang: str) -> None:
    data = hostile_data()
    assert any(r["kpi"] == HOSTILE for r in kpi_rows(data, words(lang)))
    assert any(r["channel"] == HOSTILE for r in share_rows(data))
    assert any(r["channel"] == HOSTILE for r in time_rows(data))
    finding_location = Location("<b>inbox.csv</b>", 3, 1)
    report = Report("review", "<i>policy</i>", [])
    report.findings.append(Finding("review.unanswered", Severity.WARNING, HOSTILE,
                                   finding_location, channel=HOSTILE))
    text = html_page(report, data, lang)
    assert "<script" not in text.lower() and "<b>" not in text and "<i>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert text.count("<svg") == 3
    svgs = "".join(re.findall(r"<svg\b.*?</svg>", text, re.S))
    assert "&lt;script&gt;" in svgs  # the chart labels name it, escaped by Vega


def test_a_policy_with_errors_gives_a_page_without_tables(tmp_path: Path) -> None:
    broken = tmp_path / "policy.yaml"
    broken.write_text("organisation: [\n", encoding="utf-8")
    result = load_policy(str(broken))
    assert result.policy is None
    text = html_page(Report("review", "x", list(result.findings)), None, "en")
    assert "<svg" not in text and "yaml.syntax" in text
