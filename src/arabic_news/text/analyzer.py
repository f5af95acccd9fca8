"""A scikit-learn compatible analyzer: normalise, tokenise, drop stop words, stem, n-grams.

``TfidfVectorizer(analyzer=ArabicAnalyzer())`` and ``CountVectorizer(analyzer=...)`` call the
analyzer on each document; it is a plain picklable object, so fitted vectorizers pickle too.
"""

from collections import Counter
from collections.abc import Iterable

from arabic_news.text.stemming import MODES, light_stem
from arabic_news.text.stopwords import stop_words as build_stop_words
from arabic_news.text.tokenize import DEFAULT, _check_normalizer, tokenize

_DEFAULT_LIST = "default"


class ArabicAnalyzer:
    """Turn one document into a list of terms (``doc -> list[str]``).

    Parameters
    ----------
    normalizer: the :class:`Normalizer` (default) or ``None`` to skip normalisation.
    stop_words: ``"default"`` for the project's list, ``None`` for none, or a collection of
        words that replaces the list (normalised with ``normalizer``).
    stem: ``None``, ``"article"`` or ``"proclitic"`` (see :func:`light_stem`); proclitic
        stemming needs :meth:`fit` first, which learns the corpus vocabulary.
    ngram_range: ``(min_n, max_n)``; n-grams are built after stop-word removal and joined by
        one space, as scikit-learn does.
    numbers, latin: keep numeric and Latin tokens (see :func:`tokenize`).
    """

    def __init__(
        self,
        *,
        normalizer=DEFAULT,
        stop_words=_DEFAULT_LIST,
        stem: str | None = None,
        ngram_range: tuple[int, int] = (1, 1),
        numbers: bool = True,
        latin: bool = True,
    ) -> None:
        _check_normalizer(normalizer)
        _check_stem(stem)
        self.ngram_range = _check_ngram_range(ngram_range)
        for name, value in (("numbers", numbers), ("latin", latin)):
            if not isinstance(value, bool):
                raise TypeError(f"{name}= must be True or False, got {value!r}")
        if isinstance(stop_words, str) and stop_words != _DEFAULT_LIST:
            raise ValueError(
                f"stop_words must be 'default', None or a collection of words, got {stop_words!r}"
            )
        self.normalizer = normalizer
        self.stem = stem
        self.numbers = numbers
        self.latin = latin
        if stop_words is None:
            self.stop_words = frozenset()
        elif isinstance(stop_words, str):
            self.stop_words = build_stop_words(normalizer=normalizer)
        else:
            self.stop_words = build_stop_words(replace=stop_words, normalizer=normalizer)
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
        return tokenize(doc, normalizer=self.normalizer, numbers=self.numbers, latin=self.latin)

    def tokens(self, doc: str) -> list[str]:
        """Unigrams of ``doc`` after stop-word removal and stemming."""
        _check_stem(self.stem)
        stop = self.stop_words
        tokens = [token for token in self._raw_tokens(doc) if token not in stop]
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
        # Checked here, where it is used (as scikit-learn does): the attribute may have been
        # set after construction.
        min_n, max_n = _check_ngram_range(self.ngram_range)
        tokens = self.tokens(doc)
        if max_n == 1:
            return tokens
        terms = tokens[:] if min_n == 1 else []
        for n in range(max(min_n, 2), max_n + 1):
            terms += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        return terms

    def __repr__(self) -> str:
        normalizer = "default" if self.normalizer == DEFAULT else repr(self.normalizer)
        fitted = "" if self.vocabulary_ is None else f", fitted on {len(self.vocabulary_)} types"
        return (
            f"ArabicAnalyzer(normalizer={normalizer}, stop_words={len(self.stop_words)} words, "
            f"stem={self.stem!r}, ngram_range={self.ngram_range}, numbers={self.numbers}, "
            f"latin={self.latin}{fitted})"
        )


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

