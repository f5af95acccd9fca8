"""``read_corpus``: one reader for every accepted corpus layout, into pandas.

``arabic_news.load_corpus`` (:mod:`arabic_news.corpus.on_engine`) reads a corpus with it, or
on the Dask engine from shards that :mod:`arabic_news.corpus.convert` writes with
:func:`iter_corpus`.
"""

import os
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from arabic_news.corpus.cache import DamagedCacheEntryWarning, prepared_shards
from arabic_news.corpus.columns import hint_date_column
from arabic_news.corpus.files import DEFAULT_MAX_FILE_SIZE, FileAccess, existing_path, shown_path
from arabic_news.corpus.frame import assemble, assemble_batches, make_record
from arabic_news.corpus.options import check_options
from arabic_news.corpus.policy import ErrorPolicy
from arabic_news.corpus.provenance import provenance
from arabic_news.corpus.seeds import seeds_path
from arabic_news.corpus.shards import (
    check_shards_options,
    is_shards_folder,
    iter_shards,
    read_shards,
    say_notes,
)
from arabic_news.corpus.sidecar import apply_sidecar, find_sidecar, read_sidecar
from arabic_news.corpus.tables import (
    SUFFIXES,
    iter_row_batches,
    resolve_table_columns,
    row_fields,
    table_stem,
    table_suffix,
)
from arabic_news.corpus.text_files import ARTICLE_SUFFIX, find_articles, read_article
from arabic_news.errors import CorpusError

# With progress=None a bar appears from this many files on (about a second of loading).
PROGRESS_THRESHOLD = 2000

Documents = Iterable[tuple[str, dict]]


def read_corpus(
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
    ``.jsonl`` sidecar at its root, or the table given as ``metadata``), a single ``.txt``, a
    table (``.csv``, ``.tsv``, ``.jsonl``, a ``.json`` array of article objects,
    ``.parquet``; all but Parquet also gzipped, ``news.jsonl.gz``), or a shards folder
    written by :mod:`arabic_news.corpus.convert`. ``None`` loads the bundled seeds.
    Encodings (UTF-8 with/without BOM, UTF-16 and UTF-32 with BOM, plausible Windows-1256)
    and line endings are detected; the loader only reads, never writes.

    Columns: ``doc_id`` (unique str), ``title`` (first non-empty line of the text when not
    given), ``source`` ('' when unknown), ``published`` (``datetime64[us, UTC]``, NaT when
    unknown; a date without a zone is taken as UTC), ``text`` (as written: BOM removed and
    line endings normalised only; for a plain ``.txt`` the whole file, headline included),
    then every extra column (``file`` for articles; ``url``, ``category``, ``author``,
    ``abstract`` for ANT; a table's or sidecar's other columns; one whose values Arrow cannot
    store as one type is kept as text, see :mod:`arabic_news.corpus.extras`). The
    ``*_column`` options name a table's (or sidecar's) columns; by default common names are
    detected (``data/column_names.tsv``), and a date column under another name is named in a
    :class:`~arabic_news.corpus.policy.DateColumnWarning`.

    Rows follow the files' relative paths (sorted) or the table's row order. A bad document
    raises :class:`CorpusError` naming the file (and line or row) and the problem; with
    ``on_error="skip"`` it is left out instead, with one ``SkippedDocumentWarning`` each, and
    listed in ``df.attrs["skipped"]`` (read it with :func:`arabic_news.corpus.skipped_summary`,
    which works on both engines). ``df.attrs["provenance"]`` names the corpus given and the
    shards read, if any (:mod:`arabic_news.corpus.provenance`). ``progress`` shows a tqdm bar
    (None: only for thousands of files).

    When the shards cache already holds this corpus with these options (prepared by the
    notebook runner, or by an earlier load on the Dask engine), those shards are read instead
    of the original files: the same frame, faster, never stale; ``attrs["provenance"]
    ["cache"]`` is then ``"hit"`` (the contract: :mod:`arabic_news.corpus.cache`). A shards
    folder is checked before it is trusted (:mod:`arabic_news.corpus.shard_checks`), and
    options that say how to read an original corpus (``text_column=``, ``metadata=``, ...)
    are refused for it.

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
    * a table row with the wrong number of fields, a broken JSON line or array item, a
      duplicate id;
    * a file name that is not valid UTF-8, a JSON string holding a lone surrogate
      (``"\\ud800"``), a folder that cannot be listed (a path longer than PATH_MAX).

    A title taken from the text's first line is cut to at most 200 characters (``…`` marks
    the cut); given titles are kept whole.
    """
    options = dict(
        text_column=text_column, title_column=title_column, date_column=date_column,
        source_column=source_column, id_column=id_column, metadata=metadata,
        on_error=on_error, progress=progress, follow_symlinks=follow_symlinks,
        max_file_size=max_file_size,
    )
    check_options(**options)
    if is_shards_folder(path):  # written by arabic_news.corpus.convert: checked on reading
        check_shards_options(path, options)
        frame = read_shards(path, follow_symlinks=follow_symlinks, max_file_size=max_file_size)
        say_notes(frame.attrs["notes"])
        return _with_provenance(frame, path, shards=path, cache=None)
    prepared = prepared_shards(path, options)
    if prepared is not None:  # the same corpus and options, converted already: read that
        try:
            frame = read_shards(prepared, max_file_size=None)
        except CorpusError as error:
            warnings.warn(f"{error}; reading the original files instead",
                          DamagedCacheEntryWarning, stacklevel=2)
        else:
            say_notes(frame.attrs["notes"])
            return _with_provenance(frame, path, shards=prepared, cache="hit")
    documents, policy = _documents(path, **options)
    return _with_provenance(assemble(documents, policy), path, shards=None, cache=None)


def _with_provenance(frame: pd.DataFrame, path, *, shards, cache) -> pd.DataFrame:
    frame.attrs["provenance"] = provenance(path, shards, cache)
    return frame


def iter_corpus(
    path: str | os.PathLike | None = None,
    *,
    batch_size: int = 10_000,
    **options,
) -> Iterator[pd.DataFrame]:
    """Read a corpus in DataFrames of at most ``batch_size`` rows, for corpora that do not fit
    in memory.

    Accepts every layout and option of :func:`read_corpus` and applies the same checks,
    errors and skip rules; the batches, concatenated, equal what :func:`read_corpus` returns
    (a column first met in a later batch is missing from the
    earlier ones; an extra column that turns mixed in a later batch is text from that batch
    on). JSON Lines are read line by line, JSON arrays item by item, Parquet by record batches
    and shards folders shard by shard, so memory is bounded by the batch, not the file (a
    gzipped table is decompressed as it is read, once more for a first pass that checks its
    encoding and its unpacked size against ``max_file_size``); CSV/TSV files are decoded whole
    (at most ``max_file_size``), as their encoding detection needs it. Duplicate ids are
    checked across batches. ``batch.attrs["skipped"]`` lists the documents skipped since the
    previous batch, ``batch.attrs["notes"]`` what the loader noted since then. Validation
    happens before the first batch is asked for: options are checked at once.
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size={batch_size!r}: give a positive number of rows per batch")
    if "engine" in options:
        raise ValueError("iter_corpus reads with pandas; load_corpus(path, engine=...) gives "
                         "a corpus on another engine")
    if is_shards_folder(path):
        check_options(**options)
        check_shards_options(path, options)
        return iter_shards(path, batch_size, follow_symlinks=options.get("follow_symlinks", False),
                           max_file_size=options.get("max_file_size", DEFAULT_MAX_FILE_SIZE))
    documents, policy = _documents(path, **options)
    return assemble_batches(documents, policy, batch_size)


def _documents(path, **given) -> tuple[Documents, ErrorPolicy]:
    """Check the options; return the lazy ``(where, record)`` stream and its error policy.

    Everything that can be checked before reading a document (options, the path, the
    folder's file list and sidecar) is checked here, at once.
    """
    options, explicit, policy = check_options(**given)
    follow, limit, metadata = (options["follow_symlinks"], options["max_file_size"],
                               options["metadata"])
    root = seeds_path() if path is None else existing_path(path)
    if metadata is not None and not root.is_dir():
        raise ValueError(f"metadata= describes the .txt files of a folder; {root} is a file")
    if root.is_dir():
        access = FileAccess(root.resolve(), follow, limit)
        documents = _folder(root, explicit, metadata, policy, options["progress"], access)
    elif root.suffix.lower() == ARTICLE_SUFFIX:
        documents = _articles([(root, root.name)], None, policy, False,
                              FileAccess(None, follow, limit))
    elif table_suffix(root) is not None:
        documents = _table(root, explicit, policy, FileAccess(None, follow, limit))
    else:
        raise CorpusError(
            f"{root}: unsupported file type {root.suffix or '(no suffix)'!r}; accepted: a "
            f"folder, {ARTICLE_SUFFIX}, {', '.join(SUFFIXES)}"
        )
    return documents, policy


def _folder(root, explicit, metadata, policy, progress, access) -> Documents:
    problems: list[tuple[str, CorpusError]] = []
    paths = find_articles(root, access.follow_symlinks, problems)
    for where, problem in problems:
        policy.handle(problem, where)
    if not paths:
        raise CorpusError(f"{root}: no {ARTICLE_SUFFIX} articles in this folder or below")
    if metadata is not None:
        sidecar_path = existing_path(metadata)
        sidecar_access = FileAccess(None, access.follow_symlinks, access.max_file_size)
    else:
        sidecar_path, sidecar_access = find_sidecar(root), access
    sidecar = read_sidecar(sidecar_path, explicit, policy, sidecar_access) if sidecar_path else None
    if progress is None:
        progress = len(paths) >= PROGRESS_THRESHOLD
    return _folder_documents(root, paths, sidecar, policy, progress, access)


def _folder_documents(root, paths, sidecar, policy, progress, access) -> Documents:
    yield from _articles(paths, sidecar, policy, progress, access)
    for name, (where, _) in (sidecar or {}).items():
        policy.handle(CorpusError(f"{where}: file {name!r} is not in {root}"), where)


def _articles(paths, sidecar, policy, progress, access) -> Documents:
    """Read each ``(path, relative name)``; ``sidecar`` entries are consumed when matched."""
    if progress:
        from tqdm.auto import tqdm

        paths = tqdm(paths, desc="loading articles", unit="file")
    for path, rel in paths:
        try:
            found = read_article(path, rel, access)
        except CorpusError as error:
            policy.handle(error, shown_path(path))
            continue
        entry = sidecar.pop(rel, None) if sidecar else None
        for where, fields in found:
            if entry is not None:
                where = f"{where} (metadata: {entry[0]})"
                fields = apply_sidecar(fields, entry)
            yield from _record(where, fields, policy)


def _table(path: Path, explicit, policy, access) -> Documents:
    """The documents of a table file, batch by batch (see :func:`iter_row_batches`).

    The columns are resolved on the first batch's columns and again whenever a later
    JSON line brings new keys; a later key that changes which column holds a field is an
    error (name the columns explicitly), since earlier rows were already read another way.
    """
    found = None
    resolved_on: list[str] | None = None
    for columns, rows in iter_row_batches(path, policy, access):
        if not rows:
            continue
        if columns != resolved_on:
            now = resolve_table_columns(columns, explicit, shown_path(path))
            if found is not None and now != found:
                raise CorpusError(
                    f"{rows[0][0]}: keys first seen after row {rows[0][1] - 1} change which "
                    f"column holds each field ({found} -> {now}); name them with "
                    "text_column=, title_column=, ..."
                )
            if found is None and "published" not in now:
                hint_date_column(columns, (row for _, _, row in rows), now, shown_path(path),
                                 policy)
            found, resolved_on = now, columns
        for where, number, row in rows:
            yield from _record(where, row_fields(row, found, f"{table_stem(path)}-{number}"),
                               policy)


def _record(where: str, fields: dict, policy: ErrorPolicy) -> Documents:
    try:
        record = make_record(where, **fields)
    except CorpusError as error:
        policy.handle(error, where)
        return
    yield where, record
