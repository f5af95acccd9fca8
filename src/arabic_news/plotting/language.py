"""One language for all the text of a chart: axis labels, dates, "week of", legends.

A chart whose title and tick labels are Arabic but whose axis labels and month names are
English makes a reader switch direction and script mid-glance. Every chart helper takes
``language`` ("ar" or "en"); :func:`set_chart_language` (or ``use_arabic_style(language=)``)
sets the default, which is Arabic.

Month names are written without the system locale (a locale may be missing, and would
make figures differ between machines). Arabic uses the names of the Egyptian and Gulf system,
يناير … ديسمبر, the most widespread in pan-Arab news; the Levantine (كانون الثاني …) and
Maghrebi (جانفي …) systems name the same months differently, and :mod:`arabic_news.dates`
reads all three. Digits are Western (0-9), as most Arabic news sites print them.
"""

from __future__ import annotations

import datetime as dt

LANGUAGES = ("ar", "en")

MONTHS = {
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
           "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
# Monday first, as datetime.weekday() counts.
WEEKDAYS = {
    "ar": ["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}

#: Chart furniture given in English by callers, and its Arabic. A label that is not a key here
#: is drawn as given.
WORDS = {
    "occurrences": "عدد المرات",
    "articles": "عدد المقالات",
    "per 10,000 terms": "لكل 10,000 كلمة",
    "week of": "أسبوع",
    "unknown": "غير معروف",
    "(unknown)": "غير معروف",
    "count": "العدد",
    "date": "التاريخ",
    "cosine similarity": "تشابه جيب التمام",
    "mentions": "الإشارات",
    "other ({n})": "أخرى ({n})",
    "relative mentions, one point per article": "إشارات نسبية (أمس، اليوم…): نقطة لكل مقال",
}

_default = {"language": "ar"}


def check_language(language: str | None) -> str:
    """``language``, or the default when None; a clear error for anything else."""
    if language is None:
        return _default["language"]
    if language not in LANGUAGES:
        raise ValueError(f"language must be 'ar' (Arabic) or 'en' (English), got {language!r}")
    return language


def set_chart_language(language: str) -> None:
    """Set the language of chart furniture for every later chart ("ar" or "en")."""
    _default["language"] = check_language(language)


def chart_language() -> str:
    """The current default language of chart furniture."""
    return _default["language"]


def word(text: str, language: str | None = None) -> str:
    """``text`` (an English furniture phrase such as "occurrences") in the chart language."""
    language = check_language(language)
    if language == "ar":
        return WORDS.get(text, text)
    return "unknown" if text == "(unknown)" else text


def chart_word(text: str) -> str:
    """``text`` (an English furniture phrase) in the current chart language."""
    return word(text)


def format_date(value: dt.date, granularity: str = "day", language: str | None = None,
                weekday: bool = False) -> str:
    """A date at its granularity in words: «17 نوفمبر 2016», «أسبوع 14 نوفمبر 2016»,
    «نوفمبر 2016», «2016» (or the English). ``weekday`` adds the day's name to a day."""
    language = check_language(language)
    month = MONTHS[language][value.month - 1]
    if granularity == "year":
        return f"{value.year}"
    if granularity == "month":
        return f"{month} {value.year}"
    day = f"{value.day} {month} {value.year}"
    if granularity == "week":
        return f"{word('week of', language)} {day}"
    if granularity != "day":
        raise ValueError(f"granularity must be day, week, month or year, got {granularity!r}")
    if weekday:
        return f"{WEEKDAYS[language][value.weekday()]} {day}"
    return day
