"""Stop words: the project's list, normalised, with attached و/ف forms, extensible."""

from importlib.resources import files

import pytest

from arabic_news import Normalizer, news_stop_words, remove_stop_words, stop_words, tokenize
from arabic_news.text.stopwords import _listed_words


def _raw_list() -> list[str]:
    text = files("arabic_news.text").joinpath("data/stopwords_ar.txt").read_text("utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


def test_list_is_function_words_of_reasonable_size_without_duplicates():
    raw = _raw_list()
    assert 150 <= len(raw) <= 300
    assert len(raw) == len(set(raw))
    for content_word in ("قال", "أكد", "أعلن", "الرئيس", "دولة"):
        assert content_word not in raw
        assert tokenize(content_word)[0] not in stop_words()


def test_spelling_variants_match_through_the_normaliser():
    words = stop_words()
    for variant in ("فى", "في", "إلى", "الى", "التى", "الذى", "هذة"[:2] + "ه"):
        assert tokenize(variant)[0] in words


@pytest.mark.parametrize("word", ["وهو", "فإن", "وفي", "فهذا", "وكانت", "ولكن"])
def test_attached_conjunction_forms_are_generated(word):
    assert tokenize(word)[0] in stop_words()
    assert word not in _raw_list()


def test_extend_and_replace():
    assert "حلب" in stop_words(extra=["حلب"])
    assert "وحلب" in stop_words(extra=["حلب"])
    replaced = stop_words(replace=["موسكو"])
    assert "موسكو" in replaced and "في" not in replaced
    assert stop_words(replace=[]) == frozenset()


def test_normalizer_none_keeps_exact_forms():
    exact = stop_words(normalizer=None)
    assert "فى" not in exact and "في" in exact and "إلى" in exact


def test_custom_normalizer_is_applied_to_the_list():
    assert "لكي" in stop_words(normalizer=Normalizer(hamza=True))
    assert "فيه" in stop_words(normalizer=Normalizer(teh_marbuta=False))


def test_bad_entries_are_named():
    with pytest.raises(ValueError, match=r"extra\[1\] 'في حلب' is not a single word"):
        stop_words(extra=["من", "في حلب"])
    with pytest.raises(ValueError, match=r"replace\[0\] '،' is not a single word"):
        stop_words(replace=["،"])
    with pytest.raises(TypeError, match=r"extra\[0\] is int"):
        stop_words(extra=[3])
    with pytest.raises(TypeError, match="not one string"):
        stop_words(extra="في")


def test_remove_stop_words():
    tokens = tokenize("وقال فى بيان إن القوات الروسية وهي فى حلب")
    assert remove_stop_words(tokens) == ["وقال", "بيان", "القوات", "الروسيه", "حلب"]
    assert remove_stop_words(tokens, ["بيان", "حلب"]) == [
        t for t in tokens if t not in {"بيان", "حلب"}
    ]
    assert remove_stop_words(iter(["a", "في"])) == ["a"]
    with pytest.raises(TypeError, match="not one string"):
        remove_stop_words(tokens, "في")


# --- the news list (issue 17, item 2) --------------------------------------------------------

def _news_list() -> list[str]:
    return _listed_words("news")


def test_news_list_holds_the_words_news_prose_uses_everywhere():
    news = news_stop_words()
    for word in ("وقال", "تم", "أمس", "اليوم", "عدد", "أكثر", "وأضاف", "مشيرا", "الماضي"):
        assert tokenize(word)[0] in news, word
    assert len(_news_list()) == len(set(_news_list()))
    assert not set(_news_list()) & set(_raw_list()), "a word is in both lists"


def test_news_list_keeps_the_content_words_its_header_names():
    header = files("arabic_news.text").joinpath("data/stopwords_news_ar.txt").read_text("utf-8")
    news, function = news_stop_words(), stop_words()
    for word in ("بن", "العام", "أعلن", "ذكر", "خاصة", "الجمعة", "الثاني", "رئيس",
                 "الدكتور", "مليون", "بنسبة"):
        assert word in header, word
        assert tokenize(word)[0] not in news | function, word


def test_news_list_is_separate_from_stop_words():
    assert tokenize("وقال")[0] not in stop_words()
    assert news_stop_words(normalizer=None) != news_stop_words()
    assert "أمس" in news_stop_words(normalizer=None)
