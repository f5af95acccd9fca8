"""Start or join a Dask cluster (see :mod:`arabic_news.scale`, which offers it to the lessons)."""

from __future__ import annotations


def client(
    address: str | None = None,
    *,
    n_workers: int = 2,
    threads_per_worker: int = 1,
    memory_limit: str | int = "3GB",
    processes: bool = True,
    dashboard: bool = True,
    local_directory: str | None = None,
):
    """A ``distributed.Client``: to ``address`` when given, else to a new ``LocalCluster``.

    The local cluster has ``n_workers`` worker processes of ``threads_per_worker`` threads
    (one thread each by default: tokenising Python text holds the GIL, so processes, not
    threads, use the cores), each capped at ``memory_limit``: past 60% of it a worker spills
    to ``local_directory`` (default: Dask's temporary folder), past 95% it is restarted.
    ``dashboard=False`` starts no dashboard (tests, servers without a free port).
    The client becomes Dask's default scheduler; close it with ``.close()`` (and its
    cluster with ``.cluster.close()``) or use it in a ``with`` block.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ImportError(
            "scaling up needs Dask's distributed scheduler: pip install 'arabic-news[dask]'"
        ) from None
    if address is not None:
        if not isinstance(address, str) or not address.strip():
            raise ValueError(f"address={address!r}: give a scheduler address such as "
                             "'tcp://10.0.0.5:8786', or None for a local cluster")
        return Client(address)
    for name, value in (("n_workers", n_workers), ("threads_per_worker", threads_per_worker)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name}={value!r}: give a positive integer")
    options = {"local_directory": local_directory} if local_directory else {}
    cluster = LocalCluster(
        n_workers=n_workers, threads_per_worker=threads_per_worker, memory_limit=memory_limit,
        processes=processes, dashboard_address=":0" if dashboard else None, **options,
    )
    return Client(cluster)


def describe(dask_client) -> str:
    """One line: workers, threads and memory limit per worker, and the dashboard's address."""
    info = dask_client.scheduler_info()
    workers = info.get("workers", {})
    threads = sum(worker.get("nthreads", 0) for worker in workers.values())
    limits = sorted({worker.get("memory_limit", 0) for worker in workers.values()})
    limit = ", ".join(f"{value / 1e9:.1f} GB" for value in limits) or "none"
    dashboard = dask_client.dashboard_link if dask_client.dashboard_link else "no dashboard"
    return (f"{len(workers)} workers, {threads} threads, memory limit per worker {limit}; "
            f"dashboard: {dashboard}")
