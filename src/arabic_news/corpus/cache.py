"""A cache of Parquet shards, so that a large corpus is read and checked once per change.

The contract, which the notebook runner and the lessons rely on:

* ``cached_shards(path, options)`` (in :mod:`arabic_news.corpus.convert`, which writes the
  entries; this module keys and finds them) converts the corpus at ``path``, loaded with
  ``options`` (``load_corpus``'s), into ``CACHE/NAME-KEY-rROWS`` on first use and returns
  that folder.
  ``CACHE`` is ``cache_dir``, else :func:`default_cache_dir` (``$ARABIC_NEWS_CACHE``, else
  ``~/.cache/arabic_news/shards``); ``KEY`` is :func:`cache_key`; ``ROWS`` the rows per
  shard.
* ``load_corpus(path, **options)`` (pandas) looks in :func:`default_cache_dir` for an entry
  of the same key, of any rows per shard (:func:`prepared_shards`). When one is there and
  passes the checks of :mod:`arabic_news.corpus.shard_checks`, it reads those shards instead
  of the original files (several times faster, the same frame) and records it:
  ``attrs["provenance"] == {"corpus": <path, resolved>, "shards": <the entry>,
  "cache": "hit"}``. It never writes into the cache. ``load_corpus`` on the Dask engine
  reads the same entry (``cache`` is ``"hit"``, or ``"built"`` when it converted the
  corpus). So a runner that prepares a corpus with ``cached_shards(path,
  options)`` can hand the notebooks the user's own ``path`` and the same options: they read
  the prepared shards, and name the user's corpus. A runner that uses another ``cache_dir``
  must give the notebooks' kernels ``ARABIC_NEWS_CACHE`` pointing at it (an absolute path:
  a relative one is taken from each process's working folder).
* Never stale: the key holds the corpus's resolved path, a signature of its files (for each
  file below a folder, or the one file: its relative name, size, modification time,
  status-change time and inode; for a symbolic link, those of its target too), the content
  hash of an external ``metadata=`` table, the options that differ from ``load_corpus``'s
  defaults, and the cache format. Changing, adding or removing a file, editing the metadata
  table, or loading with other options gives another key. The status-change time (ctime)
  is what catches an edit that keeps the size and puts the modification time back
  (``touch -d``, ``rsync -t``, a restored backup): no user call can set it back. Content
  hashing would catch the same at a higher price: on ANT (31,526 files, 111 MB, in the page
  cache) the signature takes 0.16 s, reading and hashing every file 0.48 s, more than a
  whole cache hit (0.38 s, signature and checks included) and far more from a cold disk
  (``benchmarks/results/cache.md``); so only the metadata table, which lives outside the
  corpus folder, is hashed.
* Never served broken: an entry whose manifest or shards fail the checks (a shard cut
  short, edited, removed) is converted again by ``cached_shards``, with a
  :class:`DamagedCacheEntryWarning` naming it and the problem; :func:`prepared_shards`
  ignores it, and ``load_corpus`` reads the original files (with that warning when the
  damage shows only as the shards are read).
* Writes only inside the cache folder: a cache folder inside the corpus is refused before
  anything is created, and so is a cache "folder" that is a file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
from pathlib import Path

from arabic_news.corpus.files import reason, shown_path
from arabic_news.corpus.options import DEFAULTS
from arabic_news.corpus.seeds import seeds_path
from arabic_news.corpus.shards import (
    DEFAULT_ROWS_PER_SHARD,
    is_shards_folder,
    open_shards_folder,
)
from arabic_news.errors import CorpusError

#: Changes whenever what the cache stores or how it is keyed changes: old entries are left
#: unused (delete the cache folder to reclaim their space).
CACHE_FORMAT = 3
#: An option left at its default (:data:`arabic_news.corpus.options.DEFAULTS`) is not part of
#: the key, so that ``cached_shards(path, {})`` and ``load_corpus(path)`` find the same entry;
#: ``progress`` changes how loading looks, not what it gives.
_NOT_KEYED = ("progress",)


class DamagedCacheEntryWarning(UserWarning):
    """A cache entry failed its checks (a shard cut short, edited, removed): it was converted
    again, or the original files were read instead."""


def default_cache_dir() -> Path:
    """``$ARABIC_NEWS_CACHE`` or ``~/.cache/arabic_news/shards``."""
    configured = os.environ.get("ARABIC_NEWS_CACHE")
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".cache" / "arabic_news" / "shards"


def cache_root(cache_dir: str | os.PathLike | None = None) -> Path:
    """The cache folder to use; a :class:`CorpusError` when it exists and is not a folder."""
    root = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
    if (root.exists() or root.is_symlink()) and not root.is_dir():
        given = "cache_dir=" if cache_dir is not None else "ARABIC_NEWS_CACHE"
        raise CorpusError(
            f"{shown_path(root)}: the shards cache must be a folder, and this is a file (given "
            f"by {given}); point it at a folder, or leave it unset to use "
            "~/.cache/arabic_news/shards"
        )
    return root


def corpus_signature(path: Path, follow_symlinks: bool = False) -> dict:
    """What identifies the state of a corpus without reading it (see the module docstring)."""
    digest = hashlib.blake2b(digest_size=16)
    files = total = 0
    if not path.is_dir():
        digest.update(_stat_line(".", path.stat()))
        return {"files": 1, "bytes": path.stat().st_size, "state": digest.hexdigest()}
    stack = [(path, "")]
    visited = {(path.stat().st_dev, path.stat().st_ino)}
    while stack:
        folder, prefix = stack.pop()
        with os.scandir(folder) as entries:
            listed = sorted(entries, key=lambda e: e.name)
        for entry in listed:
            rel = prefix + entry.name
            info = entry.stat(follow_symlinks=False)
            digest.update(_stat_line(rel, info))
            if stat.S_ISLNK(info.st_mode):
                try:
                    info = entry.stat(follow_symlinks=True)
                except OSError:
                    continue  # dangling: the link's own line says enough
                digest.update(_stat_line(rel + " ->", info))
                if stat.S_ISDIR(info.st_mode) and not follow_symlinks:
                    continue
            if stat.S_ISDIR(info.st_mode):
                if (info.st_dev, info.st_ino) not in visited:
                    visited.add((info.st_dev, info.st_ino))
                    stack.append((Path(entry.path), rel + "/"))
                continue
            files += 1
            total += info.st_size
    return {"files": files, "bytes": total, "state": digest.hexdigest()}


def _stat_line(rel: str, info: os.stat_result) -> bytes:
    return (f"{rel}\0{info.st_mode}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0"
            f"{info.st_ino}\n").encode("utf-8", "surrogateescape")


def cache_key(path: str | os.PathLike | None, options: dict) -> str:
    """A short hash of the corpus's path, signature, metadata content and options."""
    corpus = _corpus(path)
    keyed = _keyed_options(options)
    follow = bool(options.get("follow_symlinks", False))
    blob = json.dumps({"format": CACHE_FORMAT, "path": shown_path(corpus),
                       "signature": corpus_signature(corpus, follow), "options": keyed},
                      sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _corpus(path: str | os.PathLike | None) -> Path:
    corpus = (seeds_path() if path is None else Path(path).expanduser()).resolve()
    if not corpus.exists():
        raise CorpusError(f"{shown_path(corpus)}: path does not exist")
    return corpus


def _keyed_options(options: dict) -> dict:
    keyed = {}
    for name, value in sorted(options.items()):
        if name in _NOT_KEYED or (name in DEFAULTS and value == DEFAULTS[name]
                                  and type(value) is type(DEFAULTS[name])):
            continue
        keyed[name] = _metadata_identity(value) if name == "metadata" else str(value)
    return keyed


def _metadata_identity(metadata: str | os.PathLike) -> dict:
    """An external metadata table by its resolved path and content (it may change without
    any file of the corpus changing)."""
    where = Path(metadata).expanduser().resolve()
    digest = hashlib.sha256()
    try:
        with open(where, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError as error:
        raise CorpusError(f"{shown_path(where)}: cannot read the metadata table: "
                          f"{reason(error)}") from None
    return {"path": shown_path(where), "sha256": digest.hexdigest()}


def entry_name(path: str | os.PathLike | None) -> str:
    """The first part of a cache entry's name: the corpus's own name."""
    name = "seeds" if path is None else Path(path).expanduser().resolve().name or "corpus"
    return shown_path(name).replace(" ", "_")


def prepared_shards(path: str | os.PathLike | None, options: dict) -> Path | None:
    """The cache entry for ``path`` and ``options``, when one is ready and sound, else None.

    Reads only: nothing is written or removed. Any problem (no cache, a corpus path the loader
    will report, a damaged entry) gives None, and the original files are read.
    """
    try:
        root = cache_root()
        prefix = f"{entry_name(path)}-"
        if not root.is_dir() or not any(p.name.startswith(prefix) for p in root.iterdir()):
            return None
        pattern = re.compile(re.escape(f"{prefix}{cache_key(path, options)}-r") + r"(\d+)")
        entries = [p for p in root.iterdir() if pattern.fullmatch(p.name)]
    except (OSError, CorpusError, ValueError, TypeError):
        return None
    default = f"-r{DEFAULT_ROWS_PER_SHARD}"
    for folder in sorted(entries, key=lambda p: (not p.name.endswith(default), p.name)):
        if entry_problem(folder) is None:
            return folder
    return None


def entry_problem(folder: Path) -> str | None:
    """Why a cache entry cannot be used, or None when it passes the shards checks."""
    if folder.is_symlink() or not folder.is_dir():
        return "not a folder"
    if not is_shards_folder(folder):
        return "no manifest"
    try:
        open_shards_folder(folder, max_file_size=None)
    except CorpusError as error:
        return str(error)
    return None


def remove_entry(folder: Path) -> None:
    """Remove a damaged entry of the cache (named by ``convert.prepare_shards``, so ours)."""
    if folder.is_symlink() or not folder.is_dir():
        folder.unlink()
    else:
        shutil.rmtree(folder)
