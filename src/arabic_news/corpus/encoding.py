"""Turn the bytes of one corpus file into text, detecting the encoding.

The detector is small, hand-written and deterministic, on purpose. The corpora this project
meets come in a handful of encodings only: UTF-8 (with or without a BOM), UTF-16 and UTF-32
with a BOM, and Windows-1256 (legacy Arabic). Generic detectors (chardet, charset-normalizer)
guess among dozens of code pages from statistics and, on short Arabic texts, confuse
Windows-1256 with ISO-8859-6 or Cyrillic pages; a wrong guess silently yields mojibake. Here
the decision is a fixed sequence of checks, each of which can be explained in an error message:

1. a byte-order mark decides (UTF-8, UTF-32 LE, UTF-32 BE, UTF-16 LE, UTF-16 BE; the UTF-32
   LE mark ``FF FE 00 00`` begins with the UTF-16 LE one, so it is tested first);
2. NUL bytes or many control bytes without a BOM mean a binary file;
3. strict UTF-8;
4. Windows-1256, accepted only when the text it yields is plausible: most non-ASCII
   characters are Arabic, and no Latin-1 letter (à â ç è é ê ë î ï ...) touches an Arabic
   letter. Real Windows-1256 text mixes Arabic and French in separate words; ISO-8859-6
   (Arabic in another layout) read as Windows-1256 puts those Latin letters inside Arabic
   words (``رèسêا تâل``). Such a file is refused, with a hint when it reads as ISO-8859-6.

A text that passes none of these is an error naming the file: never a guess.
"""

import codecs
import re

from arabic_news.errors import CorpusError, NoTextError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 control bytes other than tab, LF, VT, FF, CR; plus DEL. Text files hardly ever hold them.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_MAX_CONTROL_RATIO = 0.05

# A Windows-1256 reading counts as Arabic when at least this share of its non-ASCII
# characters are in the Arabic blocks (letters, digits, punctuation, presentation forms).
_MIN_ARABIC_RATIO = 0.6
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# A Latin-1 letter directly before or after an Arabic letter: mojibake, not text.
_ARABIC_LETTER = "\u0621-\u064a"
_LATIN1_LETTER = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
_GLUED = re.compile(
    f"[{_ARABIC_LETTER}][{_LATIN1_LETTER}]|[{_LATIN1_LETTER}][{_ARABIC_LETTER}]"
)


def decode_bytes(data: bytes, where: str) -> str:
    """Decode one file's bytes to text with line endings normalised to ``\\n``.

    ``where`` names the file in error messages. A leading BOM is removed. Raises
    :class:`NoTextError` for an empty file and :class:`CorpusError` for a binary file or
    bytes that are neither UTF-8, UTF-16/32 with a BOM, nor plausible Windows-1256 Arabic.
    """
    text = _decode(data, where)
    if not text.strip():
        raise NoTextError(f"{where}: empty file (no text after decoding)")
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    """Replace CRLF and lone CR line endings with LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, where: str) -> str:
    if not data:
        raise NoTextError(f"{where}: empty file (0 bytes)")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec, where)
    _reject_binary(data, where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        return _windows_1256(data, utf8_error, where)


def _strict(data: bytes, codec: str, where: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise CorpusError(
            f"{where}: undecodable bytes: the file starts with a {codec.upper()} byte-order "
            f"mark but byte {error.start} is invalid {codec.upper()}; re-save it in UTF-8"
        ) from None


def _reject_binary(data: bytes, where: str) -> None:
    if b"\x00" in data:
        raise CorpusError(
            f"{where}: binary file (contains NUL bytes; if it is UTF-16 text, save it with a "
            "byte-order mark or as UTF-8)"
        )
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_RATIO * len(data):
        raise CorpusError(
            f"{where}: binary file ({controls} of {len(data)} bytes are control characters)"
        )


def _windows_1256(data: bytes, utf8_error: UnicodeDecodeError, where: str) -> str:
    text = data.decode("cp1256", errors="replace")
    if _plausible_arabic(text):
        return text
    line = data.count(b"\n", 0, utf8_error.start) + 1
    hint = ""
    try:
        if _plausible_arabic(data.decode("iso-8859-6")):
            hint = " It reads as ISO-8859-6 Arabic, which is not accepted: convert it with " \
                   "iconv -f ISO-8859-6 -t UTF-8."
    except UnicodeDecodeError:
        pass
    raise CorpusError(
        f"{where}: undecodable bytes at line {line} (byte {utf8_error.start}): not UTF-8, "
        "not UTF-16 or UTF-32 with a byte-order mark, and not plausible Arabic in "
        f"Windows-1256; re-save it in UTF-8.{hint}"
    )


def _plausible_arabic(text: str) -> bool:
    """Mostly Arabic where not ASCII, nothing unmapped, no Latin letter in an Arabic word."""
    non_ascii = len(_NON_ASCII.findall(text))
    arabic = len(_ARABIC.findall(text))
    return (
        non_ascii > 0
        and arabic >= _MIN_ARABIC_RATIO * non_ascii
        and "\ufffd" not in text
        and _GLUED.search(text) is None
    )
