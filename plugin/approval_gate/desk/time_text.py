"""How the desk writes a time: an age in whole minutes, hours and days, a moment in the site's zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from ..core.messages import message
from ..core.thaidates import display_date


def age_text(age: dt.timedelta | None, lang: str) -> str:
    """'3 ชม. 5 นาที': whole minutes, hours, days."""
    if age is None:
        return "-"
    minutes = int(age.total_seconds() // 60)
    if minutes < 60:
        return message("review_age_minutes", lang, minutes=minutes)
    if minutes < 24 * 60:
        return message("review_age_hours", lang, hours=minutes // 60, minutes=minutes % 60)
    return message("review_age_days", lang, days=minutes // (24 * 60), hours=minutes // 60 % 24)


def moment_text(
    moment: dt.datetime | None, tz: ZoneInfo, lang: str, *, with_time: bool = True, thai_digits: bool = False
) -> str:
    """Buddhist-Era dates in Thai (the site's digit style), Common-Era dates in English; in the site's zone."""
    if moment is None:
        return "-"
    return display_date(moment.astimezone(tz), lang, with_time=with_time, thai_digits=thai_digits)
