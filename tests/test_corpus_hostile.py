"""Hostile input found by the security review (issue 9, cases 1-10): each one a clear CorpusError
naming the file (and row or line), skipped in skip mode; nothing hangs, nothing is lost."""

import json
import os
import signal
import socket
import warnings

import pandas as pd
import pytest

from arabic_news import CorpusError, load_corpus
from arabic_news.corpus import SkippedDocumentWarning

GOOD = "عنوان الخبر\nنص الخبر هنا\n"


@pytest.fixture(autouse=True)
def no_hang():
    """Fail, rather than block the suite, if the loader ever waits on a FIFO or loops."""

    def stop(signum, frame):
        raise TimeoutError("the loader hung")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def folder_with(tmp_path, **files):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, data in files.items():
        (root / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return root


def skip(path, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedDocumentWarning)
        return load_corpus(path, on_error="skip", **kwargs)


# --- 1. non-regular files ---------------------------------------------------------------------

@pytest.mark.parametrize("on_error", ["raise", "skip"])
def test_fifo_is_refused_without_being_opened(tmp_path, on_error):
    root = folder_with(tmp_path)
    os.mkfifo(root / "x.txt")
    if on_error == "raise":
        with pytest.raises(CorpusError, match=r"x\.txt: not a regular file \(a FIFO"):
            load_corpus(root)
    else:
        df = skip(root)
        assert list(df.doc_id) == ["good"]
        assert df.attrs["skipped"][0]["where"] == str(root / "x.txt")


def test_fifo_given_as_the_path_is_refused(tmp_path):
    os.mkfifo(tmp_path / "x.csv")
    with pytest.raises(CorpusError, match="not a regular file"):
        load_corpus(tmp_path / "x.csv")


def test_socket_is_refused(tmp_path):
    root = folder_with(tmp_path)
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(root / "s.txt"))
        with pytest.raises(CorpusError, match=r"s\.txt: not a regular file \(a socket"):
            load_corpus(root)
    finally:
        server.close()


# --- 2. symbolic links ------------------------------------------------------------------------

def test_symlink_leading_outside_is_refused_by_default(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("كلمة السر", encoding="utf-8")
    root = folder_with(tmp_path)
    (root / "p.txt").symlink_to(secret)
    with pytest.raises(CorpusError, match=r"p\.txt: symbolic link to .*outside the corpus"):
        load_corpus(root)
    assert list(skip(root).doc_id) == ["good"]


def test_symlink_outside_is_followed_on_request(tmp_path):
    secret = tmp_path / "elsewhere.txt"
    secret.write_text("خبر من مكان آخر", encoding="utf-8")
    root = folder_with(tmp_path)
    (root / "p.txt").symlink_to(secret)
    df = load_corpus(root, follow_symlinks=True)
    assert df.set_index("doc_id").loc["p", "text"] == "خبر من مكان آخر"


def test_symlink_inside_the_corpus_is_fine(tmp_path):
    root = folder_with(tmp_path)
    (root / "sub").mkdir()
    (root / "sub" / "a.txt").write_text("خبر", encoding="utf-8")
    (root / "alias.txt").symlink_to(root / "sub" / "a.txt")
    assert sorted(load_corpus(root).doc_id) == ["alias", "good", "sub/a"]


def test_symlinked_folder_outside_is_refused_and_cycles_do_not_hang(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.txt").write_text("خبر خارجي", encoding="utf-8")
    root = folder_with(tmp_path)
    (root / "link").symlink_to(outside, target_is_directory=True)
    with pytest.raises(CorpusError, match=r"link: symbolic link to .*outside the corpus"):
        load_corpus(root)
    (root / "loop").symlink_to(root, target_is_directory=True)
    df = skip(root, follow_symlinks=True)
    assert sorted(df.doc_id) == ["good", "link/o"]


def test_dangling_symlink(tmp_path):
    root = folder_with(tmp_path)
    (root / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(CorpusError, match=r"gone\.txt: broken symbolic link"):
        load_corpus(root)


# --- 3. encodings -----------------------------------------------------------------------------

@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_bom_is_decoded(tmp_path, codec):
    bom = b"\xff\xfe\x00\x00" if codec.endswith("le") else b"\x00\x00\xfe\xff"
    path = tmp_path / "a.txt"
    path.write_bytes(bom + GOOD.encode(codec))
    assert load_corpus(path).text[0] == GOOD


def test_iso_8859_6_is_not_read_as_windows_1256(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("رسالة تلفزيونية من المراسل في حلب\n".encode("iso-8859-6"))
    with pytest.raises(CorpusError, match=r"a\.txt: .*ISO-8859-6"):
        load_corpus(path)


def test_implausible_windows_1256_is_an_error(tmp_path):
    path = tmp_path / "a.txt"
    # Latin-1 letters glued to Arabic letters: no real text reads like this
    path.write_bytes("ربèسê اتâل".encode("cp1256"))
    with pytest.raises(CorpusError, match=r"a\.txt: undecodable"):
        load_corpus(path)


def test_french_and_arabic_in_windows_1256_still_loads(tmp_path):
    path = tmp_path / "a.txt"
    text = "الجزائر: l'équipe a gagné à Oran\n"
    path.write_bytes(text.encode("cp1256"))
    assert load_corpus(path).text[0] == text


# --- 4. dates out of range ------------------------------------------------------------------

@pytest.mark.parametrize(
    "value", ["9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+01:00", "1799-12-31"]
)
def test_out_of_range_dates_in_json_lines(tmp_path, value):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"text": "نص", "date": value}) + "\n" +
                    json.dumps({"text": "نص آخر", "date": "2016-08-01"}) + "\n")
    with pytest.raises(CorpusError, match=r"t\.jsonl, line 1: publication date .* outside"):
        load_corpus(path)
    df = skip(path)
    assert list(df.text) == ["نص آخر"]
    assert df.attrs["skipped"][0]["where"] == f"{path}, line 1"


def test_out_of_range_day_first_date_in_csv(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("text,date\nنص,31/12/9999 23:00 -05:00\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"t\.csv, row 1: publication date .* outside"):
        load_corpus(path)


def test_far_future_date_in_ant_file(tmp_path):
    root = tmp_path / "ant"
    root.mkdir()
    (root / "a.txt").write_text("<DOC><TIME>Fri, 31 Dec 9999 23:00:00 -0500</TIME>"
                                "<TEXT>نص</TEXT></DOC>", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"a\.txt: publication date"):
        load_corpus(root)


# --- 5. ragged tables --------------------------------------------------------------------------

def test_ragged_tsv_names_the_line(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("text\ttitle\nنص\tعنوان\na\tb\tc\td\nواحد\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"t\.tsv, row 2 \(line 3\): 4 fields, the header has 2"):
        load_corpus(path)
    df = skip(path)
    assert list(df.text) == ["نص"]
    assert [s["where"] for s in df.attrs["skipped"]] == [
        f"{path}, row 2 (line 3)", f"{path}, row 3 (line 4)"]


def test_quoted_newlines_keep_their_row(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('text,title\n"سطر\nسطر ثان",عنوان\nب,ج\n', encoding="utf-8")
    df = load_corpus(path)
    assert list(df.text) == ["سطر\nسطر ثان", "ب"]


# --- 6. wrong types ---------------------------------------------------------------------------

@pytest.mark.parametrize("value", [123, ["x", "y"], {"k": 1}, True, 1.5])
def test_json_text_must_be_a_string(tmp_path, value):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"text": value}) + "\n")
    with pytest.raises(CorpusError, match=r"t\.jsonl, line 1: text must be a string, got"):
        load_corpus(path)


def test_parquet_bytes_text_is_an_error(tmp_path):
    path = tmp_path / "t.parquet"
    pd.DataFrame({"text": ["ر".encode()]}).to_parquet(path)
    with pytest.raises(CorpusError, match=r"t\.parquet, row 1: text must be a string, got bytes"):
        load_corpus(path)


@pytest.mark.parametrize("value", [{"k": 1}, ["a"], 1.5, True])
def test_bad_id_types(tmp_path, value):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"id": value, "text": "نص"}) + "\n")
    with pytest.raises(CorpusError, match=r"line 1: doc_id must be a string or an integer"):
        load_corpus(path)


@pytest.mark.parametrize(("value", "expected"), [(12, "12"), ("a-1", "a-1"), (7.0, "7")])
def test_accepted_id_types(tmp_path, value, expected):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"id": value, "text": "نص"}) + "\n")
    assert load_corpus(path).doc_id[0] == expected


def test_bad_title_type(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"title": {"a": 1}, "text": "نص"}) + "\n")
    with pytest.raises(CorpusError, match="title must be a string"):
        load_corpus(path)


# --- 7. documents without text: left out with a reason, in both modes ----------------------

def left_out(path):
    """Load in raise mode; return the frame and the reasons of the documents left out."""
    with pytest.warns(SkippedDocumentWarning, match="no text|empty file") as caught:
        df = load_corpus(path)
    assert len(caught) == len(df.attrs["skipped"])
    return df, [(s["where"], s["reason"]) for s in df.attrs["skipped"]]


@pytest.mark.parametrize(("value", "how"), [("", "empty"), ("   \n ", "blank"), (None, "missing")])
def test_json_document_without_text(tmp_path, value, how):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"text": value}) + "\n" + json.dumps({"text": "نص"}) + "\n")
    df, reasons = left_out(path)
    assert list(df.text) == ["نص"]
    assert reasons == [(f"{path}, line 1", f"no text ({how} text); documents without text are "
                                            "left out")]
    assert list(skip(path).text) == ["نص"]


def test_csv_and_parquet_without_text(tmp_path):
    csv = tmp_path / "t.csv"
    csv.write_text("text,title\n,عنوان\nنص,عنوان\n", encoding="utf-8")
    df, reasons = left_out(csv)
    assert list(df.text) == ["نص"] and reasons[0][0] == f"{csv}, row 1"
    parquet = tmp_path / "t.parquet"
    pd.DataFrame({"text": [None, "نص"]}).to_parquet(parquet)
    df, reasons = left_out(parquet)
    assert list(df.text) == ["نص"] and reasons[0][0] == f"{parquet}, row 1"


def test_ant_document_without_text_and_empty_files(tmp_path):
    root = tmp_path / "ant"
    root.mkdir()
    (root / "a.txt").write_text("<DOC><DOCNO>a</DOCNO><TITLE>عنوان</TITLE></DOC>",
                                encoding="utf-8")
    (root / "b.txt").write_text("<DOC><DOCNO>b</DOCNO><TEXT>نص</TEXT></DOC>", encoding="utf-8")
    (root / "c.txt").write_bytes(b"")
    (root / "d.txt").write_bytes(b" \n\t ")
    df, reasons = left_out(root)
    assert list(df.doc_id) == ["b"]
    assert [where for where, _ in reasons] == [str(root / n) for n in ("a.txt", "c.txt", "d.txt")]
    assert reasons[0][1].startswith("no text (missing text)")


# --- 8. deep nesting ---------------------------------------------------------------------------

def test_deeply_nested_json_line(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n" +
                    json.dumps({"text": "نص"}) + "\n")
    with pytest.raises(CorpusError, match=r"t\.jsonl, line 1: .*nested too deeply"):
        load_corpus(path)
    assert list(skip(path).text) == ["نص"]


# --- 9. empty path ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["", "   "])
def test_empty_path_is_an_error(path):
    with pytest.raises(CorpusError, match="empty path"):
        load_corpus(path)


# --- 10. smaller problems ------------------------------------------------------------------

def test_very_long_path():
    with pytest.raises(CorpusError, match="path too long"):
        load_corpus("a/" * 2500)


def test_size_limit_is_checked_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as sparse:  # 2 GB that take no disk space
        sparse.truncate(2 * 1024**3)
    with pytest.raises(CorpusError, match=r"big\.txt: file of 2\.1 GB is larger than"):
        load_corpus(path)
    small = tmp_path / "small.txt"
    small.write_text(GOOD * 100, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"max_file_size="):
        load_corpus(small, max_file_size=1000)
    assert len(load_corpus(small, max_file_size=10_000).text[0]) == len(GOOD * 100)


def test_bad_max_file_size():
    with pytest.raises(ValueError, match="max_file_size"):
        load_corpus(None, max_file_size=0)


def test_derived_titles_are_capped(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("كلمة " * 100_000, encoding="utf-8")
    df = load_corpus(path)
    assert len(df.title[0]) <= 201
    assert df.title[0].endswith("…")
    assert len(df.text[0]) == 500_000


def test_duplicate_column_names(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("text,title,text\nنص,عنوان,آخر\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"t\.csv: column 'text' appears 2 times"):
        load_corpus(path)


def test_all_json_lines_bad_in_skip_mode_gives_the_real_reason(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text("{oops\n[1]\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = load_corpus(path, on_error="skip")
    assert df.empty and list(df.columns) == ["doc_id", "title", "source", "published", "text"]
    assert [s["reason"] for s in df.attrs["skipped"]] == [
        "broken JSON line: Expecting property name enclosed in double quotes (column 2)",
        "broken JSON line: expected an object {...}, got list",
    ]
    assert [str(w.message).split(": ", 1)[1] for w in caught] == [
        "broken JSON line: Expecting property name enclosed in double quotes (column 2)",
        "broken JSON line: expected an object {...}, got list",
    ]


def test_header_only_csv(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("text,title\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"t\.csv: no data rows"):
        load_corpus(path)


# --- property: random bad files never break the contract ---------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

CODECS = ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "cp1256",
          "iso-8859-6", "latin-1", "cp1252", "koi8-r", "utf-8-sig", "mac-arabic"]
good_text = st.text(
    st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة ًٌٍَُِّْ abcXYZ0123456789\n،.«»"),
    min_size=1, max_size=200,
).filter(lambda text: text.strip() and not text.lstrip().startswith("<DOC>"))
bad_file = st.one_of(
    st.tuples(st.just("bytes"), st.binary(max_size=300)),
    st.tuples(st.just("encoded"), st.tuples(st.text(max_size=120), st.sampled_from(CODECS))),
    st.tuples(st.just("truncated"), st.tuples(good_text, st.sampled_from(CODECS),
                                              st.integers(0, 400))),
    st.tuples(st.just("ant"), st.tuples(good_text, st.sampled_from(
        ["", "<TEXT>", "</TEXT>", "<TIME>9999-12-31T23:59:59-05:00</TIME>", "<TIME>x</TIME>",
         "<DOCNO></DOCNO>", "&#0;", "&#xD800;", "<DOC>"]), st.integers(0, 300))),
    st.tuples(st.sampled_from(["fifo", "empty", "blank", "folder", "outside-link",
                               "dangling-link", "loop-link", "inside-link"]), st.none()),
)


def write_bad(root, outside, name, kind, data):
    path = root / name
    if kind == "bytes":
        path.write_bytes(data)
    elif kind == "encoded":
        text, codec = data
        path.write_bytes(text.encode(codec, errors="replace"))
    elif kind == "truncated":
        text, codec, cut = data
        path.write_bytes(text.encode(codec, errors="replace")[:cut])
    elif kind == "ant":
        text, extra, cut = data
        doc = f"<DOC><DOCNO>{name}</DOCNO>{extra}<TEXT>{text}</TEXT></DOC>"
        path.write_text(doc[: max(cut, 5)], encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "blank":
        path.write_bytes(b" \n\t\r\n")
    elif kind == "folder":
        path.mkdir()
    elif kind == "outside-link":
        path.symlink_to(outside)
    elif kind == "dangling-link":
        path.symlink_to(root / "missing-target")
    elif kind == "loop-link":
        path.symlink_to(path)
    elif kind == "inside-link":
        path.symlink_to(root / "good0.txt")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(good_text, min_size=1, max_size=3), st.lists(bad_file, max_size=6))
def test_random_bad_files_never_break_the_contract(goods, bads):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as scratch:
        outside = Path(scratch) / "outside.txt"
        outside.write_text("سر", encoding="utf-8")
        root = Path(scratch) / "corpus"
        root.mkdir()
        for number, text in enumerate(goods):
            (root / f"good{number}.txt").write_text(text, encoding="utf-8", newline="")
        for number, (kind, data) in enumerate(bads):
            write_bad(root, outside, f"bad{number}.txt", kind, data)
        expected = {f"good{n}": text.replace("\r\n", "\n").replace("\r", "\n")
                    for n, text in enumerate(goods)}

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", SkippedDocumentWarning)
                frame = load_corpus(root)
        except CorpusError:
            pass
        else:
            assert isinstance(frame, pd.DataFrame)
            assert dict(zip(frame.doc_id, frame.text, strict=True)).items() >= expected.items()

        frame = skip(root)  # never raises
        assert isinstance(frame, pd.DataFrame)
        texts = dict(zip(frame.doc_id, frame.text, strict=True))
        assert {doc_id: texts.get(doc_id) for doc_id in expected} == expected
        assert "سر" not in texts.values()  # the file outside the corpus never becomes a text


table_rows = st.lists(st.tuples(good_text, good_text), min_size=1, max_size=4)


@settings(max_examples=40, deadline=None)
@given(table_rows, st.sampled_from(["csv", "tsv", "jsonl", "parquet"]), st.integers(0, 2000),
       st.binary(max_size=20), st.sampled_from(["raise", "skip"]))
def test_truncated_or_corrupted_tables_give_a_frame_or_a_corpus_error(
    rows, kind, cut, junk, on_error
):
    import tempfile
    from pathlib import Path

    frame = pd.DataFrame(rows, columns=["text", "title"])
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / f"t.{kind}"
        if kind == "parquet":
            frame.to_parquet(path)
        elif kind == "jsonl":
            frame.to_json(path, orient="records", lines=True, force_ascii=False)
        else:
            frame.to_csv(path, sep="," if kind == "csv" else "\t", index=False)
        data = path.read_bytes()
        path.write_bytes(data[:cut] + junk)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", SkippedDocumentWarning)
                result = load_corpus(path, on_error=on_error)
        except CorpusError:
            return
        # A cut (plus junk) may still be a valid table with shorter fields: only the contract
        # of the frame is checked here; the folder test above checks the texts themselves.
        assert isinstance(result, pd.DataFrame)
        assert list(result.columns[:5]) == ["doc_id", "title", "source", "published", "text"]
        assert all(isinstance(text, str) and text.strip() for text in result.text)
