"""Digests of a corpus's values: a SHA-256 of every value of a column or frame, in order,
computed from the Arrow buffers where it can be (a text column as its bytes and the length of
each value). The results cache keys its entries with them
(:mod:`arabic_news.corpus.results_cache`), and the in-memory engine keys the checkers' memory
(``content_key``) with them. It sits with the engines, which import nothing above them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


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


def sized_digest(part: pd.DataFrame | pd.Series) -> tuple[int, str]:
    """A partition's number of rows and its digest (:func:`partition_digest` of a frame,
    :func:`texts_digest` of a column): a cache that keys only corpora from some size on
    learns both from one read of each partition (on Dask, a read of the shard and every step
    before it)."""
    return len(part), (texts_digest(part) if part.ndim == 1 else partition_digest(part))


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


def _missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
