"""One language per chart, integer ticks for counts, sparse series not drawn as trends."""

import datetime as dt

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import arabic_news as an  # noqa: E402
from arabic_news.plotting.charts import ANNOTATION_SIZE, DateTicks, is_sparse  # noqa: E402
from arabic_news.plotting.language import MONTHS, format_date, word  # noqa: E402

ARABIC = "\u0600-\u06ff"


@pytest.fixture(autouse=True)
def style_and_cleanup():
    an.use_arabic_style()
    yield
    an.use_arabic_style()  # back to the default, Arabic
    plt.close("all")


def all_texts(fig):
    """Every piece of text the figure draws (titles, labels, ticks, legends, annotations)."""
    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip()]


def has_latin_letters(text):
    return any("a" <= c.lower() <= "z" for c in text)


def weekly_table():
    index = pd.date_range("2016-08-01", periods=16, freq="W-MON")
    counts = np.zeros(16)
    counts[[0, 15]] = 1
    return pd.DataFrame({"articles": counts}, index=index)


def test_arabic_charts_have_no_english_furniture():
    ax = an.timeline(weekly_table(), title="عدد المقالات عبر الزمن", ylabel="articles")
    texts = all_texts(ax.figure)
    assert ax.get_ylabel() == an.ar("عدد المقالات")
    assert not [t for t in texts if has_latin_letters(t)], texts
    assert any(name in " ".join(texts) for name in MONTHS["ar"])
    bars = an.bar_terms(["روسيا", "حلب"], [14, 8], title="الكلمات", xlabel="occurrences")
    assert not [t for t in all_texts(bars.figure) if has_latin_letters(t)]


def test_english_is_the_other_choice_and_is_checked():
    an.use_arabic_style(language="en")
    ax = an.timeline(weekly_table(), title="Articles", ylabel="articles")
    texts = " ".join(all_texts(ax.figure))
    assert ax.get_ylabel() == "articles"
    assert "August" in texts or "Aug" in texts
    assert not any(c for c in texts if "\u0600" <= c <= "\u06ff")
    with pytest.raises(ValueError, match="'ar' .* or 'en'"):
        an.use_arabic_style(language="fr")
    with pytest.raises(ValueError, match="'ar'"):
        an.bar_terms(["a"], [1], language="de")


def test_dates_are_written_without_the_system_locale():
    day = dt.date(2016, 11, 17)
    assert format_date(day, "day", "ar", weekday=True) == "الخميس 17 نوفمبر 2016"
    assert format_date(day, "week", "ar") == "أسبوع 17 نوفمبر 2016"
    assert format_date(day, "month", "en") == "November 2016"
    assert format_date(day, "year", "ar") == "2016"
    assert word("per 10,000 terms", "ar") == "لكل 10,000 كلمة"
    assert word("(unknown)", "en") == "unknown"
    with pytest.raises(ValueError, match="granularity"):
        format_date(day, "hour", "ar")


def test_date_ticks_name_months_and_add_the_year_when_it_changes():
    values = matplotlib.dates.date2num([dt.datetime(2016, 11, 1), dt.datetime(2016, 12, 1),
                                        dt.datetime(2017, 1, 1)])
    assert DateTicks("ar").format_ticks(values) == [an.ar(s) for s in
                                                    ["نوفمبر\n2016", "ديسمبر", "يناير\n2017"]]
    days = matplotlib.dates.date2num([dt.datetime(2016, 8, 1), dt.datetime(2016, 8, 15)])
    assert DateTicks("en").format_ticks(days) == ["1 August\n2016", "15 August"]


def test_counts_get_integer_ticks():
    ax = an.bar_terms(["روسيا", "حلب"], [2, 1])
    ax.figure.canvas.draw()
    assert all(float(tick).is_integer() for tick in ax.get_xticks())
    ax = an.timeline(weekly_table())
    ax.figure.canvas.draw()
    assert all(float(tick).is_integer() for tick in ax.get_yticks())


def test_sparse_series_are_stems_and_markers_not_lines():
    assert is_sparse([1, 0, 0, 0, 0, 0, 0, 1])
    assert is_sparse([np.nan, 3.0])
    assert not is_sparse([1, 2, 3, 4, 5, 6, 0])
    two_points = pd.DataFrame({"حلب": [12.0, 30.0]},
                              index=pd.to_datetime(["2016-08-01", "2016-11-14"]))
    ax = an.timeline(two_points)
    (line,) = ax.lines
    assert line.get_linestyle() == "None", "two observations months apart are not joined"
    assert len(ax.collections) == 1, "each observation has its stem"


def test_dense_series_break_where_periods_are_missing():
    index = pd.date_range("2016-01-04", periods=10, freq="W-MON").delete([4, 5])
    table = pd.DataFrame({"حلب": np.arange(1.0, 9.0)}, index=index)
    ax = an.timeline(table)
    (line,) = ax.lines
    assert line.get_linestyle() == "-"
    assert np.isnan(line.get_ydata()).sum() == 1, "one break across the two missing weeks"


def test_event_labels_write_the_date_in_the_chart_language_at_readable_size():
    events = pd.DataFrame({"date": [pd.Timestamp("2016-11-14")], "label": ["الأسبوع الماضي"],
                           "granularity": ["week"], "mentions": [2]})
    ax = an.timeline(events, kind="events")
    assert [t.get_text() for t in ax.texts] == [an.ar("الأسبوع الماضي\nأسبوع 14 نوفمبر 2016")]
    assert ax.texts[0].get_fontsize() >= ANNOTATION_SIZE >= 10
