"""Thai and Buddhist-Era dates, and the publication window's boundaries."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from approval_gate.core.thaidates import DateError, Window, display_date, parse_when, thai_date, window_from

BKK = ZoneInfo("Asia/Bangkok")
UTC = dt.UTC


def bkk(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BKK)


@pytest.mark.parametrize(
    ("written", "at", "date_only"),
    [
        (dt.date(2569, 11, 25), bkk(2026, 11, 25), True),  # YAML date with a BE year
        (dt.date(2026, 11, 25), bkk(2026, 11, 25), True),  # YAML date with a CE year
        (dt.datetime(2569, 11, 25, 9, 30), bkk(2026, 11, 25, 9, 30), False),  # naive: site zone
        ("2569-11-25", bkk(2026, 11, 25), True),
        ("2026-11-25", bkk(2026, 11, 25), True),
        ("25/11/2569", bkk(2026, 11, 25), True),
        ("25/11/69", bkk(2026, 11, 25), True),  # two digits are BE
        ("25 พ.ย. 2569", bkk(2026, 11, 25), True),
        ("25 พย 69", bkk(2026, 11, 25), True),
        ("๒๕ พฤศจิกายน ๒๕๖๙", bkk(2026, 11, 25), True),
        ("25 พฤศจิกายน พ.ศ. 2569", bkk(2026, 11, 25), True),
        ("1 กุมภาพันธ์ 2570", bkk(2027, 2, 1), True),
        ("25 Nov 2026", bkk(2026, 11, 25), True),
        ("25/11/2569 08:30", bkk(2026, 11, 25, 8, 30), False),
        ("25 พ.ย. 2569 เวลา 08.30 น.", bkk(2026, 11, 25, 8, 30), False),
        ("๒๕/๑๑/๒๕๖๙ ๐๘:๓๐", bkk(2026, 11, 25, 8, 30), False),  # Thai digits anywhere
        ("2569-11-25T08:30:00+07:00", bkk(2026, 11, 25, 8, 30), False),
        ("2026-11-25 01:30Z", bkk(2026, 11, 25, 8, 30), False),  # an offset wins over the site zone
        ("2026-11-25T08:30", bkk(2026, 11, 25, 8, 30), False),
    ],
)
def test_accepted_forms(written: object, at: dt.datetime, date_only: bool) -> None:
    """Every accepted spelling gives the same instant in the site's zone."""
    when = parse_when(written, BKK)
    assert (at, date_only) == (when.at, when.date_only)


def test_naive_time_is_site_zone_not_machine_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's TZ is irrelevant: naive times are Asia/Bangkok."""
    monkeypatch.setenv("TZ", "UTC")
    assert dt.datetime(2026, 11, 25, 1, 30, tzinfo=UTC) == parse_when("25/11/2569 08:30", BKK).at


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("", "date_unreadable"),
        ("tomorrow", "date_unreadable"),
        ("31/02/2569", "date_unreadable"),
        ("25 ธันวา 2569", "date_month"),
        ("25/11/1969", "date_year"),
        ("2999-01-01", "date_year"),
        (dt.date(1900, 1, 1), "date_year"),
        (12, "date_unreadable"),
        ("25/11/2569 25:00", "date_unreadable"),
        ("2569-11-25+07:00", "date_unreadable"),  # an offset needs a time
    ],
)
def test_refused_forms(written: object, code: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_when(written, BKK)
    assert code == caught.value.code


def window(start: object, end: object) -> Window:
    return window_from(parse_when(start, BKK), parse_when(end, BKK), BKK)


@pytest.mark.parametrize(
    ("now", "position"),
    [
        (bkk(2026, 11, 25, 23, 59, 59), "before"),
        (bkk(2026, 11, 26), "open"),  # exactly at `from`
        (bkk(2027, 2, 28, 23, 59, 59), "open"),  # a date-only `until` is inclusive
        (bkk(2027, 3, 1), "after"),  # ... until 00:00 of the next day
        (dt.datetime(2027, 2, 28, 16, 59, 59, tzinfo=UTC), "open"),  # 23:59:59 Bangkok
        (dt.datetime(2027, 2, 28, 17, 0, 0, tzinfo=UTC), "after"),
    ],
)
def test_window_boundaries(now: dt.datetime, position: str) -> None:
    """Half-open window [from, until + 1 day) for date-only values."""
    assert position == window("2569-11-26", "2570-02-28").position(now)


def test_timed_until_is_exclusive() -> None:
    timed = window("26/11/2569 09:00", "26/11/2569 17:00")
    assert timed.position(bkk(2026, 11, 26, 16, 59, 59)) == "open"
    assert timed.position(bkk(2026, 11, 26, 17, 0)) == "after"


@pytest.mark.parametrize(("start", "end"), [("2569-11-26", "2569-11-25"), ("26/11/2569 10:00", "26/11/2569 10:00")])
def test_until_must_follow_from(start: str, end: str) -> None:
    with pytest.raises(DateError) as caught:
        window(start, end)
    assert caught.value.code == "window_order"


def test_same_day_date_only_window_is_one_day() -> None:
    one_day = window("2569-11-26", "2569-11-26")
    assert dt.timedelta(days=1) == one_day.end - one_day.start


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, "26 พ.ย. 2569"),
        ({"long": True}, "26 พฤศจิกายน 2569"),
        ({"thai_digits": True}, "๒๖ พ.ย. ๒๕๖๙"),
        ({"with_time": True}, "26 พ.ย. 2569 เวลา 09.05 น."),
    ],
)
def test_thai_date(kwargs: dict[str, bool], expected: str) -> None:
    assert expected == thai_date(bkk(2026, 11, 26, 9, 5), **kwargs)


@pytest.mark.parametrize(
    ("lang", "kwargs", "expected"),
    [
        ("th", {}, "26 พ.ย. 2569"),  # Thai: Buddhist Era
        ("th", {"long": True, "thai_digits": True}, "๒๖ พฤศจิกายน ๒๕๖๙"),
        ("th", {"with_time": True}, "26 พ.ย. 2569 เวลา 09.05 น."),
        ("en", {}, "26 Nov 2026"),  # English: Common Era
        ("en", {"long": True}, "26 November 2026"),
        ("en", {"with_time": True}, "26 Nov 2026 09:05"),
        ("en", {"thai_digits": True}, "26 Nov 2026"),  # Thai digits are for Thai text only
    ],
)
def test_display_date_is_buddhist_era_in_thai_and_common_era_in_english(
    lang: str, kwargs: dict[str, bool], expected: str
) -> None:
    assert expected == display_date(bkk(2026, 11, 26, 9, 5), lang, **kwargs)


def test_display_date_of_a_day_alone_has_no_time() -> None:
    """A date without a time is shown without one, even when a time is asked for."""
    assert ("1 Jan 2027", "1 ม.ค. 2570") == (
        display_date(dt.date(2027, 1, 1), "en", with_time=True),
        display_date(dt.date(2027, 1, 1), "th", with_time=True),
    )
