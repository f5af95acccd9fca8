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
