"""Bad input: clear CorpusError messages, the skip option, and early parameter checks."""

import warnings

import pandas as pd
import pytest

from arabic_news import CorpusError, load_corpus
from arabic_news.corpus import SkippedDocumentWarning


@pytest.fixture
def messy_folder(tmp_path):
    root = tmp_path / "messy"
    root.mkdir()
    (root / "good.txt").write_text("عنوان\nنص\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "latin.txt").write_bytes("ligne 1\ncafé".encode("latin-1"))
    (root / "bad-date.txt").write_text("<DOC><TIME>soon</TIME><TEXT>x</TEXT></DOC>")
    return root


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("binary.txt", "binary file (contains NUL bytes"),
        ("latin.txt", "undecodable bytes at line 2 (byte 11)"),
        ("bad-date.txt", "unparseable date 'soon'"),
    ],
)
def test_each_bad_file_is_named_with_its_problem(messy_folder, name, reason):
    for other in messy_folder.iterdir():
        if other.name not in (name, "good.txt"):
            other.unlink()
    with pytest.raises(CorpusError) as caught:
        load_corpus(messy_folder)
    assert str(caught.value).startswith(f"{messy_folder / name}: {reason}")


def test_skip_leaves_bad_documents_out_and_reports_each(messy_folder):
    with pytest.warns(SkippedDocumentWarning) as caught:
        df = load_corpus(messy_folder, on_error="skip")
    assert list(df.doc_id) == ["good"]
    skipped = df.attrs["skipped"]
    bad = ("bad-date.txt", "binary.txt", "empty.txt", "latin.txt")
    assert [record["where"] for record in skipped] == [str(messy_folder / name) for name in bad]
    assert skipped[2]["reason"] == "empty file (0 bytes)"
    assert len(caught) == 4
    assert all(str(w.message).startswith(f"skipped {messy_folder}") for w in caught)


def test_skip_broken_json_lines(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"text": "a"}\n{oops\n{"text": "b"}\n')
    with pytest.warns(SkippedDocumentWarning, match=r"line 2: broken JSON line"):
        df = load_corpus(path, on_error="skip")
    assert list(df.text) == ["a", "b"]
    assert list(df.doc_id) == ["t-1", "t-3"]  # generated ids follow the line numbers


def test_when_everything_is_skipped_the_columns_and_dtypes_remain(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("text,date\nx,never\n")
    with pytest.warns(SkippedDocumentWarning):
        df = load_corpus(path, on_error="skip")
    assert df.empty
    assert list(df.columns) == ["doc_id", "title", "source", "published", "text"]
    assert str(df.published.dtype) == "datetime64[us, UTC]"


def test_empty_file_is_left_out_in_raise_mode_too(messy_folder):
    for name in ("binary.txt", "latin.txt", "bad-date.txt"):
        (messy_folder / name).unlink()
    with pytest.warns(SkippedDocumentWarning, match=r"empty\.txt: empty file \(0 bytes\)"):
        df = load_corpus(messy_folder)
    assert list(df.doc_id) == ["good"]


def test_raise_mode_emits_no_warning(messy_folder):
    for name in ("empty.txt", "binary.txt", "latin.txt", "bad-date.txt"):
        (messy_folder / name).unlink()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(load_corpus(messy_folder)) == 1


def test_missing_values_from_parquet_become_empty(tmp_path):
    path = tmp_path / "t.parquet"
    frame = pd.DataFrame({"text": ["نص"], "title": [None], "source": [None], "date": [None]})
    frame.astype("string").to_parquet(path)
    df = load_corpus(path)
    assert df.title.item() == "نص" and df.source.isna().item()
    assert pd.isna(df.published.item())


def test_path_that_does_not_exist(tmp_path):
    missing = tmp_path / "nope"
    with pytest.raises(CorpusError, match=rf"^{missing}: path does not exist"):
        load_corpus(missing)


def test_unsupported_file_type(tmp_path):
    path = tmp_path / "a.docx"
    path.write_bytes(b"x")
    with pytest.raises(CorpusError, match=r"unsupported file type '\.docx'; accepted: a folder"):
        load_corpus(path)


def test_folder_without_articles(tmp_path):
    (tmp_path / "notes.md").write_text("x")
    with pytest.raises(CorpusError, match=r"no \.txt articles in this folder or below"):
        load_corpus(tmp_path)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"on_error": "ignore"}, "on_error='ignore' is not allowed: use 'raise'"),
        ({"progress": "yes"}, "progress='yes' is not allowed"),
        ({"text_column": ""}, "column names must be non-empty strings"),
        ({"date_column": 3}, "date_column=3: column names must be non-empty strings"),
    ],
)
def test_bad_parameters_are_rejected_before_reading(tmp_path, kwargs, message):
    with pytest.raises(ValueError, match=message) as caught:
        load_corpus(tmp_path / "does-not-exist", **kwargs)
    assert not isinstance(caught.value, CorpusError)


def test_metadata_only_for_folders(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("text\nx\n")
    with pytest.raises(ValueError, match="metadata= describes the .txt files of a folder"):
        load_corpus(path, metadata=path)


def test_path_of_wrong_type():
    with pytest.raises(TypeError, match="path must be a str or os.PathLike"):
        load_corpus(42)
