"""Issue 16: extra columns of mixed types load alike on pandas, Dask and the converter.

The rule (see :mod:`arabic_news.corpus.extras`): a column that Arrow cannot store as one
type is kept as text (strings unchanged, other values as JSON), with one warning naming the
file and the column; nothing of the value is lost.
"""

import json
import warnings

import pandas as pd
import pytest

from arabic_news import load_corpus
from arabic_news.corpus import ColumnAsTextWarning, iter_corpus
from arabic_news.corpus.convert import write_shards

CASES = {
    "int-then-str": ([1, "a"], ["1", "a"]),
    "list-then-str": ([["أ", 2], "b"], ['["أ", 2]', "b"]),
    "empty-objects": ([{}, {}], ["{}", "{}"]),
    "beyond-64-bits": ([2**70, 1], [str(2**70), "1"]),
    "nested-lone-surrogate": ([["\ud800"], None], ['["\\ud800"]', None]),
    "bool-then-float": ([True, 1.5], ["true", "1.5"]),
}


def _table(path, values):
    rows = [{"text": f"نص الخبر {i}", "x": value} for i, value in enumerate(values)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _same(a, b):
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))


@pytest.mark.parametrize("case", CASES)
def test_mixed_column_is_text_on_pandas_with_a_warning(tmp_path, case):
    values, expected = CASES[case]
    path = _table(tmp_path / "t.jsonl", values)
    with pytest.warns(ColumnAsTextWarning, match=r"t\.jsonl, line \d: column 'x' .*stored as text"):
        frame = load_corpus(path)
    shown = [None if pd.isna(v) else v for v in frame["x"]]
    assert shown == expected
    for value, text in zip(values, expected, strict=True):
        if text is not None and not isinstance(value, str):
            assert json.loads(text) == value  # nothing lost


@pytest.mark.parametrize("case", CASES)
def test_mixed_column_gives_the_same_frame_on_dask_and_through_shards(tmp_path, case):
    pytest.importorskip("dask")
    path = _table(tmp_path / "t.jsonl", CASES[case][0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ColumnAsTextWarning)
        expected = load_corpus(path)
        _same(load_corpus(path, engine="dask").compute(), expected)
        write_shards(path, tmp_path / "shards")
        _same(load_corpus(tmp_path / "shards"), expected)


def test_column_that_turns_mixed_in_a_later_shard_is_text_in_every_shard(tmp_path):
    values = [1, 2, 3, 4, 5, "six"]
    path = _table(tmp_path / "t.jsonl", values)
    with pytest.warns(ColumnAsTextWarning, match="'x'"):
        expected = load_corpus(path)
    assert list(expected["x"]) == ["1", "2", "3", "4", "5", "six"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ColumnAsTextWarning)
        report = write_shards(path, tmp_path / "shards", rows_per_shard=2)
    assert len(report.shards) == 3
    with pytest.warns(ColumnAsTextWarning, match="'x'"):  # said again when read
        _same(load_corpus(tmp_path / "shards"), expected)


def test_iter_corpus_batches_say_the_column_became_text(tmp_path):
    path = _table(tmp_path / "t.jsonl", [1, 2, "three"])
    with pytest.warns(ColumnAsTextWarning):
        batches = list(iter_corpus(path, batch_size=2))
    assert list(batches[1]["x"]) == ["three"]


@pytest.mark.parametrize("values", [[1, 2], [1.5, 2], [True, False], ["a", "b"]])
def test_columns_of_one_kind_keep_their_type_without_a_warning(tmp_path, values):
    path = _table(tmp_path / "t.jsonl", values)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ColumnAsTextWarning)
        frame = load_corpus(path)
    assert list(frame["x"]) == values


def test_runner_prepares_a_corpus_with_a_mixed_column(tmp_path):
    from arabic_news import run_notebooks

    path = _table(tmp_path / "t.jsonl", [1, "a", {}])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ColumnAsTextWarning)
        articles, _ = run_notebooks.prepare_corpus(str(path), tmp_path / "cache")
    assert articles == 3


def _values():
    from hypothesis import strategies as st

    scalars = (st.none() | st.booleans() | st.integers(-(2**80), 2**80)
               | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=5))
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(st.text(max_size=3), inner, max_size=3), max_leaves=6)


def test_any_json_column_is_the_same_on_pandas_and_through_shards_and_loses_nothing(tmp_path):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=60, deadline=None)
    @given(values=st.lists(_values(), min_size=1, max_size=7), rows_per_shard=st.integers(1, 4))
    def check(values, rows_per_shard):
        folder = tmp_path / f"case-{len(list(tmp_path.iterdir()))}"
        folder.mkdir()
        path = _table(folder / "t.jsonl", values)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ColumnAsTextWarning)
            frame = load_corpus(path)
            write_shards(path, folder / "shards", rows_per_shard=rows_per_shard)
            _same(load_corpus(folder / "shards"), frame)
        if "x" not in frame or frame["x"].dtype != "str":
            return
        for value, text in zip(values, frame["x"], strict=True):
            if value is None or isinstance(value, str):
                assert value == text or (value is None and pd.isna(text))
            else:
                assert json.loads(text) == value

    check()
