"""Collocations: which words keep company, measured by PMI, t-score, G² and logDice.

Two questions, one function, :func:`collocations`:

* **Collocates of a term** (``term="روسيا"``): which words occur within a window of a few
  words around it, more often than chance would put them there.
* **Adjacent pairs across the corpus** (``term=None``): which two words follow each other
  more often than chance (مجلس الامن، وزاره الدفاع).

Every measure is computed from a 2×2 contingency table of token counts. How the table is
filled is what distinguishes the two questions, and it is documented here exactly.

Adjacent pairs (the convention of NLTK's ``BigramCollocationFinder``, so that the values
equal NLTK's ``BigramAssocMeasures``)::

                    second = y     second ≠ y
    first = x        O11 = f(x y)   O12 = f(x) − O11          R1 = f(x)
    first ≠ x        O21 = f(y) − O11   O22 = N − R1 − C1 + O11
                     C1 = f(y)                                 N = number of tokens

``f(x y)`` counts ``x`` immediately followed by ``y`` inside one document (a pair never
spans two documents); ``f(x)`` and ``f(y)`` are the words' frequencies in the corpus.

Collocates of a term (window-based surface co-occurrence, as in Evert 2008, "Corpora and
collocations", §3): the *window* of an occurrence of the node term is the ``before`` tokens
preceding it and the ``after`` tokens following it in the same document. The *window region*
is the union of the windows of all occurrences, minus the positions of the node itself, so
that a token lying in two overlapping windows is counted once. Then::

                          collocate y        other words
    in the window region  O11 = y in region  O12 = R1 − O11     R1 = size of the region
    outside it            O21 = C1 − O11     O22 = N' − R1 − C1 + O11
                          C1 = f(y)                             N' = N − f(node)

Every cell is a count of token positions, so none can be negative. The measures, with
``E11 = R1·C1/N`` (``N'`` for a term) the count expected if the words were independent:

* ``pmi`` = log2(O11 / E11) (pointwise mutual information; favours rare pairs);
* ``t_score`` = (O11 − E11) / √O11 (favours frequent pairs);
* ``g2`` = 2 Σ O·ln(O/E) over the four cells (log-likelihood, Dunning 1993; a zero cell
  contributes 0); always ≥ 0, large for strong attraction *or* repulsion;
* ``log_dice`` = 14 + log2(2·O11 / (f(x) + f(y))) (Rychlý 2008; for a term, f(x) is the
  term's frequency and O11 its co-occurrences with y); at most about 14, independent of
  corpus size.

Tokens come from an analyzer's ``tokens`` (default: ``ArabicAnalyzer().tokens``: normalised,
stop words removed), so "adjacent" means adjacent once stop words are gone, as in the
bigrams of lesson 2.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from arabic_news.text.kept_tokens import encoded_tokens

from ._checks import check_positive_int

MEASURES = ("pmi", "t_score", "g2", "log_dice")
_SORT_KEYS = (*MEASURES, "freq")

TERM_COLUMNS = ["collocate", "freq", "before", "after", "collocate_freq", "expected", *MEASURES]
PAIR_COLUMNS = ["pair", "first", "second", "freq", "first_freq", "second_freq", "expected",
                *MEASURES]


def association_measures(o11, r1, c1, n, f_x=None, f_y=None) -> dict[str, np.ndarray]:
    """PMI, t-score, G² and logDice from the cells of the contingency table (arrays welcome).

    ``o11`` joint count, ``r1`` and ``c1`` the row and column totals, ``n`` the grand total
    (see the module docstring). logDice uses the words' frequencies ``f_x`` and ``f_y``,
    which default to ``r1`` and ``c1`` (right for adjacent pairs). Returns the arrays
    ``expected``, ``pmi``, ``t_score``, ``g2`` and ``log_dice``.
    """
    o11, r1, c1, n = (np.asarray(value, dtype=float) for value in (o11, r1, c1, n))
    f_x = r1 if f_x is None else np.asarray(f_x, dtype=float)
    f_y = c1 if f_y is None else np.asarray(f_y, dtype=float)
    if np.any(o11 <= 0):
        raise ValueError("every joint count o11 must be positive: leave out pairs never seen")
    observed = (o11, r1 - o11, c1 - o11, n - r1 - c1 + o11)
    if np.any(observed[1] < 0) or np.any(observed[2] < 0):
        raise ValueError("inconsistent counts: r1 and c1 must be at least o11")
    # With the adjacent-pair convention, O22 = N - f(x) - f(y) + f(xy) is negative only on a
    # tiny corpus dominated by one word ("a a"): G² is undefined there (NaN), as in NLTK.
    undefined = observed[3] < 0
    expected = (r1 * c1 / n, r1 * (n - c1) / n, (n - r1) * c1 / n, (n - r1) * (n - c1) / n)
    g2 = np.zeros_like(o11)
    for obs, exp in zip(observed, expected, strict=True):
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = obs / np.where(exp > 0, exp, 1.0)
            g2 += np.where((obs > 0) & (exp > 0), obs * np.log(ratio), 0.0)
    return {
        "expected": expected[0],
        "pmi": np.log2(o11 / expected[0]),
        "t_score": (o11 - expected[0]) / np.sqrt(o11),
        # rounding can leave -1e-13 on exact independence
        "g2": np.where(undefined, np.nan, np.maximum(2.0 * g2, 0.0)),
        "log_dice": 14.0 + np.log2(2.0 * o11 / (f_x + f_y)),
    }


def _default_tokens() -> Callable[[str], list[str]]:
    from arabic_news.text.analyzer import ArabicAnalyzer

    return ArabicAnalyzer().tokens


class TokenizedCorpus:
    """A corpus tokenised once, for many questions: collocations, and counts of any part.

    Tokenising is most of the cost of :func:`collocations` and of counting terms; build this
    once, pass it as ``documents`` to ask about many terms, and take the term counts of any
    subset of documents with :meth:`term_counts` (for :func:`keyness`). ``documents`` are
    texts (tokenised with ``tokens``, default ``ArabicAnalyzer().tokens``) or token lists.
    All tokens are stored as integer ids in one array, with each token's document, so that
    windows, pairs and counts are computed with numpy and no token list is kept.
    """

    def __init__(self, documents, tokens: Callable[[str], list[str]] | None = None):
        self.tokens = tokens or _default_tokens()
        if isinstance(documents, str):
            raise TypeError("documents must be a collection of texts (or of token lists), "
                            "not one string: wrap it in a list")
        encoded = encoded_tokens(documents, self.tokens)  # kept on disk for a large column
        #: What the tokens hold (texts and tokeniser), when they are kept: see kept_tables
        self.content_key = encoded.key
        self.ids = encoded.ids
        self.vocabulary = encoded.vocabulary
        self._index = encoded.index
        self.n_documents = len(encoded.lengths)
        self.document = np.repeat(np.arange(self.n_documents), encoded.lengths)
        self.frequency = np.bincount(self.ids, minlength=len(self.vocabulary))

    @classmethod
    def from_ids(cls, ids: np.ndarray, document: np.ndarray, vocabulary: np.ndarray,
                 tokens: Callable[[str], list[str]] | None = None,
                 index: dict[str, int] | None = None) -> TokenizedCorpus:
        """A corpus already encoded: token ``ids`` into ``vocabulary`` (an array of terms), in
        reading order, with each token's ``document`` (non-decreasing, 0-based). For callers
        that keep the encoded tokens of a corpus and ask about parts of it (the explorer).
        ``index`` (term -> id, the inverse of ``vocabulary``) saves building it again."""
        ids, document = np.asarray(ids), np.asarray(document)  # any integer type, not copied
        if not (np.issubdtype(ids.dtype, np.integer) and np.issubdtype(document.dtype,
                                                                        np.integer)):
            raise TypeError("ids and document must be arrays of integers")
        if ids.shape != document.shape:
            raise ValueError(f"ids and document differ in length: {ids.shape} and "
                             f"{document.shape}")
        if len(document) and np.any(np.diff(document) < 0):
            raise ValueError("document must not decrease: give the tokens in reading order")
        encoded = cls.__new__(cls)
        encoded.tokens = tokens or _default_tokens()
        encoded.content_key = None  # ids of unknown origin: results from them are not kept
        encoded.ids = ids
        encoded.vocabulary = np.asarray(vocabulary, dtype=object)
        encoded._index = index if index is not None else {
            term: number for number, term in enumerate(encoded.vocabulary)}
        encoded.n_documents = int(document[-1]) + 1 if len(document) else 0
        encoded.document = document
        encoded.frequency = np.bincount(ids, minlength=len(encoded.vocabulary))
        return encoded

    def __len__(self) -> int:
        return len(self.ids)

    def __repr__(self) -> str:
        return (f"TokenizedCorpus({self.n_documents} documents, {len(self)} tokens, "
                f"{len(self.vocabulary)} types)")

    def term_counts(self, documents=None) -> Counter:
        """Counts of every term in the chosen documents: all by default, else a boolean mask
        or the positions (0-based, in the order given) of the documents to count."""
        if documents is None:
            counts = self.frequency
        else:
            chosen = np.asarray(documents)
            if chosen.dtype == bool:
                if chosen.shape != (self.n_documents,):
                    raise ValueError(f"a mask needs {self.n_documents} booleans, "
                                     f"got {chosen.shape}")
            elif len(chosen) and (chosen.min() < 0 or chosen.max() >= self.n_documents):
                raise ValueError(f"document positions must lie in 0..{self.n_documents - 1}")
            selected = np.zeros(self.n_documents, dtype=bool)
            selected[chosen] = True
            counts = np.bincount(self.ids[selected[self.document]],
                                 minlength=len(self.vocabulary))
        present = np.flatnonzero(counts)
        return Counter(dict(zip(self.vocabulary[present].tolist(), counts[present].tolist(),
                                strict=True)))

    def frequency_in(self, within: np.ndarray) -> np.ndarray:
        """Each term's frequency in the documents where ``within`` (one boolean each) is True.
        A subclass that keeps per-document counts may answer faster."""
        return np.bincount(self.ids[within[self.document]], minlength=len(self.vocabulary))

    def id_of(self, term: str) -> int | None:
        """The id of a (normalised) term, or None when the corpus does not hold it."""
        return self._index.get(term)


def _window(window) -> tuple[int, int]:
    if isinstance(window, int) and not isinstance(window, bool):
        before = after = window
    else:
        try:
            before, after = window
        except (TypeError, ValueError):
            raise ValueError(f"window must be an integer or a pair (before, after), "
                             f"got {window!r}") from None
    for value in (before, after):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"window sizes must be integers >= 0, got {window!r}")
    if before + after == 0:
        raise ValueError("the window is empty: give at least one token before or after")
    return before, after


def collocations(
    documents: Iterable[str] | Iterable[Sequence[str]] | TokenizedCorpus,
    term: str | None = None,
    *,
    tokens: Callable[[str], list[str]] | None = None,
    window: int | tuple[int, int] = 5,
    min_freq: int = 3,
    sort_by: str = "log_dice",
    attraction_only: bool = True,
    n: int | None = None,
    within=None,
) -> pd.DataFrame:
    """A tidy table of collocations with their frequency, PMI, t-score, G² and logDice.

    ``documents``: texts, tokenised with ``tokens`` (default ``ArabicAnalyzer().tokens``),
    token lists already made with it, or a :class:`TokenizedCorpus` (tokenise once, then
    ask about many terms; its own ``tokens`` then normalise ``term``).

    With ``term`` (as written; it is passed through ``tokens`` and must give one token): its
    collocates within ``window`` tokens (an int, or ``(before, after)`` in reading order).
    Columns: collocate, freq (co-occurrences in the window region), before and after (how
    many of those lie before / after an occurrence; overlapping windows can count a token in
    both), collocate_freq, expected, pmi, t_score, g2, log_dice. An absent term gives an
    empty table.

    Without ``term``: adjacent pairs across the corpus. Columns: pair ("first second", the
    key of an n-gram as the analyzer joins it), first, second, freq, first_freq,
    second_freq, expected, pmi, t_score, g2, log_dice.

    Only pairs seen at least ``min_freq`` times are kept; ``attraction_only`` keeps those
    seen more often than expected (G² is also large for words that avoid each other).
    Rows are sorted by ``sort_by`` (one of pmi, t_score, g2, log_dice, freq), largest
    first, ties by frequency then alphabetically; ``n`` keeps the first ``n``.
    See the module docstring for the contingency tables.

    ``within`` (with a :class:`TokenizedCorpus` only): a boolean per document; the table is
    then that of those documents alone (every count, N included, is theirs), without copying
    their tokens: how an explorer asks about the articles of a period or a source.
    """
    check_positive_int("min_freq", min_freq)
    if n is not None:
        check_positive_int("n", n)
    if sort_by not in _SORT_KEYS:
        raise ValueError(f"sort_by must be one of {list(_SORT_KEYS)}, got {sort_by!r}")
    before, after = _window(window)
    if isinstance(documents, TokenizedCorpus):
        encoded = documents
        tokens = tokens or documents.tokens
    else:
        if within is not None:
            raise TypeError("within= selects documents of a TokenizedCorpus: pass one, or "
                            "pass only the texts you want")
        tokens = tokens or _default_tokens()
        encoded = TokenizedCorpus(documents, tokens)
    frequency, total = encoded.frequency, len(encoded)
    if within is not None:
        within = np.asarray(within, dtype=bool)
        if within.shape != (encoded.n_documents,):
            raise ValueError(f"within needs one boolean per document ({encoded.n_documents}),"
                             f" got shape {within.shape}")
        frequency = encoded.frequency_in(within)
        total = int(frequency.sum())
    if term is None:
        table = _pairs(encoded, min_freq, within, frequency, total)
        label = "pair"
    else:
        table = _term(encoded, _node(term, tokens), before, after, min_freq, within,
                      frequency, total)
        label = "collocate"
    if attraction_only:
        table = table[table["freq"] > table["expected"]]
    table = table.sort_values([sort_by, "freq", label], ascending=[False, False, True],
                              kind="stable")
    if n is not None:
        table = table.head(n)
    return table.reset_index(drop=True)


def _node(term: str, tokens) -> str:
    if not isinstance(term, str):
        raise TypeError(f"term must be a str, got {type(term).__name__}")
    produced = tokens(term)
    if len(produced) != 1:
        what = "no token (is it a stop word?)" if not produced else f"{len(produced)} tokens"
        raise ValueError(f"term {term!r} gives {what} with this analyzer: give one word "
                         "that the analyzer keeps")
    return produced[0]


def _pairs(encoded: TokenizedCorpus, min_freq: int, within, frequency, total) -> pd.DataFrame:
    ids, size = encoded.ids, len(encoded.vocabulary)
    same_document = encoded.document[:-1] == encoded.document[1:]
    if within is not None:
        same_document &= within[encoded.document[:-1]]
    codes = ids[:-1][same_document].astype(np.int64) * size + ids[1:][same_document]
    pairs, counts = np.unique(codes, return_counts=True)
    keep = counts >= min_freq
    pairs, counts = pairs[keep], counts[keep]
    first, second = pairs // size, pairs % size
    f_first, f_second = frequency[first], frequency[second]
    measures = association_measures(counts, f_first, f_second, total)
    words_first, words_second = encoded.vocabulary[first], encoded.vocabulary[second]
    table = pd.DataFrame({
        "pair": [f"{x} {y}" for x, y in zip(words_first, words_second, strict=True)],
        "first": words_first,
        "second": words_second,
        "freq": counts,
        "first_freq": f_first,
        "second_freq": f_second,
        **measures,
    })
    return _strings(table, ["pair", "first", "second"])[PAIR_COLUMNS]


def _term(encoded: TokenizedCorpus, node: str, before: int, after: int, min_freq: int,
          within, frequency, total) -> pd.DataFrame:
    node_id = encoded.id_of(node)
    if node_id is None:
        return _strings(pd.DataFrame({column: [] for column in TERM_COLUMNS}), ["collocate"])
    ids, document = encoded.ids, encoded.document
    node = ids == node_id
    positions = np.flatnonzero(node)
    if within is not None:  # windows never leave a document: the others' tokens are never read
        positions = positions[within[document[positions]]]
    sides = {}
    for name, offsets in (("before", range(-before, 0)), ("after", range(1, after + 1))):
        # A mark per token position (not a sort of the shifted positions): each position in
        # a window once, in order, whatever the number of occurrences.
        marked = np.zeros(len(ids), dtype=bool)
        for offset in offsets:
            shifted = positions + offset
            inside = (shifted >= 0) & (shifted < len(ids))
            shifted, origin = shifted[inside], positions[inside]
            marked[shifted[document[shifted] == document[origin]]] = True
        marked &= ~node
        sides[name] = marked
    region = np.flatnonzero(sides["before"] | sides["after"])
    sides = {name: np.flatnonzero(marked) for name, marked in sides.items()}
    size = len(encoded.vocabulary)
    o11 = np.bincount(ids[region], minlength=size)
    keep = np.flatnonzero(o11 >= min_freq)
    keep = keep[keep != node_id]
    f_node = frequency[node_id]
    counts, f_y = o11[keep], frequency[keep]
    measures = association_measures(counts, len(region), f_y, total - f_node,
                                    f_x=f_node, f_y=f_y)
    table = pd.DataFrame({
        "collocate": encoded.vocabulary[keep],
        "freq": counts,
        "before": np.bincount(ids[sides["before"]], minlength=size)[keep],
        "after": np.bincount(ids[sides["after"]], minlength=size)[keep],
        "collocate_freq": f_y,
        **measures,
    })
    return _strings(table, ["collocate"])[TERM_COLUMNS]


def _strings(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    for column in columns:
        table[column] = table[column].astype("str")
    return table
