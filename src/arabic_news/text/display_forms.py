"""Display forms: the usual written form of each normalised key, for labels a person reads.

Normalised text is the right key for counting (الامن and الأمن are one term) but the wrong
text to show: to an Arabic reader «الروسيه», «وزاره الدفاع» or «ادلب» are typos. Every label a
lesson shows therefore goes through :func:`display_forms`, which maps each key to its most
frequent written form in the corpus (الروسية، وزارة الدفاع، إدلب).

How: the corpus's written tokens are counted once (the package's tokeniser without
normalisation), then the analyzer is applied to each distinct written token, once. A written
token whose analysis is exactly one term is a spelling of that term; the spelling seen most
often wins (ties: the first in code-point order, so the result is deterministic). Stop words
give no term and are skipped. Working on distinct tokens keeps this at a few seconds on a
corpus of 30,000 articles (see ``benchmarks/bench_display_forms.py``).

Only the words a lesson shows: ``keys=`` limits the result to the terms of the given keys
and reads the texts in batches, so memory is bounded by the batch and the words shown, not by
the corpus's vocabulary; the forms found are those of the whole corpus (any iterable of texts,
for example a Dask column read partition by partition with ``analysis.iter_texts``).

The spellings are counted per partition and summed by the engine (see
:mod:`arabic_news.engines`): on a Dask column each partition's task counts its written tokens
and analyses them, and only the spellings, the result, are materialised.

Kept on disk: the counted spellings of a column of texts (a pandas or Dask Series, from
:data:`CACHE_FROM` texts on) are stored in the package's cache folder
(:class:`~arabic_news.corpus.results_cache.ResultStore`, ``display-forms/``), keyed by every
text (hashed per partition, where the partition is), the analyzer's settings and the text
code, so the lessons that show the same corpus count them once and a stale table is never
served. An iterator of texts, ``keys=``, or an analyzer whose code the key cannot hold (a
bare callable, a subclass of ``ArabicAnalyzer``, a normaliser of one's own) is counted every
time.

N-gram keys (terms joined by one space, as ``ArabicAnalyzer(ngram_range=...)`` and
``ngram_counts`` make them) are shown as the display forms of their terms, joined by a
space: the same term then looks the same in every label, and no n-gram table is needed. On
ANT this equals the most frequent written form of the n-gram itself for the top bigrams
(checked by the benchmark).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from arabic_news import engines as engines_package
from arabic_news.corpus.results_cache import ResultStore, code_digest, kept_digests
from arabic_news.engines import engine_of
from arabic_news.text.analyzer import ArabicAnalyzer, analyzer_key
from arabic_news.text.remembered import remembered
from arabic_news.text.tokenize import tokenize

#: Columns of texts from which the counted spellings are kept on disk (below, counting is
#: quick and the tests' small corpora leave no files behind).
CACHE_FROM = 500


class DisplayForms(Mapping):
    """A read-only mapping ``normalised key -> usual written form``, from :func:`display_forms`.

    Iteration and ``len`` cover the single terms; a key of several terms joined by spaces
    (an n-gram) is also found when each of its terms is (``"وزاره الدفاع" in forms``).
    ``forms.get(key, key)`` or :meth:`label` fall back to the key itself for unknown keys.
    ``spellings(key)`` lists every written form of a term with its count.
    """

    def __init__(self, forms: dict[str, str] | None,
                 spellings: dict[str, Counter] | None = None,
                 *, table: pd.DataFrame | pa.Table | None = None):
        """``spellings`` (key -> written form -> count), or ``table`` (rows of key, written
        form and count, a pandas or Arrow table), from which they are built when first
        asked. ``forms`` None: each key's most frequent spelling in ``table``."""
        if (spellings is None) == (table is None):
            raise ValueError("give either the spellings or their table (one of the two)")
        if forms is None and table is None:
            raise ValueError("forms=None chooses the forms from a table: give table=")
        self._built = spellings
        self._rows = None if table is None else _summed(table)
        self._forms = _most_frequent(self._rows) if forms is None else forms

    @classmethod
    def from_table(cls, table: pd.DataFrame | pa.Table) -> DisplayForms:
        """Display forms from counted spellings as a table (key, written, count), chosen
        with Arrow and one integer sort instead of term by term; each key gets its most
        frequent spelling, ties going to the first in code-point order (as
        :func:`forms_from_spellings`)."""
        return cls(None, table=table)

    def spelling_table(self) -> pd.DataFrame:
        """Every (key, written, count), sorted by key then written form: the table these
        forms were chosen from, or one made from the spellings."""
        return self._spelling_rows().to_pandas()

    def _spelling_rows(self) -> pa.Table:
        if self._rows is None:
            self._rows = _summed(pa.table({
                "key": [key for key, found in self._built.items() for _ in found],
                "written": [written for found in self._built.values() for written in found],
                "count": pa.array([n for found in self._built.values() for n in found.values()],
                                  pa.int64())}))
        return self._rows

    @property
    def _spellings(self) -> dict[str, Counter]:
        if self._built is None:
            built: dict[str, Counter] = defaultdict(Counter)
            for key, written, count in zip(self._rows["key"].to_pylist(),
                                           self._rows["written"].to_pylist(),
                                           self._rows["count"].to_pylist(), strict=True):
                built[key][written] += count
            self._built = dict(built)
        return self._built

    def __getitem__(self, key: str) -> str:
        form = self.get(key)
        if form is None:
            raise KeyError(key)
        return form

    def get(self, key, default=None):
        """The form of ``key`` (a term, or an n-gram of terms each known), else ``default``:
        one dictionary look-up per term, without the exception of ``Mapping.get`` (labels
        ask for a hundred thousand pairs at a time)."""
        if not isinstance(key, str):
            return default
        form = self._forms.get(key)
        if form is not None:
            return form
        parts = key.split(" ")
        if len(parts) > 1:
            forms = [self._forms.get(part) for part in parts]
            if None not in forms:
                return " ".join(forms)
        return default

    def __contains__(self, key) -> bool:
        try:
            self[key]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self._forms)

    def __len__(self) -> int:
        return len(self._forms)

    def label(self, key: str) -> str:
        """The display form of ``key``, or ``key`` itself when the corpus never wrote it."""
        return self.get(key, key)

    def labels(self, keys: Iterable[str]) -> list[str]:
        """:meth:`label` of each key, in order (for chart tick labels and table columns)."""
        return [self.label(str(key)) for key in keys]

    def with_key(self, key: str) -> str:
        """``"form (key)"`` when the written form differs from the key, else the form: for
        lessons about normalisation, where the reader should see both."""
        form = self.label(key)
        return form if form == key else f"{form} ({key})"

    def regroup(self, key: Callable, *, batched: bool = False) -> DisplayForms:
        """Display forms for coarser keys, such as stems: ``key`` maps each of these keys to
        its new key (``lambda k: light_stem(k)``), the spellings of the keys it merges are
        pooled, and each new key gets the most frequent of them. No pass over the corpus.

        ``batched=True``: ``key`` takes the list of every key and returns their new keys in
        the same order (``lambda keys: light_stems(keys)``), one call instead of one per key.
        """
        rows = self._spelling_rows()
        old_keys = rows["key"].combine_chunks()
        starts, run = _runs(old_keys)
        distinct = old_keys.take(starts).to_pylist()
        new = list(key(distinct)) if batched else [key(old) for old in distinct]
        if len(new) != len(distinct):
            raise ValueError(f"key gave {len(new)} new keys for {len(distinct)} keys: with "
                             "batched=True it must return one new key per key, in order")
        wrong = next((found for found in new if not isinstance(found, str)), None)
        if wrong is not None:
            raise TypeError(f"key must give a str for each key, got {type(wrong).__name__}")
        new_keys = pa.array(new, pa.string()).take(pa.array(run))
        return DisplayForms.from_table(pa.table({"key": new_keys, "written": rows["written"],
                                                 "count": rows["count"]}))

    def spellings(self, key: str) -> list[tuple[str, int]]:
        """Every written form of a single term with its count, most frequent first."""
        if self._built is None:  # the rows of this key alone, not a Counter per key
            rows = self._rows.filter(pc.equal(self._rows["key"], key)) \
                if isinstance(key, str) else self._rows.slice(0, 0)
            found = zip(rows["written"].to_pylist(), rows["count"].to_pylist(), strict=True)
        else:
            found = self._built.get(key, Counter()).items()
        return sorted(found, key=lambda item: (-item[1], item[0]))

    def __repr__(self) -> str:
        return f"DisplayForms({len(self)} terms)"


def _term_function(analyzer) -> Callable[[str], list[str]]:
    if analyzer is None:
        return ArabicAnalyzer(stop_words=None, keep_numbers=True, keep_single_letters=True).tokens
    tokens = getattr(analyzer, "tokens", None)
    if callable(tokens):  # ArabicAnalyzer: its unigrams, whatever its ngram_range
        return tokens
    if callable(analyzer):
        return analyzer
    raise TypeError("analyzer must be None, an ArabicAnalyzer or a callable text -> list of "
                    f"terms; got {type(analyzer).__name__}")


def written_token_counts(texts: Iterable[str]) -> Counter:
    """The corpus's tokens as written (no normalisation), with their counts."""
    if isinstance(texts, str):
        raise TypeError("display_forms() expects a collection of texts, not one string; "
                        "wrap it in a list")
    chunks: Counter = Counter()
    for position, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"text {position} is {type(text).__name__}, not str; "
                            "drop missing texts or decode them first")
        # Chunks between whitespace: counting them first means each distinct chunk is
        # tokenised once, however often it occurs. Whitespace (str.split's, which includes
        # U+00A0) is never part of a token, so no token is cut.
        chunks.update(text.split())
    written: Counter = Counter()
    for chunk, count in chunks.items():
        for token in tokenize(chunk, normalizer=None):
            written[token] += count
    return written


def display_forms(texts: Iterable[str], analyzer=None, *, keys: Iterable[str] | None = None,
                  batch_size: int = 5000, cache: bool | None = None) -> DisplayForms:
    """Map each term key of ``analyzer`` to its most frequent written form in ``texts``.

    ``analyzer`` is what made the keys: an :class:`ArabicAnalyzer` (its unigrams after
    normalisation, stop words and stemming; a stemmed key shows as its most frequent
    full spelling) or any callable ``text -> list of terms``; ``None`` means the package's
    default normalisation. N-gram keys are resolved term by term (see the module docstring).

    ``keys``: only the terms of these keys (n-gram keys are split at spaces), counted over
    every text but ``batch_size`` texts at a time, so that memory stays bounded by what is
    shown. For those terms the forms equal the ones found without ``keys``.

    ``cache``: keep the counted spellings of a column of texts on disk and read them back
    (see the module docstring); ``None`` does so from :data:`CACHE_FROM` texts on, ``False``
    never.
    """
    terms_of = _term_function(analyzer)
    if isinstance(texts, str):
        raise TypeError("display_forms() expects a collection of texts, not one string; "
                        "wrap it in a list")
    if keys is None:
        wanted = None
    else:
        if isinstance(keys, str):
            raise TypeError("keys must be a collection of keys, not one string; wrap it in a list")
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
        wanted = frozenset(term for key in keys for term in str(key).split(" ") if term)
    engine = engine_of(texts)
    store = _store(texts, analyzer, cache) if wanted is None else None
    found = store.read() if store is not None else None
    if found is not None:  # kept as chosen: no sort of a million spellings again
        chosen = found["forms"]
        return DisplayForms(dict(zip(chosen["key"].tolist(), chosen["written"].tolist(),
                                     strict=True)), table=found["spellings"])
    # Not kept whole (``keys=``, an iterator): each partition's rows are kept apart
    # instead (see :mod:`.remembered`), so that a lesson run again reads them.
    step = remembered(_spelling_rows, terms_of, wanted, batch_size) if store is None \
        else (_spelling_rows, terms_of, wanted, batch_size)
    table = engine.collect(engine.sum_by(texts, *step, keys=["key", "written"]))
    table = table.sort_values(["key", "written"])  # the same order on every engine
    forms = DisplayForms.from_table(table)
    if store is not None:
        store.write({"spellings": forms.spelling_table(),
                     "forms": pd.DataFrame({"key": list(forms), "written": list(forms.values())},
                                           dtype="str")}, {})
    return forms


@cache
def code_fingerprint() -> str:
    """A hash of the code the spellings depend on: the text package and the engines."""
    return code_digest([*Path(__file__).parent.rglob("*"),
                        *Path(engines_package.__file__).parent.glob("*.py")])


def _store(texts, analyzer, cache: bool | None) -> ResultStore | None:
    """Where the spellings of ``texts`` are kept, or None when they are not: ``cache=False``,
    texts that can be read only once (an iterator), an analyzer whose code the key cannot
    hold, or (with ``cache=None``) fewer than :data:`CACHE_FROM` texts."""
    readable_twice = getattr(texts, "ndim", None) == 1 or isinstance(texts, (list, tuple))
    if cache is False or not readable_twice:
        return None
    settings = "default analysis" if analyzer is None else analyzer_key(analyzer)
    if settings is None:  # a callable, a subclass or a normaliser of one's own: its code is
        return None       # not in the key
    digests = kept_digests(texts, cache, CACHE_FROM)
    if digests is None:
        return None
    return ResultStore("display-forms", [tuple(digests)], settings, code_fingerprint(),
                       ("spellings", "forms"))


def _key_spellings(texts: Iterable[str], terms_of, wanted) -> Iterator[tuple[str, str, int]]:
    """(key, written token, count) for each written token of ``texts`` that makes exactly one
    term, kept when ``wanted`` is None or holds that term."""
    for written, count in written_token_counts(texts).items():
        found = terms_of(written)
        if len(found) == 1 and (wanted is None or found[0] in wanted):
            yield found[0], written, count


def _spelling_rows(texts, terms_of, wanted, batch_size: int) -> pd.DataFrame:
    """One partition's (key, written, count) rows. With ``wanted`` the texts are read
    ``batch_size`` at a time and only the wanted keys' spellings kept, so memory is bounded
    by a batch and the words shown."""
    spellings: Counter = Counter()
    for batch in [texts] if wanted is None else _batches(texts, batch_size):
        for key, written, count in _key_spellings(batch, terms_of, wanted):
            spellings[key, written] += count
    frame = pd.DataFrame({"key": [key for key, _ in spellings],
                          "written": [written for _, written in spellings],
                          "count": list(spellings.values())})
    return frame.astype({"key": str, "written": str, "count": "int64"})


def _batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def forms_from_spellings(spellings: Mapping[str, Mapping[str, int]]) -> DisplayForms:
    """Display forms from counted spellings: ``{key: {written form: count}}``, for callers
    that counted the written tokens themselves (the explorer's one pass over the corpus).
    Each key gets its most frequent spelling; ties go to the first in code-point order, so
    the result is deterministic."""
    spellings = {key: Counter(found) for key, found in spellings.items() if found}
    forms = {key: min(found.items(), key=lambda item: (-item[1], item[0]))[0]
             for key, found in spellings.items()}
    return DisplayForms(forms, dict(spellings))


def _strings(column) -> pa.ChunkedArray | pa.Array:
    """A column of texts as Arrow large strings (pandas' own string type)."""
    if not isinstance(column, (pa.Array, pa.ChunkedArray)):
        column = pa.array(column, pa.large_string())
    return column.cast(pa.large_string())


def _summed(table: pd.DataFrame | pa.Table) -> pa.Table:
    """One row per (key, written) with its counts summed, rows without a key or written form
    and counts below one left out, sorted by key then written form (code-point order: Arrow
    compares UTF-8 bytes). A table already so (the usual case: a kept one) is only checked."""
    counts = table["count"]
    rows = pa.table({"key": _strings(table["key"]), "written": _strings(table["written"]),
                     "count": counts if isinstance(counts, (pa.Array, pa.ChunkedArray))
                     else pa.array(np.asarray(counts, dtype=np.int64))})
    rows = rows.drop_null()
    if not _in_order(rows):
        rows = rows.group_by(["key", "written"], use_threads=False).aggregate(
            [("count", "sum")]).rename_columns({"count_sum": "count"})
        rows = rows.select(["key", "written", "count"]).sort_by(
            [("key", "ascending"), ("written", "ascending")])
    return rows.filter(pc.greater(rows["count"], 0))


def _in_order(rows: pa.Table) -> bool:
    """Does each row come strictly after the one before it, by key then written form?"""
    if rows.num_rows < 2:
        return True
    key, written = rows["key"], rows["written"]
    k0, k1, w0, w1 = key[:-1], key[1:], written[:-1], written[1:]
    after = pc.or_(pc.less(k0, k1), pc.and_(pc.equal(k0, k1), pc.less(w0, w1)))
    return bool(pc.all(after).as_py())


def _runs(keys: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """The runs of equal keys in a sorted column of keys: where each run begins, and the
    number of the run of each row."""
    if len(keys) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    changes = pc.not_equal(keys[:-1], keys[1:]).to_numpy(zero_copy_only=False)
    starts = np.flatnonzero(np.concatenate([[True], changes]))
    return starts, np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(keys))))


def _most_frequent(rows: pa.Table) -> dict[str, str]:
    """Each key's most frequent written form (ties: the first in code-point order), from
    rows summed and sorted by :func:`_summed`: one stable integer sort by key run and
    descending count keeps the written order among ties."""
    keys = rows["key"].combine_chunks()
    starts, run = _runs(keys)
    order = np.lexsort((-rows["count"].to_numpy(), run))
    return dict(zip(keys.take(starts).to_pylist(),
                    rows["written"].take(order[starts]).to_pylist(), strict=True))
