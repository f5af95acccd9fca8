"""Articles side by side, right to left, with the words where they differ marked.

``side_by_side(texts, titles)`` takes each text as lines of ``(word, marked)`` (as
``analysis.word_differences`` gives them) and shows them as the columns of one right-to-left
table: the first text is the rightmost column, where an Arabic reader starts; each column is
a right-to-left paragraph with its line breaks, and marked words are wrapped in ``<mark>``,
which JupyterLab's sanitiser keeps. The words are shown as written in the article, never as
normalised keys. As plain text (nbval, terminals), marked words are written ``[word]``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from .bidi_text import PDI, RLI, has_rtl

Lines = Sequence[Sequence[tuple[str, bool]]]


class SideBySide:
    """Texts in columns of a right-to-left table; build it with :func:`side_by_side`."""

    def __init__(self, texts: Sequence[Lines], titles: Sequence[str], lang: str = "ar"):
        self.texts = [[[(str(word), bool(marked)) for word, marked in line] for line in text]
                      for text in texts]
        self.titles = [str(title) for title in titles]
        self.lang = lang

    def _repr_html_(self) -> str:
        out = ['<table class="an-rtl-table an-side-by-side" dir="rtl"><thead><tr>']
        for title in self.titles:
            out.append(f'<th dir="{_dir(title)}" style="text-align: right">'
                       f"{html.escape(title)}</th>")
        out.append("</tr></thead><tbody><tr>")
        width = f"{100 / len(self.texts):.0f}%"
        for text in self.texts:
            body = "<br>".join(" ".join(f"<mark>{html.escape(word)}</mark>" if marked
                                        else html.escape(word) for word, marked in line)
                               for line in text)
            out.append(f'<td dir="rtl" lang="{self.lang}" width="{width}" style="width: '
                       f'{width}; text-align: right; vertical-align: top; line-height: 1.8">'
                       f"{body}</td>")
        out.append("</tr></tbody></table>")
        return "".join(out)

    def __repr__(self) -> str:
        parts = []
        for title, text in zip(self.titles, self.texts, strict=True):
            lines = [" ".join(f"[{word}]" if marked else word for word, marked in line)
                     for line in text]
            parts.append("\n".join([f"== {title}",
                                    *(f"{RLI}{line}{PDI}" if has_rtl(line) else line
                                      for line in lines)]))
        return "\n\n".join(parts)


def _dir(text: str) -> str:
    return "rtl" if has_rtl(text) else "ltr"


def side_by_side(texts: Sequence[Lines], titles: Sequence[str], *, lang: str = "ar"):
    """Show ``texts`` (each as lines of ``(word, marked)``) side by side under ``titles``,
    the first on the right."""
    if isinstance(texts, str) or len(texts) != len(titles):
        raise ValueError(f"give one title per text: {len(titles)} titles for "
                         f"{len(texts) if not isinstance(texts, str) else 'a str'} texts "
                         "(texts is a list of texts, each a list of lines of (word, marked))")
    if len(texts) < 1:
        raise ValueError("nothing to show: texts is empty")
    return SideBySide(texts, titles, lang=lang)
