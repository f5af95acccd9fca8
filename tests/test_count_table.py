"""``analysis.count_table``: the answers of the Counters of ``ngram_counts``.

Every answer must be the Counter path's, ties in ``top(n)`` and absent keys included; that
the Dask engine gives the same answers is proved in ``tests/test_engine_equality.py``.
"""

from collections import Counter

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabic_news as an
from arabic_news import analysis

ABSENT = ["لا يوجد", "zzz", ""]


def answers_of_counter(counter: Counter, n: int) -> dict:
    """What a lesson asks, answered from a plain Counter."""
    return {"top": analysis.ranked_terms(counter, n), "total": sum(counter.values()),
            "distinct": len(counter), "once": sum(1 for c in counter.values() if c == 1)}


def assert_table_answers_as_counter(table, counter: Counter, n: int):
    expected = answers_of_counter(counter, n)
    pd.testing.assert_frame_equal(table.top(n), expected["top"])
    assert (table.total, table.distinct, table.once) == (
        expected["total"], expected["distinct"], expected["once"])
    for key in [*list(counter)[:5], *ABSENT]:
        assert table[key] == counter[key]
        assert isinstance(table[key], int)
    assert table.counter() == counter


def test_ties_in_the_top_are_ranked_by_the_term():
    texts = ["ب ا ج", "ج ب ا", "د"]
    tables = analysis.count_table(texts, str.split, sizes=(1, 2))
    top = tables[1].top(2)
    assert top["term"].tolist() == ["ا", "ب"]  # three terms tied at 2: by the term
    assert top["count"].tolist() == [2, 2]
    assert top["share"].tolist() == pytest.approx([2 / 7, 2 / 7])
    assert (tables[1].total, tables[1].distinct, tables[1].once) == (7, 4, 1)
    assert tables[2]["ب ا"] == 2 and tables[2]["ا ب"] == 0  # an absent pair counts 0
    assert (tables[2].total, tables[2].distinct, tables[2].once) == (4, 3, 2)


def test_the_seeds_give_the_counter_answers_on_pandas():
    texts = an.load_corpus()["text"]
    tokens = an.ArabicAnalyzer().tokens
    counts = analysis.ngram_counts(texts, tokens, sizes=(1, 2))
    tables = analysis.count_table(texts, tokens, sizes=(1, 2))
    assert sorted(tables) == [1, 2]
    for size in (1, 2):
        assert tables[size].size == size
        for n in (1, 5, 20, 10_000):
            assert_table_answers_as_counter(tables[size], counts[size], n)


@given(st.lists(st.lists(st.sampled_from("ابجدهوز"), max_size=8).map(" ".join), max_size=12),
       st.integers(1, 9))
@settings(max_examples=60, deadline=None)
def test_top_total_distinct_once_agree_with_a_counter(texts, n):
    tables = analysis.count_table(texts, str.split, sizes=(1, 2))
    for size, table in tables.items():
        counter: Counter = Counter()
        for text in texts:
            terms = text.split()
            pairs = map(" ".join, zip(terms, terms[1:], strict=False))
            counter.update(terms if size == 1 else pairs)
        assert_table_answers_as_counter(table, counter, n)


def test_invalid_inputs_are_rejected_with_what_to_do():
    with pytest.raises(ValueError, match="positive integers"):
        analysis.count_table(["a b"], str.split, sizes=(0,))
    table = analysis.count_table(["a b"], str.split, sizes=(1,))[1]
    with pytest.raises(ValueError, match="positive integer"):
        table.top(0)
    with pytest.raises(TypeError, match="as a string"):
        table[("a", "b")]
    assert repr(table) == "CountTable(size=1, engine='pandas')"


def test_an_empty_corpus_has_empty_answers():
    table = analysis.count_table([], str.split, sizes=(1,))[1]
    assert table.top(3).empty and (table.total, table.distinct, table.once) == (0, 0, 0)
    assert table["a"] == 0
