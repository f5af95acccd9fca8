"""Calendar arithmetic: place relative expressions against the publication day.

Conventions (documented once, used everywhere):
- a week starts on Monday (ISO 8601, as pandas' ``to_period("W")``);
- a day + month without a year takes the year that puts it nearest to the publication day
  (``الماضي`` forces the past, ``المقبل`` the future, ``الجاري`` the publication year);
- a month alone takes the nearest such month (ties go to the past), with the same markers;
- a bare weekday is the latest such day on or before publication (news reports what
  happened), unless the clause signals the future, then the next one on or after it.
"""

from datetime import date, datetime, timedelta

import pandas as pd
from hijridate import Hijri


def coerce_published(published: object) -> date | None:
    """The publication day as a ``date``; None for None/NaT.

    Accepts ``date``, ``datetime`` (aware ones are taken in their own zone, so a UTC column
    gives the UTC day), pandas ``Timestamp`` or an ISO 8601 string.
    """
    if published is None or published is pd.NaT:
        return None
    if isinstance(published, pd.Timestamp | datetime):
        return published.date()
    if isinstance(published, date):
        return published
    if isinstance(published, str):
        try:
            return datetime.fromisoformat(published.strip()).date()
        except ValueError:
            raise ValueError(
                f"published={published!r} is not an ISO date; pass e.g. '2016-11-18' "
                "or a datetime.date"
            ) from None
    try:
        if pd.isna(published):
            return None
    except (TypeError, ValueError):
        pass
    raise TypeError(
        "published must be a date, datetime, pandas Timestamp, ISO string or None, "
        f"got {type(published).__name__}"
    )


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)``, or None when no such day exists (31 April)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def week_start(day: date) -> date:
    """Monday of the ISO week holding ``day``."""
    return day - timedelta(days=day.weekday())


def add_months(day: date, months: int) -> date:
    """First day of the month ``months`` after (or before) the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def shift(ref: date, count: int, unit: str) -> date:
    """``ref`` moved by ``count`` units, truncated to the unit's first day."""
    if unit == "day":
        return ref + timedelta(days=count)
    if unit == "week":
        return week_start(ref + timedelta(weeks=count))
    if unit == "month":
        return add_months(ref, count)
    if unit == "year":
        return date(ref.year + count, 1, 1)
    raise ValueError(f"unknown unit {unit!r}; expected day, week, month or year")


def _pick(candidates: list[date], ref: date, direction: int | None) -> date | None:
    """The candidate nearest ``ref`` within the allowed direction (ties -> earlier)."""
    if direction == -1:
        candidates = [c for c in candidates if c < ref]
    elif direction == 1:
        candidates = [c for c in candidates if c > ref]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (abs((c - ref).days), c))


def day_month_year(day: int, month: int, ref: date, direction: int | None) -> date | None:
    """Year for ``day``/``month`` given ``ref`` (see module docstring); None if impossible."""
    if direction == 0:
        return safe_date(ref.year, month, day)
    years = range(ref.year - 1, ref.year + 2)
    candidates = [d for y in years if (d := safe_date(y, month, day)) is not None]
    return _pick(candidates, ref, direction)


def month_year(month: int, ref: date, direction: int | None) -> date:
    """First day of the ``month`` nearest ``ref`` in the allowed direction."""
    if direction == 0:
        return date(ref.year, month, 1)
    now = ref.year * 12 + ref.month - 1
    offsets = [y * 12 + month - 1 - now for y in range(ref.year - 1, ref.year + 2)]
    if direction is not None:
        offsets = [o for o in offsets if o * direction > 0]
    # Counted in months, not days, so that six months back and six ahead tie (-> the past).
    best = min(offsets, key=lambda o: (abs(o), o))
    return add_months(ref, best)


def weekday_date(weekday: int, ref: date, direction: int | None, future: bool = False) -> date:
    """The ``weekday`` (Monday = 0) relative to ``ref``.

    direction -1: strictly before; 1: strictly after; 0: nearest (within 3 days);
    None: on or before ``ref``, or on or after it when ``future``.
    """
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if direction == -1:
        return ref - timedelta(days=back or 7)
    if direction == 1:
        return ref + timedelta(days=ahead or 7)
    if direction == 0:
        return ref - timedelta(days=back) if back <= 3 else ref + timedelta(days=ahead)
    return ref + timedelta(days=ahead) if future else ref - timedelta(days=back)


def hijri_to_gregorian(year: int, month: int, day: int = 1) -> date | None:
    """Gregorian day of a Hijri (Umm al-Qura) date; None outside the supported range."""
    try:
        day = Hijri(year, month, day).to_gregorian()
        return date(day.year, day.month, day.day)
    except (ValueError, OverflowError):
        return None
