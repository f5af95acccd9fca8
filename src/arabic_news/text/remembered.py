"""Per-partition results (the counts of a column of texts, the date mentions of a frame),
kept on disk so that a lesson, its checkers and the lessons after it compute them once (used
by :mod:`arabic_news.analysis`, :func:`~arabic_news.dates.dates_table` and
:func:`~arabic_news.text.display_forms.display_forms`).

A lesson asks for the term counts of a corpus; its exercise asks again, and its checker
recomputes the expected answer; the next lesson asks for the same counts. Each asking
re-tokenises every text (seconds on 30,000 articles). :func:`remembered` wraps the
per-partition step of such a count (the function an analysis hands to the engine's
``sum_by``) so that its frame is kept in the results cache, keyed by the partition's texts
(:func:`~arabic_news.corpus.results_cache.texts_digest`), the function, its arguments
and the package's code, and read back the next time. It runs where the partition is, on
either engine, so nothing here asks which engine it has.

Only what a key can hold is kept: arguments made of numbers, strings, tuples, frozensets and
analyzers whose settings say everything they do
(:func:`~arabic_news.text.analyzer.analyzer_key`); anything else (a tokeniser of one's own,
a lambda) is counted every time. Partitions of fewer than :data:`CACHE_FROM` texts are
always counted: that is quick, and tests and the seeds leave no files behind.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from arabic_news.corpus.results_cache import (
    ResultStore,
    code_digest,
    partition_digest,
    texts_digest,
)
from arabic_news.text.analyzer import analyzer_key

#: Partitions from which the counts are kept on disk.
CACHE_FROM = 500
#: The results cache's folder for these entries.
KIND = "partition-counts"


@functools.cache
def package_code() -> str:
    """A hash of every source file of the package: any change to the code makes new keys."""
    return code_digest(Path(__file__).resolve().parents[1].rglob("*"))


def argument_key(value) -> str | None:
    """A stable text for ``value``, or None when its behaviour is not all in its value."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return repr(value)
    if isinstance(value, (tuple, list, frozenset)):
        parts = [argument_key(item) for item in value]
        if None in parts:
            return None
        if isinstance(value, frozenset):
            parts.sort()
        return f"{type(value).__name__}({','.join(parts)})"
    return analyzer_key(value)


def remembered(function: Callable, *args) -> tuple:
    """``(step, *args)`` to hand to ``engine.sum_by`` in place of ``(function, *args)``:
    ``step`` is ``function`` with its frames kept on disk when ``args`` can be keyed, else
    ``function`` itself."""
    keys = [argument_key(argument) for argument in args]
    if None in keys:
        return (function, *args)
    settings = (function.__module__, function.__qualname__, tuple(keys))
    return (functools.partial(_remembered_step, function, settings), *args)


def partition_store(partition, settings, parts=("counts",)) -> ResultStore | None:
    """Where the frames (``parts``) computed from one partition with ``settings`` are kept,
    or None when they are not (a small partition, or neither a column nor a frame). A column
    is keyed by its texts; a frame (the few columns a step reads, such as the dates table's
    ``doc_id``, ``text`` and ``published``) by every value of every column."""
    dimensions = getattr(partition, "ndim", None)
    if dimensions not in (1, 2) or len(partition) < CACHE_FROM:
        return None
    digest = texts_digest(partition) if dimensions == 1 else partition_digest(partition)
    return ResultStore(KIND, [digest], settings, package_code(), parts)


def _remembered_step(function: Callable, settings, partition, *args) -> pd.DataFrame:
    store = partition_store(partition, settings)
    found = store.read() if store is not None else None
    if found is not None:
        return found["counts"].astype(found["meta"]["dtypes"])
    frame = function(partition, *args)
    if store is not None:
        store.write({"counts": frame}, {"dtypes": {str(name): str(dtype)
                                                   for name, dtype in frame.dtypes.items()}})
    return frame
