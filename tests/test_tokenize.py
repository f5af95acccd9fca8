"""Tokeniser: case table, seeds' traps, script classes and properties on any Unicode."""

import unicodedata
from importlib import import_module
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabic_news import Normalizer, tokenize
from arabic_news.text import _codepage
from arabic_news.text._charclass import ASTRAL, BMP

tokenize_module = import_module("arabic_news.text.tokenize")
SEEDS = Path(__file__).resolve().parents[1] / "seeds"

CASES = [
    ("قال الرئيس، إن «الحرب» انتهت؛ هل؟", ["قال", "الرئيس", "ان", "الحرب", "انتهت", "هل"]),
    ("“داعش” و\"النصرة\"", ["داعش", "و", "النصره"]),
    ("الـ15", ["ال", "15"]),
    ("و2016 و٢٠١٦ 2018م", ["و", "2016", "و", "2016", "2018", "م"]),
    ("قمة G20 وCOVID-19", ["قمه", "G20", "و", "COVID", "19"]),
    ("3.5% و1,000$", ["3", "5", "و", "1", "000"]),
    ("نفّذت مُدرّسة", ["نفذت", "مدرسه"]),
    ("Привет, мир! 北京。", ["Привет", "мир", "北京"]),
    ("😀 شكرا👍🏽 ❤️", ["شكرا"]),
    ("snake_case a–b a—b (x) [y] {z}", ["snake", "case", "a", "b", "a", "b", "x", "y", "z"]),
    ("ﻻ ﷲ", ["لا", "الله"]),
    ("\u200fحلب\u200e", ["حلب"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_tokenize_cases(text, expected):
    assert tokenize(text) == expected


def test_without_normalizer_diacritics_stay_inside_the_word():
    assert tokenize("نفّذت الـ15", normalizer=None) == ["نفّذت", "الـ", "15"]


def test_custom_normalizer_is_used():
    assert tokenize("رئيس", normalizer=Normalizer(hamza=True)) == ["رييس"]
    assert tokenize("abc", normalizer=str.upper) == ["ABC"]


def test_numbers_and_latin_can_be_dropped():
    text = "قمة G20 عام 2016 و١٥ BBC Москва ½"
    assert tokenize(text, numbers=False) == ["قمه", "G20", "عام", "و", "BBC", "Москва"]
    assert tokenize(text, latin=False) == ["قمه", "عام", "2016", "و", "15", "Москва", "½"]
    assert tokenize("café naïve", latin=False) == []


def test_astral_text_uses_the_full_classes():
    # an astral letter (CJK ext. B) is a token; an astral emoji separates tokens
    assert tokenize("سلام😀عليكم 𠀋字") == ["سلام", "عليكم", "𠀋字"]
    assert tokenize("x𝐀y") == ["x𝐀y"]  # mathematical bold A is a letter


def test_a_mark_never_starts_a_token():
    assert tokenize("\u0301abc \ufe0f") == ["\u0301abc".removeprefix("\u0301")]


def test_bad_arguments():
    with pytest.raises(TypeError, match="decode bytes first"):
        tokenize(b"x")
    with pytest.raises(TypeError, match="normalizer must be"):
        tokenize("x", normalizer="default")


def test_seed_tokens():
    first = tokenize((SEEDS / "000_18535250bd557d73.txt").read_text(encoding="utf-8"))
    second = tokenize((SEEDS / "001_887d7dc72d5a122c.txt").read_text(encoding="utf-8"))
    assert "في" in first and "فى" not in first + second
    assert "بصد" in first and "حلبز" in first  # the typo is a word like any other
    assert "elmaouid" in second and "داعش" in second
    pairs = list(zip(second, second[1:], strict=False))
    assert ("ال", "15") in pairs  # اعضائه الـ15
    assert "\u00a0" not in "".join(first + second)


def test_no_letters_marks_or_numbers_outside_the_scanned_planes():
    planes = BMP + ASTRAL
    outside = [
        hex(point)
        for point in range(0x110000)
        if unicodedata.category(chr(point))[0] in "LMN"
        and not any(low <= point <= high for low, high in planes)
    ]
    assert outside == []


def _is_separator(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PSZC"


@given(st.text())
def test_tokens_are_words_of_the_normalised_text(text):
    normalised = Normalizer()(text)
    for normalizer in (Normalizer(), None):
        tokens = tokenize(text, normalizer=normalizer)
        source = normalised if normalizer else text
        for token in tokens:
            assert token and not any(_is_separator(c) for c in token)
            assert token in source


@given(st.text(st.characters(max_codepoint=0xFFFF)))
def test_fast_and_full_patterns_agree_on_bmp_text(text):
    fast = tokenize_module._bmp_pattern().findall(text)
    assert fast == tokenize_module._full_pattern().findall(text)


# Text the byte fast path handles (cp1256 characters, harakat included) with a few that force
# the fallback (Arabic-Indic digits, presentation forms, Cyrillic, emoji, a combining accent).
codepage_text = st.text(st.sampled_from(_codepage.CHARS + "٢ﻷЖ😀\u0301"))


@given(codepage_text)
def test_byte_fast_path_equals_the_pattern(text):
    raw = _codepage.encode(text)
    fast = None if raw is None else tokenize_module._split_encoded(raw)
    assert fast is None or fast == tokenize_module._full_pattern().findall(text)


@given(codepage_text, st.sampled_from([Normalizer(), Normalizer(diacritics=False), None]))
def test_tokenize_equals_the_reference_pipeline(text, normalizer):
    source = text if normalizer is None else normalizer._reference(text)
    assert tokenize(text, normalizer=normalizer) == tokenize_module._full_pattern().findall(source)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ال15 15م ب1ب2ج G20ب", ["ال", "15", "15", "م", "ب", "1", "ب", "2", "ج", "G20", "ب"]),
        ("é«ب»1…x\tµ", ["é", "ب", "1", "x", "µ"]),
    ],
)
def test_byte_fast_path_on_script_changes(text, expected):
    assert tokenize_module._split_encoded(_codepage.encode(text)) == expected
    assert tokenize_module._bmp_pattern().findall(text) == expected


def test_byte_fast_path_leaves_harakat_to_the_pattern():
    # a haraka continues an Arabic token but never starts one: the pattern decides
    assert tokenize_module._split_encoded(_codepage.encode("بَ 1ُ")) is None
    assert tokenize("بَ 1ُ", normalizer=None) == ["بَ", "1"]


# Long texts are cut into pieces (issue 9, case 14). A small piece size lets hypothesis reach
# the cuts with short texts; words, spaces and line breaks make cuts likely.
piece_text = st.lists(
    st.one_of(codepage_text, st.sampled_from([" ", "\n", "  ", " \n", "حلب", "G20"])),
    max_size=40,
).map("".join)


@given(piece_text, st.sampled_from([Normalizer(), Normalizer(casefold=True), None, str.upper]),
       st.integers(min_value=1, max_value=12))
def test_long_texts_cut_into_pieces_give_the_reference_tokens(text, normalizer, size):
    source = text if normalizer is None else (
        normalizer._reference(text) if isinstance(normalizer, Normalizer) else normalizer(text))
    reference = tokenize_module._full_pattern().findall(source)
    original = tokenize_module.CHUNK
    tokenize_module.CHUNK = size
    try:
        assert tokenize(text, normalizer=normalizer) == reference
    finally:
        tokenize_module.CHUNK = original


def test_pieces_cover_the_text_and_cut_before_spaces():
    text = "ا" * 10 + " ب\nج" * 20
    pieces = list(tokenize_module._pieces(text, 7))
    assert "".join(pieces) == text
    assert all(piece[0] in " \n" for piece in pieces[1:])
    assert list(tokenize_module._pieces("x" * 50, 7)) == ["x" * 50]


def test_one_rare_character_leaves_the_other_pieces_on_the_fast_path(monkeypatch):
    words = ["حلب", "دمشق", "الموصل", "مجلس", "الامن"] * 40_000
    text = " ".join(words)
    rare = len(text) // 2
    text = text[:rare] + "ڤ" + text[rare:]  # U+06A4 is outside code page 1256
    calls = {"pattern": 0, "pieces": 0}
    real_tokens = tokenize_module._tokens

    def counting(piece, normalizer):
        calls["pieces"] += 1
        if _codepage.encode(piece) is None:
            calls["pattern"] += 1
        return real_tokens(piece, normalizer)

    monkeypatch.setattr(tokenize_module, "_tokens", counting)
    tokens = tokenize(text)
    assert calls["pieces"] >= 10 and calls["pattern"] == 1
    assert tokens == tokenize_module._full_pattern().findall(Normalizer()._reference(text))
