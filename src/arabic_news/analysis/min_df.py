"""Why ``min_df`` makes documents look more alike: the arithmetic behind lesson 3."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
from sklearn.metrics.pairwise import cosine_similarity

from ._checks import check_positive_int
from .tfidf import tfidf_matrix


def min_df_effect(
    texts: Sequence[str], analyzer: Callable[[str], list[str]], min_df: int = 2, **settings
) -> pd.Series:
    """For the two documents most alike under ``min_df``: their cosine with and without it, and why.

    A term found in a single document is zero in every other vector: it adds nothing to the
    dot product of two documents, only to their lengths. ``min_df`` drops such terms (and,
    above 2, terms found in too few documents), so the same dot product is divided by shorter
    vectors: with ``u`` and ``v`` the shares of each document's squared weight that fall on
    dropped terms, the cosine becomes ``cosine / sqrt((1 - u) * (1 - v))``, IDF being
    unchanged for the terms kept. Returned, by name: ``first`` and ``second`` (positions),
    ``cosine`` (all terms), ``cosine with min_df``, ``dropped share first`` and
    ``dropped share second``, ``terms`` and ``terms kept``. ``settings`` go to both fits.
    """
    check_positive_int("min_df", min_df)
    if len(texts) < 2:
        raise ValueError("min_df_effect compares documents: pass at least two texts")
    full, full_vectorizer = tfidf_matrix(texts, analyzer, **settings)
    kept, kept_vectorizer = tfidf_matrix(texts, analyzer, min_df=min_df, **settings)
    similarity = cosine_similarity(kept)
    np.fill_diagonal(similarity, -1.0)
    first, second = np.unravel_index(int(np.argmax(similarity)), similarity.shape)
    kept_columns = [full_vectorizer.vocabulary_[t] for t in kept_vectorizer.get_feature_names_out()]
    dropped = np.ones(full.shape[1], dtype=bool)
    dropped[kept_columns] = False

    def dropped_share(row: int) -> float:
        weights = full[row].toarray().ravel() ** 2  # rows are L2-normalised: the sum is 1
        return float(weights[dropped].sum() / weights.sum())

    pair = sorted((int(first), int(second)))
    return pd.Series({
        "first": pair[0],
        "second": pair[1],
        "cosine": float(cosine_similarity(full[pair[0]], full[pair[1]])[0, 0]),
        "cosine with min_df": float(similarity[pair[0], pair[1]]),
        "dropped share first": dropped_share(pair[0]),
        "dropped share second": dropped_share(pair[1]),
        "terms": full.shape[1],
        "terms kept": kept.shape[1],
    }, dtype=object)
