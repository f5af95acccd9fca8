"""Telling a lazy Dask collection from data in memory.

Every concern that accepts either engine (the analyses, the date table, display forms,
``scale.keep``) asks the same question; it lives here, at the bottom of the package like
:mod:`arabic_news.errors`, so that each can ask it without importing another concern, and
without importing Dask on the pandas path.
"""


def is_dask(value: object) -> bool:
    """True for a Dask collection (a dask DataFrame, Series or Bag)."""
    return type(value).__module__.split(".", 1)[0] == "dask"
