"""The token stream an index is built from: exactly the tokeniser's tokens, each with the
written characters that made it, and the analyzer's terms.

Moved here with :mod:`arabic_news.index.stream` (it was the explorer's one pass); the
index's own equalities are in ``tests/test_index.py``.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

import arabic_news as an
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
