"""Loading an ANT-style folder: TREC <DOC> XML, well-formed or not."""

import pandas as pd
import pytest

from arabic_news import CorpusError, load_corpus
from arabic_news.corpus import SkippedDocumentWarning


def ant_doc(docno, *, title="عنوان", time="Mon, 26 Feb 2018 02:20:10 GMT", text="نص الخبر",
            author="", src="BBC", cat="economy"):
    return (
        f"<DOC>\n  <DOCNO>{docno}</DOCNO>\n  <URL>http://example.org/{docno}</URL>\n"
        f"  <SRC>{src}</SRC>\n  <CAT>{cat}</CAT>\n  <TITLE>{title}</TITLE>\n"
        f"  <TIME>{time}</TIME>\n  <AUTHOR>{author}</AUTHOR>\n"
        f"  <ABSTRACT>\nملخص\n  </ABSTRACT>\n  <TEXT>\n{text}\n  </TEXT>\n</DOC>\n"
    )


@pytest.fixture
def ant_folder(tmp_path):
    root = tmp_path / "ant"
    files = {
        "BBC/economy/BB-economy-1-20180226.txt": ant_doc(
            "BB-economy-1-20180226", title="مؤشر S&amp;P 500 &#1610;", text="سطر\nسطر آخر"
        ),
        # Not well-formed XML: a raw '&' in the title and a stray '<' opening a paragraph.
        "BBC/economy/BB-economy-2-20180227.txt": ant_doc(
            "BB-economy-2-20180227", title="S&P: مشاكل تركيا", text="< تحية واجبة\nنص & نص"
        ),
        "Alarabia/sport/AL-sport-1-20180219.txt": ant_doc(
            "AL-sport-1-20180219", time="Mon, 19 Feb 2018 00:16:11 +0400", author="القاهرة",
            src="alarabia", cat="sport", text="هدف",
        ),
        "README.md": "# not an article\n",
    }
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root


def test_ant_folder_loads_every_document(ant_folder):
    df = load_corpus(ant_folder).set_index("doc_id")
    assert list(df.index) == [
        "AL-sport-1-20180219", "BB-economy-1-20180226", "BB-economy-2-20180227",
    ]
    first = df.loc["BB-economy-1-20180226"]
    assert first.title == "مؤشر S&P 500 ي"  # entities unescaped in well-formed parts
    assert first.text == "سطر\nسطر آخر"
    assert first.source == "BBC"
    assert first.category == "economy"
    assert first.url == "http://example.org/BB-economy-1-20180226"
    assert first.abstract == "ملخص"
    assert first.published == pd.Timestamp("2018-02-26T02:20:10Z")
    malformed = df.loc["BB-economy-2-20180227"]
    assert malformed.title == "S&P: مشاكل تركيا"
    assert malformed.text == "< تحية واجبة\nنص & نص"
    sport = df.loc["AL-sport-1-20180219"]
    assert sport.published == pd.Timestamp("2018-02-18T20:16:11Z")
    assert (sport.author, sport.text, sport.file) == (
        "القاهرة", "هدف", "Alarabia/sport/AL-sport-1-20180219.txt"
    )
    assert str(df.published.dtype) == "datetime64[us, UTC]"


def test_missing_closing_tags_and_missing_docno(tmp_path):
    path = tmp_path / "x" / "loose.txt"
    path.parent.mkdir()
    path.write_text("<DOC>\n<TITLE>عنوان\n<TEXT>\nنص بلا نهاية", encoding="utf-8")
    df = load_corpus(path.parent)
    assert df.doc_id.item() == "loose"
    assert df.title.item() == "عنوان"
    assert df.text.item() == "نص بلا نهاية"


def test_several_documents_in_one_file(tmp_path):
    path = tmp_path / "many.txt"
    path.write_text(ant_doc("D1") + ant_doc("D2") + "<DOC><TEXT>x</TEXT></DOC>")
    df = load_corpus(path)
    third_line = 2 * ant_doc("D1").count("\n") + 1
    assert list(df.doc_id) == ["D1", "D2", f"many#{third_line}"]
    assert df.text.tolist() == ["نص الخبر", "نص الخبر", "x"]


def test_bad_time_names_the_file(ant_folder):
    bad = ant_folder / "BBC" / "economy" / "BB-economy-3-20180228.txt"
    bad.write_text(ant_doc("BB-economy-3-20180228", time="Monday morning"), encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"^{bad}: unparseable date 'Monday morning'"):
        load_corpus(ant_folder)
    with pytest.warns(SkippedDocumentWarning, match="unparseable date"):
        df = load_corpus(ant_folder, on_error="skip")
    assert len(df) == 3
    assert df.attrs["skipped"][0]["where"] == str(bad)
