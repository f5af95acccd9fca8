"""min_df_effect: the cosine with min_df equals the cosine without, over the kept lengths."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_news import ArabicAnalyzer
from arabic_news.analysis import min_df_effect, tfidf_settings_effects

WORDS = ["روسيا", "حلب", "موسكو", "داعش", "سوريا", "الامن", "مجلس", "بوتين"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), min_size=3, max_size=6))
def test_the_cosine_rises_exactly_by_the_weight_of_the_dropped_terms(documents):
    texts = [" ".join(words) for words in documents]
    analyzer = ArabicAnalyzer()
    try:
        effect = min_df_effect(texts, analyzer, min_df=2)
    except ValueError:  # no term in two documents: sklearn refuses min_df
        return
    u, v = effect["dropped share first"], effect["dropped share second"]
    if u < 1 and v < 1:
        expected = effect["cosine"] / math.sqrt((1 - u) * (1 - v))
        assert effect["cosine with min_df"] == pytest.approx(expected, abs=1e-9)
    assert effect["terms kept"] <= effect["terms"]
    assert effect["first"] < effect["second"]


def test_it_names_the_pair_behind_the_largest_similarity_of_the_settings_table():
    texts = ["روسيا حلب موسكو داعش", "روسيا حلب سوريا", "مجلس الامن بوتين", "بوتين مجلس روسيا"]
    analyzer = ArabicAnalyzer()
    effect = min_df_effect(texts, analyzer, min_df=2)
    table = tfidf_settings_effects(texts, {"w": analyzer}, {"all": {}, "min": {"min_df": 2}})
    assert effect["cosine with min_df"] == pytest.approx(table.loc[("w", "min"), "max similarity"])
    assert effect["cosine with min_df"] > effect["cosine"]


def test_bad_arguments_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="at least two texts"):
        min_df_effect(["روسيا"], ArabicAnalyzer())
    with pytest.raises(ValueError, match="min_df must be a positive integer"):
        min_df_effect(["روسيا", "حلب"], ArabicAnalyzer(), min_df=0)
