"""Light stemming: the article family, and vocabulary-guarded proclitics that spare names."""

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabic_news import light_stem, tokenize

ARTICLE_CASES = [
    ("البيت", "بيت"),
    ("والبيت", "بيت"),
    ("بالبيت", "بيت"),
    ("كالبيت", "بيت"),
    ("فالبيت", "بيت"),
    ("للبيت", "بيت"),
    ("وللمره", "مره"),
    ("الجو", "الجو"),  # only two letters would remain
    ("الله", "الله"),
    ("بيروت", "بيروت"),
    ("وبيروت", "وبيروت"),  # article mode never strips a lone proclitic
]


@pytest.mark.parametrize(("token", "stem"), ARTICLE_CASES)
def test_article_mode(token, stem):
    assert light_stem(token) == stem
    assert light_stem(token, "article") == stem


NEWS = (
    "قال بوتين إن فلاديمير بوتين زار بيروت وبغداد ولبنان وفلسطين. في بيروت التقى مسؤولين "
    "وبيروت تستعد، وفي بغداد اجتماع. بلبنان ولبنان وفلسطين بغداد لبنان فلسطين كتاب وكتاب"
    " لبنان فلسطين لبنان فلسطين"
)


@pytest.fixture(scope="module")
def vocabulary():
    return Counter(tokenize(NEWS))


@pytest.mark.parametrize(
    "name", ["بوتين", "فلاديمير", "لبنان", "بيروت", "فلسطين", "بغداد", "كتاب"]
)
def test_proclitic_mode_keeps_names_whole(name, vocabulary):
    assert light_stem(name, "proclitic", vocabulary) == name
    assert light_stem(name, "proclitic", set(vocabulary)) == name


@pytest.mark.parametrize(
    ("token", "stem"),
    [("وبيروت", "بيروت"), ("وبغداد", "بغداد"), ("ولبنان", "لبنان"), ("بلبنان", "لبنان"),
     ("وفلسطين", "فلسطين"), ("وكتاب", "كتاب"), ("والبيت", "بيت"), ("وتين", "وتين")],
)
def test_proclitic_mode_strips_when_the_rest_is_a_corpus_word(token, stem, vocabulary):
    assert light_stem(token, "proclitic", vocabulary) == stem


def test_counts_protect_a_frequent_name_from_a_rare_word():
    counts = Counter({"لبنان": 40, "بنان": 1, "بيروت": 30, "وبيروت": 4})
    assert light_stem("لبنان", "proclitic", counts) == "لبنان"
    assert light_stem("وبيروت", "proclitic", counts) == "بيروت"
    # a plain set has no counts: membership alone decides
    assert light_stem("لبنان", "proclitic", set(counts)) == "بنان"


def test_errors():
    with pytest.raises(ValueError, match="mode must be one of 'article', 'proclitic'"):
        light_stem("البيت", "snowball")
    with pytest.raises(ValueError, match="needs vocabulary="):
        light_stem("وبيروت", "proclitic")
    with pytest.raises(TypeError, match="token must be str"):
        light_stem(None)


@given(
    token=st.text(st.sampled_from("الوفبكليتنمسرد"), max_size=9),
    vocabulary=st.sets(st.text(st.sampled_from("الوفبكليتنمسرد"), max_size=8), max_size=20),
)
def test_stem_is_a_suffix_that_keeps_three_letters(token, vocabulary):
    for stem in (light_stem(token), light_stem(token, "proclitic", vocabulary)):
        assert token.endswith(stem)
        assert stem == token or len(stem) >= 3
