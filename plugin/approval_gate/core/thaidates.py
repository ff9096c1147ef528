"""Thai and Buddhist-Era dates: parsing what people type, and writing it back.

Accepted: YAML dates/timestamps, ISO text, 25/11/2569, 25 พ.ย. 2569,
๒๕ พฤศจิกายน ๒๕๖๙, 25 พย 69, each with or without a time and an offset.
A year >= 2400 is Buddhist Era; a two-digit year is Buddhist Era.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

BE_OFFSET = 543
MIN_YEAR, MAX_YEAR = 2000, 2199  # CE; anything else is a typo, not a publication date
# Longer text is never a date; the cap also bounds the patterns' work on what a post's author wrote.
MAX_DATE_TEXT = 64

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
TO_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

MONTHS_LONG = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
MONTHS_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _month_lookup() -> dict[str, int]:
    table: dict[str, int] = {}
    for number, (long, short, english) in enumerate(zip(MONTHS_LONG, MONTHS_SHORT, MONTHS_EN, strict=True), 1):
        table[long] = number
        table[short.replace(".", "")] = number
        table[english] = number
    return table


MONTHS = _month_lookup()


class DateError(ValueError):
    """A date value cannot be read; `code` is a catalogue key."""

    def __init__(self, code: str, value: object):
        super().__init__(f"{code}: {value!r}")
        self.code = code
        self.value = value


@dataclass(frozen=True)
class When:
    """An instant and whether it was written as a date alone."""

    at: dt.datetime  # always timezone-aware
    date_only: bool


_TIME = r"(?:[ T,]+(?:เวลา\s*)?(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2}))?(?:\.\d+)?\s*(?:น\.?)?)?"
_OFFSET = r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?"
_NUMERIC = re.compile(r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{2}|\d{4})" + _TIME + _OFFSET + "$")
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TIME + _OFFSET + "$")
_WORDS = re.compile(
    r"^(?P<d>\d{1,2})\s*(?P<mon>\D+?)\s*(?:พ\.?\s*ศ\.?\s*)?(?P<y>\d{2}|\d{4})" + _TIME + _OFFSET + "$",
    re.IGNORECASE,
)


def ce_year(year: int, *, two_digit: bool = False) -> int:
    """The Common-Era year of a year as written (BE if >= 2400 or two digits)."""
    if two_digit:
        year += 2500
    if year >= 2400:
        year -= BE_OFFSET
    return year


def _offset(text: str | None, tz: ZoneInfo) -> dt.tzinfo:
    if text is None:
        return tz
    if text == "Z":
        return dt.UTC
    text = text.replace(":", "")
    sign = -1 if text[0] == "-" else 1
    return dt.timezone(sign * dt.timedelta(hours=int(text[1:3]), minutes=int(text[3:5])))


def _build(year: int, month: int, day: int, match: re.Match[str], tz: ZoneInfo, raw: object) -> When:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError("date_year", raw)
    try:
        if match.group("h") is None:
            if match.group("tz"):
                raise DateError("date_unreadable", raw)
            return When(dt.datetime(year, month, day, tzinfo=tz), True)
        moment = dt.datetime(
            year, month, day, int(match.group("h")), int(match.group("mi")), int(match.group("s") or 0),
            tzinfo=_offset(match.group("tz"), tz),
        )  # fmt: skip
    except ValueError:
        raise DateError("date_unreadable", raw) from None
    return When(moment, False)


def parse_when(value: object, tz: ZoneInfo) -> When:
    """Read a date or date-time as people write it; naive times are in `tz`."""
    if isinstance(value, dt.datetime):
        year = ce_year(value.year)
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise DateError("date_year", value)
        try:
            moment = value.replace(year=year)
        except ValueError:  # 29 Feb of a BE leap year that is not a CE leap year
            raise DateError("date_unreadable", value) from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=tz)
        return When(moment, False)
    if isinstance(value, dt.date):
        year = ce_year(value.year)
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise DateError("date_year", value)
        try:
            return When(dt.datetime(year, value.month, value.day, tzinfo=tz), True)
        except ValueError:  # 29 Feb in a BE leap year that is not a CE leap year
            raise DateError("date_unreadable", value) from None
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_DATE_TEXT:
        raise DateError("date_unreadable", value)
    text = " ".join(value.translate(THAI_DIGITS).split())
    if match := _ISO.match(text):
        year = ce_year(int(match.group("y")))
        return _build(year, int(match.group("m")), int(match.group("d")), match, tz, value)
    if match := _NUMERIC.match(text):
        raw_year = match.group("y")
        year = ce_year(int(raw_year), two_digit=len(raw_year) == 2)
        return _build(year, int(match.group("m")), int(match.group("d")), match, tz, value)
    if match := _WORDS.match(text):
        name = re.sub(r"[.\s]", "", match.group("mon")).lower()
        month = MONTHS.get(name) or (MONTHS.get(name[:3]) if name.isascii() else None)
        if month is None:
            raise DateError("date_month", value)
        raw_year = match.group("y")
        year = ce_year(int(raw_year), two_digit=len(raw_year) == 2)
        return _build(year, month, int(match.group("d")), match, tz, value)
    raise DateError("date_unreadable", value)


@dataclass(frozen=True)
class Window:
    """The half-open publication window [start, end)."""

    start: dt.datetime
    end: dt.datetime

    def position(self, now: dt.datetime) -> str:
        """'before', 'open' or 'after' the window at `now`."""
        if now < self.start:
            return "before"
        if now < self.end:
            return "open"
        return "after"


def window_from(publish_from: When, publish_until: When, tz: ZoneInfo) -> Window:
    """A date-only `until` is inclusive: the post stays up that whole day."""
    end = publish_until.at
    if publish_until.date_only:
        day = end.date() + dt.timedelta(days=1)
        end = dt.datetime(day.year, day.month, day.day, tzinfo=tz)
    if end <= publish_from.at:
        raise DateError("window_order", (publish_from.at, end))
    return Window(publish_from.at, end)


def site_digits(text: str, thai_digits: bool) -> str:
    """`text` in the site's digit style: Thai digits (๒๕๖๙) when `thai_digits`, else as it is."""
    return text.translate(TO_THAI_DIGITS) if thai_digits else text


def thai_date(moment: dt.date, *, long: bool = False, thai_digits: bool = False, with_time: bool = False) -> str:
    """'26 พ.ย. 2569' (or long month names, Thai digits, and a time in 24h 'น.')."""
    months = MONTHS_LONG if long else MONTHS_SHORT
    text = f"{moment.day} {months[moment.month - 1]} {moment.year + BE_OFFSET}"
    if with_time and isinstance(moment, dt.datetime):
        text += f" เวลา {moment.hour:02d}.{moment.minute:02d} น."
    return site_digits(text, thai_digits)


MONTHS_EN_SHORT = tuple(name.capitalize() for name in MONTHS_EN)
MONTHS_EN_LONG = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def display_date(
    moment: dt.date, lang: str, *, long: bool = False, thai_digits: bool = False, with_time: bool = False
) -> str:
    """The one way a date is shown to people: Buddhist Era in Thai ('26 พ.ย. 2569 เวลา 17.00 น.'),
    Common Era in English ('26 Nov 2026 17:00', long: '26 November 2026'). Thai digits are Thai only.
    The month names are fixed here, never the machine's locale."""
    if lang == "th":
        return thai_date(moment, long=long, thai_digits=thai_digits, with_time=with_time)
    months = MONTHS_EN_LONG if long else MONTHS_EN_SHORT
    text = f"{moment.day} {months[moment.month - 1]} {moment.year}"
    if with_time and isinstance(moment, dt.datetime):
        text += f" {moment.hour:02d}:{moment.minute:02d}"
    return text
