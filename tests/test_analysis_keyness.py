"""Keyness: G² and log ratio reproduce published worked examples; splits and edge cases."""

import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import chi2, false_discovery_control, power_divergence

import arabic_news as an
from arabic_news.analysis import key_terms, keyness, split_by_date, split_corpus
from arabic_news.analysis.keyness import adjust_p_values, log_likelihood


def one_term(a, b, total_a, total_b, **kwargs):
    table = keyness(Counter({"w": a}), Counter({"w": b}), total_a=total_a, total_b=total_b,
                    **kwargs)
    return table.set_index("term").loc["w"]


# Published example 1: Paul Rayson, author of the UCREL log-likelihood calculator, worked
# out the LL of a learner corpus against a native-speaker corpus "assumed to be a million
# words each", rounded to 0 decimal places: keep 348 vs 99 -> 147, keeps 15 vs 14 -> 0,
# keeping 9 vs 32 -> 14, kept 21 vs 25 -> 0, the lemma KEEP 392 vs 170 -> 90.
# Corpora mailing list, 18 January 2002, "Corpora: statistics in learner English",
# https://listserv.linguistlist.org/pipermail/corpora/2002-January/002455.html
# (equal corpus sizes: one of the edge cases the issue asks for).
@pytest.mark.parametrize("a, b, published", [
    (348, 99, 147), (15, 14, 0), (9, 32, 14), (21, 25, 0), (392, 170, 90),
])
def test_g2_reproduces_raysons_worked_values_for_equal_sizes(a, b, published):
    row = one_term(a, b, 1_000_000, 1_000_000)
    assert round(row["g2"]) == published


# Published example 2: the Lancaster teaching example of the log-likelihood test: "a word
# that occurs 52 times in Corpus 1, which has 50,000 tokens in total; but occurs 57 times in
# Corpus 2, which is 75,000 tokens in size" gives "Word 52 0.10 57 0.08 + 2.65", not
# significant (below 3.84). As reproduced in the lecture slides "Corpus 2",
# https://www.scribd.com/presentation/807361921/Corpus-2
def test_g2_reproduces_the_lancaster_worked_example_for_unequal_sizes():
    row = one_term(52, 57, 50_000, 75_000, correction=None)
    assert round(row["g2"], 2) == 2.65
    assert row["used_more_in"] == "a"  # the "+" of the published result
    assert round(row["per_10k_a"] / 100, 2) == 0.10 and round(row["per_10k_b"] / 100, 2) == 0.08
    assert not row["significant"] and row["p_value"] > 0.05


# Published example 3: Andrew Hardie, "Log Ratio - an informal introduction", CASS blog,
# 28 April 2014: relative frequencies 0.0006 in corpus A and 0.0002 in corpus B make A's
# three times B's, and Log Ratio is the binary log of that ratio; equal relative
# frequencies give 0, twice as frequent gives 1, half as frequent gives -1.
# (e.g. https://cass.lancs.ac.uk/log-ratio-an-informal-introduction/)
@pytest.mark.parametrize("a, b, total_a, total_b, expected", [
    (6, 2, 10_000, 10_000, math.log2(3)),     # 0.0006 vs 0.0002
    (60, 40, 100_000, 200_000, math.log2(3)),  # the same relative frequencies, other sizes
    (5, 5, 1_000, 1_000, 0.0),
    (10, 5, 1_000, 1_000, 1.0),
    (5, 10, 1_000, 1_000, -1.0),
])
def test_log_ratio_reproduces_hardies_examples(a, b, total_a, total_b, expected):
    assert one_term(a, b, total_a, total_b)["log_ratio"] == pytest.approx(expected)


def test_g2_equals_scipys_log_likelihood_power_divergence_on_the_two_cells():
    # An independent implementation: scipy's G-test of the two observed counts against
    # Rayson's expected values E1 = Na(a+b)/(Na+Nb), E2 = Nb(a+b)/(Na+Nb).
    for a, b, na, nb in [(52, 57, 50_000, 75_000), (348, 99, 10**6, 10**6), (3, 0, 500, 9_000)]:
        total = na + nb
        expected = [na * (a + b) / total, nb * (a + b) / total]
        observed = [a, b]
        scipy_g2 = power_divergence(observed, f_exp=expected, lambda_="log-likelihood").statistic
        assert float(log_likelihood(a, b, na, nb)) == pytest.approx(scipy_g2)


def test_a_term_absent_from_one_side():
    # G² by hand: a=10, b=0, Na=Nb=1000: E1 = 5, so G² = 2 * 10 * ln 2 = 13.8629...
    row = one_term(10, 0, 1_000, 1_000)
    assert row["g2"] == pytest.approx(20 * math.log(2))
    # the zero count is taken as 0.5 for log ratio and %DIFF: log2(10 / 0.5) = log2(20)
    assert row["log_ratio"] == pytest.approx(math.log2(20))
    assert row["pct_diff"] == pytest.approx((10 - 0.5) * 100 / 0.5)
    assert row["used_more_in"] == "a"
    table = keyness(Counter({"x": 3}), Counter({"y": 4}))
    assert set(table["term"]) == {"x", "y"}
    assert table.set_index("term").loc["y", "freq_a"] == 0


def test_equal_use_gives_zero_and_no_side():
    row = one_term(7, 14, 1_000, 2_000)
    assert row["g2"] == pytest.approx(0.0, abs=1e-12)
    assert row["log_ratio"] == pytest.approx(0.0) and row["used_more_in"] == ""
    assert row["p_value"] == pytest.approx(1.0)


def test_p_values_follow_chi_squared_with_one_degree_of_freedom():
    row = one_term(348, 99, 10**6, 10**6, correction=None)
    assert row["p_value"] == pytest.approx(chi2.sf(row["g2"], 1))
    # 3.84 is the 5 % critical value quoted on Rayson's calculator page
    assert chi2.sf(3.84, 1) == pytest.approx(0.05, abs=1e-3)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=1, allow_nan=False), min_size=1, max_size=40))
def test_benjamini_hochberg_equals_scipy(p_values):
    ours = adjust_p_values(p_values, "fdr_bh")
    assert np.allclose(ours, false_discovery_control(np.array(p_values), method="bh"))


def test_bonferroni_multiplies_by_the_number_of_tests_and_caps_at_one():
    assert adjust_p_values([0.01, 0.2, 0.0001], "bonferroni").tolist() == pytest.approx(
        [0.03, 0.6, 0.0003])
    assert adjust_p_values([0.5, 0.6], "bonferroni").tolist() == [1.0, 1.0]


def test_correction_makes_significance_stricter():
    counts_a = Counter({f"w{i}": 20 + i for i in range(50)} | {"key": 40})
    counts_b = Counter({f"w{i}": 20 + i for i in range(50)} | {"key": 10})
    raw = keyness(counts_a, counts_b, correction=None).set_index("term")
    strict = keyness(counts_a, counts_b).set_index("term")
    assert raw.loc["key", "p_value"] == strict.loc["key", "p_value"]
    assert strict.loc["key", "p_adjusted"] == pytest.approx(
        min(1.0, raw.loc["key", "p_value"] * len(strict)))
    assert strict["significant"].sum() <= raw["significant"].sum()


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 50), min_size=1),
       st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 50), min_size=1))
def test_swapping_the_parts_negates_log_ratio_and_keeps_g2(counts_a, counts_b):
    if not sum(counts_a.values()) or not sum(counts_b.values()):
        return
    forward = keyness(counts_a, counts_b).set_index("term").sort_index()
    backward = keyness(counts_b, counts_a).set_index("term").sort_index()
    assert np.allclose(forward["g2"], backward["g2"])
    assert np.allclose(forward["log_ratio"], -backward["log_ratio"])
    assert (forward["g2"] >= 0).all()


def test_table_is_sorted_and_min_freq_applies_before_testing():
    table = keyness(Counter(a=30, b=1, c=5), Counter(a=2, b=1, c=5), min_freq=3)
    assert sorted(table["term"]) == ["a", "c"]  # b (1 + 1 < 3) is not tested at all
    assert table["p_adjusted"].tolist() == pytest.approx(
        np.minimum(table["p_value"] * 2, 1.0).tolist())
    assert table["g2"].is_monotonic_decreasing


@pytest.mark.parametrize("counts_a, kwargs, message", [
    ({"a": -1}, {}, "integers >= 0"),
    ({"a": 1.5}, {}, "integers >= 0"),
    ({"a": 1}, {"total_a": 0}, "at least the sum"),
    ({"a": 1}, {"alpha": 5}, "alpha"),
    ({"a": 1}, {"correction": "holm"}, "correction"),
])
def test_bad_input_is_refused_with_a_message(counts_a, kwargs, message):
    with pytest.raises(ValueError, match=message):
        keyness(counts_a, {"a": 2}, **kwargs)


def test_an_empty_part_is_not_applicable():
    from arabic_news.analysis import NotApplicable

    with pytest.raises(NotApplicable, match="no term left"):
        keyness({}, {"a": 2})


def test_key_terms_are_significant_on_their_side_by_effect_size():
    counts_a = Counter({"big": 200, "small": 60, "same": 100, "rare": 9})
    counts_b = Counter({"big": 10, "small": 30, "same": 100, "only_b": 80})
    table = keyness(counts_a, counts_b)
    over_a = key_terms(table, "a", min_docs=None)
    assert over_a["term"].tolist()[0] == "big"
    assert (over_a["significant"] & (over_a["used_more_in"] == "a")).all()
    assert over_a["log_ratio"].abs().is_monotonic_decreasing
    assert key_terms(table, "b", min_docs=None)["term"].tolist()[0] == "only_b"
    assert "same" not in set(over_a["term"])
    with pytest.raises(ValueError, match="no docs_a column.*keyness_between"):
        key_terms(table, "a")


def corpus_frame():
    return pd.DataFrame({
        "doc_id": ["1", "2", "3", "4"],
        "source": ["BBC", "CNN", "BBC", None],
        "opinion": [True, False, False, True],
        "published": pd.to_datetime(["2018-01-05", "2018-02-10", "2018-03-01", "2018-03-20"],
                                    utc=True),
        "text": ["a", "b", "c", "d"],
    })


def test_split_by_value_boolean_column_period_and_list():
    corpus = corpus_frame()
    split = split_corpus(corpus, {"source": "BBC"})
    assert split.a["doc_id"].tolist() == ["1", "3"] and split.b["doc_id"].tolist() == ["2", "4"]
    assert split.label_a == "source = BBC" and split.label_b == "the rest"
    assert split_corpus(corpus, "opinion").a["doc_id"].tolist() == ["1", "4"]
    periods = split_corpus(corpus, {"published": ("2018-01-01", "2018-02-10")},
                           {"published": ("2018-02-10", "2018-04-01")})
    assert periods.a["doc_id"].tolist() == ["1"]
    assert periods.b["doc_id"].tolist() == ["2", "3", "4"]
    assert split_corpus(corpus, {"source": ["BBC", "CNN"]}).b["doc_id"].tolist() == ["4"]


@pytest.mark.parametrize("a, b, message", [
    ("source", None, "not boolean"),
    ({"nope": 1}, None, "not a column"),
    ({"source": "AP"}, None, "holds no article"),
    ({"source": "BBC"}, {"doc_id": "1"}, "share 1 articles"),
    ({"published": "2018"}, None, "pair"),
    ([True, False], None, "booleans"),
])
def test_bad_splits_are_refused_with_a_message(a, b, message):
    with pytest.raises(ValueError, match=message):
        split_corpus(corpus_frame(), a, b)


def test_split_by_date_halves_the_corpus_and_separates_the_two_seed_articles():
    split = split_by_date(corpus_frame())
    assert split.a["doc_id"].tolist() == ["1", "2"] and split.b["doc_id"].tolist() == ["3", "4"]
    seeds = split_by_date(an.load_corpus())
    assert len(seeds.a) == 1 and len(seeds.b) == 1
    assert seeds.a["published"].iloc[0] < seeds.b["published"].iloc[0]


def test_side_by_side_pads_shorter_lists_and_ranks_from_one():
    from arabic_news.analysis import side_by_side

    table = side_by_side({"a": ["x", "y"], "b": ["z"]})
    assert table.index.tolist() == [1, 2]
    assert table["b"].tolist() == ["z", ""]


def test_split_in_two_falls_back_to_corpus_order_without_dates():
    from arabic_news.analysis import NotApplicable, split_in_two

    corpus = corpus_frame().assign(published=pd.NaT)
    with pytest.raises(NotApplicable, match="publication dates"):
        split_by_date(corpus)
    split = split_in_two(corpus)
    assert split.a["doc_id"].tolist() == ["1", "2"] and split.b["doc_id"].tolist() == ["3", "4"]
    assert split_in_two(corpus_frame()).label_a.startswith("published")


def test_passages_change_what_a_document_is_not_the_frequencies():
    """Counting spread over passages (a corpus of few articles) must not drop text: short
    lines (a headline, a caption) count as in the articles, so freq and totals agree."""
    import arabic_news as an
    from arabic_news import analysis

    corpus = an.load_corpus()
    corpus = pd.concat([corpus, corpus.assign(
        doc_id=corpus["doc_id"] + "-b", text="عنوان قصير\n" + corpus["text"])],
        ignore_index=True)
    selector = corpus.index.isin(corpus.index[:2])
    by_article = analysis.keyness_between(corpus, selector, units="articles", min_docs=1)
    by_passage = analysis.keyness_between(corpus, selector, units="passages", min_docs=1)
    columns = ["term", "freq_a", "freq_b", "g2", "log_ratio"]
    pd.testing.assert_frame_equal(by_passage[columns], by_article[columns])
    assert by_passage.attrs["tokens_a"] == by_article.attrs["tokens_a"]
    assert by_passage.attrs["documents_a"] > by_article.attrs["documents_a"]


def _keyness_term_by_term(counts_a, counts_b, **kwargs):
    """The keyness table built the plain way: terms merged and sorted by Python, counts looked
    up term by term, p-values from chdtrc on every value, rows sorted by (G², term)."""
    from scipy.special import chdtrc

    terms = sorted(set(counts_a) | set(counts_b))
    a = np.array([counts_a.get(term, 0) for term in terms], dtype=np.int64)
    b = np.array([counts_b.get(term, 0) for term in terms], dtype=np.int64)
    keep = (a + b) >= 1
    terms, a, b = [term for term, kept in zip(terms, keep, strict=True) if kept], a[keep], b[keep]
    na, nb = int(sum(a)), int(sum(b))
    g2 = log_likelihood(a, b, na, nb)
    p_values = chdtrc(1, g2)
    table = keyness(counts_a, counts_b, **kwargs)
    expected = pd.DataFrame({"term": pd.Series(terms, dtype="str"), "freq_a": a, "freq_b": b,
                             "g2": g2, "p_value": p_values})
    expected = expected.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
    return table, expected.reset_index(drop=True)


_TERMS = st.text(alphabet=st.sampled_from("اببتثجحخ\u0629aZ0 \U0001f600"), min_size=1, max_size=4)


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(_TERMS, st.integers(0, 40), max_size=30),
       st.dictionaries(_TERMS, st.integers(0, 40), max_size=30))
def test_keyness_rows_equal_the_term_by_term_table(counts_a, counts_b):
    """Arrow's merge and sort of the terms, the stable sort by G² alone and the p-values
    computed once per distinct G² give exactly the table of the plain computation: the same
    terms in the same order (ties alphabetical, in code-point order), the same counts and the
    same p-values, bit for bit."""
    counts_a, counts_b = Counter(counts_a), Counter(counts_b)
    if not sum(counts_a.values()) or not sum(counts_b.values()):
        return
    table, expected = _keyness_term_by_term(counts_a, counts_b)
    pd.testing.assert_frame_equal(table[expected.columns], expected, check_exact=True)


def test_keyness_sorts_terms_that_are_not_strings_as_the_strings_they_become():
    """Keys that are not strings take the plain path: tied rows in the order of the
    strings the terms become, as before."""
    table = keyness(Counter({2: 3, 10: 3}), Counter({2: 1, 10: 1}))
    assert table["term"].tolist() == ["10", "2"]
