"""Dispersion: how evenly a term is spread over the documents of a part of a corpus.

A term used 18 times in one article and never elsewhere has the frequency of a term used
once in each of 18 articles, but it tells about one article, not about the part. Two
measures say which it is:

* **range**: the number of documents that hold the term (``docs``);
* **DP**, Gries's *deviation of proportions* (Gries 2008, "Dispersions and adjusted
  frequencies in corpora", International Journal of Corpus Linguistics 13(4)):
  ``DP = ½ Σᵢ |vᵢ/f − sᵢ|`` over the documents i of the part, where vᵢ is the term's
  frequency in document i, f its frequency in the part and sᵢ document i's share of the
  part's tokens. 0 means the term is spread exactly as the text is; values near 1 mean it
  sits in a small corner of the part. Lijffijt & Gries (2012) normalise it by its maximum,
  ``DPnorm = DP / (1 − min sᵢ)``; with hundreds of articles min sᵢ is tiny and DPnorm ≈ DP.

Both are computed per part (side "a" and "b" of a comparison) from token ids and their
document numbers, by partition: :func:`part_counts` (frequency and range, the first step),
then, once the part's totals are known, :func:`part_deviations` (DP's sums, the second).
Partitions are summed by (side, term).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SIDES = ("a", "b")


def deviation_of_proportions(frequencies, shares) -> float:
    """Gries's DP of one term from its frequency in each part and each part's share of the
    corpus (the reference formula; shares must sum to 1)."""
    v = np.asarray(frequencies, dtype=float)
    s = np.asarray(shares, dtype=float)
    if v.shape != s.shape or not len(v):
        raise ValueError("give one frequency and one share per part, for at least one part")
    if not np.isclose(s.sum(), 1.0) or (s < 0).any():
        raise ValueError(f"the parts' shares must be >= 0 and sum to 1, got {s.sum():g}")
    if v.sum() <= 0:
        raise ValueError("the term does not occur: its dispersion is undefined")
    return float(0.5 * np.abs(v / v.sum() - s).sum())


def _pairs(ids: np.ndarray, document: np.ndarray, side_of: np.ndarray, side: int):
    """(document, term id, count) of every term in every document of ``side``."""
    chosen = side_of[document] == side
    if not chosen.any():
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    width = int(ids.max()) + 1
    keys, counts = np.unique(document[chosen] * width + ids[chosen], return_counts=True)
    return keys // width, keys % width, counts


def side_pairs(ids: np.ndarray, document: np.ndarray, side_of: np.ndarray) -> list:
    """``(document, term id, count)`` arrays of each side, in :data:`SIDES` order: what
    :func:`part_counts` and :func:`part_deviations` both start from, to be made once when
    one caller asks both (each is a sort of the partition's tokens)."""
    return [_pairs(ids, document, side_of, number) for number in range(len(SIDES))]


def part_counts(ids: np.ndarray, document: np.ndarray, vocabulary: np.ndarray,
                side_of: np.ndarray, pairs: list | None = None
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(terms, sizes) of one partition: per (side, term), its frequency and the number of
    documents holding it; per side, its tokens and documents. ``ids`` and ``document`` give
    each token's term id (into ``vocabulary``) and document number; ``side_of`` gives each
    document's side (0 for "a", 1 for "b", -1 for neither); ``pairs``: their
    :func:`side_pairs`, when already made."""
    terms, sizes = [], []
    pairs = pairs if pairs is not None else side_pairs(ids, document, side_of)
    lengths = np.bincount(document, minlength=len(side_of)) if len(document) else \
        np.zeros(len(side_of), dtype=np.int64)
    for number, side in enumerate(SIDES):
        docs, term_ids, counts = pairs[number]
        frequency = np.bincount(term_ids, weights=counts, minlength=len(vocabulary))
        holding = np.bincount(term_ids, minlength=len(vocabulary))
        present = np.flatnonzero(holding)
        terms.append(pd.DataFrame({"side": side, "term": vocabulary[present].astype(str),
                                   "freq": frequency[present].astype(np.int64),
                                   "docs": holding[present].astype(np.int64)}))
        in_side = side_of == number
        sizes.append({"side": side, "tokens": int(lengths[in_side].sum()),
                      "documents": int(in_side.sum())})
    return pd.concat(terms, ignore_index=True), pd.DataFrame(sizes)


def part_deviations(ids: np.ndarray, document: np.ndarray, vocabulary: np.ndarray,
                    side_of: np.ndarray, frequency: dict[tuple[str, str], int],
                    tokens: dict[str, int], pairs: list | None = None) -> pd.DataFrame:
    """Per (side, term) of one partition, the sums that make DP once all partitions are
    added: ``deviation`` = Σ |vᵢ/f − sᵢ| and ``share`` = Σ sᵢ over the documents holding
    the term, given each term's frequency ``f`` in its side and each side's ``tokens``
    (``pairs`` as for :func:`part_counts`)."""
    pairs = pairs if pairs is not None else side_pairs(ids, document, side_of)
    lengths = np.bincount(document, minlength=len(side_of)) if len(document) else \
        np.zeros(len(side_of), dtype=np.int64)
    frames = []
    for number, side in enumerate(SIDES):
        docs, term_ids, counts = pairs[number]
        if not len(docs):
            continue
        present = np.flatnonzero(np.bincount(term_ids, minlength=len(vocabulary)))  # sorted
        totals = np.zeros(len(vocabulary))
        totals[present] = [frequency[(side, term)] for term in vocabulary[present]]
        share = lengths[docs] / tokens[side]
        deviation = np.abs(counts / totals[term_ids] - share)
        frames.append(pd.DataFrame({
            "side": side, "term": vocabulary[present].astype(str),
            "deviation": np.bincount(term_ids, weights=deviation,
                                     minlength=len(vocabulary))[present],
            "share": np.bincount(term_ids, weights=share, minlength=len(vocabulary))[present]}))
    if not frames:
        return pd.DataFrame({"side": pd.Series(dtype=str), "term": pd.Series(dtype=str),
                             "deviation": pd.Series(dtype=float),
                             "share": pd.Series(dtype=float)})
    return pd.concat(frames, ignore_index=True)


def dp_from_sums(deviation: pd.Series, share: pd.Series) -> pd.Series:
    """DP from :func:`part_deviations`' sums: the documents without the term each add
    their share sᵢ to Σ |vᵢ/f − sᵢ|, and those shares add up to 1 − Σ share."""
    return (0.5 * (deviation + 1.0 - share)).clip(0.0, 1.0)
