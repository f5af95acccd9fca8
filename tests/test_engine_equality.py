"""Every public analysis gives the same result on both engines: one test, driven by a registry.

Each :class:`Case` of :data:`CASES` is data: what to run (on the inputs of one engine: the
corpus, its texts, its date mentions...), how to compare the two results, and optionally a
reference computed with plain pandas on the in-memory corpus. ``test_both_engines_agree``
runs every case on the generated corpus of ``tests/generated_corpus.py`` (240 articles),
once in memory and once on Dask (five Parquet shards of 50 rows, so every count crosses
partitions, on Dask's synchronous scheduler), and compares. ``test_every_public_analysis_is
_registered`` fails when a public analysis is neither in the registry nor named as
in-memory only, so a new analysis cannot skip this proof.

Cases marked ``bounded`` must also never bring a table as large as the corpus's vocabulary
into this process on Dask (a checker asks the engine only what decides its verdict).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

dask = pytest.importorskip("dask")

import arabic_news as an  # noqa: E402
from arabic_news import analysis  # noqa: E402
from arabic_news.corpus.convert import write_shards  # noqa: E402
from arabic_news.engines import engine_of  # noqa: E402
from arabic_news.engines.dask_engine import DASK  # noqa: E402
from arabic_news.exercises import memo  # noqa: E402
from arabic_news.exercises.core import evaluate  # noqa: E402

ANALYZER = an.ArabicAnalyzer()
TERMS = ANALYZER.tokens("روسيا حلب مجلس")
COLUMNS = ["doc_id", "title", "source", "published"]
COPIES = 12  # articles of the messy corpus printed twice
FOOTER = "للمزيد من الأخبار تابعونا على موقعنا الإلكتروني وحساباتنا"


def _messy(corpus: pd.DataFrame, folder) -> tuple[pd.DataFrame, object]:
    """The generated corpus as a scraped one: one source ends every article with a footer
    line, and :data:`COPIES` articles are printed again a day later by another source. As
    loaded in memory and on Dask (Parquet shards of 50 rows), from one JSON Lines file."""
    messy = corpus.copy()
    footed = messy["source"] == messy["source"].iloc[0]
    messy.loc[footed, "text"] = messy.loc[footed, "text"] + "\n" + FOOTER
    copies = messy[~footed].iloc[:COPIES].copy()
    copies["doc_id"] = copies["doc_id"].astype(str) + "-copy"
    copies["source"] = "copies"
    copies["published"] = copies["published"] + pd.Timedelta(days=1)
    messy = pd.concat([messy, copies], ignore_index=True)
    source = folder / "messy.jsonl"
    messy.assign(published=messy["published"].astype(str)).to_json(
        source, orient="records", lines=True, force_ascii=False)
    write_shards(source, folder / "shards", rows_per_shard=50)
    return an.load_corpus(source), an.load_corpus(folder / "shards", engine="dask")


# ----------------------------------------------------------------------------- comparisons
def frames(left, right):
    pd.testing.assert_frame_equal(left, right)


def frames_ignoring_index(left, right):
    """For tables whose index is the engine's (a Dask partition's own), not the corpus's."""
    pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True))


def series(left, right):
    pd.testing.assert_series_equal(left, right)


def same(left, right):
    """Equal values of the same type; Counters and dicts in the same order too."""
    assert type(left) is type(right)
    assert left == right
    if isinstance(left, dict):
        assert list(left) == list(right)


def collected(left, right):
    """A lazy table (a Dask one, or the pandas one itself), brought into memory."""
    pd.testing.assert_frame_equal(engine_of(left).collect(left).reset_index(drop=True), right)


def arrays(left, right):
    assert np.array_equal(left, right)


def answers(left: dict, right: dict):
    """Dicts of answers: frames compared as frames, anything else with ``same``."""
    assert list(left) == list(right)
    for key in left:
        compare = frames if isinstance(left[key], pd.DataFrame) else same
        compare(left[key], right[key])


@dataclass(frozen=True)
class Case:
    """One analysis call, run on each engine's inputs and compared."""

    id: str
    run: Callable[[SimpleNamespace], object]
    compare: Callable = same
    covers: tuple[str, ...] = ()  # the public names this case proves (default: from id)
    reference: Callable | None = None  # (pandas inputs, result) -> None: a plain-pandas check
    bounded: bool = False
    params: dict = field(default_factory=dict)

    @property
    def names(self) -> tuple[str, ...]:
        return self.covers or (self.id.split("[")[0],)


def cases(id: str, run, compare=same, values=(None,), **options) -> list[Case]:
    """One case per value of a parameter (``run(inputs, value)``)."""
    if values == (None,):
        return [Case(id, run, compare, **options)]
    return [Case(f"{id}[{value}]", lambda i, v=value: run(i, v), compare, **options)
            for value in values]


def collected_both(left, right):
    """Two lazy-or-not tables, each brought into memory, compared ignoring their index."""
    frames_ignoring_index(engine_of(left).collect(left), engine_of(right).collect(right))


def _same_corpus(left, right):
    """Two corpora (a Dask one collected) with the same rows, texts and notes."""
    collected_both(left, right)
    assert an.boilerplate_note(left) == an.boilerplate_note(right)
    assert an.deduplication_note(left) == an.deduplication_note(right)
    assert analysis.short_texts_note(left) == analysis.short_texts_note(right)
    assert an.preparation_note(left) == an.preparation_note(right)


# ----------------------------------------------------------------------------- answers
def _table_answers(table, inputs, tied: int) -> dict:
    """What a lesson asks of a count table, every question once."""
    keys = ["حلب", "روسيا", "مجلس الامن", "لا يوجد", "zzz", ""]
    found = {f"top {n}": table.top(n) for n in (1, tied, 20, 100_000)}
    found.update(summary=(table.total, table.distinct, table.once),
                 lookups=[table[key] for key in keys], some=table.counts_of({*keys, "ب"}),
                 counter=table.counter())
    found.update({f"at least {count}": table.at_least(count) for count in (1, 3, 10**9)})
    assert all(isinstance(value, int) for value in found["lookups"])
    return found


def _verdicts(exercise: str, answers_of: Callable, **options) -> Callable:
    """A run that checks each answer (made afresh per engine: an iterator is read once)."""
    def run(inputs):
        memo.forget()
        given = {key: value(inputs) if callable(value) else value
                 for key, value in options.items()}
        return [evaluate(exercise, answer, **given) for answer in answers_of(inputs)]
    return run


def _statuses(*wanted):
    def check(inputs, outcomes):
        assert {outcome.status for outcome in outcomes} >= set(wanted), outcomes
    return check


def _corpus(inputs):
    return inputs.corpus


def _mentions(inputs):
    return inputs.mentions


# ----------------------------------------------------------------------------- the registry
CASES: list[Case] = [
    # loading, corpus at a glance
    *cases("load_corpus", lambda i: i.corpus, collected),
    *cases("corpus_overview", lambda i: analysis.corpus_overview(i.corpus), frames),
    *cases("word_total", lambda i: analysis.word_total(i.texts),
           reference=lambda i, got: same(got, int(i.texts.str.split().str.len().sum()))),
    *cases("articles_per_source", lambda i: analysis.articles_per_source(i.corpus, "?"), series,
           reference=lambda i, got: series(got, i.corpus["source"].fillna("?").value_counts())),
    *cases("first_articles", lambda i, n: analysis.first_articles(i.corpus[COLUMNS], n), frames,
           values=(1, 7, 50, 60, 500),
           reference=lambda i, got: frames(got, i.corpus[COLUMNS].head(len(got)))),
    *cases("first_articles by doc_id", lambda i, n: analysis.first_articles(i.corpus, n,
                                                                            by="doc_id"),
           frames_ignoring_index, values=(1, 60, 500), covers=("first_articles",),
           reference=lambda i, got: frames(got, i.corpus.sort_values("doc_id").head(len(got)))),
    *cases("first_rows", lambda i, n: analysis.first_rows(i.mentions, n),
           frames_ignoring_index, values=(1, 20, 10_000),
           reference=lambda i, got: frames(got, i.mentions.head(len(got)))),
    *cases("iter_texts", lambda i: list(analysis.iter_texts(i.texts)),
           reference=lambda i, got: same(got, i.texts.tolist())),
    *cases("sample_articles", lambda i, nr: analysis.sample_articles(i.corpus, nr[0],
                                                                     random_state=nr[1]),
           frames, values=[(n, r) for n in (1, 12, 239, 240, 500) for r in (0, 7)]),
    *cases("documents_for_comparison", lambda i: analysis.documents_for_comparison(
        i.corpus, 30, random_state=3), frames),
    *cases("documents_for_comparison of a few", lambda i: analysis.documents_for_comparison(
        i.few, 30), frames, covers=("documents_for_comparison", "passages")),
    *cases("document_labels", lambda i: analysis.document_labels(i.corpus), series),
    # counting
    *cases("ngram_counts", lambda i: analysis.ngram_counts(i.texts, ANALYZER.tokens,
                                                           sizes=(1, 2, 3))),
    *cases("term_counts", lambda i: analysis.term_counts(i.texts, ANALYZER)),
    *cases("document_frequencies", lambda i: analysis.document_frequencies(i.texts, ANALYZER)),
    *cases("top_terms", lambda i, n: analysis.top_terms(i.texts, ANALYZER, n=n), frames,
           values=(1, 7, 25)),
    *cases("top_ngrams", lambda i, sn: analysis.top_ngrams(i.texts, ANALYZER.tokens,
                                                           size=sn[0], n=sn[1]),
           frames, values=[(s, n) for s in (1, 2) for n in (1, 7, 25)]),
    *cases("count_table", lambda i, size: _table_answers(
        analysis.count_table(i.texts, ANALYZER.tokens, sizes=(1, 2))[size], i,
        i.tied[size]), answers, values=(1, 2), covers=("count_table", "CountTable")),
    *cases("document_frequency_table", lambda i: _table_answers(
        analysis.document_frequency_table(i.texts, ANALYZER.tokens), i, i.tied["documents"]),
        answers, covers=("document_frequency_table", "DocumentFrequencyTable")),
    *cases("top_terms_by_document", lambda i: analysis.top_terms_by_document(
        i.corpus, ANALYZER, n=3), frames),
    *cases("written_words", lambda i: analysis.written_words(i.texts),
           reference=lambda i, got: same(list(got), sorted(got))),
    *cases("cleaning tables", lambda i: _cleaning_tables(analysis.written_words(i.texts)),
           answers, covers=("cleaning_examples", "stage_counts", "compare_cleanings",
                            "stemming_examples", "dropped_by_default")),
    *cases("merged_spellings", lambda i: analysis.merged_spellings(i.texts, i.top_terms),
           frames, reference=lambda i, got: _any((got["spellings"] > 1).any())),
    *cases("display_forms", lambda i, a: _forms(i, a), answers,
           values=("default", "analyzer", "stemmed")),
    *cases("keyword_in_context", lambda i, tl: analysis.keyword_in_context(
        i.corpus, tl[0], an.normalize, window=4, limit=tl[1]), frames,
        values=[(t, limit) for t in ("حلب", "روسيا", "غائبة") for limit in (1, 12, 80, None)]),
    # time
    *cases("term_share_over_time", lambda i, f: analysis.term_share_over_time(
        i.corpus, TERMS, ANALYZER, frequency=f), frames, values=(None, "MS", "W")),
    *cases("term_share_over_time in range", lambda i: analysis.term_share_over_time(
        i.corpus, TERMS, ANALYZER, start=i.range[0], end=i.range[1]), frames,
        covers=("term_share_over_time",)),
    *cases("articles_per_period", lambda i, f: analysis.articles_per_period(i.corpus,
                                                                            frequency=f),
           frames, values=(None, "MS", "W")),
    *cases("core_date_range", lambda i: analysis.core_date_range(i.corpus["published"],
                                                                 min_articles=10)),
    *cases("choose_frequency", lambda i: analysis.choose_frequency(i.corpus["published"])),
    *cases("dated_articles", lambda i: analysis.dated_articles(i.corpus), frames),
    *cases("dates_table", _mentions, collected,
           reference=lambda i, got: _any(len(got) > 100)),
    *cases("event_points", lambda i, g: analysis.event_points(i.mentions, max_events=8,
                                                              granularities=g),
           frames, values=(("day",), ("day", "week", "month", "year"))),
    *cases("mention_counts", lambda i: analysis.mention_counts(i.mentions), frames),
    *cases("days_before_publication", lambda i: analysis.days_before_publication(
        i.mentions, i.corpus), series, reference=lambda i, got: _any(len(got) > 50)),
    # TF-IDF
    *cases("tfidf_of_shown", lambda i: _weights(analysis.tfidf_of_shown(
        i.shown, i.texts, ANALYZER, sublinear_tf=True, min_df=2)), answers, bounded=True),
    *cases("similarity_to_corpus", lambda i: analysis.similarity_to_corpus(
        i.shown[:3], i.texts, ANALYZER, batch_size=7, sublinear_tf=True), arrays,
        reference=lambda i, got: same(got.shape, (3, 240))),
    # the checkers of the lessons that run on either engine
    *cases("check 1.x", lambda i: [evaluate(e, a, corpus=i.corpus)
                                   for e, a in i.right["lesson 1"]],
           covers=("checkers",), reference=_statuses("right")),
    *cases("check 1.x wrong", lambda i: [evaluate(e, a, corpus=i.corpus)
                                         for e, a in i.wrong["lesson 1"]],
           covers=("checkers",), reference=_statuses("wrong")),
    *cases("check 2.1", _verdicts("2.1", lambda i: i.answers["2.1"](), corpus=_corpus),
           covers=("checkers",), reference=_statuses("right", "wrong"), bounded=True),
    *cases("check 2.2", _verdicts("2.2", lambda i: i.answers["2.2"], corpus=_corpus,
                                  term=lambda i: i.answers["2.2 term"]),
           covers=("checkers",), reference=_statuses("right", "wrong"), bounded=True),
    *cases("check 2.2 absent", _verdicts("2.2", lambda i: [0, 1], corpus=_corpus,
                                         term="لا يوجد"),
           covers=("checkers",), reference=_statuses("right", "wrong"), bounded=True),
    *cases("check 2.3", lambda i, n: _verdicts("2.3", lambda j: j.answers[f"2.3 {n}"],
                                               corpus=_corpus, n=n)(i),
           values=(5, 20), covers=("checkers",), reference=_statuses("right", "wrong"),
           bounded=True),
    *cases("check 2.4", _verdicts("2.4", lambda i: i.answers["2.4"], corpus=_corpus),
           covers=("checkers",), reference=_statuses("right", "wrong"), bounded=True),
    *cases("check 3.1 and 3.4", lambda i: [
        evaluate(exercise, answer, corpus=i.corpus, doc_id=i.answers["3 doc_id"])
        for exercise, tried in i.answers["3.x"].items() for answer in tried],
        covers=("checkers",), reference=_statuses("right", "wrong")),
    *cases("check 4.1 and 4.2", lambda i: [
        evaluate(exercise, answer, corpus=i.corpus, mentions=i.mentions)
        for exercise, answer in i.answers["4.x"]],
        covers=("checkers",),
        reference=lambda i, got: same([o.status for o in got],
                                      ["right", "wrong", "right", "wrong"])),
    *cases("check 7.2", _verdicts("7.2", lambda i: i.answers["7.2"](), corpus=_corpus),
           covers=("checkers",), reference=_statuses("right", "wrong"), bounded=True),
    *cases("check 7.3", lambda i, term: _verdicts("7.3", lambda j: j.answers[f"7.3 {term}"],
                                                  corpus=_corpus, term=term)(i),
           values=("حلب", "لا يوجد"), covers=("checkers",),
           reference=_statuses("right", "wrong"), bounded=True),
    # corpus steps and reprints, on the messy corpus (footers and copies; see _messy)
    *cases("find_boilerplate", lambda i: an.find_boilerplate(i.messy), frames,
           reference=lambda i, got: _any(got["line"].str.contains("تابعونا").any())),
    *cases("remove_boilerplate", lambda i: an.remove_boilerplate(i.messy), _same_corpus,
           reference=lambda i, got: _any(not got["text"].str.contains("تابعونا").any())),
    *cases("near_duplicates", lambda i: analysis.near_duplicates(i.messy, cache=False),
           frames, reference=lambda i, got: _any(got["group"].nunique() >= COPIES)),
    *cases("compared_pairs", lambda i: analysis.compared_pairs(i.messy, cache=False), frames),
    *cases("passage_reuse", lambda i: analysis.passage_reuse(i.messy, cache=False), frames),
    *cases("drop_duplicates", lambda i: an.drop_duplicates(i.messy), _same_corpus,
           reference=lambda i, got: _any(not got["doc_id"].str.endswith("-copy").any()
                                         and len(got) <= len(i.messy) - COPIES)),
    *cases("short_texts", lambda i: analysis.short_texts(i.messy, max_words=40), frames),
    *cases("without_short_texts", lambda i: analysis.without_short_texts(i.messy, 40),
           _same_corpus, covers=("without_short_texts", "short_texts_note")),
    *cases("prepare_corpus", lambda i: an.prepare_corpus(i.messy, short_text_words=40),
           _same_corpus, covers=("prepare_corpus", "preparation_note")),
    *cases("relative_points", lambda i: analysis.relative_points(i.mentions), frames),
    *cases("deictic", lambda i: i.mentions[analysis.deictic(i.mentions)], collected_both),
]

#: Public analyses that take in-memory inputs only (Counters, matrices, fitted models,
#: pandas frames of lessons 05-06), or are types and exceptions: nothing to compare.
IN_MEMORY_ONLY = {
    "NotApplicable", "ranked_terms", "visible", "TokenizedCorpus", "association_measures",
    "collocations", "Split", "key_terms", "keyness", "side_by_side", "split_by_date",
    "split_corpus", "split_in_two", "TopicModel", "fit_topics", "match_topics",
    "topic_documents", "topic_labels", "topic_share_over_time", "topic_stability",
    "topic_terms", "tfidf_matrix", "distinctive_terms", "similarity_table",
    "tfidf_settings_effects", "min_df_effect",
    # on a table already in memory (the groups of near_duplicates, a Counter of counts) or
    # on a text or two: teaching helpers and choices, with no corpus to partition
    "keyness_between", "TermChoice", "choose_terms", "period_start", "reprint_flows",
    "duplicate_counts", "widest_story", "word_differences", "article_caption",
    "made_reprints", "top_terms_compared",
}


def _any(condition) -> None:
    assert bool(condition)


def _cleaning_tables(words: Counter) -> dict:
    stages = analysis.stage_counts(words)
    sizes, top = analysis.compare_cleanings(stages, n=10)
    return {"examples": analysis.cleaning_examples(words, per_step=3), "stages": stages,
            "sizes": sizes, "top": top,
            "stemming": analysis.stemming_examples(stages["normalised"], n=8),
            "dropped": analysis.dropped_by_default(stages["normalised"])}


def _forms(inputs, which: str) -> dict:
    analyzer = {"default": None, "analyzer": ANALYZER,
                "stemmed": an.ArabicAnalyzer(stem="article")}[which]
    forms = an.display_forms(inputs.texts, analyzer)
    keys = list(forms)[:15] + ["وزاره الدفاع"]
    bounded = an.display_forms(inputs.texts, analyzer, keys=keys)
    assert len(bounded) < len(forms) and len(forms) > 100
    regroup = lambda key: an.light_stem(key, "article")  # noqa: E731
    return {"forms": dict(forms), "spellings": {key: forms.spellings(key) for key in forms},
            "bounded": bounded.labels(keys), "as whole": forms.labels(keys),
            "regrouped": dict(forms.regroup(regroup))}


def _weights(fitted) -> dict:
    matrix, vectorizer = fitted
    return {"weights": matrix.toarray().tolist(),
            "terms": vectorizer.get_feature_names_out().tolist()}


# ----------------------------------------------------------------------------- inputs
def _tied(counter: Counter) -> int:
    """An ``n`` that cuts inside a tie of ``counter``'s ranking."""
    return next(n for n in range(5, 200)
                if analysis.ranked_terms(counter, n + 1)["count"].iloc[-1]
                == analysis.ranked_terms(counter, n)["count"].iloc[-1])


def _answers(corpus: pd.DataFrame, mentions: pd.DataFrame) -> dict:
    """Right and wrong answers to the checked exercises, from the in-memory corpus."""
    texts = corpus["text"]
    tokens = ANALYZER.tokens
    stops_kept = an.ArabicAnalyzer(stop_words=None).tokens
    ranked = analysis.top_ngrams(texts, stops_kept, size=2, n=10**6)["term"]
    best, rare = ranked.iloc[0], ranked.iloc[-1]
    top = analysis.top_terms(texts, tokens, n=3)
    term, count = top["term"].iloc[0], int(top["count"].iloc[0])
    documents = analysis.ranked_terms(analysis.document_frequencies(texts, tokens), 10**6)
    widest, narrow = documents["term"].iloc[0], documents["term"].iloc[-1]
    tied = documents.loc[documents["count"] == documents["count"].iloc[0], "term"].iloc[-1]
    found = {
        "2.1": lambda: [best, [best], f" {best} ", [best, best], [best, "ملعب"], "ملعب", rare,
                        [rare], None, 3, [], ("ملعب", "آخر"), {"ملعب"}, iter(["ملعب", best]),
                        iter([best])],
        "2.2": [count, count + 1, 0, "many", None],
        "2.2 term": term,
        "2.4": [widest, f" {widest} ", tied, narrow, "في", "لا يوجد", None, 3, ["ملعب"]],
    }
    for n in (5, 20):
        merged = analysis.merged_spellings(texts, analysis.top_terms(texts, tokens, n=n)["term"])
        expected = merged.loc[merged["spellings"] > 1, "term"].tolist()
        found[f"2.3 {n}"] = [expected, expected[:-1], [*expected, "ملعب"], [], "ملعب", 3]
    first = analysis.sample_articles(corpus, 12).iloc[0]
    scores = analysis.similarity_to_corpus([first["text"]], texts, ANALYZER,
                                           sublinear_tf=True)[0]
    scores[int(np.flatnonzero(corpus["doc_id"] == first["doc_id"])[0])] = -1
    nearest = corpus["doc_id"].iloc[int(scores.argmax())]
    farthest = corpus["doc_id"].iloc[int(scores.argmin())]
    matrix, vectorizer = analysis.tfidf_of_shown([first["text"]], texts, ANALYZER)
    weighted = analysis.distinctive_terms(matrix, vectorizer, ["first"], n=2)["term"].tolist()
    found["3 doc_id"] = first["doc_id"]
    found["3.x"] = {"3.1": [weighted[0], weighted[1], "حلب"],
                    "3.4": [nearest, farthest, first["doc_id"], "x"]}
    day = mentions[mentions["value"].notna() & (mentions["granularity"] == "day")]
    days = day["value"].value_counts()
    assert days.max() > days.min()
    found["4.x"] = [("4.1", len(day)), ("4.1", len(day) - 1),
                    ("4.2", f"{days.idxmax():%Y-%m-%d}"), ("4.2", f"{days.idxmin():%Y-%m-%d}")]
    bigrams = analysis.ranked_terms(analysis.ngram_counts(texts, tokens, sizes=(2,))[2], 10**6)
    top3 = bigrams["term"].head(3).tolist()
    third = bigrams.loc[bigrams["count"] == bigrams["count"].iloc[2], "term"].tolist()
    found["7.2"] = lambda: [top3, top3[::-1], [*top3[:2], bigrams["term"].iloc[-1]],
                            [*top3[:2], third[-1]], top3[:2], ["لا يوجد هنا", *top3[:2]],
                            "حلب", None, iter(top3)]
    document_counts = analysis.document_frequencies(texts, tokens)
    for name in ("حلب", "لا يوجد"):
        expected = document_counts[an.normalize(name)]
        found[f"7.3 {name}"] = [expected, expected + 1, "many"]
    return found


def _lesson_1_answers(corpus: pd.DataFrame) -> tuple[list, list]:
    """The lesson's own solutions to exercises 1.1-1.4, and a wrong answer to each."""
    words = analysis.written_words(corpus["text"])
    stages = analysis.stage_counts(words)
    normalised = stages["normalised"]
    stops = an.stop_words()
    stop_counts = Counter({t: n for t, n in normalised.items() if t in stops})
    groups: dict = {}
    for word in stages["as written"]:
        groups.setdefault(an.normalize(word), []).append(word)
    hamza = an.Normalizer(hamza=True)
    right = [
        ("1.1", len({t for w in words for t in an.tokenize(w, normalizer=hamza)})),
        ("1.2", [t for t, _ in stop_counts.most_common(5)]),
        ("1.3", next(w for w, _ in normalised.most_common()
                     if an.light_stem(w, "article") == w
                     and an.light_stem(w, "proclitic", normalised) != w)),
        ("1.4", next(tuple(g[:2]) for g in groups.values() if len(g) > 1)),
    ]
    wrong = [(exercise, 1 if exercise == "1.1" else "ملعب") for exercise, _ in right]
    return right, wrong


@pytest.fixture(scope="module")
def inputs(generated_frames, tmp_path_factory):
    """The inputs of each engine, built once: {"pandas": ..., "dask": ...}."""
    pandas_corpus, dask_corpus = generated_frames
    with dask.config.set(scheduler="synchronous"):
        mentions = an.dates_table(pandas_corpus)
        tokens = ANALYZER.tokens
        shared = {
            "range": analysis.core_date_range(pandas_corpus["published"], min_articles=10),
            "shown": analysis.sample_articles(pandas_corpus, 12)["text"],
            "top_terms": analysis.top_terms(pandas_corpus["text"], ANALYZER, n=20)["term"].tolist(),
            "tied": {1: _tied(analysis.ngram_counts(pandas_corpus["text"], tokens, (1,))[1]),
                     2: _tied(analysis.ngram_counts(pandas_corpus["text"], tokens, (2,))[2]),
                     "documents": _tied(analysis.document_frequencies(pandas_corpus["text"],
                                                                      tokens))},
            "answers": _answers(pandas_corpus, mentions),
            "vocabulary": len(analysis.term_counts(pandas_corpus["text"], tokens)),
        }
        right, wrong = _lesson_1_answers(pandas_corpus)
        shared.update(right={"lesson 1": right}, wrong={"lesson 1": wrong})
        few = dask_corpus.partitions[0].head(5, compute=False)  # fewer than 10: passages
        messy, messy_shards = _messy(pandas_corpus, tmp_path_factory.mktemp("messy"))
        on_dask = SimpleNamespace(corpus=dask_corpus, texts=dask_corpus["text"],
                                  mentions=an.dates_table(dask_corpus).persist(), few=few,
                                  messy=messy_shards,
                                  **shared)
        on_pandas = SimpleNamespace(corpus=pandas_corpus, texts=pandas_corpus["text"],
                                    mentions=mentions, few=few.compute(), messy=messy,
                                    **shared)
    return {"pandas": on_pandas, "dask": on_dask}


@pytest.fixture
def vocabulary_guard(monkeypatch):
    """Fail when the Dask engine brings a table of ``limit`` rows or more into memory."""
    original = DASK.collect
    limit = {"rows": None}

    def guarded(*values):
        found = original(*values)
        for value in found if len(values) > 1 else (found,):
            rows = len(value) if isinstance(value, pd.DataFrame | pd.Series) else 0
            if limit["rows"] is not None and rows >= limit["rows"]:
                raise AssertionError(f"a table of {rows} rows came back from the engine")
        return found

    monkeypatch.setattr(DASK, "collect", guarded)
    return limit


@pytest.fixture(autouse=True)
def synchronous():
    with dask.config.set(scheduler="synchronous"):
        yield


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_both_engines_agree(case, inputs, vocabulary_guard):
    on_pandas = case.run(inputs["pandas"])
    if case.bounded:
        vocabulary_guard["rows"] = inputs["dask"].vocabulary
    on_dask = case.run(inputs["dask"])
    vocabulary_guard["rows"] = None
    case.compare(on_dask, on_pandas)
    if case.reference is not None:
        case.reference(inputs["pandas"], on_pandas)


def test_every_public_analysis_is_registered():
    registered = {name for case in CASES for name in case.names}
    public = {*analysis.__all__, "dates_table", "display_forms", "load_corpus"}
    unregistered = sorted(public - registered - IN_MEMORY_ONLY)
    assert not unregistered, f"add these to CASES (or to IN_MEMORY_ONLY, saying why): " \
                             f"{unregistered}"
    assert not registered & IN_MEMORY_ONLY


def test_the_vocabulary_guard_catches_a_whole_vocabulary(inputs, vocabulary_guard):
    """The bound of the ``bounded`` cases can fail: the whole Counter is refused."""
    vocabulary_guard["rows"] = inputs["dask"].vocabulary
    with pytest.raises(AssertionError, match="rows came back"):
        analysis.term_counts(inputs["dask"].texts, ANALYZER.tokens)


@pytest.fixture
def corpus_guard(vocabulary_guard, monkeypatch):
    """Fail when anything as large as the corpus comes into this process on Dask: a collected
    frame of ``limit`` rows or more (``vocabulary_guard``), per-partition results of as many
    rows together, or the corpus streamed through ``batches``."""
    original = DASK.per_partition

    def per_partition(*args, **kwargs):
        found = original(*args, **kwargs)
        rows = sum(len(value) for value in found
                   if isinstance(value, pd.DataFrame | pd.Series | list | np.ndarray))
        if vocabulary_guard["rows"] is not None and rows >= vocabulary_guard["rows"]:
            raise AssertionError(f"{rows} rows came back from the partitions")
        return found

    def batches(*args, **kwargs):
        raise AssertionError("the corpus was streamed through this process")

    monkeypatch.setattr(DASK, "per_partition", per_partition)
    monkeypatch.setattr(DASK, "batches", batches)
    return vocabulary_guard


@pytest.fixture(scope="module")
def few_copies(tmp_path_factory):
    """300 articles of 200 random seed words each (no two alike), then 8 exact copies and 8
    copies with two words changed (Jaccard about 0.9), printed a day later by another
    source; in memory and on Dask (Parquet shards of 50 rows)."""
    import random

    seeds = an.load_corpus()
    words = sorted({word for text in seeds["text"] for word in text.split()})
    rng = random.Random(5)
    rows = [{"doc_id": f"a{number:03d}", "source": rng.choice(["وكالة", "جريدة"]),
             "published": f"2016-{1 + number % 12:02d}-{1 + number % 27:02d}",
             "text": " ".join(rng.choice(words) for _ in range(200))} for number in range(300)]
    for number, row in enumerate(rows[:16]):
        text = row["text"].split()
        if number % 2:
            for place in rng.sample(range(len(text)), 2):
                text[place] = rng.choice(words)
        rows.append({**row, "doc_id": f"{row['doc_id']}-copy", "source": "نسخ",
                     "published": row["published"][:-2] + f"{int(row['published'][-2:]) + 1:02d}",
                     "text": " ".join(text)})
    folder = tmp_path_factory.mktemp("few-copies")
    source = folder / "corpus.jsonl"
    pd.DataFrame(rows).to_json(source, orient="records", lines=True, force_ascii=False)
    write_shards(source, folder / "shards", rows_per_shard=50)
    return an.load_corpus(source), an.load_corpus(folder / "shards", engine="dask")


def test_near_duplicates_on_dask_bring_back_the_copies_and_candidates_not_the_corpus(
        few_copies, corpus_guard, tmp_path, monkeypatch):
    """Few articles are copies (16 of 316): no table of as many rows as the corpus comes
    back from the engine, with or without the disk cache, and the copies are found all the
    same."""
    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(tmp_path))
    in_memory, messy = few_copies
    expected = analysis.near_duplicates(in_memory, cache=False)
    assert sorted(expected["doc_id"]) == sorted(
        [*in_memory["doc_id"].iloc[:16], *in_memory["doc_id"].iloc[-16:]])
    corpus_guard["rows"] = len(in_memory)
    for cache in (False, True, True):  # found, found and written, read back
        groups = analysis.near_duplicates(messy, cache=cache)
        pd.testing.assert_frame_equal(groups, expected)
    analysis.passage_reuse(messy, cache=False)
    kept = an.drop_duplicates(messy)
    assert kept.attrs["deduplication"]["set_aside"] == len(groups) - groups["group"].nunique()
    with pytest.raises(AssertionError, match="streamed"):  # the guard catches streaming
        list(analysis.iter_texts(messy["text"]))
    with pytest.raises(AssertionError, match="rows came back"):  # and a whole column
        an.engines.engine_of(messy).small_columns(messy, ["doc_id"])
