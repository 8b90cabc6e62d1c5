"""Each review rule: documented like every rule, with a failing and a passing case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from governance.cli import cli
from governance.review.rules import MODULES

EXAMPLE = Path(__file__).resolve().parents[2] / "policies" / "example"
METRICS = "date,channel,metric,value\n"
INBOX = ("message_id,channel,received_at,responded_at,sentiment,category,escalated_to,"
         "escalated_at\n")
NEGATIVE = "негативное упоминание"

#: rule -> (metrics rows, inbox rows) that make it fire, and that keep it quiet.
CASES = {
    "review.kpi-missed": (("2026-12-03,vk-community,reposts,310",), ()),
    "review.kpi-at-risk": (("2026-07-03,vk-community,shop-clicks,6000",
                            "2026-10-03,vk-community,shop-clicks,3000"), ()),
    "review.kpi-no-data": ((), ()),
    "review.response-sla": ((), ("m1,tg-support,2026-12-03 10:00,2026-12-03 10:25,,,,",)),
    "review.unanswered": ((), ("m1,vk-community,2026-12-03 10:00,,,,,",)),
    "review.escalation-late": ((), (f"m1,vk-community,2026-12-03 10:00,2026-12-03 10:05,"
                                     f"negative,{NEGATIVE},support-lead,2026-12-03 11:00",)),
}
PASSING = {
    "review.kpi-missed": (("2026-12-03,vk-community,reposts,420",), ()),
    "review.kpi-at-risk": (("2026-07-03,vk-community,shop-clicks,6000",
                            "2026-10-03,vk-community,shop-clicks,6000"), ()),
    "review.kpi-no-data": (("2026-12-03,tg-careers,applications,70",), ()),
    "review.response-sla": ((), ("m1,tg-support,2026-12-03 10:00,2026-12-03 10:05,,,,",)),
    "review.unanswered": ((), ("m1,vk-community,2026-12-03 10:00,2026-12-05 10:00,,,,",)),
    "review.escalation-late": ((), (f"m1,vk-community,2026-12-03 10:00,2026-12-03 10:05,"
                                     f"negative,{NEGATIVE},support-lead,2026-12-03 10:20",)),
}


def findings(tmp_path: Path, period: str, metrics: tuple[str, ...],
             inbox: tuple[str, ...]) -> list[dict]:  # type: ignore[type-arg]
    (tmp_path / "m.csv").write_text(METRICS + "\n".join(metrics) + "\n", encoding="utf-8")
    (tmp_path / "i.csv").write_text(INBOX + "\n".join(inbox) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["review", "--policy", str(EXAMPLE), "--period", period,
                                      "--metrics", str(tmp_path / "m.csv"),
                                      "--inbox", str(tmp_path / "i.csv"), "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("rule", sorted(CASES))
def test_failing_and_passing_case(tmp_path: Path, rule: str) -> None:
    period = "2026-11" if rule == "review.kpi-at-risk" else "2026-12"
    kpi = {"review.kpi-missed": "reposts", "review.kpi-at-risk": "shop-clicks",
           "review.kpi-no-data": "applications"}.get(rule)

    def fired(found: list[dict]) -> bool:  # type: ignore[type-arg]
        return any(f["rule"] == rule and (kpi is None or f" {kpi}" in f["message"])
                   for f in found)

    assert fired(findings(tmp_path, period, *CASES[rule]))
    assert not fired(findings(tmp_path, period, *PASSING[rule]))


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.ID)
def test_each_rule_documents_itself(module: object) -> None:
    doc = module.__doc__ or ""
    assert module.ID.startswith("review.")  # type: ignore[attr-defined]
    assert module.SUMMARY.endswith(".")  # type: ignore[attr-defined]
    assert "Failing" in doc and "Passing" in doc
