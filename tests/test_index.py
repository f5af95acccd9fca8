"""The corpus index: each answer equals the package's analysis of the same documents, on both
engines; the key sees every change; a damaged index is rebuilt, never read.

The references are the analyses of ``arabic_news.analysis`` run on the texts themselves, so
a test fails when the index and the lessons disagree, whatever either gets wrong.
"""

from __future__ import annotations

import json
import warnings
from collections import Counter

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer

import arabic_news as an
from arabic_news import analysis
from arabic_news.errors import CorpusError
from arabic_news.index import (
    CorpusIndex,
    DamagedIndexWarning,
    build,
    build_index,
    index_folder,
    stream,
)
from arabic_news.index.layout import MANIFEST

ANALYZER = an.ArabicAnalyzer()


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("index-cache")


@pytest.fixture(scope="module")
def seeds():
    return an.load_corpus()


@pytest.fixture(scope="module", params=["pandas", "dask"])
def built(request, generated_frames, cache):
    """The generated corpus (240 articles) on one engine, and its index."""
    corpus = generated_frames[0] if request.param == "pandas" else generated_frames[1]
    return corpus, build_index(corpus, ANALYZER, cache)


@pytest.fixture(scope="module")
def memory(generated_frames):
    return generated_frames[0]


def _texts(corpus: pd.DataFrame, mask=None) -> list[str]:
    texts = corpus["text"] if mask is None else corpus["text"][mask]
    return texts.tolist()


def _masks(memory, index):
    dates = memory["published"].dropna().sort_values()
    start, end = dates.iloc[len(dates) // 4], dates.iloc[3 * len(dates) // 4]
    source = memory["source"].iat[0]
    return [None, index.select(source=source), index.select(start=start, end=end),
            index.select(source=source, start=start), index.select(term="روسيا"),
            np.arange(0, len(memory), 7)]


# --- equal to the analyses ---------------------------------------------------------------------

def test_counts_equal_the_analyses_of_the_chosen_documents(built, memory):
    _, index = built
    for mask in _masks(memory, index):
        chosen = index.mask(mask)
        texts = _texts(memory, chosen)
        counts = index.term_counts(mask)
        expected = analysis.term_counts(texts, ANALYZER)
        assert counts == expected and list(counts) == list(expected)
        assert index.document_frequencies(mask) == analysis.document_frequencies(texts, ANALYZER)
        assert index.ngram_counts((1, 2), mask) == analysis.ngram_counts(texts, ANALYZER.tokens)
        pd.testing.assert_frame_equal(index.top_terms(15, mask),
                                      analysis.top_terms(texts, ANALYZER, 15))
        pd.testing.assert_frame_equal(index.top_terms(10, mask, size=2),
                                      analysis.top_ngrams(texts, ANALYZER.tokens, 2, 10))


def test_collocations_equal_the_analysis(built, memory):
    _, index = built
    for mask in _masks(memory, index)[:4]:
        texts = _texts(memory, index.mask(mask))
        for term in (None, "روسيا", "حلب"):
            options = {"min_freq": 2, "sort_by": "t_score", "window": (3, 2)}
            pd.testing.assert_frame_equal(index.collocations(term, mask, **options),
                                          analysis.collocations(texts, term, **options))


def _without_underscores(table: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """The rows of documents without "_": keyword_in_context counts a lone "_" as a word, the
    analyzer (and so the index) does not (see test_an_underscore_is_no_word)."""
    clean = set(corpus.loc[~corpus["text"].str.contains("_", regex=False), "doc_id"])
    return table[table["doc_id"].isin(clean)].reset_index(drop=True)


def test_kwic_equals_keyword_in_context(built, memory):
    _, index = built
    assert memory["text"].str.contains("_", regex=False).any()  # the seeds' «العسكرى _ السياسى»
    for term in ("روسيا", "في", "الأمن"):
        for window in (6, 3, 0):
            expected = analysis.keyword_in_context(memory, term, an.normalize, window=window,
                                                   limit=None)
            got = index.kwic(term, window=window, limit=None)
            assert len(got) == len(expected) > 0
            pd.testing.assert_frame_equal(
                _without_underscores(got[list(expected.columns)], memory),
                _without_underscores(expected, memory))
            pd.testing.assert_frame_equal(index.kwic(term, window=window, limit=20),
                                          got.head(20))
    stemmed = analysis.keyword_in_context(memory, "الروسي", an.normalize, limit=None,
                                          match=an.light_stem)
    got = index.kwic("الروسي", limit=None, match=an.light_stem)
    pd.testing.assert_frame_equal(_without_underscores(got[list(stemmed.columns)], memory),
                                  _without_underscores(stemmed, memory))


def test_an_underscore_is_no_word(tmp_path):
    frame = _frame(["قال الوزير _ روسيا"])
    index = build_index(frame, ANALYZER, tmp_path)
    assert index.kwic("روسيا", window=1)["before"].tolist() == ["الوزير"]
    assert analysis.keyword_in_context(frame, "روسيا", an.normalize,
                                       window=1)["before"].tolist() == ["_"]


def test_the_encoded_terms_are_those_of_tokenized_corpus(built, memory):
    _, index = built
    texts = _texts(memory)
    expected = analysis.TokenizedCorpus(texts, ANALYZER.tokens)
    encoded = index.tokenized()
    assert encoded.vocabulary.tolist() == expected.vocabulary.tolist()  # first seen, first id
    np.testing.assert_array_equal(encoded.ids, expected.ids)
    np.testing.assert_array_equal(encoded.document, expected.document)
    chosen = index.select(source=memory["source"].iat[0])
    assert list(encoded.term_counts(chosen).items()) == \
        list(expected.term_counts(chosen).items())


def test_kwic_rows_point_at_the_written_keyword(built, memory):
    _, index = built
    chosen = index.select(source=memory["source"].iat[0])
    rows = index.kwic("روسيا", limit=None, documents=chosen)
    assert len(rows) == index.term_counts(chosen)["روسيا"] > 0
    texts = dict(zip(memory["doc_id"], memory["text"], strict=True))
    sources = dict(zip(memory["doc_id"], memory["source"], strict=True))
    for row in rows.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.keyword
        assert ANALYZER.tokens(row.keyword) == ["روسيا"]
        assert sources[row.doc_id] == memory["source"].iat[0]


def test_counts_matrix_is_count_vectorizers(built, memory):
    _, index = built
    for mask, ngrams in ((None, (1, 1)), (index.select(term="حلب"), (2, 2))):
        texts = _texts(memory, index.mask(mask))
        vectorizer = CountVectorizer(analyzer=an.ArabicAnalyzer(ngram_range=ngrams))
        expected = vectorizer.fit_transform(texts)
        matrix, keys = index.counts_matrix(mask, size=ngrams[0])
        assert keys.tolist() == vectorizer.get_feature_names_out().tolist()
        assert (matrix != expected).nnz == 0


def test_tokens_terms_texts_and_forms_of_each_document(built, memory):
    _, index = built
    assert index.documents["doc_id"].tolist() == memory["doc_id"].tolist()
    pd.testing.assert_series_equal(index.documents["published"], memory["published"],
                                   check_index=False)
    for position in (0, 17, len(memory) - 1):
        text = memory["text"].iat[position]
        assert index.text(position) == text
        assert index.tokens_of(position) == an.tokenize(text)
        assert index.terms_of(position) == ANALYZER.tokens(text)
    assert index.texts([5, 1, 5]) == [memory["text"].iat[5], memory["text"].iat[1],
                                      memory["text"].iat[5]]
    written = Counter(t for text in memory["text"] for t in an.tokenize(text, normalizer=None))
    assert index.written() == {"written_tokens": sum(written.values()),
                               "written_forms": len(written)}
    forms = an.display_forms(memory["text"], ANALYZER)
    found = index.display_forms()
    assert dict(found) == dict(forms)
    assert found.spellings("الامن") == forms.spellings("الامن")


def test_both_engines_build_the_same_index(generated_frames, cache):
    on_pandas, on_dask = (build_index(frame, ANALYZER, cache) for frame in generated_frames)
    assert on_dask.manifest["parts"] == 5 and on_pandas.manifest["parts"] == 1
    for name in ("token", "start", "end", "offsets"):
        np.testing.assert_array_equal(on_pandas.stream[name], on_dask.stream[name])
    assert on_pandas.tokens.tolist() == on_dask.tokens.tolist()
    assert on_pandas.terms.tolist() == on_dask.terms.tolist()
    assert (on_pandas.counts != on_dask.counts).nnz == 0
    assert (on_pandas.bigram_counts != on_dask.bigram_counts).nnz == 0


def _same_files(first, second) -> None:
    """Two index folders hold the same files with the same content (the manifest but for the
    build's duration)."""
    names = sorted(path.name for path in first.iterdir())
    assert names == sorted(path.name for path in second.iterdir())
    for name in names:
        one, other = first / name, second / name
        if name.endswith(".parquet"):
            assert pq.read_table(one).equals(pq.read_table(other), check_metadata=True), name
        elif name.endswith(".npy"):
            np.testing.assert_array_equal(np.load(one), np.load(other), strict=True)
        elif name.endswith(".npz"):
            left, right = sparse.load_npz(one), sparse.load_npz(other)
            assert left.shape == right.shape and (left != right).nnz == 0, name
            for part in ("indptr", "indices", "data"):
                np.testing.assert_array_equal(getattr(left, part), getattr(right, part))
        else:
            assert name == MANIFEST
            manifests = [json.loads(path.read_text(encoding="utf-8")) for path in (one, other)]
            assert [{**found, "seconds": None} for found in manifests] == \
                [{**manifests[0], "seconds": None}] * 2


def test_small_merge_steps_and_batches_build_the_same_index(generated_frames, tmp_path,
                                                            monkeypatch):
    """Steps of a few documents (many steps' pair codes merged into the bigram vocabulary,
    each step's columns relabelled) and batches of a few texts (pieces found again batch
    after batch) give the index of the default sizes, file by file, on both engines."""
    for engine, frame in zip(("pandas", "dask"), generated_frames, strict=True):
        reference = build_index(frame, ANALYZER, tmp_path / f"{engine}-default")
        with monkeypatch.context() as patched:
            patched.setattr(build, "MERGE_TOKENS", 50)
            patched.setattr(build, "BATCH", 7)
            patched.setattr(stream, "BATCH", 7)
            small = build_index(frame, ANALYZER, tmp_path / f"{engine}-small")
        _same_files(reference.folder, small.folder)


@given(st.lists(st.integers(0, 2**40), max_size=60))
def test_distinct_values_and_positions_are_numpys_unique(values):
    values = np.array(values, dtype=np.int64)
    found, positions = build._distinct(values)
    expected, inverse = np.unique(values, return_inverse=True)
    np.testing.assert_array_equal(found, expected)
    np.testing.assert_array_equal(positions, inverse)


@given(st.lists(st.lists(st.integers(0, 2**40), max_size=30), max_size=6))
def test_the_union_of_increasing_arrays_is_numpys_unique(arrays):
    arrays = [np.unique(np.array(values, dtype=np.int64)) for values in arrays]
    union = build._sorted_union(arrays)
    joined = np.concatenate(arrays) if arrays else np.zeros(0, np.int64)
    np.testing.assert_array_equal(union, np.unique(joined))


def test_seeds_with_other_analyzers(seeds, cache):
    texts = seeds["text"].tolist()
    for analyzer in (an.ArabicAnalyzer(stem="article"), an.ArabicAnalyzer(ngram_range=(1, 2)),
                     an.ArabicAnalyzer(stop_words=None, keep_numbers=True)):
        index = build_index(seeds, analyzer, cache)
        assert index.term_counts() == analysis.term_counts(texts, analyzer)
        assert index.document_frequencies() == analysis.document_frequencies(texts, analyzer)
        assert index.terms_of(1) == analyzer.tokens(texts[1])
    with pytest.raises(ValueError, match="longer n-grams"):
        build_index(seeds, an.ArabicAnalyzer(ngram_range=(1, 3)), cache).term_counts()


_ALPHABET = st.sampled_from(list(
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىئؤ"
    "\u064b\u064e\u0651\u0652\u0640"
    "\u200c\u200d\u200f\u00ad\ufeff"
    "٠١٢3٤5abcXYZ"
    " \u00a0\n\t.,،؛؟!-\"'()«»:%"
    "\ufefb\ufdf2\U0001f600"
))
_WORDS_ONLY = st.sampled_from(list("ابتحدرسعفقلمنهويأإةى") + [" ", " ", ".", "،", "\n"])


def _frame(texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{n}" for n in range(len(texts))],
                         "title": "", "source": "s",
                         "published": pd.Series(pd.NaT, index=range(len(texts)),
                                                dtype="datetime64[us, UTC]"),
                         "text": texts})


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(_ALPHABET, min_size=1, max_size=60), min_size=1, max_size=5))
def test_any_text_gives_the_analyzers_tokens_and_counts(tmp_path, texts):
    index = build_index(_frame(texts), ANALYZER, tmp_path)
    for position, text in enumerate(texts):
        assert index.tokens_of(position) == an.tokenize(text)
        assert index.terms_of(position) == ANALYZER.tokens(text)
    assert index.term_counts() == analysis.term_counts(texts, ANALYZER)
    assert index.ngram_counts((2,)) == analysis.ngram_counts(texts, ANALYZER.tokens, (2,))


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(_WORDS_ONLY, min_size=1, max_size=80), min_size=1, max_size=4),
       st.sampled_from(["من", "في", "على"]), st.integers(0, 4))
def test_kwic_of_plain_words_equals_keyword_in_context(tmp_path, texts, term, window):
    frame = _frame(texts)
    index = build_index(frame, ANALYZER, tmp_path)
    expected = analysis.keyword_in_context(frame, term, an.normalize, window=window, limit=None)
    got = index.kwic(term, window=window, limit=None)
    pd.testing.assert_frame_equal(got[list(expected.columns)], expected, check_dtype=False)


# --- the key, the cache, damage -----------------------------------------------------------------

def test_a_second_build_opens_the_same_folder(seeds, tmp_path):
    first = build_index(seeds, ANALYZER, tmp_path)
    stamp = (first.folder / MANIFEST).stat().st_mtime_ns
    again = build_index(an.load_corpus(), ANALYZER, tmp_path)
    assert again.folder == first.folder
    assert (again.folder / MANIFEST).stat().st_mtime_ns == stamp
    assert [path.name for path in (tmp_path / "index").iterdir()] == [first.folder.name]


def test_every_change_gives_another_index(seeds, tmp_path):
    base = index_folder(seeds, ANALYZER, tmp_path)
    edited = seeds.copy()
    edited.loc[0, "text"] = edited.loc[0, "text"] + " روسيا"
    dated = seeds.copy()
    dated.loc[0, "published"] = pd.Timestamp("2001-01-01", tz="UTC")
    changes = [index_folder(seeds.iloc[:1], ANALYZER, tmp_path),
               index_folder(edited, ANALYZER, tmp_path),
               index_folder(dated, ANALYZER, tmp_path),
               index_folder(seeds, an.ArabicAnalyzer(stem="article"), tmp_path),
               index_folder(seeds, an.ArabicAnalyzer(news_words=False), tmp_path)]
    assert len({base, *changes}) == 6
    index = build_index(edited, ANALYZER, tmp_path)
    assert index.term_counts() == analysis.term_counts(edited["text"], ANALYZER)


def test_a_changed_corpus_file_gives_another_index(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("عنوان\nروسيا تعلن موقفها من حلب", encoding="utf-8")
    (folder / "b.txt").write_text("عنوان آخر\nمجلس الأمن يصوت", encoding="utf-8")
    before = index_folder(an.load_corpus(folder), ANALYZER, tmp_path / "cache")
    (folder / "b.txt").write_text("عنوان آخر\nمجلس الأمن يصوت", encoding="utf-8")  # same text
    assert index_folder(an.load_corpus(folder), ANALYZER, tmp_path / "cache") != before


@pytest.mark.parametrize("damage", ["remove", "truncate", "manifest"])
def test_a_damaged_index_is_rebuilt_with_a_warning(seeds, tmp_path, damage):
    index = build_index(seeds, ANALYZER, tmp_path)
    expected = index.term_counts()
    victim = index.folder / ("counts.npz" if damage != "manifest" else MANIFEST)
    if damage == "remove":
        victim.unlink()
    elif damage == "truncate":
        victim.write_bytes(victim.read_bytes()[:-10])
    else:
        victim.write_text("{not json", encoding="utf-8")
    with pytest.raises(CorpusError, match="not a sound corpus index"):
        CorpusIndex.open(index.folder)
    with pytest.warns(DamagedIndexWarning, match="damaged corpus index"):
        rebuilt = build_index(seeds, ANALYZER, tmp_path)
    assert rebuilt.term_counts() == expected
    with warnings.catch_warnings():
        warnings.simplefilter("error", DamagedIndexWarning)
        build_index(seeds, ANALYZER, tmp_path)


def test_nothing_half_built_is_left_and_nothing_written_in_the_corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("عنوان\nروسيا تعلن موقفها", encoding="utf-8")
    corpus = an.load_corpus(folder)
    with pytest.raises(CorpusError, match="inside the corpus"):
        build_index(corpus, ANALYZER, folder / "cache")
    assert sorted(path.name for path in folder.iterdir()) == ["a.txt"]
    index = build_index(corpus, ANALYZER, tmp_path / "cache")
    assert [path.name for path in index.folder.parent.iterdir()] == [index.folder.name]


def test_a_corpus_recording_objects_in_its_attrs_is_indexed(seeds, tmp_path):
    prepared = seeds.copy()
    prepared.attrs["removed"] = object()  # what a preparing step records, not JSON
    index = build_index(prepared, ANALYZER, tmp_path)
    assert index.term_counts() == analysis.term_counts(seeds["text"], ANALYZER)


def test_an_index_opens_only_with_its_analyzer(seeds, tmp_path):
    index = build_index(seeds, ANALYZER, tmp_path)
    assert CorpusIndex.open(index.folder).term_counts() == index.term_counts()
    with pytest.raises(ValueError, match="another analyzer"):
        CorpusIndex.open(index.folder, an.ArabicAnalyzer(stem="article"))


def test_bad_requests_say_what_to_pass(seeds, tmp_path):
    index = build_index(seeds, ANALYZER, tmp_path)
    with pytest.raises(ValueError, match="a mask needs 2 booleans"):
        index.term_counts(np.array([True]))
    with pytest.raises(ValueError, match="positions must lie"):
        index.term_counts([5])
    with pytest.raises(ValueError, match="give one word"):
        index.kwic("مجلس الأمن")
    with pytest.raises(ValueError, match="column"):
        build_index(pd.DataFrame({"text": ["نص"]}), ANALYZER, tmp_path)
    with pytest.raises(TypeError, match="ArabicAnalyzer"):
        build_index(seeds, str.split, tmp_path)
    assert index.kwic("كلمةغائبة").empty
    assert index.term_counts(np.zeros(2, dtype=bool)) == Counter()


def test_an_index_built_meanwhile_by_another_process_is_used(seeds, tmp_path, monkeypatch):
    import shutil

    from arabic_news.index import store

    sound = build_index(seeds, ANALYZER, tmp_path / "first")
    target = index_folder(seeds, ANALYZER, tmp_path / "second")
    building = store.build_into

    def racing(staging, corpus, analyzer, progress):
        counts = building(staging, corpus, analyzer, progress)
        shutil.copytree(sound.folder, target)  # the other process renames first
        return counts

    monkeypatch.setattr(store, "build_into", racing)
    index = build_index(seeds, ANALYZER, tmp_path / "second")
    assert index.folder == target
    assert index.term_counts() == sound.term_counts()
    assert [path.name for path in target.parent.iterdir()] == [target.name]  # no staging left


def test_building_shows_no_bar_unless_asked(generated_frames, tmp_path, capfd):
    """A lesson's output must not depend on its engine (a Dask corpus has several parts)."""
    on_dask = generated_frames[1]
    build_index(on_dask, ANALYZER, tmp_path / "quiet")
    assert "indexing parts" not in capfd.readouterr().err
    build_index(on_dask, ANALYZER, tmp_path / "shown", progress=True)
    assert "indexing parts" in capfd.readouterr().err
