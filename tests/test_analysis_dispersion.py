"""Dispersion in keyness: Gries's DP and range, by a worked example and against the formula.

DP (Gries 2008, "Dispersions and adjusted frequencies in corpora", IJCL 13(4), 403-437):
DP = ½ Σᵢ |vᵢ/f − sᵢ|, vᵢ the term's frequency in part i, f its total, sᵢ part i's share of
the corpus; DPnorm = DP / (1 − min sᵢ) (Lijffijt & Gries 2012, IJCL 17(1), 147-149).
"""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_news import analysis
from arabic_news.analysis.dispersion import deviation_of_proportions


def test_worked_example():
    # Three articles of 10, 20 and 70 words (shares 0.1, 0.2, 0.7); the term occurs 2, 0
    # and 2 times (f = 4, so v/f = 0.5, 0, 0.5):
    # DP = ½ (|0.5 − 0.1| + |0 − 0.2| + |0.5 − 0.7|) = ½ (0.4 + 0.2 + 0.2) = 0.4,
    # DPnorm = 0.4 / (1 − 0.1) = 0.444...
    assert deviation_of_proportions([2, 0, 2], [0.1, 0.2, 0.7]) == pytest.approx(0.4)
    # a term spread exactly as the text is has DP 0; all in the smallest part, 1 − 0.1
    assert deviation_of_proportions([1, 2, 7], [0.1, 0.2, 0.7]) == pytest.approx(0.0)
    assert deviation_of_proportions([5, 0, 0], [0.1, 0.2, 0.7]) == pytest.approx(0.9)


def _articles(lengths_and_x, prefix="w"):
    """One article per (length, x): `length` words of which `x` are the term "x"."""
    texts = []
    for number, (length, x) in enumerate(lengths_and_x):
        texts.append(" ".join(["x"] * x + [f"{prefix}{number}_{i}" for i in range(length - x)]))
    return texts


def test_keyness_between_gives_range_and_dp_per_side():
    a = _articles([(10, 2), (20, 0), (70, 2)])  # the worked example: DP 0.4, range 2
    b = _articles([(50, 1), (50, 1)], prefix="v")  # spread as the text is: DP 0, range 2
    corpus = pd.DataFrame({"text": a + b, "source": ["A"] * 3 + ["B"] * 2})
    table = analysis.keyness_between(corpus, {"source": "A"}, analyzer=str.split)
    row = table.set_index("term").loc["x"]
    assert (row["freq_a"], row["freq_b"], row["docs_a"], row["docs_b"]) == (4, 2, 2, 2)
    assert row["dp_a"] == pytest.approx(0.4)
    assert row["dp_b"] == pytest.approx(0.0)
    only_a = table.set_index("term").loc["w0_0"]
    assert (only_a["docs_b"], np.isnan(only_a["dp_b"])) == (0, True)
    assert table.attrs["documents_a"] == 3 and table.attrs["tokens_b"] == 100
    assert list(table.columns[:7]) == ["term", "freq_a", "freq_b", "docs_a", "docs_b",
                                       "dp_a", "dp_b"]
    assert {"g2", "log_ratio"} <= set(table.columns)


@given(st.lists(st.tuples(st.integers(1, 30), st.integers(0, 5)), min_size=1, max_size=8))
@settings(max_examples=100)
def test_dp_matches_the_formula(articles):
    articles = [(max(length, x), x) for length, x in articles]
    if not any(x for _, x in articles):
        articles[0] = (articles[0][0] + 1, articles[0][1] + 1)
    corpus = pd.DataFrame({"text": _articles(articles) + ["y z"], "side": [True] * len(
        articles) + [False]})
    table = analysis.keyness_between(corpus, "side", analyzer=str.split).set_index("term")
    lengths = np.array([length for length, _ in articles], dtype=float)
    expected = deviation_of_proportions([x for _, x in articles], lengths / lengths.sum())
    assert table.loc["x", "dp_a"] == pytest.approx(expected)
    assert table.loc["x", "docs_a"] == sum(1 for _, x in articles if x)


def test_the_same_tokens_give_the_same_table():
    corpus = pd.DataFrame({"text": _articles([(10, 3), (12, 1), (9, 0), (30, 4)]),
                           "source": ["A", "B", "A", "B"]})
    tokenized = analysis.TokenizedCorpus(corpus["text"], str.split)
    given_tokens = analysis.keyness_between(corpus, {"source": "A"}, tokenized=tokenized)
    pd.testing.assert_frame_equal(
        given_tokens, analysis.keyness_between(corpus, {"source": "A"}, analyzer=str.split))
    with pytest.raises(ValueError, match="TokenizedCorpus of corpus"):
        analysis.keyness_between(corpus.iloc[:3], {"source": "A"}, tokenized=tokenized)


def test_key_terms_keeps_terms_of_at_least_five_articles_by_default():
    # "one" is used 40 times in one article of A; "many" 8 times, once in each of 8
    one = _articles([(60, 40)])[0].replace("x", "one")
    many = [f"many {' '.join(f'p{n}_{i}' for i in range(20))}" for n in range(8)]
    others = [" ".join(f"q{n}_{i}" for i in range(60)) for n in range(10)]
    corpus = pd.DataFrame({"text": [one, *many, *others],
                           "source": ["A"] * 9 + ["B"] * 10})
    table = analysis.keyness_between(corpus, {"source": "A"}, analyzer=str.split,
                                     correction=None)
    everything = analysis.key_terms(table, "a", n=50, min_docs=None)["term"].tolist()
    assert everything.index("one") < everything.index("many")  # the one-article effect
    kept = analysis.key_terms(table, "a", n=50)["term"].tolist()
    assert "many" in kept and "one" not in kept
    assert "one" in analysis.key_terms(table, "a", n=50, min_docs=1)["term"].tolist()


def test_few_articles_are_measured_over_passages():
    line = "كلمة " * 15
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "source": ["A", "B"],
                           "text": ["\n".join([line + "حلب"] * 6), "\n".join([line] * 6)]})
    table = analysis.keyness_between(corpus, {"source": "A"}, units="auto")
    assert table.attrs["units"] == "passages"
    assert (table.attrs["documents_a"], table.attrs["documents_b"]) == (6, 6)
    assert table.set_index("term").loc["حلب", "docs_a"] == 6
    by_article = analysis.keyness_between(corpus, {"source": "A"})
    assert by_article.attrs["units"] == "articles"
    assert by_article.set_index("term").loc["حلب", "docs_a"] == 1
    with pytest.raises(ValueError, match="units must be"):
        analysis.keyness_between(corpus, {"source": "A"}, units="sentences")
