"""Collocations: the measures agree with NLTK and with hand-worked values; the window counts."""

import math
from collections import Counter

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from nltk.collocations import BigramCollocationFinder
from nltk.metrics import BigramAssocMeasures

import arabic_news as an
from arabic_news.analysis import TokenizedCorpus, association_measures, collocations

NLTK_MEASURES = {
    "pmi": BigramAssocMeasures.pmi,
    "g2": BigramAssocMeasures.likelihood_ratio,
    "t_score": BigramAssocMeasures.student_t,
}


def identity(text):
    return text.split()


def assert_same_as_nltk(documents):
    table = collocations(documents, min_freq=1, attraction_only=False)
    finder = BigramCollocationFinder.from_documents(documents)
    assert sorted(zip(table["first"], table["second"], strict=True)) == sorted(finder.ngram_fd)
    for row in table.itertuples():
        assert row.freq == finder.ngram_fd[(row.first, row.second)]
        for column, measure in NLTK_MEASURES.items():
            expected = finder.score_ngram(measure, row.first, row.second)
            assert getattr(row, column) == pytest.approx(expected, rel=1e-9, abs=1e-9), column


def test_adjacent_pairs_equal_nltk_on_the_seed_articles():
    analyzer = an.ArabicAnalyzer()
    documents = [analyzer.tokens(text) for text in an.load_corpus()["text"]]
    assert_same_as_nltk(documents)


words = st.sampled_from(["قال", "روسيا", "حلب", "مجلس", "الامن", "في"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(words, min_size=0, max_size=25), min_size=1, max_size=5))
def test_adjacent_pairs_equal_nltk_on_any_token_lists(documents):
    counts = Counter(token for document in documents for token in document)
    pairs = Counter(pair for document in documents for pair in zip(document, document[1:],
                                                                   strict=False))
    total = sum(counts.values())
    # NLTK's table has a negative cell (and math.log fails) when f(x) + f(y) - f(xy) > N
    assume(pairs and all(counts[x] + counts[y] - count <= total
                         for (x, y), count in pairs.items()))
    assert_same_as_nltk(documents)


def test_log_dice_equals_hand_worked_values():
    # logDice = 14 + log2(2 f(xy) / (f(x) + f(y))), Rychlý (2008), worked by hand:
    #   f(xy)=1, f(x)=1, f(y)=1: 2/2 = 1      -> 14
    #   f(xy)=2, f(x)=8, f(y)=8: 4/16 = 1/4   -> 14 - 2 = 12
    #   f(xy)=3, f(x)=4, f(y)=4: 6/8 = 3/4    -> 14 + log2(3) - 2 = 13.584962500721156
    #   f(xy)=1, f(x)=3, f(y)=13: 2/16 = 1/8  -> 14 - 3 = 11
    measures = association_measures([1, 2, 3, 1], [1, 8, 4, 3], [1, 8, 4, 13], 1000)
    assert measures["log_dice"] == pytest.approx([14.0, 12.0, 13.584962500721156, 11.0])


def test_log_dice_of_a_small_corpus_by_hand():
    # "a b" occurs twice; a occurs 3 times, b 3 times: 14 + log2(4/6) = 13.415037...
    documents = [["a", "b", "c", "a", "b"], ["a", "c", "b"]]
    table = collocations(documents, min_freq=1, attraction_only=False).set_index("pair")
    assert table.loc["a b", "freq"] == 2
    assert table.loc["a b", "log_dice"] == pytest.approx(14 + math.log2(4 / 6))
    assert "b a" not in table.index  # pairs never span two documents


def test_window_contingency_table_is_counted_as_documented():
    # node n at positions 1 and 3 of doc 1, window 1 on each side:
    # windows {0, 2} and {2, 4} -> region {0, 2, 4} (position 2 counted once), R1 = 3.
    documents = [["x", "n", "y", "n", "y", "z"], ["y", "z"]]
    table = collocations(documents, "n", tokens=identity, window=1, min_freq=1,
                         attraction_only=False).set_index("collocate")
    n_prime = 8 - 2  # all tokens minus the node's
    assert table.loc["y", "freq"] == 2  # positions 2 and 4
    assert table.loc["y", "collocate_freq"] == 3
    assert table.loc["y", "expected"] == pytest.approx(3 * 3 / n_prime)
    assert (table.loc["y", "before"], table.loc["y", "after"]) == (1, 2)
    assert table.loc["x", "freq"] == 1 and table.loc["x", "before"] == 1
    assert "z" not in table.index  # z at position 5 is outside every window
    # the same cells through the generic measures
    expected = association_measures(2, 3, 3, n_prime, f_x=2, f_y=3)
    assert table.loc["y", "g2"] == pytest.approx(expected["g2"])
    assert table.loc["y", "log_dice"] == pytest.approx(14 + math.log2(4 / 5))


def test_window_stops_at_the_document_boundary():
    documents = [["a", "n"], ["b", "c"]]
    table = collocations(documents, "n", tokens=identity, window=3, min_freq=1,
                         attraction_only=False)
    assert table["collocate"].tolist() == ["a"]


def test_g2_matches_a_direct_four_cell_computation():
    o11, r1, c1, n = 30, 120, 80, 10_000
    cells = np.array([[o11, r1 - o11], [c1 - o11, n - r1 - c1 + o11]], dtype=float)
    expected = np.outer(cells.sum(axis=1), cells.sum(axis=0)) / n
    g2 = 2 * float((cells * np.log(cells / expected)).sum())
    assert association_measures(o11, r1, c1, n)["g2"] == pytest.approx(g2)


def test_term_is_normalised_with_the_analyzer_and_written_forms_are_found():
    corpus = an.load_corpus()
    table = collocations(corpus["text"], "روسيا", min_freq=2)
    assert len(table) > 0
    assert table["log_dice"].is_monotonic_decreasing
    assert (table["freq"] > table["expected"]).all()
    assert (table["freq"] >= 2).all()
    # the hamza-carrying written form gives the same node
    assert collocations(corpus["text"], "الأمن", min_freq=1).equals(
        collocations(corpus["text"], "الامن", min_freq=1))


def test_an_absent_term_gives_an_empty_table_with_the_columns():
    table = collocations([["a", "b"]], "zzz", tokens=identity, min_freq=1)
    assert table.empty and {"pmi", "t_score", "g2", "log_dice"} <= set(table.columns)


@pytest.mark.parametrize("kwargs, message", [
    ({"window": 0}, "window is empty"),
    ({"window": (-1, 2)}, "integers >= 0"),
    ({"min_freq": 0}, "min_freq"),
    ({"sort_by": "dice"}, "sort_by"),
])
def test_bad_parameters_are_refused_with_a_message(kwargs, message):
    with pytest.raises(ValueError, match=message):
        collocations([["a", "b"]], **kwargs)


def test_a_stop_word_as_term_is_refused():
    with pytest.raises(ValueError, match="stop word"):
        collocations(["روسيا في حلب"], "في")


def test_one_string_is_refused():
    with pytest.raises(TypeError, match="not one string"):
        collocations("روسيا في حلب")


def test_min_freq_filters_and_counts_match_a_counter():
    documents = [["a", "b", "a", "b", "a", "c"], ["a", "b"]]
    table = collocations(documents, min_freq=2, attraction_only=False)
    pairs = Counter()
    for document in documents:
        pairs.update(zip(document, document[1:], strict=False))
    assert dict(zip(table["pair"], table["freq"], strict=True)) == {
        f"{x} {y}": count for (x, y), count in pairs.items() if count >= 2}


def test_a_corpus_dominated_by_one_word_gives_nan_g2_not_an_error():
    table = collocations([["a", "a"]], tokens=identity, min_freq=1, attraction_only=False)
    assert table["freq"].tolist() == [1] and np.isnan(table["g2"].iloc[0])


def test_a_tokenized_corpus_answers_like_the_texts_it_was_made_from():
    texts = an.load_corpus()["text"]
    tokenized = TokenizedCorpus(texts)
    assert len(tokenized) == sum(len(an.ArabicAnalyzer().tokens(text)) for text in texts)
    for term in ("روسيا", None):
        assert collocations(tokenized, term, min_freq=1).equals(
            collocations(texts, term, min_freq=1))


def test_term_counts_of_a_tokenized_corpus_equal_counting_the_parts():
    analyzer = an.ArabicAnalyzer()
    texts = an.load_corpus()["text"].tolist()
    tokenized = TokenizedCorpus(texts, analyzer.tokens)
    assert tokenized.term_counts() == Counter(token for text in texts
                                              for token in analyzer.tokens(text))
    assert tokenized.term_counts([1]) == Counter(analyzer.tokens(texts[1]))
    assert tokenized.term_counts(np.array([True, False])) == Counter(analyzer.tokens(texts[0]))
    with pytest.raises(ValueError, match="positions"):
        tokenized.term_counts([2])


def test_within_gives_the_collocations_of_those_documents_alone():
    import pandas as pd

    texts = an.load_corpus()["text"].tolist() * 2 + ["روسيا وسوريا وحلب روسيا وسوريا"]
    tokens = an.ArabicAnalyzer().tokens
    encoded = TokenizedCorpus(texts, tokens)
    for within in ([True, False, True, False, True], [False, True, False, False, False]):
        chosen = [text for text, keep in zip(texts, within, strict=True) if keep]
        for term in ("روسيا", None):
            pd.testing.assert_frame_equal(
                collocations(encoded, term, min_freq=1, within=within),
                collocations(chosen, term, tokens=tokens, min_freq=1))
    with pytest.raises(ValueError, match="one boolean per document"):
        collocations(encoded, "روسيا", within=[True])
    with pytest.raises(TypeError, match="TokenizedCorpus"):
        collocations(texts, "روسيا", within=[True] * 5)
