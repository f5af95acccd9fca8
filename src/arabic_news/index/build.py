"""Building an index: each partition tokenised once, on either engine, then a small merge.

1. **Parts.** ``engine.per_partition(corpus, _write_part, staging, analyzer,
   numbered=True)`` runs :func:`_write_part` on each partition (on Dask, on the workers):
   it tokenises the partition's texts once (:class:`~arabic_news.index.stream.TokenStream`)
   and writes, in a folder of its own, the token stream with the partition's own token ids,
   its token vocabulary, its written forms with counts, and its texts. A worker holds one
   partition and its stream, never the corpus.
2. **Merge** (this process). The parts' vocabularies are joined in corpus order into one
   token vocabulary (so ids do not depend on the partitioning), the analyzer decides each
   distinct token's term once (:func:`terms_of_tokens`), and each part's stream, read
   through a memory map, is rewritten in the global ids into one stream, in steps of whole
   documents of about :data:`MERGE_TOKENS` tokens. Each step makes its documents' term
   counts and bigram counts (sparse rows; the bigram columns are the step's own distinct
   pair codes, sorted); the union of the steps' codes is the bigram vocabulary, into which
   each step's columns are relabelled in order. Memory: one step's arrays (small, so the
   same memory serves step after step), the vocabularies, and the sparse counts (the
   result).

Everything is written into a staging folder (:func:`~arabic_news.corpus.staging.staged_folder`),
the manifest last, then renamed: a half-built index is never seen under its name.
"""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from scipy import sparse

from arabic_news.engines import engine_of
from arabic_news.index.key import STORED
from arabic_news.index.layout import (
    STREAM,
    TEXT_ROWS,
    stream_file,
    texts_file,
)
from arabic_news.index.stream import BATCH, TokenStream, terms_of_tokens
from arabic_news.text.normalize import normalize_each

#: The metadata columns kept in ``documents.parquet`` (the text goes to the texts files).
METADATA = ("doc_id", "title", "source", "published")
#: Tokens per step of the merge (whole documents): the arrays of a step stay small.
MERGE_TOKENS = 1 << 21
_PART_META = pd.DataFrame({"part": pd.Series(dtype="int64"),
                           "documents": pd.Series(dtype="int64"),
                           "tokens": pd.Series(dtype="int64")})


def _part_folder(staging: Path, number: int) -> Path:
    return Path(staging) / f"part-{number:05d}"


def _write_part(frame: pd.DataFrame, number: int, staging: str, analyzer) -> dict:
    """Tokenise one partition and write its files (see the module docstring); returns the
    part's number, documents and tokens."""
    folder = _part_folder(Path(staging), number)
    folder.mkdir(exist_ok=True)  # a task run again writes the same files
    with _beside() as beside:  # Arrow writes the texts while this thread tokenises them
        texts = beside.submit(_write_texts, frame["text"], Path(staging) / texts_file(number))
        stream = TokenStream(_texts(frame["text"]), analyzer, terms=False)
        _write_stream_part(folder, stream)
        metadata = frame[list(METADATA)].reset_index(drop=True)
        metadata.attrs = {}  # the corpus's record (tables of what a step removed) is not kept
        metadata.to_parquet(folder / "metadata.parquet", index=False)
        texts.result()
    return {"part": number, "documents": len(frame), "tokens": len(stream)}


def _write_stream_part(folder: Path, stream: TokenStream) -> None:
    """A part's token stream (its own token ids), vocabulary and written forms."""
    np.save(folder / "token.npy", stream.token)
    np.save(folder / "start.npy", stream.start)
    np.save(folder / "end.npy", stream.end)
    np.save(folder / "lengths.npy", np.diff(stream.doc_offsets))
    pq.write_table(pa.table({"token": pa.array(stream.vocabulary.tolist(), pa.string())}),
                   folder / "vocabulary.parquet")
    spellings = stream.spellings
    pq.write_table(pa.table({"written": pa.array(spellings["written"], pa.string()),
                             "count": pa.array(spellings["count"], pa.int64())}),
                   folder / "spellings.parquet")


def _write_texts(column: pd.Series, path: Path) -> None:
    """A part's texts, as the column's Arrow array (no copy when it is Arrow-backed) of the
    ``string`` type, in row groups of :data:`TEXT_ROWS`."""
    pq.write_table(pa.table({"text": pa.array(column).cast(pa.string())}), path,
                   row_group_size=TEXT_ROWS)


def _beside():
    """One thread for work beside this one's (writing files, a pass of the merge): Arrow,
    numpy and scipy let go of the GIL in their loops, so on two cores it is mostly hidden."""
    return ThreadPoolExecutor(max_workers=1)


def _texts(column: pd.Series):
    """The texts of a column as Python strings, a batch at a time (never all at once)."""
    for begin in range(0, len(column), BATCH):
        yield from column.iloc[begin:begin + BATCH].tolist()


def build_into(staging: Path, corpus, analyzer, progress: bool) -> dict:
    """Write the index of ``corpus`` into the empty folder ``staging``; returns the counts
    recorded in the manifest (written by the caller, with the key)."""
    engine = engine_of(corpus)
    columns = corpus[list(STORED)]
    parts = engine.per_partition(columns, _write_part, str(staging), analyzer, numbered=True)
    parts = sorted(parts, key=lambda part: part["part"])
    folders = [_part_folder(staging, part["part"]) for part in parts]
    vocabulary, mappings = _joined_vocabulary(folders)
    tokens = list(vocabulary)
    term_of, terms = terms_of_tokens(tokens, analyzer)
    with _beside() as beside:  # the tables are written while the stream and counts are made
        tables = beside.submit(_write_tables, staging, folders, parts, tokens, term_of, terms,
                               analyzer.normalizer)
        counts = _write_stream_and_counts(staging, folders, mappings, term_of, len(terms),
                                          progress)
        documents = tables.result()
    for folder in folders:
        shutil.rmtree(folder)
    return {"documents": int(documents), "parts": len(parts), **counts,
            "token_types": len(tokens), "term_types": len(terms)}


def _write_tables(staging: Path, folders: list[Path], parts: list[dict], tokens: list[str],
                  term_of: np.ndarray, terms: np.ndarray, normalizer) -> int:
    """The token and term vocabularies, the spellings and the documents; returns the number
    of documents."""
    pd.DataFrame({"token": pd.Series(tokens, dtype=str), "term": term_of}).to_parquet(
        staging / "tokens.parquet", index=False)
    pd.DataFrame({"term": pd.Series(terms.tolist(), dtype=str)}).to_parquet(
        staging / "terms.parquet", index=False)
    _write_spellings(staging, folders, tokens, term_of, normalizer)
    return _write_documents(staging, folders, parts)


def _joined_vocabulary(folders: list[Path]) -> tuple[dict[str, int], list[np.ndarray]]:
    """One token vocabulary for all parts, in corpus order, and each part's local -> global
    id mapping."""
    vocabulary: dict[str, int] = {}
    mappings = []
    for folder in folders:
        local = pd.read_parquet(folder / "vocabulary.parquet")["token"].tolist()
        mappings.append(np.fromiter((vocabulary.setdefault(token, len(vocabulary))
                                     for token in local), dtype=np.int32, count=len(local)))
    return vocabulary, mappings


def _write_spellings(staging: Path, folders: list[Path], tokens: list[str],
                     term_of: np.ndarray, normalizer) -> None:
    """Each term's written forms with their counts: a written token whose normalised form is
    one of ``tokens`` (the vocabulary) spells that token's term (one normalising call for all
    written forms: the normaliser keeps line breaks)."""
    written = _summed_spellings(folders)
    forms = written["written"].to_pylist()
    normalised = normalize_each(forms, normalizer)
    found = pc.index_in(pa.array(normalised, pa.string()), value_set=pa.array(tokens, pa.string()))
    found = pc.fill_null(found, -1).to_numpy().astype(np.int64)
    terms = np.where(found >= 0, term_of[np.maximum(found, 0)] if len(term_of) else -1, -1)
    table = written.add_column(0, "term", pa.array(terms, pa.int32()))
    table = table.filter(pa.array(terms >= 0)).sort_by([("term", "ascending"),
                                                        ("written", "ascending")])
    table.to_pandas().to_parquet(staging / "spellings.parquet", index=False)
    pd.DataFrame({"written_tokens": [int(pc.sum(written["count"]).as_py() or 0)],
                  "written_forms": [len(written)]}).to_parquet(staging / "written.parquet",
                                                               index=False)


def _summed_spellings(folders: list[Path]):
    """The parts' written forms, each once, with its count summed over the parts (an Arrow
    table of ``written`` and ``count``)."""
    parts = [pq.read_table(folder / "spellings.parquet") for folder in folders]
    if not parts:
        return pa.table({"written": pa.array([], pa.string()), "count": pa.array([], pa.int64())})
    summed = pa.concat_tables(parts).group_by("written").aggregate([("count", "sum")])
    return pa.table({"written": summed["written"], "count": summed["count_sum"]})


def _write_documents(staging: Path, folders: list[Path], parts: list[dict]) -> int:
    frames = []
    for folder, part in zip(folders, parts, strict=True):
        frame = pd.read_parquet(folder / "metadata.parquet")
        frame["part"] = np.int32(part["part"])
        frame["row"] = np.arange(len(frame), dtype=np.int32)
        frame["tokens"] = np.load(folder / "lengths.npy").astype(np.int64)
        frames.append(frame)
    documents = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    documents.to_parquet(staging / "documents.parquet", index=False)
    return len(documents)


def _write_stream_and_counts(staging: Path, folders: list[Path], mappings: list[np.ndarray],
                             term_of: np.ndarray, n_terms: int, progress: bool) -> dict:
    """The global token stream and the per-document term counts (in a second thread), and
    the per-document bigram counts (in this one): two passes over the steps, each on its own
    core, as the work is mostly numpy's, Arrow's and scipy's, which let go of the GIL."""
    lengths = [np.load(folder / "lengths.npy") for folder in folders]
    steps = _MergeSteps(folders, mappings, lengths, term_of)
    with _beside() as beside:
        stream = beside.submit(_write_stream_and_term_counts, staging, steps, n_terms)
        bigrams = _write_bigram_counts(staging, steps, n_terms, progress)
        return {**stream.result(), **bigrams}


class _MergeSteps:
    """The parts' streams in steps of whole documents (see the module docstring), each
    step's tokens in the global ids and its terms; iterated once per pass of the merge."""

    def __init__(self, folders: list[Path], mappings: list[np.ndarray],
                 lengths: list[np.ndarray], term_of: np.ndarray) -> None:
        self.folders, self.mappings, self.lengths = folders, mappings, lengths
        self.term_of = term_of
        self.tokens = int(sum(int(part.sum()) for part in lengths))
        self.bounds = [list(_steps(part, MERGE_TOKENS)) for part in lengths]

    def __len__(self) -> int:
        return sum(len(bounds) for bounds in self.bounds)

    def __iter__(self):
        """``(n_documents, stream, terms, owner)`` per step: ``stream`` the step's token,
        start and end arrays, ``terms`` its terms and ``owner`` the document of each (from 0
        in the step)."""
        for folder, mapping, lengths, bounds in zip(self.folders, self.mappings, self.lengths,
                                                    self.bounds, strict=True):
            part = {name: np.load(folder / f"{name}.npy", mmap_mode="r")
                    for name in ("token", "start", "end")}
            for first, last, begin, end in bounds:
                token = mapping[part["token"][begin:end]] if len(mapping) else \
                    np.zeros(0, np.int32)
                terms, owner = _term_stream(token, lengths[first:last], self.term_of)
                stream = {"token": token, "start": part["start"][begin:end],
                          "end": part["end"][begin:end]}
                yield last - first, stream, terms, owner


def _write_stream_and_term_counts(staging: Path, steps: _MergeSteps, n_terms: int) -> dict:
    """The global token stream (files appended to step by step) and the documents x terms
    counts."""
    per_document = np.concatenate(steps.lengths) if steps.lengths else np.zeros(0, np.int64)
    np.save(staging / stream_file("offsets"),
            np.concatenate(([0], np.cumsum(per_document))).astype(np.int64))
    # Appended with plain writes, not through a memory map: written pages of a map count
    # in this process's memory until they are flushed, which at 80 M tokens is a gigabyte.
    files = {name: _npy_writer(staging / stream_file(name), np.int32, steps.tokens)
             for name in STREAM if name != "offsets"}
    term_rows = []
    for n_documents, stream, terms, owner in steps:
        for name, values in stream.items():
            np.asarray(values, dtype=np.int32).tofile(files[name])
        term_rows.append(_csr(owner, terms, n_documents, n_terms))
    for handle in files.values():
        handle.close()
    counts = _stacked(term_rows, n_terms)
    sparse.save_npz(staging / "counts.npz", counts, compressed=False)
    return {"tokens": steps.tokens, "terms": int(counts.sum())}


def _write_bigram_counts(staging: Path, steps: _MergeSteps, n_terms: int,
                         progress: bool) -> dict:
    """The bigram vocabulary (pairs of term ids) and the documents x bigrams counts: each
    step's counts over its own sorted pair codes, then relabelled into their union."""
    pair_rows, pair_codes = [], []
    for n_documents, _, terms, owner in _progress(steps, progress, "indexing parts"):
        found, rows = _pair_counts(terms, owner, n_terms, n_documents)
        pair_codes.append(found)
        pair_rows.append(rows)
    pairs = _sorted_union(pair_codes)
    np.save(staging / "bigrams.npy", np.stack([pairs // max(n_terms, 1),
                                               pairs % max(n_terms, 1)]).astype(np.int32))
    bigram_rows = [_relabelled(rows, np.searchsorted(pairs, found), len(pairs))
                   for rows, found in zip(pair_rows, pair_codes, strict=True)]
    sparse.save_npz(staging / "bigram_counts.npz", _stacked(bigram_rows, len(pairs)),
                    compressed=False)
    return {"bigram_types": len(pairs)}


def _steps(lengths: np.ndarray, tokens: int):
    """Runs of whole documents of about ``tokens`` tokens (at least one document each):
    ``(first, last, begin, end)``, documents ``first:last`` owning tokens ``begin:end``."""
    offsets = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    first = 0
    while first < len(lengths):
        last = max(int(np.searchsorted(offsets, offsets[first] + tokens, side="right")) - 1,
                   first + 1)
        yield first, last, int(offsets[first]), int(offsets[last])
        first = last


def _pair_counts(terms: np.ndarray, owner: np.ndarray, n_terms: int, n_documents: int):
    """The distinct pair codes of a run of documents, in increasing order, and its documents'
    counts of them (CSR, a column per distinct code)."""
    codes, pair_owner = _pair_codes(terms, owner, n_terms)
    found, local = _distinct(codes)
    return found, _csr(pair_owner, local, n_documents, len(found))


def _distinct(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``values`` in increasing order, and the position of each value among
    them: Arrow's hash-based dictionary encoding, then one sort of the distinct values
    (faster than ``np.unique``'s sort of every value)."""
    encoded = pa.array(values).dictionary_encode()
    found = encoded.dictionary.to_numpy()
    order = np.argsort(found)
    rank = np.empty(len(order), dtype=np.int32)
    rank[order] = np.arange(len(order), dtype=np.int32)
    return found[order], rank[encoded.indices.to_numpy()]


def _sorted_union(arrays: list[np.ndarray]) -> np.ndarray:
    """The distinct values of increasing arrays, in increasing order: a stable sort (numpy's
    timsort merges the increasing runs, over ten times faster here than a quicksort, and
    than numpy's hash-based ``np.unique``), then the repeats dropped."""
    if len(arrays) < 2:
        return arrays[0] if arrays else np.zeros(0, np.int64)
    joined = np.sort(np.concatenate(arrays), kind="stable")
    first = np.ones(len(joined), dtype=bool)
    first[1:] = joined[1:] != joined[:-1]
    return joined[first]


def _relabelled(matrix, columns: np.ndarray, n_columns: int):
    """``matrix`` (CSR) with its column ``j`` moved to ``columns[j]``. ``columns`` increases,
    so each row's columns stay sorted and no row is sorted again."""
    return sparse.csr_matrix((matrix.data, columns[matrix.indices], matrix.indptr),
                             shape=(matrix.shape[0], n_columns))


def _npy_writer(path: Path, dtype, length: int):
    """A file open for appending the ``length`` values of a one-dimensional ``.npy`` array,
    its header written."""
    handle = open(path, "wb")
    np.lib.format.write_array_header_1_0(handle, {"descr": np.dtype(dtype).str,
                                                  "fortran_order": False, "shape": (length,)})
    return handle


def _term_stream(token: np.ndarray, lengths: np.ndarray, term_of: np.ndarray):
    """The terms of a part's tokens (stop words and dropped tokens left out), with the
    document (0-based within the part) of each."""
    owner = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    terms = term_of[token] if len(token) else np.zeros(0, np.int32)
    kept = terms >= 0
    return terms[kept].astype(np.int64), owner[kept]


def _pair_codes(terms: np.ndarray, owner: np.ndarray, n_terms: int):
    """The codes ``first * n_terms + second`` of adjacent terms of one document, with the
    document of each pair."""
    same = owner[:-1] == owner[1:]
    return terms[:-1][same] * n_terms + terms[1:][same], owner[:-1][same]


def _csr(rows: np.ndarray, columns: np.ndarray, n_rows: int, n_columns: int):
    matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, columns)),
                               shape=(n_rows, n_columns))
    matrix.sum_duplicates()
    return matrix


def _stacked(rows: list, n_columns: int):
    if not rows:
        return sparse.csr_matrix((0, n_columns), dtype=np.int32)
    return sparse.vstack(rows, format="csr", dtype=np.int32)


def _progress(steps: _MergeSteps, shown: bool, label: str):
    if not shown:
        return steps
    from tqdm.auto import tqdm

    return tqdm(steps, total=len(steps), desc=label, unit="step")
