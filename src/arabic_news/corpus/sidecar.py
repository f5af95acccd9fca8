"""Metadata sidecars: a table next to ``.txt`` articles that describes them, keyed by file.

A sidecar is ``metadata.csv``, ``metadata.tsv`` or ``metadata.jsonl`` at the corpus root (or a
table passed as ``metadata=``). Its ``file`` column (also ``filename`` or ``path``) holds each
article's path relative to the root; its other columns supply doc_id, title, source and
published (detected like a table's) and any extra columns, such as the seeds' ``date_note``.
"""

from collections.abc import Mapping
from pathlib import Path

from arabic_news.corpus.columns import hint_date_column, resolve_columns
from arabic_news.corpus.dates import is_missing
from arabic_news.corpus.files import FileAccess, shown_path
from arabic_news.corpus.policy import ErrorPolicy
from arabic_news.corpus.tables import read_rows
from arabic_news.errors import CorpusError

SIDECAR_NAMES = ("metadata.csv", "metadata.tsv", "metadata.jsonl")
FIELDS = ("file", "doc_id", "title", "published", "source")
CORE = ("doc_id", "title", "published", "source")

Entry = tuple[str, dict[str, object]]


def find_sidecar(root: Path) -> Path | None:
    """The sidecar at ``root``, if there is one; several candidates are an error."""
    present = [root / name for name in SIDECAR_NAMES if (root / name).exists()
               or (root / name).is_symlink()]
    if len(present) > 1:
        names = ", ".join(path.name for path in present)
        raise CorpusError(
            f"{root}: several metadata sidecars ({names}); keep one, or choose with metadata="
        )
    return present[0] if present else None


def read_sidecar(
    path: Path,
    explicit: Mapping[str, str | None],
    policy: ErrorPolicy,
    access: FileAccess | None = None,
) -> dict[str, Entry]:
    """Map each relative file name to ``(where, fields)`` from the sidecar's rows."""
    columns, rows = read_rows(path, policy, access)
    found = resolve_columns(columns, explicit, str(path), FIELDS)
    if "file" not in found:
        raise CorpusError(
            f"{path}: metadata sidecar without a 'file' column (the article's path relative "
            f"to the corpus folder); columns found: {', '.join(map(repr, columns))}"
        )
    if "published" not in found:
        hint_date_column(columns, (row for _, _, row in rows), found, shown_path(path), policy)
    used = set(found.values())
    entries: dict[str, Entry] = {}
    for where, _, row in rows:
        name = str(row[found["file"]]).strip().replace("\\", "/")
        if name in entries:
            policy.handle(
                CorpusError(f"{where}: file {name!r} is described twice ({entries[name][0]})"),
                where,
            )
            continue
        fields = {field: row[found[field]] for field in CORE if field in found}
        fields["extras"] = {key: value for key, value in row.items() if key not in used}
        entries[name] = (where, fields)
    return entries


def apply_sidecar(fields: dict[str, object], entry: Entry) -> dict[str, object]:
    """Return ``fields`` with the sidecar's non-empty values taking precedence."""
    merged = dict(fields)
    merged["extras"] = {**fields.get("extras", {}), **entry[1]["extras"]}
    for field in CORE:
        value = entry[1].get(field)
        if not is_missing(value) and str(value).strip():
            merged[field] = value
    return merged
