"""The registry of exercise checkers and ``check``, which runs one and prints the outcome."""

from __future__ import annotations

import inspect
import pkgutil
import re
import reprlib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from arabic_news.errors import NotApplicable

#: The placeholder a student copy assigns to an unanswered exercise.
NOT_ANSWERED = ...

_ID = re.compile(r"^([1-9][0-9]?)\.([1-9][0-9]?)$")
_CHECKERS: dict[str, Callable] = {}


class UnknownExercise(ValueError):
    """An exercise id that names no checked exercise; the message lists the ones there are."""


class Wrong(Exception):
    """Raised by a checker (or a helper) when the answer is wrong; the message is the hint.

    The hint says what is wrong (type, size, which of the student's items do not belong, too
    high or too low), never the expected answer.
    """


@dataclass(frozen=True)
class Outcome:
    """What ``check`` found: ``status`` is ``"right"``, ``"wrong"``, ``"not answered"``,
    ``"not applicable"`` (the corpus cannot support the exercise: too few articles, no dates,
    nothing left after stop words) or ``"unknown exercise"`` (the id names none)."""

    exercise_id: str
    status: str
    message: str

    def __str__(self) -> str:
        return self.message


def _parse_id(exercise_id) -> tuple[int, int]:
    match = _ID.match(exercise_id) if isinstance(exercise_id, str) else None
    if match is None:
        raise ValueError(
            f"an exercise id is a string 'lesson.number' such as '2.3', got {exercise_id!r}"
        )
    return int(match[1]), int(match[2])


def exercise(exercise_id: str):
    """Register the decorated function as the checker of ``exercise_id`` (``"2.3"``)."""
    _parse_id(exercise_id)

    def register(function: Callable) -> Callable:
        if exercise_id in _CHECKERS and _CHECKERS[exercise_id] is not function:
            raise ValueError(f"exercise {exercise_id} has two checkers")
        _CHECKERS[exercise_id] = function
        return function

    return register


def _lesson_module(lesson: int) -> str:
    return f"arabic_news.exercises.lesson_{lesson:02d}"


def _lessons() -> list[int]:
    """The lessons that have a checkers module (``lesson_NN``), in order."""
    package = import_module("arabic_news.exercises")
    found = (re.fullmatch(r"lesson_([0-9]{2})", module.name)
             for module in pkgutil.iter_modules(package.__path__))
    return sorted(int(match[1]) for match in found if match)


def _available() -> str:
    """Every checked exercise, lesson by lesson: ``lesson 1: 1.1 to 1.4; lesson 2: ...``."""
    spans = []
    for lesson in _lessons():
        ids = exercise_ids(lesson)
        if ids:
            spans.append(f"lesson {lesson}: {ids[0]}" + (f" to {ids[-1]}" if len(ids) > 1 else ""))
    return "; ".join(spans) or "none"


def _checker(exercise_id) -> Callable:
    """The checker of ``exercise_id``, or :class:`UnknownExercise` saying which ids exist."""
    match = _ID.match(exercise_id.strip()) if isinstance(exercise_id, str) else None
    if match is None:
        form = "" if isinstance(exercise_id, str) else " (in quotes)"
        raise UnknownExercise(
            f"{reprlib.repr(exercise_id)} is not an exercise id: write 'lesson.number'{form}, "
            f"as in '2.3'. The checked exercises are {_available()}.")
    lesson, key = int(match[1]), f"{int(match[1])}.{int(match[2])}"
    if key not in exercise_ids(lesson):
        raise UnknownExercise(f"there is no exercise {key}. The checked exercises are "
                              f"{_available()}.")
    return _CHECKERS[key]


def exercise_ids(lesson: int) -> list[str]:
    """The ids of the checked exercises of ``lesson``, in order (imports its module)."""
    try:
        import_module(_lesson_module(lesson))
    except ModuleNotFoundError as error:
        if error.name != _lesson_module(lesson):
            raise
        return []
    ids = [key for key in _CHECKERS if _parse_id(key)[0] == lesson]
    return sorted(ids, key=_parse_id)


def _check_inputs(exercise_id: str, checker: Callable, inputs: dict) -> None:
    """Fail early, naming what to pass, when the inputs do not match the checker's."""
    parameters = list(inspect.signature(checker).parameters.values())[1:]
    needed = [p.name for p in parameters if p.default is inspect.Parameter.empty]
    allowed = {p.name for p in parameters}
    missing = [name for name in needed if name not in inputs]
    unknown = sorted(set(inputs) - allowed)
    if missing or unknown:
        usage = ", ".join(f"{name}=..." for name in needed) or "no inputs"
        problems = []
        if missing:
            problems.append("missing " + ", ".join(missing))
        if unknown:
            problems.append("unexpected " + ", ".join(unknown))
        raise TypeError(f"check({exercise_id!r}, answer, {usage}): {'; '.join(problems)}. "
                        f"Run the check cell as it is written in the lesson.")


def evaluate(exercise_id: str, answer, **inputs) -> Outcome:
    """Check ``answer`` to exercise ``exercise_id`` and return the :class:`Outcome`.

    An id that names no exercise is the outcome ``"unknown exercise"``, whose message lists
    the exercises there are; inputs that do not match the checker's raise ``TypeError``.
    """
    try:
        checker = _checker(exercise_id)
    except UnknownExercise as unknown:
        return Outcome(reprlib.repr(exercise_id), "unknown exercise", f"Not checked: {unknown}")
    exercise_id = exercise_id.strip()
    _check_inputs(exercise_id, checker, inputs)
    prefix = f"Exercise {exercise_id}:"
    if answer is NOT_ANSWERED:
        return Outcome(exercise_id, "not answered",
                       f"{prefix} not answered yet. Replace ... with your answer, "
                       f"then run the two cells again.")
    try:
        remark = checker(answer, **inputs)
    except NotApplicable as reason:
        return Outcome(exercise_id, "not applicable",
                       f"{prefix} does not apply to this corpus: {reason}.")
    except Wrong as wrong:
        hint = str(wrong)
        return Outcome(exercise_id, "wrong", f"{prefix} not yet. {hint[:1].upper()}{hint[1:]}")
    message = f"{prefix} right." + (f" {remark}" if remark else "")
    return Outcome(exercise_id, "right", message)


def check(exercise_id: str, answer, **inputs) -> None:
    """Print whether ``answer`` to exercise ``exercise_id`` is right, on one line.

    ``inputs`` are what the checker recomputes the answer from (``corpus=corpus``, ...); the
    lesson's check cell passes them. See :mod:`arabic_news.exercises` for the messages.
    """
    print(evaluate(exercise_id, answer, **inputs).message)
