"""Streaming: iter_corpus batches, Parquet shards (convert command), the shards cache."""

import json
import os

import pandas as pd
import pytest

import arabic_news as an
from arabic_news.corpus import iter_corpus
from arabic_news.corpus.convert import cached_shards, write_shards
from arabic_news.corpus.convert import main as convert
from arabic_news.corpus.shards import read_manifest
from arabic_news.errors import CorpusError


def _rows(count):
    return [{"id": f"d{i}", "text": f"خبر رقم {i}\nنص الخبر {i} عن حلب", "source": "وكالة",
             "date": f"2016-0{1 + i % 9}-1{i % 10}"} for i in range(count)]


def _write(path, rows, crlf=False):
    end = "\r\n" if crlf else "\n"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + end for r in rows),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["jsonl", "jsonl-crlf", "parquet", "csv", "folder"])
@pytest.mark.parametrize("batch_size", [1, 7, 1000])
def test_batches_concatenate_to_load_corpus(tmp_path, kind, batch_size):
    rows = _rows(23)
    if kind.startswith("jsonl"):
        path = _write(tmp_path / "t.jsonl", rows, crlf=kind.endswith("crlf"))
    elif kind == "parquet":
        path = tmp_path / "t.parquet"
        pd.DataFrame(rows).to_parquet(path, row_group_size=5)
    elif kind == "csv":
        path = tmp_path / "t.csv"
        pd.DataFrame(rows).to_csv(path, index=False)
    else:
        path = tmp_path / "folder"
        path.mkdir()
        for row in rows:
            (path / f"{row['id']}.txt").write_text(row["text"], encoding="utf-8")
    batches = list(iter_corpus(path, batch_size=batch_size))
    assert all(len(batch) <= batch_size for batch in batches)
    assert len(batches) == -(-23 // batch_size)
    whole = pd.concat(batches, ignore_index=True)
    pd.testing.assert_frame_equal(whole, an.load_corpus(path), check_like=False)


def test_jsonl_stream_reports_the_same_line_errors(tmp_path):
    rows = [json.dumps(r, ensure_ascii=False) for r in _rows(5)]
    rows[3] = "{broken"
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"t\.jsonl, line 4: broken JSON line"):
        list(iter_corpus(path, batch_size=2))
    with pytest.warns(an.corpus.SkippedDocumentWarning):
        batches = list(iter_corpus(path, batch_size=2, on_error="skip"))
    skipped = [entry for batch in batches for entry in batch.attrs["skipped"]]
    assert [entry["where"] for entry in skipped] == [f"{path}, line 4"]
    assert sum(len(batch) for batch in batches) == 4


def test_duplicate_ids_are_caught_across_batches(tmp_path):
    rows = _rows(6)
    rows[5]["id"] = "d0"
    path = _write(tmp_path / "t.jsonl", rows)
    with pytest.raises(CorpusError, match=r"line 6: duplicate doc_id 'd0' \(also in .*line 1\)"):
        list(iter_corpus(path, batch_size=2))


def test_lone_cr_and_legacy_encodings_fall_back_to_the_whole_file_reader(tmp_path):
    rows = _rows(3)
    path = tmp_path / "t.jsonl"
    path.write_bytes("\r".join(json.dumps(r, ensure_ascii=False) for r in rows).encode())
    assert list(an.load_corpus(path)["doc_id"]) == ["d0", "d1", "d2"]
    path.write_bytes("\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
                     .encode("utf-16"))
    assert list(an.load_corpus(path)["doc_id"]) == ["d0", "d1", "d2"]


def test_batch_size_is_checked():
    with pytest.raises(ValueError, match="batch_size=0"):
        iter_corpus(None, batch_size=0)


def test_convert_writes_shards_with_metadata_and_skipped(tmp_path, capsys):
    rows = _rows(10)
    rows[4]["text"] = "  "
    source = _write(tmp_path / "t.jsonl", rows)
    dest = tmp_path / "shards"
    assert convert([str(source), str(dest), "--rows-per-shard", "4", "--on-error", "skip"]) == 0
    out = capsys.readouterr().out
    assert "9 articles in 3 shards" in out and "1 documents skipped" in out and "line 5" in out
    manifest = read_manifest(dest)
    assert manifest["rows"] == 9 and manifest["skipped"][0]["where"] == f"{source}, line 5"
    loaded = an.load_corpus(dest)
    expected = an.load_corpus(source)
    pd.testing.assert_frame_equal(loaded, expected)
    assert loaded.attrs["skipped"] == expected.attrs["skipped"]


def test_convert_refuses_the_corpus_folder_and_foreign_folders(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("خبر", encoding="utf-8")
    assert convert([str(corpus), str(corpus / "shards")]) == 2
    assert "refusing to write shards inside the corpus" in capsys.readouterr().err
    assert not (corpus / "shards").exists()
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("x")
    with pytest.raises(CorpusError, match="not an empty folder or a shards folder"):
        write_shards(corpus, other)
    assert os.listdir(other) == ["keep.txt"]


def test_extra_columns_first_seen_later_are_unified_across_shards(tmp_path):
    rows = _rows(6)
    rows[5]["category"] = "سياسة"
    source = _write(tmp_path / "t.jsonl", rows)
    write_shards(source, tmp_path / "s", rows_per_shard=2)
    loaded = an.load_corpus(tmp_path / "s")
    assert list(loaded.columns) == list(an.load_corpus(source).columns)
    assert loaded["category"].isna().sum() == 5


def test_cache_is_reused_and_invalidated_by_a_change(tmp_path):
    source = _write(tmp_path / "t.jsonl", _rows(5))
    cache = tmp_path / "cache"
    first = cached_shards(source, {}, cache_dir=cache)
    assert cached_shards(source, {}, cache_dir=cache) == first
    assert cached_shards(source, {"on_error": "skip"}, cache_dir=cache) != first
    _write(source, _rows(6))
    os.utime(source, ns=(1, 1))
    changed = cached_shards(source, {}, cache_dir=cache)
    assert changed != first and read_manifest(changed)["rows"] == 6


def test_runner_reads_the_corpus_once_into_shared_shards(tmp_path):
    from arabic_news import run_notebooks

    source = _write(tmp_path / "t.jsonl", _rows(5))
    articles, shared = run_notebooks.prepare_corpus(str(source), tmp_path / "cache")
    assert articles == 5 and shared != str(source)
    assert not str(shared).startswith(str(source))
    pd.testing.assert_frame_equal(an.load_corpus(shared), an.load_corpus(source))
    assert run_notebooks.prepare_corpus(str(source), tmp_path / "cache") == (5, shared)
    assert run_notebooks.prepare_corpus(str(source), False) == (5, str(source.resolve()))


def test_loading_restores_arrows_default_memory_pool(tmp_path):
    import pyarrow as pa

    from arabic_news.corpus.frame import system_memory_pool

    before = pa.default_memory_pool().backend_name
    an.load_corpus(None)
    assert pa.default_memory_pool().backend_name == before
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص"}\n{broken\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="line 2"):
        an.load_corpus(bad)
    assert pa.default_memory_pool().backend_name == before
    with system_memory_pool():
        assert pa.default_memory_pool().backend_name == "system"
    assert pa.default_memory_pool().backend_name == before
