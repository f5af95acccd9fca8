"""Counts of a large column of texts are kept on disk, read back by the next question (a
checker, the next lesson), never stale, and never kept for what a key cannot hold."""

from __future__ import annotations

import random

import kept_results
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from kept_results import WORDS, entries, kept_in

import arabic_news as an
from arabic_news import analysis
from arabic_news.analysis import cleaning
from arabic_news.text import analyzer as text_analyzer
from arabic_news.text import remembered


def column(n: int = 600, seed: int = 3) -> pd.Series:
    return kept_results.column(n, seed, (5, 30))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    return kept_in(tmp_path, monkeypatch)


class Untouchable:
    """Stands for the tokeniser and the word splitter: any use fails the test."""

    def __call__(self, *args, **kwargs):
        raise AssertionError("the texts were read again")

    split = __call__


def no_counting(monkeypatch):
    monkeypatch.setattr(text_analyzer, "tokenize", Untouchable())
    monkeypatch.setattr(cleaning, "_ASCII_WHITESPACE", Untouchable())


def test_a_checker_asking_again_reads_the_counts_the_lesson_made(cache, monkeypatch):
    texts, analyzer = column(), an.ArabicAnalyzer()
    counts = analysis.count_table(texts, analyzer.tokens, sizes=(1, 2))
    frequencies = analysis.document_frequency_table(texts, analyzer.tokens)
    words = analysis.written_words(texts)
    assert entries(cache) == 4  # sizes 1 and 2 apart, document frequencies, written words
    with monkeypatch.context() as patched:
        no_counting(patched)
        again = analysis.count_table(texts, an.ArabicAnalyzer().tokens, sizes=(1, 2))
        unigrams = analysis.count_table(texts, analyzer.tokens, sizes=(1,))[1]
        assert analysis.top_ngrams(texts, analyzer.tokens, size=2, n=5).equals(
            counts[2].top(5))
        assert analysis.document_frequency_table(texts, analyzer.tokens).counter() == \
            frequencies.counter()
        assert analysis.written_words(texts) == words
    for size in (1, 2):
        assert again[size].counter() == counts[size].counter()
        assert list(again[size].counter()) == list(counts[size].counter())
    assert unigrams.counter() == counts[1].counter()


def test_counts_follow_the_texts_and_the_analyzer_never_stale(cache):
    texts = column()
    first = analysis.term_counts(texts, an.ArabicAnalyzer())
    changed = texts.copy()
    changed.iloc[-1] = changed.iloc[-1] + " كلمةجديدة"
    assert analysis.term_counts(changed, an.ArabicAnalyzer())["كلمهجديده"] == 1
    kept_stops = analysis.term_counts(texts, an.ArabicAnalyzer(stop_words=None))
    assert kept_stops["في"] > 0 and "في" not in first
    assert analysis.term_counts(texts, an.ArabicAnalyzer()) == first


def test_what_a_key_cannot_hold_and_small_columns_are_never_kept(cache):
    texts = column()

    class Mine(an.ArabicAnalyzer):
        pass

    analysis.term_counts(texts, lambda text: text.split())
    analysis.term_counts(texts, Mine())
    analysis.count_table(texts, Mine().tokens, sizes=(1, 2))
    analysis.term_counts(column(remembered.CACHE_FROM - 1), an.ArabicAnalyzer())
    assert entries(cache) == 0


def test_a_damaged_entry_is_counted_again(cache):
    texts = column()
    first = analysis.term_counts(texts, an.ArabicAnalyzer())
    for part in cache.glob("*.parquet"):
        part.write_bytes(b"not parquet")
    assert analysis.term_counts(texts, an.ArabicAnalyzer()) == first


def test_counts_kept_on_dask_partitions_equal_the_counts_in_memory(cache):
    dd = pytest.importorskip("dask.dataframe")
    texts = column(1200)
    expected = analysis.count_table(texts, an.ArabicAnalyzer().tokens, sizes=(1, 2))
    spread = dd.from_pandas(texts, npartitions=2)
    for _ in range(2):  # counted and kept, then read back
        found = analysis.count_table(spread, an.ArabicAnalyzer().tokens, sizes=(1, 2))
        for size in (1, 2):
            assert found[size].counter() == expected[size].counter()


@given(st.frozensets(st.sampled_from(WORDS), max_size=6))
def test_argument_keys_name_values_not_their_order(terms):
    key = remembered.argument_key(frozenset(terms))
    assert key == remembered.argument_key(frozenset(sorted(terms, reverse=True)))
    assert (key == remembered.argument_key(frozenset(terms | {"زائدة"}))) == ("زائدة" in terms)


def test_analyzer_keys_follow_every_setting():
    keys = {remembered.argument_key(analyzer.tokens) for analyzer in (
        an.ArabicAnalyzer(), an.ArabicAnalyzer(stop_words=None), an.ArabicAnalyzer(stem="article"),
        an.ArabicAnalyzer(normalizer=an.Normalizer(hamza=True)))}
    assert len(keys) == 4 and None not in keys
    assert remembered.argument_key(an.ArabicAnalyzer()) != \
        remembered.argument_key(an.ArabicAnalyzer().tokens)
    assert remembered.argument_key(object()) is None
    assert remembered.argument_key((1, object())) is None


def test_a_corpus_tokenised_once_is_read_back_by_the_next_lesson(cache, monkeypatch):
    """The encoding of :class:`TokenizedCorpus` (collocations and keyness in lessons 5 and
    8) is kept: the next one is read, not tokenised, and answers the same."""
    texts, analyzer = column(), an.ArabicAnalyzer()
    first = analysis.TokenizedCorpus(texts, analyzer.tokens)
    with monkeypatch.context() as patched:
        no_counting(patched)
        again = analysis.TokenizedCorpus(texts, an.ArabicAnalyzer().tokens)
        table = analysis.keyness_between(pd.DataFrame({"text": texts, "source": ["a", "b"] * 300}),
                                         {"source": "a"}, analyzer=analyzer.tokens)
    for name in ("ids", "document", "frequency", "vocabulary"):
        assert (getattr(again, name) == getattr(first, name)).all()
    assert again.n_documents == first.n_documents == len(texts)
    pd.testing.assert_frame_equal(analysis.collocations(again, "الرياض"),
                                  analysis.collocations(first, "الرياض"))
    assert len(table) and table.attrs["documents_a"] == 300
    listed = analysis.TokenizedCorpus(list(texts), analyzer.tokens)  # a list: not kept
    assert (listed.ids == first.ids).all()


def test_forms_of_chosen_keys_over_a_stream_are_read_back(cache, monkeypatch):
    """``display_forms(iter_texts(...), keys=...)`` (lesson 7) is not kept whole; its
    batches are kept apart and read back, with the same forms."""
    texts, analyzer = column(), an.ArabicAnalyzer()
    keys = ["الرياض", "وزاره الخارجيه"]
    first = an.display_forms(iter(texts.tolist()), analyzer, keys=keys)
    assert entries(cache) == 1
    with monkeypatch.context() as patched:
        no_counting(patched)
        patched.setattr("arabic_news.text.display_forms.tokenize", Untouchable())
        again = an.display_forms(iter(texts.tolist()), analyzer, keys=keys)
    assert dict(again.items()) == dict(first.items()) and again["الرياض"] == "الرياض"


def dated_corpus(n: int = 600) -> pd.DataFrame:
    rng = random.Random(5)
    days = ["أمس", "اليوم", "يوم الأحد", "في 12 مارس 2015", "في 3 رمضان 1436 هـ", ""]
    frame = pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(n)],
        "text": [f"{' '.join(rng.choice(WORDS) for _ in range(8))} {rng.choice(days)}"
                 for _ in range(n)],
        "published": pd.to_datetime([f"2015-0{1 + i % 9}-1{i % 10}" for i in range(n)]),
    })
    frame.loc[0, "text"] = "أعلنت الوزارة أمس عن زيارة"
    return frame


def test_date_mentions_are_read_back_and_follow_the_published_day(cache, monkeypatch):
    from arabic_news.dates import table

    corpus = dated_corpus()
    first = an.dates_table(corpus)
    assert entries(cache) == 1 and len(first) > 300
    with monkeypatch.context() as patched:
        patched.setattr(table, "extract_dates", Untouchable())
        pd.testing.assert_frame_equal(an.dates_table(corpus), first)
    moved = corpus.copy()
    moved.loc[0, "published"] = pd.Timestamp("2016-06-01")
    again = an.dates_table(moved)  # one article's day changed: its "yesterday" moves too
    assert entries(cache) == 2
    expected = table._table(moved[["doc_id", "text", "published"]])
    pd.testing.assert_frame_equal(again, expected)
    day = {name: found.loc[found["doc_id"] == "d0", "value"].tolist()
           for name, found in (("before", first), ("after", again))}
    assert day == {"before": [pd.Timestamp("2015-01-09")], "after": [pd.Timestamp("2016-05-31")]}


def test_date_mentions_kept_on_dask_partitions_equal_those_in_memory(cache):
    dd = pytest.importorskip("dask.dataframe")
    corpus = dated_corpus(1200)
    expected = an.dates_table(corpus)
    spread = dd.from_pandas(corpus, npartitions=2)
    for _ in range(2):  # extracted and kept, then read back
        found = an.dates_table(spread).compute().reset_index(drop=True)
        pd.testing.assert_frame_equal(found, expected)


def test_the_short_texts_left_out_are_read_back_and_follow_the_texts(cache, monkeypatch):
    from arabic_news.analysis import provenance

    texts = column()
    texts.iloc[:7] = "كلمة واحدة"
    corpus = pd.DataFrame({"doc_id": range(len(texts)), "text": texts})
    first = analysis.without_short_texts(corpus, max_words=4)
    short_after = (column().str.split().str.len() <= 4)[7:].sum()
    assert first.attrs["short_texts_left_out"] == 7 + short_after
    with monkeypatch.context() as patched:
        patched.setattr(provenance, "word_counts", Untouchable())
        again = analysis.without_short_texts(corpus, max_words=4)
        assert analysis.short_texts(corpus, max_words=4)["doc_id"].tolist()[:7] == list(range(7))
    pd.testing.assert_frame_equal(again, first)
    longer = corpus.assign(text=corpus["text"].where(corpus.index > 0, "كلمة " * 9))
    assert len(analysis.without_short_texts(longer, max_words=4)) == len(first) + 1
