"""Calendar CSVs as spreadsheets export them, good and broken."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from calendar_helpers import DATA, Writer, column_of, ids, only, read, rules, where

from governance.calendars import CalendarError
from governance.findings import Location, Severity
from governance.models.post import PostWaiver

HEADER = "id,publish_at,channel,text\n"


def test_a_full_calendar_reads_every_field() -> None:
    result = read(DATA / "good.csv", timezone="Europe/Moscow")
    assert result.format == "csv"
    assert result.findings == []
    assert ids(result) == ["p1", "p2", "row-5", "p4"]
    p1, p2, row5, p4 = result.posts
    assert p1.publish_at == datetime(2026, 3, 2, 7, 0, tzinfo=timezone.utc)
    assert (p1.channel, p1.author, p1.kind, p1.topic) == ("vk-main", "smm-manager",
                                                          "engagement", "coffee")
    assert p1.tags == ("poll",) and p1.sponsored is False
    assert p1.extra == {"campaign": "spring"}
    assert p2.text == "New roast, out today.\nTwo lines, one cell."
    assert p2.publish_at.utcoffset() == timedelta(hours=3)
    assert p2.sponsored is True
    assert p2.approved_by == ("smm-lead", "legal")
    assert p2.tags == ("roast", "new") and p2.media == ("img/roast.jpg",)
    assert p2.alt_text == "A bag of coffee" and p2.link == "https://example.com/roast"
    assert p2.waive == (PostWaiver("content.links", "launch week"),)
    assert row5.text == 'She said "hello"'
    assert row5.publish_at == datetime(2026, 3, 3, 6, 15, tzinfo=timezone.utc)
    assert p4.sponsored is True
    assert p4.waive == (PostWaiver("content.promo-ratio", "campaign"),
                        PostWaiver("tone.third-person", ""))


def test_posts_point_at_the_first_line_of_their_row() -> None:
    result = read(DATA / "good.csv")
    lines = [post.location.line for post in result.posts]
    assert lines == [2, 3, 5, 6]
    assert result.posts[0].location == Location(str(DATA / "good.csv"), 2, 1)


def test_location_keeps_the_path_as_given(write: Writer, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write("plan.csv", HEADER + "a,2026-01-05,vk,x\n")
    monkeypatch.chdir(path.parent)
    result = read("plan.csv")
    assert result.posts[0].location.file == "plan.csv"


def test_semicolons_bom_crlf_and_russian_dates() -> None:
    result = read(DATA / "semicolon_bom_crlf.csv", timezone="Europe/Moscow")
    assert result.findings == []
    r1, r2 = result.posts
    assert r1.id == "r1" and r1.text == "Hello; world" and r1.sponsored is True
    assert r1.publish_at == datetime(2026, 1, 5, 7, 0, tzinfo=timezone.utc)
    assert r2.text == "Line one\nline two" and r2.sponsored is False
    assert [p.location.line for p in result.posts] == [2, 3]


def test_tab_separated() -> None:
    result = read(DATA / "tabs.tsv")
    assert [(p.id, p.text) for p in result.posts] == [("t1", "Tabbed")]


def test_cp1251_with_cyrillic() -> None:
    result = read(DATA / "cp1251.csv")
    assert result.findings == []
    assert [p.text for p in result.posts] == ["Привет, мир! Кофе с собой.", "Ёлка, «ёж» и №5"]
    assert result.posts[0].author == "анна"


def test_cp1251_decided_after_a_long_ascii_start(write: Writer) -> None:
    rows = "".join(f"a{i},2026-01-05,vk,plain ascii text number {i}\n" for i in range(3000))
    content = (HEADER + rows).encode("ascii") + "z,2026-01-05,vk,Привет\n".encode("cp1251")
    result = read(write("late.csv", content))
    assert result.findings == []
    assert result.posts[-1].text == "Привет"
    assert len(result.posts) == 3001


def test_small_files_that_are_not_all_utf8_are_cp1251(write: Writer) -> None:
    content = (HEADER + "a,2026-01-05,vk,Привет\n").encode() + b"b,2026-01-05,vk,caf\xe9\n"
    result = read(write("mixed.csv", content))
    assert result.findings == []
    assert result.posts[1].text == "cafй"


def test_invalid_utf8_far_into_a_utf8_file_is_a_finding_on_its_line(write: Writer) -> None:
    rows = "".join(f"a{i},2026-01-05,vk,Привет {i}\n" for i in range(3000))
    content = (HEADER + rows).encode() + b"b,2026-01-05,vk,caf\xe9\n"
    result = read(write("mixed.csv", content))
    finding = only(result, "calendar.bad-encoding")
    assert where(finding) == (3002, 1)
    assert result.posts[-1].text == "caf\ufffd"


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"id,publish_at\x00\x01\x02", bytes(range(256))],
)
def test_binary_files_are_calendar_errors(write: Writer, content: bytes) -> None:
    with pytest.raises(CalendarError, match=r"binary|not text"):
        read(write("binary.csv", content))


def test_bytes_that_are_neither_utf8_nor_cp1251(write: Writer) -> None:
    # 0x98 is the one byte cp1251 leaves undefined.
    with pytest.raises(CalendarError, match="UTF-8 or cp1251"):
        read(write("odd.csv", HEADER.encode() + b"a,2026-01-05,vk,\x98\xff\n"))


def test_forced_encoding(write: Writer) -> None:
    path = write("latin.csv", (HEADER + "a,2026-01-05,vk,café\n").encode("latin-1"))
    assert read(path, encoding="latin-1").posts[0].text == "café"
    with pytest.raises(CalendarError, match="unknown encoding"):
        read(path, encoding="no-such-codec")


def test_utf16_with_bom(write: Writer) -> None:
    path = write("unicode.txt", (HEADER.replace(",", "\t") + "a\t2026-01-05\tvk\tÜber\n")
                 .encode("utf-16"))
    result = read(path)
    assert [p.text for p in result.posts] == ["Über"]


def test_old_mac_line_ends(write: Writer) -> None:
    result = read(write("mac.csv", HEADER.replace("\n", "\r") + 'a,2026-01-05,vk,"x\ry"\r'))
    assert [(p.id, p.text) for p in result.posts] == [("a", "x\ry")]


def test_multi_line_cells_keep_line_numbers(write: Writer) -> None:
    content = (HEADER + 'a,2026-01-05,vk,"one\ntwo\nthree"\n'
               "b,bad date,vk,x\n"
               'c,2026-01-05,vk,"four\r\nfive"\n'
               "d,2026-01-05,,x\n")
    result = read(write("multi.csv", content))
    assert [p.location.line for p in result.posts] == [2, 6]
    assert result.posts[1].text == "four\nfive"
    assert where(only(result, "calendar.bad-date")) == (5, 3)
    assert where(only(result, "calendar.missing-field")) == (8, 14)


def test_unterminated_quote_is_found_where_its_row_starts() -> None:
    result = read(DATA / "broken_quote.csv")
    finding = only(result, "calendar.bad-row")
    assert where(finding) == (3, 24)
    assert "never closes" in finding.message
    # The swallowed rows are read again.
    assert ids(result) == ["b1", "b3", "b4"]
    assert [p.location.line for p in result.posts] == [2, 4, 5]


def test_unterminated_quote_in_a_large_file_does_not_stop_the_reading(write: Writer) -> None:
    rows = [f"r{i},2026-01-05,vk,{'x' * 200}\n" for i in range(2000)]
    rows[10] = 'r10,2026-01-05,vk,"' + "y" * 200 + "\n"
    result = read(write("big.csv", HEADER + "".join(rows)))
    assert where(only(result, "calendar.bad-row"))[0] == 12
    assert len(result.posts) == 1999


def test_many_broken_rows_stay_linear(write: Writer) -> None:
    content = HEADER + 'a,2026-01-05,vk,"open\n' * 3000
    result = read(write("broken.csv", content))
    assert rules(result).count("calendar.bad-row") >= 100
    assert result.posts == []


def test_text_after_a_closing_quote_is_a_bad_row(write: Writer) -> None:
    content = HEADER + 'a,2026-01-05,vk,"x"y\nb,2026-01-05,vk,ok\n'
    result = read(write("quote.csv", content))
    finding = only(result, "calendar.bad-row")
    assert where(finding) == (2, 1)
    assert "quote" in finding.message
    assert ids(result) == ["b"]


def test_bad_dates_name_the_value_and_the_formats(write: Writer) -> None:
    result = read(write("dates.csv", HEADER + "a,next monday,vk,x\nb,2026-01-05,vk,ok\n"))
    finding = only(result, "calendar.bad-date")
    assert finding.severity is Severity.ERROR
    assert "'next monday'" in finding.message and "ISO 8601" in finding.message
    assert "DD.MM.YYYY" in finding.message
    assert where(finding) == (2, 3)
    assert ids(result) == ["b"]


@pytest.mark.parametrize(
    ("row", "rule", "column"),
    [
        ("a,,vk,x", "calendar.missing-field", 3),
        ("a,2026-01-05, ,x", "calendar.missing-field", 14),
        ("a,31.02.2026,vk,x", "calendar.bad-date", 3),
    ],
)
def test_rows_without_required_values_are_skipped(
    write: Writer, row: str, rule: str, column: int
) -> None:
    result = read(write("rows.csv", HEADER + row + "\n"))
    assert result.posts == []
    assert where(only(result, rule)) == (2, column)


def test_unknown_sponsored_values_are_findings_but_keep_the_post(write: Writer) -> None:
    row = "a,2026-01-05,vk,x,perhaps"
    result = read(write("sponsored.csv", f"id,publish_at,channel,text,sponsored\n{row}\n"))
    finding = only(result, "calendar.bad-value")
    assert where(finding) == (2, column_of(row, "perhaps")) and "'perhaps'" in finding.message
    assert ids(result) == ["a"] and result.posts[0].sponsored is False


def test_waivers_without_a_rule_are_findings(write: Writer) -> None:
    content = 'id,publish_at,channel,text,waive\na,2026-01-05,vk,x,"ok.rule: fine; : nothing"\n'
    result = read(write("waive.csv", content))
    assert "names no rule" in only(result, "calendar.bad-value").message
    assert result.posts[0].waive == (PostWaiver("ok.rule", "fine"),)


def test_missing_required_columns_is_one_finding_and_no_posts(write: Writer) -> None:
    result = read(write("cols.csv", "id,when,text\na,2026-01-05,x\nb,2026-01-05,y\n"))
    assert result.posts == []
    finding = only(result, "calendar.missing-column")
    assert "publish_at" in finding.message and "channel" in finding.message
    assert finding.location is not None and finding.location.line == 0


def test_default_channel_stands_in_for_a_missing_channel_column(write: Writer) -> None:
    path = write("nochannel.csv", "id,publish_at,text\na,2026-01-05,x\n")
    assert [p.channel for p in read(path, default_channel="vk-main").posts] == ["vk-main"]


def test_column_mapping_renames_before_matching(write: Writer) -> None:
    content = "Пост,Дата,Канал,Текст,Кампания\na,05.01.2026 10:00,vk,x,весна\n"
    result = read(write("mapped.csv", content), columns={
        "пост": "id", "Дата": "publish_at", "КАНАЛ": "channel", "Текст": "text"})
    assert result.findings == []
    post = result.posts[0]
    assert (post.id, post.channel, post.text) == ("a", "vk", "x")
    assert post.extra == {"кампания": "весна"}


def test_mapping_a_column_the_file_lacks_is_a_warning(write: Writer) -> None:
    result = read(write("m.csv", HEADER + "a,2026-01-05,vk,x\n"), columns={"Дата": "publish_at"})
    finding = only(result, "calendar.unknown-column")
    assert finding.severity is Severity.WARNING and "'дата'" in finding.message


def test_misspelt_columns_are_warnings_and_kept_as_extra(write: Writer) -> None:
    header = HEADER.strip() + ",Sponsorred"
    result = read(write("typo.csv", header + "\na,2026-01-05,vk,x,yes\n"))
    finding = only(result, "calendar.unknown-column")
    assert finding.severity is Severity.WARNING
    assert "did you mean 'sponsored'" in finding.message
    assert where(finding) == (1, column_of(header, "Sponsorred"))
    assert result.posts[0].extra == {"sponsorred": "yes"}


def test_headers_match_case_insensitively_and_trimmed(write: Writer) -> None:
    result = read(write("case.csv", " ID , Publish_At ,CHANNEL,Text\na,2026-01-05,vk,x\n"))
    assert result.findings == [] and ids(result) == ["a"]


def test_duplicate_columns(write: Writer) -> None:
    header = "id,publish_at,channel,text,Text"
    result = read(write("dup.csv", header + "\na,2026-01-05,vk,x,y\n"))
    assert where(only(result, "calendar.duplicate-column")) == (1, column_of(header, "Text"))
    assert result.posts[0].text == "x"


def test_duplicate_ids_point_at_the_later_row_and_name_the_first(write: Writer) -> None:
    content = HEADER + "a,2026-01-05,vk,x\nb,2026-01-05,vk,x\na,2026-01-06,vk,y\n"
    result = read(write("dups.csv", content))
    finding = only(result, "calendar.duplicate-id")
    assert where(finding) == (4, 1)
    assert "'a'" in finding.message and "line 2" in finding.message
    assert finding.post_ids == ("a",)
    assert ids(result) == ["a", "b", "a"]


def test_a_reading_whose_findings_nobody_reports_need_not_look_for_duplicate_ids(
        write: Writer) -> None:
    content = HEADER + "a,2026-01-05,vk,x\na,2026-01-06,vk,y\n"
    result = read(write("dups.csv", content), check_ids=False)
    assert rules(result) == []
    assert ids(result) == ["a", "a"]


def test_missing_ids_are_generated_from_the_line(write: Writer) -> None:
    content = HEADER + ',2026-01-05,vk,"x\ny"\n ,2026-01-05,vk,z\n'
    assert ids(read(write("noid.csv", content))) == ["row-2", "row-4"]


def test_short_rows_are_padded_and_long_rows_are_bad(write: Writer) -> None:
    long_row = "b,2026-01-05,vk,Hello, world,https://example.com"
    content = ("id,publish_at,channel,text,link\n"
               "a,2026-01-05,vk,x\n"
               f"{long_row}\n"
               "c,2026-01-05,vk,z,,,\n")
    result = read(write("widths.csv", content))
    assert ids(result) == ["a", "c"]
    finding = only(result, "calendar.bad-row")
    assert where(finding) == (3, column_of(long_row, "https")) and "6 cells" in finding.message


def test_blank_lines_and_empty_rows_are_skipped(write: Writer) -> None:
    content = "\n" + HEADER + "\n,,,\na,2026-01-05,vk,x\n\n"
    result = read(write("blank.csv", content))
    assert result.findings == []
    assert [(p.id, p.location.line) for p in result.posts] == [("a", 5)]


@pytest.mark.parametrize("content", ["", "\n\n", "\ufeff", HEADER, HEADER + "\n,,,\n"])
def test_calendars_without_a_post_are_an_error(write: Writer, content: str) -> None:
    path = write("empty.csv", content)
    with pytest.raises(CalendarError, match=f"^no posts in {re.escape(str(path))}$"):
        read(path)


def test_nul_bytes_past_the_head_do_not_crash(write: Writer) -> None:
    rows = "".join(f"a{i},2026-01-05,vk,text\n" for i in range(5000))
    content = (HEADER + rows).encode() + b"z,2026-01-05,vk,bad\x00byte\n"
    result = read(write("nul.csv", content))
    assert len(result.posts) in (5000, 5001)
