"""A scikit-learn compatible analyzer: normalise, tokenise, drop stop words, stem, n-grams.

``TfidfVectorizer(analyzer=ArabicAnalyzer())`` and ``CountVectorizer(analyzer=...)`` call the
analyzer on each document; it is a plain picklable object, so fitted vectorizers pickle too.
"""

import hashlib
import json
from collections import Counter
from collections.abc import Iterable

from arabic_news.text._tables import charmap_digest
from arabic_news.text.normalize import Normalizer
from arabic_news.text.stemming import MODES, light_stem
from arabic_news.text.stopwords import news_stop_words
from arabic_news.text.stopwords import stop_words as build_stop_words
from arabic_news.text.tokenize import DEFAULT, _check_normalizer, tokenize

_DEFAULT_LIST = "default"
#: Raise when the tokeniser's, the filters' or the stemmer's rules change, so that caches
#: keyed on :meth:`ArabicAnalyzer.settings` are rebuilt.
RULES_VERSION = 2


def is_number(token: str) -> bool:
    """A token made of digits or other numerals only (2016, ٢٠١٦ unnormalised, ½).

    The tokeniser splits a number at its separators (1,500 -> 1 + 500; 2.5 -> 2 + 5; ٣٫٥),
    and the percent signs % and ٪ are punctuation, never tokens, so every piece of a number
    written with separators is such a token. A token that mixes letters and digits (G20,
    COVID19) is not a number: it names something."""
    return token.isnumeric()


def is_single_letter(token: str) -> bool:
    """A one-character token that is not a number: a letter left over from an abbreviation
    or a mark (م after 2015م, ه from هـ after a Hijri year, د. for doctor) or a clitic
    split from a digit (و2016)."""
    return len(token) == 1 and not token.isnumeric()


class ArabicAnalyzer:
    """Turn one document into a list of terms (``doc -> list[str]``).

    Parameters
    ----------
    normalizer: the :class:`Normalizer` (default) or ``None`` to skip normalisation.
    stop_words: ``"default"`` for the project's function words, ``None`` to remove no word
        at all (neither list), or a collection of words that replaces the function words
        (normalised with ``normalizer``).
    news_words: also remove the news words (:func:`~arabic_news.news_stop_words`: وقال، تم،
        أمس، اليوم، عدد، أكثر ...), the words every news story uses whatever it reports.
        On by default; ignored when ``stop_words=None``.
    stem: ``None``, ``"article"`` or ``"proclitic"`` (see :func:`light_stem`); proclitic
        stemming needs :meth:`fit` first, which learns the corpus vocabulary.
    ngram_range: ``(min_n, max_n)``; n-grams are built after the filters below and joined by
        one space, as scikit-learn does.
    keep_numbers: keep tokens that are numbers only (2016, 1,500 -> 1 and 500; see
        :func:`is_number`). Off by default: a count or a year alone says little about what
        a text is about, and numbers flood the top terms of news. Dates are found by
        :func:`~arabic_news.extract_dates`, which reads the text itself, not these terms.
    keep_single_letters: keep one-letter tokens (see :func:`is_single_letter`). Off by
        default.
    latin: keep tokens that hold a Latin letter (G20, BBC); see :func:`tokenize`.

    :meth:`settings` describes everything that decides the terms, for cache keys.
    """

    def __init__(
        self,
        *,
        normalizer=DEFAULT,
        stop_words=_DEFAULT_LIST,
        news_words: bool = True,
        stem: str | None = None,
        ngram_range: tuple[int, int] = (1, 1),
        keep_numbers: bool = False,
        keep_single_letters: bool = False,
        latin: bool = True,
    ) -> None:
        _check_normalizer(normalizer)
        _check_stem(stem)
        self.ngram_range = _check_ngram_range(ngram_range)
        flags = (("news_words", news_words), ("keep_numbers", keep_numbers),
                 ("keep_single_letters", keep_single_letters), ("latin", latin))
        for name, value in flags:
            if not isinstance(value, bool):
                raise TypeError(f"{name}= must be True or False, got {value!r}")
        if isinstance(stop_words, str) and stop_words != _DEFAULT_LIST:
            raise ValueError(
                f"stop_words must be 'default', None or a collection of words, got {stop_words!r}"
            )
        self.normalizer = normalizer
        self.stem = stem
        self.news_words = news_words
        self.keep_numbers = keep_numbers
        self.keep_single_letters = keep_single_letters
        self.latin = latin
        if stop_words is None:
            self.stop_words = frozenset()
        else:
            if isinstance(stop_words, str):
                words = build_stop_words(normalizer=normalizer)
            else:
                words = build_stop_words(replace=stop_words, normalizer=normalizer)
            if news_words:
                words |= news_stop_words(normalizer=normalizer)
            self.stop_words = words
        self.vocabulary_: Counter[str] | None = None

    def fit(self, documents: Iterable[str]) -> "ArabicAnalyzer":
        """Count the normalised tokens of ``documents`` (needed by ``stem="proclitic"``)."""
        if isinstance(documents, str):
            raise TypeError("fit expects a collection of documents, not one string")
        counts: Counter[str] = Counter()
        for position, doc in enumerate(documents):
            counts.update(self._raw_tokens(doc, position))
        self.vocabulary_ = counts
        return self

    def _raw_tokens(self, doc: str, position: int | None = None) -> list[str]:
        if not isinstance(doc, str):
            where = "document" if position is None else f"document {position}"
            raise TypeError(f"{where} is {type(doc).__name__}, not str; decode it first")
        return tokenize(doc, normalizer=self.normalizer, latin=self.latin)

    def tokens(self, doc: str) -> list[str]:
        """Unigrams of ``doc`` after the stop words, numbers and single letters are removed
        (as set) and stemming."""
        _check_stem(self.stem)
        stop, raw = self.stop_words, self._raw_tokens(doc)
        # One pass per combination, with the tests of is_number and is_single_letter inlined:
        # this loop runs over every token of a corpus.
        if self.keep_numbers and self.keep_single_letters:
            tokens = [token for token in raw if token not in stop]
        elif self.keep_single_letters:
            tokens = [token for token in raw if token not in stop and not token.isnumeric()]
        elif self.keep_numbers:
            tokens = [token for token in raw
                      if token not in stop and (len(token) > 1 or token.isnumeric())]
        else:
            tokens = [token for token in raw
                      if len(token) > 1 and token not in stop and not token.isnumeric()]
        if self.stem == "article":
            tokens = [light_stem(token, "article") for token in tokens]
        elif self.stem == "proclitic":
            if self.vocabulary_ is None:
                raise ValueError(
                    "ArabicAnalyzer(stem='proclitic') has no vocabulary yet: call "
                    ".fit(documents) before using it (e.g. TfidfVectorizer("
                    "analyzer=ArabicAnalyzer(stem='proclitic').fit(docs)))"
                )
            vocabulary = self.vocabulary_
            tokens = [light_stem(token, "proclitic", vocabulary) for token in tokens]
        return tokens

    def __call__(self, doc: str) -> list[str]:
        return self.terms_from_tokens(self.tokens(doc))

    def terms_from_tokens(self, tokens: list[str]) -> list[str]:
        """The terms of a document whose :meth:`tokens` are ``tokens``: the tokens
        themselves, then its n-grams of each size of ``ngram_range``, joined by a space (what
        calling the analyzer gives; tokens read back from a cache are turned into terms by
        this)."""
        # Checked here, where it is used (as scikit-learn does): the attribute may have been
        # set after construction.
        min_n, max_n = _check_ngram_range(self.ngram_range)
        if max_n == 1:
            return tokens
        terms = tokens[:] if min_n == 1 else []
        for n in range(max(min_n, 2), max_n + 1):
            terms += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        return terms

    def __setstate__(self, state: dict) -> None:
        # An analyzer pickled before the number and letter filters kept both, and its
        # stop-word set (already built) had no news words: it keeps doing what it did.
        if "keep_numbers" not in state:
            state = {**state, "keep_numbers": state.pop("numbers", True),
                     "keep_single_letters": True, "news_words": False}
        self.__dict__.update(state)

    def settings(self) -> dict:
        """Everything that decides this analyzer's terms, as a JSON-ready dict.

        Two analyzers with equal settings turn every text into the same terms, so a cache
        of terms can be keyed on :meth:`cache_key`. The stop words enter by their content
        (a SHA-256 of the sorted normalised words), the normaliser by its steps and the
        digest of its character table, and a fitted vocabulary (proclitic stemming) by its
        content. A normaliser that is not a :class:`Normalizer` is named by its module and
        qualified name only: a cache cannot see a change in its code.
        """
        normalizer = self.normalizer
        if normalizer is None:
            described = None
        elif type(normalizer) is Normalizer:
            described = {"steps": normalizer.steps, "table": charmap_digest()}
        else:
            kind = type(normalizer)
            described = {"callable": f"{kind.__module__}.{kind.__qualname__}",
                         "repr": repr(normalizer)}
        vocabulary = None
        if self.vocabulary_ is not None:
            vocabulary = _digest(sorted(self.vocabulary_.items()))
        return {
            "analyzer": "arabic_news.ArabicAnalyzer",
            "rules": RULES_VERSION,
            "normalizer": described,
            "stop_words": {"count": len(self.stop_words),
                           "sha256": _digest(sorted(self.stop_words))},
            "news_words": self.news_words,
            "stem": self.stem,
            "ngram_range": list(_check_ngram_range(self.ngram_range)),
            "keep_numbers": self.keep_numbers,
            "keep_single_letters": self.keep_single_letters,
            "latin": self.latin,
            "vocabulary": vocabulary,
        }

    def cache_key(self) -> str:
        """A SHA-256 hex digest of :meth:`settings`, stable across processes and machines."""
        return _digest(self.settings())

    def __repr__(self) -> str:
        normalizer = "default" if self.normalizer == DEFAULT else repr(self.normalizer)
        fitted = "" if self.vocabulary_ is None else f", fitted on {len(self.vocabulary_)} types"
        return (
            f"ArabicAnalyzer(normalizer={normalizer}, stop_words={len(self.stop_words)} words, "
            f"news_words={self.news_words}, stem={self.stem!r}, ngram_range={self.ngram_range}, "
            f"keep_numbers={self.keep_numbers}, keep_single_letters={self.keep_single_letters}, "
            f"latin={self.latin}{fitted})"
        )


def analyzer_key(analyzer) -> str | None:
    """What decides the terms of ``analyzer``, for the key of a result kept on disk: the
    :meth:`ArabicAnalyzer.cache_key` of an ``ArabicAnalyzer`` called (its n-grams), or the
    digest of its settings but ``ngram_range`` for its ``tokens`` (unigrams, which the
    n-grams do not change), prefixed by which of the two; None for anything whose code the
    key cannot hold (a subclass, a normaliser of one's own, another callable), which is
    then never kept."""
    owner, method = getattr(analyzer, "__self__", analyzer), getattr(analyzer, "__func__", None)
    if type(owner) is not ArabicAnalyzer or not (
            owner.normalizer is None or type(owner.normalizer) is Normalizer):
        return None
    if method is None:
        return f"call:{owner.cache_key()}"
    if method is ArabicAnalyzer.tokens:  # its unigrams: the same whatever the n-grams
        unigrams = {name: value for name, value in owner.settings().items()
                    if name != "ngram_range"}
        return f"tokens:{_digest(unigrams)}"
    return None


def _digest(value) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _check_stem(stem) -> None:
    if stem is not None and stem not in MODES:
        raise ValueError(f"stem must be None, 'article' or 'proclitic', got {stem!r}")


def _check_ngram_range(ngram_range) -> tuple[int, int]:
    try:
        min_n, max_n = ngram_range
    except (TypeError, ValueError):
        message = f"ngram_range must be a pair (min_n, max_n), got {ngram_range!r}"
        raise ValueError(message) from None
    if not (isinstance(min_n, int) and isinstance(max_n, int) and 1 <= min_n <= max_n):
        raise ValueError(f"ngram_range needs integers 1 <= min_n <= max_n, got {ngram_range!r}")
    return (min_n, max_n)

