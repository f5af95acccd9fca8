"""Shared test set-up: the corpus cache of the runner and the Dask engine goes to a
temporary folder, never to the user's ~/.cache."""

import pytest


@pytest.fixture(autouse=True, scope="session")
def _corpus_cache(tmp_path_factory):
    patch = pytest.MonkeyPatch()
    patch.setenv("ARABIC_NEWS_CACHE", str(tmp_path_factory.mktemp("corpus-cache")))
    yield
    patch.undo()
