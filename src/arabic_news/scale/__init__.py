"""Scaling up: a Dask client for the analyses of a corpus larger than one machine's memory.

``load_corpus(path, engine="dask")`` gives a lazy corpus; the analyses of
:mod:`arabic_news.analysis` run on it wherever the current Dask client sends them.
:func:`client` starts that client: a ``LocalCluster`` on this machine by default, or a
connection to any running scheduler (``address="tcp://host:8786"``), so that the same
notebook runs on a laptop or on a cluster of many machines. :func:`start_engine` is what a
lesson calls with its ``engine`` parameter ("pandas" or "dask"); :func:`keep` computes a
table that later cells reuse once (persisted on Dask, as it is on pandas). The engines
themselves live in :mod:`arabic_news.engines`; this is the lessons' side of them.
"""

from arabic_news.engines.cluster import client, describe
from arabic_news.scale.engine import keep, start_engine

__all__ = ["client", "describe", "keep", "start_engine"]
