"""``analysis.count_table``: the answers of the Counters of ``ngram_counts``, on both engines.

On pandas the tables wrap those Counters; on Dask (the generated corpus in five Parquet
shards, the synchronous scheduler) the engine's aggregated table answers, and every answer
must be the Counter path's, ties in ``top(n)`` and absent keys included.
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


# ----------------------------------------------------------------------------- on Dask
dask = pytest.importorskip("dask")


@pytest.fixture(scope="module")
def frames(generated_frames):
    return generated_frames


def test_dask_tables_give_the_counter_answers(frames):
    pandas_corpus, dask_corpus = frames
    tokens = an.ArabicAnalyzer().tokens
    counts = analysis.ngram_counts(pandas_corpus["text"], tokens, sizes=(1, 2))
    with dask.config.set(scheduler="synchronous"):
        tables = analysis.count_table(dask_corpus["text"], tokens, sizes=(1, 2))
        assert repr(tables[1]) == "CountTable(size=1, engine='dask')"
        for size in (1, 2):
            counter = counts[size]
            # many entries tie at small counts: n cuts inside a tie
            tied = next(n for n in range(5, 200)
                        if analysis.ranked_terms(counter, n + 1)["count"].iloc[-1]
                        == analysis.ranked_terms(counter, n)["count"].iloc[-1])
            for n in (1, tied, 20, 100_000):
                assert_table_answers_as_counter(tables[size], counter, n)


def test_dask_tables_count_the_corpus_once(frames):
    """Questions read the persisted table: no partition is tokenised again."""
    _, dask_corpus = frames
    calls = []
    analyzer = an.ArabicAnalyzer()

    def tokens(text):
        calls.append(1)
        return analyzer.tokens(text)

    with dask.config.set(scheduler="synchronous"):
        table = analysis.count_table(dask_corpus["text"], tokens, sizes=(1,))[1]
        counted = len(calls)
        assert counted == len(frames[0])
        table.top(5), table.total, table.once, table["حلب"], table.counter()
    assert len(calls) == counted


def test_at_least_keeps_the_entries_from_a_count_on(frames):
    pandas_corpus, dask_corpus = frames
    tokens = an.ArabicAnalyzer().tokens
    counter = analysis.ngram_counts(pandas_corpus["text"], tokens, sizes=(2,))[2]
    with dask.config.set(scheduler="synchronous"):
        on_dask = analysis.count_table(dask_corpus["text"], tokens, sizes=(2,))[2]
        on_pandas = analysis.count_table(pandas_corpus["text"], tokens, sizes=(2,))[2]
        for count in (1, 3, 10**9):
            expected = Counter({k: v for k, v in counter.items() if v >= count})
            assert on_dask.at_least(count) == expected == on_pandas.at_least(count)
        with pytest.raises(ValueError, match="positive integer"):
            on_dask.at_least(0)


@pytest.mark.parametrize("answer", [None, 3, [], ["ملعب"], ("ملعب", "آخر"), {"ملعب"},
                                    "an iterator", " ملعب "])
def test_checker_2_1_on_dask_gives_the_pandas_verdict_without_every_count(frames, answer):
    from arabic_news.exercises import memo
    from arabic_news.exercises.core import evaluate

    pandas_corpus, dask_corpus = frames
    stops_kept = an.ArabicAnalyzer(stop_words=None).tokens
    ranked = analysis.top_ngrams(pandas_corpus["text"], stops_kept, size=2, n=10**6)["term"]
    best, rare = ranked.iloc[0], ranked.iloc[-1]  # rare: present, not frequent enough
    answers = [best, [best], f" {best} ", [best, best], [best, "ملعب"], "ملعب", rare, [rare]]
    with dask.config.set(scheduler="synchronous"):
        memo.forget()
        for given_answer in [answer, *answers]:
            if given_answer == "an iterator":  # read once only: a fresh one per engine
                for items in (["ملعب", best], ["ملعب"], [best]):
                    assert evaluate("2.1", iter(items), corpus=dask_corpus) == evaluate(
                        "2.1", iter(items), corpus=pandas_corpus), items
                continue
            on_dask = evaluate("2.1", given_answer, corpus=dask_corpus)
            on_pandas = evaluate("2.1", given_answer, corpus=pandas_corpus)
            assert on_dask == on_pandas, given_answer
    assert evaluate("2.1", best, corpus=pandas_corpus).status == "right"
