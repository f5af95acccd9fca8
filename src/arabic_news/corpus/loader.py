"""``load_corpus``: one entry point for every accepted corpus layout."""

import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from arabic_news.corpus.frame import assemble, make_record
from arabic_news.corpus.policy import ErrorPolicy
from arabic_news.corpus.seeds import seeds_path
from arabic_news.corpus.sidecar import apply_sidecar, find_sidecar, read_sidecar
from arabic_news.corpus.tables import SUFFIXES, read_rows, resolve_table_columns, row_fields
from arabic_news.corpus.text_files import ARTICLE_SUFFIX, find_articles, read_article
from arabic_news.errors import CorpusError

# With progress=None a bar appears from this many files on (about a second of loading).
PROGRESS_THRESHOLD = 2000

Documents = Iterable[tuple[str, dict]]


def load_corpus(
    path: str | os.PathLike | None = None,
    *,
    text_column: str | None = None,
    title_column: str | None = None,
    date_column: str | None = None,
    source_column: str | None = None,
    id_column: str | None = None,
    metadata: str | os.PathLike | None = None,
    on_error: str = "raise",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Load a corpus of news articles into a DataFrame, one row per article.

    ``path`` is a folder of ``.txt`` articles (walked recursively; plain text or TREC/ANT
    ``<DOC>`` XML, told apart by content; optionally described by a ``metadata.csv``/``.tsv``/
    ``.jsonl`` sidecar at its root, or the table given as ``metadata``), a single ``.txt``, or
    a table (``.csv``, ``.tsv``, ``.jsonl``, ``.parquet``). ``None`` loads the bundled seeds.
    Encodings (UTF-8 with/without BOM, UTF-16 with BOM, Windows-1256) and line endings are
    detected; the loader only reads, never writes.

    Columns: ``doc_id`` (unique str), ``title`` (first non-empty line of the text when not
    given), ``source`` ('' when unknown), ``published`` (``datetime64[us, UTC]``, NaT when
    unknown; a date without a zone is taken as UTC), ``text`` (as written: BOM removed and
    line endings normalised only; for a plain ``.txt`` the whole file, headline included),
    then every extra column (``file`` for articles; ``url``, ``category``, ``author``,
    ``abstract`` for ANT; a table's or sidecar's other columns). The ``*_column`` options
    name a table's (or sidecar's) columns; by default common names are detected.

    Rows follow the files' relative paths (sorted) or the table's row order. A bad document
    raises :class:`CorpusError` naming the file (and line or row) and the problem; with
    ``on_error="skip"`` it is left out instead, with one ``SkippedDocumentWarning`` each, and
    listed in ``df.attrs["skipped"]``. ``progress`` shows a tqdm bar (None: only for
    thousands of files).
    """
    explicit = _explicit_columns(
        id_column=id_column, title_column=title_column, text_column=text_column,
        date_column=date_column, source_column=source_column,
    )
    policy = ErrorPolicy(on_error)
    if progress not in (None, True, False):
        raise ValueError(f"progress={progress!r} is not allowed: use None (auto), True or False")
    root = seeds_path() if path is None else _existing(path)
    if metadata is not None and not root.is_dir():
        raise ValueError(f"metadata= describes the .txt files of a folder; {root} is a file")
    if root.is_dir():
        documents = _folder(root, explicit, metadata, policy, progress)
    elif root.suffix.lower() == ARTICLE_SUFFIX:
        documents = _articles([(root, root.name)], None, policy, progress=False)
    elif root.suffix.lower() in SUFFIXES:
        documents = _table(root, explicit, policy)
    else:
        raise CorpusError(
            f"{root}: unsupported file type {root.suffix or '(no suffix)'!r}; accepted: a "
            f"folder, {ARTICLE_SUFFIX}, {', '.join(SUFFIXES)}"
        )
    return assemble(documents, policy)


def _explicit_columns(**columns: str | None) -> dict[str, str | None]:
    """Check the ``*_column`` options; return them keyed by document field."""
    for parameter, name in columns.items():
        if name is not None and not (isinstance(name, str) and name):
            raise ValueError(
                f"{parameter}={name!r}: column names must be non-empty strings (or None to detect)"
            )
    return {_FIELD_OF[parameter]: name for parameter, name in columns.items()}


_FIELD_OF = {
    "id_column": "doc_id", "title_column": "title", "text_column": "text",
    "date_column": "published", "source_column": "source",
}


def _existing(path: str | os.PathLike) -> Path:
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
    resolved = Path(path).expanduser()
    if not resolved.exists():
        raise CorpusError(f"{resolved}: path does not exist")
    return resolved


def _folder(root, explicit, metadata, policy, progress) -> list[tuple[str, dict]]:
    paths = find_articles(root)
    if not paths:
        raise CorpusError(f"{root}: no {ARTICLE_SUFFIX} articles in this folder or below")
    sidecar_path = _existing(metadata) if metadata is not None else find_sidecar(root)
    sidecar = read_sidecar(sidecar_path, explicit, policy) if sidecar_path else None
    if progress is None:
        progress = len(paths) >= PROGRESS_THRESHOLD
    documents = _articles(paths, sidecar, policy, progress)
    for name, (where, _) in (sidecar or {}).items():
        policy.handle(CorpusError(f"{where}: file {name!r} is not in {root}"), where)
    return documents


def _articles(paths, sidecar, policy, progress) -> list[tuple[str, dict]]:
    """Read each ``(path, relative name)``; ``sidecar`` entries are consumed when matched."""
    if progress:
        from tqdm.auto import tqdm

        paths = tqdm(paths, desc="loading articles", unit="file")
    documents = []
    for path, rel in paths:
        try:
            found = read_article(path, rel)
        except CorpusError as error:
            policy.handle(error, str(path))
            continue
        entry = sidecar.pop(rel, None) if sidecar else None
        for where, fields in found:
            if entry is not None:
                where = f"{where} (metadata: {entry[0]})"
                fields = apply_sidecar(fields, entry)
            _add(documents, where, fields, policy)
    return documents


def _table(path: Path, explicit, policy) -> list[tuple[str, dict]]:
    columns, rows = read_rows(path, policy)
    found = resolve_table_columns(columns, explicit, str(path))
    documents = []
    for where, number, row in rows:
        _add(documents, where, row_fields(row, found, f"{path.stem}-{number}"), policy)
    return documents


def _add(documents: list, where: str, fields: dict, policy: ErrorPolicy) -> None:
    try:
        documents.append((where, make_record(where, **fields)))
    except CorpusError as error:
        policy.handle(error, where)
