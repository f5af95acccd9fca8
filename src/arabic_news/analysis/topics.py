"""Topics: non-negative matrix factorisation (NMF) of TF-IDF, and how topics move over time.

NMF writes the TF-IDF matrix (documents × terms) as the product of two non-negative matrices:
documents × topics (how much of each topic a document holds) and topics × terms (which terms
make up a topic). A topic is then read from its highest-weighted terms. Unlike LDA, NMF on
TF-IDF is fast and, started from an SVD (``init="nndsvda"``: NNDSVD with zeros filled by the
mean, which converged in fewer iterations on ANT than plain ``nndsvd``), deterministic: the
same corpus gives the same topics on every run.

How many topics? There is no true number. :func:`topic_stability` helps choose: it refits
the model from several random starting points and measures how alike the topics come out
(each topic of one fit matched to its most similar topic of the other, cosine similarity of
their term weights). A number of topics whose topics come back almost the same from every
start describes structure in the corpus; one whose topics change with the seed is splitting
or merging themes arbitrarily.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize as unit_rows

from arabic_news.errors import NotApplicable
from arabic_news.text.kept_tables import kept_object, kept_table, texts_content
from arabic_news.text.remembered import argument_key

from ._checks import check_positive_int
from .tfidf import fit_transform
from .timelines import _dated, choose_frequency, period_start


@dataclass
class TopicModel:
    """A fitted NMF topic model: its documents' topic weights and its topics' term weights."""

    document_topics: np.ndarray  # documents × topics
    topic_terms: np.ndarray  # topics × terms
    terms: np.ndarray  # the vocabulary, in the column order of topic_terms
    nmf: NMF
    vectorizer: TfidfVectorizer

    @property
    def n_topics(self) -> int:
        return self.topic_terms.shape[0]


def _documents(texts) -> pd.Series | list:
    """The documents of a model, read once: a Series as it is, any other collection as a
    list; one string is refused."""
    if isinstance(texts, str):
        raise TypeError("texts must be a collection of documents, not one string")
    return texts if isinstance(texts, pd.Series) else list(texts)


def _keys(name: str, texts, analyzer, *settings) -> tuple[tuple, str | None]:
    """The key of a result of ``name`` kept on disk (see
    :mod:`~arabic_news.text.kept_tables`): its settings and its content, None (never kept)
    when the texts or a setting cannot be keyed."""
    keys = (name, *map(argument_key, (analyzer, *settings)))
    return keys, None if None in keys else texts_content(texts, analyzer)


def _tfidf(texts, analyzer, max_features, min_df, max_df):
    texts = list(texts)  # _documents of fit_topics and topic_stability
    vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, max_features=max_features,
                                 min_df=min_df, max_df=max_df)
    try:
        matrix = fit_transform(vectorizer, texts)
    except ValueError as error:  # e.g. "After pruning, no terms remain"
        raise NotApplicable(f"no vocabulary left for topics on {len(texts)} documents "
                            f"({error}); lower min_df or raise max_df") from None
    return matrix, vectorizer


def _check_topics(n_topics: int, matrix) -> None:
    check_positive_int("n_topics", n_topics)
    if n_topics > min(matrix.shape):
        raise NotApplicable(f"{n_topics} topics need at least {n_topics} documents and terms; "
                            f"this corpus has {matrix.shape[0]} documents and {matrix.shape[1]} "
                            "terms: choose fewer topics")


def fit_topics(
    texts: Sequence[str],
    analyzer: Callable[[str], list[str]],
    n_topics: int = 10,
    *,
    random_state: int = 0,
    init: str = "nndsvda",
    max_features: int | None = 20_000,
    min_df: int | float = 2,
    max_df: float = 0.5,
    max_iter: int = 400,
) -> TopicModel:
    """Fit NMF with ``n_topics`` topics on the TF-IDF of ``texts`` (sublinear tf).

    ``min_df`` drops terms of fewer documents (typos, one-off names), ``max_df`` terms found
    in more than that share of documents (they belong to every topic), ``max_features``
    keeps the most frequent terms. ``init="nndsvda"`` (or ``"nndsvd"``) makes the result
    deterministic; with ``init="random"`` the topics depend on ``random_state``.
    For a large collection and an ``ArabicAnalyzer``, the fitted model is kept on disk,
    keyed by the texts and every setting (see :mod:`~arabic_news.text.kept_tables`).
    """
    texts = _documents(texts)
    settings, content = _keys("fit_topics", texts, analyzer, n_topics, random_state, init,
                              max_features, min_df, max_df, max_iter)
    return kept_object(content, settings, lambda: _fitted(
        texts, analyzer, n_topics, random_state=random_state, init=init,
        max_features=max_features, min_df=min_df, max_df=max_df, max_iter=max_iter))


def _fitted(texts, analyzer, n_topics, *, random_state, init, max_features, min_df, max_df,
            max_iter) -> TopicModel:
    """:func:`fit_topics`'s model, fitted."""
    matrix, vectorizer = _tfidf(texts, analyzer, max_features, min_df, max_df)
    _check_topics(n_topics, matrix)
    nmf = NMF(n_components=n_topics, init=init, random_state=random_state, max_iter=max_iter)
    with warnings.catch_warnings():  # a fit stopped at max_iter is still usable; see n_iter_
        warnings.simplefilter("ignore", ConvergenceWarning)
        # an exact fit makes the squared error -1e-16, whose square root scikit-learn warns of
        warnings.filterwarnings("ignore", "invalid value encountered in sqrt", RuntimeWarning)
        document_topics = nmf.fit_transform(matrix)
    return TopicModel(document_topics, nmf.components_, vectorizer.get_feature_names_out(),
                      nmf, vectorizer)


def _written(term: str, forms: Mapping[str, str] | None) -> str:
    if forms is None:
        return term
    return forms.get(term, term)


def topic_terms(model: TopicModel, n: int = 10,
                forms: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The ``n`` highest-weighted terms of each topic: topic, rank, term, written, weight.

    ``forms`` maps a normalised term to its usual written form (``an.display_forms``);
    ``written`` falls back to the term itself. Ties are broken alphabetically.
    """
    check_positive_int("n", n)
    rows = []
    for topic, weights in enumerate(model.topic_terms):
        order = np.lexsort((model.terms, -weights))[:n]
        for rank, index in enumerate(order, start=1):
            if weights[index] <= 0:
                break
            term = str(model.terms[index])
            rows.append({"topic": topic, "rank": rank, "term": term,
                         "written": _written(term, forms), "weight": float(weights[index])})
    return pd.DataFrame(rows, columns=["topic", "rank", "term", "written", "weight"])


def topic_labels(model: TopicModel, n: int = 3, forms: Mapping[str, str] | None = None,
                 separator: str = "، ") -> list[str]:
    """One short label per topic: its ``n`` top terms in written form, joined by an Arabic comma."""
    table = topic_terms(model, n, forms)
    labels = table.groupby("topic")["written"].agg(separator.join)
    return [labels.get(topic, "") for topic in range(model.n_topics)]


def topic_documents(model: TopicModel, labels: Sequence[str], n: int = 3) -> pd.DataFrame:
    """The ``n`` documents closest to each topic: topic, rank, document, share.

    ``share`` is the topic's part of the document's topic weights (0 to 1): a document
    mostly about one topic is a clearer example of it than a long one touching many.
    Documents sharing the largest share are ordered by label.
    """
    check_positive_int("n", n)
    if len(labels) != model.document_topics.shape[0]:
        raise ValueError(f"{len(labels)} labels for {model.document_topics.shape[0]} documents")
    shares = _shares(model.document_topics)
    labels = np.asarray([str(label) for label in labels], dtype=object)
    rows = []
    for topic in range(model.n_topics):
        column = shares[:, topic]
        order = np.lexsort((labels, -column))[:n]
        for rank, index in enumerate(order, start=1):
            if column[index] <= 0:
                break
            rows.append({"topic": topic, "rank": rank, "document": labels[index],
                         "share": float(column[index])})
    return pd.DataFrame(rows, columns=["topic", "rank", "document", "share"])


def _shares(document_topics: np.ndarray) -> np.ndarray:
    totals = document_topics.sum(axis=1, keepdims=True)
    return np.divide(document_topics, totals, out=np.zeros_like(document_topics),
                     where=totals > 0)


def topic_share_over_time(model: TopicModel, corpus: pd.DataFrame, frequency: str | None = None,
                          start=None, end=None) -> pd.DataFrame:
    """Each topic's share of the articles of each period (rows: periods; columns: topics).

    A document's topic weights are scaled to sum to 1, then averaged over the dated
    documents of each period, so a row sums to 1 (documents with no topic weight at all are
    left out). ``corpus`` is the table the model was fitted on, in the same order (its
    ``published`` column dates each document); ``frequency``, ``start`` and ``end`` work as
    in :func:`articles_per_period`. Periods without documents are left out. The table's
    ``attrs["frequency"]`` records the period length used.
    """
    if len(corpus) != model.document_topics.shape[0]:
        raise ValueError(f"the corpus has {len(corpus)} rows but the model "
                         f"{model.document_topics.shape[0]} documents: pass the same table")
    shares = pd.DataFrame(_shares(model.document_topics), index=corpus.index)
    dated = _dated(corpus, start, end)
    if dated.empty:
        raise NotApplicable("no dated document in the chosen range: no topics over time")
    frequency = frequency or choose_frequency(dated["published"])
    periods = period_start(dated["published"], frequency).rename("period")
    chosen = shares.loc[dated.index]
    chosen = chosen[chosen.sum(axis=1) > 0]
    table = chosen.groupby(periods.loc[chosen.index]).mean()
    table.columns = pd.RangeIndex(model.n_topics, name="topic")
    table = table.rename_axis("period")
    table.attrs["frequency"] = frequency  # lets a chart name the periods (week of …, month …)
    return table


def match_topics(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Cosine similarity of each topic of ``first`` with its one-to-one match in ``second``.

    Topics are matched so that the total similarity is largest (Hungarian algorithm), so
    two fits with the same topics in another order score 1 for every topic.
    """
    similarity = unit_rows(first) @ unit_rows(second).T
    rows, columns = linear_sum_assignment(-similarity)
    return similarity[rows, columns]


def topic_stability(
    texts: Sequence[str],
    analyzer: Callable[[str], list[str]],
    n_topics_options: Sequence[int] = (5, 10, 15, 20),
    seeds: Sequence[int] = (0, 1, 2),
    *,
    max_features: int | None = 20_000,
    min_df: int | float = 2,
    max_df: float = 0.5,
    max_iter: int = 200,
) -> pd.DataFrame:
    """How alike the topics come out from different random starts, for each number of topics.

    For each ``n_topics`` in ``n_topics_options``, NMF is fitted once per seed (random
    initialisation), and every pair of fits is compared with :func:`match_topics`. Columns:
    n_topics, mean_similarity (mean over topics and pairs of fits: 1 = the same topics every
    time), worst_topic (the lowest matched similarity of a pair of fits, averaged over the
    pairs: how far the least reproducible topic drifts). A fit that reaches ``max_iter``
    before converging is compared as it stands (scikit-learn's warning is silenced). A
    number of topics larger than the documents or terms allow is left out of the table.
    For a large collection and an ``ArabicAnalyzer``, the table is kept on disk, keyed by
    the texts and every setting (see :mod:`~arabic_news.text.kept_tables`).
    """
    if len(seeds) < 2:
        raise ValueError("give at least two seeds to compare fits")
    texts = _documents(texts)
    settings, content = _keys("topic_stability", texts, analyzer, tuple(n_topics_options),
                              tuple(seeds), max_features, min_df, max_df, max_iter)
    return kept_table(content, settings, lambda: _stability(
        texts, analyzer, n_topics_options, seeds, max_features=max_features, min_df=min_df,
        max_df=max_df, max_iter=max_iter))


def _stability(texts, analyzer, n_topics_options, seeds, *, max_features, min_df, max_df,
               max_iter) -> pd.DataFrame:
    """:func:`topic_stability`'s table, computed."""
    matrix, _ = _tfidf(texts, analyzer, max_features, min_df, max_df)
    for n_topics in n_topics_options:
        check_positive_int("n_topics", n_topics)
    fitting = [n for n in n_topics_options if n <= min(matrix.shape)]
    if not fitting:
        raise NotApplicable(f"{matrix.shape[0]} documents and {matrix.shape[1]} terms are too "
                            f"few for {min(n_topics_options, default=0)} topics or more")
    rows = []
    for n_topics in fitting:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            warnings.filterwarnings("ignore", "invalid value encountered in sqrt",
                                    RuntimeWarning)
            fits = [NMF(n_components=n_topics, init="random", random_state=seed,
                        max_iter=max_iter).fit(matrix).components_ for seed in seeds]
        matched = np.array([match_topics(first, second)
                            for first, second in combinations(fits, 2)])
        rows.append({"n_topics": n_topics, "mean_similarity": float(matched.mean()),
                     "worst_topic": float(np.sort(matched, axis=1).mean(axis=0)[0])})
    return pd.DataFrame(rows, columns=["n_topics", "mean_similarity", "worst_topic"])
