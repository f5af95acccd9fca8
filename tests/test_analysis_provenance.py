"""Very short texts, and a lesson's terms checked against the corpus."""

import re
from collections import Counter

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import arabic_news as an
from arabic_news import analysis
from arabic_news.analysis.provenance import word_counts


def test_short_texts_both_ways():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "title": ["", "", "", ""],
                           "text": ["جون تيري", "كلمة " * 5, "كلمة " * 6, ""]})
    short = analysis.short_texts(corpus, max_words=5)
    assert short["doc_id"].tolist() == ["d", "a", "b"]
    assert short["words"].tolist() == [0, 2, 5]
    kept = analysis.without_short_texts(corpus, max_words=5)
    assert kept["doc_id"].tolist() == ["c"] and kept.attrs["short_texts_left_out"] == 3
    assert "3 texts of 5 words or fewer left out" in analysis.short_texts_note(kept)
    assert analysis.without_short_texts(corpus, max_words=0)["doc_id"].tolist() == ["a", "b", "c"]
    with pytest.raises(ValueError, match="max_words must be a whole number"):
        analysis.short_texts(corpus, max_words=-1)


# Every character Python counts as whitespace, the rarer ones included (U+001C..U+001F,
# U+0085, U+2028, NBSP, the ideographic space), mixed with Arabic and Latin letters.
_SPACES = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())


@given(st.text(alphabet=st.sampled_from(_SPACES + "كلمةابتA1.،\u200c\u0640"), max_size=60))
def test_word_counts_are_the_runs_of_non_whitespace(text):
    counted = word_counts(pd.Series([text, text + " x"]))
    assert counted.tolist() == [len(re.findall(r"\S+", text)),
                                len(re.findall(r"\S+", text + " x"))]


def test_choose_terms_keeps_frequent_terms_and_replaces_rare_ones():
    counts = Counter({"الرياض": 50, "المملكه": 40, "حلب": 1, "روسيا": 9})
    chosen = analysis.choose_terms(["حلب", "روسيا"], counts, normalize=an.normalize,
                                   forms={"الرياض": "الرياض"}, min_count=3)
    assert chosen.terms == ["الرياض", "روسيا"]
    assert "occurs 1 time here" in chosen.note and "(50 times)" in chosen.note
    terms, note = analysis.choose_terms("روسيا", counts, normalize=an.normalize, min_count=3)
    assert (terms, note) == ("روسيا", "")
    # two rare terms get two different replacements, never a term already followed
    terms, _ = analysis.choose_terms(["حلب", "داعش", "روسيا"], counts, normalize=an.normalize,
                                     min_count=3)
    assert terms == ["الرياض", "المملكه", "روسيا"]


def test_choose_terms_reads_a_count_table_and_scales_with_the_corpus():
    corpus = an.load_corpus()
    counts = analysis.count_table(corpus["text"], an.ArabicAnalyzer().tokens, sizes=(1,))[1]
    assert analysis.choose_terms(["حلب"], counts, normalize=an.normalize).terms == ["حلب"]
    big = Counter({"كلمة": 10_000_000, "حلب": 20})
    assert analysis.choose_terms(["حلب"], big, normalize=an.normalize).terms == ["كلمة"]
