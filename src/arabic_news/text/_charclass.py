"""Character classes of the tokeniser, computed from :mod:`unicodedata` on first use.

A token is a maximal run of letters, marks and digits of one "side": Arabic letters and marks
on one side, letters, marks and numbers of every other script (digits included) on the other.
A token starts with a letter or number, never with a mark, so a lone variation selector after
an emoji is not a token.

The classes are built as sorted lists of inclusive code-point intervals: the general category
of every code point is read at C speed (``"".join(map(unicodedata.category, ...))``) and runs
are found with a regular expression, which keeps the first call near 50 ms.
"""

import re
import unicodedata
from functools import cache

Intervals = list[tuple[int, int]]

#: Unicode blocks whose letters and marks count as Arabic.
ARABIC_BLOCKS = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x089F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x1EE00, 0x1EEFF),
)
#: Blocks of combining marks shared by all scripts: they continue a token of either side.
SHARED_MARK_BLOCKS = (
    (0x0300, 0x036F),
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0xFE00, 0xFE0F),
    (0xFE20, 0xFE2F),
    (0xE0100, 0xE01EF),
)
#: Blocks of the Latin script (Basic Latin to Latin Extended-G, IPA, ligatures, fullwidth).
LATIN_BLOCKS = (
    (0x0000, 0x02AF),
    (0x1D00, 0x1DBF),
    (0x1E00, 0x1EFF),
    (0x2C60, 0x2C7F),
    (0xA720, 0xA7FF),
    (0xAB30, 0xAB6F),
    (0xFB00, 0xFB06),
    (0xFF21, 0xFF5A),
    (0x10780, 0x107BF),
    (0x1DF00, 0x1DFFF),
)
BMP = ((0x0000, 0xFFFF),)
#: Outside these planes Unicode (up to 15.1) assigns no letters, marks or numbers.
ASTRAL = ((0x10000, 0x3FFFF), (0xE0000, 0xE0FFF))


def _runs(planes, kinds: str) -> Intervals:
    """Intervals of code points in ``planes`` whose category starts with one of ``kinds``."""
    found: Intervals = []
    for first, last in planes:
        # category strings are two letters long: every second one is the major class
        initials = "".join(map(unicodedata.category, map(chr, range(first, last + 1))))[::2]
        found += [
            (first + m.start(), first + m.end() - 1)
            for m in re.finditer(f"[{kinds}]+", initials)
        ]
    return found


def _intersect(a: Intervals, b) -> Intervals:
    """Intersection of two sorted lists of disjoint inclusive intervals."""
    out, i, j = [], 0, 0
    b = sorted(b)
    while i < len(a) and j < len(b):
        low, high = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if low <= high:
            out.append((low, high))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def _subtract(a: Intervals, b: Intervals) -> Intervals:
    """``a`` minus ``b`` for sorted lists of disjoint inclusive intervals."""
    out = []
    for low, high in a:
        for cut_low, cut_high in b:
            if cut_high < low or cut_low > high:
                continue
            if cut_low > low:
                out.append((low, cut_low - 1))
            low = cut_high + 1
            if low > high:
                break
        if low <= high:
            out.append((low, high))
    return out


def _union(*parts: Intervals) -> Intervals:
    merged: Intervals = []
    for low, high in sorted(interval for part in parts for interval in part):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _class(intervals: Intervals) -> str:
    """A regex character class body (without brackets) matching exactly ``intervals``."""
    return "".join(
        f"\\U{low:08x}" if low == high else f"\\U{low:08x}-\\U{high:08x}"
        for low, high in intervals
    )


@cache
def token_intervals(planes=BMP) -> dict[str, Intervals]:
    """Intervals ``arabic_start, arabic_body, other_start, other_body, latin`` in ``planes``."""
    letters, marks, numbers = _runs(planes, "L"), _runs(planes, "M"), _runs(planes, "N")
    arabic_letters = _intersect(letters, ARABIC_BLOCKS)
    arabic = _union(arabic_letters, _intersect(marks, ARABIC_BLOCKS))
    shared_marks = _intersect(marks, SHARED_MARK_BLOCKS)
    return {
        "arabic_start": arabic_letters,
        "arabic_body": _union(arabic, shared_marks),
        "other_start": _union(_subtract(letters, arabic), numbers),
        "other_body": _union(_subtract(_union(letters, marks), arabic), numbers),
        "latin": _intersect(letters, LATIN_BLOCKS),
    }


def token_classes(planes=BMP) -> dict[str, str]:
    """The same classes as regex character-class bodies."""
    return {name: _class(value) for name, value in token_intervals(planes).items()}


def token_regex(planes=BMP) -> str:
    """The tokeniser's pattern for text whose characters all lie in ``planes``."""
    c = token_classes(planes)
    return (
        f"[{c['arabic_start']}][{c['arabic_body']}]*"
        f"|[{c['other_start']}][{c['other_body']}]*"
    )
