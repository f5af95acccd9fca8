"""Where indexes live: found by key in the cache folder, built when missing or damaged.

``build_index(corpus, analyzer)`` looks for ``CACHE/index/NAME-KEY`` (``CACHE`` is the
shards cache folder, :func:`arabic_news.corpus.cache.cache_root`; ``KEY`` is
:func:`~arabic_news.index.key.index_key`). A sound folder is opened as it is; a damaged one
(:func:`~arabic_news.index.layout.index_problem`) is removed with a
:class:`~arabic_news.index.layout.DamagedIndexWarning` and built again; a missing one is
built in a staging folder beside it and renamed when complete. Nothing is written outside
the cache folder, and a cache folder inside the corpus is refused.
"""

from __future__ import annotations

import os
import shutil
import time
import warnings
from pathlib import Path

from arabic_news.corpus.cache import cache_root
from arabic_news.corpus.files import reason, shown_path
from arabic_news.corpus.staging import staged_folder
from arabic_news.errors import CorpusError
from arabic_news.index.build import build_into
from arabic_news.index.corpus_index import CorpusIndex
from arabic_news.index.key import corpus_files, index_key, index_name
from arabic_news.index.layout import DamagedIndexWarning, index_problem, write_manifest


def index_folder(corpus, analyzer=None, cache_dir: str | os.PathLike | None = None) -> Path:
    """The folder of the index of ``corpus`` with ``analyzer`` (built or not)."""
    key, _ = index_key(corpus, _checked(analyzer))
    return cache_root(cache_dir) / "index" / f"{index_name(corpus)}-{key}"


def build_index(corpus, analyzer=None, cache_dir: str | os.PathLike | None = None, *,
                progress: bool = False) -> CorpusIndex:
    """The index of ``corpus`` (a pandas or Dask corpus from ``load_corpus``, or any frame
    with its columns) as ``analyzer`` cuts it (default ``ArabicAnalyzer()``), built on
    first use (see the module docstring). ``progress=True``: a tqdm bar while the parts are
    merged. Off by default: a notebook's output must not depend on the engine (a Dask corpus
    has several parts, an in-memory one a single part).
    """
    analyzer = _checked(analyzer)
    missing = [name for name in ("doc_id", "title", "source", "published", "text")
               if name not in corpus.columns]
    if missing:
        raise ValueError(f"the corpus lacks the column(s) {missing}; load it with "
                         "arabic_news.load_corpus")
    key, described = index_key(corpus, analyzer)
    root = cache_root(cache_dir)
    folder = root / "index" / f"{index_name(corpus)}-{key}"
    _refuse_inside_corpus(corpus, folder)
    if folder.exists() or folder.is_symlink():
        problem = index_problem(folder, key)
        if problem is None:
            return CorpusIndex(folder, analyzer)
        warnings.warn(f"{shown_path(folder)}: damaged corpus index ({problem}); building it "
                      "again", DamagedIndexWarning, stacklevel=2)
        _remove(folder)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CorpusError(f"{shown_path(folder.parent)}: cannot create the index cache: "
                          f"{reason(error)}") from None
    started = time.perf_counter()
    with staged_folder(folder, _owned) as staging:
        counts = build_into(staging, corpus, analyzer, progress)
        write_manifest(staging, {**described, "key": key, **counts,
                                 "analyzer_settings": analyzer.settings(),
                                 "seconds": round(time.perf_counter() - started, 3)})
        if folder.exists() and index_problem(folder, key) is not None:
            _remove(folder)  # damaged meanwhile
        try:
            staging.rename(folder)
        except OSError:  # another process built it meanwhile: theirs, when it is sound
            if index_problem(folder, key) is not None:
                raise
            shutil.rmtree(staging)
    return CorpusIndex(folder, analyzer)


def _checked(analyzer):
    """``analyzer``, or the default ``ArabicAnalyzer()``; refused when it cannot key an index."""
    if analyzer is None:
        from arabic_news.text.analyzer import ArabicAnalyzer

        return ArabicAnalyzer()
    for method in ("cache_key", "settings", "tokens"):
        if not callable(getattr(analyzer, method, None)):
            raise TypeError(f"analyzer must be an ArabicAnalyzer (it has settings, tokens and "
                            f"cache_key), got {type(analyzer).__name__}")
    return analyzer


def _owned(path: Path) -> bool:
    """A file an index build writes (for removing a staging folder left by a killed build)."""
    return path.suffix in {".parquet", ".npy", ".npz", ".json"}


def _remove(folder: Path) -> None:
    if folder.is_symlink() or not folder.is_dir():
        folder.unlink()
    else:
        shutil.rmtree(folder)


def _refuse_inside_corpus(corpus, folder: Path) -> None:
    files = corpus_files(corpus)
    if files is None:
        return
    files = files.resolve()
    target = folder.resolve()
    if target.is_relative_to(files) if files.is_dir() else target == files:
        raise CorpusError(f"{shown_path(folder)}: refusing to write an index inside the corpus "
                          f"{shown_path(files)}; point ARABIC_NEWS_CACHE (or cache_dir=) at a "
                          "folder outside it")
