"""Checkers for lesson 6, topics over time."""

from __future__ import annotations

import pandas as pd

from arabic_news.analysis.topics import TopicModel
from arabic_news.errors import NotApplicable
from arabic_news.exercises.compare import (
    expect_number,
    expect_term,
    expect_type,
    expect_whole,
    shown,
)
from arabic_news.exercises.core import Wrong, exercise


@exercise("6.1")
def steadiest_number_of_topics(answer, *, stability):
    """The number of topics with the highest mean similarity (the smaller one on a tie)."""
    if stability is None:
        raise NotApplicable("the stability check could not run on this corpus")
    if not {"n_topics", "mean_similarity"} <= set(stability.columns):
        raise ValueError("pass stability= the table made by analysis.topic_stability")
    answer = expect_whole(answer, "a number of topics (a whole number)")
    if answer not in set(stability["n_topics"]):
        raise Wrong(f"{shown(answer)} topics were not compared in the table.")
    best = stability.sort_values(["mean_similarity", "n_topics"], ascending=[False, True])
    expect_number(answer, int(best["n_topics"].iloc[0]),
                  what="the number of topics with the highest mean similarity")
    return "Fewer topics are usually steadier; reading the topics is the other argument."


@exercise("6.2")
def leading_topic_of_the_last_period(answer, *, shares):
    """The topic with the largest share in the last period of ``shares``."""
    if shares is None:
        raise NotApplicable("there are no topic shares over time for this corpus")
    if not isinstance(shares, pd.DataFrame) or shares.empty:
        raise ValueError("pass shares= the table made by analysis.topic_share_over_time")
    answer = expect_whole(answer, "a topic number (a whole number)")
    last = shares.iloc[-1]
    if answer not in set(last.index):
        raise Wrong(f"there is no topic {shown(answer)}: topics are numbered 0 to {len(last) - 1}.")
    if last[answer] < last.max() - 1e-12:
        if answer == int(shares.iloc[0].idxmax()):
            raise Wrong("that topic leads the first period: look at the last row.")
        raise Wrong(f"another topic has a larger share than topic {answer} in the last period.")
    return f"It holds {last[answer]:.0%} of that period's topic weight."


@exercise("6.3")
def strongest_word_of_a_topic(answer, *, model, topic=0):
    """The term with the largest weight in ``topic`` (normalised, as in the term column)."""
    if model is None:
        raise NotApplicable("no topic model could be fitted on this corpus")
    if not isinstance(model, TopicModel):
        raise TypeError("pass model= the TopicModel made by analysis.fit_topics")
    weights = model.topic_terms[topic]
    if weights.max() <= 0:
        raise NotApplicable(f"topic {topic} has no word of positive weight")
    tied = model.terms[weights >= weights.max() - 1e-12].tolist()
    expect_type(answer, str, "a term")
    if answer.strip() not in set(model.terms):
        raise Wrong(f"{shown(answer.strip())} is not a term of the model: give the "
                    "normalised term (the term column), not the written form.")
    expect_term(answer, tied, what=f"the strongest word of topic {topic}")
