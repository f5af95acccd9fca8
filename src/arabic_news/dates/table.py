"""``dates_table``: date mentions of a whole corpus as one tidy DataFrame."""

from collections.abc import Iterable

import pandas as pd

from .extract import extract_dates

COLUMNS = ("doc_id", "start", "end", "text", "value", "granularity", "relative", "flag",
           "calendar")
_REQUIRED = ("doc_id", "text", "published")


def _documents(documents: object, published: object) -> Iterable[tuple[object, str, object]]:
    """(doc_id, text, published) triples from a corpus frame or an iterable of texts."""
    if isinstance(documents, pd.DataFrame):
        missing = [c for c in _REQUIRED if c not in documents.columns]
        if missing:
            raise ValueError(
                f"dates_table needs columns {list(_REQUIRED)}; missing {missing}. "
                "Pass the frame returned by arabic_news.load_corpus, or a list of texts."
            )
        if published is not None:
            raise ValueError("published is taken from the frame's 'published' column; "
                             "do not pass it as well")
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

    A Dask corpus (``load_corpus(path, engine="dask")``) gives a lazy dask DataFrame, one
    partition of mentions per partition of articles (the extractor runs unchanged on each):
    ``.compute()`` returns this table; ``analysis.event_points`` aggregates it in the engine.
    """
    if type(documents).__module__.split(".", 1)[0] == "dask":
        return _dask_table(documents, published)
    rows = []
    for doc_id, text, day in _documents(documents, published):
        if not isinstance(text, str):
            raise ValueError(f"document {doc_id!r}: text must be a str, got "
                             f"{type(text).__name__}; drop or fill missing texts first")
        try:
            mentions = extract_dates(text, day)
        except (TypeError, ValueError, OverflowError) as err:
            raise ValueError(f"document {doc_id!r}: {err}") from err
        rows.extend(
            (doc_id, m.start, m.end, m.text, m.value, m.granularity, m.relative, m.flag,
             m.calendar)
            for m in mentions
        )
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["value"] = pd.to_datetime(frame["value"]).astype("datetime64[s]")
    frame = frame.astype({"start": "int64", "end": "int64", "relative": "bool"})
    return frame


def _dask_table(documents, published):
    if published is not None:
        raise ValueError("published is taken from the frame's 'published' column; "
                         "do not pass it as well")
    missing = [c for c in _REQUIRED if c not in documents.columns]
    if missing:
        raise ValueError(f"dates_table needs columns {list(_REQUIRED)}; missing {missing}")
    empty = pd.DataFrame({"doc_id": pd.Series(dtype=str), "text": pd.Series(dtype=str),
                          "published": pd.Series(dtype="datetime64[us, UTC]")})
    return documents[list(_REQUIRED)].map_partitions(dates_table, meta=dates_table(empty))
