"""The exercise checks: announced outcomes, no spoilers, ties honoured, caller errors explained."""

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabic_news.exercises import (
    Wrong,
    check,
    evaluate,
    exercise_ids,
    expect_number,
    expect_terms,
    expect_top,
)


def _corpus(*texts):
    return pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(len(texts))],
        "text": list(texts),
        "published": pd.to_datetime(["2016-08-01"] * len(texts), utc=True),
    })


@pytest.mark.parametrize("lesson", [1, 2, 3, 4])
def test_every_lesson_has_three_to_five_checked_exercises_numbered_from_one(lesson):
    ids = exercise_ids(lesson)
    assert 3 <= len(ids) <= 5
    assert ids == [f"{lesson}.{n}" for n in range(1, len(ids) + 1)]


def test_an_unanswered_exercise_prints_the_announced_line(capsys):
    check("2.2", ..., corpus=_corpus("حلب"), term="حلب")
    assert capsys.readouterr().out == (
        "Exercise 2.2: not answered yet. Replace ... with your answer, then run the two "
        "cells again.\n"
    )


def test_right_and_wrong_answers_on_a_corpus_counted_by_hand():
    corpus = _corpus("حلب في حلب، وحلب", "الحلب حلبُ")  # حلب (with its damma) 3 times
    assert evaluate("2.2", 3, corpus=corpus, term="حلب").status == "right"
    wrong = evaluate("2.2", 2, corpus=corpus, term="حلب")
    assert wrong.status == "wrong" and "too low" in wrong.message and "3" not in wrong.message


def test_a_wrong_type_is_named_not_the_answer():
    outcome = evaluate("2.2", "three", corpus=_corpus("حلب"), term="حلب")
    assert outcome.status == "wrong"
    assert "is expected, and you gave a str" in outcome.message


def test_caller_mistakes_say_what_to_pass(capsys):
    check("2-2", 1)
    assert "write 'lesson.number', as in '2.3'" in capsys.readouterr().out
    check("2.9", 1, corpus=_corpus("حلب"))
    assert "there is no exercise 2.9. The checked exercises are lesson 1: 1.1 to 1.4; lesson 2: " \
        "2.1 to 2.4;" in capsys.readouterr().out
    with pytest.raises(TypeError, match=r"term=\.\.\.\): missing term"):
        check("2.2", 1, corpus=_corpus("حلب"))
    with pytest.raises(TypeError, match="unexpected frobnicate"):
        check("2.2", 1, corpus=_corpus("حلب"), term="حلب", frobnicate=1)


def test_top_n_accepts_any_choice_among_terms_tied_at_the_last_place():
    counts = {"روسيا": 5, "حلب": 2, "موسكو": 2, "داعش": 1}
    expect_top(["روسيا", "حلب"], counts, 2, what="top")
    expect_top(["موسكو", "روسيا"], counts, 2, what="top")
    with pytest.raises(Wrong) as wrong:
        expect_top(["حلب", "موسكو"], counts, 2, what="top")
    assert "روسيا" not in str(wrong.value)
    with pytest.raises(Wrong, match="2 terms are expected and you gave 3"):
        expect_top(["روسيا", "حلب", "موسكو"], counts, 2, what="top")
    with pytest.raises(Wrong, match="never found"):
        expect_top(["روسيا", "بيروت"], counts, 2, what="top")


def test_terms_are_compared_after_normalisation_and_missing_ones_stay_secret():
    expect_terms(["أكتوبر", "الأمن"], ["اكتوبر", "الامن"], what="terms")
    with pytest.raises(Wrong) as wrong:
        expect_terms(["اكتوبر", "روسيا"], ["اكتوبر", "الامن"], what="terms")
    message = str(wrong.value)
    assert "روسيا" in message and "الامن" not in message and "1 expected term is missing" in message
    with pytest.raises(Wrong, match="each term once"):
        expect_terms(["أكتوبر", "اكتوبر"], ["اكتوبر", "الامن"], what="terms")
    with pytest.raises(Wrong, match="list of strings"):
        expect_terms("اكتوبر", ["اكتوبر"], what="terms")


@given(answer=st.integers(-10**6, 10**6), expected=st.integers(-10**6, 10**6))
def test_a_wrong_number_gets_a_direction_never_the_value(answer, expected):
    if answer == expected:
        expect_number(answer, expected, what="n")
        return
    with pytest.raises(Wrong) as wrong:
        expect_number(answer, expected, what="n")
    message = str(wrong.value)
    assert ("too high" in message) == (answer > expected)
    numbers = re.findall(r"-?\d+", message)
    assert numbers == [str(answer)]


def test_booleans_are_not_numbers():
    with pytest.raises(Wrong, match="bool"):
        expect_number(True, 1, what="n")


def test_arabic_in_hints_is_isolated_for_english_prose():
    outcome = evaluate("2.4", "لبنان", corpus=_corpus("روسيا", "روسيا حلب"))
    assert "\u2068لبنان\u2069" in outcome.message


def test_open_question_checks_hold_on_any_corpus():
    corpus = _corpus("روسيا تقصف حلب", "روسيا وتركيا", "موسكو")
    assert evaluate("2.4", "روسيا", corpus=corpus).status == "right"   # 2 of 3
    assert evaluate("2.4", "حلب", corpus=corpus).status == "wrong"     # 1 of 3
    assert evaluate("2.4", "في", corpus=corpus).status == "wrong"      # a stop word
    assert evaluate("1.4", ("الأمن", "الامن"), corpus=_corpus("الأمن و الامن")).status == "right"
    assert evaluate("1.4", ("الأمن", "الأمن"), corpus=_corpus("الأمن الامن")).status == "wrong"


def test_an_exercise_the_corpus_cannot_support_says_so(capsys):
    one = _corpus("روسيا تقصف حلب")
    check("3.4", None, corpus=one, doc_id="d0")
    assert capsys.readouterr().out == (
        "Exercise 3.4: does not apply to this corpus: it compares articles, and this corpus "
        "has one.\n")
    assert evaluate("1.4", None, corpus=_corpus("الأمن")).status == "not applicable"
    assert evaluate("2.4", None, corpus=_corpus("في من على")).status == "not applicable"
    only_stop_words = _corpus("في من على", "على في")
    assert evaluate("3.4", None, corpus=only_stop_words, doc_id="d0").status == "not applicable"
    assert evaluate("3.2", None, documents=["روسيا", "حلب"]).status == "not applicable"
    undated = one.assign(published=pd.NaT)
    assert evaluate("4.2", None, corpus=undated).status == "not applicable"
    assert evaluate("4.3", None, corpus=undated).status == "not applicable"
    # an unanswered exercise is announced as such, whatever the corpus
    assert evaluate("3.4", ..., corpus=one, doc_id="d0").status == "not answered"


def test_tfidf_exercises_on_documents_counted_by_hand():
    documents = ["روسيا حلب", "روسيا موسكو", "داعش"]  # 4 terms, one of them in two documents
    assert evaluate("3.2", 0.25, documents=documents).status == "right"
    assert "too high" in evaluate("3.2", 0.5, documents=documents).message
    # روسيا is in two documents, the three others in one: any two of those complete the top 3
    assert evaluate("3.3", ["روسيا", "حلب", "داعش"], documents=documents).status == "right"
    assert evaluate("3.3", ["حلب", "موسكو", "داعش"], documents=documents).status == "wrong"


def test_date_exercises_on_a_corpus_dated_by_hand():
    corpus = _corpus("وصل الوفد اليوم الإثنين", "قال أمس الأحد إن الوفد وصل اليوم الإثنين")
    assert evaluate("4.1", 3, corpus=corpus).status == "right"        # two Mondays, one Sunday
    assert evaluate("4.2", "2016-08-01", corpus=corpus).status == "right"
    wrong = evaluate("4.2", "2016-07-31", corpus=corpus)
    assert wrong.status == "wrong" and "another day is mentioned more often" in wrong.message
    assert "YYYY-MM-DD" in evaluate("4.2", "Monday", corpus=corpus).message


def test_the_memory_of_checkers_follows_the_texts_not_the_object():
    from arabic_news.exercises import memo

    calls = []

    @memo.per_texts
    def count(texts):
        calls.append(texts)
        return len(" ".join(texts).split())

    corpus = _corpus("روسيا حلب", "موسكو")
    assert count(corpus) == 3 and count(corpus) == 3 and len(calls) == 1   # asked twice, once done
    corpus.loc[1, "text"] = "موسكو داعش"                                   # same frame, new text
    assert count(corpus) == 4 and len(calls) == 2
    assert count(["روسيا حلب", "موسكو"]) == 3 and len(calls) == 2          # same texts: remembered
    memo.forget()
    assert count(["روسيا حلب", "موسكو"]) == 3 and len(calls) == 3


def test_the_memory_of_corpus_wide_checkers_gets_the_column_itself():
    """per_texts passes the column (no tuple copy of a large corpus) and keys on its texts,
    every one hashed: a change in any text is a new key."""
    from arabic_news.exercises import memo

    memo.forget()
    calls = []

    @memo.per_texts
    def count(texts, extra):
        calls.append(texts)
        return sum(len(text.split()) for text in texts) + extra

    corpus = _corpus("روسيا حلب", "موسكو", "حلب")
    assert count(corpus, 0) == 4 and count(corpus, 0) == 4 and len(calls) == 1
    assert calls[0] is not None and isinstance(calls[0], pd.Series)
    assert count(corpus, 1) == 5 and len(calls) == 2                     # other arguments
    corpus.loc[2, "text"] = "حلب داعش"                                    # the last slice
    assert count(corpus, 0) == 5 and len(calls) == 3
    assert count(list(corpus["text"]), 0) == 5 and len(calls) == 3        # same texts: same key
    memo.forget()


@pytest.mark.parametrize("n", [3, 600])  # 600: the tokens are kept and read back
def test_the_articles_with_a_term_are_counted_as_by_the_analyzer(n, tmp_path, monkeypatch):
    import kept_results

    import arabic_news as an

    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(tmp_path))
    corpus = pd.DataFrame({"text": kept_results.column(n, 8, (2, 12))})
    corpus.loc[0, "text"] = "في الرياض"
    analyzer = an.ArabicAnalyzer()
    for term in ("الرياض", "الدولار", "غائب"):
        key = an.normalize(term)
        expected = sum(key in analyzer(text) for text in corpus["text"])
        for _ in range(2):  # counted, then read back
            assert evaluate("7.3", expected, corpus=corpus, term=term).status == "right"
            assert evaluate("7.3", expected + 1, corpus=corpus, term=term).status == "wrong"
