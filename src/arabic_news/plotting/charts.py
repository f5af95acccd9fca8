"""The lessons' charts, drawn from plain Arabic strings: every label goes through ``ar()``.

Right-to-left conventions: ranked bars read top-down (rank 1 first) with their labels
right-aligned against the bars; long headlines are shortened at a word boundary.

One language per chart: each helper takes ``language`` ("ar", the default set by
``use_arabic_style``, or "en"); axis labels given as English furniture phrases
("occurrences", "articles", "per 10,000 terms") and every date on the axes and in event
labels are written in that language (see :mod:`.language`). Counts get integer ticks; a
sparse time series is drawn as separate stems and markers, not as a line that would suggest
a trend between two distant observations; annotations are 10 pt, readable at the saved size.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.text import Text
from matplotlib.ticker import Formatter, MaxNLocator

from .bidi import ar
from .language import MONTHS, check_language, format_date, word

#: Point size of value annotations and event labels (tick labels are 10 pt too).
ANNOTATION_SIZE = 10


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


def _title(ax, title, xlabel=None, ylabel=None, language=None):
    if title:
        ax.set_title(ar(title))
    if xlabel:
        ax.set_xlabel(ar(word(xlabel, language)))
    if ylabel:
        ax.set_ylabel(ar(word(ylabel, language)))


def bar_terms(terms, values, *, ax=None, title=None, xlabel=None, top=None, color="#2a6f97",
              language=None):
    """Horizontal bars of ``values`` per term, rank 1 at the top; returns the Axes.

    ``terms`` and ``values`` are sequences of the same length in rank order (as from a
    frequency table); ``top`` keeps only the first ``top`` of them. Show terms in their
    written form (``display_forms``), not as normalised keys. Whole-number values get
    integer ticks.
    """
    language = check_language(language)
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
                    va="center", fontsize=ANNOTATION_SIZE)
    if all(float(value).is_integer() for value in values):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    _title(ax, title, xlabel=xlabel, language=language)
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
            ax.text(col, row, format(value, fmt), ha="center", va="center",
                    fontsize=ANNOTATION_SIZE,
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


class DateTicks(Formatter):
    """Date tick labels in the chart language, without the system locale.

    Ticks on the first of January are years; on the first of a month, month names; other
    midnights, «17 نوفمبر»; times of day, HH:MM. The year (or the date, under times) is added
    on a second line to the first tick and wherever it changes.
    """

    def __init__(self, language=None):
        self.language = check_language(language)

    def __call__(self, x, pos=None):
        return ar(format_date(mdates.num2date(x).replace(tzinfo=None), "day", self.language))

    def format_ticks(self, values):
        dates = [mdates.num2date(value).replace(tzinfo=None) for value in values]
        months = MONTHS[self.language]
        midnight = all(d.hour == d.minute == d.second == 0 for d in dates)
        labels = []
        for position, d in enumerate(dates):
            previous = dates[position - 1] if position else None
            if midnight and all(x.day == 1 and x.month == 1 for x in dates):
                labels.append(f"{d.year}")
                continue
            if midnight and all(x.day == 1 for x in dates):
                main = months[d.month - 1]
            elif midnight:
                main = f"{d.day} {months[d.month - 1]}"
            else:
                main = f"{d:%H:%M}"
                if previous is None or previous.date() != d.date():
                    main += "\n" + format_date(d, "day", self.language)
                labels.append(ar(main))
                continue
            if previous is None or previous.year != d.year:
                main += f"\n{d.year}"
            labels.append(ar(main))
        return labels


def _date_axis(ax, language=None):
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(DateTicks(language))


def timeline(data, *, kind="lines", ax=None, title=None, ylabel=None, max_series=8,
             language=None, sparse=None, rest="sum", relative=None):
    """A chart over time; returns the Axes.

    ``kind="lines"``: ``data`` is a table indexed by date (a pandas DataFrame or Series, as
    from ``articles_per_period``), one series per column with its name in the legend (give
    terms in their written form), beside the plot so that it never covers the data. With more
    than ``max_series`` columns, the largest are drawn and the rest summed into one «other
    (n)» line (``rest="sum"``, for counts) or left out (``rest="drop"``, for shares; see
    :func:`top_series`). A period missing from every series (no article at all) is a gap in
    the lines, not a zero. A series with values in fewer than 6 periods, or in fewer than
    half of them, is *sparse*: it is drawn as stems and markers, never joined by lines (two
    observations months apart are not a trend). ``sparse=True``/``False`` forces the
    choice. Dense series are lines, broken wherever periods are missing from the table.

    ``kind="events"``: ``data`` has columns ``date`` and ``label`` (and optionally
    ``mentions``, which sets the marker size, and ``granularity``, day, week, month or year,
    with which the resolved date is written under the label in the chart language; without
    it, a ``when`` column is used as given): each event is a point on the time axis with its
    label above it, the most mentioned first, each at the lowest height where its rendered
    text clears the labels already placed (so labels never overlap; the figure grows
    taller when it must). ``relative`` (from ``relative_points``: date, articles) draws the
    dates that articles point to from their publication day (أمس، اليوم) as one grey bar
    per date below the axis, as deep as the number of such articles, without labels.
    """
    language = check_language(language)
    if kind == "lines":
        return _lines(data, ax=ax, title=title, ylabel=ylabel, max_series=max_series,
                      language=language, sparse=sparse, rest=rest)
    if kind == "events":
        return _events(data, ax=ax, title=title, language=language, relative=relative)
    raise ValueError(f"kind must be 'lines' or 'events', got {kind!r}")


def is_sparse(values) -> bool:
    """True when a series has data (a value that is neither missing nor 0) in fewer than 6
    periods or in fewer than half of its periods: too few to be read as a trend."""
    values = np.asarray(values, dtype=float)
    observed = int(np.count_nonzero(np.nan_to_num(values, nan=0.0)))
    return observed < 6 or observed < len(values) / 2


def _with_gaps(dates, values):
    """Insert a missing value wherever the step between periods exceeds 1.5 times the usual
    one, so that a line breaks across periods absent from the table."""
    if len(dates) < 3:
        return dates, values
    steps = np.diff(np.array(dates, dtype="datetime64[us]")).astype("int64")
    usual = np.median(steps)
    out_dates, out_values = [dates[0]], [values[0]]
    for position in range(1, len(dates)):
        if steps[position - 1] > 1.5 * usual:
            out_dates.append(dates[position - 1] + (dates[position] - dates[position - 1]) / 2)
            out_values.append(np.nan)
        out_dates.append(dates[position])
        out_values.append(values[position])
    return out_dates, np.asarray(out_values, dtype=float)


def top_series(data, max_series: int = 8, rest: str = "sum", language=None):
    """The columns of ``data`` to draw: all of them when there are at most ``max_series``;
    else the ``max_series - 1`` with the largest totals and, with ``rest="sum"``, one more
    column «other (n)» summing the ``n`` others (for counts, such as articles per source),
    or, with ``rest="drop"``, the ``max_series`` largest (for values that do not add up,
    such as relative frequencies). Missing values stay missing where every series is."""
    if rest not in ("sum", "drop"):
        raise ValueError(f"rest must be 'sum' or 'drop', got {rest!r}")
    totals = data.sum(axis=0).sort_values(ascending=False, kind="stable")
    if len(totals) <= max_series:
        return data[list(totals.index)]
    if rest == "drop":
        return data[list(totals.index[:max_series])]
    kept, others = list(totals.index[:max_series - 1]), list(totals.index[max_series - 1:])
    name = word("other ({n})", language).format(n=len(others))
    summed = data[others].sum(axis=1, min_count=1)
    return data[kept].assign(**{name: summed})


def _legend_outside(ax, labels: int) -> None:
    """The legend beside the plot (to its right), never over the data."""
    if labels:
        ax.legend(frameon=False, fontsize=ANNOTATION_SIZE, loc="upper left",
                  bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0)


def _lines(data, *, ax, title, ylabel, max_series, language, sparse, rest="sum"):
    if hasattr(data, "to_frame") and not hasattr(data, "columns"):
        data = data.to_frame()
    if len(data) == 0:
        raise ValueError("nothing to draw: the table is empty")
    data = data.astype("float64")  # nullable counts: <NA> (no article at all) becomes NaN
    data = top_series(data, max_series, rest, language)
    columns = list(data.columns)
    dates = _as_datetimes(data.index)
    ax = _axes(ax, (9, 4))
    if sparse is None:  # decided per series: a sparse one beside lines gets markers only
        sparse_of = {column: is_sparse(data[column].to_numpy(dtype=float)) for column in columns}
    else:
        sparse_of = dict.fromkeys(columns, sparse)
    stems = all(sparse_of.values())
    sparse = any(sparse_of.values())
    for number, column in enumerate(columns):
        values = data[column].to_numpy(dtype=float)
        label = ar(word(str(column), language))
        color = f"C{number % 10}"
        if sparse_of[column]:
            shown = ~np.isnan(values) & (values != 0)
            when = [d for d, keep in zip(dates, shown, strict=True) if keep]
            if stems:
                ax.vlines(when, 0, values[shown], color=color, linewidth=1.2, alpha=0.7)
            ax.plot(when, values[shown], linestyle="none", marker="o", markersize=6,
                    color=color, label=label)
        else:
            line_dates, line_values = _with_gaps(dates, values)
            ax.plot(line_dates, line_values, marker="o", markersize=3, linewidth=1.4,
                    color=color, label=label)
    _legend_outside(ax, len(columns) > 1 or str(columns[0]) not in {"articles", "0"})
    ax.set_ylim(bottom=0)
    if all(float(value).is_integer() for value in np.nan_to_num(data[columns].to_numpy(
            dtype=float)).ravel()):
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if sparse and len(dates) > 1:
        pad = (max(dates) - min(dates)) * 0.04
        ax.set_xlim(min(dates) - pad, max(dates) + pad)
    _date_axis(ax, language)
    ax.spines[["top", "right"]].set_visible(False)
    _title(ax, title, ylabel=ylabel, language=language)
    return ax


#: The least space, in points, between two labels of a chart (beyond the white box drawn
#: behind a label): touching words read as one.
LABEL_GAP_POINTS = 3
EVENT_LABEL_PAD = 1.0  # points of white box around an event label's text


def overlaps_any(box, placed, pad: float = 2.0) -> bool:
    """Whether ``box`` comes within ``pad`` pixels of one of the boxes ``placed``: labels
    that merely touch are refused too, since two Arabic words side by side without a space
    read as one word."""
    return any(box.x0 < other.x1 + pad and other.x0 < box.x1 + pad
               and box.y0 < other.y1 + pad and other.y0 < box.y1 + pad for other in placed)


def text_box(annotation, renderer=None):
    """The window extent of an annotation's text alone (``get_window_extent`` adds its
    connector line)."""
    renderer = renderer or annotation.figure.canvas.get_renderer()
    annotation.update_positions(renderer)
    return Text.get_window_extent(annotation, renderer)


_text_box = text_box


def _crosses(x: float, y0: float, y1: float, boxes, pad: float = 2.0) -> bool:
    """Whether the vertical segment at ``x`` from ``y0`` to ``y1`` crosses one of ``boxes``."""
    return any(box.x0 - pad < x < box.x1 + pad and box.y0 < y1 and y0 < box.y1
               for box in boxes)


def _place_labels(ax, dates, labels, importance) -> list:
    """Annotate each event above the time axis, the most important first, each at the
    lowest level where its text stays ``LABEL_GAP_POINTS`` clear of every label already
    placed and of their white boxes (measured on the rendered text, so labels never
    overlap or touch) and, where possible, where no connector line
    crosses a label. Returns the annotations."""
    figure = ax.figure
    figure.canvas.draw()  # settle the layout before measuring
    renderer = figure.canvas.get_renderer()
    placed: list = []  # (text box, x of its point, y of the axis)
    annotations = []
    gap = (LABEL_GAP_POINTS + 2 * EVENT_LABEL_PAD) * figure.dpi / 72  # pixels, boxes included
    step = ANNOTATION_SIZE * 2.6  # points between levels: two lines of text and a gap
    levels = 4 * len(labels) + 4
    for index in np.argsort(-np.asarray(importance, dtype=float), kind="stable"):
        candidates = []
        for level in range(levels):
            annotation = ax.annotate(
                ar(labels[index]), (dates[index], 0), xytext=(0, 10 + level * step),
                textcoords="offset points", ha="center", va="bottom", fontsize=ANNOTATION_SIZE,
                annotation_clip=False, zorder=4,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": EVENT_LABEL_PAD})
            annotation.set_in_layout(False)  # placed by hand, inside the axes (_fit_labels)
            box = _text_box(annotation, renderer)
            x, y = ax.transData.transform((mdates.date2num(dates[index]), 0))
            boxes = [other for other, _, _ in placed]
            if not overlaps_any(box, boxes, pad=gap):
                clean = not _crosses(x, y, box.y0, boxes) and not any(
                    box.x0 - 2 < other_x < box.x1 + 2 and box.y0 < other.y0
                    for other, other_x, _ in placed)
                candidates.append((not clean, level, annotation, box, x, y))
                if clean:
                    break
                continue
            annotation.remove()
        _, _, annotation, box, x, y = min(candidates, key=lambda found: found[:2])
        for _, _, other, *_ in candidates:
            if other is not annotation:
                other.remove()
        placed.append((box, x, y))
        annotations.append(annotation)
    return annotations


def _fit_labels(ax, annotations, below: float) -> None:
    """Set the top of the y axis so that every label lies inside the axes, above the axis
    line at 0 (labels sit at fixed heights in points), with ``below`` data units under it;
    make the figure taller first when the labels need more than two thirds of the axes."""
    figure = ax.figure
    for _ in range(3):
        figure.canvas.draw()
        renderer = figure.canvas.get_renderer()
        zero = ax.transData.transform((0, 0))[1]
        top = max(_text_box(annotation, renderer).y1 for annotation in annotations)
        room = (top - zero) * 1.06 + 6  # pixels the labels need above the axis
        height = ax.get_window_extent(renderer).height
        if room > height * 2 / 3:
            width, inches = figure.get_size_inches()
            figure.set_size_inches(width, inches + (1.5 * room - height) / figure.dpi)
            continue
        ax.set_ylim(-below, below * room / (height - room))
        figure.canvas.draw()
        renderer = figure.canvas.get_renderer()
        for annotation in annotations:  # connectors drawn behind every label
            bottom = _text_box(annotation, renderer).y0
            ax.plot([annotation.xy[0]] * 2,
                    [0, ax.transData.inverted().transform((0, bottom))[1]],
                    color="#999999", linewidth=0.8, zorder=1)
        return


def _events(data, *, ax, title, language, relative=None):
    if len(data) == 0 and (relative is None or len(relative) == 0):
        raise ValueError("nothing to draw: there are no events")
    dates = _as_datetimes(data["date"])
    labels = [shorten(str(label), 30) for label in data["label"]]
    if "granularity" in data:
        whens = [format_date(date, granularity, language)
                 for date, granularity in zip(dates, data["granularity"], strict=True)]
        labels = [f"{label}\n{when}" for label, when in zip(labels, whens, strict=True)]
    elif "when" in data:
        labels = [f"{label}\n{when}" for label, when in zip(labels, data["when"], strict=True)]
    mentions = (np.asarray(data["mentions"], dtype=float) if "mentions" in data
                else np.ones(len(dates)))
    ax = _axes(ax, (10, 4.5))
    ax.axhline(0, color="#555555", linewidth=1)
    all_dates = list(dates)
    if relative is not None and len(relative):
        # One point per article that points to a date from its publication day (أمس، اليوم):
        # a bar below the axis, its depth the number of such articles.
        when = _as_datetimes(relative["date"])
        articles = np.asarray(relative["articles"], dtype=float)
        ax.bar(when, -articles / articles.max(), width=0.8, color="#b5b5b5", align="center")
        ax.text(0.0, 0.02, ar(word("relative mentions, one point per article", language)),
                transform=ax.transAxes, ha="left", va="bottom", fontsize=8, color="#777777")
        all_dates += when
    if len(dates):
        ax.scatter(dates, [0] * len(dates), s=25 + 175 * mentions / mentions.max(),
                   color="#c44e52", zorder=3)
    below = 1.25 if relative is not None and len(relative) else 0.3
    ax.set_ylim(-below, below)
    span = max(all_dates) - min(all_dates)
    pad = max(span * 0.08, dt.timedelta(days=2))
    ax.set_xlim(min(all_dates) - pad, max(all_dates) + pad)
    ax.yaxis.set_visible(False)
    ax.spines[["left", "top", "right"]].set_visible(False)
    _date_axis(ax, language)
    _title(ax, title, language=language)
    if len(dates):
        _fit_labels(ax, _place_labels(ax, dates, labels, mentions), below)
    return ax
