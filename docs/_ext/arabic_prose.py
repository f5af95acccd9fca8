"""Sphinx extension: isolate the Arabic inside English prose as ``<bdi class="ar">``.

In a left-to-right paragraph the Unicode bidi algorithm moves digits and punctuation next to an
Arabic word (``الـ15``, «مجلس الأمن», lists joined by ، ) to places a reader does not expect.
Each Arabic run of the lessons' prose (letters, with the digits and Arabic punctuation inside
it) is wrapped in ``<bdi>`` at build time, so it is laid out on its own, right to left, and the
English around it is untouched. Code, outputs and titles are left as they are.
"""

from __future__ import annotations

import html
import re

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

_LETTER = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_DIGITS = "[0-9\u0660-\u0669]+"
_WORD = f"[0-9\u0660-\u0669]*[{_LETTER}][{_LETTER}0-9\u0660-\u0669]*"
_GAP = "[ \u00a0\u060c\u061b]+"
# A run: Arabic words joined by spaces and Arabic commas or semicolons, with the numbers that
# stand between or beside them («17 نوفمبر», «عام 2016»).
RUN = re.compile(f"(?:{_DIGITS}{_GAP})*{_WORD}(?:{_GAP}(?:{_WORD}|{_DIGITS}))*")
_SKIP = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.title, nodes.Invisible)


def _skipped(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, _SKIP):
            return True
        if isinstance(parent, nodes.container) and {"cell_output", "cell_input"} & set(
            parent.get("classes", [])
        ):
            return True
        parent = parent.parent
    return False


def isolate(text: str) -> list[nodes.Node]:
    """``text`` as Text nodes with each Arabic run as a raw ``<bdi>`` element."""
    parts: list[nodes.Node] = []
    position = 0
    for match in RUN.finditer(text):
        if match.start() > position:
            parts.append(nodes.Text(text[position : match.start()]))
        run = html.escape(match.group(0))
        parts.append(nodes.raw("", f'<bdi class="ar" lang="ar">{run}</bdi>', format="html"))
        position = match.end()
    if position < len(text):
        parts.append(nodes.Text(text[position:]))
    return parts


def _inside_authors_bdi(text: nodes.Text) -> bool:
    """Whether ``text`` stands between a ``<bdi>`` and its ``</bdi>`` written in the Markdown
    (MyST keeps inline HTML tags as raw siblings): the author isolated it already, and a second
    isolate inside would leave the outer one without a strong character, hence left to right."""
    depth = 0
    for sibling in text.parent.children:
        if sibling is text:
            return depth > 0
        if isinstance(sibling, nodes.raw):
            depth += sibling.astext().count("<bdi") - sibling.astext().count("</bdi>")
    return False


class IsolateArabicProse(SphinxPostTransform):
    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for text in list(self.document.findall(nodes.Text)):
            if not RUN.search(text) or _skipped(text) or _inside_authors_bdi(text):
                continue
            text.parent.replace(text, isolate(str(text)))


def setup(app):
    app.add_post_transform(IsolateArabicProse)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
