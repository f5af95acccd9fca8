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
"""

import re
from functools import cache

from arabic_news.text._charclass import ASTRAL, BMP, token_classes, token_regex
from arabic_news.text.normalize import Normalizer

DEFAULT = Normalizer()


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


def _has_astral(text: str) -> bool:
    # UTF-16 needs a surrogate pair, hence more than two bytes, for each astral character.
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def _check_normalizer(normalizer) -> None:
    if normalizer is not None and not callable(normalizer):
        raise TypeError(
            f"normalizer must be a Normalizer, a callable str -> str or None, "
            f"got {type(normalizer).__name__}"
        )


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
    if normalizer is not None:
        text = normalizer(text)
    pattern = _full_pattern() if _has_astral(text) else _bmp_pattern()
    tokens = pattern.findall(text)
    if not numbers:
        tokens = [token for token in tokens if not token.isnumeric()]
    if not latin:
        search = _latin_pattern().search
        tokens = [token for token in tokens if search(token) is None]
    return tokens
