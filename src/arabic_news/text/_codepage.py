"""Byte-level fast paths over Windows code page 1256 (Arabic).

cp1256 gives one byte to each of 256 characters: ASCII, the Arabic letters and harakat, the
usual Arabic and typographic punctuation (، ؛ ؟ « » “ ” – — … •), a few Latin-1 letters and the
bidi marks. For text made only of those characters, which is most Arabic news text,
``text.encode("cp1256")`` is a lossless one-byte-per-character copy, so any character-wise map
becomes one ``bytes.translate`` call at C speed; ``bytes.decode`` gives the str back. Text with
any other character fails to encode and takes the general path instead.

Python's ``str.translate`` is slow on non-ASCII text (a dictionary lookup per character) and a
regular-expression scan costs several nanoseconds per character, hence this detour.
"""

from collections.abc import Callable

CODEC = "cp1256"
#: The character of each byte value: cp1256 assigns all 256.
CHARS = bytes(range(256)).decode(CODEC)


def encode(text: str) -> bytes | None:
    """``text`` in cp1256, or ``None`` if it holds a character outside the code page."""
    try:
        return text.encode(CODEC)
    except UnicodeEncodeError:
        return None


def translation(char_map: Callable[[str], str]) -> tuple[bytes, bytes] | None:
    """``(table, delete)`` for ``bytes.translate`` applying ``char_map`` to every byte's character.

    Returns ``None`` when some character maps to more than one character or to one outside the
    code page, since ``bytes.translate`` cannot express that.
    """
    table, delete = bytearray(range(256)), bytearray()
    for byte, char in enumerate(CHARS):
        target = encode(char_map(char))
        if target is None or len(target) > 1:
            return None
        if target:
            table[byte] = target[0]
        else:
            delete.append(byte)
    return bytes(table), bytes(delete)
