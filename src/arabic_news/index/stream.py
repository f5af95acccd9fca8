"""Texts tokenised once: every token with its place in the written text.

The corpus index (:mod:`arabic_news.index`) is built from one :class:`TokenStream` per
partition of a corpus, never by tokenising again. A stream holds, for its texts:

* ``token``: the normalised tokens in reading order, stop words included, as ids into
  ``vocabulary`` (so that keyword in context can show and sort the words around a term);
* ``start`` and ``end``: each token's character offsets in its document's text *as written*
  (``text[start:end]`` is the written word that gave the token), for keyword in context and
  for marking a term in the reader;
* ``doc_offsets``: document ``d`` owns tokens ``doc_offsets[d]:doc_offsets[d + 1]``;
* ``term_of``: for each vocabulary id, the id of the analyzer's term in ``terms`` (``-1``
  for a stop word, or a token the analyzer drops), so ``term_of[token]`` is the stream of
  terms that every count of the lessons is made of;
* ``spellings``: the written form of every token with its count, for display forms.

How the written text is cut, and why the tokens equal the analyzer's. The package's
normaliser maps each character on its own (:mod:`arabic_news.text.normalize`). Call a
character a *separator* when neither it nor what the normaliser makes of it can be part of a
token (spaces, punctuation, symbols: Unicode categories Z, P, S and C), and when the
normaliser does not delete it. The text is cut at separators into *pieces*, each piece is
normalised and tokenised on its own with the package's tokeniser, and each distinct piece
only once (most pieces are frequent words). No token of the normalised text can span a
separator, so the tokens of the pieces, in order, are exactly ``tokenize(normalize(text))``:
a character the normaliser deletes (a bidi control, a zero-width joiner, a lone haraka)
stays inside its piece and the words around it join as they do in the normalised text.
``tests/test_index_stream.py`` checks the equality on random text and on the seeds.
A piece that gives several tokens (``عام٢٠١٦`` gives عام and 2016) lends its span to each.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from itertools import chain, islice

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from arabic_news.text.normalize import normalize_each
from arabic_news.text.tokenize import tokenize

#: Texts per batch: the code points of a batch are held as one array of 4 bytes each. A
#: batch's arrays are kept small (a few million values), so the same memory serves batch
#: after batch instead of new memory being asked of the system each time.
BATCH = 4000
_PLANE = 0x10000
_CODE_POINTS = 0x110000
_LINE_BREAK = "\n".encode("utf-32-le")
# Conservative shortcuts, each a subset of what the tokeniser keeps as one token: a run of
# the 36 plain Arabic letters (ء to ي) is one token; so is such a run with harakat, shadda,
# sukun or tatweel after its first letter, as written.
_LETTERS = "\u0621-\u063a\u0641-\u064a"
_ONE_ARABIC_WORD = re.compile(f"[{_LETTERS}]+")
_ONE_WRITTEN_WORD = re.compile(f"[{_LETTERS}][{_LETTERS}\u0640\u064b-\u0652]*")


@cache
def _separators(normalizer) -> np.ndarray:
    """A boolean per code point (U+0000 to U+10FFFF): is it a separator for ``normalizer``?

    Characters beyond U+FFFF are never separators (they stay inside pieces, which is always
    safe: the piece is then tokenised whole). A surrogate code point is never one either.
    """
    table = np.zeros(_CODE_POINTS, dtype=bool)
    for point in range(_PLANE):
        if 0xD800 <= point <= 0xDFFF:
            continue
        char = chr(point)
        if unicodedata.category(char)[0] not in "ZPSC":
            continue
        shown = char if normalizer is None else normalizer(char)
        table[point] = bool(shown) and all(unicodedata.category(c)[0] in "ZPSC" for c in shown)
    return table


class TokenStream:
    """The tokens of ``texts`` as arrays (see the module docstring for each attribute).

    ``analyzer`` is an :class:`~arabic_news.text.analyzer.ArabicAnalyzer` (its normaliser
    cuts and normalises the tokens; its ``tokens`` method turns a token into its term, or
    none). Texts are read ``BATCH`` at a time; the arrays hold 12 bytes a token.
    ``spellings`` is a frame of the written forms (``written``) with their ``count``.
    """

    def __init__(self, texts: Iterable[str], analyzer, *, terms: bool = True) -> None:
        self.analyzer = analyzer
        self._separator = _separators(analyzer.normalizer)
        self._pieces = _Pieces(analyzer.normalizer)
        tokens, starts, ends, lengths = [], [], [], []
        for cut in self._cuts(texts):
            found = self._batch(cut)
            for kept, value in zip((tokens, starts, ends, lengths), found, strict=True):
                kept.append(value)
        self.token = _joined(tokens, np.int32)
        self.start = _joined(starts, np.int32)
        self.end = _joined(ends, np.int32)
        per_document = _joined(lengths, np.int64)
        self.doc_offsets = np.concatenate(([0], np.cumsum(per_document))).astype(np.int64)
        self.n_documents = len(per_document)
        self.vocabulary = np.array(self._pieces.vocabulary, dtype=object)
        if terms:  # an index's parts leave it to the merge, once for the whole vocabulary
            self.term_of, self.terms = terms_of_tokens(self.vocabulary.tolist(), analyzer)
        self.spellings = self._pieces.written_counts()
        del self._pieces

    def _cuts(self, texts: Iterable[str]):
        """Each batch of ``texts`` cut into pieces (:func:`_cut`); the next batch is cut in a
        second thread while this one looks up and tokenises the pieces of the last (the
        cutting is numpy's and Arrow's, which let go of the GIL)."""
        remaining = iter(texts)
        with ThreadPoolExecutor(max_workers=1) as beside:
            batch = list(islice(remaining, BATCH))
            cutting = beside.submit(_cut, batch, self._separator) if batch else None
            while cutting is not None:
                cut = cutting.result()
                batch = list(islice(remaining, BATCH))
                cutting = beside.submit(_cut, batch, self._separator) if batch else None
                yield cut

    def _batch(self, cut: _Cut):
        """The tokens of a batch of texts, their spans in their texts, and each text's
        number of tokens."""
        ids = self._pieces.ids(cut.pieces)
        tokens, owner = self._pieces.tokens(ids)
        document = (np.searchsorted(cut.doc_start, cut.piece_start, side="right") - 1)[owner]
        base = cut.doc_start[document]
        return (tokens, (cut.piece_start[owner] - base).astype(np.int32),
                (cut.piece_end[owner] - base).astype(np.int32),
                np.bincount(document, minlength=len(cut.doc_start)))

    # -- reading ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.token)

    def __repr__(self) -> str:
        return (f"TokenStream({self.n_documents} documents, {len(self)} tokens, "
                f"{len(self.vocabulary)} token types, {len(self.terms)} terms)")

    def document_of(self, positions: np.ndarray) -> np.ndarray:
        """The document of each stream position."""
        return np.searchsorted(self.doc_offsets, positions, side="right") - 1

    def tokens_of(self, document: int) -> list[str]:
        """The normalised tokens of one document, as ``tokenize`` gives them."""
        span = self.token[self.doc_offsets[document]:self.doc_offsets[document + 1]]
        return self.vocabulary[span].tolist()


@dataclass
class _Cut:
    """A batch of texts cut into pieces: where each piece starts and ends in the batch's
    texts joined by line breaks, where each text starts there, and the pieces as written
    (dictionary-encoded UTF-32 bytes, see :func:`_written_pieces`)."""

    piece_start: np.ndarray
    piece_end: np.ndarray
    doc_start: np.ndarray
    pieces: pa.DictionaryArray


def _cut(texts: list[str], separator: np.ndarray) -> _Cut:
    for position, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"text {position} of a batch is {type(text).__name__}, not str;"
                            " drop missing texts or decode them first")
    joined = "\n".join(texts)
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    piece_start, piece_end = _piece_bounds(points, separator)
    doc_start = np.cumsum([0] + [len(text) + 1 for text in texts[:-1]])
    return _Cut(piece_start, piece_end, doc_start,
                _written_pieces(points, piece_start, piece_end).dictionary_encode())


class _Pieces:
    """The distinct pieces of a stream, each tokenised once, and their counts.

    Pieces are held as written, as the UTF-32 bytes of their code points in an Arrow array
    (``_known``, by id), so that a batch's pieces are told apart and found by Arrow's
    hashing rather than one Python string at a time; only a piece seen for the first time is
    decoded (``_written``) and tokenised in Python. Piece ``p`` gives the tokens
    ``_tokens[_offsets[p]:_offsets[p + 1]]`` (ids into ``vocabulary``, in order of first
    use).
    """

    def __init__(self, normalizer) -> None:
        self._normalizer = normalizer
        self._known = pa.array([], pa.large_binary())
        self._written: list[str] = []
        self._offsets = np.zeros(1, dtype=np.int64)
        self._tokens = np.zeros(0, dtype=np.int32)
        self._counts = np.zeros(0, dtype=np.int64)
        self._vocabulary: dict[str, int] = {}

    @property
    def vocabulary(self) -> list[str]:
        return list(self._vocabulary)

    def ids(self, encoded: pa.DictionaryArray) -> np.ndarray:
        """The id of each of the pieces ``encoded`` (written, as bytes); pieces not seen
        before get the next ids, in order of first occurrence, and are tokenised."""
        distinct = encoded.dictionary
        found = pc.index_in(distinct, value_set=self._known)
        ids = pc.fill_null(found, -1).to_numpy().astype(np.int64)
        new = ids < 0
        ids[new] = len(self._known) + np.arange(np.count_nonzero(new))
        self._add(distinct.filter(pa.array(new)))
        ids = ids[encoded.indices.to_numpy()]
        counts = np.bincount(ids, minlength=len(self._known))
        counts[:len(self._counts)] += self._counts
        self._counts = counts
        return ids

    def tokens(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The tokens of the pieces ``ids``, in order, and the position in ``ids`` of the
        piece each comes from."""
        first = self._offsets[ids]
        sizes = self._offsets[ids + 1] - first
        owner = np.repeat(np.arange(len(ids)), sizes)
        within = np.arange(len(owner)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        return self._tokens[first[owner] + within], owner

    def _add(self, new: pa.Array) -> None:
        written = _decoded(new)
        made = self._tokens_of(written)
        vocabulary = self._vocabulary
        found = [vocabulary.setdefault(token, len(vocabulary))
                 for token in chain.from_iterable(made)]
        sizes = np.fromiter(map(len, made), dtype=np.int64, count=len(made))
        self._offsets = np.concatenate((self._offsets, self._offsets[-1] + np.cumsum(sizes)))
        self._tokens = np.concatenate((self._tokens, np.asarray(found, dtype=np.int32)))
        self._known = pa.concat_arrays([self._known, new])
        self._written += written

    def _tokens_of(self, pieces: list[str]) -> list[list[str]]:
        """``tokenize(piece, normalizer=...)`` of each piece. The package's normaliser maps
        characters one by one and keeps line breaks, so all pieces are normalised in one call;
        a piece that is then one run of plain Arabic letters is one token as it stands."""
        normalizer = self._normalizer
        if not pieces:
            return []
        if normalizer is not None and type(normalizer).__name__ != "Normalizer":
            return [tokenize(piece, normalizer=normalizer) for piece in pieces]
        normalised = normalize_each(pieces, normalizer)
        one = _ONE_ARABIC_WORD.fullmatch
        return [[piece] if one(piece) else tokenize(piece, normalizer=None)
                for piece in normalised]

    def written_counts(self) -> pd.DataFrame:
        """Every written token with its count. A piece that is one run of Arabic letters and
        marks is one written token as it stands; any other piece is tokenised as written."""
        one = _ONE_WRITTEN_WORD.fullmatch
        whole = np.fromiter((one(piece) is not None for piece in self._written), dtype=bool,
                            count=len(self._written))
        pieces = np.array(self._written, dtype=object)
        made = [tokenize(piece, normalizer=None) for piece in pieces[~whole]]
        sizes = np.fromiter(map(len, made), dtype=np.int64, count=len(made))
        written = pd.DataFrame({
            "written": np.concatenate((pieces[whole],
                                       np.array(list(chain.from_iterable(made)), dtype=object))),
            "count": np.concatenate((self._counts[whole], np.repeat(self._counts[~whole], sizes)))})
        return written.groupby("written", sort=False, as_index=False)["count"].sum()


def terms_of_tokens(tokens: list[str], analyzer) -> tuple[np.ndarray, np.ndarray]:
    """Each normalised token's term: ``(term_of, terms)``, where ``term_of[i]`` is the id in
    ``terms`` of what ``analyzer.tokens`` makes of ``tokens[i]`` (``-1`` for a stop word or a
    token the analyzer drops). ``tokens`` are distinct (a vocabulary)."""
    term_of = np.full(len(tokens), -1, dtype=np.int32)
    kept = _kept_positions(tokens, analyzer)
    if kept is not None:  # each kept token is its own term, in the order of the tokens
        term_of[kept] = np.arange(len(kept), dtype=np.int32)
        return term_of, np.array(tokens, dtype=object)[kept]
    terms: dict[str, int] = {}
    for number, token in enumerate(tokens):
        found = analyzer.tokens(token)
        if len(found) == 1:
            term_of[number] = terms.setdefault(found[0], len(terms))
    return term_of, np.array(list(terms), dtype=object)


def _kept_positions(tokens: list[str], analyzer) -> np.ndarray | None:
    """The positions of the tokens that ``analyzer.tokens`` keeps as they are, from one call
    on all tokens (one per line), when the analyzer keeps a token as it is or drops it (no
    stemming): what the call keeps is then ``tokens`` in order, some left out. None when it
    is not (a kept token not among ``tokens``, or out of order), or when ``tokens`` are not
    distinct: each token is then analysed on its own."""
    if getattr(analyzer, "stem", None) is not None:
        return None
    vocabulary = pd.Index(tokens, dtype=object)
    if not vocabulary.is_unique:
        return None
    kept = analyzer.tokens("\n".join(tokens))
    where = vocabulary.get_indexer(pd.Index(kept, dtype=object))
    if (where < 0).any() or (np.diff(where) <= 0).any():
        return None
    return where


def _joined(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype)


def _piece_bounds(points: np.ndarray, separator: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each piece (a run of non-separators) of a text's code points starts and ends."""
    inside = np.concatenate(([False], ~separator[points], [False]))
    changes = np.flatnonzero(inside[1:] != inside[:-1])
    return changes[::2], changes[1::2]


def _written_pieces(points: np.ndarray, start: np.ndarray, end: np.ndarray) -> pa.Array:
    """The pieces ``points[start:end]`` (code points) as UTF-32 bytes in one Arrow array. The
    array is first made over all the code points, the pieces and the runs of separators
    between them alternating, then the pieces are taken."""
    if not len(start):
        return pa.array([], pa.large_binary())
    bounds = np.empty(2 * len(start), dtype=np.int64)
    bounds[0::2] = start
    bounds[1::2] = end
    bounds *= points.itemsize
    alternating = pa.LargeBinaryArray.from_buffers(
        pa.large_binary(), len(bounds) - 1, [None, pa.py_buffer(bounds), pa.py_buffer(points)])
    return alternating.take(pa.array(np.arange(0, len(alternating), 2, dtype=np.int64)))


def _decoded(pieces: pa.Array) -> list[str]:
    """UTF-32 bytes of an Arrow array as Python strings (a lone surrogate decoded back):
    decoded in one call, joined by line breaks, which no piece holds."""
    if not len(pieces):
        return []
    joined = _LINE_BREAK.join(pieces.to_pylist())
    return joined.decode("utf-32-le", "surrogatepass").split("\n")
