"""``partition_digest`` keys every cached result: equal partitions must give equal digests,
and any change to one value (a missing value, an empty text, a cut moved between two texts,
a date) must give another, whatever the column's storage (Arrow, object, categorical,
sliced or chunked)."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_news.corpus.results_cache import partition_digest

texts = st.lists(st.one_of(st.none(), st.text(max_size=12)), min_size=0, max_size=8)


def frame(values, dtype="str") -> pd.DataFrame:
    return pd.DataFrame({"text": pd.Series(values, dtype=dtype)})


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_digests_are_equal_exactly_when_the_texts_are(first, second):
    assert (partition_digest(frame(first)) == partition_digest(frame(second))) == \
        (first == second)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_the_digest_does_not_depend_on_how_the_column_is_stored(values):
    expected = partition_digest(frame(values))
    padded = frame(["before", *values, "after"])
    assert partition_digest(padded.iloc[1:len(values) + 1]) == expected  # a slice
    assert partition_digest(frame(values, dtype=object)) == expected
    halves = pd.concat([frame(values[:len(values) // 2]), frame(values[len(values) // 2:])],
                       ignore_index=True)  # two chunks
    assert partition_digest(halves) == expected
    assert partition_digest(frame(values, dtype="category")) == expected


def test_missing_differs_from_empty_and_cuts_between_texts_count():
    assert partition_digest(frame([None])) != partition_digest(frame([""]))
    assert partition_digest(frame(["ab", "c"])) != partition_digest(frame(["a", "bc"]))
    assert partition_digest(frame([])) != partition_digest(frame([""]))


def test_dates_numbers_and_column_names_are_part_of_the_digest():
    dated = pd.DataFrame({"published": pd.to_datetime(["2020-01-01", None], utc=True),
                          "words": [3, 4]})
    later = dated.assign(published=pd.to_datetime(["2020-01-02", None], utc=True))
    undated = dated.assign(published=pd.to_datetime([None, None], utc=True))
    renamed = dated.rename(columns={"words": "tokens"})
    digests = {partition_digest(f) for f in (dated, later, undated, renamed,
                                             dated.assign(words=[3, 5]))}
    assert len(digests) == 5
    assert partition_digest(dated) == partition_digest(dated.copy(deep=True))


def test_columns_of_mixed_python_objects_are_hashed_value_by_value():
    mixed = pd.DataFrame({"extra": pd.Series([1, "1", None], dtype=object)})
    other = pd.DataFrame({"extra": pd.Series([1, "2", None], dtype=object)})
    assert partition_digest(mixed) == partition_digest(mixed.copy())
    assert partition_digest(mixed) != partition_digest(other)
