"""Term counts over a corpus: overall and per document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

import pandas as pd

from arabic_news.analysis import _dask
from arabic_news.analysis._checks import check_positive_int

Analyzer = Callable[[str], list[str]]


def _ranked(counter: Counter, n: int | None) -> pd.DataFrame:
    """Most frequent first; ties broken by the term itself so that results are deterministic."""
    items = counter.items()
    if n is not None and len(counter) > n:
        # Only entries at least as frequent as the n-th can rank: sort those, not millions.
        threshold = counter.most_common(n)[-1][1]
        items = [item for item in items if item[1] >= threshold]
    items = sorted(items, key=lambda item: (-item[1], item[0]))
    if n is not None:
        items = items[:n]
    table = pd.DataFrame(items, columns=["term", "count"])
    table.index = pd.RangeIndex(1, len(table) + 1, name="rank")
    return table


def term_counts(texts: Iterable[str], analyzer: Analyzer) -> Counter:
    """Count every term the analyzer yields over all texts.

    ``texts`` may be a Dask column (``load_corpus(path, engine="dask")["text"]``): the
    counts are then aggregated by the engine and the same Counter is returned.
    """
    if _dask.is_dask(texts):
        return _dask.term_counts(texts, analyzer)
    counts: Counter = Counter()
    for text in texts:
        counts.update(analyzer(text))
    return counts


def top_terms(texts: Iterable[str], analyzer: Analyzer, n: int = 20) -> pd.DataFrame:
    """The ``n`` most frequent terms with their count and share of all terms (rank 1 first).

    On a Dask column the top ``n`` is taken from the engine's aggregated counts, exactly,
    without one Counter of the whole vocabulary.
    """
    if _dask.is_dask(texts):
        check_positive_int("n", n)
        return _dask.top_terms(texts, analyzer, n)
    return ranked_terms(term_counts(texts, analyzer), n)


def top_ngrams(
    texts: Iterable[str], tokens: Analyzer, size: int = 2, n: int = 20,
    partitions: int | None = None,
) -> pd.DataFrame:
    """The ``n`` most frequent n-grams of ``size`` terms, with count and share (rank 1 first).

    The table :func:`ranked_terms` gives for ``ngram_counts(texts, tokens, (size,))[size]``.
    On a Dask column the vocabulary is aggregated by the engine (never one Counter). On one
    machine, ``partitions=k`` gives the same table exactly with about ``1/k`` of the
    vocabulary in memory at a time (hash partitions spilled to a temporary folder; see
    :mod:`arabic_news.analysis.spill`); ``None`` counts in one Counter (fastest).
    """
    check_positive_int("n", n)
    check_positive_int("size", size)
    if _dask.is_dask(texts):
        return _dask.top_ngrams(texts, tokens, size, n)
    if partitions is not None:
        from arabic_news.analysis.spill import spilled_ranking, spilled_top

        check_positive_int("partitions", partitions)

        def grams(text: str) -> Iterable[str]:
            terms = tokens(text)
            if size == 1:
                return terms
            return map(" ".join, zip(*(terms[i:] for i in range(size)), strict=False))

        return spilled_ranking(*spilled_top(texts, grams, n, partitions), n)
    return ranked_terms(ngram_counts(texts, tokens, (size,))[size], n)


def document_frequencies(texts: Iterable[str], analyzer: Analyzer) -> Counter:
    """For each term, the number of texts it occurs in (pandas or Dask column). On Dask the
    whole vocabulary comes back as one Counter: to ask a large corpus only the top terms or
    a few lookups, use :func:`document_frequency_table`."""
    if _dask.is_dask(texts):
        return _dask.document_frequencies(texts, analyzer)
    counts: Counter = Counter()
    for text in texts:
        counts.update(set(analyzer(text)))
    return counts


def ranked_terms(counts: Counter, n: int = 20) -> pd.DataFrame:
    """The ``n`` most frequent entries of ``counts`` with their count and share (rank 1 first)."""
    check_positive_int("n", n)
    table = _ranked(counts, n)
    total = sum(counts.values())
    table["share"] = table["count"] / total if total else 0.0
    return table


def ngram_counts(
    texts: Iterable[str], tokens: Analyzer, sizes: Iterable[int] = (1, 2)
) -> dict[int, Counter]:
    """Counts of the n-grams of each size in ``sizes``, from one call of ``tokens`` per text.

    ``tokens`` turns a text into its terms (e.g. ``ArabicAnalyzer().tokens``). N-grams of
    adjacent terms are joined by one space, as ``ArabicAnalyzer(ngram_range=(k, k))`` joins
    them, so each Counter equals that analyzer's counts; one pass serves every size.
    ``texts`` may be a Dask column: the engine aggregates (``groupby`` with ``split_out``)
    and the same Counters are returned; for a vocabulary too large to return, use
    :func:`count_table` (totals, lookups and top ``n`` answered on the engine) or
    :func:`top_ngrams`.
    """
    sizes = tuple(sizes)
    if not sizes or any(not isinstance(size, int) or size < 1 for size in sizes):
        raise ValueError(f"sizes must be positive integers, got {sizes!r}")
    if _dask.is_dask(texts):
        return _dask.ngram_counts(texts, tokens, sizes)
    counts: dict[int, Counter] = {size: Counter() for size in sizes}
    for text in texts:
        terms = tokens(text)
        for size, counter in counts.items():
            if size == 1:
                counter.update(terms)
            else:
                counter.update(map(" ".join, zip(*(terms[i:] for i in range(size)), strict=False)))
    return counts


class CountTable:
    """The counts of the n-grams of one size, answering the questions a lesson asks of them.

    Made by :func:`count_table`, not directly. On a pandas column (or any iterable of texts)
    it wraps the ``Counter`` of :func:`ngram_counts`; on a Dask column it wraps the table the
    engine aggregated, kept on the engine, so that a corpus whose vocabulary does not fit
    in one process can still be asked:

    - ``top(n)``: the ``n`` most frequent entries, the table :func:`ranked_terms` gives
      (``term``, ``count``, ``share``; ties ranked by the term itself);
    - ``total``: all occurrences; ``distinct``: the number of different entries (types);
      ``once``: the number of entries that occur exactly once;
    - ``table[key]``: the count of one entry, 0 when it is absent (as a ``Counter``);
    - ``at_least(count)``: the entries counted at least ``count`` times, as a ``Counter``;
    - ``counter()``: every count as a ``Counter``; on Dask this materialises the whole
      vocabulary of this size in this process, so ask only when it is small.

    Every answer is the same on both engines; on Dask each is computed from the engine's
    table (a top ``n``, a reduction, a filter), never by recounting the corpus.
    """

    def __init__(self, size: int, counts: Counter | None = None, engine_counts=None):
        self.size = size
        self._counts = counts
        self._engine = engine_counts

    def __repr__(self) -> str:
        engine = "dask" if self._engine is not None else "pandas"
        return f"CountTable(size={self.size}, engine={engine!r})"

    def top(self, n: int = 20) -> pd.DataFrame:
        """The ``n`` most frequent entries with their count and share (rank 1 first)."""
        check_positive_int("n", n)
        if self._engine is not None:
            return self._engine.top(self.size, n)
        return ranked_terms(self._counts, n)

    def _summary(self) -> tuple[int, int, int]:
        if self._engine is not None:
            return self._engine.summary(self.size)
        values = self._counts.values()
        return sum(values), len(self._counts), sum(1 for count in values if count == 1)

    @property
    def total(self) -> int:
        """The number of occurrences of all entries (the sum of the counts)."""
        return self._summary()[0]

    @property
    def distinct(self) -> int:
        """The number of different entries (types) counted at least once."""
        return self._summary()[1]

    @property
    def once(self) -> int:
        """The number of entries that occur exactly once (hapax legomena)."""
        return self._summary()[2]

    def __getitem__(self, key: str) -> int:
        """The count of ``key`` (a term; an n-gram's terms joined by one space), 0 if absent."""
        if not isinstance(key, str):
            raise TypeError(f"look up a term as a string (an n-gram's terms joined by one "
                            f"space), got {type(key).__name__} {key!r}")
        if self._engine is not None:
            return self._engine.count(self.size, key)
        return self._counts[key]

    def counts_of(self, keys) -> Counter:
        """The counts of ``keys`` (absent ones left out), in one question: on Dask the table
        is filtered on the engine and only these entries come back."""
        keys = set(keys)
        bad = next((key for key in keys if not isinstance(key, str)), None)
        if bad is not None:
            raise TypeError(f"keys are strings (an n-gram's terms joined by one space), got "
                            f"{type(bad).__name__} {bad!r}")
        if self._engine is not None:
            return self._engine.counts_of(self.size, keys)
        return Counter({key: self._counts[key] for key in keys if key in self._counts})

    def at_least(self, count: int) -> Counter:
        """The entries counted at least ``count`` times, as a ``Counter`` (e.g. every entry
        tied with the ``n``-th of ``top(n)``); a low ``count`` returns most of the vocabulary."""
        check_positive_int("count", count)
        if self._engine is not None:
            return self._engine.at_least(self.size, count)
        return Counter({key: value for key, value in self._counts.items() if value >= count})

    def counter(self) -> Counter:
        """Every count as a ``Counter``. On pandas this is the table's own Counter (do not
        modify it); on Dask a new one, materialised from the engine's table."""
        if self._engine is not None:
            return self._engine.counter(self.size)
        return self._counts


def count_table(
    texts: Iterable[str], tokens: Analyzer, sizes: Iterable[int] = (1, 2)
) -> dict[int, CountTable]:
    """Count the n-grams of each size in ``sizes`` once, and return a :class:`CountTable` per
    size to ask questions of (top ``n``, totals, single counts).

    On a pandas column the counts are the Counters of one :func:`ngram_counts` pass, kept in
    memory. On a Dask column (``load_corpus(path, engine="dask")["text"]``) the engine
    aggregates them and keeps the table (persisted once, on the workers of a distributed
    cluster); each question is answered there, so this process never holds the vocabulary,
    which grows with the corpus (hundreds of millions of bigrams at millions of articles)
    while the answers do not.
    """
    sizes = tuple(sizes)
    if not sizes or any(not isinstance(size, int) or size < 1 for size in sizes):
        raise ValueError(f"sizes must be positive integers, got {sizes!r}")
    if _dask.is_dask(texts):
        engine_counts = _dask.DaskCounts(texts, tokens, sizes)
        return {size: CountTable(size, engine_counts=engine_counts) for size in sizes}
    counts = ngram_counts(texts, tokens, sizes)
    return {size: CountTable(size, counts=counts[size]) for size in sizes}


class DocumentFrequencyTable(CountTable):
    """In how many texts each term occurs, answering the questions a lesson asks of it.

    Made by :func:`document_frequency_table`, not directly. The same questions as a
    :class:`CountTable` of single terms (``size`` is 1), each about texts instead of
    occurrences: ``top(n)`` the ``n`` terms found in the most texts (ties ranked by the
    term; ``share`` is a count over ``total``, as :func:`ranked_terms` gives for the
    Counter of :func:`document_frequencies`); ``table[term]`` the number of texts that
    contain ``term`` (0 when none does); ``at_least(count)`` the terms found in at least
    ``count`` texts (``min_df``); ``total`` the (term, text) pairs; ``distinct`` the
    vocabulary; ``once`` the terms found in one text only; ``counter()`` every document
    frequency, which on Dask materialises the whole vocabulary in this process.
    """

    def __init__(self, counts: Counter | None = None, engine_counts=None):
        super().__init__(1, counts=counts, engine_counts=engine_counts)

    def __repr__(self) -> str:
        engine = "dask" if self._engine is not None else "pandas"
        return f"DocumentFrequencyTable(engine={engine!r})"


def document_frequency_table(texts: Iterable[str], analyzer: Analyzer) -> DocumentFrequencyTable:
    """Count in how many texts each term occurs, once, and return a
    :class:`DocumentFrequencyTable` to ask questions of (top ``n``, single lookups, the terms
    found in at least some texts).

    On a pandas column it wraps the Counter of :func:`document_frequencies`. On a Dask
    column the engine aggregates the document frequencies and keeps them (persisted once,
    as :func:`count_table` does): only the answers come back, never the vocabulary.
    """
    if _dask.is_dask(texts):
        return DocumentFrequencyTable(
            engine_counts=_dask.DaskCounts(texts, analyzer, (1,), documents=True))
    return DocumentFrequencyTable(counts=document_frequencies(texts, analyzer))


def top_terms_by_document(
    corpus: pd.DataFrame, analyzer: Analyzer, n: int = 10, label: str = "doc_id"
) -> pd.DataFrame:
    """A long table: for each document (named by column ``label``), its ``n`` top terms."""
    check_positive_int("n", n)
    if label not in corpus.columns:
        raise ValueError(f"label={label!r} is not a column; choose one of {list(corpus.columns)}")
    if _dask.is_dask(corpus):
        return _dask.top_terms_by_document(corpus, analyzer, n, label)
    frames = []
    for name, text in zip(corpus[label], corpus["text"], strict=True):
        table = _ranked(Counter(analyzer(text)), n).reset_index()
        table.insert(0, label, name)
        frames.append(table)
    columns = [label, "rank", "term", "count"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
