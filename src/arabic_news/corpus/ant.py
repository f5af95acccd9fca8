"""Read TREC-style ``<DOC>`` files such as the ANT corpus, leniently.

ANT v2.1 has 37 files that are not well-formed XML (a raw ``&`` in ``S&P``, a stray ``<`` at
the start of a paragraph), so a strict XML parser would lose them. Instead the known tags are
located with one regular expression and each field runs from its opening tag to the next known
tag. A missing closing tag or stray markup therefore costs nothing, and only the five XML
entities and numeric character references are unescaped, so a raw ``&`` stays as written.
"""

import re

FIELDS = ("DOCNO", "URL", "SRC", "CAT", "TITLE", "TIME", "AUTHOR", "ABSTRACT", "TEXT")
# Fields kept as extra columns, under these names.
EXTRA_COLUMNS = {"URL": "url", "CAT": "category", "AUTHOR": "author", "ABSTRACT": "abstract"}

_TAG = re.compile(r"<(/?)(DOC|" + "|".join(FIELDS) + r")>")
_START = re.compile(r"\s*<DOC>")
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def looks_like_trec(text: str) -> bool:
    """True when ``text`` begins (after blank space) with a ``<DOC>`` tag."""
    return _START.match(text) is not None


def read_trec(text: str, where: str, fallback_id: str) -> list[tuple[str, dict]]:
    """Return ``(where, fields)`` for each ``<DOC>`` in ``text``, ready for ``make_record``.

    Maps DOCNO -> doc_id (``fallback_id`` when absent), TITLE -> title, SRC -> source,
    TIME -> published, TEXT -> text (surrounding blank space removed) and keeps URL, CAT,
    AUTHOR and ABSTRACT as extras ``url``, ``category``, ``author``, ``abstract``. A file
    with several documents names each by the line of its ``<DOC>`` tag.
    """
    documents = split_documents(text)
    several = len(documents) > 1
    found = []
    for line, tags in documents:
        here = f"{where}, line {line}" if several else where
        doc_id = tags.get("DOCNO") or (f"{fallback_id}#{line}" if several else fallback_id)
        found.append((here, {
            "doc_id": doc_id,
            "title": tags.get("TITLE"),
            "text": tags.get("TEXT"),  # None when absent: make_record reports "no text"
            "published": tags.get("TIME"),
            "source": tags.get("SRC"),
            "extras": {name: tags.get(tag, "") for tag, name in EXTRA_COLUMNS.items()},
        }))
    return found


def split_documents(text: str) -> list[tuple[int, dict[str, str]]]:
    """Return ``(line of <DOC>, {FIELD: value})`` for each document, values unescaped."""
    documents: list[tuple[int, dict[str, str]]] = []
    fields: dict[str, str] | None = None
    open_field, start = None, 0
    for match in _TAG.finditer(text):
        closing, tag = match.groups()
        if open_field is not None and fields is not None:
            fields.setdefault(open_field, _value(text[start : match.start()]))
            open_field = None
        if tag == "DOC":
            fields = None if closing else {}
            if not closing:
                documents.append((text.count("\n", 0, match.start()) + 1, fields))
        elif not closing and fields is not None:
            open_field, start = tag, match.end()
    if open_field is not None and fields is not None:
        fields.setdefault(open_field, _value(text[start:]))
    return documents


def _value(raw: str) -> str:
    raw = raw.strip()
    return _ENTITY.sub(_unescape, raw) if "&" in raw else raw


def _unescape(match: re.Match) -> str:
    name = match.group(1)
    if name in _NAMED:
        return _NAMED[name]
    code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    valid = 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF
    return chr(code) if valid else match.group(0)
