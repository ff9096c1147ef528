"""How the desk writes a time: an age in whole minutes, hours and days, a moment in the site's zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from ..core.messages import duration_text
from ..core.thaidates import display_date


def age_text(age: dt.timedelta | None, lang: str) -> str:
    """'3 ชม. 5 นาที': whole minutes, hours, days; '-' when there is none."""
    return "-" if age is None else duration_text(age, lang)


def moment_text(
    moment: dt.datetime | None, tz: ZoneInfo, lang: str, *, with_time: bool = True, thai_digits: bool = False
) -> str:
    """Buddhist-Era dates in Thai (the site's digit style), Common-Era dates in English; in the site's zone."""
    if moment is None:
        return "-"
    return display_date(moment.astimezone(tz), lang, with_time=with_time, thai_digits=thai_digits)
