"""Checkers for lesson 8, reprints and shared stories."""

from __future__ import annotations

import pandas as pd

from arabic_news.analysis.reprints import reprint_flows, word_differences
from arabic_news.errors import NotApplicable
from arabic_news.exercises.compare import (
    expect_finite,
    expect_number,
    expect_term,
    expect_terms,
    expect_type,
    expect_whole,
    is_close,
    shown,
)
from arabic_news.exercises.core import Wrong, exercise
from arabic_news.prepare.duplicates import drop_duplicates
from arabic_news.text.normalize import normalize


def _groups_table(groups) -> pd.DataFrame:
    if not isinstance(groups, pd.DataFrame) or "group" not in groups:
        raise TypeError("pass groups=groups, the table of analysis.near_duplicates in the lesson")
    return groups


@exercise("8.1")
def set_aside_at_a_threshold(answer, *, corpus, threshold):
    """How many articles counting each story once sets aside at ``threshold``."""
    expected = len(drop_duplicates(corpus, threshold=threshold).attrs["duplicates"])
    at_default = len(drop_duplicates(corpus).attrs["duplicates"])
    expect_whole(answer, "a whole number of articles")
    if answer == at_default and at_default != expected:
        raise Wrong("that is the count at the default threshold of 0.8: pass threshold=0.9.")
    expect_number(answer, expected, what="the number of articles set aside")
    return "A stricter threshold keeps updated and edited versions apart." \
        if expected < at_default else None


@exercise("8.2")
def busiest_reprinter(answer, *, groups):
    """The outlet that reprints the most stories first printed by another (ties: any)."""
    flows = reprint_flows(_groups_table(groups))
    between = flows[flows["origin_source"] != flows["reprint_source"]]
    if between.empty:
        raise NotApplicable("no outlet reprints a story that another outlet printed first")
    totals = between.groupby("reprint_source")["reprints"].sum()
    expect_type(answer, str, "an outlet's name")
    if answer.strip() not in set(totals.index):
        raise Wrong(f"{shown(answer.strip())} reprints no story of another outlet: give a "
                    "name from the reprint_source column.")
    expect_term(answer, totals[totals == totals.max()].index.tolist(),
                what="the outlet with the most reprints of other outlets' stories")


@exercise("8.3")
def words_the_copy_changed(answer, *, origin, copy):
    """The words of ``copy`` that the side-by-side reading marks, each once."""
    _, marked = word_differences(origin, copy)
    expected = list({normalize(word): word for line in marked for word, differs in line
                     if differs}.values())
    if not expected:
        raise NotApplicable("the copy has no word that the origin lacks")
    expect_terms(answer, expected, what="the marked words of the copy")


@exercise("8.4")
def hours_to_spread(answer, *, groups, group):
    """Hours from a group's origin to its last article, to a tenth of an hour."""
    story = _groups_table(groups)
    story = story[story["group"] == group]
    if story.empty:
        raise ValueError(f"there is no group {group}: pass group= a number of the groups table")
    if story["lag_days"].isna().all():
        raise NotApplicable("the articles of this story have no publication dates")
    hours = float(story["lag_days"].max() * 24)
    expect_finite(answer, "a number of hours")
    if is_close(answer, hours / 24, 0.051) and hours > 1.2:
        raise Wrong("that is in days: multiply by 24.")
    expect_number(answer, hours, tolerance=0.051,
                  what="the hours from the origin to the last article")


