"""Turn date mentions found in article texts into the points of an event timeline."""

from __future__ import annotations

import re

import pandas as pd

from arabic_news.analysis._checks import check_positive_int
from arabic_news.dates.lexicon import HIJRI_MONTHS, MONTHS
from arabic_news.engines import engine_of

_GRANULARITIES = ("day", "week", "month", "year")
_WHEN_FORMATS = {"day": "%Y-%m-%d", "week": "week of %Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def _spelled(name: str) -> str:
    """A month name of the lexicon (folded spelling) as a pattern for text as written."""
    letters = {"ا": "[اأإآ]", "ي": "[يىئ]", "ه": "[هة]", "و": "[وؤ]"}
    return r"\s+".join("".join(letters.get(char, re.escape(char)) for char in part)
                       for part in name.split())


# A mention that holds a number or names a month names a date; one that holds neither (أمس،
# اليوم، الأسبوع الماضي، يوم السبت) only points from the publication day.
_NAMED = re.compile(r"[0-9٠-٩۰-۹]|" + "|".join(
    _spelled(name) for name in sorted({*MONTHS, *HIJRI_MONTHS}, key=len, reverse=True)))


def deictic(mentions: pd.DataFrame):
    """The mask of the mentions that only point from the publication day (أمس، اليوم،
    الأسبوع الماضي، يوم السبت الماضي): relative, with neither a number nor a month name.
    Such a mention restates when the article was published; it names no event."""
    unnamed = ~mentions["text"].str.contains(_NAMED.pattern, regex=True)
    if "relative" not in mentions.columns:  # a table made by hand: judged by its words
        return unnamed
    return mentions["relative"].astype(bool) & unnamed


def _naive(moment) -> pd.Timestamp:
    """A moment as a timezone-free timestamp in UTC, as mention values are."""
    stamp = pd.Timestamp(moment)
    return stamp.tz_convert("UTC").tz_localize(None) if stamp.tzinfo else stamp


def relative_points(mentions: pd.DataFrame, granularities=("day",), start=None, end=None
                    ) -> pd.DataFrame:
    """The dates that articles point to from their publication day (:func:`deictic`
    mentions), one point per article: ``date`` and ``articles`` (how many articles point to
    it), in date order. For the event timeline, which draws them apart from named events.
    ``start`` and ``end`` keep the dates within a range (such as ``core_date_range``'s, so
    that a few old articles do not stretch the timeline over years)."""
    pointing = mentions[deictic(mentions) & mentions["value"].notnull()
                        & mentions["granularity"].isin(list(granularities))]
    if start is not None or end is not None:
        value = pointing["value"].astype("datetime64[s]")
        keep = value.notnull()
        if start is not None:
            keep &= value >= _naive(start).floor("D")
        if end is not None:
            keep &= value <= _naive(end)
        pointing = pointing[keep]
    counts = pointing.groupby("value")["doc_id"].nunique()
    counts = engine_of(counts).collect(counts)
    points = counts.rename("articles").astype("int64").rename_axis("date").reset_index()
    points["date"] = pd.to_datetime(points["date"])
    return points.sort_values("date").reset_index(drop=True)


def event_points(
    mentions: pd.DataFrame, max_events: int = 15, granularities=("day", "week", "month", "year"),
    relative: bool = False,
) -> pd.DataFrame:
    """The most-mentioned dates, one row each: date, granularity, when, label, mentions, articles.

    ``mentions`` is the table from ``arabic_news.dates_table``. Mentions that resolve to the
    same date at the same granularity are one event; its label is the surface text used most
    often for it (ties: the first in alphabetical order). The ``max_events`` events with the
    most mentions are kept (ties: the earlier date), returned in date order. Only mentions of
    the given ``granularities`` count: on a large corpus, bare years («عام 2016») outnumber
    the dated events, and ``("day",)`` keeps the timeline to days. ``when`` writes
    the resolved date at its granularity (``2016-07-30``, ``week of 2016-11-14``, ``2016-11``).
    Mentions that only point from the publication day (أمس، اليوم: see :func:`deictic`)
    are left out unless ``relative=True``: on a corpus of many days each day's «أمس» would
    be an event of its own, repeating the publication dates (:func:`relative_points` counts
    them apart, one point per article).
    """
    check_positive_int("max_events", max_events)
    if not relative:
        mentions = mentions[~deictic(mentions)]
    unknown = sorted(set(granularities) - {"day", "week", "month", "year"})
    if unknown:
        raise ValueError(f"unknown granularities {unknown}; use day, week, month or year")
    engine = engine_of(mentions)
    keys = ["value", "granularity"]
    wanted = mentions["granularity"].isin(list(granularities))
    resolved = mentions[mentions["value"].notnull() & wanted]
    spellings = engine.sum_by(resolved, _spelling_rows, keys=[*keys, "text"], few_keys=True)
    articles = engine.sum_by(resolved, _article_rows, keys=keys, few_keys=True)
    spellings, articles = engine.collect(spellings, articles)
    return _events(spellings.set_index([*keys, "text"])["mentions"],
                   articles.set_index(keys)["articles"], max_events)


def _spelling_rows(mentions: pd.DataFrame) -> pd.DataFrame:
    """Mentions per (value, granularity, text) in one partition of a dates table."""
    counts = mentions.groupby(["value", "granularity", "text"], sort=True).size()
    return counts.rename("mentions").astype("int64").reset_index()


def _article_rows(mentions: pd.DataFrame) -> pd.DataFrame:
    """Distinct articles per (value, granularity) in one partition of a dates table: an
    article's mentions all lie in the partition that holds the article, so the partitions'
    counts add up."""
    counts = mentions.groupby(["value", "granularity"], sort=True)["doc_id"].nunique()
    return counts.rename("articles").astype("int64").reset_index()


def _events(spellings: pd.Series, articles: pd.Series, max_events: int) -> pd.DataFrame:
    """Events from mention counts per (value, granularity, text) and distinct articles per
    (value, granularity)."""
    columns = ["date", "granularity", "when", "label", "mentions", "articles"]
    if spellings.empty:
        return pd.DataFrame(columns=columns)
    spellings = spellings.sort_index()
    rows = []
    for (value, granularity), group in spellings.groupby(level=[0, 1], sort=True):
        counts = group.droplevel([0, 1])
        label = min(counts[counts == counts.max()].index)
        rows.append({
            "date": pd.Timestamp(value),
            "granularity": granularity,
            "when": pd.Timestamp(value).strftime(_WHEN_FORMATS.get(granularity, "%Y-%m-%d")),
            "label": label,
            "mentions": int(counts.sum()),
            "articles": int(articles.loc[(value, granularity)]),
        })
    events = pd.DataFrame(rows, columns=columns)
    events = events.sort_values(["mentions", "date"], ascending=[False, True]).head(max_events)
    return events.sort_values(["date", "granularity"]).reset_index(drop=True)


def mention_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """Per granularity of a dates table: its mentions, how many are relative, how many
    resolve to a date; most mentions first (ties: day, week, month, year).

    ``mentions`` is the table from ``arabic_news.dates_table``, in memory or on Dask (the
    counts are then aggregated by the engine: a row per granularity comes back).
    """
    engine = engine_of(mentions)
    counts = engine.sum_by(mentions, _granularity_rows, keys=["granularity"], few_keys=True)
    counts = engine.collect(counts).set_index("granularity")
    rank = {kind: place for place, kind in enumerate(_GRANULARITIES)}
    order = sorted(counts.index, key=lambda kind: (-counts.at[kind, "mentions"],
                                                   rank.get(kind, len(rank)), kind))
    return counts.loc[order]


def _granularity_rows(mentions: pd.DataFrame) -> pd.DataFrame:
    """Mentions, relative ones and resolved ones per granularity, in one partition."""
    grouped = mentions.assign(resolved=mentions["value"].notnull()).groupby("granularity")
    counts = pd.DataFrame({"mentions": grouped.size(), "relative": grouped["relative"].sum(),
                           "resolved": grouped["resolved"].sum()})
    return counts.astype("int64").rename_axis("granularity").reset_index()


def days_before_publication(mentions: pd.DataFrame, corpus: pd.DataFrame) -> pd.Series:
    """For each mention resolved to a day: how many days before its article's publication
    day it falls (negative: after it), smallest first.

    ``mentions`` is ``arabic_news.dates_table(corpus)``; ``corpus`` gives each article's
    ``published`` date (articles without one are left out). On Dask the mentions are joined
    to the dates by the engine and only the numbers of days come back, one per mention.
    """
    day = mentions[mentions["value"].notnull() & (mentions["granularity"] == "day")]
    lags = day[["doc_id", "value"]].merge(corpus[["doc_id", "published"]], on="doc_id")
    lags = lags[lags["published"].notnull()]
    days = (lags["published"].dt.tz_localize(None).dt.normalize() - lags["value"]).dt.days
    days = engine_of(days).collect(days)
    values = days.to_numpy(dtype="int64", copy=True)
    values.sort()
    return pd.Series(values, name="days_before")
