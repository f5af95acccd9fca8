"""The lessons' lens charts: Arabic labels in written form, RTL sides, identical files."""

from collections import Counter

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import arabic_news as an  # noqa: E402
from arabic_news import analysis  # noqa: E402
from arabic_news.plotting import ar  # noqa: E402
from arabic_news.plotting.lenses import (  # noqa: E402
    collocation_chart,
    keyness_chart,
    topic_share_chart,
)


@pytest.fixture(autouse=True)
def style():
    an.use_arabic_style()
    yield
    plt.close("all")


def collocates():
    return analysis.collocations(an.load_corpus()["text"], "روسيا", min_freq=1)


def test_collocation_chart_puts_before_on_the_right_with_written_forms():
    table = collocates()
    forms = {table["collocate"].iloc[0]: "الشكلُ المكتوب"}
    ax = collocation_chart(table, forms=forms, n=5)
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    assert labels[0] == ar("الشكلُ المكتوب") and len(labels) == 5
    widths = [patch.get_width() for patch in ax.patches]
    assert all(width >= 0 for width in widths[:5]) and all(width <= 0 for width in widths[5:10])
    assert ax.yaxis.get_ticks_position() == "right"


def test_keyness_chart_labels_key_terms_on_their_side():
    table = analysis.keyness(Counter({"حلب": 40, "روسيا": 10, "قال": 30}),
                             Counter({"حلب": 2, "روسيا": 30, "قال": 30}))
    ax = keyness_chart(table, "أ", "ب", forms={"روسيا": "روسيا"})
    texts = {text.get_text(): text for text in ax.texts}
    assert ar("حلب") in texts and ar("روسيا") in texts
    assert texts[ar("حلب")].get_position()[0] > 0 > texts[ar("روسيا")].get_position()[0]
    assert ar("أكثر في أ") in texts and ar("أكثر في ب") in texts
    english = keyness_chart(table, "A", "B", language="en")
    assert {"more in A", "more in B"} <= {text.get_text() for text in english.texts}


def test_keyness_chart_labels_the_strongest_terms_first_and_spread_ones_only():
    # "common" has the most evidence (G²) on side A, "rare" the largest effect; with one
    # label per side, the strongest is labelled. "solo" is in one article only.
    a = ["common " * 30 + "rare rare " + " ".join(f"a{n}_{i}" for i in range(40))
         for n in range(6)] + ["solo " * 40]
    b = ["common " * 3 + " ".join(f"b{n}_{i}" for i in range(60)) for n in range(6)]
    corpus = pd.DataFrame({"text": a + b, "side": [True] * 7 + [False] * 6})
    table = analysis.keyness_between(corpus, "side", analyzer=str.split)
    labelled = {text.get_text() for text in keyness_chart(table, "A", "B", n_labels=1,
                                                          language="en").texts}
    assert "common" in labelled and "rare" not in labelled and "solo" not in labelled
    by_effect = table[table["used_more_in"] == "a"].sort_values("log_ratio", ascending=False)
    assert by_effect["term"].iloc[0] == "solo"  # the one-article term has the largest effect


def test_topic_share_chart_has_one_row_per_topic():
    shares = pd.DataFrame([[0.7, 0.3], [0.2, 0.8]],
                          index=pd.to_datetime(["2018-01-01", "2018-02-01"]))
    ax = topic_share_chart(shares, ["حلب، روسيا", "النفط، الاسعار"])
    assert [tick.get_text() for tick in ax.get_yticklabels()] == [
        ar("حلب، روسيا"), ar("النفط، الاسعار")]
    assert [tick.get_text() for tick in ax.get_xticklabels()] == [ar("يناير 2018"),
                                                                  ar("فبراير 2018")]
    english = topic_share_chart(shares, ["a", "b"], language="en")
    assert [tick.get_text() for tick in english.get_xticklabels()] == ["January 2018",
                                                                       "February 2018"]


def test_topic_share_chart_shows_a_period_without_documents_as_a_blank_column():
    shares = pd.DataFrame([[0.7, 0.3], [0.2, 0.8]],
                          index=pd.to_datetime(["2018-01-01", "2018-04-01"]))
    shares.attrs["frequency"] = "MS"
    ax = topic_share_chart(shares, ["حلب، روسيا", "النفط، الاسعار"], language="en")
    image = ax.get_images()[0].get_array()
    assert image.shape == (2, 4)  # January to April: February and March are there, blank
    assert image.mask[:, 1:3].all() and not image.mask[:, [0, 3]].any()


def test_figures_are_byte_identical_when_made_twice(tmp_path):
    contents = []
    for run in range(2):
        ax = collocation_chart(collocates(), title="ما يرافق «روسيا»")
        paths = an.save_figure(ax.figure, "collocates", tmp_path / str(run))
        contents.append([path.read_bytes() for path in paths])
        plt.close(ax.figure)
    assert contents[0] == contents[1]


def test_empty_or_wrong_tables_are_refused():
    with pytest.raises(ValueError, match="collocations"):
        collocation_chart(pd.DataFrame({"collocate": ["a"]}))
    with pytest.raises(ValueError, match="keyness"):
        keyness_chart(pd.DataFrame({"term": ["a"]}), "أ", "ب")
    with pytest.raises(ValueError, match="labels"):
        topic_share_chart(pd.DataFrame([[1.0]], index=pd.to_datetime(["2018-01-01"])), [])


def test_keyness_labels_never_overlap_and_stay_inside_the_axes():
    from matplotlib.text import Text

    rng = np.random.default_rng(0)
    a = Counter({f"كلمة{n}": int(count) for n, count in enumerate(rng.integers(50, 400, 60))})
    b = Counter({f"كلمة{n}": int(count) for n, count in enumerate(rng.integers(50, 400, 60))})
    table = analysis.keyness(a, b)
    ax = keyness_chart(table, "أ", "ب", n_labels=12, min_docs=None)
    figure = ax.figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    labels = [text for text in ax.texts if hasattr(text, "xyann")]
    assert len(labels) >= 8
    boxes = [Text.get_window_extent(label, renderer) for label in labels]
    assert not any(one.overlaps(other) for number, one in enumerate(boxes)
                   for other in boxes[number + 1:])
    inside = ax.get_window_extent(renderer)
    assert all(inside.x0 <= box.x0 and box.x1 <= inside.x1 and box.y1 <= inside.y1
               for box in boxes)


def test_keyness_labels_keep_a_gap_so_two_words_never_read_as_one():
    # Two labels of side B, one exactly where the other ends: boxes that only touch do not
    # "overlap", but two Arabic words side by side without a space read as one word.
    from matplotlib.text import Text

    def table(with_second: float | None):
        rows = [("بعيدة", -8.0, 5.0, False, "b"), ("العليا", 3.0, 500.0, True, "a"),
                ("الطوارئ", -2.0, 100.0, True, "b")]
        if with_second is not None:
            rows.append(("البلدية", with_second, 99.0, True, "b"))
        return pd.DataFrame(rows, columns=["term", "log_ratio", "g2", "significant",
                                           "used_more_in"])

    def label_boxes(ax):
        renderer = ax.figure.canvas.get_renderer()
        return {label.get_text(): Text.get_window_extent(label, renderer)
                for label in ax.texts if hasattr(label, "xyann")}

    alone = keyness_chart(table(None), "أ", "ب", min_docs=None)
    first = label_boxes(alone)[ar("الطوارئ")]
    to_data = alone.transData.inverted()
    # the second point's first place ends (right-aligned, 5 points left of it) half a pixel
    # before the first label begins
    five_points = 5 * alone.figure.dpi / 72
    x_pixels = first.x0 - 0.5 + five_points
    y_pixels = alone.transData.transform((-2.0, 99.0))[1]
    second_x = float(to_data.transform((x_pixels, y_pixels))[0])
    plt.close(alone.figure)

    ax = keyness_chart(table(second_x), "أ", "ب", min_docs=None)
    boxes = label_boxes(ax)
    if ar("البلدية") in boxes:
        one, other = boxes[ar("الطوارئ")], boxes[ar("البلدية")]
        gap = max(one.x0 - other.x1, other.x0 - one.x1, one.y0 - other.y1, other.y0 - one.y1)
        assert gap >= 2 * ax.figure.dpi / 72, f"labels {gap:.1f} px apart"
