"""Build document records and assemble them into the corpus DataFrame.

Every reader (text files, tables, ANT XML) produces plain dict records through
:func:`make_record`, so that the rules for titles, dates and ids live in one place, and
:func:`assemble` turns them into a DataFrame with a fixed column contract.
"""

import html
import numbers
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager

import pandas as pd
import pyarrow as pa

from arabic_news.corpus.dates import is_missing, parse_date
from arabic_news.corpus.encoding import normalise_newlines
from arabic_news.corpus.extras import ExtraColumns, as_text
from arabic_news.corpus.policy import ColumnAsTextWarning, ErrorPolicy
from arabic_news.errors import CorpusError, NoTextError

CORE_COLUMNS = ("doc_id", "title", "source", "published", "text")
PUBLISHED_DTYPE = "datetime64[us, UTC]"
#: A title taken from the first line of the text is cut to this many characters (plus "…"):
#: a one-line file of 200 MB must not become a 200 MB title.
MAX_DERIVED_TITLE = 200


def make_record(
    where: str,
    *,
    doc_id: object,
    text: object,
    title: object = None,
    published: object = None,
    source: object = None,
    extras: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """Return one document as a dict with the core columns first, then ``extras``.

    ``where`` names the file (and row) for error messages. The title falls back to the first
    non-empty line of the text (cut to :data:`MAX_DERIVED_TITLE` characters);
    ``published`` is parsed to an aware UTC datetime (None when empty); line endings in the
    text become LF.

    Types, checked rather than stringified (a JSON ``123`` or ``["x"]`` is a data error, not
    a text): ``text`` must be a ``str``; ``doc_id``, ``title`` and ``source`` a ``str`` or an
    integer (an integral float counts: a Parquet integer column with a gap is read as
    floats), written in decimal. Raises :class:`NoTextError` for a document without text
    (missing, empty or blank; the loader skips those in both modes) and
    :class:`CorpusError` for a value of the wrong type, an empty id or a bad date.
    """
    text = _text(text, where)
    doc_id = _label(doc_id, "doc_id", where)
    if not doc_id:
        raise CorpusError(f"{where}: empty doc_id")
    try:
        moment = parse_date(published)
    except ValueError as error:
        raise CorpusError(f"{where}: {error}") from None
    record = {
        "doc_id": doc_id,
        "title": unescape_references(_label(title, "title", where) or derived_title(text)),
        "source": _label(source, "source", where),
        "published": moment,
        "text": text,
    }
    for name, value in (extras or {}).items():
        record[_free_name(name, record)] = value
    return record


_REFERENCE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_references(value: str) -> str:
    """``value`` with its HTML character references written as the characters they stand
    for (``&quot;`` -> ``"``, ``&#39;`` -> ``'``, ``&nbsp;`` -> NO-BREAK SPACE).

    Titles scraped from web pages often keep them, and a reader should see the headline,
    not its markup. Only complete references (with their ``;``) of a known name or a valid
    code point change: a raw ``&`` (``AT&T``, ``S&P``) and ``&unknown;`` stay as written.
    """
    return _REFERENCE.sub(_character, value) if "&" in value else value


def _character(match: re.Match) -> str:
    name = match.group(1)
    if name[0] == "#":
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        valid = 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF
        return chr(code) if valid else match.group(0)
    return html.unescape(match.group(0))


def first_line(text: str) -> str:
    """Return the first non-blank line of ``text``, stripped ('' when there is none)."""
    for line in text.split("\n"):
        if line.strip():
            return line.strip()
    return ""


def derived_title(text: str, limit: int = MAX_DERIVED_TITLE) -> str:
    """The first non-blank line of ``text``, cut at a space to at most ``limit`` characters."""
    start = len(text) - len(text.lstrip())
    head = first_line(text[start : start + 4 * limit + 1])
    if len(head) <= limit:
        return head
    cut = head[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


def _text(value: object, where: str) -> str:
    if is_missing(value):
        raise _no_text(where, "missing")
    if not isinstance(value, str):
        raise CorpusError(
            f"{where}: text must be a string, got {type(value).__name__} {_preview(value)}"
        )
    if not value.strip():
        raise _no_text(where, "empty" if not value else "blank")
    return normalise_newlines(value)


def _no_text(where: str, how: str) -> NoTextError:
    return NoTextError(f"{where}: no text ({how} text); documents without text are left out")


def _label(value: object, name: str, where: str) -> str:
    """An id, title or source as stripped text ('' when missing); see :func:`make_record`."""
    if is_missing(value):
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        pass
    elif isinstance(value, numbers.Integral):
        return str(int(value))
    elif isinstance(value, numbers.Real) and float(value).is_integer():  # 7.0, not inf
        return str(int(value))
    raise CorpusError(
        f"{where}: {name} must be a string or an integer, got {type(value).__name__} "
        f"{_preview(value)}"
    )


def _preview(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def assemble(documents: Iterable[tuple[str, dict]], policy: ErrorPolicy) -> pd.DataFrame:
    """Turn ``(where, record)`` pairs into the corpus DataFrame, in the order given.

    A record whose ``doc_id`` was already seen is a bad document (reported with both
    origins). Columns: the core columns, then extra columns in order of first appearance.
    ``published`` always has dtype ``datetime64[us, UTC]`` (NaT when unknown) and an unknown
    ``source`` is missing (NA); ``df.attrs["skipped"]`` lists the skipped documents.

    The records are consumed one at a time into column lists, turned into an Arrow-backed
    frame every :data:`ASSEMBLE_BATCH` rows, and the batches are concatenated (Arrow string
    chunks are joined, not copied): no list of all records is ever held, so the peak stays
    near the final frame's size plus one batch of Python strings.
    """
    extras = ExtraColumns(CORE_COLUMNS, lambda message: policy.note(message, ColumnAsTextWarning))
    with system_memory_pool():
        frames = list(assemble_batches(documents, policy, ASSEMBLE_BATCH, extras=extras))
    if not frames:
        frame = _frame(CORE_COLUMNS, {name: [] for name in CORE_COLUMNS})
    elif len(frames) == 1:
        frame = frames[0]
    else:
        order = _merged_order(frames)
        frame = pd.concat(frames, ignore_index=True)[order]
    for name in extras.as_text & set(frame.columns):  # text from a later batch on: all of it
        frame[name] = pd.Series([as_text(v) for v in frame[name]], index=frame.index,
                                dtype=object).astype("str")
    frame.attrs = {"skipped": list(policy.skipped), "notes": list(policy.notes)}
    return frame


@contextmanager
def system_memory_pool() -> Iterator[None]:
    """Allocate Arrow buffers with the system allocator while the corpus is assembled.

    Arrow's default pool (mimalloc) keeps the pages of the many short-lived batch buffers
    that assembling frees: on ANT, loading raised the process's peak by 2.0x the returned
    frame with it and by 1.4x with the system allocator, no slower
    (``benchmarks/bench_loading.py``). Buffers remember their pool, so those allocated here
    are freed correctly after the default pool is restored.
    """
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


#: Rows per batch when :func:`assemble` builds the whole corpus.
ASSEMBLE_BATCH = 1024


def assemble_batches(
    documents: Iterable[tuple[str, dict]], policy: ErrorPolicy, batch_size: int,
    seen: dict | None = None, extras: ExtraColumns | None = None,
) -> Iterator[pd.DataFrame]:
    """Yield corpus DataFrames of at most ``batch_size`` rows from ``(where, record)`` pairs.

    Each batch has the columns and dtypes of :func:`assemble` (extra columns: those seen so
    far, in order of first appearance; a column first met in a later batch is missing from
    the earlier ones). Duplicate ids are checked across batches, in ``seen`` (id -> where;
    state bounded by the number of documents, not their text). ``attrs["skipped"]`` of a
    batch lists the documents skipped since the previous batch, ``attrs["notes"]`` what the
    loader noted since then. Extra columns of mixed types become text
    (:mod:`arabic_news.corpus.extras`; ``extras`` judges them across batches).
    """
    seen = {} if seen is None else seen
    if extras is None:
        extras = ExtraColumns(CORE_COLUMNS,
                              lambda message: policy.note(message, ColumnAsTextWarning))
    wheres: list[str] = []
    order: dict[str, None] = dict.fromkeys(CORE_COLUMNS)
    columns: dict[str, list] = {name: [] for name in CORE_COLUMNS}
    rows = 0
    reported, noted = len(policy.skipped), len(policy.notes)

    def batch() -> pd.DataFrame:
        nonlocal reported, noted
        extras.apply(columns, wheres)
        frame = _frame(list(order), columns)
        frame.attrs = {"skipped": list(policy.skipped[reported:]),
                       "notes": list(policy.notes[noted:])}
        reported, noted = len(policy.skipped), len(policy.notes)
        return frame

    for where, record in documents:
        doc_id = record["doc_id"]
        if doc_id in seen:
            message = f"{where}: duplicate doc_id {doc_id!r} (also in {seen[doc_id]})"
            policy.handle(CorpusError(message), where)
            continue
        seen[doc_id] = where
        wheres.append(where)
        for name, value in record.items():
            column = columns.get(name)
            if column is None:  # a new extra column: earlier rows of this batch lack it
                order[name] = None
                column = columns[name] = [_MISSING] * rows
            column.append(value)
        rows += 1
        for column in columns.values():
            if len(column) < rows:
                column.append(_MISSING)
        if rows >= batch_size:
            yield batch()
            columns = {name: [] for name in order}
            wheres = []
            rows = 0
    if rows or len(policy.skipped) > reported or len(policy.notes) > noted:
        yield batch()


_MISSING = float("nan")


def _frame(order: Iterable[str], columns: Mapping[str, list]) -> pd.DataFrame:
    """One batch of column lists as a corpus DataFrame with the contract's dtypes."""
    frame = pd.DataFrame({name: columns[name] for name in order}, columns=list(order))
    for column in ("doc_id", "title", "source", "text"):
        frame[column] = frame[column].astype(str)
    # An unknown source is missing (NA), not an empty name, so that counting by source,
    # dropna() and fillna("(unknown)") treat it as unknown.
    frame["source"] = frame["source"].mask(frame["source"] == "")
    frame["published"] = pd.to_datetime(frame["published"], utc=True).astype(PUBLISHED_DTYPE)
    return frame


def _merged_order(frames: list[pd.DataFrame]) -> list[str]:
    order: dict[str, None] = {}
    for frame in frames:
        order.update(dict.fromkeys(frame.columns))
    return list(order)


def _free_name(name: str, record: Mapping[str, object]) -> str:
    """Keep an extra column's name unless it collides with a core column."""
    while name in record:
        name = f"{name}_original"
    return name
