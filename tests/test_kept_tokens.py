"""The tokens of a large column are made once and read back by every analysis that reads a
corpus term by term (TF-IDF, similarity, term shares over time, topics), with the results of
tokenising afresh; nothing is kept for what a key cannot hold."""

from __future__ import annotations

import kept_results
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from kept_results import WORDS, entries, kept_in

import arabic_news as an
from arabic_news import analysis
from arabic_news.text import analyzer as text_analyzer
from arabic_news.text import kept_tokens, remembered


def column(n: int = 700, seed: int = 4) -> pd.Series:
    return kept_results.column(n, seed, (3, 25))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    return kept_in(tmp_path, monkeypatch)


def untouchable(*args, **kwargs):
    raise AssertionError("the texts were tokenised again")


def same_sparse(first, second) -> bool:
    return first.shape == second.shape and (first != second).nnz == 0


def test_term_batches_equal_the_analyzer_and_are_read_back(cache, monkeypatch):
    texts = column()
    for analyzer in (an.ArabicAnalyzer(), an.ArabicAnalyzer(ngram_range=(1, 2)),
                     an.ArabicAnalyzer(ngram_range=(2, 2)).tokens):
        expected = [analyzer(text) for text in texts]
        encoded = kept_tokens.kept_encoding(texts, analyzer)
        batches = list(kept_tokens.term_batches(encoded, analyzer, batch_size=256))
        assert [len(batch) for batch in batches] == [256, 256, 188]
        assert [terms for batch in batches for terms in batch] == expected
    assert entries(cache) == 1  # one encoding: the three share the analyzer's tokens
    with monkeypatch.context() as patched:
        patched.setattr(text_analyzer, "tokenize", untouchable)
        bigrams = an.ArabicAnalyzer(ngram_range=(1, 2))
        again = list(kept_tokens.term_batches(kept_tokens.kept_encoding(texts.tolist(), bigrams),
                                              bigrams))
    assert again[0] == [an.ArabicAnalyzer(ngram_range=(1, 2))(text) for text in texts]


def test_tfidf_similarity_shares_and_topics_read_the_tokens_back(cache, monkeypatch):
    texts = column()
    corpus = pd.DataFrame({"text": texts, "published": pd.to_datetime(
        [f"2016-0{1 + i % 6}-15" for i in range(len(texts))], utc=True)})
    analyzer = an.ArabicAnalyzer(ngram_range=(1, 2))

    def ask():
        matrix, vectorizer = analysis.tfidf_matrix(texts.tolist(), analyzer, min_df=2)
        return (matrix, vectorizer,
                analysis.similarity_to_corpus(texts[:3], texts, analyzer, batch_size=300),
                analysis.term_share_over_time(corpus, ["الرياض", "سعر"], analyzer),
                analysis.fit_topics(texts, an.ArabicAnalyzer(), n_topics=3, min_df=1,
                                    max_df=1.0).topic_terms)

    first = ask()
    # the tokens (shared by the unigram and the bigram analyzer), the document frequencies
    assert entries(cache) == 2
    tokenised = []
    real = text_analyzer.tokenize
    with monkeypatch.context() as patched:
        patched.setattr(text_analyzer, "tokenize",
                        lambda *args, **kwargs: tokenised.append(1) or real(*args, **kwargs))
        again = ask()
    assert len(tokenised) <= 6  # only the three texts compared with the corpus, twice
    assert same_sparse(again[0], first[0])
    assert again[1].vocabulary_ == first[1].vocabulary_
    assert again[1].analyzer is analyzer  # the vectorizer still analyses new texts itself
    np.testing.assert_array_equal(again[2], first[2])
    pd.testing.assert_frame_equal(again[3], first[3])
    np.testing.assert_array_equal(again[4], first[4])


def test_results_equal_those_of_an_analyzer_never_kept(cache):
    """A subclass is never kept: its results are those scikit-learn gets by tokenising."""

    class Mine(an.ArabicAnalyzer):
        pass

    texts = column()
    kept, fresh = an.ArabicAnalyzer(ngram_range=(1, 2)), Mine(ngram_range=(1, 2))
    assert same_sparse(analysis.tfidf_matrix(texts, kept)[0],
                       analysis.tfidf_matrix(texts, fresh)[0])
    # unigrams are weighed from the ids with numpy, n-grams from the term lists: both give
    # scikit-learn's numbers to the last bit, whatever the weighting
    for settings in ({}, {"sublinear_tf": True, "min_df": 2}, {"binary": True, "max_df": 0.6},
                     {"norm": "l1", "smooth_idf": False}):
        for ngrams in ((1, 1), (1, 2)):
            np.testing.assert_array_equal(
                analysis.similarity_to_corpus(texts[:2], texts, an.ArabicAnalyzer(
                    ngram_range=ngrams), batch_size=256, **settings),
                analysis.similarity_to_corpus(texts[:2], texts, Mine(ngram_range=ngrams),
                                              **settings))
    # the kept analyzers' tokens (one encoding) and document frequencies (one per n-grams)
    assert entries(cache) == 3


def test_small_or_odd_collections_are_not_kept_and_keep_their_errors(cache):
    texts = column()
    analysis.tfidf_matrix(column(remembered.CACHE_FROM - 1).tolist(), an.ArabicAnalyzer())
    assert entries(cache) == 0
    odd = [*texts.tolist()[:-1], None]
    with pytest.raises(TypeError, match="document is NoneType, not str"):
        analysis.tfidf_matrix(odd, an.ArabicAnalyzer())
    assert entries(cache) == 0


@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=5), max_size=12),
       st.integers(0, 14), st.integers(0, 14))
def test_encoded_lists_give_back_any_run_of_documents(documents, begin, end):
    encoded = kept_tokens.encode(documents, untouchable)
    assert encoded.lists(begin, end) == documents[begin:end]
    assert encoded.lists() == documents


def counted_word_by_word(words, normalizer) -> dict:
    from arabic_news.text.tokenize import tokenize

    counts: dict = {}
    for word, count in words.items():
        for token in tokenize(word, normalizer=normalizer):
            counts[token] = counts.get(token, 0) + count
    return counts


_LETTERS = "ابتثجحخدذرسشصضطظعغفقكلمنهويىةءأإآؤئـًٌٍَُِّْ٠١٢٣0123456789abcXYZ.،؟!-_/()«»\u200c\u200f"


@given(st.dictionaries(st.text(alphabet=_LETTERS, min_size=1, max_size=12),
                       st.integers(1, 50), max_size=40),
       st.sampled_from([None, "default", "hamza"]))
def test_word_token_counts_are_the_tokens_of_every_word_weighted(words, which):
    from collections import Counter

    from arabic_news.analysis.cleaning import word_token_counts

    normalizer = {"default": an.Normalizer(), "hamza": an.Normalizer(hamza=True)}.get(which)
    counted = word_token_counts(Counter(words), normalizer)
    expected = counted_word_by_word(words, normalizer)
    assert dict(counted) == expected and list(counted) == list(expected)  # order too


def test_word_token_counts_of_a_large_vocabulary_are_read_back(cache, monkeypatch):
    from collections import Counter

    from arabic_news.analysis.cleaning import word_token_counts

    words = Counter({f"{a}{b}ال{c}": 1 + i % 7 for i, (a, b, c) in enumerate(
        (a, b, c) for a in WORDS for b in WORDS[:10] for c in "ابت")})
    assert len(words) >= remembered.CACHE_FROM
    first = word_token_counts(words, an.Normalizer(hamza=True))
    with monkeypatch.context() as patched:
        patched.setattr(text_analyzer, "tokenize", untouchable)
        again = word_token_counts(words, an.Normalizer(hamza=True))
    assert again == first == counted_word_by_word(words, an.Normalizer(hamza=True))
    assert entries(cache) == 1


def test_a_missing_text_in_a_row_left_out_is_still_never_read(cache):
    """Term shares read only the dated rows: an undated row without a text is left alone,
    as when every text was tokenised where it was read (the tokens are then not kept)."""
    texts = column().astype(object)
    corpus = pd.DataFrame({"text": texts, "published": pd.to_datetime(
        [f"2016-0{1 + i % 6}-15" for i in range(len(texts))], utc=True)})
    holed = corpus.copy()
    holed.loc[5, ["text", "published"]] = [None, pd.NaT]
    shares = analysis.term_share_over_time(holed, ["الرياض"], an.ArabicAnalyzer())
    expected = analysis.term_share_over_time(corpus.drop(index=5), ["الرياض"],
                                             an.ArabicAnalyzer())
    pd.testing.assert_frame_equal(shares, expected)
    with pytest.raises(TypeError, match="NoneType"):  # a text that is read must be a text
        analysis.tfidf_matrix(holed["text"], an.ArabicAnalyzer())
