"""Lines of an article as templates: fixed words, and slots for the parts that vary.

A footer or a dateline repeats across the articles of one outlet, but rarely as the very
same string: it carries a number, a link, a date, the article's own title or its author.
A line's *template* keeps its words normalised (so that spelling variants and punctuation do
not split it) and replaces each word that varies from article to article by a slot:

* ``[number]``: a word holding a digit (any script: ١٤٣٦, 1436هـ, 20:26, 88591);
* ``[link]``: a web address, an e-mail address or an @handle;
* ``[month]``: a Gregorian or Hijri month name (a dateline's month changes with its day);
* ``[title]`` and ``[author]``: the article's own title or author, when the corpus has those
  columns and the line repeats them word for word (two words at least).

A word made only of punctuation is dropped. Templates are hashed to stable 64-bit ids (the
same in every process, so that partitions counted apart can be summed). The same rules apply
to a whole line at once (:func:`line_template`, all in regular expressions) and word by word
(:func:`line_words`, which also keeps each word's span in the text, to remove it).
"""

from __future__ import annotations

import re
from functools import lru_cache
from hashlib import blake2b

import numpy as np

from arabic_news.dates.lexicon import HIJRI_MONTHS, MONTHS
from arabic_news.text.normalize import normalize

# Slots are private-use characters inside templates, shown by name when written out.
NUMBER, LINK, MONTH, TITLE, AUTHOR = "\ue000", "\ue001", "\ue002", "\ue003", "\ue004"
SLOT_NAMES = {NUMBER: "[number]", LINK: "[link]", MONTH: "[month]", TITLE: "[title]",
              AUTHOR: "[author]"}
SLOTS = frozenset(SLOT_NAMES)

# Words of multi-word month names that are ordinary words on their own.
_MONTH_QUALIFIERS = frozenset({"الاول", "الثاني", "الاخر", "الاولي", "الثانيه", "الاخره",
                               "ذو", "ذي", "كانون", "تشرين", "جمادي", "ربيع"})
MONTH_WORDS = frozenset(word for name in (*MONTHS, *HIJRI_MONTHS) for word in name.split()
                        if word not in _MONTH_QUALIFIERS)

_WORD = re.compile(r"\S+")
_LINK_HINT = re.compile(r"@|www\.|https?:|\.(?:com|net|org|gov|edu|info)", re.IGNORECASE)
_LINK = re.compile(r"(?<!\S)\S*?(?:https?://|www\.|\S@\S+\.\S|(?<!\S)@\w"
                   r"|\w\.(?:com|net|org|gov|edu|info)\b)\S*", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_NOT_LETTER = re.compile(r"[\W_]+")


def line_template(line: str, fields: dict[str, str] | None = None) -> str:
    """The template of a line (see the module docstring); ``fields`` maps a slot to the
    template of the article's own title or author, replaced where the line repeats it."""
    text = normalize(_LINK.sub(f" {LINK} ", line) if _LINK_HINT.search(line) else line)
    keys = []
    for word in text.split():
        if not word.isalpha():
            if word in SLOTS or _DIGIT.search(word):
                keys.append(word if word in SLOTS else NUMBER)
                continue
            word = _NOT_LETTER.sub("", word)
            if not word:
                continue
        keys.append(MONTH if word in MONTH_WORDS else word)
    text = " ".join(keys).casefold()
    if fields and text:
        padded = f" {text} "
        for slot, field in fields.items():
            if f" {field} " in padded:
                padded = padded.replace(f" {field} ", f" {slot} ")
        text = padded.strip()
    return text


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The key of one written word: a slot, its normalised letters, or '' (punctuation)."""
    return line_template(word)


def field_template(value: object) -> str:
    """The template of a title or author, or '' when it is too short to recognise (a
    one-word field would turn a common word into a slot wherever it occurs) or holds a
    slot itself."""
    if not isinstance(value, str):
        return ""
    template = line_template(value)
    words = template.split()
    return template if len(words) >= 2 and not SLOTS & set(words) else ""


# One written word of a line: (start, end, key), its span in the article's text and its key.
Word = tuple[int, int, str]
START, END, KEY = 0, 1, 2


def line_words(text: str, start: int, end: int, fields: dict[str, str] | None = None
               ) -> list[Word]:
    """The keyed words of ``text[start:end]``, the article's own fields replaced by one slot
    word each (as in :func:`line_template`); punctuation-only words dropped."""
    words = [(match.start(), match.end(), key) for match in _WORD.finditer(text, start, end)
             for key in word_key(match.group()).split()]
    for slot, field in (fields or {}).items():
        words = _replace_run(words, tuple(field.split()), slot)
    return words


def _replace_run(words: list[Word], keys: tuple[str, ...], slot: str) -> list[Word]:
    size = len(keys)
    out: list[Word] = []
    index = 0
    while index < len(words):
        if words[index][KEY] == keys[0] and tuple(
                word[KEY] for word in words[index:index + size]) == keys:
            out.append((words[index][START], words[index + size - 1][END], slot))
            index += size
        else:
            out.append(words[index])
            index += 1
    return out


_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_LATIN = re.compile(r"[A-Za-z]")


def looks_like_code(line: str) -> bool:
    """Whether a line is a scraping remnant of markup or code (a poll widget's CSS and
    JavaScript, an HTML fragment): at least 4 braces and 4 semicolons, and more Latin
    letters than Arabic ones. Arabic prose has neither."""
    if line.count(";") < 4 or line.count("{") + line.count("}") < 4:
        return False
    return len(_LATIN.findall(line)) > len(_ARABIC.findall(line))


def fixed_words(template: str) -> int:
    """How many words of a template are fixed (not slots)."""
    return sum(word not in SLOTS for word in template.split())


def template_id(template: str) -> int:
    """A stable 64-bit id of a template (BLAKE2b): the same in every process and partition."""
    return int.from_bytes(blake2b(template.encode(), digest_size=8).digest(), "little")


def template_ids(templates: list[str]) -> np.ndarray:
    """:func:`template_id` of each template, as an unsigned 64-bit array."""
    return np.fromiter((template_id(one) for one in templates), dtype=np.uint64,
                       count=len(templates))


def written(text: str, words: list[Word], start: int, end: int) -> str:
    """``text[start:end]`` as written, each slot among ``words`` shown by its name, runs of
    spaces shown as one space."""
    pieces = []
    cursor = start
    for word_start, word_end, key in words:
        if key in SLOTS:
            pieces += [text[cursor:word_start], SLOT_NAMES[key]]
            cursor = word_end
    pieces.append(text[cursor:end])
    return " ".join("".join(pieces).split())
