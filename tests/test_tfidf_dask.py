"""Lesson 3's analyses and checkers on a Dask corpus give exactly what they give on pandas.

The generated corpus of the Dask tests (240 articles) in Parquet shards of 50 rows (five
partitions), on Dask's synchronous scheduler.
"""


import numpy as np
import pandas as pd
import pytest

dask = pytest.importorskip("dask")

import arabic_news as an  # noqa: E402
from arabic_news import analysis  # noqa: E402
from arabic_news.exercises import evaluate  # noqa: E402


@pytest.fixture(scope="module")
def frames(generated_frames):
    return generated_frames


@pytest.fixture(autouse=True)
def synchronous():
    with dask.config.set(scheduler="synchronous"):
        yield


@pytest.mark.parametrize("n", [1, 12, 239, 240, 500])
@pytest.mark.parametrize("random_state", [0, 7])
def test_sample_articles_picks_the_same_articles(frames, n, random_state):
    pandas_corpus, dask_corpus = frames
    expected = analysis.sample_articles(pandas_corpus, n, random_state=random_state)
    got = analysis.sample_articles(dask_corpus, n, random_state=random_state)
    pd.testing.assert_frame_equal(got, expected)


def test_documents_for_comparison_and_labels_are_the_same(frames):
    pandas_corpus, dask_corpus = frames
    expected = analysis.documents_for_comparison(pandas_corpus, 30, random_state=3)
    got = analysis.documents_for_comparison(dask_corpus, 30, random_state=3)
    pd.testing.assert_frame_equal(got, expected)
    small = dask_corpus.partitions[0].head(5, compute=False)  # fewer than 10: passages
    pd.testing.assert_frame_equal(analysis.documents_for_comparison(small, 30),
                                  analysis.documents_for_comparison(small.compute(), 30))
    pd.testing.assert_series_equal(analysis.document_labels(dask_corpus),
                                   analysis.document_labels(pandas_corpus))


def test_tfidf_of_shown_and_similarity_to_corpus_are_the_same(frames):
    pandas_corpus, dask_corpus = frames
    analyzer = an.ArabicAnalyzer()
    shown = analysis.sample_articles(pandas_corpus, 12)["text"]
    for corpus in frames:
        matrix, vectorizer = analysis.tfidf_of_shown(shown, corpus["text"], analyzer,
                                                     sublinear_tf=True, min_df=2)
        if corpus is pandas_corpus:
            expected = (matrix.toarray(), vectorizer.get_feature_names_out().tolist())
    assert np.array_equal(matrix.toarray(), expected[0])
    assert vectorizer.get_feature_names_out().tolist() == expected[1]
    on_pandas = analysis.similarity_to_corpus(shown[:3], pandas_corpus["text"], analyzer,
                                              batch_size=7, sublinear_tf=True)
    on_dask = analysis.similarity_to_corpus(shown[:3], dask_corpus["text"], analyzer,
                                            batch_size=7, sublinear_tf=True)
    assert on_dask.shape == (3, 240)
    assert np.array_equal(on_dask, on_pandas)


def test_checkers_give_the_same_verdicts(frames):
    pandas_corpus, dask_corpus = frames
    first = analysis.sample_articles(pandas_corpus, 12).iloc[0]
    analyzer = an.ArabicAnalyzer()
    scores = analysis.similarity_to_corpus([first["text"]], pandas_corpus["text"], analyzer,
                                           sublinear_tf=True)[0]
    position = pandas_corpus.index[pandas_corpus["doc_id"] == first["doc_id"]][0]
    scores[position] = -1
    nearest = pandas_corpus["doc_id"].iloc[int(scores.argmax())]
    farthest = pandas_corpus["doc_id"].iloc[int(scores.argmin())]
    matrix, vectorizer = analysis.tfidf_of_shown([first["text"]], pandas_corpus["text"],
                                                 analyzer)
    top = analysis.distinctive_terms(matrix, vectorizer, ["first"], n=2)["term"].tolist()
    answers = {"3.1": [top[0], top[1], "حلب"], "3.4": [nearest, farthest, first["doc_id"], "x"]}
    for exercise, tried in answers.items():
        for answer in tried:
            outcomes = [evaluate(exercise, answer, corpus=corpus, doc_id=first["doc_id"])
                        for corpus in frames]
            assert outcomes[0] == outcomes[1]
        assert evaluate(exercise, tried[0], corpus=dask_corpus,
                        doc_id=first["doc_id"]).status == "right"
