"""Charts of lessons 05-06: collocates around a term, keyness, topic shares over time.

Every label goes through ``ar()``; callers pass words in their written form (see
``an.display_forms``). One language per chart: the furniture (axis labels, side captions,
dates) is written in ``language`` ("ar" by default, see :mod:`.language`), and the caller
gives the title and the parts' names in the same language.
Right-to-left conventions: what comes *before* a word in Arabic is written to its right, so
the collocation chart puts "before" on the right; the keyness chart puts part A (positive
log ratio) on the right, where an Arabic reader starts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import PowerNorm
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter

from .bidi import ar
from .charts import LABEL_GAP_POINTS, overlaps_any, shorten
from .language import check_language, format_date

FURNITURE = {
    "before": {"ar": "قبلها", "en": "before"},
    "after": {"ar": "بعدها", "en": "after"},
    "window count": {"ar": "عدد المرات في النافذة: بعد الكلمة (يسارا) وقبلها (يمينا)",
                     "en": "occurrences in the window: after the word (left), before it (right)"},
    "threshold": {"ar": "عتبة الدلالة", "en": "significance threshold"},
    "none significant": {"ar": "لا فرق دالّ إحصائيا بعد التصحيح",
                         "en": "no significant difference after the correction"},
    "more in": {"ar": "أكثر في {}", "en": "more in {}"},
    "effect": {"ar": "حجم الفرق: لوغاريتم نسبة التكرارين (أساس 2)",
               "en": "size of the difference: log ratio (base 2)"},
    "evidence": {"ar": "قوة الدليل: نسبة الأرجحية اللوغاريتمية",
                 "en": "evidence: log-likelihood G²"},
    "share": {"ar": "النسبة المئوية من المقالات", "en": "percentage of the articles"},
}


def _say(key: str, language: str) -> str:
    return FURNITURE[key][language]

BEFORE_COLOR, AFTER_COLOR = "#2a6f97", "#c9733b"
SIDE_COLORS = {"a": "#2a6f97", "b": "#c44e52"}
NEUTRAL = "#b5b5b5"


def _axes(ax, figsize):
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _written(terms, forms: Mapping[str, str] | None) -> list[str]:
    forms = forms or {}
    return [forms.get(str(term), str(term)) for term in terms]


def collocation_chart(table: pd.DataFrame, *, forms: Mapping[str, str] | None = None, n=15,
                      title=None, ax=None, language=None):
    """Collocates of a term as two-sided bars: occurrences before it (right) and after (left).

    ``table`` comes from ``collocations(..., term=...)`` (columns collocate, before, after),
    in the order to show (rank 1 at the top); ``forms`` maps each collocate to its written
    form. Returns the Axes.
    """
    language = check_language(language)
    missing = {"collocate", "before", "after"} - set(table.columns)
    if missing:
        raise ValueError(f"table lacks {sorted(missing)}: pass collocations(..., term=...)")
    if len(table) == 0:
        raise ValueError("nothing to draw: the table has no collocate")
    shown = table.head(n)
    labels = _written(shown["collocate"], forms)
    before = shown["before"].to_numpy(dtype=float)
    after = shown["after"].to_numpy(dtype=float)
    ax = _axes(ax, (8, 1.2 + 0.34 * len(shown)))
    positions = np.arange(len(shown))
    ax.barh(positions, before, color=BEFORE_COLOR)
    ax.barh(positions, -after, color=AFTER_COLOR)
    ax.axvline(0, color="#555555", linewidth=0.8)
    ax.set_yticks(positions, [ar(label) for label in labels])
    ax.yaxis.tick_right()
    ax.invert_yaxis()
    limit = max(before.max(), after.max()) * 1.1 or 1.0
    ax.set_xlim(-limit, limit)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{abs(value):g}"))
    for x, key, color in ((0.75, "before", BEFORE_COLOR), (0.25, "after", AFTER_COLOR)):
        ax.text(x, 1.01, ar(_say(key, language)), transform=ax.transAxes, ha="center", va="bottom",
                color=color, fontsize=11)
    ax.spines[["top", "left"]].set_visible(False)
    ax.set_xlabel(ar(_say("window count", language)))
    if title:
        ax.set_title(ar(title), pad=24)
    return ax


def _offsets(side: str, steps: int = 7):
    """Candidate places of a label relative to its point, in points: beside it first, then
    above and below it, further and further."""
    direction = 1 if side == "a" else -1
    for dy in [2] + [sign * 12 * step for step in range(1, steps + 1) for sign in (1, -1)]:
        for dx in (5, 30, 60):
            yield direction * dx, dy


def _label_points(ax, points: pd.DataFrame, forms, side: str, placed: list) -> None:
    """Annotate points, each at the first place near it where its rendered text comes no
    closer than ``LABEL_GAP_POINTS`` to a label already placed and stays inside the axes
    (off the title and the captions); a point with no such place is left unlabelled.
    ``placed`` holds the window extents of the labels placed so far (shared by both sides)."""
    figure = ax.figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    inside = ax.get_window_extent(renderer)
    for row in points.itertuples():
        for dx, dy in _offsets(side):
            far = abs(dx) > 5 or abs(dy) > 2
            annotation = ax.annotate(
                ar(_written([row.term], forms)[0]), (row.log_ratio, row.g2),
                xytext=(dx, dy), textcoords="offset points", fontsize=9,
                ha="left" if side == "a" else "right", va="bottom",
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.8},
                arrowprops={"arrowstyle": "-", "color": "#999999", "linewidth": 0.5,
                            "shrinkA": 0, "shrinkB": 2} if far else None)
            annotation.set_in_layout(False)  # placed here: the layout must not move it
            annotation.update_positions(renderer)
            box = Text.get_window_extent(annotation, renderer)
            fits = (inside.x0 <= box.x0 and box.x1 <= inside.x1 and inside.y0 <= box.y0
                    and box.y1 <= inside.y1)
            if fits and not overlaps_any(box, placed, pad=LABEL_GAP_POINTS * figure.dpi / 72):
                placed.append(box)
                break
            annotation.remove()


def keyness_chart(table: pd.DataFrame, label_a: str, label_b: str, *,
                  forms: Mapping[str, str] | None = None, n_labels: int = 8,
                  max_points: int = 3000, min_docs: int | None = 5, title=None, ax=None,
                  language=None):
    """Effect size (log ratio, x) against evidence (G², y) for every term of a keyness table.

    Part A's terms (positive log ratio) are on the right, part B's on the left; coloured
    points are significant after the table's correction, grey ones are not. The dashed line
    is the smallest significant G². The ``n_labels`` strongest terms of each side are
    labelled, largest G² first (the significant ones when there are any; with a table from
    ``keyness_between``, only terms found in at least ``min_docs`` documents of the side,
    as ``key_terms`` keeps them). Only the ``max_points`` terms with the largest G² are
    drawn. The y axis is linear, or, when G² exceeds 30, linear up to 10 and logarithmic
    above. ``label_a`` and ``label_b`` name the parts.
    """
    language = check_language(language)
    missing = {"term", "g2", "log_ratio", "significant", "used_more_in"} - set(table.columns)
    if missing:
        raise ValueError(f"table lacks {sorted(missing)}: pass a table made by keyness()")
    if len(table) == 0:
        raise ValueError("nothing to draw: the table is empty")
    drawn = table.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
    drawn = drawn.head(max_points)
    ax = _axes(ax, (9, 6))
    colors = [SIDE_COLORS[side] if significant and side in SIDE_COLORS else NEUTRAL
              for side, significant in zip(drawn["used_more_in"], drawn["significant"],
                                           strict=True)]
    ax.scatter(drawn["log_ratio"], drawn["g2"], s=14, c=colors, alpha=0.75, linewidths=0)
    highest = float(drawn["g2"].max())
    if highest > 30:  # evidence spans orders of magnitude: linear to 10, logarithmic above
        ax.set_yscale("symlog", linthresh=10)
        ax.set_ylim(bottom=0, top=highest * 1.8)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
    else:
        ax.set_ylim(bottom=0, top=max(highest * 1.25, 4.0))
    ax.axvline(0, color="#555555", linewidth=0.8)
    significant = table[table["significant"]]
    if len(significant):
        threshold = float(significant["g2"].min())
        ax.axhline(threshold, color="#555555", linewidth=0.8, linestyle="--")
        ax.annotate(ar(_say("threshold", language)), (1.0, threshold), xytext=(0, 3),
                    xycoords=ax.get_yaxis_transform(), textcoords="offset points",
                    ha="right", fontsize=8, color="#555555")
    else:
        ax.text(0.5, 0.9, ar(_say("none significant", language)), transform=ax.transAxes,
                ha="center", va="top", color="#555555", fontsize=10, zorder=3,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 2})
    span = max(float(drawn["log_ratio"].abs().max()), 1.0) * 1.35
    ax.set_xlim(-span, span)
    for x, align, side, name in ((0.98, "right", "a", label_a), (0.02, "left", "b", label_b)):
        ax.text(x, 1.01, ar(_say("more in", language).format(name)), transform=ax.transAxes,
                ha=align, va="bottom", color=SIDE_COLORS[side], fontsize=11)
    ax.set_xlabel(ar(_say("effect", language)))
    ax.set_ylabel(ar(_say("evidence", language)))
    ax.spines[["top", "right"]].set_visible(False)
    if title:
        ax.set_title(ar(title), pad=24)
    placed: list = []  # labels last, once the layout no longer moves the axes
    for side in ("a", "b"):  # the strongest evidence first: the highest points get labels
        chosen = drawn[drawn["used_more_in"] == side]
        if chosen["significant"].any():
            chosen = chosen[chosen["significant"]]
        if min_docs is not None and f"docs_{side}" in chosen.columns:
            chosen = chosen[chosen[f"docs_{side}"] >= min_docs]
        _label_points(ax, chosen.head(n_labels), forms, side, placed)
    return ax


_GRANULARITY = {"D": "day", "W": "week", "MS": "month", "QS": "month", "YS": "year"}


def topic_share_chart(shares: pd.DataFrame, labels: Sequence[str], *, title=None, ax=None,
                      max_label_chars: int = 36, language=None):
    """Topic shares over time as a grid: one row per topic, one column per period.

    ``shares`` comes from ``topic_share_over_time`` (rows: periods; columns: topics; values
    0 to 1); ``labels`` names each topic in Arabic (e.g. ``topic_labels``). A period without
    any document (missing from ``shares``) is a grey column, not left out: time is not
    compressed. The colour scale is a square root (small shares stay visible beside a large
    one); cells are annotated with their percentage when the grid is small enough to read.
    """
    language = check_language(language)
    if shares.empty:
        raise ValueError("nothing to draw: the table of shares is empty")
    if len(labels) != shares.shape[1]:
        raise ValueError(f"{len(labels)} labels for {shares.shape[1]} topics")
    frequency = shares.attrs.get("frequency")
    if frequency in _GRANULARITY and len(shares) > 1:  # periods without documents: blank
        shares = shares.reindex(pd.date_range(shares.index.min(), shares.index.max(),
                                              freq="W-MON" if frequency == "W" else frequency))
    values = shares.to_numpy(dtype=float).T * 100
    periods = pd.DatetimeIndex(shares.index)
    granularity = _GRANULARITY.get(shares.attrs.get("frequency"))
    if granularity is None:  # guess from the spacing of the periods
        steps = (periods[1:] - periods[:-1]).days if len(periods) > 1 else np.array([31.0])
        step = float(np.median(steps))
        granularity = "month" if step >= 28 else "week" if step >= 7 else "day"
    height = 1.5 + 0.42 * values.shape[0]
    width = min(16.0, 4.5 + 0.55 * values.shape[1])
    ax = _axes(ax, (width, height))
    # a square-root colour scale, so that small topics' rises stay visible beside a big one
    colours = plt.get_cmap("Blues").with_extremes(bad="#e6e6e6")  # no document: grey
    image = ax.imshow(np.ma.masked_invalid(values), aspect="auto", cmap=colours,
                      norm=PowerNorm(0.5, vmin=0, vmax=max(float(np.nanmax(values)), 1e-9)))
    ax.set_yticks(range(values.shape[0]),
                  [ar(shorten(label, max_label_chars)) for label in labels])
    ax.yaxis.tick_right()
    every = max(1, int(np.ceil(values.shape[1] / 14)))
    ticks = list(range(0, values.shape[1], every))
    ax.set_xticks(ticks, [ar(format_date(periods[i].date(), granularity, language))
                          for i in ticks],
                  rotation=45, ha="right", rotation_mode="anchor")
    if values.size <= 160:
        middle = float(np.nanmax(values)) / 2
        for (row, col), value in np.ndenumerate(values):
            if not np.isnan(value):
                ax.text(col, row, f"{value:.0f}", ha="center", va="center", fontsize=8,
                        color="white" if value > middle else "black")
    bar = ax.figure.colorbar(image, ax=ax, location="left", shrink=0.8, pad=0.02)
    bar.set_label(ar(_say("share", language)))
    if title:
        ax.set_title(ar(title))
    return ax
