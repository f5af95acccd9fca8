"""Where each word lands on screen, and whether that is how an Arabic reader reads it.

The browser side (:data:`PROBE`) walks the text of table cells and isolated prose, cuts it
into *tokens* (maximal runs of Arabic letters and marks, of Latin letters, or of digits) and
gives each its on-screen box with a DOM ``Range`` and ``getClientRects()``. The Python side
checks those boxes:

* ``arabic_run_problems``: on each line, Arabic tokens lie right to left in logical order
  (the later token is to the left of the earlier one);
* ``bidi_problems``: a one-line cell that mixes Arabic with Latin letters or digits shows its
  tokens in the order the Unicode bidi algorithm gives for a right-to-left paragraph
  (``bidi.get_display(text, base_dir="R")`` from python-bidi, the Rust unicode-bidi crate,
  which implements isolates);
* ``column_problems``: the table's first column is its rightmost;
* ``kwic_problems``: on every row, the words before the keyword lie to its right and the words
  after it to its left.
"""

from __future__ import annotations

import re

from bidi import get_display

ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_TOKEN = re.compile(rf"[{ARABIC}]+|[A-Za-z\u00c0-\u024f]+|[{_DIGITS}]+")
_ARABIC_TOKEN = re.compile(rf"[{ARABIC}]+")
# Arabic-Indic digits are in the Arabic block but are numbers, not letters.
_NOT_LETTERS = re.compile(r"^[\u0660-\u0669\u06f0-\u06f9\u060c\u061b\u061f\u0640]+$")
TOLERANCE = 1.5  # CSS pixels

PROBE = r"""
const ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff";
const TOKEN = new RegExp(
  "[" + ARABIC + "]+|[A-Za-z\u00c0-\u024f]+|[0-9\u0660-\u0669\u06f0-\u06f9]+", "g");
function tokens(element) {
  const out = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(TOKEN)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = Array.from(range.getClientRects()).filter(r => r.width > 0);
      if (!rects.length) continue;
      out.push({text: match[0], left: Math.min(...rects.map(r => r.left)),
                right: Math.max(...rects.map(r => r.right)),
                top: rects[0].top, bottom: rects[0].bottom, lines: rects.length});
    }
  }
  return out;
}
function box(element) {
  const r = element.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
}
const root = arguments[0] || document;
const tables = Array.from(root.querySelectorAll(arguments[1])).map(table => ({
  className: table.className, dir: getComputedStyle(table).direction,
  headers: Array.from(table.querySelectorAll("thead th")).map(
    th => ({text: th.textContent, box: box(th)})),
  rows: Array.from(table.querySelectorAll("tbody tr")).map(tr =>
    Array.from(tr.children).map(cell => ({text: cell.textContent, tokens: tokens(cell),
                                          dir: getComputedStyle(cell).direction}))),
}));
const prose = Array.from(root.querySelectorAll(arguments[2])).map(el => ({
  text: el.textContent, tokens: tokens(el), dir: getComputedStyle(el).direction}));
return {tables, prose};
"""


def is_arabic(token: str) -> bool:
    return bool(_ARABIC_TOKEN.fullmatch(token)) and not _NOT_LETTERS.match(token)


def _same_line(a: dict, b: dict) -> bool:
    return abs(a["top"] - b["top"]) < (a["bottom"] - a["top"]) / 2


def arabic_run_problems(text: str, tokens: list[dict]) -> list[str]:
    """Arabic tokens on one line that do not lie right to left in logical order."""
    arabic = [t for t in tokens if is_arabic(t["text"]) and t["lines"] == 1]
    problems = []
    for position, earlier in enumerate(arabic):
        for later in arabic[position + 1:]:
            if _same_line(earlier, later) and later["right"] > earlier["left"] + TOLERANCE:
                problems.append(f"in «{text}»: «{later['text']}» comes after «{earlier['text']}»"
                                " but lies to its right")
                break
    return problems


def expected_order(text: str, base_dir: str = "R") -> list[str]:
    """The tokens of ``text`` from left to right as the bidi algorithm lays out one line."""
    visual = get_display(text, base_dir=base_dir)
    return [t[::-1] if _ARABIC_TOKEN.fullmatch(t) else t for t in _TOKEN.findall(visual)]


def bidi_problems(text: str, tokens: list[dict], base_dir: str = "R") -> list[str]:
    """A one-line mixed cell whose tokens are not where the bidi algorithm puts them."""
    if not tokens or not any(is_arabic(t["text"]) for t in tokens):
        return []
    if any(t["lines"] > 1 or not _same_line(tokens[0], t) for t in tokens):
        return []  # wrapped: each line is checked by arabic_run_problems
    if all(is_arabic(t["text"]) for t in tokens):
        return []
    shown = [t["text"] for t in sorted(tokens, key=lambda t: (t["left"] + t["right"]) / 2)]
    expected = expected_order(text, base_dir)
    if shown != expected:
        return [f"in «{text}»: left to right the browser shows {shown}, the bidi algorithm "
                f"with a right-to-left paragraph gives {expected}"]
    return []


def column_problems(table: dict) -> list[str]:
    headers = [h for h in table["headers"] if h["box"]["right"] > h["box"]["left"]]
    if len(headers) > 1 and not headers[0]["box"]["left"] >= headers[-1]["box"]["right"] - 1:
        return [f"first column «{headers[0]['text']}» is not the rightmost "
                f"(table {table['className']!r}, direction {table['dir']})"]
    return []


def _column(table: dict, names: set[str]) -> int | None:
    for position, header in enumerate(table["headers"]):
        if header["text"].strip() in names:
            return position
    return None


def kwic_problems(table: dict) -> list[str]:
    """Rows where the words before the keyword are not on its right, or after it not on its
    left (columns found by their headers: before/left, keyword, after/right)."""
    before = _column(table, {"before", "left"})
    keyword = _column(table, {"keyword"})
    after = _column(table, {"after", "right"})
    if None in (before, keyword, after):
        return [f"no before/keyword/after columns in {[h['text'] for h in table['headers']]}"]
    problems = []
    for number, row in enumerate(table["rows"]):
        key = row[keyword]["tokens"]
        if not key:
            continue
        key_left = min(t["left"] for t in key)
        key_right = max(t["right"] for t in key)
        words_before = row[before]["tokens"]
        words_after = row[after]["tokens"]
        if words_before and min(t["left"] for t in words_before) < key_right - TOLERANCE:
            problems.append(f"row {number}: «{row[before]['text']}» (before) is not to the right"
                            f" of «{row[keyword]['text']}»")
        if words_after and max(t["right"] for t in words_after) > key_left + TOLERANCE:
            problems.append(f"row {number}: «{row[after]['text']}» (after) is not to the left"
                            f" of «{row[keyword]['text']}»")
    return problems


def table_problems(table: dict) -> list[str]:
    """Everything that reads wrong in one probed table."""
    problems = column_problems(table)
    for row in table["rows"]:
        for cell in row:
            problems += arabic_run_problems(cell["text"], cell["tokens"])
            problems += bidi_problems(cell["text"], cell["tokens"])
    if _column(table, {"keyword"}) is not None:
        problems += kwic_problems(table)
    return problems


def prose_problems(element: dict) -> list[str]:
    """An isolated Arabic example in prose: right to left, in the order of the algorithm."""
    return (arabic_run_problems(element["text"], element["tokens"])
            + bidi_problems(element["text"], element["tokens"], base_dir="R"))
