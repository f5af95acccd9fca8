"""``analysis.document_frequency_table``: the answers of the Counter of
``document_frequencies``.

Every answer must be the Counter path's, ties in ``top(n)`` and absent keys included; that
the Dask engine gives the same answers, and that the checkers of exercises 2.2-2.4 give the
same verdicts on it without the whole vocabulary, is proved in
``tests/test_engine_equality.py``.
"""

from collections import Counter

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabic_news as an
from arabic_news import analysis

ABSENT = ["لا يوجد", "zzz", ""]


def assert_table_answers_as_counter(table, counter: Counter, n: int):
    pd.testing.assert_frame_equal(table.top(n), analysis.ranked_terms(counter, n))
    assert (table.total, table.distinct, table.once) == (
        sum(counter.values()), len(counter), sum(1 for c in counter.values() if c == 1))
    for key in [*list(counter)[:5], *ABSENT]:
        assert table[key] == counter[key]
        assert isinstance(table[key], int)
    for count in (1, 2, 3, 10**9):
        assert table.at_least(count) == Counter(
            {key: value for key, value in counter.items() if value >= count})
    assert table.counter() == counter


def test_it_counts_texts_not_occurrences():
    texts = ["ب ب ا", "ب ج", "د د د"]
    table = analysis.document_frequency_table(texts, str.split)
    assert table["ب"] == 2 and table["د"] == 1 and table["ه"] == 0
    top = table.top(2)
    assert top["term"].tolist() == ["ب", "ا"]  # three terms tied at 1: by the term
    assert top["count"].tolist() == [2, 1]
    assert top["share"].tolist() == pytest.approx([2 / 5, 1 / 5])
    assert (table.total, table.distinct, table.once) == (5, 4, 3)
    assert table.size == 1
    assert repr(table) == "DocumentFrequencyTable(engine='pandas')"
    assert isinstance(table, analysis.CountTable)


def test_the_seeds_give_the_counter_answers_on_pandas():
    texts = an.load_corpus()["text"]
    tokens = an.ArabicAnalyzer().tokens
    counter = analysis.document_frequencies(texts, tokens)
    table = analysis.document_frequency_table(texts, tokens)
    for n in (1, 5, 20, 10_000):
        assert_table_answers_as_counter(table, counter, n)


@given(st.lists(st.lists(st.sampled_from("ابجدهوز"), max_size=8).map(" ".join), max_size=12),
       st.integers(1, 9))
@settings(max_examples=60, deadline=None)
def test_answers_agree_with_a_counter_of_texts(texts, n):
    counter: Counter = Counter()
    for text in texts:
        counter.update(set(text.split()))
    assert_table_answers_as_counter(
        analysis.document_frequency_table(texts, str.split), counter, n)


def test_an_empty_corpus_and_bad_questions():
    table = analysis.document_frequency_table([], str.split)
    assert table.top(3).empty and (table.total, table.distinct, table.once) == (0, 0, 0)
    assert table["a"] == 0
    with pytest.raises(ValueError, match="positive integer"):
        table.top(0)
    with pytest.raises(TypeError, match="as a string"):
        table[1]
