"""Glyph-level proof: what matplotlib lays out for ``ar(label)`` is what HarfBuzz draws.

For every label of ``tricky_labels.txt`` and each of its lines (matplotlib lays out every line
on its own), the glyph ids matplotlib's layout yields for the line of ``ar(label)`` must equal,
in left-to-right order, the reference of ``shaping_reference``: HarfBuzz shaping the LOGICAL
line with the same font file, runs ordered by the Unicode bidi algorithm (the Rust
unicode-bidi crate, not the pure-Python implementation ``ar()`` uses). Every glyph must come
from the style's first font (no fallback, no last-resort font) and none may be glyph 0.

On matplotlib 3.11 this proves native shaping with Amiri; on 3.10 it proves ``ar()``'s
reshaper path with DejaVu Sans (``style.py`` explains the font choice). The comparison is of
glyph ids only: matplotlib 3.10 cannot apply GPOS positioning (mark offsets, kerning pairs of
the shaper), so positions are not compared on either version.
"""

from __future__ import annotations

import re

import bidi
import bidi.algorithm
import pytest
from shaping_reference import (
    MISSING_GLYPH_IS_ERROR,
    bidi_levels,
    load_labels,
    matplotlib_glyphs,
    reference_glyphs,
    styled_font,
    visual_text,
)

from arabic_news.plotting.bidi import NATIVE_SHAPING, ar
from arabic_news.plotting.style import ARABIC_FONT_FILE, use_arabic_style

pytestmark = [pytest.mark.rendering, pytest.mark.filterwarnings(MISSING_GLYPH_IS_ERROR)]

LABELS = load_labels()
LINES = sorted({line for label in LABELS for line in label.split("\n")})

# Two harakat on one letter (e.g. shadda + fatha in «مُحَمَّد»).
_STACKED_HARAKAT = re.compile("[\u064b-\u0652]{2}")
_STACKED_REASON = (
    "matplotlib < 3.11 reaches glyphs only through the character map; DejaVu Sans draws "
    "shadda + haraka as one required-ligature glyph (rlig) that has no code point, so the "
    "reshaper path draws the two mark glyphs instead (same marks, not stacked)"
)


def _proof_param(label: str):
    stacked = not NATIVE_SHAPING and _STACKED_HARAKAT.search(label)
    marks = [pytest.mark.xfail(strict=True, reason=_STACKED_REASON)] if stacked else []
    return pytest.param(label, id=label.replace("\n", "|"), marks=marks)


@pytest.fixture(scope="module")
def font():
    use_arabic_style()
    font, paths = styled_font()
    assert paths[0] == ARABIC_FONT_FILE, "use_arabic_style() must put ARABIC_FONT_FILE first"
    return font


def test_enough_labels_of_each_kind():
    assert len(LABELS) >= 30
    assert any("\n" in label for label in LABELS)
    assert any(re.search("[A-Za-z]", label) and re.search("[0-9]", label) for label in LABELS)
    assert any(_STACKED_HARAKAT.search(label) for label in LABELS)
    assert any("(" in label for label in LABELS) and any("الله" in label for label in LABELS)


@pytest.mark.parametrize("label", [_proof_param(label) for label in LABELS])
def test_matplotlib_draws_the_reference_glyphs(font, label):
    shown, logical = ar(label).split("\n"), label.split("\n")
    assert len(shown) == len(logical), "ar() must keep the label's lines"
    for shown_line, logical_line in zip(shown, logical, strict=True):
        laid_out = matplotlib_glyphs(shown_line, font)
        assert {path for _, path in laid_out} <= {ARABIC_FONT_FILE}, "a glyph fell back"
        glyphs = [glyph for glyph, _ in laid_out]
        assert 0 not in glyphs, "missing glyph"
        assert glyphs == reference_glyphs(logical_line, ARABIC_FONT_FILE), logical_line


@pytest.mark.parametrize("line", LINES)
def test_reference_bidi_agrees_with_a_second_implementation(line):
    """unicode-bidi's levels equal the pure-Python algorithm's; our L2 ordering equals the
    crate's own reordering (its ``get_display`` does not mirror, nor do we here)."""
    storage = bidi.algorithm.get_empty_storage()
    storage["base_level"] = bidi.algorithm.get_base_level(line)
    storage["base_dir"] = ("L", "R")[storage["base_level"]]
    bidi.algorithm.get_embedding_levels(line, storage)
    for rule in ("explicit_embed_and_overrides", "resolve_weak_types",
                 "resolve_neutral_types", "resolve_implicit_levels"):
        getattr(bidi.algorithm, rule)(storage, False)
    assert [char["level"] for char in storage["chars"]] == bidi_levels(line)
    assert visual_text(line) == bidi.get_display(line)
