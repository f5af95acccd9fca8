"""Exact top-n counts in bounded memory on one machine: hash partitions spilled to disk.

One Counter of every bigram of millions of articles holds hundreds of millions of entries
(about 130 bytes each). Here texts are counted a batch at a time; each batch's counts are
split by a stable hash of the term into ``partitions`` files on disk; then each partition is
summed on its own (a ``1/partitions`` share of the vocabulary) and keeps only the entries
that can reach the top ``n``. The result equals ``ranked_terms(ngram_counts(...)[size], n)``
exactly: every term lives in one partition only, so its partition holds its full count.
Peak memory: one batch's Counter plus one partition's, instead of the whole vocabulary.
"""

from __future__ import annotations

import pickle
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd


def _partition_of(term: str, partitions: int) -> int:
    return zlib.crc32(term.encode("utf-8")) % partitions


def spilled_top(
    texts: Iterable[str],
    count: Callable[[str], Iterable[str]],
    n: int,
    partitions: int,
    batch_size: int = 2000,
    directory: str | Path | None = None,
) -> tuple[Counter, int]:
    """The entries that can reach the top ``n`` of the counts of ``count(text)`` over
    ``texts``, and the total of all counts; at most one partition's vocabulary in memory.

    ``directory`` holds the spill files (default: a temporary folder, removed afterwards).
    """
    with tempfile.TemporaryDirectory(prefix="arabic-news-spill-", dir=directory) as folder:
        files = [open(Path(folder) / f"part-{i:04d}.pkl", "wb") for i in range(partitions)]
        total = 0
        try:
            batch: Counter = Counter()
            for position, text in enumerate(texts, 1):
                batch.update(count(text))
                if position % batch_size == 0:
                    total += _spill(batch, files, partitions)
                    batch = Counter()
            total += _spill(batch, files, partitions)
        finally:
            for handle in files:
                handle.close()
        candidates: Counter = Counter()
        for i in range(partitions):
            part: Counter = Counter()
            with open(Path(folder) / f"part-{i:04d}.pkl", "rb") as handle:
                while True:
                    try:
                        part.update(pickle.load(handle))
                    except EOFError:
                        break
            if len(part) > n:
                threshold = part.most_common(n)[-1][1]
                part = Counter({term: c for term, c in part.items() if c >= threshold})
            candidates.update(part)
            del part
    return candidates, total


def _spill(batch: Counter, files, partitions: int) -> int:
    if not batch:
        return 0
    pieces: list[dict] = [{} for _ in range(partitions)]
    for term, value in batch.items():
        pieces[_partition_of(term, partitions)][term] = value
    for handle, piece in zip(files, pieces, strict=True):
        if piece:
            pickle.dump(piece, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return sum(batch.values())


def spilled_ranking(candidates: Counter, total: int, n: int) -> pd.DataFrame:
    """The ranked table (rank, term, count, share) from :func:`spilled_top`'s result."""
    from arabic_news.analysis.frequency import _ranked

    table = _ranked(candidates, n)
    table["share"] = table["count"] / total if total else 0.0
    return table
