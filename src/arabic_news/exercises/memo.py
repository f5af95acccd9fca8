"""A small memory for checkers, so that a student who tries again does not wait again.

A checker recomputes the expected answer from the lesson's inputs; on a large corpus that is
the same work as the exercise itself (seconds on 30,000 articles). ``per_texts`` remembers the
result of such a computation for the last few collections of texts it saw, keyed by their
contents (the hash of the tuple of texts; Python caches each string's hash, so this is cheap
after the first time), never by the student's answer.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Iterable

_KEPT = 6
_MEMORY: OrderedDict = OrderedDict()


def texts_of(source) -> tuple[str, ...]:
    """The texts of a corpus frame (its ``text`` column) or of a collection of strings."""
    texts = source["text"] if hasattr(source, "columns") else source
    return tuple(texts)


def per_texts(function: Callable) -> Callable:
    """Memoise ``function(texts, *args)`` on the contents of ``texts`` and the (hashable) args."""

    @functools.wraps(function)
    def remembered(source: Iterable[str], *args):
        texts = texts_of(source)
        key = (function.__module__, function.__qualname__, len(texts), hash(texts), args)
        if key in _MEMORY:
            _MEMORY.move_to_end(key)
            return _MEMORY[key]
        value = function(texts, *args)
        _MEMORY[key] = value
        while len(_MEMORY) > _KEPT:
            _MEMORY.popitem(last=False)
        return value

    return remembered


def forget() -> None:
    """Drop everything remembered (tests use it)."""
    _MEMORY.clear()


def per_column(function: Callable) -> Callable:
    """Like :func:`per_texts`, for helpers that read a whole corpus column.

    ``function(texts, *args)`` gets the column as it is (a pandas Series, a Dask Series, or a
    collection of strings), never a tuple of its texts: on a large corpus, whose column is
    held by Arrow, a tuple would hold every text a second time as Python strings. The key is
    the hash of the texts taken a slice at a time (the strings of one slice exist only while
    it is hashed); a Dask column's key is its graph's deterministic name.
    """

    @functools.wraps(function)
    def remembered(source, *args):
        texts = source["text"] if hasattr(source, "columns") else source
        key = (function.__module__, function.__qualname__, _fingerprint(texts), args)
        if key in _MEMORY:
            _MEMORY.move_to_end(key)
            return _MEMORY[key]
        value = function(texts, *args)
        _MEMORY[key] = value
        while len(_MEMORY) > _KEPT:
            _MEMORY.popitem(last=False)
        return value

    return remembered


def _fingerprint(texts, slice_size: int = 10_000) -> tuple:
    from arabic_news.analysis._dask import is_dask

    if is_dask(texts):
        from dask.base import tokenize

        return ("dask", tokenize(texts))
    if hasattr(texts, "iloc"):
        hashes = tuple(hash(tuple(texts.iloc[begin:begin + slice_size].tolist()))
                       for begin in range(0, len(texts), slice_size))
        return (len(texts), hash(hashes))
    texts = tuple(texts)
    return (len(texts), hash(texts))
