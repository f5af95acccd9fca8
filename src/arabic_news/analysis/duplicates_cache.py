"""The near-duplicate groups of a corpus kept on disk, so that each lesson pays for them once.

An entry is keyed by a SHA-256 of everything the groups depend on: every article's id, text,
source, date and title (hashed as they stream past, one partition at a time), the parameters,
and the code that computes them (the text normalisation and tokenisation, and the method's
modules). Any change to one of these makes a new key, so a stale table is never served. Entries
live in ``near-duplicates/`` under the package's cache folder (``$ARABIC_NEWS_CACHE``, else
``~/.cache/arabic_news/shards``), are written to a temporary file and renamed into place, and
are only ever read back by this module.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pandas as pd

from arabic_news import text as text_package

#: Bump when the format of an entry changes.
FORMAT = 1
FOLDER = "near-duplicates"


def cache_folder() -> Path:
    """Where the entries live (the folder of the package's corpus cache, see
    :func:`arabic_news.corpus.cache.default_cache_dir`)."""
    from arabic_news.corpus.cache import default_cache_dir

    return default_cache_dir() / FOLDER


@cache
def code_fingerprint() -> str:
    """A hash of the source files whose behaviour the groups depend on."""
    here = Path(__file__).parent
    files = sorted(Path(text_package.__file__).parent.rglob("*"))
    files += [here / "minhash_lsh.py", here / "reprints.py", Path(__file__)]
    digest = hashlib.sha256()
    for path in files:
        if path.is_file() and path.suffix in (".py", ".txt", ".tsv"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def content_digest(rows: Iterable[tuple]) -> str:
    """A hash of every value of every row, in order (``None`` and missing values included)."""
    digest = hashlib.sha256()
    for row in rows:
        for value in row:
            digest.update(b"\x1f" + ("\x00" if _missing(value) else str(value)).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()


def _missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


class Store:
    """One corpus's entry: :meth:`read` it (None when absent), or :meth:`write` it."""

    def __init__(self, rows: Iterable[tuple], settings, folder: str | os.PathLike | None = None):
        blob = json.dumps({"format": FORMAT, "code": code_fingerprint(),
                           "content": content_digest(rows), "settings": repr(settings)})
        self.key = hashlib.sha256(blob.encode()).hexdigest()[:32]
        self.folder = Path(folder) if folder is not None else cache_folder()

    def _path(self, part: str) -> Path:
        return self.folder / f"{self.key}-{part}.parquet"

    def read(self) -> dict | None:
        paths = {part: self._path(part) for part in ("groups", "pairs")}
        meta = self.folder / f"{self.key}.json"
        if not meta.is_file() or not all(path.is_file() for path in paths.values()):
            return None
        found = {part: pd.read_parquet(path) for part, path in paths.items()}
        found["settings"] = json.loads(meta.read_text(encoding="utf-8"))
        return found

    def write(self, found: dict) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for part in ("groups", "pairs"):
            _replace(self._path(part), lambda path, p=part: found[p].to_parquet(path, index=False))
        # the settings file last: an entry is read only when it is there
        _replace(self.folder / f"{self.key}.json",
                 lambda path: path.write_text(json.dumps(found["settings"]), encoding="utf-8"))


def _replace(path: Path, write) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
