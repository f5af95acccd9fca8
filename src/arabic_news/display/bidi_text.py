"""Arabic inside left-to-right text: Unicode isolates for printing, an RTL block for passages.

A browser lays out a line of mixed text with the Unicode bidi algorithm. In an English
sentence (a left-to-right paragraph), neutral characters between an Arabic phrase and what
follows it (spaces, punctuation, digits) may be pulled into the wrong run, so that two Arabic
words separated by a digit come out in the wrong order. FIRST STRONG ISOLATE (U+2068) ...
POP DIRECTIONAL ISOLATE (U+2069) around the Arabic makes it one unit that the surrounding
text treats as a single neutral character: inside, it is laid out on its own; outside, it
sits where it was written. Browsers, JupyterLab's output area and terminals that implement
the bidi algorithm honour these characters; they are invisible.
"""

from __future__ import annotations

import html
import re

# Right-to-left letters (Arabic, Syriac, Thaana, N'Ko, Hebrew and their presentation forms).
_RTL = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")

FSI, LRI, RLI, PDI = "\u2068", "\u2066", "\u2067", "\u2069"
_ISOLATES = (FSI, LRI, RLI, PDI)


def has_rtl(text: str) -> bool:
    """True when ``text`` holds at least one right-to-left letter."""
    return bool(_RTL.search(text))


def isolate(text) -> str:
    """``text`` with each line that holds Arabic wrapped in FSI ... PDI, for LTR prose.

    Use it to print Arabic inside an English sentence: ``print(f"the term {isolate(t)} ...")``.
    Each line is isolated on its own (an isolate ends at a line break anyway). Text without
    right-to-left letters, and lines already isolated, are returned unchanged, so calling it
    twice is harmless.
    """
    if not isinstance(text, str):
        raise TypeError(f"isolate() takes a str, got {type(text).__name__}; "
                        "convert it with str() first")
    return "\n".join(_isolate_line(line) for line in text.split("\n"))


def _isolate_line(line: str) -> str:
    if not has_rtl(line) or (line.startswith(_ISOLATES[:3]) and line.endswith(PDI)):
        return line
    return f"{FSI}{line}{PDI}"


class RtlBlock:
    """A passage displayed right to left: ``dir="rtl"`` HTML in Jupyter, isolated lines as text.

    Line breaks are kept. ``_repr_html_`` is a pure function of the text (nbval compares it).
    """

    def __init__(self, text: str, *, lang: str = "ar"):
        if not isinstance(text, str):
            raise TypeError(f"rtl_block() takes a str, got {type(text).__name__}")
        if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang):
            raise ValueError(f"lang must be a language tag such as 'ar', got {lang!r}")
        self.text = text
        self.lang = lang

    def _repr_html_(self) -> str:
        body = "<br>".join(html.escape(line) for line in self.text.split("\n"))
        return (f'<div class="an-rtl-block" dir="rtl" lang="{self.lang}" '
                f'style="text-align: right; line-height: 1.8">{body}</div>')

    def __repr__(self) -> str:
        return "\n".join(f"{RLI}{line}{PDI}" if has_rtl(line) else line
                         for line in self.text.split("\n"))

    def __str__(self) -> str:
        return self.text


def rtl_block(text: str, *, lang: str = "ar") -> RtlBlock:
    """A long Arabic passage to display as a right-to-left block (the last value of a cell).

    In JupyterLab and the HTML export it is a ``<div dir="rtl">``, right-aligned, with the
    text's line breaks; as plain text each line is a right-to-left isolate.
    """
    return RtlBlock(text, lang=lang)
