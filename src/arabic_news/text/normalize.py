"""Normalise Arabic news text: one switchable step per kind of variation.

Every step is a character-wise map (deletion or replacement) whose outputs are left alone by
every other step, so the steps compose into one table and the result is idempotent:
``normalize(normalize(x)) == normalize(x)``. Presentation forms are expanded first, then the
letters they expand to go through the other enabled steps (ﻷ → لأ → لا).

Speed: text that fits Windows code page 1256 (most Arabic news) is encoded to one byte per
character and mapped by one ``bytes.translate`` (see :mod:`._codepage`). Any other text takes the
reference path, where the table is split in two: characters that are frequent in news text and
map one letter to one letter (أ إ آ ٱ ى ة ...) go through ``str.replace``, guarded by a fast
``in`` test; everything else (diacritics, controls, presentation forms, digits, spaces) is rare
and goes through one compiled regular expression.

Why both paths agree: each pass of the reference path (the regex, each ``str.replace``,
``str.casefold``) replaces single characters independently of their neighbours, so it maps a
text to the concatenation of the maps of its characters. The byte table is built by running the
reference path on each of the 256 code-page characters; where some character maps to more than
one character or outside the code page (casefold turns µ into Greek μ) the normaliser has no
byte path. ``tests/test_normalize.py`` checks the agreement on random text.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from arabic_news.text import _codepage
from arabic_news.text._tables import charmap, presentation_forms

#: Step name -> default. Order is the order in ``repr``; application order is explained above.
DEFAULT_STEPS: dict[str, bool] = {
    "presentation_forms": True,  # ﻻ ﷲ ﻫ 𞸀 ... -> base letters (NFKC-derived table)
    "diacritics": True,  # harakat, tanween, shadda, sukun, U+0670, Quranic marks
    "tatweel": True,  # U+0640
    "controls": True,  # bidi, zero-width, soft hyphen, BOM
    "alef": True,  # أ إ آ ٱ -> ا
    "alef_maksura": True,  # ى -> ي
    "teh_marbuta": True,  # ة -> ه
    "hamza": False,  # ؤ -> و, ئ -> ي
    "persian_letters": True,  # ی ک ھ ۀ ە ۃ ے ... -> ي ك ه ه ه ة ي (Persian, Urdu shapes)
    "digits": True,  # ٠-٩, ۰-۹, fullwidth ０-９ and mathematical 𝟎-𝟗 -> 0-9
    "spaces": True,  # every Unicode space separator (U+00A0 ...) -> U+0020
    "casefold": False,  # Latin, Greek, Cyrillic ... to case-folded form
}

# Steps whose one-letter-to-one-letter maps are applied with str.replace (frequent letters).
_REPLACE_STEPS = frozenset({"alef", "alef_maksura", "teh_marbuta", "hamza", "persian_letters"})


class Normalizer:
    """A configured normaliser: ``Normalizer(hamza=True)("...")`` returns normalised text.

    Keyword flags switch steps on or off (see :data:`DEFAULT_STEPS`); unknown names and
    non-boolean values are rejected. Instances are callable, picklable, hashable and compare
    equal when their steps are equal.
    """

    __slots__ = ("_steps", "_pattern", "_astral", "_table", "_replacements", "_bytes")

    def __init__(self, **steps: bool) -> None:
        unknown = sorted(set(steps) - set(DEFAULT_STEPS))
        if unknown:
            raise TypeError(
                f"unknown normalisation step(s) {', '.join(unknown)}; "
                f"valid steps: {', '.join(DEFAULT_STEPS)}"
            )
        for name, value in steps.items():
            if not isinstance(value, bool):
                raise TypeError(f"step {name}= must be True or False, got {value!r}")
        self._setup({**DEFAULT_STEPS, **steps})

    def _setup(self, steps: dict[str, bool]) -> None:
        self._steps = steps
        tables = charmap()
        simple = compose(tables[name] for name, enabled in steps.items()
                         if enabled and name in tables)
        table = dict(simple)
        if steps["presentation_forms"]:
            for char, expansion in presentation_forms().items():
                table[char] = "".join(simple.get(c, c) for c in expansion)
        replace_sources = {
            char
            for name in _REPLACE_STEPS
            if steps[name]
            for char in tables.get(name, {})
        }
        self._replacements = tuple((char, table.pop(char)) for char in sorted(replace_sources))
        self._table = table
        bmp = [char for char in table if char <= "\uffff"]
        self._pattern = re.compile(_character_class(bmp)) if bmp else None
        self._astral = any(char > "\uffff" for char in table)
        self._bytes = _codepage.translation(self._reference)

    @property
    def steps(self) -> dict[str, bool]:
        """A copy of the step flags."""
        return dict(self._steps)

    def __call__(self, text: str) -> str:
        if not isinstance(text, str):
            raise TypeError(
                f"normalize expects str, got {type(text).__name__}; decode bytes first"
            )
        raw = self._encode(text)
        if raw is None:
            return self._reference(text)
        return raw.decode(_codepage.CODEC)

    def _encode(self, text: str) -> bytes | None:
        """The byte path: ``self(text)`` as code page 1256 bytes, or ``None`` if it does not apply.

        The tokeniser calls this directly, which saves a decode and an encode.
        """
        if self._bytes is None:
            return None
        raw = _codepage.encode(text)
        return None if raw is None else raw.translate(*self._bytes)

    def _reference(self, text: str) -> str:
        """The reference path: every enabled step, on any text."""
        table = self._table
        if self._pattern is not None:
            text = self._pattern.sub(lambda match: table[match[0]], text)
        if self._astral:
            # One range is tested fast; a class of the many astral sources is not.
            text = _ASTRAL.sub(lambda match: table.get(match[0], match[0]), text)
        for char, replacement in self._replacements:
            if char in text:
                text = text.replace(char, replacement)
        if self._steps["casefold"]:
            text = text.casefold()
        return text

    def __repr__(self) -> str:
        flags = ", ".join(f"{name}={value}" for name, value in self._steps.items())
        return f"Normalizer({flags})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Normalizer):
            return NotImplemented
        return self._steps == other._steps

    def __hash__(self) -> int:
        return hash(tuple(self._steps.items()))

    def __getstate__(self) -> dict[str, bool]:
        return dict(self._steps)

    def __setstate__(self, steps: dict[str, bool]) -> None:
        self._setup({**DEFAULT_STEPS, **steps})


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _character_class(chars) -> str:
    """A regex class of ``chars`` written as ranges (``[ً-ٟ]``): the regex engine tests a
    class of ranges much faster than one of many single characters beyond U+FFFF."""
    points = sorted(map(ord, chars))
    ranges = []
    for point in points:
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    body = "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in ranges
    )
    return f"[{body}]"


def compose(maps: Iterable[dict[str, str]]) -> dict[str, str]:
    """One character map made of ``maps``, where a target that another map changes is
    changed too (ۃ -> ة under persian_letters, then ة -> ه under teh_marbuta: ۃ -> ه).

    The tables are written so that one such round is enough; ``tests/test_normalize.py``
    checks that every target is then left alone.
    """
    merged: dict[str, str] = {}
    for table in maps:
        merged.update(table)
    return {char: "".join(merged.get(c, c) for c in target) for char, target in merged.items()}


@lru_cache(maxsize=32)
def _cached(items: tuple[tuple[str, bool], ...]) -> Normalizer:
    return Normalizer(**dict(items))


def normalize(text: str, **steps: bool) -> str:
    """Return ``text`` normalised; keyword flags switch steps (see :data:`DEFAULT_STEPS`).

    >>> normalize("إلى الـ15 مُدرّسة فى")
    'الي ال15 مدرسه في'
    """
    try:
        normalizer = _cached(tuple(sorted(steps.items())))
    except TypeError:  # an unhashable flag value: let Normalizer explain what is wrong
        normalizer = Normalizer(**steps)
    return normalizer(text)


def normalize_each(words: list[str], normalizer: Normalizer | None) -> list[str]:
    """``[normalizer(word) for word in words]`` in one call (None: the words as they are).
    Every step of a :class:`Normalizer` maps characters one by one and never touches "\n",
    so the words joined by line breaks are normalised at once and split again; the words
    must hold no line break (words or pieces split at whitespace never do)."""
    if not words:
        return []
    joined = "\n".join(words)
    return (joined if normalizer is None else normalizer(joined)).split("\n")
