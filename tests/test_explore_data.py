"""The explorer's data module: each answer equals the lessons' computation on the same articles.

The contract of ``arabic_news.explorer.data`` (its module docstring) is what the corpus index
will implement; these tests are that contract's checks, so they compare with the package's
analyses (term_counts, term_share_over_time, collocations, display_forms, tokenize) rather
than with figures written here.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import arabic_news as an
from arabic_news.analysis import TokenizedCorpus, collocations, term_counts, term_share_over_time
from arabic_news.explorer.data import ExplorerData, Filters

sys.path.insert(0, str(Path(__file__).parent))
from generated_corpus import write_generated_corpus  # noqa: E402

ANALYZER = an.ArabicAnalyzer()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """240 dated articles from three sources (every 17th undated), made from the seeds."""
    path = write_generated_corpus(tmp_path_factory.mktemp("explore") / "news.jsonl")
    return an.load_corpus(path)


@pytest.fixture(scope="module")
def data(corpus):
    return ExplorerData(corpus)


@pytest.fixture(scope="module")
def seeds():
    return an.load_corpus()


def _subset(corpus, data, filters):
    return corpus[data.mask(filters)]


def _middle(corpus):
    dates = corpus["published"].dropna().sort_values()
    return dates.iloc[len(dates) // 4], dates.iloc[3 * len(dates) // 4]


# --- the index, the same tokens (the stream's own tests: tests/test_index_stream.py) ---------

def test_the_explorer_asks_the_corpus_index(corpus, data):
    assert data.index.documents["doc_id"].tolist() == corpus["doc_id"].tolist()
    for number in (0, 100, len(corpus) - 1):
        assert data.index.terms_of(number) == ANALYZER(corpus["text"].iat[number])
    again = ExplorerData(corpus)
    assert again.index.folder == data.index.folder  # found in the cache, not built again


def test_display_forms_equal_the_lessons(seeds):
    data = ExplorerData(seeds)
    forms = an.display_forms(seeds["text"], ANALYZER)
    assert len(forms) > 300
    assert all(data.form(key) == forms[key] for key in forms)


def test_from_ids_gives_the_collocations_of_the_texts(seeds):
    texts = seeds["text"].tolist()
    built = TokenizedCorpus(texts, ANALYZER.tokens)
    again = TokenizedCorpus.from_ids(built.ids, built.document, built.vocabulary)
    pd.testing.assert_frame_equal(collocations(built, "روسيا", min_freq=1),
                                  collocations(again, "روسيا", min_freq=1))
    with pytest.raises(ValueError, match="reading order"):
        TokenizedCorpus.from_ids([1, 2], [1, 0], ["a", "b", "c"])


# --- each view equals the lessons' computation on the filtered articles ---------------------

def _filters(corpus, data):
    start, end = _middle(corpus)
    source = data.sources()[0][0]
    return [Filters(), Filters(source=source), Filters(start=start, end=end),
            Filters(start=start, end=end, source=source), Filters(term="روسيا"),
            Filters(term="روسيا", source=source, start=start)]


def test_top_terms_are_term_counts_of_the_filtered_articles(corpus, data):
    for filters in _filters(corpus, data):
        expected = term_counts(_subset(corpus, data, filters)["text"], ANALYZER)
        table = data.top_terms(15, filters)
        ranked = sorted(expected.items(), key=lambda item: (-item[1], item[0]))[:15]
        assert list(zip(table["term"], table["count"], strict=True)) == ranked, filters
        total = sum(expected.values())
        np.testing.assert_allclose(table["per_10k"], table["count"] / total * 10_000)


def test_top_terms_count_the_documents_holding_each(corpus, data):
    table = data.top_terms(5)
    for key, documents in zip(table["term"], table["documents"], strict=True):
        assert documents == sum(key in ANALYZER(text) for text in corpus["text"])


def test_the_trend_is_term_share_over_time(corpus, data):
    terms = ["روسيا", "حلب"]
    start, end = data.time_range
    expected = term_share_over_time(corpus, terms, ANALYZER, frequency=data.frequency,
                                    start=start, end=end)
    trend = data.trend(terms)
    for term in terms:
        got = trend[trend["term"] == term].set_index("period")["per_10k"]
        pd.testing.assert_series_equal(got, expected[term].rename("per_10k"),
                                       check_freq=False, check_index_type=False,
                                       check_names=False)


def test_the_trend_per_source_adds_up_to_the_whole(corpus, data):
    per_source = data.trend(["روسيا"], by_source=True)
    whole = data.trend(["روسيا"])
    summed = per_source.groupby("period")[["count", "total"]].sum()
    assert summed["count"].tolist() == whole.set_index("period")["count"].tolist()
    assert summed["total"].tolist() == whole.set_index("period")["total"].tolist()
    source = data.sources()[0][0]
    one = data.trend(["روسيا"], filters=Filters(source=source))
    mine = per_source[per_source["source"] == source]
    assert one["count"].tolist() == mine["count"].tolist()


def test_collocates_are_the_collocations_of_the_filtered_articles(corpus, data):
    for filters in _filters(corpus, data):
        texts = _subset(corpus, data, filters)["text"].tolist()
        expected = collocations(texts, "روسيا", min_freq=2, sort_by="t_score", n=10)
        got = data.collocates("روسيا", "t_score", filters, min_freq=2, n=10)
        pd.testing.assert_frame_equal(got.drop(columns="form"), expected)
        assert got["form"].tolist() == [data.form(key) for key in got["collocate"]]


def test_kwic_finds_every_occurrence_with_its_written_context(corpus, data):
    for filters in _filters(corpus, data)[:4]:
        rows, total = data.kwic("روسيا", filters=filters, limit=10_000)
        assert total == len(rows) == data.count("روسيا", filters)
        texts = dict(zip(corpus["doc_id"], corpus["text"], strict=True))
        for row in rows.itertuples():
            text = texts[row.doc_id]
            assert ANALYZER.tokens(row.keyword) == ["روسيا"]
            assert text[row.start:row.end] == row.keyword
            assert " ".join(text[:row.start].split()).endswith(row.before)
            assert " ".join(text[row.end:].split()).startswith(row.after)


def test_kwic_sorts_by_the_words_before_or_after_as_antconc(corpus, data):
    def neighbours(rows, step):
        found = []
        for row in rows.itertuples():
            doc = int(np.flatnonzero(corpus["doc_id"].to_numpy() == row.doc_id)[0])
            tokens = data.index.tokens_of(doc)
            at = row.position + step
            found.append(tokens[at] if 0 <= at < len(tokens) else "")
        return found

    for sort, step in (("before", -1), ("after", 1)):
        rows, total = data.kwic("روسيا", sort, limit=10_000)
        words = neighbours(rows, step)
        assert words == sorted(words), sort
        assert total == data.count("روسيا")
    corpus_order, _ = data.kwic("روسيا", "corpus", limit=10_000)
    doc_rank = {doc: n for n, doc in enumerate(corpus["doc_id"])}
    keys = [(doc_rank[r.doc_id], r.position) for r in corpus_order.itertuples()]
    assert keys == sorted(keys)


def test_documents_hold_the_term_in_date_order(corpus, data):
    for filters in _filters(corpus, data)[:4]:
        table, total = data.documents("حلب", filters, limit=1000)
        subset = _subset(corpus, data, filters)
        holding = subset[[("حلب" in ANALYZER(text)) for text in subset["text"]]]
        assert total == len(table) == len(holding)
        assert set(table["doc_id"]) == set(holding["doc_id"])
        dated = table["published"].dropna()
        assert dated.is_monotonic_increasing
        assert table["published"].notna().tolist() == sorted(
            table["published"].notna().tolist(), reverse=True)  # undated last
        for row in table.itertuples():
            text = corpus.set_index("doc_id").at[row.doc_id, "text"]
            assert row.count == ANALYZER(text).count("حلب")


def test_the_reader_marks_every_written_occurrence(corpus, data):
    doc_id = data.documents("روسيا")[0]["doc_id"].iat[0]
    article = data.text(doc_id, "روسيا")
    assert article.text == corpus.set_index("doc_id").at[doc_id, "text"]
    assert len(article.marks) == ANALYZER(article.text).count("روسيا") > 0
    for start, end in article.marks:
        assert ANALYZER.tokens(article.text[start:end]) == ["روسيا"]
    assert data.text(doc_id).marks == []
    with pytest.raises(KeyError, match="no article"):
        data.text("not-an-id")


def test_search_accepts_any_spelling(seeds):
    data = ExplorerData(seeds)
    for query in ("الأمن", "الامن", "الأَمْن", "الأمـــن"):
        found = data.search(query)
        assert found.key == "الامن" and found.form == "الأمن", query
        assert found.count == term_counts(seeds["text"], ANALYZER)["الامن"]
        assert ("الأمن", found.spellings[0][1]) == found.spellings[0]
    assert data.search("فى").reason == "stop word"
    assert data.search("مجلس الأمن").reason == "several words"
    missing = data.search("الروس")
    assert missing.key is None and missing.reason == "not in the corpus"
    assert missing.suggestions and all(s.startswith("الروس") for s in missing.suggestions)


def test_summary_counts_articles_terms_and_what_cleaning_removed(corpus, data):
    summary = data.summary()
    assert summary["articles"] == summary["articles_shown"] == len(corpus)
    assert summary["undated"] == corpus["published"].isna().sum()
    assert summary["terms"] == sum(term_counts(corpus["text"], ANALYZER).values())
    cleaning = summary["cleaning"]
    tokens = sum(len(an.tokenize(text)) for text in corpus["text"])
    assert cleaning["tokens"] == tokens
    assert cleaning["removed_tokens"] == tokens - summary["terms"]
    written = Counter(t for text in corpus["text"] for t in an.tokenize(text, normalizer=None))
    assert cleaning["written_forms"] == len(written)
    assert cleaning["written_forms"] > cleaning["token_types"]
    source = data.sources()[0]
    assert data.summary(Filters(source=source[0]))["articles_shown"] == source[1]


def test_filters_are_checked():
    with pytest.raises(ValueError, match="starts after it ends"):
        Filters(start="2017-01-02", end="2017-01-01")
    with pytest.raises(TypeError, match="source"):
        Filters(source=3)
    assert Filters(start="2017-01-01").start.tzinfo is not None


def test_bad_requests_say_what_to_pass(data):
    with pytest.raises(ValueError, match="sort must be one of"):
        data.kwic("روسيا", "left")
    with pytest.raises(ValueError, match="measure must be one of"):
        data.collocates("روسيا", "dice")
    with pytest.raises(ValueError, match="n must be a positive integer"):
        data.top_terms(0)
    with pytest.raises(ValueError, match="ngram_range"):
        ExplorerData(pd.DataFrame(), an.ArabicAnalyzer(ngram_range=(1, 2)))


def test_a_term_absent_from_the_filter_gives_empty_views(corpus, data):
    nowhere = Filters(source="no such source")
    assert data.top_terms(5, nowhere).empty
    assert data.kwic("روسيا", filters=nowhere)[1] == 0
    assert data.documents("روسيا", nowhere)[1] == 0
    assert data.collocates("روسيا", filters=nowhere).empty
    assert data.kwic("كلمة_غائبة")[1] == 0


def test_a_dask_corpus_gives_the_same_answers(generated_frames):
    on_pandas, on_dask = (ExplorerData(frame) for frame in generated_frames)
    filters = Filters(source=on_pandas.sources()[0][0])
    for question, arguments in (("top_terms", (20, filters)), ("trend", (["روسيا"], True)),
                                ("collocates", ("حلب",))):
        pd.testing.assert_frame_equal(getattr(on_dask, question)(*arguments),
                                      getattr(on_pandas, question)(*arguments))
    pd.testing.assert_frame_equal(on_dask.kwic("حلب", "after")[0],
                                  on_pandas.kwic("حلب", "after")[0])
