"""Turn one regex match of a given kind into zero, one or two resolved mentions.

Each ``_kind`` function takes the match and a :class:`Context` and returns a list of
:class:`Found` (offsets in the FOLDED text). Returning ``[]`` rejects the match: this is
where the guards against false positives live (names like ثورة 25 يناير, الاثنين "the
two", ambiguous month names standing alone, impossible days).
"""

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from . import lexicon as lx
from . import resolve as rs
from .folding import FoldedText

#: The flag of a relative mention whose value would lie outside ``datetime.date``'s range.
OUTSIDE_CALENDAR = "cannot be resolved: the result lies outside the calendar (years 1 to 9999)"
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_CLAUSE_END = re.compile(r"[.،؛!?؟:\n«»\"“”]")
_WORD = re.compile(r"[^\W\d_]+")
_CLITIC = re.compile(r"^[وفبلك]{1,2}(?=..)")
_FUTURE_VERB = re.compile(r"^[وف]?س[يتنا]\w{3,}$")


@dataclass(frozen=True, slots=True)
class Found:
    """A resolved mention with offsets in the folded text."""

    start: int
    end: int
    value: date | None
    granularity: str
    relative: bool
    flag: str | None = None
    calendar: str = "gregorian"


@dataclass(frozen=True, slots=True)
class Context:
    """The folded text being scanned and the publication day (None when unknown)."""

    text: FoldedText
    ref: date | None


def _key(s: str) -> str:
    return " ".join(s.split())


def _prev_word(folded: str, pos: int) -> str:
    words = folded[max(0, pos - 30):pos].split()
    return words[-1] if words else ""


def _next_word(folded: str, pos: int) -> str:
    word = _WORD.search(folded, pos, pos + 30)
    return word.group() if word else ""


def _in(word: str, table) -> bool:
    """``word`` or ``word`` without its clitics (وثورة -> ثورة) is in ``table``."""
    return word in table or _CLITIC.sub("", word) in table


def number_value(words: str) -> int:
    """Value of a number written in digits or words (ثلاثة, خمسة وعشرين, الحادي عشر)."""
    if words.isdigit():
        return int(words)
    total = 0
    for token in words.split():
        bare = token[1:] if token.startswith("و") and len(token) > 2 else token
        for table in (lx.UNIT_NUMBERS, lx.TENS_NUMBERS, lx.ORDINAL_UNITS, lx.ORDINAL_TENS):
            if token in table or bare in table:
                total += table.get(token, table.get(bare, 0))
                break
    return total


def _month_of(m: re.Match, p: str) -> tuple[int, str | None]:
    """Month number of a (possibly doubled) month name and a flag if the two disagree."""
    first = lx.MONTHS[_key(m[f"{p}m1"])]
    second = m[f"{p}m2"]
    if second is not None and lx.MONTHS[_key(second)] != first:
        return first, f"month names disagree: {m[f'{p}m1']} / {second}"
    return first, None


def _is_future(ctx: Context, pos: int) -> bool:
    """Whether the clause before ``pos`` announces the future (سوف, من المقرر, ستعقد)."""
    before = ctx.text.folded[max(0, pos - 80):pos]
    cut = max((mm.end() for mm in _CLAUSE_END.finditer(before)), default=0)
    for word in before[cut:].split()[-6:]:
        bare = _CLITIC.sub("", word)
        if word in lx.FUTURE_CUES or bare in lx.FUTURE_CUES:
            return True
        if _FUTURE_VERB.match(word) and word not in lx.NOT_FUTURE_VERBS and \
                _CLITIC.sub("", word) not in lx.NOT_FUTURE_VERBS:
            return True
    return False


def _join(*flags: str | None) -> str | None:
    kept = [f for f in flags if f]
    return "; ".join(kept) if kept else None


def _day_in_month(day: int, month: int, m: re.Match, p: str, ctx: Context) -> tuple:
    """(value, relative) of a day + month with the tail after it (year, marker)."""
    if m[f"{p}y"]:
        return rs.safe_date(int(m[f"{p}y"]), month, day), False
    if ctx.ref is None:
        return None, True
    if m[f"{p}yr"]:
        return rs.safe_date(ctx.ref.year + lx.RELATIVE_MARKERS[m[f"{p}yr"]], month, day), True
    direction = lx.RELATIVE_MARKERS[m[f"{p}r"]] if m[f"{p}r"] else None
    return rs.day_month_year(day, month, ctx.ref, direction), True


def _weekday_flag(m: re.Match, p: str, value: date) -> str | None:
    """The flag of a date whose weekday differs from the weekday the text gives with it."""
    if not m[f"{p}w"]:
        return None
    said = lx.WEEKDAYS[m[f"{p}w"]]
    if value.weekday() == said:
        return None
    return (f"weekday mismatch: text says {_WEEKDAY_NAMES[said]}, "
            f"{value.isoformat()} is a {_WEEKDAY_NAMES[value.weekday()]}")


def _numeric_day(m: re.Match, p: str, ctx: Context) -> tuple[date | None, str | None, str]:
    """(value, flag, calendar) of one numeric date; value None when no such day exists.

    The year is Hijri when the text marks it so (هـ، هجري) or, unmarked, when a reader
    would take it so (:func:`~arabic_news.dates.resolve.reads_as_hijri`); the day is then
    converted from the Umm al-Qura calendar. Day 30 of a Hijri month of 29 days, day 31, a
    month 13 or 30 February are refused, never moved to a neighbouring day; so are Gregorian
    years outside 1000-2100 and Hijri years after 1500, as the other forms do.
    """
    if m[f"{p}d"]:
        year, month, day = int(m[f"{p}y"]), int(m[f"{p}m"]), int(m[f"{p}d"])
    else:
        year, month, day = int(m[f"{p}Y"]), int(m[f"{p}M"]), int(m[f"{p}D"])
    era = m[f"{p}era"]
    if era.startswith("ه") if era else rs.reads_as_hijri(year, ctx.ref, with_day=True):
        value, flag = rs.hijri_day(year, month, day)
        return value, flag, "hijri"
    if not 1000 <= year <= 2100:  # a reference number such as رقم 6461/4/9
        return None, None, "gregorian"
    return rs.safe_date(year, month, day), None, "gregorian"


def _numeric(m: re.Match, ctx: Context) -> list[Found]:
    first, first_flag, first_calendar = _numeric_day(m, "n_", ctx)
    found = []
    if first is not None:
        first_flag = _join(first_flag, _weekday_flag(m, "n_", first))
        found.append(Found(m.start("k_numeric"), m.end("n_first"), first, "day", False,
                           first_flag, first_calendar))
    if m["n_second"]:
        second, flag, calendar = _numeric_day(m, "n2_", ctx)
        if second is not None:
            if first is not None and second != first:
                disagree = (f"the two dates given as one day disagree: {first.isoformat()} "
                            f"and {second.isoformat()}")
                found[0] = replace(found[0], flag=_join(found[0].flag, disagree))
                flag = _join(flag, disagree)
            found.append(Found(m.start("n_second"), m.end("n_second"), second, "day", False,
                               flag, calendar))
    return found


def _hijri(m: re.Match, ctx: Context) -> list[Found]:
    year = int(m["h_y"])
    if not m["h_era"] and not 1300 <= year <= 1500:
        return []
    month = lx.HIJRI_MONTHS[_key(m["h_m"])]
    day = int(m["h_d"]) if m["h_d"] else 1
    value, flag = rs.hijri_day(year, month, day)
    if value is None:
        return []
    grain = "day" if m["h_d"] else "month"
    return [Found(m.start("k_hijri"), m.end("k_hijri"), value, grain, False, flag, "hijri")]


def _dated(m: re.Match, ctx: Context) -> list[Found]:
    day = int(m["d_d"]) if m["d_d"] else number_value(m["d_o"])
    month, flag = _month_of(m, "d_")
    start = m.start("k_dated")
    if not 1 <= day <= 31:
        return []
    if not (m["d_y"] or m["d_w"] or m["d_a"]) and _in(
        _prev_word(ctx.text.folded, start), lx.NAMING_WORDS
    ):
        return []
    value, relative = _day_in_month(day, month, m, "d_", ctx)
    if value is None and not relative:
        return []
    if value is not None:
        flag = _join(flag, _weekday_flag(m, "d_", value))
    return [Found(start, m.end("k_dated"), value, "day", relative, flag)]


def _range(m: re.Match, ctx: Context) -> list[Found]:
    first, last = int(m["g_d1"]), int(m["g_d2"])
    month, flag = _month_of(m, "g_")
    if not (1 <= first <= 31 and 1 <= last <= 31):
        return []
    end_value, relative = _day_in_month(last, month, m, "g_", ctx)
    if end_value is None and not relative:
        return []
    start_value = None
    if end_value is not None:
        first_month = end_value if first <= last else rs.add_months(end_value, -1)
        start_value = rs.safe_date(first_month.year, first_month.month, first)
    return [
        Found(m.start("g_d1"), m.end("g_d1"), start_value, "day", relative, flag),
        Found(m.start("g_d2"), m.end("k_range"), end_value, "day", relative, flag),
    ]


def _year_found(start: int, end: int, year: int, era: str | None, ref: date | None,
                ) -> list[Found]:
    """A year mention: Hijri when marked so or when a reader would take it so (see
    :func:`~arabic_news.dates.resolve.reads_as_hijri`), its value then the Gregorian day of
    1 Muharram; Gregorian from 1000 to 2100 otherwise (a count such as 3000 is no year)."""
    if era.startswith("ه") if era else rs.reads_as_hijri(year, ref, with_day=False):
        value, flag = rs.hijri_day(year, 1, 1)
        return [] if value is None else [Found(start, end, value, "year", False, flag, "hijri")]
    if not 1000 <= year <= 2100:
        return []
    return [Found(start, end, date(year, 1, 1), "year", False)]


def _years(m: re.Match, ctx: Context) -> list[Found]:
    first = _year_found(m.start("k_years"), m.end("yp_1"), int(m["yp_1"]), None, ctx.ref)
    second = _year_found(m.start("yp_2"), m.end("yp_2"), int(m["yp_2"]), None, ctx.ref)
    return first + second if first and second else []


def _year(m: re.Match, ctx: Context) -> list[Found]:
    return _year_found(m.start("k_year"), m.end("k_year"), int(m["y_y"]), m["y_era"], ctx.ref)


def _weekday(m: re.Match, ctx: Context) -> list[Found]:
    name, anchor, marker = m["w_w"], m["w_a"], m["w_r"]
    weekday = lx.WEEKDAYS[name]
    start, end = m.start("k_weekday"), m.end("k_weekday")
    folded = ctx.text.folded
    if _in(_next_word(folded, m.end("w_w")), lx.NOT_WEEKDAY_AFTER):
        return []
    if anchor is None and marker is None:
        before = _prev_word(folded, start)
        if _in(before, lx.NOT_WEEKDAY_BEFORE):
            return []
        if name == "الاثنين" and _in(before, lx.NOT_MONDAY_BEFORE):
            return []
    if ctx.ref is None:
        return [Found(start, end, None, "day", True)]
    offset = lx.WEEKDAY_ANCHORS.get(anchor) if anchor not in (None, "يوم") else None
    if offset is not None:
        target = ctx.ref + timedelta(days=offset)
        value = rs.weekday_date(weekday, target, 0)
        flag = None
        if value != target:
            flag = (f"weekday mismatch: {anchor} {_WEEKDAY_NAMES[weekday]} is "
                    f"{target.isoformat()}, a {_WEEKDAY_NAMES[target.weekday()]}")
        return [Found(start, end, value, "day", True, flag)]
    if marker is not None:
        direction = lx.RELATIVE_MARKERS[marker] or 0
        return [Found(start, end, rs.weekday_date(weekday, ctx.ref, direction), "day", True)]
    value = rs.weekday_date(weekday, ctx.ref, None, future=_is_future(ctx, start))
    return [Found(start, end, value, "day", True)]


def _today(m: re.Match, ctx: Context) -> list[Found]:
    return [Found(m.start("k_today"), m.end("k_today"), ctx.ref, "day", True)]


def _deictic(m: re.Match, ctx: Context) -> list[Found]:
    word = _key(m["x_w"])
    start, end = m.start("k_deictic"), m.end("k_deictic")
    if word == "غدا":
        # غدا is also the verb "became"; only the adverb carries tanween (غداً).
        o_start, o_end = ctx.text.span(start, end)
        if "\u064b" not in ctx.text.original[o_start:o_end + 1]:
            return []
        offset = 1
    else:
        offset = lx.DEICTIC_DAYS[word]
    value = None if ctx.ref is None else ctx.ref + timedelta(days=offset)
    return [Found(start, end, value, "day", True)]


def _period(m: re.Match, ctx: Context) -> list[Found]:
    noun = m["p_n1"] or m["p_n2"]
    unit = lx.PERIOD_NOUNS[noun]
    offset = 0 if m["p_this"] else lx.RELATIVE_MARKERS[m["p_r"]]
    value = None if ctx.ref is None else rs.shift(ctx.ref, offset, unit)
    return [Found(m.start("k_period"), m.end("k_period"), value, unit, True)]


def _ago(m: re.Match, ctx: Context) -> list[Found]:
    unit, implied = lx.UNITS[m["a_u"]]
    count = number_value(m["a_n"]) if m["a_n"] else implied
    if not count:
        return []
    sign = 1 if m["a_dir"] == "بعد" else -1
    start, end = m.start("k_ago"), m.end("k_ago")
    if ctx.ref is None:
        return [Found(start, end, None, unit, True)]
    try:
        value = rs.shift(ctx.ref, sign * count, unit)
    except (ValueError, OverflowError):
        return [Found(start, end, None, unit, True, OUTSIDE_CALENDAR)]
    return [Found(start, end, value, unit, True)]


def _month(m: re.Match, ctx: Context) -> list[Found]:
    month, flag = _month_of(m, "m_")
    start = m.start("m_s") if m["m_s"] else m.start("m_m1")
    end = m.end("k_month")
    if m["m_y"]:
        year = int(m["m_y"])
        if not 1000 <= year <= 2100:
            return []
        return [Found(start, end, date(year, month, 1), "month", False, flag)]
    name, cue = _key(m["m_m1"]), m["m_c"]
    sure = bool(m["m_s"] or m["m_r"] or m["m_yr"] or m["m_m2"])
    if not sure:
        if cue is None or name in lx.NAME_LIKE_MONTHS:
            return []
        if name in lx.AMBIGUOUS_MONTHS and cue not in lx.STRICT_MONTH_CUES:
            return []
    if ctx.ref is None:
        return [Found(start, end, None, "month", True, flag)]
    if m["m_yr"]:
        year = ctx.ref.year + lx.RELATIVE_MARKERS[m["m_yr"]]
        return [Found(start, end, date(year, month, 1), "month", True, flag)]
    direction = lx.RELATIVE_MARKERS[m["m_r"]] if m["m_r"] else None
    return [Found(start, end, rs.month_year(month, ctx.ref, direction), "month", True, flag)]


def _bare_year(m: re.Match, ctx: Context) -> list[Found]:
    year, era = int(m["b_y"]), m["b_era"]
    if era or 1900 <= year <= 2100 or rs.reads_as_hijri(year, ctx.ref, with_day=False):
        return _year_found(m.start("b_y"), m.end("b_y"), year, era, ctx.ref)
    return []


INTERPRETERS = {
    "numeric": _numeric, "hijri": _hijri, "range": _range, "dated": _dated,
    "years": _years, "year": _year, "weekday": _weekday, "today": _today,
    "deictic": _deictic, "period": _period, "ago": _ago, "month": _month,
    "bare_year": _bare_year,
}
