"""A small memory for checkers, so that a student who tries again does not wait again.

A checker recomputes the expected answer from the lesson's inputs; on a large corpus that is
the same work as the exercise itself (seconds on 30,000 articles). ``per_texts`` remembers the
result of such a computation for the last few collections of texts it saw, keyed by their
contents (the hash of the tuple of texts; Python caches each string's hash, so this is cheap
after the first time), never by the student's answer.

A Dask corpus (``load_corpus(path, engine="dask")``) is neither read nor hashed here: the
function gets its Dask text column (to count on the engine or stream with
``analysis.iter_texts``), and the key is the column's Dask name, a hash of the computation
that makes it, so the same corpus loaded once is remembered.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Iterable

from arabic_news.analysis._dask import is_dask

_KEPT = 6
_MEMORY: OrderedDict = OrderedDict()


def texts_of(source):
    """The texts of a corpus frame (its ``text`` column) or of a collection of strings, as a
    tuple; a Dask column is returned as it is (never computed here)."""
    texts = source["text"] if hasattr(source, "columns") else source
    return texts if is_dask(texts) else tuple(texts)



def per_texts(function: Callable) -> Callable:
    """Memoise ``function(texts, *args)`` on the contents of ``texts`` and the (hashable) args."""

    @functools.wraps(function)
    def remembered(source: Iterable[str], *args):
        texts = texts_of(source)
        if is_dask(texts):
            key = (function.__module__, function.__qualname__, "dask", texts._name, args)
        else:
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
