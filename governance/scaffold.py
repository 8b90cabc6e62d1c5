"""What ``governance init`` writes: a policy repository, as relative path -> bytes.

The policy files come from templates (``templates/init/``) that only lay out;
every value is chosen here and passes through the ``yaml`` filter, which writes
it as a quoted YAML scalar, so a company name with a colon or a quote cannot
change the structure. The calendar template has the default columns and one
example post that the policy accepts.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zoneinfo
from dataclasses import dataclass
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from governance import __version__
from governance.errors import UsageError
from governance.models.common import Network
from governance.models.post import DEFAULT_COLUMNS
from governance.render.zipfix import stable_zip, zip_stamp
from governance.resources import data_dir

LANGUAGES = ("en", "ru")
DEFAULT_NETWORKS = {"en": ("linkedin", "x"), "ru": ("vk", "telegram")}
DEFAULT_TIMEZONE = {"en": "UTC", "ru": "Europe/Moscow"}
HOOKS_REPO = "https://example.org/your-mirror/governance"
POLICY_FILES = ("organisation", "goals", "roles", "channels", "workflow", "content")

#: The words the policy says to staff, per language; the structure is the same.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "goal_statement": "More people know us and follow us",
        "ceo": "Chief executive", "marketing_lead": "Head of marketing",
        "smm_lead": "Head of social media", "smm_manager": "Social media manager",
        "set_goals": "Set goals and agree KPIs", "change_goals": "Change goals and KPIs",
        "review_pages": "Review the pages with feedback to the team",
        "resolve_conflicts": "Decide disputes between departments",
        "create_content": "Create content", "approve_content": "Approve content",
        "respond": "Answer comments and messages",
        "negative": "Negative mention or complaint",
        "negative_unresolved": "Unresolved negative mention",
        "voice": "Friendly, not official: we write as \"we\" and talk to each reader personally.",
        "example_post": "Hello! We are starting our account here: what would you like us "
                        "to write about?",
        "test_name": "a promotion needs an approval by someone other than its author",
        "promo_post": "This week only: a second coffee for half the price!",
    },
    "ru": {
        "goal_statement": "Больше людей знают нас и читают нас",
        "ceo": "Генеральный директор", "marketing_lead": "Директор по маркетингу",
        "smm_lead": "Руководитель SMM", "smm_manager": "SMM-менеджер",
        "set_goals": "Ставить цели и согласовывать KPI", "change_goals": "Менять цели и KPI",
        "review_pages": "Смотреть страницы и давать команде обратную связь",
        "resolve_conflicts": "Решать споры между отделами",
        "create_content": "Создавать контент", "approve_content": "Согласовывать контент",
        "respond": "Отвечать на комментарии и сообщения",
        "negative": "Негативное упоминание или жалоба",
        "negative_unresolved": "Нерешённое негативное упоминание",
        "voice": "Дружелюбно, не официально: пишем «мы» и обращаемся к читателю лично.",
        "example_post": "Привет! Мы начинаем вести здесь наш аккаунт: о чём вам было бы "
                        "интересно читать?",
        "test_name": "акцию согласует не её автор",
        "promo_post": "Только на этой неделе: второй кофе за полцены!",
    },
}

#: Packs by what they are for: limits always, disclosure by the audience's language.
PACKS = {
    "network-limits": "hard limits of each network (length, hashtags)",
    "ftc-disclosure": "\"#ad\" near the start of sponsored posts",
    "ru-advertising": "«Реклама», the advertiser and an erid on advertising (38-FZ art. 18.1)",
}
PACKS_BY_LANGUAGE = {"en": ("network-limits", "ftc-disclosure"),
                     "ru": ("network-limits", "ru-advertising")}


@dataclass(frozen=True)
class InitOptions:
    name: str
    language: str
    networks: tuple[str, ...]
    timezone: str
    today: dt.date


def validate(options: InitOptions) -> InitOptions:
    """The options, checked; ``UsageError`` names the first that cannot be used."""
    if not options.name.strip():
        raise UsageError("--name: the organisation's name is empty")
    if options.language not in LANGUAGES:
        raise UsageError(f"--language {options.language!r}: expected one of {', '.join(LANGUAGES)}")
    known = {n.value for n in Network}
    unknown = [n for n in options.networks if n not in known]
    if unknown or not options.networks:
        what = f"unknown network {unknown[0]!r}" if unknown else "no network given"
        raise UsageError(f"--networks: {what} (known: {', '.join(sorted(known))})")
    try:
        zoneinfo.ZoneInfo(options.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"--timezone {options.timezone!r}: not an IANA timezone "
                         "such as Europe/Berlin") from None
    return options


def parse_networks(value: str) -> tuple[str, ...]:
    names = [n.strip().lower() for n in value.split(",") if n.strip()]
    return tuple(dict.fromkeys(names))


def files(options: InitOptions) -> dict[str, bytes]:
    """Every file of the new repository, relative path -> contents, in a stable order."""
    context = _context(options)
    env = _environment()
    out = {f"policy/{name}.yaml": env.get_template(f"policy/{name}.yaml.j2").render(context)
           for name in POLICY_FILES}
    out["policy/tests/promotions.yaml"] = env.get_template("policy/tests.yaml.j2").render(context)
    out[".pre-commit-config.yaml"] = env.get_template("pre-commit-config.yaml.j2").render(context)
    out[".github/workflows/governance.yml"] = env.get_template("workflow.yml.j2").render(context)
    encoded = {path: text.encode("utf-8") for path, text in out.items()}
    header, row = calendar_row(options, context["channel"])
    encoded["calendars/calendar.csv"] = _csv(header, row)
    encoded["calendars/calendar.xlsx"] = _xlsx(header, row, options.today)
    return encoded


def _context(options: InitOptions) -> dict[str, Any]:
    handle = _handle(options.name)
    return {
        "name": options.name.strip(),
        "language": options.language,
        "timezone": options.timezone,
        "effective_date": options.today.isoformat(),
        "t": WORDS[options.language],
        "packs": [{"name": p, "why": PACKS[p]} for p in PACKS_BY_LANGUAGE[options.language]],
        "channels": [{"id": f"{n}-main", "network": n, "handle": handle}
                     for n in options.networks],
        "channel": f"{options.networks[0]}-main",
        "example_time": f"{_first_working_day(options.today).isoformat()}T10:00",
        "hooks_repo": HOOKS_REPO,
        "version": __version__,
    }


def _handle(name: str) -> str:
    """A placeholder account handle from the name: ASCII letters and digits, else 'our-account'."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "our-account"


def calendar_row(options: InitOptions, channel: str) -> tuple[list[str], list[str]]:
    """The default columns and one example post, on the first working day after today.

    ``approved_by`` is there too, though empty: without the column the approval
    rule could not run on the calendar (``calendar.rule-skipped``).
    """
    day = _first_working_day(options.today)
    values = {"id": "post-1", "publish_at": f"{day.isoformat()}T10:00", "channel": channel,
              "author": "smm-manager", "text": WORDS[options.language]["example_post"],
              "link": "", "sponsored": "false", "kind": "engagement", "approved_by": ""}
    columns = [*DEFAULT_COLUMNS, "approved_by"]
    return columns, [values[c] for c in columns]


def _first_working_day(today: dt.date) -> dt.date:
    day = today + dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _csv(header: list[str], row: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([header, row])
    return buffer.getvalue().encode("utf-8")


def _xlsx(header: list[str], row: list[str], today: dt.date) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Calendar"
    sheet.append(header)
    sheet.append(row)
    for cell in sheet[2]:
        cell.data_type = "s"  # text stays text: openpyxl would store "=..." as a formula
    for column, width in zip("ABCDEFGH", (10, 18, 16, 14, 60, 24, 10, 12), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    stamp = zip_stamp(today)
    workbook.properties.created = workbook.properties.modified = stamp
    buffer = io.BytesIO()
    # ExcelWriter rather than Workbook.save: save() overwrites 'modified' with the clock.
    ExcelWriter(workbook, ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True)).save()
    return stable_zip(buffer.getvalue(), stamp)


def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(data_dir("templates") / "init")),
        undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)
    # A JSON string is a double-quoted YAML scalar: any text, no structure.
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env
