"""A cache of Parquet shards, so that a large corpus is read and checked once per change.

``cached_shards(path, options)`` returns a shards folder (see :mod:`arabic_news.corpus.shards`)
for the corpus at ``path`` loaded with ``options``, converting it on the first call. The
cache lives outside the corpus folder (``$ARABIC_NEWS_CACHE``, else
``~/.cache/arabic_news/shards``) and is keyed on the corpus's resolved path, its files'
sizes and modification times, and the loader options: changing a file, adding one, or
loading with other options makes a new entry, never a stale result.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from arabic_news.corpus.seeds import seeds_path
from arabic_news.corpus.shards import DEFAULT_ROWS_PER_SHARD, is_shards_folder, write_shards
from arabic_news.errors import CorpusError


def default_cache_dir() -> Path:
    """``$ARABIC_NEWS_CACHE`` or ``~/.cache/arabic_news/shards``."""
    configured = os.environ.get("ARABIC_NEWS_CACHE")
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".cache" / "arabic_news" / "shards"


def corpus_signature(path: Path) -> dict:
    """Sizes and modification times of a corpus (a file, or every file below a folder)."""
    info = path.stat()
    if not path.is_dir():
        return {"files": 1, "bytes": info.st_size, "mtime_ns": info.st_mtime_ns}
    files = total = latest = 0
    digest = hashlib.sha256()
    stack = [path]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                    continue
                stat = entry.stat(follow_symlinks=False)
                files += 1
                total += stat.st_size
                latest = max(latest, stat.st_mtime_ns)
                digest.update(f"{entry.path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return {"files": files, "bytes": total, "mtime_ns": latest, "listing": digest.hexdigest()}


def cache_key(path: str | os.PathLike | None, options: dict) -> str:
    """A short hash of the corpus's path, signature and the loader options."""
    corpus = (seeds_path() if path is None else Path(path).expanduser()).resolve()
    if not corpus.exists():
        raise CorpusError(f"{corpus}: path does not exist")
    shown = {key: str(value) for key, value in sorted(options.items())
             if key not in ("progress",)}
    blob = json.dumps({"path": str(corpus), "signature": corpus_signature(corpus),
                       "options": shown}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def cached_shards(
    path: str | os.PathLike | None,
    options: dict | None = None,
    *,
    cache_dir: str | os.PathLike | None = None,
    rows_per_shard: int = DEFAULT_ROWS_PER_SHARD,
) -> Path:
    """The shards folder for ``path`` loaded with ``options``, converted on first use.

    A folder that already is a shards folder is returned as it is.
    """
    options = dict(options or {})
    if is_shards_folder(path):
        return Path(path)
    root = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
    name = "seeds" if path is None else Path(path).name or "corpus"
    folder = root / f"{name}-{cache_key(path, {**options, 'rows_per_shard': rows_per_shard})}"
    if is_shards_folder(folder):
        return folder
    root.mkdir(parents=True, exist_ok=True)
    options.pop("progress", None)
    write_shards(path, folder, rows_per_shard=rows_per_shard, progress=False, **options)
    return folder
