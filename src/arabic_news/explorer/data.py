"""Every question the explorer asks of a corpus, behind one class: :class:`ExplorerData`.

The widget (:mod:`arabic_news.explorer.widget`) never reads the corpus: it calls the methods
below and shows what they return. They are answered from the corpus index
(:mod:`arabic_news.index`: built once per corpus and analyzer, then found in the cache),
never by reading or tokenising the texts again; the reader and keyword in context read the
few texts they show from the index. The contract:

Terms and keys
    A *term* is what ``analyzer.tokens`` makes of a word: its normalised *key* (stop words
    and dropped tokens give none). Every method takes and returns keys; ``form(key)`` is the
    usual written form to show (the most frequent spelling in the corpus, as
    :func:`~arabic_news.text.display_forms.display_forms` chooses it). ``search(query)`` turns
    any spelling a person types into a key.

Filters
    :class:`Filters` (``term``, ``start``, ``end``, ``source``), all optional and combined
    with *and*: articles that hold ``term`` at least once; published within
    ``[start, end]`` (UTC; an article without a date is left out as soon as either bound is
    set); whose ``source`` equals ``source``. ``None`` for the filters means all articles.

Counts
    Counts are of terms, after the analyzer (as in lessons 02-05), so that a figure here can
    be checked against the lessons: ``top_terms`` equals ``term_counts`` over the same
    articles, ``trend`` equals ``term_share_over_time`` (per 10,000 terms of the period's
    articles), ``collocates`` equals ``collocations`` over the same articles' tokens.
    ``tests/test_explore_data.py`` checks each equality.

Order and ties (deterministic, so that two implementations agree row for row)
    ``top_terms`` by count, then key; ``documents`` by publication date (undated last), then
    corpus order; ``kwic`` in corpus order, or by the sort keys then corpus order;
    ``collocates`` as :func:`~arabic_news.analysis.collocations.collocations` sorts.

The calls (each documented below), and what an index needs to answer them without reading
the texts again:

=========================================  ====================================================
``summary(filters)``                        article metadata; terms per article; cleaning facts
``sources()``, ``date_range()``, ``periods`` article metadata; ``time_range``, ``frequency``
``form(key)``, ``search(query)``            written forms of each key with counts (spellings)
``top_terms(n, filters)``, ``count``        per-article term counts (a sparse articles x terms
                                            matrix, by row and by column)
``trend(terms, by_source, filters)``        the same counts, with each article's period, source
``kwic(term, sort, filters, limit)``        each token's position, its characters in the text,
                                            and its neighbours (stop words included) for sorting
``collocates(term, measure, filters)``      the analyzer's terms in order per article (windows)
``documents(term, filters, limit)``         metadata in date order; counts by column
``text(doc_id, term)``                      the text as written, the term's character spans
=========================================  ====================================================

Speed (what the index must keep): each call answers in at most 200 ms on ANT (31,523
articles) and 2 s on 315,230 articles; ``benchmarks/bench_explore.py`` measures it, through
the widget's calls. The widget asks, per action, only the views that the action changes
(``widget.DEPENDS``).
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

import numpy as np
import pandas as pd

from arabic_news.analysis import (
    TokenizedCorpus,
    collocations,
    core_date_range,
    period_start,
)
from arabic_news.analysis import choose_frequency as _choose_frequency
from arabic_news.analysis.collocations import MEASURES
from arabic_news.engines import engine_of
from arabic_news.index import CorpusIndex, build_index
from arabic_news.text.analyzer import ArabicAnalyzer
from arabic_news.text.normalize import DEFAULT_STEPS, Normalizer

#: The sort keys of keyword in context: the 1st to 3rd word before or after the keyword.
KWIC_SORTS = {"corpus": (), "before": ("B1", "B2", "B3"), "after": ("A1", "A2", "A3")}
_METADATA = ["doc_id", "title", "source", "published"]


@dataclasses.dataclass(frozen=True)
class Filters:
    """Which articles a view looks at (see the module docstring). Immutable and hashable."""

    term: str | None = None
    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None
    source: str | None = None

    def __post_init__(self):
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None:
                stamp = pd.Timestamp(value)
                utc = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
                object.__setattr__(self, name, utc)
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"the time range starts after it ends: {self.start} > {self.end}")
        for name in ("term", "source"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{name} must be a str or None, got {type(value).__name__}")

    def replace(self, **changes) -> Filters:
        return dataclasses.replace(self, **changes)

    def without_time(self) -> Filters:
        return self.replace(start=None, end=None)


@dataclasses.dataclass(frozen=True)
class SearchResult:
    """What a typed query means: its ``key`` (None when it names no term of the corpus), the
    ``form`` to show, its ``count`` in the corpus, its written ``spellings`` with counts, a
    one-line ``reason`` when there is no key, and ``suggestions`` (keys that start with the
    normalised query, most frequent first)."""

    query: str
    key: str | None
    form: str | None
    count: int
    spellings: list[tuple[str, int]]
    reason: str
    suggestions: list[str]


@dataclasses.dataclass(frozen=True)
class Article:
    """One article for the reader: its metadata, its ``text`` as written, and ``marks``, the
    (start, end) character spans in ``text`` of the written words that gave the term."""

    doc_id: str
    title: str
    source: str
    published: pd.Timestamp | None
    text: str
    marks: list[tuple[int, int]]


class ExplorerData:
    """The explorer's questions about one corpus (see the module docstring for the contract).

    ``corpus``: a corpus from ``load_corpus`` (columns doc_id, title, source, published,
    text). ``analyzer``: the :class:`ArabicAnalyzer` whose terms are counted (default: the
    lessons' one, normalised with stop words removed); it must make unigrams.
    Opening asks the corpus index (:func:`~arabic_news.index.build_index`, in ``cache_dir``
    or the corpus cache), which is built on first use on the corpus's engine; only the
    metadata and the counts are held in memory, the token stream is memory-mapped, and the
    texts shown are read from the index.
    """

    def __init__(self, corpus, analyzer: ArabicAnalyzer | None = None, *, skipped=None,
                 cache_dir=None) -> None:
        analyzer = ArabicAnalyzer() if analyzer is None else analyzer
        if tuple(getattr(analyzer, "ngram_range", (1, 1))) != (1, 1):
            raise ValueError("the explorer counts single terms: give an analyzer with "
                             "ngram_range=(1, 1)")
        missing = [c for c in [*_METADATA, "text"] if c not in corpus.columns]
        if missing:
            raise ValueError(f"the corpus lacks the column(s) {missing}; load it with "
                             "arabic_news.load_corpus")
        self.analyzer = analyzer
        self.index = index = build_index(corpus, analyzer, cache_dir)
        self._articles = index.documents[_METADATA].reset_index(drop=True)
        if skipped is None:  # the loader's record, on either engine
            skipped = (engine_of(corpus).attrs(corpus) or {}).get("skipped", [])
        self._skipped = list(skipped)
        self._build_counts(index)
        self._build_dates()
        self._cleaning = self._cleaning_facts()

    # -- building ---------------------------------------------------------------------------
    def _build_counts(self, index: CorpusIndex) -> None:
        self._offsets = np.asarray(index.stream["offsets"])
        self._term_stream = index.term_of[index.stream["token"]]
        self._keys = index.terms
        self._key_index = index.term_ids
        self._counts = index.counts
        self._by_term = index.by_term
        self._totals = index.documents["terms"].to_numpy()
        self._corpus_counts = index.corpus_counts
        self._forms = index.display_forms()
        order = np.argsort(self._keys.astype(str))
        self._sorted_keys = self._keys[order]
        self._sorted_ids = order
        self._token_rank = None  # each token's alphabetical rank, made on first sort
        self._whole = None  # the TokenizedCorpus of all articles, made on first use

    def _build_dates(self) -> None:
        """Periods for the trend: the corpus's core date range (the central 99% of its dates,
        as lesson 04 charts it, so that a few stray old articles do not squash the chart),
        cut at the period length :func:`choose_frequency` picks for it."""
        published = self._published = self._articles["published"]
        self._dated = published.notna().to_numpy()
        self._sources = self._articles["source"].fillna("").astype(str).to_numpy(dtype=object)
        names, counts = np.unique(self._sources, return_counts=True)
        self._source_counts = sorted(zip(names.tolist(), counts.tolist(), strict=True),
                                     key=lambda item: (-item[1], item[0]))
        self._doc_ids = self._articles["doc_id"].astype(str).to_numpy(dtype=object)
        codes = np.full(len(published), -1, dtype=np.int64)
        self.frequency, self.time_range = None, None
        self._periods = pd.DatetimeIndex([])
        if self._dated.any():
            self.time_range = core_date_range(published)
            charted = self._dated & (published >= self.time_range[0]).to_numpy(
                dtype=bool, na_value=False) & (published <= self.time_range[1]).to_numpy(
                dtype=bool, na_value=False)
            self.frequency = _choose_frequency(published[charted])
            starts = period_start(published[charted], self.frequency)
            values, found = np.unique(starts.to_numpy(), return_inverse=True)
            codes[charted] = found
            self._periods = pd.DatetimeIndex(values)
        self._period_code = codes
        # Date order, undated last (lexsort's last key is the primary one).
        values = published.array.asi8
        self._date_order = np.lexsort((np.arange(len(published)), values, ~self._dated))

    # -- small facts ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._articles)

    def form(self, key: str) -> str:
        """The usual written form of ``key`` (the key itself when the corpus never wrote it)."""
        return self._forms.label(key)

    def forms(self, keys) -> list[str]:
        return [self.form(key) for key in keys]

    @property
    def periods(self) -> pd.DatetimeIndex:
        """The trend's periods (their first days, naive UTC), in order."""
        return self._periods

    def sources(self) -> list[tuple[str, int]]:
        """Each source with its number of articles, most first (ties: by name)."""
        return list(self._source_counts)

    def date_range(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """The first and last publication dates, or None when no article has one."""
        if not self._dated.any():
            return None
        dates = self._published[self._dated]
        return dates.min(), dates.max()

    # -- filters ----------------------------------------------------------------------------
    def mask(self, filters: Filters | None = None) -> np.ndarray:
        """A boolean per article: is it in ``filters``?"""
        filters = filters or Filters()
        keep = self._base_mask(filters.start, filters.end, filters.source).copy()
        if filters.term is not None:
            holding = np.zeros(len(self), dtype=bool)
            number = self._key_index.get(filters.term)
            if number is not None:
                column = self._by_term[:, number]
                holding[column.indices] = True
            keep &= holding
        return keep

    @lru_cache(maxsize=64)  # noqa: B019 - one cache per corpus; the filters are few
    def _base_mask(self, start, end, source) -> np.ndarray:
        keep = np.ones(len(self), dtype=bool)
        if start is not None or end is not None:
            keep &= self._dated
            published = self._published
            if start is not None:
                keep &= (published >= start).to_numpy(dtype=bool, na_value=False)
            if end is not None:
                keep &= (published <= end).to_numpy(dtype=bool, na_value=False)
        if source is not None:
            keep &= self._sources == source
        keep.flags.writeable = False
        return keep

    # -- the views --------------------------------------------------------------------------
    def summary(self, filters: Filters | None = None) -> dict:
        """The corpus at a glance, and for ``filters``: articles, sources, dates, terms.

        Keys: articles, articles_shown, sources (list of (source, articles)), first_date,
        last_date, undated, uncharted (shown articles the trend leaves out: undated, or
        outside ``time_range``), terms (counted terms in the shown articles), and
        ``cleaning``: the
        corpus's written tokens, its distinct written forms, tokens after normalisation and
        their types, the stop words and dropped tokens removed, the articles the loader
        skipped, and the normalisation steps applied.
        """
        keep = self.mask(filters)
        dates = self.date_range()
        return {
            "articles": len(self),
            "articles_shown": int(keep.sum()),
            "sources": self.sources(),
            "first_date": None if dates is None else dates[0],
            "last_date": None if dates is None else dates[1],
            "undated": int((~self._dated).sum()),
            "uncharted": int((keep & (self._period_code < 0)).sum()),
            "terms": int(self._totals[keep].sum()),
            "cleaning": dict(self._cleaning),
        }

    def _cleaning_facts(self) -> dict:
        manifest, written = self.index.manifest, self.index.written()
        kept = int(self._totals.sum())
        normalizer = self.analyzer.normalizer
        steps = (normalizer.steps if isinstance(normalizer, Normalizer)
                 else {} if normalizer is None else {"custom": True})
        return {
            "written_tokens": written["written_tokens"],
            "written_forms": written["written_forms"],
            "tokens": manifest["tokens"],
            "token_types": len(self.index.tokens),
            "terms": kept,
            "term_types": len(self._keys),
            "removed_tokens": manifest["tokens"] - kept,
            "skipped_articles": len(self._skipped),
            "steps": [name for name, on in steps.items() if on],
            "steps_off": [name for name, on in steps.items() if not on and name in DEFAULT_STEPS],
        }

    def top_terms(self, n: int = 50, filters: Filters | None = None) -> pd.DataFrame:
        """The ``n`` most frequent terms of the articles in ``filters``.

        Columns: term (key), form, count, per_10k (per 10,000 terms of those articles),
        documents (articles holding it). Ties by key.
        """
        _check_n(n)
        keep = self.mask(filters)
        if keep.all():
            counts = self._corpus_counts
        else:  # one sparse product: the counts of the kept articles, summed per term
            counts = self._by_term.T @ keep.astype(np.int64)
        total = counts.sum()
        present = np.flatnonzero(counts)
        if len(present) > n:
            cut = np.partition(counts[present], len(present) - n)[len(present) - n]
            present = present[counts[present] >= cut]
        keys = self._keys[present]
        order = np.lexsort((keys.astype(str), -counts[present]))[:n]
        chosen = present[order]
        columns = self._by_term[:, chosen]
        documents = [int(np.count_nonzero(keep[columns.indices[a:b]]))
                     for a, b in zip(columns.indptr[:-1], columns.indptr[1:], strict=True)]
        return pd.DataFrame({
            "term": self._keys[chosen].astype(str),
            "form": self.forms(self._keys[chosen]),
            "count": counts[chosen].astype("int64"),
            "per_10k": counts[chosen] / total * 10_000 if total else 0.0,
            "documents": np.asarray(documents, dtype="int64"),
        })

    def count(self, key: str, filters: Filters | None = None) -> int:
        """Occurrences of ``key`` in the articles of ``filters``."""
        number = self._key_index.get(key)
        if number is None:
            return 0
        column = self._by_term[:, number]
        keep = self.mask(filters)
        return int(column.data[keep[column.indices]].sum())

    def search(self, query: str) -> SearchResult:
        """What ``query`` (any spelling, with or without diacritics) means in this corpus."""
        if not isinstance(query, str):
            raise TypeError(f"query must be a str, got {type(query).__name__}")
        made = self.analyzer.tokens(query)
        if len(made) != 1:
            if not query.strip():
                reason = "empty"
            elif not made:
                reason = "stop word"
            else:
                reason = "several words"
            return SearchResult(query, None, None, 0, [], reason, [])
        key = made[0]
        number = self._key_index.get(key)
        if number is None:
            return SearchResult(query, None, None, 0, [], "not in the corpus",
                                self._prefixed(key))
        return SearchResult(query, key, self.form(key), int(self._corpus_counts[number]),
                            self._forms.spellings(key), "", [])

    def _prefixed(self, prefix: str, n: int = 8) -> list[str]:
        low = np.searchsorted(self._sorted_keys.astype(str), prefix, side="left")
        high = np.searchsorted(self._sorted_keys.astype(str), prefix + "\U0010ffff", side="left")
        ids = self._sorted_ids[low:high]
        ids = ids[np.lexsort((self._keys[ids].astype(str), -self._corpus_counts[ids]))][:n]
        return self._keys[ids].astype(str).tolist()

    def trend(self, terms, by_source: bool = False,
              filters: Filters | None = None) -> pd.DataFrame:
        """Each term's occurrences per 10,000 terms, per period (``self.frequency``: day,
        week, month ... as :func:`choose_frequency` picks it) and, with ``by_source``, per
        source; over the articles of ``filters`` dated within ``self.time_range`` (the
        corpus's :func:`core_date_range`).

        Long table, columns: period, source ("" when not by source), term, form, count,
        total (terms in that period's articles), per_10k. Periods whose articles hold no
        term are left out, as in ``term_share_over_time``.
        """
        terms = _terms(terms)
        codes = self._period_code
        keep = self.mask(filters) & (codes >= 0)
        if by_source:
            names, source_code = np.unique(self._sources, return_inverse=True)
        else:
            names, source_code = np.array([""], dtype=object), np.zeros(len(self), np.int64)
        width = len(self._periods)
        cell = source_code * width + codes
        totals = np.bincount(cell[keep], weights=self._totals[keep],
                             minlength=len(names) * width)
        frames = []
        for key in terms:
            number = self._key_index.get(key)
            counts = np.zeros(len(names) * width)
            if number is not None:
                column = self._by_term[:, number]
                inside = keep[column.indices]
                counts = np.bincount(cell[column.indices[inside]], weights=column.data[inside],
                                     minlength=len(names) * width)
            present = np.flatnonzero(totals > 0)
            frames.append(pd.DataFrame({
                "period": self._periods[present % width] if width else [],
                "source": names[present // width].astype(str) if width else [],
                "term": key, "form": self.form(key),
                "count": counts[present].astype("int64"),
                "total": totals[present].astype("int64"),
                "per_10k": counts[present] / totals[present] * 10_000,
            }))
        return pd.concat(frames, ignore_index=True)

    def kwic(self, term: str, sort: str = "corpus", filters: Filters | None = None, *,
             limit: int = 100, window: int = 8) -> tuple[pd.DataFrame, int]:
        """Keyword in context: each occurrence of ``term`` with the text around it as written.

        ``sort``: "corpus" (articles in corpus order), "before" (by the 1st, then 2nd, then
        3rd word before the keyword, as AntConc's L1-L2-L3) or "after" (R1-R2-R3); words are
        compared by their normalised form, stop words included, a missing word (the article's
        start or end) first. ``window`` tokens of context on each side, cut as written
        (punctuation kept). Returns the first ``limit`` rows and the number of occurrences.
        Columns: doc_id, position (of the keyword in the article's tokens), before,
        keyword, after, start, end (the keyword's characters in the text).
        """
        if sort not in KWIC_SORTS:
            raise ValueError(f"sort must be one of {list(KWIC_SORTS)}, got {sort!r}")
        _check_n(limit, "limit")
        _check_n(window, "window")
        number = self._key_index.get(term)
        columns = ["doc_id", "position", "before", "keyword", "after", "start", "end"]
        if number is None:
            return pd.DataFrame(columns=columns), 0
        stream, offsets = self.index.stream, self._offsets
        positions = np.flatnonzero(self._term_stream == number)
        document = np.searchsorted(offsets, positions, side="right") - 1
        keep = self.mask(filters)[document]
        positions, document = positions[keep], document[keep]
        if KWIC_SORTS[sort]:
            keys = [self._neighbour_rank(positions, document, key) for key in KWIC_SORTS[sort]]
            order = np.lexsort((positions, *reversed(keys)))
            positions, document = positions[order], document[order]
        rows = []
        shown = np.unique(document[:limit])
        texts = dict(zip(shown.tolist(), self.index.texts(shown), strict=True))
        for position, doc in zip(positions[:limit].tolist(), document[:limit].tolist(),
                                 strict=True):
            text = texts[doc]
            first, last = offsets[doc], offsets[doc + 1] - 1
            start, end = int(stream["start"][position]), int(stream["end"][position])
            left = stream["start"][max(first, position - window)]
            right = stream["end"][min(last, position + window)]
            rows.append({
                "doc_id": self._doc_ids[doc],
                "position": int(position - first),
                "before": _one_line(text[left:start]),
                "keyword": text[start:end],
                "after": _one_line(text[end:right]),
                "start": start, "end": end,
            })
        return pd.DataFrame(rows, columns=columns), len(positions)

    def _token_ranks(self) -> np.ndarray:
        """Each token's rank in alphabetical (code-point) order, for sorting contexts."""
        if self._token_rank is None:
            vocabulary = self.index.tokens.astype(str)
            rank = np.empty(len(vocabulary), dtype=np.int64)
            rank[np.argsort(vocabulary, kind="stable")] = np.arange(len(vocabulary))
            self._token_rank = rank
        return self._token_rank

    def _neighbour_rank(self, positions, document, key: str) -> np.ndarray:
        """The alphabetical rank of the normalised token ``n`` places before (``Bn``) or after
        (``An``) each position in its article; -1 where the article has none."""
        step = int(key[1:]) * (-1 if key[0] == "B" else 1)
        offsets = self._offsets
        neighbour = positions + step
        inside = (neighbour >= offsets[document]) & (neighbour < offsets[document + 1])
        ranks = np.full(len(positions), -1, dtype=np.int64)
        ranks[inside] = self._token_ranks()[self.index.stream["token"][neighbour[inside]]]
        return ranks

    def collocates(self, term: str, measure: str = "log_dice",
                   filters: Filters | None = None, *, window: int = 5, min_freq: int = 3,
                   n: int = 30) -> pd.DataFrame:
        """The collocates of ``term`` in the articles of ``filters``, by
        :func:`~arabic_news.analysis.collocations` (window-based; ``measure`` one of pmi,
        t_score, g2, log_dice, freq). Its columns, plus form (each collocate's written form).
        """
        if measure not in (*MEASURES, "freq"):
            raise ValueError(f"measure must be one of {[*MEASURES, 'freq']}, got {measure!r}")
        keep = self.mask(filters)
        if self._whole is None:
            kept = self._term_stream >= 0
            document = np.repeat(np.arange(len(self), dtype=np.int32), np.diff(self._offsets))
            self._whole = _Encoded.from_ids(self._term_stream[kept], document[kept],
                                            self._keys, tokens=_as_key, index=self._key_index)
            self._whole.by_term = self._by_term
        encoded = self._whole
        table = collocations(encoded, term, window=window, min_freq=min_freq,
                             sort_by=measure, n=n, within=None if keep.all() else keep)
        table.insert(1, "form", self.forms(table["collocate"]))
        return table

    def documents(self, term: str | None = None, filters: Filters | None = None, *,
                  limit: int = 200) -> tuple[pd.DataFrame, int]:
        """The articles of ``filters`` (holding ``term`` when given), by date then corpus
        order; the first ``limit`` and how many there are. Columns: doc_id, title, source,
        published, count (of ``term``; 0 without one), terms (counted terms)."""
        _check_n(limit, "limit")
        filters = (filters or Filters())
        if term is not None:
            filters = filters.replace(term=term)
        keep = self.mask(filters)
        order = self._date_order[keep[self._date_order]]
        shown = order[:limit]
        table = self._articles.iloc[shown].reset_index(drop=True).copy()
        counts = np.zeros(len(shown), dtype=np.int64)
        number = None if term is None else self._key_index.get(term)
        if number is not None:
            counts = self._by_term[shown, number].toarray().ravel().astype(np.int64)
        table["count"] = counts
        table["terms"] = self._totals[shown].astype("int64")
        return table, len(order)

    def text(self, doc_id: str, term: str | None = None) -> Article:
        """One article, with the spans of ``term`` marked."""
        matches = np.flatnonzero(self._doc_ids == doc_id)
        if not len(matches):
            raise KeyError(f"no article has doc_id {doc_id!r}")
        doc = int(matches[0])
        marks: list[tuple[int, int]] = []
        number = None if term is None else self._key_index.get(term)
        stream = self.index.stream
        if number is not None:
            first, last = self._offsets[doc], self._offsets[doc + 1]
            hits = first + np.flatnonzero(self._term_stream[first:last] == number)
            marks = list(zip(stream["start"][hits].tolist(), stream["end"][hits].tolist(),
                             strict=True))
        row = self._articles.iloc[doc]
        published = row["published"]
        return Article(str(row["doc_id"]), str(row["title"]), str(self._sources[doc]),
                       None if pd.isna(published) else published, self.index.text(doc), marks)


class _Encoded(TokenizedCorpus):
    """The corpus's terms for ``collocations``, counting a part of it from the explorer's
    per-article counts (one sparse product) instead of reading every token again."""

    by_term = None  # the articles x terms counts, by column

    def frequency_in(self, within: np.ndarray) -> np.ndarray:
        return np.asarray(self.by_term.T @ within.astype(np.int64)).ravel()


def _as_key(term: str) -> list[str]:
    """The tokeniser given to ``collocations``: terms here are keys already."""
    return [term]


def _terms(terms) -> list[str]:
    if isinstance(terms, str):
        terms = [terms]
    terms = list(dict.fromkeys(terms))
    if not terms or not all(isinstance(term, str) for term in terms):
        raise ValueError(f"give one or more terms (str), got {terms!r}")
    return terms


def _check_n(value, name: str = "n") -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")


def _one_line(text: str) -> str:
    return " ".join(text.split())
