"""Charts of lesson 08: who reprints whom, and how one story spread.

Every label goes through ``ar()``; one language per chart (the furniture in ``language``, and
the caller's title in the same language). Source names are the corpus's own.

* :func:`flow_chart`: a grid of origin sources (rows) against reprinting sources (columns);
  each cell holds the number of reprints and, under it, their median lag in days. In an
  Arabic chart the first column is on the right and the row labels are on the right, where
  an Arabic reader starts.
* :func:`spread_chart`: one story's articles on a time axis (time runs left to right, as on
  every timeline of the lessons), one row per source, the origin marked.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import PowerNorm

from .bidi import ar
from .charts import ANNOTATION_SIZE, shorten
from .language import check_language, word

FURNITURE = {
    "origin": {"ar": "المصدر الأصلي (أول من نشر القصة)", "en": "origin (first to publish)"},
    "reprint": {"ar": "المصدر الذي أعاد نشرها", "en": "reprinted by"},
    "other": {"ar": "مصادر أخرى", "en": "other sources"},
    "lag note": {"ar": "تحت كل عدد: وسيط المدة من النشر الأول إلى إعادة النشر، بالأيام",
                 "en": "under each count: the median time from origin to reprint, in days"},
    "hours after": {"ar": "الساعات بعد أول نشر", "en": "hours after the first publication"},
    "days after": {"ar": "الأيام بعد أول نشر", "en": "days after the first publication"},
    "first": {"ar": "أول نشر", "en": "first published"},
    "reprint point": {"ar": "إعادة نشر", "en": "reprint"},
    "reprints": {"ar": "عدد المقالات المعاد نشرها", "en": "reprints"},
}


def _say(key: str, language: str) -> str:
    return FURNITURE[key][language]


UNKNOWN = "(unknown)"  # what analysis.reprint_flows calls a missing source


def _source(name, language: str) -> str:
    """A source's name as given; a missing one in the chart's language."""
    return word(UNKNOWN, language) if name == UNKNOWN else str(name)


def _axes(ax, figsize):
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def flow_matrix(flows: pd.DataFrame, max_sources: int = 12) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(reprints, median lag) as origin x reprinting-source tables; beyond ``max_sources``
    sources (ranked by reprints sent and received), the rest are pooled as ``"other"`` (their
    pooled cells have no median lag)."""
    missing = {"origin_source", "reprint_source", "reprints", "median_lag_days"} - set(flows)
    if missing:
        raise ValueError(f"flows lacks {sorted(missing)}: pass analysis.reprint_flows(groups)")
    if flows.empty:
        raise ValueError("nothing to draw: no article is reprinted")
    volume = (flows.groupby("origin_source")["reprints"].sum()
              .add(flows.groupby("reprint_source")["reprints"].sum(), fill_value=0)
              .sort_values(ascending=False, kind="stable"))
    shown = list(volume.index[:max_sources]) if len(volume) > max_sources else list(volume.index)
    pooled = flows.assign(
        origin_source=flows["origin_source"].where(flows["origin_source"].isin(shown), "other"),
        reprint_source=flows["reprint_source"].where(flows["reprint_source"].isin(shown),
                                                     "other"))
    order = shown + (["other"] if len(shown) < len(volume) else [])
    counts = pooled.pivot_table(index="origin_source", columns="reprint_source",
                                values="reprints", aggfunc="sum", fill_value=0)
    counts = counts.reindex(index=order, columns=order, fill_value=0)
    single = pooled.groupby(["origin_source", "reprint_source"]).filter(lambda g: len(g) == 1)
    lags = single.pivot_table(index="origin_source", columns="reprint_source",
                              values="median_lag_days", aggfunc="first")
    return counts, lags.reindex(index=order, columns=order)


def flow_chart(flows: pd.DataFrame, *, max_sources: int = 12, title=None, ax=None,
               language=None):
    """Reprints from each origin source (rows) to each reprinting source (columns), with the
    median lag in days under each count; returns the Axes."""
    language = check_language(language)
    counts, lags = flow_matrix(flows, max_sources)
    names = [_say("other", language) if name == "other" else shorten(_source(name, language), 24)
             for name in counts.index]
    size = 0.75 * len(names)
    ax = _axes(ax, (max(6.0, size + 3.5), max(4.5, size + 2.0)))
    values = counts.to_numpy(float)
    image = ax.imshow(np.where(values > 0, values, np.nan), cmap="Blues",
                      norm=PowerNorm(0.5, vmin=0, vmax=max(values.max(), 1)))
    rtl = language == "ar"
    # slanted up to the right, anchored at its right end: where an Arabic label begins
    ax.set_xticks(range(len(names)), [ar(name) for name in names], rotation=40, ha="right",
                  rotation_mode="anchor")
    ax.set_yticks(range(len(names)), [ar(name) for name in names])
    if rtl:  # the first column on the right, the row labels on the right
        ax.invert_xaxis()
        ax.yaxis.tick_right()
        ax.yaxis.set_label_position("right")
    middle = np.sqrt(values.max()) / 2 if values.max() else 0
    for (row, col), count in np.ndenumerate(values):
        if count == 0:
            continue
        lag = lags.iat[row, col]
        text = f"{count:,.0f}" if np.isnan(lag) else f"{count:,.0f}\n{lag:.1f}"
        ax.text(col, row, text, ha="center", va="center", fontsize=ANNOTATION_SIZE - 1,
                color="white" if np.sqrt(count) > middle else "black")
    ax.set_ylabel(ar(_say("origin", language)))
    ax.set_xlabel(ar(f"{_say('reprint', language)}\n{_say('lag note', language)}"))
    bar = ax.figure.colorbar(image, ax=ax, shrink=0.7, location="left" if rtl else "right")
    bar.set_label(ar(_say("reprints", language)))
    if title:
        ax.set_title(ar(title))
    return ax


def spread_chart(story: pd.DataFrame, *, title=None, ax=None, language=None):
    """One story's articles over time since its first publication, one row per source
    (the origin's source first); the origin is a star, reprints are dots with their
    similarity to the origin beside them. Returns the Axes."""
    language = check_language(language)
    missing = {"source", "lag_days", "origin", "similarity"} - set(story)
    if missing:
        raise ValueError(f"story lacks {sorted(missing)}: pass the rows of one group of "
                         f"analysis.near_duplicates(corpus)")
    story = story[story["lag_days"].notna()]
    if len(story) < 2:
        raise ValueError("nothing to draw: the story needs two dated articles")
    hours = story["lag_days"].max() <= 3
    when = story["lag_days"].to_numpy(float) * (24 if hours else 1)
    sources = story["source"].astype(object).where(story["source"].notna(), UNKNOWN)
    sources = sources.map(lambda source: _source(source, language))
    rows = list(dict.fromkeys(sources))
    y = np.array([rows.index(source) for source in sources])
    ax = _axes(ax, (9, 1.4 + 0.45 * len(rows)))
    origin = story["origin"].to_numpy(bool)
    ax.hlines(range(len(rows)), 0, when.max(), color="#dddddd", linewidth=0.8, zorder=1)
    ax.scatter(when[~origin], y[~origin], s=50, color="#2a6f97", zorder=3,
               label=ar(_say("reprint point", language)))
    ax.scatter(when[origin], y[origin], s=160, marker="*", color="#c44e52", zorder=4,
               label=ar(_say("first", language)))
    for x, row, similarity, is_origin in zip(when, y, story["similarity"], origin, strict=True):
        if not is_origin:
            ax.annotate(f"{similarity:.2f}", (x, row), xytext=(0, 7), textcoords="offset points",
                        ha="center", fontsize=ANNOTATION_SIZE - 2, color="#555555")
    ax.set_yticks(range(len(rows)), [ar(shorten(str(row), 24)) for row in rows])
    ax.set_ylim(len(rows) - 0.4, -0.7)
    span = max(when.max(), 1.0)
    ax.set_xlim(-0.05 * span, span * 1.08)
    ax.set_xlabel(ar(_say("hours after" if hours else "days after", language)))
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
              fontsize=ANNOTATION_SIZE)
    if title:
        ax.set_title(ar(title))
    return ax
