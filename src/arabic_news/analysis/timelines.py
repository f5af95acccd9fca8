"""Counts and term shares over publication dates, at a period length that suits the corpus."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from arabic_news.engines import engine_of
from arabic_news.errors import NotApplicable
from arabic_news.text.kept_tokens import terms_where

_NO_DATES = "no article of this corpus has a publication date"
_FREQUENCIES = {"D": "day", "W": "week", "MS": "month", "QS": "quarter", "YS": "year"}


def choose_frequency(published: pd.Series, max_periods: int = 60) -> str:
    """The finest of day, week, month, quarter, year giving at most ``max_periods`` periods."""
    dates = engine_of(published).collect(published).dropna()
    if dates.empty:
        raise NotApplicable(_NO_DATES)
    span_days = (dates.max() - dates.min()).days + 1
    for frequency, days in (("D", 1), ("W", 7), ("MS", 31), ("QS", 92)):
        if span_days / days <= max_periods:
            return frequency
    return "YS"


def core_date_range(
    published: pd.Series, share: float = 0.99, min_articles: int = 200
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day of the central ``share`` of publication dates.

    Corpora often hold a few articles far older than the rest (ANT: a handful from 2012-2017
    among 31,000 of 2018); one of them would stretch a timeline over years and squash the
    rest. With fewer than ``min_articles`` dated articles, the full range is returned.
    """
    if not 0 < share <= 1:
        raise ValueError(f"share must be in (0, 1], got {share}")
    # Dates are 8 bytes an article: exact quantiles in memory.
    dates = engine_of(published).collect(published).dropna()
    if dates.empty:
        raise NotApplicable(_NO_DATES)
    if len(dates) < min_articles:
        first, last = dates.min(), dates.max()
    else:
        tail = (1 - share) / 2
        first, last = dates.quantile(tail), dates.quantile(1 - tail)
    return first.floor("D"), last.floor("D") + pd.Timedelta(days=1) - pd.Timedelta(1, "us")


def dated_articles(corpus, columns: Sequence[str] = ("doc_id", "published")) -> pd.DataFrame:
    """The articles that have a publication date: ``columns`` only, as a pandas DataFrame.

    Only those columns are copied (not the texts), so this stays small on a large corpus; a
    Dask corpus computes those columns only (one date and id per article). The index is
    reset (0, 1, 2 ...) on both engines.
    """
    columns = list(columns)
    if "published" not in columns:
        raise ValueError(f"columns must include 'published', got {columns}")
    small = engine_of(corpus).small_columns(corpus, columns)
    return small[small["published"].notna()].reset_index(drop=True)


def _dated(corpus: pd.DataFrame, start, end, columns=None) -> pd.DataFrame:
    """Articles with a publication date, within [start, end] where those are given.

    ``columns`` keeps only those columns: selecting them before the rows means the rows
    taken are copied for those columns only, not for the texts of a large corpus (every
    column of 300,000 articles is about a gigabyte). Raises :class:`NotApplicable` when there
    is no such article.
    """
    keep = _within(corpus["published"], start, end)
    if keep is None:
        raise NotApplicable(_NO_DATES)
    if not keep.any():
        raise NotApplicable(f"no article was published between {start} and {end}")
    if columns is not None:
        corpus = corpus[list(columns)]
    return corpus[keep]


def _within(published: pd.Series, start, end) -> pd.Series | None:
    """The mask of dated articles within [start, end]; None when no article is dated."""
    keep = published.notna()
    if not keep.any():
        return None
    if start is not None:
        keep &= published >= pd.Timestamp(start)
    if end is not None:
        keep &= published <= pd.Timestamp(end)
    return keep


def period_start(published: pd.Series, frequency: str) -> pd.Series:
    """The first day of each date's period (``frequency`` from :func:`choose_frequency`;
    weeks start on Monday), as naive UTC timestamps: the periods every timeline counts by."""
    if frequency not in _FREQUENCIES:
        raise ValueError(f"frequency must be one of {sorted(_FREQUENCIES)}, got {frequency!r}")
    naive = published.dt.tz_convert("UTC").dt.tz_localize(None)
    if frequency == "W":  # weeks start on Monday
        return naive.dt.to_period("W-SUN").dt.start_time
    return naive.dt.to_period({"D": "D", "MS": "M", "QS": "Q", "YS": "Y"}[frequency]).dt.start_time


def articles_per_period(
    corpus: pd.DataFrame,
    frequency: str | None = None,
    by: str | None = "source",
    start=None,
    end=None,
) -> pd.DataFrame:
    """Articles per period (rows) and per value of column ``by`` (columns).

    Every period of the range is a row. Where the corpus has no article at all in a period,
    the row is missing (``<NA>``): nothing was collected then, which is not the same as
    zero; a source without an article in a period where others have some counts 0.

    Articles without a publication date, or outside ``start``..``end`` (UTC timestamps, for
    instance from :func:`core_date_range`), are left out; ``frequency=None`` picks one with
    :func:`choose_frequency`. ``by=None`` (or a corpus without that column) gives one column,
    ``articles``.
    """
    wanted = ["published"] + ([by] if by is not None and by in corpus.columns else [])
    corpus = engine_of(corpus).small_columns(corpus, wanted)  # the dates and groups only
    dated = _dated(corpus, start, end, columns=wanted)
    frequency = frequency or choose_frequency(dated["published"])
    periods = period_start(dated["published"], frequency).rename("period")
    if by is None or by not in dated.columns or dated[by].isna().all():
        table = periods.value_counts().sort_index().to_frame("articles")
    else:
        groups = dated[by].fillna("(unknown)").rename(by)
        table = pd.crosstab(periods, groups)
    full_range = pd.date_range(table.index.min(), table.index.max(),
                               freq="W-MON" if frequency == "W" else frequency)
    # A period in which the corpus has no article at all is missing data (a gap in the
    # collection, or a quiet day), not a count of zero: <NA>, so that charts break there.
    # Within a period that has articles, a source without any has 0.
    return table.reindex(full_range).astype("Int64").rename_axis("period")


def term_share_over_time(
    corpus: pd.DataFrame,
    terms: Sequence[str],
    analyzer: Callable[[str], list[str]],
    frequency: str | None = None,
    start=None,
    end=None,
) -> pd.DataFrame:
    """Occurrences of each term per 10,000 terms of the period's articles.

    ``terms`` are given as the analyzer produces them (normalised; pass them through the same
    analyzer's normaliser first). Periods without articles are left out rather than shown as 0;
    ``start`` and ``end`` limit the dates as in :func:`articles_per_period`.
    """
    if not terms:
        raise ValueError("give at least one term")
    engine = engine_of(corpus)
    dated = _dated(engine.small_columns(corpus, ["published"]), start, end)  # no text copied
    frequency = frequency or choose_frequency(dated["published"])
    totals = engine.sum_by(corpus[["published", "text"]], _period_totals, list(terms), analyzer,
                           frequency, start, end, keys=["period"], few_keys=True)
    totals = engine.collect(totals).set_index("period").sort_index()
    return _shares(totals, terms)


def _period_totals(
    corpus: pd.DataFrame, terms, analyzer, frequency: str, start=None, end=None
) -> pd.DataFrame:
    """Per period (a ``period`` column): the number of terms (``total``) and of each of
    ``terms``, summed over one partition of ``corpus`` (columns ``published`` and ``text``);
    with ``start``/``end`` (or undated rows) the rows outside are left out first."""
    keep = _within(corpus["published"], start, end)
    if keep is None:
        keep = corpus["published"].notna()
    # The terms of the rows kept, one text at a time (read back when the partition was
    # tokenised before); the texts are never copied as a column of the kept rows.
    kept_terms = terms_where(corpus["text"], analyzer, keep.to_numpy(dtype=bool))
    unique = list(dict.fromkeys(terms))
    position = {term: i for i, term in enumerate(unique, start=1)}
    periods = period_start(corpus["published"][keep], frequency)
    # One running row per period (not one dict per article): memory bounded by the periods.
    totals: dict = {}
    for period, tokens in zip(periods, kept_terms, strict=True):
        row = totals.get(period)
        if row is None:
            row = totals[period] = [0] * (len(unique) + 1)
        row[0] += len(tokens)
        for token in tokens:
            where = position.get(token)
            if where is not None:
                row[where] += 1
    keys = sorted(totals)
    frame = pd.DataFrame([totals[key] for key in keys], columns=["total", *unique],
                         index=pd.DatetimeIndex(keys, name="period"), dtype="int64")
    return frame.reset_index()


def _shares(totals: pd.DataFrame, terms) -> pd.DataFrame:
    shares = totals[list(terms)].div(totals["total"].where(totals["total"] > 0), axis=0) * 10_000
    return shares.rename_axis("period")
