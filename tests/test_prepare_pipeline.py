"""The lessons' corpus steps in one call: each step on its switch, in order, and said."""

import pandas as pd
import pytest

import arabic_news as an


@pytest.fixture(scope="module")
def corpus():
    seeds = an.load_corpus()
    copy = seeds.iloc[[0]].assign(doc_id="copy", source="another outlet",
                                  published=seeds["published"].iloc[0] + pd.Timedelta(hours=5))
    short = seeds.iloc[[1]].assign(doc_id="short", text="عنوان بلا نص")
    return pd.concat([seeds, copy, short], ignore_index=True)


def test_every_step_runs_in_order_and_is_said(corpus):
    before = corpus.copy()
    prepared = an.prepare_corpus(corpus, short_text_words=5)
    assert list(prepared["doc_id"]) == list(corpus["doc_id"].iloc[:2])  # copy and short out
    assert prepared.attrs["short_texts_left_out"] == 1
    assert prepared.attrs["deduplication"]["set_aside"] == 1
    assert "boilerplate" in prepared.attrs
    lines = an.preparation_note(prepared).split("\n")
    assert lines == [an.boilerplate_note(prepared), an.analysis.short_texts_note(prepared),
                     an.deduplication_note(prepared)]
    pd.testing.assert_frame_equal(corpus, before)  # the input is left as it is


def test_each_step_has_its_switch(corpus):
    kept = an.prepare_corpus(corpus, remove_boilerplate=False, count_each_story_once=False)
    assert len(kept) == len(corpus)
    assert an.preparation_note(kept).split("\n") == [
        an.boilerplate_note(corpus), an.deduplication_note(corpus)]
    assert "not removed" in an.boilerplate_note(kept)
    assert "counted" in an.deduplication_note(kept)
