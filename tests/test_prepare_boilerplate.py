"""Boilerplate: found and removed on synthetic outlets, real repeated news kept.

The outlets are written here from random letters, so that no licensed text is needed; the
tests at the end run on the shared Saudi corpus when it is present (never committed).
"""

import random
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabic_news as an
from arabic_news.prepare import BoilerplateRules, boilerplate, templates
from arabic_news.prepare.boilerplate import boilerplate_templates, count_partition

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
SAUDI = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / \
    "saudinewsnet-8-outlets.jsonl.gz"

FOOTER = "للتواصل مع المحرر أرسل رسالة إلى الرقم {number}"
GLUED = "تابعوا آخر الأخبار على موقعنا: {title}"
DATELINE = "{city} {day} شوال 1436 هـ (وكالة الأنباء)"
STATEMENT = ("وقال البيان إن الوزارة ستواصل جهودها لحماية المستهلكين في جميع المناطق "
             "وتطبيق الأنظمة على المخالفين دون استثناء")


def _words(rng: random.Random, n: int) -> str:
    return " ".join("".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7)))
                    for _ in range(n))


def _paragraph(rng: random.Random) -> str:
    return _words(rng, rng.randint(15, 40)) + "."


def outlet(name: str, n: int = 60, days: int = 30, seed: int = 0, *, footer=True,
           glued=True, dateline=True, statement_in=0, statement_days=2) -> pd.DataFrame:
    """``n`` articles of a synthetic outlet over ``days`` days, with the chosen
    boilerplate; the quoted statement in the first ``statement_in`` articles, published on
    ``statement_days`` days, in mid-article."""
    rng = random.Random(seed)
    rows = []
    for index in range(n):
        title = _words(rng, 6)
        paragraphs = [_paragraph(rng) for _ in range(rng.randint(3, 6))]
        if index < statement_in:
            paragraphs.insert(1, STATEMENT)
            day = index % statement_days
        else:
            day = index % days
        if glued:
            paragraphs[-1] += " " + GLUED.format(title=title)
        if dateline:
            paragraphs.insert(0, DATELINE.format(city=_words(rng, 1), day=rng.randint(1, 29)))
        if footer:
            paragraphs.append(FOOTER.format(number=rng.randint(10_000, 99_999)))
        rows.append({"doc_id": f"{name}-{index}", "title": title, "source": name,
                     "published": pd.Timestamp("2015-07-01", tz="UTC") + pd.Timedelta(days=day),
                     "text": "\n".join(paragraphs)})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def corpus():
    return pd.concat([outlet("a", statement_in=12), outlet("b", seed=1, footer=False,
                                                           glued=False, dateline=False)],
                     ignore_index=True)


def test_footers_datelines_and_glued_runs_are_found_per_source(corpus):
    table = an.find_boilerplate(corpus)
    assert set(table.columns) >= {"source", "line", "articles", "share"}
    assert set(table["source"]) == {"a"}
    lines = dict(zip(table["line"], table["articles"], strict=True))
    assert lines["للتواصل مع المحرر أرسل رسالة إلى الرقم [number]"] == 60
    assert lines["تابعوا آخر الأخبار على موقعنا: [title]"] == 60
    assert lines["[number] [month] [number] هـ (وكالة الأنباء)"] == 60  # the city varies
    assert table.loc[table["source"] == "a", "share"].max() == 1.0


def test_removed_text_keeps_the_news_and_loses_the_boilerplate(corpus):
    cleaned = an.remove_boilerplate(corpus)
    assert cleaned[["doc_id", "title", "source", "published"]].equals(
        corpus[["doc_id", "title", "source", "published"]])
    a = cleaned[cleaned["source"] == "a"]
    assert not a["text"].str.contains("للتواصل مع المحرر").any()
    assert not a["text"].str.contains("تابعوا آخر الأخبار").any()
    assert not a["text"].str.contains("وكالة الأنباء").any()
    for before, after in zip(corpus["text"][:60], a["text"], strict=True):
        body = before.split("\n")[1:-1]
        body[-1] = body[-1].split(" تابعوا")[0]
        assert [line for line in after.split("\n") if line.strip()][1:] == body
    b = cleaned["source"] == "b"
    assert cleaned.loc[b, "text"].equals(corpus.loc[b, "text"])
    assert cleaned.attrs["boilerplate"].equals(an.find_boilerplate(corpus))


def test_a_statement_quoted_in_a_few_days_is_kept(corpus):
    cleaned = an.remove_boilerplate(corpus)
    assert cleaned["text"].str.contains(STATEMENT, regex=False).sum() == 12


def test_the_same_statement_spread_over_the_whole_period_at_the_edge_is_boilerplate():
    spread = outlet("a", statement_in=12, statement_days=12, footer=False, glued=False,
                    dateline=False)
    spread["text"] = spread["text"].map(
        lambda text: text.replace(STATEMENT + "\n", "") + "\n" + STATEMENT
        if STATEMENT in text else text)
    table = an.find_boilerplate(spread)
    assert table["articles"].tolist() == [12]
    # ... but not when it is quoted on two days only (the outlet still publishes on 30)
    quoting = spread["text"].str.contains(STATEMENT, regex=False)
    spread.loc[quoting, "published"] = pd.Timestamp("2015-07-01", tz="UTC") + \
        pd.to_timedelta(spread.index[quoting] % 2, unit="D")
    assert an.find_boilerplate(spread).empty


def _quoting(where: str, n: int = 300) -> pd.DataFrame:
    """``n`` articles over 30 days; the statement in 12 of them (4%, on 12 days), as the
    second of three paragraphs (``where="middle"``) or as the last one."""
    rng = random.Random(3)
    rows = []
    for index in range(n):
        paragraphs = [_paragraph(rng) for _ in range(3)]
        if index < 12:
            paragraphs.insert(1 if where == "middle" else 3, STATEMENT)
        rows.append({"text": "\n".join(paragraphs), "published": pd.Timestamp(
            "2015-07-01", tz="UTC") + pd.Timedelta(days=index % 30)})
    return pd.DataFrame(rows)


@pytest.mark.parametrize(("holding", "found"), [(45, True), (12, False)])
def test_a_line_on_most_articles_of_its_only_day_is_boilerplate(holding, found):
    """Share buttons that appear on the last day of a collection: one day, but on most of
    that day's articles (45 of 60); a statement quoted that day in 12 of 60 is news."""
    frame = outlet("a", n=300, footer=False, glued=False, dateline=False)
    last_day = pd.Timestamp("2015-07-31", tz="UTC")
    frame.loc[frame.index[:60], "published"] = last_day
    frame.loc[frame.index[:holding], "text"] = "شارك عبر تويتر فيسبوك واتساب\n" + \
        frame["text"][:holding]
    assert (not an.find_boilerplate(frame).empty) is found


def test_a_repeated_line_in_mid_article_is_kept_unless_very_common():
    assert an.find_boilerplate(_quoting("end"))["articles"].tolist() == [12]
    assert an.find_boilerplate(_quoting("middle")).empty
    assert an.find_boilerplate(_quoting("middle"), middle_share=0.04)["articles"].tolist() == [12]


@pytest.mark.parametrize(("minimum", "found"), [(12, True), (13, False)])
def test_min_articles_both_ways(minimum, found):
    frame = outlet("a", n=12, days=6, footer=True, glued=False, dateline=False)
    assert (not an.find_boilerplate(frame, min_articles=minimum, min_days=3).empty) is found


def test_markup_and_code_lines_are_removed_in_any_source_prose_is_kept():
    code = ("سؤال الاستطلاع .box_vote li { list-style: none; margin: 5px; } jQuery(document)"
            ".ready(function(){ jQuery('#vote').submit(function() { url = 1; }); });")
    prose = "قال الوزير: نعم؛ لا؛ ربما؛ سنرى؛ {ملاحظة} {أخرى} وانتهى الاجتماع."
    frame = pd.DataFrame({"text": [f"خبر أول.\n{code}\nخبر ثان.", prose],
                          "source": ["a", "b"]})
    cleaned = an.remove_boilerplate(frame)
    assert cleaned["text"].tolist() == ["خبر أول.\nخبر ثان.", prose]
    table = cleaned.attrs["boilerplate"]
    assert table["position"].tolist() == ["markup or code"]
    assert table["line"].iloc[0].startswith(".box_vote li {") and pd.isna(table["days"].iloc[0])


def test_without_source_column_the_corpus_is_one_source(corpus):
    one = corpus[corpus["source"] == "a"].drop(columns="source")
    table = an.find_boilerplate(one)
    assert set(table["source"]) == {""}
    assert len(table) == len(an.find_boilerplate(corpus[corpus["source"] == "a"]))
    assert not an.remove_boilerplate(one)["text"].str.contains("وكالة الأنباء").any()


@pytest.mark.parametrize(("holding", "found"), [(6, True), (4, False)])
def test_undated_sources_need_a_larger_share(holding, found):
    frame = outlet("a", n=100, glued=False, dateline=False).drop(columns="published")
    frame.loc[frame.index[holding:], "text"] = frame["text"][holding:].str.replace(
        r"\n[^\n]*$", "", regex=True)  # the footer only in the first `holding` articles
    assert (not an.find_boilerplate(frame, min_articles=4).empty) is found  # 5% needed


def test_seeds_and_tiny_corpora_have_no_boilerplate():
    seeds = an.load_corpus()
    cleaned = an.remove_boilerplate(seeds)
    assert cleaned["text"].equals(seeds["text"])
    assert cleaned.attrs["boilerplate"].empty
    assert "No boilerplate" in an.boilerplate_note(cleaned)
    assert "not removed" in an.boilerplate_note(seeds)


def test_the_cleaned_corpus_goes_through_pandas_concat_and_slicing(corpus):
    cleaned = an.remove_boilerplate(corpus)
    joined = pd.concat([cleaned.iloc[:50], cleaned.iloc[50:]])  # pandas compares their attrs
    assert joined.attrs["boilerplate"] == cleaned.attrs["boilerplate"]
    assert len(joined) == len(corpus)
    table = cleaned.attrs["boilerplate"]
    assert (table["articles"] == 60).all()  # columns still compare element by element


def test_the_input_is_left_as_it_is(corpus):
    before = corpus.copy()
    an.remove_boilerplate(corpus)
    pd.testing.assert_frame_equal(corpus, before)


def test_bad_thresholds_and_input_say_what_to_pass(corpus):
    with pytest.raises(ValueError, match="min_articles must be a positive integer"):
        an.find_boilerplate(corpus, min_articles=0)
    with pytest.raises(ValueError, match="min_share must be a share"):
        an.find_boilerplate(corpus, min_share=2)
    with pytest.raises(TypeError, match="unknown boilerplate threshold"):
        an.find_boilerplate(corpus, min_article=3)
    with pytest.raises(ValueError, match="'text' column"):
        an.find_boilerplate(corpus.drop(columns="text"))


def test_partitions_counted_apart_sum_to_the_whole(corpus):
    rules = BoilerplateRules()
    whole = count_partition(corpus, rules)
    parts = pd.concat([count_partition(part, rules) for part in
                       (corpus.iloc[:37], corpus.iloc[37:90], corpus.iloc[90:])])
    from arabic_news.prepare.boilerplate import articles_per_source, sum_counts
    keys = ["source", "kind", "template", "length", "day"]
    summed = sum_counts(parts).sort_values(keys).reset_index(drop=True)
    pd.testing.assert_frame_equal(summed, whole.sort_values(keys).reset_index(drop=True))
    sizes = articles_per_source(corpus)
    assert boilerplate_templates(whole, sizes, rules)["template"].is_unique


PIECES = [*LETTERS, *"أإآىة ً ّ ١٢٣0123 .،:/@-_\u00a0\u200f", "www.", ".com", " شوال ",
          " يوليو "]
line_text = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@given(line_text, st.sampled_from(["", "عنوان المقال هنا"]))
@settings(max_examples=300)
def test_line_template_and_its_words_agree(line, title):
    fields = {templates.TITLE: templates.field_template(title)} if title else {}
    words = templates.line_words(line, 0, len(line), fields)
    assert " ".join(word[templates.KEY] for word in words) == \
        templates.line_template(line, fields)
    assert all(0 <= start < end <= len(line) for start, end, _ in words)


@given(st.lists(line_text, min_size=1, max_size=30))
@settings(max_examples=50)
def test_removal_only_deletes_characters(texts):
    frame = pd.DataFrame({"text": [text or "x" for text in texts] * 12,
                          "published": pd.Timestamp("2015-07-01", tz="UTC")})
    cleaned = an.remove_boilerplate(frame, min_articles=3, min_days=1, undated_share=0.0)
    for before, after in zip(frame["text"], cleaned["text"], strict=True):
        iterator = iter(before)
        assert all(char in iterator for char in after)  # a subsequence of the original


@pytest.fixture(scope="module")
def saudi():
    if not SAUDI.exists():
        pytest.skip(f"the shared Saudi corpus is absent ({SAUDI.name} not in ../shared/corpora)")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # about 300 blank texts, each left out with a warning
        return an.load_corpus(SAUDI, text_column="content", date_column="date_extracted",
                              on_error="skip", progress=False)


def test_saudi_boilerplate_is_found_and_removed_once(saudi):
    cleaned = an.remove_boilerplate(saudi)
    table = cleaned.attrs["boilerplate"]
    assert table["source"].nunique() >= 3
    assert 0 < table["words"].sum() / table.attrs["words"] < 0.01
    again = an.find_boilerplate(cleaned)
    assert again["articles"].sum() < 0.05 * table["articles"].sum()


def must_not_run(what: str):
    """A stand-in for a step a cached call must skip: calling it fails the test."""
    def ran(*args, **kwargs):
        raise AssertionError(f"{what} again")
    return ran


def test_what_is_found_is_kept_on_disk_and_never_served_stale(corpus, tmp_path, monkeypatch):
    """A second call reads the entry; a changed article or rule makes a new key, so the
    boilerplate is found again and what is served is always that of the corpus given."""
    from arabic_news.prepare import boilerplate

    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(tmp_path / "cache"))
    first = an.remove_boilerplate(corpus, cache=True)
    assert list((tmp_path / "cache" / "boilerplate").glob("*.json"))

    with monkeypatch.context() as patched:
        patched.setattr(boilerplate, "_chosen", must_not_run("the boilerplate was counted"))
        again = an.remove_boilerplate(corpus, cache=True)
    pd.testing.assert_frame_equal(again, first)
    pd.testing.assert_frame_equal(again.attrs["boilerplate"], first.attrs["boilerplate"])
    assert an.boilerplate_note(again) == an.boilerplate_note(first)

    changed = corpus.copy()
    changed.loc[changed.index[:40], "text"] = changed["text"].iloc[:40].str.replace(
        "للتواصل مع المحرر", "نص آخر", regex=False)
    fresh = an.remove_boilerplate(changed, cache=True)
    pd.testing.assert_frame_equal(fresh.attrs["boilerplate"],
                                  an.remove_boilerplate(changed, cache=False).attrs["boilerplate"])
    assert not fresh.attrs["boilerplate"].equals(first.attrs["boilerplate"])
    stricter = an.find_boilerplate(corpus, cache=True, min_articles=1000)
    assert stricter.empty and not first.attrs["boilerplate"].empty


def test_a_damaged_entry_is_found_again(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(tmp_path / "cache"))
    first = an.find_boilerplate(corpus, cache=True)
    for part in (tmp_path / "cache" / "boilerplate").glob("*.parquet"):
        part.write_bytes(b"not parquet")
    pd.testing.assert_frame_equal(an.find_boilerplate(corpus, cache=True), first)


def test_the_cleaned_texts_are_kept_and_read_back_never_stale(corpus, tmp_path, monkeypatch):
    """The texts a removal changed are kept beside the templates: the next call reads them
    instead of cutting again, and gives the same corpus; a corpus with one text changed
    (same templates) is cut again where the entry no longer matches it."""
    from arabic_news.prepare import boilerplate

    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(tmp_path / "cache"))
    first = an.remove_boilerplate(corpus, cache=True)
    assert list((tmp_path / "cache" / "boilerplate-edits").glob("*-edits.parquet"))
    assert not first["text"].equals(corpus["text"])

    with monkeypatch.context() as patched:
        patched.setattr(boilerplate, "clean_partition", must_not_run("the texts were cut"))
        again = an.remove_boilerplate(corpus, cache=True)
    pd.testing.assert_frame_equal(again, first)

    changed = corpus.copy()
    changed.loc[changed.index[-1], "text"] = corpus["text"].iloc[-1] + " كلمة"
    fresh = an.remove_boilerplate(changed, cache=True)
    pd.testing.assert_frame_equal(fresh, an.remove_boilerplate(changed, cache=False))
    assert fresh["text"].iloc[-1].endswith(" كلمة")


def test_damaged_cleaned_texts_are_cut_again(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(tmp_path / "cache"))
    first = an.remove_boilerplate(corpus, cache=True)
    for part in (tmp_path / "cache" / "boilerplate-edits").glob("*.parquet"):
        part.write_bytes(b"not parquet")
    pd.testing.assert_frame_equal(an.remove_boilerplate(corpus, cache=True), first)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(max_size=8), min_size=1, max_size=20), st.data(),
       st.sampled_from(["str", "object", "string[pyarrow]"]))
def test_texts_put_back_at_their_rows_equal_a_column_rebuilt_from_python(values, data, dtype):
    """The kept edits are put back by Arrow for a column of Arrow strings: the same column
    (values, type, index, name) as putting them into a list and building it again."""
    column = pd.Series(values, dtype=dtype, index=range(10, 10 + len(values)), name="text")
    rows = data.draw(st.lists(st.integers(0, len(values) - 1), unique=True, max_size=len(values)))
    texts = data.draw(st.lists(st.text(max_size=8), min_size=len(rows), max_size=len(rows)))
    expected = column.tolist()
    for row, text in zip(rows, texts, strict=True):
        expected[row] = text
    found = boilerplate.with_texts_at(column, np.array(rows, dtype=np.int64), texts)
    pd.testing.assert_series_equal(
        found, pd.Series(expected, dtype=dtype, index=column.index, name="text"))
