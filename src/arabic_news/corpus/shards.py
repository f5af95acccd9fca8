"""Parquet shards: a corpus converted once into the format the rest reads fastest.

A shards folder holds ``part-00000.parquet``, ``part-00001.parquet``, ... (each at most
``rows_per_shard`` articles, every column of :func:`load_corpus` with one schema for all)
and a manifest, ``_corpus.json``, that records where the corpus came from, the loader options,
the number of rows (in all and per shard), the shards' sizes, every skipped document with its
reason and what the loader noted. ``load_corpus`` reads such a folder directly (with pandas,
or with ``engine="dask"``, one partition per shard), after the checks of
:mod:`arabic_news.corpus.shard_checks`: a shards folder is trusted no more than any corpus.

The folder is written next to its final place under a temporary name and renamed when
complete (:mod:`arabic_news.corpus.staging`), so a crash never leaves a half-written folder
that looks finished.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from arabic_news.corpus.extras import as_text
from arabic_news.corpus.files import DEFAULT_MAX_FILE_SIZE, FileAccess, existing_path, shown_path
from arabic_news.corpus.policy import NOTE_WARNINGS
from arabic_news.corpus.seeds import seeds_path
from arabic_news.corpus.shard_checks import (
    check_manifest,
    check_rows,
    check_shard_name,
    open_shards,
    unreadable,
)
from arabic_news.corpus.staging import staged_folder
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


@dataclass
class ShardReport:
    """What :func:`write_shards` did: the folder, rows, shard files and skipped documents."""

    folder: Path
    rows: int = 0
    shards: list[str] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)


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


def check_destination(source: Path | None, dest: Path) -> None:
    """Refuse a destination inside the corpus folder (or the corpus file itself), one that
    holds something else, or one below a file.

    The loader never writes into a corpus; a conversion must not either: shards written
    there would be read back as part of the corpus, or mix with its files.
    """
    corpus = (seeds_path() if source is None else source).resolve()
    target = dest.resolve()
    inside = target.is_relative_to(corpus) if corpus.is_dir() else target == corpus
    if inside:
        raise CorpusError(
            f"{shown_path(dest)}: refusing to write shards inside the corpus "
            f"{shown_path(corpus)}; choose a folder outside it (the loader never writes into "
            "a corpus)"
        )
    for parent in target.parents:
        if parent.exists() and not parent.is_dir():
            raise CorpusError(f"{shown_path(dest)}: cannot create the folder: "
                              f"{shown_path(parent)} is a file, not a folder")
    if dest.exists() and not (dest.is_dir() and not any(dest.iterdir())):
        if not is_shards_folder(dest):
            raise CorpusError(
                f"{shown_path(dest)}: exists and is not an empty folder or a shards folder; "
                "choose a new folder (nothing was overwritten)"
            )


def write_shards(
    source: str | os.PathLike | None,
    dest: str | os.PathLike,
    *,
    rows_per_shard: int = DEFAULT_ROWS_PER_SHARD,
    overwrite: bool = False,
    **options,
) -> ShardReport:
    """Convert any corpus ``load_corpus`` accepts into Parquet shards in ``dest``.

    ``options`` are ``load_corpus``'s (``on_error``, ``text_column``, ...); the same checks
    and errors apply, and skipped documents are listed in the manifest and the report.
    Memory is bounded by one shard (the corpus is read with :func:`iter_corpus`). An existing
    shards folder at ``dest`` is replaced only with ``overwrite=True``. A shards folder as
    ``source`` is checked and written again (with another ``rows_per_shard``, say).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from arabic_news.corpus.loader import iter_corpus

    if isinstance(rows_per_shard, bool) or not isinstance(rows_per_shard, int) \
            or rows_per_shard < 1:
        raise ValueError(f"rows_per_shard={rows_per_shard!r}: give a positive number of rows")
    source_path = None if source is None else existing_path(source)
    dest = Path(dest)
    check_destination(source_path, dest)
    if is_shards_folder(dest) and not overwrite:
        raise CorpusError(f"{dest}: already holds shards; pass overwrite=True to replace them")
    report = ShardReport(folder=dest)
    schemas: list[pa.Schema] = []
    with staged_folder(dest, _written_here) as staging:
        for batch in iter_corpus(source_path, batch_size=rows_per_shard, **options):
            report.skipped.extend(batch.attrs.get("skipped", []))
            report.notes.extend(batch.attrs.get("notes", []))
            if batch.empty:
                continue
            table = _arrow(batch, source_path, report.rows)
            name = f"part-{len(report.shards):05d}.parquet"
            pq.write_table(table, staging / name)
            report.shards.append(name)
            schemas.append(table.schema)
            report.rows += len(batch)
        report.columns = _unify(staging, report.shards, schemas)
        manifest = {
            "format": FORMAT, "version": VERSION,
            "source": "<seeds>" if source is None else shown_path(source_path.resolve()),
            "options": {key: _jsonable(value) for key, value in sorted(options.items())},
            "rows": report.rows, "rows_per_shard": rows_per_shard,
            "columns": report.columns, "shards": report.shards, "skipped": report.skipped,
            "notes": report.notes,
            "shard_rows": [pq.read_metadata(staging / n).num_rows for n in report.shards],
            "shard_bytes": [(staging / n).stat().st_size for n in report.shards],
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                        encoding="utf-8")
        if is_shards_folder(dest) and not overwrite:  # written meanwhile, by another process
            raise CorpusError(f"{shown_path(dest)}: shards were written there while this "
                              "conversion ran; they were kept, nothing was replaced")
        if dest.exists():
            shutil.rmtree(dest) if is_shards_folder(dest) else dest.rmdir()
        staging.rename(dest)
    return report


def _written_here(path: Path) -> bool:
    """A file that :func:`write_shards` writes into its staging folder."""
    if path.name == MANIFEST:
        return True
    try:
        check_shard_name(path.name, "")
    except CorpusError:
        return False
    return True


def _arrow(batch: pd.DataFrame, source: Path | None, before: int):
    """A batch as an Arrow table, or a CorpusError naming the corpus, rows and column."""
    import pyarrow as pa

    try:
        return pa.Table.from_pandas(batch, preserve_index=False)
    except (pa.ArrowException, OverflowError, TypeError, ValueError) as error:
        shown = "the seeds" if source is None else shown_path(source)
        raise CorpusError(
            f"{shown}: documents {before + 1} to {before + len(batch)} cannot be stored as "
            f"Parquet: {error}"
        ) from None


def _unify(folder: Path, names: list[str], schemas: list) -> list[str]:
    """Give every shard the same schema.

    A column first met in a later shard is added as nulls to the earlier ones; null-typed
    columns take the type seen elsewhere; a column that became text in a later shard (see
    :mod:`arabic_news.corpus.extras`) is written as text in the earlier ones too.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from arabic_news.corpus.frame import CORE_COLUMNS

    if not schemas:
        return list(CORE_COLUMNS)
    textual = {f.name for s in schemas for f in s
               if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)}
    for index, schema in enumerate(schemas):
        turned = [f.name for f in schema if f.name in textual and not pa.types.is_null(f.type)
                  and not (pa.types.is_string(f.type) or pa.types.is_large_string(f.type))]
        if turned:
            frame = pq.read_table(folder / names[index]).to_pandas()
            for name in turned:
                frame[name] = pd.Series([as_text(v) for v in frame[name]], dtype=object)
            table = pa.Table.from_pandas(frame, preserve_index=False)
            pq.write_table(table, folder / names[index])
            schemas[index] = table.schema
    try:
        unified = pa.unify_schemas(schemas, promote_options="permissive")
    except pa.ArrowException as error:
        raise CorpusError(f"{folder}: the shards cannot share one schema: {error}") from None
    if unified.pandas_metadata is None and schemas[0].pandas_metadata is not None:
        unified = unified.with_metadata(schemas[0].metadata)
    for name, schema in zip(names, schemas, strict=True):
        if schema.remove_metadata() != unified.remove_metadata():
            table = pq.read_table(folder / name)
            for missing in (f for f in unified.names if f not in table.schema.names):
                kind = unified.field(missing).type
                table = table.append_column(missing, pa.nulls(len(table), kind))
            table = table.select(unified.names).cast(unified.remove_metadata())
            pq.write_table(table.replace_schema_metadata(unified.metadata), folder / name)
    return list(unified.names)


def _jsonable(value: object) -> object:
    return value if isinstance(value, str | int | float | bool | type(None)) else str(value)
