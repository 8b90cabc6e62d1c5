"""Generate the example's quarter of exports (October–December 2026) for ``governance review``.

    python policies/example/review/generate.py [FOLDER]   # metrics.csv, inbox.csv, published.csv

writes into FOLDER, by default the directory of this script.

The numbers are made up but shaped like a real coffee chain's: daily metrics that
add up to monthly totals chosen so each month shows the findings that README.md
lists; an inbox whose response times are drawn around each channel's target;
the posts that went out, on each channel's cadence. A fixed seed makes the files
byte-identical on every run, so a change here shows up as a reviewable diff.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import random
import sys
from pathlib import Path

SEED = 20261231
HERE = Path(__file__).resolve().parent
MONTHS = ((2026, 10), (2026, 11), (2026, 12))
MSK = dt.timezone(dt.timedelta(hours=3))

#: Monthly totals (sum metrics) or monthly means (rates) per metric: (channel, metric) -> by month.
TOTALS = {
    ("vk-community", "reposts"): (260, 250, 190),
    ("tg-news", "reposts"): (170, 165, 120),
    ("vk-community", "promo-code-orders"): (1250, 1230, 1310),
    ("vk-community", "shop-clicks"): (2300, 1900, 2600),
    ("tg-news", "shop-clicks"): (1400, 1300, 1450),
    ("tg-careers", "applications"): (64, 62, 66),
}
#: The quarter before: the base of the quarter's relative shop-clicks target.
Q3_SHOP_CLICKS = {"vk-community": 5600, "tg-news": 3400}
#: Subscribers of the news channel at the end of each day grow by about this much a month.
FOLLOWERS_START, FOLLOWER_GROWTH = 8400, (900, 760, 610)
#: Monthly means of the support KPIs (percent answered, minutes to first answer).
RATES = {("tg-support", "answered-comments"): (97.0, 96.0, 91.0),
         ("tg-support", "first-response-time"): (8.0, 9.0, 13.0)}


def days(year: int, month: int) -> list[dt.date]:
    return [dt.date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]


def split(total: int, count: int, rng: random.Random) -> list[int]:
    """``total`` in ``count`` random whole parts (largest remainder, so they add up exactly)."""
    weights = [rng.uniform(0.6, 1.4) for _ in range(count)]
    shares = [total * w / sum(weights) for w in weights]
    parts = [int(s) for s in shares]
    for i in sorted(range(count), key=lambda i: parts[i] - shares[i])[: total - sum(parts)]:
        parts[i] += 1
    return parts


def metrics_rows(rng: random.Random) -> list[list[str]]:
    rows: list[list[str]] = []
    for channel, clicks in Q3_SHOP_CLICKS.items():
        q3 = [d for m in (7, 8, 9) for d in days(2026, m)]
        rows += [[d.isoformat(), channel, "shop-clicks", str(v)]
                 for d, v in zip(q3, split(clicks, len(q3), rng), strict=True)]
    level = FOLLOWERS_START
    rows.append(["2026-09-30", "tg-news", "followers", str(level)])
    for index, (year, month) in enumerate(MONTHS):
        month_days = days(year, month)
        for (channel, metric), totals in TOTALS.items():
            rows += [[d.isoformat(), channel, metric, str(v)] for d, v in
                     zip(month_days, split(totals[index], len(month_days), rng), strict=True)]
        for d, growth in zip(month_days, split(FOLLOWER_GROWTH[index], len(month_days), rng),
                             strict=True):
            level += growth
            rows.append([d.isoformat(), "tg-news", "followers", str(level)])
        for (channel, metric), means in RATES.items():
            values = [means[index] + rng.uniform(-1.5, 1.5) for _ in month_days]
            shift = means[index] - sum(values) / len(values)  # the month's mean exactly
            rows += [[d.isoformat(), channel, metric, f"{v + shift:.2f}"]
                     for d, v in zip(month_days, values, strict=True)]
    return sorted(rows, key=lambda r: (r[0], r[1], r[2]))


#: Messages a month per channel, and how many of them are answered late (after the target).
INBOX = {"vk-community": (60, (2, 2, 2)), "tg-support": (80, (3, 4, 16)),
         "tg-careers": (15, (0, 1, 0)), "x-global": (20, (0, 0, 0)), "tg-news": (10, (0, 0, 0))}
TARGETS = {"vk-community": 30, "tg-support": 10, "tg-careers": 240}
NEGATIVE = "негативное упоминание"
INBOX_HEADER = ["message_id", "channel", "received_at", "responded_at", "sentiment", "category",
                "escalated_to", "escalated_at"]


def stamp(moment: dt.datetime, rng: random.Random) -> str:
    """Half the times in UTC (as an export made abroad writes them), half in Moscow time."""
    if rng.random() < 0.5:
        return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment.astimezone(MSK).isoformat()


def inbox_rows(rng: random.Random) -> list[list[str]]:
    rows: list[list[str]] = []
    for index, (year, month) in enumerate(MONTHS):
        for channel, (count, lates) in INBOX.items():
            late = set(rng.sample(range(count), lates[index]))
            for n in range(count):
                day = rng.choice(days(year, month))
                received = dt.datetime(day.year, day.month, day.day, rng.randint(8, 21),
                                       rng.randint(0, 59), tzinfo=MSK)
                target = TARGETS.get(channel)
                minutes = (rng.uniform(5, 180) if target is None else
                           target * rng.uniform(1.3, 4) if n in late else
                           target * rng.uniform(0.2, 0.95))
                answered = received + dt.timedelta(minutes=round(minutes))
                sentiment = "negative" if n % 20 == 7 else rng.choice(["positive", "neutral"])
                rows.append([f"{channel}-{year}{month:02d}-{n + 1:03d}", channel,
                             stamp(received, rng), stamp(answered, rng), sentiment,
                             NEGATIVE if sentiment == "negative" else "", "", ""])
    rows += edge_cases()
    escalate(rows, rng)
    return sorted(rows, key=lambda r: r[0])


def edge_cases() -> list[list[str]]:
    """Rows at the month's edges, each documented in README.md."""
    return [
        # 1 December 00:30 in Moscow, still 30 November in UTC: a December message.
        ["vk-community-edge-1", "vk-community", "2026-11-30T21:30:00Z", "2026-11-30T21:50:00Z",
         "neutral", "", "", ""],
        # Received on 31 December, answered on 1 January: December's, 25 minutes.
        ["vk-community-edge-2", "vk-community", "2026-12-31T23:40:00+03:00",
         "2027-01-01T00:05:00+03:00", "positive", "", "", ""],
        # 31 December in UTC, 1 January in Moscow: not December's.
        ["vk-community-edge-3", "vk-community", "2026-12-31T21:55:00Z", "", "neutral", "", "", ""],
        # Never answered: December's unanswered message.
        ["vk-community-edge-4", "vk-community", "2026-12-12T14:05:00+03:00", "", "neutral", "",
         "", ""],
        # A threat to sue, taken by the legal counsel within the hour.
        ["tg-support-edge-5", "tg-support", "2026-11-18T11:00:00+03:00",
         "2026-11-18T11:06:00+03:00", "negative", "угроза иска или претензия", "legal-counsel",
         "2026-11-18T11:40:00+03:00"],
    ]


def escalate(rows: list[list[str]], rng: random.Random) -> None:
    """Negative mentions go to the support lead within 30 minutes, but one in December."""
    for row in rows:
        if row[5] != NEGATIVE:
            continue
        received = dt.datetime.fromisoformat(row[2])
        late = row[0] == "tg-support-202612-008"
        minutes = 45 if late else rng.randint(5, 25)
        row[6] = "support-lead"
        row[7] = stamp(received + dt.timedelta(minutes=minutes), rng)


#: Days of the week (0 = Monday) and local hour each channel publishes on.
CADENCE = {"vk-community": ((0, 1, 3, 4, 5), 12), "tg-news": ((0, 2, 4, 6), 10),
           "tg-support": ((1,), 12), "tg-careers": ((2,), 11), "x-global": ((1, 3, 5), 16)}
AUTHORS = {"vk-community": ("content-manager", "smm-lead"), "tg-news": ("content-manager", ""),
           "tg-support": ("support-lead", ""), "tg-careers": ("hr-lead", ""),
           "x-global": ("smm-manager", "")}
KINDS = {"vk-community": ("engagement", "кофе"), "tg-news": ("news", "кофе"),
         "tg-support": ("support", "сервис"), "tg-careers": ("engagement", "команда"),
         "x-global": ("news", "coffee")}
#: The investor quiet period: only support posts (content.yaml's blackout).
QUIET = (dt.date(2026, 12, 14), dt.date(2026, 12, 15))
#: December's gap on the careers channel (the recruiter on leave): longer than 7 days.
CAREERS_GAP = (dt.date(2026, 12, 8), dt.date(2026, 12, 22))
PUBLISHED_HEADER = ["id", "publish_at", "channel", "author", "text", "kind", "approved_by",
                    "topic"]
_RU_SUBJECTS = ["Эфиопии", "Кении", "Колумбии", "Бразилии", "Гватемалы", "Руанды", "Перу",
                "Никарагуа", "Бурунди", "Сальвадора", "Гондураса", "Танзании", "Уганды",
                "Коста-Рики", "Панамы", "Индонезии", "Йемена", "Боливии", "Эквадора", "Мексики"]
_RU_THINGS = ["фильтр-кофе", "эспрессо", "капучино", "флэт уайт", "кортадо", "аэропресс",
              "воронку", "кемекс", "френч-пресс", "турку", "колд брю", "раф"]
_EN_THINGS = ["filter", "espresso", "cortado", "flat white", "cold brew", "pour-over"]


def post_text(channel: str, n: int, rng: random.Random) -> str:
    origin = _RU_SUBJECTS[n % len(_RU_SUBJECTS)]
    drink = _RU_THINGS[(n * 7) % len(_RU_THINGS)]
    if channel == "x-global":
        return (f"Post {n}: this week our baristas pour a {_EN_THINGS[n % 6]} from lot "
                f"{rng.randint(100, 999)}. Tell us how you brew it at home!")
    if channel == "tg-support":
        return (f"Неделя {n}: мы на связи с 8 до 23. Напишите, если {drink} в кофейне "
                "оказался не таким, как вы ждали, — разберёмся вместе.")
    if channel == "tg-careers":
        return (f"История {n}: как наш бариста учился готовить {drink} и почему теперь "
                f"учит новичков. Лот из {origin} — его любимый.")
    return (f"Выпуск {n}: обжарили лот из {origin} номер {rng.randint(100, 999)}. "
            f"Попробуйте его как {drink} и расскажите, что почувствовали!")


def published_rows(rng: random.Random) -> list[list[str]]:
    rows: list[list[str]] = []
    counter: dict[str, int] = {}
    for year, month in MONTHS:
        for day in days(year, month):
            for channel, (weekdays, hour) in CADENCE.items():
                if day.weekday() not in weekdays or _held_back(channel, day):
                    continue
                counter[channel] = n = counter.get(channel, 0) + 1
                author, approver = AUTHORS[channel]
                kind, topic = KINDS[channel]
                rows.append([f"{channel}-{n:03d}", f"{day.isoformat()}T{hour:02d}:00", channel,
                             author, post_text(channel, n, rng), kind, approver, topic])
    return rows


def _held_back(channel: str, day: dt.date) -> bool:
    if QUIET[0] <= day <= QUIET[1] and KINDS[channel][0] != "support":
        return True
    return channel == "tg-careers" and CAREERS_GAP[0] <= day <= CAREERS_GAP[1]


def write(folder: Path, name: str, header: list[str], rows: list[list[str]]) -> None:
    with (folder / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(folder: Path = HERE) -> None:
    rng = random.Random(SEED)
    write(folder, "metrics.csv", ["date", "channel", "metric", "value"], metrics_rows(rng))
    write(folder, "inbox.csv", INBOX_HEADER, inbox_rows(rng))
    write(folder, "published.csv", PUBLISHED_HEADER, published_rows(rng))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
