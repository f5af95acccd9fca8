"""A lesson's terms, checked against the corpus it runs on.

Each lesson names default terms that suit its seed articles («حلب», «روسيا»). On another
corpus such a term may be absent or rare, and a keyword-in-context table, a timeline or a
list of collocates of it shows next to nothing. :func:`choose_terms` keeps each wanted term
that the corpus uses often enough, replaces the others by the corpus's most frequent terms,
and says what it did, in a sentence the lesson prints.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from arabic_news.display.bidi_text import isolate

#: A term is rare when it occurs fewer than max(MIN_COUNT, total / PER_TOKENS) times.
MIN_COUNT = 3
PER_TOKENS = 100_000


@dataclass(frozen=True)
class TermChoice:
    """The terms to use (as written), and the sentence that says what was replaced."""

    terms: list[str] | str  # a string when one term (a string) was asked for
    note: str

    def __iter__(self):  # terms, note = choose_terms(...)
        return iter((self.terms, self.note))


def _counts_of(counts, keys: list[str]) -> dict[str, int]:
    if hasattr(counts, "counts_of"):  # a CountTable: asks the engine for these keys only
        found = counts.counts_of(keys)
        return {key: int(found.get(key, 0)) for key in keys}
    return {key: int(counts.get(key, 0)) for key in keys}


def _ranked(counts, n: int) -> list[tuple[str, int]]:
    if hasattr(counts, "top"):  # a CountTable
        top = counts.top(n)
        return list(zip(top["term"], top["count"].astype(int), strict=True))
    return [(term, int(count)) for term, count in counts.most_common(n)]


def _total(counts) -> int:
    if hasattr(counts, "counts_of"):  # a CountTable: total is a property
        return int(counts.total)
    return int(sum(counts.values()))


def choose_terms(wanted: Sequence[str] | str, counts, *, normalize: Callable[[str], str],
                 forms: Mapping[str, str] | None = None, min_count: int | None = None,
                 ) -> TermChoice:
    """The ``wanted`` terms (as written) that ``counts`` holds at least ``min_count`` times,
    each rare one replaced by the most frequent term not already chosen.

    ``counts`` maps normalised terms to counts (a ``Counter``, or a ``CountTable`` from
    ``count_table``: only the wanted terms and the top entries are asked); ``normalize``
    turns a written term into its key (``an.normalize``); ``forms`` gives a replacement's
    written form (``an.display_forms``). ``min_count`` defaults to
    max(3, one occurrence per 100,000 terms of the corpus). One term (a string) gives one
    term back (a string). The note is empty when every wanted term is kept.
    """
    single = isinstance(wanted, str)
    wanted = [wanted] if single else list(wanted)
    if not wanted or not all(isinstance(term, str) and term.strip() for term in wanted):
        raise ValueError("give the terms as non-empty strings, as written")
    if min_count is None:
        min_count = max(MIN_COUNT, _total(counts) // PER_TOKENS)
    keys = [normalize(term) for term in wanted]
    found = _counts_of(counts, keys)
    forms = forms or {}
    used = {key for key in keys if found[key] >= min_count}
    candidates = (term for term, _ in _ranked(counts, len(wanted) + len(used) + 10)
                  if term not in used)
    chosen, replaced = [], []
    for term, key in zip(wanted, keys, strict=True):
        if found[key] >= min_count:
            chosen.append(term)
            continue
        substitute = next(candidates, None)
        if substitute is None:  # a corpus with fewer distinct terms than wanted
            chosen.append(term)
            continue
        used.add(substitute)
        written = forms.get(substitute, substitute)
        chosen.append(written)
        replaced.append((term, found[key], written, _counts_of(counts, [substitute])[substitute]))
    note = "; ".join(
        f"{isolate(term)} occurs {count} time{'s' if count != 1 else ''} here (fewer than "
        f"{min_count}), so the lesson uses {isolate(written)} ({frequency:,} times) instead"
        for term, count, written, frequency in replaced)
    return TermChoice(chosen[0] if single else chosen, note + "." if note else "")
