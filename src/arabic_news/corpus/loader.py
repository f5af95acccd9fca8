"""``load_corpus``: one entry point for every accepted corpus layout."""

import errno
import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from arabic_news.corpus.files import DEFAULT_MAX_FILE_SIZE, FileAccess, check_max_file_size
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
    follow_symlinks: bool = False,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
) -> pd.DataFrame:
    """Load a corpus of news articles into a DataFrame, one row per article.

    ``path`` is a folder of ``.txt`` articles (walked recursively; plain text or TREC/ANT
    ``<DOC>`` XML, told apart by content; optionally described by a ``metadata.csv``/``.tsv``/
    ``.jsonl`` sidecar at its root, or the table given as ``metadata``), a single ``.txt``, or
    a table (``.csv``, ``.tsv``, ``.jsonl``, ``.parquet``). ``None`` loads the bundled seeds.
    Encodings (UTF-8 with/without BOM, UTF-16 and UTF-32 with BOM, plausible Windows-1256)
    and line endings are detected; the loader only reads, never writes.

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

    What counts as a bad document (each a :class:`CorpusError`; see the README's "Bad input"):

    * a file that is not a regular file (FIFO, socket, device: refused without being read),
      a symbolic link leading outside the corpus folder (``follow_symlinks=True`` follows
      such links), a file larger than ``max_file_size`` bytes (1 GiB by default, checked
      before reading);
    * bytes that are not plausible text in an accepted encoding;
    * a document without text (empty, blank or missing text cell, ANT ``<DOC>`` without
      ``<TEXT>``), a text that is not a string, an id that is neither a string nor an
      integer, a title or source that is neither;
    * a publication date that cannot be parsed or lies outside 1800-01-01 .. the end of
      next year;
    * a table row with the wrong number of fields, a broken JSON line, a duplicate id.

    A title taken from the text's first line is cut to at most 200 characters (``…`` marks
    the cut); given titles are kept whole.
    """
    explicit = _explicit_columns(
        id_column=id_column, title_column=title_column, text_column=text_column,
        date_column=date_column, source_column=source_column,
    )
    policy = ErrorPolicy(on_error)
    if progress not in (None, True, False):
        raise ValueError(f"progress={progress!r} is not allowed: use None (auto), True or False")
    if not isinstance(follow_symlinks, bool):
        raise ValueError(f"follow_symlinks={follow_symlinks!r}: use True or False")
    max_file_size = check_max_file_size(max_file_size)
    root = seeds_path() if path is None else _existing(path)
    if metadata is not None and not root.is_dir():
        raise ValueError(f"metadata= describes the .txt files of a folder; {root} is a file")
    if root.is_dir():
        access = FileAccess(root.resolve(), follow_symlinks, max_file_size)
        documents = _folder(root, explicit, metadata, policy, progress, access)
    elif root.suffix.lower() == ARTICLE_SUFFIX:
        access = FileAccess(None, follow_symlinks, max_file_size)
        documents = _articles([(root, root.name)], None, policy, False, access)
    elif root.suffix.lower() in SUFFIXES:
        documents = _table(root, explicit, policy, FileAccess(None, follow_symlinks, max_file_size))
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
    if not os.fspath(path).strip():
        raise CorpusError(
            f"empty path {os.fspath(path)!r}: give a folder or file (use path=None for the "
            "bundled seeds, '.' for the current folder)"
        )
    resolved = Path(path).expanduser()
    try:
        exists = resolved.exists() or resolved.is_symlink()
    except OSError as error:
        shown = str(resolved) if len(str(resolved)) <= 120 else f"{str(resolved)[:100]}…"
        reason = "path too long" if error.errno == errno.ENAMETOOLONG else error.strerror
        raise CorpusError(f"{shown}: {reason} ({len(str(resolved))} characters)") from None
    if not exists:
        raise CorpusError(f"{resolved}: path does not exist")
    return resolved


def _folder(root, explicit, metadata, policy, progress, access) -> list[tuple[str, dict]]:
    problems: list[tuple[str, CorpusError]] = []
    paths = find_articles(root, access.follow_symlinks, problems)
    for where, problem in problems:
        policy.handle(problem, where)
    if not paths:
        raise CorpusError(f"{root}: no {ARTICLE_SUFFIX} articles in this folder or below")
    if metadata is not None:
        sidecar_path = _existing(metadata)
        sidecar_access = FileAccess(None, access.follow_symlinks, access.max_file_size)
    else:
        sidecar_path, sidecar_access = find_sidecar(root), access
    sidecar = read_sidecar(sidecar_path, explicit, policy, sidecar_access) if sidecar_path else None
    if progress is None:
        progress = len(paths) >= PROGRESS_THRESHOLD
    documents = _articles(paths, sidecar, policy, progress, access)
    for name, (where, _) in (sidecar or {}).items():
        policy.handle(CorpusError(f"{where}: file {name!r} is not in {root}"), where)
    return documents


def _articles(paths, sidecar, policy, progress, access) -> list[tuple[str, dict]]:
    """Read each ``(path, relative name)``; ``sidecar`` entries are consumed when matched."""
    if progress:
        from tqdm.auto import tqdm

        paths = tqdm(paths, desc="loading articles", unit="file")
    documents = []
    for path, rel in paths:
        try:
            found = read_article(path, rel, access)
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


def _table(path: Path, explicit, policy, access) -> list[tuple[str, dict]]:
    columns, rows = read_rows(path, policy, access)
    if not rows:  # every row was skipped: their reasons are in policy.skipped
        return []
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
