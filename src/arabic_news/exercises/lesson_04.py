"""Checkers for lesson 4, timelines."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from arabic_news.analysis.timelines import articles_per_period, term_share_over_time
from arabic_news.dates.table import dates_table
from arabic_news.engines import engine_of
from arabic_news.errors import NotApplicable
from arabic_news.exercises.compare import expect_day, expect_number
from arabic_news.exercises.core import Wrong, exercise
from arabic_news.text.analyzer import ArabicAnalyzer
from arabic_news.text.normalize import normalize


def _mentions(corpus, mentions):
    """The lesson's date mentions when it passes them (extraction is the slow part on a large
    corpus), else extracted from ``corpus``."""
    if mentions is None:
        return dates_table(corpus)
    missing = {"doc_id", "value", "granularity"} - set(mentions.columns)
    if missing:
        raise ValueError(f"mentions must be the table from an.dates_table(corpus); "
                         f"it lacks {sorted(missing)}")
    return mentions


def _day_counts(mentions) -> Counter:
    """Mentions per day resolved to: one entry per distinct day (aggregated by the engine
    when ``mentions`` is on Dask, so only the days come back)."""
    days = mentions.loc[mentions["value"].notnull() & (mentions["granularity"] == "day"), "value"]
    counts = days.value_counts()
    counts = engine_of(counts).collect(counts)
    normalized = Counter()
    for day, count in zip(pd.to_datetime(counts.index).normalize(), counts.tolist(),
                          strict=True):
        normalized[day] += int(count)
    return normalized


@exercise("4.1")
def day_mentions(answer, *, corpus, mentions=None):
    """How many date mentions resolve to a day."""
    mentions = _mentions(corpus, mentions)
    expected = sum(_day_counts(mentions).values())
    expect_number(answer, expected, what="the number of mentions resolved to a day")


@exercise("4.2")
def most_mentioned_day(answer, *, corpus, mentions=None):
    """The day (YYYY-MM-DD) mentioned most often in the texts."""
    counts = _day_counts(_mentions(corpus, mentions))
    if not counts:
        raise NotApplicable("no date mention of this corpus resolves to a day")
    day = expect_day(answer, "a day")
    if day not in counts:
        raise Wrong(f"no mention resolves to {day:%Y-%m-%d}.")
    if counts[day] < max(counts.values()):
        raise Wrong(f"{day:%Y-%m-%d} is mentioned, but another day is mentioned more often.")


@exercise("4.3")
def monthly_periods(answer, *, corpus):
    """How many months the monthly article counts cover (rows of ``frequency="MS"``)."""
    expected = len(articles_per_period(corpus, frequency="MS"))
    expect_number(answer, expected, what="the number of monthly periods")


@exercise("4.4")
def peak_period_of_term(answer, *, corpus, term, frequency=None, start=None, end=None):
    """The start of the period in which ``term``'s relative frequency is highest."""
    key = normalize(term)
    shares = term_share_over_time(corpus, [key], ArabicAnalyzer(), frequency=frequency,
                                  start=start, end=end)
    series = shares.iloc[:, 0]
    if not (series > 0).any():
        raise NotApplicable("the term is not found in the periods charted")
    day = expect_day(answer, "the start of a period")
    index = pd.to_datetime(series.index).normalize()
    if day not in set(index):
        raise Wrong(f"{day:%Y-%m-%d} does not start a period of the table: "
                    "give a date from its index.")
    if series.to_numpy()[list(index).index(day)] < series.max():
        raise Wrong(f"the term is relatively more frequent in another period than {day:%Y-%m-%d}.")
