"""Parquet shards: a corpus converted once into the format the rest reads fastest.

A shards folder holds ``part-00000.parquet``, ``part-00001.parquet``, ... (each at most
``rows_per_shard`` articles, every column of :func:`load_corpus` with one schema for all)
and a manifest, ``_corpus.json``, that records where the corpus came from, the loader options,
the number of rows (in all and per shard), the shards' sizes, every skipped document with its
reason and what the loader noted. ``load_corpus`` reads such a folder directly (in memory,
or on the Dask engine, one partition per shard), after the checks of
:mod:`arabic_news.corpus.shard_checks`: a shards folder is trusted no more than any corpus.
This module reads shards; :mod:`arabic_news.corpus.convert` writes them (it reads the
corpus with the loader, which reads shards with this module).
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from arabic_news.corpus.files import DEFAULT_MAX_FILE_SIZE, FileAccess, shown_path
from arabic_news.corpus.policy import NOTE_WARNINGS
from arabic_news.corpus.shard_checks import (
    check_manifest,
    check_rows,
    open_shards,
    unreadable,
)
from arabic_news.errors import CorpusError

MANIFEST = "_corpus.json"
FORMAT = "arabic-news parquet shards"
VERSION = 1
#: Articles per shard by default: about 150 MB of Arabic news text, a comfortable partition.
DEFAULT_ROWS_PER_SHARD = 50_000
#: Options of ``load_corpus`` that say how to read an original corpus: they cannot apply to
#: a shards folder, which was read already (with the options its manifest records).
READING_OPTIONS = ("text_column", "title_column", "date_column", "source_column", "id_column",
                   "metadata")


def is_shards_folder(path: str | os.PathLike | None) -> bool:
    """True when ``path`` is a folder written by :func:`write_shards`."""
    if not isinstance(path, str | os.PathLike) or not os.fspath(path).strip():
        return False
    try:
        return (Path(path) / MANIFEST).is_file()
    except OSError:  # a name too long, ...: the loader reports it
        return False


def read_manifest(folder: str | os.PathLike) -> dict:
    """The manifest of a shards folder, checked (format, version, every key's type)."""
    where = shown_path(Path(folder) / MANIFEST)
    try:
        manifest = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CorpusError(f"{where}: unreadable shards manifest: {error}") from None
    if isinstance(manifest, dict) and (manifest.get("format") != FORMAT
                                       or manifest.get("version") != VERSION):
        raise CorpusError(f"{where}: not a manifest of {FORMAT} version {VERSION}")
    return check_manifest(manifest, where)


@dataclass(frozen=True)
class ShardsFolder:
    """A checked shards folder: its manifest, its shard files and how to read them."""

    folder: Path
    manifest: dict
    paths: list[Path]
    access: FileAccess

    def read(self, path: Path, columns: list[str] | None = None) -> pd.DataFrame:
        return read_shard(path, columns, access=self.access)


def open_shards_folder(
    folder: str | os.PathLike,
    *,
    follow_symlinks: bool = False,
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE,
) -> ShardsFolder:
    """Check a shards folder (manifest, files, schemas, ids; see
    :mod:`arabic_news.corpus.shard_checks`) and return it ready to read.

    ``max_file_size=None`` lifts the size limit (for the shards cache, written here).
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    limit = sys.maxsize if max_file_size is None else max_file_size
    access = FileAccess(folder.resolve(), follow_symlinks, limit)
    return ShardsFolder(folder, manifest, open_shards(folder, manifest, access), access)


def shard_paths(folder: str | os.PathLike) -> list[Path]:
    """The shard files of a shards folder, in row order (after the folder's checks)."""
    return open_shards_folder(folder).paths


def read_shard(
    path: str | os.PathLike, columns: list[str] | None = None, *, access: FileAccess | None = None
) -> pd.DataFrame:
    """One shard as a pandas frame with the corpus dtypes (``columns``: only those), its rows
    checked (:func:`~arabic_news.corpus.shard_checks.check_rows`). Used by both engines, so
    that they give the same frames and the same errors."""
    import pyarrow.parquet as pq

    path = Path(path)
    where = shown_path(path)
    access = access or FileAccess(path.parent.resolve())
    with access.open(path, where) as handle:
        try:
            table = pq.read_table(handle, columns=columns)
        except Exception as error:  # pyarrow raises several types for a damaged file
            raise unreadable(where, error) from None
    try:
        check_rows(table, where)
        frame = table.to_pandas()
    except CorpusError:
        raise
    except Exception as error:  # text that is not UTF-8 is found only here
        raise unreadable(where, error) from None
    del table
    return as_corpus_dtypes(frame)


def as_corpus_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """Strings as pandas' default "str" dtype (NaN for missing), as ``load_corpus`` gives."""
    strings = {name: "str" for name, kind in frame.dtypes.items()
               if isinstance(kind, pd.StringDtype) or pd.api.types.is_object_dtype(kind)
               and _all_text(frame[name])}
    return frame.astype(strings) if strings else frame


def _all_text(column: pd.Series) -> bool:
    values = column.dropna()
    return len(values) > 0 and all(isinstance(value, str) for value in values)


def read_shards(
    folder: str | os.PathLike,
    *,
    follow_symlinks: bool = False,
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE,
) -> pd.DataFrame:
    """A shards folder as one pandas DataFrame (what ``load_corpus`` returned when writing),
    with ``attrs["skipped"]`` and ``attrs["notes"]`` from its manifest."""
    opened = open_shards_folder(folder, follow_symlinks=follow_symlinks,
                                max_file_size=max_file_size)
    frames = [opened.read(path) for path in opened.paths]
    frame = pd.concat(frames, ignore_index=True) if frames \
        else _empty(opened.manifest["columns"])
    frame.attrs = manifest_attrs(opened.manifest)
    return frame


def manifest_attrs(manifest: dict) -> dict:
    """``attrs`` of a corpus read from shards: what was skipped and noted when converting."""
    return {"skipped": list(manifest["skipped"]), "notes": list(manifest.get("notes", []))}


def say_notes(notes: list[dict[str, str]]) -> None:
    """Warn again with the notes a manifest recorded (a column stored as text, ...)."""
    for note in notes:
        category = NOTE_WARNINGS.get(note["warning"], UserWarning)
        warnings.warn(note["message"], category, stacklevel=4)


def check_shards_options(folder: str | os.PathLike, options: dict) -> None:
    """Refuse options that say how to read an original corpus, given with a shards folder."""
    given = [name for name in READING_OPTIONS if options.get(name) is not None]
    if given:
        raise ValueError(
            f"{shown_path(folder)} is a shards folder, read already (with the options its "
            f"{MANIFEST} records); {', '.join(f'{name}=' for name in given)} cannot apply to "
            "it: convert the original corpus again with those options"
        )


def iter_shards(
    folder: str | os.PathLike, batch_size: int, *, follow_symlinks: bool = False,
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE,
) -> Iterator[pd.DataFrame]:
    """A shards folder in frames of at most ``batch_size`` rows (as ``iter_corpus`` gives);
    the first carries the manifest's skipped documents and notes in ``attrs``."""
    opened = open_shards_folder(folder, follow_symlinks=follow_symlinks,
                                max_file_size=max_file_size)  # checked before the first batch
    return _batches(opened, batch_size)


def _batches(opened: ShardsFolder, batch_size: int) -> Iterator[pd.DataFrame]:
    attrs = manifest_attrs(opened.manifest)
    say_notes(attrs["notes"])
    waiting: list[pd.DataFrame] = []
    count = 0

    def batch(rows: int) -> pd.DataFrame:
        nonlocal attrs, waiting, count
        whole = pd.concat(waiting, ignore_index=True) if len(waiting) > 1 else waiting[0]
        part = whole.iloc[:rows].reset_index(drop=True)
        waiting = [whole.iloc[rows:]] if rows < len(whole) else []
        count = len(whole) - rows
        part.attrs, attrs = attrs, {"skipped": [], "notes": []}
        return part

    for path in opened.paths:
        waiting.append(opened.read(path))
        count += len(waiting[-1])
        while count >= batch_size:
            yield batch(batch_size)
    if count:
        yield batch(count)
    if attrs["skipped"] or attrs["notes"]:
        empty = _empty(opened.manifest["columns"])
        empty.attrs = attrs
        yield empty


def _empty(columns: list[str]) -> pd.DataFrame:
    from arabic_news.corpus.frame import PUBLISHED_DTYPE

    frame = pd.DataFrame({name: pd.Series(dtype=str) for name in columns})
    frame["published"] = frame["published"].astype(PUBLISHED_DTYPE)
    return frame
