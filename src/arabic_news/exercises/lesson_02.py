"""Checkers for lesson 2, term frequency."""

from __future__ import annotations

import math

from arabic_news.analysis.cleaning import merged_spellings
from arabic_news.analysis.frequency import ngram_counts, ranked_terms
from arabic_news.exercises.compare import (
    expect_number,
    expect_terms,
    expect_top,
    expect_type,
    isolated,
)
from arabic_news.exercises.core import Wrong, exercise
from arabic_news.text.analyzer import ArabicAnalyzer
from arabic_news.text.normalize import normalize


@exercise("2.1")
def top_bigram_with_stop_words(answer, *, corpus):
    """The most frequent bigram when stop words are kept."""
    counts = ngram_counts(corpus["text"], ArabicAnalyzer(stop_words=None).tokens, sizes=(2,))[2]
    expect_top(answer, counts, 1, what="the most frequent bigram with stop words kept")
    return "Compare it with the top bigrams of the lesson: function words fill the top."


@exercise("2.2")
def occurrences_of_term(answer, *, corpus, term):
    """How many times ``term`` occurs in the corpus, after cleaning (all its spellings)."""
    key = normalize(term)
    analyzer = ArabicAnalyzer()
    expected = sum(analyzer.tokens(text).count(key) for text in corpus["text"])
    expect_number(answer, expected, what=f"the number of occurrences of {isolated(term)}")


@exercise("2.3")
def top_terms_with_several_spellings(answer, *, corpus, n=20):
    """Which of the ``n`` most frequent terms are written in more than one way."""
    counts = ngram_counts(corpus["text"], ArabicAnalyzer().tokens, sizes=(1,))[1]
    top = ranked_terms(counts, n)["term"]
    table = merged_spellings(corpus["text"], top)
    expected = table.loc[table["spellings"] > 1, "term"].tolist()
    expect_terms(answer, expected, what=f"the top {n} terms written in several ways")


@exercise("2.4")
def term_in_half_of_the_articles(answer, *, corpus):
    """A term, not a stop word, found in at least half of the articles."""
    expect_type(answer, str, "one term (a string)")
    analyzer = ArabicAnalyzer()
    key = normalize(answer.strip())
    if key in analyzer.stop_words:
        raise Wrong(f"{isolated(answer.strip())} is a stop word: choose a word with a meaning.")
    found = sum(key in set(analyzer.tokens(text)) for text in corpus["text"])
    needed = math.ceil(len(corpus) / 2)
    if found < needed:
        raise Wrong(f"{isolated(answer.strip())} is in {found} of {len(corpus)} articles; "
                    f"at least {needed} are needed.")
    share = found / len(corpus)
    return f"It is in {share:.0%} of the articles."
