"""Whole results of a corpus (a keyness table, a topic-stability table), kept on disk so that
a lesson run again, its checker and the explorer read them instead of computing them again.

Such a result is a table computed from a corpus's texts with some settings, seconds of work
(several NMF fits, the dispersion of every term) for a table a person reads. It is kept in
the results cache under the key of what it was computed from: the texts (or the key of
their kept tokens, :attr:`~.kept_tokens.EncodedTokens.key`), every setting, the package's
code and the versions of the numerical libraries that computed it, so that an upgrade of
scikit-learn or SciPy never serves a table they would now compute differently. The caller
says what the content is; when it cannot (a tokeniser of one's own, a small corpus, token
lists), :func:`kept_table` computes the table every time.

Only a table that Parquet gives back as it was is kept: a plain 0..n-1 index, and
``attrs`` that JSON holds (labels and counts). Anything else is computed every time.

A fitted model (a topic model: its arrays and scikit-learn's fitted estimators) is kept
with :func:`kept_object`, pickled, as scikit-learn's documentation advises for persisting
its models, under a key that holds the library versions its warning is about. The cache
folder is the user's own, written only by this package.
"""

from __future__ import annotations

import functools
import json
import pickle
from collections.abc import Callable
from importlib import metadata

import pandas as pd

from arabic_news.corpus.results_cache import ResultStore, texts_digest
from arabic_news.text.analyzer import analyzer_key
from arabic_news.text.kept_tokens import text_column
from arabic_news.text.remembered import package_code

#: The results cache's folder for these entries.
KIND = "kept-tables"
#: The libraries whose versions are part of every key: they do the arithmetic.
LIBRARIES = ("numpy", "pandas", "scipy", "scikit-learn", "pyarrow")


@functools.cache
def library_versions() -> tuple[tuple[str, str], ...]:
    """(name, version) of each of :data:`LIBRARIES` installed."""
    found = []
    for name in LIBRARIES:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, "absent"))
    return tuple(found)


def column_content(texts) -> str | None:
    """The content key of ``texts`` (a Series, list or tuple of texts): their digest, or
    None when a result of them is not kept (fewer than :data:`~.remembered.CACHE_FROM`
    texts, a missing text, anything else than a column in memory)."""
    column = text_column(texts)
    return None if column is None else texts_digest(column)


def texts_content(texts, analyzer) -> str | None:
    """The content key of what ``analyzer`` makes of ``texts``: :func:`column_content` and
    the analyzer's settings, or None when either cannot be keyed (an analyzer whose
    settings do not say everything it does)."""
    settings, column = analyzer_key(analyzer), column_content(texts)
    return None if settings is None or column is None else f"{column}:{settings}"


def kept_table(content: str | None, settings: tuple,
               compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """``compute()``, read back from the results cache when a table of this ``content``
    (a digest of what it is computed from, or None: never kept) and these ``settings`` (a
    tuple of reprs, with the function's name) was kept, and kept when first computed."""
    if content is None:
        return compute()
    store = ResultStore(KIND, [(content,)], (settings, library_versions()), package_code(),
                        ("table",))
    found = store.read()
    if found is not None:
        table = found["table"].astype(found["meta"]["dtypes"])
        table.attrs = found["meta"]["attrs"]
        return table
    table = compute()
    meta = _meta(table)
    if meta is not None:
        store.write({"table": table}, meta)
    return table


def kept_object(content: str | None, settings: tuple, compute: Callable[[], object]):
    """:func:`kept_table` for a Python object (a fitted model): ``compute()``, kept pickled
    and read back, or computed every time when ``content`` is None. An entry that cannot
    be read back (damaged, or written by code that has since moved) is computed again."""
    if content is None:
        return compute()
    store = ResultStore(KIND, [(content,)], ("object", settings, library_versions()),
                        package_code(), ("pickle",))
    found = store.read()
    if found is not None and len(found["pickle"]) == 1:
        try:
            return pickle.loads(found["pickle"]["pickle"].iloc[0])
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError,
                TypeError, ValueError):
            pass  # computed again and kept anew
    value = compute()
    try:
        blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, AttributeError, TypeError):
        return value  # holds something pickle cannot write: computed every time
    store.write({"pickle": pd.DataFrame({"pickle": [blob]})}, {})
    return value


def _meta(table: pd.DataFrame) -> dict | None:
    """What is kept beside ``table`` to give it back as it is, or None when Parquet and JSON
    cannot (an index of labels, attrs of other objects)."""
    if not isinstance(table.index, pd.RangeIndex) or table.index.start != 0 \
            or table.index.step != 1 or not table.columns.is_unique:
        return None
    meta = {"dtypes": {str(name): str(dtype) for name, dtype in table.dtypes.items()},
            "attrs": table.attrs}
    try:
        if json.loads(json.dumps(meta)) != meta or list(meta["dtypes"]) != list(table.columns):
            return None
    except (TypeError, ValueError):
        return None
    return meta
