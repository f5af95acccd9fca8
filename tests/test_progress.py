"""Progress bars: drawn for long loops in the lesson's process only, never changing the items."""

import multiprocessing

from tqdm.auto import tqdm

from arabic_news import progress as progress_module
from arabic_news.progress import PROGRESS_THRESHOLD, progress


def test_a_short_loop_gets_no_bar():
    items = list(range(10))
    assert progress(items, len(items), "counting") is items


def test_a_long_loop_gets_a_bar_that_yields_the_same_items(capsys):
    items = range(PROGRESS_THRESHOLD)
    wrapped = progress(items, len(items), "counting")
    assert isinstance(wrapped, tqdm) and wrapped.total == PROGRESS_THRESHOLD
    assert list(wrapped) == list(items)
    assert "counting" in capsys.readouterr().err


def test_a_worker_process_draws_no_bar(monkeypatch):
    monkeypatch.setattr(progress_module.multiprocessing, "parent_process",
                        lambda: multiprocessing.current_process())
    items = range(PROGRESS_THRESHOLD * 2)
    assert progress(items, len(items), "counting") is items
