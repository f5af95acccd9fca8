"""The explorer's linking, in the kernel: each action updates every view to one new state.

The browser only draws what the kernel sends (``tests/browser/test_explorer.py`` checks the
drawing); here each action is taken as a click sends it (the same message), and each view's
data is compared with the data module's answer for the new state.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

import arabic_news as an
from arabic_news.explorer import ExplorerData, Filters
from arabic_news.explorer.widget import KINDS, Explorer

sys.path.insert(0, str(Path(__file__).parent))
from generated_corpus import write_generated_corpus  # noqa: E402

ANALYZER = an.ArabicAnalyzer()


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    path = write_generated_corpus(tmp_path_factory.mktemp("widget") / "news.jsonl")
    return ExplorerData(an.load_corpus(path))


@pytest.fixture
def explorer(data):
    return Explorer(data)


def _click(explorer, **message):
    explorer._on_message(explorer.views["terms"], message, [])


def _assert_every_view_shows(explorer, data, key, filters, first_article=True):
    """Every view shows ``key`` under ``filters``; the reader shows the first article holding
    it (just after choosing the term), or one of the articles listed (after a filter)."""
    state = explorer.state
    assert {view.version for view in explorer.views.values()} == {explorer.version}
    assert set(state) == set(KINDS)
    form = data.form(key)
    assert state["trend"]["series"][0]["key"] == key
    assert state["trend"]["series"][0]["label"].startswith(form)
    rows, total = data.kwic(key, explorer.kwic_sort, filters, limit=explorer.kwic_rows)
    assert [r["keyword"] for r in state["kwic"]["rows"]] == rows["keyword"].tolist()
    assert state["kwic"]["note"].endswith(f"{total} {explorer.words['occurrences']}")
    collocates = data.collocates(key, explorer.measure, filters, n=30)
    assert [r["key"] for r in state["collocates"]["rows"]] == collocates["collocate"].tolist()
    documents, total = data.documents(key, filters, limit=explorer.document_rows)
    assert [r["doc_id"] for r in state["documents"]["rows"]] == documents["doc_id"].tolist()
    assert state["documents"]["note"].endswith(f": {total}")
    top = data.top_terms(explorer.n_terms, filters)
    assert [r["key"] for r in state["terms"]["rows"]] == top["term"].tolist()
    assert [r["key"] for r in state["terms"]["rows"] if r["chosen"]] == (
        [key] if key in set(top["term"]) else [])
    assert state["summary"]["shown"] == int(data.mask(filters).sum())
    if total:  # the reader opens the first article holding the term
        shown = documents["doc_id"].iat[0] if first_article else state["reader"]["doc_id"]
        assert state["reader"]["doc_id"] == state["documents"]["open"] == shown
        assert shown in set(documents["doc_id"])
        text = state["reader"]["text"]
        marks = [text[a:b] for a, b in state["reader"]["marks"]]
        assert marks and all(ANALYZER.tokens(m) == [key] for m in marks)
    else:
        assert state["reader"]["doc_id"] is None


def test_opening_chooses_the_most_frequent_term(explorer, data):
    key = data.top_terms(1)["term"].iat[0]
    assert explorer.term == key
    _assert_every_view_shows(explorer, data, key, Filters())


def test_typing_any_spelling_chooses_its_term_everywhere(explorer, data):
    _click(explorer, event="search", query="حلَب")
    assert explorer.term == "حلب"
    assert "حلَب" in explorer.state["terms"]["message"]
    _assert_every_view_shows(explorer, data, "حلب", Filters())


def test_a_word_that_is_not_a_term_leaves_the_views_and_says_why(explorer, data):
    before = explorer.term
    _click(explorer, event="search", query="في")
    assert explorer.term == before
    assert explorer.words["stop_word"] in explorer.state["terms"]["message"]
    _click(explorer, event="search", query="الروس")
    assert explorer.words["did_you_mean"] in explorer.state["terms"]["message"]


def test_clicking_a_term_replaces_the_chosen_one_and_keeps_the_comparison(explorer, data):
    _click(explorer, event="compare", key="روسيا")
    _click(explorer, event="term", key="سوريا")
    assert explorer.terms == ["سوريا", "روسيا"]
    assert [s["key"] for s in explorer.state["trend"]["series"]] == ["سوريا", "روسيا"]
    _click(explorer, event="term", key="حلب")
    assert explorer.terms == ["حلب", "روسيا"]
    _assert_every_view_shows(explorer, data, "حلب", Filters())
    _click(explorer, event="uncompare", key="روسيا")
    assert explorer.terms == ["حلب"]


def test_brushing_a_range_filters_every_view(explorer, data):
    explorer.choose_term("روسيا")
    start, end = pd.Timestamp("2016-06-01", tz="UTC"), pd.Timestamp("2016-12-31", tz="UTC")
    _click(explorer, event="brush", start=start.value // 10**6, end=end.value // 10**6)
    filters = Filters(start=explorer.start, end=explorer.end)
    assert explorer.start == start and explorer.end.date() == end.date()
    _assert_every_view_shows(explorer, data, "روسيا", filters, first_article=False)
    dates = [pd.Timestamp(r["iso"]) for r in explorer.state["documents"]["rows"]]
    assert dates and all(start <= d <= explorer.end for d in dates)
    brushed = explorer.state["trend"]["brush"]
    assert brushed[0] == start.value // 10**6
    _click(explorer, event="brush", start=None, end=None)
    assert explorer.start is None and explorer.state["trend"]["brush"] is None
    _assert_every_view_shows(explorer, data, "روسيا", Filters(), first_article=False)


def test_choosing_a_source_filters_every_view(explorer, data):
    explorer.choose_term("روسيا")
    explorer.brush("2016-03-01", "2017-03-01")
    source = data.sources()[1][0]
    _click(explorer, event="source", source=source)
    filters = Filters(start=explorer.start, end=explorer.end, source=source)
    _assert_every_view_shows(explorer, data, "روسيا", filters, first_article=False)
    assert {r["source"] for r in explorer.state["documents"]["rows"]} == {source}
    _click(explorer, event="source", source=None)
    assert explorer.source is None


def test_sorting_and_measures_and_per_source(explorer, data):
    explorer.choose_term("روسيا")
    _click(explorer, event="sort", sort="after")
    _click(explorer, event="measure", measure="t_score")
    _click(explorer, event="by_source", value=True)
    _assert_every_view_shows(explorer, data, "روسيا", Filters(), first_article=False)
    labels = [s["label"] for s in explorer.state["trend"]["series"]]
    assert len(labels) == len(data.sources())
    assert all(" — " in label for label in labels)


def test_opening_an_article_keeps_it_while_it_holds_the_term(explorer, data):
    explorer.choose_term("روسيا")
    second = explorer.state["documents"]["rows"][1]["doc_id"]
    _click(explorer, event="open", doc_id=second)
    assert explorer.state["reader"]["doc_id"] == second
    explorer.sort_kwic("before")
    assert explorer.state["reader"]["doc_id"] == second


def test_wrong_actions_say_what_to_pass(explorer):
    with pytest.raises(ValueError, match="no source is called"):
        explorer.choose_source("nowhere")
    with pytest.raises(ValueError, match="sort must be one of"):
        explorer.sort_kwic("left")
    with pytest.raises(ValueError, match="starts after it ends"):
        explorer.brush("2017-01-02", "2016-01-01")
    with pytest.raises(KeyError):
        explorer.open_document("nope")


def test_labels_in_english_use_no_arabic_furniture(data):
    explorer = Explorer(data, language="en")
    state = explorer.state
    assert state["kwic"]["labels"] == {"before": "before", "keyword": "keyword",
                                       "after": "after"}
    assert state["trend"]["labels"]["y_title"] == "per 10,000 terms"
    assert all(label.isascii() for _, label in state["trend"]["x_ticks"])


def test_the_seeds_open(tmp_path):
    explorer = an.explore(an.load_corpus())
    assert explorer.state["reader"]["doc_id"] is not None
    assert len(explorer.state["terms"]["rows"]) == 40


def test_tiny_corpora_open_and_follow_every_action(tmp_path):
    """The corpora every lesson must survive: one article, no dates, English, stop words."""
    from lesson_corpora import lesson_corpora

    for name, path in lesson_corpora(tmp_path).items():
        explorer = an.explore(an.load_corpus(path), term="حلب")
        explorer.per_source(True)
        explorer.sort_kwic("before")
        explorer.brush("2016-01-01", "2017-01-01")
        explorer.choose_source(explorer.data.sources()[0][0])
        state = explorer.state
        assert {view.version for view in explorer.views.values()} == {explorer.version}, name
        if name == "no-date":
            assert state["trend"]["series"] == [] and state["summary"]["shown"] == 0
        if name == "all-stop-words":
            assert explorer.term is None and state["kwic"]["rows"] == []
            assert state["reader"]["doc_id"] is None
