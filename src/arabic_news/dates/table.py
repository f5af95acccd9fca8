"""``dates_table``: date mentions of a whole corpus as one tidy DataFrame."""

from array import array
from collections.abc import Iterable

import numpy as np
import pandas as pd

from arabic_news.engines import engine_of
from arabic_news.text.remembered import remembered

from .extract import extract_dates

COLUMNS = ("doc_id", "start", "end", "text", "value", "granularity", "relative", "flag",
           "calendar")
_REQUIRED = ("doc_id", "text", "published")


def _check_frame(documents, published) -> None:
    missing = [c for c in _REQUIRED if c not in documents.columns]
    if missing:
        raise ValueError(
            f"dates_table needs columns {list(_REQUIRED)}; missing {missing}. "
            "Pass the frame returned by arabic_news.load_corpus, or a list of texts."
        )
    if published is not None:
        raise ValueError("published is taken from the frame's 'published' column; "
                         "do not pass it as well")


def _documents(documents: object, published: object) -> Iterable[tuple[object, str, object]]:
    """(doc_id, text, published) triples from a corpus frame or an iterable of texts."""
    if isinstance(documents, pd.DataFrame):
        return zip(documents["doc_id"], documents["text"], documents["published"], strict=True)
    if isinstance(documents, str):
        raise TypeError("dates_table takes many documents; wrap a single text in a list")
    texts = list(documents)
    if isinstance(published, list | tuple | pd.Series):
        if len(published) != len(texts):
            raise ValueError(f"got {len(texts)} texts but {len(published)} published dates")
        dates = list(published)
    else:
        dates = [published] * len(texts)
    return zip(range(len(texts)), texts, dates, strict=True)


def dates_table(documents: object, published: object = None) -> pd.DataFrame:
    """One row per date mention: doc_id, start, end, text, value, granularity, relative,
    flag, calendar.

    ``documents`` is a DataFrame with columns ``doc_id``, ``text`` and ``published`` (as
    returned by ``arabic_news.load_corpus``; NaT means unknown), or an iterable of texts
    (doc_id = position), then with ``published`` one value for all or one per text.
    ``value`` is a ``datetime64[s]`` column (NaT for relative mentions of undated texts),
    so it can be grouped by ``dt.to_period``. A text that is not a string raises
    ValueError naming its doc_id.

    A corpus frame is read partition by partition (see :mod:`arabic_news.engines`): a
    corpus on the Dask engine gives a lazy Dask DataFrame, one partition of mentions per
    partition of articles, which ``analysis.event_points`` and the other analyses of
    mentions aggregate on the engine.
    """
    if getattr(documents, "ndim", None) == 2 and hasattr(documents, "columns"):  # a frame
        _check_frame(documents, published)
        # each partition's mentions are kept on disk (keyed by its three columns and the
        # code): reading every date of 30,000 articles again takes seconds
        return engine_of(documents).map_partitions(documents[list(_REQUIRED)],
                                                   *remembered(_table), meta=_meta(documents))
    return _table(documents, published)


def _table(documents: object, published: object = None) -> pd.DataFrame:
    """The dates table of a frame in memory (one partition) or of an iterable of texts."""
    # Column by column, numbers in typed arrays (8 bytes a value, not a Python int): a
    # million mentions (300,000 articles) as tuples of Python objects held about 400 MB
    # before the frame was made from them.
    doc_ids: list = []
    starts, ends = array("q"), array("q")
    texts: list[str] = []
    values: list = []
    granularities: list[str] = []
    relatives = bytearray()
    flags: list = []
    calendars: list[str] = []
    for doc_id, text, day in _documents(documents, published):
        if not isinstance(text, str):
            raise ValueError(f"document {doc_id!r}: text must be a str, got "
                             f"{type(text).__name__}; drop or fill missing texts first")
        try:
            mentions = extract_dates(text, day)
        except (TypeError, ValueError, OverflowError) as err:
            raise ValueError(f"document {doc_id!r}: {err}") from err
        for m in mentions:
            doc_ids.append(doc_id)
            starts.append(m.start)
            ends.append(m.end)
            texts.append(m.text)
            values.append(m.value)
            granularities.append(m.granularity)
            relatives.append(m.relative)
            flags.append(m.flag)
            calendars.append(m.calendar)
    frame = pd.DataFrame({
        "doc_id": _objects(doc_ids),
        "start": _numbers(starts, "int64"),
        "end": _numbers(ends, "int64"),
        "text": _objects(texts),
        "value": pd.to_datetime(pd.Series(values, dtype=object)).astype("datetime64[s]"),
        "granularity": _objects(granularities),
        "relative": _numbers(relatives, "bool"),
        "flag": _objects(flags),
        "calendar": _objects(calendars),
    }, columns=list(COLUMNS))
    return frame


def _objects(values: list) -> pd.Series:
    """A column inferred from its values as pandas infers it from rows (strings: ``str``);
    ``object`` when there is none, as in a frame made from no rows."""
    return pd.Series(values, dtype=None if values else object)


def _numbers(values, dtype: str) -> np.ndarray:
    """A typed array's or bytearray's values as a (writable) numpy array."""
    return np.frombuffer(values, dtype=dtype).copy() if len(values) else np.empty(0, dtype)


def _meta(documents) -> pd.DataFrame:
    """The empty table with the dtypes of the partitions' tables: ``doc_id`` as the corpus
    holds it, so that joins on it see one dtype; strings as pandas' "str"; ``flag`` as made
    (objects where no mention of a partition is flagged)."""
    empty = pd.DataFrame({"doc_id": pd.Series(dtype=str), "text": pd.Series(dtype=str),
                          "published": pd.Series(dtype="datetime64[us, UTC]")})
    return _table(empty).astype({"doc_id": documents["doc_id"].dtype, "text": "str",
                                 "granularity": "str", "calendar": "str"})
