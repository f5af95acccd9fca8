"""``load_corpus(path, engine="dask")``: the corpus as a ``dask.dataframe.DataFrame``.

The corpus is read from Parquet shards, one partition per shard: a shards folder is read as
it is; any other corpus is first converted into the shards cache (see
:mod:`arabic_news.corpus.cache`), once per change of corpus or options. Dask itself is an
optional extra: ``pip install 'arabic-news[dask]'``.
"""

from __future__ import annotations

import os

import pandas as pd

from arabic_news.corpus.cache import cached_shards
from arabic_news.corpus.shards import DEFAULT_ROWS_PER_SHARD, shard_paths


def require_dask():
    """Import dask.dataframe, or say how to install it."""
    try:
        import dask.dataframe as dd
    except ImportError:
        raise ImportError(
            "engine='dask' needs Dask: pip install 'arabic-news[dask]' (dask[dataframe] and "
            "distributed)"
        ) from None
    return dd


def load_dask(
    path: str | os.PathLike | None,
    options: dict,
    *,
    rows_per_shard: int = DEFAULT_ROWS_PER_SHARD,
    cache_dir: str | os.PathLike | None = None,
):
    """A ``dask.dataframe.DataFrame`` of the corpus, with the columns of the pandas one."""
    dd = require_dask()
    folder = cached_shards(path, options, cache_dir=cache_dir, rows_per_shard=rows_per_shard)
    import pyarrow.parquet as pq

    files = [str(p) for p in shard_paths(folder)]
    meta = _as_corpus_dtypes(pq.read_schema(files[0]).empty_table().to_pandas()) if files else None
    if not files:
        from arabic_news.corpus.shards import read_shards

        return dd.from_pandas(read_shards(folder), npartitions=1)
    # One partition per shard, always: dd.read_parquet would fuse several shards into one
    # task when few columns are read (only "text", say), multiplying a worker's memory by
    # the number fused. Column projection still applies (read_shard's columns=).
    frame = dd.from_map(read_shard, files, meta=meta, label="read-shard",
                        enforce_metadata=False)
    # Dask turns the meta's strings into string[pyarrow] (<NA>); back to the corpus dtypes.
    strings = {name: "str" for name, kind in frame.dtypes.items()
               if isinstance(kind, pd.StringDtype)}
    return frame.astype(strings) if strings else frame


def read_shard(path: str, columns: list[str] | None = None):
    """One Parquet shard as a pandas frame with the corpus dtypes (``columns``: only those)."""
    return _as_corpus_dtypes(pd.read_parquet(path, columns=columns))


def _as_corpus_dtypes(frame):
    """Strings as pandas' default "str" dtype (NaN for missing), as ``load_corpus`` gives."""
    strings = {name: "str" for name, kind in frame.dtypes.items()
               if isinstance(kind, pd.StringDtype) or pd.api.types.is_object_dtype(kind)}
    return frame.astype(strings) if strings else frame
