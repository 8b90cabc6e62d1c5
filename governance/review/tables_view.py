"""The review's tables, as rows of plain strings in the report's language.

Computing happens here, once; the text, Markdown, JSON and HTML outputs only lay
these rows out.
"""

from __future__ import annotations

from typing import Any

from governance.review.data import ReviewData, number

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Monthly review", "kpis": "KPIs", "responses": "Responses",
        "escalations": "Escalations", "findings": "Findings", "none": "none",
        "kpi": "KPI", "owner": "owner", "period": "period", "actual": "actual",
        "target": "target", "expected": "expected to date", "status": "status",
        "trend": "trend (by month)", "channel": "channel", "response_target": "target, min",
        "received": "received", "within": "within target", "median": "median, min",
        "p90": "p90, min", "unanswered": "unanswered", "message": "message",
        "category": "category", "route": "route", "minutes": "minutes", "on_time": "on time",
        "yes": "yes", "no": "no", "where": "where", "severity": "severity", "rule": "rule",
        "met": "met", "on-track": "on track", "at-risk": "at risk", "missed": "missed",
        "no-data": "no data",
        # The HTML page: its summary and charts.
        "kpis_met": "KPIs met", "messages": "messages", "errors": "errors",
        "warnings": "warnings", "waived": "waived", "charts": "Charts",
        "chart_kpis": "KPIs by month",
        "chart_kpis_intro": "Each bar is the KPI's actual at the end of a month; the red line is "
        "the target it was judged against (pro rata to date while a quarter or year runs). "
        "Each panel has its own scale.",
        "chart_shares": "Answered within the target",
        "chart_shares_intro": "Share of the month's messages answered within the channel's "
        "response target; unanswered messages count as late. The dashed line is the "
        "{percent} % required.",
        "chart_times": "Response times",
        "chart_times_intro": "Median and 90th percentile time to the first answer, in minutes, "
        "against the channel's response target (a logarithmic scale).",
        "legend_median": "median", "legend_p90": "90th percentile",
        "legend_target": "response target",
    },
    "ru": {
        "title": "Ежемесячный обзор", "kpis": "Показатели", "responses": "Ответы",
        "escalations": "Эскалации", "findings": "Замечания", "none": "нет",
        "kpi": "Показатель", "owner": "ответственный", "period": "период",
        "actual": "факт", "target": "цель", "expected": "ожидалось к дате",
        "status": "статус", "trend": "динамика (по месяцам)", "channel": "канал",
        "response_target": "норматив, мин", "received": "получено",
        "within": "в нормативе", "median": "медиана, мин", "p90": "p90, мин",
        "unanswered": "без ответа", "message": "сообщение", "category": "категория",
        "route": "маршрут", "minutes": "минут", "on_time": "вовремя",
        "yes": "да", "no": "нет", "where": "где", "severity": "важность", "rule": "правило",
        "met": "выполнен", "on-track": "идёт по плану", "at-risk": "под угрозой",
        "missed": "не выполнен", "no-data": "нет данных",
        "kpis_met": "Показатели выполнены", "messages": "сообщений", "errors": "ошибок",
        "warnings": "предупреждений", "waived": "исключений", "charts": "Графики",
        "chart_kpis": "Показатели по месяцам",
        "chart_kpis_intro": "Столбец — факт показателя на конец месяца; красная черта — цель, "
        "с которой его сравнивали (пропорционально прошедшим дням, пока идёт квартал или "
        "год). У каждой панели своя шкала.",
        "chart_shares": "Ответы в нормативе",
        "chart_shares_intro": "Доля сообщений месяца, на которые ответили в нормативе канала; "
        "сообщения без ответа считаются просроченными. Пунктир — требуемые {percent} %.",
        "chart_times": "Время ответа",
        "chart_times_intro": "Медиана и 90-й процентиль времени до первого ответа, в минутах, "
        "против норматива канала (логарифмическая шкала).",
        "legend_median": "медиана", "legend_p90": "90-й процентиль",
        "legend_target": "норматив",
    },
}


def words(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS["en"])


def kpi_rows(data: ReviewData, w: dict[str, str]) -> list[list[str]]:
    rows = [[w["kpi"], w["owner"], w["period"], w["actual"], w["target"], w["expected"],
             w["status"], w["trend"]]]
    for r in data.kpis:
        sign = "≤" if r.decrease else "≥"
        rows.append([r.kpi, r.owner or "—", f"{r.period.start:%Y-%m-%d}…{r.period.end:%Y-%m-%d}",
                     number(r.actual), f"{sign} {number(r.goal)}",
                     number(r.expected) if not r.ended else "—", w[r.status],
                     " → ".join(number(v) for v in r.trend)])
    return rows


def response_rows(data: ReviewData, w: dict[str, str]) -> list[list[str]]:
    rows = [[w["channel"], w["response_target"], w["received"], w["within"], w["median"],
             w["p90"], w["unanswered"]]]
    for r in data.responses:
        share = r.share_within
        rows.append([r.channel, str(r.target_minutes or "—"), str(r.received),
                     f"{r.within_target} ({number(share)} %)" if share is not None else "—",
                     number(r.median_minutes), number(r.p90_minutes), str(len(r.unanswered))])
    return rows


def escalation_rows(data: ReviewData, w: dict[str, str]) -> list[list[str]]:
    rows = [[w["message"], w["channel"], w["category"], w["route"], w["minutes"], w["on_time"]]]
    for e in data.escalations:
        rows.append([e.message.id, e.message.channel, e.route.category,
                     f"{e.route.id} → {e.route.to}", number(e.minutes),
                     w["yes"] if e.on_time else w["no"]])
    return rows


def sections(data: ReviewData, language: str) -> list[tuple[str, list[list[str]]]]:
    """(title, header row + rows) of each table the review shows."""
    w = words(language)
    return [(w["kpis"], kpi_rows(data, w)), (w["responses"], response_rows(data, w)),
            (w["escalations"], escalation_rows(data, w))]


def meta(data: ReviewData) -> dict[str, Any]:
    """The measurements for the JSON report, language-neutral."""
    return {
        "kpis": [{"kpi": r.kpi, "goal": r.goal_id, "owner": r.owner or None,
                  "period": [r.period.start.isoformat(), r.period.end.isoformat()],
                  "ended": r.ended, "actual": r.actual, "target": r.goal,
                  "expected": r.expected, "status": r.status, "trend": list(r.trend)}
                 for r in data.kpis],
        "responses": [{"channel": r.channel, "target_minutes": r.target_minutes,
                       "received": r.received, "answered": r.answered,
                       "within_target": r.within_target, "share_within": r.share_within,
                       "median_minutes": r.median_minutes, "p90_minutes": r.p90_minutes,
                       "unanswered": len(r.unanswered)} for r in data.responses],
        "escalations": [{"message": e.message.id, "route": e.route.id, "to": e.route.to,
                         "minutes": e.minutes, "on_time": e.on_time} for e in data.escalations],
    }
