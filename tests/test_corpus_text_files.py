"""Loading folders of .txt articles, single articles, sidecars and the bundled seeds."""

import codecs
import os
import subprocess
import sys

import pandas as pd
import pytest

from arabic_news import CorpusError, load_corpus, seeds_path

HEADLINE = "موسكو تعلن مشاركتها"
BODY = "وأكد المتحدث أن\u00a0الوضع «مستقر».\n"


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.fixture
def article_folder(tmp_path):
    """A corpus folder mixing encodings, line endings and nesting."""
    root = tmp_path / "corpus"
    write(root / "b.txt", f"{HEADLINE}\n{BODY}".encode())
    write(root / "a.txt", codecs.BOM_UTF8 + f"\n\n  {HEADLINE} \r\n{BODY}".encode())
    write(root / "sub" / "c.TXT", codecs.BOM_UTF16_LE + f"{HEADLINE}\r{BODY}".encode("utf-16-le"))
    write(root / "sub" / "deeper" / "d.txt", f"{HEADLINE}\r\n{BODY}".encode("cp1256"))
    write(root / ".ipynb_checkpoints" / "a-checkpoint.txt", b"hidden copy")
    write(root / "notes.md", b"not an article")
    return root


def test_folder_of_articles_in_any_supported_encoding(article_folder):
    df = load_corpus(article_folder)
    assert list(df.doc_id) == ["a", "b", "sub/c", "sub/deeper/d"]
    assert list(df.columns[:5]) == ["doc_id", "title", "source", "published", "text"]
    assert set(df.title) == {HEADLINE}
    assert df.loc[df.doc_id == "a", "text"].item() == f"\n\n  {HEADLINE} \n{BODY}"
    for doc_id in ("b", "sub/c", "sub/deeper/d"):
        assert df.loc[df.doc_id == doc_id, "text"].item() == f"{HEADLINE}\n{BODY}"
    assert list(df.file) == ["a.txt", "b.txt", "sub/c.TXT", "sub/deeper/d.txt"]
    assert df.source.isna().all()
    assert str(df.published.dtype) == "datetime64[us, UTC]"
    assert df.published.isna().all()
    assert df.attrs["skipped"] == []


def test_single_txt_file(article_folder):
    df = load_corpus(str(article_folder / "sub" / "deeper" / "d.txt"))
    assert list(df.doc_id) == ["d"]
    assert df.text.item() == f"{HEADLINE}\n{BODY}"


def test_loading_never_writes_into_the_corpus(article_folder):
    def snapshot():
        return sorted(
            (str(path), path.stat().st_mtime_ns, path.stat().st_size)
            for path in article_folder.rglob("*")
        )

    before = snapshot()
    load_corpus(article_folder)
    assert snapshot() == before


def test_sidecar_supplies_metadata_keyed_by_relative_file(article_folder):
    write(
        article_folder / "metadata.csv",
        (
            "file,doc_id,title,source,published,date_note\n"
            "sub/c.TXT,C-1,عنوان آخر,BBC,2018-02-26T02:20:10+04:00,from the url\n"
            "a.txt,,,,,\n"
        ).encode(),
    )
    df = load_corpus(article_folder).set_index("file")
    assert df.loc["sub/c.TXT", "doc_id"] == "C-1"
    assert df.loc["sub/c.TXT", "title"] == "عنوان آخر"
    assert df.loc["sub/c.TXT", "source"] == "BBC"
    assert df.loc["sub/c.TXT", "published"] == pd.Timestamp("2018-02-25T22:20:10Z")
    assert df.loc["sub/c.TXT", "date_note"] == "from the url"
    # Empty sidecar cells leave the file's own values in place.
    assert df.loc["a.txt", "doc_id"] == "a"
    assert df.loc["a.txt", "title"] == HEADLINE
    assert pd.isna(df.loc["b.txt", "date_note"])


def test_sidecar_given_explicitly_as_jsonl(article_folder, tmp_path):
    sidecar = write(
        tmp_path / "meta.jsonl",
        b'{"filename": "b.txt", "headline": "T", "outlet": "CNN", "date": "01/02/2018"}\n',
    )
    df = load_corpus(article_folder, metadata=sidecar).set_index("doc_id")
    assert df.loc["b", ["title", "source"]].tolist() == ["T", "CNN"]
    assert df.loc["b", "published"] == pd.Timestamp("2018-02-01", tz="UTC")


def test_sidecar_must_be_a_table(article_folder):
    with pytest.raises(CorpusError, match=r"b\.txt: not a table: expected one of \.csv"):
        load_corpus(article_folder, metadata=article_folder / "b.txt")


def test_sidecar_naming_a_missing_file_is_reported(article_folder):
    write(article_folder / "metadata.csv", b"file,title\nnope.txt,x\n")
    with pytest.raises(CorpusError, match=r"metadata\.csv, row 1: file 'nope.txt' is not in"):
        load_corpus(article_folder)


def test_sidecar_without_file_column(article_folder):
    write(article_folder / "metadata.csv", b"name,title\na.txt,x\n")
    with pytest.raises(CorpusError, match="without a 'file' column.*'name', 'title'"):
        load_corpus(article_folder)


def test_bad_date_in_sidecar_names_the_sidecar_row(article_folder):
    write(article_folder / "metadata.csv", b"file,published\nb.txt,\nsub/c.TXT,soon\n")
    with pytest.raises(CorpusError) as caught:
        load_corpus(article_folder)
    message = str(caught.value)
    assert "c.TXT (metadata: " in message and "metadata.csv, row 2)" in message
    assert "unparseable date 'soon'" in message


def test_seeds_load_with_their_metadata():
    df = load_corpus()
    metadata = pd.read_csv(seeds_path() / "metadata.csv", dtype=str)
    assert list(df.doc_id) == list(metadata.doc_id)
    assert list(df.title) == [title.strip() for title in metadata.title]
    assert list(df.published) == [pd.Timestamp("2016-08-01", tz="UTC"),
                                  pd.Timestamp("2016-11-18", tz="UTC")]
    assert df.source.fillna("<missing>").tolist() == ["<missing>", "El Maouid El Yaoumi (elmaouid)"]
    assert df.date_note.str.startswith("Not printed in the article").all()
    for row in df.itertuples():
        raw = (seeds_path() / row.file).read_text(encoding="utf-8-sig")
        assert row.text == raw.replace("\r\n", "\n").replace("\r", "\n")
    assert df.text.str.count("\u00a0").sum() > 0  # no-break spaces are kept as written


def test_seeds_path_from_another_working_directory(tmp_path):
    code = "import arabic_news as a; print(a.seeds_path()); print(len(a.load_corpus()))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    folder, count = result.stdout.split("\n")[:2]
    assert os.path.isfile(os.path.join(folder, "metadata.csv"))
    assert count == "2"


def test_progress_bar_is_shown_on_request(article_folder, capsys):
    load_corpus(article_folder, progress=True)
    assert "loading articles" in capsys.readouterr().err
    load_corpus(article_folder)  # auto: too few files for a bar
    assert "loading articles" not in capsys.readouterr().err


def test_seeds_path_prefers_the_wheel_copy(tmp_path, monkeypatch):
    import arabic_news.corpus.seeds as seeds

    package = tmp_path / "site-packages" / "arabic_news"
    (package / "_seeds").mkdir(parents=True)
    (package / "_seeds" / "metadata.csv").write_text("file\n")
    monkeypatch.setattr(seeds, "_PACKAGE", package)
    assert seeds.seeds_path() == package / "_seeds"
    (package / "_seeds" / "metadata.csv").unlink()
    with pytest.raises(CorpusError, match="bundled seeds not found"):
        seeds.seeds_path()
