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

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from arabic_news.corpus.cache import cache_root

#: Bump when the layout of an entry changes.
FORMAT = 1


class ResultNotCachedWarning(UserWarning):
    """A computed result could not be written to the cache folder (it is still returned)."""


def content_digest(rows: Iterable[tuple]) -> str:
    """A hash of every value of every row, in order (``None`` and missing values included)."""
    digest = hashlib.sha256()
    for row in rows:
        for value in row:
            digest.update(b"\x1f" + ("\x00" if _missing(value) else str(value)).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()


def partition_digest(frame: pd.DataFrame) -> str:
    """A hash of a frame's size, column names, types and every value, missing values
    marked: the per-partition step of a corpus's key (run by the engine where the partition
    is; only the digests travel).

    Columns are hashed from their Arrow buffers (a text column as its bytes and the length
    of each value), not value by value: about 20 times faster on a corpus's texts, which
    matters because every cached result hashes them before it can be read.
    """
    digest = hashlib.sha256(f"{len(frame)}\x1e".encode())
    for name in frame.columns:
        digest.update(b"\x1d" + str(name).encode() + b"\x1d")
        _hash_column(digest, frame[name])
    return digest.hexdigest()


def texts_digest(texts: pd.Series) -> str:
    """:func:`partition_digest` of one column of texts, whatever the column is called."""
    return partition_digest(texts.to_frame(name="texts"))


def _hash_column(digest, column: pd.Series) -> None:
    try:
        values = pa.array(column, from_pandas=True)
    except (pa.ArrowException, TypeError, ValueError):  # mixed Python objects
        values = None
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if values is not None and pa.types.is_dictionary(values.type):
        values = values.dictionary_decode()
    if values is not None and values.null_count == len(values):  # no value present: the
        values = pa.nulls(len(values), pa.large_binary())  # same, whatever the column's type
    if values is not None and _is_bytes_like(values.type):
        values = values.cast(pa.large_binary())
        lengths = pc.binary_length(values).fill_null(-1)  # -1: missing, unlike ""
        filled = values.fill_null(b"")
        offsets = np.frombuffer(filled.buffers()[1], dtype=np.int64)[
            filled.offset:filled.offset + len(filled) + 1]
        data = filled.buffers()[2]
        digest.update(b"bytes\x1f" + np.asarray(lengths, dtype=np.int64).tobytes())
        if data is not None and len(offsets) > 1:
            digest.update(memoryview(data)[int(offsets[0]):int(offsets[-1])])
        return
    if values is not None:
        numbers = values.to_numpy(zero_copy_only=False)
        if numbers.dtype != object:
            missing = np.asarray(values.is_null(), dtype=bool)
            digest.update(str(values.type).encode() + b"\x1f" + missing.tobytes()
                          + np.ascontiguousarray(numbers).tobytes())
            return
    digest.update(b"values\x1f" + content_digest((value,) for value in column).encode())


def _is_bytes_like(kind: pa.DataType) -> bool:
    return (pa.types.is_string(kind) or pa.types.is_large_string(kind)
            or pa.types.is_binary(kind) or pa.types.is_large_binary(kind))


def code_digest(paths: Iterable[Path]) -> str:
    """A hash of the source files (``.py``, ``.txt``, ``.tsv``) among ``paths``, by name and
    content: the code whose behaviour a result depends on."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        if path.is_file() and path.suffix in (".py", ".txt", ".tsv"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


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
