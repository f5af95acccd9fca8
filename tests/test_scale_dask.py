"""The Dask engine gives exactly the in-memory results, on a generated corpus.

The corpus is made from the seeds' sentences, shuffled into 240 articles with sources and
publication dates over two years (and a few undated), written as JSON Lines, converted to
Parquet shards of 50 rows, and read back with ``load_corpus(path, engine="dask")``. Dask
runs on its synchronous scheduler here (fast, deterministic); one test starts a real
LocalCluster through arabic_news.scale.
"""

import sys
from pathlib import Path

import pandas as pd
import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")

import arabic_news as an  # noqa: E402
from arabic_news import analysis  # noqa: E402
from arabic_news.corpus.shards import write_shards  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from generated_corpus import write_generated_corpus  # noqa: E402


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory):
    return write_generated_corpus(tmp_path_factory.mktemp("gen") / "news.jsonl")


@pytest.fixture(scope="module")
def frames(corpus_file, tmp_path_factory):
    shards = tmp_path_factory.mktemp("shards") / "news"
    report = write_shards(corpus_file, shards, rows_per_shard=50)
    assert len(report.shards) == 5 and report.rows == 240
    with dask.config.set(scheduler="synchronous"):
        yield an.load_corpus(corpus_file), an.load_corpus(shards, engine="dask")


@pytest.fixture(autouse=True)
def synchronous():
    with dask.config.set(scheduler="synchronous"):
        yield


def test_dask_frame_has_the_pandas_columns_and_rows(frames):
    pandas_corpus, dask_corpus = frames
    assert isinstance(dask_corpus, dd.DataFrame)
    assert dask_corpus.npartitions == 5
    assert list(dask_corpus.columns) == list(pandas_corpus.columns)
    pd.testing.assert_frame_equal(dask_corpus.compute().reset_index(drop=True), pandas_corpus)


def test_counts_ngrams_and_document_frequencies_are_equal(frames):
    pandas_corpus, dask_corpus = frames
    analyzer = an.ArabicAnalyzer()
    on_pandas = analysis.ngram_counts(pandas_corpus["text"], analyzer.tokens, sizes=(1, 2, 3))
    on_dask = analysis.ngram_counts(dask_corpus["text"], analyzer.tokens, sizes=(1, 2, 3))
    assert on_dask == on_pandas and sum(on_pandas[2].values()) > 500
    assert analysis.term_counts(dask_corpus["text"], analyzer) == analysis.term_counts(
        pandas_corpus["text"], analyzer)
    frequencies = analysis.document_frequencies(dask_corpus["text"], analyzer)
    assert frequencies == analysis.document_frequencies(pandas_corpus["text"], analyzer)
    assert max(frequencies.values()) < len(pandas_corpus) < max(on_pandas[1].values()) * 10


@pytest.mark.parametrize("n", [1, 7, 25])
def test_top_terms_and_ngrams_are_equal_ties_included(frames, n):
    pandas_corpus, dask_corpus = frames
    analyzer = an.ArabicAnalyzer()
    pd.testing.assert_frame_equal(analysis.top_terms(dask_corpus["text"], analyzer, n=n),
                                  analysis.top_terms(pandas_corpus["text"], analyzer, n=n))
    for size in (1, 2):
        expected = analysis.ranked_terms(
            analysis.ngram_counts(pandas_corpus["text"], analyzer.tokens, (size,))[size], n)
        pd.testing.assert_frame_equal(
            analysis.top_ngrams(dask_corpus["text"], analyzer.tokens, size=size, n=n), expected)
        pd.testing.assert_frame_equal(
            analysis.top_ngrams(pandas_corpus["text"], analyzer.tokens, size=size, n=n), expected)


def test_time_analyses_are_equal(frames):
    pandas_corpus, dask_corpus = frames
    analyzer = an.ArabicAnalyzer()
    terms = analyzer.tokens("روسيا حلب مجلس")
    for frequency in (None, "MS", "W"):
        pd.testing.assert_frame_equal(
            analysis.term_share_over_time(dask_corpus, terms, analyzer, frequency=frequency),
            analysis.term_share_over_time(pandas_corpus, terms, analyzer, frequency=frequency))
        pd.testing.assert_frame_equal(
            analysis.articles_per_period(dask_corpus, frequency=frequency),
            analysis.articles_per_period(pandas_corpus, frequency=frequency))
    start, end = analysis.core_date_range(dask_corpus["published"], min_articles=10)
    assert (start, end) == analysis.core_date_range(pandas_corpus["published"], min_articles=10)
    pd.testing.assert_frame_equal(
        analysis.term_share_over_time(dask_corpus, terms, analyzer, start=start, end=end),
        analysis.term_share_over_time(pandas_corpus, terms, analyzer, start=start, end=end))
    pd.testing.assert_frame_equal(analysis.corpus_overview(dask_corpus),
                                  analysis.corpus_overview(pandas_corpus))


def test_date_mentions_and_events_are_equal(frames):
    pandas_corpus, dask_corpus = frames
    expected = an.dates_table(pandas_corpus)
    lazy = an.dates_table(dask_corpus)
    assert isinstance(lazy, dd.DataFrame) and len(expected) > 100
    pd.testing.assert_frame_equal(lazy.compute().reset_index(drop=True), expected)
    for granularities in (("day",), ("day", "week", "month", "year")):
        pd.testing.assert_frame_equal(
            analysis.event_points(lazy, max_events=8, granularities=granularities),
            analysis.event_points(expected, max_events=8, granularities=granularities))


def test_lesson_4_summaries_of_mentions_are_equal(frames):
    from arabic_news.exercises.core import evaluate

    pandas_corpus, dask_corpus = frames
    expected, lazy = an.dates_table(pandas_corpus), an.dates_table(dask_corpus)
    pd.testing.assert_frame_equal(analysis.dated_articles(dask_corpus),
                                  analysis.dated_articles(pandas_corpus))
    pd.testing.assert_frame_equal(analysis.mention_counts(lazy),
                                  analysis.mention_counts(expected))
    days = analysis.days_before_publication(expected, pandas_corpus)
    assert len(days) > 50
    pd.testing.assert_series_equal(analysis.days_before_publication(lazy, dask_corpus), days)
    day = expected[expected["value"].notna() & (expected["granularity"] == "day")]
    top = day["value"].value_counts()
    assert top.max() > top.min()
    for mentions, corpus in ((expected, pandas_corpus), (lazy, dask_corpus)):
        verdicts = [evaluate(exercise, answer, corpus=corpus, mentions=mentions).status
                    for exercise, answer in (("4.1", len(day)), ("4.1", len(day) - 1),
                                             ("4.2", f"{top.idxmax():%Y-%m-%d}"),
                                             ("4.2", f"{top.idxmin():%Y-%m-%d}"))]
        assert verdicts == ["right", "wrong", "right", "wrong"]


def test_top_terms_by_document_is_equal(frames):
    pandas_corpus, dask_corpus = frames
    analyzer = an.ArabicAnalyzer()
    pd.testing.assert_frame_equal(
        analysis.top_terms_by_document(dask_corpus, analyzer, n=3),
        analysis.top_terms_by_document(pandas_corpus, analyzer, n=3))


def test_engine_option_is_checked():
    with pytest.raises(ValueError, match="engine='spark' is not allowed"):
        an.load_corpus(engine="spark")


def test_a_real_local_cluster_gives_the_same_counts(frames):
    """One LocalCluster of two worker processes (the only test that starts processes)."""
    from arabic_news import scale

    pandas_corpus, dask_corpus = frames
    analyzer = an.ArabicAnalyzer()
    with dask.config.set(scheduler=None), scale.client(n_workers=2, memory_limit="1GB",
                                                       dashboard=False) as client:
        assert "2 workers, 2 threads, memory limit per worker 1.0 GB" in scale.describe(client)
        on_cluster = analysis.ngram_counts(dask_corpus["text"], analyzer.tokens, sizes=(2,))
    assert on_cluster == analysis.ngram_counts(pandas_corpus["text"], analyzer.tokens, (2,))


def test_client_options_are_checked():
    from arabic_news import scale

    with pytest.raises(ValueError, match="n_workers=0"):
        scale.client(n_workers=0)
    with pytest.raises(ValueError, match="scheduler address"):
        scale.client(address=" ")


def test_start_engine_needs_nothing_for_pandas_and_checks_its_options():
    from arabic_news import scale

    assert scale.start_engine("pandas") is None
    with pytest.raises(ValueError, match="engine='spark' is not allowed"):
        scale.start_engine("spark")
    with pytest.raises(ValueError, match="scheduler_address=.* is for engine='dask'"):
        scale.start_engine("pandas", "tcp://10.0.0.5:8786")


def test_start_engine_starts_a_local_cluster_for_dask():
    from arabic_news import scale

    with scale.start_engine("dask", n_workers=1, dashboard=False) as client:
        assert len(client.scheduler_info()["workers"]) == 1
        assert client.submit(sum, [1, 2]).result() == 3


def test_keep_persists_a_dask_table_and_returns_pandas_as_it_is(frames):
    from arabic_news import scale

    pandas_corpus, dask_corpus = frames
    table = pd.DataFrame({"a": [1]})
    assert scale.keep(table) is table
    kept = scale.keep(an.dates_table(dask_corpus))
    assert isinstance(kept, dd.DataFrame)
    pd.testing.assert_frame_equal(kept.compute().reset_index(drop=True),
                                  an.dates_table(pandas_corpus))
