"""Split normalised Arabic news text into word tokens.

Rules (each tested in ``tests/test_tokenize.py``):

* A token is a maximal run of letters, combining marks and digits. Punctuation (P*), symbols
  (S*, emoji included), separators and controls of every script split tokens and are never
  tokens; emoji therefore survive :func:`~arabic_news.normalize` but never become tokens.
* Arabic letters and the characters of other scripts (digits included) do not share a token:
  ``الـ15`` gives ``ال`` + ``15``, ``و2016`` gives ``و`` + ``2016`` and ``2018م`` gives
  ``2018`` + ``م``; the bare article and the lone conjunctions are in the stop-word list.
  Latin letters and digits do share one: ``G20`` and ``COVID19`` stay whole.
* A token never starts with a combining mark.
* ``3.5`` and ``1,000`` give two tokens each: the point is punctuation.

Speed: the reference tokeniser is one ``findall`` of the pattern built in :mod:`._charclass`.
Text that fits code page 1256 (see :mod:`._codepage`) and holds no combining mark takes a fast
path with the same result, explained in :func:`_split_encoded`.

A long text is cut into pieces of about :data:`CHUNK` characters, each ending just before a
space or line break, and each piece takes the fast path or the pattern on its own, so one
character outside the code page in a 37 MB text slows only its own piece, not the whole text.
The tokens are the same: a space or line break belongs to no token, so no token spans a cut,
and the default :class:`Normalizer` maps each character on its own (and leaves spaces and
line breaks alone), so normalising piece by piece equals normalising the whole. A custom
normaliser may look at context, so its output is cut instead, after normalising the whole.
"""

import re
from functools import cache
from itertools import pairwise

from arabic_news.text import _codepage
from arabic_news.text._charclass import ASTRAL, BMP, token_classes, token_intervals, token_regex
from arabic_news.text.normalize import Normalizer

DEFAULT = Normalizer()
#: Characters per piece of a long text (see the module docstring).
CHUNK = 1 << 16


@cache
def _bmp_pattern() -> re.Pattern:
    # Only Basic Multilingual Plane classes: the regex engine turns them into one fast
    # table lookup per character.
    return re.compile(token_regex(BMP))


@cache
def _full_pattern() -> re.Pattern:
    # Astral ranges are checked one by one by the regex engine: correct but slower, so this
    # pattern is only used for text that holds characters beyond U+FFFF (emoji, CJK ext. B).
    return re.compile(token_regex(BMP + ASTRAL))


@cache
def _latin_pattern() -> re.Pattern:
    classes = token_classes(BMP + ASTRAL)
    return re.compile(f"[{classes['latin']}]")


def _inside(char: str, intervals) -> bool:
    return any(low <= ord(char) <= high for low, high in intervals)


@cache
def _byte_kinds() -> tuple[bytes, bytes]:
    """Two ``bytes.translate`` tables over the code page 1256 characters.

    ``kinds`` maps each byte to ``x`` (a letter that starts and continues Arabic tokens and
    continues no other token), ``a`` (a letter or number that starts and continues other
    tokens and continues no Arabic token), a space (a character of no token class: punctuation,
    symbols, spaces, controls) or ``!`` (anything else: the harakat, which only continue
    tokens). ``spaces`` maps the space kind to a space and leaves the other bytes alone.
    """
    c = token_intervals(BMP)
    kinds, spaces = bytearray(256), bytearray(range(256))
    for byte, char in enumerate(_codepage.CHARS):
        arabic = (_inside(char, c["arabic_start"]), _inside(char, c["arabic_body"]))
        other = (_inside(char, c["other_start"]), _inside(char, c["other_body"]))
        if arabic == (True, True) and other == (False, False):
            kinds[byte] = ord("x")
        elif other == (True, True) and arabic == (False, False):
            kinds[byte] = ord("a")
        elif arabic == other == (False, False):
            kinds[byte] = spaces[byte] = ord(" ")
        else:
            kinds[byte] = ord("!")
    return bytes(kinds), bytes(spaces)


def _split_encoded(raw: bytes) -> list[str] | None:
    """The tokens of text encoded in code page 1256, or ``None`` if this shortcut does not apply.

    Why it equals ``findall``: when every character is of kind ``x``, ``a`` or space (see
    :func:`_byte_kinds`), a match of the pattern starts at an ``x`` or ``a`` and runs over
    characters of that same kind only, to the next space or change of kind. So the tokens are
    the maximal runs of one kind, which ``str.split`` returns once every separator has become
    a space and a space has been put wherever an ``x`` meets an ``a`` (``ال15`` -> ``ال 15``).
    """
    kind_table, space_table = _byte_kinds()
    kinds = raw.translate(kind_table)
    if b"!" in kinds:
        return None
    raw = raw.translate(space_table)
    cuts = _kind_changes(kinds)
    if cuts:
        raw = b" ".join(raw[start:end] for start, end in pairwise([0, *cuts, len(raw)]))
    return raw.decode(_codepage.CODEC).split()


def _kind_changes(kinds: bytes) -> list[int]:
    """Positions ``i`` where ``kinds[i - 1]`` and ``kinds[i]`` are ``x`` and ``a`` (either order).

    Such a pair lies in a stretch without spaces that holds an ``a``; those stretches are rare
    in Arabic text (numbers, Latin words), so only they are looked at, with C-speed ``find``.
    """
    changes = []
    at = kinds.find(b"a")
    while at >= 0:
        start = kinds.rfind(b" ", 0, at) + 1
        end = kinds.find(b" ", at)
        if end < 0:
            end = len(kinds)
        stretch = kinds[start:end]
        if b"x" in stretch:
            changes += [start + i for i in range(1, len(stretch)) if stretch[i] != stretch[i - 1]]
        at = kinds.find(b"a", end)
    return changes


def _normalise(text: str, normalizer) -> str | bytes:
    """``text`` after ``normalizer``, as code page 1256 bytes when the byte path applies."""
    if type(normalizer) is Normalizer:  # a subclass may override __call__
        raw = normalizer._encode(text)
        return normalizer._reference(text) if raw is None else raw
    return text if normalizer is None else normalizer(text)


def _has_astral(text: str) -> bool:
    # UTF-16 needs a surrogate pair, hence more than two bytes, for each astral character.
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def _check_normalizer(normalizer) -> None:
    if normalizer is not None and not callable(normalizer):
        raise TypeError(
            f"normalizer must be a Normalizer, a callable str -> str or None, "
            f"got {type(normalizer).__name__}"
        )


def _tokens(text: str, normalizer) -> list[str]:
    """The tokens of ``text`` after ``normalizer``: the byte fast path, else the pattern."""
    text = _normalise(text, normalizer)
    raw = text if isinstance(text, bytes) else _codepage.encode(text)
    tokens = None if raw is None else _split_encoded(raw)
    if tokens is None:
        if raw is not None:
            text = raw.decode(_codepage.CODEC)
        pattern = _full_pattern() if _has_astral(text) else _bmp_pattern()
        tokens = pattern.findall(text)
    return tokens


def _pieces(text: str, size: int):
    """``text`` cut into pieces of at least ``size`` characters, each cut before a space or
    line break (a piece without one runs to the end)."""
    start = 0
    while start < len(text):
        cuts = [at for at in (text.find(" ", start + size), text.find("\n", start + size))
                if at >= 0]
        end = min(cuts) if cuts else len(text)
        yield text[start:end]
        start = end


def tokenize(
    text: str,
    *,
    normalizer=DEFAULT,
    numbers: bool = True,
    latin: bool = True,
) -> list[str]:
    """Return the word tokens of ``text``, in order.

    ``normalizer`` runs first (the default :class:`Normalizer`; ``None`` skips it).
    ``numbers=False`` drops tokens made only of digits or other numerals; ``latin=False``
    drops tokens that hold a Latin letter (``G20``, ``BBC``). Other scripts are always kept.
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize expects str, got {type(text).__name__}; decode bytes first")
    _check_normalizer(normalizer)
    if len(text) <= CHUNK:
        tokens = _tokens(text, normalizer)
    else:
        if type(normalizer) is not Normalizer and normalizer is not None:
            text, normalizer = normalizer(text), None
        tokens = []
        for piece in _pieces(text, CHUNK):
            tokens += _tokens(piece, normalizer)
    if not numbers:
        tokens = [token for token in tokens if not token.isnumeric()]
    if not latin:
        search = _latin_pattern().search
        tokens = [token for token in tokens if search(token) is None]
    return tokens
