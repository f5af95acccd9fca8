"""The tokens of a large column of texts, encoded once and kept on disk, so that every
analysis that reads the corpus term by term (collocations and keyness, TF-IDF similarity,
term shares over time, topic models, the exercise checkers) tokenises it once.

Tokenising is most of the cost of these analyses: about 2.4 s for the 31,500 articles of
ANT, against 0.9 s to read the tokens back and turn them into lists. The tokens of one
partition (a column of texts) are kept as integer ids into the partition's vocabulary, with
each text's number of tokens, in the results cache of :mod:`.remembered`: keyed by the
texts, the analyzer's settings (:func:`~arabic_news.text.analyzer.analyzer_key`) and the
package's code, never served stale. Only a tokeniser whose settings say everything it does
is kept (an :class:`~arabic_news.text.analyzer.ArabicAnalyzer`, called or its ``tokens``),
and only for columns of at least :data:`~.remembered.CACHE_FROM` texts; anything else is
tokenised every time, with the same result.

An analyzer with n-grams (``ngram_range=(1, 2)``) keeps its unigram ``tokens``; its n-grams
are made from them by
:meth:`~arabic_news.text.analyzer.ArabicAnalyzer.terms_from_tokens`, as when it is called.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain, compress

import numpy as np
import pandas as pd

from arabic_news.text.analyzer import analyzer_key
from arabic_news.text.remembered import CACHE_FROM, partition_store


class _Vocabulary(dict):
    """term -> id, giving the next id to a term seen for the first time."""

    def __missing__(self, term):
        self[term] = number = len(self)
        return number


@dataclass
class EncodedTokens:
    """Every token of a column of documents: ``ids`` into ``vocabulary`` (an array of
    terms) in reading order, and each document's number of tokens (``lengths``)."""

    vocabulary: np.ndarray
    ids: np.ndarray
    lengths: np.ndarray
    index: dict[str, int]
    #: The key these tokens are kept under (their texts, the tokeniser's settings and the
    #: package's code), or None when they are not kept: a digest of what they hold, for the
    #: key of a result computed from them (see :mod:`.kept_tables`).
    key: str | None = None

    def __len__(self) -> int:
        return len(self.lengths)

    def lists(self, begin: int = 0, end: int | None = None) -> list[list[str]]:
        """The token lists of documents ``begin`` to ``end`` (positions, as a slice)."""
        total = len(self.lengths)
        begin = min(begin, total)
        end = total if end is None else min(max(end, begin), total)
        offsets = np.concatenate(([0], np.cumsum(self.lengths)))
        words = self.vocabulary[self.ids[offsets[begin]:offsets[end]]].tolist()
        out, start = [], 0
        for length in self.lengths[begin:end].tolist():
            out.append(words[start:start + length])
            start += length
        return out


def encode(documents, tokens: Callable[[str], list[str]], *,
           token_lists: bool = True) -> EncodedTokens:
    """Tokenise ``documents`` with ``tokens``: texts, or (with ``token_lists``) token lists
    taken as they are; without it, anything but a text goes to ``tokens``, which says what
    is wrong with it."""
    vocabulary = _Vocabulary()
    ids = array("q")
    lengths = array("q")
    for position, document in enumerate(documents):
        if isinstance(document, str) or not token_lists:
            document = tokens(document)
        elif not isinstance(document, Sequence):
            raise TypeError(f"document {position} is {type(document).__name__}: give texts "
                            "(str) or token lists")
        ids.extend(map(vocabulary.__getitem__, document))
        lengths.append(len(document))
    return EncodedTokens(np.array(list(vocabulary), dtype=object), _numbers(ids),
                         _numbers(lengths), vocabulary)


def _numbers(values: array) -> np.ndarray:
    return np.frombuffer(values, dtype=np.int64) if values else np.zeros(0, np.int64)


def _store(documents, tokens):
    """Where the encoding of ``documents`` is kept, or None (not a large column of texts in
    memory, or a ``tokens`` a key cannot hold)."""
    key = analyzer_key(tokens)
    if key is None or not isinstance(documents, pd.Series):
        return None
    # the settings are those the encoding was first kept under (by TokenizedCorpus)
    return partition_store(documents, ("TokenizedCorpus", key),
                           ("vocabulary", "tokens", "lengths"))


def encoded_tokens(documents, tokens: Callable[[str], list[str]], *,
                   token_lists: bool = True) -> EncodedTokens:
    """:func:`encode`, read from the results cache when this column was tokenised before
    with the same settings, and kept there when it is first tokenised."""
    return _read_or_encode(_store(documents, tokens), documents, tokens, token_lists)


def _read_or_encode(store, documents, tokens, token_lists: bool) -> EncodedTokens:
    found = store.read() if store is not None else None
    if found is not None:
        terms = found["vocabulary"]["term"].tolist()
        return EncodedTokens(np.array(terms, dtype=object),
                             found["tokens"]["id"].to_numpy(dtype=np.int64),
                             found["lengths"]["length"].to_numpy(dtype=np.int64),
                             _Vocabulary(zip(terms, range(len(terms)), strict=True)),
                             store.key)
    encoded = encode(documents, tokens, token_lists=token_lists)
    if store is not None:
        store.write({"vocabulary": pd.DataFrame({"term": encoded.vocabulary.tolist()},
                                                dtype="str"),
                     "tokens": pd.DataFrame({"id": encoded.ids}),
                     "lengths": pd.DataFrame({"length": encoded.lengths})}, {})
        encoded.key = store.key
    return encoded


def kept_encoding(texts, analyzer) -> EncodedTokens | None:
    """The encoding of ``analyzer``'s tokens of ``texts``, read back (or made and kept) when
    they are kept: ``analyzer`` an :class:`~arabic_news.text.analyzer.ArabicAnalyzer` (or
    its ``tokens``) and ``texts`` a large column (a Series, or a list or tuple of texts: a
    sample of articles). None otherwise (a small or odd collection, an analyzer a key
    cannot hold): the caller then analyses the texts itself."""
    if analyzer_key(analyzer) is None:
        return None
    column = text_column(texts)
    if column is None:  # a missing text: only its caller knows whether it is read
        return None
    owner = getattr(analyzer, "__self__", analyzer)
    store = _store(column, owner.tokens)
    if store is None:
        return None
    return _read_or_encode(store, column, owner.tokens, token_lists=False)


def text_column(texts) -> pd.Series | None:
    """``texts`` as a column when a result of them can be kept: a Series, list or tuple of
    at least :data:`~.remembered.CACHE_FROM` values that are all texts (a string column
    without a missing value, or ``str`` objects only); None for anything else."""
    column = texts
    if isinstance(texts, (list, tuple)) and len(texts) >= CACHE_FROM:
        column = pd.Series(texts, dtype=object)
    if not isinstance(column, pd.Series) or len(column) < CACHE_FROM or column.hasnans:
        return None
    if column.dtype == object:
        return column if all(isinstance(text, str) for text in column) else None
    return column if pd.api.types.is_string_dtype(column.dtype) else None


def is_unigrams(analyzer) -> bool:
    """Whether an analyzer with kept tokens gives its tokens as they are (its ``tokens``, or
    an analyzer without n-grams): its terms can then be counted from the ids."""
    owner = getattr(analyzer, "__self__", analyzer)
    return analyzer is not owner or tuple(owner.ngram_range) == (1, 1)


def term_batches(encoded: EncodedTokens, analyzer, batch_size: int = 10_000):
    """The term lists of the documents of ``encoded`` (``analyzer``'s tokens), a list of
    ``batch_size`` of them at a time; n-grams made as the analyzer makes them."""
    owner = getattr(analyzer, "__self__", analyzer)
    to_terms = None if is_unigrams(analyzer) else owner.terms_from_tokens
    for begin in range(0, len(encoded), batch_size):
        batch = encoded.lists(begin, begin + batch_size)
        yield batch if to_terms is None else [to_terms(tokens) for tokens in batch]


def terms_where(texts: pd.Series, analyzer: Callable[[str], list[str]], keep: np.ndarray):
    """``analyzer(text)`` for each text of a column where ``keep`` is True, one at a time:
    read back when they are kept (:func:`kept_encoding`), or else only the texts kept are
    analysed."""
    encoded = kept_encoding(texts, analyzer)
    if encoded is None:
        return map(analyzer, compress(texts, keep))
    return compress(chain.from_iterable(term_batches(encoded, analyzer)), keep)

