"""The registry of exercise checkers and ``check``, which runs one and prints the outcome."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from arabic_news.errors import NotApplicable

#: The placeholder a student copy assigns to an unanswered exercise.
NOT_ANSWERED = ...

_ID = re.compile(r"^([1-9][0-9]?)\.([1-9][0-9]?)$")
_CHECKERS: dict[str, Callable] = {}


class Wrong(Exception):
    """Raised by a checker (or a helper) when the answer is wrong; the message is the hint.

    The hint says what is wrong (type, size, which of the student's items do not belong, too
    high or too low), never the expected answer.
    """


@dataclass(frozen=True)
class Outcome:
    """What ``check`` found: ``status`` is ``"right"``, ``"wrong"``, ``"not answered"`` or
    ``"not applicable"`` (the corpus cannot support the exercise: too few articles, no dates,
    nothing left after stop words)."""

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


def _checker(exercise_id: str) -> Callable:
    lesson, _ = _parse_id(exercise_id)
    if exercise_id not in _CHECKERS:
        try:
            import_module(_lesson_module(lesson))
        except ModuleNotFoundError as error:
            if error.name != _lesson_module(lesson):
                raise
            raise ValueError(f"lesson {lesson} has no checked exercises "
                             f"({_lesson_module(lesson)} does not exist)") from None
    if exercise_id not in _CHECKERS:
        known = ", ".join(exercise_ids(lesson)) or "none"
        raise ValueError(f"there is no exercise {exercise_id}; lesson {lesson} has: {known}")
    return _CHECKERS[exercise_id]


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
    """Check ``answer`` to exercise ``exercise_id`` and return the :class:`Outcome`."""
    checker = _checker(exercise_id)
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
