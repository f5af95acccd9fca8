"""The token stream an index is built from: exactly the tokeniser's tokens, each with the
written characters that made it, and the analyzer's terms.

Moved here with :mod:`arabic_news.index.stream` (it was the explorer's one pass); the
index's own equalities are in ``tests/test_index.py``.
"""

from __future__ import annotations

from collections import Counter
from unittest.mock import patch

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

import arabic_news as an
from arabic_news.index import stream as stream_module
from arabic_news.index.stream import TokenStream, terms_of_tokens

ANALYZER = an.ArabicAnalyzer()

_ALPHABET = st.sampled_from(list(
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىئؤ"  # letters
    "\u064b\u064e\u0651\u0652\u0640"  # harakat, shadda, sukun, tatweel
    "\u200c\u200d\u200f\u00ad\ufeff"  # zero-width, bidi mark, soft hyphen, BOM
    "٠١٢3٤5abcXYZ"  # digits of both kinds, Latin
    " \u00a0\n\t.,،؛؟!-\"'()«»:%_"  # spaces and punctuation
    "\ufefb\ufdf2\ufdfa\U0001f600"  # presentation forms (ﻻ ﷲ ﷺ) and an emoji
))


@given(st.lists(st.text(_ALPHABET, max_size=60), min_size=1, max_size=5))
def test_the_stream_holds_exactly_the_tokens_of_tokenize(texts):
    stream = TokenStream(texts, ANALYZER)
    for number, text in enumerate(texts):
        assert stream.tokens_of(number) == an.tokenize(text)


@given(st.lists(st.text(_ALPHABET, max_size=60), min_size=1, max_size=5))
def test_each_token_span_is_the_written_word_that_made_it(texts):
    stream = TokenStream(texts, ANALYZER)
    document = stream.document_of(np.arange(len(stream)))
    for position in range(len(stream)):
        text = texts[document[position]]
        written = text[stream.start[position]:stream.end[position]]
        assert stream.vocabulary[stream.token[position]] in an.tokenize(written)


@given(st.lists(st.text(_ALPHABET, max_size=60), min_size=1, max_size=5))
def test_terms_of_the_stream_are_the_analyzers_terms(texts):
    stream = TokenStream(texts, ANALYZER)
    for number, text in enumerate(texts):
        span = stream.token[stream.doc_offsets[number]:stream.doc_offsets[number + 1]]
        terms = stream.term_of[span]
        assert stream.terms[terms[terms >= 0]].tolist() == ANALYZER(text)


def test_a_stemming_analyzer_gives_its_stems():
    seeds = an.load_corpus()
    stemming = an.ArabicAnalyzer(stem="article")
    stream = TokenStream(seeds["text"], stemming)
    span = stream.term_of[stream.token[:stream.doc_offsets[1]]]
    assert stream.terms[span[span >= 0]].tolist() == stemming(seeds["text"].iat[0])


def test_terms_of_tokens_keeps_or_drops_each_token_as_the_analyzer_does():
    tokens = ["روسيا", "في", "2016", "و", "حلب", "الامن"]
    term_of, terms = terms_of_tokens(tokens, ANALYZER)
    assert [terms[t] if t >= 0 else None for t in term_of] == [
        (ANALYZER.tokens(token) or [None])[0] for token in tokens]


# --- the stream does not depend on how its texts are batched -------------------------------------

def _spans(text: str) -> list[tuple[int, int]]:
    """Where the runs of non-separators of ``text`` start and end, found one character at a
    time (the reference for the stream's vectorised cutting)."""
    separator = stream_module._separators(ANALYZER.normalizer)
    spans, start = [], None
    for position, char in enumerate(text):
        if separator[ord(char)]:
            if start is not None:
                spans.append((start, position))
            start = None
        elif start is None:
            start = position
    return spans + ([(start, len(text))] if start is not None else [])


def _pieces(text: str) -> list[str]:
    return [text[start:end] for start, end in _spans(text)]


def _written_reference(texts: list[str]) -> Counter:
    """Every written token: each piece tokenised as written, without normalising."""
    return Counter(token for text in texts for piece in _pieces(text)
                   for token in an.tokenize(piece, normalizer=None))


@given(st.lists(st.text(_ALPHABET, max_size=60), min_size=1, max_size=8),
       st.integers(1, 3))
def test_small_batches_give_the_same_stream(texts, batch):
    whole = TokenStream(texts, ANALYZER)
    with patch.object(stream_module, "BATCH", batch):  # pieces found again batch after batch
        batched = TokenStream(texts, ANALYZER)
    for name in ("token", "start", "end", "doc_offsets", "term_of"):
        np.testing.assert_array_equal(getattr(batched, name), getattr(whole, name))
    assert batched.vocabulary.tolist() == whole.vocabulary.tolist()
    assert batched.terms.tolist() == whole.terms.tolist()
    assert dict(zip(batched.spellings["written"], batched.spellings["count"], strict=True)) \
        == _written_reference(texts)


@given(st.lists(st.text(_ALPHABET, max_size=60), min_size=1, max_size=5))
def test_each_token_spans_the_piece_that_gave_it(texts):
    stream = TokenStream(texts, ANALYZER)
    for number, text in enumerate(texts):
        span = slice(stream.doc_offsets[number], stream.doc_offsets[number + 1])
        spans = list(zip(stream.start[span].tolist(), stream.end[span].tolist(), strict=True))
        expected = [(start, end) for start, end in _spans(text)
                    for _ in an.tokenize(text[start:end])]
        assert spans == expected


def test_a_lone_surrogate_stays_inside_its_piece():
    texts = ["قال \ud800الوزير اليوم", "\udfff"]
    stream = TokenStream(texts, ANALYZER)
    for number, text in enumerate(texts):
        assert stream.tokens_of(number) == an.tokenize(text)


@given(st.lists(st.sampled_from(["روسيا", "في", "2016", "و", "حلب", "الامن", "ال", "G20",
                                 "من", "x", "١٢"]), max_size=12),
       st.sampled_from([ANALYZER, an.ArabicAnalyzer(keep_numbers=True),
                        an.ArabicAnalyzer(stem="article")]))
def test_terms_of_tokens_equals_analysing_each_token(tokens, analyzer):
    """One call on all tokens when they are distinct; each token on its own otherwise."""
    term_of, terms = terms_of_tokens(tokens, analyzer)
    expected: dict[str, int] = {}
    for token, term in zip(tokens, term_of.tolist(), strict=True):
        found = analyzer.tokens(token)
        kept = len(found) == 1
        assert term == (expected.setdefault(found[0], len(expected)) if kept else -1)
    assert terms.tolist() == list(expected)
