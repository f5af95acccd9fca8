"""Decide which columns of a table hold the text, title, date, source and id.

Users may name each column explicitly; otherwise the first column whose name matches one of
the common names (case-insensitively, in the order listed) is used. The names are data, in
``data/column_names.tsv``, with the reasons for them. When no date column is found,
:func:`date_like_column` finds a column that holds dates anyway, so that the loader can say
so rather than load every date as missing without a word.
"""

from collections.abc import Iterable, Mapping
from importlib.resources import files

from arabic_news.corpus.dates import parse_date
from arabic_news.corpus.policy import DateColumnWarning, ErrorPolicy
from arabic_news.errors import CorpusError


def _read_names(text: str) -> dict[str, tuple[str, ...]]:
    names: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            field, name = line.split("\t")
            names.setdefault(field, []).append(name.strip().lower())
    return {field: tuple(found) for field, found in names.items()}


# Canonical field -> names looked for, best first. The canonical name always comes first.
ALIASES: Mapping[str, tuple[str, ...]] = _read_names(
    files("arabic_news.corpus").joinpath("data/column_names.tsv").read_text(encoding="utf-8")
)
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


#: How many values of a column :func:`date_like_column` looks at.
DATE_SAMPLE = 50


def hint_date_column(columns: Iterable[str], rows: Iterable[Mapping[str, object]],
                     found: Mapping[str, str], where: str, policy: ErrorPolicy) -> None:
    """Say so (a :class:`DateColumnWarning`, noted by ``policy``) when no date column was found
    but a column holds dates."""
    hint = date_like_column(columns, rows, found.values())
    if hint is None:
        return
    column, example = hint
    policy.note(
        f"{where}: no date column found (looked for {_listing(ALIASES['published'])}), so "
        f"every date is missing; column {column!r} holds dates (such as {example!r}): load "
        f"with date_column={column!r} to use it",
        DateColumnWarning,
    )


def date_like_column(columns: Iterable[str], rows: Iterable[Mapping[str, object]],
                     used: Iterable[str]) -> tuple[str, str] | None:
    """A column, not used for another field, whose first values are all dates the loader can
    parse (at least one; strings only), with an example value; else None."""
    rows = list(rows)[:DATE_SAMPLE]
    for column in columns:
        if column in set(used):
            continue
        values = [row.get(column) for row in rows]
        values = [v for v in values if isinstance(v, str) and v.strip()]
        if values and all(_is_date(v) for v in values):
            return column, values[0]
    return None


def _is_date(value: str) -> bool:
    try:
        return parse_date(value) is not None
    except ValueError:
        return False
