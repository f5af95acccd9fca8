"""Checkers for lesson 2, term frequency."""

from __future__ import annotations

from arabic_news.analysis.cleaning import merged_spellings
from arabic_news.analysis.frequency import (
    CountTable,
    DocumentFrequencyTable,
    count_table,
    document_frequency_table,
)
from arabic_news.errors import NotApplicable
from arabic_news.exercises.compare import (
    deciding_counts,
    expect_number,
    expect_terms,
    expect_top,
    expect_type,
    isolated,
    shown,
)
from arabic_news.exercises.core import Wrong, exercise
from arabic_news.exercises.memo import per_texts
from arabic_news.text.analyzer import ArabicAnalyzer
from arabic_news.text.normalize import normalize


@per_texts
def _bigrams_with_stop_words(texts) -> CountTable:
    """The bigram counts with stop words kept, asked only what the check needs."""
    return count_table(texts, ArabicAnalyzer(stop_words=None).tokens, sizes=(2,))[2]


@per_texts
def _term_counts(texts) -> CountTable:
    """How many times each term occurs, asked only what a check needs (a count, a top)."""
    return count_table(texts, ArabicAnalyzer().tokens, sizes=(1,))[1]


@per_texts
def _document_frequencies(texts) -> DocumentFrequencyTable:
    """In how many articles each term occurs, asked only what a check needs."""
    return document_frequency_table(texts, ArabicAnalyzer().tokens)


@per_texts
def _spellings_of_top(texts, n: int):
    """The written spellings of the ``n`` most frequent terms (see ``merged_spellings``)."""
    return merged_spellings(texts, _term_counts(texts).top(n)["term"])


@exercise("2.1")
def top_bigram_with_stop_words(answer, *, corpus):
    """The most frequent bigram when stop words are kept."""
    answer, counts = deciding_counts(_bigrams_with_stop_words(corpus), answer, 1)
    if not counts:
        raise NotApplicable("no text of this corpus has two words in a row")
    expect_top(answer, counts, 1, what="the most frequent bigram with stop words kept")
    return "Compare it with the top bigrams of the lesson: function words fill the top."


@exercise("2.2")
def occurrences_of_term(answer, *, corpus, term):
    """How many times ``term`` occurs in the corpus, after cleaning (all its spellings)."""
    expected = _term_counts(corpus)[normalize(term)]
    expect_number(answer, expected, what=f"the number of occurrences of {isolated(term)}")


@exercise("2.3")
def top_terms_with_several_spellings(answer, *, corpus, n=20):
    """Which of the ``n`` most frequent terms are written in more than one way."""
    table = _spellings_of_top(corpus, n)
    expected = table.loc[table["spellings"] > 1, "term"].tolist()
    expect_terms(answer, expected, what=f"the top {n} terms written in several ways")


@exercise("2.4")
def term_in_the_most_articles(answer, *, corpus):
    """The term, not a stop word, found in the most articles (any of those tied)."""
    documents = _document_frequencies(corpus)
    widest = documents.top(1)["count"]
    if widest.empty:
        raise NotApplicable("no term is left once stop words are removed")
    expect_type(answer, str, "one term (a string)")
    term = answer.strip()
    key = normalize(term)
    if key in ArabicAnalyzer().stop_words:
        raise Wrong(f"{shown(term)} is a stop word: choose a word with a meaning.")
    found_in = documents[key]
    if not found_in:
        raise Wrong(f"{shown(term)} is not a term of this corpus (after cleaning).")
    if found_in < int(widest.iloc[0]):
        raise Wrong(f"{shown(term)} is in {found_in} of {len(corpus)} articles; "
                    "another term is in more.")
    return f"It is in {found_in / len(corpus):.0%} of the articles."
