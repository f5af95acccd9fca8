"""Checkers for lesson 1, the corpus and how we clean Arabic text."""

from __future__ import annotations

from collections import Counter

from arabic_news.analysis.cleaning import word_token_counts, written_words
from arabic_news.errors import NotApplicable
from arabic_news.exercises.compare import (
    expect_number,
    expect_term,
    expect_top,
    expect_type,
    isolated,
    shown,
)
from arabic_news.exercises.core import Wrong, exercise
from arabic_news.exercises.memo import per_texts
from arabic_news.text.normalize import Normalizer, normalize, normalize_each
from arabic_news.text.stemming import light_stem
from arabic_news.text.stopwords import stop_words
from arabic_news.text.tokenize import DEFAULT

_NORMALIZERS = {"default": DEFAULT, "hamza": Normalizer(hamza=True), "written": None}


@per_texts
def _written_words(texts) -> Counter:
    """The written words of ``texts`` (on the engine, for a Dask column), counted once for
    the three cleanings below."""
    return written_words(texts)


@per_texts
def _token_counts(texts, normalizer: str = "default") -> Counter:
    """Token counts of ``texts`` with the default cleaning, hamza folded, or as written:
    each distinct written word is tokenised once and weighted by its count
    (``word_token_counts``: its tokens are kept on disk, and shared with the lesson's
    ``stage_counts``)."""
    return word_token_counts(_written_words(texts), _NORMALIZERS[normalizer])


@exercise("1.1")
def types_with_hamza_folded(answer, *, corpus):
    """The number of types (distinct terms) when the normaliser also folds hamza (ؤ ئ)."""
    expected = len(_token_counts(corpus, "hamza"))
    expect_number(answer, expected, what="the number of types with hamza folded")
    merged = len(_token_counts(corpus)) - expected
    if merged == 0:
        return ("Here folding hamza changes spellings but merges none of them: "
                "it gains nothing on this corpus.")
    return (f"Folding hamza merges {merged} more types than the default cleaning: "
            "check on a few of them that they really are the same word.")


@exercise("1.2")
def top_stop_words(answer, *, corpus, n=5):
    """The ``n`` most frequent stop words of the corpus (normalised tokens)."""
    stops = stop_words()
    counts = Counter({t: c for t, c in _token_counts(corpus).items() if t in stops})
    expect_top(answer, counts, n, what=f"the {n} most frequent stop words")


@exercise("1.3")
def word_cut_by_proclitic_mode_only(answer, *, corpus):
    """A word the proclitic mode of light stemming shortens but the article mode keeps."""
    counts = _token_counts(corpus)
    if not any(light_stem(w, "article") == w and light_stem(w, "proclitic", counts) != w
               for w in counts):
        raise NotApplicable("the proclitic mode shortens no word of this corpus")
    expect_type(answer, str, "one word (a string)")
    if not answer.strip():
        raise Wrong("one word is expected, and you gave an empty string.")
    word = normalize(answer.strip())
    if word not in counts:
        raise Wrong(f"{shown(answer.strip())} is not a word of this corpus (after cleaning).")
    if light_stem(word, "article") != word:
        raise Wrong(f"the article mode already shortens {isolated(word)}: "
                    "look for a word that only the proclitic mode changes.")
    if light_stem(word, "proclitic", counts) == word:
        raise Wrong(f"the proclitic mode keeps {isolated(word)} whole.")


@exercise("1.4")
def two_spellings_of_one_word(answer, *, corpus):
    """Two different written spellings, both found in the corpus, that normalise to one term."""
    written = _token_counts(corpus, "written")
    if len(set(normalize_each(list(written), DEFAULT))) == len(written):
        raise NotApplicable("no word of this corpus is written in two ways")
    if isinstance(answer, str) or not isinstance(answer, (list, tuple)) or len(answer) != 2:
        raise Wrong("two spellings are expected, as a tuple of two strings: (first, second).")
    first, second = (expect_type(s, str, "each spelling (a string)").strip() for s in answer)
    unseen = [s for s in (first, second) if s not in written]
    if unseen:
        raise Wrong("not written this way in the corpus: "
                    + ", ".join(shown(s) for s in unseen) + ".")
    if first == second:
        raise Wrong("the two spellings are the same string.")
    expect_term(second, normalize(first), what="a spelling of the same word as the first")
