"""ArabicAnalyzer: terms, n-grams, stemming, and use inside scikit-learn vectorizers."""

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from arabic_news import ArabicAnalyzer, Normalizer, tokenize
from arabic_news.text.analyzer import is_number, is_single_letter

DOCS = [
    "أعلنت وزارة الدفاع الروسية فى بيان أن القوات الروسية صدّت هجوما فى حلب.",
    "قال الرئيس فلاديمير بوتين إن روسيا ستواصل دعم سوريا، وبيروت تتابع.",
    "زار وزير الخارجية بيروت وبغداد، وفي بيروت التقى رئيس الحكومة.",
]


def test_terms_are_normalised_tokens_without_stop_words():
    assert ArabicAnalyzer()(DOCS[0]) == [
        "اعلنت", "وزاره", "الدفاع", "الروسيه", "بيان", "القوات", "الروسيه", "صدت", "هجوما",
        "حلب",
    ]  # fmt: skip


def test_ngrams_are_built_after_stop_word_removal():
    terms = ArabicAnalyzer(ngram_range=(1, 2))("القوات فى حلب")
    assert terms == ["القوات", "حلب", "القوات حلب"]
    assert ArabicAnalyzer(ngram_range=(2, 3))("ab bc cd") == ["ab bc", "bc cd", "ab bc cd"]
    assert ArabicAnalyzer(stop_words=None)("القوات فى حلب") == ["القوات", "في", "حلب"]


def test_stop_words_replace_and_options():
    assert ArabicAnalyzer(stop_words=["حلب"])("القوات فى حلب") == ["القوات", "في"]
    assert ArabicAnalyzer(latin=False)("قمة G20 سنة 2016") == ["قمه", "سنه"]
    assert ArabicAnalyzer(normalizer=None, stop_words=None)("فى") == ["فى"]


def test_stemming_modes():
    assert ArabicAnalyzer(stem="article").tokens("والقوات بالروسية") == ["قوات", "روسيه"]
    analyzer = ArabicAnalyzer(stem="proclitic").fit(DOCS)
    assert analyzer.vocabulary_["بيروت"] == 2
    assert analyzer.tokens("وبيروت وبوتين بوتين") == ["بيروت", "بوتين", "بوتين"]


def test_proclitic_without_fit_is_a_clear_error():
    with pytest.raises(ValueError, match=r"call \.fit\(documents\)"):
        ArabicAnalyzer(stem="proclitic")("وبيروت")


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"stem": "porter"}, ValueError, "stem must be None, 'article' or 'proclitic'"),
        ({"ngram_range": (2, 1)}, ValueError, "1 <= min_n <= max_n"),
        ({"ngram_range": 2}, ValueError, "must be a pair"),
        ({"stop_words": "arabic"}, ValueError, "stop_words must be 'default'"),
        ({"keep_numbers": "no"}, TypeError, "keep_numbers= must be True or False"),
        ({"keep_single_letters": 1}, TypeError, "keep_single_letters= must be True or False"),
        ({"news_words": None}, TypeError, "news_words= must be True or False"),
        ({"normalizer": 3}, TypeError, "normalizer must be"),
    ],
)
def test_parameters_are_validated(kwargs, error, message):
    with pytest.raises(error, match=message):
        ArabicAnalyzer(**kwargs)


def test_fit_names_the_bad_document():
    with pytest.raises(TypeError, match="document 1 is bytes"):
        ArabicAnalyzer().fit(["حلب", b"x"])
    with pytest.raises(TypeError, match="not one string"):
        ArabicAnalyzer().fit("حلب")


@pytest.mark.parametrize("vectorizer", [TfidfVectorizer, CountVectorizer])
def test_works_inside_sklearn_vectorizers_and_pickles(vectorizer):
    analyzer = ArabicAnalyzer(stem="proclitic", ngram_range=(1, 2)).fit(DOCS)
    fitted = vectorizer(analyzer=analyzer).fit(DOCS)
    assert "بيروت" in fitted.vocabulary_ and "في" not in fitted.vocabulary_
    assert "وزاره دفاع" in fitted.vocabulary_
    clone = pickle.loads(pickle.dumps(fitted))
    assert clone.vocabulary_ == fitted.vocabulary_
    assert (clone.transform(DOCS) != fitted.transform(DOCS)).nnz == 0


def test_pickle_round_trip_and_repr():
    analyzer = ArabicAnalyzer(normalizer=Normalizer(hamza=True), stem="article")
    clone = pickle.loads(pickle.dumps(analyzer))
    assert clone(DOCS[1]) == analyzer(DOCS[1])
    assert "stem='article'" in repr(analyzer) and "hamza=True" in repr(analyzer)
    assert "normalizer=default" in repr(ArabicAnalyzer())


# --- tokens that carry content (issue 17, item 2) --------------------------------------------

NUMBERS_TEXT = "ارتفع السهم 2.5 ٪ إلى 1,500 ريال في ٢٠١٦ و۱۳۹۵ و2015م ونحو 10%"


def test_number_only_tokens_and_single_letters_are_dropped_by_default():
    assert ArabicAnalyzer()(NUMBERS_TEXT) == ["ارتفع", "السهم", "ريال"]
    assert ArabicAnalyzer()("قمة G20 و COVID19 مع د. أحمد x") == ["قمه", "G20", "COVID19", "احمد"]


def test_keep_numbers_keeps_every_piece_of_a_number():
    terms = ArabicAnalyzer(keep_numbers=True)(NUMBERS_TEXT)
    assert terms == ["ارتفع", "السهم", "2", "5", "1", "500", "ريال", "2016", "1395", "2015",
                     "10"]
    unnormalised = ArabicAnalyzer(normalizer=None, keep_numbers=True, stop_words=None)
    assert unnormalised("سنة ٢٠١٦") == ["سنة", "٢٠١٦"]
    assert ArabicAnalyzer(normalizer=None)("سنة ٢٠١٦ ۱۳۹۵") == ["سنة"]


def test_keep_single_letters():
    terms = ArabicAnalyzer(keep_single_letters=True)("في 1436هـ قال د. أحمد x")
    assert terms == ["ه", "د", "احمد", "x"]
    assert ArabicAnalyzer(keep_single_letters=True, keep_numbers=True)("1436هـ") == ["1436", "ه"]


def test_ngrams_do_not_bridge_over_dropped_numbers_differently_than_over_stop_words():
    # Numbers go before n-grams are built, as stop words do: the bigram joins the neighbours.
    assert ArabicAnalyzer(ngram_range=(2, 2))("سعر 25 النفط") == ["سعر النفط"]
    assert ArabicAnalyzer(ngram_range=(2, 2), keep_numbers=True)("سعر 25 النفط") == [
        "سعر 25", "25 النفط"]


def test_news_words_are_removed_by_default_and_can_be_kept():
    text = "وقال الوزير أمس إنه تم افتتاح عدد من المدارس اليوم"
    assert ArabicAnalyzer()(text) == ["الوزير", "افتتاح", "المدارس"]
    kept = ArabicAnalyzer(news_words=False)(text)
    assert kept == ["وقال", "الوزير", "امس", "تم", "افتتاح", "عدد", "المدارس",
                    "اليوم"]
    assert ArabicAnalyzer(stop_words=None)(text)[:2] == ["وقال", "الوزير"]


def test_content_words_are_in_neither_list():
    analyzer = ArabicAnalyzer()
    for word in ("بن", "محمد بن سلمان", "الرئيس", "الحكومة", "النفط", "العام", "مليون",
                 "بنسبة", "الأمير", "المملكة", "السنة", "الدولة"):
        assert analyzer(word) == [Normalizer()(w) for w in word.split()], word


def test_settings_describe_everything_that_decides_the_terms():
    default = ArabicAnalyzer()
    assert default.cache_key() == ArabicAnalyzer().cache_key()
    assert pickle.loads(pickle.dumps(default)).cache_key() == default.cache_key()
    settings = default.settings()
    assert settings["keep_numbers"] is False and settings["news_words"] is True
    assert settings["stop_words"]["count"] == len(default.stop_words)
    import json
    assert json.loads(json.dumps(settings)) == settings
    variants = [
        ArabicAnalyzer(keep_numbers=True), ArabicAnalyzer(keep_single_letters=True),
        ArabicAnalyzer(news_words=False), ArabicAnalyzer(stop_words=None),
        ArabicAnalyzer(stop_words=["حلب"]), ArabicAnalyzer(stem="article"),
        ArabicAnalyzer(ngram_range=(1, 2)), ArabicAnalyzer(latin=False),
        ArabicAnalyzer(normalizer=Normalizer(hamza=True)), ArabicAnalyzer(normalizer=None),
        ArabicAnalyzer(stem="proclitic").fit(DOCS), ArabicAnalyzer(stem="proclitic").fit(DOCS[:2]),
    ]
    keys = [analyzer.cache_key() for analyzer in [default, *variants]]
    assert len(set(keys)) == len(keys)


def test_settings_follow_the_stop_words_content_not_the_parameter():
    one, two = ArabicAnalyzer(stop_words=["حلب"]), ArabicAnalyzer(stop_words=["حلب"])
    assert one.cache_key() == two.cache_key()
    two.stop_words = two.stop_words | {"دمشق"}
    assert one.cache_key() != two.cache_key()


def test_an_analyzer_pickled_before_the_filters_keeps_its_behaviour():
    old = ArabicAnalyzer.__new__(ArabicAnalyzer)
    state = {**ArabicAnalyzer(news_words=False).__dict__, "numbers": True}
    for name in ("keep_numbers", "keep_single_letters", "news_words"):
        del state[name]
    old.__setstate__(state)
    assert old("قمة 2016 م") == ["قمه", "2016", "م"]
    assert "keep_numbers=True" in repr(old)


@given(words=st.lists(st.sampled_from(
    ["قمة", "G20", "2016", "٢٠١٦", "½", "م", "هـ", "x", "و", "1,500", "3.5", "٣٫٥", "10%",
     "الـ15", "و2016", "2015م", "ب", "في", "COVID19", "²"]), max_size=12),
       keep_numbers=st.booleans(), keep_single_letters=st.booleans())
def test_the_filters_are_is_number_and_is_single_letter(words, keep_numbers,
                                                        keep_single_letters):
    text = " ".join(words)
    analyzer = ArabicAnalyzer(stop_words=None, keep_numbers=keep_numbers,
                              keep_single_letters=keep_single_letters)
    expected = [t for t in tokenize(text)
                if (keep_numbers or not is_number(t))
                and (keep_single_letters or not is_single_letter(t))]
    assert analyzer.tokens(text) == expected
