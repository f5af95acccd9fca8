"""Comparisons for checkers: each raises :class:`Wrong` with a hint that keeps the answer secret.

Terms are compared after :func:`arabic_news.normalize`, so a student may write a term as it
appears in the text (أكتوبر) or as the lessons' tables show it (اكتوبر).
"""

from __future__ import annotations

import math
import numbers
from collections import Counter
from collections.abc import Iterable

from arabic_news.exercises.core import Wrong
from arabic_news.text.normalize import normalize

_FSI, _PDI = "\u2068", "\u2069"


def isolated(text: str) -> str:
    """``text`` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, for English prose."""
    return f"{_FSI}{text}{_PDI}"


def _kind(value) -> str:
    return type(value).__name__


def expect_type(answer, types, what: str):
    """Raise :class:`Wrong` unless ``answer`` is an instance of ``types`` (bool is no number)."""
    if isinstance(answer, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        raise Wrong(f"{what} is expected, and you gave a bool ({answer!r}).")
    if not isinstance(answer, types):
        raise Wrong(f"{what} is expected, and you gave a {_kind(answer)}.")
    return answer


def expect_number(answer, expected, *, what: str, tolerance: float = 0.0, relative=False):
    """Raise :class:`Wrong` unless ``answer`` is within ``tolerance`` of ``expected``.

    ``tolerance`` is absolute, or a share of ``expected`` when ``relative``. The hint says
    whether the answer is too high or too low, not by how much.
    """
    expect_type(answer, numbers.Real, what)
    if isinstance(answer, float) and math.isnan(answer):
        raise Wrong(f"{what} is expected, and you gave NaN.")
    margin = tolerance * abs(expected) if relative else tolerance
    if abs(answer - expected) <= margin:
        return
    if isinstance(expected, numbers.Integral) and not float(answer).is_integer():
        raise Wrong(f"{what} is a whole number.")
    direction = "too high" if answer > expected else "too low"
    raise Wrong(f"{what}: {answer!r} is {direction}.")


def expect_term(answer, acceptable, *, what: str = "a term"):
    """Raise :class:`Wrong` unless ``answer`` normalises to one of ``acceptable`` (keys)."""
    expect_type(answer, str, f"{what} (a string)")
    term = answer.strip()
    if not term:
        raise Wrong(f"{what} is expected, and you gave an empty string.")
    keys = {normalize(key) for key in ([acceptable] if isinstance(acceptable, str) else acceptable)}
    if normalize(term) not in keys:
        raise Wrong(f"{isolated(term)} is not {what}.")


def _as_terms(answer, what: str) -> list[str]:
    if isinstance(answer, str) or not isinstance(answer, Iterable):
        raise Wrong(f"{what} is expected as a list of strings, and you gave a {_kind(answer)}.")
    terms = list(answer)
    strange = [term for term in terms if not isinstance(term, str)]
    if strange:
        raise Wrong(f"{what} is expected as a list of strings; it holds a {_kind(strange[0])}.")
    return [term.strip() for term in terms]


def expect_terms(answer, expected: Iterable[str], *, what: str, ordered: bool = False):
    """Raise :class:`Wrong` unless ``answer`` holds the ``expected`` terms (once each).

    Compared after normalisation. The hint names the student's own terms that do not belong,
    and how many are missing, never the missing ones.
    """
    terms = _as_terms(answer, what)
    keys = [normalize(term) for term in terms]
    wanted = [normalize(term) for term in expected]
    repeated = sorted({term for term, key in zip(terms, keys, strict=True) if keys.count(key) > 1})
    if repeated:
        listed = ", ".join(isolated(term) for term in repeated)
        raise Wrong(f"{what}: each term once, and you repeat {listed}.")
    extra = [term for term, key in zip(terms, keys, strict=True) if key not in wanted]
    missing = len(set(wanted) - set(keys))
    if extra or missing:
        hints = [f"{len(wanted)} terms are expected and you gave {len(terms)}"]
        if extra:
            hints.append("these do not belong: " + ", ".join(isolated(term) for term in extra))
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
        raise Wrong(f"{what}: never found here: " + ", ".join(isolated(t) for t in absent) + ".")
    low = [term for term, key in zip(terms, keys, strict=True) if counts[key] < threshold]
    if low:
        raise Wrong(f"{what}: not frequent enough to be in the top {n}: "
                    + ", ".join(isolated(t) for t in low) + ".")
    above = {term for term, count in counts.items() if count > threshold}
    if not above <= set(keys):
        raise Wrong(f"{what}: a more frequent term than some of yours is missing.")


def deciding_counts(table, answer, n: int) -> tuple[object, Counter]:
    """The part of ``table`` (an ``analysis.CountTable``, e.g. on Dask) that decides a
    top-``n`` answer: every entry tied with or above the ``n``-th, and the answer's own
    entries. ``expect_top`` gives the same verdict on it as on every count, and it is as
    small as the top (plus the answer), so a checker need not hold the vocabulary.

    Returns ``(answer, counts)``: an answer that is an iterator (not a string) is read here
    into a list, which ``expect_top`` then reads again; give it that answer.
    """
    if not isinstance(answer, str) and isinstance(answer, Iterable):
        answer = list(answer)
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
