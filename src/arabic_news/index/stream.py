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
from collections import Counter
from collections.abc import Iterable
from functools import cache
from itertools import islice

import numpy as np
import pandas as pd

from arabic_news.text.tokenize import tokenize

#: Texts per batch: the code points of a batch are held as one array of 4 bytes each.
BATCH = 8000
_PLANE = 0x10000
# Conservative shortcuts, each a subset of what the tokeniser keeps as one token: a run of
# the 36 plain Arabic letters (ء to ي) is one token; so is such a run with harakat, shadda,
# sukun or tatweel after its first letter, as written.
_LETTERS = "\u0621-\u063a\u0641-\u064a"
_ONE_ARABIC_WORD = re.compile(f"[{_LETTERS}]+")
_ONE_WRITTEN_WORD = re.compile(f"[{_LETTERS}][{_LETTERS}\u0640\u064b-\u0652]*")


@cache
def _separators(normalizer) -> np.ndarray:
    """A boolean per Basic Multilingual Plane code point: is it a separator for ``normalizer``?

    Characters beyond U+FFFF are never separators (they stay inside pieces, which is always
    safe: the piece is then tokenised whole). A surrogate code point is never one either.
    """
    table = np.zeros(_PLANE, dtype=bool)
    for point in range(_PLANE):
        if 0xD800 <= point <= 0xDFFF:
            continue
        char = chr(point)
        if unicodedata.category(char)[0] not in "ZPSC":
            continue
        shown = char if normalizer is None else normalizer(char)
        table[point] = bool(shown) and all(unicodedata.category(c)[0] in "ZPSC" for c in shown)
    return table


@cache
def _piece_pattern(normalizer) -> re.Pattern:
    """A regular expression whose matches are the pieces: runs of non-separators."""
    table = _separators(normalizer)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], table.astype(np.int8), [0]))))
    ranges = []
    for first, stop in zip(edges[::2], edges[1::2], strict=True):
        low, high = re.escape(chr(first)), re.escape(chr(stop - 1))
        ranges.append(low if first == stop - 1 else f"{low}-{high}")
    return re.compile(f"[^{''.join(ranges)}]+")


class TokenStream:
    """The tokens of ``texts`` as arrays (see the module docstring for each attribute).

    ``analyzer`` is an :class:`~arabic_news.text.analyzer.ArabicAnalyzer` (its normaliser
    cuts and normalises the tokens; its ``tokens`` method turns a token into its term, or
    none). Texts are read ``BATCH`` at a time; the arrays hold 12 bytes a token.
    """

    def __init__(self, texts: Iterable[str], analyzer, *, terms: bool = True) -> None:
        self.analyzer = analyzer
        self._normalizer = analyzer.normalizer
        self._pattern = _piece_pattern(self._normalizer)
        self._separator = _separators(self._normalizer)
        self._pieces: dict[str, int] = {}
        # Per distinct piece, its token ids: _piece_tokens[_piece_offsets[p]:...[p + 1]].
        self._piece_offsets = [0]
        self._piece_tokens: list[int] = []
        self._vocabulary: dict[str, int] = {}
        tokens, starts, ends, lengths, counts = [], [], [], [], []
        remaining = iter(texts)
        while batch := list(islice(remaining, BATCH)):
            found = self._batch(batch)
            for kept, value in zip((tokens, starts, ends, lengths, counts), found, strict=True):
                kept.append(value)
        self.token = _joined(tokens, np.int32)
        self.start = _joined(starts, np.int32)
        self.end = _joined(ends, np.int32)
        per_document = _joined(lengths, np.int64)
        self.doc_offsets = np.concatenate(([0], np.cumsum(per_document))).astype(np.int64)
        self.n_documents = len(per_document)
        self.vocabulary = np.array(list(self._vocabulary), dtype=object)
        if terms:  # an index's parts leave it to the merge, once for the whole vocabulary
            self._terms_of_vocabulary()
        piece_counts = np.zeros(len(self._pieces), dtype=np.int64)
        for ids, number in counts:
            piece_counts[ids] += number
        self.spellings = self._written_counts(piece_counts)
        del self._pieces, self._piece_offsets, self._piece_tokens, self._vocabulary

    # -- building ---------------------------------------------------------------------------
    def _batch(self, texts: list[str]):
        for position, text in enumerate(texts):
            if not isinstance(text, str):
                raise TypeError(f"text {position} of a batch is {type(text).__name__}, not str;"
                                " drop missing texts or decode them first")
        joined = "\n".join(texts)
        points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        inside = np.ones(len(points), dtype=bool)
        small = points < _PLANE
        inside[small] = ~self._separator[points[small]]
        edges = np.diff(np.concatenate(([False], inside, [False])).astype(np.int8))
        piece_start = np.flatnonzero(edges == 1)
        piece_end = np.flatnonzero(edges == -1)
        found = self._pattern.findall(joined)
        if len(found) != len(piece_start):  # the pattern and the table are built alike
            raise AssertionError("pieces found by the pattern and by the table differ")
        codes, uniques = pd.factorize(np.asarray(found, dtype=object), sort=False)
        ids = self._piece_ids(uniques.tolist())[codes]
        offsets = np.asarray(self._piece_offsets, dtype=np.int64)
        piece_tokens = np.asarray(self._piece_tokens, dtype=np.int32)
        sizes = offsets[ids + 1] - offsets[ids]
        owner = np.repeat(np.arange(len(ids)), sizes)
        within = np.arange(len(owner)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        tokens = piece_tokens[offsets[ids][owner] + within]
        # Documents: text d starts at doc_start[d] in the joined batch (one "\n" between).
        doc_start = np.cumsum([0] + [len(text) + 1 for text in texts[:-1]])
        piece_document = np.searchsorted(doc_start, piece_start, side="right") - 1
        document = piece_document[owner]
        lengths = np.bincount(document, minlength=len(texts))
        base = doc_start[document]
        number = np.bincount(ids)  # ids are dense: the pieces known so far
        distinct = np.flatnonzero(number)
        number = number[distinct]
        return (tokens, piece_start[owner] - base, piece_end[owner] - base, lengths,
                (distinct, number))

    def _piece_ids(self, pieces: list[str]) -> np.ndarray:
        """Global ids of a batch's distinct pieces; new pieces are tokenised here, once."""
        known = self._pieces
        new = [piece for piece in pieces if piece not in known]
        for piece, tokens in zip(new, self._tokens_of(new), strict=True):
            known[piece] = len(known)
            vocabulary = self._vocabulary
            self._piece_tokens.extend(vocabulary.setdefault(t, len(vocabulary)) for t in tokens)
            self._piece_offsets.append(len(self._piece_tokens))
        return np.fromiter((known[piece] for piece in pieces), dtype=np.int64, count=len(pieces))

    def _tokens_of(self, pieces: list[str]) -> list[list[str]]:
        """``tokenize(piece, normalizer=...)`` of each piece. The package's normaliser maps
        characters one by one and keeps line breaks, so all pieces are normalised in one call;
        a piece that is then one run of plain Arabic letters is one token as it stands."""
        normalizer = self._normalizer
        if not pieces:
            return []
        if normalizer is not None and type(normalizer).__name__ != "Normalizer":
            return [tokenize(piece, normalizer=normalizer) for piece in pieces]
        joined = "\n".join(pieces)
        normalised = (joined if normalizer is None else normalizer(joined)).split("\n")
        one = _ONE_ARABIC_WORD.fullmatch
        return [[piece] if one(piece) else tokenize(piece, normalizer=None)
                for piece in normalised]

    def _terms_of_vocabulary(self) -> None:
        self.term_of, self.terms = terms_of_tokens(self.vocabulary.tolist(), self.analyzer)

    def _written_counts(self, piece_counts: np.ndarray) -> Counter:
        """Every written token with its count. A piece that is one run of Arabic letters and
        marks is one written token as it stands; any other piece is tokenised as written."""
        written: Counter = Counter()
        one = _ONE_WRITTEN_WORD.fullmatch
        for piece, number in self._pieces.items():
            count = int(piece_counts[number])
            if one(piece):
                written[piece] += count
            else:
                for token in tokenize(piece, normalizer=None):
                    written[token] += count
        return written

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


def terms_of_tokens(tokens: list[str], analyzer) -> tuple[np.ndarray, np.ndarray]:
    """Each normalised token's term: ``(term_of, terms)``, where ``term_of[i]`` is the id in
    ``terms`` of what ``analyzer.tokens`` makes of ``tokens[i]`` (``-1`` for a stop word or a
    token the analyzer drops). Without stemming the analyzer keeps a token as it is or drops
    it, so one call on all tokens (one per line) shows which it keeps."""
    if getattr(analyzer, "stem", None) is None:
        kept = iter(analyzer.tokens("\n".join(tokens)))
        made, following = [], next(kept, None)
        for token in tokens:
            if token == following:
                made.append([token])
                following = next(kept, None)
            else:
                made.append([])
        if following is not None:  # not a keep-or-drop analyzer after all
            made = [analyzer.tokens(token) for token in tokens]
    else:
        made = [analyzer.tokens(token) for token in tokens]
    terms: dict[str, int] = {}
    term_of = np.full(len(tokens), -1, dtype=np.int32)
    for number, found in enumerate(made):
        if len(found) == 1:
            term_of[number] = terms.setdefault(found[0], len(terms))
    return term_of, np.array(list(terms), dtype=object)


def _joined(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype)
