"""The lessons' corpus steps in one call: each step on its switch, in order, and said."""

import pandas as pd
import pytest

import arabic_news as an


@pytest.fixture(scope="module")
def corpus():
    seeds = an.load_corpus()
    copy = seeds.iloc[[0]].assign(doc_id="copy", source="another outlet",
                                  published=seeds["published"].iloc[0] + pd.Timedelta(hours=5))
    short = seeds.iloc[[1]].assign(doc_id="short", text="عنوان بلا نص")
    return pd.concat([seeds, copy, short], ignore_index=True)


def test_every_step_runs_in_order_and_is_said(corpus):
    before = corpus.copy()
    prepared = an.prepare_corpus(corpus, short_text_words=5)
    assert list(prepared["doc_id"]) == list(corpus["doc_id"].iloc[:2])  # copy and short out
    assert prepared.attrs["short_texts_left_out"] == 1
    assert prepared.attrs["deduplication"]["set_aside"] == 1
    assert "boilerplate" in prepared.attrs
    lines = an.preparation_note(prepared).split("\n")
    assert lines == [an.boilerplate_note(prepared), an.analysis.short_texts_note(prepared),
                     an.deduplication_note(prepared)]
    pd.testing.assert_frame_equal(corpus, before)  # the input is left as it is


def test_each_step_has_its_switch(corpus):
    kept = an.prepare_corpus(corpus, remove_boilerplate=False, count_each_story_once=False)
    assert len(kept) == len(corpus)
    assert an.preparation_note(kept).split("\n") == [
        an.boilerplate_note(corpus), an.deduplication_note(corpus)]
    assert "not removed" in an.boilerplate_note(kept)
    assert "counted" in an.deduplication_note(kept)


def test_preparing_a_kept_dask_corpus_reads_each_shard_three_times_at_most(tmp_path, monkeypatch):
    """Boilerplate removal and reprint detection each learn the corpus's size and the key of
    what they keep from one read of each partition (on Dask a read is the shard and every
    step before it); the count of articles before deduplication is the third read."""
    pytest.importorskip("dask")
    import dask
    from generated_corpus import write_generated_corpus

    from arabic_news.corpus import on_engine

    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(tmp_path / "cache"))
    path = write_generated_corpus(tmp_path / "corpus.jsonl", articles=600)
    reads: list[str] = []
    read_shard = on_engine.read_shard

    def counted(shard, columns=None, **options):
        if columns is None or "text" in columns:
            reads.append(shard)
        return read_shard(shard, columns, **options)

    monkeypatch.setattr(on_engine, "read_shard", counted)
    with dask.config.set(scheduler="synchronous"):
        corpus = an.load_corpus(path, engine="dask", date_column="date", id_column="id",
                                dask_options={"rows_per_shard": 200})
        first = an.prepare_corpus(corpus)  # finds and keeps what it removes
        reads.clear()
        again = an.prepare_corpus(corpus)  # reads what was kept
        shards = corpus.npartitions
    assert shards == 3 and len(set(reads)) == shards
    assert len(reads) <= 3 * shards, f"{len(reads)} reads of {shards} shards"
    assert again.attrs["deduplication"] == first.attrs["deduplication"]
    pd.testing.assert_frame_equal(again.attrs["boilerplate"], first.attrs["boilerplate"])
