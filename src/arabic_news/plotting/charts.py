"""The lessons' charts, drawn from plain Arabic strings: every label goes through ``ar()``.

Right-to-left conventions: ranked bars read top-down (rank 1 first) with their labels
right-aligned against the bars; long headlines are shortened at a word boundary.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator

from .bidi import ar


def _axes(ax, figsize):
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def shorten(label: str, max_chars: int = 40) -> str:
    """``label`` cut at a word boundary to at most ``max_chars`` characters, with "…"."""
    label = " ".join(str(label).split())
    if len(label) <= max_chars:
        return label
    cut = label[: max_chars - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut + "…"


def _title(ax, title, xlabel=None, ylabel=None):
    if title:
        ax.set_title(ar(title))
    if xlabel:
        ax.set_xlabel(ar(xlabel))
    if ylabel:
        ax.set_ylabel(ar(ylabel))


def bar_terms(terms, values, *, ax=None, title=None, xlabel=None, top=None, color="#2a6f97"):
    """Horizontal bars of ``values`` per term, rank 1 at the top; returns the Axes.

    ``terms`` and ``values`` are sequences of the same length in rank order (as from a
    frequency table); ``top`` keeps only the first ``top`` of them.
    """
    terms = [str(term) for term in terms]
    values = np.asarray(values, dtype=float)
    if len(terms) != len(values):
        raise ValueError(f"{len(terms)} terms for {len(values)} values")
    if not terms:
        raise ValueError("nothing to draw: terms is empty")
    if top is not None:
        terms, values = terms[:top], values[:top]
    ax = _axes(ax, (7, 0.8 + 0.32 * len(terms)))
    positions = np.arange(len(terms))
    ax.barh(positions, values, color=color)
    ax.set_yticks(positions, [ar(term) for term in terms], ha="right")
    ax.invert_yaxis()  # rank 1 at the top
    ax.margins(x=0.12)
    for position, value in zip(positions, values, strict=True):
        text = f"{value:,.0f}" if float(value).is_integer() else f"{value:.3g}"
        ax.annotate(text, (value, position), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    _title(ax, title, xlabel=xlabel)
    return ax


def heatmap(matrix, labels: Sequence[str], *, ax=None, title=None, fmt=".2f", cmap="viridis",
            annotate=True, col_labels: Sequence[str] | None = None, max_label_chars=40,
            vmin=0.0, vmax=1.0):
    """A labelled matrix (e.g. cosine similarities) with Arabic tick labels on both axes."""
    matrix = np.asarray(matrix, dtype=float)
    col_labels = labels if col_labels is None else col_labels
    if matrix.ndim != 2 or matrix.shape != (len(labels), len(col_labels)):
        raise ValueError(f"matrix of shape {matrix.shape} does not fit "
                         f"{len(labels)} row labels and {len(col_labels)} column labels")
    size = max(4.0, 0.55 * max(matrix.shape) + 3)
    ax = _axes(ax, (size + 2, size))
    image = ax.imshow(matrix, cmap=cmap, vmin=vmin, vmax=vmax)
    ax.set_yticks(range(len(labels)), [ar(shorten(label, max_label_chars)) for label in labels])
    ax.set_xticks(range(len(col_labels)),
                  [ar(shorten(label, max_label_chars)) for label in col_labels],
                  rotation=40, ha="right", rotation_mode="anchor")
    if annotate and matrix.size <= 400:
        middle = (vmin + vmax) / 2
        for (row, col), value in np.ndenumerate(matrix):
            ax.text(col, row, format(value, fmt), ha="center", va="center", fontsize=8,
                    color="black" if value > middle else "white")
    ax.figure.colorbar(image, ax=ax, shrink=0.8)
    _title(ax, title)
    return ax


def _as_datetimes(values) -> list[dt.datetime]:
    converted = []
    for value in values:
        if hasattr(value, "to_pydatetime"):
            value = value.to_pydatetime()
        elif isinstance(value, np.datetime64):
            value = value.astype("datetime64[us]").item()
        if isinstance(value, dt.datetime):
            value = value.replace(tzinfo=None)
        elif isinstance(value, dt.date):
            value = dt.datetime(value.year, value.month, value.day)
        else:
            raise TypeError(f"expected dates, got {type(value).__name__}: {value!r}")
        converted.append(value)
    return converted


def _date_axis(ax):
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def timeline(data, *, kind="lines", ax=None, title=None, ylabel=None, max_series=8):
    """A chart over time; returns the Axes.

    ``kind="lines"``: ``data`` is a table indexed by date (a pandas DataFrame or Series, as
    from ``articles_per_period``), one line per column with its name in the legend; only the
    ``max_series`` columns with the largest totals are drawn.

    ``kind="events"``: ``data`` has columns ``date`` and ``label`` (and optionally
    ``mentions``, which sets the marker size, and ``when``, a second label line): each event
    is a point on the time axis with its Arabic label, on alternating heights so that
    neighbouring labels do not collide.
    """
    if kind == "lines":
        return _lines(data, ax=ax, title=title, ylabel=ylabel, max_series=max_series)
    if kind == "events":
        return _events(data, ax=ax, title=title)
    raise ValueError(f"kind must be 'lines' or 'events', got {kind!r}")


def _lines(data, *, ax, title, ylabel, max_series):
    if hasattr(data, "to_frame") and not hasattr(data, "columns"):
        data = data.to_frame()
    if len(data) == 0:
        raise ValueError("nothing to draw: the table is empty")
    totals = data.sum(axis=0).sort_values(ascending=False, kind="stable")
    columns = list(totals.index[:max_series])
    dates = _as_datetimes(data.index)
    ax = _axes(ax, (9, 4))
    for column in columns:
        ax.plot(dates, data[column].to_numpy(dtype=float), marker="o", markersize=3,
                linewidth=1.4, label=ar(str(column)))
    if len(columns) > 1 or str(columns[0]) not in {"articles", "0"}:
        ax.legend(frameon=False, fontsize=9)
    ax.set_ylim(bottom=0)
    if all(float(value).is_integer() for value in data[columns].to_numpy().ravel()):
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _date_axis(ax)
    ax.spines[["top", "right"]].set_visible(False)
    _title(ax, title, ylabel=ylabel)
    return ax


def _events(data, *, ax, title):
    if len(data) == 0:
        raise ValueError("nothing to draw: there are no events")
    dates = _as_datetimes(data["date"])
    labels = [shorten(str(label), 30) for label in data["label"]]
    if "when" in data:
        labels = [f"{label}\n{when}" for label, when in zip(labels, data["when"], strict=True)]
    mentions = (np.asarray(data["mentions"], dtype=float) if "mentions" in data
                else np.ones(len(dates)))
    order = np.argsort(np.array(dates, dtype="datetime64[us]"), kind="stable")
    ax = _axes(ax, (10, 4.5))
    heights = np.array([1.0, -1.0, 0.6, -0.6, 1.4, -1.4])
    ax.axhline(0, color="#555555", linewidth=1)
    for rank, index in enumerate(order):
        height = heights[rank % len(heights)]
        ax.vlines(dates[index], 0, height, color="#999999", linewidth=0.8)
        ax.scatter([dates[index]], [0], s=25 + 175 * mentions[index] / mentions.max(),
                   color="#c44e52", zorder=3)
        ax.annotate(ar(labels[index]), (dates[index], height),
                    xytext=(0, 4 if height > 0 else -4), textcoords="offset points",
                    ha="center", va="bottom" if height > 0 else "top", fontsize=9)
    ax.set_ylim(-1.9, 1.9)
    ax.yaxis.set_visible(False)
    ax.spines[["left", "top", "right"]].set_visible(False)
    span = max(dates) - min(dates)
    pad = max(span * 0.08, dt.timedelta(days=2))
    ax.set_xlim(min(dates) - pad, max(dates) + pad)
    _date_axis(ax)
    _title(ax, title)
    return ax
