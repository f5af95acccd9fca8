"""Decide which columns of a table hold the text, title, date, source and id.

Users may name each column explicitly; otherwise the first column whose name matches one of
the common names below (case-insensitively, in the order listed) is used.
"""

from collections.abc import Iterable, Mapping

from arabic_news.errors import CorpusError

# Canonical field -> names looked for, best first. The canonical name always comes first.
ALIASES: Mapping[str, tuple[str, ...]] = {
    "doc_id": ("doc_id", "id", "docno", "docid", "article_id"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "article", "article_text"),
    "published": ("published", "date", "pubdate", "time", "datetime", "published_at"),
    "source": ("source", "outlet", "site", "src"),
    "file": ("file", "filename", "path"),
}
FIELDS = ("doc_id", "title", "text", "published", "source")


def resolve_columns(
    columns: Iterable[str],
    explicit: Mapping[str, str | None],
    where: str,
    wanted: Iterable[str] = FIELDS,
) -> dict[str, str]:
    """Map each wanted canonical field to a column of the table, where one is found.

    ``explicit`` maps canonical fields to user-given column names (None = detect). A given
    name that is not in the table raises :class:`CorpusError` listing the columns found.
    """
    columns = [str(c) for c in columns]
    by_lower = {}
    for column in columns:
        by_lower.setdefault(column.lower(), column)
    found = {}
    for field in wanted:
        name = explicit.get(field)
        if name is not None:
            if name not in columns:
                raise CorpusError(
                    f"{where}: no column {name!r} (given as {_PARAMETER.get(field, field)}=); "
                    f"columns found: {_listing(columns)}"
                )
            found[field] = name
            continue
        for alias in ALIASES[field]:
            if alias in by_lower:
                found[field] = by_lower[alias]
                break
    return found


def require_text_column(found: Mapping[str, str], columns: Iterable[str], where: str) -> None:
    """Raise :class:`CorpusError` when no text column was found."""
    if "text" not in found:
        raise CorpusError(
            f"{where}: no text column: looked for {_listing(ALIASES['text'])} "
            f"(any case); columns found: {_listing(columns)}. "
            "Name the column with load_corpus(..., text_column='...')"
        )


def _listing(names: Iterable[str]) -> str:
    return ", ".join(repr(str(n)) for n in names) or "(none)"


_PARAMETER = {
    "doc_id": "id_column",
    "title": "title_column",
    "text": "text_column",
    "published": "date_column",
    "source": "source_column",
}
