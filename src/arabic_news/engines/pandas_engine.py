"""The in-memory engine: pandas objects and collections of texts in this process.

A pandas object is one partition, used as it is (never copied). A list, tuple or array of
texts is one partition too, wrapped in a pandas Series of objects (the strings themselves
are not copied). Any other iterable (a generator, ``analysis.iter_texts`` of a Dask column)
is read ``STREAM_BATCH`` texts at a time, each batch a partition: ``sum_by`` then holds one
batch and the running sums, so memory is bounded by the batch and the result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import islice

import pandas as pd

from arabic_news.engines.base import Engine
from arabic_news.engines.digests import partition_digest, texts_digest

#: Texts per partition when the in-memory engine reads an iterator.
STREAM_BATCH = 10_000
#: Partial results summed into the running total once this many are waiting.
_FOLD_EVERY = 8

def _is_pandas(data) -> bool:
    return isinstance(data, pd.DataFrame | pd.Series)


def _as_partition(data):
    return data if _is_pandas(data) else pd.Series(list(data), dtype=object)


def _partitions_of(data) -> Iterator:
    """The partitions of ``data``: itself (or a Series of it), or an iterator's batches."""
    if _is_pandas(data) or isinstance(data, Sequence) or hasattr(data, "__array__"):
        yield _as_partition(data)
        return
    iterator = iter(data)
    while batch := list(islice(iterator, STREAM_BATCH)):
        yield pd.Series(batch, dtype=object)


def _sum(frames: list[pd.DataFrame], keys: list[str]) -> pd.DataFrame:
    """Frames of keys and numbers summed by the keys, in the order the keys first appear."""
    if len(frames) == 1:
        return frames[0]
    joined = pd.concat(frames, ignore_index=True)
    summed = joined.groupby(keys, sort=False, dropna=False, as_index=False).sum()
    return summed.astype(frames[0].dtypes.to_dict())


class PandasEngine(Engine):
    """Everything in this process, with pandas (see the module docstring)."""

    name = "pandas"

    def partitions(self, data) -> int:
        return 1

    def partition(self, data, number: int):
        if number != 0:
            raise IndexError(f"data in memory has one partition, not a partition {number}")
        return data

    def map_partitions(self, data, function: Callable, *args, meta=None, numbered: bool = False,
                       **kwargs):
        def call(part, number):
            return function(part, number, *args, **kwargs) if numbered else \
                function(part, *args, **kwargs)
        results = [call(part, number) for number, part in enumerate(_partitions_of(data))]
        if len(results) == 1:
            return results[0]
        return pd.concat(results) if results else call(_as_partition([]), 0)

    def sum_by(self, data, function: Callable, *args, keys: Sequence[str],
               few_keys: bool = False, meta=None):
        keys = list(keys)
        running: list[pd.DataFrame] = []
        for part in _partitions_of(data):
            running.append(function(part, *args))
            if len(running) > _FOLD_EVERY:
                running = [_sum(running, keys)]
        if not running:
            return function(_as_partition([]), *args)
        return _sum(running, keys)

    def per_partition(self, data, function: Callable, *args, numbered: bool = False) -> list:
        return [function(part, number, *args) if numbered else function(part, *args)
                for number, part in enumerate(_partitions_of(data))]

    def collect(self, *values):
        return values[0] if len(values) == 1 else values

    def keep(self, value):
        return value

    def first_rows(self, frame, n: int, by: str | None = None) -> pd.DataFrame:
        return frame.head(n) if by is None else frame.sort_values(by).head(n)

    def sample(self, frame, n: int, random_state) -> pd.DataFrame:
        if len(frame) <= n:
            return frame
        return rows_at(frame, sampled_positions(len(frame), n, random_state))

    def batches(self, data, size: int) -> Iterator:
        if isinstance(data, pd.DataFrame):
            for begin in range(0, len(data), size):
                yield data.iloc[begin:begin + size]
            return
        if _is_pandas(data) or isinstance(data, Sequence):
            rows = data.iloc if _is_pandas(data) else data
            for begin in range(0, len(data), size):
                batch = rows[begin:begin + size]
                yield batch.tolist() if _is_pandas(batch) else list(batch)
            return
        iterator = iter(data)
        while batch := list(islice(iterator, size)):
            yield batch

    def attrs(self, data) -> dict | None:
        return getattr(data, "attrs", None)

    def content_key(self, texts) -> tuple:
        # A SHA-256 of every text, from the Arrow buffers of the column: no Python string is
        # made, and the same texts give the same key as a column or as a tuple.
        if isinstance(texts, pd.DataFrame):
            return (len(texts), partition_digest(texts))
        column = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
        return (len(texts), texts_digest(column))


def sampled_positions(length: int, n: int, random_state) -> list[int]:
    """The positions ``frame.sample(n, random_state=random_state)`` picks in a frame of
    ``length`` rows, in its order: pandas draws them from the length alone."""
    return pd.RangeIndex(length).to_series().sample(n, random_state=random_state).tolist()


def rows_at(frame: pd.DataFrame, positions) -> pd.DataFrame:
    """``frame.iloc[positions]`` (same rows, index and dtypes), one row slice at a time.

    ``iloc`` with a list of positions takes them from each whole column, and on a column of
    Arrow strings held in several chunks (as ``load_corpus`` builds the text column) that
    first joins the chunks: a copy of every text of the corpus, for a few rows. A row slice
    is a view, and joining the slices copies only the rows taken.

    The frame's ``attrs`` (a prepared corpus records there what each step removed, tables
    included) are copied once, not once per row: pandas deep-copies them into every slice,
    which for 2,000 rows of a prepared corpus of 18,000 articles took half a minute.
    """
    if len(positions) == 0:
        return frame.iloc[:0]
    bare = frame.copy(deep=False)  # a view of the same columns, with its own copy of attrs
    attrs, bare.attrs = bare.attrs, {}
    taken = pd.concat([bare.iloc[position:position + 1] for position in positions])
    taken.attrs = attrs
    return taken


PANDAS = PandasEngine()
