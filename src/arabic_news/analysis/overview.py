"""A corpus at a glance, and the subsets of it that the lessons compare."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from arabic_news.engines import engine_of

from ._checks import check_positive_int
from .segments import passages


def corpus_overview(corpus: pd.DataFrame) -> pd.DataFrame:
    """Articles, sources, date range and article lengths (in whitespace-separated words).

    Words are counted a slice of texts at a time (``len(text.split())``), so no list of every
    word is ever held; a Dask corpus is counted per partition, its dates and sources computed.
    """
    engine = engine_of(corpus)
    words = engine.collect(engine.map_partitions(corpus["text"], word_counts))
    corpus = engine.small_columns(corpus, ["published", "source"])
    dates = corpus["published"].dropna()
    facts = {
        "articles": len(corpus),
        "sources": corpus["source"].nunique(dropna=True),
        "articles with a date": len(dates),
        "first date": dates.min().date().isoformat() if len(dates) else "",
        "last date": dates.max().date().isoformat() if len(dates) else "",
        "words in all": int(words.sum()),
        "words per article (median)": int(words.median()) if len(words) else 0,
        "shortest article (words)": int(words.min()) if len(words) else 0,
        "longest article (words)": int(words.max()) if len(words) else 0,
    }
    return pd.Series(facts, dtype=object).to_frame("value")


def word_counts(texts: pd.Series, chunk: int = 10_000) -> pd.Series:
    """Whitespace-separated words per text, as ``texts.str.split().str.len()`` gives them,
    counted ``chunk`` texts at a time (bounded memory: no token lists of the whole corpus)."""
    values = texts.tolist() if len(texts) <= chunk else None
    if values is not None:
        counts = [len(text.split()) for text in values]
    else:
        counts = []
        for begin in range(0, len(texts), chunk):
            counts.extend(len(text.split()) for text in texts.iloc[begin:begin + chunk].tolist())
    return pd.Series(counts, index=texts.index, dtype="int64", name=texts.name)


def word_total(texts) -> int:
    """Whitespace-separated words in all ``texts``: ``texts.str.split().str.len().sum()``,
    counted a slice at a time (no token lists); a Dask column is counted per partition and
    summed by the engine."""
    engine = engine_of(texts)
    return int(engine.collect(engine.map_partitions(texts, word_counts).sum()))


def iter_texts(texts, batch_size: int = 10_000) -> Iterator[str]:
    """The values of a column (or any iterable) one by one: a pandas Series or a list as it
    is, a Dask column one partition at a time (only one partition is in memory), for
    helpers that stream texts such as ``display_forms(..., keys=...)``."""
    for batch in engine_of(texts).batches(texts, batch_size):
        yield from batch


def articles_per_source(corpus: pd.DataFrame, unknown: str = "(unknown)") -> pd.Series:
    """Articles per source, most first (``value_counts``), articles without one as ``unknown``.

    The source column is bounded by the number of articles: a Dask corpus computes it.
    """
    if "source" not in corpus.columns:
        raise ValueError(f"the corpus needs a 'source' column; columns: {list(corpus.columns)}")
    corpus = engine_of(corpus).small_columns(corpus, ["source"])
    return corpus["source"].fillna(unknown).value_counts()


def first_rows(frame: pd.DataFrame, n: int = 10, by: str | None = None) -> pd.DataFrame:
    """The first ``n`` rows of any table, in its order or (``by``) ordered by that column.

    ``frame.head(n)`` or ``frame.sort_values(by).head(n)``, always as a pandas frame: a Dask
    frame is read a partition at a time until ``n`` rows are found (its ``head`` reads the
    first partition only, so it shows fewer rows when that partition is short), or each
    partition gives its ``n`` smallest by ``by``: the whole table is never computed to take
    a head.
    """
    check_positive_int("n", n)
    if by is not None and by not in frame.columns:
        raise ValueError(f"by={by!r} is not a column; choose one of {list(frame.columns)}")
    return engine_of(frame).first_rows(frame, n, by)


def first_articles(corpus: pd.DataFrame, n: int = 10, by: str | None = None) -> pd.DataFrame:
    """The first ``n`` articles of a corpus, in corpus order or (``by``) ordered by that
    column: :func:`first_rows` of the corpus."""
    return first_rows(corpus, n, by)


def document_labels(documents: pd.DataFrame, column: str = "title") -> pd.Series:
    """A readable, unique label for each document, indexed by ``doc_id``.

    Tables and charts are keyed on ``doc_id`` (unique by construction) and show these labels:
    the ``column`` value (the headline), followed by `` (doc_id)`` where two documents share
    it, as reprints of one wire story do, or where it is empty. A Dask frame's two columns
    are computed (they are bounded by the number of documents).
    """
    for name in ("doc_id", column):
        if name not in documents.columns:
            columns = list(documents.columns)
            raise ValueError(f"documents need a {name!r} column; columns: {columns}")
    documents = engine_of(documents).small_columns(documents, ["doc_id", column])
    ids = documents["doc_id"].astype(str)
    values = documents[column].fillna("").astype(str).str.strip()
    repeated = values.duplicated(keep=False) | (values == "")
    labels = values.where(~repeated, values + " (" + ids + ")").str.strip()
    return pd.Series(labels.to_numpy(), index=pd.Index(ids.to_numpy(), name="doc_id"),
                     name="label")


def sample_articles(corpus: pd.DataFrame, n: int, random_state: int = 0) -> pd.DataFrame:
    """All articles when there are at most ``n``, else a fixed random sample, sorted by doc_id.

    A Dask corpus gives the same articles for the same ``random_state``, as a pandas frame
    with the same index (read from the partitions that hold them only).
    """
    check_positive_int("n", n)
    return engine_of(corpus).sample(corpus, n, random_state).sort_values("doc_id")


def documents_for_comparison(
    corpus: pd.DataFrame, n: int, random_state: int = 0, min_documents: int = 10
) -> pd.DataFrame:
    """Documents on which weighting settings can be compared.

    A corpus of fewer than ``min_documents`` articles is split into passages (see
    :func:`passages`); a larger one is sampled down to at most ``n`` articles. A Dask
    corpus gives the same pandas frame.
    """
    if len(corpus) < min_documents:
        return passages(engine_of(corpus).collect(corpus))
    return sample_articles(corpus, n, random_state=random_state)
