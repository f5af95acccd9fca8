"""Right-to-left tables for Jupyter: ``rtl_table`` for any DataFrame, ``kwic_table`` for
keyword in context.

Why an object with ``_repr_html_`` (and not a pandas Styler, itables or great-tables), as
measured in JupyterLab 4 and the nbconvert HTML export (see the README, "How Arabic is
displayed"): the table needs a ``dir`` attribute on the table and on every cell. JupyterLab's
HTML sanitiser (applied to every output of a notebook that is opened, not run) keeps ``dir``,
``lang`` and the ``text-align`` of inline styles, but drops ``<style>`` blocks and scripts, on
which a Styler's cell styles and itables depend; a Styler also numbers its ids with a random
uuid unless one is fixed. Markup written here is a pure function of the table, so nbval can
compare it, and it needs no JavaScript.

How a table reads right: ``dir="rtl"`` on the table puts the first column on the right. Every
cell carries its own ``dir``: ``rtl`` when it holds an Arabic letter, so a cell that mixes
Arabic with digits or Latin text is laid out by the bidi algorithm as a right-to-left
paragraph, and ``ltr`` otherwise, so that numbers such as ``-0.5`` and Latin ids keep their
order. A ``dir`` attribute also makes the element a bidi isolate (the HTML user-agent
stylesheet gives ``[dir]`` ``unicode-bidi: isolate``), and a table cell is its own paragraph:
nothing in one cell can reorder another.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import numbers
from collections.abc import Mapping

import pandas as pd

from .bidi_text import has_rtl

#: Column names the lessons' tables use, in words a reader understands.
HEADERS: dict[str, dict[str, str]] = {
    "en": {
        "doc_id": "article", "title": "headline", "source": "source",
        "published": "published", "term": "term", "count": "count", "share": "share",
        "rank": "rank", "before": "before", "keyword": "keyword", "after": "after",
        "text": "text", "value": "value", "document": "article",
    },
    "ar": {
        "doc_id": "المقال", "title": "العنوان", "source": "المصدر", "published": "تاريخ النشر",
        "term": "الكلمة", "count": "التكرار", "share": "النسبة", "rank": "الترتيب",
        "before": "قبلها", "keyword": "الكلمة", "after": "بعدها", "text": "النص",
        "value": "القيمة", "document": "المقال",
    },
}
_BOOLEANS = {"en": ("yes", "no"), "ar": ("نعم", "لا")}
MISSING = "\u2014"  # an em dash for a missing value

_CELL_ALIGN = {"right": "right", "left": "left", "center": "center"}


def _header(name, headers: Mapping, language: str) -> str:
    if name in headers:
        return str(headers[name])
    text = str(name)
    return HEADERS[language].get(text, text.replace("_", " "))


def format_value(value, *, decimals: int = 3, language: str = "en") -> str:
    """One cell as text: thousands separators for integers, ``decimals`` places for floats,
    dates in ISO form, booleans and missing values as words or a dash."""
    if value is None or value is pd.NaT:
        return MISSING
    if isinstance(value, bool):
        return _BOOLEANS[language][0 if value else 1]
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}"
    if isinstance(value, numbers.Real):
        value = float(value)
        if math.isnan(value):
            return MISSING
        if value.is_integer() and abs(value) < 1e15 and decimals == 0:
            return f"{int(value):,}"
        return f"{value:,.{decimals}f}"
    if isinstance(value, pd.Timestamp | dt.datetime):
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        if pd.isna(value):
            return MISSING
    except (TypeError, ValueError):
        pass
    return str(value)


class RtlTable:
    """A table shown right to left; build it with :func:`rtl_table` or :func:`kwic_table`.

    ``frame`` is the table of formatted strings that is shown, with reader-facing headers
    (its first column is the rightmost on screen). Jupyter shows ``_repr_html_``; the text
    form (``repr``) is the frame's plain-text rendering.
    """

    def __init__(self, frame: pd.DataFrame, *, align: Mapping[str, str] | None = None,
                 emphasis: tuple[str, ...] = (), caption: str | None = None,
                 kind: str = "table", index_columns: int = 0):
        self.frame = frame
        self.align = dict(align or {})
        self.emphasis = emphasis
        self.caption = caption
        self.kind = kind
        self.index_columns = index_columns

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_html(self) -> str:
        """The table as HTML: deterministic, no ids, no scripts, no ``<style>`` block."""
        out = [f'<table class="an-rtl-table an-{self.kind}" dir="rtl">']
        if self.caption:
            out.append(f"<caption{_dir(self.caption)}>{html.escape(self.caption)}</caption>")
        out.append("<thead><tr>")
        for position, name in enumerate(self.frame.columns):
            style = _style(self.align.get(name, "right"))
            tag = "th"
            out.append(f'<{tag} class="{_class(position, self)}"{_dir(str(name))}{style}>'
                       f"{html.escape(str(name))}</{tag}>")
        out.append("</tr></thead><tbody>")
        for row in self.frame.itertuples(index=False, name=None):
            out.append("<tr>")
            for position, (name, cell) in enumerate(zip(self.frame.columns, row, strict=True)):
                tag = "th" if position < self.index_columns else "td"
                text = html.escape(cell)
                if name in self.emphasis:
                    text = f"<strong>{text}</strong>"
                style = _style(self.align.get(name, "right"))
                out.append(f'<{tag} class="{_class(position, self)}"{_dir(cell)}{style}>'
                           f"{text}</{tag}>")
            out.append("</tr>")
        out.append("</tbody></table>")
        return "".join(out)

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)

    def __len__(self) -> int:
        return len(self.frame)


def _class(position: int, table: RtlTable) -> str:
    name = table.frame.columns[position]
    slug = "".join(c if c.isalnum() else "-" for c in str(name)) or "column"
    return f"an-col-{position} an-{slug}" if table.kind == "kwic" else f"an-col-{position}"


def _dir(text: str) -> str:
    return ' dir="rtl"' if has_rtl(text) else ' dir="ltr"'


def _style(align: str) -> str:
    return f' style="text-align: {_CELL_ALIGN[align]}"'


def _check_common(language: str, decimals: int, headers) -> None:
    if language not in HEADERS:
        raise ValueError(f"language must be one of {sorted(HEADERS)}, got {language!r}")
    if not isinstance(decimals, int) or isinstance(decimals, bool) or decimals < 0:
        raise ValueError(f"decimals must be an integer >= 0, got {decimals!r}")
    if headers is not None and not isinstance(headers, Mapping):
        raise TypeError("headers must map column names to the words shown, "
                        f"e.g. {{'doc_id': 'article'}}; got {type(headers).__name__}")


def _as_frame(data, what: str) -> pd.DataFrame:
    if isinstance(data, pd.Series):
        return data.to_frame()
    if isinstance(data, pd.DataFrame):
        return data
    raise TypeError(f"{what} takes a pandas DataFrame or Series, got {type(data).__name__}")


def _show_index(frame: pd.DataFrame, index) -> bool:
    if index is not None:
        return bool(index)
    plain = (isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0
             and frame.index.step == 1 and all(name is None for name in frame.index.names))
    return not plain


def _formatted(frame: pd.DataFrame, show_index: bool, headers: Mapping, language: str,
               decimals: int) -> tuple[pd.DataFrame, int]:
    if isinstance(frame.columns, pd.MultiIndex):
        frame = frame.copy()
        frame.columns = [" / ".join(map(str, parts)) for parts in frame.columns]
    index_columns = 0
    if show_index:
        names = [name if name is not None else "" for name in frame.index.names]
        index_columns = len(names)
        frame = frame.reset_index(names=[name or f"level_{i}" for i, name in enumerate(names)])
        headers = {**{f"level_{i}": "" for i in range(index_columns)}, **headers}
    columns = [_header(name, headers, language) for name in frame.columns]
    if len(set(columns)) < len(columns):
        raise ValueError(f"two columns would show the same header: {columns}; "
                         "give distinct words with headers={...}")
    shown = pd.DataFrame(
        {header: [format_value(value, decimals=decimals, language=language)
                  for value in frame.iloc[:, position].tolist()]
         for position, header in enumerate(columns)},
        index=pd.RangeIndex(len(frame)), dtype=object,
    )
    return shown, index_columns


def rtl_table(data, *, headers: Mapping | None = None, index: bool | None = None,
              caption: str | None = None, decimals: int = 3, language: str = "en",
              max_rows: int | None = None) -> RtlTable:
    """A DataFrame (or Series) shown as a right-to-left table; make it a cell's last value.

    Parameters
    ----------
    headers: words shown for some columns (``{"doc_id": "article"}``); the others get the
        words of :data:`HEADERS` in ``language`` ("en" or "ar"), or their name with spaces.
    index: show the index as the first (rightmost) columns; by default, when it is named or
        is not the plain 0, 1, 2 ... index.
    caption: a line above the table.
    decimals: places shown for floats (integers get thousands separators).
    max_rows: show only the first ``max_rows`` rows (all by default).
    """
    frame = _as_frame(data, "rtl_table()")
    _check_common(language, decimals, headers)
    if max_rows is not None:
        if not isinstance(max_rows, int) or max_rows < 1:
            raise ValueError(f"max_rows must be a positive integer or None, got {max_rows!r}")
        frame = frame.head(max_rows)
    shown, index_columns = _formatted(frame, _show_index(frame, index), dict(headers or {}),
                                      language, decimals)
    return RtlTable(shown, caption=caption, index_columns=index_columns)


def kwic_table(kwic, *, headers: Mapping | None = None, caption: str | None = None,
               language: str = "en") -> RtlTable:
    """Keyword in context as a sentence reads: *before* · *keyword* · *after*, right to left.

    ``kwic`` has columns ``before``, ``keyword`` and ``after`` (as from
    ``analysis.keyword_in_context``) and possibly others (``doc_id`` ...), which are shown
    first, on the right. The keyword column is centred and bold; *before* lies to its right,
    aligned against it, and *after* to its left, starting against it, so that each row reads
    from right to left as the sentence does.
    """
    frame = _as_frame(kwic, "kwic_table()")
    _check_common(language, 0, headers)
    missing = [name for name in ("before", "keyword", "after") if name not in frame.columns]
    if missing:
        raise ValueError(f"kwic_table() needs columns before, keyword and after; missing "
                         f"{missing} (have {list(frame.columns)})")
    others = [name for name in frame.columns if name not in ("before", "keyword", "after")]
    frame = frame[[*others, "before", "keyword", "after"]]
    shown, _ = _formatted(frame, False, dict(headers or {}), language, 3)
    before, keyword, after = shown.columns[-3:]
    return RtlTable(shown, align={before: "left", keyword: "center", after: "right"},
                    emphasis=(keyword,), caption=caption, kind="kwic")
