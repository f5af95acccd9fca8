"""Whole results of a large corpus (keyness between two parts, topic stability) are kept on
disk and read back as they were computed; never for other texts, other sides, other settings
or other library versions, and never for what a key cannot hold."""

from __future__ import annotations

import importlib

import kept_results
import numpy as np
import pandas as pd
import pytest
from kept_results import entries

import arabic_news as an
from arabic_news import analysis
from arabic_news.text import kept_tables

keyness_module = importlib.import_module("arabic_news.analysis.keyness")  # not the function
topics_module = importlib.import_module("arabic_news.analysis.topics")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / kept_tables.KIND


def corpus(n: int = 700, seed: int = 5) -> pd.DataFrame:
    texts = kept_results.column(n, seed, (4, 30))
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "text": texts,
                         "source": ["one" if i % 3 else "two" for i in range(n)]})


def refuse(*args, **kwargs):
    raise AssertionError("computed again: the kept table was not read")


def assert_same(found: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(found, expected, check_exact=True)
    assert found.attrs == expected.attrs
    assert [type(value) for value in found.attrs.values()] == [
        type(value) for value in expected.attrs.values()]


def test_keyness_between_is_read_back_as_computed(cache, monkeypatch):
    frame = corpus()
    first = analysis.keyness_between(frame, {"source": "two"})
    assert entries(cache) == 1
    monkeypatch.setattr(keyness_module, "_keyness_table", refuse)
    assert_same(analysis.keyness_between(frame, {"source": "two"}), first)
    tokenized = analysis.TokenizedCorpus(frame["text"], an.ArabicAnalyzer().tokens)
    assert_same(analysis.keyness_between(frame, {"source": "two"}, tokenized=tokenized), first)


def test_keyness_between_is_never_served_for_other_texts_sides_or_settings(cache, monkeypatch):
    frame = corpus()
    analysis.keyness_between(frame, {"source": "two"})
    monkeypatch.setattr(keyness_module, "_keyness_table", refuse)
    changed = frame.copy()
    changed.loc[3, "text"] = changed.loc[3, "text"] + " النفط"
    swapped = frame.assign(source=frame["source"].where(frame.index != 1, "two"))
    for call in (lambda: analysis.keyness_between(changed, {"source": "two"}),
                 lambda: analysis.keyness_between(swapped, {"source": "two"}),
                 lambda: analysis.keyness_between(frame, {"source": "one"}),
                 lambda: analysis.keyness_between(frame, {"source": "two"}, alpha=0.01),
                 lambda: analysis.keyness_between(frame, {"source": "two"}, min_freq=2),
                 lambda: analysis.keyness_between(
                     frame, {"source": "two"}, analyzer=an.ArabicAnalyzer(stem="article"))):
        with pytest.raises(AssertionError, match="computed again"):
            call()


def test_keyness_between_of_tokens_without_a_key_is_computed_each_time(cache):
    frame = corpus()
    kept = analysis.keyness_between(frame, {"source": "two"})
    tokenized = analysis.TokenizedCorpus(frame["text"], an.ArabicAnalyzer().tokens)
    unkept = analysis.TokenizedCorpus.from_ids(tokenized.ids, tokenized.document,
                                               tokenized.vocabulary)
    before = entries(cache)
    assert_same(analysis.keyness_between(frame, {"source": "two"}, tokenized=unkept), kept)
    small = corpus(60)  # too few texts to keep
    analysis.keyness_between(small, {"source": "two"}, units="articles")
    assert entries(cache) == before


def test_topic_stability_is_read_back_and_keyed_by_its_texts_and_settings(cache, monkeypatch):
    texts = corpus(600)["text"]
    analyzer = an.ArabicAnalyzer()
    options = {"max_iter": 50, "max_df": 1.0}
    first = analysis.topic_stability(texts, analyzer, (2, 3), (0, 1), **options)
    assert entries(cache) == 1
    monkeypatch.setattr(topics_module, "_stability", refuse)
    assert_same(analysis.topic_stability(texts, analyzer, (2, 3), (0, 1), **options), first)
    assert_same(analysis.topic_stability(list(texts), analyzer, (2, 3), (0, 1), **options),
                first)  # the same texts as a list: read back too
    for other in ((texts.iloc[1:], analyzer, (2, 3), (0, 1)),
                  (texts, analyzer, (2, 4), (0, 1)), (texts, analyzer, (2, 3), (0, 2)),
                  (texts, an.ArabicAnalyzer(stem="article"), (2, 3), (0, 1)),
                  (texts, lambda text: text.split(), (2, 3), (0, 1))):
        with pytest.raises(AssertionError, match="computed again"):
            analysis.topic_stability(*other, **options)


def test_a_new_version_of_a_library_computes_again(cache, monkeypatch):
    texts = corpus(600)["text"]
    analysis.topic_stability(texts, an.ArabicAnalyzer(), (2,), (0, 1), max_iter=20, max_df=1.0)
    monkeypatch.setattr(topics_module, "_stability", refuse)
    monkeypatch.setattr(kept_tables, "library_versions",
                        lambda: (("scikit-learn", "99.0"),))
    with pytest.raises(AssertionError, match="computed again"):
        analysis.topic_stability(texts, an.ArabicAnalyzer(), (2,), (0, 1), max_iter=20, max_df=1.0)


@pytest.mark.parametrize("table", [
    pd.DataFrame({"a": [1, 2]}, index=["x", "y"]),  # labels Parquet would drop
    pd.DataFrame({"a": [1, 2]}).iloc[::-1],  # a reversed range
])
def test_a_table_parquet_cannot_give_back_is_not_kept(cache, table):
    calls = []

    def compute():
        calls.append(1)
        return table

    for _ in range(2):
        assert kept_tables.kept_table("content", ("t",), compute) is table
    assert calls == [1, 1] and entries(cache) == 0


def test_attrs_json_cannot_give_back_are_not_kept(cache):
    table = pd.DataFrame({"a": [1.5, 2.5]})
    table.attrs = {"pair": (1, 2)}  # a tuple comes back a list
    assert kept_tables.kept_table("content", ("t",), lambda: table) is table
    assert entries(cache) == 0
    table.attrs = {"pair": [1, 2], "label": "ب"}
    kept_tables.kept_table("content", ("t",), lambda: table)
    assert_same(kept_tables.kept_table("content", ("t",), refuse), table)


def assert_same_model(found, expected, texts) -> None:
    for field in ("document_topics", "topic_terms", "terms"):
        np.testing.assert_array_equal(getattr(found, field), getattr(expected, field))
    new = texts.iloc[:40].tolist()  # the fitted estimators answer as the fresh ones do
    matrix = expected.vectorizer.transform(new)
    assert (found.vectorizer.transform(new) != matrix).nnz == 0
    np.testing.assert_array_equal(found.nmf.transform(matrix), expected.nmf.transform(matrix))


def test_a_topic_model_is_read_back_with_its_fitted_estimators(cache, monkeypatch):
    texts = corpus(600)["text"]
    options = {"min_df": 1, "max_df": 1.0, "max_iter": 50}
    first = analysis.fit_topics(texts, an.ArabicAnalyzer(), 3, **options)
    assert entries(cache) == 1
    monkeypatch.setattr(topics_module, "_fitted", refuse)
    assert_same_model(analysis.fit_topics(texts, an.ArabicAnalyzer(), 3, **options), first,
                      texts)
    for other in ((texts.iloc[1:], an.ArabicAnalyzer(), 3), (texts, an.ArabicAnalyzer(), 4),
                  (texts, an.ArabicAnalyzer(stem="article"), 3)):
        with pytest.raises(AssertionError, match="computed again"):
            analysis.fit_topics(*other, **options)
    with pytest.raises(AssertionError, match="computed again"):
        analysis.fit_topics(texts, an.ArabicAnalyzer(), 3, **{**options, "init": "random"})


def test_a_damaged_model_entry_is_fitted_again(cache, monkeypatch):
    texts = corpus(600)["text"]
    options = {"min_df": 1, "max_df": 1.0, "max_iter": 30}
    first = analysis.fit_topics(texts, an.ArabicAnalyzer(), 2, **options)
    (entry,) = cache.glob("*-pickle.parquet")
    pd.DataFrame({"pickle": [b"\x80\x05not a pickle"]}).to_parquet(entry, index=False)
    assert_same_model(analysis.fit_topics(texts, an.ArabicAnalyzer(), 2, **options), first,
                      texts)
    monkeypatch.setattr(topics_module, "_fitted", refuse)  # kept anew: read back
    assert_same_model(analysis.fit_topics(texts, an.ArabicAnalyzer(), 2, **options), first,
                      texts)


def test_an_object_pickle_cannot_write_is_computed_each_time(cache):
    calls = []

    def compute():
        calls.append(1)
        return lambda: None

    kept_tables.kept_object("content", ("o",), compute)
    kept_tables.kept_object("content", ("o",), compute)
    assert calls == [1, 1] and entries(cache) == 0


def test_the_weighting_comparison_is_read_back_and_keyed_by_analyzers_and_settings(
        cache, monkeypatch):
    texts = corpus(520)["text"].tolist()
    tfidf = importlib.import_module("arabic_news.analysis.tfidf")
    analyzers = {"words": an.ArabicAnalyzer(), "bigrams": an.ArabicAnalyzer(ngram_range=(1, 2))}
    settings = {"raw": {}, "sublinear": {"sublinear_tf": True}, "min_df=2": {"min_df": 2}}
    first = analysis.tfidf_settings_effects(texts, analyzers, settings)
    assert entries(cache) == 1
    monkeypatch.setattr(tfidf, "_settings_effects", refuse)
    assert_same(analysis.tfidf_settings_effects(texts, analyzers, settings), first)
    for other in ((texts[1:], analyzers, settings),
                  (texts, {"words": an.ArabicAnalyzer()}, settings),
                  (texts, {"bigrams": analyzers["words"], "words": analyzers["bigrams"]},
                   settings),
                  (texts, analyzers, {**settings, "min_df=2": {"min_df": 3}}),
                  (texts, {"split": str.split}, settings)):
        with pytest.raises(AssertionError, match="computed again"):
            analysis.tfidf_settings_effects(*other)
