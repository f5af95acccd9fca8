"""Checked exercises for the lessons: ``check(exercise_id, answer, **inputs)``.

The convention, for every lesson (01-04 here, and any new one):

In the lesson notebook, ``## Exercises`` holds 3-5 exercises. Each one is three cells:

1. a markdown cell ``### Exercise N: <short title>`` that states the task and the form of the
   answer (a number, a term as written or normalised, a list of terms, ...);
2. a code cell tagged ``solution`` that assigns the answer to one variable, named
   ``answer_<lesson>_<N>`` (for example ``answer_2_3``), on a line of its own
   (``answer_2_3 = ...``, possibly inside an ``if`` or ``try``). Leading comment lines are kept
   in the student copy as a hint, so they must not give the answer away; the rest of the cell
   is replaced by ``answer_2_3 = ...  # your answer here``;
3. a code cell (no tag) that checks the answer::

       from arabic_news.exercises import check
       check("2.3", answer_2_3, corpus=corpus)

``check`` prints exactly one line and returns ``None``:

- ``Exercise 2.3: right.`` (possibly followed by a remark that adds something, never the
  answer itself);
- ``Exercise 2.3: not yet. <what is wrong>``: the type, the size, which of *your* terms do not
  belong, too high or too low; never the expected answer;
- ``Exercise 2.3: not answered yet. Replace ... with your answer, then run the two cells
  again.`` when the answer is still the placeholder ``...`` (Ellipsis). This is the
  announced outcome of every unanswered exercise: the student copies are committed with this
  line as the check cell's output, so nbval (strict) passes on them while any other outcome (a
  traceback, another message) fails. It prints rather than raises so that "Run All" in
  JupyterLab reaches every exercise.

- ``Exercise 2.3: does not apply to this corpus: <why>.`` when the corpus cannot support the
  exercise (one article, no dates, nothing left after stop words): the checker raises
  ``NotApplicable`` (from ``arabic_news.analysis``, re-exported here), directly or through the
  analysis it calls. The solution cell then assigns ``None`` rather than failing, so that a
  lesson runs to the end on any corpus.

- ``Not checked: there is no exercise 2.9. The checked exercises are lesson 1: 1.1 to 1.4;
  ...`` when the id names no exercise (a typo in a check cell should not stop "Run All").

Whatever the answer (``10**400``, ``inf``, ``""``, ``"NaT"``, thousands of terms), the check
prints one of these lines, quickly: checkers read answers through the validators of
:mod:`arabic_news.exercises.compare`. An input the checker needs but was not given (a
mistake in the check cell itself) raises ``TypeError`` with a message that says what to pass.

Checkers live in one module per lesson, ``arabic_news/exercises/lesson_NN.py`` (``lesson_02``
for exercise ids ``"2.N"``), imported on first use. A checker is a function registered with
:func:`exercise`; it takes the answer first, then keyword-only inputs (``corpus``, ...), and
recomputes what it needs from those inputs, so the check holds on any corpus::

    from arabic_news.exercises import Wrong, exercise, expect_number

    @exercise("2.2")
    def occurrences_of_term(answer, *, corpus, term):
        expected = ...  # recomputed from corpus and term
        expect_number(answer, expected, what="the number of occurrences")   # raises Wrong
        # return None for a plain "right."; return a string to add a remark after "right."

Helpers in :mod:`arabic_news.exercises.compare` (re-exported here) raise :class:`Wrong` with a
hint that does not reveal the answer: ``expect_type``, ``expect_number``, ``expect_term``,
``expect_terms`` and ``expect_top`` (a top-n list; any choice among terms tied at the
n-th place is right). Arabic in hints is wrapped in Unicode isolates so it reads right
inside the English sentence.

A checker that recomputes something heavy from the corpus (token counts, a TF-IDF fit) puts
that computation in a helper decorated with :func:`arabic_news.exercises.memo.per_texts`
(first argument: the corpus or its texts; a pandas or Dask text column is passed on as it
is, without a copy), so that a student who tries again does not wait
again; inputs the lesson already computed (``mentions=mentions``) may be passed instead.
``tests/test_lesson_structure.py`` holds every lesson to this convention and
checks that each solution passes its own check.

Student copies (``notebooks/exercises/``) are made by ``tools/student_copies.py``
(``make student-copies``), a build tool of the repository, not of the installed package.
"""

from arabic_news.errors import NotApplicable
from arabic_news.exercises.compare import (
    expect_number,
    expect_term,
    expect_terms,
    expect_top,
    expect_type,
)
from arabic_news.exercises.core import (
    NOT_ANSWERED,
    Outcome,
    Wrong,
    check,
    evaluate,
    exercise,
    exercise_ids,
)

__all__ = [
    "NOT_ANSWERED",
    "NotApplicable",
    "Outcome",
    "Wrong",
    "check",
    "evaluate",
    "exercise",
    "exercise_ids",
    "expect_number",
    "expect_term",
    "expect_terms",
    "expect_top",
    "expect_type",
]
