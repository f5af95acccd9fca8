"""Issue 16 (shard cache) and issue 17 item 5 (provenance): the shards cache is never stale,
never served broken, writes only inside its own folder, and ``load_corpus`` of the user's own
path reads the shards the runner prepared, saying so in ``attrs["provenance"]``."""

import json
import os
import warnings

import pandas as pd
import pytest

import arabic_news as an
from arabic_news.corpus import corpus_attrs, skipped_documents, skipped_summary
from arabic_news.corpus.cache import DamagedCacheEntryWarning
from arabic_news.corpus.convert import cached_shards
from arabic_news.corpus.policy import SkippedDocumentWarning
from arabic_news.errors import CorpusError

dd = pytest.importorskip("dask.dataframe")


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    """A cache folder of this test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(folder))
    return folder


def _folder(tmp_path, texts=("خبر أول عن حلب", "خبر ثان عن دمشق")):
    root = tmp_path / "corpus"
    root.mkdir()
    for number, text in enumerate(texts):
        (root / f"a{number}.txt").write_text(text, encoding="utf-8")
    return root


def _same_size_edit(path, old, new):
    """Rewrite ``path`` with ``old`` replaced by ``new`` (same size) and its times put back."""
    info = path.stat()
    data = path.read_bytes().replace(old.encode(), new.encode())
    assert len(data) == info.st_size
    path.write_bytes(data)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_mtime_ns == info.st_mtime_ns and path.stat().st_size == info.st_size


def _texts(frame):
    frame = frame.compute() if hasattr(frame, "compute") else frame
    return list(frame.text)


# --- the cache is never stale --------------------------------------------------------------

@pytest.mark.parametrize("engine", ["dask", "pandas-after-runner"])
def test_edit_keeping_size_and_mtime_is_not_served_stale(tmp_path, engine):
    from arabic_news import run_notebooks

    root = _folder(tmp_path)
    load = (lambda: an.load_corpus(root, engine="dask")) if engine == "dask" \
        else (lambda: an.load_corpus(root))
    if engine != "dask":
        run_notebooks.prepare_corpus(str(root))
    assert _texts(load())[0] == "خبر أول عن حلب"
    _same_size_edit(root / "a0.txt", "حلب", "حمص")
    assert _texts(load())[0] == "خبر أول عن حمص"


def test_edited_external_metadata_is_not_served_stale(tmp_path):
    root = _folder(tmp_path)
    metadata = tmp_path / "meta.csv"
    metadata.write_text("file,title\na0.txt,عنوان أول\na1.txt,عنوان ثان\n", encoding="utf-8")
    first = an.load_corpus(root, metadata=metadata, engine="dask").compute()
    assert first.title[0] == "عنوان أول"
    _same_size_edit(metadata, "أول", "آخر")
    again = an.load_corpus(root, metadata=metadata, engine="dask").compute()
    assert again.title[0] == "عنوان آخر"


# --- a damaged entry is rebuilt, saying so ---------------------------------------------------

def test_truncated_cache_shard_is_named_and_rebuilt(tmp_path):
    root = _folder(tmp_path)
    folder = cached_shards(root, {})
    shard = folder / "part-00000.parquet"
    shard.write_bytes(shard.read_bytes()[:100])
    with pytest.warns(DamagedCacheEntryWarning, match=r"damaged cache entry .*part-00000"):
        corpus = an.load_corpus(root, engine="dask")
    assert _texts(corpus) == ["خبر أول عن حلب", "خبر ثان عن دمشق"]
    assert corpus_attrs(corpus)["provenance"]["cache"] == "built"
    assert cached_shards(root, {}) == folder  # sound again: used as it is


def test_pandas_never_reads_a_damaged_entry(tmp_path):
    root = _folder(tmp_path)
    folder = cached_shards(root, {})
    (folder / "part-00000.parquet").write_bytes(b"PAR1 not parquet")
    frame = an.load_corpus(root)
    assert frame.attrs["provenance"]["cache"] is None
    assert list(frame.text) == ["خبر أول عن حلب", "خبر ثان عن دمشق"]
    assert (folder / "part-00000.parquet").read_bytes() == b"PAR1 not parquet"  # read only


# --- the cache writes only in its own folder ------------------------------------------------

def test_cache_inside_the_corpus_is_refused_before_anything_is_created(tmp_path):
    root = _folder(tmp_path)
    with pytest.raises(CorpusError, match="refusing to write shards inside the corpus"):
        an.load_corpus(root, engine="dask", dask_options={"cache_dir": root / ".cache"})
    assert sorted(p.name for p in root.iterdir()) == ["a0.txt", "a1.txt"]


def test_cache_that_is_a_file_is_a_clear_error(tmp_path, monkeypatch):
    root = _folder(tmp_path)
    not_a_folder = tmp_path / "cache-file"
    not_a_folder.write_text("x")
    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(not_a_folder))
    with pytest.raises(CorpusError, match=r"cache-file: the shards cache must be a folder.*"
                                          "ARABIC_NEWS_CACHE"):
        an.load_corpus(root, engine="dask")
    with pytest.raises(CorpusError, match="cache-file is a file, not a folder"):
        an.load_corpus(root, engine="dask", dask_options={"cache_dir": not_a_folder / "sub"})
    assert an.load_corpus(root).attrs["provenance"]["cache"] is None  # pandas: unaffected


# --- load_corpus(the user's path) reads what the runner prepared ------------------------------

def test_loading_the_original_path_after_the_runner_reads_its_shards(tmp_path, cache):
    from arabic_news import run_notebooks

    root = _folder(tmp_path)
    direct = an.load_corpus(root)
    assert direct.attrs["provenance"] == {"corpus": str(root.resolve()), "shards": None,
                                         "cache": None}
    _, prepared = run_notebooks.prepare_corpus(str(root))
    listing = sorted(p.name for p in cache.iterdir())
    frame = an.load_corpus(root)
    assert frame.attrs["provenance"] == {"corpus": str(root.resolve()),
                                         "shards": str(prepared), "cache": "hit"}
    pd.testing.assert_frame_equal(frame, direct)
    lazy = an.load_corpus(root, engine="dask")
    assert corpus_attrs(lazy)["provenance"] == frame.attrs["provenance"]
    assert sorted(p.name for p in cache.iterdir()) == listing  # nothing more written


def test_prepared_shards_are_used_only_for_the_same_options(tmp_path):
    from arabic_news import run_notebooks

    root = _folder(tmp_path)
    run_notebooks.prepare_corpus(str(root))
    assert an.load_corpus(root, on_error="skip").attrs["provenance"]["cache"] is None
    assert an.load_corpus(root, progress=False).attrs["provenance"]["cache"] == "hit"
    other = an.load_corpus(root, engine="dask", dask_options={"rows_per_shard": 1})
    assert corpus_attrs(other)["provenance"]["cache"] == "built"
    assert other.npartitions == 2


def test_what_was_left_out_is_kept_through_the_cache_on_both_engines(tmp_path):
    from arabic_news import run_notebooks

    root = _folder(tmp_path, texts=("خبر", "", "  ", "خبر آخر"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedDocumentWarning)
        direct = an.load_corpus(root)
        run_notebooks.prepare_corpus(str(root))
    for corpus in (direct, an.load_corpus(root), an.load_corpus(root, engine="dask")):
        skipped = skipped_documents(corpus)
        assert [os.path.basename(w) for w in skipped["where"]] == ["a1.txt", "a2.txt"]
        summary = skipped_summary(corpus)
        assert list(summary["documents"]) == [1, 1]
        assert summary["reason"][0].startswith("empty file")
    json.dumps(corpus_attrs(corpus))  # plain data, for a notebook or a report


def test_skipped_summary_counts_reasons_of_one_kind_together():
    frame = pd.DataFrame({"text": []})
    frame.attrs["skipped"] = [
        {"where": "t.jsonl, line 2", "reason": "unparseable date '2015-99-01': expected …"},
        {"where": "t.jsonl, line 5", "reason": "no text (empty text); left out"},
        {"where": "t.jsonl, line 9", "reason": "unparseable date '1436-13-01': expected …"},
    ]
    summary = skipped_summary(frame)
    assert list(summary["documents"]) == [2, 1]
    assert summary["first"][0] == "t.jsonl, line 2"
    assert "2015-99-01" in summary["reason"][0]
    assert skipped_summary(pd.DataFrame()).empty


def test_damage_found_only_while_reading_falls_back_to_the_original_files(tmp_path):
    import pyarrow.parquet as pq

    root = _folder(tmp_path)
    folder = cached_shards(root, {})
    shard = folder / "part-00000.parquet"
    data = bytearray(shard.read_bytes())
    group = pq.read_metadata(shard).row_group(0)
    text = [group.column(i).path_in_schema for i in range(group.num_columns)].index("text")
    page = group.column(text).data_page_offset
    data[page:page + 40] = b"\xff" * 40  # the texts' page destroyed; footer and ids intact
    shard.write_bytes(bytes(data))
    with pytest.warns(DamagedCacheEntryWarning, match="part-00000.parquet.*original files"):
        frame = an.load_corpus(root)
    assert frame.attrs["provenance"]["cache"] is None
    assert list(frame.text) == ["خبر أول عن حلب", "خبر ثان عن دمشق"]
