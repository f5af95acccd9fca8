"""Texts too short to be articles.

A result can only be trusted when the reader knows which documents it rests on (what the
loader left out is ``an.skipped_summary``'s). A text of a few words (a headline without a
body, a caption, a scraping remnant) is kept by the loader but is not an article: in a
similarity or a topic model it behaves like noise, and can come out as an article's
"closest neighbour" with a share of 1.00 on one topic.
"""

from __future__ import annotations

import pandas as pd

from arabic_news.engines import engine_of
from arabic_news.text.remembered import remembered

#: Texts of at most this many words are "very short" by default (a headline, a caption).
SHORT_TEXT_WORDS = 5


def word_counts(texts) -> pd.Series:
    """The number of whitespace-separated words of each text (``str.split``: runs of
    Unicode whitespace, as the regular expression ``\\S+`` finds them, but without its
    match objects: three times faster, and every corpus step that drops short texts
    counts the words of every article)."""
    return pd.Series([len(text.split()) for text in texts],
                     index=getattr(texts, "index", None), dtype="int64")


def _word_count_frame(texts) -> pd.DataFrame:
    return pd.DataFrame({"words": word_counts(texts).to_numpy()})


def _words(texts: pd.Series) -> pd.Series:
    """:func:`word_counts` of one partition's texts, kept on disk for a large one (each
    lesson leaves out the same short texts: :mod:`arabic_news.text.remembered`)."""
    step, = remembered(_word_count_frame)
    return pd.Series(step(texts)["words"].to_numpy(), index=texts.index, dtype="int64")


def _check_words(max_words: int) -> None:
    if isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 0:
        raise ValueError(f"max_words must be a whole number >= 0, got {max_words!r}")


def _described(corpus) -> list[str]:
    return [column for column in ("doc_id", "title", "source") if column in corpus.columns]


def _short_rows(frame: pd.DataFrame, max_words: int, columns: list[str]) -> pd.DataFrame:
    words = _words(frame["text"])
    short = words <= max_words
    return frame.loc[short, columns + ["text"]].assign(words=words[short])[
        columns + ["words", "text"]]


def _long_rows(frame: pd.DataFrame, max_words: int) -> pd.DataFrame:
    return frame[_words(frame["text"]) > max_words]


def _short_count(frame: pd.DataFrame, max_words: int) -> pd.DataFrame:
    short = int((_words(frame["text"]) <= max_words).sum())
    return pd.DataFrame({"key": [0], "short": [short]}, dtype="int64")


def short_texts(corpus: pd.DataFrame, max_words: int = SHORT_TEXT_WORDS) -> pd.DataFrame:
    """The texts of at most ``max_words`` words: ``doc_id``, ``title`` and ``source`` (where
    the corpus has them), ``words`` and ``text``, shortest first (then in corpus order)."""
    _check_words(max_words)
    engine = engine_of(corpus)
    short = engine.collect(engine.map_partitions(corpus, _short_rows, max_words,
                                                 _described(corpus)))
    return short.sort_values("words", kind="stable").reset_index(drop=True)


def without_short_texts(corpus: pd.DataFrame, max_words: int = SHORT_TEXT_WORDS
                        ) -> pd.DataFrame:
    """``corpus`` without its texts of at most ``max_words`` words (``max_words=0`` keeps
    everything but empty texts); ``.attrs["short_texts_left_out"]`` says how many were
    left out. The rows kept keep their index and order. On a Dask corpus the result is
    lazy and its ``attrs`` an attribute of the returned collection."""
    _check_words(max_words)
    engine = engine_of(corpus)
    kept = engine.map_partitions(corpus, _long_rows, max_words)
    counted = engine.collect(engine.sum_by(corpus, _short_count, max_words, keys=["key"],
                                           few_keys=True))
    kept.attrs = {**(engine.attrs(corpus) or {}), **getattr(corpus, "attrs", {}),
                  "short_texts_left_out": int(counted["short"].sum()),
                  "short_text_words": max_words}
    return kept


def short_texts_note(corpus: pd.DataFrame) -> str:
    """One line saying how many very short texts :func:`without_short_texts` left out."""
    attrs = getattr(corpus, "attrs", {})
    left_out = attrs.get("short_texts_left_out")
    if left_out is None:
        return "Very short texts are kept."
    limit = attrs.get("short_text_words", SHORT_TEXT_WORDS)
    if not left_out:
        return f"No text has {limit} words or fewer: every article is kept."
    return (f"{left_out:,} text{'s' if left_out != 1 else ''} of {limit} words or fewer "
            f"left out (headlines, captions, remnants: not articles); "
            f"{len(corpus):,} articles kept.")
