"""display_forms: each normalised key shown in its most frequent written form."""

from collections import Counter

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabic_news as an
from arabic_news.text.display_forms import (
    DisplayForms,
    forms_from_spellings,
    written_token_counts,
)


@pytest.fixture(scope="module")
def seeds():
    return an.load_corpus()


def brute_force_forms(texts, normalizer=an.normalize):
    """Independent reference: pair each written token with its normalisation, count pairs."""
    pairs = Counter()
    for text in texts:
        for word in an.tokenize(text, normalizer=None):
            keys = an.tokenize(normalizer(word))
            if len(keys) == 1:
                pairs[keys[0], word] += 1
    best = {}
    for (key, word), _count in sorted(pairs.items(), key=lambda item: (-item[1], item[0][1])):
        best.setdefault(key, word)
    return best


def test_the_seeds_keys_the_issue_names_get_their_usual_spelling(seeds):
    forms = an.display_forms(seeds["text"], an.ArabicAnalyzer())
    assert forms["الروسيه"] == "الروسية"
    assert forms["السوريه"] == "السورية"
    assert forms["الامن"] == "الأمن"
    assert forms["ادلب"] == "إدلب"
    assert forms["وزاره الدفاع"] == "وزارة الدفاع", "n-grams are shown term by term"
    assert "في" not in forms, "stop words are not keys of this analyzer"
    assert forms.label("not-a-key") == "not-a-key"
    assert forms.labels(["الامن", "xyz"]) == ["الأمن", "xyz"]


def test_every_seed_form_is_the_most_frequent_spelling(seeds):
    forms = an.display_forms(seeds["text"])
    assert dict(forms) == brute_force_forms(seeds["text"])
    spelled = forms.spellings("في")
    # The seeds write فى more often than في (21 to 16): the corpus decides, not a rule.
    assert spelled == [("فى", 21), ("في", 16)]
    assert forms["في"] == "فى"


def test_stemmed_keys_show_a_whole_written_word(seeds):
    analyzer = an.ArabicAnalyzer(stem="article")
    forms = an.display_forms(seeds["text"], analyzer)
    assert analyzer.tokens(forms["روسي"]) == ["روسي"]
    written = written_token_counts(seeds["text"])
    for key, form in forms.items():
        assert form in written, f"{key!r} shown as {form!r}, which the corpus never wrote"


def test_any_callable_analyzer_works_and_bad_input_is_explained():
    forms = an.display_forms(["ABC abc abc"], lambda text: [text.lower()])
    assert forms["abc"] == "abc"
    with pytest.raises(TypeError, match="not one string"):
        an.display_forms("نص واحد")
    with pytest.raises(TypeError, match="text 1 is NoneType"):
        an.display_forms(["نص", None])
    with pytest.raises(TypeError, match="analyzer must be"):
        an.display_forms(["نص"], analyzer=3)


VARIANTS = ["الأمن", "الامن", "إدلب", "ادلب", "وزارة", "وزاره", "فى", "في", "جندياً", "جنديا"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(VARIANTS + ["،", "\u00a0", "الـ15"]), max_size=15),
                min_size=1, max_size=4))
def test_forms_equal_the_brute_force_count_on_any_mix_of_spellings(documents):
    texts = [" ".join(words) for words in documents]
    assert dict(an.display_forms(texts)) == brute_force_forms(texts)


def test_regrouped_forms_equal_the_forms_of_a_stemming_analyzer(seeds):
    forms = an.display_forms(seeds["text"])
    stems = forms.regroup(lambda key: an.light_stem(key, "article"))
    every = an.ArabicAnalyzer(stop_words=None, stem="article", keep_numbers=True,
                              keep_single_letters=True)
    direct = an.display_forms(seeds["text"], every)
    assert dict(stems) == dict(direct)
    assert stems["امن"] == "الأمن", "the stem of الامن is shown as the corpus writes the word"


# --- only the words shown (keys=), in batches ------------------------------------------------
_WORDS = ["الأمن", "الامن", "الروسية", "الروسيه", "فى", "في", "إدلب", "ادلب", "حلب", "G20"]


@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join),
                min_size=1, max_size=12),
       st.integers(1, 4))
def test_forms_of_the_keys_shown_equal_the_whole_corpus_forms(texts, batch_size):
    from arabic_news.text.display_forms import display_forms

    whole = display_forms(texts)
    keys = sorted(whole)[:3] + [" ".join(sorted(whole)[:2])]  # terms and one bigram key
    shown = display_forms(iter(texts), keys=keys, batch_size=batch_size)
    wanted = {term for key in keys for term in key.split(" ")}
    assert dict(shown) == {key: whole[key] for key in wanted}


def test_keys_and_batch_size_are_checked():
    from arabic_news.text.display_forms import display_forms

    with pytest.raises(TypeError, match="not one string"):
        display_forms(["حلب"], keys="حلب")
    with pytest.raises(ValueError, match="batch_size"):
        display_forms(["حلب"], keys=["حلب"], batch_size=0)


# -- kept on disk -------------------------------------------------------------------------
def stored_entries(folder):
    return sorted((folder / "display-forms").glob("*.json"))


def same_forms(found, expected):
    return list(found.items()) == list(expected.items()) and all(
        found.spellings(key) == expected.spellings(key) for key in expected)


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(tmp_path))
    return tmp_path


def test_stored_spellings_give_the_forms_counted_afresh(seeds, cache_folder):
    """A second call reads the entry the first wrote and gives the same forms, spellings and
    counts as counting again without the cache."""
    texts, analyzer = seeds["text"], an.ArabicAnalyzer()
    counted = an.display_forms(texts, analyzer, cache=False)
    assert stored_entries(cache_folder) == []
    first = an.display_forms(texts, analyzer, cache=True)
    assert len(stored_entries(cache_folder)) == 1
    entry = stored_entries(cache_folder)[0]
    stamp = entry.stat().st_mtime_ns
    second = an.display_forms(texts, analyzer, cache=True)
    assert entry.stat().st_mtime_ns == stamp  # read, not written again
    assert same_forms(first, counted) and same_forms(second, counted)


def test_an_edited_text_or_other_settings_are_never_served_the_stored_forms(seeds,
                                                                            cache_folder):
    texts = seeds["text"].copy()
    an.display_forms(texts, an.ArabicAnalyzer(), cache=True)
    texts.iloc[1] = texts.iloc[1] + " الأمنن الأمنن الأمنن"
    edited = an.display_forms(texts, an.ArabicAnalyzer(), cache=True)
    assert edited["الامنن"] == "الأمنن"
    stemmed = an.display_forms(texts, an.ArabicAnalyzer(stem="article"), cache=True)
    assert same_forms(stemmed, an.display_forms(texts, an.ArabicAnalyzer(stem="article"),
                                                cache=False))
    defaults = an.display_forms(texts, cache=True)
    assert same_forms(defaults, an.display_forms(texts, cache=False))
    assert len(stored_entries(cache_folder)) == 4


def test_a_damaged_entry_is_counted_again_and_rewritten(seeds, cache_folder):
    texts, analyzer = seeds["text"], an.ArabicAnalyzer()
    expected = an.display_forms(texts, analyzer, cache=True)
    table = next((cache_folder / "display-forms").glob("*-spellings.parquet"))
    table.write_bytes(b"not parquet")
    assert same_forms(an.display_forms(texts, analyzer, cache=True), expected)
    assert table.read_bytes()[:4] == b"PAR1"


def test_what_cannot_be_keyed_or_read_twice_is_never_stored(seeds, cache_folder):
    texts = seeds["text"]
    an.display_forms(iter(texts.tolist()), cache=True)  # an iterator is read once
    an.display_forms(texts, lambda text: text.split(), cache=True)  # a callable's code
    an.display_forms(texts, an.ArabicAnalyzer(normalizer=str.lower), cache=True)
    an.display_forms(texts, an.ArabicAnalyzer(), keys=["الامن"], cache=True)
    an.display_forms(texts, an.ArabicAnalyzer())  # cache=None: two texts are too few
    assert stored_entries(cache_folder) == []


def test_dask_columns_store_and_read_the_same_forms(generated_frames, cache_folder):
    pandas_corpus, dask_corpus = generated_frames
    analyzer = an.ArabicAnalyzer()
    expected = an.display_forms(pandas_corpus["text"], analyzer, cache=False)
    for _ in range(2):
        assert same_forms(an.display_forms(dask_corpus["text"], analyzer, cache=True),
                          expected)
    assert len(stored_entries(cache_folder)) == 1


def test_a_cache_folder_that_cannot_take_the_entry_warns_and_still_gives_the_forms(
        seeds, cache_folder):
    from arabic_news.corpus.results_cache import ResultNotCachedWarning

    (cache_folder / "display-forms").write_text("a file where the folder should be")
    expected = an.display_forms(seeds["text"], an.ArabicAnalyzer(), cache=False)
    with pytest.warns(ResultNotCachedWarning, match="display-forms: this result could not"):
        found = an.display_forms(seeds["text"], an.ArabicAnalyzer(), cache=True)
    assert same_forms(found, expected)
    assert (cache_folder / "display-forms").read_text() == "a file where the folder should be"


_spelling_text = st.one_of(st.sampled_from(["a", "b", "كتب", "ب", "كُتب", "بـ", "A"]),
                          st.text(st.characters(exclude_categories=("Cs",)), max_size=3))
spelling_rows = st.lists(st.tuples(_spelling_text, _spelling_text,
                                   st.integers(min_value=1, max_value=4)), max_size=30)


@settings(max_examples=200, deadline=None)
@given(spelling_rows, st.booleans(), st.lists(_spelling_text, max_size=3))
def test_forms_chosen_from_a_table_equal_those_chosen_term_by_term(rows, summed, unused):
    """The cached spellings come back as a table, and the forms are chosen from it with
    Arrow and a sort: the same forms (ties to the first in code-point order), in the same
    order, and the same spellings, as counting them term by term; rows counted zero times
    change nothing, and a table already summed and sorted (a kept one) gives the same."""
    spellings: dict = {}
    for key, written, count in rows:
        spellings.setdefault(key, Counter())[written] += count
    expected = forms_from_spellings(spellings)
    if summed:
        rows = sorted((key, written, count) for key, found in spellings.items()
                      for written, count in found.items())
    rows = rows + [(key, "zero", 0) for key in unused]
    table = pd.DataFrame(rows, columns=["key", "written", "count"]).astype(
        {"key": "str", "written": "str", "count": "int64"})
    found = DisplayForms.from_table(table)
    assert list(found.items()) == sorted(expected.items())
    for key in [*spellings, *unused]:
        assert found.spellings(key) == expected.spellings(key)
    kept = found.spelling_table()
    assert kept.equals(expected.spelling_table())
    assert list(kept.itertuples(index=False, name=None)) == sorted(
        (key, written, count) for key, found in spellings.items()
        for written, count in found.items())
    pooled, pooled_expected = (forms.regroup(lambda key: key[:1]) for forms in (found, expected))
    batched = found.regroup(lambda keys: [key[:1] for key in keys], batched=True)
    assert dict(pooled.items()) == dict(pooled_expected.items()) == dict(batched.items())
    for key in pooled_expected:  # pooled as a table, and as Counters: the same
        assert pooled.spellings(key) == pooled_expected.spellings(key) == batched.spellings(key)


def test_a_regrouping_key_must_give_one_text_per_key():
    forms = forms_from_spellings({"الامن": Counter({"الأمن": 3}), "وزاره": Counter({"وزارة": 2})})
    with pytest.raises(ValueError, match="one new key per key"):
        forms.regroup(lambda keys: keys[:1], batched=True)
    with pytest.raises(TypeError, match="must give a str for each key, got int"):
        forms.regroup(len)


@given(st.lists(st.sampled_from(["الامن", "وزاره", "الدفاع", "مجهول", ""]), min_size=1,
                max_size=4))
def test_a_key_gets_its_form_term_by_term_or_the_default(parts):
    """``get``, ``[]``, ``in`` and ``label`` agree: a known term gives its form, an n-gram of
    known terms the forms joined by a space, anything else the default (or KeyError)."""
    forms = forms_from_spellings({"الامن": Counter({"الأمن": 3}), "وزاره": Counter({"وزارة": 2}),
                                  "الدفاع": Counter({"الدفاع": 1})})
    key = " ".join(parts)
    known = {"الامن": "الأمن", "وزاره": "وزارة", "الدفاع": "الدفاع"}
    expected = known.get(key) or (" ".join(known[p] for p in parts)
                                  if len(parts) > 1 and all(p in known for p in parts) else None)
    assert forms.get(key) == expected and forms.get(key, "x") == (expected or "x")
    assert (key in forms) == (expected is not None)
    assert forms.label(key) == (expected or key)
    if expected is None:
        with pytest.raises(KeyError):
            forms[key]
    assert forms.get(3) is None and 3 not in forms
