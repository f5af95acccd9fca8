"""TF-IDF helpers with a plain whitespace analyzer (the Arabic analyzer is tested on its own)."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sklearn.metrics.pairwise import cosine_similarity

from arabic_news import analysis

TEXTS = ["حلب روسيا حلب", "روسيا الموصل", "بيروت لبنان"]


def split(text):
    return text.split()


def test_distinctive_terms_rank_terms_unique_to_a_document_first():
    matrix, vectorizer = analysis.tfidf_matrix(TEXTS, split)
    table = analysis.distinctive_terms(matrix, vectorizer, ["a", "b", "c"], n=2)
    first = table[table["document"] == "a"]
    assert first["term"].tolist() == ["حلب", "روسيا"]
    assert first["weight"].is_monotonic_decreasing


def test_similarity_table_is_symmetric_with_ones_on_the_diagonal():
    matrix, _ = analysis.tfidf_matrix(TEXTS, split)
    table = analysis.similarity_table(matrix, ["a", "b", "c"])
    values = table.to_numpy()
    assert np.allclose(values, values.T)
    assert np.allclose(np.diag(values), 1.0)
    assert table.loc["a", "b"] > 0 and table.loc["a", "c"] == 0


def test_labels_must_match_the_documents():
    matrix, vectorizer = analysis.tfidf_matrix(TEXTS, split)
    with pytest.raises(ValueError, match="2 labels for 3 documents"):
        analysis.similarity_table(matrix, ["a", "b"])
    with pytest.raises(ValueError, match="2 labels for 3 documents"):
        analysis.distinctive_terms(matrix, vectorizer, ["a", "b"])


def test_ngrams_belong_to_the_analyzer():
    with pytest.raises(ValueError, match="ngram_range"):
        analysis.tfidf_matrix(TEXTS, split, ngram_range=(1, 2))


def test_settings_effects_shrink_the_vocabulary_with_min_df():
    table = analysis.tfidf_settings_effects(
        TEXTS, {"words": split}, {"all": {}, "min_df=2": {"min_df": 2}}
    )
    assert table.loc[("words", "all"), "vocabulary"] == 5
    assert table.loc[("words", "min_df=2"), "vocabulary"] == 1
    with pytest.raises(ValueError, match="at least three"):
        analysis.tfidf_settings_effects(TEXTS[:2], {"words": split}, {"all": {}})


@pytest.mark.parametrize("settings", [{}, {"sublinear_tf": True}, {"min_df": 2},
                                      {"max_df": 0.5, "sublinear_tf": True},
                                      {"smooth_idf": False, "min_df": 0.1}])
def test_tfidf_of_shown_equals_rows_of_the_whole_corpus_fit(settings):
    """Fitting on what the lesson shows (document frequencies from the corpus) gives the same
    weights, term by term, as fitting on the whole corpus and selecting the shown rows."""
    import numpy as np

    import arabic_news as an
    from arabic_news.analysis import tfidf_matrix, tfidf_of_shown

    texts = [passage for text in an.load_corpus()["text"] for passage in text.split("\n")
             if len(passage) > 40]
    analyzer = an.ArabicAnalyzer()
    shown = [0, 3, len(texts) - 1]
    whole, whole_vectorizer = tfidf_matrix(texts, analyzer, **settings)
    part, vectorizer = tfidf_of_shown([texts[i] for i in shown], texts, analyzer, **settings)
    names = vectorizer.get_feature_names_out()
    whole_names = whole_vectorizer.get_feature_names_out()
    for row, index in enumerate(shown):
        expected = dict(zip(whole_names[whole[index].indices], whole[index].data, strict=True))
        got = dict(zip(names[part[row].indices], part[row].data, strict=True))
        assert got.keys() == expected.keys()
        assert np.allclose([got[t] for t in expected], list(expected.values()), rtol=0, atol=1e-12)


# ----------------------------------------------------------------------------- similarity
WORDS = ["حلب", "روسيا", "الموصل", "بيروت", "لبنان", "موسكو", "داعش", "سوريا"]
SETTINGS = [{}, {"sublinear_tf": True}, {"min_df": 2}, {"max_df": 0.5, "sublinear_tf": True},
            {"smooth_idf": False}, {"norm": None, "min_df": 0.2}]


def whole_corpus_cosines(texts, corpus, analyzer, **settings):
    """The reference: fit on the whole corpus, then one row against every row."""
    matrix, vectorizer = analysis.tfidf_matrix(corpus, analyzer, **settings)
    return cosine_similarity(vectorizer.transform(texts), matrix)


@hypothesis_settings(max_examples=60, deadline=None)
@given(corpus=st.lists(st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join),
                       min_size=1, max_size=25),
       batch_size=st.integers(1, 30), chosen=st.integers(0, 24),
       weighting=st.sampled_from(SETTINGS))
def test_similarity_to_corpus_equals_the_whole_corpus_cosines(corpus, batch_size, chosen,
                                                             weighting):
    """Batch by batch with the corpus's document frequencies, the cosines of the whole-corpus
    fit: on any corpus (empty texts included), any batch size, any weighting setting."""
    texts = [corpus[chosen % len(corpus)], "روسيا حلب حلب"]
    try:
        expected = whole_corpus_cosines(texts, corpus, split, **weighting)
    except analysis.NotApplicable:
        with pytest.raises(analysis.NotApplicable):
            analysis.similarity_to_corpus(texts, corpus, split, batch_size=batch_size,
                                          **weighting)
        return
    got = analysis.similarity_to_corpus(texts, corpus, split, batch_size=batch_size,
                                        **weighting)
    assert got.shape == (2, len(corpus))
    assert np.allclose(got, expected, rtol=0, atol=1e-12)


@pytest.mark.parametrize("weighting", [{"sublinear_tf": True}, {}, {"min_df": 2}])
def test_similarity_to_corpus_on_the_seeds_passages(weighting):
    """On real Arabic text with the project's analyzer: same cosines, same nearest passage."""
    import pandas as pd

    import arabic_news as an

    texts = pd.Series([passage for text in an.load_corpus()["text"]
                       for passage in text.split("\n") if len(passage) > 40])
    analyzer = an.ArabicAnalyzer()
    shown = [texts.iloc[0], texts.iloc[len(texts) - 1]]
    expected = whole_corpus_cosines(shown, texts.tolist(), analyzer, **weighting)
    got = analysis.similarity_to_corpus(shown, texts, analyzer, batch_size=4, **weighting)
    assert np.allclose(got, expected, rtol=0, atol=1e-12)
    assert np.allclose(got[0, 0], 1.0)
    for row in range(2):
        assert got[row].argsort().tolist()[-3:] == expected[row].argsort().tolist()[-3:]


def test_similarity_to_corpus_says_what_to_pass():
    with pytest.raises(TypeError, match="not one string"):
        analysis.similarity_to_corpus("حلب", TEXTS, split)
    with pytest.raises(ValueError, match="batch_size"):
        analysis.similarity_to_corpus(["حلب"], TEXTS, split, batch_size=0)
    with pytest.raises(ValueError, match="texts is empty"):
        analysis.similarity_to_corpus([], TEXTS, split)
    with pytest.raises(ValueError, match="ngram_range"):
        analysis.similarity_to_corpus(["حلب"], TEXTS, split, ngram_range=(1, 2))
    with pytest.raises(ValueError, match="use_idf"):
        analysis.similarity_to_corpus(["حلب"], TEXTS, split, use_idf=False)
    with pytest.raises(analysis.NotApplicable, match="stop words"):
        analysis.similarity_to_corpus(["حلب"], ["", " "], split)
    with pytest.raises(analysis.NotApplicable, match="min_df=3"):
        analysis.similarity_to_corpus(["حلب"], TEXTS, split, min_df=3)


def test_latin_capitals_are_weighed_as_in_a_whole_corpus_fit_without_a_warning(recwarn):
    """The analyzer keeps "ISIS" as written (lowercase never applies to a callable analyzer):
    the fixed vocabulary matches it, and scikit-learn's warning about capitals is not raised."""
    corpus = ["ISIS حلب", "روسيا ISIS", "بيروت"]
    expected = whole_corpus_cosines(corpus[:1], corpus, split)
    got = analysis.similarity_to_corpus(corpus[:1], corpus, split)
    assert np.allclose(got, expected, rtol=0, atol=1e-12) and got[0, 1] > 0
    matrix, vectorizer = analysis.tfidf_of_shown(corpus[:1], corpus, split)
    assert "ISIS" in vectorizer.vocabulary_
    assert not [w for w in recwarn if "Upper case" in str(w.message)]


@hypothesis_settings(max_examples=40, deadline=None)
@given(corpus=st.lists(st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join),
                       min_size=1, max_size=20),
       weighting=st.sampled_from(SETTINGS))
def test_counted_frequencies_give_the_same_weights_and_read_the_corpus_once_less(corpus,
                                                                               weighting):
    """``frequencies=`` (the corpus's table, counted once) changes nothing but the work."""
    calls = []

    def counted(text):
        calls.append(text)
        return text.split()

    shown = corpus[:2]
    try:
        expected, names = analysis.tfidf_of_shown(shown, corpus, counted, **weighting)
    except analysis.NotApplicable:
        return
    counting = len(calls)
    table = analysis.document_frequency_table(corpus, counted)
    calls.clear()
    got, vectorizer = analysis.tfidf_of_shown(shown, corpus, counted, frequencies=table,
                                              **weighting)
    assert len(calls) == counting - len(corpus)  # the corpus is not read again
    assert vectorizer.get_feature_names_out().tolist() == names.get_feature_names_out().tolist()
    assert np.array_equal(got.toarray(), expected.toarray())
    calls.clear()
    try:
        cosines = analysis.similarity_to_corpus(shown, corpus, counted, **weighting)
    except analysis.NotApplicable:
        return
    counting = len(calls)
    calls.clear()
    again = analysis.similarity_to_corpus(shown, corpus, counted, frequencies=table,
                                          **weighting)
    assert len(calls) == counting - len(corpus)
    assert np.array_equal(again, cosines)


def test_frequencies_must_be_a_document_frequency_table():
    with pytest.raises(TypeError, match="frequencies= takes analysis.document_frequency_table"):
        analysis.tfidf_of_shown(TEXTS[:1], TEXTS, split, frequencies={"حلب": 1})


_WORDS = ["حلب", "روسيا", "الموصل", "بيروت", "لبنان", "النفط", "سعر", "مؤتمر"]
_BOUNDS = st.one_of(st.integers(1, 4), st.floats(0, 1, allow_nan=False))


@hypothesis_settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=8).map(" ".join),
                min_size=3, max_size=9),
       st.fixed_dictionaries({}, optional={
           "min_df": _BOUNDS, "max_df": _BOUNDS, "sublinear_tf": st.booleans(),
           "norm": st.sampled_from(["l1", "l2", None]), "use_idf": st.booleans(),
           "smooth_idf": st.booleans()}),
       st.sampled_from([(1, 1), (1, 2)]))
def test_settings_weighed_from_one_count_equal_a_fit_of_their_own(texts, settings, ngrams):
    """tfidf_settings_effects counts each analyzer once and weighs each setting from it:
    the matrix is a fit's, to the last bit, and a setting that prunes every term fails alike."""
    from arabic_news import ArabicAnalyzer
    from arabic_news.analysis import tfidf

    analyzer = ArabicAnalyzer(ngram_range=ngrams)
    try:
        expected = analysis.tfidf_matrix(texts, analyzer, **settings)[0]
    except analysis.NotApplicable:
        expected = None
    try:
        counts = tfidf.fit_transform(tfidf.CountVectorizer(analyzer=analyzer,
                                                           dtype=np.float64), texts)
    except ValueError:  # no term in any text
        assert expected is None
        return
    try:
        found = tfidf._weighed(counts, texts, analyzer, settings)
    except analysis.NotApplicable:
        found = None
    assert (found is None) == (expected is None)
    if found is not None:
        assert found.shape == expected.shape
        for part in ("data", "indices", "indptr"):
            assert np.array_equal(getattr(found, part), getattr(expected, part))


def test_a_setting_scikit_learn_refuses_is_refused_the_same_way():
    with pytest.raises(ValueError, match="min_df"):
        analysis.tfidf_settings_effects(TEXTS, {"words": split}, {"odd": {"min_df": 1.5}})
