"""A small memory for checkers, so that a student who tries again does not wait again.

A checker recomputes the expected answer from the lesson's inputs; on a large corpus that is
the same work as the exercise itself (seconds on 30,000 articles). ``per_texts`` remembers the
result of such a computation for the last few collections of texts it saw, keyed by their
contents (a SHA-256 of every text, a tenth of a second on 30,000 articles), never by the
student's answer.

A column (pandas or Dask) is passed on as it is, and keyed by its engine's
``content_key``: a pandas column by a SHA-256 of its Arrow buffers (no Python string is
made: a tuple of every text would turn the whole Arrow-backed column into Python strings at
once, about 1 GB more at 300,000 articles); a Dask column is neither read nor hashed, its
key is its Dask name, a hash of the computation that makes it, so the same corpus loaded
once is remembered.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Iterable

from arabic_news.engines import engine_of

_KEPT = 6
_MEMORY: OrderedDict = OrderedDict()


def _column(source):
    """A corpus frame's ``text`` column, or ``source`` itself. A frame is told by its two
    dimensions: a Dask Series also has a ``columns`` attribute."""
    return source["text"] if getattr(source, "ndim", None) == 2 else source


def texts_of(source):
    """The texts of a corpus frame (its ``text`` column) or of a collection of strings: a
    column (a pandas or Dask Series, which has a dtype and an index) as it is, never copied
    or computed here; anything else as a tuple."""
    texts = _column(source)
    return texts if hasattr(texts, "index") and hasattr(texts, "dtype") else tuple(texts)


def per_texts(function: Callable) -> Callable:
    """Memoise ``function(texts, *args)`` on the contents of ``texts`` and the (hashable) args."""

    @functools.wraps(function)
    def remembered(source: Iterable[str], *args):
        texts = texts_of(source)
        key = (function.__module__, function.__qualname__,
               *engine_of(texts).content_key(texts), args)
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
