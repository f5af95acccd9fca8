"""Counts and term shares over publication dates, at a period length that suits the corpus."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

_FREQUENCIES = {"D": "day", "W": "week", "MS": "month", "QS": "quarter", "YS": "year"}


def choose_frequency(published: pd.Series, max_periods: int = 60) -> str:
    """The finest of day, week, month, quarter, year giving at most ``max_periods`` periods."""
    dates = published.dropna()
    if dates.empty:
        raise ValueError("no publication dates: every 'published' value is missing")
    span_days = (dates.max() - dates.min()).days + 1
    for frequency, days in (("D", 1), ("W", 7), ("MS", 31), ("QS", 92)):
        if span_days / days <= max_periods:
            return frequency
    return "YS"


def _period_start(published: pd.Series, frequency: str) -> pd.Series:
    if frequency not in _FREQUENCIES:
        raise ValueError(f"frequency must be one of {sorted(_FREQUENCIES)}, got {frequency!r}")
    naive = published.dt.tz_convert("UTC").dt.tz_localize(None)
    if frequency == "W":  # weeks start on Monday
        return naive.dt.to_period("W-SUN").dt.start_time
    return naive.dt.to_period({"D": "D", "MS": "M", "QS": "Q", "YS": "Y"}[frequency]).dt.start_time


def articles_per_period(
    corpus: pd.DataFrame, frequency: str | None = None, by: str | None = "source"
) -> pd.DataFrame:
    """Articles per period (rows) and per value of column ``by`` (columns), zero-filled.

    Articles without a publication date are left out; ``frequency=None`` picks one with
    :func:`choose_frequency`. ``by=None`` (or a corpus without that column) gives one column,
    ``articles``.
    """
    dated = corpus[corpus["published"].notna()]
    frequency = frequency or choose_frequency(dated["published"])
    periods = _period_start(dated["published"], frequency).rename("period")
    if by is None or by not in dated.columns or dated[by].isna().all():
        table = periods.value_counts().sort_index().to_frame("articles")
    else:
        groups = dated[by].fillna("(unknown)").rename(by)
        table = pd.crosstab(periods, groups)
    full_range = pd.date_range(table.index.min(), table.index.max(),
                               freq="W-MON" if frequency == "W" else frequency)
    return table.reindex(full_range, fill_value=0).rename_axis("period")


def term_share_over_time(
    corpus: pd.DataFrame,
    terms: Sequence[str],
    analyzer: Callable[[str], list[str]],
    frequency: str | None = None,
) -> pd.DataFrame:
    """Occurrences of each term per 10,000 terms of the period's articles.

    ``terms`` are given as the analyzer produces them (normalised; pass them through the same
    analyzer's normaliser first). Periods without articles are left out rather than shown as 0.
    """
    if not terms:
        raise ValueError("give at least one term")
    dated = corpus[corpus["published"].notna()]
    frequency = frequency or choose_frequency(dated["published"])
    wanted = set(terms)
    periods = _period_start(dated["published"], frequency)
    rows = []
    for period, text in zip(periods, dated["text"], strict=True):
        tokens = analyzer(text)
        row = {"period": period, "total": len(tokens)}
        row.update(dict.fromkeys(terms, 0))
        for token in tokens:
            if token in wanted:
                row[token] += 1
        rows.append(row)
    totals = pd.DataFrame(rows).groupby("period").sum()
    shares = totals[list(terms)].div(totals["total"].where(totals["total"] > 0), axis=0) * 10_000
    return shares.rename_axis("period")
