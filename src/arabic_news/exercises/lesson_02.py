"""Checkers for lesson 2, term frequency."""

from __future__ import annotations

from collections import Counter

from arabic_news.analysis._checks import NotApplicable
from arabic_news.analysis._dask import is_dask
from arabic_news.analysis.cleaning import merged_spellings
from arabic_news.analysis.frequency import (
    CountTable,
    DocumentFrequencyTable,
    count_table,
    document_frequency_table,
    ngram_counts,
)
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
from arabic_news.exercises.memo import per_texts, texts_of
from arabic_news.text.analyzer import ArabicAnalyzer
from arabic_news.text.normalize import normalize


@per_texts
def _bigrams_with_stop_words(texts):
    """The bigram counts with stop words kept: a Counter on pandas; on Dask the engine's
    table (a :class:`CountTable`), asked only what the check needs."""
    tokens = ArabicAnalyzer(stop_words=None).tokens
    if is_dask(texts):
        return count_table(texts, tokens, sizes=(2,))[2]
    return ngram_counts(texts, tokens, sizes=(2,))[2]


@per_texts
def _terms(texts):
    """Term counts and document frequencies (the lesson's analyzer), as the tables the
    checks ask: on pandas both Counters from one pass, wrapped; a Dask column is counted on
    the engine, each table only when a check asks for it (see :func:`_term_counts`)."""
    analyzer = ArabicAnalyzer()
    counts: Counter = Counter()
    documents: Counter = Counter()
    for text in texts:
        tokens = analyzer.tokens(text)
        counts.update(tokens)
        documents.update(set(tokens))
    return CountTable(1, counts=counts), DocumentFrequencyTable(counts=documents)


@per_texts
def _dask_term_counts(texts):
    return count_table(texts, ArabicAnalyzer().tokens, sizes=(1,))[1]


@per_texts
def _dask_document_frequencies(texts):
    return document_frequency_table(texts, ArabicAnalyzer().tokens)


def _term_counts(corpus) -> CountTable:
    """How many times each term occurs, asked only what a check needs (a count, a top)."""
    if is_dask(texts_of(corpus)):
        return _dask_term_counts(corpus)
    return _terms(corpus)[0]


def _document_frequencies(corpus) -> DocumentFrequencyTable:
    """In how many articles each term occurs, asked only what a check needs."""
    if is_dask(texts_of(corpus)):
        return _dask_document_frequencies(corpus)
    return _terms(corpus)[1]


@exercise("2.1")
def top_bigram_with_stop_words(answer, *, corpus):
    """The most frequent bigram when stop words are kept."""
    counts = _bigrams_with_stop_words(corpus)
    if isinstance(counts, CountTable):  # a Dask corpus
        answer, counts = deciding_counts(counts, answer, 1)
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
    top = _term_counts(corpus).top(n)["term"]
    table = merged_spellings(corpus["text"], top)
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
