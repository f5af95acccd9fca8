"""TF-IDF with scikit-learn and the project's analyzer: weights, distinctive terms, similarity."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from itertools import chain
from numbers import Integral, Real

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer, TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from arabic_news.analysis.frequency import DocumentFrequencyTable, document_frequency_table
from arabic_news.engines import engine_of
from arabic_news.errors import NotApplicable
from arabic_news.text.kept_tables import column_content, kept_table
from arabic_news.text.kept_tokens import is_unigrams, kept_encoding, term_batches
from arabic_news.text.remembered import argument_key


def tfidf_matrix(texts: Sequence[str], analyzer: Callable[[str], list[str]], **settings):
    """Fit a ``TfidfVectorizer`` using ``analyzer``; return (document-term matrix, vectorizer).

    ``settings`` go to ``TfidfVectorizer`` (``sublinear_tf``, ``min_df``, ``max_df``, ...).
    N-grams are the analyzer's business (its ``ngram_range``), as scikit-learn ignores
    ``ngram_range`` when the analyzer is a callable. Raises :class:`NotApplicable` when no
    term is left (every text is stop words, or ``min_df``/``max_df`` prune every term).
    """
    if "analyzer" in settings or "ngram_range" in settings:
        raise ValueError("set n-grams on the analyzer (ArabicAnalyzer(ngram_range=...)), not here")
    vectorizer = TfidfVectorizer(analyzer=analyzer, **settings)
    try:
        matrix = fit_transform(vectorizer, texts)
    except ValueError as error:
        message = str(error)
        if "empty vocabulary" in message:
            raise NotApplicable(
                "no term is left in any text once stop words are removed"
            ) from None
        if "no terms remain" in message or "documents than min_df" in message:
            raise NotApplicable(f"no term is left after pruning with {settings}") from None
        raise
    return matrix, vectorizer


def _as_given(terms: list[str]) -> list[str]:
    """The analyzer of a vectorizer handed the terms of each document, already made."""
    return terms


def fit_transform(vectorizer, texts):
    """``vectorizer.fit_transform(texts)``, the terms of a large column of texts read from
    the cache when they were made before (:func:`~arabic_news.text.kept_tokens.kept_encoding`);
    the vectorizer keeps its own analyzer for the texts it is given next."""
    analyzer = vectorizer.analyzer
    encoded = kept_encoding(texts, analyzer)
    if encoded is None:  # tokenised by scikit-learn, as always
        return vectorizer.fit_transform(texts)
    vectorizer.set_params(analyzer=_as_given)
    try:
        return vectorizer.fit_transform(chain.from_iterable(term_batches(encoded, analyzer)))
    finally:
        vectorizer.set_params(analyzer=analyzer)


def _transformed(vectorizer, texts, batch_size: int):
    """``vectorizer.transform`` of a column of ``texts``, ``batch_size`` at a time, the terms
    read as in :func:`fit_transform`: unigrams counted from their ids, n-grams handed to a
    copy of the vectorizer that takes them as they are."""
    analyzer = vectorizer.analyzer
    encoded = kept_encoding(texts, analyzer)
    if encoded is None:
        for begin in range(0, len(texts), batch_size):
            yield vectorizer.transform(texts.iloc[begin:begin + batch_size].tolist())
    elif is_unigrams(analyzer):
        yield from _weighed_ids(vectorizer, encoded, batch_size)
    else:
        given = copy.copy(vectorizer)
        given.set_params(analyzer=_as_given)
        for batch in term_batches(encoded, analyzer, batch_size):
            yield given.transform(batch)


def _weighed_ids(vectorizer, encoded, batch_size: int):
    """What ``vectorizer.transform`` gives for the documents of ``encoded`` (their unigrams
    as ids), ``batch_size`` at a time: the count matrix is built with numpy from the ids
    (scikit-learn counts term by term in Python, seconds for a corpus), then weighed by a
    transformer with the vectorizer's settings and IDF. Indices sorted, as scikit-learn's:
    the same rows, to the last bit."""
    width = len(vectorizer.vocabulary_)
    column_of = np.array([vectorizer.vocabulary_.get(term, -1)
                          for term in encoded.vocabulary.tolist()], dtype=np.int64)
    weigh = TfidfTransformer(norm=vectorizer.norm, use_idf=vectorizer.use_idf,
                             smooth_idf=vectorizer.smooth_idf,
                             sublinear_tf=vectorizer.sublinear_tf)
    with np.errstate(divide="ignore"):  # fitted only to be set up; its IDF is replaced
        weigh.fit(sparse.csr_matrix((1, width), dtype=vectorizer.dtype))
    if vectorizer.use_idf:
        weigh.idf_ = vectorizer.idf_
    offsets = np.concatenate(([0], np.cumsum(encoded.lengths)))
    for begin in range(0, len(encoded), batch_size):
        end = min(begin + batch_size, len(encoded))
        columns = column_of[encoded.ids[offsets[begin]:offsets[end]]]
        rows = np.repeat(np.arange(end - begin), encoded.lengths[begin:end])
        known = columns >= 0
        counts = sparse.csr_matrix(
            (np.ones(int(known.sum()), dtype=vectorizer.dtype), (rows[known], columns[known])),
            shape=(end - begin, width), dtype=vectorizer.dtype)
        counts.sum_duplicates()
        counts.sort_indices()
        if vectorizer.binary:
            counts.data.fill(1)
        yield weigh.transform(counts, copy=False)


def tfidf_of_shown(
    shown: Sequence[str],
    corpus_texts,
    analyzer: Callable[[str], list[str]],
    *,
    frequencies=None,
    **settings,
):
    """TF-IDF rows of the ``shown`` texts, with document frequencies from ``corpus_texts``.

    Equals ``tfidf_matrix(corpus_texts, ...)`` restricted to the rows of the shown texts (same
    weights; the vocabulary is the shown texts' terms that the corpus-wide ``min_df``/
    ``max_df`` keep), without building the corpus's document-term matrix: the corpus is read
    once for its document frequencies (a Counter bounded by the vocabulary; a Dask column is
    counted by the engine, and only the shown texts' terms' frequencies leave it).
    ``shown`` must be among ``corpus_texts``. Returns (matrix, vectorizer) as
    :func:`tfidf_matrix` does. ``frequencies``: the corpus's
    ``document_frequency_table(corpus_texts, analyzer)``, when it was already counted (a
    lesson that weighs several selections reads the corpus once).
    """
    shown = list(shown)
    shown_terms = {term for text in shown for term in analyzer(text)}
    frequencies, documents, (low, high), pruning = _corpus_frequencies(
        "tfidf_of_shown", corpus_texts, analyzer, settings, keys=shown_terms, table=frequencies)
    terms = sorted(term for term in shown_terms if low <= frequencies.get(term, 0) <= high)
    if not terms:
        raise NotApplicable(f"no term of the shown texts is left after pruning with {pruning}")
    vectorizer = _fixed_vectorizer(terms, frequencies, documents, analyzer, settings, shown)
    return vectorizer.transform(shown), vectorizer


def similarity_to_corpus(
    texts: Sequence[str],
    corpus_texts,
    analyzer: Callable[[str], list[str]],
    *,
    batch_size: int = 10_000,
    frequencies=None,
    **settings,
) -> np.ndarray:
    """Cosine similarity of each of ``texts`` to every document of ``corpus_texts``.

    Returns an array of shape ``(len(texts), len(corpus_texts))``: row ``i`` holds text ``i``'s
    cosine to each corpus document, in the corpus's order (column ``j`` is the ``j``-th text
    of ``corpus_texts``; read ``doc_id`` in the same order to name one). The weights are the
    ones ``tfidf_matrix(corpus_texts, analyzer, **settings)`` fits, so the values equal
    ``cosine_similarity(vectorizer.transform(texts), whole_matrix)``, without the whole
    corpus's document-term matrix: the corpus is read twice, once for its document
    frequencies (a Counter bounded by the vocabulary; a Dask column is counted by the
    engine) and once to weigh ``batch_size`` documents at a time with that fixed vocabulary
    and IDF (a Dask column one partition at a time, on the workers). Memory is bounded by a
    batch plus the result. Raises :class:`NotApplicable` when no corpus term is left.
    ``frequencies``: the corpus's ``document_frequency_table(corpus_texts, analyzer)``, when it
    was already counted (then the corpus is read once, to weigh it).
    """
    if isinstance(texts, str):
        raise TypeError("texts must be a collection of texts, not one string; wrap it in a list")
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    texts = list(texts)
    if not texts:
        raise ValueError("texts is empty: pass the texts to compare with the corpus")
    frequencies, documents, (low, high), pruning = _corpus_frequencies(
        "similarity_to_corpus", corpus_texts, analyzer, settings, table=frequencies)
    terms = sorted(term for term, count in frequencies.items() if low <= count <= high)
    if not terms:
        raise NotApplicable(f"no term of the corpus is left after pruning with {pruning}")
    vectorizer = _fixed_vectorizer(terms, frequencies, documents, analyzer, settings, texts)
    query = vectorizer.transform(texts)
    parts = engine_of(corpus_texts).per_partition(corpus_texts, _similarities, query, vectorizer,
                                                  batch_size)
    return np.hstack([np.zeros((query.shape[0], 0)), *parts])


def _similarities(corpus_texts, query, vectorizer, batch_size: int) -> np.ndarray:
    """``query``'s cosine to each text of one partition, weighed ``batch_size`` at a time."""
    parts = [np.zeros((query.shape[0], 0))]
    for weights in _transformed(vectorizer, corpus_texts, batch_size):
        parts.append(cosine_similarity(query, weights))
    return np.hstack(parts)


def _corpus_frequencies(caller: str, corpus_texts, analyzer, settings: dict, keys=None,
                        table=None):
    """The corpus's document frequencies, its size, the ``min_df``/``max_df`` bounds in
    documents and their description; validates ``settings`` and takes both out of them.

    The frequencies are counted into a table kept on the engine; with ``keys`` (the only
    terms the caller needs) only those of ``keys`` come back (absent ones are missing: read
    with ``.get``). ``table``: a ``DocumentFrequencyTable`` already counted on the corpus,
    used instead of counting it again.
    """
    if "analyzer" in settings or "ngram_range" in settings:
        raise ValueError("set n-grams on the analyzer (ArabicAnalyzer(ngram_range=...)), not here")
    unsupported = sorted(set(settings) & {"vocabulary", "max_features", "use_idf"})
    if unsupported:
        raise ValueError(f"{caller} does not take {unsupported}; use tfidf_matrix")
    min_df, max_df = settings.pop("min_df", 1), settings.pop("max_df", 1.0)
    if table is not None and not isinstance(table, DocumentFrequencyTable):
        raise TypeError(f"frequencies= takes analysis.document_frequency_table(corpus_texts, "
                        f"analyzer), got {type(table).__name__}")
    if table is None:
        table = document_frequency_table(corpus_texts, analyzer)  # kept on the engine
    empty = not table.distinct
    frequencies = {} if empty else table.counter() if keys is None else table.counts_of(keys)
    if empty:
        raise NotApplicable("no term is left in any text once stop words are removed")
    documents = len(corpus_texts)  # a Dask column counts its rows
    low = min_df if isinstance(min_df, int) else min_df * documents
    high = max_df if isinstance(max_df, int) else max_df * documents
    return frequencies, documents, (low, high), f"min_df={min_df}, max_df={max_df}"


def _fixed_vectorizer(terms, frequencies, documents: int, analyzer, settings: dict, texts):
    """A ``TfidfVectorizer`` over ``terms`` with the corpus's IDF, as a whole-corpus fit sets it
    (scikit-learn's formula: ln((n + smooth) / (df + smooth)) + 1). It is fitted on ``texts``
    only to set it up; the IDF it learns there is replaced."""
    # lowercase is never applied with a callable analyzer; left True, scikit-learn warns that
    # Latin capitals in the fixed vocabulary "will not be matched", which is not so here.
    settings = {"lowercase": False, **settings}
    vectorizer = TfidfVectorizer(analyzer=analyzer, vocabulary=terms, **settings)
    with np.errstate(divide="ignore"):  # a corpus term absent from texts: df 0, replaced below
        vectorizer.fit(texts)
    counts = np.array([frequencies[term] for term in terms], dtype=np.float64)
    smooth = int(vectorizer.smooth_idf)
    vectorizer.idf_ = np.log((documents + smooth) / (counts + smooth)) + 1
    return vectorizer


def distinctive_terms(matrix, vectorizer, labels: Sequence[str], n: int = 10) -> pd.DataFrame:
    """The ``n`` highest-weighted terms of each document: a long table label, rank, term, weight.

    Ties are broken by the term, so the table is the same on every run.
    """
    if matrix.shape[0] != len(labels):
        raise ValueError(f"{len(labels)} labels for {matrix.shape[0]} documents")
    terms = vectorizer.get_feature_names_out()
    rows = []
    for row, label in enumerate(labels):
        vector = matrix.getrow(row)
        pairs = sorted(zip(vector.data, terms[vector.indices], strict=True),
                       key=lambda pair: (-pair[0], pair[1]))
        for rank, (weight, term) in enumerate(pairs[:n], start=1):
            rows.append({"document": label, "rank": rank, "term": term, "weight": float(weight)})
    return pd.DataFrame(rows, columns=["document", "rank", "term", "weight"])


def similarity_table(matrix, labels: Sequence[str]) -> pd.DataFrame:
    """Cosine similarity between every pair of documents, labelled on both axes."""
    if matrix.shape[0] != len(labels):
        raise ValueError(f"{len(labels)} labels for {matrix.shape[0]} documents")
    values = cosine_similarity(matrix)
    np.fill_diagonal(values, 1.0)
    return pd.DataFrame(values, index=list(labels), columns=list(labels))


#: The settings :func:`_weighed` applies to a count matrix itself; any other goes to
#: :func:`tfidf_matrix`.
_FROM_COUNTS = frozenset({"min_df", "max_df", "sublinear_tf", "norm", "use_idf", "smooth_idf"})


def _weighed(counts, texts, analyzer, settings: Mapping):
    """The matrix ``tfidf_matrix(texts, analyzer, **settings)`` fits, from ``counts`` (every
    term of ``texts`` counted by scikit-learn's ``CountVectorizer``, terms sorted): the
    terms outside ``min_df``/``max_df`` dropped as scikit-learn drops them, then weighed by
    a ``TfidfTransformer`` with the other settings. Counting and sorting the terms is most
    of a fit (half a million bigrams): comparing settings counts once per analyzer.
    ``counts`` may be the ``NotApplicable`` met when counting, raised here."""
    min_df, max_df = settings.get("min_df", 1), settings.get("max_df", 1.0)
    if not set(settings) <= _FROM_COUNTS or not all(map(_is_document_bound, (min_df, max_df))):
        return tfidf_matrix(texts, analyzer, **settings)[0]  # scikit-learn says what is wrong
    if isinstance(counts, NotApplicable):
        raise counts
    documents = counts.shape[0]
    low = min_df if isinstance(min_df, Integral) else min_df * documents
    high = max_df if isinstance(max_df, Integral) else max_df * documents
    frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    kept = np.flatnonzero((frequency >= low) & (frequency <= high))
    if high < low or not len(kept):
        raise NotApplicable(f"no term is left after pruning with {dict(settings)}")
    weighing = {name: value for name, value in settings.items()
                if name not in ("min_df", "max_df")}
    return TfidfTransformer(**weighing).fit_transform(counts[:, kept])


def _is_document_bound(value) -> bool:
    """A ``min_df``/``max_df`` scikit-learn accepts: a share of the documents (0 to 1) or a
    number of them (1 or more)."""
    if isinstance(value, bool) or not isinstance(value, Real):
        return False
    return value >= 1 if isinstance(value, Integral) else 0 <= value <= 1


def tfidf_settings_effects(
    texts: Sequence[str],
    analyzers: Mapping[str, Callable[[str], list[str]]],
    settings: Mapping[str, Mapping],
) -> pd.DataFrame:
    """What each (analyzer, vectorizer settings) pair does: vocabulary size and similarities.

    For every named analyzer and every named settings dict, fit TF-IDF on ``texts`` and report
    the number of terms kept and the mean and maximum cosine similarity between different
    documents (how alike the documents look under that weighting). A setting that prunes
    every term gives a vocabulary of 0 and no similarity (NaN). Raises :class:`NotApplicable`
    for fewer than three documents (``min_df``/``max_df`` need them) or when no text has a
    term at all. The table is kept on disk for a large collection when every analyzer and
    setting can be keyed (see :mod:`~arabic_news.text.kept_tables`).
    """
    if len(texts) < 3:
        raise NotApplicable(
            f"comparing weighting settings needs at least three documents, this corpus "
            f"gives {len(texts)}"
        )
    parts = [argument_key(part) for name, analyzer in analyzers.items()
             for part in (name, analyzer)]
    parts += [argument_key(part) for name, kwargs in settings.items()
              for part in (name, tuple(sorted(kwargs.items())))]
    content = None if None in parts else column_content(texts)  # kept when all can be keyed
    table = kept_table(content, ("tfidf_settings_effects", len(analyzers), *parts),
                       lambda: _settings_effects(texts, analyzers, settings).reset_index())
    return table.set_index(["terms", "weighting"])


def _settings_effects(texts: Sequence[str],
                      analyzers: Mapping[str, Callable[[str], list[str]]],
                      settings: Mapping[str, Mapping]) -> pd.DataFrame:
    """:func:`tfidf_settings_effects`'s table, computed."""
    rows = []
    for analyzer_name, analyzer in analyzers.items():
        try:  # counted once per analyzer, then weighed once per setting
            counts = fit_transform(CountVectorizer(analyzer=analyzer, dtype=np.float64), texts)
        except ValueError as error:  # no setting can keep a term
            if "empty vocabulary" not in str(error):
                raise
            counts = NotApplicable("no term is left in any text once stop words are removed")
        for settings_name, kwargs in settings.items():
            try:
                matrix = _weighed(counts, texts, analyzer, kwargs)
            except NotApplicable:
                if not kwargs:  # raw counts keep every term: no text has one
                    raise
                vocabulary, mean, best = 0, float("nan"), float("nan")
            else:
                similarity = cosine_similarity(matrix)
                off_diagonal = similarity[~np.eye(len(texts), dtype=bool)]
                vocabulary = matrix.shape[1]
                mean, best = float(off_diagonal.mean()), float(off_diagonal.max())
            rows.append({
                "terms": analyzer_name,
                "weighting": settings_name,
                "vocabulary": vocabulary,
                "mean similarity": mean,
                "max similarity": best,
            })
    return pd.DataFrame(rows).set_index(["terms", "weighting"])
