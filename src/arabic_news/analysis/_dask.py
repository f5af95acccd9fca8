"""The analyses on Dask collections: the same results as the pandas path, computed by the engine.

Each public analysis checks :func:`is_dask` on its input and comes here. The work per
partition calls the package's analyzer, tokeniser and date extractor unchanged (through the
pandas functions, on one partition at a time); what crosses partitions is aggregated by Dask:
term and n-gram counts go through ``groupby(...).sum(split_out=...)``, whose shuffle spills to
disk, so no process ever holds one Counter of the whole vocabulary. Top-n tables are taken
exactly from the aggregated partitions (each keeps the entries that reach its own n-th count,
ties included). Functions that return a whole vocabulary as a ``Counter`` (as the pandas path
does) materialise the *result* only.

Dask is imported lazily: the pandas path never needs it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator

import pandas as pd

from arabic_news.lazy import is_dask  # noqa: F401  (the analyses ask it here)


def iter_texts(texts) -> Iterator[str]:
    """The texts of a column one by one: a pandas Series or any iterable as it is, a Dask
    Series one partition at a time (only one partition is in memory), for helpers that
    stream texts such as ``display_forms(..., keys=...)``."""
    if is_dask(texts):
        for number in range(texts.npartitions):
            yield from texts.get_partition(number).compute()
    else:
        yield from texts


def _split_out(collection) -> int:
    return max(1, collection.npartitions)


# ----------------------------------------------------------------------------- counting
_COUNT_META = pd.DataFrame({"size": pd.Series(dtype="int64"), "term": pd.Series(dtype=str),
                            "count": pd.Series(dtype="int64")})


def _partition_ngrams(texts: pd.Series, tokens, sizes) -> pd.DataFrame:
    from arabic_news.analysis.frequency import ngram_counts

    counts = ngram_counts(texts.tolist(), tokens, sizes)
    frames = [pd.DataFrame({"size": size, "term": list(counter), "count": list(counter.values())})
              for size, counter in counts.items()]
    frame = pd.concat(frames, ignore_index=True) if frames else _COUNT_META.copy()
    return frame.astype({"size": "int64", "term": str, "count": "int64"})


def _partition_terms(texts: pd.Series, analyzer, documents: bool) -> pd.DataFrame:
    counter: Counter = Counter()
    for text in texts.tolist():
        terms = analyzer(text)
        counter.update(set(terms) if documents else terms)
    frame = pd.DataFrame({"size": 1, "term": list(counter), "count": list(counter.values())})
    return frame.astype({"size": "int64", "term": str, "count": "int64"})


def ngram_table(texts, tokens: Callable, sizes: Iterable[int] = (1, 2)):
    """A lazy dask Series of n-gram counts, indexed by (size, term), aggregated by the engine."""
    sizes = tuple(sizes)
    parts = texts.map_partitions(_partition_ngrams, tokens, sizes, meta=_COUNT_META)
    return parts.groupby(["size", "term"])["count"].sum(split_out=_split_out(texts))


def term_table(texts, analyzer: Callable, documents: bool = False):
    """A lazy dask Series of term counts (or document frequencies), indexed by (size, term)."""
    parts = texts.map_partitions(_partition_terms, analyzer, documents, meta=_COUNT_META)
    return parts.groupby(["size", "term"])["count"].sum(split_out=_split_out(texts))


def _counters(table, sizes) -> dict[int, Counter]:
    computed = table.compute()
    counts: dict[int, Counter] = {size: Counter() for size in sizes}
    for (size, term), count in computed.items():
        counts[int(size)][term] = int(count)
    return counts


def ngram_counts(texts, tokens, sizes) -> dict[int, Counter]:
    return _counters(ngram_table(texts, tokens, sizes), tuple(sizes))


def term_counts(texts, analyzer) -> Counter:
    return _counters(term_table(texts, analyzer), (1,))[1]


def document_frequencies(texts, analyzer) -> Counter:
    return _counters(term_table(texts, analyzer, documents=True), (1,))[1]


def _candidates(part: pd.DataFrame, n: int, size: int) -> pd.DataFrame:
    """The entries of one aggregated partition that can reach the overall top ``n``."""
    part = part[part["size"] == size]
    if len(part) > n:
        threshold = part["count"].nlargest(n).iloc[-1]
        part = part[part["count"] >= threshold]
    return part[["term", "count"]]


def top_from_table(table, n: int, size: int = 1) -> pd.DataFrame:
    """The exact top ``n`` of one size from an aggregated (size, term) table, with shares.

    Each partition of the aggregated table holds distinct terms (``split_out`` hashes them),
    so the union of each partition's candidates (ties at its n-th count included) holds
    the overall top ``n``; they are ranked as the pandas path ranks them.
    """
    return top_from_frame(table.reset_index(), n, size)


def top_from_frame(frame, n: int, size: int = 1) -> pd.DataFrame:
    """:func:`top_from_table` on the table as a frame of columns ``size, term, count``."""
    import dask

    from arabic_news.analysis.frequency import _ranked

    meta = pd.DataFrame({"term": pd.Series(dtype=str), "count": pd.Series(dtype="int64")})
    candidates = frame.map_partitions(_candidates, n, size, meta=meta)
    total = frame[frame["size"] == size]["count"].sum()
    candidates, total = dask.compute(candidates, total)
    counter = Counter(dict(zip(candidates["term"], candidates["count"].tolist(), strict=True)))
    ranked = _ranked(counter, n)
    ranked["share"] = ranked["count"] / int(total) if int(total) else 0.0
    return ranked


class DaskCounts:
    """The engine side of :class:`~arabic_news.analysis.frequency.CountTable`: the
    aggregated (size, term, count) frame of :func:`ngram_table`, persisted once (on the
    cluster's workers; with a local scheduler, in this process), so that every question
    reads it instead of counting the corpus again. Only answers come back: a top ``n``,
    a few integers, one count. With ``documents=True`` the table is the document
    frequencies of :func:`term_table` (size 1: in how many texts each term occurs), for
    :class:`~arabic_news.analysis.frequency.DocumentFrequencyTable`."""

    def __init__(self, texts, tokens: Callable, sizes: tuple[int, ...],
                 documents: bool = False):
        if documents:
            if sizes != (1,):
                raise ValueError(f"document frequencies are of single terms (sizes=(1,)), "
                                 f"got sizes={sizes!r}")
            table = term_table(texts, tokens, documents=True)
        else:
            table = ngram_table(texts, tokens, sizes)
        self.frame = table.reset_index().persist()
        self._summaries: dict[int, tuple[int, int, int]] = {}

    def _of_size(self, size: int):
        return self.frame[self.frame["size"] == size]

    def summary(self, size: int) -> tuple[int, int, int]:
        """(total, distinct, once) of one size, three reductions computed together, once."""
        if size not in self._summaries:
            import dask

            counts = self._of_size(size)["count"]
            total, distinct, once = dask.compute(counts.sum(), counts.count(),
                                                 (counts == 1).sum())
            self._summaries[size] = (int(total), int(distinct), int(once))
        return self._summaries[size]

    def top(self, size: int, n: int) -> pd.DataFrame:
        return top_from_frame(self.frame, n, size)

    def count(self, size: int, key: str) -> int:
        """The count of one entry (0 when absent), filtered on the engine."""
        part = self._of_size(size)
        return int(part[part["term"] == key]["count"].sum().compute())

    def counts_of(self, size: int, keys: set[str]) -> Counter:
        """The entries of one size whose key is in ``keys``, filtered on the engine."""
        part = self._of_size(size)
        return self._as_counter(part[part["term"].isin(sorted(keys))])

    def at_least(self, size: int, count: int) -> Counter:
        """The entries of one size counted at least ``count`` times, in term order."""
        part = self._of_size(size)
        return self._as_counter(part[part["count"] >= count])

    def counter(self, size: int) -> Counter:
        """Every entry of one size, materialised, in term order (deterministic)."""
        return self._as_counter(self._of_size(size))

    @staticmethod
    def _as_counter(frame) -> Counter:
        computed = frame[["term", "count"]].compute().sort_values("term")
        return Counter(dict(zip(computed["term"].tolist(), computed["count"].tolist(),
                                strict=True)))


def top_terms(texts, analyzer, n: int) -> pd.DataFrame:
    return top_from_table(term_table(texts, analyzer), n)


def top_ngrams(texts, tokens, size: int, n: int) -> pd.DataFrame:
    return top_from_table(ngram_table(texts, tokens, (size,)), n, size)


# ----------------------------------------------------------------------------- per document
def top_terms_by_document(corpus, analyzer, n: int, label: str) -> pd.DataFrame:
    from arabic_news.analysis.frequency import top_terms_by_document as on_pandas

    meta = pd.DataFrame({label: pd.Series(dtype=corpus[label].dtype),
                         "rank": pd.Series(dtype="int64"), "term": pd.Series(dtype=str),
                         "count": pd.Series(dtype="int64")})
    parts = corpus[[label, "text"]].map_partitions(on_pandas, analyzer, n, label, meta=meta)
    return parts.compute().reset_index(drop=True)


# ----------------------------------------------------------------------------- articles
def partition_lengths(frame) -> list[int]:
    """The rows of each partition, in order (only the first column is read)."""
    first = frame if frame.ndim == 1 else frame[frame.columns[0]]
    return [int(length) for length in first.map_partitions(len).compute()]


def _take(part: pd.DataFrame, positions: list[int], offset: int) -> pd.DataFrame:
    from arabic_news.analysis.overview import rows_at

    taken = rows_at(part, positions)
    taken.index = pd.Index([offset + position for position in positions])
    return taken


def sample_articles(corpus, n: int, random_state) -> pd.DataFrame:
    """The articles ``corpus.compute().sample(n, random_state=...)`` picks, as a pandas frame
    indexed by their positions in the corpus (the index ``load_corpus`` gives on pandas), read
    from the partitions that hold them only.

    pandas picks positions from the length alone, so sampling a range of that length with
    the same ``random_state`` gives the very same positions.
    """
    import dask

    from arabic_news.analysis.overview import sampled_positions

    lengths = partition_lengths(corpus)
    total = sum(lengths)
    picked = list(range(total)) if total <= n else sampled_positions(total, n, random_state)
    wanted: dict[int, list[int]] = {}
    offsets, start = [], 0
    for length in lengths:
        offsets.append(start)
        start += length
    bounds = pd.Series(offsets)
    for position in sorted(picked):
        number = int(bounds.searchsorted(position, side="right")) - 1
        wanted.setdefault(number, []).append(position - offsets[number])
    parts = [corpus.get_partition(number).map_partitions(
                 _take, local, offsets[number], meta=corpus._meta)
             for number, local in wanted.items()]
    frames = dask.compute(*parts)
    chosen = pd.concat(frames) if frames else corpus._meta.copy()
    return chosen.loc[picked] if len(chosen) else chosen


# ----------------------------------------------------------------------------- similarity
def _partition_similarities(texts: pd.Series, query, vectorizer, batch_size: int):
    from arabic_news.analysis.tfidf import _similarities

    return _similarities(query, texts, vectorizer, batch_size)


def similarity_to_corpus(query, texts, vectorizer, batch_size: int):
    """``similarity_to_corpus`` over a Dask column: each partition is weighed on a worker,
    ``batch_size`` texts at a time, and returns its columns of cosines; the vectorizer (its
    vocabulary and IDF) is sent once, not with every task."""
    import dask
    import numpy as np

    shared = dask.delayed(vectorizer, pure=True)
    shared_query = dask.delayed(query, pure=True)
    parts = [dask.delayed(_partition_similarities)(part, shared_query, shared, batch_size)
             for part in texts.to_delayed()]
    return np.hstack([np.zeros((query.shape[0], 0)), *dask.compute(*parts)])


# ----------------------------------------------------------------------------- over time
def small_columns(corpus, columns: list[str]) -> pd.DataFrame:
    """Columns bounded by the number of articles (dates, sources), computed to pandas."""
    return corpus[columns].compute().reset_index(drop=True)


def _period_totals(part: pd.DataFrame, terms, analyzer, frequency, start, end) -> pd.DataFrame:
    from arabic_news.analysis.timelines import _period_totals as on_pandas

    return on_pandas(part, terms, analyzer, frequency, start, end)


def term_share_over_time(corpus, terms, analyzer, frequency, start, end) -> pd.DataFrame:
    from arabic_news.analysis.timelines import _dated, _shares, choose_frequency

    dated = _dated(small_columns(corpus, ["published"]), start, end)
    frequency = frequency or choose_frequency(dated["published"])
    meta = pd.DataFrame({"total": pd.Series(dtype="int64"),
                         **{term: pd.Series(dtype="int64") for term in terms}},
                        index=pd.DatetimeIndex([], name="period"))
    parts = corpus[["published", "text"]].map_partitions(
        _period_totals, list(terms), analyzer, frequency, start, end, meta=meta)
    totals = parts.compute()
    totals = totals.groupby(level="period").sum()
    return _shares(totals, terms)


# ----------------------------------------------------------------------------- dates
def _distinct(part: pd.DataFrame) -> pd.DataFrame:
    return part.drop_duplicates()


def event_points(mentions, max_events: int, granularities) -> pd.DataFrame:
    """``event_points`` from a dask mentions frame: per-date counts aggregated by the engine.

    Both counts are bounded by the distinct dates (and their spellings), not by the corpus, so
    they are tree reductions with no shuffle. The articles per date are counted from each
    partition's distinct (date, article) pairs: an article's mentions all come from the one
    partition that holds the article, so no pair repeats across partitions.
    """
    import dask

    from arabic_news.analysis.events import _events

    resolved = mentions[~mentions["value"].isna()
                        & mentions["granularity"].isin(list(granularities))]
    spellings = resolved.groupby(["value", "granularity", "text"]).size(split_out=1)
    pairs = resolved[["value", "granularity", "doc_id"]].map_partitions(_distinct)
    articles = pairs.groupby(["value", "granularity"]).size(split_out=1)
    spellings, articles = dask.compute(spellings, articles)
    return _events(spellings, articles, max_events)


# ----------------------------------------------------------------------------- lessons 1 and 2
_TERM_META = pd.DataFrame({"term": pd.Series(dtype=str), "count": pd.Series(dtype="int64")})


def _partition_counter(texts: pd.Series, counter_of: Callable, *args) -> pd.DataFrame:
    counter = counter_of(texts.tolist(), *args)
    frame = pd.DataFrame({"term": list(counter), "count": list(counter.values())})
    return frame.astype({"term": str, "count": "int64"})


def _summed_counter(texts, counter_of: Callable[..., Counter], *args) -> Counter:
    """``counter_of(texts, *args)`` (texts -> Counter) over a Dask column: each partition
    counted by its task, the counts summed by the engine (``split_out``); only the result is
    materialised, its entries in term order (deterministic)."""
    parts = texts.map_partitions(_partition_counter, counter_of, *args, meta=_TERM_META)
    table = parts.groupby("term")["count"].sum(split_out=_split_out(texts)).compute()
    table = table.sort_index()
    return Counter(dict(zip(table.index.tolist(), table.tolist(), strict=True)))


def counter(texts, counter_of: Callable[[list[str]], Counter]) -> Counter:
    """``counter_of`` (such as ``written_words``) over a Dask column, whose result is a whole
    vocabulary (see :func:`_summed_counter`)."""
    return _summed_counter(texts, counter_of)


def spelling_counts(texts, wanted: frozenset) -> Counter:
    """Written tokens whose normalised form is in ``wanted``, with their counts: only those
    tokens leave each partition's task (see :func:`_summed_counter`)."""
    from arabic_news.analysis.cleaning import _spelling_counts

    return _summed_counter(texts, _spelling_counts, wanted)


def word_total(texts) -> int:
    """Whitespace-separated words in all texts, counted per partition and summed by Dask."""
    from arabic_news.analysis.overview import word_counts

    return int(texts.map_partitions(word_counts, meta=(texts.name, "int64")).sum().compute())


def first_rows(frame, n: int, by: str | None) -> pd.DataFrame:
    """The first ``n`` rows in the frame's order (``by=None``) or by column ``by``, as pandas.

    In order, partitions are read one at a time until ``n`` rows are found; sorted, each
    partition gives its own ``n`` smallest and the union is sorted again: the whole frame is
    never computed (nor shuffled) to take a head.
    """
    if by is None:
        parts, found = [], 0
        for number in range(frame.npartitions):
            part = frame.get_partition(number).head(n - found, npartitions=1, compute=True)
            parts.append(part)
            found += len(part)
            if found >= n:
                break
        taken = pd.concat(parts) if parts else frame._meta
        return taken.head(n).reset_index(drop=True)
    smallest = frame.map_partitions(_smallest, n, by, meta=frame._meta).compute()
    return smallest.sort_values(by, kind="stable").head(n).reset_index(drop=True)


def _smallest(part: pd.DataFrame, n: int, by: str) -> pd.DataFrame:
    return part.sort_values(by, kind="stable").head(n)


def keyword_in_context(corpus, on_pandas: Callable, limit: int | None, **options) -> list[dict]:
    """The rows of ``keyword_in_context`` over a Dask corpus: partitions searched in order by
    their tasks (only the matches come back), stopping once ``limit`` rows are found."""
    columns = corpus[["doc_id", "text"]]
    meta = pd.DataFrame({"doc_id": pd.Series(dtype=corpus["doc_id"].dtype),
                         **{name: pd.Series(dtype=str) for name in ("before", "keyword", "after")}})
    rows: list[dict] = []
    for number in range(columns.npartitions):
        remaining = None if limit is None else limit - len(rows)
        found = columns.get_partition(number).map_partitions(
            on_pandas, limit=remaining, meta=meta, **options).compute()
        rows.extend(found.to_dict("records"))
        if limit is not None and len(rows) >= limit:
            break
    return rows
