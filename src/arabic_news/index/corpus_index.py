"""An index opened for questions: :class:`CorpusIndex`.

Every answer equals the package's analysis of the same documents, computed from the stored
counts and token stream instead of the texts (``tests/test_index.py`` proves each equality,
on both engines):

==========================================  =============================================
``term_counts(documents)``                  ``analysis.term_counts(texts, analyzer)``
``document_frequencies(documents)``         ``analysis.document_frequencies(texts, analyzer)``
``ngram_counts(sizes, documents)``          ``analysis.ngram_counts(texts, analyzer.tokens)``
``top_terms(n, documents)``                 ``analysis.top_terms(texts, analyzer, n)``
``collocations(term, documents, ...)``      ``analysis.collocations(texts, term, ...)``
``kwic(term, window, limit, documents)``    ``analysis.keyword_in_context`` (see below)
``counts_matrix(documents)``                ``CountVectorizer(analyzer=analyzer.tokens)``
``display_forms()``                         ``display_forms(texts, analyzer)``
==========================================  =============================================

``documents`` chooses documents: None for all, a boolean mask (one per document, in corpus
order), or positions; :meth:`CorpusIndex.select` makes a mask from a source, a date range
and a term.

Keyword in context cuts words as the analyzer does (a written word is the text that gave a
token), so that its rows are the occurrences its counts count. ``keyword_in_context`` cuts
the text at runs of letters, digits, marks and underscores instead. Words around the
keyword are the same in both (a run the tokeniser splits, ``الـ15`` into ال and 15, is one
written word in both), except that a lone ``_`` is a word there and not here, and a bidi
mark or a zero-width joiner inside a word splits it there and not here; and a token inside
such a run (15 in ``الـ15``) is found here, as it is counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

from arabic_news.analysis import TokenizedCorpus, collocations
from arabic_news.analysis.frequency import ranked_terms
from arabic_news.errors import CorpusError
from arabic_news.index.layout import STREAM, index_problem, read_manifest, stream_file, texts_file
from arabic_news.text.display_forms import DisplayForms
from arabic_news.text.tokenize import tokenize


class CorpusIndex:
    """A corpus tokenised once, on disk, answering the lessons' questions (see the module
    docstring). Open one with :func:`~arabic_news.index.build_index` (built when needed) or
    :meth:`open` (a folder already built).

    Attributes: ``folder``, ``manifest``, ``analyzer``, ``documents`` (one row per document:
    doc_id, title, source, published, part, row, tokens, terms), ``terms`` (the counted
    keys), ``counts`` (documents x terms, CSR), ``stream`` (the token stream, memory-mapped:
    token, start, end, offsets), ``tokens`` (the normalised token vocabulary, stop words
    included) and ``term_of`` (each token's term id, -1 for none).
    """

    def __init__(self, folder: Path, analyzer) -> None:
        problem = index_problem(folder)
        if problem is not None:
            raise CorpusError(f"{folder}: not a sound corpus index ({problem}); build it again "
                              "with arabic_news.index.build_index")
        manifest = read_manifest(folder)
        if analyzer.cache_key() != manifest["analyzer"]:
            raise ValueError(f"{folder}: this index was built with another analyzer; open it "
                             "with the analyzer it was built with, or build one for yours")
        self.folder = folder
        self.manifest = manifest
        self.analyzer = analyzer
        self.documents = pd.read_parquet(folder / "documents.parquet")
        vocabulary = pd.read_parquet(folder / "tokens.parquet")
        self.tokens = vocabulary["token"].to_numpy(dtype=object)
        self.term_of = vocabulary["term"].to_numpy(dtype=np.int32)
        self.terms = pd.read_parquet(folder / "terms.parquet")["term"].to_numpy(dtype=object)
        self.counts = sparse.load_npz(folder / "counts.npz").tocsr()
        self.stream = {name: np.load(folder / stream_file(name), mmap_mode="r")
                       for name in STREAM}
        self.documents["terms"] = np.asarray(self.counts.sum(axis=1)).ravel().astype("int64")

    @classmethod
    def open(cls, folder, analyzer=None) -> CorpusIndex:
        """The index in ``folder``, built with ``analyzer`` (default ``ArabicAnalyzer()``)."""
        if analyzer is None:
            from arabic_news.text.analyzer import ArabicAnalyzer

            analyzer = ArabicAnalyzer()
        return cls(Path(folder), analyzer)

    def __len__(self) -> int:
        return len(self.documents)

    def __repr__(self) -> str:
        return (f"CorpusIndex({len(self)} documents, {self.manifest['tokens']} tokens, "
                f"{len(self.terms)} terms, {self.folder.name})")

    # -- lookups ---------------------------------------------------------------------------
    @cached_property
    def term_ids(self) -> dict[str, int]:
        """term -> id in ``terms``."""
        return {term: number for number, term in enumerate(self.terms)}

    @cached_property
    def token_ids(self) -> dict[str, int]:
        """normalised token -> id in ``tokens``."""
        return {token: number for number, token in enumerate(self.tokens)}

    @cached_property
    def by_term(self):
        """The counts by column (CSC): the documents holding each term."""
        return self.counts.tocsc()

    @cached_property
    def corpus_counts(self) -> np.ndarray:
        """Each term's occurrences in the whole corpus."""
        return np.asarray(self.counts.sum(axis=0)).ravel()

    @cached_property
    def bigrams(self) -> np.ndarray:
        """The bigram vocabulary: an array (2, bigrams) of term ids, first and second."""
        return np.load(self.folder / "bigrams.npy")

    @cached_property
    def bigram_counts(self):
        """Documents x bigrams counts (CSR)."""
        return sparse.load_npz(self.folder / "bigram_counts.npz").tocsr()

    def bigram_keys(self, ids=None) -> np.ndarray:
        """The keys ("first second") of bigrams ``ids`` (all by default)."""
        first, second = self.bigrams if ids is None else self.bigrams[:, ids]
        return np.array([f"{a} {b}" for a, b in zip(self.terms[first], self.terms[second],
                                                      strict=True)], dtype=object)

    # -- choosing documents ----------------------------------------------------------------
    def mask(self, documents=None) -> np.ndarray | None:
        """``documents`` as a boolean mask (None stays None: all documents)."""
        if documents is None:
            return None
        chosen = np.asarray(documents)
        if chosen.dtype == bool:
            if chosen.shape != (len(self),):
                raise ValueError(f"a mask needs {len(self)} booleans, got shape {chosen.shape}")
            return chosen
        if not np.issubdtype(chosen.dtype, np.integer) and len(chosen):
            raise TypeError("documents must be None, a boolean mask or document positions")
        if len(chosen) and (chosen.min() < 0 or chosen.max() >= len(self)):
            raise ValueError(f"document positions must lie in 0..{len(self) - 1}")
        selected = np.zeros(len(self), dtype=bool)
        selected[chosen.astype(np.int64)] = True
        return selected

    def select(self, *, source: str | None = None, start=None, end=None,
               term: str | None = None) -> np.ndarray:
        """A mask of the documents of ``source``, published within ``[start, end]`` (an
        undated document is left out once either is given; naive times are UTC) and holding
        ``term`` (a key), all optional and combined with *and*."""
        keep = np.ones(len(self), dtype=bool)
        published = self.documents["published"]
        for bound, keeps in ((start, published.__ge__), (end, published.__le__)):
            if bound is not None:
                stamp = pd.Timestamp(bound)
                stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp
                keep &= keeps(stamp).to_numpy(dtype=bool, na_value=False)
        if source is not None:
            keep &= (self.documents["source"] == source).to_numpy(dtype=bool, na_value=False)
        if term is not None:
            holding = np.zeros(len(self), dtype=bool)
            number = self.term_ids.get(term)
            if number is not None:
                column = self.by_term[:, number]
                holding[column.indices] = True
            keep &= holding
        return keep

    # -- counts ----------------------------------------------------------------------------
    def _sizes(self) -> tuple[int, ...]:
        """The n-gram sizes the analyzer's terms are made of (1 and 2 are stored)."""
        min_n, max_n = getattr(self.analyzer, "ngram_range", (1, 1))
        if max_n > 2:
            raise ValueError(f"the index stores single terms and bigrams; ngram_range="
                             f"{(min_n, max_n)} needs longer n-grams: use the analyses on the "
                             "texts")
        return tuple(range(min_n, max_n + 1))

    def _matrix(self, size: int):
        if size not in (1, 2):
            raise ValueError(f"the index stores n-grams of size 1 and 2, not {size}")
        return self.counts if size == 1 else self.bigram_counts

    def _keys(self, size: int, ids: np.ndarray) -> np.ndarray:
        return self.terms[ids] if size == 1 else self.bigram_keys(ids)

    def _column_sums(self, size: int, documents, present: bool = False) -> np.ndarray:
        matrix = self._matrix(size)
        chosen = self.mask(documents)
        if present:
            matrix = (matrix > 0).astype(np.int64)
        if chosen is None:
            return np.asarray(matrix.sum(axis=0)).ravel()
        return np.asarray(matrix.T @ chosen.astype(np.int64)).ravel()

    def _counter(self, sizes, documents, present: bool = False) -> Counter:
        keys, values = [], []
        for size in sizes:
            sums = self._column_sums(size, documents, present)
            ids = np.flatnonzero(sums)
            keys.append(self._keys(size, ids))
            values.append(sums[ids])
        keys = np.concatenate(keys) if keys else np.zeros(0, object)
        values = np.concatenate(values) if values else np.zeros(0, np.int64)
        order = np.argsort(keys.astype(str), kind="stable")
        return Counter(dict(zip(keys[order].tolist(), values[order].tolist(), strict=True)))

    def term_counts(self, documents=None) -> Counter:
        """Occurrences of every term of the analyzer (its n-grams too) in the chosen
        documents, in term order: ``analysis.term_counts(texts, analyzer)``."""
        return self._counter(self._sizes(), documents)

    def document_frequencies(self, documents=None) -> Counter:
        """In how many of the chosen documents each term occurs, in term order:
        ``analysis.document_frequencies(texts, analyzer)``."""
        return self._counter(self._sizes(), documents, present=True)

    def ngram_counts(self, sizes=(1, 2), documents=None) -> dict[int, Counter]:
        """Counts of the n-grams of adjacent terms of each size (1, 2), in term order:
        ``analysis.ngram_counts(texts, analyzer.tokens, sizes)``."""
        return {size: self._counter((size,), documents) for size in sizes}

    def top_terms(self, n: int = 20, documents=None, size: int = 1) -> pd.DataFrame:
        """The ``n`` most frequent terms (``size=2``: bigrams) with count and share, rank 1
        first: ``analysis.top_terms`` (``top_ngrams`` for bigrams)."""
        return ranked_terms(self._counter((size,), documents), n)

    def counts_matrix(self, documents=None, size: int = 1) -> tuple[sparse.csr_matrix,
                                                                      np.ndarray]:
        """The chosen documents' counts (rows in corpus order) of every term, or bigram, they
        hold, and those keys (columns in term order): what ``CountVectorizer(analyzer=
        analyzer.tokens)`` (``ngram_range=(2, 2)`` for bigrams) gives, for TF-IDF."""
        matrix = self._matrix(size)
        chosen = self.mask(documents)
        if chosen is not None:
            matrix = matrix[np.flatnonzero(chosen)]
        present = np.flatnonzero(np.asarray((matrix != 0).sum(axis=0)).ravel())
        keys = self._keys(size, present)
        order = np.argsort(keys.astype(str), kind="stable")
        return matrix[:, present[order]].tocsr(), keys[order]

    def written(self) -> dict[str, int]:
        """The corpus's written tokens (no normalisation) and their distinct forms:
        ``written_tokens``, ``written_forms``."""
        row = pd.read_parquet(self.folder / "written.parquet").iloc[0]
        return {name: int(value) for name, value in row.items()}

    def spellings(self, term: str) -> list[tuple[str, int]]:
        """Every written form of ``term`` with its count, most frequent first."""
        return self.display_forms().spellings(term)

    def display_forms(self) -> DisplayForms:
        """The usual written form of each term: ``display_forms(texts, analyzer)``."""
        if "_forms" not in self.__dict__:  # chosen with a sort, not a Counter per term
            table = pd.read_parquet(self.folder / "spellings.parquet")
            self._forms = DisplayForms.from_table(pd.DataFrame({
                "key": pd.Series(self.terms[table["term"].to_numpy()], dtype="str"),
                "written": table["written"], "count": table["count"]}))
        return self._forms

    # -- tokens in order -------------------------------------------------------------------
    def _span(self, position: int) -> tuple[int, int]:
        offsets = self.stream["offsets"]
        return int(offsets[position]), int(offsets[position + 1])

    def tokens_of(self, position: int) -> list[str]:
        """The normalised tokens of document ``position`` (stop words included), as
        ``tokenize`` gives them."""
        first, last = self._span(position)
        return self.tokens[self.stream["token"][first:last]].tolist()

    def terms_of(self, position: int) -> list[str]:
        """The analyzer's unigrams of document ``position``: ``analyzer.tokens(text)``."""
        first, last = self._span(position)
        terms = self.term_of[self.stream["token"][first:last]]
        return self.terms[terms[terms >= 0]].tolist()

    def tokenized(self, documents=None) -> TokenizedCorpus:
        """The chosen documents' terms as a :class:`~arabic_news.analysis.TokenizedCorpus`,
        for :func:`~arabic_news.analysis.collocations` and ``keyness``."""
        chosen = self.mask(documents)
        token = np.asarray(self.stream["token"])
        offsets = np.asarray(self.stream["offsets"])
        document = np.repeat(np.arange(len(self), dtype=np.int64), np.diff(offsets))
        terms = self.term_of[token]
        kept = terms >= 0
        if chosen is not None:
            kept &= chosen[document]
        ids, document = terms[kept].astype(np.int64), document[kept]
        if chosen is not None:  # the chosen documents numbered 0, 1, 2 ... in corpus order
            document = (np.cumsum(chosen) - 1)[document]
        return TokenizedCorpus.from_ids(ids, document, self.terms, tokens=self.analyzer.tokens,
                                        index=self.term_ids)

    @cached_property
    def _whole(self) -> TokenizedCorpus:
        return self.tokenized()

    def collocations(self, term: str | None = None, documents=None, **options) -> pd.DataFrame:
        """:func:`~arabic_news.analysis.collocations` of the chosen documents (``options``:
        window, min_freq, sort_by, attraction_only, n), from the corpus's terms encoded once
        (``within=``: the chosen documents' tokens are not copied)."""
        return collocations(self._whole, term, within=self.mask(documents), **options)

    # -- texts -----------------------------------------------------------------------------
    def text(self, position: int) -> str:
        """The text of document ``position`` as written (one row group of its part read)."""
        return self.texts([position])[0]

    def texts(self, positions) -> list[str]:
        """The texts of documents ``positions``, in the order given."""
        import pyarrow.parquet as pq

        from arabic_news.index.layout import TEXT_ROWS

        rows = self.documents[["part", "row"]].to_numpy()
        found: dict[int, str] = {}
        wanted: dict[tuple[int, int], list[int]] = {}
        for position in dict.fromkeys(int(p) for p in positions):
            part, row = rows[position]
            wanted.setdefault((int(part), int(row) // TEXT_ROWS), []).append(position)
        handles: dict[int, pq.ParquetFile] = {}
        for (part, group), members in wanted.items():
            if part not in handles:
                handles[part] = pq.ParquetFile(self.folder / texts_file(part))
            column = handles[part].read_row_group(group, columns=["text"]).column(0)
            for position in members:
                found[position] = column[int(rows[position][1]) % TEXT_ROWS].as_py()
        return [found[int(position)] for position in positions]

    # -- keyword in context ----------------------------------------------------------------
    def kwic(self, term: str, *, window: int = 6, limit: int | None = 20, documents=None,
             match: Callable[[str], str] | None = None) -> pd.DataFrame:
        """Occurrences of ``term`` with ``window`` written words on each side, in corpus
        order, the first ``limit`` (None: all): the table of
        :func:`~arabic_news.analysis.keyword_in_context` (see the module docstring for how
        words are cut). A token matches when it is the normalised ``term`` (stop words
        included); ``match`` (a stemmer, say) compares ``match(token)`` instead.

        Columns: doc_id, before, keyword, after (written words joined by spaces, in reading
        order), position (of the keyword in its document's tokens), start, end (its
        characters in the text).
        """
        if window < 0:
            raise ValueError(f"window must be zero or positive, got {window}")
        if limit is not None and limit < 1:
            raise ValueError(f"limit must be a positive integer or None, got {limit}")
        wanted = tokenize(term, normalizer=self.analyzer.normalizer)
        if len(wanted) != 1:
            raise ValueError(f"term {term!r} gives {len(wanted)} tokens; give one word")
        if match is None:
            ids = [self.token_ids[wanted[0]]] if wanted[0] in self.token_ids else []
        else:
            key = match(wanted[0])
            ids = [number for number, token in enumerate(self.tokens) if match(token) == key]
        token, start, end = self.stream["token"], self.stream["start"], self.stream["end"]
        offsets = np.asarray(self.stream["offsets"])
        positions = np.flatnonzero(np.isin(token, ids)) if ids else np.zeros(0, np.int64)
        owner = np.searchsorted(offsets, positions, side="right") - 1
        chosen = self.mask(documents)
        if chosen is not None:
            positions, owner = positions[chosen[owner]], owner[chosen[owner]]
        if limit is not None:
            positions, owner = positions[:limit], owner[:limit]
        texts = dict(zip(np.unique(owner).tolist(), self.texts(np.unique(owner)), strict=True))
        doc_ids = self.documents["doc_id"]
        rows = []
        for position, doc in zip(positions.tolist(), owner.tolist(), strict=True):
            text, first, last = texts[doc], int(offsets[doc]), int(offsets[doc + 1])
            starts = np.asarray(start[first:last])
            ends = np.asarray(end[first:last])
            # Written words: a piece of text that gave several tokens (الـ15: ال and 15)
            # lends its span to each, and is one word here.
            new_word = np.ones(len(starts), dtype=bool)
            new_word[1:] = starts[1:] != starts[:-1]
            word_starts = starts[new_word]
            word_ends = ends[new_word]
            word = int(np.cumsum(new_word)[position - first]) - 1

            def words(begin: int, stop: int, text=text, word_starts=word_starts,
                      word_ends=word_ends) -> str:
                return " ".join(text[a:b] for a, b in zip(word_starts[begin:stop].tolist(),
                                                          word_ends[begin:stop].tolist(),
                                                          strict=True))

            rows.append({"doc_id": doc_ids.iat[doc],
                         "before": words(max(0, word - window), word),
                         "keyword": text[int(start[position]):int(end[position])],
                         "after": words(word + 1, word + 1 + window),
                         "position": position - first, "start": int(start[position]),
                         "end": int(end[position])})
        columns = ["doc_id", "before", "keyword", "after", "position", "start", "end"]
        return pd.DataFrame(rows, columns=columns)
