"""Results computed from a corpus, kept on disk so that each lesson pays for them once.

A :class:`ResultStore` entry is keyed by a SHA-256 of everything the result depends on:
every value of the rows it was computed from (hashed as they stream past, one partition at
a time), the parameters, and the source files of the code that computes it. Any change to
one of these makes a new key, so a stale result is never served. Entries live in a folder
per kind of result (``near-duplicates/``, ``boilerplate/``) under the package's cache folder
(``$ARABIC_NEWS_CACHE``, see :func:`arabic_news.corpus.cache.cache_root`); each part
is written to a temporary file and renamed into place, the entry's JSON file last, and an
entry is read only when all its parts are there. An entry that cannot be read is computed
again (and rewritten), never half served.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from arabic_news.corpus.cache import cache_root
from arabic_news.engines import engine_of
from arabic_news.engines.digests import (
    content_digest,
    partition_digest,
    sized_digest,
    texts_digest,
)

__all__ = ["FORMAT", "ResultNotCachedWarning", "ResultStore", "code_digest", "content_digest",
           "kept_digests", "partition_digest", "sized_digest", "texts_digest"]

#: Bump when the layout of an entry changes.
FORMAT = 1


class ResultNotCachedWarning(UserWarning):
    """A computed result could not be written to the cache folder (it is still returned)."""


def code_digest(paths: Iterable[Path]) -> str:
    """A hash of the source files (``.py``, ``.txt``, ``.tsv``) among ``paths``, by name and
    content: the code whose behaviour a result depends on."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        if path.is_file() and path.suffix in (".py", ".txt", ".tsv"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def kept_digests(data, cache: bool | None, cache_from: int) -> list[str] | None:
    """The digests of ``data``'s partitions, in order, when a result computed from it is
    kept: always with ``cache=True``, never with ``False``, and with ``None`` from
    ``cache_from`` rows on; else None. The size and the digests come from one read of each
    partition (:func:`sized_digest`), run by the engine where the partition is."""
    if cache is False:
        return None
    sized = engine_of(data).per_partition(data, sized_digest)
    if not cache and sum(size for size, _ in sized) < cache_from:
        return None
    return [digest for _, digest in sized]


class ResultStore:
    """One corpus's entry of one kind of result: :meth:`read` it (None when absent or
    unreadable), or :meth:`write` it. ``parts`` names the tables of the entry; ``meta`` is a
    JSON-able dict kept beside them."""

    def __init__(self, kind: str, rows: Iterable[tuple], settings: object, code: str,
                 parts: Sequence[str], folder: str | os.PathLike | None = None) -> None:
        """``rows``: the values the result is computed from, streamed (or a list of
        partition digests from :func:`partition_digest`, which are hashed the same way)."""
        blob = json.dumps({"format": FORMAT, "code": code, "content": content_digest(rows),
                           "settings": repr(settings)})
        self.key = hashlib.sha256(blob.encode()).hexdigest()[:32]
        self.parts = tuple(parts)
        self.folder = Path(folder) if folder is not None else cache_root() / kind

    def _path(self, part: str) -> Path:
        return self.folder / f"{self.key}-{part}.parquet"

    @property
    def _meta_path(self) -> Path:
        return self.folder / f"{self.key}.json"

    def read(self) -> dict | None:
        paths = {part: self._path(part) for part in self.parts}
        if not self._meta_path.is_file() or not all(p.is_file() for p in paths.values()):
            return None
        try:
            found = {part: pd.read_parquet(path) for part, path in paths.items()}
            found["meta"] = json.loads(self._meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # damaged (pyarrow's errors are ValueErrors): recompute
            return None
        return found

    def write(self, tables: dict[str, pd.DataFrame], meta: dict) -> None:
        """Keep the entry; when the cache folder cannot take it (read-only, full, or a file
        where a folder should be) say so in a warning and go on: the result was computed and
        is returned, it is only computed again next time."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for part in self.parts:
                _replace(self._path(part),
                         lambda path, p=part: tables[p].to_parquet(path, index=False))
            _replace(self._meta_path,  # last: an entry is read only when it is there
                     lambda path: path.write_text(json.dumps(meta), encoding="utf-8"))
        except OSError as error:
            warnings.warn(f"{self.folder}: this result could not be kept in the cache folder "
                          f"({error.strerror or error}); it will be computed again next time. "
                          "Point ARABIC_NEWS_CACHE at a folder you can write to.",
                          ResultNotCachedWarning, stacklevel=3)


def _replace(path: Path, write) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
