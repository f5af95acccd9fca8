"""Issue 16, found by a new user: common date column names, a date column under another
name said aloud, JSON files holding an array of articles, and gzip-compressed tables."""

import gzip
import json
import warnings

import pandas as pd
import pytest

import arabic_news as an
from arabic_news.corpus import DateColumnWarning, SkippedDocumentWarning, iter_corpus
from arabic_news.corpus.columns import ALIASES
from arabic_news.errors import CorpusError

ROWS = [{"id": f"d{i}", "text": f"خبر رقم {i}", "when": f"2015-07-2{i} 12:31:13"}
        for i in range(3)]


def _jsonl(path, rows, opener=open):
    with opener(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return path


@pytest.mark.parametrize("name", ["date_extracted", "pub_date", "publish_date", "datetime",
                                  "created_at", "publication_date", "Date_Published"])
def test_common_date_column_names_are_detected(tmp_path, name):
    rows = [{**r, name: r.pop("when")} for r in (dict(r) for r in ROWS)]
    with warnings.catch_warnings():
        warnings.simplefilter("error", DateColumnWarning)
        frame = an.load_corpus(_jsonl(tmp_path / "t.jsonl", rows))
    assert frame.published.notna().all()
    assert str(frame.published[0]) == "2015-07-20 12:31:13+00:00"


def test_the_names_are_data(tmp_path):
    from importlib.resources import files

    table = files("arabic_news.corpus").joinpath("data/column_names.tsv").read_text("utf-8")
    assert "published\tdate_extracted" in table
    assert ALIASES["published"][0] == "published" and "date_extracted" in ALIASES["published"]


def test_date_column_under_another_name_is_said_aloud(tmp_path):
    path = _jsonl(tmp_path / "t.jsonl", ROWS)
    with pytest.warns(DateColumnWarning,
                      match=r"t\.jsonl: no date column found .*column 'when' holds dates "
                            r"\(such as '2015-07-20 12:31:13'\).*date_column='when'"):
        frame = an.load_corpus(path)
    assert frame.published.isna().all()
    assert frame.attrs["notes"][0]["warning"] == "DateColumnWarning"
    named = an.load_corpus(path, date_column="when")
    assert named.published.notna().all()


def test_date_hint_is_said_again_when_read_from_shards(tmp_path):
    pytest.importorskip("dask")
    path = _jsonl(tmp_path / "t.jsonl", ROWS)
    with pytest.warns(DateColumnWarning):
        an.load_corpus(path, engine="dask")
    with pytest.warns(DateColumnWarning, match="date_column='when'"):
        an.load_corpus(path, engine="dask")


def test_no_hint_for_columns_that_are_not_dates(tmp_path):
    rows = [{"text": "خبر", "views": "12", "code": "2015"}, {"text": "خبر آخر", "views": "x"}]
    with warnings.catch_warnings():
        warnings.simplefilter("error", DateColumnWarning)
        an.load_corpus(_jsonl(tmp_path / "t.jsonl", rows))


def test_date_hint_in_a_metadata_sidecar(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text("خبر", encoding="utf-8")
    (root / "metadata.csv").write_text("file,day\na.txt,2016-03-01\n", encoding="utf-8")
    with pytest.warns(DateColumnWarning, match=r"metadata\.csv: .*column 'day'"):
        an.load_corpus(root)


# --- JSON arrays ------------------------------------------------------------------------------

def _json(path, value, **dump):
    path.write_text(json.dumps(value, ensure_ascii=False, **dump), encoding="utf-8")
    return path


@pytest.mark.parametrize("indent", [None, 2])
def test_json_array_of_articles_loads_like_json_lines(tmp_path, indent):
    rows = [{**r, "n": 2**70, "tags": ["أ", "ب"]} for r in ROWS]
    array = _json(tmp_path / "t.json", rows, indent=indent)
    lines = _jsonl(tmp_path / "t.jsonl", rows)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pd.testing.assert_frame_equal(an.load_corpus(array, date_column="when"),
                                      an.load_corpus(lines, date_column="when"))


def test_json_array_is_read_piece_by_piece(tmp_path, monkeypatch):
    from arabic_news.corpus import json_arrays

    monkeypatch.setattr(json_arrays, "CHUNK", 7)  # items cut anywhere, escapes too
    monkeypatch.setattr("arabic_news.corpus.tables.CHUNK", 7)
    rows = [{"id": f"d{i}", "text": f"خبر \\u0627 \"{i}\" " + "ن" * i, "x": 12345678}
            for i in range(40)]
    path = _json(tmp_path / "t.json", rows, indent=1)
    batches = list(iter_corpus(path, batch_size=16))
    assert [len(b) for b in batches] == [16, 16, 8]
    assert list(pd.concat(batches).text) == [r["text"] for r in rows]


@pytest.mark.parametrize("text, message", [
    ('[{"text": "a"}, {"text": "b"} {"text": "c"}]',
     r"t\.json, item 2: broken JSON at line 1, column 31: expected ',' or ']'"),
    ('[{"text": "a"},\n {"text": "b",}]', r"t\.json, item 2: broken JSON at line 2, column 14"),
    ('[{"text": "a"}, {"text": "b"}', r"t\.json, item 2: .*the file ends inside the array"),
    ('[{"text": "a"}] [1]', r"t\.json: text after the closing '\]'"),
    ('{"text": "a"}', r"t\.json: holds a JSON object, not an array.*name it \.jsonl"),
    ('   ', r"t\.json: empty file"),
    ('[]', r"t\.json: no data rows"),
    ('[{"text": "a\\ud800"}]', r"t\.json, item 1: the value of field 'text' holds \\ud800"),
])
def test_bad_json_arrays_name_the_item(tmp_path, text, message):
    path = tmp_path / "t.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        an.load_corpus(path)


def test_items_that_are_not_articles_are_skipped_in_skip_mode(tmp_path):
    path = _json(tmp_path / "t.json", [{"text": "أ"}, 3, ["x"], {"text": "ب"}])
    with pytest.raises(CorpusError, match=r"t\.json, item 2: expected an article.*got a number"):
        an.load_corpus(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedDocumentWarning)
        frame = an.load_corpus(path, on_error="skip")
    assert list(frame.text) == ["أ", "ب"]
    assert [s["where"].rsplit(", ", 1)[1] for s in frame.attrs["skipped"]] == ["item 2", "item 3"]


def test_json_array_in_windows_1256_is_decoded_whole(tmp_path):
    path = tmp_path / "t.json"
    path.write_bytes(json.dumps([{"text": "خبر عن حلب"}], ensure_ascii=False).encode("cp1256"))
    assert list(an.load_corpus(path).text) == ["خبر عن حلب"]


# --- gzip ------------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".jsonl.gz", ".json.gz", ".csv.gz"])
def test_gzip_tables_load_like_the_plain_ones(tmp_path, suffix):
    frame = pd.DataFrame(ROWS)
    plain = tmp_path / f"t{suffix[:-3]}"
    if suffix == ".csv.gz":
        frame.to_csv(plain, index=False)
    elif suffix == ".json.gz":
        _json(plain, ROWS)
    else:
        _jsonl(plain, ROWS)
    packed = tmp_path / f"t{suffix}"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DateColumnWarning)
        pd.testing.assert_frame_equal(an.load_corpus(packed), an.load_corpus(plain))


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".csv.gz"])
def test_gzip_that_unpacks_beyond_the_limit_is_refused(tmp_path, suffix):
    packed = tmp_path / f"t{suffix}"
    body = "text\n" + "خبر\n" * 50_000 if suffix == ".csv.gz" \
        else '{"text": "خبر"}\n' * 50_000
    packed.write_bytes(gzip.compress(body.encode("utf-8")))
    assert packed.stat().st_size < 10_000
    with pytest.raises(CorpusError, match=r"t\.(jsonl|csv)\.gz: more than 100,000 bytes once "
                                          "decompressed"):
        an.load_corpus(packed, max_file_size=100_000)


def test_damaged_gzip_is_named(tmp_path):
    packed = tmp_path / "t.jsonl.gz"
    packed.write_bytes(gzip.compress(b'{"text": "x"}\n' * 100)[:40])
    with pytest.raises(CorpusError, match=r"t\.jsonl\.gz: damaged gzip file"):
        an.load_corpus(packed)


def test_gzip_ids_use_the_name_without_suffixes(tmp_path):
    packed = tmp_path / "news.jsonl.gz"
    packed.write_bytes(gzip.compress('{"text": "خبر"}\n'.encode()))
    assert list(an.load_corpus(packed).doc_id) == ["news-1"]


def test_json_array_reader_gives_what_json_loads_gives_however_the_text_is_cut():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from arabic_news.corpus.json_arrays import json_array_rows
    from arabic_news.corpus.policy import ErrorPolicy

    values = st.recursive(
        st.none() | st.booleans() | st.integers(-(2**70), 2**70)
        | st.floats(allow_nan=False) | st.text(max_size=6),
        lambda inner: st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=3), inner, max_size=3), max_leaves=8)
    articles = st.lists(st.dictionaries(st.text(max_size=4), values, max_size=4), max_size=6)

    @settings(max_examples=300, deadline=None)
    @given(items=articles, indent=st.sampled_from([None, 0, 2, "\t"]),
           ascii_only=st.booleans(), sizes=st.lists(st.integers(1, 9), min_size=1))
    def check(items, indent, ascii_only, sizes):
        text = json.dumps(items, indent=indent, ensure_ascii=ascii_only)
        chunks, start = [], 0
        while start < len(text):
            size = sizes[len(chunks) % len(sizes)]
            chunks.append(text[start:start + size])
            start += size
        rows = [row for (_, _, row), _ in json_array_rows(chunks, "t.json", ErrorPolicy())]
        assert rows == json.loads(text)

    check()
