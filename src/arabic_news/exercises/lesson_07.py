"""Checkers for lesson 7, scaling up with Dask.

Each checker recomputes its answer on the *in-memory* counting path (one process, the texts
read partition by partition with ``iter_texts``, never the whole corpus at once), so a right
answer from the Dask path is also a check that both paths agree.
"""

from __future__ import annotations

from arabic_news.analysis._checks import NotApplicable
from arabic_news.analysis._dask import is_dask, iter_texts
from arabic_news.analysis.frequency import document_frequencies, ngram_counts
from arabic_news.exercises.compare import expect_number, expect_top
from arabic_news.exercises.core import exercise
from arabic_news.text.analyzer import ArabicAnalyzer
from arabic_news.text.normalize import normalize


def _texts(corpus):
    return iter_texts(corpus["text"])


@exercise("7.1")
def partitions(answer, *, corpus):
    """The number of partitions (1 for a pandas corpus)."""
    expected = corpus.npartitions if is_dask(corpus) else 1
    expect_number(answer, expected, what="the number of partitions")
    return "Each partition is one Parquet shard, read and counted by one task."


@exercise("7.2")
def top_bigrams(answer, *, corpus):
    """The three most frequent bigrams, most frequent first."""
    counts = ngram_counts(_texts(corpus), ArabicAnalyzer().tokens, sizes=(2,))[2]
    if not counts:
        raise NotApplicable("no text of this corpus has two terms in a row")
    expect_top(answer, counts, 3, what="the three most frequent bigrams")
    return "The in-memory path gives the same three."


@exercise("7.3")
def articles_with_term(answer, *, corpus, term):
    """In how many articles the normalised term occurs."""
    frequencies = document_frequencies(_texts(corpus), ArabicAnalyzer())
    expect_number(answer, frequencies.get(normalize(term), 0),
                  what="the number of articles with the term")
