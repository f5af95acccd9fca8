"""``load_corpus``: a corpus on the engine asked for, in memory (pandas) or on Dask.

The top of the corpus package: it reads with :func:`~arabic_news.corpus.loader.read_corpus`,
and for Dask converts into the shards cache (:mod:`arabic_news.corpus.convert`, which itself
reads with the loader) and opens the shards (:mod:`arabic_news.corpus.shards`) as a lazy
frame of the Dask engine, so that the loader never imports what is built on it.
"""

from __future__ import annotations

import inspect
import os
from functools import partial

import pandas as pd

from arabic_news.corpus.convert import prepare_shards
from arabic_news.corpus.files import DEFAULT_MAX_FILE_SIZE
from arabic_news.corpus.loader import read_corpus
from arabic_news.corpus.options import check_options
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
from arabic_news.engines import check_engine


def load_corpus(
    path: str | os.PathLike | None = None,
    *,
    engine: str = "pandas",
    dask_options: dict | None = None,
    **options,
):
    """Load a corpus of news articles, one row per article: a pandas DataFrame, or with
    ``engine="dask"`` a ``dask.dataframe.DataFrame`` with the same columns.

    ``options`` are the reader's (below). On Dask the corpus is read from Parquet shards,
    one partition per shard, each read and checked as the pandas engine reads a shard: a
    shards folder (written by ``python -m arabic_news.corpus.convert``) as it is, any other
    corpus converted once into the shards cache outside the corpus folder (see
    :mod:`arabic_news.corpus.cache`); ``dask_options`` are ``rows_per_shard`` and
    ``cache_dir``. What the loader left out and where the frame comes from are read with
    :func:`arabic_news.corpus.skipped_documents` and
    :func:`~arabic_news.corpus.corpus_attrs` on both engines. The analyses of
    :mod:`arabic_news.analysis` accept either frame. The reader:
    """
    check_engine(engine)
    if engine == "dask":
        return _load_shards_lazily(path, options, **(dask_options or {}))
    if dask_options:
        raise ValueError("dask_options= is for engine='dask'")
    return read_corpus(path, **options)


def _load_shards_lazily(
    path, options: dict, *, rows_per_shard: int = DEFAULT_ROWS_PER_SHARD,
    cache_dir: str | os.PathLike | None = None,
):
    from arabic_news.engines.dask_engine import frame_from_files

    check_options(**options)  # before anything is converted
    folder, cache = prepare_shards(path, options, cache_dir=cache_dir,
                                   rows_per_shard=rows_per_shard)
    given = is_shards_folder(path)
    opened = open_shards_folder(
        folder, follow_symlinks=options.get("follow_symlinks", False) if given else False,
        max_file_size=options.get("max_file_size", DEFAULT_MAX_FILE_SIZE) if given else None,
    )
    attrs = {**manifest_attrs(opened.manifest), "provenance": provenance(path, folder, cache)}
    if cache != "built":  # converting said them already
        say_notes(attrs["notes"])
    if not opened.paths:
        meta = read_shards(folder)
    else:
        import pyarrow.parquet as pq

        meta = as_corpus_dtypes(pq.read_schema(opened.paths[0]).empty_table().to_pandas())
    meta.attrs = attrs
    return frame_from_files(partial(read_shard, access=opened.access),
                            [str(p) for p in opened.paths], meta)


def _with_reader_options(function):
    """``function`` with ``read_corpus``'s options in its signature and docstring, so that
    ``help(load_corpus)`` and a notebook's completion list every option."""
    own = inspect.signature(function)
    path, *engine_options = (p for name, p in own.parameters.items() if name != "options")
    options = [p for name, p in inspect.signature(read_corpus).parameters.items()
               if name != "path"]
    function.__signature__ = own.replace(parameters=[path, *options, *engine_options],
                                         return_annotation=pd.DataFrame)
    function.__doc__ = f"{function.__doc__.rstrip()}\n\n    {read_corpus.__doc__.strip()}\n    "
    return function


load_corpus = _with_reader_options(load_corpus)
