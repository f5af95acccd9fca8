"""Build document records and assemble them into the corpus DataFrame.

Every reader (text files, tables, ANT XML) produces plain dict records through
:func:`make_record`, so that the rules for titles, dates and ids live in one place, and
:func:`assemble` turns them into a DataFrame with a fixed column contract.
"""

from collections.abc import Iterable, Mapping

import pandas as pd

from arabic_news.corpus.dates import is_missing, parse_date
from arabic_news.corpus.encoding import normalise_newlines
from arabic_news.corpus.policy import ErrorPolicy
from arabic_news.errors import CorpusError

CORE_COLUMNS = ("doc_id", "title", "source", "published", "text")
PUBLISHED_DTYPE = "datetime64[us, UTC]"


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
    non-empty line of the text; ``published`` is parsed to an aware UTC datetime (None when
    empty); line endings in the text become LF. Raises :class:`CorpusError` for an
    empty id or an unparseable date.
    """
    doc_id = _clean(doc_id)
    if not doc_id:
        raise CorpusError(f"{where}: empty doc_id")
    text = normalise_newlines(_clean(text, strip=False))
    try:
        moment = parse_date(published)
    except ValueError as error:
        raise CorpusError(f"{where}: {error}") from None
    record = {
        "doc_id": doc_id,
        "title": _clean(title) or first_line(text),
        "source": _clean(source),
        "published": moment,
        "text": text,
    }
    for name, value in (extras or {}).items():
        record[_free_name(name, record)] = value
    return record


def first_line(text: str) -> str:
    """Return the first non-blank line of ``text``, stripped ('' when there is none)."""
    for line in text.split("\n"):
        if line.strip():
            return line.strip()
    return ""


def assemble(documents: Iterable[tuple[str, dict]], policy: ErrorPolicy) -> pd.DataFrame:
    """Turn ``(where, record)`` pairs into the corpus DataFrame, in the order given.

    A record whose ``doc_id`` was already seen is a bad document (reported with both
    origins). Columns: the core columns, then extra columns in order of first appearance.
    ``published`` always has dtype ``datetime64[us, UTC]`` (NaT when unknown) and an unknown
    ``source`` is missing (NA); ``df.attrs["skipped"]`` lists the skipped documents.
    """
    kept, seen = [], {}
    for where, record in documents:
        doc_id = record["doc_id"]
        if doc_id in seen:
            message = f"{where}: duplicate doc_id {doc_id!r} (also in {seen[doc_id]})"
            policy.handle(CorpusError(message), where)
            continue
        seen[doc_id] = where
        kept.append(record)
    frame = pd.DataFrame.from_records(kept, columns=_column_order(kept))
    for column in ("doc_id", "title", "source", "text"):
        frame[column] = frame[column].astype(str)
    # An unknown source is missing (NA), not an empty name, so that counting by source,
    # dropna() and fillna("(unknown)") treat it as unknown.
    frame["source"] = frame["source"].mask(frame["source"] == "")
    frame["published"] = pd.to_datetime(frame["published"], utc=True).astype(PUBLISHED_DTYPE)
    frame.attrs["skipped"] = list(policy.skipped)
    return frame


def _column_order(records: list[dict]) -> list[str]:
    order = dict.fromkeys(CORE_COLUMNS)
    for record in records:
        order.update(dict.fromkeys(record))
    return list(order)


def _clean(value: object, strip: bool = True) -> str:
    if is_missing(value):
        return ""
    text = str(value)
    return text.strip() if strip else text


def _free_name(name: str, record: Mapping[str, object]) -> str:
    """Keep an extra column's name unless it collides with a core column."""
    while name in record:
        name = f"{name}_original"
    return name
