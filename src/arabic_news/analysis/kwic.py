"""Keyword in context: every occurrence of a term, with the words around it as written."""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from arabic_news.engines import engine_of
from arabic_news.text.normalize import Normalizer, normalize

# A written word: letters and digits of any script, with Arabic marks and tatweel inside it.
_WORD = re.compile(r"[\w\u0640\u064B-\u065F\u0670]+")


def keyword_in_context(
    corpus: pd.DataFrame,
    term: str,
    normalizer: Callable[[str], str],
    *,
    window: int = 6,
    limit: int | None = 20,
    match: Callable[[str], str] | None = None,
) -> pd.DataFrame:
    """Occurrences of ``term`` with ``window`` words of context on each side.

    A word matches when ``normalizer(word)`` equals ``normalizer(term)``, so «فى» finds «في»
    and «الأمن» finds «الامن». Give ``match`` (for example a light stemmer applied after the
    normaliser) to match inflected forms as well. Context is shown as written in the article.
    Columns: doc_id, before, keyword, after: the words before and after the keyword in
    reading order (for Arabic, *before* is to the right of the keyword on screen, which is why
    the columns are not called left and right; show the table with ``kwic_table``).
    ``corpus`` may be a Dask frame: its partitions are searched in order, each by its task,
    until ``limit`` rows are found; only the matches are brought back.
    """
    if window < 0:
        raise ValueError(f"window must be zero or positive, got {window}")
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be a positive integer or None, got {limit}")
    key = match or str
    wanted = key(normalizer(term))
    if not wanted:
        raise ValueError(f"term {term!r} is empty after normalisation; give a word")
    engine = engine_of(corpus)
    columns = corpus[["doc_id", "text"]]
    meta = pd.DataFrame({"doc_id": pd.Series(dtype=corpus["doc_id"].dtype),
                         **{name: pd.Series(dtype=str) for name in ("before", "keyword", "after")}})
    rows: list[dict] = []
    for number in range(engine.partitions(columns)):  # in order, until limit rows are found
        remaining = None if limit is None else limit - len(rows)
        found = engine.map_partitions(engine.partition(columns, number), _matches, wanted,
                                      normalizer, key, window, remaining, meta=meta)
        rows.extend(engine.collect(found).to_dict("records"))
        if limit is not None and len(rows) >= limit:
            break
    return _table(rows, limit)


def _matches(corpus: pd.DataFrame, wanted: str, normalizer, key, window: int,
             limit: int | None) -> pd.DataFrame:
    """The occurrences in one partition (columns doc_id, text), at most ``limit``."""
    # The package's normaliser maps characters one by one, so a document in which a word
    # matches contains the term in its normalised text: skip the others without splitting.
    charwise = key is str and (normalizer is normalize or isinstance(normalizer, Normalizer))
    rows = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"], strict=True):
        if charwise and wanted not in normalizer(text):
            continue
        words = _WORD.findall(text)
        for position, word in enumerate(words):
            if key(normalizer(word)) != wanted:
                continue
            rows.append({
                "doc_id": doc_id,
                "before": " ".join(words[max(0, position - window):position]),
                "keyword": word,
                "after": " ".join(words[position + 1:position + 1 + window]),
            })
            if limit is not None and len(rows) >= limit:
                return _table(rows, limit)
    return _table(rows, limit)


def _table(rows: list[dict], limit: int | None) -> pd.DataFrame:
    if limit is not None and len(rows) >= limit:
        return pd.DataFrame(rows[:limit])
    return pd.DataFrame(rows, columns=["doc_id", "before", "keyword", "after"])
