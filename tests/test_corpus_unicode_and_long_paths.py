"""Issue 16, loader: names and texts that UTF-8 cannot encode, paths longer than PATH_MAX.

Each bad document is a CorpusError naming the file (and line) in raise mode, and is skipped
and reported in skip mode, on pandas and on Dask; the rest of the corpus still loads.
"""

import json
import os
import warnings

import pytest

from arabic_news import CorpusError, load_corpus
from arabic_news.corpus import SkippedDocumentWarning

GOOD = "عنوان الخبر\nنص الخبر هنا\n"


def skip(path, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedDocumentWarning)
        return load_corpus(path, on_error="skip", **kwargs)


def computed(frame):
    return frame.compute() if hasattr(frame, "compute") else frame


def _encodable(frame) -> None:
    """The skipped list can be written as UTF-8 JSON (the shards manifest, a notebook)."""
    json.dumps(frame.attrs["skipped"], ensure_ascii=False).encode("utf-8")


@pytest.fixture
def folder_with_bad_name(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    with open(os.path.join(os.fsencode(root), b"caf\xe9.txt"), "wb") as handle:
        handle.write(GOOD.encode("utf-8"))
    return root


def test_file_name_that_is_not_utf8_is_named_in_raise_mode(folder_with_bad_name):
    with pytest.raises(CorpusError, match=r"caf\\xe9\.txt: file name is not valid UTF-8"):
        load_corpus(folder_with_bad_name)


@pytest.mark.parametrize("engine", ["pandas", "dask"])
def test_file_name_that_is_not_utf8_is_skipped_and_reported(folder_with_bad_name, engine):
    if engine == "dask":
        pytest.importorskip("dask")
    frame = skip(folder_with_bad_name, engine=engine)
    assert list(computed(frame).doc_id) == ["good"]
    from arabic_news.corpus import skipped_documents

    skipped = skipped_documents(frame)
    assert len(skipped) == 1
    assert skipped["where"][0].endswith("caf\\xe9.txt")
    assert "not valid UTF-8" in skipped["reason"][0]


@pytest.mark.parametrize("field", ["text", "title", "source", "id"])
def test_json_string_with_a_lone_surrogate_names_the_line(tmp_path, field):
    path = tmp_path / "s.jsonl"
    bad = {"text": "نص", field: "أ\ud800ب"}
    path.write_text(json.dumps({"text": "خبر"}) + "\n" + json.dumps(bad) + "\n",
                    encoding="utf-8")
    with pytest.raises(CorpusError, match=r"s\.jsonl, line 2: .*cannot be written as UTF-8"):
        load_corpus(path)
    frame = skip(path)
    assert list(frame.text) == ["خبر"]
    assert frame.attrs["skipped"][0]["where"].endswith("s.jsonl, line 2")
    _encodable(frame)


def test_lone_surrogate_on_dask_is_skipped_too(tmp_path):
    pytest.importorskip("dask")
    path = tmp_path / "s.jsonl"
    path.write_text('{"text": "خبر"}\n{"text": "a\\ud800b"}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"s\.jsonl, line 2"):
        load_corpus(path, engine="dask")
    assert list(skip(path, engine="dask").compute().text) == ["خبر"]


def test_lone_surrogate_in_a_later_batch_keeps_the_ids_of_the_skipped_row_free(tmp_path):
    from arabic_news.corpus import iter_corpus

    path = tmp_path / "s.jsonl"
    rows = [{"id": "a", "text": "أ\ud800"}, {"id": "a", "text": "خبر"}, {"id": "b", "text": "ب"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedDocumentWarning)
        batches = list(iter_corpus(path, batch_size=2, on_error="skip"))
    assert [list(b.doc_id) for b in batches] == [["a", "b"]]


def _deep_folder(root):
    """A file whose path is longer than PATH_MAX (4096 bytes), below a good article."""
    root.mkdir()
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    here = os.open(root, os.O_RDONLY)
    try:
        for _ in range(18):  # 18 x 241 bytes
            os.mkdir("d" * 240, dir_fd=here)
            deeper = os.open("d" * 240, os.O_RDONLY, dir_fd=here)
            os.close(here)
            here = deeper
        descriptor = os.open("x.txt", os.O_WRONLY | os.O_CREAT, dir_fd=here)
        os.write(descriptor, GOOD.encode("utf-8"))
        os.close(descriptor)
    finally:
        os.close(here)
    return root


def test_path_longer_than_path_max_is_a_corpus_error(tmp_path):
    root = _deep_folder(tmp_path / "deep")
    with pytest.raises(CorpusError, match="path too long"):
        load_corpus(root)


def test_path_longer_than_path_max_is_skipped_and_reported(tmp_path):
    root = _deep_folder(tmp_path / "deep")
    frame = skip(root)
    assert list(frame.doc_id) == ["good"]
    assert any("path too long" in entry["reason"] for entry in frame.attrs["skipped"])
    _encodable(frame)
