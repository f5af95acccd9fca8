"""The chart helpers and save_figure (the glyph-level label proofs live in tests/rendering)."""

import datetime as dt

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import arabic_news as an  # noqa: E402
from arabic_news.plotting.charts import shorten  # noqa: E402

TERMS = ["روسيا", "حلب", "مجلس الأمن", "G20"]


@pytest.fixture(autouse=True)
def style_and_cleanup():
    an.use_arabic_style()
    yield
    plt.close("all")


def tick_texts(labels):
    return [label.get_text() for label in labels]


def test_bar_terms_reads_top_down_with_labels_prepared_by_ar():
    ax = an.bar_terms(TERMS, [9, 7, 4, 1], title="الكلمات", xlabel="occurrences")
    assert tick_texts(ax.get_yticklabels()) == [an.ar(term) for term in TERMS]
    top, bottom = ax.get_ylim()[1], ax.get_ylim()[0]
    assert top < bottom, "the y axis is inverted so that rank 1 is at the top"
    assert [label.get_ha() for label in ax.get_yticklabels()] == ["right"] * 4
    widths = [patch.get_width() for patch in ax.patches]
    assert widths == [9, 7, 4, 1]
    assert ax.get_title() == an.ar("الكلمات")


def test_bar_terms_validates_and_limits():
    ax = an.bar_terms(TERMS, [9, 7, 4, 1], top=2)
    assert len(ax.patches) == 2
    with pytest.raises(ValueError, match="4 terms for 3 values"):
        an.bar_terms(TERMS, [1, 2, 3])
    with pytest.raises(ValueError, match="empty"):
        an.bar_terms([], [])


def test_heatmap_labels_both_axes_and_checks_the_shape():
    labels = ["موسكو تعلن مشاركتها بصدّ هجوم المسلحين في حلب", "روسيا تقف سدا"]
    ax = an.heatmap(np.array([[1.0, 0.2], [0.2, 1.0]]), labels, max_label_chars=20)
    expected = [an.ar(shorten(label, 20)) for label in labels]
    assert tick_texts(ax.get_yticklabels()) == expected
    assert tick_texts(ax.get_xticklabels()) == expected
    assert sorted(text.get_text() for text in ax.texts) == ["0.20", "0.20", "1.00", "1.00"]
    with pytest.raises(ValueError, match="does not fit"):
        an.heatmap(np.ones((2, 3)), labels)


def test_shorten_cuts_at_a_word_boundary():
    assert shorten("روسيا تقف سدا في وجه تسلل", 12) == "روسيا تقف…"
    assert shorten("  قصير  ", 12) == "قصير"


def test_timeline_lines_draw_one_line_per_column_with_arabic_legend():
    index = pd.date_range("2016-08-01", periods=3, freq="W-MON")
    table = pd.DataFrame({"حلب": [1.0, 0.0, 2.0], "روسيا": [3.0, 1.0, 0.0]}, index=index)
    ax = an.timeline(table, title="تكرار", ylabel="per 10,000 terms")
    assert len(ax.lines) == 2
    assert tick_texts(ax.get_legend().get_texts()) == [an.ar("روسيا"), an.ar("حلب")]


def test_timeline_events_label_each_point_in_date_order():
    events = pd.DataFrame({
        "date": [pd.Timestamp("2016-11-17"), pd.Timestamp("2016-07-30")],
        "label": ["أمس الخميس", "يوم السبت الماضي"],
        "when": ["2016-11-17", "2016-07-30"],
        "mentions": [1, 2],
    })
    ax = an.timeline(events, kind="events")
    texts = [text.get_text() for text in ax.texts]
    assert texts == [an.ar("يوم السبت الماضي\n2016-07-30"), an.ar("أمس الخميس\n2016-11-17")]
    with pytest.raises(ValueError, match="kind"):
        an.timeline(events, kind="pie")
    with pytest.raises(TypeError, match="expected dates"):
        an.timeline(pd.DataFrame({"date": ["soon"], "label": ["x"]}), kind="events")


def draw():
    ax = an.bar_terms(TERMS, [9, 7, 4, 1], title="الكلمات الأكثر تكرارا")
    ax2 = an.timeline(pd.DataFrame({"date": [dt.date(2016, 8, 1)], "label": ["اليوم الإثنين"]}),
                      kind="events")
    return ax.figure, ax2.figure


def test_save_figure_is_byte_identical_when_re_run(tmp_path):
    def save_all(folder):
        return [path.read_bytes() for number, fig in enumerate(draw())
                for path in an.save_figure(fig, f"figure{number}", directory=tmp_path / folder)]

    first = save_all("a")
    plt.close("all")
    second = save_all("b")
    assert len(first) == 4
    assert first == second
    svg = next((tmp_path / "a").glob("*.svg")).read_text(encoding="utf-8")
    assert "<dc:date>" not in svg


def test_save_figure_writes_requested_formats_and_validates(tmp_path):
    fig, _ = draw()
    paths = an.save_figure(fig, "chart", directory=tmp_path / "new", formats=("png",))
    assert [path.name for path in paths] == ["chart.png"]
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ValueError, match="unknown format"):
        an.save_figure(fig, "chart", directory=tmp_path, formats=("gif",))
    with pytest.raises(ValueError, match="plain file name"):
        an.save_figure(fig, "../chart", directory=tmp_path)


def _disjoint(boxes) -> bool:
    return all(not (a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1)
               for number, a in enumerate(boxes) for b in boxes[number + 1:])


def test_event_labels_never_overlap_and_stay_inside_the_figure():
    from arabic_news.plotting.charts import text_box

    events = pd.DataFrame({
        "date": pd.date_range("2016-07-01", periods=15, freq="D").tolist(),
        "label": ["اجتماع مجلس الأمن الدولي بشأن سوريا"] * 15,
        "granularity": ["day"] * 15, "mentions": list(range(15, 0, -1))})
    ax = an.timeline(events, kind="events")
    fig = ax.figure
    fig.canvas.draw()
    boxes = [text_box(text) for text in ax.texts if text.get_text().strip() and
             hasattr(text, "xyann")]
    assert len(boxes) == 15
    assert _disjoint(boxes)
    inside = fig.bbox
    assert all(inside.x0 - 1 <= box.x0 and box.x1 <= inside.x1 + 1 and box.y1 <= inside.y1
               for box in boxes if box.x1 > inside.x0)
    # labels are placed most mentioned first: the first one sits lowest
    assert boxes[0].y0 == min(box.y0 for box in boxes)


def test_relative_mentions_are_one_bar_per_date_below_the_axis_without_labels():
    events = pd.DataFrame({"date": [pd.Timestamp("2016-11-01")], "label": ["نوفمبر"],
                           "granularity": ["month"], "mentions": [1]})
    relative = pd.DataFrame({"date": pd.to_datetime(["2016-10-30", "2016-10-31"]),
                             "articles": [3, 6]})
    ax = an.timeline(events, kind="events", relative=relative)
    heights = sorted(patch.get_height() for patch in ax.patches)
    assert heights == [-1.0, -0.5]  # as deep as the articles, the deepest 1
    assert len([text for text in ax.texts if hasattr(text, "xyann")]) == 1


def test_many_series_become_the_largest_and_an_explicit_other_line():
    index = pd.date_range("2016-08-01", periods=10, freq="D")
    table = pd.DataFrame({f"s{n}": np.full(10, 20 - n) for n in range(12)}, index=index)
    ax = an.timeline(table, max_series=5, language="en")
    labels = tick_texts(ax.get_legend().get_texts())
    assert labels[:4] == ["s0", "s1", "s2", "s3"] and labels[4] == "other (8)"
    other = ax.lines[4].get_ydata()
    assert np.allclose(other[~np.isnan(other)], sum(20 - n for n in range(4, 12)))
    fig = ax.figure
    fig.canvas.draw()
    legend, axes = ax.get_legend().get_window_extent(), ax.get_window_extent()
    assert legend.x0 >= axes.x1 - 1 or legend.y1 <= axes.y0 + 1, "the legend is off the data"
    assert legend.x1 <= fig.bbox.x1 + 1


def test_a_period_without_any_article_is_a_gap_not_a_zero():
    index = pd.date_range("2016-08-01", periods=8, freq="D")
    table = pd.DataFrame({"A": pd.array([3, 2, pd.NA, 4, 3, 2, 5, 4], dtype="Int64"),
                          "B": pd.array([1, 0, pd.NA, 2, 1, 1, 2, 3], dtype="Int64")},
                         index=index)
    ax = an.timeline(table)
    for line in ax.lines:
        values = np.asarray(line.get_ydata(), dtype=float)
        assert np.isnan(values[2]) and np.isnan(values).sum() == 1
    assert 0.0 in np.asarray(ax.lines[1].get_ydata(), dtype=float)  # B's real zero is kept


def test_event_labels_side_by_side_keep_a_visible_gap():
    # Monthly events a month apart, as a year of news gives them: labels on one level must
    # not touch (two Arabic dates side by side without a gap read as one phrase), even with
    # the white box drawn behind each label.
    from arabic_news.plotting.charts import text_box

    months = pd.date_range("2017-09-01", periods=14, freq="MS")
    events = pd.DataFrame({"date": months.tolist(),
                           "label": ["سبتمبر الماضي", "أكتوبر الماضي", "نوفمبر الماضي",
                                     "ديسمبر", "يناير", "فبراير", "مارس", "أبريل", "مايو",
                                     "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر"],
                           "granularity": ["month"] * 14,
                           "mentions": [255, 324, 415, 538, 768, 769, 971, 871, 1152, 878,
                                        632, 397, 381, 228]})
    relative = pd.DataFrame({"date": pd.date_range("2018-02-01", "2018-10-15", freq="D"),
                             "articles": 5})
    ax = an.timeline(events, kind="events", relative=relative)
    fig = ax.figure
    fig.canvas.draw()
    boxes = [text_box(text) for text in ax.texts if text.get_text().strip() and
             hasattr(text, "xyann")]
    gap = 3 * fig.dpi / 72
    for number, one in enumerate(boxes):
        for other in boxes[number + 1:]:
            if one.y0 < other.y1 and other.y0 < one.y1:  # on one level
                apart = max(one.x0 - other.x1, other.x0 - one.x1)
                assert apart >= gap, f"two labels {apart:.1f} px apart on one level"
