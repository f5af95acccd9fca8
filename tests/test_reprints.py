"""Near-duplicate articles: known reprints are found, unrelated articles are not grouped, the
contract's guarantee holds, flows and the corpus step are right, and the cache is never stale.

Reprints are built here from the seed articles (a copy with a few words changed, an exact copy
written differently, a copy with another footer); the two seeds themselves are unrelated
articles on the same topic (Russia and Syria), which must not be grouped.
"""

import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import arabic_news as an
from arabic_news import analysis
from arabic_news.analysis import duplicates_cache, minhash_lsh

SEEDS = an.load_corpus()
FIRST, SECOND = SEEDS["text"].tolist()
WORDS = sorted({word for text in (FIRST, SECOND) for word in text.split()})
SAUDI = Path(__file__).resolve().parents[2] / "shared" / "corpora" / \
    "saudinewsnet-8-outlets.jsonl.gz"


def corpus_of(*articles) -> pd.DataFrame:
    """A corpus of (doc_id, text, source, day) rows, in the loader's column layout."""
    rows = [{"doc_id": doc_id, "title": text.split("\n")[0][:40], "source": source,
             "published": pd.Timestamp(day, tz="UTC") if day else pd.NaT, "text": text}
            for doc_id, text, source, day in articles]
    frame = pd.DataFrame(rows, columns=["doc_id", "title", "source", "published", "text"])
    frame["published"] = pd.to_datetime(frame["published"], utc=True).astype(
        "datetime64[us, UTC]")
    return frame


def true_jaccard(first: str, second: str, size: int = 5) -> float:
    """Brute force: the Jaccard similarity of the sets of ``size``-word shingles."""
    def shingles(text):
        words = an.tokenize(text)
        if len(words) < size:
            return {tuple(words)}
        return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}
    a, b = shingles(first), shingles(second)
    return len(a & b) / len(a | b)


def edited(text: str, changes: int, seed: int) -> str:
    """``text`` with ``changes`` words replaced by others, at random places."""
    rng = random.Random(seed)
    words = text.split(" ")
    for place in rng.sample(range(len(words)), changes):
        words[place] = rng.choice(WORDS)
    return " ".join(words)


def group_of(groups: pd.DataFrame) -> dict:
    return dict(zip(groups["doc_id"], groups["group"], strict=True))


# ----------------------------------------------------------------------------- known reprints
@pytest.fixture(scope="module")
def reprints():
    footer = "\nتابعوا آخر الأخبار على موقعنا وحساباتنا في شبكات التواصل الاجتماعي"
    exact = FIRST.replace(" ", "  ").replace("،", " ، ").replace("حلب", "حَلَب")
    corpus = corpus_of(
        ("origin", FIRST, "وكالة", "2016-08-01"),
        ("edited", edited(FIRST, 6, seed=1), "صحيفة", "2016-08-02"),
        ("exact", exact, "قناة", "2016-08-01 12:00"),
        ("footer", FIRST + footer, "موقع", "2016-08-03"),
        ("unrelated", SECOND, "صحيفة", "2016-11-18"),
    )
    return corpus, analysis.near_duplicates(corpus)


def test_known_reprints_are_one_group_and_unrelated_articles_stay_out(reprints):
    corpus, groups = reprints
    groups_by_id = group_of(groups)
    assert set(groups_by_id) == {"origin", "edited", "exact", "footer"}
    assert len(set(groups_by_id.values())) == 1
    assert true_jaccard(FIRST, SECOND) < 0.05  # same topic, different articles


def test_each_article_has_its_source_date_and_similarity_to_the_earliest(reprints):
    corpus, groups = reprints
    assert list(groups["doc_id"]) == ["origin", "exact", "edited", "footer"]  # by date
    row = groups.set_index("doc_id")
    assert row.loc["origin", "origin"] and not row.loc["exact", "origin"]
    assert row.loc["exact", "exact"] and row.loc["exact", "similarity"] == 1.0
    assert not row.loc["edited", "exact"]
    assert row.loc["footer", "source"] == "موقع"
    assert row.loc["footer", "published"] == pd.Timestamp("2016-08-03", tz="UTC")
    assert row.loc["footer", "lag_days"] == 2.0
    for doc_id in ("edited", "footer"):
        text = corpus.set_index("doc_id").loc[doc_id, "text"]
        assert abs(row.loc[doc_id, "similarity"] - true_jaccard(FIRST, text)) < 0.15


def test_the_pairs_compared_carry_their_true_jaccard_and_containment(reprints):
    corpus, groups = reprints
    pairs = analysis.compared_pairs(corpus)
    texts = corpus.set_index("doc_id")["text"]
    assert len(pairs)
    for pair in pairs.itertuples():
        assert pair.jaccard == pytest.approx(
            true_jaccard(texts[pair.first_doc], texts[pair.second_doc]), abs=1e-9)
    assert groups.attrs["settings"]["bands"] * groups.attrs["settings"]["rows"] <= 128


def test_sketching_a_partition_a_few_articles_at_a_time_changes_nothing(reprints, monkeypatch):
    """Articles keep their place in the corpus across the batches a partition is sketched in
    (an exact copy, two near copies and an unrelated article, in batches of two)."""
    corpus, groups = reprints
    pairs = analysis.compared_pairs(corpus, cache=False)
    monkeypatch.setattr(minhash_lsh, "SKETCH_BATCH", 2)
    pd.testing.assert_frame_equal(analysis.near_duplicates(corpus, cache=False), groups)
    pd.testing.assert_frame_equal(analysis.compared_pairs(corpus, cache=False), pairs)


def test_a_corpus_without_copies_gives_an_empty_table_with_the_columns():
    groups = analysis.near_duplicates(SEEDS)
    assert groups.empty
    assert {"group", "doc_id", "source", "published", "similarity"} <= set(groups.columns)


def test_texts_without_words_and_very_short_texts_do_not_break_it():
    corpus = corpus_of(("a", "!!! ...", "x", None), ("b", "!!! ...", "x", None),
                       ("c", "خبر", "x", None), ("d", "خبر", "y", None), ("e", FIRST, "x", None))
    groups = analysis.near_duplicates(corpus)
    assert group_of(groups) == {}  # no words, or fewer than a shingle: no story to compare


def test_passage_reuse_finds_an_article_inside_a_longer_one():
    lines = FIRST.split("\n")
    part = "\n".join(lines[:len(lines) * 3 // 4])
    corpus = corpus_of(("long", FIRST, "وكالة", "2016-08-01"),
                       ("part", part, "صحيفة", "2016-08-02"),
                       ("other", SECOND, "صحيفة", "2016-08-02"))
    reuse = analysis.passage_reuse(corpus)
    assert list(zip(reuse["shorter"], reuse["longer"], strict=True)) == [("part", "long")]
    assert reuse["containment"].iloc[0] == 1.0
    assert (reuse["shorter_source"].iloc[0], reuse["longer_source"].iloc[0]) == ("صحيفة", "وكالة")
    assert reuse["jaccard"].iloc[0] == pytest.approx(true_jaccard(part, FIRST))


# ----------------------------------------------------------------------------- the contract
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(length=st.integers(40, 400), changes=st.integers(0, 12), seed=st.integers(0, 10**6))
def test_articles_at_least_09_similar_always_share_a_group(length, changes, seed):
    rng = random.Random(seed)
    base = " ".join(rng.choice(WORDS) for _ in range(length))
    # the most edits, up to ``changes``, that keep the pair at Jaccard 0.9 or more (no edit
    # leaves a copy): every example is used, where filtering with assume() discarded so many
    # that hypothesis's health check failed now and then
    copy = next(candidate for count in range(min(changes, length), -1, -1)
                if true_jaccard(base, candidate := edited(base, count, seed + 1)) >= 0.9)
    groups = analysis.near_duplicates(corpus_of(("a", base, "x", None), ("b", copy, "y", None)))
    assert group_of(groups) == {"a": 1, "b": 1}


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(length=st.integers(20, 300), changes=st.integers(1, 40), seed=st.integers(0, 10**6),
       threshold=st.sampled_from([0.5, 0.8, 0.9]))
def test_two_articles_are_grouped_only_at_or_above_the_threshold(length, changes, seed,
                                                                  threshold):
    rng = random.Random(seed)
    base = " ".join(rng.choice(WORDS) for _ in range(length))
    copy = edited(base, min(changes, length), seed + 1)
    groups = analysis.near_duplicates(corpus_of(("a", base, "x", None), ("b", copy, "y", None)),
                                      threshold=threshold)
    if len(groups):
        assert true_jaccard(base, copy) >= threshold - 1e-9


@given(st.lists(st.sets(st.integers(0, 2**32 - 1), min_size=1, max_size=300),
                min_size=1, max_size=8),
       st.sampled_from([16, 64, 128]), st.integers(0, 2**16))
def test_signatures_are_datasketchs_minhash(sets, num_perm, seed):
    from datasketch import MinHash

    arrays = [np.array(sorted(values), np.uint32) for values in sets]
    signatures = minhash_lsh.minhash_signatures(arrays, num_perm, seed)
    for values, row in zip(arrays, signatures, strict=True):
        reference = MinHash(num_perm=num_perm, seed=seed, hashfunc=int)
        reference.update_batch(values.tolist())
        assert (reference.hashvalues == row).all()


def test_the_banding_misses_a_pair_at_the_threshold_rarely_and_at_09_almost_never():
    for threshold in (0.5, 0.7, 0.8, 0.9):
        bands, rows = minhash_lsh.band_layout(threshold, 128)
        assert bands * rows <= 128
        assert minhash_lsh.miss_probability(threshold, bands, rows) <= 1e-3
        assert minhash_lsh.miss_probability(max(threshold, 0.9), bands, rows) <= 1e-3
    assert minhash_lsh.band_layout(0.8, 128) == (25, 5)


@pytest.mark.parametrize("options, says", [
    ({"threshold": 0.3}, "threshold must be a number from 0.5 to 1"),
    ({"threshold": "high"}, "threshold must be"),
    ({"shingle_size": 0}, "shingle_size must be a positive integer"),
    ({"shingle_size": 40}, "shingle_size must be at most 25"),
    ({"num_perm": 8}, "num_perm must be from 16 to 1024"),
    ({"num_perm": 12.5}, "num_perm must be a positive integer"),
])
def test_parameters_are_checked_before_any_work_with_a_message_that_says_what_to_do(options,
                                                                                      says):
    with pytest.raises(ValueError, match=says):
        analysis.near_duplicates(SEEDS, **options)


# ----------------------------------------------------------------------------- flows
def test_reprint_flows_count_reprints_from_the_origins_source_with_the_median_lag():
    groups = pd.DataFrame({
        "group": [1, 1, 1, 2, 2, 3, 3],
        "doc_id": list("abcdefg"),
        "source": ["A", "B", "B", "A", "B", "C", None],
        "origin": [True, False, False, True, False, True, False],
        "lag_days": [0, 1.0, 3.0, 0, 2.0, 0, 0.5],
    })
    flows = analysis.reprint_flows(groups)
    assert flows.to_dict("records") == [
        {"origin_source": "A", "reprint_source": "B", "reprints": 3, "median_lag_days": 2.0},
        {"origin_source": "C", "reprint_source": "(unknown)", "reprints": 1,
         "median_lag_days": 0.5},
    ]
    assert list(flows.columns) == ["origin_source", "reprint_source", "reprints",
                                   "median_lag_days"]


def test_reprint_flows_say_which_table_they_need():
    with pytest.raises(ValueError, match="near_duplicates"):
        analysis.reprint_flows(pd.DataFrame({"group": [1]}))


def test_the_widest_story_is_the_one_printed_by_most_sources(reprints):
    _, groups = reprints
    assert analysis.widest_story(groups) == 1
    with pytest.raises(analysis.NotApplicable):
        analysis.widest_story(groups.iloc[:0])


# ----------------------------------------------------------------------------- drop duplicates
def test_drop_duplicates_keeps_the_earliest_and_lists_what_it_set_aside(reprints):
    corpus, groups = reprints
    before = corpus.copy()
    kept = an.drop_duplicates(corpus)
    assert list(kept["doc_id"]) == ["origin", "unrelated"]
    aside = pd.DataFrame(kept.attrs["duplicates"])
    assert sorted(aside["doc_id"]) == ["edited", "exact", "footer"]
    assert set(aside["kept"]) == {"origin"}
    assert kept.attrs["deduplication"]["set_aside"] == 3
    pd.testing.assert_frame_equal(corpus, before)  # the user's corpus is untouched
    assert "duplicates" not in corpus.attrs
    both = pd.concat([kept, kept])  # attrs hold plain values, which pandas can compare
    assert both.attrs == kept.attrs
    # the list set aside is shared by the frames pandas derives, never deep-copied in each
    # operation (37 ms a slice of ANT's text column), and cannot be changed through one
    assert kept["text"].iloc[:1].attrs["duplicates"] is kept.attrs["duplicates"]
    with pytest.raises(TypeError, match="cannot be changed"):
        kept.attrs["duplicates"][0]["kept"] = "someone else"
    note = an.deduplication_note(kept)
    assert "3 of 5 articles set aside (1 exact copy and 2 near copies of 1 story" in note


def test_drop_duplicates_can_keep_the_latest_or_the_longest(reprints):
    corpus, groups = reprints
    assert "footer" in set(an.drop_duplicates(corpus, groups, keep="latest")["doc_id"])
    assert "footer" in set(an.drop_duplicates(corpus, groups, keep="longest")["doc_id"])
    with pytest.raises(ValueError, match="keep must be one of"):
        an.drop_duplicates(corpus, groups, keep="first")


def test_drop_duplicates_on_a_corpus_without_copies_sets_nothing_aside():
    kept = an.drop_duplicates(SEEDS)
    assert len(kept) == len(SEEDS)
    assert an.deduplication_note(kept).startswith("No article repeats another")
    assert "counts each story once" in an.deduplication_note(SEEDS)


def test_drop_duplicates_gives_the_same_corpus_on_dask(generated_frames):
    on_pandas, on_dask = generated_frames
    kept_pandas, kept_dask = an.drop_duplicates(on_pandas), an.drop_duplicates(on_dask)
    assert kept_pandas.attrs["deduplication"]["set_aside"] > 0
    assert list(kept_dask["doc_id"].compute()) == list(kept_pandas["doc_id"])
    assert an.deduplication_note(kept_dask) == an.deduplication_note(kept_pandas)


# ----------------------------------------------------------------------------- reading a group
def test_word_differences_mark_changed_words_not_spellings():
    first = "قال الوزير فى مؤتمر صحفي إن الاتفاق سيوقع غدا"
    second = "قال الوزير في مؤتمرٍ صحفي إن الاتفاق النهائي سيوقع الأحد"
    a, b = analysis.word_differences(first, second)
    assert [word for line in a for word, marked in line if marked] == ["غدا"]
    assert [word for line in b for word, marked in line if marked] == ["النهائي", "الأحد"]
    assert [word for line in b for word, _ in line] == second.split()  # as written
    spaced, _ = analysis.word_differences("قال : الوزير ( نعم ) .", "قال الوزير نعم")
    assert not any(marked for line in spaced for _, marked in line)  # punctuation alone


def test_side_by_side_is_a_right_to_left_table_with_marked_words():
    a, b = analysis.word_differences("خبر عن <حلب>", "خبر عن الموصل")
    shown = an.side_by_side([a, b], ["الأصل", "Reprint 1"])
    markup = shown._repr_html_()
    assert markup.startswith('<table class="an-rtl-table an-side-by-side" dir="rtl">')
    assert "<mark>&lt;حلب&gt;</mark>" in markup and "<mark>الموصل</mark>" in markup
    assert '<th dir="ltr" style="text-align: right">Reprint 1</th>' in markup
    assert "[الموصل]" in repr(shown)
    with pytest.raises(ValueError, match="one title per text"):
        an.side_by_side([a, b], ["one"])


# ----------------------------------------------------------------------------- the cache
def test_the_cache_serves_the_same_table_without_recomputing_and_never_a_stale_one(
        reprints, tmp_path, monkeypatch):
    corpus, groups = reprints
    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(tmp_path))
    first = analysis.near_duplicates(corpus, cache=True)
    written = sorted(path.name for path in tmp_path.rglob("*"))
    assert written and all((tmp_path / duplicates_cache.FOLDER / name).exists() or
                           name == duplicates_cache.FOLDER for name in written)

    def no_sketching(*args, **kwargs):
        raise AssertionError("recomputed although the corpus did not change")
    with monkeypatch.context() as patch:
        patch.setattr(minhash_lsh, "sketch_articles", no_sketching)
        again = analysis.near_duplicates(corpus, cache=True)
    pd.testing.assert_frame_equal(again, first, check_dtype=False)
    assert again.attrs["settings"] == first.attrs["settings"]

    changed = corpus.copy()
    changed.loc[changed["doc_id"] == "footer", "text"] = " ".join(reversed(FIRST.split()))
    assert "footer" not in set(analysis.near_duplicates(changed, cache=True)["doc_id"])
    moved = corpus.copy()
    moved.loc[moved["doc_id"] == "edited", "source"] = "أخرى"
    assert "أخرى" in set(analysis.near_duplicates(moved, cache=True)["source"])
    stricter = analysis.near_duplicates(corpus, threshold=0.99, cache=True)
    assert set(stricter["doc_id"]) == {"origin", "exact"}


# ----------------------------------------------------------------------------- a real corpus
@pytest.fixture(scope="module")
def saudi():
    if not SAUDI.is_file():
        print(f"skipped: the shared Saudi corpus is absent ({SAUDI.name} in ../shared)")
        pytest.skip("the shared Saudi corpus (../shared/corpora) is absent")
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its empty articles are left out, each with a warning
        return an.load_corpus(SAUDI, on_error="skip", progress=False)


def test_on_a_real_corpus_every_exact_copy_is_counted_and_pairs_above_09_are_grouped(saudi):
    groups = analysis.near_duplicates(saudi, cache=False)
    keys = saudi["text"].map(lambda text: " ".join(an.tokenize(text)))
    keys = keys[keys.str.count(" ") + 1 >= 5]  # a story: at least one 5-word shingle
    assert int(groups["exact"].sum()) == int(keys.duplicated().sum())
    # pairs found independently of the bands: articles that open with the same ten words
    grouped = group_of(groups)
    openings = keys.map(lambda key: " ".join(key.split()[:10]))
    texts = saudi["text"]
    checked = 0
    for positions in openings.groupby(openings).groups.values():
        for first, second in zip(positions[:-1], positions[1:], strict=True):
            if true_jaccard(texts[first], texts[second]) >= 0.9:
                ids = saudi.loc[[first, second], "doc_id"].tolist()
                assert grouped.get(ids[0]) is not None and grouped.get(ids[0]) == \
                    grouped.get(ids[1]), ids
                checked += 1
    assert checked > 100


# ----------------------------------------------------------------------------- charts
def test_captions_say_a_missing_source_and_date_in_words():
    row = pd.Series({"source": None, "published": pd.NaT})
    assert analysis.article_caption(row, "الأصل") == "الأصل: مصدر غير معروف، غير مؤرخ"
    row = pd.Series({"source": "okaz", "published": pd.Timestamp("2015-07-21 02:27", tz="UTC")})
    assert analysis.article_caption(row, "copy", language="en") == "copy: okaz, 2015-07-21 02:27"


def test_the_flow_chart_reads_right_to_left_in_arabic_and_pools_sources_beyond_the_limit():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from arabic_news.plotting import reprints as charts

    flows = pd.DataFrame({"origin_source": ["A", "B", "C", "(unknown)", "C"],
                          "reprint_source": ["B", "A", "D", "A", "A"],
                          "reprints": [5, 3, 1, 2, 1],
                          "median_lag_days": [0.5, 1.0, 2.0, 0.1, 3.0]})
    counts, lags = charts.flow_matrix(flows, max_sources=2)
    assert list(counts.index) == ["A", "B", "other"]
    assert counts.loc["other", "A"] == 3 and np.isnan(lags.loc["other", "A"])  # two pooled
    assert counts.loc["other", "other"] == 1 and lags.loc["other", "other"] == 2.0
    assert counts.loc["A", "B"] == 5 and lags.loc["A", "B"] == 0.5
    arabic = charts.flow_chart(flows, language="ar")
    english = charts.flow_chart(flows, language="en")
    assert arabic.xaxis_inverted() and not english.xaxis_inverted()
    assert "غير معروف" in [label.get_text() for label in arabic.get_yticklabels()]
    assert "unknown" in [label.get_text() for label in english.get_yticklabels()]
    story = pd.DataFrame({"source": ["A", "B"], "lag_days": [0.0, np.nan],
                          "origin": [True, False], "similarity": [1.0, 0.9]})
    with pytest.raises(ValueError, match="two dated articles"):
        charts.spread_chart(story)
    plt.close("all")


def test_remnants_shorter_than_a_shingle_are_no_story():
    """Texts left empty or with a word or two by boilerplate removal are not exact copies of
    one another; a story of a few sentences printed twice still is."""
    story = ("أعلنت الوزارة اليوم عن خطة جديدة لتطوير التعليم في المدارس الحكومية "
             "وقالت إن الخطة تبدأ العام المقبل")
    corpus = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d", "e", "f"],
        "text": ["", "", "المزيد", "المزيد", story, story],
        "source": ["x", "y", "x", "y", "x", "y"],
    })
    groups = analysis.near_duplicates(corpus, cache=False)
    assert sorted(groups["doc_id"]) == ["e", "f"]
