"""``load_corpus(path, engine="dask")``: the corpus as a ``dask.dataframe.DataFrame``.

The corpus is read from Parquet shards, one partition per shard: a shards folder is read as
it is; any other corpus is first converted into the shards cache (see
:mod:`arabic_news.corpus.cache`), once per change of corpus or options. Dask itself is an
optional extra: ``pip install 'arabic-news[dask]'``.
"""

from __future__ import annotations

import os

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
    import pandas as pd

    files = [str(p) for p in shard_paths(folder)]
    frame = dd.read_parquet(files)
    # Dask reads strings as string[pyarrow] with <NA>; the pandas corpus uses pandas' default
    # "str" (NaN for missing): the same dtypes, so results compare equal.
    strings = {name: "str" for name, kind in frame.dtypes.items()
               if isinstance(kind, pd.StringDtype)}
    return frame.astype(strings) if strings else frame
