"""Checkers for lesson 3, TF-IDF."""

from __future__ import annotations

from collections import Counter

import numpy as np
from sklearn.metrics.pairwise import cosine_similarity

from arabic_news.analysis._checks import NotApplicable
from arabic_news.analysis.tfidf import tfidf_matrix
from arabic_news.exercises.compare import expect_number, expect_top, expect_type
from arabic_news.exercises.core import Wrong, exercise
from arabic_news.exercises.memo import per_texts
from arabic_news.text.analyzer import ArabicAnalyzer


def _position(corpus, doc_id) -> int:
    matches = np.flatnonzero((corpus["doc_id"] == doc_id).to_numpy())
    if len(matches) != 1:
        raise ValueError(f"doc_id {doc_id!r} names {len(matches)} articles of the corpus; "
                         "pass the doc_id of one article")
    return int(matches[0])


@per_texts
def _raw_tfidf(texts):
    matrix, vectorizer = tfidf_matrix(list(texts), ArabicAnalyzer(), sublinear_tf=False)
    return matrix, vectorizer.get_feature_names_out()


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
    """The highest-weighted term of article ``doc_id`` with raw counts (``sublinear_tf=False``)."""
    matrix, names = _raw_tfidf(corpus)
    row = matrix[_position(corpus, doc_id)].toarray().ravel()
    weights = Counter({term: w for term, w in zip(names, row, strict=True) if w > 0})
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
def most_similar_article(answer, *, corpus, doc_id, matrix=None):
    """The doc_id of the article most similar to article ``doc_id`` (not itself).

    ``matrix`` is the lesson's TF-IDF matrix of the whole corpus (one row per article, in the
    corpus's order); without it the check fits one with sublinear TF, as the lesson does.
    """
    if len(corpus) < 2:
        raise NotApplicable("it compares articles, and this corpus has one")
    if matrix is None:  # the lesson had none: fit one (raises NotApplicable if impossible)
        matrix, _ = tfidf_matrix(corpus["text"], ArabicAnalyzer(), sublinear_tf=True)
    elif matrix.shape[0] != len(corpus):
        raise ValueError(f"matrix has {matrix.shape[0]} rows for {len(corpus)} articles: pass "
                         "the TF-IDF matrix fitted on the whole corpus")
    expect_type(answer, (str, int, np.integer), "a doc_id (as in the corpus's doc_id column)")
    if not (corpus["doc_id"] == answer).any():
        raise Wrong(f"{answer!r} is not a doc_id of this corpus.")
    if answer == doc_id:
        raise Wrong("every article is most similar to itself: look for another one.")
    position = _position(corpus, doc_id)
    scores = cosine_similarity(matrix[position], matrix).ravel()  # one row: fine on any size
    scores[position] = -1.0
    chosen = _position(corpus, answer)
    if scores[chosen] < scores.max() - 1e-12:
        raise Wrong(f"another article is more similar to {doc_id!r} than {answer!r}.")
    return f"Cosine similarity {scores[chosen]:.3f}."
