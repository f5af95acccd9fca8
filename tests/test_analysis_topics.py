"""Topics: NMF on TF-IDF is deterministic, readable, and its shares over time add up."""

import numpy as np
import pandas as pd
import pytest

import arabic_news as an
from arabic_news.analysis import (
    fit_topics,
    match_topics,
    passages,
    topic_documents,
    topic_labels,
    topic_share_over_time,
    topic_stability,
    topic_terms,
)

SPORT = "المباراة الفريق الهدف الملعب المدرب"
ECONOMY = "النفط الاسعار البنك السوق الدولار"
WAR = "القصف المسلحين الجيش حلب الهجوم"


def themed_corpus():
    """Nine articles on three clear themes, three months, one theme rising over time."""
    texts, dates = [], []
    plan = [(SPORT, "2018-01-10"), (SPORT, "2018-01-20"), (ECONOMY, "2018-01-25"),
            (ECONOMY, "2018-02-05"), (WAR, "2018-02-15"), (SPORT, "2018-02-20"),
            (WAR, "2018-03-01"), (WAR, "2018-03-10"), (ECONOMY, "2018-03-20")]
    for number, (theme, day) in enumerate(plan):
        words = theme.split()
        texts.append(" ".join(words[number % 5:] + words[: number % 5] + words[:2]))
        dates.append(day)
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts,
                         "published": pd.to_datetime(dates, utc=True)})


def fit(corpus, n_topics=3, **kwargs):
    return fit_topics(corpus["text"], an.ArabicAnalyzer(), n_topics, min_df=1, max_df=0.9,
                      **kwargs)


def test_three_clear_themes_give_three_topics_with_their_words():
    corpus = themed_corpus()
    model = fit(corpus)
    terms = topic_terms(model, n=5)
    found = {frozenset(group["term"]) for _, group in terms.groupby("topic")}
    expected = {frozenset(an.normalize(word) for word in theme.split())
                for theme in (SPORT, ECONOMY, WAR)}
    assert found == expected


def test_fitting_twice_gives_identical_topics():
    corpus = themed_corpus()
    first, second = fit(corpus), fit(corpus)
    assert np.array_equal(first.topic_terms, second.topic_terms)
    assert np.array_equal(first.document_topics, second.document_topics)


def test_written_forms_are_used_for_terms_and_labels():
    model = fit(themed_corpus())
    forms = {an.normalize("الأسعار"): "الأسعار"}
    terms = topic_terms(model, n=5, forms=forms)
    assert "الأسعار" in set(terms["written"]) and "الاسعار" in set(terms["term"])
    labels = topic_labels(model, n=2, forms=forms)
    assert len(labels) == 3 and all(label.count("، ") == 1 for label in labels)


def test_closest_documents_are_those_of_the_topic():
    corpus = themed_corpus()
    model = fit(corpus)
    closest = topic_documents(model, corpus["doc_id"].tolist(), n=3)
    theme_of = dict(zip(corpus["doc_id"], [t.split()[0] for t in corpus["text"]], strict=True))
    for _, group in closest.groupby("topic"):
        themes = {frozenset(an.normalize(w) for w in theme.split())
                  for theme in (SPORT, ECONOMY, WAR)}
        # the three closest documents share one theme
        first_words = {an.normalize(theme_of[doc]) for doc in group["document"]}
        assert any(first_words <= theme for theme in themes)
        assert (group["share"] > 0.9).all()


def test_shares_over_time_sum_to_one_and_follow_the_themes():
    corpus = themed_corpus()
    model = fit(corpus)
    shares = topic_share_over_time(model, corpus, frequency="MS")
    assert list(shares.index.strftime("%Y-%m")) == ["2018-01", "2018-02", "2018-03"]
    assert np.allclose(shares.sum(axis=1), 1.0)
    war = topic_terms(model, 5).query("term == 'حلب'")["topic"].iloc[0]
    assert shares[war].iloc[0] < 0.05 and shares[war].iloc[-1] > 0.6


def test_undated_documents_are_left_out_of_shares():
    corpus = themed_corpus()
    corpus.loc[0, "published"] = pd.NaT
    shares = topic_share_over_time(fit(corpus), corpus, frequency="MS")
    assert np.allclose(shares.sum(axis=1), 1.0)


def test_matching_topics_ignores_their_order():
    topics = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 1.0], [0.5, 0.0, 1.0]])
    assert np.allclose(match_topics(topics, topics[::-1]), 1.0)
    assert match_topics(topics, np.array([[0.0, 0.0, 1.0], [1.0, 1.0, 0.0], [0.0, 1.0, 0.0]])
                        ).mean() < 1.0


def test_stability_is_high_for_clear_themes():
    corpus = themed_corpus()
    table = topic_stability(corpus["text"], an.ArabicAnalyzer(), [3], seeds=[0, 1, 2],
                            min_df=1, max_df=0.9)
    assert table["n_topics"].tolist() == [3]
    assert table["mean_similarity"].iloc[0] > 0.95
    assert table["worst_topic"].iloc[0] <= table["mean_similarity"].iloc[0]


def test_seeds_run_as_passages():
    corpus = passages(an.load_corpus())
    model = fit_topics(corpus["text"], an.ArabicAnalyzer(), 3, min_df=1, max_df=0.9)
    assert model.document_topics.shape == (len(corpus), 3)


@pytest.mark.parametrize("n_topics, message", [(0, "positive integer"), (50, "choose fewer")])
def test_impossible_numbers_of_topics_are_refused(n_topics, message):
    with pytest.raises(ValueError, match=message):
        fit(themed_corpus(), n_topics)


def test_a_vocabulary_pruned_to_nothing_says_what_to_change():
    with pytest.raises(ValueError, match="lower min_df"):
        fit_topics(["حلب", "روسيا"], an.ArabicAnalyzer(), 1, min_df=2)


def test_shares_need_the_same_table():
    corpus = themed_corpus()
    with pytest.raises(ValueError, match="same table"):
        topic_share_over_time(fit(corpus), corpus.head(3))


def test_shares_record_their_period_length():
    corpus = themed_corpus()
    assert topic_share_over_time(fit(corpus), corpus, frequency="W").attrs["frequency"] == "W"
