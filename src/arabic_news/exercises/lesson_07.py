"""Checkers for lesson 7, scaling up with Dask.

Each checker recomputes its answer on another path than the lesson's, in memory bounded by
the answer: 7.3 reads the tokens partition by partition (kept on disk, or tokenised) and
counts the articles holding the term; 7.2 asks the engine's aggregated bigram table only
what decides the verdict (the entries tied with or above the third, and the answer's own),
through ``count_table`` rather than ``top_ngrams``. So a right answer is also a check that
the paths agree, and no checker holds a corpus's vocabulary.
"""

from __future__ import annotations

import numpy as np

from arabic_news.analysis.frequency import count_table
from arabic_news.engines import engine_of
from arabic_news.errors import NotApplicable
from arabic_news.exercises.compare import deciding_counts, expect_number, expect_top
from arabic_news.exercises.core import exercise
from arabic_news.exercises.memo import per_texts
from arabic_news.text.analyzer import ArabicAnalyzer
from arabic_news.text.kept_tokens import encoded_tokens
from arabic_news.text.normalize import normalize


def _articles_with(texts, key: str) -> int:
    """How many of one partition's texts hold the term ``key``: their tokens (read back
    when kept), one partition in memory at a time."""
    encoded = encoded_tokens(texts, ArabicAnalyzer().tokens)
    number = encoded.index.get(key)
    if number is None:
        return 0
    document = np.repeat(np.arange(len(encoded.lengths)), encoded.lengths)
    return len(np.unique(document[encoded.ids == number]))


@per_texts
def _bigrams(texts):
    """The engine's aggregated bigram table, counted once per corpus."""
    return count_table(texts, ArabicAnalyzer().tokens, sizes=(2,))[2]


@exercise("7.1")
def partitions(answer, *, corpus):
    """The number of partitions (1 for a pandas corpus)."""
    expected = engine_of(corpus).partitions(corpus)
    expect_number(answer, expected, what="the number of partitions")
    return "Each partition is one Parquet shard, read and counted by one task."


@exercise("7.2")
def top_bigrams(answer, *, corpus):
    """The three most frequent bigrams, most frequent first."""
    answer, counts = deciding_counts(_bigrams(corpus), answer, 3)
    if not counts:
        raise NotApplicable("no text of this corpus has two terms in a row")
    expect_top(answer, counts, 3, what="the three most frequent bigrams")
    return "The engine's aggregated table gives the same three."


@exercise("7.3")
def articles_with_term(answer, *, corpus, term):
    """In how many articles the normalised term occurs."""
    key = normalize(term)
    expected = sum(engine_of(corpus).per_partition(corpus["text"], _articles_with, key))
    expect_number(answer, expected, what="the number of articles with the term")
