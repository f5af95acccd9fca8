"""Hostile input to the text and date functions (issue 9, cases 11-13)."""

import pandas as pd
import pytest

import arabic_news as an

# --- 11. remove_stop_words takes tokens, not one string -------------------------------------

@pytest.mark.parametrize("tokens", ["في حلب", b"\xd9\x81\xd9\x8a"])
def test_remove_stop_words_rejects_a_string_or_bytes(tokens):
    with pytest.raises(TypeError, match="a list of tokens, not one"):
        an.remove_stop_words(tokens)


def test_remove_stop_words_still_takes_any_iterable():
    assert an.remove_stop_words(iter(["في", "حلب"])) == ["حلب"]


# --- 12. dates at the edge of the calendar -----------------------------------------------------

@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("text", ["أمس", "الشهر المقبل", "العام الماضي", "منذ ثلاثة أيام",
                                  "يوم السبت", "17 نوفمبر"])
def test_relative_dates_near_the_calendar_edges(published, text):
    mentions = an.extract_dates(text, published=published)
    assert len(mentions) == 1
    mention = mentions[0]
    assert mention.relative
    if mention.value is None:
        assert "outside the calendar" in mention.flag


def test_dates_table_with_an_extreme_publication_date():
    corpus = pd.DataFrame({
        "doc_id": ["a", "b"], "text": ["أمس", "أمس"],
        "published": pd.to_datetime(["0001-01-01", "2016-11-18"], format="%Y-%m-%d", utc=True),
    })
    table = an.dates_table(corpus)
    assert list(table["doc_id"]) == ["a", "b"]
    assert pd.isna(table["value"][0])
    assert table["value"][1] == pd.Timestamp("2016-11-17")


# --- 13. ngram_range is checked where it is used ------------------------------------------

def test_ngram_range_changed_after_construction_is_checked():
    analyzer = an.ArabicAnalyzer()
    analyzer.ngram_range = (3, 1)
    with pytest.raises(ValueError, match=r"ngram_range needs integers 1 <= min_n <= max_n"):
        analyzer("حلب دمشق")


def test_stem_changed_after_construction_is_checked():
    analyzer = an.ArabicAnalyzer()
    analyzer.stem = "porter"
    with pytest.raises(ValueError, match="stem must be None"):
        analyzer("حلب دمشق")
