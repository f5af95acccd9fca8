"""Comparisons for checkers: each raises :class:`Wrong` with a hint that keeps the answer secret.

Terms are compared after :func:`arabic_news.normalize`, so a student may write a term as it
appears in the text (أكتوبر) or as the lessons' tables show it (اكتوبر).

Every checker reads the student's answer through these validators, so that no answer, however
odd (``10**400``, ``inf``, ``""``, ``"NaT"``, a list of 30,000 terms, an endless generator),
ends in a traceback or a long wait: it gets a one-line hint instead. Hints list at most
:data:`LISTED` of the student's own items, and a list answer is read up to
:data:`MAX_TERMS` items.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import numbers
import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd

from arabic_news.exercises.core import Wrong
from arabic_news.text.normalize import normalize

_FSI, _PDI = "\u2068", "\u2069"
#: What str.splitlines breaks a line at.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

#: How many of the student's own items a hint names (then "and N more").
LISTED = 5
#: The longest list answer read: no exercise asks for more terms, and an endless iterator stops.
MAX_TERMS = 1000


def isolated(text: str) -> str:
    """``text`` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, for English prose."""
    return f"{_FSI}{text}{_PDI}"


def shown(value, limit: int = 40) -> str:
    """``value`` as a hint quotes it: a term as written, anything else as its repr, cut to
    ``limit`` characters (an answer of a million characters makes a one-line hint), with
    every line break shown as ↵ (a hint is one line)."""
    text = _LINE_BREAKS.sub("↵", value) if isinstance(value, str) else repr(value)
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return isolated(text) if isinstance(value, str) else text


def listed(terms: list[str]) -> str:
    """The first :data:`LISTED` of ``terms``, isolated, then how many more: a hint stays short."""
    shown_terms = ", ".join(shown(term) for term in terms[:LISTED])
    more = len(terms) - LISTED
    return f"{shown_terms} and {more:,} more" if more > 0 else shown_terms


def _kind(value) -> str:
    return type(value).__name__


def expect_type(answer, types, what: str):
    """Raise :class:`Wrong` unless ``answer`` is an instance of ``types`` (bool is no number)."""
    if isinstance(answer, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        raise Wrong(f"{what} is expected, and you gave a bool ({answer!r}).")
    if not isinstance(answer, types):
        raise Wrong(f"{what} is expected, and you gave a {_kind(answer)}.")
    return answer


def expect_finite(answer, what: str):
    """Raise :class:`Wrong` unless ``answer`` is a real number, neither NaN nor infinite.

    Any size of integer is fine (``10**400`` is compared exactly, never turned into a float).
    """
    expect_type(answer, numbers.Real, what)
    if answer != answer:  # NaN, whatever its type (float, numpy, Decimal-like)
        raise Wrong(f"{what} is expected, and you gave NaN.")
    if not isinstance(answer, numbers.Integral):
        try:
            infinite = math.isinf(answer)
        except OverflowError:  # a Fraction too large for a float is still finite
            infinite = False
        if infinite:
            raise Wrong(f"{what} is expected, and you gave {'-' if answer < 0 else ''}infinity.")
    return answer


def is_close(answer, target, margin: float = 0.0) -> bool:
    """``|answer - target| <= margin`` for finite reals of any size (no OverflowError)."""
    try:
        return abs(answer - target) <= margin
    except OverflowError:  # a huge int minus a float: as far from it as can be
        return False


def expect_whole(answer, what: str) -> int:
    """Raise :class:`Wrong` unless ``answer`` is an integer (Python's or NumPy's, not bool)."""
    expect_type(answer, numbers.Integral, what)
    return int(answer)


def expect_number(answer, expected, *, what: str, tolerance: float = 0.0, relative=False):
    """Raise :class:`Wrong` unless ``answer`` is within ``tolerance`` of ``expected``.

    ``tolerance`` is absolute, or a share of ``expected`` when ``relative``. The hint says
    whether the answer is too high or too low, not by how much.
    """
    expect_finite(answer, what)
    margin = tolerance * abs(expected) if relative else tolerance
    if is_close(answer, expected, margin):
        return
    if isinstance(expected, numbers.Integral) and answer != math.floor(answer):
        raise Wrong(f"{what} is a whole number.")
    direction = "too high" if answer > expected else "too low"
    raise Wrong(f"{what}: {shown(answer, 24)} is {direction}.")


def expect_day(answer, what: str) -> pd.Timestamp:
    """The day ``answer`` names (a ``'YYYY-MM-DD'`` string, a date or a Timestamp), at midnight
    and without a time zone; raise :class:`Wrong` for anything else, empty strings and NaT
    included."""
    expect_type(answer, (str, dt.date, np.datetime64), f"{what} (a string 'YYYY-MM-DD')")
    try:
        day = pd.Timestamp(answer.strip() if isinstance(answer, str) else answer)
    except (ValueError, TypeError, OverflowError):
        day = pd.NaT
    if day is pd.NaT:
        raise Wrong(f"{shown(answer if not isinstance(answer, str) else repr(answer))} is not a "
                    "date: write it as 'YYYY-MM-DD'.")
    if day.tzinfo is not None:
        day = day.tz_localize(None)
    return day.normalize()


def expect_term(answer, acceptable, *, what: str = "a term"):
    """Raise :class:`Wrong` unless ``answer`` normalises to one of ``acceptable`` (keys)."""
    expect_type(answer, str, f"{what} (a string)")
    term = answer.strip()
    if not term:
        raise Wrong(f"{what} is expected, and you gave an empty string.")
    keys = {normalize(key) for key in ([acceptable] if isinstance(acceptable, str) else acceptable)}
    if normalize(term) not in keys:
        raise Wrong(f"{shown(term)} is not {what}.")


def _as_terms(answer, what: str) -> list[str]:
    """The answer's terms, stripped; :class:`Wrong` unless it is a list (or other iterable, not
    a string) of at most :data:`MAX_TERMS` strings."""
    if isinstance(answer, (str, bytes)) or not isinstance(answer, Iterable):
        raise Wrong(f"{what} is expected as a list of strings, and you gave a {_kind(answer)}.")
    terms = list(itertools.islice(answer, MAX_TERMS + 1))
    if len(terms) > MAX_TERMS:
        raise Wrong(f"{what} is expected as a list of a few terms, and you gave more than "
                    f"{MAX_TERMS:,}.")
    strange = [term for term in terms if not isinstance(term, str)]
    if strange:
        raise Wrong(f"{what} is expected as a list of strings; it holds a {_kind(strange[0])}.")
    return [term.strip() for term in terms]


def _repeated(terms: list[str], keys: list[str]) -> list[str]:
    """The student's terms whose normalised key appears more than once, each once, sorted."""
    seen = Counter(keys)
    return sorted({term for term, key in zip(terms, keys, strict=True) if seen[key] > 1})


def expect_terms(answer, expected: Iterable[str], *, what: str, ordered: bool = False):
    """Raise :class:`Wrong` unless ``answer`` holds the ``expected`` terms (once each).

    Compared after normalisation. The hint names the student's own terms that do not belong
    (the first few), and how many are missing, never the missing ones.
    """
    terms = _as_terms(answer, what)
    keys = [normalize(term) for term in terms]
    wanted = [normalize(term) for term in expected]
    repeated = _repeated(terms, keys)
    if repeated:
        raise Wrong(f"{what}: each term once, and you repeat {listed(repeated)}.")
    wanted_set = set(wanted)
    extra = [term for term, key in zip(terms, keys, strict=True) if key not in wanted_set]
    missing = len(wanted_set - set(keys))
    if extra or missing:
        hints = [f"{len(wanted)} terms are expected and you gave {len(terms)}"]
        if extra:
            hints.append(f"these do not belong: {listed(extra)}")
        if missing:
            hints.append(f"{missing} expected term{'s are' if missing > 1 else ' is'} missing")
        raise Wrong(f"{what}: " + "; ".join(hints) + ".")
    if ordered and keys != wanted:
        raise Wrong(f"{what}: the right terms, in the wrong order.")


def expect_top(answer, counts, n: int, *, what: str):
    """Raise :class:`Wrong` unless ``answer`` holds ``n`` terms that are a top ``n`` of ``counts``.

    ``counts`` maps normalised terms to counts. Ties at the ``n``-th place are honoured: any
    choice among the tied terms is right. With ``n == 1`` the answer may be a single string.
    """
    if n == 1 and isinstance(answer, str):
        answer = [answer]
    terms = _as_terms(answer, what)
    keys = [normalize(term) for term in terms]
    if len(set(keys)) != len(keys):
        raise Wrong(f"{what}: each term once, please.")
    available = min(n, len(counts))
    if len(terms) != available:
        raise Wrong(f"{what}: {available} terms are expected and you gave {len(terms)}.")
    if not available:
        return
    threshold = sorted(counts.values(), reverse=True)[available - 1]
    absent = [term for term, key in zip(terms, keys, strict=True) if key not in counts]
    if absent:
        raise Wrong(f"{what}: never found here: {listed(absent)}.")
    low = [term for term, key in zip(terms, keys, strict=True) if counts[key] < threshold]
    if low:
        raise Wrong(f"{what}: not frequent enough to be in the top {n}: {listed(low)}.")
    above = {term for term, count in counts.items() if count > threshold}
    if not above <= set(keys):
        raise Wrong(f"{what}: a more frequent term than some of yours is missing.")


def deciding_counts(table, answer, n: int) -> tuple[object, Counter]:
    """The part of ``table`` (an ``analysis.CountTable``, e.g. on Dask) that decides a
    top-``n`` answer: every entry tied with or above the ``n``-th, and the answer's own
    entries. ``expect_top`` gives the same verdict on it as on every count, and it is as
    small as the top (plus the answer), so a checker need not hold the vocabulary.

    Returns ``(answer, counts)``: an answer that is an iterator (not a string) is read here
    into a list (up to one item past :data:`MAX_TERMS`, so that an endless one stops), which
    ``expect_top`` then reads again; give it that answer.
    """
    if not isinstance(answer, (str, bytes)) and isinstance(answer, Iterable):
        answer = list(itertools.islice(answer, MAX_TERMS + 1))
    top = table.top(n)
    if top.empty:
        return answer, Counter()
    counts = table.at_least(int(top["count"].iloc[-1]))
    terms = [answer] if isinstance(answer, str) else answer if isinstance(answer, list) else []
    if len(terms) > n:  # rejected for its length whatever the counts: no lookups
        return answer, counts
    for term in terms:
        if isinstance(term, str) and (count := table[normalize(term.strip())]):
            counts[normalize(term.strip())] = count
    return answer, counts
