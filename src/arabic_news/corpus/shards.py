"""Parquet shards: a corpus converted once into the format the rest reads fastest.

A shards folder holds ``part-00000.parquet``, ``part-00001.parquet``, ... (each at most
``rows_per_shard`` articles, every column of :func:`load_corpus` with one schema for all)
and a manifest, ``_corpus.json``, that records where the corpus came from, the loader options,
the number of rows and every skipped document with its reason. ``load_corpus`` reads such a
folder directly (with pandas, or with ``engine="dask"``, one partition per shard).

The folder is written next to its final place under a temporary name and renamed when
complete, so a crash never leaves a half-written folder that looks finished.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from arabic_news.corpus.seeds import seeds_path
from arabic_news.errors import CorpusError

MANIFEST = "_corpus.json"
FORMAT = "arabic-news parquet shards"
VERSION = 1
#: Articles per shard by default: about 150 MB of Arabic news text, a comfortable partition.
DEFAULT_ROWS_PER_SHARD = 50_000


@dataclass
class ShardReport:
    """What :func:`write_shards` did: the folder, rows, shard files and skipped documents."""

    folder: Path
    rows: int = 0
    shards: list[str] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)


def is_shards_folder(path: str | os.PathLike | None) -> bool:
    """True when ``path`` is a folder written by :func:`write_shards`."""
    if not isinstance(path, str | os.PathLike) or not os.fspath(path).strip():
        return False
    try:
        return (Path(path) / MANIFEST).is_file()
    except OSError:  # a name too long, ...: the loader reports it
        return False


def read_manifest(folder: str | os.PathLike) -> dict:
    """The manifest of a shards folder (checked: format and version)."""
    where = Path(folder) / MANIFEST
    try:
        manifest = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CorpusError(f"{where}: unreadable shards manifest: {error}") from None
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise CorpusError(f"{where}: not a manifest of {FORMAT} version {VERSION}")
    return manifest


def shard_paths(folder: str | os.PathLike) -> list[Path]:
    """The shard files of a shards folder, in row order."""
    manifest = read_manifest(folder)
    paths = [Path(folder) / name for name in manifest["shards"]]
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        raise CorpusError(f"{folder}: shards listed in {MANIFEST} are missing: {missing[:3]}")
    return paths


def read_shards(folder: str | os.PathLike) -> pd.DataFrame:
    """A shards folder as one pandas DataFrame (what ``load_corpus`` returned when writing)."""
    manifest = read_manifest(folder)
    frames = [pd.read_parquet(path) for path in shard_paths(folder)]
    frame = pd.concat(frames, ignore_index=True) if frames else _empty(manifest["columns"])
    frame.attrs = {"skipped": list(manifest["skipped"])}
    return frame


def _empty(columns: list[str]) -> pd.DataFrame:
    from arabic_news.corpus.frame import PUBLISHED_DTYPE

    frame = pd.DataFrame({name: pd.Series(dtype=str) for name in columns})
    frame["published"] = frame["published"].astype(PUBLISHED_DTYPE)
    return frame


def check_destination(source: Path | None, dest: Path) -> None:
    """Refuse a destination inside the corpus folder (or the corpus file itself).

    The loader never writes into a corpus; a conversion must not either: shards written
    there would be read back as part of the corpus, or mix with its files.
    """
    corpus = (seeds_path() if source is None else source).resolve()
    target = dest.resolve()
    inside = target.is_relative_to(corpus) if corpus.is_dir() else target == corpus
    if inside:
        raise CorpusError(
            f"{dest}: refusing to write shards inside the corpus {corpus}; choose a folder "
            "outside it (the loader never writes into a corpus)"
        )
    if dest.exists() and not (dest.is_dir() and not any(dest.iterdir())):
        if not is_shards_folder(dest):
            raise CorpusError(
                f"{dest}: exists and is not an empty folder or a shards folder; choose a new "
                "folder (nothing was overwritten)"
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
    shards folder at ``dest`` is replaced only with ``overwrite=True``.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from arabic_news.corpus.loader import iter_corpus

    if isinstance(rows_per_shard, bool) or not isinstance(rows_per_shard, int) \
            or rows_per_shard < 1:
        raise ValueError(f"rows_per_shard={rows_per_shard!r}: give a positive number of rows")
    dest = Path(dest)
    source_path = None if source is None else Path(source).expanduser()
    check_destination(source_path, dest)
    if is_shards_folder(dest) and not overwrite:
        raise CorpusError(f"{dest}: already holds shards; pass overwrite=True to replace them")
    staging = dest.parent / f".{dest.name}.partial-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    report = ShardReport(folder=dest)
    schemas: list[pa.Schema] = []
    try:
        for batch in iter_corpus(source_path, batch_size=rows_per_shard, **options):
            report.skipped.extend(batch.attrs.get("skipped", []))
            if batch.empty:
                continue
            table = pa.Table.from_pandas(batch, preserve_index=False)
            name = f"part-{len(report.shards):05d}.parquet"
            pq.write_table(table, staging / name)
            report.shards.append(name)
            schemas.append(table.schema)
            report.rows += len(batch)
        report.columns = _unify(staging, report.shards, schemas)
        manifest = {
            "format": FORMAT, "version": VERSION,
            "source": "<seeds>" if source is None else str(source_path),
            "options": {key: _jsonable(value) for key, value in sorted(options.items())},
            "rows": report.rows, "rows_per_shard": rows_per_shard,
            "columns": report.columns, "shards": report.shards, "skipped": report.skipped,
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                        encoding="utf-8")
        if dest.exists():
            shutil.rmtree(dest) if is_shards_folder(dest) else dest.rmdir()
        staging.rename(dest)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return report


def _unify(folder: Path, names: list[str], schemas: list) -> list[str]:
    """Give every shard the same schema (a column first met in a later shard is added as
    nulls to the earlier ones; null-typed columns take the type seen elsewhere)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from arabic_news.corpus.frame import CORE_COLUMNS

    if not schemas:
        return list(CORE_COLUMNS)
    unified = pa.unify_schemas(schemas, promote_options="permissive")
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
