"""Loading tables of articles: CSV, TSV, JSON Lines, Parquet; column detection."""

import json

import pandas as pd
import pytest

from arabic_news import CorpusError, load_corpus

ROWS = [
    {"ID": "n1", "Headline": "عنوان أول", "Body": "نص أول\r\nسطر", "PubDate": "2018-02-26",
     "Outlet": "BBC", "lang": "ar"},
    {"ID": "n2", "Headline": "", "Body": "سطر العنوان\nنص ثان", "PubDate": "",
     "Outlet": "", "lang": "ar"},
]


def check(df):
    assert list(df.doc_id) == ["n1", "n2"]
    assert list(df.title) == ["عنوان أول", "سطر العنوان"]  # falls back to the first line
    assert list(df.text) == ["نص أول\nسطر", "سطر العنوان\nنص ثان"]
    assert df.source.fillna("<missing>").tolist() == ["BBC", "<missing>"]
    assert df.published.iloc[0] == pd.Timestamp("2018-02-26", tz="UTC")
    assert pd.isna(df.published.iloc[1])
    assert str(df.published.dtype) == "datetime64[us, UTC]"
    assert list(df.lang) == ["ar", "ar"]  # extra columns kept


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1256"])
def test_csv_in_each_encoding(tmp_path, encoding):
    path = tmp_path / "news.csv"
    pd.DataFrame(ROWS).to_csv(path, index=False, encoding=encoding)
    check(load_corpus(path))


def test_tsv(tmp_path):
    path = tmp_path / "news.tsv"
    pd.DataFrame(ROWS).to_csv(path, index=False, sep="\t")
    check(load_corpus(path))


def test_json_lines(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in ROWS) + "\n\n")
    check(load_corpus(path))


def test_parquet_with_datetime_column(tmp_path):
    path = tmp_path / "news.parquet"
    frame = pd.DataFrame(ROWS)
    frame["PubDate"] = pd.to_datetime(frame["PubDate"]).dt.tz_localize("Asia/Riyadh")
    frame.to_parquet(path)
    df = load_corpus(path)
    assert df.published.iloc[0] == pd.Timestamp("2018-02-25T21:00Z")
    assert pd.isna(df.published.iloc[1])


def test_explicit_column_names_and_generated_ids(tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text("when,msg,h,by\n01/02/2018,نص,ع,x\n,نص آخر,,y\n")
    df = load_corpus(
        path, text_column="msg", title_column="h", date_column="when", source_column="by"
    )
    assert list(df.doc_id) == ["posts-1", "posts-2"]
    assert list(df.title) == ["ع", "نص آخر"]
    assert list(df.source) == ["x", "y"]
    assert df.published.iloc[0] == pd.Timestamp("2018-02-01", tz="UTC")


def test_extra_column_named_like_a_core_column_is_renamed(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("published,pubdate,text\nsoon,2018-01-01,نص\n")
    df = load_corpus(path, date_column="pubdate")
    assert df.published.iloc[0] == pd.Timestamp("2018-01-01", tz="UTC")
    assert df.published_original.iloc[0] == "soon"


def test_csv_without_text_column_lists_columns_and_parameter(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("title,date\nx,2018-01-01\n")
    with pytest.raises(CorpusError) as caught:
        load_corpus(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: no text column")
    assert "columns found: 'title', 'date'" in message and "text_column=" in message


def test_unknown_explicit_column(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("text\nنص\n")
    with pytest.raises(CorpusError, match=r"no column 'body' \(given as text_column=\)"):
        load_corpus(path, text_column="body")


def test_broken_json_line_names_file_and_line(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"text": "a"}\n\n{"text": "b",\n')
    with pytest.raises(CorpusError, match=rf"^{path}, line 3: broken JSON line"):
        load_corpus(path)


def test_json_line_that_is_not_an_object(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"text": "a"}\n["text"]\n')
    with pytest.raises(CorpusError, match=r"line 2: broken JSON line: expected an object"):
        load_corpus(path)


def test_unparseable_date_names_file_and_row(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("text,date\nنص,2018-01-01\nنص,the 5th\n")
    with pytest.raises(CorpusError, match=rf"^{path}, row 2: unparseable date 'the 5th'"):
        load_corpus(path)


def test_duplicate_ids_are_rejected(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,text\n7,a\n7,b\n")
    with pytest.raises(CorpusError, match=r"row 2: duplicate doc_id '7' \(also in .*row 1\)"):
        load_corpus(path)


def test_malformed_csv(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('text,title\n"unclosed,x\n')
    message = rf"^{path}, line 2: malformed CSV file: unexpected end of data"
    with pytest.raises(CorpusError, match=message):
        load_corpus(path)


def test_not_a_parquet_file(tmp_path):
    path = tmp_path / "t.parquet"
    path.write_bytes(b"PAR1 garbage")
    with pytest.raises(CorpusError, match=rf"^{path}: not a readable Parquet file"):
        load_corpus(path)


def test_scraped_titles_show_the_characters_their_html_references_stand_for(tmp_path):
    # Titles scraped from web pages keep references such as &quot; and &#39;: a headline in
    # a table or a chart label must read as the page showed it; a raw & stays as written,
    # and the text itself is what the file holds.
    rows = [
        {"id": "a", "title": "&quot;سول&quot; تدين &#39;بيونجيانج&#39;&nbsp;بسبب لغم",
         "text": "نص &quot;كما هو&quot;"},
        {"id": "b", "title": "AT&T و S&P 500 &unknown; &#0;", "text": "نص"},
        {"id": "c", "title": "", "text": "&#39;سطر&#39; أول\nنص"},
    ]
    path = tmp_path / "scraped.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows),
                    encoding="utf-8")
    df = load_corpus(path)
    assert df.title.tolist() == ["\"سول\" تدين 'بيونجيانج'\u00a0بسبب لغم",
                                 "AT&T و S&P 500 &unknown; &#0;", "'سطر' أول"]
    assert df.text.iloc[0] == "نص &quot;كما هو&quot;"
