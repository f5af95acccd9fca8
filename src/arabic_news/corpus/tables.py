"""Read tables of articles: CSV, TSV, JSON Lines and Parquet.

:func:`read_rows` returns the raw rows, each with a label naming where it comes from
(``file, row N`` for CSV/TSV/Parquet, counting data rows from 1 after the header;
``file, line N`` for JSON Lines). :func:`row_fields` maps a row onto the document fields.

Strictness, so that no text is lost or shifted silently:

* CSV/TSV are parsed with the :mod:`csv` module, one record at a time: a row whose number of
  fields differs from the header's is an error naming its row and line (skip mode skips that
  row), never padded or shifted into other columns as ``pandas.read_csv`` would;
* two columns with the same name are an error (not renamed ``text.1``);
* a table with a header but no data row is an error;
* a JSON line nested too deeply for Python's parser is an error naming the line.
"""

import csv
import io
import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from arabic_news.corpus.columns import FIELDS, require_text_column, resolve_columns
from arabic_news.corpus.dates import is_missing
from arabic_news.corpus.encoding import decode_bytes
from arabic_news.corpus.files import FileAccess
from arabic_news.corpus.policy import ErrorPolicy
from arabic_news.errors import CorpusError

SEPARATORS = {".csv": ",", ".tsv": "\t", ".tab": "\t"}
JSON_LINES = (".jsonl", ".ndjson")
PARQUET = (".parquet", ".pq")
SUFFIXES = (*SEPARATORS, *JSON_LINES, *PARQUET)

Row = tuple[str, int, dict[str, object]]


def read_rows(
    path: Path, policy: ErrorPolicy, access: FileAccess | None = None
) -> tuple[list[str], list[Row]]:
    """Return the column names and ``(where, number, row)`` for each row of a table file.

    ``number`` is the data row (from 1) or, for JSON Lines, the line number. ``access`` says
    how the file may be read (see :mod:`arabic_news.corpus.files`).

    Raises :class:`CorpusError` for an unreadable file, duplicate column names or a table
    without data rows; a broken JSON line or a CSV row with the wrong number of fields is
    handed to ``policy`` (raise, or skip that line or row).
    """
    access = access or FileAccess()
    skipped_before = len(policy.skipped)
    suffix = path.suffix.lower()
    where = str(path)
    if suffix not in SUFFIXES:
        raise CorpusError(f"{where}: not a table: expected one of {', '.join(SUFFIXES)}")
    data = access.read(path, where)
    if suffix in JSON_LINES:
        return _read_json_lines(data, where, policy)
    if suffix in PARQUET:
        frame = _read_parquet(data, where)
        columns = [str(c) for c in frame.columns]
        _check_unique(columns, where)
        records = frame.to_dict("records")
        rows = [(f"{where}, row {i}", i, row) for i, row in enumerate(records, 1)]
    else:
        columns, rows = _read_delimited(data, where, path.suffix[1:].upper(),
                                        SEPARATORS[suffix], policy)
    if not rows and len(policy.skipped) == skipped_before:
        raise CorpusError(f"{where}: no data rows (only a header: {', '.join(map(repr, columns))})")
    return columns, rows


def row_fields(
    row: Mapping[str, object], found: Mapping[str, str], fallback_id: str
) -> dict[str, object]:
    """Map one row onto document fields; columns not used for a field become extras."""
    used = set(found.values())
    fields: dict[str, object] = {field: row[column] for field, column in found.items()}
    if not _present(fields.get("doc_id")):
        fields["doc_id"] = fallback_id
    fields["extras"] = {name: value for name, value in row.items() if name not in used}
    return fields


def resolve_table_columns(
    columns: list[str], explicit: Mapping[str, str | None], where: str
) -> dict[str, str]:
    """Columns for the document fields of a table of articles (text column required)."""
    found = resolve_columns(columns, explicit, where, FIELDS)
    require_text_column(found, columns, where)
    return found


def _present(value: object) -> bool:
    return not is_missing(value) and str(value).strip() != ""


def _read_delimited(
    data: bytes, where: str, kind: str, separator: str, policy: ErrorPolicy
) -> tuple[list[str], list[Row]]:
    text = decode_bytes(data, where)
    records = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))  # one field may hold a whole article
    rows: list[Row] = []
    header: list[str] | None = None
    number, line = 0, 1
    try:
        for record in records:
            start, line = line, records.line_num + 1
            if not record:  # a blank line
                continue
            if header is None:
                header = record
                _check_unique(header, where)
                continue
            number += 1
            here = f"{where}, row {number}"
            if len(record) != len(header):
                here = f"{here} (line {start})"
                policy.handle(CorpusError(
                    f"{here}: {len(record)} fields, the header has {len(header)}; a field that "
                    f"holds the separator {separator!r} or a line break must be quoted"
                ), here)
                continue
            rows.append((here, number, dict(zip(header, record, strict=True))))
    except csv.Error as error:
        raise CorpusError(f"{where}, line {line}: malformed {kind} file: {error}") from None
    finally:
        csv.field_size_limit(limit)
    if header is None:
        raise CorpusError(f"{where}: empty file (no header line)")
    return header, rows


def _check_unique(columns: list[str], where: str) -> None:
    for name in dict.fromkeys(columns):
        if columns.count(name) > 1:
            raise CorpusError(
                f"{where}: column {name!r} appears {columns.count(name)} times; give every "
                "column its own name"
            )


def _read_parquet(data: bytes, where: str) -> pd.DataFrame:
    if not data:
        raise CorpusError(f"{where}: empty file (0 bytes)")
    try:
        return pd.read_parquet(io.BytesIO(data))
    except Exception as error:  # pyarrow raises several unrelated types for bad files
        raise CorpusError(f"{where}: not a readable Parquet file: {error}") from None


def _read_json_lines(data: bytes, where: str, policy: ErrorPolicy) -> tuple[list[str], list[Row]]:
    text = decode_bytes(data, where)
    columns: dict[str, None] = {}
    rows: list[Row] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        here = f"{where}, line {number}"
        try:
            row = _json_object(line, here)
        except CorpusError as error:
            policy.handle(error, here)
            continue
        columns.update(dict.fromkeys(row))
        rows.append((here, number, row))
    return list(columns), rows


def _json_object(line: str, where: str) -> dict[str, object]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        message = f"{where}: broken JSON line: {error.msg} (column {error.colno})"
        raise CorpusError(message) from None
    except ValueError as error:  # e.g. an integer of more than 4,300 digits
        raise CorpusError(f"{where}: broken JSON line: {error}") from None
    except RecursionError:
        raise CorpusError(
            f"{where}: JSON line nested too deeply for Python's parser (about 1,000 levels)"
        ) from None
    if not isinstance(value, dict):
        raise CorpusError(
            f"{where}: broken JSON line: expected an object {{...}}, got {type(value).__name__}"
        )
    return value
