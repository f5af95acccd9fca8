"""Read the character tables behind the normaliser.

Tables are data: ``data/charmap.tsv`` holds the hand-written steps, and the presentation-form
table is derived from :mod:`unicodedata` so it always matches the running Python's Unicode.
"""

import hashlib
import unicodedata
from functools import cache
from importlib.resources import files

#: Arabic presentation forms A and B, and the Arabic mathematical alphabetic symbols.
PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF), (0x1EE00, 0x1EEFF))


def _code_points(field: str, where: str) -> list[int]:
    """Expand ``"0629"`` or ``"064B..065F"`` into code points."""
    try:
        if ".." in field:
            first, last = (int(part, 16) for part in field.split(".."))
            if last < first:
                raise ValueError("range runs backwards")
            return list(range(first, last + 1))
        return [int(field, 16)]
    except ValueError as exc:
        raise ValueError(f"{where}: bad code point field {field!r} ({exc})") from None


def _targets(field: str, sources: list[int], where: str) -> list[str]:
    """The replacement string for each source code point of one table row."""
    if field == "-":
        return [""] * len(sources)
    if ".." in field:
        points = _code_points(field, where)
        if len(points) != len(sources):
            raise ValueError(f"{where}: target range and source range differ in length")
        return [chr(p) for p in points]
    text = "".join(chr(p) for part in field.split() for p in _code_points(part, where))
    return [text] * len(sources)


def parse_charmap(text: str, name: str = "charmap.tsv") -> dict[str, dict[str, str]]:
    """Parse the TSV table into ``{step: {source_char: replacement}}``."""
    steps: dict[str, dict[str, str]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{name} line {number}"
        fields = line.split("\t")
        if len(fields) != 3:
            raise ValueError(f"{where}: expected 3 TAB-separated fields, found {len(fields)}")
        step, source, target = (field.strip() for field in fields)
        sources = _code_points(source, where)
        for point, replacement in zip(sources, _targets(target, sources, where), strict=True):
            steps.setdefault(step, {})[chr(point)] = replacement
    return steps


def _charmap_text() -> str:
    return files("arabic_news.text").joinpath("data/charmap.tsv").read_text(encoding="utf-8")


@cache
def charmap() -> dict[str, dict[str, str]]:
    """The packaged table, parsed once."""
    return parse_charmap(_charmap_text())


@cache
def charmap_digest() -> str:
    """SHA-256 of the packaged table and of the Unicode version the derived tables come
    from: what a cache of normalised text depends on besides the steps switched on."""
    text = f"{unicodedata.unidata_version}\n{_charmap_text()}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def presentation_forms() -> dict[str, str]:
    """Arabic presentation forms mapped to their NFKC compatibility decomposition.

    Contextual letter shapes become the base letter (ﻫ → ه), lam-alef ligatures become two
    letters (ﻷ → لأ), ﷲ becomes الله and word ligatures such as ﷺ become the phrase they
    abbreviate. The mathematical letters (𞸀 𞸨 ..., U+1EE00 block) become the base letter.
    Code points without a decomposition (ornate parentheses, ﷽) are left alone.
    """
    table = {}
    for first, last in PRESENTATION_RANGES:
        for point in range(first, last + 1):
            char = chr(point)
            decomposed = unicodedata.normalize("NFKC", char)
            if decomposed != char:
                table[char] = decomposed
    return table
