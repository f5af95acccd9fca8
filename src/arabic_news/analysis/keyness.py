"""Keyness: which terms one part of a corpus uses more (or less) than another.

:func:`keyness` compares two frequency lists term by term. For a term seen ``a`` times among
the ``Na`` tokens of part A and ``b`` times among the ``Nb`` tokens of part B:

* ``g2``: log-likelihood in the two-cell form of Rayson & Garside (2000), as in Rayson's
  online calculator (https://ucrel.lancs.ac.uk/llwizard.html): ``E1 = Na·(a+b)/(Na+Nb)``,
  ``E2 = Nb·(a+b)/(Na+Nb)``, ``G² = 2·(a·ln(a/E1) + b·ln(b/E2))``, a zero count
  contributing 0. It measures the *evidence* for a difference, not its size.
* ``p_value``: the probability of a G² at least this large if both parts used the term
  equally often (chi-squared distribution with one degree of freedom).
* ``p_adjusted`` and ``significant``: thousands of terms are tested at once, so some would
  pass ``p < 0.05`` by chance alone. The default correction is **Bonferroni** (each p-value
  times the number of terms tested, capped at 1), which bounds the chance of *any* false
  key term; ``correction="fdr_bh"`` uses Benjamini–Hochberg instead, which bounds the
  expected *share* of false ones among those reported (less strict);
  ``correction=None`` uses the raw p-values.
* ``log_ratio``: Hardie (2014), the binary log of the ratio of relative frequencies,
  ``log2((a/Na)/(b/Nb))``: 0 for equal use, +1 twice as frequent in A, −1 half as frequent.
  It measures the *size* of the difference.
* ``pct_diff``: %DIFF of Gabrielatos & Marchi (2012), ``(a/Na − b/Nb)·100/(b/Nb)``.

Zero counts: a term absent from one part would give an infinite log ratio and %DIFF, so
for these two measures (only) a zero count is replaced by 0.5, as is usual for Log Ratio.
Gabrielatos & Marchi replace it by a tiny number instead, which makes such terms' %DIFF
enormous; with 0.5 both stay finite and comparable. G² needs no adjustment.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import compress

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy.special import chdtrc  # chi2.sf itself; scipy.stats costs 0.7 s to import

from arabic_news.errors import NotApplicable
from arabic_news.text.kept_tables import kept_table

from . import dispersion
from ._checks import check_positive_int
from .collocations import TokenizedCorpus
from .segments import passages

COLUMNS = ["term", "freq_a", "freq_b", "per_10k_a", "per_10k_b", "g2", "p_value",
           "p_adjusted", "significant", "log_ratio", "pct_diff", "used_more_in"]
CORRECTIONS = ("bonferroni", "fdr_bh", None)
ZERO = 0.5


def log_likelihood(a, b, total_a, total_b) -> np.ndarray:
    """Rayson & Garside's two-cell G² for counts ``a`` and ``b`` in parts of the given sizes."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    total = total_a + total_b
    expected_a = total_a * (a + b) / total
    expected_b = total_b * (a + b) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        cell_a = np.where(a > 0, a * np.log(a / expected_a), 0.0)
        cell_b = np.where(b > 0, b * np.log(b / expected_b), 0.0)
    return np.maximum(2.0 * (cell_a + cell_b), 0.0)


def log_ratio(a, b, total_a, total_b, zero: float = ZERO) -> np.ndarray:
    """Hardie's Log Ratio, log2 of the ratio of relative frequencies; zero counts -> ``zero``."""
    a = np.where(np.asarray(a, dtype=float) == 0, zero, a)
    b = np.where(np.asarray(b, dtype=float) == 0, zero, b)
    return np.log2((a / total_a) / (b / total_b))


def percent_difference(a, b, total_a, total_b, zero: float = ZERO) -> np.ndarray:
    """Gabrielatos & Marchi's %DIFF of relative frequencies; zero counts -> ``zero``."""
    a = np.where(np.asarray(a, dtype=float) == 0, zero, a)
    b = np.where(np.asarray(b, dtype=float) == 0, zero, b)
    return (a / total_a - b / total_b) * 100.0 / (b / total_b)


def chi2_upper_tail(g2) -> np.ndarray:
    """The upper tail of chi-squared with one degree of freedom at each of ``g2``: its
    p-values. Computed once per distinct value (the same counts give the same G², and most
    terms of a corpus share their counts with thousands of others), a fifth of the time."""
    values, inverse = np.unique(np.asarray(g2, dtype=float), return_inverse=True)
    return chdtrc(1, values)[inverse.reshape(-1)]


def adjust_p_values(p_values, correction: str | None = "bonferroni") -> np.ndarray:
    """p-values adjusted for testing them all at once (see the module docstring)."""
    if correction not in CORRECTIONS:
        raise ValueError(f"correction must be one of {list(CORRECTIONS)}, got {correction!r}")
    p = np.asarray(p_values, dtype=float)
    m = len(p)
    if correction is None or m == 0:
        return p.copy()
    if correction == "bonferroni":
        return np.minimum(p * m, 1.0)
    order = np.argsort(p, kind="stable")
    ranked = p[order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]  # step-up: monotone from the top
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(ranked, 1.0)
    return adjusted


def _check_counts(counts, name: str) -> None:
    if not isinstance(counts, Mapping):
        raise TypeError(f"{name} must be a mapping term -> count (e.g. a Counter), "
                        f"got {type(counts).__name__}")
    values = counts.values()
    if set(map(type, values)) <= {int} and min(values, default=0) >= 0:
        return  # the usual Counter, checked at C speed; anything else value by value below
    for term, count in counts.items():
        if not isinstance(count, int | np.integer) or isinstance(count, bool) or count < 0:
            raise ValueError(f"{name}[{term!r}] is {count!r}: counts must be integers >= 0")


def keyness(
    counts_a: Mapping[str, int],
    counts_b: Mapping[str, int],
    *,
    total_a: int | None = None,
    total_b: int | None = None,
    alpha: float = 0.05,
    correction: str | None = "bonferroni",
    min_freq: int = 1,
) -> pd.DataFrame:
    """One row per term of either part: counts, G², p-values, log ratio and %DIFF.

    ``counts_a`` and ``counts_b`` map terms to counts (two ``Counter`` objects from the
    analyzer, e.g. :func:`term_counts`). ``total_a`` and ``total_b`` are the parts' sizes in
    tokens, by default the sums of the counts (give them when the counts leave terms out).
    Terms seen fewer than ``min_freq`` times in both parts together are left out *before*
    testing, so they do not count as tests for the correction. ``significant`` is
    ``p_adjusted < alpha``; ``used_more_in`` is "a", "b" or "" (equal relative frequency).
    Rows are sorted by G², largest first, ties alphabetically. Columns: term, freq_a,
    freq_b, per_10k_a, per_10k_b (relative frequencies per 10,000 tokens), g2, p_value,
    p_adjusted, significant, log_ratio, pct_diff, used_more_in.
    """
    _check_counts(counts_a, "counts_a")
    _check_counts(counts_b, "counts_b")
    check_positive_int("min_freq", min_freq)
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be between 0 and 1, got {alpha!r}")
    if correction not in CORRECTIONS:
        raise ValueError(f"correction must be one of {list(CORRECTIONS)}, got {correction!r}")
    sums = {"a": sum(counts_a.values()), "b": sum(counts_b.values())}
    totals = {"a": total_a, "b": total_b}
    for side in ("a", "b"):
        if totals[side] is None:
            totals[side] = sums[side]
        if not isinstance(totals[side], int | np.integer) or totals[side] < sums[side]:
            raise ValueError(f"total_{side}={totals[side]!r} must be an integer at least the sum "
                             f"of counts_{side} ({sums[side]})")
        if totals[side] == 0:
            raise NotApplicable(f"part {side} has no term left once stop words are removed: "
                                "nothing to compare")
    terms, a, b = aligned_counts(counts_a, counts_b)
    keep = (a + b) >= min_freq
    terms = list(compress(terms, keep))
    a, b = a[keep], b[keep]
    na, nb = totals["a"], totals["b"]
    g2 = log_likelihood(a, b, na, nb)
    p_values = chi2_upper_tail(g2)
    adjusted = adjust_p_values(p_values, correction)
    rel_a, rel_b = a / na, b / nb
    table = pd.DataFrame({
        "term": pd.Series(terms, dtype="str"),
        "freq_a": a,
        "freq_b": b,
        "per_10k_a": rel_a * 10_000,
        "per_10k_b": rel_b * 10_000,
        "g2": g2,
        "p_value": p_values,
        "p_adjusted": adjusted,
        "significant": adjusted < alpha,
        "log_ratio": log_ratio(a, b, na, nb),
        "pct_diff": percent_difference(a, b, na, nb),
        "used_more_in": np.where(rel_a > rel_b, "a", np.where(rel_a < rel_b, "b", "")),
    })
    table["used_more_in"] = table["used_more_in"].astype("str")
    if set(map(type, terms)) <= {str}:
        # The terms are unique and in code-point order: a stable sort by G² alone leaves
        # the ties alphabetical, as sorting by (G², term) would.
        table = table.take(np.argsort(-g2, kind="stable"))
    else:  # terms that are not strings are sorted as the strings they become
        table = table.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True)[COLUMNS]


def aligned_counts(counts_a: Mapping, counts_b: Mapping) -> tuple[list, np.ndarray, np.ndarray]:
    """Every term of either mapping, sorted, with its count on each side (0 where absent).

    Terms that are all strings are merged and sorted by Arrow, whose order of UTF-8 bytes
    is Python's order of code points, in C rather than term by term: a tenth of the time
    on two parts of a corpus of 30,000 articles (200,000 terms)."""
    keys_a, keys_b = list(counts_a), list(counts_b)
    if set(map(type, keys_a)) | set(map(type, keys_b)) <= {str}:
        try:
            arrays = [pa.array(keys, type=pa.string()) for keys in (keys_a, keys_b)]
        except (pa.ArrowException, UnicodeError):  # a lone surrogate has no UTF-8
            arrays = None
        if arrays is not None:
            terms = pc.unique(pa.concat_arrays(arrays))
            terms = terms.take(pc.sort_indices(terms))
            sides = []
            for keys, found, counts in zip((keys_a, keys_b), arrays, (counts_a, counts_b),
                                           strict=True):
                side = np.zeros(len(terms), dtype=np.int64)
                side[pc.index_in(found, value_set=terms).to_numpy()] = np.fromiter(
                    counts.values(), dtype=np.int64, count=len(keys))
                sides.append(side)
            return terms.to_pylist(), sides[0], sides[1]
    terms = sorted(set(keys_a) | set(keys_b))
    a = np.array([counts_a.get(term, 0) for term in terms], dtype=np.int64)
    b = np.array([counts_b.get(term, 0) for term in terms], dtype=np.int64)
    return terms, a, b


def key_terms(table: pd.DataFrame, side: str = "a", n: int = 20,
              min_log_ratio: float = 0.0, min_docs: int | None = 5) -> pd.DataFrame:
    """The terms significantly over-used in part ``side`` (so under-used in the other).

    Among the significant rows of a :func:`keyness_between` table used more in ``side``,
    with an absolute log ratio of at least ``min_log_ratio`` (1 = at least twice as
    frequent) and found in at least ``min_docs`` documents of ``side`` (its ``docs_a`` or
    ``docs_b``), the ``n`` with the largest effect (absolute log ratio), ties by G² then
    alphabetically: significance decides *whether* a term is key, the log ratio *how much*
    (Hardie 2014), and the documents whether it speaks for the part or for one article of
    it. ``min_docs=None`` drops the last condition (needed for a :func:`keyness` table,
    which has no document counts).
    """
    if side not in ("a", "b"):
        raise ValueError(f"side must be 'a' or 'b', got {side!r}")
    check_positive_int("n", n)
    if min_docs is not None:
        check_positive_int("min_docs", min_docs)
    missing = {"significant", "used_more_in", "log_ratio", "g2", "term"} - set(table.columns)
    if missing:
        raise ValueError(f"table lacks {sorted(missing)}: pass a table made by keyness_between()")
    if min_docs is not None and f"docs_{side}" not in table.columns:
        raise ValueError(f"table has no docs_{side} column, so min_docs={min_docs} cannot apply: "
                         "make it with keyness_between(), or pass min_docs=None")
    chosen = table[table["significant"] & (table["used_more_in"] == side)
                   & (table["log_ratio"].abs() >= min_log_ratio)]
    if min_docs is not None:
        chosen = chosen[chosen[f"docs_{side}"] >= min_docs]
    chosen = chosen.assign(_effect=chosen["log_ratio"].abs())
    chosen = chosen.sort_values(["_effect", "g2", "term"], ascending=[False, False, True],
                                kind="stable")
    return chosen.drop(columns="_effect").head(n).reset_index(drop=True)


def side_by_side(columns: Mapping[str, list]) -> pd.DataFrame:
    """Lists of different lengths as the columns of one table, ranked from 1, padded with "".

    For showing, side by side, the top terms of two sides or of several measures.
    """
    length = max((len(values) for values in columns.values()), default=0)
    table = pd.DataFrame({name: [str(value) for value in values] + [""] * (length - len(values))
                          for name, values in columns.items()})
    table.index = pd.RangeIndex(1, length + 1, name="rank")
    return table


@dataclass(frozen=True)
class Split:
    """Two disjoint parts of a corpus and what each one is, in words."""

    a: pd.DataFrame
    b: pd.DataFrame
    label_a: str
    label_b: str


def _mask(corpus: pd.DataFrame, selector) -> tuple[pd.Series, str]:
    if isinstance(selector, str):
        if selector not in corpus.columns:
            raise ValueError(f"{selector!r} is not a column; choose one of {list(corpus.columns)}")
        column = corpus[selector]
        if column.dtype != bool:
            raise ValueError(f"column {selector!r} is not boolean: give {{{selector!r}: value}} "
                             "to select the rows with that value")
        return column.copy(), selector
    if isinstance(selector, Mapping):
        if not selector:
            raise ValueError("an empty selector selects nothing: give {column: value}")
        mask = pd.Series(True, index=corpus.index)
        labels = []
        for column, value in selector.items():
            if column not in corpus.columns:
                raise ValueError(f"{column!r} is not a column; choose one of "
                                 f"{list(corpus.columns)}")
            values = corpus[column]
            if isinstance(values.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(
                    values.dtype):
                try:
                    start, end = value
                except (TypeError, ValueError):
                    raise ValueError(f"select dates in {column!r} with a pair (start, end), "
                                     f"got {value!r}") from None
                start, end = (_timestamp(when, values) for when in (start, end))
                mask &= (values >= start) & (values < end)
                labels.append(f"{column} from {start:%Y-%m-%d} to before {end:%Y-%m-%d}")
            elif isinstance(value, list | tuple | set | frozenset):
                mask &= values.isin(list(value))
                labels.append(f"{column} in {sorted(map(str, value))}")
            else:
                mask &= values == value
                labels.append(f"{column} = {value}")
        return mask.fillna(False).astype(bool), ", ".join(labels)
    values = np.asarray(selector)
    if values.dtype != bool or values.shape != (len(corpus),):
        raise ValueError("a selector is a boolean column name, a {column: value} mapping, or "
                         f"{len(corpus)} booleans (one per article)")
    return pd.Series(values, index=corpus.index), "selected articles"


def _timestamp(value, column: pd.Series) -> pd.Timestamp:
    stamp = pd.Timestamp(value)
    timezone = getattr(column.dtype, "tz", None)
    if timezone is not None and stamp.tzinfo is None:
        stamp = stamp.tz_localize(timezone)
    return stamp


def split_corpus(corpus: pd.DataFrame, a, b=None) -> Split:
    """Two parts of ``corpus`` to compare: ``a``, and ``b`` (default: all other articles).

    A selector is a boolean column's name (``"is_opinion"``), a mapping ``{column: value}``
    (``{"source": "BBC"}``; a list of values selects any of them; for a date column a pair
    ``(start, end)`` selects ``start <= date < end``), or one boolean per article. The parts
    must not share articles, and neither may be empty.
    """
    mask_a, label_a = _mask(corpus, a)
    if b is None:
        mask_b, label_b = ~mask_a, "the rest"
    else:
        mask_b, label_b = _mask(corpus, b)
        shared = int((mask_a & mask_b).sum())
        if shared:
            raise ValueError(f"the two parts share {shared} articles: choose disjoint parts")
    for name, mask, label in (("a", mask_a, label_a), ("b", mask_b, label_b)):
        if not mask.any():
            raise ValueError(f"part {name} ({label}) holds no article: check the selector")
    return Split(corpus[mask_a], corpus[mask_b], label_a, label_b)


def split_by_date(corpus: pd.DataFrame, at=None) -> Split:
    """Articles published before ``at`` against those published from ``at`` on.

    ``at=None`` takes the median publication date, so each part holds about half of the
    dated articles (on two articles: one each). Undated articles are left out.
    """
    published = corpus["published"]
    dated = published.dropna()
    if dated.nunique() < 2:
        raise NotApplicable("fewer than two distinct publication dates: no periods to compare")
    if at is None:
        ordered = dated.sort_values(kind="stable").reset_index(drop=True)
        at = ordered.iloc[len(ordered) // 2]
        if at == ordered.iloc[0]:  # all but a few share the first date
            at = ordered[ordered > at].iloc[0]
    at = _timestamp(at, published)
    return split_corpus(corpus, {"published": (dated.min(), at)},
                        {"published": (at, dated.max() + pd.Timedelta(days=1))})


def split_in_two(corpus: pd.DataFrame) -> Split:
    """Two halves to compare: by date (:func:`split_by_date`) when the corpus has at least
    two publication dates, else the first half of the articles (in corpus order) against
    the second."""
    try:
        return split_by_date(corpus)
    except NotApplicable:
        if len(corpus) < 2:
            raise NotApplicable("one article: nothing to compare it with") from None
        first = np.arange(len(corpus)) < len(corpus) // 2
        return Split(corpus[first], corpus[~first], "the first half of the articles",
                     "the second half of the articles")


def keyness_between(corpus: pd.DataFrame, a, b=None, *, analyzer=None, tokenized=None,
                    units: str = "articles", min_docs: int = 5, alpha: float = 0.05,
                    correction: str | None = "bonferroni", min_freq: int = 1) -> pd.DataFrame:
    """Keyness of part ``a`` of ``corpus`` against part ``b`` (default: the rest), with the
    terms' dispersion over each part's documents, in one call.

    ``a`` and ``b`` are selectors as in :func:`split_corpus`. Terms come from ``analyzer``
    (default ``ArabicAnalyzer()``; a text -> terms callable), or from ``tokenized``, a
    :class:`TokenizedCorpus` of ``corpus["text"]`` in the same order (tokenised once, as in
    lesson 5). The table is :func:`keyness`'s, with per side ``docs_a`` and ``docs_b`` (how
    many documents hold the term: its range) and ``dp_a`` and ``dp_b`` (Gries's DP, 0 =
    spread like the text, near 1 = concentrated; see :mod:`.dispersion`; NaN where the
    term is absent from the side).

    ``units`` says what a document is: ``"articles"`` (the corpus's rows), ``"passages"``
    (each article cut by :func:`passages`: on a corpus of a few articles, spread over
    articles cannot be measured, and :func:`key_terms`' ``min_docs`` would keep nothing),
    or ``"auto"``: passages when either side has fewer than ``min_docs`` articles.
    ``.attrs`` holds each side's label, documents and tokens, and the units used.
    When the tokens are kept on disk (a large corpus, an ``ArabicAnalyzer``), so is the
    table, keyed by them, the sides and the settings (see :mod:`~arabic_news.text.kept_tables`).
    """
    if units not in ("articles", "passages", "auto"):
        raise ValueError(f"units must be 'articles', 'passages' or 'auto', got {units!r}")
    check_positive_int("min_docs", min_docs)
    parts = split_corpus(corpus, a, b)
    if tokenized is not None and (not isinstance(tokenized, TokenizedCorpus)
                                  or tokenized.n_documents != len(corpus)):
        raise ValueError("tokenized must be a TokenizedCorpus of corpus['text'] "
                         f"({len(corpus)} documents)")
    if units == "auto":
        units = "passages" if min(len(parts.a), len(parts.b)) < min_docs else "articles"
    documents = corpus
    if units == "passages":
        analyzer = analyzer or (tokenized.tokens if tokenized is not None else None)
        documents, tokenized = passages(corpus, min_chars=1), None  # all the text, so the
        # frequencies are the articles': only what counts as a document changes
        in_a = documents["article_id"].isin(parts.a["doc_id"]).to_numpy()
        in_b = documents["article_id"].isin(parts.b["doc_id"]).to_numpy()
    else:
        in_a, in_b = corpus.index.isin(parts.a.index), corpus.index.isin(parts.b.index)
    side_of = np.full(len(documents), -1, dtype=np.int64)
    side_of[in_a] = 0
    side_of[in_b] = 1
    if tokenized is None:
        tokenized = TokenizedCorpus(documents["text"], analyzer)
    # kept on disk when the tokens are: the same tokens and sides give the same table
    settings = ("keyness_between", hashlib.sha256(side_of.tobytes()).hexdigest(),
                repr(parts.label_a), repr(parts.label_b), units, repr(alpha),
                repr(correction), repr(min_freq))
    return kept_table(tokenized.content_key, settings, lambda: _keyness_table(
        tokenized, side_of, parts, units, alpha=alpha, correction=correction,
        min_freq=min_freq))


def _keyness_table(tokenized: TokenizedCorpus, side_of: np.ndarray, parts: Split,
                   units: str, *, alpha: float, correction: str | None,
                   min_freq: int) -> pd.DataFrame:
    """:func:`keyness_between`'s table, once its documents are tokenised and each is given
    its side (``side_of``: 0 for a, 1 for b, -1 for neither)."""
    ids, document, vocabulary = tokenized.ids, tokenized.document, tokenized.vocabulary
    pairs = dispersion.side_pairs(ids, document, side_of)  # sorted once, for both steps
    terms, sizes = dispersion.part_counts(ids, document, vocabulary, side_of, pairs)
    tokens = dict(zip(sizes["side"], sizes["tokens"], strict=True))
    for side in dispersion.SIDES:
        if not tokens[side]:
            raise NotApplicable(f"part {side} has no term left once stop words are removed: "
                                "nothing to compare")
    # columns as Python lists first: iterating an Arrow-backed column yields one value at a
    # time through pandas, five times slower on the 400,000 (side, term) rows of ANT
    frequency = dict(zip(zip(terms["side"].tolist(), terms["term"].tolist(), strict=True),
                         terms["freq"].tolist(), strict=True))
    sums = dispersion.part_deviations(ids, document, vocabulary, side_of, frequency, tokens,
                                      pairs)
    per_side = terms.merge(sums, on=["side", "term"], how="left")
    per_side["dp"] = dispersion.dp_from_sums(per_side["deviation"], per_side["share"])
    counts = {side: dict(zip(group["term"].tolist(), group["freq"].astype(int).tolist(),
                             strict=True))
              for side, group in per_side.groupby("side")}
    table = keyness(counts.get("a", {}), counts.get("b", {}), total_a=tokens["a"],
                    total_b=tokens["b"], alpha=alpha, correction=correction, min_freq=min_freq)
    shown = table["term"].tolist()
    for side in dispersion.SIDES:
        columns = per_side[per_side["side"] == side]
        terms_of_side = columns["term"].tolist()
        docs = dict(zip(terms_of_side, columns["docs"].tolist(), strict=True))
        spread = dict(zip(terms_of_side, columns["dp"].tolist(), strict=True))
        table[f"docs_{side}"] = np.array([docs.get(term, 0) for term in shown], dtype=np.int64)
        table[f"dp_{side}"] = np.array([spread.get(term, np.nan) for term in shown],
                                       dtype=float)
    order = ["term", "freq_a", "freq_b", "docs_a", "docs_b", "dp_a", "dp_b"]
    table = table[order + [column for column in table.columns if column not in order]]
    units_per_side = dict(zip(sizes["side"], sizes["documents"], strict=True))
    table.attrs = {"label_a": parts.label_a, "label_b": parts.label_b, "units": units,
                   "documents_a": int(units_per_side["a"]),
                   "documents_b": int(units_per_side["b"]),
                   "tokens_a": int(tokens["a"]), "tokens_b": int(tokens["b"])}
    return table

