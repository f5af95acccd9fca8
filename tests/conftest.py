"""Settings shared by every test.

Hypothesis's per-example deadline is off: speed is measured by the benchmarks in
``benchmarks/``, never by unit tests, and a deadline would make property tests fail on a
loaded machine for reasons that have nothing to do with correctness. The small matplotlib
3.10 environment (``make test-mpl310``) runs only the rendering proofs and has no hypothesis.

The corpus cache of the runner and the Dask engine goes to a temporary folder during tests,
never to the user's ~/.cache.
"""

import pytest

try:
    from hypothesis import settings
except ImportError:  # the rendering-only environment
    settings = None

if settings is not None:
    settings.register_profile("arabic-news", deadline=None)
    settings.load_profile("arabic-news")


@pytest.fixture(autouse=True, scope="session")
def _corpus_cache(tmp_path_factory):
    patch = pytest.MonkeyPatch()
    patch.setenv("ARABIC_NEWS_CACHE", str(tmp_path_factory.mktemp("corpus-cache")))
    yield
    patch.undo()


@pytest.fixture(scope="session")
def generated_frames(tmp_path_factory):
    """The generated corpus of ``tests/generated_corpus.py`` (240 articles) as a pandas frame
    and as a Dask frame of 5 partitions (Parquet shards of 50 rows), for the tests that prove
    the Dask paths give the pandas results."""
    pytest.importorskip("dask")
    import sys
    from pathlib import Path

    import arabic_news as an
    from arabic_news.corpus.convert import write_shards

    sys.path.insert(0, str(Path(__file__).parent))
    from generated_corpus import write_generated_corpus

    folder = tmp_path_factory.mktemp("generated")
    source = write_generated_corpus(folder / "news.jsonl")
    write_shards(source, folder / "shards", rows_per_shard=50)
    dask_corpus = an.load_corpus(folder / "shards", engine="dask")
    assert dask_corpus.npartitions == 5
    return an.load_corpus(source), dask_corpus


def pytest_collection_modifyitems(config, items):
    """The slow tests first: ``make run`` in a clone, then the lessons (each executes lessons
    for half a minute to two minutes). Workers of ``--dist worksteal`` take tests from the front
    and steal from each other's back, so the short tests fill the end on both workers instead
    of a slow test running alone at the end. Nothing else changes (each test is independent)."""
    def rank(item):
        return 0 if item.get_closest_marker("clone") else 1 if item.get_closest_marker(
            "lessons") else 2

    items.sort(key=rank)  # stable: collection order within each rank
