"""The engine interface: the primitives every analysis is written against.

See :mod:`arabic_news.engines` for the list and the recipe. Each engine implements the
methods that differ; the ones written here (``largest``, ``small_columns``) follow from the
others and are the same on both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence

import pandas as pd


class Engine:
    """Run per-partition functions over data and gather their results.

    "Data" is what a user gives an analysis: a corpus frame, a column of texts, a table an
    analysis made (date mentions, an aggregated count table). A *partition* is a pandas
    object of the same kind (a DataFrame, or a Series of texts); the in-memory engine's data
    is one partition (a collection of texts becomes a Series; an iterator is read a batch at
    a time), the Dask engine's has one per Parquet shard.
    """

    name: str = ""

    def __repr__(self) -> str:
        return f"<{self.name} engine>"

    # ------------------------------------------------------------------ partitions
    def partitions(self, data) -> int:
        """The number of partitions of ``data``."""
        raise NotImplementedError

    def partition(self, data, number: int):
        """The ``number``-th partition of ``data`` (0-based), as data of this engine: a
        computation on it runs on that partition only (lazy on Dask)."""
        raise NotImplementedError

    def map_partitions(self, data, function: Callable, *args, meta=None, numbered: bool = False,
                       **kwargs):
        """``function(partition, *args, **kwargs)`` on each partition, as data of this
        engine (lazy on Dask; in memory, the result itself). ``meta``: an empty result with
        the result's columns and dtypes, when calling ``function`` on an empty partition
        would not give them (the Dask engine needs the schema before anything runs).
        ``numbered=True`` calls ``function(partition, number, *args, **kwargs)``, ``number``
        counting partitions from 0 in order (with the lengths of ``per_partition(data,
        len)``, a row's place in the whole data; the schema is asked with number 0)."""
        raise NotImplementedError

    def sum_by(self, data, function: Callable, *args, keys: Sequence[str],
               few_keys: bool = False, meta=None):
        """``function(partition, *args)`` on each partition, each returning a frame of the
        ``keys`` columns and numeric columns (each key at most once per partition); the
        numeric columns summed by the keys across partitions. Returns a frame with the keys
        as columns, in no defined order, as data of this engine (lazy on Dask: ``collect``
        it, ``keep`` it, or ask it with ``largest``). ``few_keys=True``: the result is small
        (periods, dates), summed in one reduction rather than over partitions."""
        raise NotImplementedError

    def per_partition(self, data, function: Callable, *args, numbered: bool = False) -> list:
        """``function(partition, *args)`` for every partition, computed together (on Dask,
        each on a worker, ``args`` sent once), as a list in partition order: for results
        that are not frames (arrays of similarities, the paths of files written per
        partition). ``numbered=True`` calls ``function(partition, number, *args)``."""
        raise NotImplementedError

    # ------------------------------------------------------------------ results
    def collect(self, *values):
        """The values in memory: pandas objects and Python values (Dask's ``compute``, all
        values computed together). One value in, one out; several in, a tuple out. Values
        already in memory are returned as they are."""
        raise NotImplementedError

    def keep(self, value):
        """``value`` computed once and kept for the questions that follow (Dask: persisted on
        the workers, spilled to disk past their memory limit); in memory, ``value`` itself."""
        raise NotImplementedError

    def first_rows(self, frame, n: int, by: str | None = None) -> pd.DataFrame:
        """The first ``n`` rows in the frame's order (``by=None``), or the ``n`` smallest by
        column ``by`` (a stable sort), as a pandas frame, without computing the whole frame:
        ``frame.head(n)`` or ``frame.sort_values(by).head(n)``."""
        raise NotImplementedError

    def sample(self, frame, n: int, random_state) -> pd.DataFrame:
        """The rows ``frame.sample(n, random_state=random_state)`` picks from the frame in
        memory (all rows when there are at most ``n``), with the index the frame has in
        memory, read from the partitions that hold them only."""
        raise NotImplementedError

    def batches(self, data, size: int) -> Iterator:
        """``data`` in order, a batch of at most ``size`` rows at a time: a column (or any
        iterable of texts) as lists of values, a frame as pandas frames. Only a batch (on
        Dask, a partition) is in memory at a time."""
        raise NotImplementedError

    def attrs(self, data) -> dict | None:
        """The ``attrs`` dict a frame carries (the loader's record of a corpus), or None for
        data without one."""
        raise NotImplementedError

    def content_key(self, texts) -> tuple:
        """A hashable key of the contents of ``texts`` (a column or a tuple of texts): equal
        keys, equal texts. For memoising a result per corpus."""
        raise NotImplementedError

    # ------------------------------------------------------------------ derived
    def largest(self, table, n: int, column: str = "count") -> pd.DataFrame:
        """The rows of ``table`` whose ``column`` reaches its ``n``-th largest value (ties at
        that value included, so more than ``n`` rows may come back), in memory. ``table``
        is an aggregated table (keys unique across partitions, as ``sum_by`` gives): each
        partition keeps its own candidates, and their union holds the overall top ``n``."""
        candidates = self.collect(self.map_partitions(table, _reaching, n, column))
        return _reaching(candidates, n, column)

    def small_columns(self, frame, columns: Sequence[str]) -> pd.DataFrame:
        """``columns`` of ``frame`` in memory, in order, indexed 0, 1, 2 ...: for columns
        bounded by the number of rows (ids, dates, sources), never the texts of a corpus."""
        return self.collect(frame[list(columns)]).reset_index(drop=True)


def _reaching(part: pd.DataFrame, n: int, column: str) -> pd.DataFrame:
    """The rows of ``part`` whose ``column`` reaches the ``n``-th largest value."""
    if len(part) > n:
        threshold = part[column].nlargest(n).iloc[-1]
        part = part[part[column] >= threshold]
    return part


def counts_frame(counter: Counter, key: str = "term") -> pd.DataFrame:
    """A Counter as a frame of two columns, ``key`` (strings) and ``count`` (int64), in the
    Counter's order: what a per-partition counting function returns."""
    frame = pd.DataFrame({key: list(counter), "count": list(counter.values())})
    return frame.astype({key: str, "count": "int64"})


def as_counter(frame: pd.DataFrame, key: str = "term", count: str = "count") -> Counter:
    """The ``key`` and ``count`` columns of a frame in memory as a Counter, in row order."""
    return Counter(dict(zip(frame[key].tolist(), frame[count].tolist(), strict=True)))
