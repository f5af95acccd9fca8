"""Publication dates: the accepted formats, zones, and rejection of anything else."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabic_news.corpus.dates import parse_date


def utc(*parts):
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-08-01", utc(2016, 8, 1)),
        ("2016-08-01T10:20:30Z", utc(2016, 8, 1, 10, 20, 30)),
        ("2016-08-01 10:20+03:00", utc(2016, 8, 1, 7, 20)),
        ("2016-08-01T10:20:30.5-0130", utc(2016, 8, 1, 11, 50, 30, 500000)),
        ("20160801T102030", utc(2016, 8, 1, 10, 20, 30)),
        ("2016-08-01 10:20:30 UTC", utc(2016, 8, 1, 10, 20, 30)),
        ("Mon, 26 Feb 2018 02:20:10 GMT", utc(2018, 2, 26, 2, 20, 10)),
        ("Mon, 19 Feb 2018 00:16:11 +0400", utc(2018, 2, 18, 20, 16, 11)),
        ("26 Feb 2018 02:20 -0000", utc(2018, 2, 26, 2, 20)),
        ("Mon, 26 Feb 2018", utc(2018, 2, 26)),
        ("03/04/2018", utc(2018, 4, 3)),
        ("3/4/2018 14:05", utc(2018, 4, 3, 14, 5)),
        ("03-04-2018 14:05:09 +02:00", utc(2018, 4, 3, 12, 5, 9)),
        ("03.04.2018T14:05Z", utc(2018, 4, 3, 14, 5)),
        ("2018/04/03", utc(2018, 4, 3)),
        ("  2016-08-01  ", utc(2016, 8, 1)),
    ],
)
def test_accepted_formats(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("missing", [None, "", "   ", float("nan")])
def test_missing_values_are_none(missing):
    assert parse_date(missing) is None


def test_datetime_objects_become_utc():
    plus3 = timezone(timedelta(hours=3))
    assert parse_date(datetime(2018, 1, 1, 3, tzinfo=plus3)) == utc(2018, 1, 1)
    assert parse_date(datetime(2018, 1, 1, 3)) == utc(2018, 1, 1, 3)


@pytest.mark.parametrize(
    "text", ["yesterday", "31/02/2018", "2018-13-01", "17 نوفمبر 2016", "2018", "26 Foo 2018"]
)
def test_unparseable_dates_raise_naming_the_value(text):
    with pytest.raises(ValueError, match="unparseable date") as caught:
        parse_date(text)
    assert repr(text) in str(caught.value)


moments = st.datetimes(
    min_value=datetime(1900, 1, 1), max_value=datetime(2026, 12, 31), timezones=st.just(UTC)
).map(lambda moment: moment.replace(microsecond=0))
offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)


@given(moments, offsets)
def test_iso_and_rfc2822_round_trip(moment, zone):
    local = moment.astimezone(zone)
    assert parse_date(local.isoformat()) == moment
    assert parse_date(local.strftime("%a, %d %b %Y %H:%M:%S %z")) == moment


@given(moments)
def test_day_first_numeric_round_trip(moment):
    assert parse_date(moment.strftime("%d/%m/%Y %H:%M:%S")) == moment
    assert parse_date(moment.strftime("%d/%m/%Y")) == moment.replace(hour=0, minute=0, second=0)
