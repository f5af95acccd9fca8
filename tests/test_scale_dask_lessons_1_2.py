"""Lessons 1 and 2 on the Dask engine: every analysis they call gives the pandas result.

Same generated corpus as ``test_scale_dask.py`` (240 articles in five Parquet shards of 50
rows, so every count crosses partitions), Dask on its synchronous scheduler.
"""

from collections import Counter

import pandas as pd
import pytest

dask = pytest.importorskip("dask")

import arabic_news as an  # noqa: E402
from arabic_news import analysis  # noqa: E402
from arabic_news.exercises import memo  # noqa: E402
from arabic_news.exercises.core import evaluate  # noqa: E402


@pytest.fixture(autouse=True)
def synchronous():
    with dask.config.set(scheduler="synchronous"):
        yield


@pytest.fixture(scope="module")
def frames(generated_frames):
    return generated_frames


def test_written_words_and_everything_made_from_them_are_equal(frames):
    pandas_corpus, dask_corpus = frames
    words = analysis.written_words(pandas_corpus["text"])
    on_dask = analysis.written_words(dask_corpus["text"])
    assert isinstance(on_dask, Counter) and on_dask == words and len(words) > 300
    assert list(on_dask) == sorted(on_dask)  # deterministic order: by word
    pd.testing.assert_frame_equal(analysis.cleaning_examples(on_dask, per_step=3),
                                  analysis.cleaning_examples(words, per_step=3))
    stages, stages_dask = analysis.stage_counts(words), analysis.stage_counts(on_dask)
    assert stages_dask == stages
    for left, right in zip(analysis.compare_cleanings(stages_dask, n=10),
                           analysis.compare_cleanings(stages, n=10), strict=True):
        pd.testing.assert_frame_equal(left, right)
    pd.testing.assert_frame_equal(analysis.stemming_examples(stages_dask["normalised"], n=8),
                                  analysis.stemming_examples(stages["normalised"], n=8))


def test_word_total_and_articles_per_source_are_equal(frames):
    pandas_corpus, dask_corpus = frames
    expected = int(pandas_corpus["text"].str.split().str.len().sum())
    assert analysis.word_total(pandas_corpus["text"]) == expected
    assert analysis.word_total(dask_corpus["text"]) == expected > 1000
    expected = pandas_corpus["source"].fillna("?").value_counts()
    pd.testing.assert_series_equal(analysis.articles_per_source(pandas_corpus, "?"), expected)
    pd.testing.assert_series_equal(analysis.articles_per_source(dask_corpus, "?"), expected)
    with pytest.raises(ValueError, match="needs a 'source' column"):
        analysis.articles_per_source(pandas_corpus[["text"]])


@pytest.mark.parametrize("n", [1, 7, 50, 60, 500])
def test_first_articles_are_equal_without_computing_the_corpus(frames, n):
    pandas_corpus, dask_corpus = frames
    columns = ["doc_id", "title", "source", "published"]
    first = analysis.first_articles(dask_corpus[columns], n)
    pd.testing.assert_frame_equal(first, pandas_corpus[columns].head(n))
    by_id = analysis.first_articles(dask_corpus, n, by="doc_id")
    expected = pandas_corpus.sort_values("doc_id").head(n)
    pd.testing.assert_frame_equal(by_id, expected.reset_index(drop=True))
    pd.testing.assert_frame_equal(analysis.first_articles(pandas_corpus, n, by="doc_id"), expected)


def test_first_articles_options_are_checked(frames):
    pandas_corpus, dask_corpus = frames
    with pytest.raises(ValueError, match="by='date' is not a column"):
        analysis.first_articles(dask_corpus, 3, by="date")
    with pytest.raises(ValueError, match="n must be a positive integer"):
        analysis.first_articles(pandas_corpus, 0)


@pytest.mark.parametrize("limit", [1, 12, 80, None])
@pytest.mark.parametrize("term", ["حلب", "روسيا", "غائبة"])
def test_keyword_in_context_is_equal_and_stops_at_the_limit(frames, term, limit):
    pandas_corpus, dask_corpus = frames
    expected = analysis.keyword_in_context(pandas_corpus, term, an.normalize, window=4,
                                           limit=limit)
    found = analysis.keyword_in_context(dask_corpus, term, an.normalize, window=4, limit=limit)
    pd.testing.assert_frame_equal(found, expected)
    if term == "حلب" and limit != 1:
        assert len(expected) == limit if limit else len(expected) > 80


def test_keyword_in_context_reads_no_partition_past_the_limit(frames, monkeypatch):
    _, dask_corpus = frames
    from arabic_news.analysis import kwic

    searched = []
    original = kwic.keyword_in_context

    def counting(corpus, *args, **kwargs):
        if not analysis._dask.is_dask(corpus):
            searched.append(len(corpus))
        return original(corpus, *args, **kwargs)

    monkeypatch.setattr(kwic, "keyword_in_context", counting)
    counting(dask_corpus, "حلب", an.normalize, limit=3)
    assert searched == [50]  # the first partition holds three matches: the others stay unread


def test_merged_spellings_are_equal(frames):
    pandas_corpus, dask_corpus = frames
    analyzer = an.ArabicAnalyzer()
    terms = analysis.top_terms(pandas_corpus["text"], analyzer, n=20)["term"]
    expected = analysis.merged_spellings(pandas_corpus["text"], terms)
    assert (expected["spellings"] > 1).any()
    pd.testing.assert_frame_equal(analysis.merged_spellings(dask_corpus["text"], terms), expected)


@pytest.mark.parametrize("analyzer", [None, an.ArabicAnalyzer(), an.ArabicAnalyzer(stem="article")])
def test_display_forms_are_equal(frames, analyzer):
    pandas_corpus, dask_corpus = frames
    expected = an.display_forms(pandas_corpus["text"], analyzer)
    forms = an.display_forms(dask_corpus["text"], analyzer)
    assert dict(forms) == dict(expected) and len(expected) > 100
    assert all(forms.spellings(key) == expected.spellings(key) for key in expected)
    keys = list(expected)[:15] + ["وزاره الدفاع"]
    bounded = an.display_forms(dask_corpus["text"], analyzer, keys=keys)
    assert bounded.labels(keys) == expected.labels(keys)
    assert len(bounded) < len(expected)
    regroup = lambda key: an.light_stem(key, "article")  # noqa: E731
    assert dict(forms.regroup(regroup)) == dict(expected.regroup(regroup))


def _right_answers(corpus):
    """The lessons' own solutions, written on the pandas corpus."""
    analyzer = an.ArabicAnalyzer()
    texts = corpus["text"].tolist()
    words = analysis.written_words(texts)
    stages = analysis.stage_counts(words)
    normalised = stages["normalised"]
    stops = an.stop_words()
    stop_counts = Counter({t: n for t, n in normalised.items() if t in stops})
    written = stages["as written"]
    groups: dict = {}
    for word in written:
        groups.setdefault(an.normalize(word), []).append(word)
    counts = analysis.ngram_counts(texts, analyzer.tokens, sizes=(1, 2))
    top = analysis.ranked_terms(counts[1], n=20)
    merged = analysis.merged_spellings(texts, top["term"])
    with_stops = analysis.top_ngrams(texts, an.ArabicAnalyzer(stop_words=None).tokens, 2, n=1)
    frequencies = analysis.document_frequencies(texts, analyzer.tokens)
    return {
        "1.1": ({"corpus": corpus}, len({t for w in words
                                         for t in an.tokenize(w, normalizer=an.Normalizer(
                                             hamza=True))})),
        "1.2": ({"corpus": corpus}, [t for t, _ in stop_counts.most_common(5)]),
        "1.3": ({"corpus": corpus}, next(w for w, _ in normalised.most_common()
                                         if an.light_stem(w, "article") == w
                                         and an.light_stem(w, "proclitic", normalised) != w)),
        "1.4": ({"corpus": corpus}, next(tuple(g[:2]) for g in groups.values() if len(g) > 1)),
        "2.1": ({"corpus": corpus}, with_stops["term"].iloc[0]),
        "2.2": ({"corpus": corpus, "term": "حلب"}, counts[1][an.normalize("حلب")]),
        "2.3": ({"corpus": corpus, "n": 20},
                merged.loc[merged["spellings"] > 1, "term"].tolist()),
        "2.4": ({"corpus": corpus}, max(frequencies, key=lambda t: (frequencies[t], t))),
    }


def test_checkers_of_lessons_1_and_2_give_the_same_verdicts_on_dask(frames):
    pandas_corpus, dask_corpus = frames
    memo.forget()
    for exercise, (inputs, answer) in _right_answers(pandas_corpus).items():
        on_pandas = evaluate(exercise, answer, **inputs)
        on_dask = evaluate(exercise, answer, **{**inputs, "corpus": dask_corpus})
        assert on_dask == on_pandas, exercise
        assert on_pandas.status == "right", (exercise, on_pandas.message)
        wrong = 1 if exercise in {"1.1", "2.2"} else "ملعب"
        assert evaluate(exercise, wrong, **{**inputs, "corpus": dask_corpus}) == evaluate(
            exercise, wrong, **inputs), exercise


def test_checkers_remember_a_dask_corpus_by_its_name(frames, monkeypatch):
    _, dask_corpus = frames
    memo.forget()
    calls = []

    @memo.per_texts
    def count(texts):
        calls.append(type(texts).__module__)
        return analysis.word_total(texts)

    assert count(dask_corpus) == count(dask_corpus) > 1000
    assert len(calls) == 1 and calls[0].startswith("dask")
    memo.forget()


def test_first_rows_reads_on_when_the_first_partition_is_short(tmp_path):
    """Dask's ``head`` reads the first partition only; ``first_rows`` gathers until it has
    ``n`` rows, as pandas ``head`` gives them (here: date mentions, a few per article, in
    one-article partitions)."""
    from arabic_news.corpus.shards import write_shards

    write_shards(None, tmp_path / "one-each", rows_per_shard=1)  # the seeds, one per shard
    pandas_mentions = an.dates_table(an.load_corpus(None))
    dask_corpus = an.load_corpus(tmp_path / "one-each", engine="dask")
    assert dask_corpus.npartitions == 2
    mentions = an.dates_table(dask_corpus)
    first_partition = len(mentions.get_partition(0).compute())
    n = len(pandas_mentions)
    assert n > first_partition > 0  # the first partition alone is short
    pd.testing.assert_frame_equal(analysis.first_rows(mentions, n),
                                  pandas_mentions.head(n).reset_index(drop=True))
    pd.testing.assert_frame_equal(analysis.first_rows(pandas_mentions, n),
                                  pandas_mentions.head(n))
    with pytest.raises(ValueError, match="by='nope' is not a column"):
        analysis.first_rows(pandas_mentions, 3, by="nope")
