"""The files of an index folder, its manifest, and the checks that tell a sound index from a
damaged one.

An index folder (``CACHE/index/NAME-KEY``) holds:

=======================  ==============================================================
``manifest.json``        format, key, what the key was made of, sizes; written last
``documents.parquet``    one row per document, in corpus order: doc_id, title, source,
                         published, part and row (where its text is), tokens, terms
``texts-NNNNN.parquet``  the texts of part ``NNNNN``, in row groups of :data:`TEXT_ROWS`
``tokens.parquet``       the normalised token vocabulary (stop words included): token,
                         term (the id of its term in ``terms.parquet``, -1 for none)
``terms.parquet``        the analyzer's terms (the counted keys)
``spellings.parquet``    each term's written forms with their counts
``stream-*.npy``         the token stream: ``token`` (id per token), ``start`` and
                         ``end`` (its characters in the text), ``offsets`` (document
                         ``d`` owns tokens ``offsets[d]:offsets[d + 1]``)
``counts.npz``           documents x terms counts (scipy CSR)
``bigrams.npy``          the bigram vocabulary: pairs of term ids (first, second)
``bigram_counts.npz``    documents x bigrams counts (scipy CSR)
=======================  ==============================================================

The manifest lists every file with its size; an index whose manifest is missing or
unreadable, of another format, or whose files are missing or of another size is damaged
(:func:`index_problem`), and is rebuilt, never read.
"""

from __future__ import annotations

import json
from pathlib import Path

from arabic_news.index.key import INDEX_FORMAT

MANIFEST = "manifest.json"
#: Texts per row group of a ``texts-*.parquet`` file: reading one text reads one group.
TEXT_ROWS = 64
STREAM = ("token", "start", "end", "offsets")


def stream_file(name: str) -> str:
    return f"stream-{name}.npy"


def texts_file(part: int) -> str:
    return f"texts-{part:05d}.parquet"


class DamagedIndexWarning(UserWarning):
    """An index folder failed its checks (a file missing, cut short or of another format):
    it is built again."""


def read_manifest(folder: Path) -> dict:
    with open(folder / MANIFEST, encoding="utf-8") as handle:
        return json.load(handle)


def write_manifest(folder: Path, manifest: dict) -> None:
    """The manifest, with the size of every other file of ``folder``."""
    files = {path.name: path.stat().st_size for path in sorted(folder.iterdir())
             if path.name != MANIFEST}
    with open(folder / MANIFEST, "w", encoding="utf-8") as handle:
        json.dump({**manifest, "files": files}, handle, ensure_ascii=False, indent=1,
                  sort_keys=True)


def index_problem(folder: Path, key: str | None = None) -> str | None:
    """Why ``folder`` is not a sound index (of ``key`` when given), or None."""
    if folder.is_symlink() or not folder.is_dir():
        return "not a folder"
    try:
        manifest = read_manifest(folder)
    except (OSError, ValueError) as error:
        return f"no readable manifest ({error.__class__.__name__})"
    if not isinstance(manifest, dict) or manifest.get("format") != INDEX_FORMAT:
        return f"another index format than {INDEX_FORMAT}"
    if key is not None and manifest.get("key") != key:
        return "another key than its name's"
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        return "the manifest lists no file"
    for name, size in files.items():
        path = folder / name
        if not path.is_file():
            return f"{name} is missing"
        if path.stat().st_size != size:
            return f"{name} has {path.stat().st_size} bytes, not {size}"
    return None
