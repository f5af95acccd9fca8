"""Issue 16: a shards folder is trusted no more than any corpus. Every forged or damaged
folder gives a CorpusError naming the file (and row and column where one applies), the same
on pandas and on Dask."""

import json
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import arabic_news as an
from arabic_news.corpus.convert import write_shards
from arabic_news.corpus.shards import MANIFEST
from arabic_news.errors import CorpusError

pytest.importorskip("dask.dataframe")

ENGINES = ["pandas", "dask"]


@pytest.fixture
def shards(tmp_path):
    rows = [{"id": f"d{i}", "text": f"خبر رقم {i}", "date": f"2016-01-1{i}"} for i in range(6)]
    source = tmp_path / "t.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                      encoding="utf-8")
    folder = tmp_path / "shards"
    write_shards(source, folder, rows_per_shard=2)
    return folder


def load(folder, engine, **options):
    if engine == "dask":
        return an.load_corpus(folder, engine="dask", **options).compute()
    return an.load_corpus(folder, **options)


def error_of(folder, engine, **options) -> str:
    with pytest.raises(CorpusError) as caught:
        load(folder, engine, **options)
    return str(caught.value)


def same_error_on_both(folder, **options) -> str:
    messages = {engine: error_of(folder, engine, **options) for engine in ENGINES}
    assert messages["pandas"] == messages["dask"]
    return messages["pandas"]


def edit_manifest(folder, change):
    path = folder / MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(change(manifest)), encoding="utf-8")


def rewrite_shard(folder, name, change):
    """Forge a shard, and its size in the manifest as a forger would."""
    path = folder / name
    table = change(TABLES[name])
    pq.write_table(table, path)
    TABLES[name] = table
    index = sorted(TABLES).index(name)

    def sizes(manifest):
        manifest["shard_bytes"][index] = path.stat().st_size
        return manifest

    edit_manifest(folder, sizes)


TABLES: dict = {}


@pytest.fixture(autouse=True)
def _keep_tables(shards):
    TABLES.clear()
    for path in sorted(shards.glob("part-*.parquet")):
        TABLES[path.name] = pq.read_table(path)


# --- the manifest -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["../outside.parquet", "/tmp/outside.parquet", "sub/x.parquet",
                                  "..", "part-00000.csv"])
def test_manifest_may_name_only_files_beside_it(shards, tmp_path, name):
    shutil.copy(shards / "part-00000.parquet", tmp_path / "outside.parquet")
    edit_manifest(shards, lambda m: {**m, "shards": [name, *m["shards"][1:]]})
    message = same_error_on_both(shards)
    assert MANIFEST in message and "not a plain .parquet file name" in message


@pytest.mark.parametrize("change, expected", [
    (lambda m: [m], "expected a JSON object {...}, got a list"),
    (lambda m: {k: v for k, v in m.items() if k != "shards"}, "without the key 'shards'"),
    (lambda m: {k: v for k, v in m.items() if k != "columns"}, "without the key 'columns'"),
    (lambda m: {**m, "shards": "part-00000.parquet"}, "'shards' must be a list, got a string"),
    (lambda m: {**m, "rows": "6"}, "'rows' must be a whole number"),
    (lambda m: {**m, "skipped": [["x"]]}, "entry 1 of 'skipped'"),
    (lambda m: {**m, "columns": ["text"]}, "lacks the core columns"),
    (lambda m: {**m, "rows": 7}, "the shards hold 6 rows, the manifest says 7"),
])
def test_malformed_manifest_is_named(shards, change, expected):
    edit_manifest(shards, change)
    message = same_error_on_both(shards)
    assert expected in message


# --- the shard files ------------------------------------------------------------------------

def test_shard_linked_outside_is_refused_unless_followed(shards, tmp_path):
    outside = tmp_path / "elsewhere.parquet"
    shutil.move(shards / "part-00001.parquet", outside)
    (shards / "part-00001.parquet").symlink_to(outside)
    message = same_error_on_both(shards)
    assert "part-00001.parquet: symbolic link to" in message and "outside" in message
    assert len(load(shards, "pandas", follow_symlinks=True)) == 6
    assert len(load(shards, "dask", follow_symlinks=True)) == 6


def test_shard_larger_than_max_file_size_is_refused(shards):
    message = same_error_on_both(shards, max_file_size=100)
    assert "part-00000.parquet: file of" in message and "larger than the limit" in message


@pytest.mark.parametrize("cut", [0, 8, 100])
def test_truncated_shard_is_named(shards, cut):
    path = shards / "part-00001.parquet"
    path.write_bytes(path.read_bytes()[:cut])
    message = same_error_on_both(shards)
    assert "part-00001.parquet" in message


def test_invalid_utf8_in_a_shard_is_named(shards):
    bad = pa.Array.from_buffers(pa.large_string(), 2, [None, pa.py_buffer(
        pa.array([0, 2, 4], pa.int64()).buffers()[1]), pa.py_buffer(b"\xff\xfe\xff\xfe")])
    rewrite_shard(shards, "part-00001.parquet",
                  lambda t: t.set_column(t.schema.get_field_index("text"), "text", bad))
    message = same_error_on_both(shards)
    assert "part-00001.parquet" in message and "not a readable Parquet shard" in message


# --- forged content -------------------------------------------------------------------------

def _set(table, column, values):
    index = table.schema.get_field_index(column)
    return table.set_column(index, table.schema.field(index),
                            pa.array(values, table.schema.field(index).type))


def test_duplicate_ids_across_shards(shards):
    rewrite_shard(shards, "part-00002.parquet", lambda t: _set(t, "doc_id", ["d0", "d5"]))
    message = same_error_on_both(shards)
    assert message.endswith("part-00002.parquet, row 1: duplicate doc_id 'd0' (also in "
                            f"{shards / 'part-00000.parquet'}, row 1)")


@pytest.mark.parametrize("text", ["", "  \n", None])
def test_empty_text_is_named_with_its_row(shards, text):
    rewrite_shard(shards, "part-00001.parquet", lambda t: _set(t, "text", ["خبر", text]))
    message = same_error_on_both(shards)
    assert "part-00001.parquet, row 2: column 'text' is" in message


def test_year_9999_is_refused(shards):
    import datetime as dt

    late = dt.datetime(9999, 1, 1, tzinfo=dt.UTC)
    rewrite_shard(shards, "part-00002.parquet",
                  lambda t: _set(t, "published", [late, late]))
    message = same_error_on_both(shards)
    assert "part-00002.parquet, row 1: column 'published' holds 9999-01-01" in message


def test_schema_drift_in_published_is_named(shards):
    def as_text(table):
        index = table.schema.get_field_index("published")
        return table.set_column(index, "published", pa.array(["2016-01-12", "2016-01-13"]))

    rewrite_shard(shards, "part-00001.parquet", as_text)
    message = same_error_on_both(shards)
    assert "part-00001.parquet: column 'published' is stored as string" in message


def test_shard_without_text_is_named(shards):
    rewrite_shard(shards, "part-00001.parquet", lambda t: t.drop_columns(["text"]))
    message = same_error_on_both(shards)
    assert "part-00001.parquet: the shard lacks ['text']" in message


def test_extra_column_of_another_type_in_one_shard_is_named(shards):
    def with_views(table, values):
        return table.append_column("views", pa.array(values))

    for name in TABLES:
        rewrite_shard(shards, name, lambda t: with_views(t, [1, 2]))
    rewrite_shard(shards, "part-00002.parquet",
                  lambda t: with_views(t.drop_columns(["views"]), ["1", "2"]))
    edit_manifest(shards, lambda m: {**m, "columns": [*m["columns"], "views"]})
    message = same_error_on_both(shards)
    assert "part-00002.parquet: column 'views' is stored as string here but as int64" in message


def test_a_sound_folder_loads_alike_on_both_engines(shards):
    import pandas as pd

    pandas_frame = load(shards, "pandas")
    pd.testing.assert_frame_equal(load(shards, "dask").reset_index(drop=True), pandas_frame)
    assert pandas_frame.attrs["provenance"]["shards"] == str(shards.resolve())


def test_reading_options_are_refused_for_a_shards_folder(shards):
    for engine in ENGINES:
        with pytest.raises(ValueError, match="is a shards folder, read already.*date_column="):
            load(shards, engine, date_column="when")
