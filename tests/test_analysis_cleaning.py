"""The cleaning lessons' helpers, checked against the analyzer they summarise."""

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabic_news as an
from arabic_news import analysis
from arabic_news.text.normalize import DEFAULT_STEPS

TEXTS = [
    "قال الرئيس الروسي فلاديمير بوتين إنّ روسيا لن تتراجع فى حلب.",
    "وأكد بوتين أن الروسية والروسي لموسكو وموسكو\u00a0الـ15 “جندياً” في بيروت ولبنان.",
    "بيروت ولبنان وفلسطين وبغداد، ولموسكو موقف. فلسطين بغداد موسكو موسكو.",
]


def test_stage_counts_equal_running_the_analyzer_on_every_text():
    stages = analysis.stage_counts(analysis.written_words(TEXTS))
    sizes, top = analysis.compare_cleanings(stages, n=50)
    # The stages are the cleaning steps alone: function words only, numbers and letters kept.
    every = {"news_words": False, "keep_numbers": True, "keep_single_letters": True}
    analyzers = {
        "normalised": an.ArabicAnalyzer(stop_words=None, **every),
        "stop words removed": an.ArabicAnalyzer(**every),
        "definite article stripped": an.ArabicAnalyzer(stem="article", **every),
        "one proclitic stripped": an.ArabicAnalyzer(stem="proclitic", **every).fit(TEXTS),
    }
    for name, analyzer in analyzers.items():
        expected = Counter(term for text in TEXTS for term in analyzer(text))
        assert sizes.loc[name, "tokens"] == sum(expected.values()), name
        assert sizes.loc[name, "types"] == len(expected), name
        ranked = sorted(expected, key=lambda term: (-expected[term], term))
        assert top[name].dropna().tolist() == ranked[:50], name


def test_normalisation_merges_spellings_so_types_shrink():
    sizes, _ = analysis.compare_cleanings(analysis.stage_counts(analysis.written_words(TEXTS)))
    assert sizes.loc["as written", "tokens"] == sizes.loc["normalised", "tokens"]
    assert sizes.loc["normalised", "types"] < sizes.loc["as written", "types"]


def test_cleaning_examples_show_each_step_alone_with_invisible_characters_named():
    table = analysis.cleaning_examples(analysis.written_words(TEXTS), per_step=5)
    assert list(table.index) == list(DEFAULT_STEPS)
    maksura = table.loc["alef_maksura"]
    assert "فى" in maksura["before"].split(" ، ") and "في" in maksura["after"].split(" ، ")
    spaces = table.loc["spaces"]
    marker = "\u2066<U+00A0>\u2069"  # an LTR isolate: it cannot reorder the Arabic around it
    assert spaces["before"] == f"وموسكو{marker}الـ15" and spaces["after"] == "وموسكو الـ15"
    assert table.loc["tatweel", "before"] == f"وموسكو{marker}الـ15"
    assert table.loc["tatweel", "after"] == f"وموسكو{marker}ال15"
    assert table.loc["presentation_forms", "words changed"] == 0
    assert table.loc["presentation_forms", "before"] == ""
    with pytest.raises(ValueError, match="per_step"):
        analysis.cleaning_examples(analysis.written_words(TEXTS), per_step=0)


def test_stemming_examples_keep_names_whole_and_strip_real_proclitics():
    stages = analysis.stage_counts(analysis.written_words(TEXTS))
    table = analysis.stemming_examples(stages["normalised"], n=20)
    kept = set(table.loc[table["what happens"] == "kept whole", "word"])
    stripped = dict(zip(table["word"], table["proclitic mode"], strict=True))
    assert {"بوتين", "فلاديمير", "بيروت", "فلسطين", "بغداد"} <= kept
    assert stripped["لموسكو"] == "موسكو"
    assert stripped["الروسي"] == "روسي"


def test_merged_spellings_count_every_written_form():
    table = analysis.merged_spellings(TEXTS, ["في", "ان"]).set_index("term")
    assert table.loc["في", "count"] == 2 and table.loc["في", "spellings"] == 2
    assert table.loc["في", "largest spelling"] == 1
    assert table.loc["ان", "written as"] == "أن (1)، إنّ (1)"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=60), max_size=4))
def test_counting_distinct_written_words_equals_tokenising_every_text(texts):
    stages = analysis.stage_counts(analysis.written_words(texts))
    assert stages["as written"] == Counter(
        token for text in texts for token in an.tokenize(text, normalizer=None))
    assert stages["normalised"] == Counter(token for text in texts for token in an.tokenize(text))


def test_counting_distinct_written_words_on_the_seed_traps():
    stages = analysis.stage_counts(analysis.written_words(TEXTS))
    assert stages["normalised"] == Counter(t for text in TEXTS for t in an.tokenize(text))


def test_dropped_by_default_accounts_for_every_token_the_default_analyzer_drops():
    texts = [*TEXTS, "وقال أمس إن 1,500 شخص و2015م تم عدّهم اليوم، هـ"]
    normalised = analysis.stage_counts(analysis.written_words(texts))["normalised"]
    table = analysis.dropped_by_default(normalised, n=3, label=str.upper)
    assert list(table.index) == ["function words", "news words", "numbers", "single letters"]
    kept = Counter(t for text in texts for t in an.ArabicAnalyzer()(text))
    assert table["tokens removed"].sum() == sum(normalised.values()) - sum(kept.values())
    assert table.loc["numbers", "tokens removed"] == 4  # 15 (of الـ15), 1, 500 and 2015
    assert table.loc["single letters", "most frequent"] == "م ، ه"
    assert table.loc["news words", "most frequent"] == "اليوم ، امس ، تم"
    assert table.loc["function words", "most frequent"].split(" ، ")[:2] == ["ان", "في"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(
    ["الله", "ﷲ", "ﷺ", "عبدالله", "اللّه", "ﻻ", "لا", "محمد", " ", "\n", "،"]), max_size=12)
    .map("".join), max_size=4))
def test_merged_spellings_count_each_term_as_the_normalised_tokens_do(texts):
    # A written form can stand for several words (the ligature ﷺ is four once normalised,
    # one of them الله): the spellings table must count the term as often as the top-terms
    # table does, or its "count" contradicts the lesson's ranking.
    normalised = Counter(token for text in texts for token in an.tokenize(text))
    terms = sorted(normalised)
    table = analysis.merged_spellings(texts, terms).set_index("term")
    assert {term: int(table.loc[term, "count"]) for term in terms} == dict(normalised)


def _cleaning_examples_word_by_word(words, per_step):
    """The examples table computed the plain way: each word normalised on its own, the
    changed ones sorted whole by (count, word)."""
    from arabic_news.text.normalize import Normalizer

    rows = []
    for step in DEFAULT_STEPS:
        alone = Normalizer(**{name: name == step for name in DEFAULT_STEPS})
        changed = sorted(((word, alone(word)) for word in words if alone(word) != word),
                         key=lambda pair: (-words[pair[0]], pair[0]))
        rows.append((len(changed), sum(words[word] for word, _ in changed),
                     " ، ".join(analysis.visible(word) for word, _ in changed[:per_step]),
                     " ، ".join(analysis.visible(new) for _, new in changed[:per_step])))
    return rows


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.text(alphabet=st.sampled_from("اأإآىةيه\u064b\u0640\u00a0٣aA"),
                               min_size=1, max_size=4),
                       st.integers(1, 4), max_size=25),
       st.integers(1, 4))
def test_cleaning_examples_equal_the_word_by_word_table(words, per_step):
    """Every word normalised at once and compared in Arrow, only the heaviest candidates
    sorted: the same counts and the same examples (ties alphabetical) as word by word."""
    words = Counter(words)
    table = analysis.cleaning_examples(words, per_step=per_step)
    got = list(zip(table["words changed"], table["occurrences changed"], table["before"],
                   table["after"], strict=True))
    assert got == _cleaning_examples_word_by_word(words, per_step)


def test_cleaning_examples_of_a_word_that_utf8_cannot_hold():
    """A lone surrogate (no UTF-8 for Arrow) takes the word-by-word comparison."""
    words = Counter({"\ud800": 3, "أ": 2, "ى": 1})
    table = analysis.cleaning_examples(words, per_step=2)
    got = list(zip(table["words changed"], table["occurrences changed"], table["before"],
                   table["after"], strict=True))
    assert got == _cleaning_examples_word_by_word(words, 2)
    assert table.loc["alef", "occurrences changed"] == 2
