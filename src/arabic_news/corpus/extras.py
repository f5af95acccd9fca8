"""Extra columns: kept with their type when every engine can store it, as text otherwise.

A table's extra columns (``url``, ``views``, ``tags``, ...) come as the file holds them, and a
JSON file may hold anything: an integer in one row and a string in the next, lists, objects,
integers of 70 bits. pandas keeps such a column as Python objects, but Arrow (Parquet, the
shards cache, Dask) stores one type per column and refuses it. So that every engine holds the
same values, the rule is:

* an extra column whose values, missing ones aside, are all strings, all booleans, all
  numbers (integers that fit in 64 bits, and floats), all dates and times, or all bytes keeps
  its values as they are;
* any other extra column (values of two kinds, lists, objects, integers beyond 64 bits) is
  stored as **text**: strings as they are, every other value written as JSON (``[1, 2]``,
  ``{}``, ``true``, ``1.5``, ``1180591620717411303424``; a whole float such as ``3.0`` as
  ``3``, since pandas reads a column of integers with gaps as floats and the text must not
  depend on where a batch ends; a lone surrogate inside a list is written as the escape
  ``\\ud800``), missing values missing. One
  :class:`~arabic_news.corpus.policy.ColumnAsTextWarning` names the column and the rows of
  the first two kinds met.

Text rather than an error, because nothing is lost (``json.loads`` gives the value back) and
the rest of the corpus loads; text rather than Python objects on pandas only, because pandas
and Dask must hold the same values. The core columns have their own rules
(:func:`arabic_news.corpus.frame.make_record`).

A column is judged on the rows read so far: when it turns mixed in a later batch of
:func:`~arabic_news.corpus.loader.iter_corpus`, it is text from that batch on, the whole
frame of ``load_corpus`` holds it as text throughout, and the shards writer converts the
earlier shards (:func:`as_text` is the one conversion all of them use).
"""

from __future__ import annotations

import datetime
import json
import numbers
from collections.abc import Callable, Mapping

from arabic_news.corpus.dates import is_missing

_INT64 = (-(2**63), 2**63 - 1)
#: Kinds a column may hold alone and keep; anything else makes the column text.
STORABLE = ("a string", "a boolean", "a number", "a date", "bytes")


def kind_of(value: object) -> str | None:
    """The kind of one value, in words (None for a missing value)."""
    if isinstance(value, str):
        return "a string"
    if is_missing(value):
        return None
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, numbers.Integral):
        return "a number" if _INT64[0] <= value <= _INT64[1] else "an integer beyond 64 bits"
    if isinstance(value, numbers.Real):
        return "a number"
    if isinstance(value, datetime.date):
        return "a date"
    if isinstance(value, bytes):
        return "bytes"
    if isinstance(value, list | tuple) or hasattr(value, "tolist"):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return f"a {type(value).__name__}"


def as_text(value: object) -> object:
    """One value of a text column: a string as it is, missing as None, anything else as
    JSON (with ``\\u`` escapes where UTF-8 cannot hold a character)."""
    if isinstance(value, str):
        return value
    if is_missing(value):
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", "backslashreplace")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral) \
            and float(value).is_integer():
        value = int(value)  # 3.0 as "3": pandas reads integers with gaps as floats
    text = json.dumps(value, ensure_ascii=False, default=_plain)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(value, default=_plain)
    return text


def _plain(value: object) -> object:
    if hasattr(value, "tolist"):  # numpy arrays and scalars (lists read from Parquet)
        return value.tolist()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


class ExtraColumns:
    """Judge the extra columns batch by batch and turn mixed ones into text.

    ``note(message)`` is called once per column that becomes text.
    """

    def __init__(self, core: tuple[str, ...], note: Callable[[str], None]):
        self.core = set(core)
        self.note = note
        self.first: dict[str, tuple[str, str]] = {}  # column -> (kind, where first seen)
        self.as_text: set[str] = set()

    def apply(self, columns: dict[str, list], wheres: list[str]) -> None:
        """Convert, in place, the columns of one batch that are (or just became) text."""
        for name, values in columns.items():
            if name in self.core:
                continue
            if name not in self.as_text and self._mixed(name, values, wheres):
                self.as_text.add(name)
            if name in self.as_text:
                columns[name] = [as_text(value) for value in values]

    def _mixed(self, name: str, values: list, wheres: list[str]) -> bool:
        if self.first.get(name, ("",))[0] == "a string" and _only_text(values):
            return False  # the common case, decided without looking at each value
        for value, where in zip(values, wheres, strict=True):
            kind = kind_of(value)
            if kind is None:
                continue
            if name not in self.first:
                self.first[name] = (kind, where)
                if kind in STORABLE:
                    continue
                self.note(f"{where}: column {name!r} holds {kind}; {_STORED}")
                return True
            seen, seen_where = self.first[name]
            if kind != seen:
                self.note(f"{seen_where}: column {name!r} holds {seen} here and {kind} at "
                          f"{where}; {_STORED}")
                return True
        return False


def _only_text(values: list) -> bool:
    """True when every value is a string or a missing float (NaN)."""
    types = set(map(type, values))
    if not types <= {str, float}:
        return False
    return float not in types or all(v != v for v in values if type(v) is float)


_STORED = ("stored as text (strings as they are, other values as JSON), since Parquet and "
           "Dask store one type per column; json.loads gives a value back")
