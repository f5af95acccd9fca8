"""Numeric dates: a weekday linked to the date it names (issue 16) and Hijri numeric dates
read in the Umm al-Qura calendar (issue 17, item 3). Each rule is tested both ways."""

import gzip
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hijridate import Gregorian, Hijri
from hypothesis import given
from hypothesis import strategies as st

from arabic_news import extract_dates
from arabic_news.dates import resolve

WEEKDAYS_AR = ("الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")


def found(text, published=None):
    return [(m.text, m.value, m.calendar, m.flag) for m in extract_dates(text, published)]


# --- a weekday next to a numeric date is that date's weekday --------------------------------

def test_weekday_before_a_numeric_date_is_linked_to_it_not_resolved_alone():
    # Issue 16: published 2017-01-20, the weekday was resolved alone to 2017-01-14.
    text = "يوم السبت الموافق 31/12/2016"
    assert found(text, "2017-01-20") == [(text, date(2016, 12, 31), "gregorian", None)]


@pytest.mark.parametrize("wording", [
    "يوم السبت الموافق {}", "السبت الموافق لـ {}", "السبت الذي يوافق {}", "يوم السبت، {}",
    "السبت بتاريخ {}", "يوم السبت {}", "السبت المقبل الموافق {}", "الْسَّبت، الموافق {}",
])
@pytest.mark.parametrize("day", ["31/12/2016", "2016-12-31", "٣١/١٢/٢٠١٦"])
def test_common_wordings_link_the_weekday(wording, day):
    text = wording.format(day)
    (mention,) = extract_dates(f"وذلك {text} في الرياض", "2017-01-20")
    assert (mention.text, mention.value, mention.flag) == (text, date(2016, 12, 31), None)


@pytest.mark.parametrize("text", ["يوم الجمعة الموافق 31/12/2016", "الجمعة، 31/12/2016",
                                  "يوم الجمعة الموافق 31 ديسمبر 2016"])
def test_a_weekday_that_does_not_match_the_numeric_date_is_flagged(text):
    (mention,) = extract_dates(text, "2017-01-20")
    assert mention.value == date(2016, 12, 31)
    assert mention.flag == ("weekday mismatch: text says Friday, 2016-12-31 is a Saturday")


def test_a_weekday_in_another_sentence_stays_a_weekday_of_its_own():
    mentions = extract_dates("وصل يوم السبت. وفي 31/12/2016 غادر", "2017-01-20")
    assert [(m.text, m.value) for m in mentions] == [
        ("يوم السبت", date(2017, 1, 14)), ("31/12/2016", date(2016, 12, 31))]


def test_hijri_and_gregorian_dates_side_by_side():
    text = "الثلاثاء 12/10/1436هـ الموافق 28/7/2015م"
    assert found(text, "2015-07-29") == [
        ("الثلاثاء 12/10/1436هـ", date(2015, 7, 28), "hijri", None),
        ("28/7/2015م", date(2015, 7, 28), "gregorian", None),
    ]
    # The wording: Sunday, 12 Shawwal 1436 (Tuesday 2015-07-28 in Umm al-Qura) and
    # 27 July 2015 (a Monday): the text contradicts itself, and both mentions say so.
    hijri, gregorian = extract_dates("الأحد 12/10/1436هـ الموافق 27/7/2015م", "2015-07-29")
    assert (hijri.value, gregorian.value) == (date(2015, 7, 28), date(2015, 7, 27))
    assert "text says Sunday" in hijri.flag
    assert "disagree: 2015-07-28 and 2015-07-27" in hijri.flag
    assert "disagree" in gregorian.flag


# --- Hijri numeric dates ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "hijri"), [
    ("صدر في 12/10/1436", (1436, 10, 12)),
    ("صدر في 17/5/1436", (1436, 5, 17)),
    ("المولود في 1/7/1405", (1405, 7, 1)),
    ("صدر في 01-03-1419", (1419, 3, 1)),
    ("صدر في 1436/10/12", (1436, 10, 12)),
    ("صدر في 12/10/1436هـ", (1436, 10, 12)),
    ("صدر في 12/10/1436 هجرية", (1436, 10, 12)),
    ("صدر في ١٢/١٠/١٤٣٦", (1436, 10, 12)),
])
def test_numeric_hijri_dates_are_converted_from_umm_al_qura(text, hijri):
    (mention,) = extract_dates(text, "2015-08-01")
    expected = Hijri(*hijri).to_gregorian()
    assert mention.value == date(expected.year, expected.month, expected.day)
    assert (mention.calendar, mention.granularity, mention.flag) == ("hijri", "day", None)


@pytest.mark.parametrize(("text", "value"), [
    ("صدر في 17/11/2016", date(2016, 11, 17)),
    ("صدر في 2016-11-17", date(2016, 11, 17)),
    ("صدر في 27/7/2015م", date(2015, 7, 27)),
    ("اقتحم الباستيل في 14/7/1789", date(1789, 7, 14)),  # far from the Hijri years: history
    ("في 29/5/1453م سقطت", date(1453, 5, 29)),  # marked Gregorian: the mark wins
])
def test_gregorian_numeric_dates_are_untouched(text, value):
    (mention,) = extract_dates(text, "2015-08-01")
    assert (mention.value, mention.calendar) == (value, "gregorian")


@pytest.mark.parametrize(("text", "value", "calendar"), [
    ("في عام 1434", Hijri(1434, 1, 1).to_gregorian(), "hijri"),
    ("في عامي 1434 و1435", Hijri(1434, 1, 1).to_gregorian(), "hijri"),
    ("منذ 1434، تغير", Hijri(1434, 1, 1).to_gregorian(), "hijri"),
    ("في عام 1434 هـ", Hijri(1434, 1, 1).to_gregorian(), "hijri"),
    ("افتتحت عام 1869", date(1869, 1, 1), "gregorian"),
    ("سقطت عام 1453", date(1453, 1, 1), "gregorian"),  # beyond 1436 + 10: history
    ("في عام 1434م", date(1434, 1, 1), "gregorian"),
    ("في عام 2015", date(2015, 1, 1), "gregorian"),
])
def test_bare_years_read_as_a_reader_would(text, value, calendar):
    mention = extract_dates(text, "2015-08-01")[0]
    assert (mention.value, mention.calendar) == (date(value.year, value.month, value.day),
                                                 calendar)


@pytest.mark.parametrize("text", [
    "في 30/2/2015",  # no 30 February
    "في 12/13/1436",  # no month 13
    "في 31/1/1436",  # no Hijri month has 31 days
    "في 30/1/1436",  # Muharram 1436 has 29 days in Umm al-Qura
    "في 0/5/1436",
    "في 12/0/2015",
    "بالقرار رقم 6461/4/9",  # a reference number, not the year 6461
    "في 10/6/2015هـ",  # no Hijri year 2015 (it would be 2577 CE): a slip, not guessed
    "في 10 رمضان 1600 هـ",
])
def test_impossible_days_are_refused_not_guessed(text):
    assert extract_dates(text, "2015-08-01") == []


def test_a_hijri_month_of_thirty_days_has_its_thirtieth():
    assert Hijri(1436, 2, 1).month_length() == 30
    (mention,) = extract_dates("في 30/2/1436", "2015-08-01")
    assert mention.value == date(2014, 12, 22) == Hijri(1436, 2, 30).to_gregorian()


def test_without_a_publication_day_full_dates_of_the_tables_are_hijri_years_alone_are_not():
    assert found("في 12/10/1436") == [("12/10/1436", date(2015, 7, 28), "hijri", None)]
    assert found("في 12/10/1600") == [("12/10/1600", date(1600, 10, 12), "gregorian", None)]
    assert found("في عام 1436")[0][1:3] == (date(1436, 1, 1), "gregorian")


def test_years_before_the_umm_al_qura_tables_use_the_tabular_calendar_and_say_so():
    # The capture of Riyadh, 5 Shawwal 1319 AH, is dated 15 January 1902.
    (mention,) = extract_dates("في 5/10/1319هـ دخل", "2015-08-01")
    assert (mention.value, mention.calendar) == (date(1902, 1, 15), "hijri")
    assert mention.flag == resolve.TABULAR
    (named,) = extract_dates("في 5 شوال 1319 هـ دخل", "2015-08-01")
    assert (named.value, named.flag) == (date(1902, 1, 15), resolve.TABULAR)


@pytest.mark.parametrize(("with_day", "before"), [
    (True, resolve.HIJRI_YEARS_BEFORE), (False, resolve.HIJRI_YEARS_BEFORE_ALONE)])
def test_the_window_of_hijri_years_around_the_publication(with_day, before):
    published = date(2015, 8, 1)  # Hijri year 1436
    assert resolve.hijri_year(published) == 1436
    inside = (1436 - before, 1436 + resolve.HIJRI_YEARS_AFTER)
    assert all(resolve.reads_as_hijri(y, published, with_day=with_day) for y in inside)
    outside = (inside[0] - 1, inside[1] + 1, 2015, 1900)
    assert not any(resolve.reads_as_hijri(y, published, with_day=with_day) for y in outside)


@pytest.mark.parametrize(("text", "published", "calendar"), [
    ("انتشر الطاعون في أوروبا بين عامي 1347 و1351.", "2018-10-16", "gregorian"),
    ("وفي حرب المئة عام حوصرت المدينة عام 1347 طويلا", "2018-07-30", "gregorian"),
    ("ولد الشاعر في أبها عام 1396 وتخرج في جامعتها", "2015-07-25", "hijri"),
    ("لعب اللاعب مع ناديه منذ موسم 1410، ثم اعتزل", "2018-03-05", "hijri"),
    ("وصل الوفد إلى جدة عام 1383 قادما من الطائف", "2015-07-25", "hijri"),
])
def test_years_alone_history_stays_gregorian_recent_hijri_years_do_not(text, published,
                                                                        calendar):
    assert {m.calendar for m in extract_dates(text, published)} == {calendar}


def test_tabular_calendar_stays_within_two_days_of_umm_al_qura():
    for year in range(1343, 1501, 7):
        for month in (1, 6, 12):
            uq = Hijri(year, month, 1).to_gregorian()
            tabular = resolve._tabular_to_gregorian(year, month, 1)
            assert abs((tabular - date(uq.year, uq.month, uq.day)).days) <= 2, (year, month)
    assert resolve.hijri_year(date(1800, 1, 1)) == 1214  # tabular, before the tables


# --- properties --------------------------------------------------------------------------------

days = st.dates(min_value=date(1950, 1, 1), max_value=date(2070, 12, 31))


@given(day=days, distance=st.integers(-3000, 3000), weekday_said=st.booleans())
def test_any_hijri_numeric_date_near_publication_roundtrips(day, distance, weekday_said):
    hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    weekday = f"يوم {WEEKDAYS_AR[day.weekday()]} الموافق " if weekday_said else ""
    text = f"وذلك {weekday}{hijri.day}/{hijri.month}/{hijri.year} في"
    (mention,) = extract_dates(text, day + timedelta(days=distance))
    assert (mention.value, mention.calendar, mention.flag) == (day, "hijri", None)


@given(day=days, distance=st.integers(-3000, 3000))
def test_any_gregorian_numeric_date_near_publication_is_untouched(day, distance):
    text = f"وذلك يوم {WEEKDAYS_AR[day.weekday()]}، {day.day}/{day.month}/{day.year} في"
    (mention,) = extract_dates(text, day + timedelta(days=distance))
    assert (mention.value, mention.calendar, mention.flag) == (day, "gregorian", None)


# --- on a real corpus, when it is there ------------------------------------------------------

_SAUDI_NAME = "shared/corpora/saudinewsnet-8-outlets.jsonl.gz"
SAUDI = next((parent / _SAUDI_NAME for parent in Path(__file__).resolve().parents
              if (parent / _SAUDI_NAME).is_file()), None)
_NUMERIC = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}")


@pytest.mark.skipif(SAUDI is None, reason=f"{_SAUDI_NAME} is not beside the project (its "
                    "licence keeps it out of the repository): the check needs the real corpus")
def test_numeric_dates_of_a_saudi_corpus_land_near_their_articles():
    # SaudiNewsNet (CC BY-NC-SA, read in place, nothing of it kept): Hijri dates are read as
    # Hijri, and every numeric date lands between 1900 and ten years after its article.
    hijri = 0
    with gzip.open(SAUDI, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            text = article["content"] or ""
            if not _NUMERIC.search(text):
                continue
            published = date.fromisoformat(article["date_extracted"][:10])
            for mention in extract_dates(text, published):
                if mention.granularity != "day" or not _NUMERIC.search(mention.text):
                    continue
                hijri += mention.calendar == "hijri"
                assert date(1900, 1, 1) <= mention.value <= published + timedelta(days=3653), (
                    article["url"], mention.start)
    assert hijri >= 400
