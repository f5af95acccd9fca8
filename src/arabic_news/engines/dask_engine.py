"""The Dask engine: Dask collections, one partition per Parquet shard, run by the current
Dask scheduler (a ``distributed`` cluster when one is started, see
:mod:`arabic_news.engines.cluster`).

Work on partitions runs where Dask sends it; what crosses partitions is aggregated by Dask
(``groupby(...).sum(split_out=...)``, whose shuffle spills to disk on a cluster), so no
process ever holds a whole vocabulary unless a result is one. Dask is an optional extra,
imported here only: ``pip install 'arabic-news[dask]'``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import pandas as pd

from arabic_news.engines.base import Engine
from arabic_news.engines.pandas_engine import rows_at, sampled_positions


def require_dask(distributed: bool = False):
    """Import ``dask.dataframe`` (and ``distributed`` when asked), or say how to install it."""
    try:
        import dask.dataframe as dd

        if distributed:
            import distributed as _  # noqa: F401
    except ImportError:
        raise ImportError(
            "engine='dask' needs Dask: pip install 'arabic-news[dask]' (dask[dataframe] and "
            "distributed)"
        ) from None
    return dd


def _meta_of(data, function: Callable, args, kwargs, meta):
    """The schema of ``function``'s result: ``meta`` when given, else the function's result
    on an empty partition of ``data``."""
    return function(data._meta, *args, **kwargs) if meta is None else meta


class DaskEngine(Engine):
    """Dask collections (see the module docstring)."""

    name = "dask"

    def partitions(self, data) -> int:
        return data.npartitions

    def partition(self, data, number: int):
        return data.get_partition(number)

    def map_partitions(self, data, function: Callable, *args, meta=None, numbered: bool = False,
                       **kwargs):
        if numbered:  # Dask passes partition_info={"number": ...} to a function that takes it
            args, function = (function, *args), _numbered
            meta = _meta_of(data, _numbered, args, {**kwargs, "partition_info": None}, meta)
        return data.map_partitions(function, *args, **kwargs,
                                   meta=_meta_of(data, function, args, kwargs, meta))

    def sum_by(self, data, function: Callable, *args, keys: Sequence[str],
               few_keys: bool = False, meta=None):
        parts = self.map_partitions(data, function, *args, meta=meta)
        if data.npartitions == 1:  # each key at most once in a partition: its rows are the
            return parts  # sums, as on the pandas engine (Dask's groupby sorts them twice)
        split_out = 1 if few_keys else max(1, data.npartitions)
        return parts.groupby(list(keys), dropna=False).sum(split_out=split_out).reset_index()

    def per_partition(self, data, function: Callable, *args, numbered: bool = False) -> list:
        import dask

        shared = [dask.delayed(arg, pure=True) for arg in args]  # sent once, not per task
        parts = [dask.delayed(function)(part, *([number] if numbered else []), *shared)
                 for number, part in enumerate(data.to_delayed())]
        return list(dask.compute(*parts))

    def collect(self, *values):
        import dask

        computed = dask.compute(*values)
        return computed[0] if len(values) == 1 else computed

    def keep(self, value):
        return value.persist()

    def first_rows(self, frame, n: int, by: str | None = None) -> pd.DataFrame:
        # In order, partitions are read one at a time until n rows are found (Dask's head
        # reads the first partition only); sorted, each partition gives its own n smallest
        # and their union is sorted again: never the whole frame, never a shuffle.
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
        smallest = self.collect(frame.map_partitions(_smallest, n, by, meta=frame._meta))
        return smallest.sort_values(by, kind="stable").head(n).reset_index(drop=True)

    def sample(self, frame, n: int, random_state) -> pd.DataFrame:
        # pandas picks positions from the length alone, so sampling a range of that length
        # with the same random_state gives the very same positions.
        first = frame if frame.ndim == 1 else frame[frame.columns[0]]
        lengths = [int(length) for length in self.collect(first.map_partitions(len))]
        offsets = [sum(lengths[:number]) for number in range(len(lengths))]
        total = sum(lengths)
        picked = list(range(total)) if total <= n else sampled_positions(total, n, random_state)
        wanted: dict[int, list[int]] = {}
        bounds = pd.Series(offsets, dtype="int64")
        for position in sorted(picked):
            number = int(bounds.searchsorted(position, side="right")) - 1
            wanted.setdefault(number, []).append(position - offsets[number])
        parts = [frame.get_partition(number).map_partitions(
                     _take, local, offsets[number], meta=frame._meta)
                 for number, local in wanted.items()]
        import dask

        frames = dask.compute(*parts)
        chosen = pd.concat(frames) if frames else frame._meta.copy()
        return chosen.loc[picked] if len(chosen) else chosen

    def batches(self, data, size: int) -> Iterator:
        for number in range(data.npartitions):
            part = data.get_partition(number).compute()
            rows = part if part.ndim == 2 else part.tolist()
            for begin in range(0, len(rows), size):
                yield rows.iloc[begin:begin + size] if part.ndim == 2 else rows[begin:begin + size]

    def attrs(self, data) -> dict | None:
        return data._meta.attrs  # Dask collections have no attrs of their own: their meta's

    def content_key(self, texts) -> tuple:
        return ("dask", texts._name)  # a hash of the computation that makes the texts


def _numbered(part, function: Callable, *args, partition_info=None, **kwargs):
    """``function(part, number, *args, **kwargs)``, the number from Dask's partition_info
    (0 when Dask asks for the schema on an empty partition)."""
    number = partition_info["number"] if partition_info is not None else 0
    return function(part, number, *args, **kwargs)


def _smallest(part: pd.DataFrame, n: int, by: str) -> pd.DataFrame:
    return part.sort_values(by, kind="stable").head(n)


def _take(part: pd.DataFrame, positions: list[int], offset: int) -> pd.DataFrame:
    taken = rows_at(part, positions)
    taken.index = pd.Index([offset + position for position in positions])
    return taken


def frame_from_files(read: Callable, paths: Sequence[str], meta: pd.DataFrame):
    """A Dask DataFrame of one partition per file, ``read(path, columns=None)`` giving each
    (a pandas frame shaped like ``meta``; ``meta.attrs``, the corpus's record, are kept on
    the frame's meta); columns asked of the frame are passed to ``read``. No file: ``meta``
    itself, as one partition.

    One partition per file, always: ``dd.read_parquet`` would fuse several files into one
    task when few columns are read (only "text", say), multiplying a worker's memory by the
    number fused.
    """
    dd = require_dask()
    if not paths:
        frame = dd.from_pandas(meta, npartitions=1)
    else:
        frame = dd.from_map(read, list(paths), meta=meta, label="read-shard",
                            enforce_metadata=False)
        # Dask turns the meta's strings into string[pyarrow] (<NA>); back to meta's dtypes.
        strings = {name: "str" for name, kind in frame.dtypes.items()
                   if isinstance(kind, pd.StringDtype)}
        frame = frame.astype(strings) if strings else frame
    frame._meta.attrs = meta.attrs
    return frame


DASK = DaskEngine()
