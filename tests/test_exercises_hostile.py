"""Every exercise check answers any answer in one short line, quickly (issue 16).

Each checker reads the student's answer through the shared validators of
``arabic_news.exercises.compare``; these tests give every registered exercise the answers that
used to end in a traceback (``10**400``, ``""``, ``"NaT"``, ``inf``...) or in a long wait
and a hint of 30,000 terms, and hypothesis's odd values on top.
"""

import datetime as dt
import inspect
import itertools
import reprlib
from decimal import Decimal
from fractions import Fraction
from functools import cache

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import arabic_news as an
from arabic_news import analysis
from arabic_news.exercises import Wrong, check, evaluate, exercise_ids, expect_number, expect_terms
from arabic_news.exercises.compare import LISTED, MAX_TERMS, expect_day
from arabic_news.exercises.core import _checker, _lessons

#: A hint is one line of prose: a few listed terms at most, never the whole answer.
LONGEST_HINT = 400


@cache
def _inputs() -> dict[str, dict]:
    """What each lesson's check cell passes, built on the seeds as the lessons build it."""
    corpus = an.load_corpus()
    first = corpus["doc_id"].iloc[0]
    documents = analysis.passages(corpus)["text"].tolist()
    analyzer = an.ArabicAnalyzer()
    tokenized = analysis.TokenizedCorpus(corpus["text"], analyzer.tokens)
    counts_a, counts_b = tokenized.term_counts([True, False]), tokenized.term_counts([False, True])
    model = analysis.fit_topics(documents, analyzer, 2, min_df=1, max_df=0.9)
    stability = pd.DataFrame({"n_topics": [3, 5], "mean_similarity": [0.9, 0.95],
                              "worst_topic": [0.8, 0.9]})
    shares = pd.DataFrame([[0.7, 0.3], [0.2, 0.8]],
                          index=pd.to_datetime(["2018-01-01", "2018-02-01"]))
    made = analysis.made_reprints(corpus)  # lesson 8 on the seeds: reprints made from a seed
    groups = analysis.near_duplicates(made, cache=False)
    pool = {"threshold": 0.8, "groups": groups, "group": int(groups["group"].iloc[0]),
            "origin": made["text"].iloc[0], "copy": made["text"].iloc[-1],
            "corpus": corpus, "doc_id": first, "documents": documents, "tokenized": tokenized,
            "counts_a": counts_a, "counts_b": counts_b, "term": "روسيا", "min_freq": 1,
            "stability": stability, "shares": shares, "model": model}
    chosen = {}
    for exercise_id in _all_ids():
        wanted = inspect.signature(_checker(exercise_id)).parameters
        chosen[exercise_id] = {name: value for name, value in pool.items() if name in wanted}
    return chosen


def _all_ids() -> list[str]:
    return [exercise_id for lesson in _lessons() for exercise_id in exercise_ids(lesson)]


HOSTILE = {
    "huge int": 10**400, "huge negative int": -(10**400), "inf": float("inf"),
    "-inf": float("-inf"), "nan": float("nan"), "numpy nan": np.float32("nan"),
    "huge fraction": Fraction(10**400, 3), "decimal nan": Decimal("NaN"), "complex": 1j,
    "empty string": "", "blank": "   ", "NaT string": "NaT", "nan string": "nan",
    "year 10000": "10000-01-01", "long string": "x" * 100_000, "None": None, "empty list": [],
    "list of None": [None], "list of empty": [""], "dict": {}, "bytes": b"\xd8\xad",
    "True": True, "NaT": pd.NaT, "numpy NaT": np.datetime64("NaT"),
    "frame": pd.DataFrame({"a": [1]}), "series": pd.Series([1, 2]), "array": np.arange(3),
    "object": object(),
    "30,000 terms": [f"ترم{i}" for i in range(30_000)],
}


def _assert_one_short_line(outcome, exercise_id):
    assert outcome.status == "wrong", (exercise_id, outcome)
    assert "\n" not in outcome.message
    assert len(outcome.message) <= LONGEST_HINT, (exercise_id, outcome.message[:200])


def test_every_exercise_applies_to_the_inputs_built_here():
    """So that the hostile answers below reach each checker's reading of the answer."""
    assert set(_inputs()) == set(_all_ids()) and len(_all_ids()) >= 20
    for exercise_id, inputs in _inputs().items():
        assert evaluate(exercise_id, None, **inputs).status == "wrong", exercise_id


@pytest.mark.parametrize("exercise_id", _all_ids())
def test_every_check_answers_hostile_answers_in_one_short_line(exercise_id):
    inputs = _inputs()[exercise_id]
    for name, answer in HOSTILE.items():
        try:
            outcome = evaluate(exercise_id, answer, **inputs)
        except Exception as error:  # noqa: BLE001 - the point is that nothing escapes
            pytest.fail(f"{exercise_id} with {name}: {type(error).__name__}: {error}"[:300])
        _assert_one_short_line(outcome, f"{exercise_id} with {name}")


@pytest.mark.parametrize("exercise_id", _all_ids())
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer=st.one_of(
    st.integers(), st.floats(), st.text(max_size=50), st.binary(max_size=10), st.none(),
    st.booleans(), st.decimals(), st.fractions(), st.complex_numbers(), st.datetimes(),
    st.lists(st.one_of(st.text(max_size=10), st.integers(), st.none()), max_size=30),
    st.tuples(st.text(max_size=10), st.text(max_size=10)),
))
def test_every_check_answers_any_value_in_one_short_line(exercise_id, answer):
    outcome = evaluate(exercise_id, answer, **_inputs()[exercise_id])
    assert outcome.status in {"wrong", "right"}, (exercise_id, outcome)  # 0 may be right
    assert "\n" not in outcome.message and len(outcome.message) <= LONGEST_HINT


def test_huge_and_infinite_numbers_get_a_hint_not_an_overflow():
    assert "is too high" in evaluate("1.1", 10**400, **_inputs()["1.1"]).message
    assert "is too low" in evaluate("1.1", -(10**400), **_inputs()["1.1"]).message
    infinite = evaluate("1.1", float("inf"), **_inputs()["1.1"]).message
    assert "you gave infinity" in infinite and "whole number" not in infinite
    assert "you gave -infinity" in evaluate("3.2", float("-inf"), **_inputs()["3.2"]).message
    with pytest.raises(Wrong, match="too high"):
        expect_number(10**400, 0.5, what="a share")  # an int minus a float overflows a float
    with pytest.raises(Wrong, match="whole number"):
        expect_number(2.5, 3, what="n")
    expect_number(np.int64(3), 3, what="n")


@pytest.mark.parametrize("answer", ["", " ", "NaT", "nan", "not a day", "2016-13-01",
                                    "10000-01-01", pd.NaT, np.datetime64("NaT")])
def test_what_is_not_a_day_is_said_so(answer):
    for exercise_id in ("4.2", "4.4"):
        outcome = evaluate(exercise_id, answer, **_inputs()[exercise_id])
        assert outcome.status == "wrong" and "write it as 'YYYY-MM-DD'" in outcome.message


def test_a_day_may_be_a_date_a_timestamp_or_zoned():
    day = pd.Timestamp("2016-08-01")
    for answer in ["2016-08-01", " 2016-08-01 ", dt.date(2016, 8, 1), dt.datetime(2016, 8, 1, 9),
                   np.datetime64("2016-08-01"), pd.Timestamp("2016-08-01 23:00", tz="Asia/Riyadh")]:
        assert expect_day(answer, "a day") == day


def test_a_long_answer_is_read_in_linear_time_and_its_hint_names_a_few_terms():
    expected = ["روسيا", "حلب"]
    many = [f"ترم{i}" for i in range(MAX_TERMS)]
    with pytest.raises(Wrong) as wrong:
        expect_terms(many, expected, what="terms")
    hint = str(wrong.value)
    assert f"you gave {MAX_TERMS}" in hint and f"and {MAX_TERMS - LISTED:,} more" in hint
    assert hint.count("ترم") == LISTED and len(hint) < LONGEST_HINT
    repeated = [f"ترم{i % 500}" for i in range(MAX_TERMS)]
    with pytest.raises(Wrong, match="you repeat .* and 495 more"):
        expect_terms(repeated, expected, what="terms")
    with pytest.raises(Wrong, match="more than 1,000"):
        expect_terms(itertools.count(), expected, what="terms")  # endless: stops reading
    with pytest.raises(Wrong, match="more than 1,000"):
        expect_terms((str(i) for i in itertools.count()), expected, what="terms")


def test_2_3_with_30000_terms_is_refused_for_its_size():
    outcome = evaluate("2.3", [f"ترم{i}" for i in range(30_000)], **_inputs()["2.3"])
    assert outcome.status == "wrong" and "more than 1,000" in outcome.message


@pytest.mark.parametrize("exercise_id", ["9.9", "1.9", "42.1", "2-2", "", 2.3, 10**400, None],
                         ids=reprlib.repr)
def test_an_unknown_exercise_is_one_line_that_lists_the_exercises(exercise_id, capsys):
    check(exercise_id, 1)
    printed = capsys.readouterr().out
    assert printed.count("\n") == 1 and printed.startswith("Not checked: ")
    assert "lesson 1: 1.1 to 1.4; lesson 2: 2.1 to 2.4" in printed
    assert len(printed) < LONGEST_HINT
    assert evaluate(exercise_id, 1).status == "unknown exercise"


def test_an_id_with_spaces_around_is_the_exercise():
    assert evaluate(" 2.2 ", 0, corpus=_inputs()["2.2"]["corpus"], term="zzz").status == "right"
