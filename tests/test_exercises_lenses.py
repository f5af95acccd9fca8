"""The checks of lessons 5 and 6: right answers pass, wrong ones get a hint, not the answer."""

from collections import Counter

import pandas as pd
import pytest

import arabic_news as an
from arabic_news import analysis
from arabic_news.exercises import evaluate, exercise_ids


@pytest.mark.parametrize("lesson", [5, 6])
def test_lessons_5_and_6_have_three_to_five_exercises(lesson):
    ids = exercise_ids(lesson)
    assert 3 <= len(ids) <= 5 and ids == [f"{lesson}.{n}" for n in range(1, len(ids) + 1)]


def test_5_1_the_collocate_with_the_highest_t_score():
    filler = ["قال", "اليوم", "مصدر", "رسمي", "بيان"] * 4
    tokenized = analysis.TokenizedCorpus([["حلب", "روسيا", "سوريا", *filler, "سوريا"],
                                          ["حلب", "روسيا", "موسكو", "حلب", "روسيا", *filler]])
    inputs = {"tokenized": tokenized, "term": "روسيا", "window": 1, "min_freq": 1}
    table = analysis.collocations(tokenized, "روسيا", window=1, min_freq=1)
    best = table.sort_values("t_score", ascending=False)["collocate"].iloc[0]
    assert evaluate("5.1", best, **inputs).status == "right"
    other = next(term for term in table["collocate"] if term != best)
    wrong = evaluate("5.1", other, **inputs)
    assert wrong.status == "wrong" and best not in wrong.message
    assert "not among the collocates" in evaluate("5.1", "zzz", **inputs).message


def test_5_2_log_ratio_by_hand_and_its_usual_slips():
    counts_a, counts_b = Counter(x=8, y=2), Counter(x=1, y=9)
    # log2((8/10) / (1/10)) = 3
    assert evaluate("5.2", 3.0, counts_a=counts_a, counts_b=counts_b, term="x").status == "right"
    assert "sign" in evaluate("5.2", -3.0, counts_a=counts_a, counts_b=counts_b,
                              term="x").message
    natural = evaluate("5.2", 2.0794415416798357, counts_a=counts_a, counts_b=counts_b, term="x")
    assert "base 2" in natural.message


def test_5_3_and_5_4_on_counts():
    counts_a = Counter({"a": 50, "b": 5, "c": 20})
    counts_b = Counter({"a": 5, "b": 40, "c": 20})
    assert evaluate("5.3", "b", counts_a=counts_a, counts_b=counts_b).status == "right"
    assert "used more in part A" in evaluate("5.3", "a", counts_a=counts_a,
                                             counts_b=counts_b).message
    table = analysis.keyness(counts_a, counts_b, correction="fdr_bh")
    expected = int(table["significant"].sum())
    assert evaluate("5.4", expected, counts_a=counts_a, counts_b=counts_b).status == "right"
    assert evaluate("5.4", expected + 1, counts_a=counts_a, counts_b=counts_b).status == "wrong"


def test_6_checks_read_the_tables_they_are_given():
    stability = pd.DataFrame({"n_topics": [3, 5, 8], "mean_similarity": [0.9, 0.95, 0.95],
                              "worst_topic": [0.8, 0.9, 0.7]})
    assert evaluate("6.1", 5, stability=stability).status == "right"
    assert evaluate("6.1", 8, stability=stability).status == "wrong"
    assert "not compared" in evaluate("6.1", 4, stability=stability).message
    shares = pd.DataFrame([[0.7, 0.3], [0.2, 0.8]],
                          index=pd.to_datetime(["2018-01-01", "2018-02-01"]))
    assert evaluate("6.2", 1, shares=shares).status == "right"
    assert "first period" in evaluate("6.2", 0, shares=shares).message
    corpus = analysis.passages(an.load_corpus())
    model = analysis.fit_topics(corpus["text"], an.ArabicAnalyzer(), 2, min_df=1, max_df=0.9)
    strongest = analysis.topic_terms(model, 1)["term"].iloc[0]
    assert evaluate("6.3", strongest, model=model, topic=0).status == "right"
    written = evaluate("6.3", "zzz", model=model, topic=0)
    assert written.status == "wrong" and "normalised" in written.message


def test_exercises_that_cannot_apply_say_so():
    assert evaluate("5.2", None, counts_a=None, counts_b=None, term=None).status == (
        "not applicable")
    assert evaluate("6.1", None, stability=None).status == "not applicable"
    assert evaluate("6.2", None, shares=None).status == "not applicable"
    assert evaluate("6.3", None, model=None).status == "not applicable"
