"""Read a JSON file that holds an array of articles, ``[{...}, {...}]``: a common export.

The array is parsed one item at a time by the standard library's decoder
(``json.JSONDecoder.raw_decode``, the parser of ``json.loads``), so an item follows exactly the
rules of a JSON Lines row: the same numbers (integers of any size), escapes and nesting
limit. The text is read into a buffer by chunks of :data:`CHUNK` characters and each item is
dropped from it once parsed, so memory is bounded by the largest item plus one chunk (and
the caller's batch of rows), never by the file. A library parser was considered: ijson's
C backend refuses integers beyond 64 bits, which ``json.loads`` reads, and its Python
backend is several times slower than the standard decoder.

Items are numbered from 1 (``news.json, item 3``). An item that is not an object is a bad
document (left out in skip mode). A syntax error stops the reading in both modes, naming the
item, line and column: past it, no later item can be found reliably.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from arabic_news.corpus.policy import ErrorPolicy
from arabic_news.errors import CorpusError

#: Characters read into the buffer at a time.
CHUNK = 1 << 20
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()

Row = tuple[str, int, dict[str, object]]


class _Buffer:
    """The unread text of the file, refilled from ``chunks``; ``line`` is that of ``text[0]``."""

    def __init__(self, chunks: Iterable[str]):
        self.chunks = iter(chunks)
        self.text = ""
        self.pos = 0
        self.line = 1
        self.eof = False

    def more(self) -> bool:
        """Drop the text before ``pos`` and append the next chunk; False at the end."""
        chunk = next(self.chunks, None)
        if chunk is None:
            self.eof = True
            return False
        self.line += self.text.count("\n", 0, self.pos)
        self.text = self.text[self.pos:] + chunk
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ('' at the end of the file)."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()
            if self.pos < len(self.text) or not self.more():
                return self.text[self.pos:self.pos + 1]

    def place(self, pos: int) -> str:
        line = self.line + self.text.count("\n", 0, pos)
        return f"line {line}, column {pos - self.text.rfind(chr(10), 0, pos)}"


def json_array_rows(
    chunks: Iterable[str], where: str, policy: ErrorPolicy
) -> Iterator[tuple[Row, str]]:
    """Yield ``((where, number, row), raw item text)`` for each object of the array."""
    buffer = _Buffer(chunks)
    first = buffer.peek()
    if first != "[":
        raise CorpusError(f"{where}: {_not_an_array(first)}")
    buffer.pos += 1
    if buffer.peek() == "]":
        buffer.pos += 1
        _check_end(buffer, where)
        return
    number = 0
    while True:
        number += 1
        here = f"{where}, item {number}"
        value, raw = _item(buffer, here)
        if isinstance(value, dict):
            yield (here, number, value), raw
        else:
            policy.handle(CorpusError(
                f"{here}: expected an article, a JSON object {{...}}, got {_kind(value)}"
            ), here)
        after = buffer.peek()
        if after == ",":
            buffer.pos += 1
        elif after == "]":
            buffer.pos += 1
            _check_end(buffer, where)
            return
        else:
            problem = f"expected ',' or ']' after it, found {after!r}" if after \
                else "the file ends inside the array (it was cut short?)"
            raise CorpusError(f"{here}: broken JSON at {buffer.place(buffer.pos)}: {problem}")


def _item(buffer: _Buffer, here: str) -> tuple[object, str]:
    """Parse the item at ``buffer.pos``, reading more text while it may be cut by the chunk."""
    buffer.peek()
    while True:
        try:
            value, end = _DECODER.raw_decode(buffer.text, buffer.pos)
        except json.JSONDecodeError as error:
            if not buffer.eof and _maybe_cut(error, buffer.text) and buffer.more():
                continue
            raise CorpusError(f"{here}: broken JSON at {buffer.place(error.pos)}: "
                              f"{error.msg}") from None
        except RecursionError:
            raise CorpusError(f"{here}: nested too deeply for Python's JSON parser (about "
                              "1,000 levels)") from None
        except ValueError as error:  # an integer of more than 4,300 digits
            raise CorpusError(f"{here}: broken JSON: {error}") from None
        if end == len(buffer.text) and not buffer.eof and buffer.more():
            continue  # a number at the very end may go on in the next chunk
        raw = buffer.text[buffer.pos:end]
        buffer.pos = end
        return value, raw


def _maybe_cut(error: json.JSONDecodeError, text: str) -> bool:
    """True when the error may come from the buffer's end rather than from the file."""
    return error.pos >= len(text) - 8 or error.msg.startswith("Unterminated string")


def _check_end(buffer: _Buffer, where: str) -> None:
    rest = buffer.peek()
    if rest:
        raise CorpusError(f"{where}: text after the closing ']' at {buffer.place(buffer.pos)} "
                          f"({rest!r}); a JSON file holds one array of articles")


def _not_an_array(first: str) -> str:
    if first == "{":
        return ("holds a JSON object, not an array of articles [{...}, {...}]; a file with one "
                "article object per line is JSON Lines: name it .jsonl")
    if not first:
        return "empty file (no JSON array of articles)"
    return f"expected a JSON array of articles [{{...}}, ...], found {first!r}"


def _kind(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
