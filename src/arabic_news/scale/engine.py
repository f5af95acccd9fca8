"""Choose the engine a lesson runs on, with one parameter (see :mod:`arabic_news.scale`)."""

from __future__ import annotations

from arabic_news.engines import check_engine, engine_of
from arabic_news.engines.cluster import client


def start_engine(engine: str = "pandas", scheduler_address: str | None = None, **cluster_options):
    """Get ready to run a lesson on ``engine``; returns the Dask client, or None for pandas.

    ``"pandas"`` needs nothing: the corpus is one DataFrame in this process. ``"dask"``
    connects to ``scheduler_address`` (any running scheduler, such as
    ``"tcp://10.0.0.5:8786"``) or, without one, starts a ``LocalCluster`` on this machine;
    ``cluster_options`` go to :func:`arabic_news.scale.client` (``n_workers``,
    ``memory_limit``, ``dashboard``...). The client becomes Dask's default scheduler, so
    ``load_corpus(path, engine="dask")`` and the analyses run on it. Close it with
    ``client.close()`` (and a local one's cluster with ``client.cluster.close()``) when done.
    """
    check_engine(engine)
    if engine == "pandas":
        if scheduler_address is not None:
            raise ValueError(f"scheduler_address={scheduler_address!r} is for engine='dask': "
                             "set engine = 'dask', or scheduler_address = None")
        return None
    return client(scheduler_address, **cluster_options)


def keep(collection):
    """``collection`` computed once and kept in the engine's memory, for a table that later
    cells use several times: on Dask it is persisted (on a cluster, in the workers' memory,
    partition by partition, spilled to disk past their limit), so each later use reads it
    instead of recomputing it from the corpus; in memory (a pandas DataFrame) it is returned
    as it is.
    """
    return engine_of(collection).keep(collection)
