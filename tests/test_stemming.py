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


def _strip_article_by_loop(token: str) -> str:
    """The article step written as a loop over the prefixes, longest first."""
    from arabic_news.text.stemming import ARTICLE_PREFIXES, MIN_STEM

    for prefix in ARTICLE_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= MIN_STEM:
            return token[len(prefix):]
    return token


_LETTERS = st.text(alphabet=st.sampled_from("الوفبكمنه\n"), max_size=9)


@given(_LETTERS)
def test_the_article_pattern_strips_as_the_loop_over_prefixes(token):
    from arabic_news.text.stemming import strip_article

    assert strip_article(token) == _strip_article_by_loop(token)


@given(st.lists(_LETTERS, max_size=12), st.dictionaries(_LETTERS, st.integers(1, 5)))
def test_light_stems_equal_light_stem_token_by_token(tokens, counts):
    """All the tokens at once (joined by line breaks) or one by one: the same stems, in
    both modes; tokens that hold a line break take the token-by-token path."""
    from arabic_news.text.stemming import light_stems

    assert light_stems(tokens) == [light_stem(token) for token in tokens]
    for vocabulary in (Counter(counts), set(counts)):
        assert light_stems(tokens, "proclitic", vocabulary) == [
            light_stem(token, "proclitic", vocabulary) for token in tokens]


def test_light_stems_checks_the_mode_and_vocabulary_as_light_stem():
    from arabic_news.text.stemming import light_stems

    with pytest.raises(ValueError, match="vocabulary"):
        light_stems(["والبيت"], "proclitic")
    with pytest.raises(ValueError, match="mode"):
        light_stems(["والبيت"], "root")
    assert light_stems([]) == []
    with pytest.raises(TypeError, match="token must be str, got int"):
        light_stems(["والبيت", 5])  # joining the tokens raised its own TypeError before
