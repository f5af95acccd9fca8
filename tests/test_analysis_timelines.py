"""Articles and term shares per period, event points, overview and sampling."""

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_news import analysis


def corpus_with_dates(dates, sources=None, texts=None):
    n = len(dates)
    return pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(n)],
        "title": ["t"] * n,
        "source": sources or ["s"] * n,
        "published": pd.to_datetime(dates, utc=True),
        "text": texts or ["كلمة"] * n,
    })


def test_choose_frequency_picks_the_finest_period_that_fits():
    days = lambda n: pd.Series(pd.date_range("2018-01-01", periods=n, freq="D", tz="UTC"))  # noqa: E731
    assert analysis.choose_frequency(days(30)) == "D"
    assert analysis.choose_frequency(days(200)) == "W"
    assert analysis.choose_frequency(days(800)) == "MS"
    with pytest.raises(analysis.NotApplicable, match="no article of this corpus has a publication"):
        analysis.choose_frequency(pd.Series([pd.NaT], dtype="datetime64[ns, UTC]"))


def test_articles_per_period_counts_by_source_a_week_without_articles_is_missing():
    corpus = corpus_with_dates(
        ["2016-08-01", "2016-08-03", "2016-08-17", None], sources=["A", "B", "A", "A"]
    )
    table = analysis.articles_per_period(corpus, frequency="W")
    assert table.index.tolist() == list(pd.to_datetime(["2016-08-01", "2016-08-08", "2016-08-15"]))
    # no article at all in the week of 8 August: missing, not 0; B is 0 where A published
    assert table["A"].tolist() == [1, pd.NA, 1]
    assert table["B"].tolist() == [1, pd.NA, 0]


def test_articles_per_period_without_sources_gives_one_column():
    corpus = corpus_with_dates(["2016-08-01", "2016-11-18"], sources=[None, None])
    table = analysis.articles_per_period(corpus, frequency="MS")
    assert table.columns.tolist() == ["articles"]
    assert table["articles"].tolist() == [1, pd.NA, pd.NA, 1]
    with pytest.raises(ValueError, match="frequency"):
        analysis.articles_per_period(corpus, frequency="fortnight")


def test_term_share_is_per_ten_thousand_terms_of_the_period():
    corpus = corpus_with_dates(
        ["2016-08-01", "2016-08-02", "2016-09-01"],
        texts=["حلب دمشق", "حلب حلب حلب دمشق", "دمشق"],
    )
    shares = analysis.term_share_over_time(corpus, ["حلب"], str.split, frequency="MS")
    assert shares["حلب"].tolist() == [pytest.approx(10_000 * 4 / 6), 0.0]


def test_event_points_group_mentions_and_keep_the_most_mentioned():
    mentions = pd.DataFrame({
        "doc_id": ["a", "a", "b", "b"],
        "text": ["أمس", "الأحد", "الأحد", "2010"],
        "value": [dt.date(2016, 7, 31)] * 3 + [dt.date(2010, 1, 1)],
        "granularity": ["day", "day", "day", "year"],
    })
    events = analysis.event_points(mentions, max_events=1, relative=True)
    assert events.to_dict("records") == [{
        "date": pd.Timestamp("2016-07-31"), "granularity": "day", "when": "2016-07-31",
        "label": "الأحد",
        "mentions": 3, "articles": 2,
    }]
    assert len(analysis.event_points(mentions, max_events=5, relative=True)) == 2
    # by default «أمس» and «الأحد» only point from the publication day: no event of theirs
    assert analysis.event_points(mentions)["label"].tolist() == ["2010"]


def test_relative_mentions_are_one_point_per_article_and_date():
    mentions = pd.DataFrame({
        "doc_id": ["a", "a", "a", "b", "c", "c"],
        "text": ["أمس", "يوم أمس", "اليوم", "أمس", "17 نوفمبر", "الشهر الماضي"],
        "value": [dt.date(2016, 7, 31)] * 2 + [dt.date(2016, 8, 1), dt.date(2016, 7, 31),
                                               dt.date(2016, 11, 17), dt.date(2016, 10, 1)],
        "granularity": ["day"] * 5 + ["month"],
        "relative": [True] * 6,
    })
    assert analysis.deictic(mentions).tolist() == [True, True, True, True, False, True]
    points = analysis.relative_points(mentions)
    assert points.to_dict("list") == {
        "date": [pd.Timestamp("2016-07-31"), pd.Timestamp("2016-08-01")], "articles": [2, 1]}
    assert analysis.event_points(mentions)["label"].tolist() == ["17 نوفمبر"]
    within = analysis.relative_points(mentions, start=pd.Timestamp("2016-08-01", tz="UTC"))
    assert within["date"].tolist() == [pd.Timestamp("2016-08-01")]


def test_overview_and_sampling():
    corpus = corpus_with_dates(["2016-08-01", None, "2016-11-18"], texts=["a b", "a", "a b c"])
    overview = analysis.corpus_overview(corpus)["value"]
    assert overview["articles"] == 3 and overview["articles with a date"] == 2
    assert overview["first date"] == "2016-08-01" and overview["longest article (words)"] == 3
    assert analysis.sample_articles(corpus, 2, random_state=0)["doc_id"].is_monotonic_increasing
    assert len(analysis.sample_articles(corpus, 2)) == 2


@given(st.integers(1, 40), st.integers(0, 2**31 - 1), st.integers(1, 7))
@settings(max_examples=40, deadline=None)
def test_sample_articles_picks_what_pandas_sample_picks_without_joining_chunks(n, seed, chunks):
    """The rows, index and dtypes of ``corpus.sample(n)`` sorted by doc_id, taken one row
    slice at a time from a text column held in several Arrow chunks (as the loader builds it)."""
    import pyarrow as pa

    rows = 30
    texts = [f"نص {i}" for i in range(rows)]
    bounds = sorted({0, rows, *(i * rows // chunks for i in range(chunks))})
    chunked = pa.chunked_array([texts[a:b] for a, b in zip(bounds, bounds[1:], strict=False)],
                               pa.large_string())
    corpus = pd.DataFrame({
        "doc_id": pd.Series([f"d{(i * 7) % rows:02d}" for i in range(rows)], dtype="str"),
        "text": pd.Series(pd.arrays.ArrowStringArray(chunked)).astype("str"),
        "published": pd.date_range("2016-01-01", periods=rows, tz="UTC"),
    })
    expected = (corpus if n >= rows else corpus.sample(n, random_state=seed)).sort_values("doc_id")
    pd.testing.assert_frame_equal(analysis.sample_articles(corpus, n, random_state=seed),
                                  expected)


class CopyCounter:
    """An ``attrs`` value that counts how often pandas deep-copies it."""

    copies = 0

    def __deepcopy__(self, memo):
        CopyCounter.copies += 1
        return self


def test_sampling_copies_the_corpus_record_once_not_once_per_row():
    """A prepared corpus carries its record (what boilerplate removal and deduplication set
    aside) in ``attrs``; sampling 2,000 of its rows deep-copied it 2,000 times (32 s of lesson
    3 on an 18,000-article corpus). The sample keeps the record, copied a bounded number of
    times whatever the sample's size."""
    corpus = corpus_with_dates(["2016-08-01"] * 300)
    corpus.attrs = {"record": CopyCounter(), "skipped": [1, 2]}
    copies = {}
    for size in (20, 200):
        CopyCounter.copies = 0
        sample = analysis.sample_articles(corpus, size, random_state=0)
        copies[size] = CopyCounter.copies
        assert len(sample) == size and sample["doc_id"].is_monotonic_increasing
    assert copies[200] == copies[20] <= 5
    assert set(sample.attrs) == {"record", "skipped"} and sample.attrs["skipped"] == [1, 2]
    assert corpus.attrs["skipped"] == [1, 2]  # the corpus keeps its own record


def test_documents_for_comparison_splits_small_corpora_and_samples_large_ones():
    sentence = "جملة طويلة بما يكفي لتكون مقطعا من مقاطع المقال في هذا الاختبار. "
    small = corpus_with_dates(["2016-08-01"] * 2, texts=[sentence * 3, sentence * 2])
    passages = analysis.documents_for_comparison(small, 100)
    assert passages["article_id"].tolist() == ["d0"] * 3 + ["d1"] * 2
    large = corpus_with_dates(["2016-08-01"] * 30)
    assert len(analysis.documents_for_comparison(large, 12)) == 12


def test_core_date_range_drops_the_far_tails_of_a_large_corpus():
    dates = ["2012-10-01"] * 2 + ["2018-03-01"] * 300 + ["2018-06-30"] * 300
    corpus = corpus_with_dates(dates)
    first, last = analysis.core_date_range(corpus["published"])
    assert first == pd.Timestamp("2018-03-01", tz="UTC")
    assert last.date() == dt.date(2018, 6, 30)
    table = analysis.articles_per_period(corpus, frequency="MS", start=first, end=last)
    assert table["s"].sum() == 600
    assert table.index[0] == pd.Timestamp("2018-03-01")


def test_core_date_range_keeps_every_date_of_a_small_corpus():
    corpus = corpus_with_dates(["2016-08-01", "2016-11-18"])
    first, last = analysis.core_date_range(corpus["published"])
    assert (first.date(), last.date()) == (dt.date(2016, 8, 1), dt.date(2016, 11, 18))
    with pytest.raises(ValueError, match="share"):
        analysis.core_date_range(corpus["published"], share=0)


def test_event_points_can_keep_only_some_granularities():
    mentions = pd.DataFrame({
        "doc_id": ["a", "b"], "text": ["أمس", "عام 2010"],
        "value": [dt.date(2016, 7, 31), dt.date(2010, 1, 1)], "granularity": ["day", "year"],
    })
    assert analysis.event_points(mentions, granularities=("day",), relative=True)[
        "label"].tolist() == ["أمس"]
    with pytest.raises(ValueError, match="granularities"):
        analysis.event_points(mentions, granularities=("decade",))


def test_dated_articles_keeps_the_dated_rows_and_small_columns_only():
    corpus = corpus_with_dates(["2016-08-01", None, "2016-11-18"])
    dated = analysis.dated_articles(corpus)
    assert dated.columns.tolist() == ["doc_id", "published"]
    assert dated["doc_id"].tolist() == ["d0", "d2"]
    assert dated.index.tolist() == [0, 1]
    with pytest.raises(ValueError, match="published"):
        analysis.dated_articles(corpus, columns=["doc_id"])


def mentions_table():
    return pd.DataFrame({
        "doc_id": ["a", "a", "b", "b", "b", "c"],
        "value": pd.to_datetime(["2016-07-31", "2016-07-25", None, "2016-08-01", "2016-11-01",
                                 "2016-08-03"]).astype("datetime64[s]"),
        "granularity": ["day", "week", "day", "day", "month", "day"],
        "relative": [True, True, True, False, False, True],
    })


def test_mention_counts_per_granularity_most_first_ties_in_calendar_order():
    counts = analysis.mention_counts(mentions_table())
    assert counts.index.tolist() == ["day", "week", "month"]  # week and month tie at 1
    assert counts.loc["day"].tolist() == [4, 3, 3]  # mentions, relative, resolved
    assert counts.sum().tolist() == [6, 4, 5]
    assert analysis.mention_counts(mentions_table().iloc[:0]).empty


def test_days_before_publication_joins_each_day_mention_to_its_article():
    corpus = corpus_with_dates(["2016-08-01 23:00", "2016-08-01 00:00", None])
    corpus["doc_id"] = ["a", "b", "c"]
    days = analysis.days_before_publication(mentions_table(), corpus)
    # a: 2016-07-31 is 1 day before; b: 2016-08-01 is 0 days; c is undated: left out
    assert days.tolist() == [0, 1] and days.name == "days_before"
