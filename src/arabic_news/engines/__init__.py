"""Engines: where an analysis runs, in memory (pandas) or on Dask, behind one small seam.

Every analysis of the package is written once, against :class:`~arabic_news.engines.base.Engine`.
:func:`engine_of` gives the engine of its data, as scikit-learn's ``get_namespace`` gives
the array namespace of its arrays: the in-memory engine for a pandas object or any
collection of texts, the Dask engine for a Dask collection. No module outside this folder
imports Dask, asks which engine it has, or calls ``.compute()``.

The primitives (contracts in :class:`~arabic_news.engines.base.Engine`):

====================================  ====================================================
``partitions(data)``, ``partition``   how many partitions; the ``number``-th one
``map_partitions(data, f, *args)``    ``f`` on each partition; lazy on Dask (``numbered``:
                                      ``f(partition, number, *args)``)
``sum_by(data, f, *args, keys=...)``  ``f`` on each partition, its frames summed by keys
``per_partition(data, f, *args)``     ``f`` on each partition, the results as a list
``largest(table, n, column)``         the rows that reach the ``n``-th largest ``column``
``first_rows(frame, n, by)``          the first ``n`` rows (in order, or by a column)
``sample(frame, n, random_state)``    the rows ``frame.sample`` picks, without the corpus
``batches(data, size)``               the rows a batch at a time (streaming)
``small_columns(frame, columns)``     columns bounded by the rows (ids, dates), in memory
``collect(*values)``                  results in memory (Dask's ``compute``)
``keep(value)``                       computed once and kept (Dask's ``persist``)
``attrs(data)``                       the ``attrs`` a frame carries (a corpus's record)
``content_key(texts)``                a key of the texts' contents, for memoising
====================================  ====================================================

Operations that pandas and Dask spell alike (selecting columns, filtering rows, ``merge``,
``groupby(...).size()``, ``sum``) are written on the data directly, then ``collect``-ed.

Recipe for a new analysis
-------------------------
Write one function per partition that returns a *small* pandas frame: key columns and
numeric columns, each key at most once per partition. Aggregate with ``sum_by``; bring
the result into memory with ``collect``. Nothing else is needed for both engines::

    from arabic_news.engines import engine_of

    def _lengths(texts, analyzer):           # one partition: a pandas Series of texts
        rows = {}
        for text in texts:
            for term in analyzer(text):
                rows[len(term)] = rows.get(len(term), 0) + 1
        return pd.DataFrame({"length": list(rows), "count": list(rows.values())},
                            dtype="int64")

    def term_lengths(texts, analyzer) -> pd.Series:
        engine = engine_of(texts)
        table = engine.sum_by(texts, _lengths, analyzer, keys=["length"], few_keys=True)
        table = engine.collect(table)
        return table.set_index("length")["count"].sort_index()

Rules the per-partition function follows:

- it takes the partition first (a pandas Series of texts, or a pandas DataFrame when the
  data is a frame), then the arguments given to ``sum_by`` / ``map_partitions`` (picklable:
  they travel to Dask's workers);
- it returns the same columns and dtypes for every partition, an empty one included: the
  Dask engine learns the result's schema by calling it on an empty partition (build frames
  with explicit dtypes, as above);
- it reads only its partition and its arguments (no global state), and writes nothing,
  except into a folder it is given (an index's files, one per partition: use
  ``per_partition(..., numbered=True)`` and return the paths);
- ``few_keys=True`` when the result has few keys (periods, dates, sources): the engine then
  sums in one tree reduction instead of spreading the keys over partitions;
- the order of the rows that ``collect`` returns is not defined: sort (or rank with ties
  broken by the key) before showing them. For a top ``n``, ``largest`` keeps the candidates
  of each partition (ties at the ``n``-th value included), exactly.

A frame wider than a count (a per-document table, matches with their context) comes from
``map_partitions`` and ``collect``. Rows that share a key across partitions (candidate
pairs in one hash bucket) are found by counting the keys with ``sum_by``, then filtering
the rows of ``map_partitions`` with ``isin`` on the keys counted twice or more. A row's
place in the whole data (to break ties in corpus order) is its partition's offset, summed
from the lengths ``per_partition(data, len)`` gives, plus its place in the partition: the
function of ``map_partitions(..., numbered=True)`` knows its partition's number. A
computation that must stop early (the first ``limit`` matches) walks
``partition(data, number)`` for ``number in range(partitions(data))``; one that must hold
a batch at most (building an index) reads ``batches(data, size)``.
Test it once: add it to the registry of ``tests/test_engine_equality.py``, which proves
that both engines give the same result.
"""

from __future__ import annotations

from arabic_news.engines.base import Engine

#: The engines ``load_corpus(engine=...)`` and the lessons' ``engine`` parameter accept.
ENGINES = ("pandas", "dask")

__all__ = ["ENGINES", "Engine", "check_engine", "engine_of", "require_engine"]


def check_engine(engine: object) -> str:
    """Validate an ``engine=`` option: one of :data:`ENGINES`."""
    if engine not in ENGINES:
        raise ValueError(
            f"engine={engine!r} is not allowed: use 'pandas' (one DataFrame in memory) or "
            "'dask' (a dask.dataframe.DataFrame over Parquet shards; needs the 'dask' extra)"
        )
    return engine


def _is_dask(value: object) -> bool:
    return type(value).__module__.split(".", 1)[0] == "dask"


def engine_of(*data) -> Engine:
    """The engine that runs on ``data``: Dask's if any argument is a Dask collection, else
    the in-memory engine (pandas objects, lists, any iterable of texts). Dask is imported
    only when a Dask collection is given."""
    if any(_is_dask(value) for value in data):
        from arabic_news.engines.dask_engine import DASK

        return DASK
    from arabic_news.engines.pandas_engine import PANDAS

    return PANDAS


def require_engine(engine: str) -> None:
    """Raise ``ImportError`` with the command that installs what ``engine`` needs."""
    check_engine(engine)
    if engine == "dask":
        from arabic_news.engines.dask_engine import require_dask

        require_dask(distributed=True)
