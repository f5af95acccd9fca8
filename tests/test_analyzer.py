"""ArabicAnalyzer: terms, n-grams, stemming, and use inside scikit-learn vectorizers."""

import pickle

import pytest
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from arabic_news import ArabicAnalyzer, Normalizer

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
    assert ArabicAnalyzer(ngram_range=(2, 3))("a b c") == ["a b", "b c", "a b c"]
    assert ArabicAnalyzer(stop_words=None)("القوات فى حلب") == ["القوات", "في", "حلب"]


def test_stop_words_replace_and_options():
    assert ArabicAnalyzer(stop_words=["حلب"])("القوات فى حلب") == ["القوات", "في"]
    assert ArabicAnalyzer(numbers=False, latin=False)("قمة G20 عام 2016") == ["قمه", "عام"]
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
        ({"numbers": "no"}, TypeError, "numbers= must be True or False"),
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
