"""Lesson parameters given on the runner's command line: read, typed, checked against the lessons.

``make run-corpus PARAMS="kwic_term=الرياض top_n=30"`` (the runner's ``--params``) and
``PARAMS_FILE=params.yaml`` (``--params-file``) set the parameters that the lessons declare in
their ``parameters`` cell. Nothing is evaluated as code:

* in ``PARAMS``, each value runs to the next `` name=`` (so ``kwic_term=الأمم المتحدة`` needs no
  quotes) and is typed by :func:`typed_value`: ``None``, ``True``/``False``, an integer, a
  decimal number, a quoted string, a ``[list, of, values]`` or a ``{"key": value}`` mapping,
  else the text as written;
* a YAML file is read with ``yaml.safe_load`` into a mapping of names to values (a date is
  kept as its ISO text).

:func:`parameters_per_lesson` then gives each lesson the parameters it declares. A name that
no lesson declares is an error, before anything runs: it is most likely a typo, and a run of
several minutes that silently ignores it would show the defaults under the user's belief that
they were changed. A name that only some lessons declare goes to those (``top_n`` to lessons
2, 5 and 7), and the runner prints which. A value whose type differs from the lesson's
default (a word for ``top_n``, a single term for the list ``timeline_terms``) is an error
naming the lesson; a default of ``None`` accepts any value.
"""

from __future__ import annotations

import ast
import datetime as dt
import difflib
import keyword
import re
from pathlib import Path

#: Parameters the runner sets itself, from its own options.
RESERVED = {
    "corpus_path": "--corpus", "figures_dir": "--figures", "engine": "--engine",
    "scheduler_address": "--scheduler",
}
_NAME = re.compile(r"(?:^|\s+)([A-Za-z_][A-Za-z0-9_]*)=")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+(?:\.[0-9]*)?[eE][+-]?[0-9]+)")
_WORDS = {"None": None, "null": None, "True": True, "true": True, "False": False,
          "false": False}
#: The longest value read: a parameter is a knob, not a data set.
MAX_VALUE_CHARS = 10_000


class ParameterError(ValueError):
    """A parameter that cannot be given to the lessons; the message is one line."""


def typed_value(text: str):
    """The value ``text`` stands for: None, a bool, an int, a float, a quoted str, a list or
    a dict of such values, else ``text`` itself (stripped). Never evaluated as code."""
    text = text.strip()
    if len(text) > MAX_VALUE_CHARS:
        raise ParameterError(f"a value of {len(text):,} characters: at most "
                             f"{MAX_VALUE_CHARS:,}; put long lists in a YAML file")
    if text in _WORDS:
        return _WORDS[text]
    if _INTEGER.fullmatch(text):
        try:
            return int(text)
        except ValueError as error:  # more digits than Python reads
            raise ParameterError(f"{text[:20]}…: {error}") from None
    if _DECIMAL.fullmatch(text):
        return float(text)
    if text[:1] in "'\"[{(" and text:
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            value = _bare_list(text)
        return _checked(value, text)
    return text


def _bare_list(text: str):
    """``[الرياض, جدة]`` (items without quotes) as a list of typed items; anything else that
    starts like a literal but is not one stays the text as written."""
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1].strip()
        return [typed_value(item) for item in inner.split(",") if item.strip()] if inner else []
    return text


def _checked(value, text: str):
    """``value`` if it is made of the types a lesson parameter takes, else a ParameterError."""
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, list):
        return [_checked(item, text) for item in value]
    if isinstance(value, dict):
        return {_checked(key, text): _checked(item, text) for key, item in value.items()}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):  # YAML reads 2016-08-01 as a date
        return value.isoformat()
    raise ParameterError(f"{text[:40]!r}: a {type(value).__name__} is not a parameter value "
                         "(use None, true/false, numbers, text, lists and mappings)")


def parse_assignments(text: str) -> dict:
    """``"kwic_term=الرياض top_n=30"`` as ``{"kwic_term": "الرياض", "top_n": 30}``."""
    matches = list(_NAME.finditer(text))
    if text.strip() and (not matches or text[: matches[0].start()].strip()):
        first = text.strip().split()[0]
        raise ParameterError(f"{first[:40]!r} is not name=value: write PARAMS=\"name=value "
                             "name=value\", as in PARAMS=\"kwic_term=الرياض top_n=30\"")
    parameters = {}
    for match, following in zip(matches, [*matches[1:], None], strict=False):
        name = match[1]
        end = following.start() if following else len(text)
        if name in parameters:
            raise ParameterError(f"{name} is given twice")
        parameters[_checked_name(name)] = typed_value(text[match.end():end])
    return parameters


def read_parameters_file(path: str | Path) -> dict:
    """The parameters of a YAML file: a mapping of names to values."""
    import yaml

    path = Path(path).expanduser()
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ParameterError(f"{path}: cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise ParameterError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" (line {where.line + 1})" if where is not None else ""
        raise ParameterError(f"{path}: not valid YAML{line}") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise ParameterError(f"{path}: a YAML mapping of name: value is expected, not a "
                             f"{type(loaded).__name__}")
    return {_checked_name(name, path): _checked(value, str(name))
            for name, value in loaded.items()}


def _checked_name(name, source=None) -> str:
    where = f"{source}: " if source else ""
    if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name):
        raise ParameterError(f"{where}{name!r} is not a parameter name")
    return name


def declared_parameters(notebook: Path) -> dict:
    """The parameters ``notebook``'s ``parameters`` cell declares: name -> default value
    (``...`` when the default is not a plain literal)."""
    import papermill

    declared = {}
    for name, info in papermill.inspect_notebook(str(notebook)).items():
        try:
            declared[name] = ast.literal_eval(info["default"])
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            declared[name] = ...
    return declared


def parameters_per_lesson(parameters: dict, declared: dict[str, dict]) -> dict[str, dict]:
    """Which of ``parameters`` each lesson gets: ``declared`` maps each lesson's name to its
    :func:`declared_parameters`. Raises :class:`ParameterError` for a reserved name, a name
    no lesson declares, or a value of another type than a lesson's default."""
    for name in parameters:
        if name in RESERVED:
            raise ParameterError(f"{name} is set by the runner: use its {RESERVED[name]} option")
    every = sorted({name for names in declared.values() for name in names} - set(RESERVED))
    for name in parameters:
        if not any(name in names for names in declared.values()):
            close = difflib.get_close_matches(name, every, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise ParameterError(f"no lesson has a parameter {name}: {hint}the lessons' "
                                 f"parameters are {', '.join(every)}")
    chosen = {}
    for lesson, names in declared.items():
        given = {name: value for name, value in parameters.items() if name in names}
        for name, value in given.items():
            _check_type(name, value, names[name], lesson)
        chosen[lesson] = given
    return chosen


def _check_type(name: str, value, default, lesson: str) -> None:
    if default is None or default is ... or value is None:
        return
    expected, given = _kind(default), _kind(value)
    if given == expected or (expected == "a decimal number" and given == "an integer"):
        return
    raise ParameterError(f"{name} is {expected} in {lesson} (default {default!r}); you gave "
                         f"{given}, {value!r}"[:300])


def _kind(value) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple)):
        return "a list ([a, b])"
    if isinstance(value, dict):
        return "a mapping ({\"a\": 1})"
    return f"a {type(value).__name__}"
