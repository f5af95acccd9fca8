"""``ar(text)``: the string to give matplotlib so that Arabic ``text`` displays correctly.

matplotlib 3.11 and later lay text out with libraqm (HarfBuzz shaping plus the Unicode bidi
algorithm): there the logical string is already right, and the old recipe
``get_display(reshape(text))`` would reverse it. Older matplotlib draws code points one by one,
left to right: there each Arabic letter must first be replaced by its contextual presentation
form (arabic-reshaper) and each line put in visual order (the pure-Python bidi algorithm of
python-bidi, which also mirrors brackets).

A letter that stands alone is given as its ordinary code point rather than its "isolated"
presentation form: that is the glyph a shaping engine draws for an unjoined letter, the
presentation-form duplicate may be drawn differently or be missing, and it lets the tests
prove the older path glyph by glyph (see ``tests/rendering``).
"""

from __future__ import annotations

import re

import arabic_reshaper
from bidi.algorithm import get_display
from matplotlib import ft2font

#: True when the running matplotlib shapes and orders complex scripts itself (3.11+).
NATIVE_SHAPING: bool = hasattr(ft2font, "__libraqm_version__")

# Right-to-left letters (Arabic, Syriac, Thaana, N'Ko, Hebrew and their presentation forms).
_RTL = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")

# Keep harakat (they are part of what the author wrote), do not emit the ligature U+FDF2 for
# «الله» (many fonts lack it and would draw a box), and use the ordinary letter for an
# unjoined one (see the module docstring).
_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={
        "delete_harakat": False,
        "ARABIC LIGATURE ALLAH": False,
        "use_unshaped_instead_of_isolated": True,
    }
)


def visual_line(line: str) -> str:
    """One line reshaped into presentation forms and put in left-to-right display order."""
    return get_display(_RESHAPER.reshape(line))


def ar(text: str, *, native: bool | None = None) -> str:
    """Return ``text`` ready for matplotlib: unchanged where matplotlib shapes natively, else
    reshaped and reordered line by line. Text without right-to-left letters is never changed.

    ``native`` overrides the detection of the running matplotlib (for tests and previews).
    """
    if not isinstance(text, str):
        raise TypeError(f"ar() takes a str, got {type(text).__name__}; convert it with str() first")
    if native is None:
        native = NATIVE_SHAPING
    if native or not _RTL.search(text):
        return text
    return "\n".join(visual_line(line) for line in text.split("\n"))
