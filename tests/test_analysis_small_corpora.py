"""Analyses on corpora too small or too odd for them (issue 9, cases 16-17): a specific,
documented NotApplicable the lessons catch, never a crash deep inside pandas or sklearn."""

import pandas as pd
import pytest

import arabic_news as an
from arabic_news import analysis


def frame(texts, dates=None, titles=None):
    n = len(texts)
    return pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(n)],
        "title": titles or [f"t{i}" for i in range(n)],
        "source": ["s"] * n,
        "published": pd.to_datetime(dates or [None] * n, utc=True),
        "text": texts,
    })


def test_not_applicable_is_public_beside_corpus_error():
    """One class, caught as ``an.NotApplicable`` or ``analysis.NotApplicable`` alike."""
    from arabic_news import errors, exercises

    assert an.NotApplicable is analysis.NotApplicable is exercises.NotApplicable
    assert an.NotApplicable is errors.NotApplicable and "NotApplicable" in an.__all__
    assert issubclass(an.NotApplicable, ValueError)
    assert not issubclass(an.NotApplicable, an.CorpusError)  # not a fault of the input files
    with pytest.raises(an.NotApplicable, match="no article of this corpus has a publication"):
        analysis.choose_frequency(frame(["حلب"])["published"])


def test_timelines_without_dates_are_not_applicable():
    corpus = frame(["حلب", "دمشق"])
    for call in (
        lambda: analysis.core_date_range(corpus["published"]),
        lambda: analysis.articles_per_period(corpus),
        lambda: analysis.articles_per_period(corpus, frequency="D"),
        lambda: analysis.term_share_over_time(corpus, ["حلب"], an.ArabicAnalyzer(), "D"),
    ):
        with pytest.raises(analysis.NotApplicable, match="no article of this corpus has a"):
            call()


def test_timeline_window_without_articles_is_not_applicable():
    corpus = frame(["حلب"], dates=["2016-11-18"])
    with pytest.raises(analysis.NotApplicable, match="no article was published between"):
        analysis.articles_per_period(corpus, start=pd.Timestamp("2020-01-01", tz="UTC"),
                                     end=pd.Timestamp("2020-02-01", tz="UTC"))


def test_tfidf_on_stop_words_only_is_not_applicable():
    with pytest.raises(analysis.NotApplicable, match="no term is left"):
        analysis.tfidf_matrix(["في من على", "هذا هو"], an.ArabicAnalyzer())


def test_settings_comparison_needs_three_documents():
    message = "at least three documents, this corpus gives 2"
    with pytest.raises(analysis.NotApplicable, match=message):
        analysis.tfidf_settings_effects(["حلب", "دمشق"], {"w": an.ArabicAnalyzer()}, {"raw": {}})


def test_a_setting_that_prunes_every_term_gives_an_empty_row():
    table = analysis.tfidf_settings_effects(
        ["حلب", "دمشق", "بيروت"], {"words": an.ArabicAnalyzer()},
        {"raw counts": {}, "min_df=2": {"min_df": 2}},
    )
    assert table.loc[("words", "min_df=2"), "vocabulary"] == 0
    assert pd.isna(table.loc[("words", "min_df=2"), "mean similarity"])
    assert table.loc[("words", "raw counts"), "vocabulary"] == 3


def test_not_applicable_is_a_value_error():
    assert issubclass(analysis.NotApplicable, ValueError)


def test_document_labels_are_unique_and_keyed_on_doc_id():
    docs = frame(["a", "b", "c", "d"], titles=["خبر", "خبر", "آخر", ""])
    labels = analysis.document_labels(docs)
    assert labels.to_dict() == {"d0": "خبر (d0)", "d1": "خبر (d1)", "d2": "آخر", "d3": "(d3)"}
    assert labels.is_unique and labels.index.name == "doc_id"


def test_pivot_keyed_on_doc_id_survives_shared_headlines():
    docs = frame(["حلب حلب دمشق", "حلب بيروت"], titles=["نفس العنوان", "نفس العنوان"])
    table = analysis.top_terms_by_document(docs, an.ArabicAnalyzer(), n=2)
    pivot = table.pivot(index="rank", columns="doc_id", values="term")
    pivot = pivot.rename(columns=analysis.document_labels(docs))
    assert list(pivot.columns) == ["نفس العنوان (d0)", "نفس العنوان (d1)"]
    assert pivot.loc[1].tolist() == ["حلب", "بيروت"]


def test_stemming_examples_without_arabic_keep_their_columns():
    stages = analysis.stage_counts(analysis.written_words(["The council met on Saturday."]))
    table = analysis.stemming_examples(stages["normalised"])
    assert table.empty
    assert list(table.columns) == ["what happens", "word", "count", "article mode",
                                   "proclitic mode"]


def test_merged_spellings_of_no_terms_keep_their_columns():
    table = analysis.merged_spellings(["في من"], [])
    assert table.empty
    assert list(table.columns) == ["term", "count", "spellings", "largest spelling", "written as"]


def test_max_df_below_one_document_gives_an_empty_row():
    table = analysis.tfidf_settings_effects(
        ["حلب دمشق", "دمشق بيروت", "بيروت حلب"], {"words": an.ArabicAnalyzer()},
        {"raw counts": {}, "max_df=0.3": {"max_df": 0.3}},
    )
    assert table.loc[("words", "max_df=0.3"), "vocabulary"] == 0
