"""Term counts, keyword in context and passages, with a plain whitespace analyzer."""

from collections import Counter

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabic_news import analysis


def split(text):
    return text.split()


@pytest.fixture
def corpus():
    return pd.DataFrame({
        "doc_id": ["a", "b"],
        "title": ["الأول", "الثاني"],
        "text": ["حلب حلب دمشق\nبيروت", "دمشق حلب عمان عمان عمان"],
    })


def test_top_terms_ranks_by_count_then_term(corpus):
    top = analysis.top_terms(corpus["text"], split, n=3)
    assert top["term"].tolist() == ["حلب", "عمان", "دمشق"]
    assert top["count"].tolist() == [3, 3, 2]
    assert top.index.tolist() == [1, 2, 3]
    assert top["share"].iloc[0] == pytest.approx(3 / 9)


def test_top_terms_rejects_a_non_positive_n(corpus):
    with pytest.raises(ValueError, match="positive integer"):
        analysis.top_terms(corpus["text"], split, n=0)


def test_top_terms_by_document_keeps_each_document_apart(corpus):
    table = analysis.top_terms_by_document(corpus, split, n=1, label="title")
    assert table.to_dict("records") == [
        {"title": "الأول", "rank": 1, "term": "حلب", "count": 2},
        {"title": "الثاني", "rank": 1, "term": "عمان", "count": 3},
    ]


def test_top_terms_by_document_names_a_missing_label_column(corpus):
    with pytest.raises(ValueError, match="headline"):
        analysis.top_terms_by_document(corpus, split, label="headline")


def test_keyword_in_context_matches_normalised_words_and_shows_them_as_written():
    corpus = pd.DataFrame({"doc_id": ["x"], "text": ["وصل الوفد إلى حلبَ أمس ثم غادر حلب"]})
    strip_fatha = lambda word: word.replace("\u064e", "")  # noqa: E731
    table = analysis.keyword_in_context(corpus, "حلب", strip_fatha, window=2)
    assert table["keyword"].tolist() == ["حلبَ", "حلب"]
    assert table["before"].tolist() == ["الوفد إلى", "ثم غادر"]
    assert table["after"].tolist() == ["أمس ثم", ""]


def test_keyword_in_context_stops_at_the_limit_and_validates():
    corpus = pd.DataFrame({"doc_id": ["x"], "text": ["حلب " * 10]})
    assert len(analysis.keyword_in_context(corpus, "حلب", str, limit=3)) == 3
    with pytest.raises(ValueError, match="window"):
        analysis.keyword_in_context(corpus, "حلب", str, window=-1)
    with pytest.raises(ValueError, match="empty"):
        analysis.keyword_in_context(corpus, "،", lambda w: "")


def test_passages_split_at_lines_and_sentence_ends_and_drop_short_ones():
    text = "عنوان\nجملة أولى طويلة بما يكفي. جملة ثانية طويلة أيضا؟ قصيرة"
    corpus = pd.DataFrame({"doc_id": ["a"], "text": [text]})
    table = analysis.passages(corpus, min_chars=15)
    assert table["text"].tolist() == ["جملة أولى طويلة بما يكفي.", "جملة ثانية طويلة أيضا؟"]
    assert table["doc_id"].tolist() == ["a#1", "a#2"]
    assert table["article_id"].tolist() == ["a", "a"]


def test_ngram_counts_equal_the_analyzer_with_that_ngram_range():
    import arabic_news as an

    texts = ["وزارة الدفاع الروسية قالت إن وزارة الدفاع", "مجلس الأمن الدولي وافق، مجلس الأمن"]
    counts = analysis.ngram_counts(texts, an.ArabicAnalyzer().tokens, sizes=(1, 2, 3))
    for size in (1, 2, 3):
        sized = an.ArabicAnalyzer(ngram_range=(size, size))
        assert counts[size] == analysis.term_counts(texts, sized), size
    assert counts[2]["وزاره الدفاع"] == 2
    with pytest.raises(ValueError, match="sizes"):
        analysis.ngram_counts(texts, str.split, sizes=(0,))


def test_ranked_terms_matches_top_terms():
    texts = ["حلب حلب دمشق", "دمشق حلب"]
    expected = analysis.top_terms(texts, split, n=2)
    ranked = analysis.ranked_terms(analysis.term_counts(texts, split), n=2)
    assert ranked.equals(expected)


@given(st.dictionaries(st.text("ابت", min_size=1, max_size=3), st.integers(1, 4), max_size=30),
       st.integers(1, 10))
def test_top_terms_equal_a_full_sort_by_count_then_term(counts, n):
    counter = Counter(counts)
    expected = sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:n]
    table = analysis.ranked_terms(counter, n=n)
    assert list(zip(table["term"], table["count"], strict=True)) == expected


def test_keyword_in_context_with_the_package_normaliser_finds_every_spelling():
    import arabic_news as an

    corpus = pd.DataFrame({"doc_id": ["x", "y"], "text": ["لا شيء هنا", "قال فى الأمن وفي الامن"]})
    table = analysis.keyword_in_context(corpus, "الأمن", an.normalize)
    assert table["keyword"].tolist() == ["الأمن", "الامن"]
    assert table["doc_id"].tolist() == ["y", "y"]


@pytest.mark.parametrize("batch", [1, 3, 16, 10_000])
@pytest.mark.parametrize("size,n", [(1, 5), (2, 12), (3, 1)])
def test_an_iterator_of_texts_is_counted_a_batch_at_a_time(batch, size, n, monkeypatch):
    """The in-memory engine reads an iterator in batches (partitions) and sums their counts:
    the tables equal those of the whole list, ties and the order of the Counters too."""
    import arabic_news as an
    from arabic_news.analysis import ngram_counts, ranked_terms, term_counts, top_ngrams
    from arabic_news.engines import pandas_engine

    texts = list(an.load_corpus()["text"]) * 3 + ["حلب حلب موسكو", "موسكو حلب"] * 20
    tokens = an.ArabicAnalyzer().tokens
    expected = ranked_terms(ngram_counts(texts, tokens, (size,))[size], n)
    counts = term_counts(texts, tokens)
    monkeypatch.setattr(pandas_engine, "STREAM_BATCH", batch)
    monkeypatch.setattr(pandas_engine, "_FOLD_EVERY", 2)
    pd.testing.assert_frame_equal(top_ngrams(iter(texts), tokens, size=size, n=n), expected)
    streamed = term_counts(iter(texts), tokens)
    assert streamed == counts and list(streamed) == list(counts) == sorted(counts)
