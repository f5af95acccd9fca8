"""Term counts over a corpus: overall and per document, on either engine.

Every count is one function per partition (:func:`_term_rows`, :func:`_ngram_rows`) summed
by the engine (see :mod:`arabic_news.engines`): in memory the one partition's counts as
they are; on Dask summed across partitions (a shuffle that spills to disk), so no process
holds a Counter of the whole vocabulary unless the result is one. Counters come back in
the order of their keys, on both engines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

import pandas as pd

from arabic_news.analysis._checks import check_positive_int
from arabic_news.engines import engine_of
from arabic_news.engines.base import as_counter, counts_frame
from arabic_news.text.remembered import argument_key, remembered

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


def _grams(terms: list[str], size: int) -> Iterable[str]:
    """The n-grams of ``size`` adjacent terms, joined by one space."""
    if size == 1:
        return terms
    return map(" ".join, zip(*(terms[i:] for i in range(size)), strict=False))


def _term_rows(texts, analyzer: Analyzer, documents: bool = False) -> pd.DataFrame:
    """One partition's term counts (``documents=True``: in how many of its texts each term
    occurs), as a frame of ``term`` and ``count``; kept on disk for a large partition and
    an analyzer a key can hold (see :mod:`.remembered`)."""
    step, *args = remembered(_count_terms, analyzer, documents)
    return step(texts, *args)


def _count_terms(texts, analyzer: Analyzer, documents: bool) -> pd.DataFrame:
    counter: Counter = Counter()
    for text in texts:
        terms = analyzer(text)
        counter.update(set(terms) if documents else terms)
    return counts_frame(counter)


def _ngram_rows(texts, tokens: Analyzer, sizes: tuple[int, ...]) -> pd.DataFrame:
    """One partition's n-gram counts of each size, as a frame of ``size``, ``term``,
    ``count``. When ``tokens`` can be keyed, each size is kept on disk apart (see
    :mod:`.remembered`), so that a lesson's counts of sizes 1 and 2 also answer a later
    question about size 1 alone; otherwise one call of ``tokens`` per text serves every
    size."""
    if len(sizes) > 1 and argument_key(tokens) is not None:
        return pd.concat([_ngram_rows(texts, tokens, (size,)) for size in sizes],
                         ignore_index=True)
    step, *args = remembered(_count_ngrams, tokens, sizes)
    return step(texts, *args)


def _count_ngrams(texts, tokens: Analyzer, sizes: tuple[int, ...]) -> pd.DataFrame:
    counts: dict[int, Counter] = {size: Counter() for size in sizes}
    for text in texts:
        terms = tokens(text)
        for size, counter in counts.items():
            counter.update(_grams(terms, size))
    frames = [counts_frame(counter).assign(size=size) for size, counter in counts.items()]
    frame = pd.concat(frames, ignore_index=True) if frames else counts_frame(Counter())
    return frame.astype({"size": "int64"})[["size", "term", "count"]]


def _check_sizes(sizes: Iterable[int]) -> tuple[int, ...]:
    sizes = tuple(sizes)
    if not sizes or any(not isinstance(size, int) or size < 1 for size in sizes):
        raise ValueError(f"sizes must be positive integers, got {sizes!r}")
    return sizes


def _collected_counter(engine, table) -> Counter:
    """An aggregated (term, count) table brought into memory, as a Counter in term order."""
    return as_counter(engine.collect(table).sort_values("term"))


def term_counts(texts: Iterable[str], analyzer: Analyzer) -> Counter:
    """Count every term the analyzer yields over all texts (in term order).

    ``texts`` may be a column of a corpus on the Dask engine: the counts are then
    aggregated by the engine and the same Counter is returned.
    """
    engine = engine_of(texts)
    return _collected_counter(engine, engine.sum_by(texts, _term_rows, analyzer, keys=["term"]))


def _top(engine, table, n: int) -> pd.DataFrame:
    """The exact top ``n`` of an aggregated (term, count) table, ranked as
    :func:`ranked_terms` ranks a Counter, with each count's share of the total. The table
    is kept while both are asked (on Dask, aggregated once, not once per question)."""
    table = engine.keep(table)
    candidates, total = engine.largest(table, n), engine.collect(table["count"].sum())
    ranked = _ranked(as_counter(candidates), n)
    ranked["share"] = ranked["count"] / int(total) if int(total) else 0.0
    return ranked


def top_terms(texts: Iterable[str], analyzer: Analyzer, n: int = 20) -> pd.DataFrame:
    """The ``n`` most frequent terms with their count and share of all terms (rank 1 first).

    On a Dask column the top ``n`` is taken from the engine's aggregated counts, exactly,
    without one Counter of the whole vocabulary.
    """
    check_positive_int("n", n)
    engine = engine_of(texts)
    return _top(engine, engine.sum_by(texts, _term_rows, analyzer, keys=["term"]), n)


def top_ngrams(
    texts: Iterable[str], tokens: Analyzer, size: int = 2, n: int = 20
) -> pd.DataFrame:
    """The ``n`` most frequent n-grams of ``size`` terms, with count and share (rank 1 first).

    The table :func:`ranked_terms` gives for ``ngram_counts(texts, tokens, (size,))[size]``.
    On a Dask column the vocabulary is aggregated by the engine, never one Counter: for a
    vocabulary larger than this machine's memory, load the corpus on the Dask engine and start
    ``arabic_news.scale.client()``, whose workers spill to disk past their limit.
    """
    check_positive_int("n", n)
    check_positive_int("size", size)
    engine = engine_of(texts)
    table = engine.sum_by(texts, _ngram_rows, tokens, (size,), keys=["size", "term"])
    return _top(engine, table[["term", "count"]], n)


def document_frequencies(texts: Iterable[str], analyzer: Analyzer) -> Counter:
    """For each term, the number of texts it occurs in (pandas or Dask column), in term
    order. On Dask the whole vocabulary comes back as one Counter: to ask a large corpus
    only the top terms or a few lookups, use :func:`document_frequency_table`."""
    engine = engine_of(texts)
    table = engine.sum_by(texts, _term_rows, analyzer, True, keys=["term"])
    return _collected_counter(engine, table)


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
    ``texts`` may be a Dask column: the engine aggregates and the same Counters are
    returned; for a vocabulary too large to return, use :func:`count_table` (totals,
    lookups and top ``n`` answered on the engine) or :func:`top_ngrams`.
    """
    sizes = _check_sizes(sizes)
    engine = engine_of(texts)
    table = engine.collect(engine.sum_by(texts, _ngram_rows, tokens, sizes,
                                         keys=["size", "term"]))
    table = table.sort_values(["size", "term"])
    return {size: as_counter(table[table["size"] == size]) for size in sizes}


class CountTable:
    """The counts of the n-grams of one size, answering the questions a lesson asks of them.

    Made by :func:`count_table`, not directly. It wraps the table of (term, count) the
    engine aggregated and kept (in memory, a pandas frame; on Dask, persisted on the
    workers), so that a corpus whose vocabulary does not fit in one process can still be
    asked:

    - ``top(n)``: the ``n`` most frequent entries, the table :func:`ranked_terms` gives
      (``term``, ``count``, ``share``; ties ranked by the term itself);
    - ``total``: all occurrences; ``distinct``: the number of different entries (types);
      ``once``: the number of entries that occur exactly once;
    - ``table[key]``: the count of one entry, 0 when it is absent (as a ``Counter``);
    - ``counts_of(keys)``: the counts of some entries, as a ``Counter``;
    - ``at_least(count)``: the entries counted at least ``count`` times, as a ``Counter``;
    - ``counter()``: every count as a ``Counter``; on Dask this materialises the whole
      vocabulary of this size in this process, so ask only when it is small.

    Every answer is the same on both engines, each computed from the kept table (a top
    ``n``, a reduction, a filter), never by recounting the corpus.
    """

    def __init__(self, size: int, table, engine):
        self.size = size
        self._table = table
        self._engine = engine
        self._summary: tuple[int, int, int] | None = None

    def __repr__(self) -> str:
        return f"CountTable(size={self.size}, engine={self._engine.name!r})"

    def top(self, n: int = 20) -> pd.DataFrame:
        """The ``n`` most frequent entries with their count and share (rank 1 first)."""
        check_positive_int("n", n)
        ranked = _ranked(as_counter(self._engine.largest(self._table, n)), n)
        total = self.total
        ranked["share"] = ranked["count"] / total if total else 0.0
        return ranked

    def _summaries(self) -> tuple[int, int, int]:
        """(total, distinct, once), three reductions computed together, once."""
        if self._summary is None:
            parts = self._engine.collect(self._engine.map_partitions(self._table, _summary_row))
            self._summary = tuple(int(parts[name].sum()) for name in _SUMMARY)
        return self._summary

    @property
    def total(self) -> int:
        """The number of occurrences of all entries (the sum of the counts)."""
        return self._summaries()[0]

    @property
    def distinct(self) -> int:
        """The number of different entries (types) counted at least once."""
        return self._summaries()[1]

    @property
    def once(self) -> int:
        """The number of entries that occur exactly once (hapax legomena)."""
        return self._summaries()[2]

    def __getitem__(self, key: str) -> int:
        """The count of ``key`` (a term; an n-gram's terms joined by one space), 0 if absent."""
        if not isinstance(key, str):
            raise TypeError(f"look up a term as a string (an n-gram's terms joined by one "
                            f"space), got {type(key).__name__} {key!r}")
        found = self._engine.map_partitions(self._table, _rows_with_terms, (key,))
        return int(self._engine.collect(found)["count"].sum())

    def counts_of(self, keys) -> Counter:
        """The counts of ``keys`` (absent ones left out), in one question: on Dask the table
        is filtered on the engine and only these entries come back."""
        keys = set(keys)
        bad = next((key for key in keys if not isinstance(key, str)), None)
        if bad is not None:
            raise TypeError(f"keys are strings (an n-gram's terms joined by one space), got "
                            f"{type(bad).__name__} {bad!r}")
        return _collected_counter(self._engine, self._engine.map_partitions(
            self._table, _rows_with_terms, tuple(sorted(keys))))

    def at_least(self, count: int) -> Counter:
        """The entries counted at least ``count`` times, as a ``Counter`` (e.g. every entry
        tied with the ``n``-th of ``top(n)``); a low ``count`` returns most of the vocabulary."""
        check_positive_int("count", count)
        return _collected_counter(self._engine, self._engine.map_partitions(
            self._table, _rows_counted_at_least, count))

    def counter(self) -> Counter:
        """Every count as a ``Counter``, in term order (on Dask, materialised in this
        process from the engine's table)."""
        return _collected_counter(self._engine, self._table)


# Filters and sums of a CountTable, run partition by partition. On Dask, a condition written
# on the kept (persisted) table itself, such as table[table["count"] >= n], makes Dask hash
# every row of the table to check that the two sides are aligned: seconds per question on
# a corpus's bigrams. A function of one partition asks nothing of the kind.
_SUMMARY = ("total", "distinct", "once")


def _summary_row(part: pd.DataFrame) -> pd.DataFrame:
    counts = part["count"]
    return pd.DataFrame({"total": [counts.sum()], "distinct": [counts.count()],
                         "once": [(counts == 1).sum()]}, dtype="int64")


def _rows_with_terms(part: pd.DataFrame, keys: tuple[str, ...]) -> pd.DataFrame:
    return part[part["term"].isin(keys)]


def _rows_counted_at_least(part: pd.DataFrame, count: int) -> pd.DataFrame:
    return part[part["count"] >= count]


def count_table(
    texts: Iterable[str], tokens: Analyzer, sizes: Iterable[int] = (1, 2)
) -> dict[int, CountTable]:
    """Count the n-grams of each size in ``sizes`` once, and return a :class:`CountTable` per
    size to ask questions of (top ``n``, totals, single counts).

    The engine aggregates the counts and keeps the table (on Dask, persisted once, on the
    workers of a distributed cluster); each question is answered there, so this process
    never holds the vocabulary, which grows with the corpus (hundreds of millions of
    bigrams at millions of articles) while the answers do not.
    """
    sizes = _check_sizes(sizes)
    engine = engine_of(texts)
    table = engine.keep(engine.sum_by(texts, _ngram_rows, tokens, sizes, keys=["size", "term"]))
    return {size: CountTable(size, table.loc[table["size"] == size, ["term", "count"]], engine)
            for size in sizes}


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

    def __init__(self, table, engine):
        super().__init__(1, table, engine)

    def __repr__(self) -> str:
        return f"DocumentFrequencyTable(engine={self._engine.name!r})"


def document_frequency_table(texts: Iterable[str], analyzer: Analyzer) -> DocumentFrequencyTable:
    """Count in how many texts each term occurs, once, and return a
    :class:`DocumentFrequencyTable` to ask questions of (top ``n``, single lookups, the terms
    found in at least some texts).

    The engine aggregates the document frequencies and keeps them (on Dask, persisted
    once, as :func:`count_table` does): only the answers come back, never the vocabulary.
    """
    engine = engine_of(texts)
    table = engine.keep(engine.sum_by(texts, _term_rows, analyzer, True, keys=["term"]))
    return DocumentFrequencyTable(table, engine)


def _per_document(corpus: pd.DataFrame, analyzer: Analyzer, n: int, label: str) -> pd.DataFrame:
    frames = []
    for name, text in zip(corpus[label], corpus["text"], strict=True):
        table = _ranked(Counter(analyzer(text)), n).reset_index()
        table.insert(0, label, name)
        frames.append(table)
    columns = [label, "rank", "term", "count"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def top_terms_by_document(
    corpus: pd.DataFrame, analyzer: Analyzer, n: int = 10, label: str = "doc_id"
) -> pd.DataFrame:
    """A long table: for each document (named by column ``label``), its ``n`` top terms."""
    check_positive_int("n", n)
    if label not in corpus.columns:
        raise ValueError(f"label={label!r} is not a column; choose one of {list(corpus.columns)}")
    engine = engine_of(corpus)
    meta = pd.DataFrame({label: pd.Series(dtype=corpus[label].dtype),
                         "rank": pd.Series(dtype="int64"), "term": pd.Series(dtype=str),
                         "count": pd.Series(dtype="int64")})
    table = engine.map_partitions(corpus[[label, "text"]], _per_document, analyzer, n, label,
                                  meta=meta)
    return engine.collect(table).reset_index(drop=True)
