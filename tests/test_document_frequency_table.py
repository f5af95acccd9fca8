"""``analysis.document_frequency_table``: the answers of the Counter of
``document_frequencies``, on both engines, and the lesson 02 checkers that ask it.

On pandas the table wraps that Counter; on Dask (the generated corpus in five Parquet
shards, the synchronous scheduler) the engine's aggregated table answers, and every answer
must be the Counter path's, ties in ``top(n)`` and absent keys included. The checkers of
exercises 2.2-2.4 must give the same verdicts and messages on both engines without ever
building the whole vocabulary's Counter on Dask.
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


# ----------------------------------------------------------------------------- on Dask
dask = pytest.importorskip("dask")


@pytest.fixture(scope="module")
def frames(generated_frames):
    return generated_frames


def test_dask_table_gives_the_counter_answers(frames):
    pandas_corpus, dask_corpus = frames
    tokens = an.ArabicAnalyzer().tokens
    counter = analysis.document_frequencies(pandas_corpus["text"], tokens)
    tied = next(n for n in range(5, 200)  # n cuts inside a tie
                if analysis.ranked_terms(counter, n + 1)["count"].iloc[-1]
                == analysis.ranked_terms(counter, n)["count"].iloc[-1])
    with dask.config.set(scheduler="synchronous"):
        table = analysis.document_frequency_table(dask_corpus["text"], tokens)
        assert repr(table) == "DocumentFrequencyTable(engine='dask')"
        for n in (1, tied, 20, 100_000):
            assert_table_answers_as_counter(table, counter, n)


def test_dask_table_counts_the_corpus_once(frames):
    """Questions read the persisted table: no partition is tokenised again."""
    _, dask_corpus = frames
    calls = []
    analyzer = an.ArabicAnalyzer()

    def tokens(text):
        calls.append(1)
        return analyzer.tokens(text)

    with dask.config.set(scheduler="synchronous"):
        table = analysis.document_frequency_table(dask_corpus["text"], tokens)
        counted = len(calls)
        assert counted == len(frames[0])
        table.top(5), table.total, table.once, table["حلب"], table.at_least(2)
    assert len(calls) == counted


def test_document_frequencies_of_ngrams_are_refused():
    from arabic_news.analysis._dask import DaskCounts

    with pytest.raises(ValueError, match="single terms"):
        DaskCounts(None, str.split, (1, 2), documents=True)


@pytest.fixture
def no_whole_vocabulary(monkeypatch):
    """On Dask the checkers must not build the Counter of every term."""
    from arabic_news.analysis import _dask

    def refused(*args, **kwargs):
        raise AssertionError("a checker built the whole vocabulary's Counter")

    for name in ("term_counts", "document_frequencies", "ngram_counts", "counter"):
        monkeypatch.setattr(_dask, name, refused)
    monkeypatch.setattr(_dask.DaskCounts, "counter", refused)


def _verdicts_agree(exercise, answers, pandas_corpus, dask_corpus, **options):
    from arabic_news.exercises import memo
    from arabic_news.exercises.core import evaluate

    memo.forget()
    statuses = set()
    with dask.config.set(scheduler="synchronous"):
        for answer in answers:
            on_dask = evaluate(exercise, answer, corpus=dask_corpus, **options)
            on_pandas = evaluate(exercise, answer, corpus=pandas_corpus, **options)
            assert on_dask == on_pandas, (exercise, answer)
            statuses.add(on_pandas.status)
    return statuses


def test_checker_2_2_gives_the_same_verdicts(frames, no_whole_vocabulary):
    pandas_corpus, dask_corpus = frames
    tokens = an.ArabicAnalyzer().tokens
    ranked = analysis.top_terms(pandas_corpus["text"], tokens, n=3)
    term, count = ranked["term"].iloc[0], int(ranked["count"].iloc[0])
    statuses = _verdicts_agree("2.2", [count, count + 1, 0, "many", None],
                               pandas_corpus, dask_corpus, term=term)
    assert statuses >= {"right", "wrong"}
    assert _verdicts_agree("2.2", [0, 1], pandas_corpus, dask_corpus, term="لا يوجد") >= {
        "right", "wrong"}


def test_checker_2_3_gives_the_same_verdicts(frames, no_whole_vocabulary):
    pandas_corpus, dask_corpus = frames
    tokens = an.ArabicAnalyzer().tokens
    for n in (5, 20):
        top = analysis.top_terms(pandas_corpus["text"], tokens, n=n)["term"]
        merged = analysis.merged_spellings(pandas_corpus["text"], top)
        expected = merged.loc[merged["spellings"] > 1, "term"].tolist()
        answers = [expected, expected[:-1], [*expected, "ملعب"], [], "ملعب", 3]
        statuses = _verdicts_agree("2.3", answers, pandas_corpus, dask_corpus, n=n)
        assert "right" in statuses and "wrong" in statuses


def test_checker_2_4_gives_the_same_verdicts(frames, no_whole_vocabulary):
    pandas_corpus, dask_corpus = frames
    tokens = an.ArabicAnalyzer().tokens
    ranked = analysis.ranked_terms(analysis.document_frequencies(pandas_corpus["text"], tokens),
                                   10**6)
    widest, narrow = ranked["term"].iloc[0], ranked["term"].iloc[-1]
    tied = ranked.loc[ranked["count"] == ranked["count"].iloc[0], "term"].iloc[-1]
    answers = [widest, f" {widest} ", tied, narrow, "في", "لا يوجد", None, 3, ["ملعب"]]
    statuses = _verdicts_agree("2.4", answers, pandas_corpus, dask_corpus)
    assert statuses >= {"right", "wrong"}


def test_checker_2_4_not_applicable_on_both_engines(tmp_path):
    from arabic_news.corpus.shards import write_shards

    source = tmp_path / "stops.jsonl"
    pandas_corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["في من على", "من"]})
    pandas_corpus.to_json(source, orient="records", lines=True, force_ascii=False)
    write_shards(source, tmp_path / "shards", rows_per_shard=1)
    with dask.config.set(scheduler="synchronous"):
        dask_corpus = an.load_corpus(tmp_path / "shards", engine="dask")
        statuses = _verdicts_agree("2.4", [None, "في"], an.load_corpus(source), dask_corpus)
    assert statuses == {"not applicable"}


def test_counts_of_some_keys_agree_on_both_engines(frames):
    pandas_corpus, dask_corpus = frames
    tokens = an.ArabicAnalyzer().tokens
    counter = analysis.document_frequencies(pandas_corpus["text"], tokens)
    keys = {*list(counter)[:7], "ليست-في-النص", "حلب"}
    expected = Counter({key: counter[key] for key in keys if key in counter})
    assert analysis.document_frequency_table(pandas_corpus["text"], tokens).counts_of(keys) \
        == expected
    with dask.config.set(scheduler="synchronous"):
        table = analysis.document_frequency_table(dask_corpus["text"], tokens)
        assert table.counts_of(keys) == expected
        assert table.counts_of(set()) == Counter()
        with pytest.raises(TypeError, match="keys are strings"):
            table.counts_of({"حلب", 3})


def test_tfidf_of_shown_on_dask_brings_back_only_the_shown_terms(frames, no_whole_vocabulary):
    pandas_corpus, dask_corpus = frames
    analyzer = an.ArabicAnalyzer()
    shown = pandas_corpus["text"].head(4)
    expected, names = analysis.tfidf_of_shown(shown, pandas_corpus["text"], analyzer,
                                              sublinear_tf=True, min_df=2)
    with dask.config.set(scheduler="synchronous"):
        got, vectorizer = analysis.tfidf_of_shown(shown, dask_corpus["text"], analyzer,
                                                  sublinear_tf=True, min_df=2)
    assert vectorizer.get_feature_names_out().tolist() == names.get_feature_names_out().tolist()
    assert (got != expected).nnz == 0


def test_lesson_7_checkers_give_the_same_verdicts_without_the_vocabulary(frames,
                                                                         no_whole_vocabulary):
    pandas_corpus, dask_corpus = frames
    tokens = an.ArabicAnalyzer().tokens
    bigrams = analysis.ranked_terms(analysis.ngram_counts(pandas_corpus["text"], tokens,
                                                          sizes=(2,))[2], 10**6)
    top3 = bigrams["term"].head(3).tolist()
    third = bigrams["count"].iloc[2]
    tied = bigrams.loc[bigrams["count"] == third, "term"].tolist()
    answers = [top3, top3[::-1], [*top3[:2], bigrams["term"].iloc[-1]],
               [*top3[:2], tied[-1]], top3[:2], ["لا يوجد هنا", *top3[:2]], "حلب", None]
    assert _verdicts_agree("7.2", answers, pandas_corpus, dask_corpus) >= {"right", "wrong"}
    from arabic_news.exercises.core import evaluate

    with dask.config.set(scheduler="synchronous"):  # an iterator is read once, then judged
        assert evaluate("7.2", iter(top3), corpus=dask_corpus).status == "right"
    documents = analysis.document_frequencies(pandas_corpus["text"], tokens)
    term, count = next(iter(documents.most_common(1)))
    for name, expected in ((term, count), ("لا يوجد", 0)):
        statuses = _verdicts_agree("7.3", [expected, expected + 1, "many"], pandas_corpus,
                                   dask_corpus, term=name)
        assert statuses >= {"right", "wrong"}


def test_memo_takes_a_dask_series_as_the_column_itself(frames):
    """A Dask Series has a ``columns`` attribute too: it must not be read as a frame."""
    from arabic_news.exercises.memo import per_texts, texts_of

    _, dask_corpus = frames
    assert texts_of(dask_corpus["text"]) is not None
    assert texts_of(dask_corpus)._name == dask_corpus["text"]._name
    assert texts_of(dask_corpus["text"])._name == dask_corpus["text"]._name

    @per_texts
    def rows(texts):
        return len(texts)

    with dask.config.set(scheduler="synchronous"):
        assert rows(dask_corpus["text"]) == rows(dask_corpus) == 240
