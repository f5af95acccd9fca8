"""Normaliser: one table of cases per step, the seeds' traps, and properties on any Unicode."""

import pickle
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabic_news import Normalizer, normalize
from arabic_news.text import _codepage
from arabic_news.text._tables import charmap, parse_charmap, presentation_forms
from arabic_news.text.normalize import DEFAULT_STEPS

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# step, raw text, expected with default steps, expected with only that step switched off
STEP_CASES = [
    ("diacritics", "مُدَرِّسَةٌ", "مدرسه", "مُدَرِّسَهٌ"),
    ("diacritics", "جداً", "جدا", "جداً"),
    ("diacritics", "رحمٰن", "رحمن", "رحمٰن"),
    ("tatweel", "الـ15 جـــدا", "ال15 جدا", "الـ15 جـــدا"),
    ("controls", "ab\u200fc\u202bد\u200bه\ufeff", "abcده", "ab\u200fc\u202bد\u200bه\ufeff"),
    ("alef", "أحمد إلى آخر ٱسم", "احمد الي اخر اسم", "أحمد إلي آخر ٱسم"),
    ("alef_maksura", "فى على", "في علي", "فى على"),
    ("teh_marbuta", "مدينة", "مدينه", "مدينة"),
    ("persian_letters", "کی ھذا", "كي هذا", "کی ھذا"),
    ("persian_letters", "مدرسۀ مدرسە مدرسۃ ہو بے ڪان", "مدرسه مدرسه مدرسه هو بي كان",
     "مدرسۀ مدرسە مدرسۃ ہو بے ڪان"),
    ("digits", "٢٠١٦ ۱۲", "2016 12", "٢٠١٦ ۱۲"),
    ("digits", "２０１６ 𝟏𝟐 𝟶", "2016 12 0", "２０１６ 𝟏𝟐 𝟶"),
    ("spaces", "a\u00a0b\u2009c\u3000d", "a b c d", "a\u00a0b\u2009c\u3000d"),
    ("presentation_forms", "ﻻ ﻷ ﷲ ﻫﺬﺍ", "لا لا الله هذا", "ﻻ ﻷ ﷲ ﻫﺬﺍ"),
    # mathematical letters: initial beh, looped heh, stretched teh (U+1EE00 block)
    ("presentation_forms", "\U0001EE21\U0001EE84\U0001EE75", "بهت",
     "\U0001EE21\U0001EE84\U0001EE75"),
]


@pytest.mark.parametrize(("step", "raw", "on", "off"), STEP_CASES)
def test_each_step_by_default_and_switched_off(step, raw, on, off):
    assert normalize(raw) == on
    assert normalize(raw, **{step: False}) == off


@pytest.mark.parametrize(
    ("raw", "expected"), [("مسؤول", "مسوول"), ("رئيس", "رييس"), ("سائل", "سايل")]
)
def test_hamza_on_waw_and_yeh_kept_by_default_and_foldable(raw, expected):
    assert normalize(raw) == raw
    assert normalize(raw, hamza=True) == expected


def test_casefold_is_off_by_default():
    assert normalize("BBC Москва") == "BBC Москва"
    assert normalize("BBC Москва", casefold=True) == "bbc москва"


@pytest.mark.parametrize(
    "text", ["Latin words", "Привет мир", "北京 東京", "😀👍🏽", "שלום", "café"]
)
def test_other_scripts_are_kept(text):
    assert normalize(text) == text


def test_every_unicode_space_separator_becomes_a_space():
    every = list(map(chr, range(0x110000)))
    spaces = [c for c in every if unicodedata.category(c) == "Zs"]
    assert len(spaces) >= 17
    assert normalize("".join(spaces)) == " " * len(spaces)


def test_table_rows_have_the_categories_their_step_promises():
    table = charmap()
    assert {unicodedata.category(c) for c in table["diacritics"]} == {"Mn"}
    assert {unicodedata.category(c) for c in table["controls"]} == {"Cf"}
    assert {unicodedata.category(c) for c in table["spaces"]} == {"Zs"}
    assert all(unicodedata.digit(c) == int(t) for c, t in table["digits"].items())


def test_every_mapping_output_is_a_fixed_point():
    n = Normalizer(hamza=True, casefold=True)
    outputs = [t for step in charmap().values() for t in step.values()]
    outputs += list(presentation_forms().values())
    for output in outputs:
        assert n(n(output)) == n(output)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufdf2", "الله"),
        ("\ufefb", "لا"),
        ("\ufef7", "لا"),
        ("\ufdfa", "صلي الله عليه وسلم"),
        ("\ufe70", " "),  # isolated fathatan decomposes to space + mark; the mark is removed
        ("\ufdfd", "\ufdfd"),  # the basmala ligature has no decomposition: kept, a symbol
    ],
)
def test_presentation_forms_ligatures(raw, expected):
    assert normalize(raw) == expected


def test_seed_traps():
    text = (SEEDS / "001_887d7dc72d5a122c.txt").read_text(encoding="utf-8")
    first = (SEEDS / "000_18535250bd557d73.txt").read_text(encoding="utf-8")
    assert "\u00a0" in text + first
    for out in (normalize(text), normalize(first)):
        assert "\u00a0" not in out
        assert "\u0651" not in out and "\u0640" not in out
        assert " فى " not in out
    assert "الـ15" in text and "ال15" in normalize(text)
    assert "“داعش”" in normalize(text)  # curly quotes are punctuation: kept by the normaliser
    assert "بصد هجوم" in normalize(first)  # بصدّ with shadda


def test_normalizer_object_validates_and_describes_itself():
    with pytest.raises(TypeError, match="unknown normalisation step.*diacritcs"):
        Normalizer(diacritcs=False)
    with pytest.raises(TypeError, match="hamza= must be True or False"):
        Normalizer(hamza="yes")
    with pytest.raises(TypeError, match="digits= must be True or False"):
        normalize("x", digits=[1])
    with pytest.raises(TypeError, match="decode bytes first"):
        normalize(b"abc")
    text = repr(Normalizer(hamza=True))
    assert text.startswith("Normalizer(") and "hamza=True" in text
    assert all(f"{name}=" in text for name in DEFAULT_STEPS)


def test_normalizer_pickles_and_compares_by_steps():
    n = Normalizer(hamza=True, digits=False)
    clone = pickle.loads(pickle.dumps(n))
    assert clone == n and hash(clone) == hash(n) and clone != Normalizer()
    assert clone("مسؤول ٣") == "مسوول ٣"
    assert n.steps == {**DEFAULT_STEPS, "hamza": True, "digits": False}


def test_charmap_errors_name_the_line():
    with pytest.raises(ValueError, match="t.tsv line 2: expected 3"):
        parse_charmap("# c\nalef\t0623\n", "t.tsv")
    with pytest.raises(ValueError, match="line 1: bad code point field 'zz'"):
        parse_charmap("alef\tzz\t0627\n")
    with pytest.raises(ValueError, match="line 1: target range and source range differ"):
        parse_charmap("digits\t0660..0669\t0030..0031\n")


steps = st.fixed_dictionaries({name: st.booleans() for name in DEFAULT_STEPS})
arabicish = st.text(
    st.one_of(
        st.characters(min_codepoint=0x600, max_codepoint=0x6FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.characters(min_codepoint=0x1EE00, max_codepoint=0x1EEFF),
        st.characters(min_codepoint=0xFF10, max_codepoint=0xFF19),
        st.characters(min_codepoint=0x1D7CE, max_codepoint=0x1D7FF),
        st.sampled_from("\u00a0\u200f ٠9aЖ😀"),
    )
)


@given(text=st.one_of(st.text(), arabicish))
def test_default_normalizer_is_idempotent_and_never_raises(text):
    once = normalize(text)
    assert normalize(once) == once


@given(text=st.one_of(st.text(), arabicish), flags=steps)
def test_any_step_combination_is_idempotent(text, flags):
    n = Normalizer(**flags)
    assert n(n(text)) == n(text)


# Text the code-page byte path handles (cp1256 characters) with a few that force the fallback.
codepage_text = st.text(st.sampled_from(_codepage.CHARS + "ﻷ٢۱ی\u202bß😀"))


def test_default_normalizer_has_a_byte_path_and_casefold_has_none():
    assert Normalizer()._bytes is not None
    assert Normalizer(casefold=True)._bytes is None  # µ folds to Greek μ, outside cp1256


@given(text=st.one_of(codepage_text, arabicish), flags=steps)
def test_byte_path_equals_the_reference_path(text, flags):
    n = Normalizer(**flags)
    assert n(text) == n._reference(text)
    raw = n._encode(text)
    assert raw is None or raw.decode(_codepage.CODEC) == n._reference(text)


def test_byte_path_is_taken_for_code_page_text():
    text = "قال «الرئيس»، إن الـ15 مُدرّسة فى 2016… G20 café\u00a0–\u200f"
    assert Normalizer()._encode(text) is not None
    expected = "قال «الرئيس»، ان ال15 مدرسه في 2016… G20 café –"
    assert normalize(text) == Normalizer()._reference(text) == expected


# --- letters of other alphabets typed for Arabic ones (issue 16) --------------------------

def test_teh_marbuta_goal_is_a_teh_marbuta_whatever_the_steps():
    # ۃ is the Urdu teh marbuta: it follows ة, folded to ه only where ة is.
    assert normalize("مدرسۃ") == normalize("مدرسة") == "مدرسه"
    assert normalize("مدرسۃ", teh_marbuta=False) == "مدرسة"
    assert normalize("مدرسۃ", persian_letters=False) == "مدرسۃ"
    assert normalize("ۓ", hamza=True) == "ي" and normalize("ۓ") == "ئ"


flags = st.fixed_dictionaries({name: st.booleans() for name in DEFAULT_STEPS})


@given(flags=flags)
def test_alef_maksura_never_becomes_alef(flags):
    n = Normalizer(**flags)
    assert n("على") != n("علا") and n("ى") != n("ا")


@given(number=st.integers(min_value=0, max_value=10**12))
def test_fullwidth_and_mathematical_digits_read_as_the_number(number):
    written = str(number)
    for zero in (0xFF10, 0x1D7CE, 0x1D7F6):
        other = "".join(chr(zero + int(d)) for d in written)
        assert normalize(other) == written


_DELETED = {c for step in ("diacritics", "tatweel", "controls") for c in charmap()[step]}


@given(text=st.one_of(st.text(), arabicish))
def test_no_character_is_lost_that_should_be_kept(text):
    # Only the deletion steps delete: every other character leaves at least one character,
    # so a letter or a digit can never vanish. A presentation form of a mark alone (U+FE77,
    # tatweel + fatha) is a mark, and goes as the mark does.
    for char in text:
        marks_only = set(unicodedata.normalize("NFKC", char)) <= _DELETED
        if not marks_only:
            assert normalize(char) != "", repr(char)


@given(text=arabicish)
def test_mathematical_letters_read_as_their_base_letter(text):
    nfkc = "".join(
        unicodedata.normalize("NFKC", c) if 0x1EE00 <= ord(c) <= 0x1EEFF else c for c in text
    )
    assert normalize(text) == normalize(nfkc)
