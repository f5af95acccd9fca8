"""Convert a corpus into Parquet shards: to a folder (:func:`write_shards`), into the shards
cache (:func:`cached_shards`), or from the command line.

This is where shards are written: it reads the corpus with the loader, which reads shards
with :mod:`arabic_news.corpus.shards` and finds ready cache entries with
:mod:`arabic_news.corpus.cache`, so the imports only go down (loader, shards, cache: none of
them imports this module).

    python -m arabic_news.corpus.convert SRC DEST [--rows-per-shard N] [--on-error skip]
        [--text-column NAME] [--title-column NAME] [--date-column NAME]
        [--source-column NAME] [--id-column NAME] [--overwrite]

SRC is anything ``load_corpus`` accepts (a folder of .txt articles, ANT, CSV/TSV, JSON Lines,
a JSON array, Parquet, gzipped tables, or a shards folder to write again with another
``--rows-per-shard``); DEST a new folder outside it. Prints the rows and shards written, every
skipped document with its reason and what the loader noted (a column stored as text, a date
column to name). Exit code 2 for a bad corpus or destination (one line saying why). Stopped
by SIGTERM, it removes the half-written folder first (see :mod:`arabic_news.corpus.staging`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from arabic_news.corpus.cache import (
    DamagedCacheEntryWarning,
    cache_key,
    cache_root,
    entry_name,
    entry_problem,
    remove_entry,
)
from arabic_news.corpus.extras import as_text
from arabic_news.corpus.files import existing_path, reason, shown_path
from arabic_news.corpus.loader import iter_corpus
from arabic_news.corpus.seeds import seeds_path
from arabic_news.corpus.shard_checks import check_shard_name
from arabic_news.corpus.shards import (
    DEFAULT_ROWS_PER_SHARD,
    FORMAT,
    MANIFEST,
    VERSION,
    check_shards_options,
    is_shards_folder,
)
from arabic_news.corpus.staging import staged_folder
from arabic_news.errors import CorpusError


@dataclass
class ShardReport:
    """What :func:`write_shards` did: the folder, rows, shard files and skipped documents."""

    folder: Path
    rows: int = 0
    shards: list[str] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)



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


def cached_shards(
    path: str | os.PathLike | None,
    options: dict | None = None,
    *,
    cache_dir: str | os.PathLike | None = None,
    rows_per_shard: int = DEFAULT_ROWS_PER_SHARD,
) -> Path:
    """The shards folder for ``path`` loaded with ``options``, converted on first use.

    A folder that already is a shards folder is returned as it is.
    """
    return prepare_shards(path, options, cache_dir=cache_dir, rows_per_shard=rows_per_shard)[0]


def prepare_shards(
    path: str | os.PathLike | None,
    options: dict | None = None,
    *,
    cache_dir: str | os.PathLike | None = None,
    rows_per_shard: int = DEFAULT_ROWS_PER_SHARD,
) -> tuple[Path, str | None]:
    """:func:`cached_shards`, and how the folder was found: ``"hit"`` (ready in the cache),
    ``"built"`` (converted now) or None (``path`` is a shards folder)."""
    options = dict(options or {})
    if is_shards_folder(path):
        check_shards_options(path, options)
        return Path(path), None
    if isinstance(rows_per_shard, bool) or not isinstance(rows_per_shard, int) \
            or rows_per_shard < 1:
        raise ValueError(f"rows_per_shard={rows_per_shard!r}: give a positive number of rows")
    root = cache_root(cache_dir)
    folder = root / f"{entry_name(path)}-{cache_key(path, options)}-r{rows_per_shard}"
    corpus = None if path is None else Path(path).expanduser()
    check_destination(corpus, folder)  # before anything is created
    if folder.exists() or folder.is_symlink():
        problem = entry_problem(folder)
        if problem is None:
            return folder, "hit"
        warnings.warn(f"{shown_path(folder)}: damaged cache entry ({problem}); converting the "
                      "corpus again", DamagedCacheEntryWarning, stacklevel=3)
        remove_entry(folder)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CorpusError(f"{shown_path(root)}: cannot create the shards cache: "
                          f"{reason(error)}") from None
    options.pop("progress", None)
    try:
        write_shards(path, folder, rows_per_shard=rows_per_shard, progress=False, **options)
    except CorpusError:
        if entry_problem(folder) is None:  # another process converted it meanwhile: use theirs
            return folder, "hit"
        raise
    return folder, "built"





def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m arabic_news.corpus.convert",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("source", help="the corpus: a folder or a table file")
    parser.add_argument("dest", help="a new folder for the shards, outside the corpus")
    parser.add_argument("--rows-per-shard", type=int, default=DEFAULT_ROWS_PER_SHARD)
    parser.add_argument("--on-error", choices=("raise", "skip"), default="raise")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace the shards already in DEST")
    for kind in ("text", "title", "date", "source", "id"):
        parser.add_argument(f"--{kind}-column", default=None)
    args = parser.parse_args(argv)
    if args.rows_per_shard < 1:
        parser.error("--rows-per-shard must be a positive number of rows")
    options = {f"{kind}_column": getattr(args, f"{kind}_column")
               for kind in ("text", "title", "date", "source", "id")}
    options = {key: value for key, value in options.items() if value is not None}
    start = time.perf_counter()
    try:
        import warnings

        from arabic_news.corpus.policy import NOTE_WARNINGS, SkippedDocumentWarning

        with warnings.catch_warnings():
            for category in (SkippedDocumentWarning, *NOTE_WARNINGS.values()):
                warnings.simplefilter("ignore", category)  # listed below instead
            report = write_shards(args.source, args.dest, rows_per_shard=args.rows_per_shard,
                                  overwrite=args.overwrite, on_error=args.on_error,
                                  progress=False, **options)
    except (CorpusError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - start
    print(f"{report.rows:,} articles in {len(report.shards)} shards written to {report.folder} "
          f"({seconds:.1f} s); columns: {', '.join(report.columns)}")
    print(f"{len(report.skipped)} documents skipped" + (":" if report.skipped else ""))
    for entry in report.skipped:
        print(f"  {entry['where']}: {entry['reason']}")
    for note in report.notes:
        print(f"note: {note['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
