"""``ar()``'s contract, and why it is needed: the old recipe is wrong on native matplotlib."""

from __future__ import annotations

import arabic_reshaper
import pytest
from bidi.algorithm import get_display
from shaping_reference import (
    MISSING_GLYPH_IS_ERROR,
    load_labels,
    matplotlib_glyphs,
    reference_glyphs,
    styled_font,
)

from arabic_news.plotting.bidi import NATIVE_SHAPING, ar
from arabic_news.plotting.style import ARABIC_FONT_FILE, use_arabic_style

pytestmark = [pytest.mark.rendering, pytest.mark.filterwarnings(MISSING_GLYPH_IS_ERROR)]

HARAKAT = set("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")


@pytest.mark.parametrize("native", [True, False])
@pytest.mark.parametrize(
    "text", ["", "Reuters", "UN Security Council 2254", "(1-2) 45.5% ?!", "x\ny", "Ω ü ß"]
)
def test_text_without_rtl_letters_is_unchanged(text, native):
    assert ar(text, native=native) == text


@pytest.mark.parametrize("value", [b"\xd8\xad", None, 2254, ["حلب"]])
def test_non_str_is_rejected(value):
    with pytest.raises(TypeError, match="takes a str"):
        ar(value)


@pytest.mark.parametrize("label", load_labels())
def test_native_path_is_identity_and_reshaper_path_keeps_lines_and_harakat(label):
    assert ar(label, native=True) == label
    shaped = ar(label, native=False)
    assert shaped.count("\n") == label.count("\n")
    assert sorted(c for c in shaped if c in HARAKAT) == sorted(c for c in label if c in HARAKAT)
    assert "\ufdf2" not in shaped  # no «الله» ligature: most fonts lack it


def test_ar_follows_the_running_matplotlib():
    assert ar("حلب") == ar("حلب", native=NATIVE_SHAPING)
    assert (ar("حلب") == "حلب") is NATIVE_SHAPING


@pytest.mark.skipif(not NATIVE_SHAPING, reason="the old recipe is the right one before 3.11")
@pytest.mark.parametrize("word", ["حلب", "بيروت", "موسكو", "الرياض", "فلسطين"])
def test_old_recipe_reverses_labels_on_native_matplotlib(word):
    """``get_display(reshape(word))`` on matplotlib 3.11: raqm orders the (already visual)
    presentation forms right-to-left again, so the word's FIRST letter ends up LEFTMOST."""
    use_arabic_style()
    font, _ = styled_font()
    old = get_display(arabic_reshaper.reshape(word))
    drawn = [glyph for glyph, _ in matplotlib_glyphs(old, font)]
    right = reference_glyphs(word, ARABIC_FONT_FILE)
    assert drawn != right
    first_letter_form = font.get_char_index(ord(arabic_reshaper.reshape(word)[0]))
    assert drawn[0] == first_letter_form  # leftmost glyph: the word's initial letter
