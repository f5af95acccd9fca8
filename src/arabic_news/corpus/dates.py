"""Parse publication dates written in the handful of formats news corpora use.

Accepted: ISO 8601 (``2016-08-01``, ``2016-08-01T10:00:00Z``, ``20160801T1000+0300``, ...),
RFC 2822 (``Mon, 26 Feb 2018 02:20:10 GMT``, also without weekday or time),
``DD/MM/YYYY`` (also with ``-`` or ``.``; day first, as Arabic and European outlets write it)
and ``YYYY/MM/DD``, each with or without a time and a zone. A value without a zone is taken
as UTC: the corpus gives no better clue, and one fixed rule keeps results reproducible.

Dates outside 1800-01-01 .. the last day of next year (UTC) are refused with an error, like
unparseable ones: no news corpus holds them, so they are placeholders (``0001-01-01``,
``9999-12-31``) or data errors, and letting them through would stretch every timeline over
millennia and overflow date arithmetic downstream. Refusing (rather than flagging in a
column) keeps ``published`` trustworthy for every analysis; ``on_error="skip"`` leaves such
documents out and lists them.

The rules are explicit rather than delegated to a guessing parser (``dateutil``,
``dateparser``) because ``03/04/2018`` must always mean 3 April, and a value that fits no rule
must be reported, not silently read as something else.
"""

import email.utils
import re
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache

import pandas as pd

_ZONE = r"(?P<zone>Z|UTC|GMT|UT|[+-]\d{2}:?\d{2})?"
_TIME = r"(?:[ T](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?)?"
_NUMERIC_FORMATS = (
    re.compile(rf"(?P<day>\d{{1,2}})([/.-])(?P<month>\d{{1,2}})\2(?P<year>\d{{4}}){_TIME}\s*{_ZONE}"),
    re.compile(rf"(?P<year>\d{{4}})/(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}}){_TIME}\s*{_ZONE}"),
)
_RFC2822_DATE_ONLY = re.compile(
    r"(?:[A-Za-z]{3},\s*)?(?P<day>\d{1,2}) (?P<month>[A-Za-z]{3}) (?P<year>\d{4})"
)
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
)}
_ISO_ZONE_WORD = re.compile(r"\s*(?:UTC|GMT)$")


#: Earliest publication date accepted.
EARLIEST = datetime(1800, 1, 1, tzinfo=UTC)


def latest() -> datetime:
    """Latest publication date accepted: the last moment of next year (UTC)."""
    return datetime(datetime.now(UTC).year + 1, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)


def parse_date(value: object) -> datetime | None:
    """Return ``value`` as an aware UTC datetime, or None when it is empty or missing.

    Raises ValueError naming the value when it fits none of the accepted formats or lies
    outside :data:`EARLIEST` .. :func:`latest`; callers add the file and row.
    """
    if is_missing(value):
        return None
    if isinstance(value, datetime):
        try:
            moment = _as_utc(value)
        except OverflowError:
            raise _out_of_range(str(value)) from None
        return _check_range(moment, str(value))
    text = str(value).strip()
    if not text:
        return None
    return _check_range(_parse_text(text), text)


def _check_range(moment: datetime, shown: str) -> datetime:
    if not EARLIEST <= moment <= latest():
        raise _out_of_range(shown)
    return moment


def _out_of_range(shown: str) -> ValueError:
    return ValueError(
        f"publication date {shown!r} is outside the accepted range {EARLIEST.date()} .. "
        f"{latest().date()}: fix or remove the date"
    )


def is_missing(value: object) -> bool:
    """True for None and the missing-value markers of pandas and numpy (NaN, NaT, NA)."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


@lru_cache(maxsize=65536)
def _parse_text(text: str) -> datetime:
    for parser in (_parse_iso, _parse_numeric, _parse_rfc2822):
        try:
            parsed = parser(text)
            if parsed is not None:
                return _as_utc(parsed)
        except OverflowError:  # a zone shift past year 1 or 9999
            raise _out_of_range(text) from None
    raise ValueError(
        f"unparseable date {text!r}: expected ISO 8601 (YYYY-MM-DD[THH:MM[:SS]][zone]), "
        "RFC 2822 (Mon, 26 Feb 2018 02:20:10 GMT) or DD/MM/YYYY [HH:MM[:SS]] [zone]"
    )


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _parse_iso(text: str) -> datetime | None:
    if not text[:4].isdigit():
        return None
    try:
        return datetime.fromisoformat(_ISO_ZONE_WORD.sub("+00:00", text))
    except ValueError:
        return None


def _parse_numeric(text: str) -> datetime | None:
    for pattern in _NUMERIC_FORMATS:
        match = pattern.fullmatch(text)
        if match:
            return _from_parts(match, int(match["month"]))
    return None


def _parse_rfc2822(text: str) -> datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    match = _RFC2822_DATE_ONLY.fullmatch(text)
    if match and match["month"].lower() in _MONTHS:
        return _from_parts(match, _MONTHS[match["month"].lower()])
    return None


def _from_parts(match: re.Match, month: int) -> datetime | None:
    parts = match.groupdict()
    try:
        return datetime(
            int(parts["year"]), month, int(parts["day"]),
            int(parts.get("hour") or 0), int(parts.get("minute") or 0),
            int(parts.get("second") or 0), tzinfo=_zone(parts.get("zone")),
        )
    except ValueError:
        return None


def _zone(zone: str | None) -> timezone | None:
    if zone is None:
        return None
    if zone in ("Z", "UTC", "GMT", "UT"):
        return UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
