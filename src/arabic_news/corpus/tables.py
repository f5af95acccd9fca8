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

import codecs
import csv
import gzip
import io
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from arabic_news.corpus.columns import FIELDS, require_text_column, resolve_columns
from arabic_news.corpus.dates import is_missing
from arabic_news.corpus.encoding import decode_bytes
from arabic_news.corpus.files import FileAccess, shown_path
from arabic_news.corpus.json_arrays import CHUNK, json_array_rows
from arabic_news.corpus.policy import ErrorPolicy
from arabic_news.errors import CorpusError

SEPARATORS = {".csv": ",", ".tsv": "\t", ".tab": "\t"}
JSON_LINES = (".jsonl", ".ndjson")
JSON_ARRAY = (".json",)
PARQUET = (".parquet", ".pq")
#: A table compressed with gzip: ``news.jsonl.gz``, ``news.csv.gz``, ... (not Parquet, which
#: compresses itself).
GZIP = ".gz"
SUFFIXES = (*SEPARATORS, *JSON_LINES, *JSON_ARRAY, *PARQUET,
            *(f"{s}{GZIP}" for s in (*SEPARATORS, *JSON_LINES, *JSON_ARRAY)))


def table_stem(path: Path) -> str:
    """The file name without its table suffix (``news`` for ``news.jsonl.gz``)."""
    if path.suffix.lower() == GZIP:
        return Path(path.stem).stem
    return path.stem


def table_suffix(path: Path) -> str | None:
    """The table format of ``path`` (``.csv``, ``.jsonl``, ...; ``.jsonl.gz`` gives
    ``.jsonl``), or None when it is not a table the loader reads."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    name = "".join(suffixes[-2:]) if suffixes[-1:] == [GZIP] else "".join(suffixes[-1:])
    if name not in SUFFIXES:
        return None
    return name.removesuffix(GZIP)

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
    columns: list[str] = []
    rows: list[Row] = []
    for seen, batch in iter_row_batches(path, policy, access):
        columns = seen
        rows.extend(batch)
    return columns, rows


#: Rows per batch read from a JSON Lines or Parquet file.
ROW_BATCH = 4096


def iter_row_batches(
    path: Path, policy: ErrorPolicy, access: FileAccess | None = None,
    batch_size: int = ROW_BATCH,
) -> Iterator[tuple[list[str], list[Row]]]:
    """Yield ``(columns seen so far, rows)`` for batches of a table file's rows.

    The same rows, labels and errors as :func:`read_rows`, with bounded memory where the
    format allows it: JSON Lines is read line by line (after one pass that checks the
    encoding over the raw bytes), Parquet by record batches. CSV/TSV are parsed from the
    whole decoded file, since their encoding detection and quoted line breaks need it.
    """
    access = access or FileAccess()
    skipped_before = len(policy.skipped)
    suffix = table_suffix(path)
    where = shown_path(path)
    if suffix is None:
        raise CorpusError(f"{where}: not a table: expected one of {', '.join(SUFFIXES)}")
    opened = partial(_open_table, path, where, access)
    columns: list[str] = []
    any_rows = False
    if suffix in JSON_LINES:
        batches = _json_lines_batches(opened, where, policy, access, batch_size)
    elif suffix in JSON_ARRAY:
        batches = _json_array_batches(opened, where, policy, access, batch_size)
    elif suffix in PARQUET:
        batches = _parquet_batches(path, where, access, batch_size)
    else:
        with opened() as handle:
            data = _read_limited(handle, where, access.max_file_size)
        batches = iter([_read_delimited(data, where, suffix[1:].upper(),
                                        SEPARATORS[suffix], policy)])
    for columns, rows in batches:
        any_rows = any_rows or bool(rows)
        yield columns, rows
    if not any_rows and len(policy.skipped) == skipped_before:
        raise CorpusError(f"{where}: no data rows (only a header: {', '.join(map(repr, columns))})")


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


def _parquet_batches(
    path: Path, where: str, access: FileAccess, batch_size: int
) -> Iterator[tuple[list[str], list[Row]]]:
    """Rows of a Parquet file, one record batch at a time (never the whole table as rows)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    with access.open(path, where) as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            raise CorpusError(f"{where}: empty file (0 bytes)")
        try:
            parquet = pq.ParquetFile(handle)
            metadata = parquet.schema_arrow.pandas_metadata or {}
            stored_index = {name for name in metadata.get("index_columns", [])
                            if isinstance(name, str)}
            names = [name for name in parquet.schema_arrow.names if name not in stored_index]
        except Exception as error:  # pyarrow raises several unrelated types for bad files
            raise CorpusError(f"{where}: not a readable Parquet file: {error}") from None
        columns = [str(c) for c in names]
        _check_unique(columns, where)
        number = 0
        batches = parquet.iter_batches(batch_size=batch_size, columns=names,
                                       use_pandas_metadata=True)
        while True:
            try:
                batch = next(batches, None)
                if batch is None:
                    break
                frame = pa.Table.from_batches([batch]).to_pandas()
            except Exception as error:
                raise CorpusError(f"{where}: not a readable Parquet file: {error}") from None
            values = [frame[name].tolist() for name in frame.columns]
            del frame
            rows: list[Row] = []
            for row in zip(*values, strict=True):
                number += 1
                rows.append((f"{where}, row {number}", number, dict(zip(columns, row,
                                                                           strict=True))))
            del values
            yield columns, rows


@contextmanager
def _open_table(path: Path, where: str, access: FileAccess) -> Iterator:
    """The file's bytes as a binary file object, decompressed when it ends in ``.gz``."""
    with access.open(path, where) as handle:
        if path.suffix.lower() != GZIP:
            yield handle
            return
        with gzip.GzipFile(fileobj=handle, mode="rb") as unpacked:
            yield _Checked(unpacked, where)


class _Checked:
    """A gzip stream whose read errors (a damaged or cut file) are CorpusErrors."""

    def __init__(self, stream, where: str):
        self.stream, self.where = stream, where

    def _call(self, method: str, *args):
        try:
            return getattr(self.stream, method)(*args)
        except (OSError, EOFError, zlib.error) as error:
            raise CorpusError(f"{self.where}: damaged gzip file: {error}") from None

    def read(self, *args):
        return self._call("read", *args)

    def seek(self, *args):
        return self._call("seek", *args)

    def __iter__(self):
        while line := self._call("readline"):
            yield line


def _read_limited(handle, where: str, limit: int) -> bytes:
    """All bytes of ``handle``, refused past ``limit`` (a compressed file may unpack to far
    more than its size on disk)."""
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise _unpacks_too_large(where, limit)
    return data


def _unpacks_too_large(where: str, limit: int) -> CorpusError:
    return CorpusError(
        f"{where}: more than {limit:,} bytes once decompressed, the max_file_size limit; to "
        "load it anyway, raise the limit: load_corpus(..., max_file_size=...)"
    )


def _streamable(opened, where: str, limit: int) -> bool:
    """Whether the file is plain UTF-8 text that can be read piece by piece (see
    :func:`_plain_utf8_lines`); a compressed file is also refused past ``limit`` bytes."""
    with opened() as handle:
        counted = _Counted(handle, where, limit)
        return _plain_utf8_lines(counted)


class _Counted:
    """Count the bytes read through it; refuse more than ``limit``."""

    def __init__(self, handle, where: str, limit: int):
        self.handle, self.where, self.limit, self.size = handle, where, limit, 0

    def read(self, size: int = -1) -> bytes:
        chunk = self.handle.read(size)
        self.size += len(chunk)
        if self.size > self.limit:
            raise _unpacks_too_large(self.where, self.limit)
        return chunk


def _json_lines_batches(
    opened, where: str, policy: ErrorPolicy, access: FileAccess, batch_size: int
) -> Iterator[tuple[list[str], list[Row]]]:
    """JSON Lines, line by line, when the file is plain UTF-8 with LF or CRLF line ends.

    A first pass over the raw bytes checks what :func:`decode_bytes` would (strict UTF-8,
    no binary bytes, some text, no lone CR); any other file (UTF-16/32, Windows-1256, old
    Mac line ends, ...) is decoded whole as before, so the errors stay the same.
    """
    if not _streamable(opened, where, access.max_file_size):
        with opened() as handle:
            data = _read_limited(handle, where, access.max_file_size)
        yield _read_json_lines(data, where, policy)
        return
    with opened() as handle:
        rows = _json_rows(_utf8_lines(handle), where, policy)
        yield from _batched(rows, batch_size)


def _batched(rows: Iterable[Row], batch_size: int) -> Iterator[tuple[list[str], list[Row]]]:
    """``(columns seen so far, rows)`` by batches of ``batch_size`` rows."""
    columns: dict[str, None] = {}
    batch: list[Row] = []
    for row in rows:
        columns.update(dict.fromkeys(row[2]))
        batch.append(row)
        if len(batch) >= batch_size:
            yield list(columns), batch
            batch = []
    yield list(columns), batch


def _json_array_batches(
    opened, where: str, policy: ErrorPolicy, access: FileAccess, batch_size: int
) -> Iterator[tuple[list[str], list[Row]]]:
    """A JSON array of articles (:mod:`arabic_news.corpus.json_arrays`), read piece by piece
    when the file is plain UTF-8, else decoded whole as other tables are."""
    if _streamable(opened, where, access.max_file_size):
        with opened() as handle:
            yield from _batched(_checked_items(_utf8_chunks(handle), where, policy), batch_size)
        return
    with opened() as handle:
        text = decode_bytes(_read_limited(handle, where, access.max_file_size), where)
    yield from _batched(_checked_items([text], where, policy), batch_size)


def _checked_items(chunks: Iterable[str], where: str, policy: ErrorPolicy) -> Iterator[Row]:
    for row, raw in json_array_rows(chunks, where, policy):
        if _SURROGATE_ESCAPE.search(raw):
            try:
                check_strings(row[2], row[0])
            except CorpusError as error:
                policy.handle(error, row[0])
                continue
        yield row


def _utf8_chunks(handle) -> Iterator[str]:
    """The text of a plain UTF-8 file, by chunks, without a leading BOM."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    while chunk := handle.read(CHUNK):
        yield decoder.decode(chunk)
    yield decoder.decode(b"", final=True)


def _utf8_lines(handle) -> Iterator[str]:
    """The lines of a plain UTF-8 file, without a leading BOM and without their LF or CRLF."""
    for number, raw in enumerate(handle, 1):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        yield raw.decode("utf-8").rstrip("\n").removesuffix("\r")


_BINARY_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


def _plain_utf8_lines(handle) -> bool:
    """True when the file's bytes are strict UTF-8 text with LF/CRLF line ends, no NUL,
    few control bytes and some non-blank text: then it can be decoded line by line."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    size = controls = 0
    text_seen = False
    first = True
    previous_cr = False
    while chunk := handle.read(1 << 20):
        if first:
            if chunk[:4] in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE) or chunk[:2] in (
                codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE
            ):
                return False
            first = False
        if b"\x00" in chunk:
            return False
        size += len(chunk)
        controls += len(chunk) - len(chunk.translate(None, _BINARY_BYTES))
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError:
            return False
        if previous_cr and not chunk.startswith(b"\n"):
            return False  # a lone CR at the end of the previous chunk
        trailing = chunk.endswith(b"\r")
        if chunk.count(b"\r") - chunk.count(b"\r\n") - trailing > 0:
            return False  # a lone CR: old Mac line ends, decoded whole
        previous_cr = trailing
        text_seen = text_seen or bool(chunk.strip())
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return text_seen and not previous_cr and controls <= 0.05 * size


def _read_json_lines(data: bytes, where: str, policy: ErrorPolicy) -> tuple[list[str], list[Row]]:
    text = decode_bytes(data, where)
    rows = list(_json_rows(text.split("\n"), where, policy))
    columns = dict.fromkeys(key for _, _, row in rows for key in row)
    return list(columns), rows


def _json_rows(lines: Iterable[str], where: str, policy: ErrorPolicy) -> Iterator[Row]:
    """Each non-blank line (numbered from 1) as one JSON object; a bad line goes to ``policy``.

    Shared by the streaming reader and the whole-file reader, so both number, skip and report
    lines alike.
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        here = f"{where}, line {number}"
        try:
            row = _json_object(line, here)
        except CorpusError as error:
            policy.handle(error, here)
            continue
        yield here, number, row


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
    if _SURROGATE_ESCAPE.search(line):
        check_strings(value, where)
    return value


#: A JSON escape of a UTF-16 surrogate (``\ud800``): the only way a lone surrogate, which
#: UTF-8 cannot hold, gets into a value (strictly decoded bytes never yield one).
_SURROGATE_ESCAPE = re.compile(r"\\[uU][dD][89a-fA-F]")


def check_strings(row: Mapping[str, object], where: str) -> None:
    """Refuse a row whose key or string value holds a lone surrogate (``"\\ud800"``).

    Such a string cannot be written as UTF-8, so no engine can store it; inside a list or an
    object it is kept, escaped, by the extra-columns rule (:mod:`arabic_news.corpus.extras`).
    """
    for key, value in row.items():
        for part, name in ((key, "name"), (value, "value")):
            if isinstance(part, str):
                try:
                    part.encode("utf-8")
                except UnicodeEncodeError as error:
                    bad = ascii(part[error.start:error.end])[1:-1]
                    raise CorpusError(
                        f"{where}: the {name} of field {ascii(key)[1:-1]!r} holds {bad}, a lone "
                        "surrogate that cannot be written as UTF-8 (a broken \\u escape); fix "
                        "it in the file"
                    ) from None
