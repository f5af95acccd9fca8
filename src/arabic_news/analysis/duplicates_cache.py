"""The near-duplicate groups of a corpus kept on disk, so that each lesson pays for them once.

An entry (:class:`~arabic_news.corpus.results_cache.ResultStore`, in ``near-duplicates/``
under the package's cache folder) is keyed by every article's id, text, source, date and
title (hashed per partition by the corpus's engine, where the partition is), the parameters,
and the code that computes the groups (the text normalisation and tokenisation, the method's
modules and the engines that run it): any change to one of these makes a new key, so a
stale table is never served.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from arabic_news import engines as engines_package
from arabic_news import text as text_package
from arabic_news.corpus.results_cache import ResultStore, code_digest

FOLDER = "near-duplicates"
PARTS = ("groups", "pairs")


@cache
def code_fingerprint() -> str:
    """A hash of the source files whose behaviour the groups depend on."""
    here = Path(__file__).parent
    return code_digest([*Path(text_package.__file__).parent.rglob("*"),
                        *Path(engines_package.__file__).parent.glob("*.py"),
                        here / "minhash_lsh.py", here / "reprints.py", Path(__file__)])


class Store:
    """One corpus's groups: :meth:`read` them (None when absent), or :meth:`write` them."""

    def __init__(self, rows: Iterable[tuple], settings, folder: str | os.PathLike | None = None):
        """``rows``: the corpus's values, streamed, or one row of its partitions' digests."""
        self._store = ResultStore(FOLDER, rows, settings, code_fingerprint(), PARTS, folder)
        self.key, self.folder = self._store.key, self._store.folder

    def read(self) -> dict | None:
        found = self._store.read()
        if found is None:
            return None
        found["settings"] = found.pop("meta")
        return found

    def write(self, found: dict) -> None:
        self._store.write({part: found[part] for part in PARTS}, found["settings"])
