"""Encoding detection and line-ending normalisation of corpus files."""

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabic_news.corpus.encoding import decode_bytes
from arabic_news.errors import CorpusError

ARABIC = "روسيا تقف سدا في وجه تسلل الإرهابيين، «قال» لافروف: ١٧ نوفمبر."

# Arabic words (two letters or more) and separators that Windows-1256 can encode. A text
# made only of single letters followed by punctuation can also be valid UTF-8 (b"\xc2\xba"
# is both "آ؛" and "º"); real Arabic prose always has adjacent letters, which UTF-8 rejects.
arabic_word = st.text(st.sampled_from("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإةى"), min_size=2)
separator = st.sampled_from([" ", "، ", "؛ ", "؟\n", " 2016 ", "\n\n"])
cp1256_text = st.lists(st.tuples(arabic_word, separator), min_size=1).map(
    lambda pairs: "".join(word + sep for word, sep in pairs)
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ARABIC.encode("utf-8"), ARABIC),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), ARABIC),
        (codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"), ARABIC),
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), ARABIC),
        ("سطر أول\r\nسطر ثان\rثالث\n".encode("cp1256"), "سطر أول\nسطر ثان\nثالث\n"),
        (b"plain ASCII\r\n", "plain ASCII\n"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1256-crlf-cr", "ascii"],
)
def test_decodes_supported_encodings(data, expected):
    assert decode_bytes(data, "a.txt") == expected


def test_bom_is_removed_only_at_the_start():
    data = codecs.BOM_UTF8 + "أ\ufeffب".encode()
    assert decode_bytes(data, "a.txt") == "أ\ufeffب"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "a.txt: empty file"),
        (codecs.BOM_UTF8 + b" \r\n\t", "a.txt: empty file"),
        (ARABIC.encode("utf-16-le"), "a.txt: binary file (contains NUL bytes"),
        (bytes(range(1, 8)) * 20 + b"abc", "a.txt: binary file (140 of 143 bytes"),
        ("café crème brûlée".encode("latin-1"), "a.txt: undecodable bytes at line 1 (byte 3)"),
        (b"ok\nok\n\x80 \x89 \x99 \xa9", "a.txt: undecodable bytes at line 3"),
        (codecs.BOM_UTF8 + b"\xff\xfe", "a.txt: undecodable bytes: the file starts with a UTF-8"),
    ],
    ids=["empty", "blank", "utf16-no-bom", "controls", "latin1", "cp1256-not-arabic", "bad-bom"],
)
def test_bad_bytes_raise_with_file_and_reason(data, message):
    with pytest.raises(CorpusError) as caught:
        decode_bytes(data, "a.txt")
    assert str(caught.value).startswith(message)


printable = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff")
    | st.sampled_from("\t\n\r"),
    min_size=1,
).filter(str.strip)


@given(printable, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_unicode_round_trip_modulo_line_endings(text, codec):
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    assert decode_bytes(text.encode(codec), "f") == expected


@given(cp1256_text)
def test_windows_1256_arabic_round_trips(text):
    assert decode_bytes(text.encode("cp1256"), "f") == text
