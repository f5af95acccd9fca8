"""Progress bars for the long loops over articles (tqdm), shown only when a loop is long.

A lesson on a real corpus can spend tens of seconds in one cell; a bar says that it works
and how long it will take. On a small corpus (the seeds, a test) no bar is drawn, so the
committed outputs stay as they are. Bars are drawn by the process that runs the lesson only:
a Dask worker's loop runs elsewhere, where nobody sees its bar.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable

#: Loops over at least this many items get a bar (about a second of work or more).
PROGRESS_THRESHOLD = 2000


def progress(items: Iterable, total: int, description: str, unit: str = "article",
             threshold: int = PROGRESS_THRESHOLD) -> Iterable:
    """``items`` as they are, or wrapped in a tqdm bar when ``total`` reaches ``threshold``
    and this is the main process. The bar disappears when the loop ends."""
    if total < threshold or multiprocessing.parent_process() is not None:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, total=total, desc=description, unit=unit, leave=False)
