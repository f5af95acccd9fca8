"""``load_corpus(path, engine="dask")``: the corpus as a ``dask.dataframe.DataFrame``.

The corpus is read from Parquet shards, one partition per shard: a shards folder is read as
it is; any other corpus is first converted into the shards cache (see
:mod:`arabic_news.corpus.cache`), once per change of corpus or options. Dask itself is an
optional extra: ``pip install 'arabic-news[dask]'``.
"""

from __future__ import annotations

import os
from functools import partial

import pandas as pd

from arabic_news.corpus.cache import prepare_shards
from arabic_news.corpus.files import DEFAULT_MAX_FILE_SIZE
from arabic_news.corpus.provenance import provenance
from arabic_news.corpus.shards import (
    DEFAULT_ROWS_PER_SHARD,
    as_corpus_dtypes,
    is_shards_folder,
    manifest_attrs,
    open_shards_folder,
    read_shard,
    read_shards,
    say_notes,
)


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
    """A ``dask.dataframe.DataFrame`` of the corpus, with the columns of the pandas one.

    Each partition is read by :func:`arabic_news.corpus.shards.read_shard`, as the pandas
    engine reads each shard: the same checks, the same errors. What the loader left out and
    where the frame comes from are in the meta's attrs (read them with
    :func:`arabic_news.corpus.skipped_documents` and :func:`~arabic_news.corpus.corpus_attrs`).
    """
    dd = require_dask()
    folder, cache = prepare_shards(path, options, cache_dir=cache_dir,
                                   rows_per_shard=rows_per_shard)
    given = is_shards_folder(path)
    opened = open_shards_folder(
        folder, follow_symlinks=options.get("follow_symlinks", False) if given else False,
        max_file_size=options.get("max_file_size", DEFAULT_MAX_FILE_SIZE) if given else None,
    )
    attrs = {**manifest_attrs(opened.manifest),
             "provenance": provenance(path, folder, cache)}
    if cache != "built":  # converting said them already
        say_notes(attrs["notes"])
    if not opened.paths:
        frame = read_shards(folder)
        frame.attrs = attrs
        return dd.from_pandas(frame, npartitions=1)
    import pyarrow.parquet as pq

    meta = as_corpus_dtypes(pq.read_schema(opened.paths[0]).empty_table().to_pandas())
    meta.attrs = attrs
    # One partition per shard, always: dd.read_parquet would fuse several shards into one
    # task when few columns are read (only "text", say), multiplying a worker's memory by
    # the number fused. Column projection still applies (read_shard's columns=).
    frame = dd.from_map(partial(read_shard, access=opened.access),
                        [str(p) for p in opened.paths], meta=meta, label="read-shard",
                        enforce_metadata=False)
    # Dask turns the meta's strings into string[pyarrow] (<NA>); back to the corpus dtypes.
    strings = {name: "str" for name, kind in frame.dtypes.items()
               if isinstance(kind, pd.StringDtype)}
    frame = frame.astype(strings) if strings else frame
    frame._meta.attrs = attrs
    return frame
