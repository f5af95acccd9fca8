"""The engine seam itself: which engine runs on what, what Dask keeps and reads, the recipe.

That every analysis gives the same result on both engines is proved once, in
``tests/test_engine_equality.py``; here are the properties of the engines that equality
cannot show (laziness, persisted tables read once, partitions left unread, clusters).
"""

from collections import Counter

import pandas as pd
import pytest

import arabic_news as an
from arabic_news import analysis
from arabic_news.engines import ENGINES, check_engine, engine_of

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")


@pytest.fixture(autouse=True)
def synchronous():
    with dask.config.set(scheduler="synchronous"):
        yield


@pytest.fixture(scope="module")
def frames(generated_frames):
    return generated_frames


def test_engine_of_names_the_engine_of_its_data(frames):
    pandas_corpus, dask_corpus = frames
    assert engine_of(pandas_corpus).name == engine_of(["a"]).name == "pandas"
    assert engine_of(iter(["a"])).name == engine_of(pandas_corpus["text"]).name == "pandas"
    assert engine_of(dask_corpus).name == engine_of(dask_corpus["text"]).name == "dask"
    assert engine_of(pandas_corpus, dask_corpus).name == "dask"  # any Dask input: Dask
    assert ENGINES == ("pandas", "dask") and check_engine("dask") == "dask"
    with pytest.raises(ValueError, match="engine='spark' is not allowed"):
        an.load_corpus(engine="spark")
    with pytest.raises(ValueError, match="dask_options= is for engine='dask'"):
        an.load_corpus(dask_options={"rows_per_shard": 3})


def test_the_dask_corpus_is_lazy_with_one_partition_per_shard(frames):
    pandas_corpus, dask_corpus = frames
    assert isinstance(dask_corpus, dd.DataFrame) and dask_corpus.npartitions == 5
    assert list(dask_corpus.columns) == list(pandas_corpus.columns)
    assert isinstance(an.dates_table(dask_corpus), dd.DataFrame)  # mentions stay lazy


_LENGTH = {"count": "int64", "length": "int64"}


def _lengths(texts, analyzer):
    rows: dict = {}
    for text in texts:
        for term in analyzer(text):
            rows[len(term)] = rows.get(len(term), 0) + 1
    return pd.DataFrame({"length": list(rows), "count": list(rows.values())}, dtype="int64")


def term_lengths(texts, analyzer) -> pd.Series:
    """The recipe of the engines' docstring, as written there."""
    engine = engine_of(texts)
    table = engine.sum_by(texts, _lengths, analyzer, keys=["length"], few_keys=True)
    table = engine.collect(table)
    return table.set_index("length")["count"].sort_index()


def test_the_documented_recipe_runs_on_both_engines(frames):
    pandas_corpus, dask_corpus = frames
    analyzer = an.ArabicAnalyzer()
    expected = Counter(len(term) for text in pandas_corpus["text"] for term in analyzer(text))
    on_pandas = term_lengths(pandas_corpus["text"], analyzer)
    assert on_pandas.to_dict() == dict(sorted(expected.items()))
    pd.testing.assert_series_equal(term_lengths(dask_corpus["text"], analyzer), on_pandas)
    from arabic_news import engines

    assert "def term_lengths(texts, analyzer)" in engines.__doc__  # the recipe shown is this


def test_batches_and_numbered_partitions_on_both_engines(frames):
    """What an index builder uses: a frame a batch at a time, and one call per partition
    that knows its number (to name the file it writes)."""
    pandas_corpus = frames[0]
    for corpus in frames:
        engine = engine_of(corpus)
        batches = list(engine.batches(corpus[["doc_id", "text"]], 30))
        assert all(isinstance(batch, pd.DataFrame) and 0 < len(batch) <= 30 for batch in batches)
        assert pd.concat(batches)["doc_id"].tolist() == pandas_corpus["doc_id"].tolist()
        texts = list(engine.batches(corpus["text"], 30))
        assert all(isinstance(batch, list) and len(batch) <= 30 for batch in texts)
        assert [text for batch in texts for text in batch] == pandas_corpus["text"].tolist()
        numbered = engine.per_partition(corpus["doc_id"], _numbered, "x", numbered=True)
        assert [number for number, _, _ in numbered] == list(range(engine.partitions(corpus)))
        assert {tag for _, tag, _ in numbered} == {"x"}
        assert sum(rows for _, _, rows in numbered) == len(pandas_corpus)


def _numbered(part, number, tag):
    return number, tag, len(part)


def _placed(part, number, offsets, column):
    """Each row's place in the whole data, from its partition's number and offsets."""
    start = offsets[number]
    return pd.DataFrame({"place": range(start, start + len(part)),
                         column: part[column].tolist()}).astype({"place": "int64"})


def test_numbered_map_partitions_give_each_row_its_place_in_the_corpus(frames):
    """A lazy ``map_partitions`` whose function knows its partition's number: with the
    lengths of the partitions, every row's place in corpus order, on both engines."""
    pandas_corpus = frames[0]
    expected = pd.DataFrame({"place": range(len(pandas_corpus)),
                             "doc_id": pandas_corpus["doc_id"].tolist()}).astype(
        {"place": "int64"})
    for corpus in frames:
        engine = engine_of(corpus)
        lengths = engine.per_partition(corpus["doc_id"], len)
        offsets = [sum(lengths[:number]) for number in range(len(lengths))]
        placed = engine.map_partitions(corpus, _placed, offsets, "doc_id", numbered=True)
        if engine.name == "dask":
            assert isinstance(placed, dd.DataFrame) and len(offsets) == 5  # lazy, 5 shards
            late = placed[placed["place"] >= offsets[-1]]  # the rows of the last partition
            assert engine.collect(late)["place"].tolist() == list(range(offsets[-1],
                                                                        len(pandas_corpus)))
        got = engine.collect(placed).sort_values("place").reset_index(drop=True)
        pd.testing.assert_frame_equal(got, expected, check_dtype=False)
        assert got["place"].dtype == "int64"
    batches = engine_of(iter([])).map_partitions(  # an iterator: one partition per batch
        (str(n) for n in range(25_000)), lambda part, number: pd.DataFrame(
            {"number": [number] * len(part)}), numbered=True)
    assert batches["number"].value_counts().sort_index().tolist() == [10_000, 10_000, 5_000]


@pytest.mark.parametrize("make", ["count_table", "document_frequency_table"])
def test_dask_tables_count_the_corpus_once(frames, make):
    """Questions read the kept (persisted) table: no partition is tokenised again."""
    _, dask_corpus = frames
    calls = []
    analyzer = an.ArabicAnalyzer()

    def tokens(text):
        calls.append(1)
        return analyzer.tokens(text)

    if make == "count_table":
        table = analysis.count_table(dask_corpus["text"], tokens, sizes=(1,))[1]
        assert repr(table) == "CountTable(size=1, engine='dask')"
    else:
        table = analysis.document_frequency_table(dask_corpus["text"], tokens)
        assert repr(table) == "DocumentFrequencyTable(engine='dask')"
    counted = len(calls)
    assert counted == len(frames[0])
    table.top(5), table.total, table.once, table["حلب"], table.at_least(2), table.counter()
    assert len(calls) == counted


def test_one_partition_sums_as_the_pandas_engine_sums(frames):
    """A Dask corpus of one partition hands its rows on as the sums (each key is there at
    most once), as the pandas engine does, instead of grouping them again."""
    pandas_corpus, _ = frames
    single = dd.from_pandas(pandas_corpus, npartitions=1)
    assert single.npartitions == 1
    analyzer = an.ArabicAnalyzer()
    for size in (1, 2):
        assert analysis.count_table(single["text"], analyzer.tokens, sizes=(size,))[
            size].counter() == analysis.count_table(pandas_corpus["text"], analyzer.tokens,
                                                    sizes=(size,))[size].counter()
    terms = list(analysis.top_terms(pandas_corpus["text"], analyzer, n=2)["term"])
    pd.testing.assert_frame_equal(
        analysis.term_share_over_time(single, terms, analyzer),
        analysis.term_share_over_time(pandas_corpus, terms, analyzer))
    assert analysis.written_words(single["text"]) == analysis.written_words(
        pandas_corpus["text"])


def test_keyword_in_context_reads_no_partition_past_the_limit(frames, monkeypatch):
    _, dask_corpus = frames
    from arabic_news.analysis import kwic

    searched = []
    original = kwic._matches

    def counting(corpus, *args, **kwargs):
        searched.append(len(corpus))
        return original(corpus, *args, **kwargs)

    monkeypatch.setattr(kwic, "_matches", counting)
    found = analysis.keyword_in_context(dask_corpus, "حلب", an.normalize, limit=3)
    assert len(found) == 3
    assert [rows for rows in searched if rows] == [50]  # the first partition holds three


def test_first_rows_reads_on_when_the_first_partition_is_short(tmp_path):
    """Dask's ``head`` reads the first partition only; ``first_rows`` gathers until it has
    ``n`` rows, as pandas ``head`` gives them (here: date mentions, a few per article, in
    one-article partitions)."""
    from arabic_news.corpus.convert import write_shards

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
    with pytest.raises(ValueError, match="by='date' is not a column"):
        analysis.first_articles(dask_corpus, 3, by="date")
    with pytest.raises(ValueError, match="n must be a positive integer"):
        analysis.first_articles(dask_corpus, 0)


def test_checker_2_4_not_applicable_on_both_engines(tmp_path):
    from arabic_news.corpus.convert import write_shards
    from arabic_news.exercises import evaluate, memo

    source = tmp_path / "stops.jsonl"
    pd.DataFrame({"doc_id": ["a", "b"], "text": ["في من على", "من"]}).to_json(
        source, orient="records", lines=True, force_ascii=False)
    write_shards(source, tmp_path / "shards", rows_per_shard=1)
    memo.forget()
    for corpus in (an.load_corpus(source), an.load_corpus(tmp_path / "shards", engine="dask")):
        assert {evaluate("2.4", answer, corpus=corpus).status for answer in (None, "في")} == {
            "not applicable"}


def test_checker_7_1_counts_the_partitions_of_either_engine(frames):
    from arabic_news.exercises import evaluate

    pandas_corpus, dask_corpus = frames
    assert evaluate("7.1", 1, corpus=pandas_corpus).status == "right"
    assert evaluate("7.1", 5, corpus=dask_corpus).status == "right"
    assert evaluate("7.1", 1, corpus=dask_corpus).status == "wrong"


def test_checkers_remember_a_dask_corpus_by_its_name(frames):
    from arabic_news.exercises import memo

    _, dask_corpus = frames
    memo.forget()
    calls = []

    @memo.per_texts
    def count(texts):
        calls.append(type(texts).__module__)
        return analysis.word_total(texts)

    assert count(dask_corpus) == count(dask_corpus) == count(dask_corpus["text"]) > 1000
    assert len(calls) == 1 and calls[0].startswith("dask")
    assert memo.texts_of(dask_corpus)._name == dask_corpus["text"]._name  # the column itself
    memo.forget()


def test_keep_persists_a_dask_table_and_returns_pandas_as_it_is(frames):
    from arabic_news import scale

    pandas_corpus, dask_corpus = frames
    table = pd.DataFrame({"a": [1]})
    assert scale.keep(table) is table
    kept = scale.keep(an.dates_table(dask_corpus))
    assert isinstance(kept, dd.DataFrame)
    pd.testing.assert_frame_equal(kept.compute().reset_index(drop=True),
                                  an.dates_table(pandas_corpus))


def test_a_real_local_cluster_gives_the_same_counts(frames):
    """One LocalCluster of two worker processes (the only test here that starts processes)."""
    from arabic_news import scale

    pandas_corpus, dask_corpus = frames
    analyzer = an.ArabicAnalyzer()
    with dask.config.set(scheduler=None), scale.client(n_workers=2, memory_limit="1GB",
                                                       dashboard=False) as client:
        assert "2 workers, 2 threads, memory limit per worker 1.0 GB" in scale.describe(client)
        on_cluster = analysis.ngram_counts(dask_corpus["text"], analyzer.tokens, sizes=(2,))
        similar = analysis.similarity_to_corpus(pandas_corpus["text"][:2], dask_corpus["text"],
                                                analyzer)
    assert on_cluster == analysis.ngram_counts(pandas_corpus["text"], analyzer.tokens, (2,))
    assert (similar == analysis.similarity_to_corpus(pandas_corpus["text"][:2],
                                                     pandas_corpus["text"], analyzer)).all()


def test_client_options_are_checked():
    from arabic_news import scale

    with pytest.raises(ValueError, match="n_workers=0"):
        scale.client(n_workers=0)
    with pytest.raises(ValueError, match="scheduler address"):
        scale.client(address=" ")


def test_start_engine_needs_nothing_for_pandas_and_checks_its_options():
    from arabic_news import scale

    assert scale.start_engine("pandas") is None
    with pytest.raises(ValueError, match="engine='spark' is not allowed"):
        scale.start_engine("spark")
    with pytest.raises(ValueError, match="scheduler_address=.* is for engine='dask'"):
        scale.start_engine("pandas", "tcp://10.0.0.5:8786")


def test_start_engine_starts_a_local_cluster_for_dask():
    from arabic_news import scale

    with dask.config.set(scheduler=None), scale.start_engine("dask", n_workers=1,
                                                             dashboard=False) as client:
        assert len(client.scheduler_info()["workers"]) == 1
        assert client.submit(sum, [1, 2]).result() == 3
