"""Check a shards folder before trusting it: its manifest, its shard files, their content.

A shards folder may come from elsewhere (a colleague, a download) or have been altered since
it was written, so reading one applies the same suspicion as reading any corpus
(:mod:`arabic_news.corpus.files`) and the same rules as loading the original
(:func:`arabic_news.corpus.frame.make_record`). Each problem is a :class:`CorpusError`
naming the manifest or the shard (and the row and column where one applies), the same on
pandas and on Dask, in both error modes (a shards folder that breaks a rule was altered
after conversion: convert the original corpus again):

* the manifest is a JSON object with every key of the format, each of the right type;
* every shard is a plain file name in the folder (no ``../outside.parquet``, no absolute
  path, no other folder), read with the corpus file rules: a link leading outside the folder
  is refused unless ``follow_symlinks=True``, and a shard larger than ``max_file_size`` is
  refused before it is read;
* every shard is readable Parquet with the manifest's columns in its order, one schema for
  all shards, the core columns of the right types (``published`` a UTC timestamp, ids,
  titles, sources and texts strings), and the number of rows the manifest says;
* ids are present, non-empty and unique across the shards (checked when the folder is
  opened: only the id column is read);
* texts are present and not blank, dates lie in the loader's accepted range (checked as
  each shard is read, on the columns read).
"""

from __future__ import annotations

import os
from pathlib import Path

from arabic_news.corpus.dates import EARLIEST, latest
from arabic_news.corpus.files import FileAccess, shown_path
from arabic_news.errors import CorpusError

CORE_TYPES = {"doc_id": "string", "title": "string", "source": "string", "text": "string",
              "published": "UTC timestamp"}
_REQUIRED = {"format": str, "version": int, "rows": int, "columns": list, "shards": list,
             "skipped": list}
_OPTIONAL = {"source": str, "options": dict, "rows_per_shard": int, "notes": list,
             "shard_rows": list, "shard_bytes": list}


def check_manifest(manifest: object, where: str) -> dict:
    """Return ``manifest`` when it has the structure of the format, else raise."""
    if not isinstance(manifest, dict):
        raise CorpusError(f"{where}: not a shards manifest: expected a JSON object {{...}}, "
                          f"got {_json_type(manifest)}")
    for key in _REQUIRED:
        if key not in manifest:
            raise CorpusError(f"{where}: shards manifest without the key {key!r}")
    for key, kind in {**_REQUIRED, **_OPTIONAL}.items():
        if key in manifest and not _is(manifest[key], kind):
            raise CorpusError(f"{where}: {key!r} must be {_KIND_WORDS[kind]}, got "
                              f"{_json_type(manifest[key])}")
    if manifest["rows"] < 0:
        raise CorpusError(f"{where}: 'rows' must not be negative")
    _check_list(manifest["columns"], str, "columns", "column names", where)
    missing = [name for name in CORE_TYPES if name not in manifest["columns"]]
    if missing:
        raise CorpusError(f"{where}: 'columns' lacks the core columns {missing}")
    _check_list(manifest["shards"], str, "shards", "file names", where)
    for name in manifest["shards"]:
        check_shard_name(name, where)
    if len(set(manifest["shards"])) != len(manifest["shards"]):
        raise CorpusError(f"{where}: 'shards' lists a file twice")
    for key in ("skipped", "notes"):
        for number, entry in enumerate(manifest.get(key, []), 1):
            fields = ("where", "reason") if key == "skipped" else ("warning", "message")
            if not (isinstance(entry, dict) and all(isinstance(entry.get(f), str)
                                                    for f in fields)):
                raise CorpusError(f"{where}: entry {number} of {key!r} must be an object with "
                                  f"the text fields {', '.join(fields)}")
    for key in ("shard_rows", "shard_bytes"):
        if key in manifest:
            _check_list(manifest[key], int, key, "numbers", where)
            if len(manifest[key]) != len(manifest["shards"]):
                raise CorpusError(f"{where}: {key!r} must give one number per shard")
    return manifest


def check_shard_name(name: str, where: str) -> None:
    """Refuse a shard name that is not a plain ``.parquet`` file name of the folder."""
    plain = (name and name not in (".", "..") and "/" not in name and "\\" not in name
             and "\0" not in name and not name.startswith("."))
    if not plain or not name.endswith(".parquet"):
        raise CorpusError(
            f"{where}: shard {name!r} is not a plain .parquet file name of the folder; a "
            "manifest may only list files beside it (no path, no '..')"
        )


def open_shards(folder: Path, manifest: dict, access: FileAccess) -> list[Path]:
    """Check every shard's file, footer, schema and ids; return their paths in row order."""
    import pyarrow.parquet as pq

    paths = [folder / name for name in manifest["shards"]]
    first = None
    rows = 0
    ids = []
    for number, path in enumerate(paths):
        where = shown_path(path)
        with access.open(path, where) as handle:
            size = os.fstat(handle.fileno()).st_size
            try:
                parquet = pq.ParquetFile(handle)
                schema = parquet.schema_arrow
                count = parquet.metadata.num_rows
                shard_ids = parquet.read(columns=["doc_id"]).column("doc_id") \
                    if "doc_id" in schema.names else None
            except Exception as error:  # pyarrow raises several types for a damaged file
                raise unreadable(where, error) from None
        _check_recorded(manifest, number, where, rows=count, bytes=size)
        check_schema(schema, manifest["columns"], where)
        if first is None:
            first = (schema.remove_metadata(), where)
        else:
            _check_same_schema(schema.remove_metadata(), first, where)
        rows += count
        ids.append((where, shard_ids))
    if rows != manifest["rows"]:
        raise CorpusError(f"{shown_path(folder)}: the shards hold {rows} rows, the manifest "
                          f"says {manifest['rows']}; the folder was altered: convert the corpus "
                          "again")
    _check_ids(ids)
    return paths


def unreadable(where: str, error: Exception) -> CorpusError:
    """The error for a shard that Parquet cannot read (truncated, not UTF-8, ...)."""
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return CorpusError(f"{where}: not a readable Parquet shard ({detail}); the shards folder is "
                       "damaged: convert the corpus again")


def _check_recorded(manifest: dict, number: int, where: str, **found: int) -> None:
    for what, value in found.items():
        recorded = manifest.get(f"shard_{what}")
        if recorded is not None and recorded[number] != value:
            raise CorpusError(f"{where}: {value} {what}, the manifest says {recorded[number]}; "
                              "the shard was altered or cut short: convert the corpus again")


def check_schema(schema, columns: list[str], where: str) -> None:
    """The shard holds the manifest's columns, in order, the core ones of the right types."""
    import pyarrow as pa

    names = [name for name in schema.names if name not in _index_columns(schema)]
    if names != list(columns):
        missing = [name for name in columns if name not in names]
        detail = f"lacks {missing}" if missing else f"has the columns {names}"
        raise CorpusError(f"{where}: the shard {detail}; the manifest lists {list(columns)}")
    for name, wanted in CORE_TYPES.items():
        kind = schema.field(name).type
        if wanted == "string":
            good = pa.types.is_string(kind) or pa.types.is_large_string(kind)
        else:
            good = pa.types.is_timestamp(kind) and kind.tz in ("UTC", "+00:00")
        if not good:
            raise CorpusError(f"{where}: column {name!r} is stored as {kind}, not as a "
                              f"{wanted}")


def _index_columns(schema) -> set[str]:
    metadata = schema.pandas_metadata or {}
    return {name for name in metadata.get("index_columns", []) if isinstance(name, str)}


def _check_same_schema(schema, first, where: str) -> None:
    reference, reference_where = first
    if schema.equals(reference):
        return
    for field in schema:
        other = reference.field(field.name)
        if other.type != field.type:
            raise CorpusError(
                f"{where}: column {field.name!r} is stored as {field.type} here but as "
                f"{other.type} in {reference_where}; every shard must have one schema"
            )


def _check_ids(ids: list) -> None:
    """Ids present, non-empty and unique across shards (``ids``: (where, Arrow column))."""
    import pandas as pd

    frames = []
    for where, column in ids:
        values = column.to_pandas() if column is not None else pd.Series([], dtype=object)
        blank = values.isna() | (values.astype(str).str.strip() == "")
        if blank.any():
            row = int(blank.to_numpy().nonzero()[0][0]) + 1
            raise CorpusError(f"{where}, row {row}: column 'doc_id' is empty")
        frames.append(pd.DataFrame({"doc_id": values.astype(str), "where": where,
                                    "row": range(1, len(values) + 1)}))
    if not frames:
        return
    every = pd.concat(frames, ignore_index=True)
    twice = every["doc_id"].duplicated(keep=False)
    if twice.any():
        first, second = every[twice].iloc[0], every[twice & every["doc_id"].duplicated()].iloc[0]
        raise CorpusError(f"{second['where']}, row {second['row']}: duplicate doc_id "
                          f"{second['doc_id']!r} (also in {first['where']}, row {first['row']})")


def check_rows(table, where: str) -> None:
    """Texts present and not blank, dates in range, in the columns of ``table`` (Arrow)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    names = table.column_names
    if "text" in names:
        text = table.column("text")
        blank = pc.or_kleene(pc.equal(pc.binary_length(text), 0), pc.utf8_is_space(text))
        bad = pc.fill_null(blank, True)
        if pc.any(bad).as_py():
            row = _first_true(bad)
            raise CorpusError(f"{where}, row {row}: column 'text' is "
                              f"{'missing' if text[row - 1].as_py() is None else 'blank'}; "
                              "documents without text are never stored in shards")
    if "published" in names and table.num_rows:
        published = table.column("published")
        low = pa.scalar(EARLIEST, type=published.type)
        high = pa.scalar(latest(), type=published.type)
        outside = pc.fill_null(pc.or_(pc.less(published, low), pc.greater(published, high)),
                               False)
        if pc.any(outside).as_py():
            row = _first_true(outside)
            raise CorpusError(
                f"{where}, row {row}: column 'published' holds {published[row - 1].as_py()}, "
                f"outside the accepted range {EARLIEST.date()} .. {latest().date()}"
            )


def _first_true(mask) -> int:
    """The row number (from 1) of the first true value of a boolean Arrow column."""
    import pyarrow.compute as pc

    return pc.index(mask, True).as_py() + 1


def _check_list(values: list, kind: type, key: str, words: str, where: str) -> None:
    if not all(_is(value, kind) for value in values):
        raise CorpusError(f"{where}: {key!r} must be a list of {words}")


def _is(value: object, kind: type) -> bool:
    return isinstance(value, kind) and not (kind is int and isinstance(value, bool))


_KIND_WORDS = {str: "a string", int: "a whole number", list: "a list", dict: "an object"}


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
