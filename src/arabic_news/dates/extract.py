"""``extract_dates``: find and resolve every date expression in one text."""

from dataclasses import dataclass, replace
from datetime import date

from .folding import fold
from .interpret import INTERPRETERS, OUTSIDE_CALENDAR, Context
from .patterns import DATE_PATTERN
from .resolve import coerce_published

GRANULARITIES = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression found in a text.

    ``start``/``end`` index the original text (``text == original[start:end]``).
    ``value`` is the day, or the first day of the week (Monday), month or year named; for
    Hijri months and years it is the Gregorian day on which that month or year begins.
    ``value`` is None for a relative expression when no publication day was given.
    ``relative`` is True when the value depends on the publication day (أمس, الشهر الماضي,
    17 نوفمبر without a year). ``flag`` explains a doubt or a contradiction in the text (a
    weekday that does not match the date given with it, two month names or a Hijri and a
    Gregorian date given as one day that disagree, a Hijri year outside the Umm al-Qura
    tables), else None. ``calendar`` is "hijri" when the text gives a Hijri date: a Hijri
    month name, a year marked هـ, or a numeric date or year that a reader takes as Hijri
    (``12/10/1436`` in an article of 2015; the rule is
    :func:`arabic_news.dates.resolve.reads_as_hijri`); else "gregorian".
    """

    start: int
    end: int
    text: str
    value: date | None
    granularity: str
    relative: bool
    flag: str | None = None
    calendar: str = "gregorian"


def extract_dates(text: str, published: object = None) -> list[DateMention]:
    """Every date expression in ``text``, in text order, resolved against ``published``.

    ``published`` (date, datetime, pandas Timestamp, ISO string or None) is the day the
    text appeared; relative expressions (اليوم الإثنين, يوم السبت الماضي, منذ ثلاثة أيام,
    نوفمبر) are resolved against it. Without it they are still returned, with
    ``value=None`` and ``relative=True``, so a caller can count or inspect them.
    A weekday before a date (يوم السبت الموافق 31/12/2016, الثلاثاء، 17 نوفمبر) belongs to
    that date's mention and is checked against it. Matching tolerates diacritics, tatweel,
    hamza and ى/ي/ة variants, Arabic-Indic digits and attached و/ف/ب/ل/ك; offsets always
    refer to the text as given.

    A relative expression whose value would fall outside the calendar of Python's ``date``
    (years 1 to 9999: أمس for a text published 0001-01-01) is returned unresolved,
    ``value=None``, with a ``flag`` saying so, rather than raising.
    """
    ref = coerce_published(published)
    folded = fold(text)
    context = Context(folded, ref)
    unresolved = Context(folded, None)
    mentions: list[DateMention] = []
    for match in DATE_PATTERN.finditer(folded.folded):
        kind = match.lastgroup[2:]
        try:
            found_here = INTERPRETERS[kind](match, context)
        except (OverflowError, ValueError):  # date arithmetic beyond year 1 or 9999
            found_here = [
                replace(found, flag=OUTSIDE_CALENDAR) if found.value is None else found
                for found in INTERPRETERS[kind](match, unresolved)
            ]
        for found in found_here:
            start, end = folded.span(found.start, found.end)
            mentions.append(DateMention(
                start, end, text[start:end], found.value, found.granularity, found.relative,
                found.flag, found.calendar,
            ))
    return mentions
