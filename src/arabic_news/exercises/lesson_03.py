"""Checkers for lesson 3, TF-IDF."""

from __future__ import annotations

from collections import Counter

import numpy as np

from arabic_news.analysis.frequency import document_frequency_table
from arabic_news.analysis.tfidf import similarity_to_corpus, tfidf_of_shown
from arabic_news.engines import engine_of
from arabic_news.errors import NotApplicable
from arabic_news.exercises.compare import expect_number, expect_top, expect_type, shown
from arabic_news.exercises.core import Wrong, exercise
from arabic_news.exercises.memo import per_texts
from arabic_news.text.analyzer import ArabicAnalyzer


def _doc_ids(corpus) -> np.ndarray:
    """The doc_id column in the corpus's order (in memory: one small column)."""
    return engine_of(corpus).small_columns(corpus, ["doc_id"])["doc_id"].to_numpy()


def _position(doc_ids: np.ndarray, doc_id) -> int:
    matches = np.flatnonzero(doc_ids == doc_id)
    if len(matches) != 1:
        raise ValueError(f"doc_id {doc_id!r} names {len(matches)} articles of the corpus; "
                         "pass the doc_id of one article")
    return int(matches[0])


def _text_of(corpus, doc_id) -> str:
    """The text of article ``doc_id`` (found by :func:`_position`: one article), read from
    the partition that holds it."""
    found = corpus.loc[corpus["doc_id"] == doc_id, "text"]
    return engine_of(corpus).collect(found).iloc[0]


@per_texts
def _frequencies(texts):
    """The corpus's document frequencies, counted once for the checks that weigh texts."""
    return document_frequency_table(texts, ArabicAnalyzer())


@per_texts
def _raw_weights(texts, text: str) -> Counter:
    """The weights of ``text`` with raw counts and the corpus's document frequencies."""
    matrix, vectorizer = tfidf_of_shown([text], texts, ArabicAnalyzer(), sublinear_tf=False,
                                        frequencies=_frequencies(texts))
    names = vectorizer.get_feature_names_out()
    return Counter(dict(zip(names[matrix.indices], matrix.data.tolist(), strict=True)))


@per_texts
def _similarities(texts, text: str) -> np.ndarray:
    """The cosine of ``text`` to each corpus text, with the lesson's weights."""
    return similarity_to_corpus([text], texts, ArabicAnalyzer(), sublinear_tf=True,
                                frequencies=_frequencies(texts))[0]


@per_texts
def _document_frequency(texts):
    analyzer = ArabicAnalyzer()
    document_frequency: Counter = Counter()
    for text in texts:
        document_frequency.update(set(analyzer(text)))
    return document_frequency


def _enough(documents) -> None:
    """The settings exercises need what the lesson's comparison of settings needs."""
    if len(documents) < 3:
        raise NotApplicable("comparing weighting settings needs at least three documents")
    if not _document_frequency(documents):
        raise NotApplicable("no term is left once stop words are removed")


@exercise("3.1")
def top_term_without_sublinear_tf(answer, *, corpus, doc_id):
    """The highest-weighted term of article ``doc_id`` with raw counts (``sublinear_tf=False``)
    and the corpus's document frequencies."""
    _position(_doc_ids(corpus), doc_id)  # one article, or say what to pass
    weights = _raw_weights(corpus, _text_of(corpus, doc_id))
    expect_top(answer, weights, 1, what="the highest-weighted term with raw counts")


@exercise("3.2")
def share_of_vocabulary_kept_by_min_df(answer, *, documents, min_df=2):
    """The share (0 to 1) of the vocabulary's terms found in at least ``min_df`` documents."""
    _enough(documents)
    document_frequency = _document_frequency(documents)
    kept = sum(count >= min_df for count in document_frequency.values())
    expect_number(answer, kept / len(document_frequency), tolerance=0.005,
                  what=f"the share of terms kept by min_df={min_df}, between 0 and 1")


@exercise("3.3")
def terms_in_most_documents(answer, *, documents, n=3):
    """The ``n`` terms found in the most documents: the first that ``max_df`` drops."""
    _enough(documents)
    expect_top(answer, _document_frequency(documents), n,
               what=f"the {n} terms found in the most documents")


@exercise("3.4")
def most_similar_article(answer, *, corpus, doc_id):
    """The doc_id of the article most similar to article ``doc_id`` (not itself), with the
    lesson's weights (sublinear TF, the corpus's document frequencies): computed with
    :func:`similarity_to_corpus`, a batch of the corpus at a time."""
    if len(corpus) < 2:
        raise NotApplicable("it compares articles, and this corpus has one")
    doc_ids = _doc_ids(corpus)
    position = _position(doc_ids, doc_id)
    scores = _similarities(corpus, _text_of(corpus, doc_id)).copy()
    expect_type(answer, (str, int, np.integer), "a doc_id (as in the corpus's doc_id column)")
    if not (doc_ids == answer).any():
        raise Wrong(f"{shown(answer)} is not a doc_id of this corpus.")
    if answer == doc_id:
        raise Wrong("every article is most similar to itself: look for another one.")
    scores[position] = -1.0
    chosen = _position(doc_ids, answer)
    if scores[chosen] < scores.max() - 1e-12:
        raise Wrong(f"another article is more similar to {doc_id!r} than {shown(answer)}.")
    return f"Cosine similarity {scores[chosen]:.3f}."
