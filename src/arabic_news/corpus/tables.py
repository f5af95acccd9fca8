"""Read tables of articles: CSV, TSV, JSON Lines and Parquet.

:func:`read_rows` returns the raw rows, each with a label naming where it comes from
(``file, row N`` for CSV/TSV/Parquet, counting data rows from 1 after the header;
``file, line N`` for JSON Lines). :func:`row_fields` maps a row onto the document fields.
"""

import io
import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from arabic_news.corpus.columns import FIELDS, require_text_column, resolve_columns
from arabic_news.corpus.dates import is_missing
from arabic_news.corpus.encoding import decode_bytes
from arabic_news.corpus.policy import ErrorPolicy
from arabic_news.errors import CorpusError

SEPARATORS = {".csv": ",", ".tsv": "\t", ".tab": "\t"}
JSON_LINES = (".jsonl", ".ndjson")
PARQUET = (".parquet", ".pq")
SUFFIXES = (*SEPARATORS, *JSON_LINES, *PARQUET)

Row = tuple[str, int, dict[str, object]]


def read_rows(path: Path, policy: ErrorPolicy) -> tuple[list[str], list[Row]]:
    """Return the column names and ``(where, number, row)`` for each row of a table file.

    ``number`` is the data row (from 1) or, for JSON Lines, the line number.

    Raises :class:`CorpusError` for an unreadable file; a broken JSON line is handed to
    ``policy`` (raise, or skip that line).
    """
    suffix = path.suffix.lower()
    where = str(path)
    if suffix not in SUFFIXES:
        raise CorpusError(f"{where}: not a table: expected one of {', '.join(SUFFIXES)}")
    if suffix in PARQUET:
        frame = _read_parquet(path, where)
    elif suffix in JSON_LINES:
        return _read_json_lines(path, where, policy)
    else:
        frame = _read_delimited(path, where, SEPARATORS[suffix])
    columns = [str(c) for c in frame.columns]
    rows = frame.to_dict("records")
    return columns, [(f"{where}, row {i}", i, row) for i, row in enumerate(rows, 1)]


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


def _read_delimited(path: Path, where: str, separator: str) -> pd.DataFrame:
    text = decode_bytes(_read_bytes(path, where), where)
    try:
        return pd.read_csv(
            io.StringIO(text), sep=separator, dtype=str, keep_default_na=False,
            skip_blank_lines=True,
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise CorpusError(f"{where}: malformed {path.suffix[1:].upper()} file: {error}") from None


def _read_parquet(path: Path, where: str) -> pd.DataFrame:
    data = _read_bytes(path, where)
    if not data:
        raise CorpusError(f"{where}: empty file (0 bytes)")
    try:
        return pd.read_parquet(io.BytesIO(data))
    except Exception as error:  # pyarrow raises several unrelated types for bad files
        raise CorpusError(f"{where}: not a readable Parquet file: {error}") from None


def _read_json_lines(path: Path, where: str, policy: ErrorPolicy) -> tuple[list[str], list[Row]]:
    text = decode_bytes(_read_bytes(path, where), where)
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
    if not isinstance(value, dict):
        raise CorpusError(
            f"{where}: broken JSON line: expected an object {{...}}, got {type(value).__name__}"
        )
    return value


def _read_bytes(path: Path, where: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise CorpusError(f"{where}: cannot read the file: {error.strerror}") from None
